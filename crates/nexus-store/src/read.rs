//! Read queries behind `nexus docs`, `nexus doc` and `nexus stats`.

use crate::Store;
use crate::error::{Result, StoreError};
use nexus_ingest::{Metadata, NoteRef};
use rusqlite::{Row, params};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct DocSummary {
    pub id: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub venue: Option<String>,
    pub language: String,
    pub format: String,
    pub bytes: u64,
    pub chars: u64,
    pub work: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkMember {
    pub id: String,
    pub source: String,
    pub similarity: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredDoc {
    pub id: String,
    pub sha256: String,
    pub source: String,
    pub paths: Vec<String>,
    pub format: String,
    pub encoding: String,
    pub bytes: u64,
    #[serde(flatten)]
    pub meta: Metadata,
    pub language: String,
    pub language_name: String,
    pub language_confidence: f64,
    pub work: String,
    /// The other documents of the same work (near-duplicates), with their similarity to the first.
    pub work_members: Vec<WorkMember>,
    pub similarity: Option<f64>,
    pub warnings: Vec<String>,
    pub ingested_at: String,
    pub notes: Vec<NoteRef>,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub schema_version: i64,
    pub documents: u64,
    pub works: u64,
    /// Works with more than one document.
    pub near_duplicate_works: u64,
    pub paths: u64,
    pub bytes: u64,
    pub chars: u64,
    pub notes: u64,
    pub languages: Vec<(String, u64)>,
    pub formats: Vec<(String, u64)>,
    /// Documents with their extraction stored (the others were ingested with it off, or before it).
    pub extracted_documents: u64,
    /// Distinct entities across the corpus, and their mentions.
    pub entities: u64,
    pub mentions: u64,
    pub quantities: u64,
    pub dates: u64,
    /// Relation instances stored (claims).
    pub claims: u64,
}

pub(crate) const SUMMARY_COLUMNS: &str = "id, title, authors, published, venue, language, format, bytes, chars, work_id, source";

pub(crate) fn summary(r: &Row) -> rusqlite::Result<DocSummary> {
    Ok(DocSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        authors: parse_list(&r.get::<_, String>(2)?),
        published: r.get(3)?,
        venue: r.get(4)?,
        language: r.get(5)?,
        format: r.get(6)?,
        bytes: r.get::<_, i64>(7)? as u64,
        chars: r.get::<_, i64>(8)? as u64,
        work: r.get(9)?,
        source: r.get(10)?,
    })
}

fn parse_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

impl Store {
    /// Every document, in the order it was stored.
    pub fn docs(&self) -> Result<Vec<DocSummary>> {
        let mut stmt = self.conn.prepare(&format!("SELECT {SUMMARY_COLUMNS} FROM documents ORDER BY seq"))?;
        let rows = stmt.query_map([], summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Resolve a full id or a unique prefix of one.
    pub fn resolve_id(&self, prefix: &str) -> Result<String> {
        let pattern = format!("{}%", prefix.replace(['%', '_'], ""));
        let mut stmt = self.conn.prepare("SELECT id FROM documents WHERE id LIKE ?1 LIMIT 3")?;
        let ids: Vec<String> = stmt.query_map([&pattern], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        match ids.len() {
            0 => Err(StoreError::NoSuchDocument(prefix.to_owned())),
            1 => Ok(ids.into_iter().next().unwrap_or_default()),
            _ if ids.iter().any(|i| i == prefix) => Ok(prefix.to_owned()),
            _ => {
                let count: i64 = self.conn.query_row("SELECT count(*) FROM documents WHERE id LIKE ?1", [&pattern], |r| r.get(0))?;
                Err(StoreError::AmbiguousId { prefix: prefix.to_owned(), count: count as usize })
            }
        }
    }

    /// One document in full, by id or unique id prefix.
    pub fn doc(&self, id_or_prefix: &str) -> Result<StoredDoc> {
        let id = self.resolve_id(id_or_prefix)?;
        let (seq, mut doc) = self.conn.query_row(
            "SELECT seq, id, sha256, source, format, encoding, bytes, title, authors, published, venue, volume, number, site,
                    language, language_name, language_confidence, work_id, similarity, warnings, ingested_at, text
             FROM documents WHERE id = ?1",
            [&id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    StoredDoc {
                        id: r.get(1)?,
                        sha256: r.get(2)?,
                        source: r.get(3)?,
                        paths: Vec::new(),
                        format: r.get(4)?,
                        encoding: r.get(5)?,
                        bytes: r.get::<_, i64>(6)? as u64,
                        meta: Metadata {
                            title: r.get(7)?,
                            authors: parse_list(&r.get::<_, String>(8)?),
                            published: r.get(9)?,
                            venue: r.get(10)?,
                            volume: r.get(11)?,
                            number: r.get(12)?,
                            site: r.get(13)?,
                        },
                        language: r.get(14)?,
                        language_name: r.get(15)?,
                        language_confidence: r.get(16)?,
                        work: r.get(17)?,
                        work_members: Vec::new(),
                        similarity: r.get(18)?,
                        warnings: parse_list(&r.get::<_, String>(19)?),
                        ingested_at: r.get(20)?,
                        notes: Vec::new(),
                        text: r.get(21)?,
                    },
                ))
            },
        )?;
        let mut paths = self.conn.prepare("SELECT path FROM document_paths WHERE doc_seq = ?1 ORDER BY path")?;
        doc.paths = paths.query_map([seq], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let mut notes = self.conn.prepare("SELECT start, end, label FROM notes WHERE doc_seq = ?1 ORDER BY start")?;
        doc.notes = notes
            .query_map([seq], |r| Ok(NoteRef { start: r.get::<_, i64>(0)? as usize, end: r.get::<_, i64>(1)? as usize, label: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        doc.work_members = self.work_members(&doc.work)?.into_iter().filter(|m| m.id != doc.id).collect();
        Ok(doc)
    }

    /// The documents of one work, first stored first.
    pub fn work_members(&self, work: &str) -> Result<Vec<WorkMember>> {
        let mut stmt = self.conn.prepare("SELECT id, source, similarity FROM documents WHERE work_id = ?1 ORDER BY seq")?;
        let rows = stmt.query_map(params![work], |r| Ok(WorkMember { id: r.get(0)?, source: r.get(1)?, similarity: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, Option<i64>>(0))?.unwrap_or(0) as u64) };
        let grouped = |sql: &str| -> Result<Vec<(String, u64)>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(Stats {
            schema_version: self.schema_version()?,
            documents: one("SELECT count(*) FROM documents")?,
            works: one("SELECT count(DISTINCT work_id) FROM documents")?,
            near_duplicate_works: one("SELECT count(*) FROM (SELECT work_id FROM documents GROUP BY work_id HAVING count(*) > 1)")?,
            paths: one("SELECT count(*) FROM document_paths")?,
            bytes: one("SELECT sum(bytes) FROM documents")?,
            chars: one("SELECT sum(chars) FROM documents")?,
            notes: one("SELECT count(*) FROM notes")?,
            languages: grouped("SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC, language")?,
            formats: grouped("SELECT format, count(*) FROM documents GROUP BY format ORDER BY count(*) DESC, format")?,
            extracted_documents: one("SELECT count(*) FROM extractions")?,
            entities: one("SELECT count(DISTINCT key) FROM doc_entities")?,
            // The per-document counts, from the index: no scan of the (much larger) mentions table.
            mentions: one("SELECT sum(mentions) FROM doc_entities")?,
            quantities: one("SELECT count(*) FROM quantities")?,
            dates: one("SELECT count(*) FROM dates")?,
            claims: one("SELECT count(*) FROM claims")?,
        })
    }
}
