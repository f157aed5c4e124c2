//! Where places lie and where organizations act, read from how report prose places names
//! (`relations/attach.rs`, `relations/places.rs`): the container a sentence states wins over
//! one the knowledge base guesses, peers in a list are not nested, parentheses after a place,
//! "in <place>, groups such as A and B …", and a place "controlled by" a group. Every sentence
//! is written for this test.

mod support;
use support::*;

#[test]
fn a_stated_container_wins_over_a_wider_known_one() {
    let x = extract("Go-fast crews refuel near Tumaco in Nariño before running north along the coast of Colombia.");
    assert_has(&x, "Tumaco", "located_in", "Nariño");
    assert!(!has(&x, "Tumaco", "located_in", "Colombia"), "{:?}", triples(&x));
    let x = extract("En Colombia, los muelles de Buenaventura (Valle del Cauca) siguen bajo la presión de las bandas.");
    assert!(!has(&x, "Buenaventura", "located_in", "Colombia"), "{:?}", triples(&x));
}

#[test]
fn a_known_container_still_places_an_unplaced_name() {
    let x = extract("The riots spread across northern Brazil, including in Manaus.");
    assert_has(&x, "Manaus", "located_in", "Brazil");
}

#[test]
fn places_listed_together_are_peers() {
    let x = extract("Recruiters lure young women from Cusco, Puno and Juliaca with fake job offers.");
    assert!(!has(&x, "Juliaca", "located_in", "Puno"), "{:?}", triples(&x));
    let x = extract("Las redes captan a jóvenes en Cusco, Puno y Juliaca con falsas ofertas de empleo.");
    assert!(!has(&x, "Juliaca", "located_in", "Puno"), "{:?}", triples(&x));
}

#[test]
fn a_country_in_parentheses_may_take_an_article() {
    let x = extract("The load was found at the container terminal of Rotterdam (the Netherlands) last week.");
    assert_has(&x, "Rotterdam", "located_in", "Netherlands");
}

#[test]
fn a_place_set_off_by_commas_may_carry_parentheses() {
    // An acronym after the place, a state's code after its container.
    let x = extract("A rebelião no Complexo Penitenciário Anísio Jobim (Compaj), em Manaus, deixou 56 mortos.");
    assert_has(&x, "Complexo Penitenciário Anísio Jobim", "located_in", "Manaus");
    let x = extract("The riot at the Litoral Penitentiary (Penitenciaría del Litoral), in Guayaquil, left 118 dead.");
    assert_has(&x, "Penitenciaría del Litoral", "located_in", "Guayaquil");
    let x = extract("Os fiscais do porto do Pecém, em São Gonçalo do Amarante (CE), reforçaram a inspeção dos contêineres.");
    assert_has(&x, "Pecém", "located_in", "São Gonçalo do Amarante");
    // A list of "in <place>" phrases does not nest its items.
    let x = extract("Los operativos se realizaron en Tumaco, en Buenaventura y en Cali.");
    assert!(!has(&x, "Tumaco", "located_in", "Buenaventura"), "{:?}", triples(&x));
}

#[test]
fn a_fronted_place_with_groups_such_as() {
    let x = extract("En Colombia, grupos como el Clan del Golfo y el ELN cobran impuestos a los cocaleros.");
    assert_has(&x, "Clan del Golfo", "operates_in", "Colombia");
    assert_has(&x, "Ejército de Liberación Nacional", "operates_in", "Colombia");
    // Every item of the subject list, even one right before a verb that is itself a trigger.
    let x = extract("En Colombia, el Clan del Golfo, las disidencias de las FARC y el ELN cobran impuestos a los cocaleros.");
    assert_has(&x, "FARC dissidents", "operates_in", "Colombia");
    assert_has(&x, "Ejército de Liberación Nacional", "operates_in", "Colombia");
    let x = extract("In Ecuador, gangs such as Los Lobos now run the extortion rackets in the ports.");
    assert_has(&x, "Los Lobos", "operates_in", "Ecuador");
    // The examples must name a kind of group: analysts are not where a gang acts.
    let x = extract("In Peru, analysts such as those cited by Los Lobos researchers disagree.");
    assert!(!has(&x, "Los Lobos", "operates_in", "Peru"), "{:?}", triples(&x));
}

#[test]
fn a_place_controlled_by_a_group() {
    let x = extract("El puerto de Guayaquil, controlado por Los Choneros durante años, vive una nueva guerra.");
    assert_has(&x, "Los Choneros", "operates_in", "Guayaquil");
    let x = extract("A cidade de Manaus, hoje dominada majoritariamente pelo Comando Vermelho, registrou novos ataques.");
    assert_has(&x, "Comando Vermelho", "operates_in", "Manaus");
    // A "controlled delivery" is a police technique, not a group's hold on a place.
    let x = extract("A Polícia Federal fez uma entrega controlada em Santos para identificar o PCC.");
    assert!(!has(&x, "Primeiro Comando da Capital", "operates_in", "Santos"), "{:?}", triples(&x));
}

#[test]
fn the_interior_of_a_place_is_in_it() {
    let x = extract("A polícia prendeu dois suspeitos em Campinas, no interior de São Paulo, na terça-feira.");
    assert_has(&x, "Campinas", "located_in", "São Paulo");
    let x = extract("Los detenidos vivían en Yapacaní, en el interior de Santa Cruz, desde 2019.");
    assert_has(&x, "Yapacaní", "located_in", "Santa Cruz");
}

#[test]
fn a_sea_or_world_region_lies_in_no_one_place() {
    let x = extract("Tankers leave the Pacific port of Buenaventura in Colombia every week.");
    assert!(!has(&x, "Pacific Ocean", "located_in", "Buenaventura"), "{:?}", triples(&x));
    assert_has(&x, "Buenaventura", "located_in", "Colombia");
    let x = extract("Panama's Caribbean terminals handle most of the transshipment.");
    assert!(!has(&x, "Caribbean", "located_in", "Panama"), "{:?}", triples(&x));
    let x = extract("Los cargamentos salen del Pacífico colombiano y de los terminales del Caribe de Panamá.");
    assert!(!has(&x, "Caribbean", "located_in", "Panama"), "{:?}", triples(&x));
}

#[test]
fn a_place_described_as_the_zone_with_the_most_of_something_in_a_place() {
    let x = extract("El Chapare, la zona con mayor producción de hoja de coca de Bolivia, sigue bajo presión.");
    assert_has(&x, "Chapare", "located_in", "Bolivia");
    let x = extract("The Chapare, the area with the largest coca crop in Bolivia, saw new eradication.");
    assert_has(&x, "Chapare", "located_in", "Bolivia");
    // The place noun must come first: a description without one says nothing of where.
    let x = extract("El Chapare, con mayor superficie de coca que nunca, preocupa a Bolivia.");
    assert!(!has(&x, "Chapare", "located_in", "Bolivia"), "{:?}", triples(&x));
}

#[test]
fn parentheses_after_two_coordinated_places_hold_both() {
    let x = extract("La policía allanó casas en Portoviejo y en Manta (Manabí) el martes.");
    assert_has(&x, "Portoviejo", "located_in", "Manabí");
    // Stated by the parentheses, not only guessed from the knowledge base (at most 0.55).
    assert!(find(&x, "Manta", "located_in", "Manabí").confidence > 0.55);
    let x = extract("Police raided homes in Manta and in Portoviejo (Manabí) on Tuesday.");
    assert!(find(&x, "Manta", "located_in", "Manabí").confidence > 0.55);
    // The knowledge base knows Rotterdam is not in Belgium.
    let x = extract("Customs officers in Rotterdam and Antwerp (Belgium) seized the containers.");
    assert!(!has(&x, "Rotterdam", "located_in", "Belgium"), "{:?}", triples(&x));
}

#[test]
fn parentheses_do_not_move_a_town_into_another_state() {
    // The state code after the last of a list holds that one; Manaus lies in Amazonas.
    let x = extract("Foram cumpridos mandados em Boa Vista, Manaus e Itaituba (PA) nesta quinta-feira.");
    assert_has(&x, "Itaituba", "located_in", "Pará");
    assert!(!has(&x, "Manaus", "located_in", "Pará"), "{:?}", triples(&x));
    // A capital district named like the province around it may be what the name meant.
    let x = extract("Los detenidos fueron trasladados a una vivienda en San Juan de Lurigancho (Lima).");
    assert_has(&x, "San Juan de Lurigancho", "located_in", "Lima");
}
