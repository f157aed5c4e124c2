//! Network metrics over the support graph: degree, betweenness and eigenvector centrality
//! (rustworkx-core), communities (Leiden, leiden-rs), and brokers — between communities
//! (participation coefficient) and between criminal and armed groups.
//!
//! The graph is simple and undirected: one edge per pair of entities, weighted by the support
//! (distinct works) summed over the predicates that join them. Betweenness counts shortest paths
//! in hops; eigenvector centrality and communities use the weights.

use crate::data::{Ctx, Edge};
use crate::model::{Actor, Community, EntityRef, WindowActor, WindowMetrics};
use petgraph::graph::{NodeIndex, UnGraph};
use rustworkx_core::centrality::{betweenness_centrality, eigenvector_centrality};
use std::collections::{BTreeMap, HashMap};

/// The simple weighted graph of some edges.
pub(crate) struct Net {
    pub graph: UnGraph<u32, f64>,
}

impl Net {
    pub fn of(edges: &[&Edge]) -> Net {
        let mut weights: BTreeMap<(u32, u32), f64> = BTreeMap::new();
        for e in edges {
            let pair = if e.s < e.o { (e.s, e.o) } else { (e.o, e.s) };
            *weights.entry(pair).or_default() += e.support as f64;
        }
        let mut keys: Vec<u32> = weights.keys().flat_map(|&(a, b)| [a, b]).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut graph = UnGraph::with_capacity(keys.len(), weights.len());
        let node: HashMap<u32, NodeIndex> = keys.iter().map(|&k| (k, graph.add_node(k))).collect();
        for ((a, b), w) in weights {
            graph.add_edge(node[&a], node[&b], w);
        }
        Net { graph }
    }

    /// Weighted degree of every node.
    pub fn strength(&self) -> Vec<f64> {
        self.graph.node_indices().map(|n| self.graph.edges(n).map(|e| *e.weight()).sum()).collect()
    }

    /// Eigenvector centrality with edge weights, scaled so the largest is 1 (zeros when the power
    /// iteration does not converge).
    pub fn eigenvector(&self) -> Vec<f64> {
        let n = self.graph.node_count();
        let x: Result<Option<Vec<f64>>, std::convert::Infallible> =
            eigenvector_centrality(&self.graph, |e| Ok(*e.weight()), Some(500), Some(1e-6));
        match x {
            Ok(Some(v)) => {
                let max = v.iter().copied().fold(0.0, f64::max);
                v.into_iter().map(|x| if max > 0.0 { x / max } else { 0.0 }).collect()
            }
            _ => vec![0.0; n],
        }
    }
}

/// Actors, communities and the modularity of the partition.
pub(crate) struct NetworkResult {
    pub actors: Vec<Actor>,
    pub communities: Vec<Community>,
    pub modularity: Option<f64>,
    pub betweenness_scope: String,
}

/// The edges that tie actors together. Geographic containment (`located_in`) is left out: it
/// joins places into the gazetteer's tree, says nothing of who deals with whom, and would make
/// countries the brokers of every network.
fn ties<'e>(ctx: &Ctx, edges: impl Iterator<Item = &'e Edge>) -> Vec<&'e Edge> {
    let containment = ctx.predicate_index("located_in");
    edges.filter(|e| Some(e.p) != containment).collect()
}

pub(crate) fn analyze(ctx: &Ctx) -> NetworkResult {
    let edges = ties(ctx, ctx.edges.iter());
    let net = Net::of(&edges);
    let n = net.graph.node_count();
    if n == 0 {
        return NetworkResult { actors: vec![], communities: vec![], modularity: None, betweenness_scope: "exact".into() };
    }
    let strength = net.strength();
    let eigen = net.eigenvector();

    // Betweenness: exact (Brandes, in rustworkx-core) when the graph is small enough, else over
    // the subgraph induced by the nodes of highest weighted degree.
    let cap = ctx.opts.betweenness_max_nodes.max(2);
    let (betweenness, scope): (Vec<Option<f64>>, String) = if n <= cap {
        (betweenness_centrality(&net.graph, false, true, 50), "exact".into())
    } else {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| strength[b].total_cmp(&strength[a]).then(a.cmp(&b)));
        let keep: Vec<usize> = order[..cap].to_vec();
        let mut sub: UnGraph<usize, ()> = UnGraph::with_capacity(cap, 0);
        let mut map: HashMap<usize, NodeIndex> = HashMap::new();
        for &i in &keep {
            map.insert(i, sub.add_node(i));
        }
        for e in net.graph.edge_indices() {
            let (a, b) = net.graph.edge_endpoints(e).unwrap();
            if let (Some(&x), Some(&y)) = (map.get(&a.index()), map.get(&b.index())) {
                sub.add_edge(x, y, ());
            }
        }
        let b = betweenness_centrality(&sub, false, true, 50);
        let mut out = vec![None; n];
        for (j, &i) in keep.iter().enumerate() {
            out[i] = b[j];
        }
        (out, format!("top {cap} by weighted degree"))
    };

    // Communities: Leiden on modularity, seeded (deterministic).
    let (membership, modularity) = communities(&net);

    let mut actors: Vec<Actor> = Vec::with_capacity(n);
    for idx in net.graph.node_indices() {
        let i = idx.index();
        let own = membership.as_ref().map(|m| m[i]);
        let mut per_comm: BTreeMap<usize, f64> = BTreeMap::new();
        let (mut criminal, mut armed) = (0u64, 0u64);
        let mut degree = 0u64;
        for nb in net.graph.neighbors(idx) {
            degree += 1;
            if let Some(m) = &membership {
                *per_comm.entry(m[nb.index()]).or_default() += 1.0;
            }
            match ctx.type_of(net.graph[nb]) {
                "criminal_org" => criminal += 1,
                "armed_group" => armed += 1,
                _ => {}
            }
        }
        let k = degree as f64;
        let participation = if k > 0.0 { 1.0 - per_comm.values().map(|c| (c / k).powi(2)).sum::<f64>() } else { 0.0 };
        let others = per_comm.keys().filter(|&&c| Some(c) != own).count();
        actors.push(Actor {
            // Filled for the ranked few only (a name is a store look-up).
            entity: EntityRef { key: String::new(), name: String::new(), entity_type: String::new(), country: None },
            rank: 0,
            degree,
            weighted_degree: strength[i].round() as u64,
            betweenness: betweenness[i],
            eigenvector: eigen[i],
            community: own.map(|c| c as u32),
            participation,
            community_broker: others >= 2 && participation >= 0.5,
            criminal_neighbors: criminal,
            armed_neighbors: armed,
            crime_terror_broker: criminal > 0 && armed > 0,
        });
    }
    // Rank: eigenvector, then weighted degree, then key.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        actors[b]
            .eigenvector
            .total_cmp(&actors[a].eigenvector)
            .then(actors[b].weighted_degree.cmp(&actors[a].weighted_degree))
            .then(ctx.scan.key(net.graph[NodeIndex::new(a)]).cmp(ctx.scan.key(net.graph[NodeIndex::new(b)])))
    });
    let communities = membership.as_ref().map(|m| community_table(ctx, &net, m, &eigen)).unwrap_or_default();
    let mut ranked = Vec::new();
    for (r, &i) in order.iter().take(ctx.opts.limit).enumerate() {
        let mut a = actors[i].clone();
        a.entity = ctx.entity(net.graph[NodeIndex::new(i)]);
        a.rank = r as u32 + 1;
        ranked.push(a);
    }
    NetworkResult { actors: ranked, communities, modularity, betweenness_scope: scope }
}

/// Leiden communities of the weighted graph: membership per node (renumbered by size, largest
/// 0) and the partition's modularity.
fn communities(net: &Net) -> (Option<Vec<usize>>, Option<f64>) {
    let n = net.graph.node_count();
    let mut b = leiden_rs::GraphDataBuilder::new(n);
    for e in net.graph.edge_indices() {
        let (x, y) = net.graph.edge_endpoints(e).unwrap();
        if b.add_edge(x.index(), y.index(), net.graph[e]).is_err() {
            return (None, None);
        }
    }
    let Ok(data) = b.build() else { return (None, None) };
    let config = leiden_rs::LeidenConfig { seed: Some(0x6e65_7875), ..Default::default() };
    let Ok(out) = leiden_rs::Leiden::new(config).run(&data) else { return (None, None) };
    let raw: Vec<usize> = (0..n).map(|i| out.partition.community_of(i)).collect();
    // Renumber: largest community first, ties by smallest member.
    let mut sizes: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (i, &c) in raw.iter().enumerate() {
        let e = sizes.entry(c).or_insert((0, i));
        e.0 += 1;
    }
    let mut order: Vec<(usize, (usize, usize))> = sizes.into_iter().collect();
    order.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    let renumber: HashMap<usize, usize> = order.iter().enumerate().map(|(new, (old, _))| (*old, new)).collect();
    let quality = out.quality;
    (Some(raw.into_iter().map(|c| renumber[&c]).collect()), quality.is_finite().then_some(quality))
}

fn community_table(ctx: &Ctx, net: &Net, membership: &[usize], eigen: &[f64]) -> Vec<Community> {
    let count = membership.iter().copied().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &c) in membership.iter().enumerate() {
        members[c].push(i);
    }
    members
        .into_iter()
        .enumerate()
        .filter(|(_, m)| m.len() > 1)
        .take(ctx.opts.limit)
        .map(|(id, mut m)| {
            let mut by_type: BTreeMap<String, u64> = BTreeMap::new();
            for &i in &m {
                *by_type.entry(ctx.type_of(net.graph[NodeIndex::new(i)]).to_owned()).or_default() += 1;
            }
            let size = m.len() as u64;
            m.sort_by(|&a, &b| eigen[b].total_cmp(&eigen[a]).then(a.cmp(&b)));
            Community {
                id: id as u32,
                size,
                by_type,
                members: m.into_iter().take(10).map(|i| ctx.entity(net.graph[NodeIndex::new(i)])).collect(),
            }
        })
        .collect()
}

/// Degree and eigenvector centrality in windows of `years`, from the first year a claim was seen
/// to the last.
pub(crate) fn windows(ctx: &Ctx, years: u32) -> Vec<WindowMetrics> {
    let years = years.max(1) as i32;
    let seen_year = |c: u32| ctx.scan.claims[c as usize].seen.and_then(|s| crate::data::year(ctx.scan.string(s)));
    let all: Vec<i32> = ctx.claims.iter().filter_map(|&c| seen_year(c)).collect();
    let (Some(&lo), Some(&hi)) = (all.iter().min(), all.iter().max()) else { return vec![] };
    let mut out = Vec::new();
    let mut from = lo;
    while from <= hi {
        let to = from + years - 1;
        let claims: Vec<u32> = ctx.claims.iter().copied().filter(|&c| seen_year(c).is_some_and(|y| y >= from && y <= to)).collect();
        let edges = ctx.aggregate(&claims);
        let refs = ties(ctx, edges.iter());
        let net = Net::of(&refs);
        let eigen = net.eigenvector();
        let mut order: Vec<usize> = (0..net.graph.node_count()).collect();
        let degree = |i: usize| net.graph.neighbors(NodeIndex::new(i)).count() as u64;
        order.sort_by(|&a, &b| eigen[b].total_cmp(&eigen[a]).then(degree(b).cmp(&degree(a))).then(a.cmp(&b)));
        out.push(WindowMetrics {
            from: from.to_string(),
            to: to.to_string(),
            claims: claims.len() as u64,
            edges: edges.len() as u64,
            entities: net.graph.node_count() as u64,
            top: order
                .into_iter()
                .take(10)
                .map(|i| WindowActor { entity: ctx.entity(net.graph[NodeIndex::new(i)]), degree: degree(i), eigenvector: eigen[i] })
                .collect(),
        });
        from += years;
    }
    out
}
