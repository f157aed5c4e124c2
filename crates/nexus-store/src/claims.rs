//! Claims: every relation the extractor found, one row per instance, with its document, sentence
//! span, qualifiers and confidence. Written with the rest of a document's extraction (same
//! savepoint or transaction) and replaced with it.
//!
//! A claim's ends are entity keys ([`crate::entity_key`]), not the extractor's per-document ids,
//! so claims from different documents about the same entity meet; the ends of a symmetric
//! predicate are stored in sorted order, so "A cooperates with B" and "B cooperates with A" are
//! one edge. The id is a hash of what identifies the instance, so re-extracting a document
//! reproduces the ids of the claims it still makes.

use crate::error::Result;
use crate::extraction::entity_key;
use crate::grades::PUBLISHER_SQL;
use nexus_extract::Extraction;
use nexus_extract::relations::{Relation, symmetric};
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// The deterministic id of a claim: the first 16 hex digits of the SHA-256 of the document id,
/// predicate, ends (keys, in stored order) and sentence span.
pub fn claim_id(doc_id: &str, predicate: &str, subject: &str, object: &str, start: usize, end: usize) -> String {
    let text = format!("{doc_id}\u{1f}{predicate}\u{1f}{subject}\u{1f}{object}\u{1f}{start}\u{1f}{end}");
    nexus_ingest::fingerprint::sha256_hex(text.as_bytes())[..16].to_owned()
}

/// The ends of a claim in stored order: sorted for a symmetric predicate.
pub fn ordered<'a>(predicate: &str, subject: &'a str, object: &'a str) -> (&'a str, &'a str) {
    if symmetric(predicate) && object < subject { (object, subject) } else { (subject, object) }
}

/// Write the claims of document `seq` (which has none stored) in the caller's transaction, and add
/// them to the edge summaries; the number written. A relation whose ends are not among the document's entities, or are one
/// entity under the corpus-wide key, is left out; two relations that are one claim are written once.
pub(crate) fn write(conn: &Connection, seq: i64, x: &Extraction) -> Result<u64> {
    if x.relations.is_empty() {
        return Ok(0);
    }
    let (doc_id, work_id, published, publisher): (String, String, Option<String>, String) = conn
        .prepare_cached(&format!("SELECT d.id, d.work_id, d.published, {PUBLISHER_SQL} FROM documents d WHERE d.seq = ?1"))?
        .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let publisher = crate::summaries::folded_publisher(&publisher);
    let keys: HashMap<&str, String> = x.entities.iter().map(|e| (e.id.as_str(), entity_key(e))).collect();
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO claims(doc_seq, id, work_id, subject, predicate, object, start, end, confidence, hedged, negated,
                                      value, unit, bound, date, seen, qualifiers, publisher)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    let mut written = 0;
    for r in &x.relations {
        let (Some(s), Some(o)) = (keys.get(r.subject.as_str()), keys.get(r.object.as_str())) else { continue };
        if s == o {
            continue;
        }
        let (s, o) = ordered(&r.predicate, s, o);
        let (start, end) = (r.evidence.start, r.evidence.end);
        let id = claim_id(&doc_id, &r.predicate, s, o, start, end);
        let q = &r.qualifiers;
        let quantity = q.quantity.as_ref();
        let date = q.date.as_ref().map(|d| d.value.clone());
        let seen = date.clone().or_else(|| published.clone());
        written += insert.execute(params![
            seq,
            id,
            work_id,
            s,
            r.predicate,
            o,
            start as i64,
            end as i64,
            r.confidence,
            q.hedged,
            q.negated,
            quantity.map(|q| q.value),
            quantity.map(|q| q.unit.clone()),
            quantity.map(|q| crate::extraction::label(&q.bound)),
            date,
            seen,
            qualifiers_json(r, &keys),
            publisher,
        ])? as u64;
    }
    // The edge summaries, in the same savepoint or transaction.
    if written > 0 {
        crate::summaries::add_doc(conn, seq)?;
    }
    Ok(written)
}

/// The qualifiers as JSON, with the entity ids they name (place, commodity, via) as keys.
fn qualifiers_json(r: &Relation, keys: &HashMap<&str, String>) -> String {
    let mut q = r.qualifiers.clone();
    let key = |id: &String| keys.get(id.as_str()).cloned().unwrap_or_else(|| id.clone());
    q.place = q.place.as_ref().map(key);
    q.commodity = q.commodity.as_ref().map(key);
    q.via = q.via.iter().map(key).collect();
    serde_json::to_string(&q).unwrap_or_else(|_| "{}".into())
}
