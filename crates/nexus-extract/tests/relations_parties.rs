//! The second party of what organizations and agencies do, named away from the verb: a
//! relative clause of rivalry or alliance, a contest for control with its other side after the
//! contested things, a partner beside the doer of a seizure; and the group formed by dissidents
//! of another, and organizations that grew into a kind of group. Fresh sentences, bundled
//! knowledge base.

mod support;
use support::*;

fn none_of(x: &nexus_extract::Extraction, predicate: &str) {
    assert!(!triples(x).iter().any(|(_, p, _)| p == predicate), "{:?}", triples(x));
}

#[test]
fn a_relative_clause_of_rivalry_or_alliance_relates_its_antecedent_to_the_subject() {
    let x = extract("No Ceará, o CV divide o território com a facção Guardiões do Estado, com a qual mantém uma rivalidade violenta.");
    assert_has(&x, "Comando Vermelho", "conflicts_with", "Guardiões do Estado");
    let x = extract("En Guayaquil, Los Choneros comparten los muelles con Los Lobos, con los que mantienen una alianza frágil.");
    assert_has(&x, "Los Choneros", "cooperates_with", "Los Lobos");
    let x = extract("In the north, the Sinaloa Cartel shares the coast with Los Zetas, with which it has been at war since 2010.");
    assert_has(&x, "Cártel de Sinaloa", "conflicts_with", "Los Zetas");
    // An apposition naming the kind of group stands between the antecedent and the relative.
    let x = extract("O Comando Vermelho cresceu no Amazonas após a queda da Família do Norte (FDN), facção local da qual foi aliado.");
    assert_has(&x, "Comando Vermelho", "cooperates_with", "Família do Norte");
    // A relative clause saying something else relates no one.
    let x = extract("Los Choneros comparten los muelles con Los Lobos, con los que trafican cocaína.");
    none_of(&x, "cooperates_with");
    none_of(&x, "conflicts_with");
}

#[test]
fn a_contest_for_control_names_the_other_side_after_the_contested_things() {
    let x = extract("The CJNG disputes control of Colima and Michoacán with the Sinaloa Cartel.");
    assert_has(&x, "Cártel de Jalisco Nueva Generación", "conflicts_with", "Cártel de Sinaloa");
    let x = extract("La banda Los Lobos disputa el control de Esmeraldas y Manabí con Los Tiguerones.");
    assert_has(&x, "Los Lobos", "conflicts_with", "Los Tiguerones");
    let x = extract("O PCC luta pelo controle das rotas do Solimões com o Comando Vermelho.");
    assert_has(&x, "Primeiro Comando da Capital", "conflicts_with", "Comando Vermelho");
    // A with-word that names no organization: no conflict.
    let x = extract("Los Lobos disputan el control de Esmeraldas con armas compradas en Perú.");
    none_of(&x, "conflicts_with");
}

#[test]
fn a_partner_in_a_joint_operation_seized_too() {
    let x = extract("En operación conjunta con la Armada de Colombia, la Policía Nacional incautó 1,2 toneladas de cocaína en Tumaco.");
    assert_has(&x, "Armada de Colombia", "seized", "cocaine");
    let x = extract("A Polícia Federal, junto com a Receita Federal, apreendeu 900 quilos de cocaína no Porto de Santos.");
    assert_has(&x, "Receita Federal", "seized", "cocaine");
    let x = extract("The DEA, in a joint operation with the Colombian National Police, seized two tons of cocaine.");
    assert_has(&x, "Policía Nacional de Colombia", "seized", "cocaine");
    // Support is not doing: the supporter seized nothing.
    let x = extract("La Policía Nacional, con el apoyo de la DEA, incautó 800 kilos de cocaína en Buenaventura.");
    assert!(!has(&x, "Drug Enforcement Administration", "seized", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn a_relative_after_the_dissidents_of_a_group_speaks_of_the_group_they_formed() {
    let x = extract("Os Crias, grupo formado por dissidentes da FDN que chegou a dominar o crime em Tabatinga, enfrentam o CV.");
    assert_has(&x, "Os Crias", "operates_in", "Tabatinga");
    assert!(!has(&x, "Família do Norte", "operates_in", "Tabatinga"), "{:?}", triples(&x));
    let x = extract("The Barrio 18, a gang made up of former members of the MS-13 that came to dominate San Salvador, expanded.");
    assert_has(&x, "Barrio 18", "operates_in", "San Salvador");
    // No group named before the dissidents: the relative is theirs, and their group's.
    let x = extract("Os Crias enfrentam dissidentes da FDN que dominam Tabatinga.");
    assert!(!has(&x, "Os Crias", "operates_in", "Tabatinga"), "{:?}", triples(&x));
}

#[test]
fn an_organization_that_grew_into_a_kind_of_group_engages_in_its_activity() {
    let x = extract("Under its founder, the Gulf Clan grew into Colombia's largest drug-trafficking group.");
    assert_has(&x, "Clan del Golfo", "engages_in", "drug trafficking");
    let x = extract("Los Lobos se transformó en la mayor banda de narcotráfico de Ecuador.");
    assert_has(&x, "Los Lobos", "engages_in", "drug trafficking");
    let x = extract("O Comando Vermelho transformou-se na maior rede de tráfico de drogas do Norte.");
    assert_has(&x, "Comando Vermelho", "engages_in", "drug trafficking");
    // The activity after the description belongs to another clause.
    let x = extract("Los Lobos grew into Ecuador's largest gang, while the police fought drug trafficking.");
    none_of(&x, "engages_in");
}

#[test]
fn a_between_phrase_over_the_two_groups_named_before_relates_them() {
    let x = extract(
        "O Primeiro Comando da Capital e o Comando Vermelho dividiam fornecedores. A rivalidade entre os dois grupos redesenhou o mapa do tráfico de drogas.",
    );
    assert_has(&x, "Primeiro Comando da Capital", "conflicts_with", "Comando Vermelho");
    let x =
        extract("Los Choneros y Los Lobos firmaron un pacto en 2019. La guerra entre ambos grupos deja decenas de muertos en Guayaquil.");
    assert_has(&x, "Los Choneros", "conflicts_with", "Los Lobos");
    // A plural phrase in another frame names no pair of them.
    let x = extract("Los Choneros y Los Lobos firmaron un pacto en 2019. Ambos grupos trafican cocaína en Guayaquil.");
    none_of(&x, "conflicts_with");
}

#[test]
fn score_settling_between_two_groups_is_a_conflict() {
    let x = extract("En Pedro Juan Caballero, los ajustes de cuentas entre el PCC y el Comando Vermelho dejaron 112 muertos.");
    assert_has(&x, "Primeiro Comando da Capital", "conflicts_with", "Comando Vermelho");
    let x = extract("Os acertos de contas entre o PCC e o Comando Vermelho deixaram 40 mortos em Roraima.");
    assert_has(&x, "Primeiro Comando da Capital", "conflicts_with", "Comando Vermelho");
}
