//! `nexus extract --json` keeps ONTOLOGY.md's contract, and `nexus eval` scores the seeds.

mod common;
use common::*;

#[test]
fn extract_json_is_the_contract_and_spans_index_the_stored_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let demo = demo_corpus();
    let r = run(nexus(&db).args(["extract", "--json"]).arg(&demo));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), std::fs::read_dir(&demo).unwrap().count(), "one JSON object per document");
    // The stored text is what `ingest` + `doc --text` print; spans must index it.
    assert_eq!(run(nexus(&db).arg("ingest").arg(&demo)).code, 0);
    for obj in &lines {
        for key in ["document", "entities", "relations", "quantities", "dates"] {
            assert!(obj.get(key).is_some(), "missing '{key}'");
        }
        let id = obj["document"]["id"].as_str().unwrap();
        let text = json(nexus(&db).args(["doc", "--json", id]))["text"].as_str().unwrap().to_owned();
        let check = |item: &serde_json::Value| {
            let (s, e) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..e], item["text"].as_str().unwrap(), "{}", obj["document"]["source"]);
        };
        for e in obj["entities"].as_array().unwrap() {
            assert!(e["type"].is_string() && e["in_kb"].is_boolean() && e["unnamed"].is_boolean());
            e["mentions"].as_array().unwrap().iter().for_each(check);
        }
        obj["quantities"].as_array().unwrap().iter().for_each(check);
        obj["dates"].as_array().unwrap().iter().for_each(check);
    }
}

#[test]
fn no_relations_keeps_every_entity_quantity_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let demo = demo_corpus();
    let parse = |out: String| -> Vec<serde_json::Value> { out.lines().map(|l| serde_json::from_str(l).unwrap()).collect() };
    let full = parse(run(nexus(&db).args(["extract", "--json"]).arg(&demo)).stdout);
    let r = run(nexus(&db).args(["extract", "--json", "--no-relations"]).arg(&demo));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bare = parse(r.stdout);
    assert_eq!(full.len(), bare.len());
    assert!(full.iter().any(|o| !o["relations"].as_array().unwrap().is_empty()), "the demo states relations");
    for (f, b) in full.iter().zip(&bare) {
        assert_eq!(b["relations"], serde_json::json!([]), "{}", b["document"]["source"]);
        for key in ["document", "entities", "quantities", "dates"] {
            assert_eq!(f[key], b[key], "{key} of {}", f["document"]["source"]);
        }
    }
}

#[test]
fn eval_scores_the_seeds() {
    let Some(shared) = shared() else {
        eprintln!("SKIPPED: ../shared is not beside the checkout");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = json(
        nexus(&dir.path().join("n.db"))
            .args(["eval", "--json", "--gold"])
            .arg(shared.join("gold/seed.json"))
            .arg("--docs")
            .arg(shared.join("seeds")),
    );
    let f1 = |c: &str| report["categories"][c]["f1"].as_f64().unwrap();
    assert!(f1("entities_typed") >= 0.95, "{}", report["categories"]);
    assert_eq!(f1("quantities"), 1.0, "{}", report["categories"]);
    assert_eq!(report["documents"].as_array().unwrap().len(), 2, "the gold applies to both seeds");
    // The per-predicate rows split the relations row exactly.
    let predicates = report["relation_predicates"].as_object().unwrap();
    assert!(predicates.contains_key("ships_to") && predicates.contains_key("seized"), "{predicates:?}");
    for key in ["tp", "fp", "fn"] {
        let sum: u64 = predicates.values().map(|s| s[key].as_u64().unwrap()).sum();
        assert_eq!(sum, report["categories"]["relations"][key].as_u64().unwrap(), "{key}: {predicates:?}");
    }
}
