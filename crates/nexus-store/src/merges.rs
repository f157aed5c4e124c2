//! Merge decisions between entities: "these two keys are one entity". A merge is a row of
//! `entity_merges`, never a rewrite of claims or mentions: queries read the merged key as the
//! one it was merged into, and undoing the merge (a timestamp on the row) restores exactly what
//! was there. Merges never join two types.

use crate::Store;
use crate::error::{Result, StoreError};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// The active merges, read once per query: which key each merged key now reads as.
#[derive(Debug, Clone, Default)]
pub struct Merges {
    into: HashMap<String, String>,
}

impl Merges {
    /// The key `key` reads as: the end of its chain of merges (a chain never loops: `merge`
    /// refuses a merge that would close one, and a bound guards against a damaged table).
    pub fn canonical<'a>(&'a self, key: &'a str) -> &'a str {
        let mut k = key;
        for _ in 0..64 {
            match self.into.get(k) {
                Some(next) => k = next,
                None => break,
            }
        }
        k
    }

    /// Every key that reads as `key`, itself included, sorted.
    pub fn members(&self, key: &str) -> Vec<String> {
        let canon = self.canonical(key).to_owned();
        let mut out: BTreeSet<String> = BTreeSet::from([canon.clone()]);
        out.extend(self.into.keys().filter(|k| self.canonical(k) == canon).cloned());
        out.into_iter().collect()
    }

    /// Every key an active merge names, merged or merged into.
    pub(crate) fn involved(&self) -> std::collections::HashSet<&str> {
        self.into.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.into.is_empty()
    }
}

/// One merge decision, active or undone.
#[derive(Debug, Clone, Serialize)]
pub struct MergeRecord {
    pub id: i64,
    pub from: String,
    pub into: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub evidence: String,
    pub decided_by: String,
    pub created_at: String,
    pub undone_at: Option<String>,
}

impl Store {
    pub fn merges(&self) -> Result<Merges> {
        let mut stmt = self.conn.prepare_cached("SELECT from_key, into_key FROM entity_merges WHERE undone_at IS NULL")?;
        let into = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(Merges { into })
    }

    /// Every merge decision, oldest first, undone ones included.
    pub fn merge_history(&self) -> Result<Vec<MergeRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, from_key, into_key, type, evidence, decided_by, created_at, undone_at FROM entity_merges ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(MergeRecord {
                id: r.get(0)?,
                from: r.get(1)?,
                into: r.get(2)?,
                entity_type: r.get(3)?,
                evidence: r.get(4)?,
                decided_by: r.get(5)?,
                created_at: r.get(6)?,
                undone_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Read the entity `from` as `into` from now on, with the `evidence` for the decision. Both
    /// must be entities of the store of one type; `from` must not be merged already, and `into`
    /// must not read as `from` (no loops).
    /// Not logged as a correction: `Store::correct` with `Change::Merge` is the logged way.
    pub fn merge(&mut self, from: &str, into: &str, evidence: &str, decided_by: &str) -> Result<MergeRecord> {
        self.merge_row(from, into, evidence, decided_by)
    }

    /// `merge`, in whatever transaction the caller has open.
    pub(crate) fn merge_row(&self, from: &str, into: &str, evidence: &str, decided_by: &str) -> Result<MergeRecord> {
        let refuse = |message: String| Err(StoreError::BadQuery { query: format!("merge {from} into {into}"), message });
        // Types as analysts corrected them.
        let type_of = |key: &str| crate::corrections::effective_type(&self.conn, key);
        let (Some(a), Some(b)) = (type_of(from)?, type_of(into)?) else {
            return refuse("both must be entities the documents mention".into());
        };
        if a != b {
            return refuse(format!("an entity of type {a} cannot be merged into one of type {b}"));
        }
        let merges = self.merges()?;
        if merges.canonical(into) == from || from == into {
            return refuse(format!("'{into}' already reads as '{from}'"));
        }
        if let Some(already) = merges.into.get(from) {
            return refuse(format!("'{from}' is merged into '{already}' already; unmerge it first"));
        }
        self.conn.execute(
            "INSERT INTO entity_merges(from_key, into_key, type, evidence, decided_by) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![from, into, a, evidence, decided_by],
        )?;
        let id = self.conn.last_insert_rowid();
        Ok(self.merge_history()?.into_iter().find(|m| m.id == id).expect("the row just written"))
    }

    /// Undo the active merge of `from`; the decision stays in the history, marked undone.
    /// Not logged as a correction: `Store::correct` with `Change::Split` is the logged way.
    pub fn unmerge(&mut self, from: &str) -> Result<MergeRecord> {
        self.unmerge_row(from)
    }

    /// `unmerge`, in whatever transaction the caller has open.
    pub(crate) fn unmerge_row(&self, from: &str) -> Result<MergeRecord> {
        let id: Option<i64> = self
            .conn
            .query_row("SELECT id FROM entity_merges WHERE from_key = ?1 AND undone_at IS NULL", [from], |r| r.get(0))
            .optional()?;
        let Some(id) = id else {
            return Err(StoreError::BadQuery { query: format!("unmerge {from}"), message: "it is not merged into anything".into() });
        };
        self.conn.execute("UPDATE entity_merges SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1", [id])?;
        Ok(self.merge_history()?.into_iter().find(|m| m.id == id).expect("the row just updated"))
    }
}
