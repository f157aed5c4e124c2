//! The briefing's model from an [`Analysis`]: every sentence here is built from the analysis'
//! links and cites their claims; nothing is written that the store does not support.
//! Coordinates of places come from the knowledge base (the analysis names places by key).

use crate::model::{
    Actor, Document, Event, Evidence, Metric, NetEdge, NetNode, Network, NexusRow, Place, ReportModel, RouteLeg, Statement, SupplyChain,
};
use nexus_analysis::{Analysis, EntityRef, Link};
use nexus_kb::KnowledgeBase;
use nexus_store::EdgeClaims;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// How many rows each section lists: a briefing, not a dump.
const ACTORS: usize = 15;
const LEGS: usize = 40;
const NEXUS_ROWS: usize = 40;
const CHANGES: usize = 12;
const SUMMARY_LEGS: usize = 3;

/// The phrase for a predicate (`data/report/predicates.tsv`), or the predicate itself.
fn phrase(predicate: &str) -> String {
    static PHRASES: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        include_str!("../../../data/report/predicates.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    phrases.get(predicate).map_or_else(|| predicate.replace('_', " "), |p| (*p).to_owned())
}

/// Collects the evidence every statement cites, once per claim.
#[derive(Default)]
struct Cites {
    evidence: BTreeMap<String, Evidence>,
}

impl Cites {
    fn of_edge(&mut self, e: &EdgeClaims) -> Vec<String> {
        e.claims
            .iter()
            .map(|c| {
                self.evidence.entry(c.id.clone()).or_insert_with(|| Evidence {
                    id: c.id.clone(),
                    doc: c.doc.clone(),
                    sentence: c.evidence.clone(),
                });
                c.id.clone()
            })
            .collect()
    }

    fn of(&mut self, link: &Link) -> Vec<String> {
        link.citations
            .iter()
            .map(|c| {
                self.evidence.entry(c.claim.clone()).or_insert_with(|| Evidence {
                    id: c.claim.clone(),
                    doc: c.document.clone(),
                    sentence: c.evidence.clone(),
                });
                c.claim.clone()
            })
            .collect()
    }
}

fn sentence(l: &Link) -> String {
    let mut s = format!("{} {} {}", l.subject.name, phrase(&l.predicate), l.object.name);
    if l.hedged {
        s.push_str(" (reported, not established)");
    }
    if l.denials > 0 {
        s.push_str(&format!(" (denied in {} work{})", l.denials, plural(l.denials)));
    }
    s
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn support(l: &Link) -> String {
    format!("{} independent work{}", l.support, plural(l.support))
}

fn volume(l: &Link) -> Option<String> {
    let f = l.figures.first()?;
    let value = if f.min == f.max { trim(f.max) } else { format!("{}–{}", trim(f.min), trim(f.max)) };
    let conflict = if f.conflict { ", sources disagree" } else { "" };
    Some(match &f.date {
        Some(d) => format!("{value} {} ({d}{conflict})", f.unit),
        None => format!("{value} {}{}", f.unit, if conflict.is_empty() { String::new() } else { format!(" ({})", &conflict[2..]) }),
    })
}

fn trim(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v:.2}") }
}

fn place(kb: &KnowledgeBase, e: &EntityRef) -> Place {
    let entry = kb.get(&e.key);
    Place {
        name: e.name.clone(),
        lat: entry.and_then(|x| x.lat),
        lon: entry.and_then(|x| x.lon),
        country: e.country.clone().or_else(|| entry.and_then(|x| x.country.clone())),
    }
}

/// The end of `l` that is not `e`: symmetric links store their ends in key order, so an armed
/// group may be either.
fn other_end<'a>(l: &'a Link, e: &EntityRef) -> &'a EntityRef {
    if l.subject.key == e.key { &l.object } else { &l.subject }
}

/// The type of an entity key: the knowledge base's for its ids, else the `type:` prefix the
/// store gives names learned from documents.
fn key_type(kb: &KnowledgeBase, key: &str) -> String {
    kb.get(key).map(|e| e.entity_type.as_str().to_owned()).or_else(|| key.split_once(':').map(|(t, _)| t.to_owned())).unwrap_or_default()
}

/// Organizations' ties stated in the corpus, for the summary: who operates where and with or
/// against whom.
const ORG_PREDICATES: [&str; 3] = ["operates_in", "cooperates_with", "conflicts_with"];
const ORG_TYPES: [&str; 2] = ["criminal_org", "armed_group"];
const ORG_TIES: usize = 8;

/// The report for `a`; `edges` are the store's best-supported edges in the same scope (the
/// network figure draws them, the summary names organizations' ties from them); `title`
/// overrides the default ("Briefing", or "Briefing: FOCUS").
pub fn model_from(a: &Analysis, kb: &KnowledgeBase, edges: &[EdgeClaims], title: Option<&str>) -> ReportModel {
    let mut cites = Cites::default();
    let focus = a.scope.focus.as_ref().map(|f| f.name.clone());
    let title = title.map(str::to_owned).unwrap_or_else(|| match &focus {
        Some(f) => format!("Briefing: {f}"),
        None => "Briefing".to_owned(),
    });
    let mut scope = vec![format!(
        "{} documents ({} independent work{}); {} claims; {} relations between {} entities.",
        a.summary.documents,
        a.summary.works,
        plural(a.summary.works),
        a.summary.claims,
        a.summary.edges,
        a.summary.entities
    )];
    if let Some(f) = &focus {
        scope.push(format!("Focus: {f}, within {} steps.", a.scope.focus_depth));
    }
    match (&a.scope.since, &a.scope.until) {
        (None, None) => {}
        (s, u) => scope.push(format!("Period: {} to {}.", s.as_deref().unwrap_or("the start"), u.as_deref().unwrap_or("the end"))),
    }
    if let (Some(f), Some(l)) = (&a.summary.first_seen, &a.summary.last_seen) {
        scope.push(format!("Statements dated {f} to {l}."));
    }

    let mut summary = Vec::new();
    let top: Vec<&str> = a.actors.iter().take(5).map(|x| x.entity.name.as_str()).collect();
    if !top.is_empty() {
        summary.push(Statement { text: format!("The most central actors and places: {}.", top.join(", ")), cites: Vec::new() });
    }
    for chain in a.supply_chains.iter().filter(|c| !c.legs.is_empty()).take(2) {
        let markets: Vec<&str> = chain.markets.iter().take(4).map(|m| m.place.name.as_str()).collect();
        let mut legs: Vec<&nexus_analysis::Leg> = chain.legs.iter().collect();
        legs.sort_by_key(|l| std::cmp::Reverse(l.link.support));
        let routes: Vec<String> = legs.iter().take(SUMMARY_LEGS).map(|l| format!("{} to {}", l.origin.name, l.destination.name)).collect();
        let cited: Vec<String> = legs.iter().take(SUMMARY_LEGS).flat_map(|l| cites.of(&l.link)).collect();
        let mut text = format!("{}: {} routes reported", chain.commodity.name, chain.legs.len());
        if !routes.is_empty() {
            text.push_str(&format!(", the best supported {}", routes.join("; ")));
        }
        if !markets.is_empty() {
            text.push_str(&format!("; main markets {}", markets.join(", ")));
        }
        text.push('.');
        summary.push(Statement { text, cites: cited });
    }
    for g in a.nexus.armed_groups.iter().take(2) {
        let economies: Vec<String> =
            g.economies.iter().take(3).map(|l| format!("{} {}", phrase(&l.predicate), other_end(l, &g.group).name)).collect();
        let places: Vec<&str> = g.places.iter().take(3).map(|l| l.object.name.as_str()).collect();
        if economies.is_empty() && places.is_empty() {
            continue;
        }
        let mut text = g.group.name.clone();
        if !economies.is_empty() {
            text.push_str(&format!(" {}", economies.join(", ")));
        }
        if !places.is_empty() {
            text.push_str(&format!("{} in {}", if economies.is_empty() { " operates" } else { ";" }, places.join(", ")));
        }
        text.push_str(&format!(" (nexus score {}).", g.score));
        let cited = g.economies.iter().take(3).chain(g.places.iter().take(3)).flat_map(|l| cites.of(l)).collect();
        summary.push(Statement { text, cites: cited });
    }

    let ties: Vec<&EdgeClaims> = edges
        .iter()
        .filter(|e| ORG_PREDICATES.contains(&e.edge.predicate.as_str()) && ORG_TYPES.contains(&key_type(kb, &e.edge.subject).as_str()))
        .take(ORG_TIES)
        .collect();
    if !ties.is_empty() {
        let text: Vec<String> =
            ties.iter().map(|e| format!("{} {} {}", e.edge.subject_name, phrase(&e.edge.predicate), e.edge.object_name)).collect();
        let cited = ties.iter().flat_map(|e| cites.of_edge(e)).collect();
        summary.push(Statement { text: format!("Organizations: {}.", text.join("; ")), cites: cited });
    }

    let actors = a
        .actors
        .iter()
        .take(ACTORS)
        .map(|x| Actor {
            name: x.entity.name.clone(),
            kind: x.entity.entity_type.clone(),
            country: x.entity.country.clone(),
            metrics: [("degree", Some(x.degree as f64)), ("betweenness", x.betweenness), ("eigenvector", Some(x.eigenvector))]
                .into_iter()
                .filter_map(|(n, v)| v.map(|value| Metric { name: n.to_owned(), value }))
                .collect(),
            community: x.community,
            cites: edges
                .iter()
                .filter(|e| e.edge.subject == x.entity.key || e.edge.object == x.entity.key)
                .take(2)
                .flat_map(|e| cites.of_edge(e))
                .collect(),
        })
        .collect();

    // Every link the analysis cites, once: the network figure's edges.
    let mut links: BTreeMap<(String, String, String), &Link> = BTreeMap::new();
    let all = a
        .supply_chains
        .iter()
        .flat_map(|c| c.production.iter().chain(&c.exports).chain(c.legs.iter().map(|l| &l.link)).chain(&c.traffickers).chain(&c.seizures))
        .chain(a.nexus.armed_groups.iter().flat_map(|g| g.economies.iter().chain(&g.places).chain(g.copresent.iter().map(|c| &c.link))))
        .chain(a.nexus.places.iter().flat_map(|p| p.armed_groups.iter().chain(&p.criminal_orgs).chain(&p.activities)))
        .chain(a.timeline.iter().map(|t| &t.link));
    for l in all {
        links.entry((l.subject.key.clone(), l.predicate.clone(), l.object.key.clone())).or_insert(l);
    }
    let weight: BTreeMap<&str, f64> = a.actors.iter().map(|x| (x.entity.key.as_str(), x.eigenvector.max(0.01))).collect();
    let community: BTreeMap<&str, Option<u32>> = a.actors.iter().map(|x| (x.entity.key.as_str(), x.community)).collect();
    let mut nodes: BTreeMap<String, NetNode> = BTreeMap::new();
    let mut edges_out = Vec::new();
    for e in edges {
        for (key, name) in [(&e.edge.subject, &e.edge.subject_name), (&e.edge.object, &e.edge.object_name)] {
            nodes.entry(key.clone()).or_insert_with(|| NetNode {
                id: key.clone(),
                label: name.clone(),
                kind: key_type(kb, key),
                weight: weight.get(key.as_str()).copied().unwrap_or(0.01),
                community: community.get(key.as_str()).copied().flatten(),
            });
        }
        if !links.contains_key(&(e.edge.subject.clone(), e.edge.predicate.clone(), e.edge.object.clone())) {
            edges_out.push(NetEdge {
                source: e.edge.subject.clone(),
                target: e.edge.object.clone(),
                label: phrase(&e.edge.predicate),
                weight: e.edge.support as f64,
            });
        }
    }
    for l in links.values() {
        for e in [&l.subject, &l.object] {
            nodes.entry(e.key.clone()).or_insert_with(|| NetNode {
                id: e.key.clone(),
                label: e.name.clone(),
                kind: e.entity_type.clone(),
                weight: weight.get(e.key.as_str()).copied().unwrap_or(0.01),
                community: community.get(e.key.as_str()).copied().flatten(),
            });
        }
        edges_out.push(NetEdge {
            source: l.subject.key.clone(),
            target: l.object.key.clone(),
            label: phrase(&l.predicate),
            weight: l.support as f64,
        });
    }

    let mut routes = Vec::new();
    let mut chains = Vec::new();
    for chain in &a.supply_chains {
        let mut steps = Vec::new();
        for l in chain.production.iter().chain(&chain.exports) {
            let mut text = sentence(l);
            if let Some(v) = volume(l) {
                text.push_str(&format!(", {v}"));
            }
            steps.push(Statement { text: format!("{text} — {}.", support(l)), cites: cites.of(l) });
        }
        for leg in chain.legs.iter().take(LEGS) {
            let l = &leg.link;
            let c = cites.of(l);
            let mut text = format!("{} to {}", leg.origin.name, leg.destination.name);
            if !leg.via.is_empty() {
                text.push_str(&format!(" via {}", leg.via.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", ")));
            }
            if let Some(v) = volume(l) {
                text.push_str(&format!(", {v}"));
            }
            if !leg.methods.is_empty() {
                text.push_str(&format!(", {}", leg.methods.join("; ")));
            }
            let orgs: BTreeSet<&str> = leg.organizations.iter().map(|o| o.organization.name.as_str()).collect();
            if !orgs.is_empty() {
                text.push_str(&format!("; tied to {}", orgs.into_iter().collect::<Vec<_>>().join(", ")));
            }
            steps.push(Statement { text: format!("{text} — {}.", support(l)), cites: c.clone() });
            routes.push(RouteLeg {
                from: place(kb, &leg.origin),
                to: place(kb, &leg.destination),
                commodity: Some(chain.commodity.name.clone()),
                volume: volume(l),
                weight: l.support as f64,
                support: u32::try_from(l.support).unwrap_or(u32::MAX),
                cites: c,
            });
        }
        if !chain.markets.is_empty() {
            let ranked: Vec<String> = chain.markets.iter().take(8).map(|m| format!("{}. {}", m.rank, m.place.name)).collect();
            steps.push(Statement { text: format!("Markets, by routes and support: {}.", ranked.join(", ")), cites: Vec::new() });
        }
        for l in chain.traffickers.iter().chain(&chain.seizures) {
            let mut text = sentence(l);
            if let Some(v) = volume(l) {
                text.push_str(&format!(", {v}"));
            }
            steps.push(Statement { text: format!("{text} — {}.", support(l)), cites: cites.of(l) });
        }
        chains.push(SupplyChain { title: chain.commodity.name.clone(), steps });
    }

    let mut nexus = Vec::new();
    for g in &a.nexus.armed_groups {
        let place = g.places.first().map(|l| l.object.name.clone());
        for l in g.economies.iter().chain(&g.places) {
            nexus.push(NexusRow {
                armed_group: g.group.name.clone(),
                relation: phrase(&l.predicate),
                counterpart: other_end(l, &g.group).name.clone(),
                place: if l.predicate == "operates_in" { None } else { place.clone() },
                period: l.first_seen.as_ref().map(|f| format!("since {f}")),
                support: u32::try_from(l.support).unwrap_or(u32::MAX),
                cites: cites.of(l),
            });
        }
        for c in &g.copresent {
            nexus.push(NexusRow {
                armed_group: g.group.name.clone(),
                relation: "shares ground with".to_owned(),
                counterpart: c.organization.name.clone(),
                place: Some(c.place.name.clone()),
                period: c.link.first_seen.as_ref().map(|f| format!("since {f}")),
                support: u32::try_from(c.link.support).unwrap_or(u32::MAX),
                cites: cites.of(&c.link),
            });
        }
    }
    nexus.truncate(NEXUS_ROWS);

    let timeline = a
        .timeline
        .iter()
        .map(|t| Event { date: t.date.clone(), kind: t.link.predicate.clone(), text: sentence(&t.link), cites: cites.of(&t.link) })
        .collect();

    let mut changes = Vec::new();
    if let Some(ch) = &a.changes {
        let split = ch.after.from.as_deref().unwrap_or("the split");
        for (label, by_predicate) in
            [(format!("New since {split}"), &ch.new_edges), (format!("Not reported since {split}"), &ch.vanished_edges)]
        {
            for l in by_predicate.values().flatten().take(CHANGES) {
                changes.push(Statement { text: format!("{label}: {}.", sentence(l)), cites: cites.of(l) });
            }
        }
    }

    let cited_docs: BTreeSet<String> = cites.evidence.values().map(|e| e.doc.clone()).collect();
    let documents = a
        .documents
        .iter()
        .filter(|d| cited_docs.contains(&d.id))
        .map(|d| Document {
            id: d.id.clone(),
            title: d.title.clone().unwrap_or_else(|| d.source.clone()),
            publisher: (!d.publisher.is_empty()).then(|| d.publisher.clone()),
            location: Some(d.source.clone()),
            date: d.published.clone(),
            work: d.work.clone(),
        })
        .collect();

    ReportModel {
        title,
        scope,
        summary,
        actors,
        network: Network { nodes: nodes.into_values().collect(), edges: edges_out },
        routes,
        timeline,
        nexus,
        supply_chains: chains,
        changes,
        evidence: cites.evidence.into_values().collect(),
        documents,
    }
}
