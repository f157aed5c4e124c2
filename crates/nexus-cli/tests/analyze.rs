//! `nexus analyze` on the two seeds: the tables name the routes and the nexus, `--json` carries
//! the citations, `--focus` resolves a name. Skipped, with a message, when `../shared` is absent.

mod common;
use common::*;

#[test]
fn analyze_prints_routes_and_nexus_and_json_cites_the_seed() {
    let Some(shared) = shared() else {
        eprintln!("SKIPPED: ../shared is not beside the checkout; the analyze test needs ../shared/seeds");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    json(nexus(&db).args(["ingest", "--json"]).arg(shared.join("seeds")));
    let r = run(nexus(&db).arg("analyze"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    for text in ["Top actors", "Supply chain: cocaine", "Callao", "Paita", "Belgium", "Sendero Luminoso", "taxes drug trafficking", "VRAEM"]
    {
        assert!(r.stdout.contains(text), "{text:?} missing from:\n{}", r.stdout);
    }
    let a = json(nexus(&db).args(["analyze", "--json"]));
    let legs = a["supply_chains"].as_array().unwrap().iter().find(|c| c["commodity"]["key"] == "cocaine").unwrap()["legs"]
        .as_array()
        .unwrap()
        .clone();
    let callao_spain = legs.iter().find(|l| l["origin"]["key"] == "pe-callao" && l["destination"]["key"] == "es").expect("Callao → Spain");
    assert_eq!(callao_spain["link"]["support"], 1);
    assert!(callao_spain["link"]["citations"][0]["evidence"].as_str().unwrap().contains("Spain and Belgium"));
    assert_eq!(a["documents"].as_array().unwrap().len(), 2);

    let focused = json(nexus(&db).args(["analyze", "--json", "--depth", "1", "--focus", "Shining Path"]));
    assert_eq!(focused["scope"]["focus"]["key"], "pe-sendero-luminoso");
    let bad = run(nexus(&db).args(["analyze", "--since", "last year"]));
    assert_ne!(bad.code, 0);
}
