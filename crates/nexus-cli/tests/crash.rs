//! Kill a real ingest with SIGKILL part-way, check the store while and after, re-run, and find
//! every document exactly once, each with its extraction — the SQLite way of proving durability.

mod common;
use common::*;
use std::time::{Duration, Instant};

fn count(db: &std::path::Path) -> u64 {
    match nexus_store::Store::open_existing(db) {
        Ok(s) => s.stats().map(|s| s.documents).unwrap_or(0),
        Err(_) => 0,
    }
}

#[test]
fn sigkill_mid_ingest_then_rerun_stores_every_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let total = 3000;
    nexus_testkit::write_corpus(&corpus, total, 600, 0).unwrap();
    let db = dir.path().join("crash.db");

    for round in 0..2 {
        let mut child = nexus(&db).arg("ingest").arg(&corpus).stderr(std::process::Stdio::null()).spawn().unwrap();
        // Read while it writes: WAL readers see committed documents only, and never block it.
        let deadline = Instant::now() + Duration::from_secs(120);
        let target = 200 + round * 900;
        let mut seen = 0;
        while seen < target as u64 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
            seen = count(&db);
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let store = nexus_store::Store::open_existing(&db).unwrap();
        assert_eq!(store.check().unwrap(), Vec::<String>::new(), "store inconsistent after SIGKILL in round {round}");
        let stats = store.stats().unwrap();
        let n = stats.documents;
        assert!(n < total as u64, "the ingest finished before it could be killed ({n} documents); make the corpus larger");
        // `check` found no extraction rows without their document; none is missing either.
        assert_eq!(stats.extracted_documents, n, "documents stored without their extraction in round {round}");
    }

    let r = run(nexus(&db).arg("ingest").arg(&corpus));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let store = nexus_store::Store::open_existing(&db).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.paths), (total as u64, total as u64), "every document exactly once");
    assert_eq!(stats.extracted_documents, total as u64, "every document with its extraction");
    assert!(stats.mentions > 0 && stats.quantities > 0, "the generated corpus names commodities and amounts: {stats:?}");
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let hits = store.search("cocaine", 5).unwrap();
    assert!(!hits.is_empty(), "the full-text index covers what was written before the kill");
}
