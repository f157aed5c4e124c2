//! Read-only SQLite connections for the read endpoints, used on tokio's blocking threads.
//!
//! Connections are opened with `SQLITE_OPEN_READ_ONLY`, so no read endpoint can write whatever
//! it runs. A semaphore bounds the queries in flight to the pool's size; WAL mode lets them run
//! while the writer commits.

use crate::error::{ApiError, ApiResult};
use nexus_store::{KbFact, Store};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

pub struct ReadPool {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
    facts: Arc<Vec<KbFact>>,
}

impl ReadPool {
    /// `size` connections, opened now (so a bad store fails at start, not on the first request).
    pub fn open(db: PathBuf, size: usize, facts: Arc<Vec<KbFact>>) -> nexus_store::Result<ReadPool> {
        let size = size.max(1);
        let mut idle = Vec::with_capacity(size);
        for _ in 0..size {
            idle.push(connect(&db, &facts)?);
        }
        Ok(ReadPool { db, idle: Mutex::new(idle), permits: Semaphore::new(size), facts })
    }

    /// Run `f` on a read-only connection on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> ApiResult<T> + Send + 'static,
    {
        let _permit = self.permits.acquire().await.map_err(|_| ApiError::internal("read pool closed"))?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            // A connection lost to a panic is replaced here.
            let store = match pool.idle.lock().map(|mut v| v.pop()) {
                Ok(Some(s)) => s,
                _ => connect(&pool.db, &pool.facts)?,
            };
            let out = f(&store);
            if let Ok(mut idle) = pool.idle.lock() {
                idle.push(store);
            }
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("read failed: {e}")))?
    }
}

fn connect(db: &std::path::Path, facts: &[KbFact]) -> nexus_store::Result<Store> {
    let store = Store::open_read_only(db)?;
    store.load_kb_facts(facts)?;
    Ok(store)
}
