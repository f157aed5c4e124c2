//! Extraction stored at ingest, end to end through the binary: `nexus entities`, `nexus entity`,
//! `nexus reextract`, `--no-extract`, and idempotent re-runs.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn entities(db: &Path, extra: &[&str]) -> Vec<Value> {
    json(nexus(db).args(["entities", "--json"]).args(extra)).as_array().cloned().unwrap_or_default()
}

fn find<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter().find(|e| e["name"] == name).unwrap_or_else(|| panic!("{name} not among {} entities", list.len()))
}

#[test]
fn entities_and_entity_over_the_demo_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let s = json(nexus(&db).args(["ingest", "--json"]).arg(demo_corpus()));
    assert_eq!(s["extracted"], s["ingested"], "{s}");

    let all = entities(&db, &[]);
    for (name, ty) in [("Sendero Luminoso", "armed_group"), ("cocaine", "commodity")] {
        let e = find(&all, name);
        assert_eq!(e["type"], ty);
        assert!(e["mentions"].as_u64() > Some(0) && e["documents"].as_u64() > Some(0), "{e}");
        assert!(e["kb_id"].is_string(), "{e}");
        assert!(e["mentions"].as_u64() >= e["documents"].as_u64(), "{e}");
    }
    let key = |e: &Value| (e["documents"].as_u64().unwrap(), e["mentions"].as_u64().unwrap());
    assert!(all.windows(2).all(|w| key(&w[0]) >= key(&w[1])), "sorted by documents, then mentions");
    let groups = entities(&db, &["--type", "armed_group"]);
    assert!(groups.iter().all(|e| e["type"] == "armed_group") && groups.iter().any(|e| e["name"] == "Sendero Luminoso"));
    assert_eq!(entities(&db, &["--limit", "3"]).len(), 3);
    let table = run(nexus(&db).args(["entities", "--limit", "5"]));
    assert!(table.stdout.starts_with("NAME") && table.stdout.lines().count() == 6, "{}", table.stdout);
    let bad = run(nexus(&db).args(["entities", "--type", "gang"]));
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("criminal_org"), "the valid types are listed: {}", bad.stderr);

    // Found by name, alias or id, whatever the case and accents.
    let sl = json(nexus(&db).args(["entity", "sendero luminoso", "--json"]));
    assert_eq!((sl["name"].as_str(), sl["type"].as_str()), (Some("Sendero Luminoso"), Some("armed_group")));
    assert_eq!(sl["mentions"], find(&all, "Sendero Luminoso")["mentions"]);
    assert!(sl["aliases"].as_array().unwrap().iter().any(|a| a == "Shining Path"), "{}", sl["aliases"]);
    let contexts = sl["contexts"].as_array().unwrap();
    assert!(!contexts.is_empty());
    for c in contexts {
        let snippet = c["snippet"].as_str().unwrap();
        let (a, b) = (c["highlight"][0].as_u64().unwrap() as usize, c["highlight"][1].as_u64().unwrap() as usize);
        assert_eq!(&snippet[a..b], c["text"].as_str().unwrap());
        assert!(c["doc"].is_string() && c["title"].is_string());
    }
    let forms: Vec<&str> = sl["surface_forms"].as_array().unwrap().iter().filter_map(|s| s["text"].as_str()).collect();
    assert!(forms.contains(&"Shining Path") && forms.contains(&"Sendero Luminoso"), "{forms:?}");
    for other in ["SHINING PATH", "pe-sendero-luminoso"] {
        assert_eq!(json(nexus(&db).args(["entity", other, "--json"]))["id"], sl["id"], "{other}");
    }
    assert_eq!(json(nexus(&db).args(["entity", "Apurimac", "--json"]))["name"], "Apurímac");
    let text = run(nexus(&db).args(["entity", "Sendero", "Luminoso"]));
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(text.stdout.contains("**Shining Path**") && text.stdout.contains("kb id:      pe-sendero-luminoso"), "{}", text.stdout);
    assert!(text.stdout.contains(contexts[0]["doc"].as_str().unwrap()));

    // Unknown names fail, with the close names when there are some.
    let typo = run(nexus(&db).args(["entity", "Sendero Luminozo"]));
    assert_ne!(typo.code, 0);
    assert!(
        typo.stderr.contains("no entity called 'Sendero Luminozo'") && typo.stderr.contains("did you mean: Sendero Luminoso"),
        "{}",
        typo.stderr
    );
    let nothing = run(nexus(&db).args(["entity", "xyzzyqx"]));
    assert_ne!(nothing.code, 0);
    assert!(nothing.stderr.contains("no entity called 'xyzzyqx'") && !nothing.stderr.contains("did you mean"), "{}", nothing.stderr);

    let stats = json(nexus(&db).args(["stats", "--json"]));
    assert_eq!(stats["extracted_documents"], stats["documents"]);
    assert!(
        stats["entities"].as_u64() == Some(all.len() as u64) && stats["quantities"].as_u64() > Some(0) && stats["dates"].as_u64() > Some(0),
        "{stats}"
    );

    // Ingesting again adds nothing; re-extracting with the same knowledge base changes nothing.
    let again = json(nexus(&db).args(["ingest", "--json"]).arg(demo_corpus()));
    assert_eq!((again["ingested"].as_u64(), again["extracted"].as_u64()), (Some(0), Some(0)), "{again}");
    assert_eq!(entities(&db, &[]), all);
    let re = json(nexus(&db).args(["reextract", "--json"]));
    assert_eq!(re["documents"], stats["documents"]);
    assert_eq!(entities(&db, &[]), all);
    let after = json(nexus(&db).args(["stats", "--json"]));
    for k in ["entities", "mentions", "quantities", "dates", "extracted_documents"] {
        assert_eq!(after[k], stats[k], "{k}");
    }
    let store = nexus_store::Store::open_existing(&db).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

/// Documents stored with `--no-extract` are counted as such; ingesting them again extracts them,
/// and `reextract` picks up a knowledge base that changed meanwhile.
#[test]
fn no_extract_then_ingest_again_and_reextract_with_a_new_kb() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for f in ["en-01-vraem-nexus.txt", "es-02-vraem-sendero.html", "pt-01-pf-santos.txt"] {
        std::fs::copy(demo_corpus().join(f), docs.join(f)).unwrap();
    }
    std::fs::write(docs.join("local.txt"), "Police in Trujillo said the Banda Zetaquira Norte extorted bus companies in 2023.\n").unwrap();
    let db = dir.path().join("n.db");
    let s = json(nexus(&db).args(["ingest", "--json", "--no-extract"]).arg(&docs));
    assert_eq!((s["ingested"].as_u64(), s["extracted"].as_u64()), (Some(4), Some(0)), "{s}");
    let empty = run(nexus(&db).args(["entities", "--json"]));
    assert_eq!(empty.stdout.trim(), "[]");
    assert!(empty.stderr.contains("4 of 4 documents have no extraction yet"), "{}", empty.stderr);

    let r = run(nexus(&db).arg("ingest").arg(&docs));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("ingested 0") && r.stderr.contains("extracted 4 documents stored earlier"), "{}", r.stderr);
    assert!(find(&entities(&db, &[]), "Sendero Luminoso")["documents"].as_u64() >= Some(2));

    // The analyst adds an organization to a `kb/` folder beside the store; reextract finds it.
    std::fs::create_dir(dir.path().join("kb")).unwrap();
    std::fs::write(
        dir.path().join("kb/local.jsonl"),
        r#"{"id": "pe-banda-zetaquira-norte", "type": "criminal_org", "name": "Banda Zetaquira Norte", "country": "PE"}"#.to_owned() + "\n",
    )
    .unwrap();
    let before = json(nexus(&db).args(["stats", "--json"]));
    assert_eq!(run(nexus(&db).arg("reextract")).code, 0);
    let banda = json(nexus(&db).args(["entity", "banda zetaquira norte", "--json"]));
    assert_eq!((banda["kb_id"].as_str(), banda["documents"].as_u64()), (Some("pe-banda-zetaquira-norte"), Some(1)), "{banda}");
    let after = json(nexus(&db).args(["stats", "--json"]));
    assert_eq!(after["extracted_documents"], before["extracted_documents"]);
    let store = nexus_store::Store::open_existing(&db).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn reextract_needs_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(nexus(&dir.path().join("none.db")).arg("reextract"));
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("none.db"), "{}", r.stderr);
    assert!(!dir.path().join("none.db").exists(), "no store is created by reextract");
}
