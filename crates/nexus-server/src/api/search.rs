//! `/api/search`: documents, entities and claims at once, with facets (see `Store::web_search`).

use super::{end, limit, names};
use crate::error::{ApiError, ApiResult};
use crate::extract::Q;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Map, Value, json};

/// The entity types of ONTOLOGY.md.
pub const TYPES: &[&str] =
    &["criminal_org", "armed_group", "state_actor", "company", "person", "country", "place", "commodity", "activity"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    q: String,
    #[serde(rename = "type")]
    entity_type: Option<String>,
    country: Option<String>,
    lang: Option<String>,
    since: Option<String>,
    until: Option<String>,
    limit: Option<usize>,
}

/// An entity type parameter: one of ONTOLOGY.md's, or 400. Empty means none.
pub(crate) fn entity_type(t: Option<String>) -> Result<Option<String>, ApiError> {
    match t.filter(|t| !t.is_empty()) {
        Some(t) if !TYPES.contains(&t.as_str()) => Err(ApiError::bad_request(format!("unknown type '{t}'; one of {}", TYPES.join(", ")))),
        t => Ok(t),
    }
}

/// Empty parameters are absent ones (forms send `country=`).
pub(crate) fn some(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

pub async fn search(State(st): State<AppState>, Q(p): Q<Params>) -> ApiResult<Json<Value>> {
    let query = nexus_store::WebQuery {
        q: p.q.clone(),
        entity_type: entity_type(p.entity_type)?,
        country: some(p.country).map(|c| c.to_ascii_uppercase()),
        lang: some(p.lang),
        since: some(p.since),
        until: some(p.until),
        limit: limit(p.limit, 20, 200),
    };
    let state = st.clone();
    let v = st
        .pool
        .read(move |s| {
            let r = s.web_search(&query)?;
            let keys: Vec<&str> = r.claims.iter().flat_map(|c| [c.subject.as_str(), c.object.as_str()]).collect();
            let names = names(s, &state, &keys)?;
            let mut claims = Vec::with_capacity(r.claims.len());
            for c in &r.claims {
                claims.push(json!({
                    "id": c.id, "predicate": c.predicate, "subject": end(&c.subject, &names), "object": end(&c.object, &names),
                    "sentence": s.quote_span(c.doc_seq, c.start, c.end)?, "doc_id": c.doc_id, "date": c.date,
                }));
            }
            let facet =
                |v: &[(String, u64)]| -> Value { Value::Object(v.iter().map(|(k, n)| (k.clone(), json!(n))).collect::<Map<_, _>>()) };
            Ok(json!({
                "query": query.q,
                "documents": r.documents,
                "entities": r.entities,
                "claims": claims,
                "facets": {"type": facet(&r.facets.entity_type), "country": facet(&r.facets.country),
                           "language": facet(&r.facets.language), "year": facet(&r.facets.year)},
            }))
        })
        .await?;
    Ok(Json(v))
}
