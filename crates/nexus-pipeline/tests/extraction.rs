//! Extraction inside the ingest pipeline: stored with each new document, added to documents
//! stored without one, never twice; `reextract` reproduces it.

use nexus_extract::Extractor;
use nexus_pipeline::{Options, Quiet, reextract, run};
use nexus_store::Store;
use std::path::Path;

fn ingest(db: &Path, corpus: &Path, ex: Option<&Extractor>) -> nexus_pipeline::Summary {
    let walked = nexus_ingest::expand(&[corpus.to_path_buf()]);
    // Small batches, so several transactions and the overlap of reader and writer are exercised.
    let opts = Options { batch_files: 7, ..Options::default() };
    run(db, walked.inputs, walked.errors, &opts, ex, &mut Quiet).unwrap()
}

#[test]
fn ingest_extracts_once_and_reextract_reproduces_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let n = 40;
    nexus_testkit::write_corpus(&corpus, n, 300, 0).unwrap();
    let ex = Extractor::new(nexus_kb::KnowledgeBase::load(&[]).0);

    let db = dir.path().join("a.db");
    let first = ingest(&db, &corpus, Some(&ex));
    assert_eq!((first.ingested, first.extracted), (n, n), "{first:?}");
    let stats = Store::open_existing(&db).unwrap().stats().unwrap();
    assert_eq!(stats.extracted_documents, n as u64);
    assert!(stats.mentions > 0, "the generated corpus names commodities: {stats:?}");
    let again = ingest(&db, &corpus, Some(&ex));
    assert_eq!((again.ingested, again.duplicates, again.extracted), (0, n, 0), "{again:?}");

    // Stored without extraction, then ingested again with it: extracted, not duplicated.
    let db2 = dir.path().join("b.db");
    assert_eq!(ingest(&db2, &corpus, None).extracted, 0);
    assert_eq!(Store::open_existing(&db2).unwrap().stats().unwrap().extracted_documents, 0);
    let late = ingest(&db2, &corpus, Some(&ex));
    assert_eq!((late.ingested, late.extracted), (0, n), "{late:?}");
    let late_stats = Store::open_existing(&db2).unwrap().stats().unwrap();
    assert_eq!((late_stats.entities, late_stats.mentions, late_stats.quantities), (stats.entities, stats.mentions, stats.quantities));

    let re = reextract(&db, &ex, &Options { batch_files: 7, ..Options::default() }, &mut Quiet).unwrap();
    assert_eq!(re.documents, n);
    let store = Store::open_existing(&db).unwrap();
    let after = store.stats().unwrap();
    assert_eq!(
        (after.entities, after.mentions, after.quantities, after.dates),
        (stats.entities, stats.mentions, stats.quantities, stats.dates)
    );
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}
