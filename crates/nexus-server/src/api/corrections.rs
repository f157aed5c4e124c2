//! Corrections (merge, split, set type, alias, confirm/reject a claim, note) and their audit
//! log, through the store's `correct`/`undo_correction`/`corrections` (branch h-corr).

use crate::state::AppState;
use axum::routing::MethodRouter;
use serde_json::Value;

pub fn routes() -> Vec<(&'static str, &'static str, MethodRouter<AppState>)> {
    Vec::new()
}

/// Adds the corrections endpoints to the OpenAPI paths.
pub fn document(_add: &mut impl FnMut(&str, &str, Value)) {}
