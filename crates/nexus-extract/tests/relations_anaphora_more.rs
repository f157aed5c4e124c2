//! Pronouns across sentences (relations/pronouns.rs): a subject pronoun opening a sentence
//! before its verb, and a plural possessive after organizations named side by side.

mod support;
use support::{assert_has, extract, has, triples};

#[test]
fn it_before_a_verb_stands_for_the_organization_that_opened_the_sentence_before() {
    let x = extract("The Gulf Clan recruited former paramilitaries across Córdoba in the 2010s. It also traffics cocaine through Panama.");
    assert_has(&x, "Clan del Golfo", "traffics", "cocaine");
    // Through "the organization", itself standing for the group named before it; a name
    // followed by "'s" opens no sentence ("After the AUC's demobilization").
    let x = extract(
        "After the AUC's demobilization in 2006, former fighters and Otoniel helped build the Urabeños. Under Otoniel the organization began to traffic cocaine to Panama. It also levies taxes on illegal gold mining.",
    );
    assert_has(&x, "Clan del Golfo", "taxes", "illegal mining");
    assert!(!has(&x, "Autodefensas Unidas de Colombia", "taxes", "illegal mining"), "{:?}", triples(&x));
}

#[test]
fn they_stands_for_each_organization_that_opened_the_sentence_before() {
    let x = extract("Los Choneros and Los Lobos expanded into Manabí after 2020. They also control Manta and Portoviejo.");
    for org in ["Los Choneros", "Los Lobos"] {
        assert_has(&x, org, "operates_in", "Manta");
        assert_has(&x, org, "operates_in", "Portoviejo");
    }
    // "It" with two organizations before: no guess.
    let x = extract("Los Choneros and Los Lobos expanded into Manabí after 2020. It also controls Manta and Portoviejo.");
    assert!(!triples(&x).iter().any(|(_, p, o)| p == "operates_in" && o == "Manta"), "{:?}", triples(&x));
}

#[test]
fn a_possessive_after_organizations_named_side_by_side_stands_for_each() {
    let x = extract(
        "The Sinaloa Cartel and its rival, the CJNG, dominate the fentanyl trade in Sonora. Their income comes mainly from extortion and kidnapping.",
    );
    for org in ["Cártel de Sinaloa", "Cártel de Jalisco Nueva Generación"] {
        assert_has(&x, org, "engages_in", "extortion");
        assert_has(&x, org, "engages_in", "kidnapping");
    }
    let x = extract(
        "Los Rastrojos y Los Urabeños se disputan el Bajo Cauca desde 2012. Sus ingresos provienen de la extorsión y de la minería ilegal.",
    );
    for org in ["Los Rastrojos", "Clan del Golfo"] {
        assert_has(&x, org, "engages_in", "extortion");
        assert_has(&x, org, "engages_in", "illegal mining");
    }
    let x = extract(
        "O Primeiro Comando da Capital e o Comando Vermelho disputam as rotas do Solimões. Suas receitas vêm da extorsão e do garimpo ilegal.",
    );
    for org in ["Primeiro Comando da Capital", "Comando Vermelho"] {
        assert_has(&x, org, "engages_in", "extortion");
    }
}

#[test]
fn a_possessive_after_two_organizations_not_side_by_side_reads_nothing() {
    // Buyer and seller: whose income is a guess.
    for text in [
        "El CJNG compra cocaína a Los Choneros en Manta. Sus ingresos provienen de la extorsión.",
        "The CJNG buys cocaine from Los Choneros in Manta. Their income comes mainly from extortion.",
    ] {
        let x = extract(text);
        assert!(!triples(&x).iter().any(|(_, p, o)| p == "engages_in" && o == "extortion"), "{:?}", triples(&x));
    }
}

#[test]
fn a_source_linking_an_organization_to_activities_and_allies() {
    // "the group" after "It …": the organization the pronoun stood for, not the last one named.
    let x = extract(
        "The Gulf Clan recruited former paramilitaries across Córdoba. It sold cocaine to the Sinaloa Cartel. Prosecutors have also linked the group to extortion of merchants, forced displacement and the recruitment of minors.",
    );
    assert_has(&x, "Clan del Golfo", "engages_in", "forced displacement");
    assert_has(&x, "Clan del Golfo", "engages_in", "recruitment of minors");
    assert!(!has(&x, "Cártel de Sinaloa", "engages_in", "forced displacement"), "{:?}", triples(&x));
    // A clitic standing for the organization that opened the sentence before.
    let x = extract(
        "Los Lobos crecieron en las cárceles de Cuenca y Machala. La Fiscalía los vincula con el Cártel de Sinaloa y con la minería ilegal.",
    );
    assert_has(&x, "Los Lobos", "cooperates_with", "Cártel de Sinaloa");
    assert_has(&x, "Los Lobos", "engages_in", "illegal mining");
    // Two organizations opened the sentence before: "los" is a guess.
    let x = extract(
        "Los Lobos y Los Choneros crecieron en las cárceles de Cuenca. La Fiscalía los vincula con el Cártel de Sinaloa y con la minería ilegal.",
    );
    assert!(!has(&x, "Los Lobos", "engages_in", "illegal mining"), "{:?}", triples(&x));
}

#[test]
fn working_as_a_supplier_for_a_group_is_cooperation() {
    let x = extract("Prosecutors say Los Lobos have worked as a supplier for the Sinaloa Cartel since 2021.");
    assert_has(&x, "Los Lobos", "cooperates_with", "Cártel de Sinaloa");
    let x = extract("Según la fiscalía, Los Lobos trabaja como proveedora de servicios para el Cártel de Sinaloa en la costa.");
    assert_has(&x, "Los Lobos", "cooperates_with", "Cártel de Sinaloa");
    let x = extract("Segundo a polícia, o PCC atua como fornecedor para o Comando Vermelho no Rio de Janeiro.");
    assert_has(&x, "Primeiro Comando da Capital", "cooperates_with", "Comando Vermelho");
    // A supplier of goods names no partner.
    let x = extract("Los Lobos bought precursor chemicals from a supplier for cash in 2022.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "cooperates_with"), "{:?}", triples(&x));
}
