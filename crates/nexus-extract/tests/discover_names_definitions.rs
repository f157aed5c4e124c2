//! Organization names found by their cue words (`discover::cue_names`) and the acronyms,
//! translations and aliases a text defines (`discover::definitions`), on sentences written for
//! these tests in English, Spanish and Portuguese: new names, other countries, other phrasings,
//! and the cases that must not be taken.

use nexus_extract::discover::{Context, Found, Index, cue_names, definitions};
use nexus_extract::{Extractor, Matcher};
use nexus_kb::{EntityType, KnowledgeBase};
use std::path::Path;

mod support;

fn setup() -> &'static (KnowledgeBase, Matcher, Index) {
    support::finders()
}

/// (mention text, entity name, type) of what cue names find.
fn cues(text: &str) -> Vec<(String, String, &'static str)> {
    let (kb, m, index) = setup();
    let kb_mentions = m.find(kb, text);
    let cx = Context::new(text, kb, index, &kb_mentions);
    show(text, &cue_names::find(&cx))
}

/// What definitions find, given the cue names and `extra` learned mentions (people).
fn defs(text: &str, extra: Vec<Found>) -> Vec<(String, String, &'static str)> {
    let (kb, m, index) = setup();
    let kb_mentions = m.find(kb, text);
    let cx = Context::new(text, kb, index, &kb_mentions);
    let mut found = cue_names::find(&cx);
    found.extend(extra);
    show(text, &definitions::find(&cx, &found))
}

fn show(text: &str, found: &[Found]) -> Vec<(String, String, &'static str)> {
    found.iter().map(|f| (text[f.start..f.end].to_owned(), f.name.clone(), f.entity_type.as_str())).collect()
}

fn has(got: &[(String, String, &str)], surface: &str, name: &str, ty: &str) -> bool {
    got.iter().any(|(s, n, t)| s == surface && n == name && *t == ty)
}

/// A person another finder found: the first occurrence of `name`.
fn person(text: &str, name: &str) -> Found {
    let start = text.find(name).expect("the name is in the text");
    Found { start, end: start + name.len(), name: name.to_owned(), entity_type: EntityType::Person, unnamed: false, kb_entity: None }
}

// ---- cue names: a cue that opens the name ----

#[test]
fn a_cartel_named_after_its_region() {
    let got = cues("Prosecutors say the Cártel del Altiplano Sur moves cocaine paste across the border.");
    assert!(has(&got, "Cártel del Altiplano Sur", "Cártel del Altiplano Sur", "criminal_org"), "{got:?}");
}

#[test]
fn a_clan_named_after_a_family() {
    let got = cues("En Córdoba, el Clan Barrera Montoya controla las rutas hacia el golfo.");
    assert!(has(&got, "Clan Barrera Montoya", "Clan Barrera Montoya", "criminal_org"), "{got:?}");
}

#[test]
fn a_numbered_front_needs_no_other_support() {
    let got = cues("El Frente 48 opera en la frontera con Ecuador.");
    assert!(has(&got, "Frente 48", "Frente 48", "armed_group"), "{got:?}");
}

#[test]
fn a_named_front_with_armed_context() {
    let got = cues("Las disidencias de las FARC, en particular el Frente Rogelio Benavides, reclutan menores en el Cauca.");
    assert!(has(&got, "Frente Rogelio Benavides", "Frente Rogelio Benavides", "armed_group"), "{got:?}");
}

#[test]
fn a_political_front_is_not_an_armed_group() {
    assert!(cues("El Frente Amplio ganó las elecciones municipales en Montevideo.").is_empty());
}

#[test]
fn primeiro_comando_opens_a_name() {
    let got = cues("Segundo a polícia, o Primeiro Comando do Interior domina o tráfico na região.");
    assert!(has(&got, "Primeiro Comando do Interior", "Primeiro Comando do Interior", "criminal_org"), "{got:?}");
}

#[test]
fn a_weak_comando_with_an_apposition() {
    let got = cues("O Comando Classe A, facção que atua no sul do Pará, rompeu a aliança.");
    assert!(has(&got, "Comando Classe A", "Comando Classe A", "criminal_org"), "{got:?}");
}

#[test]
fn a_state_command_is_not_a_gang() {
    let got = cues("O Comando Conjunto das Forças Armadas e a facção local negociaram uma trégua.");
    assert!(got.iter().all(|(s, _, _)| !s.starts_with("Comando")), "{got:?}");
}

#[test]
fn a_train_without_criminal_support_is_a_train() {
    assert!(cues("El Tren Interurbano llegará a Toluca en 2025.").is_empty());
}

#[test]
fn a_train_gang_with_a_classifier() {
    let got = cues("La policía desarticuló la banda Tren del Sur en Puerto Ordaz.");
    assert!(has(&got, "Tren del Sur", "Tren del Sur", "criminal_org"), "{got:?}");
}

// ---- cue names: a cue that closes the name ----

#[test]
fn a_clan_named_before_its_cue() {
    let got = cues("Police linked the shooting to the Radonjić clan, which runs the port.");
    assert!(has(&got, "Radonjić clan", "Radonjić clan", "criminal_org"), "{got:?}");
}

#[test]
fn each_conjunct_of_a_plural_is_a_clan() {
    let got = cues("The feud between the rival Serbian Radonjić and Šarić clans spread to Spain.");
    assert!(has(&got, "Radonjić", "Radonjić clan", "criminal_org"), "{got:?}");
    assert!(has(&got, "Šarić", "Šarić clan", "criminal_org"), "{got:?}");
    assert!(got.iter().all(|(s, _, _)| !s.contains("Serbian")), "a demonym is not part of the name: {got:?}");
}

#[test]
fn a_capitalised_cartel() {
    let got = cues("Analysts believe the Okonjo Cartel finances the shipments.");
    assert!(has(&got, "Okonjo Cartel", "Okonjo Cartel", "criminal_org"), "{got:?}");
}

#[test]
fn a_syndicate() {
    let got = cues("Customs traced the containers to the Okonjo syndicate.");
    assert!(has(&got, "Okonjo syndicate", "Okonjo syndicate", "criminal_org"), "{got:?}");
}

#[test]
fn an_ordinal_front() {
    let got = cues("Fighters of the 48th Front crossed into Ecuador last week.");
    assert!(has(&got, "48th Front", "48th Front", "armed_group"), "{got:?}");
}

#[test]
fn a_numbered_street_gang() {
    let got = cues("Members of the 38th Street gang were charged in Denver.");
    assert!(has(&got, "38th Street gang", "38th Street gang", "criminal_org"), "{got:?}");
}

#[test]
fn a_number_ends_a_gang_name() {
    let got = cues("The Calle 22 gang's leaders were moved to another prison.");
    assert!(has(&got, "Calle 22 gang", "Calle 22 gang", "criminal_org"), "{got:?}");
    assert!(cues("Officials say the 2019 cartel truce collapsed.").is_empty());
}

#[test]
fn an_article_after_a_naming_phrase() {
    let got = cues("In Fresno, a gang known as the Tulare Street Boys sells the pills.");
    assert!(has(&got, "Tulare Street Boys", "Tulare Street Boys", "criminal_org"), "{got:?}");
}

#[test]
fn a_possessive_after_the_cue_closes_the_name() {
    let got = cues("Investigators seized the Okonjo syndicate's boats.");
    assert!(has(&got, "Okonjo syndicate", "Okonjo syndicate", "criminal_org"), "{got:?}");
    assert!(cues("Officials debated the Trump cartel designation for weeks.").is_empty());
}

#[test]
fn a_demonym_and_a_cue_are_an_unnamed_actor() {
    assert!(cues("Investigators said a Mexican cartel bought the cargo.").is_empty());
    assert!(cues("Colombian cartels and Albanian gangs share the route.").is_empty());
}

#[test]
fn a_cue_before_a_role_noun_names_nobody() {
    assert!(cues("The cartel leader Ramón Ortega Vidal was extradited.").is_empty());
    assert!(cues("Okonjo gang members were arrested on Friday.").is_empty());
}

#[test]
fn a_city_and_a_lower_case_cue_is_not_a_name() {
    assert!(cues("Police said the Guayaquil gang violence is rising.").is_empty());
    assert!(cues("Residents fear the Medellín gang that runs the market.").is_empty());
}

#[test]
fn a_knowledge_base_name_closed_by_its_kind_in_lower_case() {
    // The matcher reads it whole (its kind noun may be lower case), so no cue name is needed.
    let (kb, m, index) = setup();
    let text = "Dutch police described them as the Balkan cartel, a loose alliance.";
    let kb_mentions = m.find(kb, text);
    let k = kb_mentions.iter().find(|k| &text[k.start..k.end] == "Balkan cartel").expect("matched");
    assert_eq!(kb.entities()[k.entity].name, "Balkan cartel");
    let cx = Context::new(text, kb, index, &kb_mentions);
    assert!(cue_names::find(&cx).iter().all(|f| f.end <= k.start || f.start >= k.end));
}

#[test]
fn headings_are_not_names() {
    assert!(cues("Cartel Violence Rises Across The Northern Border Region\n\nThe report says little.").is_empty());
    assert!(cues("Prison Gangs Working Paper No. 3 (2021).").is_empty());
}

// ---- cue names: classifiers and plural articles ----

#[test]
fn a_classifier_before_a_plural_name() {
    let got = cues("La banda Los Terribles del Sur cobra extorsiones en Machala.");
    assert!(has(&got, "Los Terribles del Sur", "Los Terribles del Sur", "criminal_org"), "{got:?}");
}

#[test]
fn a_quoted_name_after_a_criminal_organization() {
    let got = cues("Fueron detenidos tres integrantes de la organización criminal \"Los Hijos del Puerto\" en Paita.");
    assert!(has(&got, "Los Hijos del Puerto", "Los Hijos del Puerto", "criminal_org"), "{got:?}");
}

#[test]
fn a_faction_known_as_a_quoted_name() {
    let got = cues("En Bolívar opera una facción conocida como \"La Nueva Empresa\", según la fiscalía.");
    assert!(has(&got, "La Nueva Empresa", "La Nueva Empresa", "criminal_org"), "{got:?}");
}

#[test]
fn a_faction_with_a_regional_adjective() {
    let got = cues("A facção baiana Tropa do Ouro disputa o controle de bairros em Salvador.");
    assert!(has(&got, "Tropa do Ouro", "Tropa do Ouro", "criminal_org"), "{got:?}");
}

#[test]
fn an_apposition_types_a_plural_name() {
    let got = cues("Los Cuervos, una banda dedicada a la extorsión, dominan el mercado mayorista.");
    assert!(has(&got, "Los Cuervos", "Los Cuervos", "criminal_org"), "{got:?}");
}

#[test]
fn a_portuguese_apposition_without_article() {
    let got = cues("A Polícia Civil prendeu líderes de Os Malvados, grupo formado por ex-presidiários.");
    assert!(has(&got, "Os Malvados", "Os Malvados", "criminal_org"), "{got:?}");
}

#[test]
fn an_english_apposition() {
    let got = cues("Las Panteras, a gang allied with the Sinaloa Cartel, controls the crossing.");
    assert!(has(&got, "Las Panteras", "Las Panteras", "criminal_org"), "{got:?}");
}

#[test]
fn a_plural_name_listed_with_a_known_gang() {
    let got = cues("Los Choneros y Los Cuervos se disputan el puerto de Manta.");
    assert!(has(&got, "Los Cuervos", "Los Cuervos", "criminal_org"), "{got:?}");
}

#[test]
fn a_name_given_after_an_armed_group_is_armed() {
    let got = cues("The ELN, whose urban cells are known locally as \"Los Halcones\", denied the attack.");
    assert!(has(&got, "Los Halcones", "Los Halcones", "armed_group"), "{got:?}");
}

#[test]
fn a_name_recurs() {
    let got = cues("La banda Los Cuervos creció en 2022. Hoy Los Cuervos controlan el mercado.");
    assert_eq!(got.iter().filter(|(s, _, _)| s == "Los Cuervos").count(), 2, "{got:?}");
}

#[test]
fn plural_articles_without_support_are_left() {
    assert!(cues("Las autoridades de Los Andes anunciaron nuevas medidas.").is_empty());
    assert!(cues("Os Estados Unidos e a Colômbia assinaram o acordo.").is_empty());
    assert!(cues("As Forças Armadas e a facção chegaram a um acordo.").is_empty());
    assert!(cues("As prices rose, Los Productores protested in the capital.").is_empty());
}

#[test]
fn places_are_not_gangs() {
    assert!(cues("The gang moved its cocaine through Los Angeles and Chicago.").is_empty());
    assert!(cues("La banda criminal opera en Los Ríos y Guayas.").is_empty());
    assert!(cues("Capturaron en Los Pinos (Quito) a integrantes de una banda criminal.").is_empty());
    assert!(cues("La banda criminal se refugió en Los Laureles, cerca del río.").is_empty());
}

// ---- cue names: companies ----

#[test]
fn a_company_after_its_classifier_keeps_its_legal_form() {
    let got = cues("Customs traced the containers to the exporter Mariscos del Sur S.A.C., based in Paita.");
    assert!(has(&got, "Mariscos del Sur S.A.C.", "Mariscos del Sur S.A.C.", "company"), "{got:?}");
    let got = cues("La fiscalía allanó las oficinas de la empresa Logística Andina Ltda. en Cartagena.");
    assert!(has(&got, "Logística Andina Ltda.", "Logística Andina Ltda.", "company"), "{got:?}");
}

#[test]
fn front_and_shipping_companies_in_three_languages() {
    let got = cues("Según los investigadores, la empresa de fachada Inversiones Costa Verde movió el efectivo.");
    assert!(has(&got, "Inversiones Costa Verde", "Inversiones Costa Verde", "company"), "{got:?}");
    let got = cues("A PF identificou a transportadora Rodovias do Cerrado como responsável pelo frete.");
    assert!(has(&got, "Rodovias do Cerrado", "Rodovias do Cerrado", "company"), "{got:?}");
    let got = cues("The shipping company Baltic Reefer Lines denied knowing what the containers held.");
    assert!(has(&got, "Baltic Reefer Lines", "Baltic Reefer Lines", "company"), "{got:?}");
}

#[test]
fn a_company_classifier_with_no_name_after_it_takes_nothing() {
    let got = cues("The company said it was cooperating with investigators in Panama.");
    assert!(got.iter().all(|(_, _, t)| *t != "company"), "{got:?}");
    // A legal form is read only where it closes the name: "S.A." inside a later word is not one.
    let got = cues("The exporter Frutas Tropicales sent S.A.R.A. samples to the laboratory.");
    assert!(has(&got, "Frutas Tropicales", "Frutas Tropicales", "company"), "{got:?}");
}

#[test]
fn a_bare_name_after_a_classifier_that_types_nothing() {
    assert!(cues("El grupo Santander anunció beneficios récord.").is_empty());
    assert!(cues("A gang in Guayaquil attacked the prison.").is_empty());
}

#[test]
fn a_possessive_is_not_a_gang() {
    assert!(cues("Officers questioned Pereira, the gang's accountant, for hours.").is_empty());
}

// ---- definitions: acronyms ----

#[test]
fn an_unknown_unit_and_its_acronym() {
    let text = "The Maritime Interdiction Unit (MIU) seized two tons off the coast. Later the MIU said the boat came from Tumaco.";
    let got = defs(text, vec![]);
    assert!(has(&got, "Maritime Interdiction Unit", "Maritime Interdiction Unit", "state_actor"), "{got:?}");
    assert_eq!(got.iter().filter(|(s, n, _)| s == "MIU" && n == "Maritime Interdiction Unit").count(), 2, "{got:?}");
}

#[test]
fn a_spanish_unit_and_its_acronym() {
    let text =
        "La Unidad de Investigaciones Financieras y Aduaneras (UIFA) detectó transferencias. Según la UIFA, el dinero salió por Panamá.";
    let got = defs(text, vec![]);
    assert_eq!(
        got.iter()
            .filter(|(s, n, t)| s == "UIFA" && n == "Unidad de Investigaciones Financieras y Aduaneras" && *t == "state_actor")
            .count(),
        2,
        "{got:?}"
    );
}

#[test]
fn a_portuguese_group_typed_by_what_it_fights() {
    let text = "O Grupo de Repressão ao Crime Organizado (GRCO) cumpriu mandados em Natal.";
    let got = defs(text, vec![]);
    assert!(has(&got, "GRCO", "Grupo de Repressão ao Crime Organizado", "state_actor"), "{got:?}");
}

#[test]
fn a_syllable_acronym() {
    let text = "A Secretaria Nacional de Segurança Portuária (Senaport) fiscaliza os terminais.";
    let got = defs(text, vec![]);
    assert!(has(&got, "Senaport", "Secretaria Nacional de Segurança Portuária", "state_actor"), "{got:?}");
}

#[test]
fn an_acronym_before_its_long_form() {
    let text = "Army patrols clashed with the ELV (Ejército de Liberación del Valle) near the river.";
    let got = defs(text, vec![]);
    assert!(has(&got, "ELV", "Ejército de Liberación del Valle", "armed_group"), "{got:?}");
}

#[test]
fn an_acronym_of_a_knowledge_base_entry() {
    let (kb, _, _) = setup();
    let text = "A Receita Federal (RF) apreendeu a carga. Depois, a RF multou o exportador.";
    let got = defs(text, vec![]);
    let name = kb.entities().iter().find(|e| e.names().any(|n| n == "Receita Federal")).map(|e| e.name.clone()).expect("in the kb");
    assert_eq!(got.iter().filter(|(s, n, _)| s == "RF" && *n == name).count(), 2, "{got:?}");
}

#[test]
fn a_learned_agency_and_its_acronym_in_another_language() {
    let text = "Officers of the Technical Agency for Criminal Investigation (ATIC) raided the house.";
    let start = text.find("Technical").unwrap();
    let end = text.find(" (ATIC)").unwrap();
    let agency =
        Found { start, end, name: text[start..end].to_owned(), entity_type: EntityType::StateActor, unnamed: false, kb_entity: None };
    let got = defs(text, vec![agency]);
    assert!(has(&got, "ATIC", "Technical Agency for Criminal Investigation", "state_actor"), "{got:?}");
}

#[test]
fn an_alias_holding_a_place_name() {
    let text = "Police extradited Wilmer Rosales Paz, alias \"El Chino,\" to the United States.";
    let got = defs(text, vec![person(text, "Wilmer Rosales Paz")]);
    assert!(has(&got, "El Chino", "Wilmer Rosales Paz", "person"), "{got:?}");
}

#[test]
fn an_english_acronym_of_a_spanish_name() {
    let text = "La Agencia de Seguridad Fronteriza (BSA, por sus siglas en inglés) reforzó los controles.";
    let got = defs(text, vec![]);
    assert!(has(&got, "BSA", "Agencia de Seguridad Fronteriza", "state_actor"), "{got:?}");
}

#[test]
fn a_criminal_acronym() {
    let text = "El Cártel de los Valles Altos (CVA) compra pasta base en Bolivia.";
    let got = defs(text, vec![]);
    assert!(got.iter().any(|(s, _, t)| s == "CVA" && *t == "criminal_org"), "{got:?}");
}

#[test]
fn acronyms_that_do_not_fit_are_left() {
    assert!(defs("The Harbour Watch Office (XQZ) issued a warning.", vec![]).is_empty());
    assert!(defs("La Oficina Portuaria (LOP) no respondió.", vec![]).iter().all(|(s, _, _)| s != "LOP"));
}

#[test]
fn long_forms_without_a_head_are_left() {
    assert!(defs("The Andean Study Project (ASP) published its maps.", vec![]).is_empty());
    assert!(defs("Un estudio del Centro de Innovación Marina (CIM) lo confirma.", vec![]).is_empty());
}

#[test]
fn parentheses_that_are_not_acronyms() {
    let text = "Production rose (UNODC, 2023) and seizures fell (see Table 2). El informe (en inglés) salió en 2019 (2019).";
    assert!(defs(text, vec![]).is_empty());
}

#[test]
fn places_in_parentheses_are_not_acronyms() {
    let text = "Los contenedores salieron de Puerto Maldonado (PM) y de Paranaguá (PR) hacia Amberes (Bélgica).";
    assert!(defs(text, vec![]).is_empty());
}

#[test]
fn a_description_names_an_agency_by_its_acronym() {
    let text = "The country's financial intelligence unit (UAF) flagged the transfers.";
    let got = defs(text, vec![]);
    assert!(has(&got, "UAF", "UAF", "state_actor"), "{got:?}");
}

#[test]
fn an_apposed_acronym_names_the_described_agency() {
    let text = "The police anti-kidnapping unit, UNASE, said the victims were freed.";
    let got = defs(text, vec![]);
    assert!(has(&got, "UNASE", "UNASE", "state_actor"), "{got:?}");
}

#[test]
fn a_list_of_acronyms_is_not_an_apposition() {
    let text = "Agencies such as the police, CNIX, PQRS and ABCD took part.";
    assert!(defs(text, vec![]).is_empty());
}

#[test]
fn later_occurrences_are_whole_words_in_their_case() {
    let text = "The MIU said nothing. The Maritime Interdiction Unit (MIU) seized a boat; the miu and MIU-led teams and the MIU left.";
    let got = defs(text, vec![]);
    let at: Vec<usize> = got.iter().filter(|(s, _, _)| s == "MIU").map(|_| 0).collect();
    assert_eq!(at.len(), 2, "the definition and the last standalone MIU: {got:?}");
}

#[test]
fn later_occurrences_in_a_long_report() {
    // A long text with several defined surfaces is searched in one pass for all of them.
    let defined = "The Maritime Interdiction Unit (MIU) met the Port Security Agency (PSA), the Financial Intelligence Office (FIO), \
                   the Border Control Directorate (BCD) and the Coastal Watch Service (CWS).";
    let later = "Later the MIU, the PSA, the FIO, the BCD and the CWS reported.";
    let filler = "Nothing happened in the harbour that day. ".repeat(2000);
    let count = |text: &str, acr: &str| defs(text, vec![]).iter().filter(|(s, _, _)| s == acr).count();
    let short = format!("{defined} {later}");
    let long = format!("{defined} {filler}{later} {defined} {later}");
    assert!(long.len() > 80_000);
    for acr in ["MIU", "PSA", "FIO", "BCD", "CWS"] {
        assert_eq!(count(&short, acr), 2, "{acr} in the short text");
        assert_eq!(count(&long, acr), 4, "{acr} in the long text");
    }
}

#[test]
fn a_translation_in_parentheses_is_one_entity() {
    let text = "The 48th Front (Frente 48) controls the river. Later the Frente 48 denied it.";
    let got = defs(text, vec![]);
    assert_eq!(got.iter().filter(|(s, n, _)| s == "Frente 48" && n == "48th Front").count(), 2, "{got:?}");
}

// ---- definitions: aliases ----

#[test]
fn a_quoted_alias_after_a_person() {
    let text = "Ramiro Bustos Varela, alias \"el Tigre\", fue capturado en Cali. Según la policía, el Tigre controlaba la ruta.";
    let got = defs(text, vec![person(text, "Ramiro Bustos Varela")]);
    assert_eq!(got.iter().filter(|(s, n, t)| s == "el Tigre" && n == "Ramiro Bustos Varela" && *t == "person").count(), 2, "{got:?}");
}

#[test]
fn an_alias_after_an_age() {
    let text = "Júlio César Prates (52), vulgo \"Coruja\", foi preso em Itajaí.";
    let got = defs(text, vec![person(text, "Júlio César Prates")]);
    assert!(has(&got, "Coruja", "Júlio César Prates", "person"), "{got:?}");
}

#[test]
fn an_english_alias_with_a_comma_age() {
    let text = "Mark Halloran, 41, also known as \"The Accountant,\" was sentenced in Boston.";
    let got = defs(text, vec![person(text, "Mark Halloran")]);
    assert!(has(&got, "The Accountant", "Mark Halloran", "person"), "{got:?}");
}

#[test]
fn an_unquoted_alias() {
    let text = "Prosecutors charged Aldo Ferreyra alias Turco with smuggling.";
    let got = defs(text, vec![person(text, "Aldo Ferreyra")]);
    assert!(has(&got, "Turco", "Aldo Ferreyra", "person"), "{got:?}");
}

#[test]
fn a_gang_also_known_as() {
    let text = "La banda Los Cuervos, también conocida como Los Negros, opera en Manta.";
    let got = defs(text, vec![]);
    assert!(has(&got, "Los Negros", "Los Cuervos", "criminal_org"), "{got:?}");
}

#[test]
fn a_quoted_nickname_right_after_a_person() {
    let text = "Ramiro Bustos Varela, \"Tigre\", huyó a Venezuela.";
    let got = defs(text, vec![person(text, "Ramiro Bustos Varela")]);
    assert!(has(&got, "Tigre", "Ramiro Bustos Varela", "person"), "{got:?}");
}

#[test]
fn a_nickname_with_an_article_set_off_by_commas() {
    // The Brazilian press's apposition: "<name>, o <nickname>, …".
    let text = "A milícia era chefiada por Otávio Moreira Quintella, o Baixinho, preso em 2023.";
    let got = defs(text, vec![person(text, "Otávio Moreira Quintella")]);
    assert!(has(&got, "Baixinho", "Otávio Moreira Quintella", "person"), "{got:?}");
    let text = "A quadrilha de Otávio Moreira Quintella, o Peixe Grande. Ele fugiu.";
    let got = defs(text, vec![person(text, "Otávio Moreira Quintella")]);
    assert!(has(&got, "Peixe Grande", "Otávio Moreira Quintella", "person"), "{got:?}");
    // A role, an acronym, or words that go on are no nickname.
    for text in [
        "Foi recebido por Otávio Moreira Quintella, o Secretário, em Brasília.",
        "Segundo Otávio Moreira Quintella, o CV domina a área.",
        "Para Otávio Moreira Quintella, o Brasil precisa mudar de estratégia.",
    ] {
        let got = defs(text, vec![person(text, "Otávio Moreira Quintella")]);
        assert!(got.iter().all(|(_, name, _)| name != "Otávio Moreira Quintella"), "{text}: {got:?}");
    }
}

#[test]
fn a_quoted_remark_is_not_a_nickname() {
    let text = "The statement was signed by Ramiro Bustos Varela, \"we will not stop.\"";
    assert!(defs(text, vec![person(text, "Ramiro Bustos Varela")]).is_empty());
}

#[test]
fn an_alias_needs_a_named_subject() {
    assert!(defs("Gang members known as \"halcones\" watch the streets.", vec![]).is_empty());
    assert!(defs("The operation, known as \"Tormenta Azul\", ended in May.", vec![]).is_empty());
}

#[test]
fn an_alias_the_knowledge_base_knows_stays_the_knowledge_base_s() {
    let text = "El Clan del Golfo, también conocido como Autodefensas Gaitanistas de Colombia, exporta cocaína.";
    assert!(defs(text, vec![]).iter().all(|(s, _, _)| s != "Autodefensas Gaitanistas de Colombia"));
}

// ---- no panics, spans on char boundaries ----

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let (kb, m, index) = setup();
        let kb_mentions = m.find(kb, text);
        let cx = Context::new(text, kb, index, &kb_mentions);
        let mut found = cue_names::find(&cx);
        for f in &found {
            assert!(f.start < f.end && f.end <= text.len() && text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        if let Some(f) = found.first().cloned() {
            found.push(Found { entity_type: EntityType::Person, ..f });
        }
        for f in definitions::find(&cx, &found) {
            assert!(f.start < f.end && f.end <= text.len() && text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }

    const PIECES: &[&str] = &[
        "Los ",
        "Os ",
        "Cártel ",
        "cartel",
        "clan ",
        "clans",
        "Frente ",
        "33",
        "(",
        ")",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "alias ",
        "known as ",
        "conocido como ",
        ", ",
        " y ",
        " and ",
        "la banda ",
        "grupo ",
        "facção ",
        "ABC",
        "Unidad ",
        "de ",
        "Policía ",
        "(UIF)",
        "é",
        "ñ",
        "Ω",
        "🦀",
        "\n",
        ". ",
        "Sinaloa ",
        "Kavač ",
        " ",
        "-",
        "por sus siglas en inglés",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(std::env::var("NX_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300)))]

        #[test]
        fn random_text_never_panics(text in "\\PC{0,300}") {
            check(&text);
        }

        #[test]
        fn text_made_of_cues_never_panics(pieces in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = pieces.into_iter().map(|i| PIECES[i]).collect();
            check(&text);
        }
    }
}

// ---- the demo corpus, and speed (run with `--ignored --nocapture`, release) ----

/// The demo-corpus evaluation, printed like `nexus eval` (entities only in the details).
#[test]
#[ignore]
fn demo_corpus_eval() {
    use nexus_extract::eval::{Counts, Gold, score};
    use std::collections::BTreeMap;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (kb, _) = KnowledgeBase::load(&[]);
    let ex = Extractor::new(kb);
    let mut files: Vec<_> = std::fs::read_dir(root.join("corpus/gold")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let (mut cats, mut types): (BTreeMap<String, Counts>, BTreeMap<String, Counts>) = Default::default();
    let mut details = String::new();
    for gf in files {
        let gold: Gold = serde_json::from_str(&std::fs::read_to_string(&gf).unwrap()).unwrap();
        for name in std::iter::once(&gold.doc).chain(&gold.also_applies_to) {
            let doc = nexus_ingest::read_file(&root.join("corpus/demo").join(name), &nexus_ingest::Options::default()).unwrap();
            let s = score(&gold, name, &ex.extract(&doc.extraction_text(), doc.meta.published.as_deref()));
            s.categories.iter().for_each(|(k, c)| cats.entry(k.clone()).or_default().add(*c));
            s.entity_types.iter().for_each(|(k, c)| types.entry(k.clone()).or_default().add(*c));
            let missed = s.missed.iter().filter(|m| m.starts_with("entity")).map(|m| format!("  missed    {m}"));
            let spurious = s.spurious.iter().filter(|m| m.starts_with("entity")).map(|m| format!("  spurious  {m}"));
            let lines: Vec<String> = missed.chain(spurious).collect();
            if !lines.is_empty() {
                details.push_str(&format!("\n{name}\n{}\n", lines.join("\n")));
            }
        }
    }
    for (k, c) in cats.iter().chain(&types) {
        println!("{k:<18} P {:.3} R {:.3} F1 {:.3}  tp {} fp {} fn {}", c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn_);
    }
    println!("{details}");
}

/// What cue names and definitions find in each demo document.
#[test]
#[ignore]
fn print_demo_learned() {
    use nexus_extract::discover;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (kb, m, index) = setup();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("corpus/demo")).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in paths {
        let doc = nexus_ingest::read_file(&p, &nexus_ingest::Options::default()).unwrap();
        let text = doc.extraction_text();
        let kb_mentions = m.find(kb, &text);
        let cx = Context::new(&text, kb, index, &kb_mentions);
        let mut found = discover::persons::find(&cx);
        found.extend(discover::agencies::find(&cx));
        let learned = cue_names::find(&cx);
        found.extend(learned.clone());
        found.extend(discover::unnamed::find(&cx));
        println!("== {}", p.file_name().unwrap().to_string_lossy());
        for f in learned.iter().map(|f| ("cue", f)).chain(definitions::find(&cx, &found).iter().map(|f| ("def", f)).collect::<Vec<_>>()) {
            let (k, f) = f;
            println!("  {k}  {:<30} {:<45} {}", &text[f.start..f.end], f.name, f.entity_type.as_str());
        }
    }
}

/// Throughput of cue names and definitions over the demo corpus (`NX_ROUNDS`, default 50).
#[test]
#[ignore]
fn throughput() {
    use std::time::Instant;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (kb, m, index) = setup();
    let texts: Vec<String> = std::fs::read_dir(root.join("corpus/demo"))
        .unwrap()
        .map(|e| nexus_ingest::read_file(&e.unwrap().path(), &nexus_ingest::Options::default()).unwrap().extraction_text().into_owned())
        .collect();
    let mentions: Vec<_> = texts.iter().map(|t| m.find(kb, t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds: usize = std::env::var("NX_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(50);
    let time = |f: &dyn Fn(&Context)| {
        let t0 = Instant::now();
        for _ in 0..rounds {
            for (text, kb_mentions) in texts.iter().zip(&mentions) {
                f(&Context::new(text, kb, index, kb_mentions));
            }
        }
        (bytes * rounds) as f64 / 1e6 / t0.elapsed().as_secs_f64()
    };
    let c = time(&|cx| {
        std::hint::black_box(cue_names::find(cx));
    });
    let d = time(&|cx| {
        std::hint::black_box(definitions::find(cx, &[]));
    });
    let both = time(&|cx| {
        let found = cue_names::find(cx);
        std::hint::black_box(definitions::find(cx, &found));
    });
    println!("{bytes} bytes x {rounds}: cue_names {c:.0} MB/s, definitions {d:.0} MB/s, both {both:.0} MB/s");
}

#[test]
#[ignore]
fn probe() {
    let text = std::env::var("NX_TEXT").unwrap_or_default();
    let (kb, m, _) = setup();
    for k in m.find(kb, &text) {
        println!("kb {:?} {}", &text[k.start..k.end], kb.entities()[k.entity].id);
    }
    println!("{:?}", cues(&text));
    println!("{:?}", defs(&text, vec![]));
}

/// What cue names and definitions find in the files of a directory (`NX_DIR`, default the seeds).
#[test]
#[ignore]
fn print_dir_learned() {
    let (kb, m, index) = setup();
    let dir = std::env::var("NX_DIR").unwrap_or_else(|_| "../../../shared/seeds".into());
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let doc = nexus_ingest::read_file(&p, &nexus_ingest::Options::default()).unwrap();
        let text = doc.extraction_text();
        let kb_mentions = m.find(kb, &text);
        let cx = Context::new(&text, kb, index, &kb_mentions);
        let mut found = nexus_extract::discover::persons::find(&cx);
        found.extend(nexus_extract::discover::agencies::find(&cx));
        let learned = cue_names::find(&cx);
        found.extend(learned.clone());
        println!("== {}", p.display());
        if std::env::var("NX_OTHERS").is_ok() {
            for f in &found {
                println!("  other {:<30} {}", &text[f.start..f.end], f.entity_type.as_str());
            }
        }
        for f in learned.iter().chain(&definitions::find(&cx, &found)) {
            println!("  {:<30} {:<45} {}", &text[f.start..f.end], f.name, f.entity_type.as_str());
        }
    }
}

#[test]
fn a_nickname_cue_alone_names_a_person() {
    let got = defs("La policía capturó a alias 'Chucky' en el Callao.", vec![]);
    assert!(has(&got, "Chucky", "Chucky", "person"), "{got:?}");
    let got = defs("Fue capturado alias 'el Gordo', cabecilla de la banda.", vec![]);
    assert!(has(&got, "el Gordo", "el Gordo", "person"), "{got:?}");
    let got = defs("A PF prendeu vulgo Dedé em Manaus.", vec![]);
    assert!(has(&got, "Dedé", "Dedé", "person"), "{got:?}");
    // After a name, the cue gives that name's alias, not a new person.
    let text = "Juan Pérez Ruiz, alias 'Chucky', fue capturado.";
    let got = defs(text, vec![person(text, "Juan Pérez Ruiz")]);
    assert!(has(&got, "Chucky", "Juan Pérez Ruiz", "person"), "{got:?}");
    // "known as" alone introduces the name of a thing as often as a person's.
    assert!(defs("Una ruta conocida como 'La Trocha' cruza la frontera.", vec![]).iter().all(|(_, _, t)| *t != "person"));
}

#[test]
fn an_alias_phrase_after_a_role_names_a_person() {
    for (text, nick) in [
        ("O chefe da facção na Rocinha, conhecido como \"Peixe\", foi preso em Niterói.", "Peixe"),
        ("The gang's leader, known as \"El Viejo\", was arrested in Guayaquil.", "El Viejo"),
        ("Su lugarteniente, conocido como 'el Flaco', huyó a Venezuela.", "el Flaco"),
    ] {
        let got = defs(text, vec![]);
        assert!(has(&got, nick, nick, "person"), "{text}: {got:?}");
    }
    // The role must be the head of the words before the comma, in one clause with the cue.
    for text in [
        "The leader said the operation, known as \"Operation Orion\", was a success.",
        "The route used by traffickers, known as \"La Ruta del Sol\", crosses Honduras.",
        "Lo dijo el jefe. La ruta, conocida como 'La Trocha', cruza la frontera.",
    ] {
        assert!(defs(text, vec![]).iter().all(|(_, _, t)| *t != "person"), "{text}: {:?}", defs(text, vec![]));
    }
}
