//! What places host: a sentence opening "In <places>," whose subject is an activity. Fresh
//! sentences, bundled knowledge base.

mod support;
use support::*;

#[test]
fn places_fronted_before_an_activity_subject_host_it() {
    let x = extract("In Colombia and Peru, illegal mining now rivals drug trafficking as a source of income.");
    assert_has(&x, "Colombia", "engages_in", "illegal mining");
    assert_has(&x, "Peru", "engages_in", "illegal mining");
    let x = extract("No Acre e em Rondônia, a extração ilegal de madeira e o garimpo ilegal de ouro avançam sobre terras indígenas.");
    assert_has(&x, "Acre", "engages_in", "illegal logging");
    assert_has(&x, "Rondônia", "engages_in", "illegal mining");
}

#[test]
fn an_activity_that_is_not_the_subject_is_not_hosted() {
    let x = extract("In Colombia, the fight against illegal mining has stalled since 2021.");
    assert!(!has(&x, "Colombia", "engages_in", "illegal mining"), "{:?}", triples(&x));
}

#[test]
fn a_fee_charged_on_goods_taxes_them() {
    let x = extract("The Gulf Clan collects a fee on every kilo of cocaine that leaves the port.");
    assert_has(&x, "Clan del Golfo", "taxes", "cocaine");
    let x = extract("El Clan del Golfo cobra una cuota por cada kilo de cocaína que sale de la región.");
    assert_has(&x, "Clan del Golfo", "taxes", "cocaine");
    let x = extract("O Comando Vermelho cobra uma taxa sobre cada quilo de cocaína que passa pelo rio.");
    assert_has(&x, "Comando Vermelho", "taxes", "cocaine");
    // Paying a fee is not charging one.
    let x = extract("The Gulf Clan paid a fee on every kilo of cocaine it moved through Mexico.");
    assert!(!has(&x, "Clan del Golfo", "taxes", "cocaine"), "{:?}", triples(&x));
}
