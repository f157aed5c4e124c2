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

#[test]
fn a_where_clause_after_a_place_opens_with_who_acts_or_what_lies_there() {
    let x = extract(
        "Most loads end up on the Caribbean coast of Honduras, where the Sinaloa Cartel and Los Zetas pay local crews to unload them.",
    );
    assert_has(&x, "Cártel de Sinaloa", "operates_in", "Honduras");
    assert_has(&x, "Los Zetas", "operates_in", "Honduras");
    // An aside may stand between the where-word and the organization.
    let x =
        extract("La droga llega por mar a Guatemala, donde, según fuentes oficiales, el Cártel de Sinaloa paga a transportistas locales.");
    assert_has(&x, "Cártel de Sinaloa", "operates_in", "Guatemala");
    // A kind of place and "of" may come before the place the clause opens with.
    let x = extract("Los fiscales de Ecuador vigilan la provincia de El Oro, donde el pequeño puerto de Puerto Bolívar despacha banano.");
    assert_has(&x, "Puerto Bolívar", "located_in", "El Oro");
    // The organization is what the police acted on, not the clause's subject.
    let x = extract("La droga llega por mar a Guatemala, donde la policía detuvo a tres miembros del Cártel de Sinaloa.");
    assert!(!has(&x, "Cártel de Sinaloa", "operates_in", "Guatemala"), "{:?}", triples(&x));
}

#[test]
fn places_given_as_examples_of_a_place_lie_in_it() {
    let x = extract("Violence has hit the north of Mexico, including in Ciudad Juárez and Tijuana, since 2008.");
    assert_has(&x, "Ciudad Juárez", "located_in", "Mexico");
    assert_has(&x, "Tijuana", "located_in", "Mexico");
    let x = extract("A violência atinge o Nordeste do Brasil, incluindo Fortaleza e Natal, desde 2016.");
    assert_has(&x, "Natal", "located_in", "Brazil");
    // Countries given as examples of a region are not located in it.
    let x = extract("La violencia golpea a Centroamérica, incluyendo Honduras y Guatemala, desde hace años.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "located_in"), "{:?}", triples(&x));
}

#[test]
fn an_expansion_from_one_place_to_others_covers_both_ends() {
    let x = extract("El CJNG se ha expandido desde Jalisco hacia Colima y Michoacán en la última década.");
    for place in ["Jalisco", "Colima", "Michoacán"] {
        assert_has(&x, "Cártel de Jalisco Nueva Generación", "operates_in", place);
    }
    let x = extract("Los Zetas expanded from Tamaulipas into Coahuila and Nuevo León after 2010.");
    assert_has(&x, "Los Zetas", "operates_in", "Tamaulipas");
    assert_has(&x, "Los Zetas", "operates_in", "Nuevo León");
    // Goods sent from a place to another: no expansion, no presence at the destination.
    let x = extract("Los Zetas controlan el puerto de Veracruz y envían cocaína hacia Houston.");
    assert!(!has(&x, "Los Zetas", "operates_in", "Houston"), "{:?}", triples(&x));
}

#[test]
fn an_apposition_naming_a_kind_of_group_and_its_place() {
    let x = extract("La investigación apunta a la 'Ndrangheta, la mafia de Calabria, y a sus socios en España.");
    assert_has(&x, "'Ndrangheta", "operates_in", "Calabria");
    let x = extract("Los Zetas, the most violent cartel in Mexico, recruited former soldiers.");
    assert_has(&x, "Los Zetas", "operates_in", "Mexico");
    // A clause about the group's people is not the group's kind and home.
    let x = extract("Prosecutors named the Kinahan cartel, an organization whose leaders live in Dubai.");
    assert!(!has(&x, "Kinahan cartel", "operates_in", "Dubai"), "{:?}", triples(&x));
}

#[test]
fn a_place_based_phrase_after_a_longer_apposition() {
    let x = extract("Police described Los Chapitos, a violent and loosely organized Culiacán-based faction, as the main buyer.");
    assert_has(&x, "Los Chapitos", "operates_in", "Culiacán");
}

#[test]
fn a_place_set_off_after_a_list_of_kinds_of_place_holds_every_item() {
    let x = extract(
        "No Peru, os cultivos cresceram nas províncias de Mariscal Ramón Castilla e Putumayo, no departamento de Loreto, segundo a DEVIDA.",
    );
    assert_has(&x, "Mariscal Ramón Castilla", "located_in", "Loreto");
    // Without the plural kind, ", in <place>," places only the last item.
    let x = extract("El puerto de Manta y Puerto Bolívar, en El Oro, reciben la carga.");
    assert!(!has(&x, "Manta", "located_in", "El Oro"), "{:?}", triples(&x));
}

#[test]
fn a_list_item_named_by_the_parts_of_a_city_still_counts() {
    let x = extract("Los Lobos, con fuerte presencia en Manabí y en sectores del norte de Quito, cobran extorsiones a comerciantes.");
    assert_has(&x, "Los Lobos", "operates_in", "Quito");
    let x = extract("O Comando Vermelho atua em Niterói e nos bairros da zona oeste do Rio de Janeiro.");
    assert_has(&x, "Comando Vermelho", "operates_in", "Rio de Janeiro");
}
