//! The role words of a flow read in context: a to-word before a unit of time states a rate
//! ("a month", "al mes", "ao mês"), not where the goods go. Fresh sentences in English, Spanish
//! and Portuguese, with the bundled knowledge base.

mod support;
use support::*;

fn goes_to(x: &nexus_extract::Extraction, place: &str) -> bool {
    triples(x).iter().any(|(_, p, o)| p == "ships_to" && o == place)
}

#[test]
fn a_rate_is_not_a_destination() {
    let x = extract("The cartel shipped 500 kilos of cocaine a month from Callao to Antwerp.");
    assert_has(&x, "Callao", "ships_to", "Antwerp");
    assert!(!goes_to(&x, "Callao"), "{:?}", triples(&x));
    let x = extract("La red enviaba dos toneladas de cocaína al mes desde Guayaquil hacia Valencia.");
    assert_has(&x, "Guayaquil", "ships_to", "Valencia");
    assert!(!goes_to(&x, "Guayaquil"), "{:?}", triples(&x));
    let x = extract("A quadrilha enviava uma tonelada de cocaína ao mês do porto de Paranaguá para Lisboa.");
    assert_has(&x, "Paranaguá", "ships_to", "Lisbon");
    assert!(!goes_to(&x, "Paranaguá"), "{:?}", triples(&x));
}

#[test]
fn a_to_word_before_a_place_still_names_the_destination() {
    let x = extract("La cocaína sale de Guayaquil a Amberes en contenedores de banano.");
    assert_has(&x, "Guayaquil", "ships_to", "Antwerp");
    let x = extract("A droga é enviada de Paranaguá a Lisboa em contêineres.");
    assert_has(&x, "Paranaguá", "ships_to", "Lisbon");
}

#[test]
fn goods_before_the_relative_pronoun_are_what_arrives() {
    let x = extract(
        "Perú, Bolivia y Colombia producen casi toda la cocaína del mundo. Los puertos chilenos reciben cocaína boliviana que entra por Arica, y en menor medida cocaína peruana que cruza por Tacna.",
    );
    assert_has(&x, "Bolivia", "ships_to", "Arica");
    assert!(!has(&x, "Peru", "ships_to", "Arica"), "{:?}", triples(&x));
    let x = extract(
        "Peru, Bolívia e Colômbia produzem quase toda a cocaína. Os portos do Nordeste recebem cocaína boliviana que entra por Corumbá, e em menor escala cocaína peruana que chega por Tabatinga.",
    );
    assert_has(&x, "Bolivia", "ships_to", "Corumbá");
    assert_has(&x, "Peru", "ships_to", "Tabatinga");
    assert!(!has(&x, "Peru", "ships_to", "Corumbá"), "{:?}", triples(&x));
}

#[test]
fn an_apposition_does_not_break_a_list_of_outlets() {
    let x = extract(
        "Colombia's port of Cartagena, the busiest on the coast, and Barranquilla are the main departure points for cocaine bound for Europe.",
    );
    assert_has(&x, "Cartagena", "ships_to", "Europe");
    assert_has(&x, "Barranquilla", "ships_to", "Europe");
    let x = extract(
        "En Colombia, el puerto de Buenaventura, el más activo del país, y Tumaco son las principales salidas de la cocaína hacia Centroamérica.",
    );
    assert_has(&x, "Buenaventura", "ships_to", "Central America");
    assert_has(&x, "Tumaco", "ships_to", "Central America");
    let x = extract("O porto de Paranaguá, o segundo maior do país, e Itajaí são as principais saídas da cocaína para a Europa.");
    assert_has(&x, "Paranaguá", "ships_to", "Europe");
    assert_has(&x, "Itajaí", "ships_to", "Europe");
    // After a preposition the place says where a clause happens; it heads no list.
    let x = extract(
        "En Colombia, frente a Buenaventura, la Armada patrulla el litoral, y Tumaco es la principal salida de la cocaína hacia Centroamérica.",
    );
    assert_has(&x, "Tumaco", "ships_to", "Central America");
    assert!(!has(&x, "Buenaventura", "ships_to", "Central America"), "{:?}", triples(&x));
}

fn exports(x: &nexus_extract::Extraction, place: &str) -> bool {
    triples(x).iter().any(|(s, p, _)| p == "exports" && s == place)
}

#[test]
fn a_to_word_before_the_first_place_takes_it() {
    let x = extract("The gang shipped cocaine from the jungle to Antwerp.");
    assert!(!exports(&x, "Antwerp"), "{:?}", triples(&x));
    let x = extract("La banda enviaba cocaína desde la selva hacia Amberes.");
    assert!(!exports(&x, "Antwerp"), "{:?}", triples(&x));
    let x = extract("A quadrilha enviava cocaína a partir da selva rumo a Roterdã.");
    assert!(!exports(&x, "Rotterdam"), "{:?}", triples(&x));
    // "of" between the from-word and the place names the place.
    let x = extract("La banda enviaba cocaína desde el puerto de Guayaquil hacia Amberes.");
    assert_has(&x, "Guayaquil", "ships_to", "Antwerp");
    let x = extract("The gang shipped cocaine from the port of Callao to Antwerp.");
    assert_has(&x, "Callao", "ships_to", "Antwerp");
}
