//! A seizure whose doer is named only as the state body reporting it ("…, the police said",
//! "según la Policía"). Fresh sentences, bundled knowledge base.

mod support;
use support::*;

#[test]
fn the_reporting_state_body_made_the_seizure() {
    let x = extract(
        "Customs officers seized 3 tonnes of cocaine hidden in pineapples at the port, the Policía Nacional del Perú said on Monday.",
    );
    assert!(has(&x, "Policía Nacional del Perú", "seized", "cocaine"), "{:?}", triples(&x));
    let x = extract("Agentes incautaron 500 kilos de cocaína en un contenedor en Guayaquil, según la Policía Nacional del Ecuador.");
    assert!(has(&x, "Policía Nacional del Ecuador", "seized", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn a_reporter_is_not_read_for_what_gangs_do() {
    let x = extract("Los Zetas smuggled 2 tonnes of cocaine into Texas, the Policía Nacional del Perú said.");
    assert!(!has(&x, "Policía Nacional del Perú", "traffics", "cocaine"), "{:?}", triples(&x));
    assert!(has(&x, "Los Zetas", "traffics", "cocaine"), "{:?}", triples(&x));
}
