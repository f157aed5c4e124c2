//! Storing what extraction found in a document: its entities, mentions, quantities, dates and
//! claims (`claims`).
//!
//! A document's extraction is written in the transaction (savepoint) that writes the document,
//! or replaced in one transaction of its own, so a reader never sees half of one. Entities are
//! keyed across the corpus by [`entity_key`], which does not trust a learned entity's id to be
//! the same in every document.

use crate::Store;
use crate::error::{Result, StoreError};
use nexus_extract::{ExtractedEntity, Extraction};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The corpus-wide key of an extracted entity: the knowledge-base id, or `type:folded name` for
/// an entity learned from the document, so the same name of the same type is one entity in
/// every document whatever id the extractor gave it there.
pub fn entity_key(e: &ExtractedEntity) -> String {
    if e.in_kb { e.id.clone() } else { format!("{}:{}", e.entity_type, fold(&e.name)) }
}

/// Case- and accent-folded with runs of whitespace made one space: how names are compared.
pub fn fold(s: &str) -> String {
    nexus_kb::fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One stored document's text as extraction reads it, for re-running extraction.
#[derive(Debug, Clone)]
pub struct ExtractionInput {
    /// The store's order of documents; pass the last one seen to continue after it.
    pub seq: i64,
    pub id: String,
    /// The stored text with footnote marks blanked (the same offsets as the stored text).
    pub text: String,
    /// The document's date, for relative dates.
    pub published: Option<String>,
}

/// Rows written for one document's extraction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ExtractionCounts {
    pub entities: u64,
    pub mentions: u64,
    pub quantities: u64,
    pub dates: u64,
    /// Relation instances (claims).
    pub claims: u64,
}

impl std::ops::AddAssign for ExtractionCounts {
    fn add_assign(&mut self, o: ExtractionCounts) {
        self.entities += o.entities;
        self.mentions += o.mentions;
        self.quantities += o.quantities;
        self.dates += o.dates;
        self.claims += o.claims;
    }
}

/// An entity of one document with its mentions, merged by key and deduplicated by span.
struct Grouped<'a> {
    first: &'a ExtractedEntity,
    spans: BTreeMap<(usize, usize), &'a str>,
}

/// Write the extraction of the document `seq`, which has none yet, in the caller's transaction.
pub(crate) fn write(conn: &Connection, seq: i64, x: &Extraction) -> Result<ExtractionCounts> {
    conn.prepare_cached("INSERT INTO extractions(doc_seq) VALUES (?1)")?.execute([seq])?;
    write_rows(conn, seq, x)
}

fn write_rows(conn: &Connection, seq: i64, x: &Extraction) -> Result<ExtractionCounts> {
    let mut groups: BTreeMap<String, Grouped> = BTreeMap::new();
    for e in &x.entities {
        let g = groups.entry(entity_key(e)).or_insert_with(|| Grouped { first: e, spans: BTreeMap::new() });
        for m in &e.mentions {
            g.spans.insert((m.start, m.end), &m.text);
        }
    }
    let mut counts = ExtractionCounts { entities: groups.len() as u64, ..Default::default() };
    let mut entity = conn.prepare_cached(
        "INSERT INTO doc_entities(doc_seq, key, id, name, type, in_kb, unnamed, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut mention = conn.prepare_cached("INSERT INTO mentions(doc_seq, start, end, key, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let mut name = conn.prepare_cached("INSERT INTO entity_names(doc_seq, key, folded) VALUES (?1, ?2, ?3)")?;
    for (key, g) in &groups {
        let e = g.first;
        entity.execute(params![seq, key, e.id, e.name, e.entity_type, e.in_kb, e.unnamed, g.spans.len() as i64])?;
        for (&(start, end), text) in &g.spans {
            mention.execute(params![seq, start as i64, end as i64, key, text])?;
        }
        let names: BTreeSet<String> = std::iter::once(e.name.as_str()).chain(g.spans.values().copied()).map(fold).collect();
        for folded in names.iter().filter(|f| !f.is_empty()) {
            name.execute(params![seq, key, folded])?;
        }
        counts.mentions += g.spans.len() as u64;
    }
    // Two finds of one span say nothing more than one: the first is kept.
    let mut quantity = conn.prepare_cached(
        "INSERT OR IGNORE INTO quantities(doc_seq, start, end, text, value, unit, bound, commodity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for q in &x.quantities {
        let bound = label(&q.bound);
        counts.quantities +=
            quantity.execute(params![seq, q.start as i64, q.end as i64, q.text, q.value, q.unit, bound, q.commodity])? as u64;
    }
    let mut date =
        conn.prepare_cached("INSERT OR IGNORE INTO dates(doc_seq, start, end, text, value, precision) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for d in &x.dates {
        counts.dates += date.execute(params![seq, d.start as i64, d.end as i64, d.text, d.value, label(&d.precision)])? as u64;
    }
    counts.claims = crate::claims::write(conn, seq, x)?;
    Ok(counts)
}

/// A unit enum's name as it is serialized ("at_least", "month").
pub(crate) fn label<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => other.map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// Whether document `seq` has an extraction stored.
pub(crate) fn is_extracted(conn: &Connection, seq: i64) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM extractions WHERE doc_seq = ?1")?.query_row([seq], |_| Ok(())).optional()?.is_some())
}

impl Store {
    /// Whether bytes with this SHA-256 are stored with their extraction (a re-run with extraction
    /// on converts again only documents stored without one).
    pub fn has_extraction_for(&self, sha256: &str) -> Result<bool> {
        let found = self
            .conn
            .prepare_cached("SELECT 1 FROM documents d JOIN extractions x ON x.doc_seq = d.seq WHERE d.sha256 = ?1")?
            .query_row([sha256], |_| Ok(()))
            .optional()?;
        Ok(found.is_some())
    }

    /// Stored documents after `after_seq`, in store order, as extraction reads them: at most
    /// `limit`, and no more once their texts reach `max_bytes` (so memory stays bounded however
    /// large the documents).
    pub fn extraction_inputs(&self, after_seq: i64, limit: usize, max_bytes: u64) -> Result<Vec<ExtractionInput>> {
        let mut docs = self.conn.prepare_cached("SELECT seq, id, text, published FROM documents WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
        let mut notes = self.conn.prepare_cached("SELECT start, end, label FROM notes WHERE doc_seq = ?1")?;
        let rows = docs.query_map(params![after_seq, limit as i64], |r| {
            Ok(ExtractionInput { seq: r.get(0)?, id: r.get(1)?, text: r.get(2)?, published: r.get(3)? })
        })?;
        let mut out = Vec::new();
        let mut bytes = 0;
        for row in rows {
            if bytes >= max_bytes && !out.is_empty() {
                break;
            }
            let mut input = row?;
            bytes += input.text.len() as u64;
            let marks: Vec<nexus_ingest::NoteRef> = notes
                .query_map([input.seq], |r| {
                    Ok(nexus_ingest::NoteRef { start: r.get::<_, i64>(0)? as usize, end: r.get::<_, i64>(1)? as usize, label: r.get(2)? })
                })?
                .collect::<rusqlite::Result<_>>()?;
            // A stored note outside the text would be corruption; masking it would panic.
            if let Some(bad) =
                marks.iter().find(|n| n.start > n.end || !input.text.is_char_boundary(n.start) || !input.text.is_char_boundary(n.end))
            {
                return Err(StoreError::Corrupt {
                    column: "notes.start",
                    message: format!("note {}..{} of document {}", bad.start, bad.end, input.id),
                });
            }
            if !marks.is_empty() {
                input.text = nexus_ingest::footnotes::mask(&input.text, &marks).into_owned();
            }
            out.push(input);
        }
        Ok(out)
    }

    /// Replace the extraction of document `id` (when the knowledge base or the extractor changed),
    /// in one transaction: readers see the old extraction or the new one, never a mix.
    pub fn replace_extraction(&mut self, id: &str, x: &Extraction) -> Result<ExtractionCounts> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let seq: i64 = tx
            .query_row("SELECT seq FROM documents WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NoSuchDocument(id.to_owned()))?;
        // The claims leave the edge summaries as they are deleted: only this document's rows change.
        crate::summaries::remove_doc(&tx, seq, true)?;
        for table in ["doc_entities", "mentions", "entity_names", "quantities", "dates"] {
            tx.prepare_cached(&format!("DELETE FROM {table} WHERE doc_seq = ?1"))?.execute([seq])?;
        }
        tx.prepare_cached(
            "INSERT INTO extractions(doc_seq) VALUES (?1)
             ON CONFLICT(doc_seq) DO UPDATE SET extracted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        )?
        .execute([seq])?;
        let counts = write_rows(&tx, seq, x)?;
        tx.commit()?;
        Ok(counts)
    }
}
