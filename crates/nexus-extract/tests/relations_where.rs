//! Where places lie and where organizations hold ground, read from constructions of report
//! prose (`relations/others.rs`, `places.rs`): "and other <places> of <place>", and stronghold
//! nouns beside an organization. Every sentence is written for this test.

mod support;
use support::*;

#[test]
fn places_before_and_other_places_of_lie_in_it() {
    let x = extract("Hay laboratorios en Bello, Itagüí y otros municipios de Antioquia.");
    assert_has(&x, "Bello", "located_in", "Antioquia");
    assert_has(&x, "Itagüí", "located_in", "Antioquia");
    let x = extract("Labs were found in Envigado, Bello and other municipalities of Antioquia.");
    assert_has(&x, "Envigado", "located_in", "Antioquia");
    assert_has(&x, "Bello", "located_in", "Antioquia");
    // A kind of place and "of" between "other" and the place that holds them.
    let x = extract("La carga salía desde Puerto Quijarro y otros puntos del departamento de Santa Cruz hacia la hidrovía.");
    assert_has(&x, "Puerto Quijarro", "located_in", "Santa Cruz");
}

#[test]
fn countries_before_and_other_countries_are_not_located() {
    let x = extract("Peru, Bolivia and other countries of South America grow coca.");
    assert!(!has(&x, "Peru", "located_in", "South America"), "{:?}", triples(&x));
    assert!(!has(&x, "Bolivia", "located_in", "South America"), "{:?}", triples(&x));
    // A comma, not "and", before "other": not the construction.
    let x = extract("Hay laboratorios en Bello, otros municipios de Antioquia no tienen.");
    assert!(!has(&x, "Bello", "located_in", "Antioquia"), "{:?}", triples(&x));
}

#[test]
fn a_stronghold_named_by_a_copula_or_beside_its_organization() {
    let x = extract("El principal bastión del ELN es Arauca.");
    assert_has(&x, "Ejército de Liberación Nacional", "operates_in", "Arauca");
    let x = extract("O principal reduto do PCC é Ponta Porã.");
    assert_has(&x, "Primeiro Comando da Capital", "operates_in", "Ponta Porã");
    let x = extract("The ELN's main stronghold is Arauca.");
    assert_has(&x, "Ejército de Liberación Nacional", "operates_in", "Arauca");
    let x = extract("Arauca is an ELN stronghold.");
    assert_has(&x, "Ejército de Liberación Nacional", "operates_in", "Arauca");
    let x = extract("Troops entered Arauca, a key ELN stronghold, on Monday.");
    assert_has(&x, "Ejército de Liberación Nacional", "operates_in", "Arauca");
}

#[test]
fn a_stronghold_of_someone_else_is_not_the_groups() {
    let x = extract("The ELN attacked Saravena, an army stronghold.");
    assert!(!has(&x, "Ejército de Liberación Nacional", "operates_in", "Saravena"), "{:?}", triples(&x));
}
