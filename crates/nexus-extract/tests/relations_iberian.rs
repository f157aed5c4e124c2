//! Spanish and Portuguese relation vocabulary (data/relations/triggers.tsv and cues.tsv, the
//! `es/pt` blocks): agreement forms, article contractions and the tenses and nouns that reporting
//! in those languages uses. Each sentence is written for this test and relies on a phrase from
//! those blocks, so it fails without them.

mod support;
use support::*;

/// Asserts that `text` states `s p o`.
#[track_caller]
fn states(text: &str, s: &str, p: &str, o: &str) {
    let x = extract(text);
    let t = triples(&x);
    assert!(t.iter().any(|(a, b, c)| a == s && b == p && c == o), "no {s} {p} {o} in {t:?}\n  {text}");
}

#[test]
fn spanish_expansion_perfect() {
    states("El Tren de Aragua se ha expandido hacia Chile en los últimos años.", "Tren de Aragua", "operates_in", "Chile");
}

#[test]
fn portuguese_operates_from() {
    states("O Comando Vermelho atua a partir de Manaus, segundo a polícia.", "Comando Vermelho", "operates_in", "Manaus");
}

#[test]
fn spanish_rivalry_noun() {
    states(
        "Los Choneros mantienen una rivalidad con Los Lobos por el control de las cárceles.",
        "Los Choneros",
        "conflicts_with",
        "Los Lobos",
    );
}

#[test]
fn portuguese_rivalry_noun() {
    states(
        "O Primeiro Comando da Capital tem rivalidade com o Comando Vermelho nas prisões.",
        "Primeiro Comando da Capital",
        "conflicts_with",
        "Comando Vermelho",
    );
}

#[test]
fn spanish_allied_with_contraction() {
    states(
        "Los Lobos, aliados del Cártel Jalisco Nueva Generación, controlan las rutas del sur.",
        "Los Lobos",
        "cooperates_with",
        "Cártel de Jalisco Nueva Generación",
    );
}

#[test]
fn portuguese_joint_work() {
    states(
        "A Polícia Federal, em conjunto com a Receita Federal, fiscalizou os contêineres.",
        "Polícia Federal",
        "cooperates_with",
        "Receita Federal",
    );
}

#[test]
fn spanish_attached_unit() {
    states(
        "La DIJIN, adscrita a la Policía Nacional de Colombia, dirigió la investigación.",
        "Dirección de Investigación Criminal e INTERPOL",
        "part_of",
        "Policía Nacional de Colombia",
    );
}

#[test]
fn spanish_moved_participle_with_cues() {
    states("La cocaína era trasladada desde Tumaco hacia Guatemala en lanchas rápidas.", "Tumaco", "ships_to", "Guatemala");
}

#[test]
fn portuguese_forwarded_participle() {
    states("A droga era reenviada de Lomé para Lisboa em contêineres de frutas.", "Lomé", "ships_to", "Lisbon");
}

#[test]
fn portuguese_onward_destination() {
    states("A cocaína saiu de Paranaguá e seguiria para Antuérpia.", "Paranaguá", "ships_to", "Antwerp");
}

#[test]
fn spanish_arrest_participle() {
    states(
        "Ramiro Esteban Quintero Lozada fue detenido por la Policía Nacional del Perú en Tumbes.",
        "Policía Nacional del Perú",
        "arrested",
        "Ramiro Esteban Quintero Lozada",
    );
}

#[test]
fn portuguese_arrest_participle() {
    states(
        "Márcio Henrique Lopes Vieira foi preso pela Polícia Federal em Santos.",
        "Polícia Federal",
        "arrested",
        "Márcio Henrique Lopes Vieira",
    );
}

#[test]
fn spanish_charge_participle() {
    states(
        "Juan Pablo Herrera Salazar fue imputado por la Fiscalía General de la Nación en Bogotá.",
        "Fiscalía General de la Nación",
        "indicted",
        "Juan Pablo Herrera Salazar",
    );
}

#[test]
fn portuguese_killing_participle() {
    states(
        "Paulo Roberto Nogueira Campos foi assassinado pelo Comando Vermelho em Manaus.",
        "Comando Vermelho",
        "killed",
        "Paulo Roberto Nogueira Campos",
    );
}

#[test]
fn spanish_levy_on_an_activity() {
    states("Los Lobos imponen cuotas a la minería ilegal de oro en Azuay.", "Los Lobos", "taxes", "illegal mining");
}

#[test]
fn portuguese_extortion_imperfect() {
    states("O Comando Vermelho extorquia o garimpo ilegal em Roraima.", "Comando Vermelho", "taxes", "illegal mining");
}

#[test]
fn portuguese_tolls_plural() {
    states("O Comando Vermelho cobra pedágios do tráfico de drogas no rio Solimões.", "Comando Vermelho", "taxes", "drug trafficking");
}

#[test]
fn spanish_sowing_verb() {
    states("Bolivia siembra hoja de coca en los Yungas.", "Bolivia", "produces", "coca leaf");
}

#[test]
fn portuguese_destroyed_by_burning() {
    states("A Polícia Federal incinerou duas toneladas de maconha em Ponta Porã.", "Polícia Federal", "seized", "cannabis");
}

#[test]
fn spanish_leader_at_the_head() {
    states(
        "Fausto Ramiro Medina Toala, al frente de Los Tiguerones, fue trasladado a otra cárcel.",
        "Fausto Ramiro Medina Toala",
        "leads",
        "Los Tiguerones",
    );
}

#[test]
fn portuguese_leader_at_the_head() {
    states(
        "Marcos Antônio Rezende Pires, à frente do Comando Vermelho, fugiu.",
        "Marcos Antônio Rezende Pires",
        "leads",
        "Comando Vermelho",
    );
}

#[test]
fn spanish_control_preterite() {
    states("El Clan del Golfo dominó Urabá durante una década.", "Clan del Golfo", "operates_in", "Urabá");
}

#[test]
fn portuguese_control_imperfect() {
    states("O Comando Vermelho dominava Manaus antes de 2015.", "Comando Vermelho", "operates_in", "Manaus");
}

#[test]
fn portuguese_activity_noun() {
    states("A 'Ndrangheta, com atuação em Antuérpia, comprava a droga.", "'Ndrangheta", "operates_in", "Antwerp");
}

#[test]
fn spanish_buying_is_trafficking() {
    states("El Cártel de Sinaloa compró cocaína en Colombia.", "Cártel de Sinaloa", "traffics", "cocaine");
}

#[test]
fn spanish_came_from_then_arrived() {
    states("La pasta básica provenía de Puno y llegaba a Cochabamba.", "Puno", "ships_to", "Cochabamba");
}

/// How a group pays for itself names what it does, in the three languages; a state funding the
/// fight against an activity does not engage in it.
#[test]
fn self_financing_names_the_activity() {
    states(
        "The 400 Mawozo gang has financed itself through kidnappings for ransom and extortion.",
        "400 Mawozo",
        "engages_in",
        "kidnapping",
    );
    states(
        "El ELN se financia con la extorsión y el narcotráfico en Arauca.",
        "Ejército de Liberación Nacional",
        "engages_in",
        "extortion",
    );
    states("O Comando Vermelho se financia com o tráfico de drogas e a extorsão.", "Comando Vermelho", "engages_in", "drug trafficking");
    let t = triples(&extract("Estados Unidos financia la lucha contra el narcotráfico."));
    assert!(!t.iter().any(|(s, p, _)| s == "United States" && p == "engages_in"), "{t:?}");
}

/// A departure may say how before where from: "sale en lanchas desde", "sai em navios de".
#[test]
fn departures_name_the_means_before_the_origin() {
    states("En Ecuador, la droga sale en lanchas desde Guayaquil hacia Amberes.", "Guayaquil", "ships_to", "Antwerp");
    states("No Brasil, a cocaína sai em navios de Santos para Roterdã.", "Santos", "ships_to", "Rotterdam");
    let t = triples(&extract("El ministro sale en televisión desde Quito para hablar de Guayaquil."));
    assert!(!t.iter().any(|(_, p, _)| p == "ships_to"), "{t:?}");
}

/// Portuguese "No" before a name is "in the", not a negation; Spanish "no" before a verb is.
#[test]
fn portuguese_no_before_a_name_is_not_a_negation() {
    let x = extract("No Brasil, a cocaína sai de Santos para Roterdã.");
    let r = find(&x, "Santos", "ships_to", "Rotterdam");
    assert!(!r.qualifiers.negated, "{r:?}");
    let x = extract("El PCC no opera en Bolivia, según la policía.");
    assert!(find(&x, "Primeiro Comando da Capital", "operates_in", "Bolivia").qualifiers.negated);
}

/// "la mayor parte de", "buena parte de", "a maior parte da" measure a share: "parte de" alone
/// is neither membership nor a departure ("Paraguay produce la mayor parte de la marihuana" was
/// read as Paraguay exporting it).
#[test]
fn a_share_is_not_a_part_or_a_departure() {
    states("Paraguay produce la mayor parte de la marihuana de la región.", "Paraguay", "produces", "cannabis");
    let t = triples(&extract("Paraguay produce la mayor parte de la marihuana de la región."));
    assert!(!t.iter().any(|(_, p, _)| p == "exports" || p == "ships_to"), "{t:?}");
    // The membership phrases stay.
    states("El Frente 33 forma parte de las disidencias de las FARC.", "Frente 33", "part_of", "FARC dissidents");
}
