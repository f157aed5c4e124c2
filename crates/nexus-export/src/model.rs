//! The snapshot every format is written from: the edges the store aggregates from claims, the
//! entities at their ends with what the knowledge base knows of them (country, coordinates), and
//! the documents the claims cite.

use crate::Result;
use nexus_kb::{EntityType, KnowledgeBase};
use nexus_store::{ClaimFilter, DocCitation, EdgeClaims, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What to export.
#[derive(Debug, Clone)]
pub struct Options {
    /// Only edges that at least this many works affirm (0 includes edges every source denies).
    pub min_sources: u64,
    /// Only this predicate.
    pub predicate: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options { min_sources: 1, predicate: None }
    }
}

/// One entity at an end of an exported edge.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// The store's key (as merges read it): the knowledge-base id or `type:folded name`.
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    /// The knowledge base's kind ("port", "FARC dissident group", …).
    pub kind: Option<String>,
    pub in_kb: bool,
    pub unnamed: bool,
    pub wikidata: Option<String>,
    /// ISO 3166-1 alpha-2: a country's own code, else the knowledge base's home country.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub documents: u64,
    pub mentions: u64,
    /// Distinct works whose claims affirm one of its exported edges.
    pub support: u64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// Everything an export writes, in a deterministic order.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// By key.
    pub nodes: Vec<Node>,
    /// By (subject, predicate, object); each edge's claims by (document, offset, id).
    pub edges: Vec<EdgeClaims>,
    /// Places the claims' qualifiers name that are no edge's end, by key.
    pub places: Vec<Node>,
    /// The documents the claims cite, by id.
    pub documents: Vec<DocCitation>,
    /// Country names by ISO 3166-1 alpha-2, for the countries the nodes and places name.
    pub countries: BTreeMap<String, String>,
}

impl Snapshot {
    /// Read the edges `opts` selects, every claim of each, and the entities and documents they
    /// name.
    pub fn read(store: &Store, kb: &KnowledgeBase, opts: &Options) -> Result<Snapshot> {
        let filter = ClaimFilter { min_sources: opts.min_sources, predicate: opts.predicate.clone(), ..Default::default() };
        let mut edges = store.claims(&filter)?;
        edges.sort_by(|a, b| {
            (&a.edge.subject, &a.edge.predicate, &a.edge.object).cmp(&(&b.edge.subject, &b.edge.predicate, &b.edge.object))
        });
        for e in &mut edges {
            e.claims.sort_by(|a, b| (&a.doc, a.start, &a.id).cmp(&(&b.doc, b.start, &b.id)));
        }
        // Per entity: the works affirming its edges, the dates its claims were seen, a fallback name.
        #[derive(Default)]
        struct Acc<'a> {
            works: BTreeSet<&'a str>,
            seen: BTreeSet<&'a str>,
            name: &'a str,
        }
        let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
        let mut cited: BTreeSet<&str> = BTreeSet::new();
        for e in &edges {
            for (key, name) in [(&e.edge.subject, &e.edge.subject_name), (&e.edge.object, &e.edge.object_name)] {
                let a = acc.entry(key.as_str()).or_default();
                a.name = name;
                for c in &e.claims {
                    if !c.negated {
                        a.works.insert(&c.work);
                    }
                    if let Some(s) = &c.seen {
                        a.seen.insert(s);
                    }
                }
            }
            cited.extend(e.claims.iter().map(|c| c.doc.as_str()));
        }
        let mut nodes = Vec::with_capacity(acc.len());
        for (key, a) in &acc {
            nodes.push(node(store, kb, key, a.name, a.works.len() as u64, &a.seen)?);
        }
        let qualified: BTreeSet<&str> =
            edges.iter().flat_map(|e| &e.claims).filter_map(|c| c.qualifiers.get("place").and_then(|p| p.as_str())).collect();
        let mut places = Vec::new();
        for key in qualified.into_iter().filter(|k| !acc.contains_key(k)) {
            places.push(node(store, kb, key, key, 0, &BTreeSet::new())?);
        }
        let countries = nodes
            .iter()
            .chain(&places)
            .filter_map(|n| n.country.as_deref())
            .filter_map(|c| {
                kb.get(&c.to_ascii_lowercase()).filter(|e| e.entity_type == EntityType::Country).map(|e| (c.to_owned(), e.name.clone()))
            })
            .collect();
        let documents = store.doc_citations()?.into_iter().filter(|d| cited.contains(d.id.as_str())).collect();
        Ok(Snapshot { nodes, edges, places, documents, countries })
    }

    pub fn node(&self, key: &str) -> Option<&Node> {
        self.nodes.binary_search_by(|n| n.key.as_str().cmp(key)).ok().map(|i| &self.nodes[i])
    }

    /// A node, or a place a qualifier names.
    pub fn place(&self, key: &str) -> Option<&Node> {
        self.node(key).or_else(|| self.places.binary_search_by(|n| n.key.as_str().cmp(key)).ok().map(|i| &self.places[i]))
    }

    pub fn country_name(&self, iso2: &str) -> Option<&str> {
        self.countries.get(iso2).map(String::as_str)
    }
}

fn node(store: &Store, kb: &KnowledgeBase, key: &str, fallback: &str, support: u64, seen: &BTreeSet<&str>) -> Result<Node> {
    let summary = store.entity(key)?;
    let entry = kb.get(key);
    let entity_type = match (&summary, entry) {
        (Some(s), _) => s.entity_type.clone(),
        (None, Some(e)) => e.entity_type.as_str().to_owned(),
        // A learned entity's key is `type:folded name`.
        (None, None) => key.split_once(':').map_or("unknown", |(t, _)| t).to_owned(),
    };
    let country = entry.and_then(|e| match e.entity_type {
        EntityType::Country => e.iso2.clone().or_else(|| Some(e.id.to_ascii_uppercase())),
        _ => e.country.clone().filter(|c| c != "XX"),
    });
    let coordinates = entry.and_then(|e| e.lat.zip(e.lon));
    Ok(Node {
        key: key.to_owned(),
        name: summary.as_ref().map_or_else(|| entry.map_or(fallback, |e| e.name.as_str()).to_owned(), |s| s.name.clone()),
        entity_type,
        kind: entry.and_then(|e| e.kind.clone()),
        in_kb: entry.is_some(),
        unnamed: summary.as_ref().is_some_and(|s| s.unnamed),
        wikidata: entry.and_then(|e| e.wikidata.clone()),
        country,
        lat: coordinates.map(|c| c.0),
        lon: coordinates.map(|c| c.1),
        documents: summary.as_ref().map_or(0, |s| s.documents),
        mentions: summary.as_ref().map_or(0, |s| s.mentions),
        support,
        first_seen: seen.first().map(|s| s.to_string()),
        last_seen: seen.last().map(|s| s.to_string()),
    })
}

/// Figures of an edge on one line: "500000–900000 kg/yr (2014, conflict); 12 count".
pub(crate) fn figures(e: &nexus_store::Edge) -> String {
    e.figures
        .iter()
        .map(|f| {
            let mut s = if f.min == f.max { format!("{} {}", f.min, f.unit) } else { format!("{}–{} {}", f.min, f.max, f.unit) };
            let notes: Vec<&str> = f.date.iter().map(String::as_str).chain(f.conflict.then_some("conflict")).collect();
            if !notes.is_empty() {
                s.push_str(&format!(" ({})", notes.join(", ")));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The documents of an edge's claims, each once, in order.
pub(crate) fn edge_docs(e: &EdgeClaims) -> Vec<&str> {
    let set: BTreeSet<&str> = e.claims.iter().map(|c| c.doc.as_str()).collect();
    set.into_iter().collect()
}

/// The evidence an edge is best known by: its best affirming claim's sentence (the store sorts
/// claims best first before the snapshot re-sorts them, so this chooses again).
pub(crate) fn best_evidence(e: &EdgeClaims) -> &str {
    e.claims
        .iter()
        .filter(|c| !c.negated || e.edge.support == 0)
        .max_by(|a, b| a.confidence.cmp(&b.confidence).then_with(|| b.doc.cmp(&a.doc)).then_with(|| b.start.cmp(&a.start)))
        .map_or("", |c| c.evidence.as_str())
}
