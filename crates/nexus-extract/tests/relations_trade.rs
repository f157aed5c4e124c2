//! An organization in charge of a trade in goods traffics them (`relations/trade.rs`). Fresh
//! sentences, bundled knowledge base.

mod support;
use support::*;

#[test]
fn controlling_the_trade_of_goods_is_trafficking_them() {
    let x = extract("The Sinaloa Cartel and the CJNG control the distribution of fentanyl and methamphetamine in the United States.");
    for org in ["Cártel de Sinaloa", "Cártel de Jalisco Nueva Generación"] {
        assert_has(&x, org, "traffics", "fentanyl");
        assert_has(&x, org, "traffics", "methamphetamine");
    }
    let x = extract("Según la fiscalía, el CJNG controla el mercado de la metanfetamina en Jalisco.");
    assert_has(&x, "Cártel de Jalisco Nueva Generación", "traffics", "methamphetamine");
    let x = extract("Segundo a PF, o PCC domina a logística de exportação de cocaína pelo porto de Paranaguá.");
    assert_has(&x, "Primeiro Comando da Capital", "traffics", "cocaine");
}

#[test]
fn an_owner_or_a_share_stands_between_the_control_word_and_the_goods() {
    let x = extract("After the ambush, the PCC took over Rafaat's supply routes for Paraguayan marijuana and for Bolivian cocaine.");
    assert_has(&x, "Primeiro Comando da Capital", "traffics", "cocaine");
    assert_has(&x, "Primeiro Comando da Capital", "traffics", "cannabis");
    let x = extract("Los Chapitos serían responsables de una parte sustancial del fentanilo que llega a Arizona.");
    assert_has(&x, "Los Chapitos", "traffics", "fentanyl");
}

#[test]
fn control_of_a_place_or_by_a_state_body_is_not_trafficking() {
    // A place comes first: the goods belong to another clause.
    let x = extract("The Gulf Clan controls Turbo, where cocaine shipments leave for Central America.");
    assert_has(&x, "Clan del Golfo", "operates_in", "Turbo");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "traffics"), "{:?}", triples(&x));
    // A state body that controls a sale regulates it.
    let x = extract("The DEA controls the sale of precursor chemicals in the United States.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "traffics"), "{:?}", triples(&x));
    // No trade noun: "controls the port" says where, not what.
    let x = extract("Los Choneros control the port where the cocaine is loaded.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "traffics"), "{:?}", triples(&x));
}

#[test]
fn an_organization_supplying_goods_traffics_them() {
    let x = extract("The Sinaloa Cartel supplies fentanyl and methamphetamine to street gangs in Chicago.");
    assert_has(&x, "Cártel de Sinaloa", "traffics", "fentanyl");
    assert_has(&x, "Cártel de Sinaloa", "traffics", "methamphetamine");
    let x = extract("El Cártel de Sinaloa abastece de cocaína a las pandillas de Honduras.");
    assert_has(&x, "Cártel de Sinaloa", "traffics", "cocaine");
    // A country supplying goods ships them; it does not traffic them.
    let x = extract("Peru supplies cocaine to Brazil and Bolivia.");
    assert_has(&x, "Peru", "ships_to", "Brazil");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "traffics"), "{:?}", triples(&x));
}

#[test]
fn an_organization_exporting_goods_traffics_them() {
    let x = extract("El Clan del Golfo, con fuerte presencia en Urabá, exporta cocaína a Panamá.");
    assert_has(&x, "Clan del Golfo", "traffics", "cocaine");
    let x = extract("O PCC envia cocaína para a Europa pelo porto de Santos.");
    assert_has(&x, "Primeiro Comando da Capital", "traffics", "cocaine");
    // A country exporting goods ships them; it does not traffic them.
    let x = extract("Peru exports cocaine to Europe.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "traffics"), "{:?}", triples(&x));
}

#[test]
fn an_apposition_describing_the_organization_names_no_doer() {
    // The country inside the apposition is not the subject of "runs".
    let x = extract("Los Lobos, the largest gang in Ecuador, runs illegal mining in Azuay.");
    assert_has(&x, "Los Lobos", "engages_in", "illegal mining");
    assert!(!has(&x, "Ecuador", "engages_in", "illegal mining"), "{:?}", triples(&x));
    let x = extract("El CJNG, el grupo más poderoso de Jalisco, controla la venta de metanfetamina en Colima.");
    assert_has(&x, "Cártel de Jalisco Nueva Generación", "traffics", "methamphetamine");
    // A reporting aside is not an apposition: nothing is skipped, and the police do not run mining.
    let x = extract("Los Lobos, the police said, run illegal mining in Azuay.");
    assert!(!triples(&x).iter().any(|(s, p, _)| p == "engages_in" && s.contains("Polic")), "{:?}", triples(&x));
}
