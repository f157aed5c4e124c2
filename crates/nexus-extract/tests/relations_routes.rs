//! How a route's words mark its ends (`relations/routes.rs`): verbs of going that reach their
//! end at an until-word, the kind of place before a name, a possessive place, and the places
//! a route only passes through. Fresh sentences in English, Spanish and Portuguese, with the
//! bundled knowledge base.

mod support;
use support::*;

fn goes_to(x: &nexus_extract::Extraction, place: &str) -> bool {
    triples(x).iter().any(|(_, p, o)| p == "ships_to" && o == place)
}

#[test]
fn a_verb_of_going_ends_at_its_until_word() {
    let x = extract("A Bolívia produz coca. A cocaína boliviana desce o rio Mamoré em balsas até Guajará-Mirim.");
    assert_has(&x, "Bolivia", "ships_to", "Guajará-Mirim");
    let x = extract("El Perú produce cocaína. La cocaína peruana baja por el río Ucayali en embarcaciones hasta Pucallpa.");
    assert_has(&x, "Peru", "ships_to", "Pucallpa");
    let x = extract("Colombia is the source. The Colombian cocaine travels up the coast by fishing boat as far as Puerto Cortés.");
    assert_has(&x, "Colombia", "ships_to", "Puerto Cortés");
}

#[test]
fn a_fronted_origin_starts_the_route() {
    let x = extract("De Pucallpa, la droga sigue por carretera durante dos días hasta Lima.");
    assert_has(&x, "Pucallpa", "ships_to", "Lima");
}

#[test]
fn without_an_until_word_a_verb_of_going_names_no_end() {
    // "segue a" is "follows the": no destination, and no export either.
    let x = extract("A Bolívia produz coca. A cocaína boliviana segue a rota do Paraguai.");
    assert!(!goes_to(&x, "Paraguay"), "{:?}", triples(&x));
    assert!(!has(&x, "Bolivia", "exports", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn the_next_verb_of_going_takes_its_own_places() {
    let x = extract("La droga baja por el río hasta Pucallpa y, desde allí, sigue por carretera hacia Lima y Callao.");
    assert!(!has(&x, "Callao", "ships_to", "Pucallpa"), "{:?}", triples(&x));
    assert!(!has(&x, "Lima", "ships_to", "Pucallpa"), "{:?}", triples(&x));
}

#[test]
fn places_passed_through_are_not_ends() {
    let x = extract("De Pucallpa, la droga sigue por carretera hasta Lima, pasando por Tingo María y Huánuco.");
    assert_has(&x, "Pucallpa", "ships_to", "Lima");
    assert!(!goes_to(&x, "Tingo María"), "{:?}", triples(&x));
    assert!(!goes_to(&x, "Huánuco"), "{:?}", triples(&x));
    let x = extract("The cocaine is shipped from Paranaguá to Lisbon, passing through ports such as Dakar and Praia.");
    assert_has(&x, "Paranaguá", "ships_to", "Lisbon");
    assert!(!goes_to(&x, "Dakar"), "{:?}", triples(&x));
}

#[test]
fn the_kind_of_place_before_a_name_does_not_stop_the_list() {
    let x = extract("Go-fast boats leave from La Guajira toward the Honduran department of Gracias a Dios.");
    assert_has(&x, "La Guajira", "ships_to", "Gracias a Dios");
    let x = extract("Las lanchas salen de La Guajira con rumbo al departamento de Gracias a Dios, en Honduras.");
    assert_has(&x, "La Guajira", "ships_to", "Gracias a Dios");
}

#[test]
fn a_possessive_place_gives_the_place_it_owns() {
    let x = extract("Vessels depart from La Guajira and from Venezuela's Falcón coast for Honduras.");
    assert_has(&x, "Falcón", "ships_to", "Honduras");
    assert!(!has(&x, "Venezuela", "ships_to", "Honduras"), "{:?}", triples(&x));
}

#[test]
fn goods_seized_on_their_way_left_from_where_they_were_seized() {
    let x = extract("No Brasil, 300 quilos foram encontrados no Porto de Natal em uma carga de mamão que seguiria para Roterdã.");
    assert_has(&x, "Natal", "ships_to", "Rotterdam");
    assert!(!has(&x, "Brazil", "ships_to", "Rotterdam"), "{:?}", triples(&x));
    let x = extract("En el Ecuador, agentes decomisaron en Guayaquil 900 kilos ocultos en un contenedor con destino a Valencia.");
    assert_has(&x, "Guayaquil", "ships_to", "Valencia");
    // A place that is no seizure's: the flow's own subject.
    let x = extract("Officials in Lima said Callao ships cocaine to Antwerp.");
    assert!(!has(&x, "Lima", "ships_to", "Antwerp"), "{:?}", triples(&x));
}

#[test]
fn a_destination_phrase_ends_at_the_next_movement() {
    let x = extract(
        "A PF apreendeu cocaína no Porto de Salvador em um contêiner com destino a Lomé, e outros 200 quilos foram achados em Pecém numa carga que seguiria para Algeciras.",
    );
    assert_has(&x, "Salvador", "ships_to", "Lomé");
    assert!(!has(&x, "Salvador", "ships_to", "Algeciras"), "{:?}", triples(&x));
}

#[test]
fn goods_seized_where_they_arrived_went_there_from_their_origin() {
    let x = extract("En México, la Marina aseguró en Manzanillo dos toneladas de precursores químicos que llegaron desde Shanghái.");
    assert_has(&x, "Shanghai", "ships_to", "Manzanillo");
    let x = extract("In Mexico, marines seized at Manzanillo two tonnes of chemicals that arrived from Shanghai last week.");
    assert_has(&x, "Shanghai", "ships_to", "Manzanillo");
    // No seizure: where the goods arrived is not said.
    let x = extract("En México, en Manzanillo, los precursores llegaron desde Shanghái.");
    assert!(!has(&x, "Shanghai", "ships_to", "Mexico"), "{:?}", triples(&x));
}

#[test]
fn with_no_origin_named_goods_leave_from_the_port_they_pass() {
    let x = extract("Cocaine was shipped through the port of Guayaquil to Antwerp.");
    assert_has(&x, "Guayaquil", "ships_to", "Antwerp");
    let r = find(&x, "Guayaquil", "ships_to", "Antwerp");
    assert!(r.qualifiers.via.is_empty(), "the start is not also passed: {:?}", r.qualifiers.via);
    let x = extract("A PF investiga o envio de cocaína pelo porto de Paranaguá para Antuérpia.");
    assert_has(&x, "Paranaguá", "ships_to", "Antwerp");
    let x = extract("En Colombia, la cocaína salía por el puerto de Buenaventura hacia Rotterdam.");
    assert_has(&x, "Buenaventura", "ships_to", "Rotterdam");
}

#[test]
fn a_region_passed_is_not_where_goods_start() {
    let x = extract("The cocaine is sold for shipment through Central America to the United States.");
    assert!(!has(&x, "Central America", "ships_to", "United States"), "{:?}", triples(&x));
    // A named origin stays the origin; the port is passed.
    let x = extract("Cocaine moved from Colombia through the port of Guayaquil to Antwerp.");
    assert_has(&x, "Colombia", "ships_to", "Antwerp");
    assert!(!has(&x, "Guayaquil", "ships_to", "Antwerp"), "{:?}", triples(&x));
}
