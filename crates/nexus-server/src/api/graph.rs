//! `/api/graph` (aggregated on the server: at most `limit` nodes, best supported first),
//! `/api/map` (places with coordinates and `ships_to` routes with volumes), `/api/geo/countries`,
//! `/api/timeline`.

use super::entities::edge_id;
use super::search::{entity_type, some};
use super::{end, limit, names, precision};
use crate::error::{ApiError, ApiResult};
use crate::extract::Q;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use nexus_store::{Merges, Store};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Predicates that move goods between places, drawn as routes. ONTOLOGY.md has one (`ships_to`:
/// origin → destination, with commodity, via and quantity qualifiers).
pub const FLOW_PREDICATES: &[&str] = &["ships_to"];

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct GraphParams {
    center: Option<String>,
    depth: Option<usize>,
    predicate: Option<String>,
    #[serde(rename = "type")]
    entity_type: Option<String>,
    since: Option<String>,
    until: Option<String>,
    min_support: Option<u64>,
    limit: Option<usize>,
}

/// One edge as the graph shows it: ends as merges read them.
struct GEdge {
    s: String,
    p: String,
    o: String,
    support: u64,
    first: Option<String>,
    last: Option<String>,
}

fn check_dates(since: &Option<String>, until: &Option<String>) -> ApiResult<()> {
    for d in [since, until].into_iter().flatten() {
        nexus_store::check_date(d)?;
    }
    Ok(())
}

/// Seen within [since, until]: its last sighting on or after `since`, its first on or before `until`.
fn within(first: &Option<String>, last: &Option<String>, since: &Option<String>, until: &Option<String>) -> bool {
    let after = since.as_ref().is_none_or(|s| last.as_ref().is_some_and(|l| l.as_str() >= s.as_str()));
    let before =
        until.as_ref().is_none_or(|u| first.as_ref().is_some_and(|f| f.get(..u.len().min(f.len())).is_some_and(|f| f <= u.as_str())));
    after && before
}

/// Add stored edges to `out`, ends read through merges (edges that merges join add up).
fn collect(
    store: &Store,
    merges: &Merges,
    edges: Vec<nexus_store::LightEdge>,
    out: &mut BTreeMap<(String, String, String), GEdge>,
) -> ApiResult<()> {
    for e in edges {
        let (first, last) = store.edge_seen(&e.subject, &e.predicate, &e.object)?;
        let s = merges.canonical(&e.subject).to_owned();
        let o = merges.canonical(&e.object).to_owned();
        if s == o {
            continue;
        }
        let (s, o) = if nexus_extract::relations::symmetric(&e.predicate) && o < s { (o, s) } else { (s, o) };
        let slot = out.entry((s.clone(), e.predicate.clone(), o.clone())).or_insert(GEdge {
            s,
            p: e.predicate.clone(),
            o,
            support: 0,
            first: None,
            last: None,
        });
        slot.support += e.support;
        slot.first = match (slot.first.take(), first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        slot.last = slot.last.take().max(last);
    }
    Ok(())
}

pub async fn graph(State(st): State<AppState>, Q(p): Q<GraphParams>) -> ApiResult<Json<Value>> {
    let t = entity_type(p.entity_type.clone())?;
    let (since, until) = (some(p.since.clone()), some(p.until.clone()));
    check_dates(&since, &until)?;
    let depth = p.depth.unwrap_or(1);
    if !(1..=2).contains(&depth) {
        return Err(ApiError::bad_request("depth is 1 or 2"));
    }
    let n = limit(p.limit, 300, 2000);
    let min_support = p.min_support.unwrap_or(1);
    let predicate = some(p.predicate.clone());
    let center = some(p.center.clone());
    let state = st.clone();
    let v = st
        .pool
        .read(move |s| {
            let merges = s.merges()?;
            let mut edges: BTreeMap<(String, String, String), GEdge> = BTreeMap::new();
            let mut capped = false;
            let center = match &center {
                Some(c) => {
                    let canon = merges.canonical(c).to_owned();
                    if s.entity_summary(&canon)?.is_none() {
                        return Err(ApiError::not_found(format!("no entity '{c}'")));
                    }
                    for m in merges.members(&canon) {
                        let found = s.edges_at(&m, predicate.as_deref(), min_support, n)?;
                        capped |= found.len() >= n;
                        collect(s, &merges, found, &mut edges)?;
                    }
                    if depth == 2 {
                        let mut first: Vec<(u64, String)> =
                            edges.values().map(|e| (e.support, if e.s == canon { e.o.clone() } else { e.s.clone() })).collect();
                        first.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                        let per = (n / first.len().max(1)).clamp(5, n);
                        for (_, k) in first.into_iter().take(n) {
                            for m in merges.members(&k) {
                                let found = s.edges_at(&m, predicate.as_deref(), min_support, per)?;
                                capped |= found.len() >= per;
                                collect(s, &merges, found, &mut edges)?;
                            }
                        }
                    }
                    Some(canon)
                }
                None => {
                    let want = (n * 4).min(8000);
                    let found = s.top_edges(predicate.as_deref(), min_support, want)?;
                    capped = found.len() >= want;
                    collect(s, &merges, found, &mut edges)?;
                    None
                }
            };
            let mut edges: Vec<GEdge> = edges.into_values().filter(|e| within(&e.first, &e.last, &since, &until)).collect();
            let keys: Vec<String> = edges.iter().flat_map(|e| [e.s.clone(), e.o.clone()]).collect::<BTreeSet<_>>().into_iter().collect();
            let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
            let names = names(s, &state, &key_refs)?;
            if let Some(t) = &t {
                let of = |k: &str| names.get(k).is_some_and(|(_, kt)| kt == t) || center.as_deref() == Some(k);
                edges.retain(|e| of(&e.s) || of(&e.o));
                if center.is_some() {
                    edges.retain(|e| of(&e.s) && of(&e.o));
                }
            }
            let mut weight: HashMap<&str, u64> = HashMap::new();
            for e in &edges {
                *weight.entry(&e.s).or_default() += e.support;
                *weight.entry(&e.o).or_default() += e.support;
            }
            let total_nodes = weight.len();
            let mut ranked: Vec<(&str, u64)> = weight.iter().map(|(k, w)| (*k, *w)).collect();
            ranked.sort_by(|a, b| {
                let c = |k: &str| center.as_deref() == Some(k);
                c(b.0).cmp(&c(a.0)).then(b.1.cmp(&a.1)).then(a.0.cmp(b.0))
            });
            let kept: BTreeSet<&str> = ranked.iter().take(n).map(|(k, _)| *k).collect();
            let edges: Vec<&GEdge> = edges.iter().filter(|e| kept.contains(e.s.as_str()) && kept.contains(e.o.as_str())).collect();
            let mut degree: HashMap<&str, usize> = HashMap::new();
            for e in &edges {
                *degree.entry(&e.s).or_default() += 1;
                *degree.entry(&e.o).or_default() += 1;
            }
            let nodes: Vec<Value> = ranked
                .iter()
                .filter(|(k, _)| kept.contains(k))
                .map(|(k, w)| {
                    let (name, t) = names.get(*k).map_or((*k, "unknown"), |(n, t)| (n.as_str(), t.as_str()));
                    json!({"id": k, "name": name, "type": t, "country": state.country_of(k),
                           "degree": degree.get(k).copied().unwrap_or(0), "weight": w})
                })
                .collect();
            let edges: Vec<Value> = edges
                .iter()
                .map(|e| {
                    json!({"id": edge_id(&e.s, &e.p, &e.o), "source": e.s, "target": e.o, "predicate": e.p,
                           "support": e.support, "first_seen": e.first, "last_seen": e.last})
                })
                .collect();
            Ok(json!({"nodes": nodes, "edges": edges, "truncated": capped || total_nodes > n, "total_nodes": total_nodes}))
        })
        .await?;
    Ok(Json(v))
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct MapParams {
    entity: Option<String>,
    commodity: Option<String>,
    since: Option<String>,
    until: Option<String>,
}

/// Claim ids listed per route, at most.
const ROUTE_CLAIMS: usize = 50;
/// Places on the unfiltered map, most mentioned first.
const MAP_PLACES: usize = 1000;

pub async fn map(State(st): State<AppState>, Q(p): Q<MapParams>) -> ApiResult<Json<Value>> {
    let (since, until) = (some(p.since.clone()), some(p.until.clone()));
    check_dates(&since, &until)?;
    let (entity, commodity) = (some(p.entity.clone()), some(p.commodity.clone()));
    let state = st.clone();
    let v = st
        .pool
        .read(move |s| {
            let merges = s.merges()?;
            let entity = match entity {
                Some(e) => Some(resolve(s, &merges, &e)?.ok_or_else(|| ApiError::not_found(format!("no entity '{e}'")))?),
                None => None,
            };
            let commodity = match commodity {
                Some(c) => Some(resolve(s, &merges, &c)?.ok_or_else(|| ApiError::not_found(format!("no commodity '{c}'")))?),
                None => None,
            };
            /// Per route: works (with the largest kg figure each stated), claim ids.
            type Route = (BTreeMap<String, f64>, Vec<String>);
            let mut routes: BTreeMap<(String, String, String, Option<String>), Route> = BTreeMap::new();
            for predicate in FLOW_PREDICATES {
                for f in s.flows(predicate, since.as_deref(), until.as_deref())? {
                    let from = merges.canonical(&f.subject).to_owned();
                    let to = merges.canonical(&f.object).to_owned();
                    let c = f.commodity.as_deref().map(|c| merges.canonical(c).to_owned());
                    if let Some(e) = &entity
                        && *e != from
                        && *e != to
                        && c.as_ref() != Some(e)
                    {
                        continue;
                    }
                    if commodity.is_some() && c != commodity {
                        continue;
                    }
                    let slot = routes.entry((from, to, f.predicate.clone(), c)).or_default();
                    let kg = if f.unit.as_deref() == Some("kg") { f.value.unwrap_or(0.0) } else { 0.0 };
                    let w = slot.0.entry(f.work_id.clone()).or_insert(0.0);
                    *w = w.max(kg);
                    if slot.1.len() < ROUTE_CLAIMS {
                        slot.1.push(f.id.clone());
                    }
                }
            }
            let mut place_keys: BTreeSet<String> = routes.keys().flat_map(|(a, b, _, _)| [a.clone(), b.clone()]).collect();
            let filtered = entity.is_some() || commodity.is_some();
            if let Some(e) = &entity {
                place_keys.insert(e.clone());
                for x in s.edges_at(e, None, 1, 200)? {
                    place_keys.insert(merges.canonical(&x.subject).to_owned());
                    place_keys.insert(merges.canonical(&x.object).to_owned());
                }
            }
            let mut places = s.places_of(place_keys.iter().map(String::as_str))?;
            if !filtered {
                let mut seen: BTreeSet<String> = places.iter().map(|p| p.key.clone()).collect();
                for p in s.mapped_places(MAP_PLACES)? {
                    if seen.insert(p.key.clone()) {
                        places.push(p);
                    }
                }
            }
            let coords: HashMap<&str, (f64, f64)> = places.iter().map(|p| (p.key.as_str(), (p.lat, p.lon))).collect();
            let mut keys: Vec<&str> = places.iter().map(|p| p.key.as_str()).collect();
            keys.extend(routes.keys().filter_map(|r| r.3.as_deref()));
            let names = names(s, &state, &keys)?;
            let name = |k: &str| names.get(k).map_or(k.to_owned(), |n| n.0.clone());
            let mut unplaced = 0;
            let mut out_routes = Vec::new();
            for ((from, to, predicate, c), (works, ids)) in &routes {
                let (Some(a), Some(b)) = (coords.get(from.as_str()), coords.get(to.as_str())) else {
                    unplaced += 1;
                    continue;
                };
                let volume: f64 = works.values().sum();
                out_routes.push(json!({
                    "from": {"key": from, "name": name(from), "lat": a.0, "lon": a.1},
                    "to": {"key": to, "name": name(to), "lat": b.0, "lon": b.1},
                    "predicate": predicate, "commodity": c.as_ref().map(|c| name(c)), "commodity_key": c,
                    "volume_kg": (volume > 0.0).then_some(volume), "support": works.len(), "claim_ids": ids,
                }));
            }
            let places: Vec<Value> = places
                .iter()
                .filter(|p| names.get(&p.key).is_some_and(|(_, t)| t == "place" || t == "country"))
                .map(|p| json!({"key": p.key, "name": name(&p.key), "type": names.get(&p.key).map(|n| &n.1), "lat": p.lat, "lon": p.lon, "mentions": p.mentions}))
                .collect();
            Ok(json!({"places": places, "routes": out_routes, "unplaced_routes": unplaced}))
        })
        .await?;
    Ok(Json(v))
}

/// An entity parameter typed by hand: a key, else a name, alias or spelling (the most documented
/// entity of that name), read through merges.
fn resolve(s: &Store, merges: &Merges, text: &str) -> ApiResult<Option<String>> {
    let canon = merges.canonical(text.trim()).to_owned();
    if s.entity_summary(&canon)?.is_some() {
        return Ok(Some(canon));
    }
    let mut best: Option<(u64, String)> = None;
    for k in s.find_entities(text)? {
        let k = merges.canonical(&k).to_owned();
        if let Some(e) = s.entity_summary(&k)?
            && best.as_ref().is_none_or(|b| e.documents > b.0)
        {
            best = Some((e.documents, k));
        }
    }
    Ok(best.map(|b| b.1))
}

pub async fn countries(State(st): State<AppState>) -> Response {
    ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "public, max-age=86400")], st.geo.as_ref().clone())
        .into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineParams {
    entity: Option<String>,
    since: Option<String>,
    until: Option<String>,
    limit: Option<usize>,
}

pub async fn timeline(State(st): State<AppState>, Q(p): Q<TimelineParams>) -> ApiResult<Json<Value>> {
    let (since, until) = (some(p.since), some(p.until));
    check_dates(&since, &until)?;
    let n = limit(p.limit, 200, 2000);
    let entity = some(p.entity);
    let state = st.clone();
    let v = st
        .pool
        .read(move |s| {
            let members = match &entity {
                Some(e) => {
                    let merges = s.merges()?;
                    let canon = resolve(s, &merges, e)?.ok_or_else(|| ApiError::not_found(format!("no entity '{e}'")))?;
                    Some(merges.members(&canon))
                }
                None => None,
            };
            let claims = s.dated_claims(members.as_deref(), since.as_deref(), until.as_deref(), n)?;
            let keys: Vec<&str> = claims.iter().flat_map(|c| [c.subject.as_str(), c.object.as_str()]).collect();
            let names = names(s, &state, &keys)?;
            let mut items = Vec::with_capacity(claims.len());
            for c in &claims {
                let mut subject = end(&c.subject, &names);
                let mut object = end(&c.object, &names);
                for e in [&mut subject, &mut object] {
                    if let Some(o) = e.as_object_mut() {
                        o.remove("type");
                    }
                }
                let quantity = c.value.zip(c.unit.as_ref()).map(|(v, u)| json!({"value": v, "unit": u}));
                items.push(json!({
                    "date": c.date, "precision": precision(&c.date), "predicate": c.predicate, "subject": subject, "object": object,
                    "quantity": quantity, "doc_id": c.doc_id, "claim_id": c.id, "sentence": s.quote_span(c.doc_seq, c.start, c.end)?,
                }));
            }
            Ok(json!({"items": items}))
        })
        .await?;
    Ok(Json(v))
}
