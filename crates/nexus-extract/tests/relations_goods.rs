//! Goods and their flows beyond one plain phrase (relations/goods.rs): adverbs inside a
//! trigger, goods referred back to the sentence before, a sale of goods to an organization, and
//! places named as the doors goods leave by. Fresh sentences in English, Spanish and
//! Portuguese, with the bundled knowledge base.

mod support;
use support::*;

#[test]
fn an_adverb_inside_a_trigger_phrase_is_read_past() {
    let x = extract("The cocaine loaded in Callao was bound mainly for Antwerp.");
    assert_has(&x, "Callao", "ships_to", "Antwerp");
    let x = extract("El oro de Bolivia sale sobre todo hacia Suiza y la India.");
    assert_has(&x, "Bolivia", "ships_to", "Switzerland");
    assert_has(&x, "Bolivia", "ships_to", "India");
    let x = extract("A cocaína embarcada em Paranaguá segue principalmente para Antuérpia.");
    assert_has(&x, "Paranaguá", "ships_to", "Antwerp");
}

#[test]
fn a_word_that_is_no_adverb_breaks_the_phrase() {
    // Only adverbs are read past: "barato" is not one.
    let x = extract("El oro de Bolivia sale barato hacia Suiza.");
    assert!(!has(&x, "Bolivia", "ships_to", "Switzerland"), "{:?}", triples(&x));
}

#[test]
fn goods_referred_back_are_what_the_flow_before_moved() {
    let x = extract(
        "Customs officers found 3 tonnes of cocaine in Guayaquil in containers bound for Valencia. Smaller quantities leave from Tumbes and Esmeraldas.",
    );
    assert_has(&x, "Tumbes", "exports", "cocaine");
    assert_has(&x, "Esmeraldas", "exports", "cocaine");
    let x = extract("La Armada halló 2 toneladas de cocaína en Guayaquil con destino a Amberes. El resto sale por Tumaco.");
    assert_has(&x, "Tumaco", "exports", "cocaine");
    let x = extract("A PF apreendeu 900 quilos de cocaína em Santos com destino a Antuérpia. Outra parte sai pelo porto de Itajaí.");
    assert_has(&x, "Itajaí", "exports", "cocaine");
}

#[test]
fn goods_are_not_carried_without_a_phrase_referring_back_nor_past_one_sentence() {
    let x = extract(
        "Customs officers found 3 tonnes of cocaine in Guayaquil in containers bound for Valencia. Fishermen leave from Tumbes and Esmeraldas.",
    );
    assert!(!has(&x, "Tumbes", "exports", "cocaine"), "{:?}", triples(&x));
    let x = extract(
        "Customs officers found 3 tonnes of cocaine in Guayaquil in containers bound for Valencia. The port was closed for a week. Smaller quantities leave from Tumbes.",
    );
    assert!(!has(&x, "Tumbes", "exports", "cocaine"), "{:?}", triples(&x));
    // A cover load is not the goods referred back.
    let x = extract("Customs officers found containers of bananas in Guayaquil bound for Valencia. Smaller quantities leave from Tumbes.");
    assert!(!has(&x, "Tumbes", "exports", "bananas"), "{:?}", triples(&x));
}

#[test]
fn selling_goods_to_an_organization_is_cooperation() {
    let x = extract("For a decade the Clan del Golfo sold cocaine to the Sinaloa Cartel on the Pacific coast.");
    assert_has(&x, "Clan del Golfo", "cooperates_with", "Cártel de Sinaloa");
    let x = extract("Según la Fiscalía, Los Lobos vendían cocaína al Cártel Jalisco Nueva Generación.");
    assert_has(&x, "Los Lobos", "cooperates_with", "Cártel de Jalisco Nueva Generación");
    let x = extract("Segundo a PF, o Comando Vermelho vendia cocaína para o PCC na fronteira.");
    assert_has(&x, "Comando Vermelho", "cooperates_with", "Primeiro Comando da Capital");
}

#[test]
fn a_sale_without_goods_between_is_not_cooperation() {
    let x = extract("The Clan del Golfo sold to the highest bidder, and the Sinaloa Cartel paid in cash.");
    assert!(!has(&x, "Clan del Golfo", "cooperates_with", "Cártel de Sinaloa"), "{:?}", triples(&x));
    let x = extract("The Clan del Golfo sold cocaine in Medellín while the Sinaloa Cartel bought weapons.");
    assert!(!has(&x, "Clan del Golfo", "cooperates_with", "Cártel de Sinaloa"), "{:?}", triples(&x));
}

#[test]
fn a_door_goods_leave_by_starts_their_flow() {
    let x = extract("Según la policía, Guayaquil es la principal puerta de salida de la droga hacia Europa.");
    assert_has(&x, "Guayaquil", "ships_to", "Europe");
    let x = extract("Fortaleza é uma das portas de saída da cocaína para a Europa.");
    assert_has(&x, "Fortaleza", "ships_to", "Europe");
    let x = extract("Investigators say Callao has become the main gateway for cocaine bound for Europe.");
    assert_has(&x, "Callao", "ships_to", "Europe");
    // A gateway is not an exporter: goods may only pass.
    let x = extract("Investigators say Panama has become a gateway for cocaine.");
    assert!(!has(&x, "Panama", "exports", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn goods_moved_through_a_place_by_their_own_clause_go_there_from_their_origin() {
    let x = extract("The cocaine that leaves through Guayaquil originates mainly in Colombia.");
    assert_has(&x, "Colombia", "ships_to", "Guayaquil");
    let x = extract("La cocaína que llega a Valencia, según la Guardia Civil, proviene sobre todo de Colombia.");
    assert_has(&x, "Colombia", "ships_to", "Valencia");
    let x = extract("A cocaína que sai pelo porto de Paranaguá tem origem principalmente na Bolívia e no Peru.");
    assert_has(&x, "Bolivia", "ships_to", "Paranaguá");
    assert_has(&x, "Peru", "ships_to", "Paranaguá");
}

#[test]
fn people_moving_through_a_place_are_not_goods() {
    let x = extract("The brokers who leave through Guayaquil originate mainly in Colombia.");
    assert!(!has(&x, "Colombia", "ships_to", "Guayaquil"), "{:?}", triples(&x));
}
