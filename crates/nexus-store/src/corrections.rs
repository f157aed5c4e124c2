//! Analyst corrections: merge and split entities, change an entity's type, add an alias, confirm or
//! reject a claim, attach a note — each logged (who, when, what, before and after) and undoable.
//!
//! Corrections are state rows beside the extraction, never edits of it: keyed by entity keys and
//! claim ids, which re-extraction and re-ingest reproduce (`claims::claim_id` hashes the document
//! id, predicate, ends and sentence span), so they keep applying after either. Reads apply them:
//! type overrides wherever a type is read, analyst aliases in name look-ups, rejected claims left
//! out of every claim read and of the edge summaries (the touched edge is recomputed when a review
//! changes), confirmed claims marked. Merges and splits go through `merges` (non-destructive), and
//! the correction names the merge row, so both histories agree.
//!
//! Each state row names the correction that set it. An undo restores the correction's `before`
//! only while that correction is still the one in force (undo the later one first); otherwise it
//! is refused rather than silently overwriting a later decision.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::extraction::fold;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};

/// SQL: the claim (table `claims`) is not rejected. For every read of claims.
pub(crate) const LIVE: &str = "NOT EXISTS (SELECT 1 FROM claim_reviews r WHERE r.claim_id = claims.id AND r.status = 'rejected')";
/// SQL: the claim (aliased `c`) is not rejected.
pub(crate) const LIVE_C: &str = "NOT EXISTS (SELECT 1 FROM claim_reviews r WHERE r.claim_id = c.id AND r.status = 'rejected')";

impl Store {
    /// `filter` when some claim is rejected, else `1`: whole-store scans skip the per-claim
    /// probe of `claim_reviews` while no analyst has rejected anything.
    pub(crate) fn unless_rejected(&self, filter: &'static str) -> Result<&'static str> {
        let any: bool = self.conn.prepare_cached("SELECT 1 FROM claim_reviews WHERE status = 'rejected' LIMIT 1")?.exists([])?;
        Ok(if any { filter } else { "1" })
    }
}

/// One correction an analyst asks for. Its JSON (tagged by `kind`) is what the HTTP API takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Read entity `from` as `into` (same type) from now on.
    Merge {
        from: String,
        into: String,
    },
    /// Undo the active merge of `key`.
    Split {
        key: String,
    },
    /// Give `key` (and every key merged with it) another entity type.
    SetType {
        key: String,
        r#type: String,
    },
    /// Another name `key` is found by.
    AddAlias {
        key: String,
        alias: String,
    },
    ConfirmClaim {
        claim_id: String,
    },
    /// Leave the claim out of every view, export and analysis.
    RejectClaim {
        claim_id: String,
    },
    /// A note on an entity key, a claim id or a document id.
    Note {
        target: String,
        text: String,
    },
}

impl Change {
    /// The `kind` tag.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Merge { .. } => "merge",
            Change::Split { .. } => "split",
            Change::SetType { .. } => "set_type",
            Change::AddAlias { .. } => "add_alias",
            Change::ConfirmClaim { .. } => "confirm_claim",
            Change::RejectClaim { .. } => "reject_claim",
            Change::Note { .. } => "note",
        }
    }

    /// What it is about: the entity key, claim id or note target.
    pub fn target(&self) -> &str {
        match self {
            Change::Merge { from: t, .. }
            | Change::Split { key: t }
            | Change::SetType { key: t, .. }
            | Change::AddAlias { key: t, .. }
            | Change::ConfirmClaim { claim_id: t }
            | Change::RejectClaim { claim_id: t }
            | Change::Note { target: t, .. } => t,
        }
    }
}

/// One logged correction, in force or undone.
#[derive(Debug, Clone, Serialize)]
pub struct Correction {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub who: String,
    /// The `Change`'s kind tag.
    pub kind: String,
    pub target: String,
    /// The state it replaced and the state it set (kind-specific JSON).
    pub before: Value,
    pub after: Value,
    pub note: Option<String>,
    pub undone_at: Option<String>,
    pub undone_by: Option<String>,
}

/// An analyst's review of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Confirmed,
    Rejected,
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Confirmed => "confirmed",
            ClaimStatus::Rejected => "rejected",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<ClaimStatus> {
        match s {
            "confirmed" => Some(ClaimStatus::Confirmed),
            "rejected" => Some(ClaimStatus::Rejected),
            _ => None,
        }
    }
}

/// A note in force.
#[derive(Debug, Clone, Serialize)]
pub struct AnalystNote {
    /// The correction that added it (undo it to remove the note).
    pub correction: i64,
    pub target: String,
    pub text: String,
    pub at: String,
    pub who: String,
}

/// The entity types of the ontology (`nexus_kb::EntityType`).
fn known_type(t: &str) -> bool {
    serde_json::from_value::<nexus_kb::EntityType>(Value::String(t.to_owned())).is_ok()
}

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

fn corrupt(message: String) -> StoreError {
    StoreError::Corrupt { column: "corrections", message }
}

/// The stored ends of a claim, when it exists.
fn claim_edge(conn: &Connection, claim_id: &str) -> Result<Option<(String, String, String)>> {
    Ok(conn
        .prepare_cached("SELECT subject, predicate, object FROM claims WHERE id = ?1")?
        .query_row([claim_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// A claim's review and the correction that set it.
fn review(conn: &Connection, claim_id: &str) -> Result<Option<(ClaimStatus, i64)>> {
    let row: Option<(String, i64)> = conn
        .prepare_cached("SELECT status, correction_id FROM claim_reviews WHERE claim_id = ?1")?
        .query_row([claim_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(s, id)| ClaimStatus::parse(&s).map(|s| (s, id)).ok_or_else(|| corrupt(format!("claim status '{s}'")))).transpose()
}

/// Set (or with `None` clear) a claim's review; recompute its edge's summaries when whether it is
/// rejected changes (a claim re-extraction has dropped has no edge to recompute).
fn set_review(conn: &Connection, claim_id: &str, was: Option<ClaimStatus>, to: Option<(ClaimStatus, i64)>) -> Result<()> {
    match to {
        Some((status, by)) => {
            conn.prepare_cached("INSERT OR REPLACE INTO claim_reviews(claim_id, status, correction_id) VALUES (?1, ?2, ?3)")?
                .execute(params![claim_id, status.as_str(), by])?;
        }
        None => {
            conn.prepare_cached("DELETE FROM claim_reviews WHERE claim_id = ?1")?.execute([claim_id])?;
        }
    }
    let rejected = |s: Option<ClaimStatus>| s == Some(ClaimStatus::Rejected);
    if rejected(was) != rejected(to.map(|t| t.0))
        && let Some((s, p, o)) = claim_edge(conn, claim_id)?
    {
        crate::summaries::refresh_edge(conn, &s, &p, &o)?;
    }
    Ok(())
}

/// The type override of a key and the correction that set it.
fn type_override(conn: &Connection, key: &str) -> Result<Option<(String, i64)>> {
    Ok(conn
        .prepare_cached("SELECT type, correction_id FROM entity_type_overrides WHERE key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The type of an entity key as reads show it: the analyst's, else the extracted one; `None` when
/// no document mentions the key.
pub(crate) fn effective_type(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce((SELECT type FROM entity_type_overrides WHERE key = ?1), type) FROM doc_entities WHERE key = ?1 LIMIT 1",
        )?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn is_entity(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM doc_entities WHERE key = ?1 LIMIT 1")?.exists([key])?)
}

fn require_entity(conn: &Connection, key: &str) -> Result<()> {
    if is_entity(conn, key)? { Ok(()) } else { Err(StoreError::UnknownEntity(key.to_owned())) }
}

fn nonempty<'a>(text: &'a str, what: &'static str) -> Result<&'a str> {
    let t = text.trim();
    if t.is_empty() { Err(StoreError::EmptyText(what)) } else { Ok(t) }
}

/// What a correction does, worked out before it is logged: its before and after, and the merge
/// it made or undid.
struct Plan {
    before: Value,
    after: Value,
    merge_id: Option<i64>,
}

impl Store {
    /// Apply `change` as `who`, with an optional `note` (the evidence or reason), and log it; one
    /// transaction, so the state and the log never disagree. Refused with a typed error when it
    /// names an unknown entity, claim, type or target, has an empty alias or note, merges an
    /// entity into itself, or would change nothing.
    pub fn correct(&mut self, change: &Change, who: &str, note: Option<&str>) -> Result<Correction> {
        let who = nonempty(who, "name of who corrects")?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let plan = self.plan(change, who, note)?;
        tx.prepare_cached(
            "INSERT INTO corrections(who, kind, target, change, before, after, note, merge_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            who,
            change.kind(),
            change.target().trim(),
            serde_json::to_string(change).map_err(|e| corrupt(e.to_string()))?,
            plan.before.to_string(),
            plan.after.to_string(),
            note,
            plan.merge_id,
        ])?;
        let id = tx.last_insert_rowid();
        self.apply(change, id, &plan)?;
        tx.commit()?;
        self.correction(id)
    }

    /// Validate `change` against the store and do what must happen before it is logged (a merge
    /// or split, which has its own row); the state rows that name the correction come after.
    fn plan(&self, change: &Change, who: &str, note: Option<&str>) -> Result<Plan> {
        let conn = &self.conn;
        Ok(match change {
            Change::Merge { from, into } => {
                let (from, into) = (from.trim(), into.trim());
                if from == into {
                    return Err(StoreError::SelfMerge(from.to_owned()));
                }
                require_entity(conn, from)?;
                require_entity(conn, into)?;
                let m = self.merge_row(from, into, note.unwrap_or(""), who)?;
                Plan {
                    before: json!({ "merged_into": null }),
                    after: json!({ "merged_into": m.into, "merge": m.id }),
                    merge_id: Some(m.id),
                }
            }
            Change::Split { key } => {
                let key = key.trim();
                require_entity(conn, key)?;
                let m = self.unmerge_row(key)?;
                Plan {
                    before: json!({ "merged_into": m.into, "merge": m.id }),
                    after: json!({ "merged_into": null }),
                    merge_id: Some(m.id),
                }
            }
            Change::SetType { key, r#type } => {
                let (key, ty) = (key.trim(), r#type.trim());
                if !known_type(ty) {
                    return Err(StoreError::UnknownType(ty.to_owned()));
                }
                require_entity(conn, key)?;
                // Every key read as this entity takes the type: a merge never joins two types.
                let mut types = BTreeMap::new();
                for k in self.merges()?.members(key) {
                    let Some(current) = effective_type(conn, &k)? else { continue };
                    let by = type_override(conn, &k)?.map(|o| o.1);
                    types.insert(k, json!({ "type": current, "override": by }));
                }
                if types.values().all(|t| t["type"] == ty) {
                    return Err(StoreError::Unchanged(format!("'{key}' is of type {ty} already")));
                }
                Plan {
                    before: json!({ "types": types }),
                    after: json!({ "type": ty, "keys": types.keys().collect::<Vec<_>>() }),
                    merge_id: None,
                }
            }
            Change::AddAlias { key, alias } => {
                let key = key.trim();
                let alias = nonempty(alias, "alias")?;
                if fold(alias).is_empty() {
                    return Err(StoreError::EmptyText("alias"));
                }
                require_entity(conn, key)?;
                let aliases = self.analyst_aliases(key)?;
                if aliases.iter().any(|a| fold(a) == fold(alias)) {
                    return Err(StoreError::Unchanged(format!("'{alias}' is an alias of '{key}' already")));
                }
                let mut after = aliases.clone();
                after.push(alias.to_owned());
                Plan { before: json!({ "aliases": aliases }), after: json!({ "aliases": after }), merge_id: None }
            }
            Change::ConfirmClaim { claim_id } | Change::RejectClaim { claim_id } => {
                let claim_id = claim_id.trim();
                if claim_edge(conn, claim_id)?.is_none() {
                    return Err(StoreError::UnknownClaim(claim_id.to_owned()));
                }
                let to = if matches!(change, Change::ConfirmClaim { .. }) { ClaimStatus::Confirmed } else { ClaimStatus::Rejected };
                let was = review(conn, claim_id)?;
                if was.map(|w| w.0) == Some(to) {
                    return Err(StoreError::Unchanged(format!("claim {claim_id} is {} already", to.as_str())));
                }
                Plan {
                    before: json!({ "status": was.map(|w| w.0), "review": was.map(|w| w.1) }),
                    after: json!({ "status": to }),
                    merge_id: None,
                }
            }
            Change::Note { target, text } => {
                let target = target.trim();
                let text = nonempty(text, "note")?;
                let known = is_entity(conn, target)?
                    || claim_edge(conn, target)?.is_some()
                    || conn.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?.exists([target])?;
                if !known {
                    return Err(StoreError::UnknownTarget(target.to_owned()));
                }
                Plan { before: Value::Null, after: json!({ "text": text }), merge_id: None }
            }
        })
    }

    /// Write the state rows of correction `id` (already logged).
    fn apply(&self, change: &Change, id: i64, plan: &Plan) -> Result<()> {
        let conn = &self.conn;
        match change {
            Change::Merge { .. } | Change::Split { .. } => {}
            Change::SetType { r#type, .. } => {
                let keys = plan.before["types"].as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
                for k in keys {
                    conn.prepare_cached("INSERT OR REPLACE INTO entity_type_overrides(key, type, correction_id) VALUES (?1, ?2, ?3)")?
                        .execute(params![k, r#type.trim(), id])?;
                }
            }
            Change::AddAlias { key, alias } => {
                conn.prepare_cached("INSERT INTO entity_aliases(key, folded, alias, correction_id) VALUES (?1, ?2, ?3, ?4)")?
                    .execute(params![key.trim(), fold(alias), alias.trim(), id])?;
            }
            Change::ConfirmClaim { claim_id } | Change::RejectClaim { claim_id } => {
                let claim_id = claim_id.trim();
                let was = review(conn, claim_id)?.map(|w| w.0);
                let to = if matches!(change, Change::ConfirmClaim { .. }) { ClaimStatus::Confirmed } else { ClaimStatus::Rejected };
                set_review(conn, claim_id, was, Some((to, id)))?;
            }
            Change::Note { target, text } => {
                conn.prepare_cached("INSERT INTO analyst_notes(correction_id, target, text) VALUES (?1, ?2, ?3)")?.execute(params![
                    id,
                    target.trim(),
                    text.trim()
                ])?;
            }
        }
        Ok(())
    }

    /// Undo correction `id` as `who`: restore what it replaced, and stamp it undone (it stays in
    /// the log). Refused when it was undone already, or when a later correction of the same thing
    /// is in force (undo that one first).
    pub fn undo_correction(&mut self, id: i64, who: &str) -> Result<Correction> {
        let who = nonempty(who, "name of who undoes")?;
        let c = self.correction(id)?;
        if let Some(at) = c.undone_at {
            return Err(StoreError::AlreadyUndone { id, at });
        }
        let change: Change = {
            let raw: String = self.conn.query_row("SELECT change FROM corrections WHERE id = ?1", [id], |r| r.get(0))?;
            serde_json::from_str(&raw).map_err(|e| corrupt(format!("correction {id}: {e}")))?
        };
        let refuse = |reason: String| Err(StoreError::CannotUndo { id, reason });
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let conn = &self.conn;
        match &change {
            Change::Merge { from, .. } => {
                let merge = c.after["merge"].as_i64().ok_or_else(|| corrupt(format!("correction {id}: no merge")))?;
                let active: bool =
                    conn.prepare_cached("SELECT 1 FROM entity_merges WHERE id = ?1 AND undone_at IS NULL")?.exists([merge])?;
                if !active {
                    return refuse(format!("the merge of '{from}' was undone already"));
                }
                self.unmerge_row(from.trim())?;
            }
            Change::Split { key } => {
                let into = c.before["merged_into"].as_str().ok_or_else(|| corrupt(format!("correction {id}: no merge")))?;
                if self.merges()?.canonical(key.trim()) != key.trim() {
                    return refuse(format!("'{key}' is merged again; split it first"));
                }
                self.merge_row(key.trim(), into, &format!("undo of correction {id}"), who)?;
            }
            Change::SetType { .. } => {
                let types = c.before["types"].as_object().cloned().unwrap_or_default();
                for k in types.keys() {
                    match type_override(conn, k)? {
                        Some((_, by)) if by != id => {
                            return refuse(format!("correction {by} changed the type of '{k}' since; undo it first"));
                        }
                        _ => {}
                    }
                }
                for (k, was) in types {
                    match (was["override"].as_i64(), was["type"].as_str()) {
                        (Some(by), Some(ty)) => {
                            conn.prepare_cached(
                                "INSERT OR REPLACE INTO entity_type_overrides(key, type, correction_id) VALUES (?1, ?2, ?3)",
                            )?
                            .execute(params![k, ty, by])?;
                        }
                        _ => {
                            conn.prepare_cached("DELETE FROM entity_type_overrides WHERE key = ?1")?.execute([&k])?;
                        }
                    }
                }
            }
            Change::AddAlias { .. } => {
                conn.prepare_cached("DELETE FROM entity_aliases WHERE correction_id = ?1")?.execute([id])?;
            }
            Change::ConfirmClaim { claim_id } | Change::RejectClaim { claim_id } => {
                let claim_id = claim_id.trim();
                let now = review(conn, claim_id)?;
                match now {
                    Some((_, by)) if by == id => {}
                    Some((_, by)) => return refuse(format!("correction {by} reviewed claim {claim_id} since; undo it first")),
                    None => return refuse(format!("claim {claim_id} has no review")),
                }
                let restore = match (c.before["status"].as_str().and_then(ClaimStatus::parse), c.before["review"].as_i64()) {
                    (Some(s), Some(by)) => Some((s, by)),
                    _ => None,
                };
                set_review(conn, claim_id, now.map(|n| n.0), restore)?;
            }
            Change::Note { .. } => {
                conn.prepare_cached("DELETE FROM analyst_notes WHERE correction_id = ?1")?.execute([id])?;
            }
        }
        conn.prepare_cached(&format!("UPDATE corrections SET undone_at = {NOW}, undone_by = ?2 WHERE id = ?1"))?
            .execute(params![id, who])?;
        tx.commit()?;
        self.correction(id)
    }

    /// One correction by id.
    pub fn correction(&self, id: i64) -> Result<Correction> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM corrections WHERE id = ?1"))?;
        stmt.query_row([id], row).optional()?.ok_or(StoreError::NoSuchCorrection(id))
    }

    /// The log, oldest first: every correction, or those about `target` (an entity key, claim id
    /// or document id), undone ones included.
    pub fn corrections(&self, target: Option<&str>) -> Result<Vec<Correction>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM corrections WHERE ?1 IS NULL OR target = ?1 ORDER BY id"))?;
        let rows = stmt.query_map([target.map(str::trim)], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The notes in force on `target` (an entity key, claim id or document id), oldest first.
    pub fn entity_notes(&self, target: &str) -> Result<Vec<AnalystNote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.correction_id, n.target, n.text, c.at, c.who FROM analyst_notes n JOIN corrections c ON c.id = n.correction_id
             WHERE n.target = ?1 ORDER BY n.correction_id",
        )?;
        let rows = stmt.query_map([target], |r| {
            Ok(AnalystNote { correction: r.get(0)?, target: r.get(1)?, text: r.get(2)?, at: r.get(3)?, who: r.get(4)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An analyst's review of a claim, when there is one in force.
    pub fn claim_status(&self, claim_id: &str) -> Result<Option<ClaimStatus>> {
        Ok(review(&self.conn, claim_id)?.map(|r| r.0))
    }

    /// Every claim review in force: claim id → status.
    pub fn claim_reviews(&self) -> Result<HashMap<String, ClaimStatus>> {
        let mut stmt = self.conn.prepare("SELECT claim_id, status FROM claim_reviews")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = HashMap::new();
        for r in rows {
            let (id, s) = r?;
            out.insert(id, ClaimStatus::parse(&s).ok_or_else(|| corrupt(format!("claim status '{s}'")))?);
        }
        Ok(out)
    }

    /// The names analysts gave an entity key, in the order they were added.
    pub fn analyst_aliases(&self, key: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT alias FROM entity_aliases WHERE key = ?1 ORDER BY correction_id")?;
        let rows = stmt.query_map([key], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every type an analyst set: key → type.
    pub fn type_overrides(&self) -> Result<HashMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT key, type FROM entity_type_overrides")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The type of an entity key as every read shows it (the analyst's, else the extracted one);
    /// `None` when no document mentions it.
    pub fn entity_type(&self, key: &str) -> Result<Option<String>> {
        effective_type(&self.conn, key)
    }
}

const COLUMNS: &str = "id, at, who, kind, target, before, after, note, undone_at, undone_by";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Correction> {
    let json = |i: usize| -> rusqlite::Result<Value> {
        let s: String = r.get(i)?;
        serde_json::from_str(&s).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
    };
    Ok(Correction {
        id: r.get(0)?,
        at: r.get(1)?,
        who: r.get(2)?,
        kind: r.get(3)?,
        target: r.get(4)?,
        before: json(5)?,
        after: json(6)?,
        note: r.get(7)?,
        undone_at: r.get(8)?,
        undone_by: r.get(9)?,
    })
}
