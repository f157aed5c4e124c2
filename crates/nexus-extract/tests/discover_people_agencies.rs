//! People, state bodies and unnamed actors the knowledge base does not hold, found in sentences
//! written for these tests (names invented or from other cases than the demo corpus), in English,
//! Spanish and Portuguese, with the cases that must find nothing: sentence-initial capitals,
//! places and groups named after people, headings, generic "the police".

use nexus_extract::Matcher;
use nexus_extract::discover::{self, Context, Found, Index};
use nexus_kb::{EntityType, KnowledgeBase};
use proptest::prelude::*;

mod support;

fn kb() -> &'static (KnowledgeBase, Matcher, Index) {
    support::finders()
}

fn run(text: &str, finder: fn(&Context) -> Vec<Found>) -> Vec<Found> {
    let (kb, matcher, index) = kb();
    let mentions = matcher.find(kb, text);
    finder(&Context::new(text, kb, index, &mentions))
}

/// (mention text, entity name) of every finding.
fn pairs(text: &str, finder: fn(&Context) -> Vec<Found>) -> Vec<(String, String)> {
    run(text, finder).into_iter().map(|f| (text[f.start..f.end].to_owned(), f.name)).collect()
}

fn people(text: &str) -> Vec<(String, String)> {
    pairs(text, discover::persons::find)
}

fn expect_people(text: &str, expected: &[(&str, &str)]) {
    let got = people(text);
    let want: Vec<(String, String)> = expected.iter().map(|(s, n)| ((*s).to_owned(), (*n).to_owned())).collect();
    assert_eq!(got, want, "people in {text:?}");
}

#[test]
fn english_full_names_by_given_name_title_age_and_alias() {
    expect_people(
        "Prosecutors said Carlos Eduardo Ramírez Solano, 52, ran the network from Cali.",
        &[("Carlos Eduardo Ramírez Solano", "Carlos Eduardo Ramírez Solano")],
    );
    expect_people(
        "The operation was led by Gen. Hernán Villamizar of the anti-narcotics police.",
        &[("Hernán Villamizar", "Hernán Villamizar")],
    );
    expect_people("Authorities arrested Dutch national Joris van der Berg in Rotterdam.", &[("Joris van der Berg", "Joris van der Berg")]);
    expect_people("Special Agent John P. O'Neill testified for two days.", &[("John P. O'Neill", "John P. O'Neill")]);
    expect_people("Investigators linked Dritan Rexhepi to the port.", &[("Dritan Rexhepi", "Dritan Rexhepi")]);
    expect_people("Crime reporter Anouk de Wit was shot in Amsterdam.", &[("Anouk de Wit", "Anouk de Wit")]);
    expect_people("Police identified the victim as Tyrone Briggs, 34, of Kingston.", &[("Tyrone Briggs", "Tyrone Briggs")]);
    expect_people("Mr. Okafor declined to comment.", &[("Okafor", "Okafor")]);
}

#[test]
fn the_head_of_a_government_named_for_them() {
    // Heads of government the knowledge base does not hold (it holds the region's recent
    // presidents, which the matcher finds).
    expect_people("Según el gobierno de Ernesto Villalba, la producción cayó.", &[("Ernesto Villalba", "Ernesto Villalba")]);
    expect_people("O governo de Otávio Moreira Tavares anunciou um plano.", &[("Otávio Moreira Tavares", "Otávio Moreira Tavares")]);
    expect_people("The government of Arturo Benavides declared an internal armed conflict.", &[("Arturo Benavides", "Arturo Benavides")]);
    // What a government is named for when it is no person.
    expect_people("El gobierno de Transición convocó elecciones.", &[]);
    expect_people("The government of National Unity fell.", &[]);
}

#[test]
fn a_name_with_an_unlisted_given_name_and_a_common_surname() {
    expect_people("The group answered to Ulrik Mendoza until his arrest.", &[("Ulrik Mendoza", "Ulrik Mendoza")]);
}

#[test]
fn a_nickname_inside_a_name_is_left_out_of_it() {
    expect_people(
        r#"The court heard that Rafael "El Gordo" Caro Quintana paid the pilots."#,
        &[(r#"Rafael "El Gordo" Caro Quintana"#, "Rafael Caro Quintana")],
    );
    expect_people("The faction led by Ismael 'El Viejo' Zamudio split in 2019.", &[("Ismael 'El Viejo' Zamudio", "Ismael Zamudio")]);
}

#[test]
fn surnames_alone_join_the_full_name() {
    expect_people(
        "Judge Margaret T. Collins sentenced him on Friday. Collins said the evidence was overwhelming.",
        &[("Margaret T. Collins", "Margaret T. Collins"), ("Collins", "Margaret T. Collins")],
    );
    // Hispanic double surname: the paternal one stands alone.
    expect_people(
        "Fueron detenidos Héctor Armando Quiroz Beltrán y otros dos. Quiroz negó los cargos.",
        &[("Héctor Armando Quiroz Beltrán", "Héctor Armando Quiroz Beltrán"), ("Quiroz", "Héctor Armando Quiroz Beltrán")],
    );
    // Both surnames together.
    expect_people(
        "The defendants are Joel Ignacio Ruiz Osuna, 38, and others. Ruiz Osuna brokered the deals.",
        &[("Joel Ignacio Ruiz Osuna", "Joel Ignacio Ruiz Osuna"), ("Ruiz Osuna", "Joel Ignacio Ruiz Osuna")],
    );
    // A title and a surname take the full name.
    expect_people(
        "Gustavo Adolfo Lemos testified. Later, Judge Lemos dismissed the motion.",
        &[("Gustavo Adolfo Lemos", "Gustavo Adolfo Lemos"), ("Lemos", "Gustavo Adolfo Lemos")],
    );
}

#[test]
fn ambiguous_surnames_and_surnames_that_are_places_stay_alone() {
    let got = people("Jorge Quispe Mamani and Rosa Quispe Huanca were detained. Quispe said nothing.");
    assert!(!got.iter().any(|(s, _)| s == "Quispe"), "two names end so: {got:?}");
    let got = people("Diego Armando Lima was arrested in Lima on Monday.");
    assert_eq!(got, [("Diego Armando Lima".to_owned(), "Diego Armando Lima".to_owned())], "the city is no surname");
}

#[test]
fn spanish_names() {
    expect_people(
        "El narcotraficante Wálter Ospino, alias 'el Gato', fue capturado en Barranquilla.",
        &[("Wálter Ospino", "Wálter Ospino")],
    );
    expect_people(
        "Según el fiscal Andrés Felipe Cortés Daza, la red movía cocaína.",
        &[("Andrés Felipe Cortés Daza", "Andrés Felipe Cortés Daza")],
    );
    expect_people(
        "Fueron capturados Yeferson Díaz Montaño, de 27 años, y Leidy Johana Rentería Mosquera, de 31 años.",
        &[("Yeferson Díaz Montaño", "Yeferson Díaz Montaño"), ("Leidy Johana Rentería Mosquera", "Leidy Johana Rentería Mosquera")],
    );
    expect_people(
        "La jueza María de los Ángeles Ferrer dictó prisión preventiva.",
        &[("María de los Ángeles Ferrer", "María de los Ángeles Ferrer")],
    );
    expect_people("El ciudadano boliviano Edgar Condori Apaza fue expulsado.", &[("Edgar Condori Apaza", "Edgar Condori Apaza")]);
}

#[test]
fn portuguese_names() {
    expect_people(
        "O empresário Marcelo Henrique Tavares Lobo, 44 anos, foi preso em Manaus.",
        &[("Marcelo Henrique Tavares Lobo", "Marcelo Henrique Tavares Lobo")],
    );
    expect_people(
        "Segundo a PF, Ana Cláudia Ferreira dos Reis coordenava os pagamentos.",
        &[("Ana Cláudia Ferreira dos Reis", "Ana Cláudia Ferreira dos Reis")],
    );
    expect_people("O juiz Sérgio Fernando Moura autorizou a operação.", &[("Sérgio Fernando Moura", "Sérgio Fernando Moura")]);
    expect_people("O motorista Cleiton Souza, 29, negou envolvimento.", &[("Cleiton Souza", "Cleiton Souza")]);
}

#[test]
fn no_person_in_places_groups_events_and_headings() {
    for text in [
        "Mexican authorities said the shipment left from Manzanillo.",
        "San Pedro Sula remains one of the most violent cities in the region.",
        "Operation Jorge Luis was launched in March.",
        "The Frente Carolina Ramírez operates along the Putumayo river.",
        "COLOMBIA: JUAN CARLOS PÉREZ ARRESTED IN MADRID",
        "Sin embargo, Lima y Bogotá firmaron un acuerdo.",
        "La Policía Nacional del Ecuador y la Fiscalía General del Estado investigan.",
        "El Clan del Golfo y Los Choneros negocian rutas.",
        "Segundo a Polícia Federal, a carga saiu de São Paulo.",
        "The cell took its name from the structure \"Pedro Pablo Rojas\" of the group.",
        "The plane landed at Simón Bolívar International Airport.",
        "The Costa Rican coast guard seized the boat.",
        "Traffickers moved the drugs through Pedro Juan Caballero.",
        "Santa Marta, 12 de mayo de 2023.",
        "Avenida José Bonifácio, no centro.",
    ] {
        assert_eq!(people(text), Vec::<(String, String)>::new(), "no person in {text:?}");
    }
}

#[test]
fn titles_before_a_single_word() {
    expect_people("U.S. Secretary of State Antony Blinken spoke with the minister.", &[("Antony Blinken", "Antony Blinken")]);
    // Capitalised Spanish and Portuguese titles before one word name towns; a surname of a name
    // found in full is the person.
    for text in ["The shipment left Capitán Bado on Monday.", "General Motors trucks were used. The Chief Executive spoke to the press."] {
        assert_eq!(people(text), Vec::<(String, String)>::new(), "no person in {text:?}");
    }
    expect_people(
        "Presidente Quintella anuncia plano. O presidente Otávio Moreira Quintella falou em Brasília.",
        &[("Quintella", "Otávio Moreira Quintella"), ("Otávio Moreira Quintella", "Otávio Moreira Quintella")],
    );
}

#[test]
fn the_leader_after_a_verb_of_leading() {
    expect_people("No Rio, a milícia liderada por Zinho controla a zona oeste.", &[("Zinho", "Zinho")]);
    expect_people("The gang, led by Lamort, kidnapped them.", &[("Lamort", "Lamort")]);
    // Places and bodies that lead are not people.
    for text in ["A coalition led by Colombia met.", "The operation, led by Europol, ended."] {
        assert_eq!(people(text), Vec::<(String, String)>::new(), "no person in {text:?}");
    }
}

#[test]
fn aliases_are_not_names_of_their_own() {
    // The alias after "alias" is the definitions finder's, never a second person.
    let got = people("Investigators named José Luis Ortega, alias \"Pelusa Grande\", as the buyer.");
    assert_eq!(got, [("José Luis Ortega".to_owned(), "José Luis Ortega".to_owned())]);
    let got = people("El cabecilla, conocido como camarada Ernesto, se entregó.");
    assert!(got.iter().all(|(s, _)| s != "Ernesto"), "a nom de guerre is the definitions finder's: {got:?}");
}

fn agencies(text: &str) -> Vec<(String, String)> {
    pairs(text, discover::agencies::find)
}

fn linked(text: &str) -> Vec<(String, Option<String>)> {
    let (kb, _, _) = kb();
    run(text, discover::agencies::find)
        .into_iter()
        .map(|f| (text[f.start..f.end].to_owned(), f.kb_entity.map(|i| kb.entities()[i].id.clone())))
        .collect()
}

fn has_agency(text: &str, surface: &str) {
    let got = agencies(text);
    assert!(got.iter().any(|(s, _)| s == surface), "{surface:?} in {text:?}: {got:?}");
}

#[test]
fn english_agencies_by_head_noun() {
    has_agency("The Chilean Air Force flew the detainees to Santiago.", "Chilean Air Force");
    has_agency("The Honduran Navy said two boats were seized.", "Honduran Navy");
    has_agency("Officers of the Guatemalan Ministry of the Interior took part.", "Guatemalan Ministry of the Interior");
    has_agency(
        "The case went to the U.S. Attorney's Office for the District of Puerto Rico.",
        "U.S. Attorney's Office for the District of Puerto Rico",
    );
    has_agency("A Jamaica Defence Force patrol found the boat.", "Jamaica Defence Force");
    has_agency("The Ministry of Justice and Human Rights published the list.", "Ministry of Justice and Human Rights");
    has_agency("Officers from the Victoria Police Force and customs searched it.", "Victoria Police Force");
    has_agency("A federal grand jury in Miami returned the indictment.", "federal grand jury");
    has_agency("The Truth Commission heard the survivors.", "Truth Commission");
}

#[test]
fn english_lower_case_heads_need_a_demonym() {
    let got = linked("Spanish police arrested six people in Algeciras.");
    assert_eq!(got, [("Spanish police".to_owned(), Some("es-policia-nacional".to_owned()))], "one Spanish body carries 'police'");
    has_agency("Venezuelan customs released the cargo.", "Venezuelan customs");
    for text in
        ["The police said the men were armed.", "Police said the shipment was hidden in bananas.", "The Navy said two boats were seized."]
    {
        assert_eq!(agencies(text), Vec::<(String, String)>::new(), "nothing in {text:?}");
    }
}

#[test]
fn and_joins_names_but_not_bodies() {
    let got = agencies("The Army and the Navy patrol the river, with the Colombian Army and Colombian Air Force.");
    assert!(got.iter().all(|(s, _)| !s.contains(" and ")), "{got:?}");
    has_agency("The Colombian Army and Colombian Air Force took part.", "Colombian Air Force");
}

#[test]
fn armed_groups_are_no_agencies() {
    for text in [
        "The Revolutionary Armed Forces of Colombia signed in 2016.",
        "El Ejército del Pueblo Paraguayo atacó un puesto policial.",
        "The Gaitanist Self-Defense Forces of Colombia denied it.",
    ] {
        assert_eq!(agencies(text), Vec::<(String, String)>::new(), "no state body in {text:?}");
    }
}

#[test]
fn spanish_and_portuguese_agencies() {
    has_agency(
        "La Fiscalía Especializada contra la Criminalidad Organizada de Ecuador pidió la captura.",
        "Fiscalía Especializada contra la Criminalidad Organizada de Ecuador",
    );
    has_agency("El Juzgado Tercero Penal del Circuito de Cali negó la libertad.", "Juzgado Tercero Penal del Circuito de Cali");
    has_agency("A 3ª Vara Criminal de Manaus recebeu a denúncia.", "3ª Vara Criminal de Manaus");
    has_agency("A Polícia Civil do Rio de Janeiro prendeu três suspeitos.", "Polícia Civil do Rio de Janeiro");
    has_agency(
        "A Secretaria de Administração Penitenciária de São Paulo transferiu o preso.",
        "Secretaria de Administração Penitenciária de São Paulo",
    );
    has_agency("La Defensoría del Pueblo alertó sobre el reclutamiento.", "Defensoría del Pueblo");
    assert_eq!(agencies("Según la Fiscalía en Lima, la red operaba en el puerto."), Vec::<(String, String)>::new(), "a body and a place");
}

#[test]
fn names_cut_by_a_place_or_a_hyphen() {
    has_agency("Officers of the São Paulo State Military Police took part.", "São Paulo State Military Police");
    has_agency("A Procuradoria-Geral da República recorreu da decisão.", "Procuradoria-Geral da República");
    has_agency("Bolivia's Special Force to Combat Drug Trafficking raided the lab.", "Special Force to Combat Drug Trafficking");
    assert_eq!(agencies("Fuerza Popular votó en contra del proyecto."), Vec::<(String, String)>::new(), "a party");
    assert!(agencies("The Navy handed the boat to Colombia.").is_empty());
}

#[test]
fn spanish_demonyms_after_a_lower_case_head() {
    let got = linked("La policía colombiana informó de la captura.");
    assert_eq!(got, [("policía colombiana".to_owned(), Some("co-policia-nacional".to_owned()))]);
    let got = linked("A polícia paraguaia confirmou a prisão.");
    assert_eq!(got, [("polícia paraguaia".to_owned(), Some("py-policia-nacional".to_owned()))]);
    assert_eq!(agencies("La policía llegó tarde."), Vec::<(String, String)>::new());
}

#[test]
fn a_capitalised_name_with_a_demonym_after_it_is_that_country_s_body() {
    let got = linked("La Policía Nacional ecuatoriana detuvo a tres sospechosos en Manta.");
    assert_eq!(got, [("Policía Nacional ecuatoriana".to_owned(), Some("ec-policia-nacional".to_owned()))]);
    // Colombia's anti-drug directorate also carries "Policía Nacional" in a name: the body whose
    // name begins with it is the police itself.
    let got = linked("Según la Policía Nacional colombiana, el cargamento salió de Tumaco.");
    assert_eq!(got, [("Policía Nacional colombiana".to_owned(), Some("co-policia-nacional".to_owned()))]);
    // No body of that country carries the words: a body of its own.
    let got = linked("El Servicio Forestal chileno denunció la tala.");
    assert!(got.iter().all(|(_, id)| id.is_none()), "{got:?}");
}

#[test]
fn a_country_s_possessive_names_its_body() {
    let body = |text: &str| linked(text).into_iter().map(|(s, id)| (s, id.unwrap_or_default())).collect::<Vec<_>>();
    let pair = |s: &str, id: &str| vec![(s.to_owned(), id.to_owned())];
    assert_eq!(body("According to Colombia's Defense Ministry, the group grew."), pair("Defense Ministry", "co-mindefensa"));
    assert_eq!(body("Peru's Defense Ministry disagreed."), pair("Defense Ministry", "pe-mindef"));
    assert_eq!(body("Brazil's Federal Police traced the money."), pair("Federal Police", "br-policia-federal"));
    // The possessive inside the span the finder read: the body starts after it.
    assert_eq!(body("Mexico's Navy seized the boat."), pair("Navy", "mx-semar"));
    assert_eq!(body("Colombia's Attorney General's Office charged him."), pair("Attorney General's Office", "co-fgn"));
    // A possessive that is no country, or a country with no such body, links nothing.
    assert!(body("The cartel's Finance Ministry contacts were arrested.").iter().all(|(_, id)| id.is_empty()));
}

#[test]
fn a_head_alone_is_the_body_of_the_document_that_carries_it() {
    let got = linked("La Fiscalía General de la Nación imputó cargos. Según la Fiscalía, la red movía cocaína.");
    assert!(got.contains(&("Fiscalía".to_owned(), Some("co-fgn".to_owned()))), "{got:?}");
    let got = agencies("According to the Armed Forces, the camp was destroyed.");
    assert_eq!(got, [("Armed Forces".to_owned(), "Armed Forces".to_owned())], "a capitalised body of two words stands alone");
    assert_eq!(agencies("Later the Fiscalía opened a case."), Vec::<(String, String)>::new(), "no body of the document carries it");
    // A name that holds the head after a link names a unit of that body, not the body: "la
    // Policía Nacional" is not its anti-drug directorate.
    let text =
        "Según la Policía Nacional, la red operaba en Lima. La Dirección Antidrogas de la Policía Nacional del Perú incautó la droga.";
    let got = linked(text);
    assert!(got.iter().all(|(s, id)| s != "Policía Nacional" || id.as_deref() != Some("pe-dirandro")), "{got:?}");
}

#[test]
fn a_generic_body_is_the_one_of_the_country_the_document_is_about() {
    let body = |text: &str, surface: &str| linked(text).into_iter().find(|(s, _)| s == surface).and_then(|(_, id)| id);
    let ec = "Police raids in Guayaquil and Manta followed weeks of violence in Ecuador. The National Police said 40 people were held.";
    assert_eq!(body(ec, "National Police").as_deref(), Some("ec-policia-nacional"));
    let co = "En Tumaco y Buenaventura, puertos del Pacífico colombiano, la Armada incautó dos semisumergibles.";
    assert_eq!(body(co, "Armada").as_deref(), Some("co-armada"), "Colombia's navy: {:?}", linked(co));
    let pe = "No Peru, as Forças Armadas mantêm bases em Pichari e no Vraem.";
    assert_eq!(body(pe, "Forças Armadas").as_deref(), Some("pe-ccffaa"), "{:?}", linked(pe));
    // Two countries in equal measure: no telling whose police it is.
    let both = "Officials from Colombia and Ecuador met in Ipiales and Tulcán. The National Police patrol the border.";
    assert_eq!(body(both, "National Police"), None, "{:?}", linked(both));
    // A body that only holds the words inside a longer name is another body: Colombia's
    // anti-narcotics directorate is not "the National Police".
    let got = linked("In Colombia, in Cali and Medellín, the National Police arrested him.");
    assert!(got.iter().all(|(_, id)| id.as_deref() != Some("co-diran")), "{got:?}");
}

#[test]
fn a_knowledge_base_name_the_text_writes_otherwise_is_linked() {
    let got = linked("El Departamento de Estado de los Estados Unidos publicó su informe.");
    assert_eq!(got, [("Departamento de Estado de los Estados Unidos".to_owned(), Some("us-state-department".to_owned()))]);
    let got = linked("The Dominican Republic's National Drug Control Agency (DNCD) seized the boat.");
    assert!(got.iter().any(|(_, id)| id.as_deref() == Some("do-dncd")), "the acronym in parentheses names it: {got:?}");
}

fn unnamed(text: &str) -> Vec<(String, EntityType, bool)> {
    run(text, discover::unnamed::find).into_iter().map(|f| (text[f.start..f.end].to_owned(), f.entity_type, f.unnamed)).collect()
}

#[test]
fn unnamed_actors_by_demonym_and_group_noun() {
    let cases: &[(&str, &str, EntityType)] = &[
        ("Locally, a Peruvian family-clan controlled the landing strips.", "Peruvian family-clan", EntityType::CriminalOrg),
        ("Mexican narco-traffickers bought the cocaine at the coast.", "Mexican narco-traffickers", EntityType::CriminalOrg),
        ("The port is contested by Albanian and Serbian gangs.", "Albanian and Serbian gangs", EntityType::CriminalOrg),
        ("Los narcotraficantes mexicanos pagan en efectivo.", "narcotraficantes mexicanos", EntityType::CriminalOrg),
        ("Los clanes familiares peruanos dominan el valle.", "clanes familiares peruanos", EntityType::CriminalOrg),
        ("Grupos armados venezolanos cruzaron la frontera.", "Grupos armados venezolanos", EntityType::ArmedGroup),
        ("As facções criminosas paraguaias disputam a fronteira.", "facções criminosas paraguaias", EntityType::CriminalOrg),
        ("The buyers were linked to the Italian mafia.", "Italian mafia", EntityType::CriminalOrg),
        // a network is a group when the noun says what it does
        ("Chinese money laundering networks moved the cash.", "Chinese money laundering networks", EntityType::CriminalOrg),
        ("Las redes de narcotráfico albanesas operan en el puerto.", "redes de narcotráfico albanesas", EntityType::CriminalOrg),
    ];
    for (text, surface, t) in cases {
        assert_eq!(unnamed(text), [((*surface).to_owned(), *t, true)], "in {text:?}");
    }
}

#[test]
fn no_unnamed_actor_where_a_group_is_named_or_no_group_is_meant() {
    for text in [
        "The Colombian criminal organization known as the Urabeños denied it.",
        "Mexican authorities said the shipment left from Manzanillo.",
        "South American traffickers use the route.",
        "He worked for the Mexican cartel Los Zetas.",
        "La organización criminal colombiana fue desarticulada.",
    ] {
        assert_eq!(unnamed(text), Vec::<(String, EntityType, bool)>::new(), "nothing in {text:?}");
    }
}

#[test]
fn dissidents_of_a_known_group_are_named_after_it() {
    for (text, surface) in [
        ("Clashes with ELN dissidents left four dead.", "dissidents"),
        ("Las disidencias de las FARC controlan la zona.", "disidencias"),
        ("As dissidências das antigas Farc atuam no Putumayo.", "dissidências"),
        ("Colombian dissidents of the FARC also operate there.", "dissidents"),
    ] {
        let got = run(text, discover::unnamed::find);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(&text[got[0].start..got[0].end], surface);
        assert!(got[0].name.ends_with(" dissidents") && !got[0].unnamed, "{:?}", got[0]);
        assert_eq!(got[0].entity_type, EntityType::ArmedGroup);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Any text: no panic, every span on character boundaries and inside the text.
    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        for finder in [discover::persons::find, discover::agencies::find, discover::unnamed::find] {
            for f in run(&text, finder) {
                prop_assert!(f.start <= f.end && f.end <= text.len());
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            }
        }
    }

    /// Text built from the words the finders look for, in any order and case.
    #[test]
    fn vocabulary_soup_never_panics(words in prop::collection::vec(prop::sample::select(vec![
        "Juan", "de", "la", "Policía", "Nacional", "del", "Perú", "'s", "U.S.", "Attorney's", "Office", "for", "the", "\"", "El",
        "Chapo", "\"", ",", "45", ",", "alias", "R.", "Vries", "mexicanos", "narcotraficantes", "Mexican", "cartels", "FARC",
        "dissidents", "disidencias", "de las", "Fiscalía", "y", "and", "Navy", "Belgian", "customs", "\n", ".", "’s", "5ª", "Vara",
        "Ñandú", "ÚSUGA", "São", "(", ")", "Gen.", "Mr.", "Judge", "Collins", "Úsuga", "David",
    ]), 0..40), seps in prop::collection::vec(prop::sample::select(vec!["", " ", "  ", ", ", ". ", "\n"]), 40)) {
        let mut text = String::new();
        for (w, s) in words.iter().zip(&seps) {
            text.push_str(w);
            text.push_str(s);
        }
        for finder in [discover::persons::find, discover::agencies::find, discover::unnamed::find] {
            for f in run(&text, finder) {
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end) && f.start <= f.end);
            }
        }
    }
}

#[test]
fn a_shared_surname_alone_means_the_name_introduced_first() {
    // The subject is named first; a relative named in a later sentence does not take the surname.
    let got = people(
        "Wilmer Arcila Pabón ran the smuggling cell for a decade. His cousin, Jhon Arcila, handled the money. Arcila was extradited in 2022.",
    );
    assert!(got.contains(&("Arcila".to_owned(), "Wilmer Arcila Pabón".to_owned())), "{got:?}");
    let got =
        people("Fue capturado Edilson Henao Galeano, cabecilla de la red. Su hermano, Duván Henao, sigue prófugo. Henao será extraditado.");
    assert!(got.contains(&("Henao".to_owned(), "Edilson Henao Galeano".to_owned())), "{got:?}");
    // Named together, neither is the subject: the surname alone stays open.
    let got = people("Wilmer Arcila Pabón and Jhon Arcila were detained together. Arcila said nothing.");
    assert!(!got.iter().any(|(s, _)| s == "Arcila"), "{got:?}");
}

#[test]
fn an_agency_name_names_its_places_but_not_its_mandate() {
    // "Terrorismo", "Narcotráfico", "Trata de Personas" inside an agency's name are its
    // mandate, not mentions of the activity; "Chile" inside one still names the country.
    let x = support::extract(
        "La Dirección contra el Terrorismo y la Fiscalía Especializada contra la Trata de Personas de Chile informaron de la captura.",
    );
    let types: Vec<(&str, &str)> =
        x.entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (m.text.as_str(), e.entity_type))).collect();
    assert!(types.contains(&("Dirección contra el Terrorismo", "state_actor")), "{types:?}");
    assert!(types.iter().all(|(_, t)| *t != "activity"), "{types:?}");
    assert!(types.contains(&("Chile", "country")), "{types:?}");
}

#[test]
fn the_place_of_an_office_is_not_part_of_the_name() {
    expect_people("El exgobernador de Tamaulipas Tomás Yarrington fue condenado en Texas.", &[("Tomás Yarrington", "Tomás Yarrington")]);
    expect_people("The mayor of Guayaquil Aquiles Álvarez was charged.", &[("Aquiles Álvarez", "Aquiles Álvarez")]);
    expect_people("O governador do Rio de Janeiro Cláudio Castro defendeu a operação.", &[("Cláudio Castro", "Cláudio Castro")]);
    // Without an office before it, a place opening a run is no cue.
    assert!(people("Ayer en Tamaulipas Tomás Yarrington habló.").iter().all(|(s, _)| !s.starts_with("Tamaulipas")));
}

#[test]
fn a_run_of_words_all_skipped_reads_no_office_place() {
    // Found by `vocabulary_soup_never_panics`: every word of the last run is skippable, so the
    // name would start past the end of the text.
    let text = "Gen.  Policía the (. for, ’s. dissidents  dissidents  \", de las \"  Belgian ÚSUGA Chapo Vries\nmexicanos, El";
    for finder in [discover::persons::find, discover::agencies::find, discover::unnamed::find] {
        for f in run(text, finder) {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end) && f.start <= f.end);
        }
    }
}
