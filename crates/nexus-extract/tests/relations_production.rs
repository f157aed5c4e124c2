//! Where goods are made: participles followed by an adverb before "in", and a list of places
//! that a coordinated verb follows. Fresh sentences, bundled knowledge base.

mod support;
use support::*;

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
