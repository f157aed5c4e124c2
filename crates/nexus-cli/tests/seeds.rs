//! The two seed documents from `../shared/seeds`: one work with two sources, with the header
//! and the breadcrumb turned into metadata. Skipped, with a message, when `../shared` is absent.

mod common;
use common::*;

#[test]
fn seeds_are_one_work_with_two_sources_and_their_metadata() {
    let Some(shared) = shared() else {
        eprintln!("SKIPPED: ../shared is not beside the checkout; the seed test needs ../shared/seeds");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let s = json(nexus(&db).args(["ingest", "--json"]).arg(shared.join("seeds")));
    assert_eq!((s["ingested"].as_u64(), s["near_duplicates"].as_u64(), s["failed"].as_u64()), (Some(2), Some(1), Some(0)), "{s}");
    let docs = json(nexus(&db).args(["docs", "--json"]));
    let docs = docs.as_array().unwrap();
    assert_eq!(docs[0]["work"], docs[1]["work"], "the seeds must be one work");
    let full = |name: &str| {
        let d = docs.iter().find(|d| d["source"].as_str().unwrap().contains(name)).unwrap();
        json(nexus(&db).args(["doc", "--json"]).arg(d["id"].as_str().unwrap()))
    };
    let with_header = full("000_");
    assert_eq!(with_header["authors"], serde_json::json!(["R. Evan Ellis"]));
    assert_eq!(
        with_header["title"],
        "The Evolving Transnational Crime-Terrorism Nexus in Peru and its Strategic Relevance for the U.S. and the Region"
    );
    let reading_room = full("001_");
    assert_eq!(reading_room["venue"], "PRISM");
    assert_eq!((reading_room["volume"].as_str(), reading_room["number"].as_str()), (Some("5"), Some("4")));
    assert_eq!(reading_room["published"], "2015");
    assert_eq!(reading_room["work_members"].as_array().unwrap().len(), 1);
    for doc in [&with_header, &reading_room] {
        let text = doc["text"].as_str().unwrap();
        assert!(text.starts_with("In September, 2014"), "header lines left in the body: {}", &text[..80]);
        assert_eq!(doc["language"], "en");
        let labels: Vec<&str> = doc["notes"].as_array().unwrap().iter().map(|n| n["label"].as_str().unwrap()).collect();
        assert_eq!(labels, ["2", "3", "4"], "footnote marks of 'Belgium.2', 'year,3', 'drug.4'");
    }
    let hits = json(nexus(&db).args(["search", "Apurimac", "--json"]));
    assert_eq!(hits.as_array().unwrap().len(), 2);
}
