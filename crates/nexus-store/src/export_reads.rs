//! Reads for the exports (`nexus-export`) that the query API does not give: what a citation of
//! every document needs, without reading its text.

use crate::Store;
use crate::error::Result;
use crate::grades::PUBLISHER_SQL;
use serde::Serialize;

/// The fields that cite one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocCitation {
    pub id: String,
    pub sha256: String,
    /// The path or URL it was read from.
    pub source: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Its venue, else its site ("" when it names neither).
    pub publisher: String,
    pub work: String,
}

impl DocCitation {
    /// The columns a citation reads from `documents d`, in the order [`DocCitation::from_row`]
    /// takes them; callers add their own `WHERE`/`ORDER BY`.
    pub(crate) fn select() -> String {
        format!("SELECT d.id, d.sha256, d.source, d.title, d.published, {PUBLISHER_SQL}, d.work_id FROM documents d")
    }

    pub(crate) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocCitation> {
        Ok(DocCitation {
            id: r.get(0)?,
            sha256: r.get(1)?,
            source: r.get(2)?,
            title: r.get(3)?,
            published: r.get(4)?,
            publisher: r.get(5)?,
            work: r.get(6)?,
        })
    }
}

impl Store {
    /// Every document's citation, by id.
    pub fn doc_citations(&self) -> Result<Vec<DocCitation>> {
        let mut stmt = self.conn.prepare(&format!("{} ORDER BY d.id", DocCitation::select()))?;
        let rows = stmt.query_map([], DocCitation::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
