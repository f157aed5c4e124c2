//! More of how goods moving are read (`relations/frames.rs`, `relations/routes.rs`): a place
//! after a locative that ends in "of" ("dentro da", "cerca de") can start a flow, goods
//! described by where they come from ("procedentes de", "originating in") seized at a place went
//! there, and a list goes on past the kind of place naming its next item ("y en las nuevas zonas
//! de cultivo de Nariño"). Fresh sentences in English, Spanish and Portuguese, with the bundled
//! knowledge base.

mod support;
use support::*;

#[test]
fn a_place_after_a_locative_of_starts_the_flow() {
    let x = extract("La tala ilegal cerca de Iquitos abastece aserraderos en Pucallpa y en Brasil.");
    assert_has(&x, "Iquitos", "ships_to", "Pucallpa");
    let x = extract("O garimpo ilegal dentro do Peru abastece compradores em Tabatinga e em Manaus.");
    assert_has(&x, "Peru", "ships_to", "Tabatinga");
}

#[test]
fn a_place_completing_a_noun_still_starts_nothing() {
    // "the second largest of Brazil": the place completes the noun; it supplies nothing.
    let x = extract("A segunda maior reserva do Brasil abastece mercados em Tabatinga e no Peru.");
    assert!(!has(&x, "Brazil", "ships_to", "Tabatinga"), "{:?}", triples(&x));
}

#[test]
fn goods_from_a_place_seized_elsewhere_went_there() {
    let x = extract("La Policía incautó en Guayaquil 300 kilos de cocaína procedentes de Colombia.");
    assert_has(&x, "Colombia", "ships_to", "Guayaquil");
    let x = extract("A Receita Federal apreendeu no Porto de Santos 200 quilos de cocaína proveniente da Bolívia.");
    assert_has(&x, "Bolivia", "ships_to", "Santos");
    let x = extract("Dutch customs seized at Rotterdam two tonnes of cocaine originating in Ecuador.");
    assert_has(&x, "Ecuador", "ships_to", "Rotterdam");
}

#[test]
fn a_person_from_a_place_is_no_flow() {
    let x = extract("Un ciudadano procedente de Colombia fue detenido en Guayaquil por la Policía.");
    assert!(!has(&x, "Colombia", "ships_to", "Guayaquil"), "{:?}", triples(&x));
}

#[test]
fn a_list_goes_on_past_the_kind_of_place_of_its_next_item() {
    let x = extract("La cocaína producida en Bolivia y en las nuevas zonas selváticas del Perú llega a Brasil.");
    assert_has(&x, "Peru", "ships_to", "Brazil");
    let x = extract("Cocaine produced in Bolivia and in the frontier areas of Peru reaches Brazil.");
    assert_has(&x, "Peru", "ships_to", "Brazil");
}

#[test]
fn a_list_stops_at_words_that_name_no_place() {
    let x = extract(
        "La cocaína producida en Bolivia y en laboratorios que los grupos disidentes instalaron con químicos del Perú llega a Brasil.",
    );
    assert!(!has(&x, "Peru", "ships_to", "Brazil"), "{:?}", triples(&x));
}

#[test]
fn made_it_an_outlet_names_the_place_opening_the_sentence() {
    let x = extract(
        "Ecuador grows almost no coca, but its ports and its dollarized economy have made it the main departure point for cocaine bound for Europe.",
    );
    assert_has(&x, "Ecuador", "ships_to", "Europe");
    let x = extract(
        "Panamá no produce cocaína, pero su canal y sus puertos lo han convertido en el principal punto de salida de la droga hacia Europa.",
    );
    assert_has(&x, "Panama", "ships_to", "Europe");
    let x = extract(
        "O Paraguai não produz cocaína, mas seus portos fluviais o transformaram no principal ponto de saída da droga para a Europa.",
    );
    assert_has(&x, "Paraguay", "ships_to", "Europe");
}

#[test]
fn made_it_names_nothing_when_no_place_opens_the_sentence() {
    let x = extract("Analysts in Colombia say the ports have made it the main departure point for cocaine bound for Europe.");
    assert!(!has(&x, "Colombia", "ships_to", "Europe"), "{:?}", triples(&x));
}

#[test]
fn a_place_in_an_apposition_is_not_the_origin() {
    let x = extract("La Guajira, el principal corredor de Venezuela, abastece mercados en Barranquilla.");
    assert_has(&x, "La Guajira", "ships_to", "Barranquilla");
    assert!(!has(&x, "Venezuela", "ships_to", "Barranquilla"), "{:?}", triples(&x));
    let x = extract("A pesca ilegal dentro do Vale do Javari, a maior reserva do Brasil, abastece mercados em Tabatinga.");
    assert_has(&x, "Javari Valley", "ships_to", "Tabatinga");
}

#[test]
fn an_origin_phrase_opening_with_a_destination_word_is_an_origin() {
    // "a partir do" starts with "a", a to-word: the longer cue wins.
    let x = extract("A organização enviava cocaína à Europa a partir do porto de Vila do Conde, em Barcarena.");
    assert_has(&x, "Vila do Conde", "ships_to", "Europe");
    let x = extract("La red enviaba cocaína a Europa a partir del puerto de Guayaquil.");
    assert_has(&x, "Guayaquil", "ships_to", "Europe");
}
