//! Reads the workbench server (`nexus serve`) needs beyond the CLI's: read-only connections, pages
//! of documents and entities, one document's annotations, dated claims. Each is a small indexed
//! query, since the server answers many of them concurrently.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::read::DocSummary;
use rusqlite::{OpenFlags, OptionalExtension, params};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// What the knowledge base says of one entity key, loaded into each read connection (a TEMP
/// table, so a read-only connection can hold it) so that queries filter and count by country in SQL.
#[derive(Debug, Clone)]
pub struct KbFact {
    pub key: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One entity across the corpus, with its country from the knowledge base.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub kb_id: Option<String>,
    pub country: Option<String>,
    pub mentions: u64,
    pub documents: u64,
}

/// An entity mention in a document: byte offsets into its stored text.
#[derive(Debug, Clone, Serialize)]
pub struct DocMention {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
}

/// A claim of a document: its sentence's byte offsets into the stored text.
#[derive(Debug, Clone, Serialize)]
pub struct DocClaim {
    pub id: String,
    pub predicate: String,
    pub subject: String,
    pub object: String,
    pub start: usize,
    pub end: usize,
}

/// A claim with a date of its own, for timelines.
#[derive(Debug, Clone, Serialize)]
pub struct DatedClaim {
    pub id: String,
    pub date: String,
    pub predicate: String,
    pub subject: String,
    pub object: String,
    pub doc_id: String,
    pub doc_seq: i64,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

/// At most this many claims of each end are read for a timeline, so a hub entity (a third of the
/// corpus) costs a bounded look-up; the timeline then shows dated claims among them.
const TIMELINE_SCAN: i64 = 5000;

impl Store {
    /// SQLite's `PRAGMA data_version` on this connection: it changes when another connection
    /// (this process's or another's) commits.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Open an existing store read-only (`SQLITE_OPEN_READ_ONLY`): nothing done through it can
    /// write, whatever the query. The schema must be the one this build knows (a writer migrates).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn =
            rusqlite::Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let store = Store { conn, path: path.to_path_buf(), pending: crate::lsh::Pending::default() };
        store.conn.busy_timeout(std::time::Duration::from_secs(30))?;
        store.conn.set_prepared_statement_cache_capacity(128);
        store.conn.execute_batch("PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;")?;
        let known = crate::schema::MIGRATIONS.len() as i64;
        let version = store.schema_version().map_err(|e| match e {
            StoreError::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                StoreError::NotADatabase { path: path.to_path_buf() }
            }
            e => e,
        })?;
        if version > known {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, known });
        }
        if version < known {
            return Err(StoreError::BadQuery {
                query: path.display().to_string(),
                message: format!("store at schema version {version}; open it for writing once to migrate it to {known}"),
            });
        }
        Ok(store)
    }

    /// Load the knowledge base's countries and coordinates into this connection (`temp.kb_facts`),
    /// replacing what was there.
    pub fn load_kb_facts(&self, facts: &[KbFact]) -> Result<()> {
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS kb_facts (key TEXT PRIMARY KEY, country TEXT, lat REAL, lon REAL) WITHOUT ROWID;
             CREATE INDEX IF NOT EXISTS temp.kb_facts_country ON kb_facts(country);
             DELETE FROM temp.kb_facts;",
        )?;
        let tx = self.conn.unchecked_transaction()?;
        {
            let mut insert = tx.prepare("INSERT OR REPLACE INTO temp.kb_facts(key, country, lat, lon) VALUES (?1, ?2, ?3, ?4)")?;
            for f in facts {
                insert.execute(params![f.key, f.country, f.lat, f.lon])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Stored edges (summary rows).
    pub fn edge_count(&self) -> Result<u64> {
        Ok(self.conn.query_row("SELECT count(*) FROM edges", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// One page of documents in the order they were stored, and how many there are.
    pub fn doc_page(&self, limit: usize, offset: usize) -> Result<(u64, Vec<DocSummary>)> {
        let total: i64 = self.conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {} FROM documents ORDER BY seq LIMIT ?1 OFFSET ?2", crate::read::SUMMARY_COLUMNS))?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], crate::read::summary)?;
        Ok((total as u64, rows.collect::<rusqlite::Result<_>>()?))
    }

    /// The titles of documents by id (those that exist).
    pub fn doc_titles(&self, ids: &[&str]) -> Result<HashMap<String, Option<String>>> {
        let mut stmt = self.conn.prepare_cached("SELECT title FROM documents WHERE id = ?1")?;
        let mut out = HashMap::new();
        for id in ids {
            if let Some(t) = stmt.query_row([id], |r| r.get::<_, Option<String>>(0)).optional()? {
                out.insert((*id).to_owned(), t);
            }
        }
        Ok(out)
    }

    /// Every entity mention of document `id`, in text order.
    pub fn doc_mentions(&self, id: &str) -> Result<Vec<DocMention>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.start, m.end, m.key, e.name, coalesce((SELECT o.type FROM entity_type_overrides o WHERE o.key = e.key), e.type) FROM documents d
             JOIN mentions m ON m.doc_seq = d.seq JOIN doc_entities e ON e.doc_seq = m.doc_seq AND e.key = m.key
             WHERE d.id = ?1 ORDER BY m.start, m.end",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(DocMention {
                start: r.get::<_, i64>(0)? as usize,
                end: r.get::<_, i64>(1)? as usize,
                key: r.get(2)?,
                name: r.get(3)?,
                entity_type: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every claim of document `id` (stored keys), in text order.
    pub fn doc_claims(&self, id: &str) -> Result<Vec<DocClaim>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.predicate, c.subject, c.object, c.start, c.end FROM documents d JOIN claims c ON c.doc_seq = d.seq
             WHERE d.id = ?1 ORDER BY c.start, c.id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(DocClaim {
                id: r.get(0)?,
                predicate: r.get(1)?,
                subject: r.get(2)?,
                object: r.get(3)?,
                start: r.get::<_, i64>(4)? as usize,
                end: r.get::<_, i64>(5)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Name and type of each key some document mentions (the first document's).
    pub fn names_of<'a>(&self, keys: impl IntoIterator<Item = &'a str>) -> Result<HashMap<String, (String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, coalesce((SELECT o.type FROM entity_type_overrides o WHERE o.key = ?1), type) FROM doc_entities WHERE key = ?1 LIMIT 1",
        )?;
        let mut out = HashMap::new();
        for k in keys {
            if out.contains_key(k) {
                continue;
            }
            if let Some(v) = stmt.query_row([k], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).optional()? {
                out.insert(k.to_owned(), v);
            }
        }
        Ok(out)
    }

    /// A page of entities, most documents first (then mentions, then key), of one type and
    /// country when given; and how many match. Country comes from `temp.kb_facts`.
    pub fn entity_page(
        &self,
        entity_type: Option<&str>,
        country: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<(u64, Vec<EntityRow>)> {
        self.ensure_kb_facts()?;
        let filter = "(?1 IS NULL OR coalesce((SELECT o.type FROM entity_type_overrides o WHERE o.key = e.key), e.type) = ?1) AND (?2 IS NULL OR f.country = ?2)";
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(DISTINCT e.key) FROM doc_entities e LEFT JOIN temp.kb_facts f ON f.key = e.key WHERE {filter}"),
            params![entity_type, country],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT e.key, count(*) AS docs, sum(e.mentions) AS n, f.country FROM doc_entities e LEFT JOIN temp.kb_facts f ON f.key = e.key
             WHERE {filter} GROUP BY e.key ORDER BY docs DESC, n DESC, e.key LIMIT ?3 OFFSET ?4"
        ))?;
        let rows: Vec<(String, i64, i64, Option<String>)> = stmt
            .query_map(params![entity_type, country, limit as i64, offset as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (key, docs, mentions, country) in rows {
            if let Some(row) = self.entity_row(&key, docs as u64, mentions as u64, country)? {
                out.push(row);
            }
        }
        Ok((total as u64, out))
    }

    /// One entity with its counts and country; `None` when no document mentions it.
    pub fn entity_summary(&self, key: &str) -> Result<Option<EntityRow>> {
        let (docs, mentions): (i64, Option<i64>) =
            self.conn
                .query_row("SELECT count(*), sum(mentions) FROM doc_entities WHERE key = ?1", [key], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if docs == 0 {
            return Ok(None);
        }
        let country = self.kb_country(key)?;
        self.entity_row(key, docs as u64, mentions.unwrap_or(0) as u64, country)
    }

    pub(crate) fn entity_row(&self, key: &str, documents: u64, mentions: u64, country: Option<String>) -> Result<Option<EntityRow>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name, coalesce((SELECT o.type FROM entity_type_overrides o WHERE o.key = ?1), type), in_kb FROM doc_entities WHERE key = ?1 LIMIT 1")?;
        Ok(stmt
            .query_row([key], |r| {
                let in_kb: bool = r.get(3)?;
                Ok(EntityRow {
                    key: key.to_owned(),
                    kb_id: if in_kb { Some(r.get(0)?) } else { None },
                    name: r.get(1)?,
                    entity_type: r.get(2)?,
                    country: country.clone(),
                    mentions,
                    documents,
                })
            })
            .optional()?)
    }

    fn kb_country(&self, key: &str) -> Result<Option<String>> {
        self.ensure_kb_facts()?;
        Ok(self
            .conn
            .prepare_cached("SELECT country FROM temp.kb_facts WHERE key = ?1")?
            .query_row([key], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }

    /// An empty `temp.kb_facts` when none was loaded, so queries joining it still run. Checked
    /// with a read: running even `CREATE ... IF NOT EXISTS` on every query expired every prepared
    /// statement of the connection (SQLite re-prepared them all at their next step).
    pub(crate) fn ensure_kb_facts(&self) -> Result<()> {
        let exists = self.conn.prepare_cached("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = 'kb_facts'")?.exists([])?;
        if !exists {
            self.conn.execute_batch("CREATE TEMP TABLE kb_facts (key TEXT PRIMARY KEY, country TEXT, lat REAL, lon REAL) WITHOUT ROWID")?;
        }
        Ok(())
    }

    /// The spellings documents use for an entity, most frequent first, from its first
    /// `max_docs` documents (bounded: a hub is in thousands).
    pub fn entity_aliases(&self, key: &str, max_docs: usize) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.text, count(*) FROM (SELECT doc_seq FROM doc_entities WHERE key = ?1 LIMIT ?2) e
             JOIN mentions m ON m.doc_seq = e.doc_seq AND m.key = ?1 GROUP BY m.text ORDER BY count(*) DESC, m.text LIMIT 20",
        )?;
        let rows = stmt.query_map(params![key, max_docs as i64], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Claims with a date of their own — of the entities `keys` (either end) when given, else of
    /// every entity — dated within [since, until] (ISO prefixes, inclusive), oldest first; at
    /// most `limit`. For entities, at most [`TIMELINE_SCAN`] claims of each end are read.
    pub fn dated_claims(&self, keys: Option<&[String]>, since: Option<&str>, until: Option<&str>, limit: usize) -> Result<Vec<DatedClaim>> {
        const COLUMNS: &str = "c.id, c.date, c.predicate, c.subject, c.object, d.id, c.doc_seq, c.start, c.end, c.value, c.unit";
        let window = "c.date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claim_reviews r WHERE r.claim_id = c.id AND r.status = 'rejected') AND (?2 IS NULL OR c.date >= ?2) AND (?3 IS NULL OR substr(c.date, 1, length(?3)) <= ?3)";
        let row = |r: &rusqlite::Row| {
            Ok(DatedClaim {
                id: r.get(0)?,
                date: r.get(1)?,
                predicate: r.get(2)?,
                subject: r.get(3)?,
                object: r.get(4)?,
                doc_id: r.get(5)?,
                doc_seq: r.get(6)?,
                start: r.get::<_, i64>(7)? as usize,
                end: r.get::<_, i64>(8)? as usize,
                value: r.get(9)?,
                unit: r.get(10)?,
            })
        };
        let mut out: Vec<DatedClaim> = Vec::new();
        match keys {
            Some(keys) => {
                let mut seen = std::collections::HashSet::new();
                for end in ["subject", "object"] {
                    let mut stmt = self.conn.prepare_cached(&format!(
                        "SELECT {COLUMNS} FROM (SELECT doc_seq, id FROM claims WHERE {end} = ?1 LIMIT {TIMELINE_SCAN}) k
                         JOIN claims c ON c.doc_seq = k.doc_seq AND c.id = k.id JOIN documents d ON d.seq = c.doc_seq
                         WHERE {window} ORDER BY c.date LIMIT ?4"
                    ))?;
                    for key in keys {
                        for c in stmt.query_map(params![key, since, until, limit as i64], row)? {
                            let c = c?;
                            if seen.insert(c.id.clone()) {
                                out.push(c);
                            }
                        }
                    }
                }
            }
            None => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM claims c JOIN documents d ON d.seq = c.doc_seq WHERE {window} AND ?1 IS NULL
                     ORDER BY c.date, c.id LIMIT ?4"
                ))?;
                for c in stmt.query_map(params![Option::<String>::None, since, until, limit as i64], row)? {
                    out.push(c?);
                }
            }
        }
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        out.truncate(limit);
        Ok(out)
    }
}
