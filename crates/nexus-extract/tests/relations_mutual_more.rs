//! Reciprocal wording after coordinated subjects in other tenses ("fight over", "have clashed",
//! "mantienen una guerra", "se aliaron"): each pair of them; wars told with the other party as
//! the object, and broken alliances. Fresh sentences, bundled knowledge base.

mod support;
use support::*;

#[test]
fn present_and_perfect_reciprocals_relate_each_pair() {
    let x = extract("Los Choneros and Los Lobos fight over the port of Guayaquil.");
    assert_has(&x, "Los Choneros", "conflicts_with", "Los Lobos");
    let x = extract("Los Choneros and Los Lobos have clashed repeatedly in the prisons of Guayaquil.");
    assert_has(&x, "Los Choneros", "conflicts_with", "Los Lobos");
    let x = extract("Los Choneros y Los Lobos mantienen una guerra por el control de Guayaquil.");
    assert_has(&x, "Los Choneros", "conflicts_with", "Los Lobos");
    let x = extract("Os Rastrojos e o Clan del Golfo se aliaram em 2012 para controlar as rotas.");
    assert_has(&x, "Los Rastrojos", "cooperates_with", "Clan del Golfo");
}

#[test]
fn a_clash_with_a_state_body_is_no_rivalry() {
    let x = extract("The ELN and the Gulf Clan clashed with the army in Arauca.");
    assert!(!triples(&x).iter().any(|(_, p, o)| p == "conflicts_with" && o.contains("Ej")), "{:?}", triples(&x));
}

#[test]
fn a_reciprocal_with_its_other_party_named_is_a_plain_verb() {
    let x = extract("Los Choneros y Los Lobos se enfrentaron a la policía en Guayaquil.");
    assert!(!has(&x, "Los Choneros", "conflicts_with", "Los Lobos"), "{:?}", triples(&x));
    let x = extract("Los Choneros se enfrentaron a Los Lobos en la cárcel de Guayaquil.");
    assert_has(&x, "Los Choneros", "conflicts_with", "Los Lobos");
}

#[test]
fn a_war_with_the_other_party_as_object_and_a_broken_alliance_are_conflicts() {
    let x = extract("The Sinaloa Cartel is fighting the CJNG.");
    assert_has(&x, "Cártel de Sinaloa", "conflicts_with", "Cártel de Jalisco Nueva Generación");
    let x = extract("El Cártel de Sinaloa se enfrenta al CJNG por el control de Tijuana.");
    assert_has(&x, "Cártel de Sinaloa", "conflicts_with", "Cártel de Jalisco Nueva Generación");
    let x = extract("O PCC rompeu a aliança com o Comando Vermelho em 2016.");
    assert_has(&x, "Primeiro Comando da Capital", "conflicts_with", "Comando Vermelho");
    assert!(!has(&x, "Primeiro Comando da Capital", "cooperates_with", "Comando Vermelho"), "{:?}", triples(&x));
}

#[test]
fn ties_as_bonds_are_cooperation() {
    let x = extract("O PCC mantém laços com o Comando Vermelho.");
    assert_has(&x, "Primeiro Comando da Capital", "cooperates_with", "Comando Vermelho");
    let x = extract("El PCC mantiene lazos con la 'Ndrangheta.");
    assert_has(&x, "Primeiro Comando da Capital", "cooperates_with", "'Ndrangheta");
}
