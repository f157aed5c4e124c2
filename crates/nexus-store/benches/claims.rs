//! Claims at scale: N generated documents stored with generated extractions (no extractor run),
//! then per-entity claim look-ups and whole-graph builds timed.
//!
//! `cargo bench -p nexus-store --bench claims [-- N...]` (default 10000 100000). For each N:
//! a fresh store; documents of ~150 generated words plus one sentence per relation, every tenth a
//! 3%-edited copy of the one before (a near-duplicate: same work); entities drawn from a pool of
//! 3,000 "knowledge-base" entities by a Zipf law (s = 1: a few hubs such as a commodity or a
//! country in most documents) and from N/4 learned names drawn uniformly; 2–14 relations per
//! document between its entities, 20% with a figure, 30% dated, 15% hedged, 2% denied.
//!
//! Reports the time to store everything, then the latency of `Store::claims` for one entity
//! (all its edges aggregated, the 20 best with 3 claims each and their evidence quoted) over
//! 1,000 entities drawn uniformly and 1,000 drawn by how many documents mention them, p50, p99
//! and max, and the time of `Store::graph` (the whole support graph in petgraph).

use nexus_store::{ClaimFilter, NearDupConfig, Store};
use nexus_testkit::Rng;
use nexus_testkit::claims::{KB_ENTITIES, Zipf};
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn lookups(store: &Store, keys: &[String]) -> Result<(Duration, Duration, Duration, String), Box<dyn std::error::Error>> {
    let mut times = Vec::with_capacity(keys.len());
    let mut worst = (Duration::ZERO, String::new());
    for k in keys {
        let t = Instant::now();
        let edges = store.claims(&ClaimFilter { entity: Some(k.clone()), limit: Some(20), per_edge: Some(3), ..Default::default() })?;
        let d = t.elapsed();
        std::hint::black_box(edges);
        if d > worst.0 {
            worst = (d, k.clone());
        }
        times.push(d);
    }
    times.sort();
    Ok((percentile(&times, 0.5), percentile(&times, 0.99), worst.0, worst.1))
}

fn run(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("claims.db"))?;
    let zipf = Zipf::new(KB_ENTITIES);
    let start = Instant::now();
    let mut previous: Option<String> = None;
    let mut claims = 0u64;
    for batch in (0..n).collect::<Vec<_>>().chunks(1000) {
        let docs = nexus_testkit::claims::batch(batch, n, &zipf, &mut previous);
        let mut w = store.writer(NearDupConfig::default())?;
        for (d, x, sig) in &docs {
            w.add(d, sig, Some(x))?;
            claims += x.relations.len() as u64;
        }
        w.commit()?;
    }
    store.flush_index()?;
    let store_secs = start.elapsed().as_secs_f64();
    let stats = store.stats()?;

    // Entities to look up: uniformly, and in proportion to the documents that mention them.
    let entities = store.entities(None, None)?;
    let mut rng = Rng::new(42);
    let uniform: Vec<String> = (0..1000).map(|_| entities[rng.below(entities.len())].id.clone()).collect();
    let total: u64 = entities.iter().map(|e| e.documents).sum();
    let weighted: Vec<String> = (0..1000)
        .map(|_| {
            let mut x = rng.next_u64() % total;
            entities
                .iter()
                .find(|e| {
                    if x < e.documents {
                        true
                    } else {
                        x -= e.documents;
                        false
                    }
                })
                .map(|e| e.id.clone())
                .unwrap_or_default()
        })
        .collect();
    let (u50, u99, umax, uworst) = lookups(&store, &uniform)?;
    let (w50, w99, wmax, wworst) = lookups(&store, &weighted)?;
    let hub = &entities[0];
    let t = Instant::now();
    let hub_edges =
        store.claims(&ClaimFilter { entity: Some(hub.id.clone()), limit: Some(20), per_edge: Some(3), ..Default::default() })?;
    let hub_ms = ms(t.elapsed());

    let mut builds = Vec::new();
    let mut shape = (0, 0);
    for _ in 0..3 {
        let t = Instant::now();
        let g = store.graph(None)?;
        builds.push(t.elapsed().as_secs_f64());
        shape = (g.nodes(), g.edges());
    }
    builds.sort_by(f64::total_cmp);
    println!(
        "claims: {n} documents ({} works), {claims} relations → {} claims, {} entities; stored in {store_secs:.1} s",
        stats.works,
        stats.claims,
        entities.len()
    );
    println!(
        "  look-up of one entity's claims, uniform over entities: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({uworst})",
        ms(u50),
        ms(u99),
        ms(umax)
    );
    println!("  look-up, entities weighted by documents: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({wworst})", ms(w50), ms(w99), ms(wmax));
    println!("  the most-mentioned entity ({}, {} documents, {} edges): {hub_ms:.1} ms", hub.id, hub.documents, hub_edges.len());
    println!(
        "  whole graph build: {} nodes, {} edges in {:.3} s (median of 3: {:.3} / {:.3} / {:.3})",
        shape.0, shape.1, builds[1], builds[0], builds[1], builds[2]
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000];
    }
    for n in sizes {
        run(n)?;
    }
    Ok(())
}
