//! Analysis of the claims graph (issue 5): network metrics, supply chains per commodity, the
//! crime–terror nexus, a timeline and what changed between two periods.
//!
//! [`analyze`] reads the store once ([`nexus_store::Store::claim_scan`]: every claim, ends as
//! merges read them), keeps the claims in the window and around the focus, aggregates them into
//! edges whose support is counted in works (two copies of one article are one source), and
//! returns an [`Analysis`]: plain serde data in which every statement is a [`Link`] carrying its
//! support and the claims it rests on ([`Citation`]: claim id, document, work, sentence span and
//! the sentence). `nexus analyze` prints it; the report renders it.
//!
//! Pure over the store: no clock, no randomness (Leiden runs seeded), and the same store and
//! options give the same analysis.

mod data;
pub mod model;
mod network;
pub mod nexus;
pub mod supply;
mod time;

pub use model::*;
use nexus_kb::KnowledgeBase;
use nexus_store::Store;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] nexus_store::StoreError),
    #[error("no claim names the focus entity '{0}'")]
    UnknownFocus(String),
    #[error("'{0}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// What to analyze, and how much of it to list.
#[derive(Debug, Clone)]
pub struct Options {
    /// Only what lies within `focus_depth` hops of this entity (its store key).
    pub focus: Option<String>,
    pub focus_depth: usize,
    /// Only claims seen (their date, else their document's) on or after / on or before these ISO
    /// date prefixes, compared at the coarser precision; claims with no date are left out when
    /// either is set.
    pub since: Option<String>,
    pub until: Option<String>,
    /// Only edges that at least this many works affirm (at least 1).
    pub min_sources: u64,
    /// Centrality per window of this many years (none: no windows).
    pub window_years: Option<u32>,
    /// The date that ends the first period and starts the second for `changes` (default: the
    /// median year in which claims were seen).
    pub split: Option<String>,
    /// At most this many rows in each ranked list (actors, communities, chains, legs, markets,
    /// nexus rows, changes per predicate).
    pub limit: usize,
    /// At most this many timeline entries (the best supported, shown oldest first).
    pub timeline_limit: usize,
    /// At most this many citations per statement (one per work first).
    pub max_citations: usize,
    /// Betweenness is exact up to this many nodes; above, it is computed over the subgraph of
    /// this many nodes of highest weighted degree (others get none).
    pub betweenness_max_nodes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            focus: None,
            focus_depth: 2,
            since: None,
            until: None,
            min_sources: 1,
            window_years: Some(5),
            split: None,
            limit: 50,
            timeline_limit: 200,
            max_citations: 3,
            betweenness_max_nodes: 1000,
        }
    }
}

/// Analyze the claims graph of `store`; `kb` gives countries and kinds of places (load it as the
/// CLI does, with the analyst's directories).
pub fn analyze(store: &Store, kb: &KnowledgeBase, opts: &Options) -> Result<Analysis> {
    for d in opts.since.iter().chain(&opts.until).chain(&opts.split) {
        nexus_store::check_date(d).map_err(|_| Error::BadDate(d.clone()))?;
    }
    // Each phase's time at debug level (`RUST_LOG=nexus_analysis=debug`).
    let mut clock = std::time::Instant::now();
    let mut lap = |phase: &str| {
        tracing::debug!(phase, ms = clock.elapsed().as_secs_f64() * 1000.0, "analysis phase done");
        clock = std::time::Instant::now();
    };
    let ctx = data::Ctx::load(store, kb, opts)?;
    lap("load");
    let net = network::analyze(&ctx);
    lap("network");
    let windows = opts.window_years.map(|y| network::windows(&ctx, y)).unwrap_or_default();
    lap("windows");
    let supply_chains = supply::chains(&ctx)?;
    lap("supply chains");
    let nexus = nexus::nexus(&ctx)?;
    lap("nexus");
    let timeline = time::timeline(&ctx)?;
    let split = opts.split.clone().or_else(|| time::default_split(&ctx));
    let changes = split.as_deref().map(|s| time::changes(&ctx, s)).transpose()?;
    lap("time");

    // Counts over what the scope keeps.
    let mut entities_by_type = std::collections::BTreeMap::new();
    let mut edges_by_predicate = std::collections::BTreeMap::new();
    let mut nodes = std::collections::BTreeSet::new();
    for e in &ctx.edges {
        *edges_by_predicate.entry(ctx.scan.predicate(e.p).to_owned()).or_insert(0u64) += 1;
        nodes.insert(e.s);
        nodes.insert(e.o);
    }
    for &n in &nodes {
        *entities_by_type.entry(ctx.type_of(n).to_owned()).or_insert(0u64) += 1;
    }
    let docs: std::collections::BTreeSet<u32> = ctx.claims.iter().map(|&c| ctx.scan.claims[c as usize].doc).collect();
    let works: std::collections::BTreeSet<u32> = docs.iter().map(|&d| ctx.scan.docs[d as usize].work).collect();
    let seen: Vec<&str> = ctx.claims.iter().filter_map(|&c| ctx.scan.claims[c as usize].seen).map(|s| ctx.scan.string(s)).collect();
    let summary = Summary {
        claims: ctx.claims.len() as u64,
        edges: ctx.edges.len() as u64,
        entities: nodes.len() as u64,
        documents: docs.len() as u64,
        works: works.len() as u64,
        entities_by_type,
        edges_by_predicate,
        first_seen: seen.iter().min().map(|s| s.to_string()),
        last_seen: seen.iter().max().map(|s| s.to_string()),
        modularity: net.modularity,
        betweenness: net.betweenness_scope,
    };
    let cited = ctx.cited.borrow();
    let cited: Vec<&str> = cited.iter().map(|&i| ctx.scan.docs[i as usize].id.as_str()).collect();
    let documents = store.doc_citations_of(&cited)?;
    Ok(Analysis {
        scope: Scope {
            focus: ctx.focus.map(|f| ctx.entity(f)),
            focus_depth: opts.focus_depth,
            since: opts.since.clone(),
            until: opts.until.clone(),
            min_sources: opts.min_sources.max(1),
            split,
            window_years: opts.window_years,
        },
        summary,
        actors: net.actors,
        communities: net.communities,
        windows,
        supply_chains,
        nexus,
        timeline,
        changes,
        documents,
    })
}
