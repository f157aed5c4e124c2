//! `analyze()` at scale: N generated documents stored with generated extractions (no extractor
//! run), then the whole analysis timed.
//!
//! `cargo bench -p nexus-analysis --bench analyze [-- N...]` (default 100000). The store is the
//! one `nexus-store`'s `claims` bench generates (the generator is copied from
//! `crates/nexus-store/benches/claims.rs`; keep them alike so the figures compare): documents of
//! ~150 words plus one sentence per relation, every tenth a near-duplicate of the one before;
//! 3,000 "knowledge-base" entities of six types drawn by a Zipf law and N/4 learned names; 2–14
//! relations per document over eight predicates, 20% with a figure, 30% dated, 15% hedged, 2%
//! denied. The store is kept in the system's temporary directory
//! (`nexus-analysis-bench-N.db`) and reused by the next run; delete it to regenerate.
//!
//! Reports the time of `analyze` with the default options (median of 3, each run listed) and of
//! serializing the analysis to JSON; `RUST_LOG=nexus_analysis=debug` adds each phase's time.

use nexus_store::{NearDupConfig, Store};
use nexus_testkit::claims::{KB_ENTITIES, Zipf};
use std::path::Path;
use std::time::Instant;

fn build(path: &Path, n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let mut store = Store::open(&partial)?;
    let zipf = Zipf::new(KB_ENTITIES);
    let mut previous: Option<String> = None;
    for batch in (0..n).collect::<Vec<_>>().chunks(1000) {
        let docs = nexus_testkit::claims::batch(batch, n, &zipf, &mut previous);
        let mut w = store.writer(NearDupConfig::default())?;
        for (d, x, sig) in &docs {
            w.add(d, sig, Some(x))?;
        }
        w.commit()?;
    }
    store.flush_index()?;
    drop(store);
    std::fs::rename(&partial, path)?;
    Ok(())
}

fn run(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::temp_dir().join(format!("nexus-analysis-bench-{n}.db"));
    if !path.exists() {
        let t = Instant::now();
        build(&path, n)?;
        println!("generated {n} documents into {} in {:.1} s", path.display(), t.elapsed().as_secs_f64());
    }
    let store = Store::open_existing(&path)?;
    let stats = store.stats()?;
    let kb = nexus_kb::KnowledgeBase::load(&[]).0;
    let opts = nexus_analysis::Options::default();
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let t = Instant::now();
        let a = nexus_analysis::analyze(&store, &kb, &opts)?;
        times.push(t.elapsed().as_secs_f64());
        last = Some(a);
    }
    let a = last.unwrap();
    let t = Instant::now();
    let json = serde_json::to_vec(&a)?;
    let json_secs = t.elapsed().as_secs_f64();
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "analyze: {n} documents ({} works), {} claims → {} edges, {} entities; betweenness {}",
        stats.works, stats.claims, a.summary.edges, a.summary.entities, a.summary.betweenness
    );
    println!(
        "  analyze(): median {:.2} s ({}); {} actors, {} communities (modularity {:.2}), {} chains, {} armed groups, {} timeline entries, {} windows",
        sorted[1],
        times.iter().map(|t| format!("{t:.2}")).collect::<Vec<_>>().join(" / "),
        a.actors.len(),
        a.communities.len(),
        a.summary.modularity.unwrap_or(0.0),
        a.supply_chains.len(),
        a.nexus.armed_groups.len(),
        a.timeline.len(),
        a.windows.len()
    );
    println!("  JSON: {:.1} MB in {:.3} s", json.len() as f64 / 1e6, json_secs);
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `RUST_LOG=nexus_analysis=debug` shows the time of each phase.
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).with_writer(std::io::stderr).init();
    let mut sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![100_000];
    }
    for n in sizes {
        run(n)?;
    }
    Ok(())
}
