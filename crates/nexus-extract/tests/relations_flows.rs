//! Goods moving between places and the groups that buy them: seas as the way rather than an
//! end, a place handing itself to the clause that "where" opens, crossing into a country,
//! and buying as trafficking. Fresh sentences in English, Spanish and
//! Portuguese, with the bundled knowledge base.

mod support;
use support::*;

fn ships_to_sea(x: &nexus_extract::Extraction) -> bool {
    triples(x).iter().any(|(_, p, o)| p == "ships_to" && (o.ends_with("Ocean") || o.ends_with("Sea")))
}

#[test]
fn a_sea_is_the_way_not_an_end() {
    let x = extract("Cocaine base paste from Peru converges in Bolivia before moving toward the Atlantic.");
    assert!(!ships_to_sea(&x), "{:?}", triples(&x));
    let x = extract("Las lanchas salen de Tumaco rumbo al Pacífico con cargamentos de cocaína.");
    assert!(!ships_to_sea(&x), "{:?}", triples(&x));
}

#[test]
fn a_flow_across_a_sea_still_reads_its_ends() {
    let x = extract("The cocaine was shipped from Colombia across the Atlantic to Spain.");
    assert_has(&x, "Colombia", "ships_to", "Spain");
}

#[test]
fn where_hands_the_place_to_the_next_movement() {
    let x = extract("The cocaine travels by boat to Honduras, where it is loaded onto trucks bound for Mexico.");
    assert_has(&x, "Honduras", "ships_to", "Mexico");
    // After a list, "where" speaks of every place in it.
    let x = extract("The cocaine is shipped from Colombia to Guatemala and Honduras, where it is loaded onto trucks bound for Mexico.");
    assert_has(&x, "Guatemala", "ships_to", "Mexico");
    assert_has(&x, "Honduras", "ships_to", "Mexico");
    let x = extract("La droga llega por tierra a Paraguay, donde es embarcada en contenedores con destino a Hamburgo.");
    assert_has(&x, "Paraguay", "ships_to", "Hamburg");
    let x = extract("A cocaína chega de barco a Belém, onde é embarcada em contêineres com destino a Roterdã.");
    assert_has(&x, "Belém", "ships_to", "Rotterdam");
}

#[test]
fn a_where_clause_with_a_verb_of_its_own_does_not_start_a_later_flow() {
    let x = extract(
        "Segundo a PF, a facção mantém integrantes em Cochabamba, onde negocia com fornecedores e controla o fluxo que segue até o porto de Santos.",
    );
    assert!(!has(&x, "Cochabamba", "ships_to", "Santos"), "{:?}", triples(&x));
}

#[test]
fn without_where_the_end_of_one_movement_does_not_start_the_next() {
    let x = extract("The cocaine was shipped from Colombia to Honduras and smuggled into Mexico.");
    assert!(!has(&x, "Honduras", "ships_to", "Mexico"), "{:?}", triples(&x));
}

#[test]
fn goods_crossing_into_a_country_go_there_from_the_place_named_first() {
    let x = extract("From Mexico, the fentanyl crosses into the United States hidden in private cars.");
    assert_has(&x, "Mexico", "ships_to", "United States");
    let x = extract("Desde Sinaloa, la metanfetamina cruza hacia Estados Unidos oculta en camiones de carga.");
    assert_has(&x, "Sinaloa", "ships_to", "United States");
}

#[test]
fn buying_goods_is_trafficking_them() {
    let x = extract("The Sinaloa Cartel bought cocaine from suppliers on the Pacific coast.");
    assert_has(&x, "Cártel de Sinaloa", "traffics", "cocaine");
    let x = extract("La red trabajaba con emisarios del Cártel de Sinaloa, que adquirían la cocaína en la costa.");
    assert_has(&x, "Cártel de Sinaloa", "traffics", "cocaine");
    let x = extract("O PCC comprou cocaína de produtores bolivianos.");
    assert_has(&x, "Primeiro Comando da Capital", "traffics", "cocaine");
}

#[test]
fn a_state_body_buying_is_not_trafficking() {
    let x = extract("The Colombian Navy purchased new patrol boats to intercept cocaine shipments.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "traffics"), "{:?}", triples(&x));
}

#[test]
fn a_from_word_before_a_number_measures_and_names_no_origin() {
    let x = extract("A droga sai de Tabatinga em barcos que percorrem cerca de 1.100 quilômetros até Manaus.");
    assert_has(&x, "Tabatinga", "ships_to", "Manaus");
    let x = extract("La cocaína sale de Tumaco en lanchas con cargas de 500 a 800 kilos hacia Guatemala.");
    assert_has(&x, "Tumaco", "ships_to", "Guatemala");
    assert!(!has(&x, "Guatemala", "exports", "cocaine"), "{:?}", triples(&x));
    let x = extract("The network shipped from 300 to 500 kilos of cocaine from Callao to Antwerp.");
    assert_has(&x, "Callao", "ships_to", "Antwerp");
}

#[test]
fn the_movers_base_is_where_their_shipments_start() {
    let x = extract(
        "Police described a network of Serbian brokers, several of them based in Guayaquil, who buy cocaine from local gangs and \
         organize its shipment to Rotterdam and Hamburg.",
    );
    assert_has(&x, "Guayaquil", "ships_to", "Rotterdam");
    assert_has(&x, "Guayaquil", "ships_to", "Hamburg");
    let x = extract("Los emisarios, radicados en Guayaquil, coordinaban el envío de la droga hacia Amberes.");
    assert_has(&x, "Guayaquil", "ships_to", "Antwerp");
    // A place where a group only keeps members is not said to be where its shipments start.
    let x = extract("A facção mantém integrantes em Cochabamba e controla o envio de cocaína para Roterdã.");
    assert!(!has(&x, "Cochabamba", "ships_to", "Rotterdam"), "{:?}", triples(&x));
}

#[test]
fn a_purpose_clause_keeps_earlier_places_from_a_later_flow() {
    let x =
        extract("A quadrilha abriu empresas no Paraguai e em Portugal, para esconder o lucro obtido com o envio de cocaína para a Europa.");
    assert!(!has(&x, "Portugal", "ships_to", "Europe"), "{:?}", triples(&x));
    assert!(!has(&x, "Paraguay", "ships_to", "Europe"), "{:?}", triples(&x));
    let x = extract("A quadrilha enviava cocaína do Paraguai para Portugal, escondida em cargas de madeira.");
    assert_has(&x, "Paraguay", "ships_to", "Portugal");
}

#[test]
fn a_comma_set_container_only_qualifies_the_end_of_a_flow() {
    let x = extract(
        "The network bought precursors from a supplier in Hubei province, China, and shipped them to a laboratory in Culiacán, Sinaloa.",
    );
    assert_has(&x, "Hubei", "ships_to", "Culiacán");
    assert!(!has(&x, "China", "ships_to", "Culiacán"), "{:?}", triples(&x));
    assert!(!has(&x, "Hubei", "ships_to", "Sinaloa"), "{:?}", triples(&x));
    let x = extract("La cocaína salía de Guayaquil, Ecuador, con destino a Valencia, España.");
    assert!(!has(&x, "Ecuador", "ships_to", "Spain"), "{:?}", triples(&x));
    // A list of countries is no apposition.
    let x = extract("The cocaine is shipped from Colombia, Ecuador and Peru to Spain.");
    assert_has(&x, "Ecuador", "ships_to", "Spain");
}

#[test]
fn from_there_starts_a_second_leg_at_the_first_legs_end() {
    let x = extract("Investigators said the cocaine was bound for Panama and, from there, for Spain and Italy.");
    assert_has(&x, "Panama", "ships_to", "Spain");
    assert_has(&x, "Panama", "ships_to", "Italy");
    assert!(!has(&x, "Spain", "ships_to", "Panama"), "{:?}", triples(&x));
    let x = extract("La droga era enviada desde Colombia a Panamá y, desde allí, a Estados Unidos.");
    assert_has(&x, "Colombia", "ships_to", "Panama");
    assert_has(&x, "Panama", "ships_to", "United States");
    assert!(!has(&x, "Colombia", "ships_to", "United States"), "{:?}", triples(&x));
}

#[test]
fn bare_hydrochloride_is_cocaine_in_spanish_and_portuguese() {
    let x = extract("Según la fiscalía, el Cártel de Sinaloa sigue comprando clorhidrato en Ecuador.");
    assert_has(&x, "Cártel de Sinaloa", "traffics", "cocaine");
    let x = extract("O Primeiro Comando da Capital comprava cloridrato diretamente de produtores bolivianos.");
    assert_has(&x, "Primeiro Comando da Capital", "traffics", "cocaine");
    let x = extract("La Policía Nacional compró equipos para detectar clorhidrato en los puertos.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "traffics"), "{:?}", triples(&x));
}

#[test]
fn a_where_clause_about_an_unnamed_place_does_not_start_at_an_earlier_one() {
    let x = extract(
        "La droga entra por Tumbes y Loja, y se almacena en galpones cercanos al puerto, donde se oculta en cajas de banano con destino a Amberes.",
    );
    assert!(!has(&x, "Loja", "ships_to", "Antwerp"), "{:?}", triples(&x));
    assert!(!has(&x, "Tumbes", "ships_to", "Antwerp"), "{:?}", triples(&x));
    let x = extract("La droga llega por tierra a Paraguay, donde es embarcada en contenedores con destino a Hamburgo.");
    assert_has(&x, "Paraguay", "ships_to", "Hamburg");
}

#[test]
fn a_place_completing_another_noun_does_not_move_goods() {
    let x = extract("O garimpo na Terra Yanomami, a maior reserva do Brasil, abastece compradores em Boa Vista e Manaus.");
    assert!(!has(&x, "Brazil", "ships_to", "Manaus"), "{:?}", triples(&x));
    let x = extract("The port of Guayaquil ships cocaine to Rotterdam and Hamburg.");
    assert_has(&x, "Guayaquil", "ships_to", "Rotterdam");
    let x = extract("La cocaína de Colombia se envía a Europa en contenedores.");
    assert_has(&x, "Colombia", "ships_to", "Europe");
}

#[test]
fn the_ports_of_a_place_are_that_place() {
    let x = extract("As facções passaram a usar os portos do Ceará como rota alternativa para enviar cocaína à Europa.");
    assert_has(&x, "Ceará", "ships_to", "Europe");
}
