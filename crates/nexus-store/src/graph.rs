//! The graph: claims aggregated into edges across documents, when queried.
//!
//! An edge is (subject, predicate, object) over entity keys as merges read them (ends of a
//! symmetric predicate sorted). Its support is the number of distinct works (near-duplicate
//! groups) with a claim that affirms it, so two copies of one article count once. Here edges are
//! aggregated from their claims (the whole graph from one scan of a covering index); one entity's
//! edges are read from the edge summaries (`summaries`, `lookup`), which each document's claims
//! update as they are written or deleted, so (re-)extracting a document still changes only its own
//! rows, `regroup` only those of documents whose work changed, and a merge only its own row.

use crate::Store;
use crate::claims::ordered;
use crate::corrections::{ClaimStatus, LIVE, LIVE_C};
use crate::error::{Result, StoreError};
use crate::grades::{Credibility, Grades, Reliability, confidence};
use crate::merges::Merges;
use nexus_extract::relations::symmetric;
use petgraph::graph::{NodeIndex, UnGraph};
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Stated figures for one edge that differ by more than this fraction of the smaller are a
/// conflict.
pub const CONFLICT_TOLERANCE: f64 = 0.10;

/// A figure a claim states (its quantity qualifier).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub value: f64,
    pub unit: String,
    pub bound: Option<String>,
}

/// One claim as queries show it: ends as merges read them, with its source, evidence and grades.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub id: String,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub doc: String,
    pub title: Option<String>,
    /// The document's venue, else its site ("" when it names neither).
    pub publisher: String,
    pub published: Option<String>,
    pub work: String,
    /// The sentence, from the stored text (footnote marks included), and its byte span there.
    pub evidence: String,
    pub start: usize,
    pub end: usize,
    pub hedged: bool,
    pub negated: bool,
    pub quantity: Option<Figure>,
    /// The claim's own date qualifier.
    pub date: Option<String>,
    /// The date qualifier, else the document's date.
    pub seen: Option<String>,
    pub qualifiers: serde_json::Value,
    /// The extractor's confidence, 0–1.
    pub extraction_confidence: f64,
    pub reliability: Reliability,
    pub credibility: Credibility,
    /// 0–100, from reliability, credibility and the extractor's confidence (`grades::confidence`).
    pub confidence: u8,
    /// `confirmed` when an analyst confirmed it (rejected claims are never read); a mark, not a
    /// grade: grades stay what corroboration gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClaimStatus>,
    #[serde(skip)]
    pub(crate) doc_seq: i64,
}

/// Stated figures of an edge in one unit, for one date (claims of different dates are different
/// events or years, not estimates of one thing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRange {
    pub unit: String,
    pub date: Option<String>,
    pub min: f64,
    pub max: f64,
    /// Every figure stated, each once, ascending: kept, never averaged.
    pub values: Vec<f64>,
    /// The figures differ by more than [`CONFLICT_TOLERANCE`].
    pub conflict: bool,
}

/// Claims aggregated across documents.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub subject: String,
    pub subject_name: String,
    pub predicate: String,
    pub object: String,
    pub object_name: String,
    pub symmetric: bool,
    /// Distinct works whose claims affirm it: corroboration.
    pub support: u64,
    /// Documents with a claim of it, affirming or denying.
    pub documents: u64,
    /// Claims of it, affirming or denying (the `claims` listed with it may be fewer).
    pub claim_count: u64,
    /// Distinct works whose claims deny it (negated); kept and flagged, never dropped.
    pub denials: u64,
    /// Affirmed by some works and denied by others.
    pub disputed: bool,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub figures: Vec<FigureRange>,
    /// Some of its figures conflict.
    pub conflict: bool,
    /// The best reliability among the sources of its affirming claims.
    pub reliability: Reliability,
    pub credibility: Credibility,
    /// The best confidence among its claims, 0–100.
    pub confidence: u8,
}

/// An edge with its claims, best first (at most the number asked for).
#[derive(Debug, Clone, Serialize)]
pub struct EdgeClaims {
    #[serde(flatten)]
    pub edge: Edge,
    pub claims: Vec<Claim>,
}

/// What `Store::claims` selects. Ends are keys as merges read them; all filters combine.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Edges whose subject is this (either end, for a symmetric predicate).
    pub subject: Option<String>,
    pub object: Option<String>,
    /// Edges with this entity at either end.
    pub entity: Option<String>,
    pub predicate: Option<String>,
    /// Edges supported by at least this many works.
    pub min_sources: u64,
    /// Claims seen on or after this ISO date prefix (a date stated to the year counts as seen at
    /// any time of that year); edges without one are left out.
    pub since: Option<String>,
    /// At most this many edges (most supported first), and claims per edge (best first).
    pub limit: Option<usize>,
    pub per_edge: Option<usize>,
}

impl Store {
    /// Edges matching `f` with their claims: most supported first, then most confident, then by
    /// key. Support, figures and grades are computed from every claim of an edge, whatever
    /// `since` leaves out of the list.
    pub fn claims(&self, f: &ClaimFilter) -> Result<Vec<EdgeClaims>> {
        if let Some(since) = &f.since {
            check_date(since)?;
        }
        // One entity's edges come from the edge summaries (`lookup`); the rest aggregate claims.
        if let (Some(key), None, None, None) = (&f.entity, &f.subject, &f.object, &f.since) {
            return self.entity_claims(key, f);
        }
        self.aggregated_claims(f)
    }

    /// `claims` by aggregating every claim of every edge the filter can select.
    pub(crate) fn aggregated_claims(&self, f: &ClaimFilter) -> Result<Vec<EdgeClaims>> {
        let merges = self.merges()?;
        let grades = self.grades()?;
        // The claims of every edge the filter can select, deduplicated by id.
        let mut rows: Vec<Claim> = Vec::new();
        let mut seen_ids: HashSet<String> = HashSet::new();
        let anchor = f.entity.as_ref().or(f.subject.as_ref()).or(f.object.as_ref());
        match anchor {
            Some(key) => {
                let members = merges.members(key);
                for end in ["subject", "object"] {
                    for c in self.claim_rows(Some((end, &members)), f.predicate.as_deref())? {
                        if seen_ids.insert(c.id.clone()) {
                            rows.push(c);
                        }
                    }
                }
            }
            None => rows = self.claim_rows(None, f.predicate.as_deref())?,
        }
        // Ends as merges read them; a claim whose ends became one entity is no edge.
        let mut edges: BTreeMap<(String, String, String), Vec<Claim>> = BTreeMap::new();
        for mut c in rows {
            let s = merges.canonical(&c.subject).to_owned();
            let o = merges.canonical(&c.object).to_owned();
            if s == o {
                continue;
            }
            let (s, o) = ordered(&c.predicate, &s, &o);
            let (s, o) = (s.to_owned(), o.to_owned());
            // Shown from the anchor's side when the predicate lets it be read both ways.
            let (s, o) = match &f.subject {
                Some(want) if symmetric(&c.predicate) && o == merges.canonical(want) => (o, s),
                _ => (s, o),
            };
            let keep = f.subject.as_ref().is_none_or(|k| s == merges.canonical(k))
                && f.object.as_ref().is_none_or(|k| o == merges.canonical(k) || (symmetric(&c.predicate) && s == merges.canonical(k)));
            if !keep {
                continue;
            }
            c.subject = s.clone();
            c.object = o.clone();
            edges.entry((s, c.predicate.clone(), o)).or_default().push(c);
        }
        let mut out: Vec<EdgeClaims> = Vec::new();
        let mut names = Names::default();
        for ((s, p, o), mut claims) in edges {
            let edge = aggregate(s, p, o, &mut claims, &grades);
            if edge.support < f.min_sources {
                continue;
            }
            if let Some(since) = &f.since {
                claims.retain(|c| c.seen.as_deref().is_some_and(|d| on_or_after(d, since)));
                if claims.is_empty() {
                    continue;
                }
            }
            out.push(EdgeClaims { edge, claims });
        }
        out.sort_by(|a, b| {
            (b.edge.support, b.edge.confidence).cmp(&(a.edge.support, a.edge.confidence)).then_with(|| {
                (&a.edge.subject, &a.edge.predicate, &a.edge.object).cmp(&(&b.edge.subject, &b.edge.predicate, &b.edge.object))
            })
        });
        if let Some(limit) = f.limit {
            out.truncate(limit);
        }
        // Names and evidence only for what is returned.
        let mut texts = Texts::default();
        for e in &mut out {
            if let Some(n) = f.per_edge {
                e.claims.truncate(n);
            }
            e.edge.subject_name = names.get(self, &e.edge.subject)?;
            e.edge.object_name = names.get(self, &e.edge.object)?;
            for c in &mut e.claims {
                c.evidence = texts.quote(self, c.doc_seq, c.start, c.end)?;
            }
        }
        Ok(out)
    }

    /// Every edge of one entity (either end, as merges read it) with its best claim's evidence.
    pub fn edges_of(&self, key: &str, predicate: Option<&str>) -> Result<Vec<EdgeClaims>> {
        self.claims(&ClaimFilter {
            entity: Some(key.to_owned()),
            predicate: predicate.map(str::to_owned),
            per_edge: Some(1),
            ..Default::default()
        })
    }

    /// Claims with one end in `end` (a column and the keys it may hold), or every claim.
    fn claim_rows(&self, end: Option<(&str, &[String])>, predicate: Option<&str>) -> Result<Vec<Claim>> {
        let live = self.unless_rejected(LIVE_C)?;
        let mut sql = format!("SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.seq = c.doc_seq WHERE {live}");
        let mut args: Vec<Value> = Vec::new();
        if let Some((column, keys)) = end {
            sql.push_str(&format!(" AND c.{column} IN ({})", vec!["?"; keys.len()].join(", ")));
            args.extend(keys.iter().map(|k| Value::Text(k.clone())));
        }
        if let Some(p) = predicate {
            sql.push_str(" AND c.predicate = ?");
            args.push(Value::Text(p.to_owned()));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), claim_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every claim of one stored edge (keys as written).
    pub(crate) fn edge_claim_rows(&self, s: &str, p: &str, o: &str) -> Result<Vec<Claim>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.seq = c.doc_seq
             WHERE c.subject = ?1 AND c.predicate = ?2 AND c.object = ?3 AND {LIVE_C}"
        ))?;
        let rows = stmt.query_map([s, p, o], claim_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One claim by its document and id.
    pub(crate) fn claim_by_id(&self, seq: i64, id: &str) -> Result<Claim> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.seq = c.doc_seq WHERE c.doc_seq = ?1 AND c.id = ?2"
        ))?;
        Ok(stmt.query_row(rusqlite::params![seq, id], claim_row)?)
    }
}

/// A claim with its document; the publisher as `grades::PUBLISHER_SQL` reads it.
const CLAIM_COLUMNS: &str = "c.id, c.subject, c.predicate, c.object, c.doc_seq, d.id, d.title,
    coalesce(nullif(d.venue, ''), nullif(d.site, ''), ''), d.published, c.work_id,
    c.start, c.end, c.hedged, c.negated, c.value, c.unit, c.bound, c.date, c.seen, c.qualifiers, c.confidence,
    (SELECT r.status FROM claim_reviews r WHERE r.claim_id = c.id)";

/// A claim as `CLAIM_COLUMNS` reads it, ungraded.
fn claim_row(r: &rusqlite::Row) -> rusqlite::Result<Claim> {
    let value: Option<f64> = r.get(14)?;
    let unit: Option<String> = r.get(15)?;
    Ok(Claim {
        id: r.get(0)?,
        subject: r.get(1)?,
        predicate: r.get(2)?,
        object: r.get(3)?,
        doc_seq: r.get(4)?,
        doc: r.get(5)?,
        title: r.get(6)?,
        publisher: r.get(7)?,
        published: r.get(8)?,
        work: r.get(9)?,
        start: r.get::<_, i64>(10)? as usize,
        end: r.get::<_, i64>(11)? as usize,
        hedged: r.get(12)?,
        negated: r.get(13)?,
        quantity: value.zip(unit).map(|(value, unit)| Figure { value, unit, bound: r.get::<_, Option<String>>(16).ok().flatten() }),
        date: r.get(17)?,
        seen: r.get(18)?,
        qualifiers: serde_json::from_str(&r.get::<_, String>(19)?).unwrap_or_default(),
        extraction_confidence: r.get(20)?,
        evidence: String::new(),
        reliability: Reliability::F,
        credibility: Credibility(6),
        confidence: 0,
        status: r.get::<_, Option<String>>(21)?.as_deref().and_then(ClaimStatus::parse),
    })
}

/// An edge from all its claims; grades each claim and sorts them best first.
pub(crate) fn aggregate(subject: String, predicate: String, object: String, claims: &mut [Claim], grades: &Grades) -> Edge {
    let affirming: Vec<&Claim> = claims.iter().filter(|c| !c.negated).collect();
    let works: BTreeSet<&str> = affirming.iter().map(|c| c.work.as_str()).collect();
    let denying: BTreeSet<&str> = claims.iter().filter(|c| c.negated).map(|c| c.work.as_str()).collect();
    // Independent publishers: distinct known ones, and each work whose documents name none (two
    // anonymous works cannot be assumed to be one source).
    let publishers: BTreeSet<String> =
        affirming.iter().map(|c| if c.publisher.is_empty() { format!("\u{1f}{}", c.work) } else { crate::fold(&c.publisher) }).collect();
    let documents: BTreeSet<i64> = claims.iter().map(|c| c.doc_seq).collect();
    let (support, denials) = (works.len() as u64, denying.len() as u64);
    // Denied by a work that does not also affirm it.
    let disputed = support > 0 && denying.iter().any(|w| !works.contains(w));
    let all_hedged = !affirming.is_empty() && affirming.iter().all(|c| c.hedged);
    let credibility = Credibility::of(support == 0, all_hedged, support, publishers.len() as u64, disputed);
    let mut figures: BTreeMap<(String, Option<String>), Vec<f64>> = BTreeMap::new();
    for c in &affirming {
        if let Some(q) = &c.quantity {
            figures.entry((q.unit.clone(), c.date.clone())).or_default().push(q.value);
        }
    }
    let figures = figure_ranges(figures);
    let first_seen = claims.iter().filter_map(|c| c.seen.clone()).min();
    let last_seen = claims.iter().filter_map(|c| c.seen.clone()).max();
    for c in claims.iter_mut() {
        c.reliability = grades.of(&c.publisher);
        c.credibility = Credibility::of(c.negated, c.hedged, support, publishers.len() as u64, disputed);
        c.confidence = confidence(c.reliability, c.credibility, c.extraction_confidence);
    }
    claims.sort_by(|a, b| (a.negated, b.confidence, a.doc_seq, a.start).cmp(&(b.negated, a.confidence, b.doc_seq, b.start)));
    let best = claims.iter().filter(|c| !c.negated || support == 0);
    Edge {
        symmetric: symmetric(&predicate),
        subject_name: String::new(),
        object_name: String::new(),
        support,
        documents: documents.len() as u64,
        claim_count: claims.len() as u64,
        denials,
        disputed,
        first_seen,
        last_seen,
        conflict: figures.iter().any(|f| f.conflict),
        figures,
        reliability: claims.iter().filter(|c| !c.negated).map(|c| c.reliability).min().unwrap_or(Reliability::F),
        credibility,
        confidence: best.map(|c| c.confidence).max().unwrap_or(0),
        subject,
        predicate,
        object,
    }
}

/// Figures grouped by (unit, date): each group's values kept, sorted, and checked for conflict.
pub(crate) fn figure_ranges(figures: BTreeMap<(String, Option<String>), Vec<f64>>) -> Vec<FigureRange> {
    figures
        .into_iter()
        .map(|((unit, date), mut values)| {
            values.sort_by(f64::total_cmp);
            values.dedup();
            let (min, max) = (values[0], values[values.len() - 1]);
            FigureRange { unit, date, min, max, conflict: max > min.abs() * (1.0 + CONFLICT_TOLERANCE) + f64::EPSILON, values }
        })
        .collect()
}

/// Is the ISO date prefix `date` on or after `since`? Compared to the precision of the less
/// precise of the two, so "2014" is on or after "2014-06" (it may be).
fn on_or_after(date: &str, since: &str) -> bool {
    let n = date.len().min(since.len());
    date[..n.min(date.len())] >= since[..n]
}

/// An ISO 8601 date prefix: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn check_date(s: &str) -> Result<()> {
    let ok = {
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
            [y, m, d] => {
                digits(y, 4)
                    && digits(m, 2)
                    && digits(d, 2)
                    && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                    && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
            }
            _ => false,
        }
    };
    if ok {
        Ok(())
    } else {
        Err(StoreError::BadQuery { query: s.to_owned(), message: "not a date; use YYYY, YYYY-MM or YYYY-MM-DD".into() })
    }
}

/// Display names of keys, looked up once each.
#[derive(Default)]
pub(crate) struct Names(HashMap<String, String>);

impl Names {
    pub(crate) fn get(&mut self, store: &Store, key: &str) -> Result<String> {
        if let Some(n) = self.0.get(key) {
            return Ok(n.clone());
        }
        let name = store.entity_name(key)?.unwrap_or_else(|| key.to_owned());
        self.0.insert(key.to_owned(), name.clone());
        Ok(name)
    }
}

/// Stored texts of documents, read once each, for quoting evidence.
#[derive(Default)]
pub(crate) struct Texts(HashMap<i64, String>);

impl Texts {
    pub(crate) fn quote(&mut self, store: &Store, seq: i64, start: usize, end: usize) -> Result<String> {
        let text = match self.0.entry(seq) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(store.conn.prepare_cached("SELECT text FROM documents WHERE seq = ?1")?.query_row([seq], |r| r.get(0))?)
            }
        };
        // A span outside the text would be corruption; it is quoted as nothing rather than wrong.
        Ok(text.get(start..end).map(|s| s.replace(['\n', '\t'], " ")).unwrap_or_default())
    }
}

/// The support graph: entities as nodes, one edge per (subject, predicate, object) with the
/// works affirming it. Undirected for paths (a connection is a connection), each edge keeping
/// its direction.
pub struct Graph {
    pub graph: UnGraph<String, GraphEdge>,
    index: HashMap<String, NodeIndex>,
    merges: Merges,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphEdge {
    pub predicate: String,
    /// Stored subject → object runs from the lower node index to the higher one.
    pub forward: bool,
    pub support: u64,
}

/// One hop of a path.
#[derive(Debug, Clone, Serialize)]
pub struct Hop {
    pub from: String,
    pub predicate: String,
    pub to: String,
    /// The claim reads from → to (false: to → from).
    pub forward: bool,
    pub support: u64,
}

/// A path between two entities.
#[derive(Debug, Clone, Serialize)]
pub struct GraphPath {
    /// Σ 1/support over its hops: a hop supported by n works costs 1/n.
    pub cost: f64,
    pub nodes: Vec<String>,
    pub hops: Vec<Hop>,
}

impl Graph {
    pub fn nodes(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edges(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn node(&self, key: &str) -> Option<NodeIndex> {
        self.index.get(self.merges.canonical(key)).copied()
    }

    /// The cheapest path from `a` to `b` by Σ 1/support (petgraph's A* with a zero heuristic,
    /// i.e. Dijkstra): well-corroborated links are short, a link one work states is long.
    pub fn path(&self, a: &str, b: &str) -> Option<GraphPath> {
        let (from, to) = (self.node(a)?, self.node(b)?);
        let (cost, nodes) = petgraph::algo::astar(&self.graph, from, |n| n == to, |e| 1.0 / e.weight().support.max(1) as f64, |_| 0.0)?;
        let mut hops = Vec::new();
        for w in nodes.windows(2) {
            // The cheapest of the parallel edges between the two.
            let e = self
                .graph
                .edges_connecting(w[0], w[1])
                .max_by(|x, y| x.weight().support.cmp(&y.weight().support).then(y.weight().predicate.cmp(&x.weight().predicate)))?;
            let g = e.weight();
            let stored_from_low = g.forward;
            let reads_forward = (w[0] < w[1]) == stored_from_low;
            hops.push(Hop {
                from: self.graph[w[0]].clone(),
                predicate: g.predicate.clone(),
                to: self.graph[w[1]].clone(),
                forward: reads_forward,
                support: g.support,
            });
        }
        Some(GraphPath { cost, nodes: nodes.iter().map(|&n| self.graph[n].clone()).collect(), hops })
    }
}

impl Store {
    /// The whole support graph (of one predicate, when given), from one scan of the covering
    /// claim index; denied claims support nothing. Linear in the number of claims.
    pub fn graph(&self, predicate: Option<&str>) -> Result<Graph> {
        let merges = self.merges()?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT subject, predicate, object, work_id FROM claims INDEXED BY claims_subject
             WHERE negated = 0 AND (?1 IS NULL OR predicate = ?1) AND {}",
            self.unless_rejected(LIVE)?
        ))?;
        // Interned: keys and works to numbers, edges to their distinct works.
        let mut keys: HashMap<String, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut works: HashMap<String, u32> = HashMap::new();
        let mut preds: Vec<String> = Vec::new();
        let mut support: HashMap<(u32, u16, u32), u64> = HashMap::new();
        let mut pairs: HashSet<(u32, u16, u32, u32)> = HashSet::new();
        let mut intern = |k: &str, keys: &mut HashMap<String, u32>| -> u32 {
            if let Some(&i) = keys.get(k) {
                return i;
            }
            names.push(k.to_owned());
            keys.insert(k.to_owned(), names.len() as u32 - 1);
            names.len() as u32 - 1
        };
        let mut rows = stmt.query([predicate])?;
        while let Some(r) = rows.next()? {
            let (s, p, o, w): (String, String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let (s, o) = if merges.is_empty() {
                (s, o)
            } else {
                let (cs, co) = (merges.canonical(&s), merges.canonical(&o));
                let (cs, co) = ordered(&p, cs, co);
                (cs.to_owned(), co.to_owned())
            };
            if s == o {
                continue;
            }
            let (si, oi) = (intern(&s, &mut keys), intern(&o, &mut keys));
            let pi = match preds.iter().position(|x| *x == p) {
                Some(i) => i as u16,
                None => {
                    preds.push(p);
                    preds.len() as u16 - 1
                }
            };
            let next = works.len() as u32;
            let wi = *works.entry(w).or_insert(next);
            if pairs.insert((si, pi, oi, wi)) {
                *support.entry((si, pi, oi)).or_default() += 1;
            }
        }
        drop(rows);
        drop(pairs);
        // Nodes in key order and edges sorted, so the same claims give the same graph (and paths).
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
        let mut graph: UnGraph<String, GraphEdge> = UnGraph::with_capacity(names.len(), support.len());
        let mut node = vec![NodeIndex::new(0); names.len()];
        let mut index = HashMap::with_capacity(names.len());
        for &i in &order {
            let n = graph.add_node(names[i as usize].clone());
            node[i as usize] = n;
            index.insert(names[i as usize].clone(), n);
        }
        let mut edges: Vec<((u32, u16, u32), u64)> = support.into_iter().collect();
        edges.sort_by_key(|&((s, p, o), _)| (node[s as usize], preds[p as usize].clone(), node[o as usize]));
        for ((s, p, o), n) in edges {
            let (a, b) = (node[s as usize], node[o as usize]);
            graph.add_edge(a, b, GraphEdge { predicate: preds[p as usize].clone(), forward: a < b, support: n });
        }
        Ok(Graph { graph, index, merges })
    }

    /// Edges reachable from `key` in at most `depth` hops (either direction), each with the hop
    /// at which it was reached and its best evidence; at most `max_nodes` entities are expanded.
    pub fn neighbors(&self, key: &str, depth: usize, predicate: Option<&str>, max_nodes: usize) -> Result<Vec<(usize, EdgeClaims)>> {
        let merges = self.merges()?;
        let start = merges.canonical(key).to_owned();
        let mut visited: HashSet<String> = HashSet::from([start.clone()]);
        let mut frontier = vec![start];
        let mut seen_edges: HashSet<(String, String, String)> = HashSet::new();
        let mut out = Vec::new();
        let mut expanded = 0;
        for hop in 1..=depth {
            let mut next = Vec::new();
            for k in frontier {
                if expanded >= max_nodes {
                    break;
                }
                expanded += 1;
                for e in self.edges_of(&k, predicate)? {
                    let id = (e.edge.subject.clone(), e.edge.predicate.clone(), e.edge.object.clone());
                    if !seen_edges.insert(id) {
                        continue;
                    }
                    for end in [&e.edge.subject, &e.edge.object] {
                        if visited.insert(end.clone()) {
                            next.push(end.clone());
                        }
                    }
                    out.push((hop, e));
                }
            }
            frontier = next;
        }
        Ok(out)
    }

    /// The display name of an entity key: its name in the document that mentions it first.
    pub fn entity_name(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self.conn.prepare_cached("SELECT name FROM doc_entities WHERE key = ?1 LIMIT 1")?.query_row([key], |r| r.get(0)).optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_compare_at_the_coarser_precision() {
        assert!(on_or_after("2015", "2014-06"));
        assert!(on_or_after("2014", "2014-06"));
        assert!(!on_or_after("2013-12", "2014"));
        assert!(on_or_after("2014-06-02", "2014-06-01"));
        assert!(check_date("2014-06").is_ok() && check_date("2014-13").is_err() && check_date("last year").is_err());
    }
}
