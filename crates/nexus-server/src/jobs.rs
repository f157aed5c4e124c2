//! Upload jobs: each uploaded file is ingested in the background; `/api/jobs/{id}` reports its
//! state, counts and errors per file.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Queued,
    Running,
    Done,
    Failed,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileError {
    pub file: String,
    pub error: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Job {
    pub id: String,
    pub state: JobState,
    /// The uploaded file's (sanitized) name.
    pub file: String,
    pub total: usize,
    pub done: usize,
    pub added: usize,
    pub duplicates: usize,
    pub errors: Vec<FileError>,
    /// The documents stored (or found already stored) from this upload.
    pub docs: Vec<String>,
}

/// Every job of this server's life (jobs are small; a server is restarted long before they add up).
#[derive(Clone, Default)]
pub struct Jobs(Arc<Mutex<HashMap<String, Job>>>);

impl Jobs {
    pub fn create(&self, id: String, file: String) -> Job {
        let job = Job {
            id: id.clone(),
            state: JobState::Queued,
            file,
            total: 1,
            done: 0,
            added: 0,
            duplicates: 0,
            errors: Vec::new(),
            docs: Vec::new(),
        };
        if let Ok(mut m) = self.0.lock() {
            m.insert(id, job.clone());
        }
        job
    }

    pub fn get(&self, id: &str) -> Option<Job> {
        self.0.lock().ok()?.get(id).cloned()
    }

    pub fn update(&self, id: &str, f: impl FnOnce(&mut Job)) {
        if let Ok(mut m) = self.0.lock()
            && let Some(j) = m.get_mut(id)
        {
            f(j);
        }
    }
}

/// A new job id: 16 random hex digits.
pub fn new_id() -> String {
    let mut b = [0u8; 8];
    if getrandom::fill(&mut b).is_err() {
        // No randomness: ids need only be unique within this process.
        static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        b = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed).to_be_bytes();
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}
