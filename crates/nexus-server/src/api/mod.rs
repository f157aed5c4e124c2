//! The JSON API of `/work/notes/workbench-contract.md`, one module per area. `ROUTES` is the one
//! list of endpoints: the router is built from it and the OpenAPI document is checked against it.

pub mod corrections;
pub mod docs;
pub mod entities;
pub mod graph;
pub mod search;
pub mod write;

use crate::state::AppState;
use axum::routing::{MethodRouter, get, post, put};
use nexus_store::Store;
use serde_json::{Value, json};
use std::collections::HashMap;

/// (method, path, handler) of every API endpoint.
pub fn routes() -> Vec<(&'static str, &'static str, MethodRouter<AppState>)> {
    let mut routes = vec![
        ("get", "/api/openapi.json", get(crate::openapi::handler)),
        ("get", "/api/stats", get(docs::stats)),
        ("get", "/api/search", get(search::search)),
        ("get", "/api/entities", get(entities::list)),
        ("get", "/api/entities/{key}", get(entities::profile)),
        ("get", "/api/entities/{key}/mentions", get(entities::mentions)),
        ("get", "/api/graph", get(graph::graph)),
        ("get", "/api/map", get(graph::map)),
        ("get", "/api/geo/countries", get(graph::countries)),
        ("get", "/api/timeline", get(graph::timeline)),
        ("get", "/api/docs", get(docs::list)),
        ("get", "/api/docs/{id}", get(docs::doc)),
        ("get", "/api/sources", get(docs::sources)),
        ("put", "/api/sources/{publisher}", put(write::grade)),
        ("get", "/api/jobs/{id}", get(write::job)),
        ("post", "/api/upload", post(write::upload)),
    ];
    routes.extend(corrections::routes());
    routes
}

/// Names and types of keys: as documents name them, else as the knowledge base does, else the
/// type a learned key carries (`type:name`).
pub(crate) fn names(store: &Store, state: &AppState, keys: &[&str]) -> nexus_store::Result<HashMap<String, (String, String)>> {
    let mut out = store.names_of(keys.iter().copied())?;
    for k in keys {
        if !out.contains_key(*k) {
            let v = match state.kb.get(k) {
                Some(e) => (e.name.clone(), e.entity_type.as_str().to_owned()),
                None => ((*k).to_owned(), k.split_once(':').map_or("unknown", |(t, _)| t).to_owned()),
            };
            out.insert((*k).to_owned(), v);
        }
    }
    Ok(out)
}

/// `{key, name, type}` of one end.
pub(crate) fn end(key: &str, names: &HashMap<String, (String, String)>) -> Value {
    let (name, t) = names.get(key).map_or((key, "unknown"), |(n, t)| (n.as_str(), t.as_str()));
    json!({"key": key, "name": name, "type": t})
}

/// How precise an ISO date prefix is.
pub(crate) fn precision(date: &str) -> &'static str {
    match date.len() {
        4 => "year",
        7 => "month",
        _ => "day",
    }
}

/// A `limit` parameter, defaulted and capped.
pub(crate) fn limit(given: Option<usize>, default: usize, max: usize) -> usize {
    given.unwrap_or(default).clamp(1, max)
}

/// Byte offsets of `text` to character (Unicode scalar) offsets, which JavaScript can slice
/// `Array.from(text)` with.
pub(crate) struct CharIndex(Vec<u32>);

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut map = vec![0u32; text.len() + 1];
        let mut chars = 0u32;
        let mut last = 0;
        for (i, _) in text.char_indices() {
            for slot in &mut map[last..=i] {
                *slot = chars;
            }
            chars += 1;
            last = i + 1;
        }
        for slot in &mut map[last..] {
            *slot = chars;
        }
        CharIndex(map)
    }

    /// The character offset of byte `b` (clamped to the text).
    pub fn at(&self, b: usize) -> usize {
        self.0.get(b).or(self.0.last()).copied().unwrap_or(0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_char_offsets() {
        let t = "Apurímac — coca";
        let ix = CharIndex::new(t);
        let b = t.find("coca").expect("coca");
        assert_eq!(ix.at(b), t.chars().count() - 4);
        assert_eq!(ix.at(t.len()), t.chars().count());
        assert_eq!(ix.at(0), 0);
    }
}
