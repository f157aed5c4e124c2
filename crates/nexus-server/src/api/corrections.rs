//! Corrections — merge, split, set type, add alias, confirm or reject a claim, note — and their
//! audit log, through the store's `correct`, `undo_correction` and `corrections` on the one writer.

use crate::error::{ApiError, ApiResult};
use crate::extract::{Body, P, Q};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{MethodRouter, get, post};
use nexus_store::Change;
use serde::Deserialize;
use serde_json::{Value, json};

pub fn routes() -> Vec<(&'static str, &'static str, MethodRouter<AppState>)> {
    vec![
        ("get", "/api/corrections", get(list)),
        ("post", "/api/corrections", post(correct)),
        ("post", "/api/corrections/{id}/undo", post(undo)),
    ]
}

/// Adds the corrections endpoints to the OpenAPI paths.
pub fn document(add: &mut impl FnMut(&str, &str, Value)) {
    let record = json!({"description": "the correction record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Correction"}}}});
    let err = json!({"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    add(
        "/api/corrections",
        "get",
        json!({"summary": "The audit log of corrections, oldest first",
               "parameters": [{"name": "target", "in": "query", "required": false, "description": "entity key, claim id or document id", "schema": {"type": "string"}}],
               "responses": {"200": {"description": "array of correction records",
                   "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Correction"}}}}},
                   "400": err.clone()}}),
    );
    add(
        "/api/corrections",
        "post",
        json!({"summary": "Apply a correction: {kind, who?, note?, ...}; kind is merge {from, into}, split {key}, set_type {key, type}, add_alias {key, alias}, confirm_claim {claim_id}, reject_claim {claim_id} or note {target, text}",
               "parameters": [],
               "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["kind"],
                   "properties": {"kind": {"type": "string", "enum": ["merge", "split", "set_type", "add_alias", "confirm_claim", "reject_claim", "note"]},
                                  "who": {"type": "string"}, "note": {"type": "string"}}}}}},
               "responses": {"200": record.clone(), "400": err.clone(), "404": err.clone(), "409": err.clone(), "415": err.clone(), "422": err.clone()}}),
    );
    add(
        "/api/corrections/{id}/undo",
        "post",
        json!({"summary": "Undo a correction (body {who?}, optional)",
               "parameters": [{"name": "id", "in": "path", "required": true, "description": "correction id", "schema": {"type": "integer"}}],
               "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "properties": {"who": {"type": "string"}}}}}},
               "responses": {"200": record, "400": err.clone(), "404": err.clone(), "409": err}}),
    );
}

/// The record as the contract shows it.
fn record(c: &nexus_store::Correction) -> Value {
    json!({"id": c.id, "at": c.at, "who": c.who, "kind": c.kind, "target": c.target, "before": c.before, "after": c.after,
           "note": c.note, "undone_at": c.undone_at, "undone_by": c.undone_by})
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    target: Option<String>,
}

pub async fn list(State(st): State<AppState>, Q(p): Q<ListParams>) -> ApiResult<Json<Value>> {
    let target = p.target.filter(|t| !t.trim().is_empty());
    let v = st.pool.read(move |s| Ok(Value::Array(s.corrections(target.as_deref())?.iter().map(record).collect()))).await?;
    Ok(Json(v))
}

/// A JSON object body, or 400/415/422 as the contract says.
fn object(body: &[u8], required: bool) -> ApiResult<serde_json::Map<String, Value>> {
    if body.iter().all(u8::is_ascii_whitespace) && !required {
        return Ok(serde_json::Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "the body must be a JSON object")),
        Err(e) => Err(ApiError::bad_request(format!("malformed JSON: {e}"))),
    }
}

fn who(m: &mut serde_json::Map<String, Value>, st: &AppState) -> ApiResult<String> {
    match m.remove("who") {
        None | Some(Value::Null) => Ok(st.analyst.to_string()),
        Some(Value::String(w)) if !w.trim().is_empty() => Ok(w.trim().to_owned()),
        Some(_) => Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "who is a non-empty string")),
    }
}

pub async fn correct(State(st): State<AppState>, Body(body): Body) -> ApiResult<Json<Value>> {
    let mut m = object(&body, true)?;
    let who = who(&mut m, &st)?;
    let note = match m.remove("note") {
        None | Some(Value::Null) => None,
        Some(Value::String(n)) => Some(n),
        Some(_) => return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "note is a string")),
    };
    let change: Change = serde_json::from_value(Value::Object(m))
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, format!("not a correction: {e}")))?;
    let v = st.writer.write(move |s| Ok(record(&s.correct(&change, &who, note.as_deref())?))).await?;
    Ok(Json(v))
}

pub async fn undo(State(st): State<AppState>, P(id): P<i64>, Body(body): Body) -> ApiResult<Json<Value>> {
    let mut m = object(&body, false)?;
    let who = who(&mut m, &st)?;
    let v = st.writer.write(move |s| Ok(record(&s.undo_correction(id, &who)?))).await?;
    Ok(Json(v))
}
