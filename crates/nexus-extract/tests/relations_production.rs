//! Where goods are made: participles followed by an adverb before "in", and a list of places
//! that a coordinated verb follows. Fresh sentences, bundled knowledge base.

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
fn an_adverb_may_stand_between_the_participle_and_the_place() {
    let x = extract("Investigators say most of the cocaine produced mainly in Colombia now travels by sea.");
    assert!(has(&x, "Colombia", "produces", "cocaine"), "{:?}", triples(&x));
    let x = extract("A maconha cultivada principalmente no Paraguai abastece o mercado, segundo a polícia.");
    assert!(has(&x, "Paraguay", "produces", "cannabis"), "{:?}", triples(&x));
}

#[test]
fn a_coordinated_verb_does_not_cut_the_list_of_places() {
    let x = extract("Investigators traced cocaine produced in Bolivia and Peru and shipped to Europe by container.");
    assert!(has(&x, "Bolivia", "produces", "cocaine"), "{:?}", triples(&x));
    assert!(has(&x, "Peru", "produces", "cocaine"), "{:?}", triples(&x));
}
