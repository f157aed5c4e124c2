//! Near-duplicate grouping at scale: generated documents, every tenth a 3%-edited copy of the one
//! before it, signed and grouped into works through the store's LSH index.
//!
//! `cargo bench -p nexus-pipeline --bench near_duplicates [-- DOCS WORDS]` (default 100000 200).
//! Reports the time to sign every document, the whole ingest (which includes grouping), a
//! regrouping of every stored document from its signature (grouping alone), and the grouping's
//! recall and precision against the known pairs.

use nexus_ingest::Signature;
use nexus_pipeline::{Options, Quiet, run};
use rayon::prelude::*;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (docs, words) = (args.first().copied().unwrap_or(100_000), args.get(1).copied().unwrap_or(200));
    let every = 10;
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    let paths = nexus_testkit::write_corpus(&corpus, docs, words, every)?;

    let texts: Vec<String> = paths.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let start = Instant::now();
    let sigs: Vec<Signature> = texts.par_iter().map(|t| Signature::of_text(t)).collect();
    let sign_secs = start.elapsed().as_secs_f64();
    drop((sigs, texts));

    let walked = nexus_ingest::expand(&[corpus]);
    let db = dir.path().join("bench.db");
    let start = Instant::now();
    let summary = run(&db, walked.inputs, walked.errors, &Options::default(), None, &mut Quiet)?;
    let ingest_secs = start.elapsed().as_secs_f64();

    let mut store = nexus_store::Store::open_existing(&db)?;
    let start = Instant::now();
    let regrouped = store.regroup(nexus_store::NearDupConfig::default())?;
    let regroup_secs = start.elapsed().as_secs_f64();
    assert_eq!(regrouped.changed, 0, "regrouping at the ingest threshold must reproduce the ingest's works");
    // By id (a hash of the bytes), not by path: an edit that happened to change no word makes an
    // exact duplicate, stored once under the first path.
    let work_by_id: std::collections::HashMap<String, String> = store.docs()?.into_iter().map(|d| (d.id, d.work)).collect();
    let ids: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read(p).map(|b| nexus_ingest::fingerprint::sha256_hex(&b)[..16].to_owned()))
        .collect::<Result<_, _>>()?;
    let work = |i: usize| work_by_id.get(&ids[i]).cloned();
    let expected: Vec<(usize, usize)> = (1..docs).filter(|i| i % every == 0).map(|i| (i - 1, i)).collect();
    let found = expected.iter().filter(|(a, b)| work(*a).is_some() && work(*a) == work(*b)).count();
    let stats = store.stats()?;
    let false_joins = summary.near_duplicates.saturating_sub(found);
    println!(
        "near_duplicates: {docs} documents of ~{words} words; signing {sign_secs:.2} s (all cores); ingest with grouping {ingest_secs:.2} s; \
         regrouping all from stored signatures {regroup_secs:.2} s; {} works; pairs found {found}/{} (recall {:.4}); unexpected joins {false_joins}",
        stats.works,
        expected.len(),
        found as f64 / expected.len().max(1) as f64
    );
    Ok(())
}
