//! Claims and the graph through the binary: `nexus claims`, `nexus graph neighbors|path`,
//! `nexus entity` with its relations, `nexus source grade|list`, `nexus entity merge|unmerge`.

mod common;
use common::*;
use serde_json::Value;

fn arr(v: Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

#[test]
fn claims_graph_and_grades_over_the_demo_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let s = json(nexus(&db).args(["ingest", "--json"]).arg(demo_corpus()));
    assert_eq!(s["extracted"], s["ingested"], "{s}");

    let all = arr(json(nexus(&db).args(["claims", "--json", "--limit", "1000", "--per-edge", "100"])));
    assert!(all.len() > 20, "the demo corpus states relations: {}", all.len());
    let docs = arr(json(nexus(&db).args(["docs", "--json"])));
    let text_of = |id: &str| json(nexus(&db).args(["doc", "--json", id]))["text"].as_str().unwrap().to_owned();
    let mut checked = 0;
    for e in &all {
        let support = e["support"].as_u64().unwrap();
        assert!(support <= e["documents"].as_u64().unwrap(), "{e}");
        assert!((1..=6).contains(&e["credibility"].as_u64().unwrap()) && e["confidence"].as_u64().unwrap() <= 100, "{e}");
        let claims = e["claims"].as_array().unwrap();
        assert_eq!(claims.len() as u64, e["claim_count"].as_u64().unwrap());
        let works: std::collections::BTreeSet<&str> =
            claims.iter().filter(|c| c["negated"] == false).map(|c| c["work"].as_str().unwrap()).collect();
        assert_eq!(works.len() as u64, support, "support is distinct works: {e}");
        // The evidence is the stored text at the claim's span.
        if checked < 10 {
            let c = &claims[0];
            let text = text_of(c["doc"].as_str().unwrap());
            let (a, b) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
            assert_eq!(text[a..b].replace(['\n', '\t'], " "), c["evidence"].as_str().unwrap());
            assert!(docs.iter().any(|d| d["id"] == c["doc"]));
            checked += 1;
        }
    }
    let order: Vec<u64> = all.iter().map(|e| e["support"].as_u64().unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "most supported first");

    // Filters, by any name of the entity.
    let sl = arr(json(nexus(&db).args(["claims", "--json", "--subject", "shining path"])));
    assert!(!sl.is_empty() && sl.iter().all(|e| e["subject"] == "pe-sendero-luminoso"), "{sl:?}");
    assert!(sl.iter().any(|e| e["predicate"] == "operates_in" && e["object"] == "pe-vraem"), "{sl:?}");
    let ops = arr(json(nexus(&db).args(["claims", "--json", "--predicate", "operates_in", "--min-sources", "2"])));
    assert!(!ops.is_empty() && ops.iter().all(|e| e["predicate"] == "operates_in" && e["support"].as_u64() >= Some(2)));
    let recent = arr(json(nexus(&db).args(["claims", "--json", "--since", "2024"])));
    assert!(recent.len() < all.len());
    for c in recent.iter().flat_map(|e| e["claims"].as_array().unwrap()) {
        assert!(c["seen"].as_str().unwrap() >= "2024", "{c}");
    }
    let table = run(nexus(&db).args(["claims", "--subject", "Sendero Luminoso"]));
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(table.stdout.contains("Sendero Luminoso —operates_in→ VRAEM"), "{}", table.stdout);

    // Bad input names the problem.
    for (args, needle) in [
        (vec!["claims", "--predicate", "sells"], "operates_in"),
        (vec!["claims", "--since", "yesterday"], "YYYY-MM"),
        (vec!["claims", "--since", "2024-13"], "YYYY-MM"),
        (vec!["source", "grade", "PRISM", "G"], "A, B, C, D, E or F"),
    ] {
        let r = run(nexus(&db).args(&args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
    }
    let unknown = run(nexus(&db).args(["claims", "--subject", "Sendero Luminozo"]));
    assert_ne!(unknown.code, 0);
    assert!(
        unknown.stderr.contains("no entity called 'Sendero Luminozo'") && unknown.stderr.contains("did you mean"),
        "{}",
        unknown.stderr
    );

    // Neighbors and paths.
    let n1 = arr(json(nexus(&db).args(["graph", "neighbors", "Sendero", "Luminoso", "--json"])));
    assert!(n1.iter().all(|e| e["depth"] == 1 && (e["subject"] == "pe-sendero-luminoso" || e["object"] == "pe-sendero-luminoso")));
    assert!(n1.iter().any(|e| e["object"] == "pe-vraem"), "{n1:?}");
    let n2 = arr(json(nexus(&db).args(["graph", "neighbors", "Sendero Luminoso", "--depth", "2", "--json"])));
    assert!(n2.len() > n1.len() && n2.iter().any(|e| e["depth"] == 2));
    let only = arr(json(nexus(&db).args(["graph", "neighbors", "Sendero Luminoso", "--predicate", "operates_in", "--json"])));
    assert!(!only.is_empty() && only.iter().all(|e| e["predicate"] == "operates_in"));
    let p = json(nexus(&db).args(["graph", "path", "Sendero Luminoso", "VRAEM", "--json"]));
    assert_eq!(p["nodes"], serde_json::json!(["pe-sendero-luminoso", "pe-vraem"]), "{p}");
    assert_eq!(p["hops"][0]["predicate"], "operates_in");
    let far = json(nexus(&db).args(["graph", "path", "Sendero Luminoso", "Peru", "--json"]));
    let hops = far["hops"].as_array().unwrap();
    assert!(!hops.is_empty(), "{far}");
    assert_eq!(hops.first().unwrap()["from"], "pe-sendero-luminoso");
    assert_eq!(hops.last().unwrap()["to"], "pe");
    let text = run(nexus(&db).args(["graph", "path", "Sendero Luminoso", "VRAEM"]));
    assert!(text.code == 0 && text.stdout.contains("Sendero Luminoso —operates_in→ VRAEM"), "{}", text.stdout);
    let bad = run(nexus(&db).args(["graph", "path", "Sendero Luminoso", "Atlantis Cartel"]));
    assert_ne!(bad.code, 0);
    assert!(bad.stderr.contains("no entity called 'Atlantis Cartel'"), "{}", bad.stderr);

    // `nexus entity` lists its relations with support and one evidence sentence each.
    let e = json(nexus(&db).args(["entity", "VRAEM", "--json"]));
    let rels = e["relations"].as_array().unwrap();
    assert!(rels.iter().any(|r| r["subject"] == "pe-sendero-luminoso" && r["support"].as_u64() >= Some(1)), "{rels:?}");
    assert!(rels.iter().all(|r| r["claims"].as_array().unwrap().len() == 1));
    let shown = run(nexus(&db).args(["entity", "VRAEM"]));
    assert!(shown.stdout.contains("relations:") && shown.stdout.contains("VRAEM ←operates_in— Sendero Luminoso"), "{}", shown.stdout);

    // Grades persist and reach the claims of that publisher.
    let venue = docs.iter().find_map(|d| d["venue"].as_str()).expect("a document with a venue").to_owned();
    assert_eq!(run(nexus(&db).args(["source", "grade", &venue.to_uppercase(), "b", "--note", "peer reviewed"])).code, 0);
    let sources = arr(json(nexus(&db).args(["source", "list", "--json"])));
    let graded = sources.iter().find(|s| s["name"].as_str().map(nexus_store::fold) == Some(nexus_store::fold(&venue))).unwrap();
    assert_eq!((graded["reliability"].as_str(), graded["graded"].as_bool()), (Some("B"), Some(true)), "{graded}");
    let all = arr(json(nexus(&db).args(["claims", "--json", "--limit", "1000", "--per-edge", "100"])));
    for c in all.iter().flat_map(|e| e["claims"].as_array().unwrap()) {
        let expected = if c["publisher"].as_str().map(nexus_store::fold) == Some(nexus_store::fold(&venue)) { "B" } else { "F" };
        assert_eq!(c["reliability"], expected, "{c}");
    }
    assert_eq!(run(nexus(&db).args(["source", "grade", "*", "C"])).code, 0);
    let sources = arr(json(nexus(&db).args(["source", "list", "--json"])));
    assert!(sources.iter().filter(|s| s["graded"] == false).all(|s| s["reliability"] == "C"), "{sources:?}");
}

#[test]
fn merges_are_recorded_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "The Shining Path operates in the VRAEM, where it taxes the cocaine trade and guards coca growers.").unwrap();
    std::fs::write(&b, "Police in Lima said Sendero Luminoso controls the Apurímac valley and the town of Pichari this year.").unwrap();
    assert_eq!(run(nexus(&db).arg("ingest").arg(&a).arg(&b)).code, 0);
    let types = run(nexus(&db).args(["entity", "merge", "Lima", "Sendero Luminoso", "--evidence", "no"]));
    assert_ne!(types.code, 0);
    assert!(types.stderr.contains("cannot be merged into one of type"), "{}", types.stderr);
    let m = json(nexus(&db).args(["entity", "merge", "Pichari", "Lima", "--evidence", "test only", "--json"]));
    assert_eq!((m["from"].as_str(), m["into"].as_str(), m["type"].as_str()), (Some("pe-pichari"), Some("pe-lima"), Some("place")), "{m}");
    // Pichari now reads as Lima.
    assert_eq!(json(nexus(&db).args(["entity", "Pichari", "--json"]))["id"], "pe-lima");
    let merges = arr(json(nexus(&db).args(["entity", "merges", "--json"])));
    assert_eq!(merges.len(), 1);
    assert_eq!(run(nexus(&db).args(["entity", "unmerge", "pe-pichari"])).code, 0);
    assert_eq!(json(nexus(&db).args(["entity", "Pichari", "--json"]))["id"], "pe-pichari");
    let merges = arr(json(nexus(&db).args(["entity", "merges", "--json"])));
    assert!(merges[0]["undone_at"].is_string() && merges[0]["evidence"] == "test only");
    let again = run(nexus(&db).args(["entity", "unmerge", "pe-pichari"]));
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("not merged"), "{}", again.stderr);
}

/// The seeds are one work in two documents: each edge is supported once.
#[test]
fn seeds_support_each_claim_as_one_work() {
    let Some(shared) = shared() else {
        eprintln!("SKIPPED: ../shared is not beside the checkout; the seed test needs ../shared/seeds");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    assert_eq!(run(nexus(&db).arg("ingest").arg(shared.join("seeds"))).code, 0);
    let edges = arr(json(nexus(&db).args(["claims", "--json", "--limit", "1000"])));
    assert!(!edges.is_empty());
    for e in &edges {
        assert_eq!((e["support"].as_u64(), e["documents"].as_u64()), (Some(1), Some(2)), "{e}");
    }
    assert!(arr(json(nexus(&db).args(["claims", "--json", "--min-sources", "2"]))).is_empty());
}
