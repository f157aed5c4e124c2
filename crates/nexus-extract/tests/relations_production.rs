//! Where goods are made: participles followed by an adverb before "in", and a list of places
//! that a coordinated verb follows. Fresh sentences, bundled knowledge base.

mod support;
use support::*;

#[test]
fn an_adverb_may_stand_between_the_participle_and_the_place() {
    let x = extract("Investigators say most of the cocaine produced mainly in Colombia now travels by sea.");
    assert!(has(&x, "Colombia", "produces", "cocaine"), "{:?}", triples(&x));
    let x = extract("A maconha cultivada principalmente no Paraguai abastece o mercado, segundo a polícia.");
    assert!(has(&x, "Paraguay", "produces", "cannabis"), "{:?}", triples(&x));
}

#[test]
fn a_coordinated_verb_does_not_cut_the_list_of_places() {
    let x = extract("Investigators traced cocaine produced in Bolivia and Peru and shipped to Europe by container.");
    assert!(has(&x, "Bolivia", "produces", "cocaine"), "{:?}", triples(&x));
    assert!(has(&x, "Peru", "produces", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn growers_named_after_the_goods_are_where_they_are_made() {
    let x = extract("The network bought its cocaine from coca growers in the Chapare, according to prosecutors.");
    assert_has(&x, "Chapare", "produces", "coca leaf");
    let x = extract("Os traficantes compram a droga de produtores de cocaína do Chapare e a levam ao Paraná.");
    assert_has(&x, "Chapare", "produces", "cocaine");
    let x = extract("El clan compraba la droga a productores de coca del Chapare desde 2019.");
    assert_has(&x, "Chapare", "produces", "coca leaf");
}

#[test]
fn a_producer_noun_with_an_article_describes_the_name_before_it() {
    // "the main producer … in South America" says what Paraguay is, not what South America grows.
    let x = extract("Paraguay, the main producer of cannabis in South America, shares a long border with Brazil.");
    assert_has(&x, "Paraguay", "produces", "cannabis");
    assert!(!has(&x, "South America", "produces", "cannabis"), "{:?}", triples(&x));
    let x = extract("O Paraguai, principal produtor de maconha da América do Sul, abastece o Brasil.");
    assert!(!has(&x, "South America", "produces", "cannabis"), "{:?}", triples(&x));
}

#[test]
fn an_adjective_may_follow_the_producer_noun() {
    let x = extract("A Bolívia e o Peru, dois produtores mundiais de folha de coca, vigiam a fronteira.");
    assert_has(&x, "Bolivia", "produces", "coca leaf");
    assert_has(&x, "Peru", "produces", "coca leaf");
}

#[test]
fn a_short_description_may_stand_between_the_goods_and_their_participle() {
    let x = extract("Agents seized a potent cannabis variety grown in Paraguay, police in Brazil said.");
    assert_has(&x, "Paraguay", "produces", "cannabis");
    // The place of the reporting police is not where the goods grow.
    assert!(!has(&x, "Brazil", "produces", "cannabis"), "{:?}", triples(&x));
    let x = extract("A polícia apreendeu uma variedade de maconha de alta potência produzida na Colômbia.");
    assert_has(&x, "Colombia", "produces", "cannabis");
    let x = extract("La policía halló cocaína de alta pureza producida en Colombia.");
    assert_has(&x, "Colombia", "produces", "cocaine");
}

#[test]
fn a_noun_naming_the_making_takes_the_place_after_its_goods() {
    let x = extract("Officials said the production of cocaine in Bolivia rose for a third year.");
    assert_has(&x, "Bolivia", "produces", "cocaine");
    let x = extract("La producción de hoja de coca en el departamento de Norte de Santander creció en 2022, según la UNODC.");
    assert_has(&x, "Norte de Santander", "produces", "coca leaf");
    let x = extract("A produção de cocaína na Bolívia cresceu, segundo a polícia do Brasil.");
    assert_has(&x, "Bolivia", "produces", "cocaine");
    assert!(!has(&x, "Brazil", "produces", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn goods_right_before_cultivation_in_are_made_by_the_places_after_it() {
    let x = extract("The area under coca bush cultivation in Colombia, Peru and Bolivia grew in 2021.");
    assert_has(&x, "Colombia", "produces", "coca leaf");
    assert_has(&x, "Bolivia", "produces", "coca leaf");
    // A source is not a making: the market named after it does not grow the goods.
    let x = extract("Colombia, the main source of cocaine in Europe, faces new pressure.");
    assert!(!has(&x, "Europe", "produces", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn one_adjective_may_follow_the_goods_of_a_making_noun() {
    let x = extract("La producción de fentanilo ilícito en México depende de la química, según la DEA.");
    assert_has(&x, "Mexico", "produces", "fentanyl");
    // A participle that states another relation is no adjective of the goods.
    let x = extract("Officials said the production of cocaine seized in Spain could not be traced.");
    assert!(!has(&x, "Spain", "produces", "cocaine"), "{:?}", triples(&x));
}

#[test]
fn five_plain_words_may_describe_the_goods_before_their_participle() {
    let x = extract("O skunk, maconha de alto teor de THC cultivada principalmente na Colômbia, chega ao Brasil.");
    assert_has(&x, "Colombia", "produces", "cannabis");
}

#[test]
fn english_goods_production_in_places() {
    let x = extract("The Sinaloa Cartel has expanded methamphetamine production in Michoacán and Jalisco.");
    assert_has(&x, "Michoacán", "produces", "methamphetamine");
    assert_has(&x, "Jalisco", "produces", "methamphetamine");
    let x = extract("Fentanyl manufacturing in Sinaloa relies on precursors shipped from Asia.");
    assert_has(&x, "Sinaloa", "produces", "fentanyl");
    // With no goods before the words, nothing is made there.
    let x = extract("Investment in Peru and the production in its factories rose in 2023.");
    assert!(!x.relations.iter().any(|r| r.predicate == "produces"), "{:?}", triples(&x));
}

/// The goods a participle describes are often the subject of the next verb: the last place of
/// the list is still a maker ("produced in Peru and Bolivia reaches Brazil").
#[test]
fn the_verb_after_a_list_of_makers_does_not_cut_it() {
    let x = extract("Analysts say cocaine produced in Peru and Bolivia reaches Brazil by river.");
    assert_has(&x, "Bolivia", "produces", "cocaine");
    assert_has(&x, "Bolivia", "ships_to", "Brazil");
    let x = extract("La cocaína producida en Perú y en Bolivia llega a Brasil por el río.");
    assert_has(&x, "Bolivia", "produces", "cocaine");
    // An item after a comma and before a verb still starts its own clause: Callao is not a
    // maker.
    let x = extract("Cocaine is produced in Colombia, Callao ships it to Europe.");
    assert!(!has(&x, "Callao", "produces", "cocaine"), "{:?}", triples(&x));
}

/// A passive with no agent and a place after "in" says where the goods are made.
#[test]
fn a_passive_of_making_takes_the_place_after_in() {
    let x = extract("Most of the cocaine is produced in Colombia, according to the report.");
    assert_has(&x, "Colombia", "produces", "cocaine");
    let x = extract("Coca is grown mainly in Peru and Bolivia.");
    assert_has(&x, "Peru", "produces", "coca leaf");
    assert_has(&x, "Bolivia", "produces", "coca leaf");
    // Seizures are not made where they happen.
    let x = extract("Two tons of cocaine were seized in Callao last week.");
    assert!(!triples(&x).iter().any(|(s, p, _)| s == "Callao" && p == "produces"), "{:?}", triples(&x));
}
