//! Analyst corrections: each kind applied, logged and undone; validation; the v4 → v5 migration;
//! and corrections that keep applying after re-extraction and re-ingest of the same documents.

use nexus_extract::{ExtractedEntity, Extraction};
use nexus_ingest::{Signature, convert};
use nexus_store::{AddOutcome, Change, ClaimFilter, ClaimStatus, NearDupConfig, Store, StoreError};
use nexus_testkit::fixtures::relation;
use std::path::Path;

fn entity(id: &str, name: &str, ty: &'static str, text: &str) -> ExtractedEntity {
    nexus_testkit::fixtures::entity(id, name, ty, true, text)
}

const A: &str = "Venue: Insight Crime\n\nThe Gulf Clan works with the Sinaloa Cartel, moving cocaine through the Darien, say officials.";
const B: &str =
    "Venue: Reuters\n\nAccording to prosecutors in Bogotá, the Sinaloa Cartel cooperates with the Gulf Clan and ships cocaine north.";
const C: &str = "Venue: El Tiempo\n\nA leaked report says cocaine is sent north by the Sinaloa Cartel in partnership with the Gulf Clan.";

/// The hand-made extraction of one of the texts above.
fn extraction(text: &str) -> Extraction {
    let entities = vec![
        entity("co-clan-del-golfo", "Gulf Clan", "criminal_org", text),
        entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", text),
        entity("cocaine", "cocaine", "commodity", text),
    ];
    let relations = vec![
        relation("co-clan-del-golfo", "cooperates_with", "mx-sinaloa-cartel", text),
        relation("mx-sinaloa-cartel", "traffics", "cocaine", text),
    ];
    Extraction { entities, relations, quantities: vec![], dates: vec![] }
}

/// Store the three documents (three works, one edge each of `traffics` and `cooperates_with`);
/// their ids.
fn three_works(store: &mut Store) -> Vec<String> {
    let mut ids = Vec::new();
    for (text, source) in [(A, "a.txt"), (B, "b.txt"), (C, "c.txt")] {
        ids.push(add(store, text, source));
    }
    ids
}

fn add(store: &mut Store, text: &str, source: &str) -> String {
    let doc = convert(text.as_bytes(), source, None).unwrap();
    let sig = Signature::of_text(&doc.extraction_text());
    let x = extraction(&doc.text);
    match store.add(&doc, &sig, Some(&x), NearDupConfig::default()).unwrap() {
        AddOutcome::Added { id } | AddOutcome::NearDuplicate { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

fn traffics(store: &Store) -> Option<nexus_store::EdgeClaims> {
    store.claims(&ClaimFilter::default()).unwrap().into_iter().find(|e| e.edge.predicate == "traffics")
}

/// The id of the `traffics` claim of document `doc`.
fn traffics_claim(store: &Store, doc: &str) -> String {
    traffics(store).unwrap().claims.iter().find(|c| c.doc == doc).unwrap().id.clone()
}

fn open(dir: &Path) -> Store {
    Store::open(&dir.join("n.db")).unwrap()
}

fn clean(store: &Store) {
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn set_type_and_alias_apply_to_every_read_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    three_works(&mut store);
    let c = store
        .correct(&Change::SetType { key: "co-clan-del-golfo".into(), r#type: "armed_group".into() }, "ana", Some("a guerrilla"))
        .unwrap();
    assert_eq!(
        (c.kind.as_str(), c.target.as_str(), c.who.as_str(), c.note.as_deref()),
        ("set_type", "co-clan-del-golfo", "ana", Some("a guerrilla"))
    );
    assert_eq!(c.before["types"]["co-clan-del-golfo"]["type"], "criminal_org");
    assert!(c.at.ends_with('Z') && c.at.len() == 20, "RFC 3339 UTC: {}", c.at);
    assert_eq!(store.entity("co-clan-del-golfo").unwrap().unwrap().entity_type, "armed_group");
    assert_eq!(store.entity_type("co-clan-del-golfo").unwrap().as_deref(), Some("armed_group"));
    assert_eq!(store.entity_types().unwrap()["co-clan-del-golfo"], "armed_group");
    let of = |store: &Store, t: &str| store.entities(Some(t), None).unwrap().into_iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(of(&store, "armed_group"), ["co-clan-del-golfo"]);
    assert_eq!(of(&store, "criminal_org"), ["mx-sinaloa-cartel"]);
    // Merges read types as corrected: the two are no longer of one type.
    assert!(store.correct(&Change::Merge { from: "co-clan-del-golfo".into(), into: "mx-sinaloa-cartel".into() }, "ana", None).is_err());

    // A second type on top; the first cannot be undone under it.
    let c2 = store.correct(&Change::SetType { key: "co-clan-del-golfo".into(), r#type: "company".into() }, "bo", None).unwrap();
    assert!(matches!(store.undo_correction(c.id, "ana"), Err(StoreError::CannotUndo { .. })));
    store.undo_correction(c2.id, "bo").unwrap();
    assert_eq!(store.entity("co-clan-del-golfo").unwrap().unwrap().entity_type, "armed_group");
    let undone = store.undo_correction(c.id, "ana").unwrap();
    assert_eq!(undone.undone_by.as_deref(), Some("ana"));
    assert!(undone.undone_at.is_some());
    assert_eq!(store.entity("co-clan-del-golfo").unwrap().unwrap().entity_type, "criminal_org");
    assert!(store.type_overrides().unwrap().is_empty());

    // Aliases find the entity by name, folded, until undone.
    assert!(store.find_entities("el cartel del pacifico").unwrap().is_empty());
    let a =
        store.correct(&Change::AddAlias { key: "mx-sinaloa-cartel".into(), alias: "El Cártel del Pacífico".into() }, "ana", None).unwrap();
    assert_eq!(store.find_entities("EL CARTEL DEL PACIFICO").unwrap(), ["mx-sinaloa-cartel"]);
    assert_eq!(store.analyst_aliases("mx-sinaloa-cartel").unwrap(), ["El Cártel del Pacífico"]);
    assert!(store.entity_names().unwrap().iter().any(|(f, k)| f == "el cartel del pacifico" && k == "mx-sinaloa-cartel"));
    store.undo_correction(a.id, "ana").unwrap();
    assert!(store.find_entities("el cartel del pacifico").unwrap().is_empty());
    assert_eq!(store.corrections(None).unwrap().len(), 3);
    assert_eq!(store.corrections(Some("mx-sinaloa-cartel")).unwrap().len(), 1);
    clean(&store);
}

#[test]
fn rejected_claims_leave_every_read_and_come_back_on_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let ids = three_works(&mut store);
    assert_eq!(traffics(&store).unwrap().edge.support, 3);
    let claim = traffics_claim(&store, &ids[0]);
    let r = store.correct(&Change::RejectClaim { claim_id: claim.clone() }, "ana", Some("misread")).unwrap();
    assert_eq!(store.claim_status(&claim).unwrap(), Some(ClaimStatus::Rejected));
    // The summaries were recomputed for the edge: the look-up, aggregation and check agree.
    clean(&store);
    let e = traffics(&store).unwrap();
    assert_eq!((e.edge.support, e.edge.claim_count), (2, 2));
    assert!(e.claims.iter().all(|c| c.id != claim));
    let by_entity = store.claims(&ClaimFilter { entity: Some("cocaine".into()), ..Default::default() }).unwrap();
    assert_eq!(by_entity[0].edge.support, 2);
    assert!(by_entity[0].claims.iter().all(|c| c.id != claim));
    let by_subject = store.claims(&ClaimFilter { subject: Some("mx-sinaloa-cartel".into()), ..Default::default() }).unwrap();
    assert!(by_subject.iter().flat_map(|e| &e.claims).all(|c| c.id != claim));
    assert!(store.claim_scan().unwrap().claims.iter().all(|c| c.id != claim));
    let g = store.graph(Some("traffics")).unwrap();
    assert_eq!(g.graph.edge_weights().map(|w| w.support).collect::<Vec<_>>(), [2]);

    // Confirmed claims are marked.
    let other = traffics_claim(&store, &ids[1]);
    let c = store.correct(&Change::ConfirmClaim { claim_id: other.clone() }, "bo", None).unwrap();
    let e = traffics(&store).unwrap();
    assert_eq!(e.claims.iter().find(|c| c.id == other).unwrap().status, Some(ClaimStatus::Confirmed));
    let json = serde_json::to_value(&e).unwrap();
    assert!(json["claims"].as_array().unwrap().iter().any(|c| c["status"] == "confirmed"), "{json}");
    // Rejecting the confirmed claim supersedes the confirmation; undoing restores it.
    let r2 = store.correct(&Change::RejectClaim { claim_id: other.clone() }, "bo", None).unwrap();
    assert_eq!(traffics(&store).unwrap().edge.support, 1);
    assert!(matches!(store.undo_correction(c.id, "bo"), Err(StoreError::CannotUndo { .. })));
    store.undo_correction(r2.id, "bo").unwrap();
    assert_eq!(store.claim_status(&other).unwrap(), Some(ClaimStatus::Confirmed));
    clean(&store);

    store.undo_correction(r.id, "ana").unwrap();
    assert_eq!(store.claim_status(&claim).unwrap(), None);
    let e = traffics(&store).unwrap();
    assert_eq!((e.edge.support, e.edge.claim_count), (3, 3));
    assert_eq!(g_support(&store), 3);
    clean(&store);
    // Every claim of an edge rejected: the edge is gone, and its summary with it.
    for id in &ids {
        let claim = traffics_claim(&store, id);
        store.correct(&Change::RejectClaim { claim_id: claim }, "ana", None).unwrap();
    }
    assert!(traffics(&store).is_none());
    assert!(store.claims(&ClaimFilter { entity: Some("cocaine".into()), ..Default::default() }).unwrap().is_empty());
    clean(&store);
}

fn g_support(store: &Store) -> u64 {
    store.graph(Some("traffics")).unwrap().graph.edge_weights().map(|w| w.support).sum()
}

#[test]
fn merges_splits_and_notes_are_logged_with_the_merge_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let ids = three_works(&mut store);
    let m = store
        .correct(&Change::Merge { from: "co-clan-del-golfo".into(), into: "mx-sinaloa-cartel".into() }, "ana", Some("same group"))
        .unwrap();
    let history = store.merge_history().unwrap();
    assert_eq!(m.after["merge"], history[0].id);
    assert_eq!((history[0].evidence.as_str(), history[0].decided_by.as_str()), ("same group", "ana"));
    assert_eq!(store.merges().unwrap().canonical("co-clan-del-golfo"), "mx-sinaloa-cartel");
    // A type set on a merged entity is set on every key read as it.
    let t = store.correct(&Change::SetType { key: "mx-sinaloa-cartel".into(), r#type: "armed_group".into() }, "ana", None).unwrap();
    assert_eq!(store.entity_type("co-clan-del-golfo").unwrap().as_deref(), Some("armed_group"));
    store.undo_correction(t.id, "ana").unwrap();
    assert_eq!(store.entity_type("co-clan-del-golfo").unwrap().as_deref(), Some("criminal_org"));

    store.undo_correction(m.id, "ana").unwrap();
    assert!(store.merges().unwrap().is_empty());
    assert!(store.merge_history().unwrap()[0].undone_at.is_some());

    // A split is an unmerge; undoing it merges again.
    store.correct(&Change::Merge { from: "co-clan-del-golfo".into(), into: "mx-sinaloa-cartel".into() }, "ana", None).unwrap();
    let s = store.correct(&Change::Split { key: "co-clan-del-golfo".into() }, "bo", Some("two groups")).unwrap();
    assert!(store.merges().unwrap().is_empty());
    assert_eq!(s.before["merged_into"], "mx-sinaloa-cartel");
    store.undo_correction(s.id, "bo").unwrap();
    assert_eq!(store.merges().unwrap().canonical("co-clan-del-golfo"), "mx-sinaloa-cartel");
    assert_eq!(store.merge_history().unwrap().len(), 3);

    // Notes on an entity, a claim and a document.
    let claim = store.claims(&ClaimFilter::default()).unwrap()[0].claims[0].id.clone();
    for target in ["cocaine", claim.as_str(), ids[0].as_str()] {
        store.correct(&Change::Note { target: target.into(), text: format!("about {target}") }, "ana", None).unwrap();
        assert_eq!(store.entity_notes(target).unwrap()[0].text, format!("about {target}"));
    }
    let n = store.corrections(Some("cocaine")).unwrap().pop().unwrap();
    store.undo_correction(n.id, "bo").unwrap();
    assert!(store.entity_notes("cocaine").unwrap().is_empty());
    clean(&store);
}

#[test]
fn bad_corrections_are_refused_with_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let ids = three_works(&mut store);
    let bad = |store: &mut Store, change: Change| store.correct(&change, "ana", None).unwrap_err();
    assert!(matches!(bad(&mut store, Change::SetType { key: "nobody".into(), r#type: "person".into() }), StoreError::UnknownEntity(_)));
    assert!(matches!(bad(&mut store, Change::SetType { key: "cocaine".into(), r#type: "drug".into() }), StoreError::UnknownType(_)));
    assert!(matches!(bad(&mut store, Change::SetType { key: "cocaine".into(), r#type: "commodity".into() }), StoreError::Unchanged(_)));
    assert!(matches!(bad(&mut store, Change::AddAlias { key: "cocaine".into(), alias: "  ".into() }), StoreError::EmptyText("alias")));
    assert!(matches!(bad(&mut store, Change::AddAlias { key: "nobody".into(), alias: "x".into() }), StoreError::UnknownEntity(_)));
    assert!(matches!(bad(&mut store, Change::ConfirmClaim { claim_id: "0123456789abcdef".into() }), StoreError::UnknownClaim(_)));
    assert!(matches!(bad(&mut store, Change::RejectClaim { claim_id: "".into() }), StoreError::UnknownClaim(_)));
    assert!(matches!(bad(&mut store, Change::Note { target: "cocaine".into(), text: "\n".into() }), StoreError::EmptyText("note")));
    assert!(matches!(bad(&mut store, Change::Note { target: "nothing".into(), text: "x".into() }), StoreError::UnknownTarget(_)));
    assert!(matches!(bad(&mut store, Change::Merge { from: "cocaine".into(), into: "cocaine".into() }), StoreError::SelfMerge(_)));
    assert!(matches!(bad(&mut store, Change::Merge { from: "cocaine".into(), into: "nobody".into() }), StoreError::UnknownEntity(_)));
    assert!(matches!(bad(&mut store, Change::Split { key: "cocaine".into() }), StoreError::BadQuery { .. }));
    assert!(matches!(
        store.correct(&Change::Note { target: "cocaine".into(), text: "x".into() }, " ", None),
        Err(StoreError::EmptyText(_))
    ));
    // Nothing refused was logged or applied.
    assert!(store.corrections(None).unwrap().is_empty());
    assert!(store.merges().unwrap().is_empty());

    let c = store.correct(&Change::Note { target: ids[0].clone(), text: "x".into() }, "ana", None).unwrap();
    store.undo_correction(c.id, "ana").unwrap();
    assert!(matches!(store.undo_correction(c.id, "ana"), Err(StoreError::AlreadyUndone { .. })));
    assert!(matches!(store.undo_correction(999, "ana"), Err(StoreError::NoSuchCorrection(999))));

    // `check` finds state left by a correction no longer in force.
    let n = store.correct(&Change::Note { target: ids[0].clone(), text: "y".into() }, "ana", None).unwrap();
    clean(&store);
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.execute("UPDATE corrections SET undone_at = 'now' WHERE id = ?1", [n.id]).unwrap();
    assert!(store.check().unwrap().iter().any(|p| p.contains("correction state rows")), "{:?}", store.check().unwrap());
}

#[test]
fn the_change_json_is_tagged_by_kind() {
    let c: Change = serde_json::from_str(r#"{"kind": "set_type", "key": "k", "type": "person"}"#).unwrap();
    assert_eq!(c, Change::SetType { key: "k".into(), r#type: "person".into() });
    let c: Change = serde_json::from_str(r#"{"kind": "reject_claim", "claim_id": "abc"}"#).unwrap();
    assert_eq!(c.kind(), "reject_claim");
    assert_eq!(
        serde_json::to_value(Change::Merge { from: "a".into(), into: "b".into() }).unwrap(),
        serde_json::json!({"kind": "merge", "from": "a", "into": "b"})
    );
}

/// A store written at v4 (before corrections) migrates to v5 and keeps its claims and summaries.
#[test]
fn a_version_4_store_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    {
        let mut store = Store::open(&path).unwrap();
        three_works(&mut store);
    }
    // v5 only adds tables: dropping them leaves exactly what v4 wrote.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE analyst_notes; DROP TABLE claim_reviews; DROP TABLE entity_aliases; DROP TABLE entity_type_overrides;
             DROP TABLE corrections; PRAGMA user_version = 4;",
        )
        .unwrap();
        assert!(conn.prepare("SELECT 1 FROM corrections").is_err());
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    clean(&store);
    assert_eq!(traffics(&store).unwrap().edge.support, 3);
    let claim = traffics(&store).unwrap().claims[0].id.clone();
    store.correct(&Change::RejectClaim { claim_id: claim }, "ana", None).unwrap();
    assert_eq!(traffics(&store).unwrap().edge.support, 2);
    clean(&store);
}

/// Every kind of correction holds after the documents are extracted again and ingested again:
/// keyed by entity keys and claim ids, which both reproduce.
#[test]
fn corrections_survive_reextraction_and_reingest() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let ids = three_works(&mut store);
    let claim = traffics_claim(&store, &ids[0]);
    let confirmed = traffics_claim(&store, &ids[1]);
    let fix = |store: &mut Store, c: Change| store.correct(&c, "ana", None).unwrap();
    fix(&mut store, Change::SetType { key: "cocaine".into(), r#type: "activity".into() });
    fix(&mut store, Change::AddAlias { key: "co-clan-del-golfo".into(), alias: "Los Urabeños".into() });
    fix(&mut store, Change::RejectClaim { claim_id: claim.clone() });
    fix(&mut store, Change::ConfirmClaim { claim_id: confirmed.clone() });
    fix(&mut store, Change::Note { target: "cocaine".into(), text: "a commodity, really".into() });
    fix(&mut store, Change::Merge { from: "co-clan-del-golfo".into(), into: "mx-sinaloa-cartel".into() });

    let check = |store: &Store, when: &str| {
        assert_eq!(store.entity_type("cocaine").unwrap().as_deref(), Some("activity"), "{when}");
        assert_eq!(store.entities(Some("activity"), None).unwrap()[0].id, "cocaine", "{when}");
        assert_eq!(store.entity_types().unwrap()["cocaine"], "activity", "{when}");
        assert_eq!(store.find_entities("los urabenos").unwrap(), ["co-clan-del-golfo"], "{when}");
        assert_eq!(store.claim_status(&claim).unwrap(), Some(ClaimStatus::Rejected), "{when}");
        let e = traffics(store).unwrap();
        assert_eq!(e.edge.support, 2, "{when}");
        assert!(e.claims.iter().all(|c| c.id != claim), "{when}");
        assert_eq!(e.claims.iter().find(|c| c.id == confirmed).unwrap().status, Some(ClaimStatus::Confirmed), "{when}");
        let looked_up = store.claims(&ClaimFilter { entity: Some("cocaine".into()), ..Default::default() }).unwrap();
        assert!(looked_up[0].claims.iter().all(|c| c.id != claim) && looked_up[0].edge.support == 2, "{when}");
        assert!(store.claim_scan().unwrap().claims.iter().all(|c| c.id != claim), "{when}");
        assert_eq!(store.entity_notes("cocaine").unwrap()[0].text, "a commodity, really", "{when}");
        assert_eq!(store.merges().unwrap().canonical("co-clan-del-golfo"), "mx-sinaloa-cartel", "{when}");
        clean(store);
    };
    check(&store, "as corrected");
    let visible = |store: &Store| -> Vec<String> {
        let mut v: Vec<String> =
            store.claims(&ClaimFilter::default()).unwrap().iter().flat_map(|e| e.claims.iter().map(|c| c.id.clone())).collect();
        v.sort();
        v
    };
    let before = visible(&store);

    // Re-extraction of every document: its rows are deleted and written again.
    for id in &ids {
        let text = store.doc(id).unwrap().text;
        store.replace_extraction(id, &extraction(&text)).unwrap();
    }
    assert_eq!(visible(&store), before, "claim ids are stable");
    check(&store, "after re-extraction");

    // An extraction that no longer makes the rejected claim, then one that makes it again: the
    // summaries stay what the claims give, and the rejection applies again.
    let text = store.doc(&ids[0]).unwrap().text;
    let mut without = extraction(&text);
    without.relations.retain(|r| r.predicate != "traffics");
    store.replace_extraction(&ids[0], &without).unwrap();
    clean(&store);
    assert_eq!(traffics(&store).unwrap().edge.support, 2);
    store.replace_extraction(&ids[0], &extraction(&text)).unwrap();
    check(&store, "after the rejected claim came back");

    // Re-ingest of the same bytes, into the same store and after the store is reopened.
    for (text, source) in [(A, "a2.txt"), (B, "b2.txt"), (C, "c2.txt")] {
        let doc = convert(text.as_bytes(), source, None).unwrap();
        let sig = Signature::of_text(&doc.extraction_text());
        let x = extraction(&doc.text);
        store.add(&doc, &sig, Some(&x), NearDupConfig::default()).unwrap();
    }
    drop(store);
    let store = open(dir.path());
    check(&store, "after re-ingest");
}
