//! One entity's edges from the edge summaries (`summaries`, schema v4), for `Store::claims` with
//! an entity and no date filter — `nexus claims --entity`, `nexus entity`, `graph neighbors`.
//!
//! Same answer as aggregating every claim (`graph::aggregate`), without reading them all:
//! - the entity's stored edges come from `edges` most supported first, so with a limit only the
//!   edges that can make the cut are read (those tied with the last one included);
//! - an edge's counts come from its `edges` row, its figures and first/last seen from claim
//!   indexes, its grade from `edge_sources` when publishers are graded;
//! - its best claims are read from `claims_rank` (affirming first, then by the extractor's
//!   confidence), stopping once no claim further down can outrank the ones kept: a claim's
//!   graded confidence is at most what the best grade any publisher has would give it;
//! - an edge that merges join from several stored edges (merges apply at query time; stored keys
//!   never change) is aggregated from the claims of its parts, as before.

use crate::Store;
use crate::claims::ordered;
use crate::corrections::LIVE;
use crate::error::Result;
use crate::grades::{Credibility, Grades, Reliability, confidence};
use crate::graph::{Claim, ClaimFilter, Edge, EdgeClaims, Names, Texts, aggregate, figure_ranges};
use nexus_extract::relations::symmetric;
use rusqlite::params;
use std::collections::{BTreeMap, HashSet};

const PART_COLUMNS: &str = "subject, predicate, object, support, denials, denied_only, documents, claims, affirming, unhedged,
     publishers, max_unhedged, max_hedged, max_negated";

/// (subject, predicate, object).
type EdgeKey = (String, String, String);

/// A stored edge's summary row.
#[derive(Debug, Clone)]
struct Part {
    s: String,
    p: String,
    o: String,
    support: u64,
    denials: u64,
    denied_only: u64,
    documents: u64,
    claims: u64,
    affirming: u64,
    unhedged: u64,
    publishers: u64,
    max_unhedged: Option<f64>,
    max_hedged: Option<f64>,
    max_negated: Option<f64>,
}

fn part(r: &rusqlite::Row) -> rusqlite::Result<Part> {
    let n = |i: usize| r.get::<_, i64>(i).map(|v| v as u64);
    Ok(Part {
        s: r.get(0)?,
        p: r.get(1)?,
        o: r.get(2)?,
        support: n(3)?,
        denials: n(4)?,
        denied_only: n(5)?,
        documents: n(6)?,
        claims: n(7)?,
        affirming: n(8)?,
        unhedged: n(9)?,
        publishers: n(10)?,
        max_unhedged: r.get(11)?,
        max_hedged: r.get(12)?,
        max_negated: r.get(13)?,
    })
}

fn next(rows: &mut rusqlite::Rows) -> Result<Option<Part>> {
    Ok(rows.next()?.map(part).transpose()?)
}

/// What grades a claim of one edge: its support, independent sources and whether it is disputed.
#[derive(Debug, Clone, Copy)]
struct Standing {
    support: u64,
    publishers: u64,
    disputed: bool,
}

impl Standing {
    fn credibility(self, negated: bool, hedged: bool) -> Credibility {
        Credibility::of(negated, hedged, self.support, self.publishers, self.disputed)
    }
}

/// A claim's place in its edge's order: affirming first, then most confident, then by document
/// and position (as `graph::aggregate` sorts).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    negated: bool,
    confidence: std::cmp::Reverse<u8>,
    doc_seq: i64,
    start: i64,
    id: String,
}

impl Store {
    pub(crate) fn entity_claims(&self, key: &str, f: &ClaimFilter) -> Result<Vec<EdgeClaims>> {
        if f.limit == Some(0) {
            return Ok(Vec::new());
        }
        let merges = self.merges()?;
        let grades = self.grades()?;
        let members = merges.members(key);
        let merged = merges.involved();
        let predicate = f.predicate.as_deref();
        let parts = match (members.as_slice(), f.limit) {
            ([only], Some(limit)) => self.top_parts(only, predicate, limit, f.min_sources, &merged)?,
            _ => {
                let mut all = Vec::new();
                for m in &members {
                    all.extend(self.all_parts(m, predicate)?);
                }
                all
            }
        };
        // Stored edges to edges as merges read them; a stored edge whose ends became one is none.
        let mut groups: BTreeMap<EdgeKey, Vec<Part>> = BTreeMap::new();
        for part in parts {
            let (s, o) = (merges.canonical(&part.s), merges.canonical(&part.o));
            if s == o {
                continue;
            }
            let (s, o) = ordered(&part.p, s, o);
            let id = (s.to_owned(), part.p.clone(), o.to_owned());
            let group = groups.entry(id).or_default();
            // One stored edge may be read from both of its ends (two members of one entity).
            if !group.iter().any(|g| g.s == part.s && g.o == part.o) {
                group.push(part);
            }
        }
        // Support and confidence decide the order: for an edge with a summary, both come from
        // its row (and its best claim when publishers are graded); the rest of it is read only
        // if it makes the cut.
        enum Pending {
            Summary(Part),
            Aggregated(EdgeClaims),
        }
        let mut ranked: Vec<((u64, u8), EdgeKey, Pending)> = Vec::new();
        for ((s, p, o), mut parts) in groups {
            if parts.len() == 1 {
                let part = parts.pop().expect("one part");
                if part.support < f.min_sources {
                    continue;
                }
                let confidence = self.summary_confidence(&part, &grades)?;
                ranked.push(((part.support, confidence), (s, p, o), Pending::Summary(part)));
            } else {
                let mut claims: Vec<Claim> = Vec::new();
                for part in &parts {
                    for mut c in self.edge_claim_rows(&part.s, &part.p, &part.o)? {
                        c.subject = s.clone();
                        c.object = o.clone();
                        claims.push(c);
                    }
                }
                let edge = aggregate(s.clone(), p.clone(), o.clone(), &mut claims, &grades);
                if edge.support < f.min_sources {
                    continue;
                }
                ranked.push(((edge.support, edge.confidence), (s, p, o), Pending::Aggregated(EdgeClaims { edge, claims })));
            }
        }
        ranked.sort_by(|(a, ka, _), (b, kb, _)| b.cmp(a).then_with(|| ka.cmp(kb)));
        if let Some(limit) = f.limit {
            ranked.truncate(limit);
        }
        let mut out: Vec<(EdgeClaims, Option<Part>)> = Vec::with_capacity(ranked.len());
        for ((_, confidence), (s, p, o), pending) in ranked {
            out.push(match pending {
                Pending::Summary(part) => {
                    let edge = self.summary_edge(s, p, o, &part, confidence, &grades)?;
                    (EdgeClaims { edge, claims: Vec::new() }, Some(part))
                }
                Pending::Aggregated(e) => (e, None),
            });
        }
        // Best claims, names and evidence only for what is returned.
        let per_edge = f.per_edge.unwrap_or(usize::MAX);
        let (mut names, mut texts) = (Names::default(), Texts::default());
        let mut result = Vec::with_capacity(out.len());
        for (mut e, part) in out {
            match part {
                Some(part) => e.claims = self.best_claims(&part, &e.edge, per_edge, &grades)?,
                None => e.claims.truncate(per_edge),
            }
            e.edge.subject_name = names.get(self, &e.edge.subject)?;
            e.edge.object_name = names.get(self, &e.edge.object)?;
            for c in &mut e.claims {
                c.evidence = texts.quote(self, c.doc_seq, c.start, c.end)?;
            }
            result.push(e);
        }
        Ok(result)
    }

    /// Every stored edge with `key` at either end.
    fn all_parts(&self, key: &str, predicate: Option<&str>) -> Result<Vec<Part>> {
        let mut out = Vec::new();
        for side in ["subject", "object"] {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {PART_COLUMNS} FROM edges INDEXED BY edges_{side} WHERE {side} = ?1 AND (?2 IS NULL OR predicate = ?2)"
            ))?;
            let rows = stmt.query_map(params![key, predicate], part)?;
            for r in rows {
                out.push(r?);
            }
        }
        Ok(out)
    }

    /// The stored edges of `key` (an entity no merge joins to another) that can be among the
    /// `limit` best: most supported first, down to the support of the `limit`-th (ties included,
    /// since confidence and then keys decide among them) and not below `min_sources`. Edges to an
    /// entity a merge names are read apart, all of them, as merges may join them into one.
    fn top_parts(&self, key: &str, predicate: Option<&str>, limit: usize, min_sources: u64, merged: &HashSet<&str>) -> Result<Vec<Part>> {
        let sql = |side: &str| {
            format!(
                "SELECT {PART_COLUMNS} FROM edges INDEXED BY edges_{side}
                 WHERE {side} = ?1 AND (?2 IS NULL OR predicate = ?2) AND support >= ?3 ORDER BY support DESC"
            )
        };
        let mut out = Vec::new();
        {
            let (mut by_subject, mut by_object) = (self.conn.prepare_cached(&sql("subject"))?, self.conn.prepare_cached(&sql("object"))?);
            let mut subject_rows = by_subject.query(params![key, predicate, min_sources as i64])?;
            let mut object_rows = by_object.query(params![key, predicate, min_sources as i64])?;
            let (mut s_head, mut o_head) = (next(&mut subject_rows)?, next(&mut object_rows)?);
            let mut floor: Option<u64> = None;
            loop {
                let from_subject = match (&s_head, &o_head) {
                    (Some(a), Some(b)) => a.support >= b.support,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                let p = if from_subject {
                    std::mem::replace(&mut s_head, next(&mut subject_rows)?)
                } else {
                    std::mem::replace(&mut o_head, next(&mut object_rows)?)
                }
                .expect("a head");
                if floor.is_some_and(|f| p.support < f) {
                    break;
                }
                let other = if from_subject { &p.o } else { &p.s };
                if merged.contains(other.as_str()) {
                    continue;
                }
                out.push(p);
                if out.len() == limit {
                    floor = Some(out[limit - 1].support);
                }
            }
        }
        let mut between = self.conn.prepare_cached(&format!(
            "SELECT {PART_COLUMNS} FROM edges WHERE subject = ?1 AND object = ?2 AND (?3 IS NULL OR predicate = ?3)"
        ))?;
        for other in merged.iter().filter(|&&m| m != key) {
            for (s, o) in [(key, *other), (*other, key)] {
                for r in between.query_map(params![s, o, predicate], part)? {
                    out.push(r?);
                }
            }
        }
        Ok(out)
    }

    /// The confidence of an edge with a summary: its best claim's (its best affirming one, when it
    /// has any) — from the row's best extractor confidences when every publisher has one grade.
    fn summary_confidence(&self, part: &Part, grades: &Grades) -> Result<u8> {
        let support = part.support;
        let standing = Standing { support, publishers: part.publishers, disputed: support > 0 && part.denied_only > 0 };
        Ok(if grades.uniform() {
            let r = grades.default_grade();
            let best = |x: Option<f64>, negated: bool, hedged: bool| x.map(|x| confidence(r, standing.credibility(negated, hedged), x));
            if support == 0 {
                best(part.max_negated, true, false).unwrap_or(0)
            } else {
                best(part.max_unhedged, false, false).max(best(part.max_hedged, false, true)).unwrap_or(0)
            }
        } else {
            self.rank_claims(part, standing, 1, grades)?.first().map(|r| r.confidence.0).unwrap_or(0)
        })
    }

    /// An edge from its summary row and its confidence: everything but names and claims.
    fn summary_edge(
        &self,
        subject: String,
        predicate: String,
        object: String,
        part: &Part,
        confidence: u8,
        grades: &Grades,
    ) -> Result<Edge> {
        let (s, p, o) = (part.s.as_str(), part.p.as_str(), part.o.as_str());
        let support = part.support;
        let disputed = support > 0 && part.denied_only > 0;
        let all_hedged = part.affirming > 0 && part.unhedged == 0;
        let credibility = Credibility::of(support == 0, all_hedged, support, part.publishers, disputed);
        let mut figures: BTreeMap<(String, Option<String>), Vec<f64>> = BTreeMap::new();
        {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT unit, date, value FROM claims INDEXED BY claims_figures
                 WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND negated = 0 AND value IS NOT NULL AND unit IS NOT NULL
                   AND {LIVE}"
            ))?;
            let mut rows = stmt.query([s, p, o])?;
            while let Some(r) = rows.next()? {
                figures.entry((r.get(0)?, r.get(1)?)).or_default().push(r.get(2)?);
            }
        }
        let figures = figure_ranges(figures);
        let (first_seen, last_seen): (Option<String>, Option<String>) = self
            .conn
            .prepare_cached(&format!(
                "SELECT (SELECT seen FROM claims INDEXED BY claims_seen
                         WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND seen IS NOT NULL AND {LIVE} ORDER BY seen LIMIT 1),
                        (SELECT seen FROM claims INDEXED BY claims_seen
                         WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND seen IS NOT NULL AND {LIVE}
                         ORDER BY seen DESC LIMIT 1)"
            ))?
            .query_row([s, p, o], |r| Ok((r.get(0)?, r.get(1)?)))?;
        // The best grade among the publishers of its affirming claims.
        let reliability = if part.affirming == 0 {
            Reliability::F
        } else if grades.uniform() {
            grades.default_grade()
        } else {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT 1 FROM edge_sources WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND source = ?4")?;
            let mut found = Vec::new();
            for (publisher, grade) in grades.graded() {
                if stmt.exists(params![s, p, o, publisher])? {
                    found.push(grade);
                }
            }
            if (found.len() as u64) < part.publishers {
                found.push(grades.default_grade());
            }
            found.into_iter().min().unwrap_or(Reliability::F)
        };
        Ok(Edge {
            symmetric: symmetric(&predicate),
            subject_name: String::new(),
            object_name: String::new(),
            support,
            documents: part.documents,
            claim_count: part.claims,
            denials: part.denials,
            disputed,
            first_seen,
            last_seen,
            conflict: figures.iter().any(|f| f.conflict),
            figures,
            reliability,
            credibility,
            confidence,
            subject,
            predicate,
            object,
        })
    }

    /// The `k` best claims of one stored edge in order, from `claims_rank`: read in order of the
    /// extractor's confidence (affirming first) and stopped when even the best grade any publisher
    /// has could not lift the next claim above the `k`-th kept.
    fn rank_claims(&self, part: &Part, standing: Standing, k: usize, grades: &Grades) -> Result<Vec<Rank>> {
        if k == 0 {
            return Ok(Vec::new());
        }
        let best = grades.best();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT negated, confidence, doc_seq, start, hedged, publisher, id FROM claims INDEXED BY claims_rank
             WHERE subject = ?1 AND predicate = ?2 AND object = ?3 AND {LIVE} ORDER BY negated, confidence DESC, doc_seq, start"
        ))?;
        let mut rows = stmt.query([&part.s, &part.p, &part.o])?;
        let mut top: Vec<Rank> = Vec::new();
        while let Some(r) = rows.next()? {
            let (negated, x): (bool, f64) = (r.get(0)?, r.get(1)?);
            if top.len() >= k {
                let last = &top[k - 1];
                let bound = confidence(best, standing.credibility(negated, false), x);
                if (!last.negated && negated) || (last.negated == negated && last.confidence.0 > bound) {
                    break;
                }
            }
            let publisher: Option<String> = r.get(5)?;
            let c = confidence(grades.of_folded(publisher.as_deref()), standing.credibility(negated, r.get(4)?), x);
            let rank = Rank { negated, confidence: std::cmp::Reverse(c), doc_seq: r.get(2)?, start: r.get(3)?, id: r.get(6)? };
            if k == usize::MAX {
                top.push(rank);
            } else {
                let at = top.binary_search(&rank).unwrap_or_else(|i| i);
                if at < k {
                    top.insert(at, rank);
                    top.truncate(k);
                }
            }
        }
        if k == usize::MAX {
            top.sort();
        }
        Ok(top)
    }

    /// The `k` best claims of an edge read from its summary, graded, ends as the edge reads them.
    fn best_claims(&self, part: &Part, edge: &Edge, k: usize, grades: &Grades) -> Result<Vec<Claim>> {
        let standing = Standing { support: edge.support, publishers: part.publishers, disputed: edge.disputed };
        let mut out = Vec::new();
        for rank in self.rank_claims(part, standing, k, grades)? {
            let mut c = self.claim_by_id(rank.doc_seq, &rank.id)?;
            c.subject = edge.subject.clone();
            c.object = edge.object.clone();
            c.reliability = grades.of(&c.publisher);
            c.credibility = standing.credibility(c.negated, c.hedged);
            c.confidence = confidence(c.reliability, c.credibility, c.extraction_confidence);
            out.push(c);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{ClaimFilter, NearDupConfig, Reliability, Store};
    use nexus_extract::relations::{DateQualifier, Evidence, Qualifiers, QuantityQualifier, Relation};
    use nexus_extract::{ExtractedEntity, Extraction, Mention};
    use nexus_ingest::{Document, Format, Language, Metadata, Signature};
    use nexus_testkit::Rng;

    const PREDICATES: [&str; 4] = ["operates_in", "traffics", "cooperates_with", "seized"];

    /// A document of the near-duplicate chain `i` with relations between a few of a small pool
    /// of entities (so some are hubs and edges have many claims), publishers named in several
    /// spellings or not at all, and confidences that tie once graded.
    fn generate(i: usize, previous: Option<&str>, variant: u64) -> (Document, Extraction) {
        let mut rng = Rng::new(0xfa57 + i as u64 * 7 + variant * 1_000_003);
        let mut text = match previous {
            Some(p) if i % 4 == 1 => nexus_testkit::perturb(p, i as u64, 0.02),
            _ => nexus_testkit::document(i as u64, 60),
        };
        text.truncate(text.trim_end().len());
        let pool = |j: usize| -> (String, String, &'static str, bool) {
            if j < 8 {
                (format!("kb-{j}"), format!("Entity {j}"), ["criminal_org", "country"][j % 2], true)
            } else {
                (format!("doc:x:{j}"), format!("Learned Group {j}"), "criminal_org", false)
            }
        };
        let mut chosen: Vec<(String, String, &'static str, bool)> = Vec::new();
        for _ in 0..4 {
            let j = if rng.below(3) == 0 { 8 + rng.below(12) } else { rng.below(8).min(rng.below(8)) };
            let e = pool(j);
            if !chosen.iter().any(|c| c.0 == e.0) {
                chosen.push(e);
            }
        }
        let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); chosen.len()];
        let mut relations = Vec::new();
        for _ in 0..1 + rng.below(5) {
            let (s, o) = (rng.below(chosen.len()), rng.below(chosen.len()));
            if s == o {
                continue;
            }
            let predicate = PREDICATES[rng.below(PREDICATES.len())];
            text.push('\n');
            let start = text.len();
            text.push_str(&chosen[s].1);
            mentions[s].push(Mention { text: chosen[s].1.clone(), start, end: text.len() });
            text.push_str(&format!(" {predicate} "));
            let o_at = text.len();
            text.push_str(&chosen[o].1);
            mentions[o].push(Mention { text: chosen[o].1.clone(), start: o_at, end: text.len() });
            text.push_str(&format!(" in report {i}."));
            let mut q = Qualifiers::default();
            if rng.below(4) == 0 {
                let unit = ["kg", "t"][rng.below(2)];
                q.quantity = Some(QuantityQualifier {
                    value: (1 + rng.below(6)) as f64 * 100.0,
                    unit: unit.into(),
                    bound: nexus_extract::quantities::Bound::Approx,
                });
            }
            if rng.below(3) == 0 {
                q.date =
                    Some(DateQualifier { value: format!("{}", 2010 + rng.below(4)), precision: nexus_extract::dates::Precision::Year });
            }
            q.hedged = rng.below(4) == 0;
            q.negated = rng.below(8) == 0;
            relations.push(Relation {
                subject: chosen[s].0.clone(),
                predicate: predicate.into(),
                object: chosen[o].0.clone(),
                qualifiers: q,
                confidence: 0.5 + rng.below(6) as f64 / 10.0,
                evidence: Evidence { text: String::new(), start, end: text.len() },
            });
        }
        let entities = chosen
            .into_iter()
            .zip(mentions)
            .filter(|(_, m)| !m.is_empty())
            .map(|((id, name, ty, in_kb), mentions)| ExtractedEntity { id, name, entity_type: ty, in_kb, unnamed: false, mentions })
            .collect();
        let sha = nexus_ingest::fingerprint::sha256_hex(text.as_bytes());
        let venue = match i % 7 {
            0 | 1 => None,
            2 => Some("The Weekly".to_owned()),
            3 => Some("THE  weekly".to_owned()),
            _ => Some(format!("Publisher {}", i % 3)),
        };
        let doc = Document {
            id: sha[..16].to_owned(),
            sha256: sha,
            source: format!("gen/{i:04}.txt"),
            format: Format::Txt,
            encoding: "utf-8".into(),
            bytes: text.len() as u64,
            meta: Metadata {
                published: (!i.is_multiple_of(5)).then(|| format!("{}", 2005 + i % 9)),
                venue,
                site: (i % 7 == 1).then(|| "example.org".to_owned()),
                ..Default::default()
            },
            language: Language { code: "en".into(), name: "English".into(), confidence: 1.0 },
            text,
            notes: vec![],
            warnings: vec![],
        };
        (doc, Extraction { entities, relations, quantities: vec![], dates: vec![] })
    }

    fn same_answers(store: &Store, what: &str) {
        assert_eq!(store.check().unwrap(), Vec::<String>::new(), "{what}");
        let filters = [
            ClaimFilter { limit: Some(20), per_edge: Some(3), ..Default::default() },
            ClaimFilter { limit: Some(2), per_edge: Some(1), ..Default::default() },
            ClaimFilter { per_edge: Some(1), ..Default::default() },
            ClaimFilter::default(),
            ClaimFilter { predicate: Some("traffics".into()), limit: Some(3), per_edge: Some(2), ..Default::default() },
            ClaimFilter { min_sources: 2, limit: Some(4), per_edge: Some(5), ..Default::default() },
            ClaimFilter { limit: Some(1), per_edge: Some(0), ..Default::default() },
        ];
        let mut compared = 0;
        for e in store.entities(None, None).unwrap() {
            for f in &filters {
                let f = ClaimFilter { entity: Some(e.id.clone()), ..f.clone() };
                let fast = serde_json::to_string_pretty(&store.claims(&f).unwrap()).unwrap();
                let slow = serde_json::to_string_pretty(&store.aggregated_claims(&f).unwrap()).unwrap();
                assert!(fast == slow, "{what}: {f:?}\n--- summaries\n{fast}\n--- aggregated\n{slow}");
                compared += fast.len();
            }
        }
        assert!(compared > 10_000, "{what}: the store has claims to compare");
    }

    /// The summaries give what aggregating every claim gives: for every entity and several
    /// filters, with publishers graded, entities merged and unmerged, documents re-extracted and
    /// works regrouped (each change touching only its own rows).
    #[test]
    fn summaries_answer_as_aggregating_every_claim_does() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        let mut previous: Option<String> = None;
        let mut ids = Vec::new();
        let mut w = store.writer(NearDupConfig::default()).unwrap();
        for i in 0..240 {
            let (d, x) = generate(i, previous.as_deref(), 0);
            previous = Some(d.text.clone());
            w.add(&d, &Signature::of_text(&d.text), Some(&x)).unwrap();
            ids.push((d.id.clone(), d.text.clone(), i));
        }
        w.commit().unwrap();
        assert!(store.stats().unwrap().works < 240, "some near-duplicates");
        same_answers(&store, "as stored");

        // The same store as version 3 left it: the v4 migration builds what writing maintained
        // (the v5 tables go too: version 3 had no corrections).
        let path = store.path().to_path_buf();
        drop(store);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE analyst_notes; DROP TABLE claim_reviews; DROP TABLE entity_aliases; DROP TABLE entity_type_overrides;
             DROP TABLE corrections; DROP TABLE edges; DROP TABLE edge_works; DROP TABLE edge_sources;
             DROP INDEX claims_rank; DROP INDEX claims_seen; DROP INDEX claims_figures;
             ALTER TABLE claims DROP COLUMN publisher; PRAGMA user_version = 3;",
        )
        .unwrap();
        drop(conn);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), crate::schema::MIGRATIONS.len() as i64);
        same_answers(&store, "migrated from version 3");

        store.grade_source("the weekly", Reliability::A, None).unwrap();
        store.grade_source("Publisher 1", Reliability::E, None).unwrap();
        same_answers(&store, "graded");
        store.grade_source("*", Reliability::B, None).unwrap();
        same_answers(&store, "graded, with a default");

        store.merge("criminal_org:learned group 9", "kb-0", "test", "t").unwrap();
        store.merge("criminal_org:learned group 10", "criminal_org:learned group 11", "test", "t").unwrap();
        store.merge("kb-2", "kb-4", "test", "t").unwrap();
        same_answers(&store, "merged");

        // Analysts reject some claims (their edges' summaries recomputed) and confirm others; the
        // reviews hold through the re-extraction and regroups below.
        let scan = store.claim_scan().unwrap();
        for (n, c) in scan.claims.iter().enumerate().filter(|(n, _)| n % 5 < 2) {
            let change = if n % 5 == 0 {
                crate::Change::RejectClaim { claim_id: c.id.clone() }
            } else {
                crate::Change::ConfirmClaim { claim_id: c.id.clone() }
            };
            store.correct(&change, "t", None).unwrap();
        }
        same_answers(&store, "reviewed");

        // Re-extract a third of the documents with other relations over the same text.
        for (id, text, i) in ids.iter().step_by(3) {
            let (_, mut x) = generate(*i, None, 1);
            let len = text.len();
            x.relations.retain(|r| r.evidence.end <= len);
            for e in &mut x.entities {
                e.mentions.retain(|m| m.end <= len);
            }
            x.entities.retain(|e| !e.mentions.is_empty());
            store.replace_extraction(id, &x).unwrap();
        }
        same_answers(&store, "re-extracted");
        store.regroup(NearDupConfig { threshold: 0.99 }).unwrap();
        same_answers(&store, "regrouped apart");
        store.unmerge("kb-2").unwrap();
        store.regroup(NearDupConfig::default()).unwrap();
        same_answers(&store, "unmerged and regrouped back");
    }
}
