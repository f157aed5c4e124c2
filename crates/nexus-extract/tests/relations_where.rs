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

#[test]
fn the_country_after_an_of_contraction_is_the_documents() {
    let x = extract("Ecuador vive una crisis. Los Choneros controlan el norte del país.");
    assert_has(&x, "Los Choneros", "operates_in", "Ecuador");
    let x = extract("O Brasil vive uma crise. O PCC domina os presídios do país.");
    assert_has(&x, "Primeiro Comando da Capital", "operates_in", "Brazil");
    // Another country named just before is not the one the report is about.
    let x = extract(
        "La cocaína llega a Guayaquil y a Esmeraldas, en Ecuador. La droga viene de Colombia. Los Choneros controlan el sur del país.",
    );
    assert_has(&x, "Los Choneros", "operates_in", "Ecuador");
    assert!(!has(&x, "Los Choneros", "operates_in", "Colombia"), "{:?}", triples(&x));
    let x = extract(
        "Cocaine reaches Guayaquil and Esmeraldas in Ecuador. The drug comes from Colombia. Los Choneros control the south of the country.",
    );
    assert_has(&x, "Los Choneros", "operates_in", "Ecuador");
}

#[test]
fn the_neighboring_country_and_moves_within_the_country_are_not_the_documents() {
    // "o país vizinho" is another country than the one the report is about.
    let x = extract("A cocaína chega a Santos, em São Paulo, e a Paranaguá, no Paraná. Parte vem da Bolívia. O PCC domina o país vizinho.");
    assert!(!has(&x, "Primeiro Comando da Capital", "operates_in", "Brazil"), "{:?}", triples(&x));
    // Goods moved to a part of the country stay in it: the country is no destination.
    let x = extract("La pasta base llega a Santa Cruz desde el Chapare, en Bolivia. Luego es transportada hacia el oriente del país.");
    assert!(!triples(&x).iter().any(|(_, p, o)| p == "ships_to" && o == "Bolivia"), "{:?}", triples(&x));
}

#[test]
fn a_place_adverb_stands_for_the_place_named_last() {
    let x = extract("Police found labs in Culiacán. The Sinaloa Cartel operates there.");
    assert_has(&x, "Cártel de Sinaloa", "operates_in", "Culiacán");
    let x = extract("La Policía halló laboratorios en Cúcuta. Los Rastrojos tienen presencia allí desde 2015.");
    assert_has(&x, "Los Rastrojos", "operates_in", "Cúcuta");
    let x = extract("A polícia encontrou laboratórios em Tabatinga. O Comando Vermelho atua lá desde 2018.");
    assert_has(&x, "Comando Vermelho", "operates_in", "Tabatinga");
}

#[test]
fn there_of_there_are_and_from_there_are_no_place() {
    let x = extract("Police found labs in Culiacán. There are Sinaloa Cartel cells in the state, police said.");
    assert!(!has(&x, "Cártel de Sinaloa", "operates_in", "Culiacán"), "{:?}", triples(&x));
    let x = extract("Police found labs in Culiacán. From there the Sinaloa Cartel operates across Sonora.");
    assert!(!has(&x, "Cártel de Sinaloa", "operates_in", "Culiacán"), "{:?}", triples(&x));
}

#[test]
fn places_named_after_the_country_anaphor_are_objects_too() {
    let x = extract(
        "Peru is the main source. The Shining Path set up cells in the country in the 1980s in the valleys of the VRAEM and the Huallaga.",
    );
    assert_has(&x, "Sendero Luminoso", "operates_in", "Peru");
    assert_has(&x, "Sendero Luminoso", "operates_in", "VRAEM");
    let x = extract("Chile es el nuevo mercado. El Tren de Aragua se instaló en el país hacia 2018 en las ciudades de Arica e Iquique.");
    assert_has(&x, "Tren de Aragua", "operates_in", "Arica");
    assert_has(&x, "Tren de Aragua", "operates_in", "Iquique");
    // Another clause: the police in Lima are not where the group is.
    let x = extract("Peru is the main source. The Shining Path set up cells in the country, but the police in Lima arrested its leaders.");
    assert!(!has(&x, "Sendero Luminoso", "operates_in", "Lima"), "{:?}", triples(&x));
}
