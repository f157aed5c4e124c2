//! Analyst corrections through the binary: `nexus correct set-type|alias|confirm|reject|note`,
//! `nexus entity merge` logged, `nexus corrections [undo]`, and every correction still applying
//! after `nexus reextract` and a second ingest of the same files — in `claims`, `entity`,
//! `entities`, `export` and `analyze`.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn arr(v: Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

/// Every claim id `nexus claims` shows, with its status.
fn claims(db: &Path) -> Vec<(String, Value)> {
    arr(json(nexus(db).args(["claims", "--json", "--limit", "1000", "--per-edge", "100"])))
        .iter()
        .flat_map(|e| arr(e["claims"].clone()))
        .map(|c| (c["id"].as_str().unwrap().to_owned(), c["status"].clone()))
        .collect()
}

#[test]
fn corrections_apply_everywhere_and_survive_reextract_and_reingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "The Shining Path operates in the VRAEM, where it taxes the cocaine trade and guards coca growers.").unwrap();
    std::fs::write(&b, "Police in Lima said Sendero Luminoso controls the Apurímac valley and the town of Pichari this year.").unwrap();
    assert_eq!(run(nexus(&db).arg("ingest").arg(&a).arg(&b)).code, 0);
    let before = claims(&db);
    assert!(before.len() >= 2, "the texts state relations: {before:?}");
    let (rejected, confirmed) = (before[0].0.clone(), before[1].0.clone());
    let analysed = json(nexus(&db).args(["analyze", "--json"]))["summary"]["claims"].as_u64().unwrap();
    assert_eq!(analysed, before.len() as u64);

    let c = json(nexus(&db).args(["correct", "set-type", "Shining Path", "criminal_org", "--who", "ana", "--note", "test", "--json"]));
    assert_eq!((c["kind"].as_str(), c["target"].as_str(), c["who"].as_str()), (Some("set_type"), Some("pe-sendero-luminoso"), Some("ana")));
    assert_eq!(c["note"], "test");
    let run_ok = |args: &[&str]| {
        let r = run(nexus(&db).args(args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    };
    run_ok(&["correct", "alias", "pe-sendero-luminoso", "El Partido"]);
    let reject = json(nexus(&db).args(["correct", "reject", &rejected, "--json", "--note", "misread"]));
    run_ok(&["correct", "confirm", &confirmed]);
    run_ok(&["correct", "note", "Sendero Luminoso", "a", "maoist", "group"]);
    let merge = run_ok(&["entity", "merge", "Pichari", "Lima", "--evidence", "test only"]);
    assert!(merge.contains("correction"), "{merge}");

    let check = |when: &str| {
        let e = json(nexus(&db).args(["entity", "el partido", "--json"]));
        assert_eq!((e["id"].as_str(), e["type"].as_str()), (Some("pe-sendero-luminoso"), Some("criminal_org")), "{when}: {e}");
        assert!(arr(e["aliases"].clone()).iter().any(|a| a == "El Partido"), "{when}: {e}");
        assert_eq!(e["notes"][0]["text"], "a maoist group", "{when}: {e}");
        let orgs = arr(json(nexus(&db).args(["entities", "--type", "criminal_org", "--json"])));
        assert!(orgs.iter().any(|o| o["id"] == "pe-sendero-luminoso"), "{when}: {orgs:?}");
        let armed = arr(json(nexus(&db).args(["entities", "--type", "armed_group", "--json"])));
        assert!(armed.iter().all(|o| o["id"] != "pe-sendero-luminoso"), "{when}: {armed:?}");
        let now = claims(&db);
        assert!(now.iter().all(|(id, _)| *id != rejected), "{when}: rejected claim shown");
        assert_eq!(now.iter().find(|(id, _)| *id == confirmed).map(|c| c.1.clone()), Some(Value::from("confirmed")), "{when}");
        let export = run(nexus(&db).args(["export", "--format", "json"]));
        assert_eq!(export.code, 0, "{}", export.stderr);
        assert!(!export.stdout.contains(&rejected), "{when}: rejected claim exported");
        let exported: Value = serde_json::from_str(&export.stdout).unwrap();
        let node = arr(exported["nodes"].clone()).into_iter().find(|n| n["key"] == "pe-sendero-luminoso").unwrap();
        assert_eq!(node["type"], "criminal_org", "{when}: {node}");
        let analysis = json(nexus(&db).args(["analyze", "--json"]));
        assert_eq!(analysis["summary"]["claims"].as_u64(), Some(analysed - 1), "{when}: rejected claim analysed");
        let actor = arr(analysis["actors"].clone()).into_iter().find(|a| a["key"] == "pe-sendero-luminoso").unwrap();
        assert_eq!(actor["type"], "criminal_org", "{when}: the analysis reads the corrected type before the knowledge base's");
        assert_eq!(json(nexus(&db).args(["entity", "Pichari", "--json"]))["id"], "pe-lima", "{when}");
    };
    check("as corrected");
    assert_eq!(run(nexus(&db).arg("reextract")).code, 0);
    check("after reextract");
    assert_eq!(run(nexus(&db).arg("ingest").arg(&a).arg(&b)).code, 0);
    check("after a second ingest");

    // The log, and undo.
    let log = arr(json(nexus(&db).args(["corrections", "--json"])));
    let kinds: Vec<&str> = log.iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["set_type", "add_alias", "reject_claim", "confirm_claim", "note", "merge"]);
    assert_eq!(arr(json(nexus(&db).args(["corrections", "--target", "pe-sendero-luminoso", "--json"]))).len(), 3);
    assert_eq!(arr(json(nexus(&db).args(["corrections", "--target", "Shining Path", "--json"]))).len(), 3);
    let table = run_ok(&["corrections"]);
    assert!(table.contains("set_type") && table.contains("in force"), "{table}");
    let id = reject["id"].as_i64().unwrap().to_string();
    let undone = json(nexus(&db).args(["corrections", "undo", &id, "--who", "bo", "--json"]));
    assert_eq!(undone["undone_by"], "bo");
    assert!(claims(&db).iter().any(|(c, _)| *c == rejected), "the claim is back");
    let again = run(nexus(&db).args(["corrections", "undo", &id]));
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("undone already"), "{}", again.stderr);
    let bad = run(nexus(&db).args(["correct", "set-type", "Lima", "drugs"]));
    assert!(bad.code != 0 && bad.stderr.contains("not an entity type"), "{}", bad.stderr);
    let empty = run(nexus(&db).args(["correct", "alias", "Lima", " "]));
    assert!(empty.code != 0 && empty.stderr.contains("alias is empty"), "{}", empty.stderr);
    assert_eq!(run(nexus(&db).args(["entity", "unmerge", "pe-pichari"])).code, 0);
    assert_eq!(arr(json(nexus(&db).args(["corrections", "--json"]))).last().unwrap()["kind"], "split");
}
