//! The analysis on real extractions: the two seeds (near-duplicate copies of one article, so one
//! source) and the demo corpus, each ingested through the pipeline into a temporary store.

use nexus_analysis::{Analysis, CommodityBasis, Link, Options, Role, analyze};
use nexus_kb::KnowledgeBase;
use nexus_store::Store;
use std::path::{Path, PathBuf};

fn kb() -> &'static KnowledgeBase {
    static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::load(&[]).0)
}

fn ingest(dir: &Path, inputs: &Path) -> PathBuf {
    let db = dir.join("n.db");
    let walked = nexus_ingest::walk::expand(&[inputs.to_path_buf()]);
    static EX: std::sync::OnceLock<nexus_extract::Extractor> = std::sync::OnceLock::new();
    let extractor = EX.get_or_init(|| nexus_extract::Extractor::new(KnowledgeBase::load(&[]).0));
    nexus_pipeline::run(&db, walked.inputs, walked.errors, &Default::default(), Some(extractor), &mut nexus_pipeline::Quiet).unwrap();
    db
}

fn seeds() -> Option<PathBuf> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if seeds.is_dir() {
        Some(seeds)
    } else {
        eprintln!("SKIPPED: ../shared is not beside the checkout; this test needs ../shared/seeds");
        None
    }
}

/// One source: support 1 work, cited by claims whose evidence is a sentence of the seed.
fn cited_once(l: &Link, words: &[&str]) {
    assert_eq!(l.support, 1, "the two seeds are one work: {l:#?}");
    assert_eq!(l.documents, 2, "both copies state it");
    assert!(!l.citations.is_empty());
    for c in &l.citations {
        for w in words {
            assert!(c.evidence.contains(w), "{w:?} not in the cited sentence {:?}", c.evidence);
        }
        assert!(c.end > c.start && c.evidence.len() <= c.end - c.start + 8);
    }
    let works: std::collections::BTreeSet<&str> = l.citations.iter().map(|c| c.work.as_str()).collect();
    assert_eq!(works.len(), 1);
}

fn seed_analysis() -> Option<(tempfile::TempDir, Analysis)> {
    let seeds = seeds()?;
    let dir = tempfile::tempdir().unwrap();
    let db = ingest(dir.path(), &seeds);
    let store = Store::open_existing(&db).unwrap();
    let a = analyze(&store, kb(), &Options::default()).unwrap();
    Some((dir, a))
}

#[test]
fn seeds_cocaine_chain_has_the_routes_and_markets_of_the_article() {
    let Some((_dir, a)) = seed_analysis() else { return };
    let chain = a.supply_chains.iter().find(|c| c.commodity.key == "cocaine").expect("a cocaine chain");
    let leg = |o: &str, d: &str| {
        chain.legs.iter().find(|l| l.origin.key == o && l.destination.key == d).unwrap_or_else(|| {
            panic!("no leg {o} → {d} in {:#?}", chain.legs.iter().map(|l| (&l.origin.key, &l.destination.key)).collect::<Vec<_>>())
        })
    };
    for port in ["pe-callao", "pe-paita"] {
        for dest in ["es", "be"] {
            let l = leg(port, dest);
            assert_eq!(l.basis, CommodityBasis::Stated);
            assert!(l.origin_roles.contains(&Role::Port), "{port} is a port: {:?}", l.origin_roles);
            assert!(l.methods.iter().any(|m| m.contains("coal")), "{:?}", l.methods);
            cited_once(&l.link, &["Callao", "Paita", "Spain and Belgium"]);
        }
    }
    for dest in ["us", "ca", "europe", "ru", "br", "cl", "asia"] {
        let l = leg("pe", dest);
        assert_eq!(l.basis, CommodityBasis::OriginExports, "Peru exports cocaine: the flow is given to it");
        cited_once(&l.link, &["supplying not only the U.S. and Canada"]);
    }
    // Peru exports more than 200 tons a year, hedged, with its source.
    let exports = chain.exports.iter().find(|l| l.subject.key == "pe").expect("Peru exports cocaine");
    assert!(exports.figures.iter().any(|f| f.unit == "kg/yr" && f.max == 200_000.0), "{:?}", exports.figures);
    cited_once(exports, &["200 tons"]);
    // Markets: every destination, each one leg of one work.
    let markets: Vec<&str> = chain.markets.iter().map(|m| m.place.key.as_str()).collect();
    for m in ["es", "be", "us", "ca", "europe", "ru", "br", "cl", "asia"] {
        assert!(markets.contains(&m), "{m} not among the markets {markets:?}");
    }
    // The seizure at Trujillo.
    assert!(chain.seizures.iter().any(|l| l.subject.key == "pe-dirandro" && l.figures.iter().any(|f| f.max == 7600.0)));
    // The PCC operates in Brazil, a destination: tied to the leg Peru → Brazil.
    let br = leg("pe", "br");
    assert!(br.organizations.iter().any(|t| t.organization.key == "br-pcc"), "{:#?}", br.organizations);
    // Every cited document is listed once.
    assert_eq!(a.documents.len(), 2);
}

#[test]
fn seeds_nexus_sendero_taxes_drug_trafficking_in_the_vraem() {
    let Some((_dir, a)) = seed_analysis() else { return };
    let sl = a.nexus.armed_groups.iter().find(|g| g.group.key == "pe-sendero-luminoso").expect("Sendero Luminoso");
    let taxes = sl.economies.iter().find(|l| l.predicate == "taxes" && l.object.key == "drug-trafficking").expect("taxes drug trafficking");
    cited_once(taxes, &["Sendero Luminoso", "taxing narcotrafficking"]);
    let vraem = sl.places.iter().find(|l| l.object.key == "pe-vraem").expect("operates in the VRAEM");
    cited_once(vraem, &["VRAEM"]);
    assert_eq!(sl.score, nexus_analysis::nexus::score(1.0), "one single-source taxes link: x = 1");
    let place = a.nexus.places.iter().find(|p| p.place.key == "pe-vraem").expect("the VRAEM in the place table");
    assert!(place.armed_groups.iter().any(|l| l.subject.key == "pe-sendero-luminoso"));
    assert!(place.activities.iter().any(|l| l.predicate == "taxes"));
    // The transnational organizations the article names, each where it operates.
    for (org, country) in [("co-clan-del-golfo", "co"), ("mx-cartel-de-sinaloa", "mx"), ("br-pcc", "br")] {
        let actor = a.actors.iter().find(|x| x.entity.key == org).unwrap_or_else(|| panic!("{org} among the actors"));
        assert_eq!(actor.degree, 1, "{org}: operates in {country}");
    }
    // The timeline has the seizure of September 2014 at month precision.
    let seizure = a.timeline.iter().find(|t| t.link.predicate == "seized").expect("the seizure on the timeline");
    assert_eq!((seizure.date.as_str(), seizure.precision.as_str()), ("2014-09", "month"));
}

#[test]
fn analysis_is_deterministic_and_serializes() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = ingest(dir.path(), &seeds);
    let store = Store::open_existing(&db).unwrap();
    let one = serde_json::to_string(&analyze(&store, kb(), &Options::default()).unwrap()).unwrap();
    let two = serde_json::to_string(&analyze(&store, kb(), &Options::default()).unwrap()).unwrap();
    assert_eq!(one, two);
    // A focus keeps its neighbourhood only; an unknown one is an error.
    let focused =
        analyze(&store, kb(), &Options { focus: Some("pe-sendero-luminoso".into()), focus_depth: 1, ..Default::default() }).unwrap();
    assert!(focused.actors.iter().all(|a| ["pe-sendero-luminoso", "pe-vraem", "drug-trafficking"].contains(&a.entity.key.as_str())));
    assert!(analyze(&store, kb(), &Options { focus: Some("nobody".into()), ..Default::default() }).is_err());
}

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo")
}

#[test]
fn demo_corpus_metrics_are_sane() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest(dir.path(), &demo());
    let store = Store::open_existing(&db).unwrap();
    let a = analyze(&store, kb(), &Options::default()).unwrap();
    assert!(a.summary.edges >= 50, "{:?}", a.summary);
    assert!(a.summary.works < a.summary.documents, "the demo corpus has a near-duplicate pair");
    assert_eq!(a.summary.betweenness, "exact");
    // Cocaine is the hub of a corpus about cocaine: among the ten most central entities.
    let top: Vec<&str> = a.actors.iter().take(10).map(|x| x.entity.key.as_str()).collect();
    assert!(top.contains(&"cocaine"), "{top:?}");
    // Ranks are 1..n, metrics in range, brokers consistent with their counts.
    for (i, x) in a.actors.iter().enumerate() {
        assert_eq!(x.rank as usize, i + 1);
        assert!((0.0..=1.0).contains(&x.eigenvector) && (0.0..=1.0).contains(&x.participation));
        assert!(x.betweenness.is_some_and(|b| (0.0..=1.0).contains(&b)));
        assert_eq!(x.crime_terror_broker, x.criminal_neighbors > 0 && x.armed_neighbors > 0);
        assert!(x.degree > 0 && x.weighted_degree >= x.degree);
    }
    assert!(a.summary.modularity.is_some_and(|m| m > 0.0));
    assert!(!a.communities.is_empty());
    // A cocaine chain with markets, and armed groups with economies.
    let cocaine = a.supply_chains.iter().find(|c| c.commodity.key == "cocaine").expect("cocaine chain");
    assert!(!cocaine.legs.is_empty() && !cocaine.markets.is_empty());
    assert!(a.nexus.armed_groups.iter().any(|g| !g.economies.is_empty() && g.score > 0));
    // Every statement cites claims with evidence from a listed document.
    let docs: std::collections::BTreeSet<&str> = a.documents.iter().map(|d| d.id.as_str()).collect();
    for l in cocaine.legs.iter().map(|l| &l.link).chain(a.nexus.armed_groups.iter().flat_map(|g| &g.economies)) {
        assert!(l.citations.iter().all(|c| !c.evidence.is_empty() && docs.contains(c.document.as_str())));
    }
    // The timeline is in date order.
    assert!(a.timeline.windows(2).all(|w| w[0].date <= w[1].date));
    if let Some(ch) = &a.changes {
        assert!(ch.before.claims + ch.after.claims > 0);
    }
}
