//! Places the knowledge base does not hold, named after a noun for their kind, in sentences
//! written for these tests (en/es/pt), with the cases that must find nothing: a capitalised
//! adjective after "such as", an organization or agency after the noun, a known city.

use nexus_extract::Matcher;
use nexus_extract::discover::{self, Context, Index};
use nexus_kb::KnowledgeBase;

mod support;

fn kb() -> &'static (KnowledgeBase, Matcher, Index) {
    support::finders()
}

/// The names the place finder reads in `text`, in order.
fn places(text: &str) -> Vec<String> {
    let (kb, matcher, index) = kb();
    let mentions = matcher.find(kb, text);
    discover::places::find(&Context::new(text, kb, index, &mentions)).into_iter().map(|f| f.name).collect()
}

#[test]
fn a_noun_for_a_kind_of_place_names_the_place_after_it() {
    assert_eq!(places("Troops cleared a camp near the town of Puerto Escondido Viejo on Tuesday."), ["Puerto Escondido Viejo"]);
    assert_eq!(places("Los combates se concentraron en la vereda La Balsa, cerca del caserío de Santa Rita."), ["La Balsa", "Santa Rita"]);
    assert_eq!(places("O corpo foi encontrado no povoado de São Tomé do Jacuípe."), ["São Tomé do Jacuípe"]);
}

#[test]
fn a_plural_noun_heads_a_list() {
    assert_eq!(
        places("The gang holds the neighborhoods of Socio Vivienda, Bastión Popular and Nueva Prosperina."),
        ["Socio Vivienda", "Bastión Popular", "Nueva Prosperina"]
    );
    assert_eq!(places("Nos bairros, como Vila Kennedy e a Muzema, a milícia cobra taxas."), ["Vila Kennedy", "Muzema"]);
    // A singular noun names one place: what follows "and" is not its list.
    assert_eq!(places("Police entered the district of San Roque and Colombian troops followed."), ["San Roque"]);
}

#[test]
fn no_place_where_the_noun_introduces_something_else() {
    // A capitalised adjective after "including" opens a noun phrase.
    assert!(places("Mercury reached riverside communities, including Indigenous communities upstream.").is_empty());
    // A known organization after the noun is no place.
    assert!(places("Extortion is rife in the neighborhoods of Los Choneros territory.").is_empty());
    // A lower-case word after the noun is no name.
    assert!(places("The town of the miners was empty.").is_empty());
    // "downtown" holds the noun but is another word.
    assert!(places("Downtown Quito was calm.").is_empty());
}

#[test]
fn the_place_is_an_entity_with_its_other_mentions() {
    let x =
        support::extract("Gunmen attacked the village of Nueva Esperanza del Sur in March. Nueva Esperanza del Sur had no police post.");
    let e = x.entities.iter().find(|e| e.name == "Nueva Esperanza del Sur").expect("the village is an entity");
    assert_eq!(e.entity_type, "place");
    assert_eq!(e.mentions.len(), 2, "{:?}", e.mentions);
}
