//! Reads for the analysis (`nexus-analysis`) that the query API does not give cheaply: every
//! claim in one compact scan (ends interned, merges applied, no evidence quoted), the type of
//! every entity key, and quoting one claim's evidence when it is cited.
//!
//! `Store::claims` aggregates and quotes evidence for every claim it returns, which is what a
//! query of one entity needs; an analysis of the whole graph reads every claim once and quotes
//! only the few it cites. Nothing here writes.

use crate::DocCitation;
use crate::Store;
use crate::claims::ordered;
use crate::error::Result;
use crate::grades::PUBLISHER_SQL;
use std::collections::HashMap;

/// A document as the scan refers to it.
#[derive(Debug, Clone)]
pub struct ScanDoc {
    pub seq: i64,
    pub id: String,
    /// Index into [`ClaimScan::works`].
    pub work: u32,
    /// Its venue, else its site ("" when it names neither).
    pub publisher: String,
    pub published: Option<String>,
}

/// One claim, its strings interned into the tables of its [`ClaimScan`].
#[derive(Debug, Clone)]
pub struct ScanClaim {
    /// The claim id (16 hex digits).
    pub id: String,
    /// Index into [`ClaimScan::keys`]: ends as merges read them (a symmetric predicate's sorted).
    pub subject: u32,
    /// Index into [`ClaimScan::predicates`].
    pub predicate: u16,
    pub object: u32,
    /// Index into [`ClaimScan::docs`].
    pub doc: u32,
    pub start: u32,
    pub end: u32,
    pub hedged: bool,
    pub negated: bool,
    /// The extractor's confidence, 0–1.
    pub confidence: f32,
    /// The quantity qualifier: value, unit (index into [`ClaimScan::strings`]) and bound (same).
    pub value: Option<f64>,
    pub unit: Option<u32>,
    pub bound: Option<u32>,
    /// The claim's own date qualifier (index into [`ClaimScan::strings`]).
    pub date: Option<u32>,
    /// The date qualifier, else the document's date (same table).
    pub seen: Option<u32>,
    /// The qualifiers as stored (JSON), when there are any.
    pub qualifiers: Option<Box<str>>,
}

/// Every claim of the store, compactly.
#[derive(Debug, Clone, Default)]
pub struct ClaimScan {
    pub keys: Vec<String>,
    pub predicates: Vec<String>,
    pub works: Vec<String>,
    pub docs: Vec<ScanDoc>,
    /// Units, bounds and dates.
    pub strings: Vec<String>,
    pub claims: Vec<ScanClaim>,
}

impl ClaimScan {
    pub fn key(&self, i: u32) -> &str {
        &self.keys[i as usize]
    }

    pub fn predicate(&self, i: u16) -> &str {
        &self.predicates[i as usize]
    }

    pub fn string(&self, i: u32) -> &str {
        &self.strings[i as usize]
    }

    /// The index of a key, when some claim has it at an end.
    pub fn key_index(&self, key: &str) -> Option<u32> {
        self.keys.iter().position(|k| k == key).map(|i| i as u32)
    }
}

/// A text column borrowed from the row.
fn text<'r>(r: &'r rusqlite::Row, i: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(i)?.as_str().map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

#[derive(Default)]
struct Interner {
    index: HashMap<String, u32>,
    values: Vec<String>,
}

impl Interner {
    fn get(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.values.push(s.to_owned());
        self.index.insert(s.to_owned(), self.values.len() as u32 - 1);
        self.values.len() as u32 - 1
    }
}

impl Store {
    /// Every claim, affirming and denying, in one scan of the claims table; ends as merges read
    /// them (a claim whose ends became one entity is left out). Evidence is not quoted: see
    /// [`Store::quote_span`].
    pub fn claim_scan(&self) -> Result<ClaimScan> {
        let merges = self.merges()?;
        let mut works = Interner::default();
        let mut docs = Vec::new();
        let mut by_seq: HashMap<i64, u32> = HashMap::new();
        {
            let mut stmt = self.conn.prepare(&format!("SELECT d.seq, d.id, d.work_id, {PUBLISHER_SQL}, d.published FROM documents d"))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let seq: i64 = r.get(0)?;
                let work = works.get(text(r, 2)?);
                by_seq.insert(seq, docs.len() as u32);
                docs.push(ScanDoc { seq, id: r.get(1)?, work, publisher: r.get(3)?, published: r.get(4)? });
            }
        }
        let mut keys = Interner::default();
        let mut predicates = Interner::default();
        let mut strings = Interner::default();
        let mut claims = Vec::new();
        // Claims an analyst rejected are not read.
        let mut stmt = self.conn.prepare(&format!(
            "SELECT doc_seq, id, subject, predicate, object, start, end, confidence, hedged, negated,
                    value, unit, bound, date, seen, qualifiers FROM claims WHERE {}",
            self.unless_rejected(crate::corrections::LIVE)?
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(&doc) = by_seq.get(&r.get::<_, i64>(0)?) else { continue };
            let p = text(r, 3)?;
            let (s, o) = (merges.canonical(text(r, 2)?), merges.canonical(text(r, 4)?));
            if s == o {
                continue;
            }
            let (s, o) = ordered(p, s, o);
            let opt = |i: usize, strings: &mut Interner| -> rusqlite::Result<Option<u32>> {
                Ok(r.get::<_, Option<String>>(i)?.map(|v| strings.get(&v)))
            };
            let qualifiers = text(r, 15)?;
            claims.push(ScanClaim {
                id: r.get(1)?,
                subject: keys.get(s),
                predicate: predicates.get(p) as u16,
                object: keys.get(o),
                doc,
                start: r.get::<_, i64>(5)? as u32,
                end: r.get::<_, i64>(6)? as u32,
                confidence: r.get::<_, f64>(7)? as f32,
                hedged: r.get(8)?,
                negated: r.get(9)?,
                value: r.get(10)?,
                unit: opt(11, &mut strings)?,
                bound: opt(12, &mut strings)?,
                date: opt(13, &mut strings)?,
                seen: opt(14, &mut strings)?,
                qualifiers: (qualifiers != "{}" && !qualifiers.is_empty()).then(|| qualifiers.into()),
            });
        }
        Ok(ClaimScan { keys: keys.values, predicates: predicates.values, works: works.values, docs, strings: strings.values, claims })
    }

    /// The type of every entity key the stored extractions name (from the covering index on
    /// `doc_entities`), as analysts corrected them: key → type.
    pub fn entity_types(&self) -> Result<HashMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT DISTINCT key, type FROM doc_entities INDEXED BY doc_entities_key")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut types: HashMap<String, String> = rows.collect::<rusqlite::Result<_>>()?;
        for (key, ty) in self.type_overrides()? {
            if let Some(t) = types.get_mut(&key) {
                *t = ty;
            }
        }
        Ok(types)
    }

    /// The citations of the documents with these ids (those found), by id.
    pub fn doc_citations_of(&self, ids: &[&str]) -> Result<Vec<DocCitation>> {
        let mut stmt = self.conn.prepare_cached(&format!("{} WHERE d.id = ?1", DocCitation::select()))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                out.push(DocCitation::from_row(r)?);
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// The text of document `seq` between two byte offsets, newlines and tabs as spaces (empty
    /// when the span is not in the text).
    pub fn quote_span(&self, seq: i64, start: usize, end: usize) -> Result<String> {
        let text: String = self
            .conn
            .prepare_cached("SELECT substr(text, 1, ?2) FROM documents WHERE seq = ?1")?
            .query_row(rusqlite::params![seq, end as i64], |r| r.get(0))?;
        Ok(text.get(start..end).map(|s| s.replace(['\n', '\t'], " ")).unwrap_or_default())
    }
}
