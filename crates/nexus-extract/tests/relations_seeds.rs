//! Relations on the two seed documents, scored against `../shared/gold/seed.json` as
//! ONTOLOGY.md scores them, and the seizure's qualifiers. Skipped, with a message, when
//! `../shared` is absent.

use nexus_extract::Extractor;
use nexus_extract::eval::{Gold, score};
use nexus_kb::KnowledgeBase;
use std::path::Path;

#[test]
fn seed_relations_are_all_found_with_the_seizure_qualified() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let Ok(gold) = std::fs::read_to_string(shared.join("gold/seed.json")) else {
        eprintln!("SKIPPED: ../shared/gold/seed.json is not beside the checkout");
        return;
    };
    let gold: Gold = serde_json::from_str(&gold).expect("seed gold parses");
    let (kb, _) = KnowledgeBase::load(&[]);
    let extractor = Extractor::new(kb);
    for seed in ["000_8f26218114197296.txt", "001_2ab8909efb0e4c04.txt"] {
        let bytes = std::fs::read(shared.join("seeds").join(seed)).expect("seed readable");
        let doc = nexus_ingest::convert(&bytes, seed, None).expect("seed converts");
        let text = doc.extraction_text();
        let got = extractor.extract(&text, None).cite(&doc.text);
        let s = score(&gold, seed, &got);
        let missed: Vec<&String> = s.missed.iter().filter(|m| m.starts_with("relation")).collect();
        assert!(missed.is_empty(), "{seed}: missed {missed:?}");
        for r in &got.relations {
            assert_eq!(&doc.text[r.evidence.start..r.evidence.end], r.evidence.text, "evidence spans index the stored text");
        }
        let seizure = got.relations.iter().find(|r| r.predicate == "seized").expect("the seizure");
        assert_eq!((seizure.subject.as_str(), seizure.object.as_str()), ("pe-dirandro", "cocaine"));
        let q = &seizure.qualifiers;
        assert_eq!(q.quantity.as_ref().map(|q| (q.value, q.unit.as_str())), Some((7600.0, "kg")));
        assert_eq!(q.date.as_ref().map(|d| d.value.as_str()), Some("2014-09"));
        let place = q.place.as_deref().and_then(|id| got.entities.iter().find(|e| e.id == id)).map(|e| e.name.as_str());
        assert_eq!(place, Some("Trujillo"));
        let exports = got.relations.iter().find(|r| r.predicate == "exports").expect("Peru's exports");
        assert!(exports.qualifiers.hedged, "'experts estimate' hedges the export figure");
        let produces = got.relations.iter().find(|r| r.predicate == "produces").expect("coca production");
        assert_eq!(produces.qualifiers.rank, Some(1));
        let shipped = got.relations.iter().find(|r| r.predicate == "ships_to" && r.subject == "pe-callao").expect("Callao's route");
        assert_eq!(shipped.qualifiers.commodity.as_deref(), Some("cocaine"), "the coal hides the cocaine; it is not the cargo");
        assert_eq!(shipped.qualifiers.method.as_deref(), Some("into blocks of coal"));
    }
}
