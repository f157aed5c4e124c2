//! More acts read in one sentence: offensives, contacts, plantations, hubs, members named as
//! examples, the unit that acts for its body, and a "between" list whose places bound a named
//! region. Fresh sentences, bundled knowledge base.

mod support;
use support::*;

#[test]
fn an_offensive_against_a_group_is_a_conflict() {
    let x = extract("In March, ELN units launched a new offensive against the Frente 33 near the border.");
    assert_has(&x, "Ejército de Liberación Nacional", "conflicts_with", "Frente 33");
    let x = extract("El ELN lanzó una ofensiva contra el Frente 33 en la zona rural de Tibú.");
    assert_has(&x, "Ejército de Liberación Nacional", "conflicts_with", "Frente 33");
    // An offensive by the state against an activity names no second party.
    let x = extract("The ELN criticised the government's offensive against illegal mining.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "conflicts_with"), "{:?}", triples(&x));
}

#[test]
fn contacts_between_people_of_two_groups_are_cooperation() {
    let x = extract("Wiretaps revealed frequent contacts between PCC envoys and members of the 'Ndrangheta in Calabria.");
    assert_has(&x, "Primeiro Comando da Capital", "cooperates_with", "'Ndrangheta");
    let x = extract("A investigação revelou contatos entre o PCC e emissários da 'Ndrangheta no porto de Santos.");
    assert_has(&x, "Primeiro Comando da Capital", "cooperates_with", "'Ndrangheta");
    // People of the second side named without their group: no pair.
    let x = extract("Wiretaps revealed frequent contacts between PCC envoys and local dock workers in Santos.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "cooperates_with"), "{:?}", triples(&x));
}

#[test]
fn clashes_between_fighters_of_two_groups_are_a_conflict() {
    let x = extract("Los enfrentamientos entre Los Choneros y miembros de Los Lobos dejaron doce muertos.");
    assert_has(&x, "Los Choneros", "conflicts_with", "Los Lobos");
}

#[test]
fn plantations_of_goods_are_grown_where_the_sentence_puts_them() {
    let x = extract("O departamento de Canindeyú concentra plantações de maconha que abastecem o mercado brasileiro.");
    assert_has(&x, "Canindeyú", "produces", "cannabis");
    // ", vizinho de <place>,": the neighbour named in the aside is not the grower.
    let x = extract("O departamento de Amambay, vizinho de Mato Grosso do Sul, concentra plantações de maconha.");
    assert_has(&x, "Amambay", "produces", "cannabis");
    assert!(!has(&x, "Mato Grosso do Sul", "produces", "cannabis"), "{:?}", triples(&x));
    let x = extract("Las autoridades hallaron plantaciones de marihuana en el Chapare.");
    assert_has(&x, "Chapare", "produces", "cannabis");
    let x = extract("Satellite images show new plantations of cannabis in Amambay.");
    assert_has(&x, "Amambay", "produces", "cannabis");
    // Plantations that name no goods grow nothing.
    let x = extract("Paraguay exporta soja desde plantaciones de gran escala.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "produces"), "{:?}", triples(&x));
}

#[test]
fn members_named_as_examples_belong_to_the_group_counted() {
    let x = extract("La Policía capturó a cinco miembros de Los Lobos, entre ellos Carlos Andrés Mejía Torres, en Machala.");
    assert_has(&x, "Carlos Andrés Mejía Torres", "member_of", "Los Lobos");
    let x = extract("Police detained four members of the Tren de Aragua, including Pedro José Linares Rojas.");
    assert_has(&x, "Pedro José Linares Rojas", "member_of", "Tren de Aragua");
    // A person named after the group without an example word is not said to be a member.
    let x = extract("Cinco miembros de Los Lobos fueron detenidos, según informó Carlos Andrés Mejía Torres.");
    assert!(!has(&x, "Carlos Andrés Mejía Torres", "member_of", "Los Lobos"), "{:?}", triples(&x));
}

#[test]
fn the_unit_named_with_its_body_is_the_one_that_acts() {
    let x = extract(
        "El Perú, a través de la Dirección Antidrogas (DIRANDRO) de la Policía Nacional del Perú, incautó doce toneladas de cocaína.",
    );
    assert_has(&x, "Dirección Antidrogas", "seized", "cocaine");
    assert!(!has(&x, "Policía Nacional del Perú", "seized", "cocaine"), "{:?}", triples(&x));
    // A unit named only by what it does acts as its body.
    let x = extract("La División de Investigaciones Especiales de la DIRANDRO, con apoyo de la DEA, incautó doce toneladas de cocaína.");
    assert_has(&x, "Dirección Antidrogas", "seized", "cocaine");
    // A body named alone still acts.
    let x = extract("La Policía Nacional del Perú incautó doce toneladas de cocaína en el Callao.");
    assert_has(&x, "Policía Nacional del Perú", "seized", "cocaine");
}

#[test]
fn a_named_region_between_places_is_what_hosts_the_activity() {
    let x =
        extract("A Tríplice Fronteira entre Brasil, Paraguai e Argentina é um dos principais centros de lavagem de dinheiro da região.");
    assert_has(&x, "Tri-Border Area", "engages_in", "money laundering");
    assert!(!has(&x, "Paraguay", "engages_in", "money laundering"), "{:?}", triples(&x));
    // A common noun before "between" names no region: nothing is hosted.
    let x = extract("The border between Peru and Bolivia is a hub for contraband smuggling.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "engages_in"), "{:?}", triples(&x));
}

#[test]
fn a_crop_named_with_its_making_noun_grows_where_the_sentence_puts_it() {
    // "cultivos de coca" is itself a name of coca leaf: no trigger word stands before it.
    let x = extract("Los cultivos de coca en Bolivia crecieron un diez por ciento el año pasado.");
    assert_has(&x, "Bolivia", "produces", "coca leaf");
    let x = extract("As plantações de coca no Peru avançam sobre a floresta.");
    assert_has(&x, "Peru", "produces", "coca leaf");
    // The leaves themselves named in a place are not a crop grown there.
    let x = extract("La Policía halló hojas de coca en Bolivia dentro de un camión.");
    assert!(!has(&x, "Bolivia", "produces", "coca leaf"), "{:?}", triples(&x));
}

#[test]
fn goods_removed_or_taken_out_of_circulation_are_seized() {
    let x = extract("Last year the U.S. Coast Guard removed more than 60 tonnes of cocaine from vessels in the Eastern Pacific.");
    assert_has(&x, "United States Coast Guard", "seized", "cocaine");
    let x = extract("A Polícia Federal retirou de circulação 4 toneladas de cocaína no porto de Santos.");
    assert_has(&x, "Polícia Federal", "seized", "cocaine");
    // A trafficking group that removes its own goods has seized nothing.
    let x = extract("The Gulf Clan removed the cocaine from the warehouse before the raid.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "seized"), "{:?}", triples(&x));
}
