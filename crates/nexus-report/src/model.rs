//! The renderer's input: a plain view of what the report says, already chosen and ordered by
//! whoever builds it (the analysis adapter, a test, a JSON file). Every string may come from a
//! document and is treated as untrusted text.

use serde::{Deserialize, Serialize};

/// Everything a briefing shows. Statements cite [`Evidence`] by id; evidence names its
/// [`Document`]; documents name their work, so near-duplicate copies count as one source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportModel {
    pub title: String,
    /// Lines under the title: the focus, the period, the corpus.
    pub scope: Vec<String>,
    pub summary: Vec<Statement>,
    pub actors: Vec<Actor>,
    pub network: Network,
    pub routes: Vec<RouteLeg>,
    pub timeline: Vec<Event>,
    pub nexus: Vec<NexusRow>,
    pub supply_chains: Vec<SupplyChain>,
    /// What changed between periods.
    pub changes: Vec<Statement>,
    pub evidence: Vec<Evidence>,
    pub documents: Vec<Document>,
}

/// A sentence of the report with the evidence it rests on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Statement {
    pub text: String,
    /// Ids of [`Evidence`].
    pub cites: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Actor {
    pub name: String,
    /// Entity type: `criminal_org`, `armed_group`, `state_actor`, `person`, …
    pub kind: String,
    pub country: Option<String>,
    /// Shown as columns in order of first appearance across actors.
    pub metrics: Vec<Metric>,
    pub community: Option<u32>,
    pub cites: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metric {
    pub name: String,
    pub value: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Network {
    pub nodes: Vec<NetNode>,
    pub edges: Vec<NetEdge>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetNode {
    pub id: String,
    pub label: String,
    pub kind: String,
    /// Sizes the node and decides which nodes are drawn when there are too many.
    pub weight: f64,
    pub community: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetEdge {
    pub source: String,
    pub target: String,
    pub label: String,
    /// Support in works; sets the stroke width.
    pub weight: f64,
}

/// A point on the map. Without coordinates it is listed, not drawn.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    pub name: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2 of the country, shaded on the map.
    pub country: Option<String>,
}

/// One leg of a route: goods moving from one place to another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteLeg {
    pub from: Place,
    pub to: Place,
    pub commodity: Option<String>,
    /// The figure as the sources give it ("7.2 t", "2,000 kg in 2022").
    pub volume: Option<String>,
    /// Sets the arc's width: a volume or the support in works, whichever the builder chose.
    pub weight: f64,
    /// Independent works that state the leg.
    pub support: u32,
    pub cites: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    /// ISO 8601 prefix: `2021`, `2021-03`, `2021-03-14`.
    pub date: String,
    /// `seizure`, `arrest`, `attack`, …: one lane of the chart each.
    pub kind: String,
    pub text: String,
    pub cites: Vec<String>,
}

/// A link between crime and terrorism: an armed group and a criminal actor or activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NexusRow {
    pub armed_group: String,
    pub relation: String,
    pub counterpart: String,
    pub place: Option<String>,
    pub period: Option<String>,
    pub support: u32,
    pub cites: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupplyChain {
    pub title: String,
    pub steps: Vec<Statement>,
}

/// A sentence of a document that supports statements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub id: String,
    /// Id of a [`Document`].
    pub doc: String,
    pub sentence: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    /// URL or path, shown as text and never linked.
    pub location: Option<String>,
    pub date: Option<String>,
    /// Near-duplicates share a work; a work is one source.
    pub work: String,
}
