//! Levies on every item of a list (`relations/levies.rs`), and "both groups" standing for the
//! last two organizations named (`anaphora::plural_orgs`). Fresh sentences, bundled knowledge
//! base.

mod support;
use support::*;

#[test]
fn a_levy_falls_on_every_item_of_its_list() {
    let x = extract("The ELN levied \"taxes\" on coca growers, laboratory owners and illegal gold miners in Arauca.");
    assert_has(&x, "Ejército de Liberación Nacional", "taxes", "coca leaf");
    assert_has(&x, "Ejército de Liberación Nacional", "taxes", "illegal mining");
    let x = extract("El Clan del Golfo cobra impuestos a los cultivadores de coca, a los dueños de laboratorios y a la minería ilegal.");
    assert_has(&x, "Clan del Golfo", "taxes", "coca leaf");
    assert_has(&x, "Clan del Golfo", "taxes", "illegal mining");
}

#[test]
fn a_levy_list_ends_at_the_clause() {
    // The miners come after the list has ended in another clause: they are not taxed.
    let x = extract("The ELN collects levies from coca growers, while illegal mining in the area is run by the Gulf Clan.");
    assert_has(&x, "Ejército de Liberación Nacional", "taxes", "coca leaf");
    assert!(!has(&x, "Ejército de Liberación Nacional", "taxes", "illegal mining"), "{:?}", triples(&x));
}

#[test]
fn both_groups_stands_for_the_last_two_named() {
    let text = "The ELN and the Gulf Clan have fought for the Bajo Cauca since 2020. \
                Thousands of families fled the fighting last year, the Ombudsman said. \
                Both armed groups collect levies from coca growers and illegal miners.";
    let x = extract(text);
    for org in ["Ejército de Liberación Nacional", "Clan del Golfo"] {
        assert_has(&x, org, "taxes", "coca leaf");
        assert_has(&x, org, "taxes", "illegal mining");
    }
    // "All these groups" does not say how many: with none in the sentence before, it stands for
    // nothing.
    let text = "The ELN and the Gulf Clan have fought for the Bajo Cauca since 2020. \
                Thousands of families fled the fighting last year, the Ombudsman said. \
                All these groups collect levies from coca growers.";
    let x = extract(text);
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "taxes"), "{:?}", triples(&x));
}

#[test]
fn both_groups_after_a_longer_list_stands_for_none() {
    // Five groups named before "ambas organizaciones": which two fight is not said.
    let text = "De un lado están Los Rastrojos, formados por antiguos miembros del Cartel del Norte del Valle y de La Oficina; \
                del otro, el Clan del Golfo, que hace parte de la Autodefensas Gaitanistas. \
                Según la Defensoría, los combates entre ambas organizaciones dejaron cientos de desplazados en Tumaco.";
    let x = extract(text);
    let conflicts: Vec<_> = triples(&x).into_iter().filter(|(_, p, _)| p == "conflicts_with").collect();
    assert!(conflicts.is_empty(), "{conflicts:?}");
}
