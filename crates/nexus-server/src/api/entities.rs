//! `/api/entities`, `/api/entities/{key}` (the profile: relations with evidence, timeline,
//! places, aliases) and `/api/entities/{key}/mentions`.

use super::search::{entity_type, some};
use super::{CharIndex, end, limit, names, precision};
use crate::error::{ApiError, ApiResult};
use crate::extract::{P, Q};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use nexus_store::ClaimFilter;
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    #[serde(rename = "type")]
    entity_type: Option<String>,
    country: Option<String>,
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

pub async fn list(State(st): State<AppState>, Q(p): Q<ListParams>) -> ApiResult<Json<Value>> {
    let t = entity_type(p.entity_type)?;
    let country = some(p.country).map(|c| c.to_ascii_uppercase());
    let n = limit(p.limit, 50, 1000);
    let v = st
        .pool
        .read(move |s| {
            let (total, items) = s.entity_page(t.as_deref(), country.as_deref(), n, p.offset)?;
            Ok(json!({"total": total, "items": items}))
        })
        .await?;
    Ok(Json(v))
}

/// Relations shown on a profile (most supported first) and evidence sentences per relation.
const RELATIONS: usize = 60;
const EVIDENCE: usize = 3;
const TIMELINE: usize = 100;
/// Aliases are read from this many of the entity's documents.
const ALIAS_DOCS: usize = 20;

pub async fn profile(State(st): State<AppState>, P(key): P<String>) -> ApiResult<Json<Value>> {
    let state = st.clone();
    let v = st
        .pool
        .read(move |s| {
            let merges = s.merges()?;
            let canon = merges.canonical(&key).to_owned();
            let Some(e) = s.entity_summary(&canon)? else {
                return Err(ApiError::not_found(format!("no entity '{key}'")));
            };
            let members = merges.members(&canon);
            let kb = state.kb.get(&canon);
            let mut aliases: Vec<String> = Vec::new();
            let mut push = |a: &str| {
                if nexus_store::fold(a) != nexus_store::fold(&e.name)
                    && !aliases.iter().any(|x| nexus_store::fold(x) == nexus_store::fold(a))
                {
                    aliases.push(a.to_owned());
                }
            };
            if let Some(k) = kb {
                k.names().for_each(&mut push);
                k.acronyms.iter().for_each(|a| push(a));
            }
            for m in &members {
                s.analyst_aliases(m)?.iter().for_each(|a| push(a));
                s.entity_aliases(m, ALIAS_DOCS)?.iter().for_each(|a| push(a));
            }
            let edges = s.claims(&ClaimFilter {
                entity: Some(canon.clone()),
                limit: Some(RELATIONS),
                per_edge: Some(EVIDENCE),
                ..ClaimFilter::default()
            })?;
            let timeline = s.dated_claims(Some(&members), None, None, TIMELINE)?;
            let mut keys: Vec<&str> = edges.iter().flat_map(|e| [e.edge.subject.as_str(), e.edge.object.as_str()]).collect();
            keys.extend(timeline.iter().flat_map(|c| [c.subject.as_str(), c.object.as_str()]));
            let names = names(s, &state, &keys)?;
            let status = crate::api::write::claim_status(s, edges.iter().flat_map(|e| e.claims.iter().map(|c| c.id.as_str())))?;
            let mut places: Vec<Value> = Vec::new();
            let relations: Vec<Value> = edges
                .iter()
                .map(|ec| {
                    let x = &ec.edge;
                    let other = if x.subject == canon { &x.object } else { &x.subject };
                    let other_type = names.get(other.as_str()).map_or("", |(_, t)| t.as_str());
                    if matches!(x.predicate.as_str(), "operates_in" | "located_in")
                        && matches!(other_type, "place" | "country")
                        && !places.iter().any(|p| p["key"] == other.as_str())
                    {
                        places.push(json!({"key": other, "name": names.get(other.as_str()).map_or(other.as_str(), |n| n.0.as_str())}));
                    }
                    let evidence: Vec<Value> = ec
                        .claims
                        .iter()
                        .map(|c| {
                            json!({"claim_id": c.id, "doc_id": c.doc, "title": c.title, "publisher": c.publisher, "date": c.published,
                                   "sentence": c.evidence, "negated": c.negated, "hedged": c.hedged})
                        })
                        .collect();
                    // An edge's status: the analyst's word on its claims, rejection first.
                    let states: Vec<&str> = ec.claims.iter().filter_map(|c| status.get(&c.id).map(String::as_str)).collect();
                    let st = if states.contains(&"rejected") {
                        Some("rejected")
                    } else if states.contains(&"confirmed") {
                        Some("confirmed")
                    } else {
                        None
                    };
                    json!({
                        "id": edge_id(&x.subject, &x.predicate, &x.object), "predicate": x.predicate,
                        "subject": end(&x.subject, &names), "object": end(&x.object, &names),
                        "works": x.support, "documents": x.documents, "denials": x.denials, "disputed": x.disputed,
                        "first_seen": x.first_seen, "last_seen": x.last_seen, "confidence": x.confidence,
                        "status": st, "evidence": evidence,
                    })
                })
                .collect();
            let timeline: Vec<Value> = timeline
                .iter()
                .map(|c| {
                    let other = if members.contains(&c.subject) { &c.object } else { &c.subject };
                    let name = names.get(other.as_str()).map_or(other.as_str(), |n| n.0.as_str());
                    json!({"date": c.date, "precision": precision(&c.date), "predicate": c.predicate,
                           "other": {"key": other, "name": name}, "claim_id": c.id, "doc_id": c.doc_id})
                })
                .collect();
            let (lat, lon) = kb.map_or((None, None), |k| (k.lat, k.lon));
            let notes = crate::api::write::notes_of(s, &canon)?;
            Ok(json!({
                "key": canon, "name": e.name, "type": e.entity_type, "kb_id": e.kb_id, "country": state.country_of(&canon),
                "lat": lat, "lon": lon, "mentions": e.mentions, "documents": e.documents,
                "aliases": aliases, "places": places, "relations": relations, "timeline": timeline,
                "notes": notes, "merged_from": members.iter().filter(|m| **m != canon).collect::<Vec<_>>(),
            }))
        })
        .await?;
    Ok(Json(v))
}

/// An edge's id in the API: its ends and predicate.
pub(crate) fn edge_id(s: &str, p: &str, o: &str) -> String {
    format!("{s}|{p}|{o}")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionParams {
    limit: Option<usize>,
}

pub async fn mentions(State(st): State<AppState>, P(key): P<String>, Q(p): Q<MentionParams>) -> ApiResult<Json<Value>> {
    let n = limit(p.limit, 50, 500);
    let v = st
        .pool
        .read(move |s| {
            let canon = s.merges()?.canonical(&key).to_owned();
            if s.entity_summary(&canon)?.is_none() {
                return Err(ApiError::not_found(format!("no entity '{key}'")));
            }
            let items: Vec<Value> = s
                .entity_mentions(&canon, n)?
                .iter()
                .map(|m| {
                    let ix = CharIndex::new(&m.snippet);
                    json!({"doc_id": m.doc, "title": m.title, "sentence": m.snippet,
                           "start": ix.at(m.highlight.0), "end": ix.at(m.highlight.1)})
                })
                .collect();
            Ok(Value::Array(items))
        })
        .await?;
    Ok(Json(v))
}
