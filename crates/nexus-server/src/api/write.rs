//! Write endpoints, all through the one writer: uploads (ingested in the background as jobs),
//! source grades; `/api/jobs/{id}`.

use super::docs::source_json;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Body, J, P, Q};
use crate::jobs::{FileError, JobState, Jobs};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use nexus_pipeline::{Event, Observer};
use nexus_store::{AddOutcome, Reliability, Store};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UploadParams {
    name: Option<String>,
}

/// The base name of an uploaded file, made safe to create in the upload folder: no folders
/// (only what follows the last `/` or `\`), no control characters, no leading dots, characters
/// other than letters, digits and `._- ()` replaced, at most 120 characters (the extension kept).
/// `None` when nothing usable is left.
pub fn sanitize(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String =
        base.chars().filter(|c| !c.is_control()).map(|c| if c.is_alphanumeric() || "._- ()".contains(c) { c } else { '_' }).collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    if clean.is_empty() {
        return None;
    }
    if clean.chars().count() <= 120 {
        return Some(clean.to_owned());
    }
    let ext: String = clean.rsplit_once('.').map(|(_, e)| e).filter(|e| e.chars().count() <= 10).unwrap_or("").to_owned();
    let stem: String = clean.chars().take(100).collect();
    Some(if ext.is_empty() { stem } else { format!("{stem}.{ext}") })
}

pub async fn upload(State(st): State<AppState>, Q(p): Q<UploadParams>, Body(bytes): Body) -> ApiResult<(StatusCode, Json<Value>)> {
    let name = p.name.as_deref().and_then(sanitize).ok_or_else(|| ApiError::bad_request("give the file's name: ?name=FILE"))?;
    if bytes.len() as u64 > st.max_upload {
        return Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("larger than the upload limit of {} bytes", st.max_upload)));
    }
    if bytes.is_empty() {
        return Err(ApiError::bad_request("the file is empty"));
    }
    let id = crate::jobs::new_id();
    let job = st.jobs.create(id.clone(), name.clone());
    // One folder per job inside the server's temporary folder: names never meet, and the
    // sanitized name cannot leave it.
    let dir = st.uploads.path().join(&id);
    let path = dir.join(&name);
    let size = bytes.len() as u64;
    let written = {
        let (dir, path) = (dir.clone(), path.clone());
        tokio::task::spawn_blocking(move || std::fs::create_dir(&dir).and_then(|_| std::fs::write(&path, &bytes))).await
    };
    if let Err(e) = written.map_err(|e| e.to_string()).and_then(|r| r.map_err(|e| e.to_string())) {
        st.jobs.update(&id, |j| j.state = JobState::Failed);
        return Err(ApiError::internal(format!("cannot keep the upload: {e}")));
    }
    let (jobs, extractor, kb_dirs, generation) = (st.jobs.clone(), st.extractor.clone(), st.kb_dirs.clone(), st.generation.clone());
    let job_id = id.clone();
    st.writer.submit(move |_store: &mut Store, db: &std::path::Path| {
        jobs.update(&job_id, |j| j.state = JobState::Running);
        let extractor = extractor.get_or_init(|| nexus_extract::Extractor::new(nexus_kb::KnowledgeBase::load(&kb_dirs).0));
        let mut observer = JobObserver { jobs: jobs.clone(), id: job_id.clone(), name: name.clone(), path: path.display().to_string() };
        let inputs = vec![nexus_ingest::Input::File { path: path.clone(), size }];
        let result = nexus_pipeline::run(db, inputs, Vec::new(), &nexus_pipeline::Options::default(), Some(extractor), &mut observer);
        // Before the job shows as finished: a client polling it then reads the new store.
        generation.bump();
        jobs.update(&job_id, |j| match result {
            Ok(_) => j.state = if j.errors.is_empty() { JobState::Done } else { JobState::Failed },
            Err(e) => {
                j.state = JobState::Failed;
                j.errors.push(FileError { file: name.clone(), error: e.to_string() });
            }
        });
        if let Err(e) = std::fs::remove_dir_all(&dir) {
            tracing::warn!("{}: {e}", dir.display());
        }
    })?;
    Ok((StatusCode::ACCEPTED, Json(json!({"job": id, "id": job.id, "state": job.state, "file": job.file, "total": job.total}))))
}

/// Progress of one upload's ingest into its job; the temporary path is shown as the file's name.
struct JobObserver {
    jobs: Jobs,
    id: String,
    name: String,
    path: String,
}

impl Observer for JobObserver {
    fn started(&mut self, inputs: usize, _bytes: u64) {
        self.jobs.update(&self.id, |j| j.total = inputs.max(1));
    }

    fn event(&mut self, event: &Event) {
        let error = |msg: String| FileError { file: self.name.clone(), error: msg.replace(&self.path, &self.name) };
        self.jobs.update(&self.id, |j| {
            j.done += 1;
            match event {
                Event::Stored { outcome: AddOutcome::Duplicate { id, .. }, .. } => {
                    j.duplicates += 1;
                    j.docs.push(id.clone());
                }
                Event::Stored { outcome: AddOutcome::Added { id } | AddOutcome::NearDuplicate { id, .. }, .. } => {
                    j.added += 1;
                    j.docs.push(id.clone());
                }
                Event::Skipped(e) => j.errors.push(error(e.to_string())),
                Event::Failed(msg) => j.errors.push(error(msg.clone())),
            }
        });
    }
}

pub async fn job(State(st): State<AppState>, P(id): P<String>) -> ApiResult<Json<Value>> {
    let job = st.jobs.get(&id).ok_or_else(|| ApiError::not_found(format!("no job '{id}'")))?;
    Ok(Json(serde_json::to_value(job).map_err(|e| ApiError::internal(e.to_string()))?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    reliability: String,
    note: Option<String>,
}

pub async fn grade(State(st): State<AppState>, P(publisher): P<String>, J(g): J<Grade>) -> ApiResult<Json<Value>> {
    let r = Reliability::parse(g.reliability.trim())
        .ok_or_else(|| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "reliability is one of A–F"))?;
    let v = st
        .writer
        .write(move |s| {
            s.grade_source(&publisher, r, g.note.as_deref())?;
            let key = if publisher.trim() == nexus_store::DEFAULT_PUBLISHER {
                publisher.trim().to_owned()
            } else {
                nexus_store::fold(&publisher)
            };
            let row = s.sources()?.into_iter().find(|x| x.publisher == key).ok_or_else(|| ApiError::internal("graded source not found"))?;
            Ok(source_json(&row))
        })
        .await?;
    Ok(Json(v))
}

/// The analyst's word on claims ("confirmed"/"rejected"), for the ids given.
pub(crate) fn claim_status<'a>(store: &Store, ids: impl Iterator<Item = &'a str>) -> nexus_store::Result<HashMap<String, String>> {
    let mut out = HashMap::new();
    for id in ids {
        if let Some(s) = store.claim_status(id)? {
            out.insert(id.to_owned(), s.as_str().to_owned());
        }
    }
    Ok(out)
}

/// Analysts' notes on an entity, claim or document.
pub(crate) fn notes_of(store: &Store, target: &str) -> nexus_store::Result<Vec<Value>> {
    Ok(store.entity_notes(target)?.iter().map(|n| json!({"id": n.correction, "text": n.text, "who": n.who, "at": n.at})).collect())
}
