//! Adding documents: exact duplicates by SHA-256, near-duplicates by MinHash/LSH into works.

use crate::Store;
use crate::error::Result;
use crate::extraction;
use crate::lsh::{self, Pending};
use nexus_extract::Extraction;
use nexus_ingest::{Document, LshLayout, Signature};
use rusqlite::{OptionalExtension, params};

/// When two documents are the same work.
#[derive(Debug, Clone, Copy)]
pub struct NearDupConfig {
    /// Estimated Jaccard similarity of word-shingle sets at or above which documents join one work.
    pub threshold: f64,
}

impl Default for NearDupConfig {
    fn default() -> Self {
        NearDupConfig { threshold: 0.5 }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum AddOutcome {
    /// A new document that starts its own work.
    Added { id: String },
    /// A new document that joined an existing work.
    NearDuplicate { id: String, work: String, of: String, similarity: f64 },
    /// The same bytes were already stored (maybe under another path): nothing new.
    Duplicate { id: String, new_path: bool },
}

impl Store {
    /// Store `doc` with its `signature` (and its extraction, when given) in a transaction of its own.
    pub fn add(
        &mut self,
        doc: &Document,
        signature: &Signature,
        extraction: Option<&Extraction>,
        config: NearDupConfig,
    ) -> Result<AddOutcome> {
        let mut w = self.writer(config)?;
        let out = w.add(doc, signature, extraction)?;
        w.commit()?;
        Ok(out)
    }

    /// Open a write transaction that adds many documents and commits them together: far fewer
    /// WAL frames and full-text segments than one commit per document, the same atomicity.
    pub fn writer(&mut self, config: NearDupConfig) -> Result<Writer<'_>> {
        let layout = LshLayout::for_threshold(config.threshold);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if self.pending.layout != Some(layout) {
            lsh::prepare(&tx, &mut self.pending, layout)?;
        }
        Ok(Writer { tx, pending: &mut self.pending, layout, threshold: config.threshold, added: None })
    }

    /// Persist the buffered near-duplicate keys now rather than at the next full buffer.
    pub fn flush_index(&mut self) -> Result<()> {
        if self.pending.layout.is_none() {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        lsh::flush(&tx, &mut self.pending)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether bytes with this SHA-256 are stored already (lets a re-run skip converting them).
    pub fn has_sha256(&self, sha256: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT 1 FROM documents WHERE sha256 = ?1", [sha256], |_| Ok(())).optional()?.is_some())
    }
}

/// An open write transaction. Each document goes in under a savepoint, so a document that fails
/// leaves no trace and the others still commit; dropping the writer without `commit` rolls all back.
///
/// The full-text rows are written at commit, after the last savepoint: FTS5 flushes its
/// in-memory index at every savepoint, which would leave one tiny segment per document.
pub struct Writer<'a> {
    tx: rusqlite::Transaction<'a>,
    pending: &'a mut Pending,
    layout: LshLayout,
    threshold: f64,
    /// First and last seq added by this writer; the rows between are exactly its documents,
    /// since it holds the write lock.
    added: Option<(i64, i64)>,
}

impl Writer<'_> {
    /// Add a document with its extraction (when given) under one savepoint: both or neither. Bytes
    /// already stored add only their path; their extraction is left as it is (see
    /// [`Writer::add_missing_extraction`]).
    pub fn add(&mut self, doc: &Document, signature: &Signature, extraction: Option<&Extraction>) -> Result<AddOutcome> {
        let sp = self.tx.savepoint()?;
        let (out, keys) = insert(&sp, self.pending, doc, signature, self.layout, self.threshold)?;
        if let (Some((seq, _)), Some(x)) = (&keys, extraction) {
            extraction::write(&sp, *seq, x)?;
        }
        sp.commit()?;
        if let Some((seq, keys)) = keys {
            self.pending.insert(&keys, seq);
            self.added = Some(self.added.map_or((seq, seq), |(first, _)| (first, seq)));
        }
        Ok(out)
    }

    /// Record another path for stored bytes; `true` when the path is new.
    pub fn add_path(&mut self, sha256: &str, path: &str) -> Result<bool> {
        Ok(self.tx.execute(
            "INSERT OR IGNORE INTO document_paths(doc_seq, path) SELECT seq, ?2 FROM documents WHERE sha256 = ?1",
            params![sha256, path],
        )? > 0)
    }

    /// Store the extraction of the stored bytes `sha256` if they have none (they were ingested with
    /// extraction off, or before it existed); `true` when it was written.
    pub fn add_missing_extraction(&mut self, sha256: &str, x: &Extraction) -> Result<bool> {
        let sp = self.tx.savepoint()?;
        let Some(seq) = sp.query_row("SELECT seq FROM documents WHERE sha256 = ?1", [sha256], |r| r.get::<_, i64>(0)).optional()? else {
            return Ok(false);
        };
        if extraction::is_extracted(&sp, seq)? {
            return Ok(false);
        }
        extraction::write(&sp, seq, x)?;
        sp.commit()?;
        Ok(true)
    }

    /// Commit the documents (and, when the buffer is full, the near-duplicate keys with them).
    pub fn commit(self) -> Result<()> {
        if let Some((first, last)) = self.added {
            self.tx.execute(
                "INSERT INTO documents_fts(rowid, title, text) SELECT seq, coalesce(title, ''), text FROM documents WHERE seq BETWEEN ?1 AND ?2",
                params![first, last],
            )?;
        }
        if self.pending.is_full() {
            lsh::flush(&self.tx, self.pending)?;
        }
        Ok(self.tx.commit()?)
    }
}

/// A new document's seq and band keys, for the pending index.
type NewKeys = Option<(i64, Vec<i64>)>;

/// Insert one document; also returns its seq and band keys when it is new.
fn insert(
    tx: &rusqlite::Connection,
    pending: &Pending,
    doc: &Document,
    signature: &Signature,
    layout: LshLayout,
    threshold: f64,
) -> Result<(AddOutcome, NewKeys)> {
    if let Some(seq) = tx.query_row("SELECT seq FROM documents WHERE sha256 = ?1", [&doc.sha256], |r| r.get::<_, i64>(0)).optional()? {
        let new_path = tx.execute("INSERT OR IGNORE INTO document_paths(doc_seq, path) VALUES (?1, ?2)", params![seq, doc.source])? > 0;
        let id: String = tx.query_row("SELECT id FROM documents WHERE seq = ?1", [seq], |r| r.get(0))?;
        return Ok((AddOutcome::Duplicate { id, new_path }, None));
    }
    let keys = signature.band_keys(layout);
    let best = best_match(tx, &lsh::candidates(tx, pending, &keys)?, signature, threshold)?;
    let (work, similarity) = match &best {
        Some((_, work, sim)) => (work.clone(), Some(*sim)),
        None => (doc.id.clone(), None),
    };
    let m = &doc.meta;
    tx.prepare_cached(
        "INSERT INTO documents(id, sha256, source, format, encoding, bytes, title, authors, published, venue, volume, number, site,
                               language, language_name, language_confidence, text, chars, work_id, similarity, warnings)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?
    .execute(params![
        doc.id,
        doc.sha256,
        doc.source,
        doc.format.as_str(),
        doc.encoding,
        doc.bytes as i64,
        m.title,
        json(&m.authors),
        m.published,
        m.venue,
        m.volume,
        m.number,
        m.site,
        doc.language.code,
        doc.language.name,
        doc.language.confidence,
        doc.text,
        doc.text.chars().count() as i64,
        work,
        similarity,
        json(&doc.warnings),
    ])?;
    let seq = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO document_paths(doc_seq, path) VALUES (?1, ?2)")?.execute(params![seq, doc.source])?;
    let mut note = tx.prepare_cached("INSERT OR IGNORE INTO notes(doc_seq, start, end, label) VALUES (?1, ?2, ?3, ?4)")?;
    for n in &doc.notes {
        note.execute(params![seq, n.start as i64, n.end as i64, n.label])?;
    }
    tx.prepare_cached("INSERT INTO signatures(doc_seq, minhash) VALUES (?1, ?2)")?.execute(params![seq, signature.to_bytes()])?;
    let out = match best {
        Some((of, work, similarity)) => AddOutcome::NearDuplicate { id: doc.id.clone(), work, of, similarity },
        None => AddOutcome::Added { id: doc.id.clone() },
    };
    Ok((out, Some((seq, keys))))
}

/// The most similar of the `candidates` at or above `threshold`: (its id, its work, similarity).
pub(crate) fn best_match(
    tx: &rusqlite::Connection,
    candidates: &[i64],
    signature: &Signature,
    threshold: f64,
) -> Result<Option<(String, String, f64)>> {
    let mut stmt =
        tx.prepare_cached("SELECT d.id, d.work_id, s.minhash FROM documents d JOIN signatures s ON s.doc_seq = d.seq WHERE d.seq = ?1")?;
    let mut best: Option<(String, String, f64)> = None;
    for &seq in candidates {
        let Some((id, work, bytes)) =
            stmt.query_row([seq], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Vec<u8>>(2)?))).optional()?
        else {
            continue;
        };
        let Some(other) = Signature::from_bytes(&bytes) else { continue };
        let sim = signature.similarity(&other);
        if sim >= threshold && best.as_ref().is_none_or(|b| sim > b.2) {
            best = Some((id, work, sim));
        }
    }
    Ok(best)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}
