//! The embedded store: one SQLite file in WAL mode, so readers query while an ingest writes.
//!
//! Each document is added in one transaction — its row, paths, notes, signature, extraction,
//! LSH keys and full-text entry together — so a killed process leaves either the whole document
//! or nothing, and running the same ingest again finishes the job.

mod analysis_reads;
mod claims;
mod corrections;
mod entities;
mod error;
mod export_reads;
mod extraction;
mod grades;
mod graph;
mod lookup;
mod lsh;
mod merges;
mod read;
mod regroup;
mod schema;
mod search;
mod summaries;
mod web_graph;
mod web_reads;
mod web_search;
mod write;

pub use analysis_reads::{ClaimScan, ScanClaim, ScanDoc};
pub use claims::{claim_id, ordered};
pub use corrections::{AnalystNote, Change, ClaimStatus, Correction};
pub use entities::{EntitySummary, MentionContext, sentence_around, suggest};
pub use error::{Result, StoreError};
pub use export_reads::DocCitation;
pub use extraction::{ExtractionCounts, ExtractionInput, entity_key, fold};
pub use grades::{Credibility, DEFAULT_PUBLISHER, Grades, Reliability, Source, confidence};
pub use graph::{
    CONFLICT_TOLERANCE, Claim, ClaimFilter, Edge, EdgeClaims, Figure, FigureRange, Graph, GraphEdge, GraphPath, Hop, check_date,
};
pub use merges::{MergeRecord, Merges};
pub use read::{DocSummary, Stats, StoredDoc, WorkMember};
pub use regroup::RegroupSummary;
pub use search::Hit;
pub use web_graph::{Flow, LightEdge, PlaceRow};
pub use web_reads::{DatedClaim, DocClaim, DocMention, EntityRow, KbFact};
pub use web_search::{ClaimHit, DocHit, Facets, WebQuery, WebResults};
pub use write::{AddOutcome, NearDupConfig, Writer};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer or reader waits for the other's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Near-duplicate keys not yet written to the `lsh` table (see `lsh`).
    pending: lsh::Pending,
}

impl Drop for Store {
    /// Best effort: keys not flushed here are rebuilt from signatures by the next writer.
    fn drop(&mut self) {
        if let Err(e) = self.flush_index() {
            tracing::warn!("{}: near-duplicate index not flushed ({e}); it will be rebuilt on the next ingest", self.path.display());
        }
    }
}

impl Store {
    /// Open (creating if needed) the store at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let mut store = Store { conn, path: path.to_path_buf(), pending: lsh::Pending::default() };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Open an existing store without creating or migrating it (for read commands).
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                source: rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                    Some("no store here yet; run `nexus ingest` first".into()),
                ),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let mut store = Store { conn, path: path.to_path_buf(), pending: lsh::Pending::default() };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Writing a document with its extraction, claims and edge summaries, and answering a
        // look-up, each use more statements than rusqlite's default cache of 16 keeps prepared.
        self.conn.set_prepared_statement_cache_capacity(128);
        // A non-database file fails here, on the first read of the header.
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(|e| self.classify(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!("{}: journal mode is {mode}, not WAL; readers may wait for writers", self.path.display());
        }
        self.conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;",
        )?;
        Ok(())
    }

    fn classify(&self, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path: self.path.clone() },
            _ => StoreError::Sqlite(e),
        }
    }

    /// The schema version this store is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        let known = schema::MIGRATIONS.len() as i64;
        loop {
            // Read the version inside the write lock: another process may have migrated meanwhile.
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version > known {
                return Err(StoreError::TooNew { path: self.path.clone(), found: version, known });
            }
            if version == known {
                return Ok(());
            }
            tx.execute_batch(schema::MIGRATIONS[version as usize])?;
            schema::after(&tx, version)?;
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
    }

    /// SQLite's own consistency check plus the store's invariants; empty when all is well.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let orphans: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.doc_seq = d.seq))
                  + (SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_paths p WHERE p.doc_seq = d.seq))
                  + (SELECT count(*) FROM signatures s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.seq = s.doc_seq))",
            [],
            |r| r.get(0),
        )?;
        if orphans > 0 {
            problems.push(format!("{orphans} document rows without their signature or path, or the reverse"));
        }
        // Extraction rows hang off an `extractions` row (foreign keys), which hangs off a document;
        // the per-entity mention counts must match the mention rows written with them.
        let stray: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM extractions x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.seq = x.doc_seq))
                  + (SELECT count(*) FROM doc_entities e WHERE NOT EXISTS (SELECT 1 FROM extractions x WHERE x.doc_seq = e.doc_seq))
                  + (SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM doc_entities e WHERE e.doc_seq = m.doc_seq AND e.key = m.key))
                  + (SELECT count(*) FROM entity_names n WHERE NOT EXISTS (SELECT 1 FROM doc_entities e WHERE e.doc_seq = n.doc_seq AND e.key = n.key))
                  + (SELECT count(*) FROM quantities q WHERE NOT EXISTS (SELECT 1 FROM extractions x WHERE x.doc_seq = q.doc_seq))
                  + (SELECT count(*) FROM dates t WHERE NOT EXISTS (SELECT 1 FROM extractions x WHERE x.doc_seq = t.doc_seq))
                  + (SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM extractions x WHERE x.doc_seq = c.doc_seq))",
            [],
            |r| r.get(0),
        )?;
        if stray > 0 {
            problems.push(format!("{stray} extraction rows without their document or entity"));
        }
        let miscounted: i64 = self.conn.query_row(
            "SELECT count(*) FROM doc_entities e
             WHERE e.mentions != (SELECT count(*) FROM mentions m WHERE m.doc_seq = e.doc_seq AND m.key = e.key)",
            [],
            |r| r.get(0),
        )?;
        if miscounted > 0 {
            problems.push(format!("{miscounted} document entities whose mention count does not match their mentions"));
        }
        // Corroboration counts works from the claims' own copy of their document's work.
        let stale: i64 = self.conn.query_row(
            "SELECT count(*) FROM claims c JOIN documents d ON d.seq = c.doc_seq WHERE c.work_id != d.work_id",
            [],
            |r| r.get(0),
        )?;
        if stale > 0 {
            problems.push(format!("{stale} claims whose work is not their document's"));
        }
        // Correction state rows are set by a correction in force (an undo restores the previous
        // one's rows, never leaves an undone one's).
        let orphaned: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT correction_id FROM entity_type_overrides UNION ALL SELECT correction_id FROM entity_aliases
                                   UNION ALL SELECT correction_id FROM claim_reviews UNION ALL SELECT correction_id FROM analyst_notes) s
             WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.id = s.correction_id AND c.undone_at IS NULL)",
            [],
            |r| r.get(0),
        )?;
        if orphaned > 0 {
            problems.push(format!("{orphaned} correction state rows set by no correction in force"));
        }
        // The edge summaries must be what the claims give (see `summaries`).
        problems.extend(summaries::problems(&self.conn)?);
        if let Err(e) = self.conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)", []) {
            problems.push(format!("full-text index: {e}"));
        }
        Ok(problems)
    }
}
