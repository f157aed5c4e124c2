//! Claims and the graph: claims stored and replaced with their document's extraction, edges
//! aggregated across documents with corroboration counted in works, symmetric ends in one order,
//! conflicting figures kept and flagged, grades, merges that can be undone.

use nexus_extract::relations::{DateQualifier, Evidence, QuantityQualifier, Relation};
use nexus_extract::{ExtractedEntity, Extraction};
use nexus_ingest::{Signature, convert};
use nexus_store::{AddOutcome, ClaimFilter, Credibility, NearDupConfig, Reliability, Store};
use nexus_testkit::fixtures::{entity, relation};
use std::path::Path;

fn extractor() -> &'static nexus_extract::Extractor {
    static EX: std::sync::OnceLock<nexus_extract::Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| nexus_extract::Extractor::new(nexus_kb::KnowledgeBase::load(&[]).0))
}

fn add_file(store: &mut Store, path: &Path) -> AddOutcome {
    let bytes = std::fs::read(path).unwrap();
    let doc = convert(&bytes, &path.display().to_string(), None).unwrap();
    let sig = Signature::of_text(&doc.extraction_text());
    let x = extractor().extract(&doc.extraction_text(), doc.meta.published.as_deref());
    store.add(&doc, &sig, Some(&x), NearDupConfig::default()).unwrap()
}

/// Store `text` (which must be unlike every other document of the test, so it is a work of its
/// own) from `source`, with the entities and relations `build` makes from the stored text (the
/// header lines leave it); returns its id.
fn add_hand_made(store: &mut Store, text: &str, source: &str, build: impl FnOnce(&str) -> (Vec<ExtractedEntity>, Vec<Relation>)) -> String {
    let doc = convert(text.as_bytes(), source, None).unwrap();
    let sig = Signature::of_text(&doc.extraction_text());
    let (entities, relations) = build(&doc.text);
    let x = Extraction { entities, relations, quantities: vec![], dates: vec![] };
    match store.add(&doc, &sig, Some(&x), NearDupConfig::default()).unwrap() {
        AddOutcome::Added { id } | AddOutcome::NearDuplicate { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

const A: &str = "Venue: Insight Crime\n\nThe Gulf Clan works with the Sinaloa Cartel, moving 500 tons of cocaine a year through the Darien, say officials.";
const B: &str = "Venue: Reuters\n\nAccording to prosecutors in Bogotá, the Sinaloa Cartel cooperates with the Gulf Clan and ships 540 tons of cocaine each year.";
const C: &str = "Venue: El Tiempo\n\nA leaked report puts the flow at 900 tons of cocaine, sent north by the Sinaloa Cartel in partnership with the Gulf Clan.";

/// Three documents of three works state one edge; the third gives a figure far from the others.
fn three_works(store: &mut Store) -> Vec<String> {
    let mut ids = Vec::new();
    for (i, (text, source, tons)) in [(A, "a.txt", 500.0), (B, "b.txt", 540.0), (C, "c.txt", 900.0)].into_iter().enumerate() {
        let id = add_hand_made(store, text, source, |text| {
            let entities = vec![
                entity("co-clan-del-golfo", "Gulf Clan", "criminal_org", true, text),
                entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", true, text),
                entity("cocaine", "cocaine", "commodity", true, text),
            ];
            // Alternate the order of the ends of the symmetric predicate.
            let mut coop = if i % 2 == 0 {
                relation("co-clan-del-golfo", "cooperates_with", "mx-sinaloa-cartel", text)
            } else {
                relation("mx-sinaloa-cartel", "cooperates_with", "co-clan-del-golfo", text)
            };
            coop.qualifiers.hedged = false;
            let mut traffics = relation("mx-sinaloa-cartel", "traffics", "cocaine", text);
            traffics.qualifiers.quantity =
                Some(QuantityQualifier { value: tons * 1000.0, unit: "kg/yr".into(), bound: nexus_extract::quantities::Bound::Approx });
            (entities, vec![coop, traffics])
        });
        ids.push(id);
    }
    ids
}

#[test]
fn claims_are_written_with_their_document_and_replaced_with_its_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let ids = three_works(&mut store);
    assert_eq!(store.stats().unwrap().claims, 6);
    assert!(store.check().unwrap().is_empty(), "{:?}", store.check().unwrap());
    let before = store.claims(&ClaimFilter::default()).unwrap();
    let claim_ids = |edges: &[nexus_store::EdgeClaims]| {
        let mut v: Vec<String> = edges.iter().flat_map(|e| e.claims.iter().map(|c| c.id.clone())).collect();
        v.sort();
        v
    };

    // Re-extracting one document touches only its claims: same extraction, same ids.
    let text = store.doc(&ids[0]).unwrap().text;
    let entities = vec![
        entity("co-clan-del-golfo", "Gulf Clan", "criminal_org", true, &text),
        entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", true, &text),
    ];
    let x = Extraction {
        entities: entities.clone(),
        relations: vec![relation("co-clan-del-golfo", "cooperates_with", "mx-sinaloa-cartel", &text)],
        quantities: vec![],
        dates: vec![],
    };
    let counts = store.replace_extraction(&ids[0], &x).unwrap();
    assert_eq!(counts.claims, 1);
    let after = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(store.stats().unwrap().claims, 5);
    let (b, a) = (claim_ids(&before), claim_ids(&after));
    assert!(a.iter().all(|id| b.contains(id)), "ids are deterministic: {a:?} ⊄ {b:?}");
    let traffics = after.iter().find(|e| e.edge.predicate == "traffics").unwrap();
    assert_eq!(traffics.edge.support, 2, "the first document no longer says it");

    // An empty extraction leaves no claim of that document.
    store.replace_extraction(&ids[0], &Extraction { entities, relations: vec![], quantities: vec![], dates: vec![] }).unwrap();
    assert_eq!(store.stats().unwrap().claims, 4);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn edges_count_works_order_symmetric_ends_and_flag_conflicting_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    three_works(&mut store);
    let edges = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(edges.len(), 2, "{edges:#?}");
    let coop = edges.iter().find(|e| e.edge.predicate == "cooperates_with").unwrap();
    // Written in both orders, stored in one.
    assert_eq!((coop.edge.subject.as_str(), coop.edge.object.as_str()), ("co-clan-del-golfo", "mx-sinaloa-cartel"));
    assert_eq!((coop.edge.support, coop.edge.documents, coop.edge.claim_count), (3, 3, 3));
    assert!(coop.edge.symmetric && !coop.edge.conflict);
    assert_eq!(coop.edge.credibility, Credibility::CONFIRMED, "three works, three publishers");
    assert!(coop.claims.iter().all(|c| c.evidence.contains("Gulf Clan")), "evidence from the stored text");

    let traffics = edges.iter().find(|e| e.edge.predicate == "traffics").unwrap();
    assert!(traffics.edge.conflict, "900 t is not 500 t: {:?}", traffics.edge.figures);
    assert_eq!(traffics.edge.figures.len(), 1);
    assert_eq!(traffics.edge.figures[0].values, [500_000.0, 540_000.0, 900_000.0], "every figure kept");
    assert_eq!((traffics.edge.figures[0].min, traffics.edge.figures[0].max), (500_000.0, 900_000.0));

    // Read from either end of a symmetric edge.
    let from_sinaloa = store.claims(&ClaimFilter { subject: Some("mx-sinaloa-cartel".into()), ..Default::default() }).unwrap();
    let coop2 = from_sinaloa.iter().find(|e| e.edge.predicate == "cooperates_with").unwrap();
    assert_eq!((coop2.edge.subject.as_str(), coop2.edge.support), ("mx-sinaloa-cartel", 3));
    assert_eq!(from_sinaloa.len(), 2);
    let from_gulf = store.claims(&ClaimFilter { subject: Some("co-clan-del-golfo".into()), ..Default::default() }).unwrap();
    assert_eq!(from_gulf.len(), 1, "the Gulf Clan traffics nothing here");
    // Filters: predicate, minimum support, date.
    let only = store.claims(&ClaimFilter { predicate: Some("traffics".into()), min_sources: 3, ..Default::default() }).unwrap();
    assert_eq!(only.len(), 1);
    assert!(store.claims(&ClaimFilter { min_sources: 4, ..Default::default() }).unwrap().is_empty());
    assert!(store.claims(&ClaimFilter { since: Some("2014-13".into()), ..Default::default() }).is_err());
    // No document is dated: nothing is "seen since".
    assert!(store.claims(&ClaimFilter { since: Some("2014".into()), ..Default::default() }).unwrap().is_empty());

    // Two figures within 10% are no conflict; different dates are different events.
    let dir2 = tempfile::tempdir().unwrap();
    let mut s2 = Store::open(&dir2.path().join("m.db")).unwrap();
    for (i, (text, value, date)) in [(A, 500.0, "2014"), (B, 540.0, "2014"), (C, 900.0, "2016")].into_iter().enumerate() {
        let mut r = relation("mx-sinaloa-cartel", "traffics", "cocaine", text);
        r.qualifiers.quantity = Some(QuantityQualifier { value, unit: "t".into(), bound: nexus_extract::quantities::Bound::Exact });
        r.qualifiers.date = Some(DateQualifier { value: date.into(), precision: nexus_extract::dates::Precision::Year });
        add_hand_made(&mut s2, text, &format!("{i}.txt"), |text| {
            let entities = vec![
                entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", true, text),
                entity("cocaine", "cocaine", "commodity", true, text),
            ];
            r.evidence = Evidence { text: text.into(), start: 0, end: text.len() };
            (entities, vec![r])
        });
    }
    let e = &s2.claims(&ClaimFilter::default()).unwrap()[0].edge;
    assert!(!e.conflict, "{:?}", e.figures);
    assert_eq!(e.figures.len(), 2);
    assert_eq!((e.first_seen.as_deref(), e.last_seen.as_deref()), (Some("2014"), Some("2016")));
    let since = s2.claims(&ClaimFilter { since: Some("2015-06".into()), ..Default::default() }).unwrap();
    assert_eq!(since[0].claims.len(), 1, "only the 2016 claim");
    assert_eq!(since[0].edge.support, 3, "support counts every claim of the edge");
}

#[test]
fn grades_denials_and_hedges_set_credibility_and_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let text = "Venue: Insight Crime\n\nThe Sinaloa Cartel reportedly traffics cocaine, analysts suggest.";
    let ents = |t: &str| {
        vec![entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", true, t), entity("cocaine", "cocaine", "commodity", true, t)]
    };
    add_hand_made(&mut store, text, "a.txt", |text| {
        let mut r = relation("mx-sinaloa-cartel", "traffics", "cocaine", text);
        r.qualifiers.hedged = true;
        (ents(text), vec![r])
    });
    let e = store.claims(&ClaimFilter::default()).unwrap().remove(0);
    assert_eq!((e.edge.credibility, e.edge.reliability), (Credibility::DOUBTFUL, Reliability::F));
    assert_eq!(e.claims[0].publisher, "Insight Crime");
    let ungraded = e.edge.confidence;

    store.grade_source("INSIGHT crime", Reliability::B, Some("field reporting")).unwrap();
    let e = store.claims(&ClaimFilter::default()).unwrap().remove(0);
    assert_eq!(e.claims[0].reliability, Reliability::B);
    assert!(e.edge.confidence > ungraded);
    let sources = store.sources().unwrap();
    let ic = sources.iter().find(|s| s.publisher == "insight crime").unwrap();
    assert!(ic.graded && ic.reliability == Reliability::B && ic.documents == 1, "{ic:?}");
    // The default for everyone else.
    store.grade_source("*", Reliability::D, None).unwrap();
    assert_eq!(store.source_grade("Unknown Weekly").unwrap(), (Reliability::D, false));

    // A denial from another work: kept, flagged, and it lowers the edge's credibility.
    let denial = "Venue: Reuters\n\nOfficials said the Sinaloa Cartel does not traffic cocaine through Peru any more.";
    add_hand_made(&mut store, denial, "b.txt", |text| {
        let mut r = relation("mx-sinaloa-cartel", "traffics", "cocaine", text);
        r.qualifiers.negated = true;
        (ents(text), vec![r])
    });
    let e = store.claims(&ClaimFilter::default()).unwrap().remove(0);
    assert_eq!((e.edge.support, e.edge.denials, e.edge.disputed), (1, 1, true));
    assert_eq!(e.edge.credibility, Credibility::IMPROBABLE, "hedged and disputed");
    assert!(e.claims.iter().any(|c| c.negated && c.credibility == Credibility::IMPROBABLE));
}

#[test]
fn merges_join_edges_never_across_types_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let t1 = "The Los Pulpos gang works with the Sinaloa Cartel in northern Peru, police said on Monday.";
    let t2 = "Prosecutors in Trujillo said Los Pulpo, a local band, cooperates with the Sinaloa Cartel across the region.";
    add_hand_made(&mut store, t1, "a.txt", |t1| {
        (
            vec![
                entity("doc:criminal_org:los-pulpos", "Los Pulpos", "criminal_org", false, t1),
                entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", true, t1),
                entity("pe", "Peru", "country", true, t1),
            ],
            vec![relation("doc:criminal_org:los-pulpos", "cooperates_with", "mx-sinaloa-cartel", t1)],
        )
    });
    add_hand_made(&mut store, t2, "b.txt", |t2| {
        (
            vec![
                entity("doc:criminal_org:los-pulpo", "Los Pulpo", "criminal_org", false, t2),
                entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", true, t2),
            ],
            vec![relation("mx-sinaloa-cartel", "cooperates_with", "doc:criminal_org:los-pulpo", t2)],
        )
    });
    let of_sinaloa = |s: &Store| s.edges_of("mx-sinaloa-cartel", None).unwrap();
    assert_eq!(of_sinaloa(&store).len(), 2);
    assert!(store.merge("criminal_org:los pulpo", "pe", "no", "analyst").is_err(), "never across types");
    assert!(store.merge("criminal_org:los pulpo", "criminal_org:nobody", "no", "analyst").is_err());
    let m = store.merge("criminal_org:los pulpo", "criminal_org:los pulpos", "same gang, misspelt (b.txt)", "analyst").unwrap();
    assert_eq!(m.entity_type, "criminal_org");
    assert!(store.merge("criminal_org:los pulpos", "criminal_org:los pulpo", "loop", "analyst").is_err(), "no loops");
    let merged = of_sinaloa(&store);
    assert_eq!(merged.len(), 1);
    assert_eq!((merged[0].edge.support, merged[0].edge.claim_count), (2, 2));
    assert!(merged[0].edge.subject == "criminal_org:los pulpos" || merged[0].edge.object == "criminal_org:los pulpos");
    assert_eq!(store.edges_of("criminal_org:los pulpo", None).unwrap().len(), 1, "the merged name reads as the other");
    let g = store.graph(None).unwrap();
    assert_eq!((g.nodes(), g.edges()), (2, 1));

    store.unmerge("criminal_org:los pulpo").unwrap();
    assert_eq!(of_sinaloa(&store).len(), 2, "undone: as before");
    let history = store.merge_history().unwrap();
    assert_eq!(history.len(), 1);
    assert!(history[0].undone_at.is_some() && history[0].evidence.contains("misspelt"));
    assert!(store.unmerge("criminal_org:los pulpo").is_err());
}

#[test]
fn paths_prefer_corroborated_links() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    three_works(&mut store);
    let g = store.graph(None).unwrap();
    assert_eq!((g.nodes(), g.edges()), (3, 2));
    let p = g.path("co-clan-del-golfo", "cocaine").unwrap();
    assert_eq!(p.nodes, ["co-clan-del-golfo", "mx-sinaloa-cartel", "cocaine"]);
    assert_eq!(p.hops[1].predicate, "traffics");
    assert!(p.hops[1].forward);
    assert!((p.cost - (1.0 / 3.0 + 1.0 / 3.0)).abs() < 1e-9, "{}", p.cost);
    let back = g.path("cocaine", "co-clan-del-golfo").unwrap();
    assert!(!back.hops[0].forward, "cocaine ← traffics ← Sinaloa");
    assert!(g.path("cocaine", "nowhere").is_none());
    let n = store.neighbors("co-clan-del-golfo", 2, None, 100).unwrap();
    assert_eq!(n.iter().map(|(d, _)| *d).collect::<Vec<_>>(), [1, 2]);
    assert!(store.neighbors("co-clan-del-golfo", 2, Some("cooperates_with"), 100).unwrap().len() == 1);
}

/// The two seeds are near-duplicate copies of one article: every edge they support is one work
/// from two documents.
#[test]
fn the_two_seeds_support_each_claim_as_one_work() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("SKIPPED: ../shared is not beside the checkout; this test needs ../shared/seeds");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let outcomes: Vec<AddOutcome> = files.iter().map(|f| add_file(&mut store, f)).collect();
    assert!(matches!(outcomes[1], AddOutcome::NearDuplicate { .. }), "{outcomes:?}");
    let edges = store.claims(&ClaimFilter::default()).unwrap();
    assert!(edges.len() >= 5, "the seeds state relations: {}", edges.len());
    for e in &edges {
        assert_eq!((e.edge.support, e.edge.documents), (1, 2), "{} {} {}", e.edge.subject, e.edge.predicate, e.edge.object);
        assert_eq!(e.edge.credibility.0.max(3), e.edge.credibility.0, "one work is at best 'possibly true'");
    }
    // The evidence is quoted from the stored text, footnote marks included.
    assert!(edges.iter().flat_map(|e| &e.claims).any(|c| c.evidence.contains("per year,3")), "footnote marks kept");
    assert!(store.check().unwrap().is_empty());
}

/// A regroup that splits or joins works keeps the claims' works in step with their documents'.
#[test]
fn regrouping_moves_corroboration_with_the_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let edited = A.replace("say officials", "officials say, and the navy agrees");
    for (text, source) in [(A, "a.txt"), (edited.as_str(), "b.txt")] {
        add_hand_made(&mut store, text, source, |text| {
            let entities = vec![
                entity("co-clan-del-golfo", "Gulf Clan", "criminal_org", true, text),
                entity("mx-sinaloa-cartel", "Sinaloa Cartel", "criminal_org", true, text),
            ];
            (entities, vec![relation("co-clan-del-golfo", "cooperates_with", "mx-sinaloa-cartel", text)])
        });
    }
    let support = |s: &Store| s.claims(&ClaimFilter::default()).unwrap()[0].edge.support;
    assert_eq!((store.stats().unwrap().works, support(&store)), (1, 1), "near-duplicates: one work");
    let split = store.regroup(NearDupConfig { threshold: 0.99 }).unwrap();
    assert_eq!(split.works, 2);
    assert_eq!(support(&store), 2);
    assert!(store.check().unwrap().is_empty(), "{:?}", store.check().unwrap());
    store.regroup(NearDupConfig::default()).unwrap();
    assert_eq!(support(&store), 1);
}
