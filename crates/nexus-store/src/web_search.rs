//! The workbench's search: documents (full text), entities (by name) and their best claims, with
//! facets — entity type and country, document language and year — counted in SQL. A facet counts
//! what the other filters leave (its own filter aside), so the UI can offer every value.

use crate::Store;
use crate::corrections::LIVE_C;
use crate::error::{Result, StoreError};
use crate::web_reads::EntityRow;
use rusqlite::named_params;
use serde::Serialize;

/// What a search selects; every filter is optional and they combine.
#[derive(Debug, Clone, Default)]
pub struct WebQuery {
    /// Full-text query (as `nexus search` reads it); empty lists the top items.
    pub q: String,
    pub entity_type: Option<String>,
    pub country: Option<String>,
    pub lang: Option<String>,
    /// ISO date prefixes, inclusive, on a document's date.
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocHit {
    pub id: String,
    pub title: Option<String>,
    pub lang: String,
    pub date: Option<String>,
    pub publisher: Option<String>,
    /// Plain text.
    pub snippet: String,
}

/// A claim of a matched entity: stored keys, the document and sentence span.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimHit {
    pub id: String,
    pub predicate: String,
    pub subject: String,
    pub object: String,
    pub doc_id: String,
    pub doc_seq: i64,
    pub start: usize,
    pub end: usize,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    #[serde(rename = "type")]
    pub entity_type: Vec<(String, u64)>,
    pub country: Vec<(String, u64)>,
    pub language: Vec<(String, u64)>,
    pub year: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WebResults {
    pub documents: Vec<DocHit>,
    pub entities: Vec<EntityRow>,
    pub claims: Vec<ClaimHit>,
    pub facets: Facets,
}

/// Entities whose folded name starts with the query; more than this many are not counted.
const NAME_MATCHES: usize = 500;
/// Claims shown: the best claim of the best-supported edges of the first few entities.
const CLAIM_ENTITIES: usize = 5;
const CLAIMS_PER_ENTITY: usize = 4;

impl Store {
    /// Search documents, entities and claims at once (see the module).
    pub fn web_search(&self, w: &WebQuery) -> Result<WebResults> {
        for d in [&w.since, &w.until].into_iter().flatten() {
            crate::graph::check_date(d)?;
        }
        self.ensure_kb_facts()?;
        let fts = crate::search::to_fts_query(&w.q);
        if fts.is_none() && !w.q.trim().is_empty() {
            return Err(StoreError::EmptyQuery);
        }
        let bad = |e: rusqlite::Error| StoreError::BadQuery { query: w.q.clone(), message: e.to_string() };
        let docs_from = if fts.is_some() {
            "documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH :q"
        } else {
            "documents d WHERE :q IS NULL"
        };
        let lang = "(:lang IS NULL OR d.language = :lang)";
        let dates = "(:since IS NULL OR d.published >= :since) AND (:until IS NULL OR substr(d.published, 1, length(:until)) <= :until)";
        let limit = w.limit as i64;
        let order = if fts.is_some() { "bm25(documents_fts, 5.0, 1.0)" } else { "d.seq DESC" };
        let snippet = if fts.is_some() {
            format!("snippet(documents_fts, 1, '{}', '{}', '…', 16)", crate::search::HL_OPEN, crate::search::HL_CLOSE)
        } else {
            "substr(d.text, 1, 200)".to_owned()
        };
        let filtered = w.lang.is_some() || w.since.is_some() || w.until.is_some();
        let row = |r: &rusqlite::Row| {
            let publisher: String = r.get(4)?;
            let (snippet, _) = crate::search::take_highlights(&r.get::<_, String>(5)?);
            Ok(DocHit {
                id: r.get(0)?,
                title: r.get(1)?,
                lang: r.get(2)?,
                date: r.get(3)?,
                publisher: (!publisher.is_empty()).then_some(publisher),
                snippet: snippet.replace(['\n', '\t'], " "),
            })
        };
        let publisher = crate::grades::PUBLISHER_SQL;
        let documents = if fts.is_some() && !filtered {
            // Ranked inside the full-text index first: joining every match's (large) document row
            // before the sort cost twice as much when a word is in most documents.
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT d.id, d.title, d.language, d.published, {publisher}, {snippet}
                 FROM (SELECT rowid AS r, bm25(documents_fts, 5.0, 1.0) AS score FROM documents_fts
                       WHERE documents_fts MATCH :q ORDER BY score LIMIT :limit) k
                 JOIN documents_fts ON documents_fts.rowid = k.r AND documents_fts MATCH :q
                 JOIN documents d ON d.seq = k.r ORDER BY k.score"
            ))?;
            stmt.query_map(named_params! {":q": fts, ":limit": limit}, row)
                .map_err(bad)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(bad)?
        } else {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT d.id, d.title, d.language, d.published, {publisher}, {snippet} FROM {docs_from} AND {lang} AND {dates}
                 ORDER BY {order} LIMIT :limit"
            ))?;
            let p = named_params! {":q": fts, ":lang": w.lang, ":since": w.since, ":until": w.until, ":limit": limit};
            stmt.query_map(p, row).map_err(bad)?.collect::<rusqlite::Result<Vec<_>>>().map_err(bad)?
        };
        let grouped = |sql: String, p: &[(&str, &dyn rusqlite::ToSql)]| -> Result<Vec<(String, u64)>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(p, |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))).map_err(bad)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(bad)
        };
        // Language and year facets from one grouping of the matches by (language, date), read
        // from a small per-connection copy of those two columns (`temp.doc_facets`): reading them
        // from `documents` touched one large row per match. Each facet then counts the groups
        // the other facet's filter keeps.
        self.sync_doc_facets()?;
        let matches = if fts.is_some() {
            "temp.doc_facets f WHERE f.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q)"
        } else {
            "temp.doc_facets f WHERE :q IS NULL"
        };
        let mut stmt = self.conn.prepare_cached(&format!("SELECT f.language, f.published, count(*) FROM {matches} GROUP BY 1, 2"))?;
        let groups: Vec<(String, Option<String>, i64)> = stmt
            .query_map(named_params! {":q": fts}, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(bad)?
            .collect::<rusqlite::Result<_>>()
            .map_err(bad)?;
        let in_dates = |d: &Option<String>| {
            let after = w.since.as_deref().is_none_or(|s| d.as_deref().is_some_and(|d| d >= s));
            let before =
                w.until.as_deref().is_none_or(|u| d.as_deref().is_some_and(|d| d.get(..u.len().min(d.len())).is_some_and(|p| p <= u)));
            after && before
        };
        let mut languages: std::collections::BTreeMap<String, u64> = Default::default();
        let mut years: std::collections::BTreeMap<String, u64> = Default::default();
        for (lang, date, n) in &groups {
            if in_dates(date) {
                *languages.entry(lang.clone()).or_default() += *n as u64;
            }
            if let Some(d) = date
                && w.lang.as_ref().is_none_or(|l| l == lang)
                && let Some(y) = d.get(..4)
            {
                *years.entry(y.to_owned()).or_default() += *n as u64;
            }
        }
        let mut language: Vec<(String, u64)> = languages.into_iter().collect();
        language.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut facets = Facets { language, year: years.into_iter().collect(), ..Facets::default() };

        // Entities: by folded name prefix, or every entity for an empty query.
        let folded = crate::extraction::fold(w.q.trim());
        let matched = if folded.is_empty() {
            "SELECT e.key, coalesce((SELECT o.type FROM entity_type_overrides o WHERE o.key = e.key), e.type) AS type, count(*) AS docs, sum(e.mentions) AS n FROM doc_entities e GROUP BY e.key".to_owned()
        } else {
            format!(
                "SELECT e.key, coalesce((SELECT o.type FROM entity_type_overrides o WHERE o.key = e.key), e.type) AS type, count(*) AS docs, sum(e.mentions) AS n
                 FROM (SELECT key FROM entity_names WHERE folded >= :name AND folded < :name || char(1114111)
                       UNION SELECT key FROM entity_aliases WHERE folded >= :name AND folded < :name || char(1114111) LIMIT {NAME_MATCHES}) k
                 JOIN doc_entities e ON e.key = k.key GROUP BY e.key"
            )
        };
        let name = (!folded.is_empty()).then_some(folded);
        let with = format!("WITH m AS ({matched}) ");
        let from = "FROM m LEFT JOIN temp.kb_facts f ON f.key = m.key WHERE (:name IS NULL OR 1)";
        let by_type = "(:type IS NULL OR m.type = :type)";
        let by_country = "(:country IS NULL OR f.country = :country)";
        facets.entity_type = grouped(
            format!("{with}SELECT m.type, count(*) {from} AND {by_country} GROUP BY 1 ORDER BY 2 DESC, 1"),
            named_params! {":name": name, ":country": w.country},
        )?;
        facets.country = grouped(
            format!("{with}SELECT f.country, count(*) {from} AND {by_type} AND f.country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"),
            named_params! {":name": name, ":type": w.entity_type},
        )?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{with}SELECT m.key, m.docs, m.n, f.country {from} AND {by_type} AND {by_country} ORDER BY m.docs DESC, m.n DESC, m.key LIMIT :limit"
        ))?;
        let rows: Vec<(String, i64, i64, Option<String>)> = stmt
            .query_map(named_params! {":name": name, ":type": w.entity_type, ":country": w.country, ":limit": limit}, |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut entities = Vec::with_capacity(rows.len());
        for (key, docs, n, country) in rows {
            if let Some(e) = self.entity_row(&key, docs as u64, n as u64, country)? {
                entities.push(e);
            }
        }
        let claims = self.search_claims(entities.iter().take(CLAIM_ENTITIES).map(|e| e.key.as_str()), w)?;
        Ok(WebResults { documents, entities, claims, facets })
    }

    /// Bring `temp.doc_facets` (seq, language, date of every document) up to date: documents are
    /// only ever added, with growing `seq`, so the rows past the copy's last are appended (an
    /// indexed range, empty when nothing was ingested).
    fn sync_doc_facets(&self) -> Result<()> {
        let exists =
            self.conn.prepare_cached("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = 'doc_facets'")?.exists([])?;
        if !exists {
            self.conn.execute_batch("CREATE TEMP TABLE doc_facets (seq INTEGER PRIMARY KEY, language TEXT NOT NULL, published TEXT)")?;
        }
        self.conn
            .prepare_cached(
                "INSERT INTO temp.doc_facets(seq, language, published)
                 SELECT seq, language, published FROM documents WHERE seq > (SELECT coalesce(max(seq), 0) FROM temp.doc_facets)",
            )?
            .execute([])?;
        Ok(())
    }

    /// The best affirming claim of each of the best-supported edges of each entity, in documents
    /// the language and date filters keep.
    fn search_claims<'a>(&self, keys: impl Iterator<Item = &'a str>, w: &WebQuery) -> Result<Vec<ClaimHit>> {
        let mut edges = self.conn.prepare_cached(
            "SELECT subject, predicate, object, support FROM edges WHERE subject = ?1 AND support > 0
             UNION ALL SELECT subject, predicate, object, support FROM edges WHERE object = ?1 AND support > 0
             ORDER BY 4 DESC LIMIT ?2",
        )?;
        let mut best = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.doc_seq, c.start, c.end, c.seen, d.id FROM claims c JOIN documents d ON d.seq = c.doc_seq
             WHERE c.subject = ?1 AND c.predicate = ?2 AND c.object = ?3 AND c.negated = 0 AND {LIVE_C}
               AND (?4 IS NULL OR d.language = ?4) AND (?5 IS NULL OR c.seen >= ?5)
               AND (?6 IS NULL OR substr(c.seen, 1, length(?6)) <= ?6)
             ORDER BY c.confidence DESC LIMIT 1"
        ))?;
        let mut out: Vec<ClaimHit> = Vec::new();
        for key in keys {
            let found: Vec<(String, String, String)> = edges
                .query_map(rusqlite::params![key, CLAIMS_PER_ENTITY as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (s, p, o) in found {
                let hit = best.query_map(rusqlite::params![s, p, o, w.lang, w.since, w.until], |r| {
                    Ok(ClaimHit {
                        id: r.get(0)?,
                        predicate: p.clone(),
                        subject: s.clone(),
                        object: o.clone(),
                        doc_seq: r.get(1)?,
                        start: r.get::<_, i64>(2)? as usize,
                        end: r.get::<_, i64>(3)? as usize,
                        date: r.get(4)?,
                        doc_id: r.get(5)?,
                    })
                })?;
                for h in hit {
                    let h = h?;
                    if !out.iter().any(|c| c.id == h.id) {
                        out.push(h);
                    }
                }
            }
        }
        Ok(out)
    }
}
