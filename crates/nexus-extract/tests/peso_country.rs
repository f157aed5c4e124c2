//! Bare "pesos" and "$" in Spanish take the peso of the country the document's places are in,
//! found through the knowledge base, not only from country words in the text.

use nexus_extract::Extractor;
use nexus_kb::KnowledgeBase;
use std::sync::OnceLock;

fn units(text: &str) -> Vec<(String, String)> {
    static EX: OnceLock<Extractor> = OnceLock::new();
    let ex = EX.get_or_init(|| Extractor::new(KnowledgeBase::load(&[]).0));
    ex.extract_mentions(text, None).quantities.into_iter().map(|q| (q.text, q.unit)).collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

#[test]
fn a_town_names_the_peso() {
    // Tumaco is in Colombia, Valparaíso in Chile: neither sentence names its country.
    let co = "En el municipio de Tumaco, los grupos cobran 50.000 pesos por kilo de pasta base.";
    assert_eq!(units(co), vec![pair("50.000 pesos", "COP")]);
    let cl = "En Valparaíso, la banda cobraba 200.000 pesos a cada comerciante.";
    assert_eq!(units(cl), vec![pair("200.000 pesos", "CLP")]);
    let cucuta = "La Policía decomisó $300 millones en efectivo en Cúcuta.";
    assert_eq!(units(cucuta), vec![pair("$300 millones", "COP")]);
}

#[test]
fn the_most_cited_country_wins_and_groups_do_not_count() {
    // A Mexican cartel named in a Colombian story does not make its pesos Mexican.
    let co = "El Cártel de Sinaloa compra pasta base en Tumaco y en Nariño a 2 millones de pesos el kilo.";
    assert_eq!(units(co), vec![pair("2 millones de pesos", "COP")]);
    // A Mexican state and two of its cities outweigh one mention of Colombia.
    let mx = "En Culiacán, Sinaloa, y en Mazatlán la policía halló 5 millones de pesos de una red que compraba cocaína en Colombia.";
    assert_eq!(units(mx), vec![pair("5 millones de pesos", "MXN")]);
}

#[test]
fn english_dollars_stay_dollars() {
    assert_eq!(units("Police in Tumaco seized $480,000 in cash."), vec![pair("$480,000", "USD")]);
}
