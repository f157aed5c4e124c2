//! The workbench's graph and map reads: edges from the summary table (`edges`, most supported
//! first, from its indexes), their first/last seen from `claims_seen`, flows (claims of a flow
//! predicate such as `ships_to`) and places with coordinates (`temp.kb_facts`). Keys are stored
//! keys; the caller applies merges (`Store::merges`).

use crate::Store;
use crate::corrections::{LIVE, LIVE_C};
use crate::error::Result;
use rusqlite::params;
use serde::Serialize;

/// A stored edge without its claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LightEdge {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    /// Distinct works affirming it.
    pub support: u64,
}

/// One affirming claim of a flow predicate, with what a map draws.
#[derive(Debug, Clone, Serialize)]
pub struct Flow {
    pub id: String,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    /// The commodity qualifier (a key), when stated.
    pub commodity: Option<String>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub work_id: String,
}

/// A place or country with coordinates from the knowledge base, and its mentions.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceRow {
    pub key: String,
    pub lat: f64,
    pub lon: f64,
    pub mentions: u64,
}

fn light(r: &rusqlite::Row) -> rusqlite::Result<LightEdge> {
    Ok(LightEdge { subject: r.get(0)?, predicate: r.get(1)?, object: r.get(2)?, support: r.get::<_, i64>(3)? as u64 })
}

impl Store {
    /// The most supported edges of the corpus (of one predicate, with at least `min_support`).
    pub fn top_edges(&self, predicate: Option<&str>, min_support: u64, limit: usize) -> Result<Vec<LightEdge>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT subject, predicate, object, support FROM edges WHERE (?1 IS NULL OR predicate = ?1) AND support >= ?2
             ORDER BY support DESC, subject, predicate, object LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![predicate, min_support.max(1) as i64, limit as i64], light)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most supported edges with `key` at either end (from the covering indexes by end).
    pub fn edges_at(&self, key: &str, predicate: Option<&str>, min_support: u64, limit: usize) -> Result<Vec<LightEdge>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT subject, predicate, object, support FROM edges WHERE subject = ?1 AND support >= ?2 AND (?3 IS NULL OR predicate = ?3)
             UNION ALL
             SELECT subject, predicate, object, support FROM edges WHERE object = ?1 AND support >= ?2 AND (?3 IS NULL OR predicate = ?3)
             ORDER BY 4 DESC, 1, 2, 3 LIMIT ?4",
        )?;
        let rows = stmt.query_map(params![key, min_support.max(1) as i64, predicate, limit as i64], light)?;
        let mut out: Vec<LightEdge> = rows.collect::<rusqlite::Result<_>>()?;
        // A self-loop would come from both ends.
        out.dedup();
        Ok(out)
    }

    /// When an edge was first and last seen (its claims' dates, else their documents').
    pub fn edge_seen(&self, subject: &str, predicate: &str, object: &str) -> Result<(Option<String>, Option<String>)> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT min(seen), max(seen) FROM claims WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND seen IS NOT NULL AND {LIVE}"
        ))?;
        Ok(stmt.query_row(params![subject, predicate, object], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    /// Affirming claims of `predicate` seen within [since, until] (ISO prefixes, inclusive; a
    /// claim with no date is kept only when neither is given), read edge by edge.
    pub fn flows(&self, predicate: &str, since: Option<&str>, until: Option<&str>) -> Result<Vec<Flow>> {
        for d in [since, until].into_iter().flatten() {
            crate::graph::check_date(d)?;
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.subject, c.predicate, c.object, json_extract(c.qualifiers, '$.commodity'), c.value, c.unit, c.work_id
             FROM edges e JOIN claims c ON c.subject = e.subject AND c.predicate = e.predicate AND c.object = e.object
             WHERE e.predicate = ?1 AND e.support > 0 AND c.negated = 0 AND {LIVE_C}
               AND (?2 IS NULL OR c.seen >= ?2) AND (?3 IS NULL OR substr(c.seen, 1, length(?3)) <= ?3)
             ORDER BY c.subject, c.object, c.id"
        ))?;
        let rows = stmt.query_map(params![predicate, since, until], |r| {
            Ok(Flow {
                id: r.get(0)?,
                subject: r.get(1)?,
                predicate: r.get(2)?,
                object: r.get(3)?,
                commodity: r.get::<_, Option<String>>(4).ok().flatten(),
                value: r.get(5)?,
                unit: r.get(6)?,
                work_id: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Places and countries the documents mention that have coordinates, most mentioned first.
    pub fn mapped_places(&self, limit: usize) -> Result<Vec<PlaceRow>> {
        self.ensure_kb_facts()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, lat, lon, n FROM (
                 SELECT f.key, f.lat, f.lon, (SELECT sum(e.mentions) FROM doc_entities e WHERE e.key = f.key) AS n
                 FROM temp.kb_facts f WHERE f.lat IS NOT NULL AND f.lon IS NOT NULL)
             WHERE n > 0 ORDER BY n DESC, key LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(PlaceRow { key: r.get(0)?, lat: r.get(1)?, lon: r.get(2)?, mentions: r.get::<_, i64>(3)? as u64 })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Coordinates and mentions of the given keys (those with coordinates).
    pub fn places_of<'a>(&self, keys: impl IntoIterator<Item = &'a str>) -> Result<Vec<PlaceRow>> {
        self.ensure_kb_facts()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.key, f.lat, f.lon, coalesce((SELECT sum(e.mentions) FROM doc_entities e WHERE e.key = f.key), 0)
             FROM temp.kb_facts f WHERE f.key = ?1 AND f.lat IS NOT NULL AND f.lon IS NOT NULL",
        )?;
        let mut out = Vec::new();
        for k in keys {
            for row in stmt
                .query_map([k], |r| Ok(PlaceRow { key: r.get(0)?, lat: r.get(1)?, lon: r.get(2)?, mentions: r.get::<_, i64>(3)? as u64 }))?
            {
                out.push(row?);
            }
        }
        Ok(out)
    }
}
