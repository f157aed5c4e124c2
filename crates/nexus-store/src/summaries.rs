//! Edge summaries (schema v4): `edges`, `edge_works` and `edge_sources`, derived from `claims` and
//! kept in step with them one document at a time.
//!
//! A document's claims are written and deleted together, so its contribution to each edge is a
//! delta applied in the same savepoint or transaction: [`add_doc`] after its claims are written,
//! [`remove_doc`] before (or as) they are deleted, and both around `regroup`'s change of a
//! document's work. Nothing else writes these tables and nothing needs a global rebuild;
//! [`rebuild`] (the v4 migration) and [`problems`] (`Store::check`) compute the same contents
//! from the claims in SQL.
//!
//! Claims an analyst rejected (`corrections`) are not counted: [`refresh_edge`] recomputes the
//! one edge a review changes, and a document's delta leaves its rejected claims out, so what a
//! re-extraction removes is what was added.

use crate::corrections::LIVE;
use crate::error::Result;
use crate::extraction::fold;
use crate::grades::PUBLISHER_SQL;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeMap;

/// One document's claims of one edge.
#[derive(Debug, Default)]
struct Delta {
    work: String,
    source: String,
    claims: i64,
    affirming: i64,
    negated: i64,
    unhedged: i64,
    max_unhedged: Option<f64>,
    max_hedged: Option<f64>,
    max_negated: Option<f64>,
}

/// The independent-source key of a claim: its folded publisher, or U+001F and its work.
pub(crate) fn source_key(publisher: Option<&str>, work: &str) -> String {
    match publisher {
        Some(p) => p.to_owned(),
        None => format!("\u{1f}{work}"),
    }
}

/// The folded publisher stored with a claim: `None` when the document names none.
pub(crate) fn folded_publisher(raw: &str) -> Option<String> {
    if raw.is_empty() { None } else { Some(fold(raw)) }
}

fn max_opt(a: Option<f64>, b: f64) -> Option<f64> {
    Some(a.map_or(b, |a| a.max(b)))
}

fn deltas(conn: &Connection, seq: i64) -> Result<BTreeMap<(String, String, String), Delta>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT subject, predicate, object, work_id, publisher, negated, hedged, confidence FROM claims WHERE doc_seq = ?1 AND {LIVE}"
    ))?;
    let mut out: BTreeMap<(String, String, String), Delta> = BTreeMap::new();
    let mut rows = stmt.query([seq])?;
    while let Some(r) = rows.next()? {
        let (work, publisher): (String, Option<String>) = (r.get(3)?, r.get(4)?);
        let (negated, hedged, x): (bool, bool, f64) = (r.get(5)?, r.get(6)?, r.get(7)?);
        let d = out.entry((r.get(0)?, r.get(1)?, r.get(2)?)).or_default();
        d.source = source_key(publisher.as_deref(), &work);
        d.work = work;
        d.claims += 1;
        if negated {
            d.negated += 1;
            d.max_negated = max_opt(d.max_negated, x);
        } else {
            d.affirming += 1;
            if hedged {
                d.max_hedged = max_opt(d.max_hedged, x);
            } else {
                d.unhedged += 1;
                d.max_unhedged = max_opt(d.max_unhedged, x);
            }
        }
    }
    Ok(out)
}

/// Add document `seq`'s claims (already written) to the summaries.
pub(crate) fn add_doc(conn: &Connection, seq: i64) -> Result<()> {
    for ((s, p, o), d) in deltas(conn, seq)? {
        conn.prepare_cached(
            "INSERT INTO edges(subject, predicate, object, support, denials, denied_only, documents, claims, affirming, unhedged,
                               publishers, max_unhedged, max_hedged, max_negated)
             VALUES (?1, ?2, ?3, 0, 0, 0, 1, ?4, ?5, ?6, 0, ?7, ?8, ?9)
             ON CONFLICT(subject, object, predicate) DO UPDATE SET
                 documents = documents + 1, claims = claims + ?4, affirming = affirming + ?5, unhedged = unhedged + ?6,
                 max_unhedged = coalesce(max(max_unhedged, ?7), max_unhedged, ?7),
                 max_hedged = coalesce(max(max_hedged, ?8), max_hedged, ?8),
                 max_negated = coalesce(max(max_negated, ?9), max_negated, ?9)",
        )?
        .execute(params![s, p, o, d.claims, d.affirming, d.unhedged, d.max_unhedged, d.max_hedged, d.max_negated])?;
        apply(conn, (&s, &p, &o), &d, 1)?;
    }
    Ok(())
}

/// Take document `seq`'s claims out of the summaries; with `delete`, delete the claims too (the
/// best confidences of the edges are then read again from what remains).
pub(crate) fn remove_doc(conn: &Connection, seq: i64, delete: bool) -> Result<()> {
    let all = deltas(conn, seq)?;
    if delete {
        conn.prepare_cached("DELETE FROM claims WHERE doc_seq = ?1")?.execute([seq])?;
    }
    for ((s, p, o), d) in all {
        apply(conn, (&s, &p, &o), &d, -1)?;
        conn.prepare_cached(
            "UPDATE edges SET documents = documents - 1, claims = claims - ?4, affirming = affirming - ?5, unhedged = unhedged - ?6
             WHERE subject = ?1 AND object = ?3 AND predicate = ?2",
        )?
        .execute(params![s, p, o, d.claims, d.affirming, d.unhedged])?;
        let left: i64 = conn
            .prepare_cached("SELECT claims FROM edges WHERE subject = ?1 AND object = ?3 AND predicate = ?2")?
            .query_row(params![s, p, o], |r| r.get(0))?;
        if left == 0 {
            conn.prepare_cached("DELETE FROM edges WHERE subject = ?1 AND object = ?3 AND predicate = ?2")?.execute(params![s, p, o])?;
        } else if delete {
            let best = |filter: &str| {
                format!(
                    "(SELECT confidence FROM claims INDEXED BY claims_rank
                      WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND {filter} AND {LIVE} ORDER BY negated, confidence DESC LIMIT 1)"
                )
            };
            conn.prepare_cached(&format!(
                "UPDATE edges SET max_unhedged = {}, max_hedged = {}, max_negated = {}
                 WHERE subject = ?1 AND object = ?3 AND predicate = ?2",
                best("negated = 0 AND hedged = 0"),
                best("negated = 0 AND hedged != 0"),
                best("negated != 0")
            ))?
            .execute(params![s, p, o])?;
        }
    }
    Ok(())
}

/// The per-work and per-source rows of one edge, and the changes of its counts of works and
/// sources that follow (a row appearing or going), applied to its `edges` row (which exists).
fn apply(conn: &Connection, (s, p, o): (&str, &str, &str), d: &Delta, sign: i64) -> Result<()> {
    let old: (i64, i64) = conn
        .prepare_cached("SELECT affirming, negated FROM edge_works WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND work_id = ?4")?
        .query_row(params![s, p, o, d.work], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, 0));
    let new = (old.0 + sign * d.affirming, old.1 + sign * d.negated);
    let on = |(a, n): (i64, i64)| ((a > 0) as i64, (n > 0) as i64, (n > 0 && a == 0) as i64);
    let (was, is) = (on(old), on(new));
    let mut publishers = 0;
    if new == (0, 0) {
        conn.prepare_cached("DELETE FROM edge_works WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND work_id = ?4")?
            .execute(params![s, p, o, d.work])?;
    } else {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO edge_works(subject, predicate, object, work_id, affirming, negated) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![s, p, o, d.work, new.0, new.1])?;
    }
    if d.affirming > 0 {
        let old: i64 = conn
            .prepare_cached("SELECT affirming FROM edge_sources WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND source = ?4")?
            .query_row(params![s, p, o, d.source], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let new = old + sign * d.affirming;
        publishers = (new > 0) as i64 - (old > 0) as i64;
        if new == 0 {
            conn.prepare_cached("DELETE FROM edge_sources WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND source = ?4")?
                .execute(params![s, p, o, d.source])?;
        } else {
            conn.prepare_cached(
                "INSERT OR REPLACE INTO edge_sources(subject, predicate, object, source, affirming) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![s, p, o, d.source, new])?;
        }
    }
    let change = (is.0 - was.0, is.1 - was.1, is.2 - was.2, publishers);
    if change != (0, 0, 0, 0) {
        conn.prepare_cached(
            "UPDATE edges SET support = support + ?4, denials = denials + ?5, denied_only = denied_only + ?6, publishers = publishers + ?7
             WHERE subject = ?1 AND object = ?3 AND predicate = ?2",
        )?
        .execute(params![s, p, o, change.0, change.1, change.2, change.3])?;
    }
    Ok(())
}

/// Copy each document's folded publisher into its claims (the v4 migration).
pub(crate) fn fill_publishers(conn: &Connection) -> Result<()> {
    let raw: Vec<String> = conn
        .prepare(&format!("SELECT DISTINCT {PUBLISHER_SQL} FROM documents d WHERE d.seq IN (SELECT doc_seq FROM claims)"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare(&format!(
        "UPDATE claims SET publisher = ?1 WHERE doc_seq IN (SELECT d.seq FROM documents d WHERE {PUBLISHER_SQL} = ?2)"
    ))?;
    for r in raw {
        update.execute(params![folded_publisher(&r), r])?;
    }
    Ok(())
}

/// What `edge_works` holds, from the claims.
const EXPECTED_WORKS: &str = "SELECT subject, predicate, object, work_id, sum(negated = 0), sum(negated != 0)
     FROM claims GROUP BY subject, predicate, object, work_id";

/// What `edge_sources` holds, from the claims.
const EXPECTED_SOURCES: &str = "SELECT subject, predicate, object, coalesce(publisher, char(31) || work_id), count(*)
     FROM claims WHERE negated = 0 GROUP BY 1, 2, 3, 4";

/// What `edges` holds, from the claims.
const EXPECTED_EDGES: &str = "
    WITH w AS (SELECT subject, predicate, object, work_id, sum(negated = 0) AS a, sum(negated != 0) AS n
               FROM claims GROUP BY subject, predicate, object, work_id),
         ew AS (SELECT subject, predicate, object, sum(a > 0) AS support, sum(n > 0) AS denials, sum(n > 0 AND a = 0) AS denied_only
                FROM w GROUP BY subject, predicate, object),
         es AS (SELECT subject, predicate, object, count(DISTINCT coalesce(publisher, char(31) || work_id)) AS publishers
                FROM claims WHERE negated = 0 GROUP BY subject, predicate, object),
         ec AS (SELECT subject, predicate, object, count(DISTINCT doc_seq) AS documents, count(*) AS claims,
                       sum(negated = 0) AS affirming, sum(negated = 0 AND hedged = 0) AS unhedged,
                       max(CASE WHEN negated = 0 AND hedged = 0 THEN confidence END) AS max_unhedged,
                       max(CASE WHEN negated = 0 AND hedged != 0 THEN confidence END) AS max_hedged,
                       max(CASE WHEN negated != 0 THEN confidence END) AS max_negated
                FROM claims GROUP BY subject, predicate, object)
    SELECT ec.subject, ec.predicate, ec.object, ew.support, ew.denials, ew.denied_only, ec.documents, ec.claims, ec.affirming,
           ec.unhedged, coalesce(es.publishers, 0), ec.max_unhedged, ec.max_hedged, ec.max_negated
    FROM ec JOIN ew USING (subject, predicate, object) LEFT JOIN es USING (subject, predicate, object)";

const EDGE_COLUMNS: &str = "subject, predicate, object, support, denials, denied_only, documents, claims, affirming, unhedged, publishers,
     max_unhedged, max_hedged, max_negated";

/// An `EXPECTED_*` query over the claims it counts: all of them before schema v5 (`reviews`
/// false: no reviews yet), else those not rejected; of one edge (?1, ?2, ?3) with `one_edge`.
fn expected(query: &str, reviews: bool, one_edge: bool) -> String {
    let mut filter = vec![];
    if reviews {
        filter.push(LIVE);
    }
    if one_edge {
        filter.push("subject = ?1 AND predicate = ?2 AND object = ?3");
    }
    if filter.is_empty() {
        return query.to_owned();
    }
    query.replace("FROM claims", &format!("FROM (SELECT * FROM claims WHERE {}) AS claims", filter.join(" AND ")))
}

/// Build the summaries from every claim (the v4 migration, before claims could be rejected).
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "DELETE FROM edge_works; DELETE FROM edge_sources; DELETE FROM edges;
         INSERT INTO edge_works(subject, predicate, object, work_id, affirming, negated) {EXPECTED_WORKS};
         INSERT INTO edge_sources(subject, predicate, object, source, affirming) {EXPECTED_SOURCES};
         INSERT INTO edges({EDGE_COLUMNS}) {EXPECTED_EDGES};"
    ))?;
    Ok(())
}

/// Recompute the summary rows of one stored edge from its claims not rejected (a claim review
/// changed): only that edge's rows change.
pub(crate) fn refresh_edge(conn: &Connection, s: &str, p: &str, o: &str) -> Result<()> {
    for table in ["edge_works", "edge_sources", "edges"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE subject = ?1 AND predicate = ?2 AND object = ?3"))?
            .execute(params![s, p, o])?;
    }
    let inserts = [
        format!("INSERT INTO edge_works(subject, predicate, object, work_id, affirming, negated) {}", expected(EXPECTED_WORKS, true, true)),
        format!("INSERT INTO edge_sources(subject, predicate, object, source, affirming) {}", expected(EXPECTED_SOURCES, true, true)),
        format!("INSERT INTO edges({EDGE_COLUMNS}) {}", expected(EXPECTED_EDGES, true, true)),
    ];
    for sql in inserts {
        conn.prepare_cached(&sql)?.execute(params![s, p, o])?;
    }
    Ok(())
}

/// Differences between the summaries and the claims, as messages for `Store::check`.
pub(crate) fn problems(conn: &Connection) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stale = 0;
    let mut pairs =
        conn.prepare(&format!("SELECT DISTINCT {PUBLISHER_SQL}, c.publisher FROM claims c JOIN documents d ON d.seq = c.doc_seq"))?;
    for pair in pairs.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))? {
        let (raw, stored) = pair?;
        if folded_publisher(&raw) != stored {
            stale += 1;
        }
    }
    if stale > 0 {
        out.push(format!("{stale} publishers copied into claims that are not their documents'"));
    }
    let tables = [
        ("edge_works", "subject, predicate, object, work_id, affirming, negated", EXPECTED_WORKS),
        ("edge_sources", "subject, predicate, object, source, affirming", EXPECTED_SOURCES),
        ("edges", EDGE_COLUMNS, EXPECTED_EDGES),
    ];
    for (table, columns, query) in tables {
        let expected = expected(query, true, false);
        let differ: i64 = conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM (SELECT {columns} FROM {table} EXCEPT SELECT * FROM ({expected})))
                      + (SELECT count(*) FROM (SELECT * FROM ({expected}) EXCEPT SELECT {columns} FROM {table}))"
            ),
            [],
            |r| r.get(0),
        )?;
        if differ > 0 {
            out.push(format!("{differ} rows of {table} that do not match the claims"));
        }
    }
    Ok(out)
}
