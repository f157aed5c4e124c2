//! The store's contract: dedup by bytes, works by similarity, migrations, search, integrity.

use nexus_ingest::{Signature, convert};
use nexus_store::{AddOutcome, NearDupConfig, Store, StoreError};

const VRAEM: &str = "In this illicit economy, the remnants of the Shining Path, now concentrated in the valleys of the Apurímac, Ene and Mantaro rivers, tax coca growers and the traffickers who buy their paste, while police units based in Pichari rarely leave their posts. Officials in Lima say the group moves at night along the Ene River and charges a fixed fee per kilogram that leaves the valley.";
const GUAYAQUIL: &str = "Ecuadorian prosecutors said the port of Guayaquil remains the main exit for cocaine bound for Antwerp and Rotterdam, hidden in banana containers, as Los Choneros and Los Lobos fight over prisons and the docks where the loads are contaminated.";

fn add(store: &mut Store, text: &str, source: &str) -> AddOutcome {
    let doc = convert(text.as_bytes(), source, None).unwrap();
    let sig = Signature::of_text(&doc.extraction_text());
    store.add(&doc, &sig, None, NearDupConfig::default()).unwrap()
}

#[test]
fn same_bytes_add_nothing_and_near_duplicates_join_a_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let first = add(&mut store, VRAEM, "a.txt");
    let AddOutcome::Added { id } = first else { panic!("{first:?}") };
    assert_eq!(add(&mut store, VRAEM, "a.txt"), AddOutcome::Duplicate { id: id.clone(), new_path: false });
    assert_eq!(add(&mut store, VRAEM, "copy/b.txt"), AddOutcome::Duplicate { id: id.clone(), new_path: true });
    let edited = format!("Home » Analysis » 2015\n{}", VRAEM.replace("at night", "mostly at night"));
    match add(&mut store, &edited, "c.txt") {
        AddOutcome::NearDuplicate { work, of, similarity, .. } => {
            assert_eq!((work.as_str(), of.as_str()), (id.as_str(), id.as_str()));
            assert!(similarity > 0.7, "{similarity}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(add(&mut store, GUAYAQUIL, "d.txt"), AddOutcome::Added { .. }));
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.works, stats.near_duplicate_works, stats.paths), (3, 2, 1, 4));
    let doc = store.doc(&id[..6]).unwrap();
    assert_eq!(doc.paths, ["a.txt", "copy/b.txt"]);
    assert_eq!(doc.work_members.len(), 1);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn changing_the_threshold_rekeys_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    add(&mut store, VRAEM, "a.txt");
    let doc = convert(VRAEM.replace("at night", "by night").as_bytes(), "b.txt", None).unwrap();
    let sig = Signature::of_text(&doc.extraction_text());
    let out = store.add(&doc, &sig, None, NearDupConfig { threshold: 0.8 }).unwrap();
    assert!(matches!(out, AddOutcome::NearDuplicate { .. }), "{out:?}");
}

#[test]
fn search_is_accent_and_case_insensitive_and_ranked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    add(&mut store, VRAEM, "a.txt");
    add(&mut store, GUAYAQUIL, "b.txt");
    let hits = store.search("apurimac", 10).unwrap();
    assert_eq!(hits.len(), 1);
    let (a, b) = hits[0].highlights[0];
    assert_eq!(&hits[0].snippet[a..b], "Apurímac");
    assert_eq!(store.search("\"los choneros\" OR pichari", 10).unwrap().len(), 2);
    assert!(store.search("cocaine", 10).unwrap()[0].score > 0.0);
    assert!(matches!(store.search("((", 10), Err(StoreError::EmptyQuery)));
    assert!(store.search("nothingmatcheshere", 10).unwrap().is_empty());
}

#[test]
fn schema_is_versioned_and_a_newer_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).err().unwrap();
    assert!(err.to_string().contains("newer nexus (schema version 99"), "{err}");
}

#[test]
fn a_file_that_is_not_a_store_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "these are my notes, not a database ".repeat(100)).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("notes.db: not a nexus store"));
    assert_eq!(std::fs::read(&path).unwrap().len(), 3500, "the file must not be touched");
}

#[test]
fn unknown_and_ambiguous_ids() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    add(&mut store, VRAEM, "a.txt");
    assert!(matches!(store.doc("zzzz"), Err(StoreError::NoSuchDocument(_))));
    assert!(store.doc("").is_ok(), "an empty prefix matches the only document");
    add(&mut store, GUAYAQUIL, "b.txt");
    assert!(matches!(store.doc(""), Err(StoreError::AmbiguousId { count: 2, .. })));
}

/// A process killed before the near-duplicate keys were flushed leaves documents whose keys are
/// only in their signatures; the next writer must index them again before matching.
#[test]
fn unflushed_index_is_rebuilt_from_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let mut store = Store::open(&path).unwrap();
    let AddOutcome::Added { id } = add(&mut store, VRAEM, "a.txt") else { panic!() };
    std::mem::forget(store); // no Drop, so no flush: as if killed
    let mut store = Store::open(&path).unwrap();
    let doc = convert(VRAEM.replace("at night", "by night").as_bytes(), "b.txt", None).unwrap();
    let out = store.add(&doc, &Signature::of_text(&doc.extraction_text()), None, NearDupConfig::default()).unwrap();
    assert!(matches!(&out, AddOutcome::NearDuplicate { of, .. } if *of == id), "{out:?}");
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: i64 = conn.query_row("SELECT count(DISTINCT doc_seq) FROM lsh", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 2, "both documents are in the persisted index after a clean close");
}

#[test]
fn regroup_applies_a_new_threshold_to_stored_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    add(&mut store, VRAEM, "a.txt");
    let edited = VRAEM.replace("at night", "mostly at night").replace("fixed fee", "flat fee");
    let sim = match add(&mut store, &edited, "b.txt") {
        AddOutcome::NearDuplicate { similarity, .. } => similarity,
        other => panic!("{other:?}"),
    };
    add(&mut store, GUAYAQUIL, "c.txt");
    let strict = store.regroup(NearDupConfig { threshold: (sim + 1.0) / 2.0 }).unwrap();
    assert_eq!((strict.documents, strict.works, strict.changed), (3, 3, 1));
    let loose = store.regroup(NearDupConfig::default()).unwrap();
    assert_eq!((loose.documents, loose.works, loose.changed), (3, 2, 1));
    assert_eq!(store.stats().unwrap().near_duplicate_works, 1);
    assert!(store.check().unwrap().is_empty());
}

fn extractor() -> &'static nexus_extract::Extractor {
    static EX: std::sync::OnceLock<nexus_extract::Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| nexus_extract::Extractor::new(nexus_kb::KnowledgeBase::load(&[]).0))
}

/// Convert and extract as the pipeline does, and store both in one transaction.
fn add_extracted(store: &mut Store, text: &str, source: &str) -> AddOutcome {
    let doc = convert(text.as_bytes(), source, None).unwrap();
    let sig = Signature::of_text(&doc.extraction_text());
    let x = extractor().extract(&doc.extraction_text(), doc.meta.published.as_deref());
    store.add(&doc, &sig, Some(&x), NearDupConfig::default()).unwrap()
}

#[test]
fn extraction_is_stored_with_its_document_and_found_by_folded_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let AddOutcome::Added { id } = add_extracted(&mut store, VRAEM, "a.txt") else { panic!() };
    add_extracted(&mut store, GUAYAQUIL, "b.txt");
    let stats = store.stats().unwrap();
    assert_eq!(stats.extracted_documents, 2);
    assert!(stats.entities >= 5 && stats.mentions >= stats.entities, "{stats:?}");
    assert!(store.check().unwrap().is_empty());

    // By the entity's name or the text's, whatever the case, accents or spacing.
    let keys = store.find_entities("SENDERO  luminoso").unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert_eq!(store.find_entities("shining páth").unwrap(), keys);
    assert_eq!(store.find_entities(&keys[0]).unwrap(), keys, "by key");
    assert_eq!(store.find_entities("LÍMA").unwrap().len(), 1);
    let e = store.entity(&keys[0]).unwrap().unwrap();
    assert_eq!((e.documents, e.mentions, e.kb_id.is_some(), e.entity_type.as_str()), (1, 1, true, "armed_group"), "{e:?}");
    let ctx = store.entity_mentions(&keys[0], 10).unwrap();
    assert_eq!(ctx[0].doc, id);
    let (a, b) = ctx[0].highlight;
    assert_eq!(&ctx[0].snippet[a..b], "Shining Path");
    assert!(
        ctx[0].snippet.starts_with("In this illicit economy") && ctx[0].snippet.ends_with("based…"),
        "the sentence, cut long after the mention: {}",
        ctx[0].snippet
    );
    assert_eq!(store.surface_forms(&keys[0]).unwrap(), [("Shining Path".to_owned(), 1)]);
    assert!(store.find_entities("nowhere at all").unwrap().is_empty());

    // Batches of inputs for re-extraction are bounded in documents and in bytes.
    assert_eq!(store.extraction_inputs(0, 10, 1 << 20).unwrap().len(), 2);
    assert_eq!(store.extraction_inputs(0, 10, 1).unwrap().len(), 1, "at least one, then the byte bound");
    assert_eq!(store.extraction_inputs(0, 1, 1 << 20).unwrap().len(), 1);
    let all = store.entities(None, None).unwrap();
    assert!(all.windows(2).all(|w| (w[0].documents, w[0].mentions) >= (w[1].documents, w[1].mentions)), "{all:?}");
    let places = store.entities(Some("place"), None).unwrap();
    assert!(!places.is_empty() && places.iter().all(|e| e.entity_type == "place"));
    assert_eq!(store.entities(None, Some(2)).unwrap().len(), 2);
}

#[test]
fn replacing_an_extraction_is_atomic_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let AddOutcome::Added { id } = add_extracted(&mut store, VRAEM, "a.txt") else { panic!() };
    let before = store.stats().unwrap();
    let inputs = store.extraction_inputs(0, 10, 1 << 20).unwrap();
    assert_eq!(inputs.len(), 1);
    let x = extractor().extract(&inputs[0].text, inputs[0].published.as_deref());
    store.replace_extraction(&id, &x).unwrap();
    let after = store.stats().unwrap();
    assert_eq!(
        (after.entities, after.mentions, after.quantities, after.dates),
        (before.entities, before.mentions, before.quantities, before.dates)
    );
    // An empty extraction leaves the document extracted, with nothing found.
    let empty = nexus_extract::Extractor::new(nexus_kb::KnowledgeBase::default()).extract("", None);
    store.replace_extraction(&id, &empty).unwrap();
    let cleared = store.stats().unwrap();
    assert_eq!((cleared.extracted_documents, cleared.entities, cleared.mentions), (1, 0, 0));
    assert!(matches!(store.replace_extraction("0000", &x), Err(StoreError::NoSuchDocument(_))));
    assert!(store.check().unwrap().is_empty());
}

/// A document stored without extraction gets it when its bytes come again with one, once.
#[test]
fn missing_extraction_is_added_to_stored_bytes_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let doc = convert(VRAEM.as_bytes(), "a.txt", None).unwrap();
    let sig = Signature::of_text(&doc.extraction_text());
    store.add(&doc, &sig, None, NearDupConfig::default()).unwrap();
    assert!(!store.has_extraction_for(&doc.sha256).unwrap());
    let x = extractor().extract(&doc.extraction_text(), None);
    let mut w = store.writer(NearDupConfig::default()).unwrap();
    assert!(matches!(w.add(&doc, &sig, Some(&x)).unwrap(), AddOutcome::Duplicate { new_path: false, .. }));
    assert!(w.add_missing_extraction(&doc.sha256, &x).unwrap());
    assert!(!w.add_missing_extraction(&doc.sha256, &x).unwrap());
    w.commit().unwrap();
    assert!(store.has_extraction_for(&doc.sha256).unwrap());
    assert_eq!(store.stats().unwrap().extracted_documents, 1);
    assert!(store.check().unwrap().is_empty());
}

/// Extraction rows outside the contract (a mention without its entity, an entity whose count is
/// off) are what a torn write would leave; `check` must name them.
#[test]
fn check_finds_torn_extractions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let mut store = Store::open(&path).unwrap();
    add_extracted(&mut store, VRAEM, "a.txt");
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    conn.execute("DELETE FROM doc_entities WHERE key = (SELECT key FROM doc_entities LIMIT 1)", []).unwrap();
    drop(conn);
    let problems = Store::open(&path).unwrap().check().unwrap();
    assert!(problems.iter().any(|p| p.contains("extraction rows without")), "{problems:?}");
}
