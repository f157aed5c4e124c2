//! How the knowledge-base matcher settles ambiguous names: each case is a sentence of report
//! prose, the knowledge-base entities it must yield (name, type), and the names it must not.

use nexus_kb::KnowledgeBase;

mod support;

fn kb() -> &'static KnowledgeBase {
    &support::finders().0
}

/// (entity name, type) for every knowledge-base mention in `text`.
fn found(text: &str) -> Vec<(String, &'static str)> {
    support::finders()
        .1
        .find(kb(), text)
        .into_iter()
        .map(|x| {
            let e = &kb().entities()[x.entity];
            (e.name.clone(), e.entity_type.as_str())
        })
        .collect()
}

fn has(text: &str, name: &str, ty: &str) -> bool {
    found(text).iter().any(|(n, t)| n == name && *t == ty)
}

fn names(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn river_names_need_a_river_nearby() {
    assert!(has("Coca is grown in the Apurimac, Ene, and Mantaro river valleys of Peru.", "Ene River", "place"));
    assert!(!names("The report, by Ene Tamm, covers Estonia.").iter().any(|n| n == "Ene River"));
}

#[test]
fn surnames_are_not_cities() {
    // "Lima" inside a person's name is not the capital of Peru.
    assert!(!names("Prosecutor Marcos Lima Barreto filed the charges in Brasília.").iter().any(|n| n == "Lima"));
    assert!(has("The shipment left Lima for the port of Callao.", "Lima", "place"));
}

#[test]
fn demonyms_are_not_countries_but_support_them() {
    assert!(!names("Mexican traffickers bought the paste.").iter().any(|n| n == "Mexico"));
    // A demonym is evidence enough for the country's ambiguous regions.
    let f = names("Suppliers in the Colombian departments of Nariño and Cauca shipped it north.");
    assert!(f.contains(&"Nariño".to_owned()) && f.contains(&"Cauca".to_owned()), "{f:?}");
}

#[test]
fn a_country_name_means_the_country() {
    assert!(has("Containers transit Panama and Guatemala before reaching Mexico.", "Panama", "country"));
    assert!(has("Containers transit Panama and Guatemala before reaching Mexico.", "Guatemala", "country"));
    assert!(has("Arrests in Colombia rose.", "Colombia", "country"));
}

#[test]
fn a_rejected_long_name_leaves_the_names_inside_it() {
    assert!(has("He was extradited to the Netherlands in 2020.", "Netherlands", "country"));
}

#[test]
fn common_words_are_not_towns() {
    // Much (Germany) and Pueblo (Colorado) are towns; here they are words.
    let f = names("Much of the cocaine seized in Germany and the United States arrives by sea.");
    assert!(!f.iter().any(|n| n == "Much"), "{f:?}");
    let f = names("La Defensoría del Pueblo de Colombia y de Estados Unidos alertó.");
    assert!(!f.iter().any(|n| n == "Pueblo"), "{f:?}");
}

#[test]
fn commodities_are_common_nouns() {
    assert!(has("Miners extract gold with mercury in Madre de Dios.", "gold", "commodity"));
    assert!(has("Miners extract gold with mercury in Madre de Dios.", "mercury", "commodity"));
    assert!(!found("Judge Mercury Gold signed the order.").iter().any(|(_, t)| *t == "commodity"));
}

#[test]
fn currency_signs_are_not_countries() {
    assert!(!names("The network laundered US$20 million.").iter().any(|n| n == "United States"));
}

#[test]
fn lower_case_words_are_not_places() {
    // "El segundo" is not El Segundo, California.
    assert!(!names("El segundo cargamento llegó a Manzanillo, en México.").iter().any(|n| n == "El Segundo"));
}

#[test]
fn extraction_keeps_spans_on_the_text() {
    let text = "Sendero Luminoso taxes coca in the VRAEM; Peru's DIRANDRO seized 7.6 metric tons.";
    let x = support::extract(text);
    for e in &x.entities {
        for m in &e.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
    assert!(x.entities.iter().any(|e| e.name == "Sendero Luminoso"));
}

#[test]
fn short_port_names_need_their_country() {
    assert!(has("Cocaine leaves Peru through the ports of Callao and Paita.", "Paita", "place"));
    assert!(!names("Paita Robinson, a spokeswoman, declined to comment.").iter().any(|n| n == "Paita"));
}

#[test]
fn gulf_is_read_by_what_follows_it() {
    let f =
        found("The Gulf Cartel met in Tamaulipas. The Gulf of Mexico route is busy. The Gulf Clan controls Urabá. Ships crossed the gulf.");
    let types: Vec<&str> = f.iter().map(|(_, t)| *t).collect();
    assert_eq!(f.iter().filter(|(n, _)| n.contains("Golfo") || n.contains("Gulf")).count(), 3, "{f:?}");
    assert_eq!(types.iter().filter(|t| **t == "criminal_org").count(), 2, "{f:?}");
}

#[test]
fn a_list_can_elide_the_shared_word_of_activities() {
    let f = found("They profit from illegal mining, logging, contraband merchandise, and human trafficking.");
    assert!(f.iter().any(|(n, _)| n == "illegal logging"), "{f:?}");
    let f = found("La minería ilegal, tala y pesca ilegal crecen en la región.");
    assert!(f.iter().any(|(n, _)| n == "illegal logging"), "{f:?}");
    assert_eq!(f.iter().filter(|(n, _)| n == "illegal fishing").count(), 1, "{f:?}");
    let f = found("The illegal mining sector, workers and traders grew.");
    assert_eq!(f.len(), 1, "{f:?}");
}

/// "del Callao" holds the alias "El Callao" starting inside "del"; that rejected match must not
/// hide "Callao" itself (Spanish and Portuguese glue articles to prepositions: del, al, do, da).
#[test]
fn a_name_after_a_contracted_article_is_found() {
    let text = "Los contenedores fueron inspeccionados en el terminal portuario del Callao antes de zarpar.";
    assert_eq!(found(text).iter().filter(|(n, _)| n == "Callao").count(), 1, "{:?}", names(text));
}

#[test]
fn lower_case_words_of_a_name_are_read_as_the_name_writes_them() {
    // The "d'" and the "a" are lower case in the names themselves.
    assert!(has("Fishing boats carried the cocaine on to Ghana and Côte d'Ivoire.", "Côte d'Ivoire", "country"));
    assert!(has("Las lanchas llegaron al departamento hondureño de Gracias a Dios.", "Gracias a Dios", "place"));
    assert!(has("The boats landed in the Honduran department of Gracias a Dios last year.", "Gracias a Dios", "place"));
    // A capital the name has stays required: "côte d'ivoire" is not written so, and the phrase
    // "gracias a dios" is thanks, not the department.
    assert!(!names("He said, gracias a dios, the Honduran crew survived.").iter().any(|n| n == "Gracias a Dios"));
    assert!(!names("Gracias a dios, the Honduran crew survived.").iter().any(|n| n == "Gracias a Dios"));
    // A lower-case noun is not a link word: "Pacific route" names the ocean, not the route.
    assert!(!names("Most boats now take the Pacific route north.").iter().any(|n| n == "Pacific route"));
}

/// Spanish and Portuguese write a river's head noun first, in lower case: the whole name is the
/// river, not the state or region its second word also names.
#[test]
fn a_lower_case_river_head_before_a_name_names_the_river() {
    assert!(has("Las lanchas cruzan el río Paraná de noche hacia el lado brasileño.", "Paraná River", "place"));
    assert!(!names("Las lanchas cruzan el río Paraná de noche hacia el lado brasileño.").iter().any(|n| n == "Paraná"));
    assert!(has("As balsas descem o rio Paraná até a fronteira.", "Paraná River", "place"));
    // The state, named without the head, stays the state.
    assert!(has("A polícia do Paraná prendeu dois suspeitos em Curitiba, no sul do Brasil.", "Paraná", "place"));
    // A head alone before a lower-case word names nothing.
    assert!(!names("El río paraná es largo.").iter().any(|n| n == "Paraná River"));
    // A town named like the river ("Rio Negro", in Paraná) writes its head with a capital: the
    // lower-case head is the river even where the document names the town's country.
    let negro = "Em Manaus, a Polícia Federal apreendeu maconha numa balsa no rio Negro, vinda da Colômbia.";
    assert!(has(negro, "Negro River", "place"), "{:?}", names(negro));
}

/// A sea and a land region can share a name ("Atlántico" is also a Colombian department); an
/// article right before it makes it the sea even when the document names the region's country.
#[test]
fn an_article_before_a_shared_sea_name_means_the_sea() {
    let pt = "A carga fez escala em Cartagena, na Colômbia, antes de atravessar o Atlântico rumo a Sines.";
    assert!(has(pt, "Atlantic Ocean", "place"), "{:?}", names(pt));
    assert!(!names(pt).iter().any(|n| n == "Atlántico"));
    let es = "La policía de Colombia capturó a tres hombres en Barranquilla, Atlántico, el martes.";
    assert!(has(es, "Atlántico", "place"), "{:?}", names(es));
}

#[test]
fn haitian_departments_and_mining_cantons_are_places() {
    let text =
        "Gangs from Port-au-Prince have pushed into the Artibonite and the Centre Department, while the Nord-Est sees arms trafficking.";
    for name in ["Artibonite", "Centre (Haiti)", "Nord-Est"] {
        assert!(has(text, name, "place"), "{name}: {:?}", found(text));
    }
    // The bare French word names no department in an English sentence.
    assert!(!has("The Centre for Justice published a report on Haiti.", "Centre (Haiti)", "place"));
    let text = "Los Lobos cobra extorsiones a los mineros de Ponce Enríquez, en Azuay.";
    assert!(has(text, "Camilo Ponce Enríquez", "place"), "{:?}", found(text));
    let x = support::extract(text);
    let person = x.entities.iter().find(|e| e.name.contains("Ponce") && e.entity_type == "person");
    assert!(person.is_none(), "the canton is no person: {person:?}");
}

#[test]
fn united_nations_by_name_and_acronym_but_not_the_spanish_article() {
    assert!(has("UN officials said gangs control most of the capital.", "United Nations", "state_actor"));
    assert!(has("Según las Naciones Unidas, la cifra se duplicó.", "United Nations", "state_actor"));
    assert!(!has("Un operativo de la policía terminó con tres detenidos.", "United Nations", "state_actor"));
}

#[test]
fn an_agency_name_with_commas_is_one_name() {
    let text = "Investigators from the U.S. Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) blamed straw buyers in Florida.";
    assert!(has(text, "Bureau of Alcohol, Tobacco, Firearms and Explosives", "state_actor"), "{:?}", found(text));
    // Its words are not goods of their own.
    assert!(!found(text).iter().any(|(_, t)| *t == "commodity"), "{:?}", found(text));
}

#[test]
fn a_known_name_may_open_or_close_with_its_kind_in_lower_case() {
    // Spanish and Portuguese style: the kind first, in lower case; the cartel, not the state.
    assert!(has("Según la DEA, el cártel de Sinaloa domina el mercado.", "Cártel de Sinaloa", "criminal_org"));
    assert!(!names("Según la DEA, el cártel de Sinaloa domina el mercado.").contains(&"Sinaloa".to_owned()));
    assert!(has("O cartel de Sinaloa atua no Brasil.", "Cártel de Sinaloa", "criminal_org"));
    assert!(has("El clan del Golfo opera en Urabá.", "Clan del Golfo", "criminal_org"));
    // English: the kind last.
    assert!(has("The Litoral penitentiary is overcrowded.", "Penitenciaría del Litoral", "place"));
    assert!(has("The Gulf clan and the Sinaloa cartel fight.", "Cártel de Sinaloa", "criminal_org"));
    // Every other word keeps its capital: "la policía nacional" is no name.
    assert!(!found("La policía nacional capturó a diez personas.").iter().any(|(_, t)| *t == "state_actor"));
}

#[test]
fn acronyms_said_as_words_are_read_in_title_case_where_their_country_is_named() {
    assert!(has("En el Perú, la Dirandro incautó dos toneladas en el Callao.", "Dirección Antidrogas", "state_actor"));
    assert!(has("En México, la Sedena y la Semar desplegaron tropas.", "Secretaría de la Defensa Nacional", "state_actor"));
    assert!(has("No Brasil, a Funai e o Ibama atuam no Vale do Javari.", "Fundação Nacional dos Povos Indígenas", "state_actor"));
    // Without Colombia, "Dian" is a given name, not the tax and customs office.
    assert!(!found("Dian Fossey studied mountain gorillas in Rwanda.").iter().any(|(_, t)| *t == "state_actor"));
}

#[test]
fn people_and_groups_named_after_a_lower_case_word_the_knowledge_base_writes() {
    assert!(has("Víctor Quispe Palomino, alias camarada José, dirige el grupo.", "Víctor Quispe Palomino", "person"));
    assert!(names("El camarada José dirige el grupo.").contains(&"Víctor Quispe Palomino".to_owned()));
    assert!(has("Affiliates of al-Qaeda such as al-Shabaab tax the charcoal trade.", "al-Qaeda", "armed_group"));
    assert!(has("Affiliates of al-Qaeda such as al-Shabaab tax the charcoal trade.", "al-Shabaab", "armed_group"));
    assert!(has(
        "En Colombia, las disidencias de las Farc controlan el Catatumbo.",
        "Fuerzas Armadas Revolucionarias de Colombia – Ejército del Pueblo",
        "armed_group"
    ));
    // Not in lower case throughout, and not places: "aeropuerto de Lima" stays the cue and the city.
    assert!(names("the al-qaeda cell").is_empty(), "{:?}", found("the al-qaeda cell"));
    assert!(!has("Llegó al aeropuerto de Lima ayer.", "Jorge Chávez International Airport", "place"));
}

#[test]
fn an_article_gives_way_to_a_longer_name_after_it() {
    // The article starts a shorter name ("La Mara", "the United Nations", "La Oficina", "la
    // Familia"), but the name after it runs further.
    assert!(has("Reyes es cabecilla de la Mara Salvatrucha en el Valle de Sula.", "Mara Salvatrucha", "criminal_org"));
    assert!(has(
        "According to the United Nations Office on Drugs and Crime, coca cultivation rose.",
        "United Nations Office on Drugs and Crime",
        "state_actor"
    ));
    let f = names("La Oficina de Control de Activos Extranjeros sancionó a cinco empresas.");
    assert_eq!(f, ["Office of Foreign Assets Control"], "{f:?}");
    let f = names("Hoy la Familia do Norte domina Manaus.");
    assert!(f.contains(&"Família do Norte".to_owned()) && !f.contains(&"La Familia Michoacana".to_owned()), "{f:?}");
    // Capitalised inside a sentence, the article is the name's own.
    let f = found("Loads leave from Colombia's La Guajira peninsula.");
    assert!(f.contains(&("La Guajira".to_owned(), "place")), "{f:?}");
    assert!(has("The Gulf Clan's hold on La Guajira grew.", "La Guajira", "place"));
}

#[test]
fn a_country_s_name_before_a_region_of_another_country_is_a_town() {
    // Argelia is a municipality of Cauca; Colombia's army names the country context.
    let co = "El Ejército Nacional de Colombia atribuyó el ataque con drones en Argelia, Cauca, a las disidencias.";
    assert!(!names(co).iter().any(|n| n == "Algeria"), "{:?}", names(co));
    assert!(has(co, "Cauca", "place"));
    // A conjunction that opens a phrase of its own is no list running on.
    let on = "Los combates se registraron en Argelia, Cauca, y en El Plateado.";
    assert!(!names(on).iter().any(|n| n == "Algeria"), "{:?}", names(on));
    // A list that runs on keeps the country; a region of the same country keeps it too.
    assert!(has("Cocaine from Colombia, Peru, Cauca and Nariño reaches the coast.", "Peru", "country"));
    assert!(has("In Panama, Darién province, migrants cross the jungle.", "Panama", "country"));
}

#[test]
fn a_name_whose_readings_all_lie_in_one_country_names_that_country() {
    // "Rio de Janeiro" is a city, a state and a port, all Brazil's: it supports Brazilian
    // readings of ambiguous names such as the Maré favela complex ("maré" is the tide).
    let rio = "No Rio de Janeiro, o tráfico no Complexo da Maré é dominado por uma facção.";
    assert!(has(rio, "Maré", "place"), "{:?}", names(rio));
    // Without it, nothing says the complex is the Brazilian one.
    let bare = "O tráfico no Complexo da Maré é dominado por uma facção.";
    assert!(!has(bare, "Maré", "place"), "{:?}", names(bare));
    // One word too: "Tumaco" is a town and a port, both Colombia's, and supports "Nariño" (also a
    // surname and a town of Antioquia), which the department needs.
    let tumaco = "En Tumaco, Nariño, la Armada incautó cocaína.";
    assert!(has(tumaco, "Nariño", "place"), "{:?}", names(tumaco));
    let alone = "La violencia en Nariño crece.";
    assert!(!has(alone, "Nariño", "place"), "{:?}", names(alone));
}

#[test]
fn a_port_noun_before_a_port_s_name_supports_it() {
    // "Santos" is a surname too: alone it needs Brazil named; after "port of" it is the port.
    assert!(has("Police seized cocaine at the port of Santos.", "Santos", "place"));
    assert!(has("A carga saiu do porto de Santos.", "Santos", "place"));
    assert!(!has("The report was written by Carlos Santos.", "Santos", "place"));
    assert!(!has("Santos said the port was safe.", "Santos", "place"));
}

#[test]
fn regional_blocs_are_intergovernmental_bodies() {
    assert!(has("The EU's police agency Europol warned of a surge in arrivals.", "European Union", "state_actor"));
    assert!(has("La Unión Europea (UE) financia el programa.", "European Union", "state_actor"));
    assert!(has("A CEDEAO e a União Europeia assinaram o acordo.", "Economic Community of West African States", "state_actor"));
    assert!(has("Los países del Mercosur coordinan controles fronterizos.", "Mercosur", "state_actor"));
    // "Au" in a mining report is gold, not the African Union.
    assert!(!names("Samples graded 4 g/t Au at the Ananea pits.").iter().any(|n| n == "African Union"));
}

/// A name several countries share is read in the country its own sentence speaks of, even where
/// the document names another country more often; a later mention with no evidence of its own
/// keeps the reading its sentence settled.
#[test]
fn a_shared_name_is_read_in_the_country_of_its_sentence() {
    let id = |text: &str, name: &str| -> Vec<String> {
        support::finders()
            .1
            .find(kb(), text)
            .into_iter()
            .filter(|m| &text[m.start..m.end] == name)
            .map(|m| kb().entities()[m.entity].id.clone())
            .collect()
    };
    let text = "Mexican cartels buy cocaine in Mexico and sell it across Mexico. \
                Chilean prosecutors estimate that the gang earned $3.2 million from extortion in Santiago in 2022.";
    assert_eq!(id(text, "Santiago"), ["gn-3871336"], "Chile's capital");
    let text = "La DEA de Estados Unidos apoyó la investigación. \
                La droga iba hacia Valencia (España). El tercer envío debía desembarcar en Valencia.";
    assert_eq!(id(text, "Valencia"), ["es-valencia", "es-valencia"]);
    // Each sentence settles its own mention: Peru's province, then Colombia's department.
    let text = "En el Perú, la provincia de Putumayo, en Loreto, tiene coca. \
                En Colombia, el departamento de Putumayo también.";
    assert_eq!(id(text, "Putumayo"), ["pe-putumayo-province", "co-putumayo"]);
}
