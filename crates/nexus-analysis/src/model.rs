//! The output of [`crate::analyze`]: plain data, serde-serializable, every statement carrying the
//! claims it rests on. Field names are stable: the report (`nexus-report`) and `nexus analyze
//! --json` read them. Lists are sorted deterministically (the same store and options give the
//! same analysis, byte for byte as JSON).

use nexus_store::DocCitation;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything the analysis found.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The options as applied (the focus resolved to its key, the split date chosen).
    pub scope: Scope,
    pub summary: Summary,
    /// Entities ranked by eigenvector centrality, then degree (at most `Options::limit`).
    pub actors: Vec<Actor>,
    /// Communities (Leiden, modularity), largest first (at most `Options::limit`).
    pub communities: Vec<Community>,
    /// Degree and eigenvector centrality per time window (claims seen in the window).
    pub windows: Vec<WindowMetrics>,
    /// One per commodity with a flow, most supported first.
    pub supply_chains: Vec<SupplyChain>,
    pub nexus: Nexus,
    /// Dated claims (their own date qualifier), grouped into events, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// What changed between the periods before and after `scope.split` (none without dates).
    pub changes: Option<Changes>,
    /// Every document a citation names, by id: what a footnote prints.
    pub documents: Vec<DocCitation>,
}

/// The options as applied.
#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    pub focus: Option<EntityRef>,
    pub focus_depth: usize,
    pub since: Option<String>,
    pub until: Option<String>,
    pub min_sources: u64,
    /// Periods compared in `changes`: before this date, and on or after it.
    pub split: Option<String>,
    pub window_years: Option<u32>,
}

/// Counts over what the scope keeps.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Claims in scope (affirming and denying).
    pub claims: u64,
    /// Edges (subject, predicate, object) with at least `min_sources` affirming works.
    pub edges: u64,
    pub entities: u64,
    pub documents: u64,
    /// Distinct works (near-duplicate groups) behind those claims.
    pub works: u64,
    pub entities_by_type: BTreeMap<String, u64>,
    pub edges_by_predicate: BTreeMap<String, u64>,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// Modularity of the community partition (Leiden), when there is one.
    pub modularity: Option<f64>,
    /// `exact`, or `top N by weighted degree` when the graph was too large for exact
    /// betweenness over every node (see ARCHITECTURE.md).
    pub betweenness: String,
}

/// An entity as a statement names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    /// The store's key (as merges read it): the knowledge-base id or `type:folded name`.
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    /// ISO 3166-1 alpha-2: a country's own, else the knowledge base's home country.
    pub country: Option<String>,
}

/// One claim a statement rests on: where in which document it is said.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// The claim id (`nexus claims` shows it).
    pub claim: String,
    /// The document id (see `Analysis::documents`).
    pub document: String,
    /// The work (near-duplicate group) the document belongs to: works count once.
    pub work: String,
    /// The evidence sentence's UTF-8 byte span in the stored text, and the sentence.
    pub start: usize,
    pub end: usize,
    pub evidence: String,
    pub hedged: bool,
    pub negated: bool,
    /// The claim's date, else its document's.
    pub seen: Option<String>,
}

/// Stated figures in one unit for one date: every value kept, never averaged.
#[derive(Debug, Clone, Serialize)]
pub struct FigureStat {
    pub unit: String,
    pub date: Option<String>,
    pub min: f64,
    pub max: f64,
    pub values: Vec<f64>,
    /// Bounds stated (`exact`, `at_least`, `at_most`, `approx`), each once.
    pub bounds: Vec<String>,
    /// The values differ by more than the store's tolerance (10%).
    pub conflict: bool,
}

/// A statement: claims of one (subject, predicate, object) aggregated, with their sources.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub subject: EntityRef,
    pub predicate: String,
    pub object: EntityRef,
    /// Distinct works whose claims affirm it (two copies of one article are one).
    pub support: u64,
    pub documents: u64,
    /// Every affirming claim is hedged (estimated, alleged, reported).
    pub hedged: bool,
    /// Works that deny it.
    pub denials: u64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub figures: Vec<FigureStat>,
    /// The claims cited, one per work first, most confident first (at most
    /// `Options::max_citations`).
    pub citations: Vec<Citation>,
}

/// An entity's place in the network.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    #[serde(flatten)]
    pub entity: EntityRef,
    /// 1-based rank in this list.
    pub rank: u32,
    /// Distinct neighbours.
    pub degree: u64,
    /// Σ support over its edges.
    pub weighted_degree: u64,
    /// Normalized betweenness (shortest paths in hops); `None` outside the nodes it was
    /// computed for (see `Summary::betweenness`).
    pub betweenness: Option<f64>,
    /// Eigenvector centrality, edges weighted by support (largest 1 in each run).
    pub eigenvector: f64,
    pub community: Option<u32>,
    /// Participation coefficient 1 − Σ_c (k_c / k)² over its neighbours' communities: 0 when all
    /// its ties are in one community.
    pub participation: f64,
    /// Neighbours in at least two communities other than its own, participation ≥ 0.5.
    pub community_broker: bool,
    /// Neighbours of which are criminal organizations, and armed groups.
    pub criminal_neighbors: u64,
    pub armed_neighbors: u64,
    /// Tied both to a criminal organization and to an armed group (other than itself).
    pub crime_terror_broker: bool,
}

/// A community of the support graph.
#[derive(Debug, Clone, Serialize)]
pub struct Community {
    pub id: u32,
    pub size: u64,
    pub by_type: BTreeMap<String, u64>,
    /// Its most central members (eigenvector), at most 10.
    pub members: Vec<EntityRef>,
}

/// Centrality within one time window.
#[derive(Debug, Clone, Serialize)]
pub struct WindowMetrics {
    /// First and last year of the window, inclusive.
    pub from: String,
    pub to: String,
    pub claims: u64,
    pub edges: u64,
    pub entities: u64,
    /// The most central entities in the window, at most 10.
    pub top: Vec<WindowActor>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WindowActor {
    #[serde(flatten)]
    pub entity: EntityRef,
    pub degree: u64,
    pub eigenvector: f64,
}

/// The role of a place in a commodity's chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Produces (grows, produces or processes) the commodity.
    Production,
    /// Exports it, or a flow of it leaves from here.
    Export,
    /// A port or airport a flow leaves from or passes through.
    Port,
    /// A flow passes through it (named as via, or it both receives and sends).
    Transit,
    /// A flow ends here.
    Market,
    /// The commodity was seized here.
    Seizure,
}

/// How a leg was tied to its commodity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommodityBasis {
    /// The claim names the commodity (its `commodity` qualifier).
    Stated,
    /// The claim names none; its origin exports the commodity (an `exports` claim).
    OriginExports,
    /// The claim names none; its origin produces or traffics the commodity.
    OriginProduces,
}

/// An organization tied to a leg, and how.
#[derive(Debug, Clone, Serialize)]
pub struct OrgTie {
    pub organization: EntityRef,
    /// The end of the leg (or the country of that end) it is tied at.
    pub at: EntityRef,
    /// The claims that tie it: `operates_in` the end, `traffics` the commodity.
    pub links: Vec<Link>,
}

/// One leg of a flow: origin → destination for a commodity.
#[derive(Debug, Clone, Serialize)]
pub struct Leg {
    pub origin: EntityRef,
    pub destination: EntityRef,
    pub origin_roles: Vec<Role>,
    pub destination_roles: Vec<Role>,
    /// Places the claims say the flow passes through.
    pub via: Vec<EntityRef>,
    /// Methods stated ("concealed in blocks of coal").
    pub methods: Vec<String>,
    pub basis: CommodityBasis,
    /// The `ships_to` claims of this commodity (or none stated), aggregated.
    pub link: Link,
    pub organizations: Vec<OrgTie>,
}

/// A destination ranked by what flows into it.
#[derive(Debug, Clone, Serialize)]
pub struct Market {
    pub place: EntityRef,
    pub rank: u32,
    /// Legs ending here, and Σ their support.
    pub legs: u64,
    pub support: u64,
    /// Σ of the largest stated figure of each leg, per unit.
    pub stated_volume: BTreeMap<String, f64>,
}

/// A place and its roles in a chain.
#[derive(Debug, Clone, Serialize)]
pub struct ChainNode {
    pub place: EntityRef,
    pub roles: Vec<Role>,
}

/// One commodity's flows, from where it is produced to where it is sold.
#[derive(Debug, Clone, Serialize)]
pub struct SupplyChain {
    pub commodity: EntityRef,
    /// Σ support over its legs, production, exports and seizures: how the chains are ordered.
    pub support: u64,
    /// Every place in the chain with its roles.
    pub nodes: Vec<ChainNode>,
    /// `produces` statements (with rank and figures).
    pub production: Vec<Link>,
    /// `exports` statements (with stated volumes; no destination named).
    pub exports: Vec<Link>,
    /// Legs, most supported first (at most `Options::limit`).
    pub legs: Vec<Leg>,
    /// Destinations ranked by inflow.
    pub markets: Vec<Market>,
    /// `traffics` statements: who moves it.
    pub traffickers: Vec<Link>,
    /// `seized` statements.
    pub seizures: Vec<Link>,
}

/// The crime–terror nexus.
#[derive(Debug, Clone, Serialize)]
pub struct Nexus {
    /// Highest score first.
    pub armed_groups: Vec<ArmedGroupNexus>,
    /// Places where an armed group is present, highest score first.
    pub places: Vec<PlaceNexus>,
}

/// One armed group's ties to criminal economies.
#[derive(Debug, Clone, Serialize)]
pub struct ArmedGroupNexus {
    pub group: EntityRef,
    /// 0–100 (formula in ARCHITECTURE.md, "The nexus score").
    pub score: u32,
    /// The raw sum the score is computed from.
    pub raw: f64,
    /// `taxes`, `engages_in`, `traffics` and `cooperates_with` (criminal organizations) links.
    pub economies: Vec<Link>,
    /// Where it operates.
    pub places: Vec<Link>,
    /// Criminal organizations operating where it operates.
    pub copresent: Vec<Copresence>,
    /// The earliest date any of these was seen.
    pub first_seen: Option<String>,
}

/// A criminal organization present where an armed group is.
#[derive(Debug, Clone, Serialize)]
pub struct Copresence {
    pub organization: EntityRef,
    pub place: EntityRef,
    /// The organization's `operates_in` link there.
    pub link: Link,
}

/// Who meets at one place, and in what.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceNexus {
    pub place: EntityRef,
    pub score: u32,
    pub raw: f64,
    /// Armed groups' `operates_in` links here.
    pub armed_groups: Vec<Link>,
    /// Criminal organizations' `operates_in` links here.
    pub criminal_orgs: Vec<Link>,
    /// Activities: the place's own `engages_in`, and the economies of the armed groups present.
    pub activities: Vec<Link>,
}

/// An event or dated statement.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// The claim's date (ISO 8601 prefix) and its precision (`year`, `month`, `day`, `fuzzy`).
    pub date: String,
    pub precision: String,
    pub link: Link,
}

/// What changed from one period to the next.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    /// Claims seen before `split` form the first period; on or after it, the second.
    pub before: Period,
    pub after: Period,
    /// Edges affirmed in the second period and not the first, by predicate.
    pub new_edges: BTreeMap<String, Vec<Link>>,
    /// Edges affirmed in the first period and not the second, by predicate.
    pub vanished_edges: BTreeMap<String, Vec<Link>>,
    /// New `cooperates_with` edges.
    pub new_alliances: Vec<Link>,
    /// New `ships_to` edges.
    pub new_routes: Vec<Link>,
    /// Destinations of `ships_to` that receive nothing in the first period.
    pub new_markets: Vec<EntityRef>,
    /// Organizations, armed groups and persons with claims in one period only.
    pub appeared: Vec<EntityRef>,
    pub vanished: Vec<EntityRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    /// Inclusive bounds (ISO prefixes) of the claims seen in it.
    pub from: Option<String>,
    pub to: Option<String>,
    pub claims: u64,
    pub edges: u64,
}
