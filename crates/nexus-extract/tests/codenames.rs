//! An operation's codename is not a mention of what it borrows its name from: rivers, places,
//! groups. Sentences written for these tests, in en/es/pt, with the cases that must keep the
//! name: the noun in lower case in English, a preposition between, the same name elsewhere.

mod support;

/// The entities' names in `text`.
fn names(text: &str) -> Vec<String> {
    support::extract(text).entities.into_iter().map(|e| e.name).collect()
}

fn has(text: &str, name: &str) -> bool {
    names(text).iter().any(|n| n == name)
}

#[test]
fn a_name_after_an_operation_noun_is_a_codename() {
    assert!(!has("Operation Orinoco targeted shipments leaving the coast of Venezuela.", "Orinoco River"));
    assert!(!has("La Operación Huallaga permitió capturar a cinco miembros de Sendero Luminoso.", "Huallaga River"));
    assert!(!has("A Polícia Federal deflagrou a Operação Rota Caipira em Santos.", "Rota Caipira"));
    assert!(!has("El operativo «Sinaloa» dejó tres detenidos en Cúcuta.", "Sinaloa"));
    // Capitalised words of the codename before the borrowed name.
    assert!(!has("La droga cayó en el marco de la Operación Escudo Pacífico en Guayaquil.", "Pacific Ocean"));
    assert!(!has("Operation Blue Orinoco targeted shipments leaving Venezuela.", "Orinoco River"));
    assert!(has("La Operación Escudo dejó detenidos frente al Pacífico.", "Pacific Ocean"));
    // What the sentence says besides the codename stands.
    assert!(has("La Operación Huallaga permitió capturar a cinco miembros de Sendero Luminoso.", "Sendero Luminoso"));
    assert!(has("A Polícia Federal deflagrou a Operação Rota Caipira em Santos.", "Santos"));
}

#[test]
fn the_same_name_elsewhere_is_still_a_mention() {
    let text = "Operation Orinoco began in March. Cocaine moves down the Orinoco toward the Atlantic.";
    let x = support::extract(text);
    let orinoco = x.entities.iter().find(|e| e.name == "Orinoco River").expect("the river of the second sentence");
    assert_eq!(orinoco.mentions.len(), 1, "only the river, not the codename");
    assert!(orinoco.mentions[0].start > text.find("down").unwrap_or(0));
}

#[test]
fn an_operation_noun_must_stand_right_before_the_name() {
    // English writes a codename's noun capitalised: "the operation Colombia led" is the country.
    assert!(has("The joint operation Colombia led with Ecuador seized two tons of cocaine.", "Colombia"));
    assert!(has("La operación en Huallaga dejó dos detenidos.", "Huallaga River"));
}
