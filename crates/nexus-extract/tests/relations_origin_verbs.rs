//! Goods whose origin is stated with a verb or "with origin in" ("originates in", "tiene origen
//! en", "com origem na") read like "originating in": seized at a place, they went there. Fresh
//! sentences in English, Spanish and Portuguese, with the bundled knowledge base.

mod support;
use support::*;

#[test]
fn goods_with_a_stated_origin_seized_elsewhere_went_there() {
    let x = extract("La Policía decomisó en Guayaquil 300 kilos de cocaína que tiene origen en Colombia.");
    assert_has(&x, "Colombia", "ships_to", "Guayaquil");
    let x = extract("A Receita Federal apreendeu no Porto de Santos 200 quilos de cocaína com origem na Bolívia.");
    assert_has(&x, "Bolivia", "ships_to", "Santos");
    let x = extract("Dutch customs seized at Rotterdam two tonnes of cocaine that originates in Ecuador.");
    assert_has(&x, "Ecuador", "ships_to", "Rotterdam");
}

#[test]
fn a_person_with_an_origin_is_no_flow() {
    let x = extract("Um cidadão com origem na Colômbia foi preso em Santos pela Polícia Federal.");
    assert!(!has(&x, "Colombia", "ships_to", "Santos"), "{:?}", triples(&x));
}
