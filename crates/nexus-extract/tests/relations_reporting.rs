//! A seizure whose doer is named only as the state body reporting it ("…, the police said",
//! "según la Policía"). Fresh sentences, bundled knowledge base.

use nexus_extract::{Extraction, Extractor};
use nexus_kb::KnowledgeBase;
use std::sync::OnceLock;

fn extract(text: &str) -> Extraction {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(KnowledgeBase::load(&[]).0)).extract(text, None)
}

fn triples(x: &Extraction) -> Vec<(String, String, String)> {
    let name = |id: &str| x.entities.iter().find(|e| e.id == id).map_or(id.to_owned(), |e| e.name.clone());
    x.relations.iter().map(|r| (name(&r.subject), r.predicate.clone(), name(&r.object))).collect()
}

fn has(x: &Extraction, s: &str, p: &str, o: &str) -> bool {
    triples(x).iter().any(|(a, b, c)| a == s && b == p && c == o)
}

#[test]
fn the_reporting_state_body_made_the_seizure() {
    let x = extract(
        "Customs officers seized 3 tonnes of cocaine hidden in pineapples at the port, the Policía Nacional del Perú said on Monday.",
    );
    assert!(has(&x, "Policía Nacional del Perú", "seized", "cocaine"), "{:?}", triples(&x));
    let x = extract("Agentes incautaron 500 kilos de cocaína en un contenedor en Guayaquil, según la Policía Nacional del Ecuador.");
    assert!(has(&x, "Policía Nacional del Ecuador", "seized", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn a_reporter_is_not_read_for_what_gangs_do() {
    let x = extract("Los Zetas smuggled 2 tonnes of cocaine into Texas, the Policía Nacional del Perú said.");
    assert!(!has(&x, "Policía Nacional del Perú", "traffics", "cocaine"), "{:?}", triples(&x));
    assert!(has(&x, "Los Zetas", "traffics", "cocaine"), "{:?}", triples(&x));
}
