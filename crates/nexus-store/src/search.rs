//! Full-text search over titles and texts. FTS5's unicode61 tokenizer with diacritics removed
//! makes every query case- and accent-insensitive ("Apurimac" finds "Apurímac").

use crate::Store;
use crate::error::{Result, StoreError};
use serde::Serialize;

/// Markers SQLite puts around matched terms in a snippet; private-use characters never found in
/// stored text, turned into byte ranges before anything leaves the store.
pub(crate) const HL_OPEN: char = '\u{E002}';
pub(crate) const HL_CLOSE: char = '\u{E003}';

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub work: String,
    pub language: String,
    /// BM25 score, higher is better.
    pub score: f64,
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    pub highlights: Vec<(usize, usize)>,
}

impl Store {
    /// Ranked matches for `query`: words (all must match), "quoted phrases", `prefix*`, and the
    /// operators OR and NOT written in capitals.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let fts = to_fts_query(query).ok_or(StoreError::EmptyQuery)?;
        let sql = format!(
            "SELECT d.id, d.title, d.work_id, d.language, -bm25(documents_fts, 5.0, 1.0) AS score,
                    snippet(documents_fts, 1, '{HL_OPEN}', '{HL_CLOSE}', '…', 16)
             FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
             WHERE documents_fts MATCH ?1 ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT ?2"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params![fts, limit as i64], |r| {
            let (snippet, highlights) = take_highlights(&r.get::<_, String>(5)?);
            Ok(Hit { id: r.get(0)?, title: r.get(1)?, work: r.get(2)?, language: r.get(3)?, score: r.get(4)?, snippet, highlights })
        });
        let bad = |e: rusqlite::Error| StoreError::BadQuery { query: query.to_owned(), message: e.to_string() };
        rows.map_err(bad)?.collect::<rusqlite::Result<Vec<_>>>().map_err(bad)
    }
}

/// Quote every bare word so punctuation in it can't be read as FTS5 syntax; keep phrases,
/// prefixes and the capitalised operators.
pub(crate) fn to_fts_query(query: &str) -> Option<String> {
    let mut parts = Vec::new();
    let mut rest = query.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            let phrase = after[..end].trim();
            if !phrase.is_empty() {
                parts.push(format!("\"{}\"", phrase.replace('"', "")));
            }
            rest = after.get(end + 1..).unwrap_or("").trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = rest[end..].trim_start();
        match word {
            "OR" | "NOT" | "AND" => parts.push(word.to_owned()),
            _ => {
                let prefix = word.ends_with('*');
                let core: String = word.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | '_')).collect();
                if core.chars().any(char::is_alphanumeric) {
                    parts.push(format!("\"{core}\"{}", if prefix { "*" } else { "" }));
                }
            }
        }
    }
    while parts.last().is_some_and(|p| matches!(p.as_str(), "OR" | "NOT" | "AND")) {
        parts.pop();
    }
    while parts.first().is_some_and(|p| matches!(p.as_str(), "OR" | "NOT" | "AND")) {
        parts.remove(0);
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

pub(crate) fn take_highlights(marked: &str) -> (String, Vec<(usize, usize)>) {
    nexus_ingest::strip_markers(marked, HL_OPEN, HL_CLOSE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_safely() {
        assert_eq!(to_fts_query("Apurimac valley").as_deref(), Some("\"Apurimac\" \"valley\""));
        assert_eq!(to_fts_query("\"Gulf Clan\" OR Urabeños").as_deref(), Some("\"Gulf Clan\" OR \"Urabeños\""));
        assert_eq!(to_fts_query("narco* (\"").as_deref(), Some("\"narco\"*"));
        assert_eq!(to_fts_query("U.S. NOT").as_deref(), Some("\"U.S.\""));
        assert_eq!(to_fts_query("  ()  "), None);
    }

    #[test]
    fn highlights_become_ranges() {
        let (t, r) = take_highlights("a \u{E002}Apurímac\u{E003} b");
        assert_eq!(&t[r[0].0..r[0].1], "Apurímac");
    }
}
