//! Relations read from report sentences in English, Spanish and Portuguese, with the bundled
//! knowledge base: each case names the relations (subject, predicate, object by name) a reader
//! agrees the sentence states, and the qualifiers that matter.

mod support;
use support::*;

#[test]
fn spanish_seizure_with_quantity_and_date() {
    let x = extract("La Policía Nacional del Perú incautó 2 toneladas de cocaína en el puerto de Paita, en Perú, en marzo de 2023.");
    let r = find(&x, "Policía Nacional del Perú", "seized", "cocaine");
    assert_eq!(r.qualifiers.quantity.as_ref().map(|q| q.value), Some(2000.0));
    assert_eq!(r.qualifiers.date.as_ref().map(|d| d.value.as_str()), Some("2023-03"));
    assert_eq!(r.qualifiers.place.as_deref(), Some("pe-paita"));
}

#[test]
fn portuguese_seizure_with_decimal_comma() {
    let x = extract("A Polícia Federal apreendeu 1,2 tonelada de cocaína no porto de Santos em julho de 2022.");
    let r = find(&x, "Polícia Federal", "seized", "cocaine");
    assert_eq!(r.qualifiers.quantity.as_ref().map(|q| q.value), Some(1200.0));
    assert_eq!(r.qualifiers.place.as_deref(), Some("br-santos"));
}

#[test]
fn alliance_and_route_in_one_spanish_sentence() {
    let x = extract("El Clan del Golfo, en alianza con el Cártel de Sinaloa, envía cocaína desde Turbo hacia Europa.");
    find(&x, "Clan del Golfo", "cooperates_with", "Cártel de Sinaloa");
    let route = find(&x, "Turbo", "ships_to", "Europe");
    assert_eq!(route.qualifiers.commodity.as_deref(), Some("cocaine"));
}

#[test]
fn passive_voice_takes_the_agent_as_subject() {
    let x = extract("Two tons of cocaine were seized by the Colombian Navy off Tumaco.");
    let r = find(&x, "Armada de Colombia", "seized", "cocaine");
    assert_eq!(r.qualifiers.place.as_deref(), Some("co-tumaco"));
}

#[test]
fn denial_and_hedging_are_kept_as_qualifiers() {
    let x = extract("The PCC has denied any link to the Sinaloa Cartel.");
    assert!(find(&x, "Primeiro Comando da Capital", "cooperates_with", "Cártel de Sinaloa").qualifiers.negated);
    let x = extract("Sendero Luminoso allegedly charges a tax on coca in the VRAEM of Peru.");
    let r = find(&x, "Sendero Luminoso", "taxes", "coca leaf");
    assert!(r.qualifiers.hedged && !r.qualifiers.negated);
}

#[test]
fn an_apposition_does_not_steal_the_subject() {
    let x = extract("O Comando Vermelho, rival do PCC, atua no Rio de Janeiro.");
    find(&x, "Comando Vermelho", "conflicts_with", "Primeiro Comando da Capital");
    find(&x, "Comando Vermelho", "operates_in", "Rio de Janeiro");
    assert!(!triples(&x).iter().any(|(s, p, _)| s == "Primeiro Comando da Capital" && p == "operates_in"), "{:?}", triples(&x));
}

#[test]
fn imports_run_from_the_source_to_the_subject() {
    let x = extract("Bolivia imports cocaine base paste from Peru.");
    find(&x, "Peru", "ships_to", "Bolivia");
}

#[test]
fn possessives_and_parentheses_place_things() {
    let x = extract("Brazil's Santos and Paranaguá ports, and Callao (Lima), handle most containers.");
    find(&x, "Santos", "located_in", "Brazil");
    find(&x, "Paranaguá", "located_in", "Brazil");
    find(&x, "Callao", "located_in", "Lima");
}

#[test]
fn a_sentence_without_a_trigger_states_nothing_between_far_names() {
    let x = extract("Mexico and Colombia signed a trade agreement with Spain in 2019.");
    assert!(x.relations.is_empty(), "{:?}", triples(&x));
}

#[test]
fn a_place_based_organization_operates_there() {
    let x = extract("Los Chapitos, a Culiacán-based faction of the Sinaloa Cartel, moved fentanyl north.");
    find(&x, "Los Chapitos", "operates_in", "Culiacán");
    assert!(!triples(&x).iter().any(|(s, p, _)| s == "Sinaloa Cartel" && p == "operates_in"), "{:?}", triples(&x));
}

#[test]
fn a_place_confirmed_by_the_knowledge_base_near_its_country_is_in_it() {
    let x = extract("Prison massacres spread across northern Brazil, including in Manaus, and reached Lima.");
    find(&x, "Manaus", "located_in", "Brazil");
    assert!(!triples(&x).iter().any(|(s, p, _)| s == "Lima" && p == "located_in"), "{:?}", triples(&x));
}

#[test]
fn coordinated_movements_keep_their_own_origins() {
    let x =
        extract("Loads are consolidated in the Dominican Republic and then shipped to Spain and Belgium, or smuggled into Puerto Rico.");
    assert!(!triples(&x).iter().any(|(s, _, o)| s == "Belgium" && o == "Puerto Rico"), "{:?}", triples(&x));
}

/// Confidence falls with the words between a subject and its trigger.
#[test]
fn a_subject_far_from_its_trigger_is_less_certain() {
    let confidence = |text: &str| {
        let x = extract(text);
        let r = x.relations.iter().find(|r| r.predicate == "operates_in").unwrap_or_else(|| panic!("none in {:?}", triples(&x)));
        r.confidence
    };
    let near = confidence("The Gulf Clan operates in Córdoba.");
    let far = confidence("The Gulf Clan, for years the largest and best armed of the country's many criminal groups, operates in Córdoba.");
    assert!(far < near, "near {near}, far {far}");
}

#[test]
fn a_seizure_happens_where_it_happened_not_where_the_goods_were_bound() {
    let x = extract("In May the Colombian Navy seized 900 kilos of cocaine hidden in containers bound for Antwerp.");
    let r = find(&x, "Armada de Colombia", "seized", "cocaine");
    assert_eq!(r.qualifiers.place, None, "Antwerp is the destination");
    let x = extract("A Polícia Federal apreendeu 800 quilos de cocaína em uma carga de café com destino ao porto de Valência, na Espanha.");
    let r = find(&x, "Polícia Federal", "seized", "cocaine");
    assert_eq!(r.qualifiers.place, None, "Valencia and Spain are where the coffee was going");
    let x = extract("La Policía Nacional del Perú incautó 2 toneladas de cocaína con destino a Bélgica en el puerto de Paita.");
    let r = find(&x, "Policía Nacional del Perú", "seized", "cocaine");
    assert_eq!(r.qualifiers.place.as_deref(), Some("pe-paita"), "the port after the destination is the seizure's");
}
