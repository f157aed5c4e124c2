//! What organizations do, read from lists of activities and from where their income comes.
//! Fresh sentences, bundled knowledge base.

mod support;
use support::*;

#[test]
fn a_list_of_activities_goes_on_past_a_complement() {
    let x = extract("Los Gallegos se financian con la extorsión a tenderos y mototaxistas, el secuestro y el sicariato.");
    assert_has(&x, "Los Gallegos", "engages_in", "extortion");
    assert_has(&x, "Los Gallegos", "engages_in", "kidnapping");
    assert_has(&x, "Los Gallegos", "engages_in", "contract killing");
    let x = extract("The Comando Vermelho is involved in extortion of shop owners in the favelas, kidnapping and money laundering.");
    assert_has(&x, "Comando Vermelho", "engages_in", "kidnapping");
    assert_has(&x, "Comando Vermelho", "engages_in", "money laundering");
}

#[test]
fn an_activity_after_another_organization_is_not_continued() {
    let x = extract("Los Gallegos se dedican a la extorsión de comerciantes, mientras Los Shottas prefieren el secuestro.");
    assert_has(&x, "Los Gallegos", "engages_in", "extortion");
    assert!(!has(&x, "Los Gallegos", "engages_in", "kidnapping"), "{:?}", triples(&x));
}

#[test]
fn an_organizations_income_names_what_it_does() {
    let text = "El Primeiro Comando da Capital nació en las cárceles paulistas. Sus ingresos provienen sobre todo \
                del narcotráfico, la extorsión a comerciantes y el lavado de activos.";
    let x = extract(text);
    assert_has(&x, "Primeiro Comando da Capital", "engages_in", "drug trafficking");
    assert_has(&x, "Primeiro Comando da Capital", "engages_in", "money laundering");
    let x = extract("The Comando Vermelho was founded in a Rio prison in 1979. Its income comes mainly from extortion and kidnapping.");
    assert_has(&x, "Comando Vermelho", "engages_in", "extortion");
    assert_has(&x, "Comando Vermelho", "engages_in", "kidnapping");
}

#[test]
fn a_possessive_with_two_organizations_in_view_reads_no_income() {
    // Two organizations in view, not side by side (relations/pronouns.rs reads "Sus" as both
    // only after "A y B"): whose income is a guess.
    let text = "Según la policía, el Comando Vermelho le disputa el norte al Primeiro Comando da Capital. Sus ingresos \
                provienen de la extorsión.";
    let x = extract(text);
    assert!(!has(&x, "Comando Vermelho", "engages_in", "extortion"), "{:?}", triples(&x));
    assert!(!has(&x, "Primeiro Comando da Capital", "engages_in", "extortion"), "{:?}", triples(&x));
}

#[test]
fn a_production_list_goes_on_past_an_aside() {
    let x = extract("El informe describe la marihuana producida en Paraguay y, en menor medida, en Colombia.");
    assert_has(&x, "Paraguay", "produces", "cannabis");
    assert_has(&x, "Colombia", "produces", "cannabis");
    let x = extract("The report tracks the heroin produced in Mexico and, to a lesser extent, in Colombia.");
    assert_has(&x, "Colombia", "produces", "heroin");
    // A place after other words is not a producer.
    let x = extract("The cannabis produced in Paraguay was seized, police in Argentina said.");
    assert!(!has(&x, "Argentina", "produces", "cannabis"), "{:?}", triples(&x));
}

#[test]
fn a_place_named_after_its_kind_is_a_subject() {
    let x = extract("The department of Cusco has long been a hub of illegal mining.");
    assert_has(&x, "Cusco", "engages_in", "illegal mining");
    let x = extract("El departamento de Antioquia es el epicentro del narcotráfico en el noroeste del país.");
    assert_has(&x, "Antioquia", "engages_in", "drug trafficking");
    // The nearest subject still wins.
    let x = extract("The department of Cusco reported that the Comando Vermelho is involved in illegal mining.");
    assert!(!has(&x, "Cusco", "engages_in", "illegal mining"), "{:?}", triples(&x));
}

#[test]
fn places_listed_after_between_do_not_host_the_activity() {
    let x = extract("The border between Brazil, Peru and Bolivia is a hub of contraband smuggling.");
    assert!(!has(&x, "Brazil", "engages_in", "contraband smuggling"), "{:?}", triples(&x));
    assert!(!has(&x, "Bolivia", "engages_in", "contraband smuggling"), "{:?}", triples(&x));
    assert!(!has(&x, "Peru", "engages_in", "contraband smuggling"), "{:?}", triples(&x));
    let x = extract("A fronteira entre o Paraguai e o Brasil é um polo de contrabando de cigarros.");
    assert!(!has(&x, "Brazil", "engages_in", "contraband smuggling"), "{:?}", triples(&x));
    // Without "between" the places are the subject.
    let x = extract("Peru and Bolivia are a hub of contraband smuggling.");
    assert_has(&x, "Bolivia", "engages_in", "contraband smuggling");
}

#[test]
fn places_chained_before_areas_under_the_goods_make_them() {
    let x = extract("Municipalities like Villa Tunari in Cochabamba and Caranavi in La Paz report the largest areas under coca.");
    assert_has(&x, "Villa Tunari", "produces", "coca leaf");
    assert_has(&x, "Cochabamba", "produces", "coca leaf");
    assert_has(&x, "La Paz", "produces", "coca leaf");
    let x = extract("Según el monitoreo, Antioquia tiene la mayor superficie cultivada con coca del país.");
    assert_has(&x, "Antioquia", "produces", "coca leaf");
    // A place fronted before a comma is not one of the makers.
    let x = extract("In Bolivia, Cochabamba has the largest areas under coca.");
    assert_has(&x, "Cochabamba", "produces", "coca leaf");
    assert!(!has(&x, "Bolivia", "produces", "coca leaf"), "{:?}", triples(&x));
}

#[test]
fn a_place_described_by_a_production_apposition_makes_the_goods() {
    let x = extract("Llegamos a Antioquia, la zona con mayor producción de coca del país, en marzo.");
    assert_has(&x, "Antioquia", "produces", "coca leaf");
    let x = extract("The report covers Antioquia, the area with the largest cultivation of coca in the country.");
    assert_has(&x, "Antioquia", "produces", "coca leaf");
    // A place before a comma that opens no apposition is not described.
    let x = extract("The army patrolled Antioquia, and production of coca in Bolivia rose.");
    assert!(!has(&x, "Antioquia", "produces", "coca leaf"), "{:?}", triples(&x));
}
