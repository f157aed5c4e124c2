//! Plain-text ingest into the store, full-text index included, in MB/s: once without extraction
//! (`--no-extract`) and once with it (entities, quantities and dates stored with each document).
//!
//! `taskset -c 0 cargo bench -p nexus-pipeline --bench ingest_throughput [-- DOCS WORDS]`
//! pins the process to one core; conversion and extraction run on a one-thread pool and the
//! writer on the main thread, so the figures are what one core sustains. Each run starts from a
//! fresh store; building the extractor (loading and compiling the knowledge base, once per
//! ingest) is timed apart and included in the run with extraction. Extraction alone (no files,
//! no store) over the same texts is reported between the two. Each figure also gives the
//! process's CPU time (Linux), which other load on a shared machine disturbs less than the wall
//! clock.

use nexus_extract::Extractor;
use nexus_pipeline::{Options, Quiet, run};
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (docs, words) = (args.first().copied().unwrap_or(10_000), args.get(1).copied().unwrap_or(600));
    rayon::ThreadPoolBuilder::new().num_threads(1).build_global()?;
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    let paths = nexus_testkit::write_corpus(&corpus, docs, words, 0)?;
    let bytes: u64 = paths.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum();
    let mb = bytes as f64 / 1e6;

    let clock = Clock::start();
    let size = ingest(&corpus, &dir.path().join("plain.db"), docs, None)?;
    let (secs, cpu) = clock.stop();
    println!(
        "ingest_throughput (no extraction): {docs} documents of ~{words} words, {mb:.1} MB in {secs:.2} s{cpu} = {:.1} MB/s ({:.0} docs/s); store {:.1} MB",
        mb / secs,
        docs as f64 / secs,
        size as f64 / 1e6
    );

    let clock = Clock::start();
    let extractor = Extractor::new(nexus_kb::KnowledgeBase::load(&[]).0);
    let (build, build_cpu) = clock.stop();
    // Extraction alone over the same texts, one thread, in the batches ingest makes: what the
    // extraction stage adds per byte.
    let texts: Vec<String> = paths.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let inputs: Vec<nexus_extract::Input> = texts.iter().map(|t| nexus_extract::Input { text: t, reference: None }).collect();
    let clock = Clock::start();
    let found: usize = nexus_pipeline::extract_all(&extractor, &inputs, true).iter().map(|x| x.entities.len()).sum();
    let (alone, cpu) = clock.stop();
    drop(inputs);
    drop(texts);
    println!("extraction alone: {mb:.1} MB in {alone:.2} s{cpu} = {:.1} MB/s ({found} document entities)", mb / alone);

    let db = dir.path().join("extract.db");
    let clock = Clock::start();
    let size = ingest(&corpus, &db, docs, Some(&extractor))?;
    let (secs, cpu) = clock.stop();
    let stats = nexus_store::Store::open_existing(&db)?.stats()?;
    let total = secs + build;
    println!(
        "ingest_throughput (with extraction): {mb:.1} MB in {total:.2} s{cpu} + extractor built in {build:.2} s{build_cpu} = {:.1} MB/s ({:.0} docs/s); \
         {} documents extracted, {} distinct entities, {} mentions, {} quantities, {} dates; store {:.1} MB",
        mb / total,
        docs as f64 / total,
        stats.extracted_documents,
        stats.entities,
        stats.mentions,
        stats.quantities,
        stats.dates,
        size as f64 / 1e6
    );
    Ok(())
}

/// One ingest of `corpus` into a fresh store; the store's size with its WAL.
fn ingest(corpus: &Path, db: &Path, docs: usize, extractor: Option<&Extractor>) -> Result<u64, Box<dyn std::error::Error>> {
    let walked = nexus_ingest::expand(&[corpus.to_path_buf()]);
    let summary = run(db, walked.inputs, walked.errors, &Options::default(), extractor, &mut Quiet)?;
    assert_eq!(summary.ingested, docs, "{summary:?}");
    Ok(std::fs::metadata(db).map_or(0, |m| m.len()) + std::fs::metadata(db.with_extension("db-wal")).map_or(0, |m| m.len()))
}

/// Wall time and the process's CPU time (all threads) over one phase.
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clock {
    fn start() -> Clock {
        Clock { wall: Instant::now(), cpu: cpu_seconds() }
    }

    /// Wall seconds, and " (cpu N s)" when the CPU time is known.
    fn stop(self) -> (f64, String) {
        let wall = self.wall.elapsed().as_secs_f64();
        let cpu = match (self.cpu, cpu_seconds()) {
            (Some(a), Some(b)) => format!(" (cpu {:.2} s)", b - a),
            _ => String::new(),
        };
        (wall, cpu)
    }
}

/// User plus system time of this process from `/proc/self/stat` (in clock ticks, 100 a second
/// on Linux); `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}
