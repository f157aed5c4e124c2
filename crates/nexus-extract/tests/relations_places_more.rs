//! More of where organizations act and places lie (`relations/view.rs` lists, `places.rs`,
//! `attach.rs`): subjects joined by "and groups such as", the presence of a group in a place,
//! where a group was founded, and places nested by how a sentence sets them. Every sentence is
//! written for this test.

mod support;
use support::*;

#[test]
fn groups_such_as_after_and_joins_the_subjects() {
    let x = extract("The Clan del Golfo and armed groups such as the ELN control mining areas in Chocó.");
    assert_has(&x, "Clan del Golfo", "operates_in", "Chocó");
    assert_has(&x, "Ejército de Liberación Nacional", "operates_in", "Chocó");
    let x = extract("Los Zetas y otros grupos como el Cártel del Noreste controlan zonas rurales en Tamaulipas.");
    assert_has(&x, "Los Zetas", "operates_in", "Tamaulipas");
    assert_has(&x, "Cártel del Noreste", "operates_in", "Tamaulipas");
    // "dissidências das FARC": the dissidents, not the FARC, are the first subject.
    let x = extract("Segundo a polícia, dissidências das FARC e grupos como os Comandos de la Frontera controlam lavouras no Putumayo.");
    assert_has(&x, "FARC dissidents", "operates_in", "Putumayo");
    // A with-object of another verb is not a subject of the clause after it.
    let x = extract("The Clan del Golfo fights groups such as the ELN, which control mining areas in Chocó.");
    assert!(!has(&x, "Clan del Golfo", "operates_in", "Chocó"), "{:?}", triples(&x));
}

#[test]
fn the_presence_of_a_group_in_a_place() {
    let x = extract("The presence of the Sinaloa Cartel in Honduras and Guatemala has increased.");
    assert_has(&x, "Cártel de Sinaloa", "operates_in", "Honduras");
    assert_has(&x, "Cártel de Sinaloa", "operates_in", "Guatemala");
    // A fronted place, a vague "in the north," and an anaphor after a contraction.
    let x = extract("El Tren de Aragua creció. En Chile, la presencia del grupo fue advertida primero en el sur, en Arica y Tarapacá.");
    assert_has(&x, "Tren de Aragua", "operates_in", "Chile");
    assert_has(&x, "Tren de Aragua", "operates_in", "Arica");
    assert_has(&x, "Tren de Aragua", "operates_in", "Tarapacá");
    let x = extract("A atuação do PCC no Paraguai preocupa as autoridades.");
    assert_has(&x, "Primeiro Comando da Capital", "operates_in", "Paraguay");
    // Another name between the group and the place: the place is that name's.
    let x = extract("The expansion of the PCC worried the Federal Police in Bolivia.");
    assert!(!has(&x, "Primeiro Comando da Capital", "operates_in", "Bolivia"), "{:?}", triples(&x));
}

#[test]
fn a_fronted_place_with_its_region_an_aside_or_a_rivalry_as_subject() {
    // A state's code and the region after the place; the parties of a rivalry are the subject;
    // "a facção local X" names X, it does not refer back.
    let x = extract(
        "Em Cruzeiro do Sul (AC), na região do Juruá, a disputa entre o Comando Vermelho e a facção local Bonde dos 13 deixou mortos.",
    );
    assert_has(&x, "Comando Vermelho", "operates_in", "Cruzeiro do Sul");
    assert_has(&x, "Bonde dos 13", "operates_in", "Cruzeiro do Sul");
    // A short aside about the subject before its verb.
    let x = extract("En Guayas, bandas como Los Lobos, aliados del CJNG, controlan las rutas hacia el puerto.");
    assert_has(&x, "Los Lobos", "operates_in", "Guayas");
    let x = extract("In Ecuador, Los Lobos, a rival of Los Choneros, extort miners.");
    assert_has(&x, "Los Lobos", "operates_in", "Ecuador");
    // A list of places after the comma is not an aside.
    let x = extract("In Ecuador, Los Lobos, Manta and Esmeraldas were named in the report.");
    assert!(!has(&x, "Los Lobos", "operates_in", "Ecuador"), "{:?}", triples(&x));
}

#[test]
fn a_comma_list_and_a_glossing_part_do_not_nest_places() {
    // Items of a list closed by ", and" are peers, even where the knowledge base nests them.
    let x = extract("Seizures rose in Australia, Hong Kong, China, and several ports of Africa.");
    assert!(!has(&x, "Hong Kong", "located_in", "China"), "{:?}", triples(&x));
    let x = extract("Las incautaciones crecieron en Perú, Hong Kong, China, y varios puertos de África.");
    assert!(!has(&x, "Hong Kong", "located_in", "China"), "{:?}", triples(&x));
    // Without the list, the comma still places the city.
    let x = extract("The cargo reached Hong Kong, China, last week.");
    assert_has(&x, "Hong Kong", "located_in", "China");
    // A part of the place in parentheses glosses it; it does not hold it.
    let x = extract("Los cultivos se concentran en el trópico de Cochabamba (Chapare).");
    assert!(!has(&x, "Cochabamba", "located_in", "Chapare"), "{:?}", triples(&x));
    let x = extract("Los cultivos crecieron en Shinahota (Cochabamba).");
    assert_has(&x, "Shinahota", "located_in", "Cochabamba");
}
