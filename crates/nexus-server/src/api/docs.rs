//! `/api/stats`, `/api/docs`, `/api/docs/{id}`, `/api/sources`.

use super::{CharIndex, end, limit, names};
use crate::error::{ApiError, ApiResult};
use crate::extract::{P, Q};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn stats(State(st): State<AppState>) -> ApiResult<Json<Value>> {
    let v = st
        .pool
        .read(|s| {
            let stats = s.stats()?;
            let languages: serde_json::Map<String, Value> = stats.languages.iter().map(|(l, n)| (l.clone(), json!(n))).collect();
            Ok(json!({
                "documents": stats.documents, "works": stats.works, "entities": stats.entities,
                "claims": stats.claims, "edges": s.edge_count()?, "languages": languages,
            }))
        })
        .await?;
    Ok(Json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

pub async fn list(State(st): State<AppState>, Q(p): Q<Page>) -> ApiResult<Json<Value>> {
    let n = limit(p.limit, 50, 1000);
    let v = st
        .pool
        .read(move |s| {
            let (total, docs) = s.doc_page(n, p.offset)?;
            let items: Vec<Value> = docs
                .iter()
                .map(|d| {
                    json!({"id": d.id, "title": d.title, "lang": d.language, "date": d.published,
                           "publisher": d.venue, "work": d.work, "size": d.bytes})
                })
                .collect();
            Ok(json!({"total": total, "items": items}))
        })
        .await?;
    Ok(Json(v))
}

pub async fn doc(State(st): State<AppState>, P(id): P<String>) -> ApiResult<Json<Value>> {
    let state = st.clone();
    let v = st
        .pool
        .read(move |s| {
            // Full ids only: a prefix would let a typo open another document.
            if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ApiError::not_found(format!("no document with id '{id}'")));
            }
            let d = s.doc(&id)?;
            let ix = CharIndex::new(&d.text);
            let mentions = s.doc_mentions(&d.id)?;
            let claims = s.doc_claims(&d.id)?;
            let keys: Vec<&str> = claims.iter().flat_map(|c| [c.subject.as_str(), c.object.as_str()]).collect();
            let names = names(s, &state, &keys)?;
            let ids: Vec<&str> = d.work_members.iter().map(|m| m.id.as_str()).collect();
            let titles = s.doc_titles(&ids)?;
            let status = crate::api::write::claim_status(s, claims.iter().map(|c| c.id.as_str()))?;
            let claims: Vec<Value> = claims
                .iter()
                .map(|c| {
                    let mut subject = end(&c.subject, &names);
                    let mut object = end(&c.object, &names);
                    for e in [&mut subject, &mut object] {
                        if let Some(o) = e.as_object_mut() {
                            o.remove("type");
                        }
                    }
                    json!({"id": c.id, "predicate": c.predicate, "subject": subject, "object": object,
                           "start": ix.at(c.start), "end": ix.at(c.end), "status": status.get(&c.id)})
                })
                .collect();
            let mentions: Vec<Value> = mentions
                .iter()
                .map(|m| json!({"start": ix.at(m.start), "end": ix.at(m.end), "key": m.key, "name": m.name, "type": m.entity_type}))
                .collect();
            let duplicates: Vec<Value> =
                d.work_members.iter().map(|m| json!({"id": m.id, "title": titles.get(&m.id).cloned().flatten()})).collect();
            let notes = crate::api::write::notes_of(s, &d.id)?;
            Ok(json!({
                "id": d.id, "title": d.meta.title, "lang": d.language, "date": d.meta.published,
                "publisher": d.meta.venue.clone().or(d.meta.site.clone()), "authors": d.meta.authors,
                "url": d.meta.site.as_deref().filter(|u| u.starts_with("http")), "path": d.paths.first().cloned().unwrap_or(d.source.clone()), "work": d.work,
                "duplicates": duplicates, "text": d.text, "mentions": mentions, "claims": claims, "notes": notes,
            }))
        })
        .await?;
    Ok(Json(v))
}

pub async fn sources(State(st): State<AppState>) -> ApiResult<Json<Value>> {
    let v = st
        .pool
        .read(|s| {
            let items: Vec<Value> = s.sources()?.iter().map(source_json).collect();
            Ok(Value::Array(items))
        })
        .await?;
    Ok(Json(v))
}

pub(crate) fn source_json(x: &nexus_store::Source) -> Value {
    json!({"publisher": x.publisher, "name": x.name, "reliability": x.reliability.as_str(), "set_by_analyst": x.graded,
           "documents": x.documents, "note": x.note})
}
