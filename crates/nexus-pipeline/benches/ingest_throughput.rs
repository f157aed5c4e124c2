//! Plain-text ingest into the store, full-text index included, in MB/s.
//!
//! `taskset -c 0 cargo bench -p nexus-pipeline --bench ingest_throughput [-- DOCS WORDS]`
//! pins the process to one core; conversion runs on a one-thread pool and the writer on the
//! main thread, so the figure is what one core sustains.

use nexus_pipeline::{Options, Quiet, run};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (docs, words) = (args.first().copied().unwrap_or(10_000), args.get(1).copied().unwrap_or(600));
    rayon::ThreadPoolBuilder::new().num_threads(1).build_global()?;
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    let paths = nexus_testkit::write_corpus(&corpus, docs, words, 0)?;
    let bytes: u64 = paths.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum();
    let walked = nexus_ingest::expand(&[corpus]);
    let db = dir.path().join("bench.db");
    let start = Instant::now();
    let summary = run(&db, walked.inputs, walked.errors, &Options::default(), &mut Quiet)?;
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(summary.ingested, docs, "{summary:?}");
    let db_size = std::fs::metadata(&db).map_or(0, |m| m.len()) + std::fs::metadata(db.with_extension("db-wal")).map_or(0, |m| m.len());
    println!(
        "ingest_throughput: {docs} documents of ~{words} words, {:.1} MB in {secs:.2} s = {:.1} MB/s ({:.0} docs/s); store {:.1} MB",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        docs as f64 / secs,
        db_size as f64 / 1e6
    );
    Ok(())
}
