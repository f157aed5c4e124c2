//! Arrests and seizures told in the passive with no agent take the agency the document named
//! as the doer of its operation — only when that reading is safe. Sentences are written for
//! these tests, in English, Spanish and Portuguese.

mod support;
use support::*;

fn arrests(x: &nexus_extract::Extraction) -> Vec<(String, String, String)> {
    triples(x).into_iter().filter(|(_, p, _)| p == "arrested").collect()
}

#[test]
fn a_passive_arrest_takes_the_operation_agency() {
    let x = extract(
        "The Guardia Civil seized 400 kilograms of cocaine hidden in a shipment of pineapples in Algeciras. \
         During the operation, two men were arrested: Carlos Alberto Mendoza Ruiz, 41, a boat captain; and Javier Ortega Salinas, 35.",
    );
    assert_has(&x, "Guardia Civil", "arrested", "Carlos Alberto Mendoza Ruiz");
    assert_has(&x, "Guardia Civil", "arrested", "Javier Ortega Salinas");
}

#[test]
fn a_portuguese_list_after_a_colon_keeps_going_past_a_description() {
    let x = extract(
        "A Polícia Federal apreendeu 800 quilos de cocaína no porto de Paranaguá. \
         Na ação, foram presos três homens: Marcos Antônio Ribeiro, 33, apontado como chefe do grupo; \
         Paulo César Nogueira, 47, motorista; e Ricardo Alves Pimenta, 29.",
    );
    for who in ["Marcos Antônio Ribeiro", "Paulo César Nogueira", "Ricardo Alves Pimenta"] {
        assert_has(&x, "Polícia Federal", "arrested", who);
    }
}

#[test]
fn an_agency_acting_through_its_unit_did_it_too() {
    let x = extract(
        "La Policía Boliviana, a través de la Fuerza Especial de Lucha Contra el Narcotráfico (FELCN), incautó 900 kilos de cocaína en Santa Cruz. \
         Fueron detenidos dos choferes: Julio Quispe Mamani y Luis Huamán Torres.",
    );
    assert_has(&x, "Policía Boliviana", "arrested", "Julio Quispe Mamani");
    assert_has(&x, "Fuerza Especial de Lucha Contra el Narcotráfico", "arrested", "Luis Huamán Torres");
}

#[test]
fn a_passive_seizure_takes_the_operation_agency() {
    let x =
        extract("A Marinha do Brasil prendeu quatro pessoas em Coari. Foram apreendidos 300 quilos de cocaína e 50 quilos de mercúrio.");
    assert_has(&x, "Marinha do Brasil", "seized", "cocaine");
    assert_has(&x, "Marinha do Brasil", "seized", "mercury");
}

#[test]
fn no_agency_is_guessed_when_the_reading_is_unsafe() {
    // No doer in the document.
    let x = extract("Two men were arrested: Carlos Alberto Mendoza Ruiz and Javier Ortega Salinas.");
    assert!(arrests(&x).is_empty(), "{:?}", arrests(&x));
    // Two operations by different agencies: whose arrests these are is a guess.
    let x = extract(
        "The Guardia Civil seized 400 kilograms of cocaine in Algeciras. \
         In a separate case, the National Crime Agency seized 2 tonnes of cocaine in Southampton. \
         Two men were arrested: Carlos Alberto Mendoza Ruiz and Javier Ortega Salinas.",
    );
    assert!(arrests(&x).is_empty(), "{:?}", arrests(&x));
    // Another agency named beside the arrest.
    let x = extract(
        "The Guardia Civil seized 400 kilograms of cocaine in Algeciras. \
         Carlos Alberto Mendoza Ruiz was later arrested and handed over to the National Crime Agency.",
    );
    assert!(!has(&x, "Guardia Civil", "arrested", "Carlos Alberto Mendoza Ruiz"), "{:?}", triples(&x));
    // An arrest dated in another year is another event.
    let x = extract(
        "In March 2023, the Guardia Civil seized 400 kilograms of cocaine in Algeciras. \
         In 2019, Carlos Alberto Mendoza Ruiz was arrested in Cádiz.",
    );
    assert!(arrests(&x).is_empty(), "{:?}", arrests(&x));
    // "The drugs were found …" restates the seizure told before.
    let x = extract("The Guardia Civil arrested Carlos Alberto Mendoza Ruiz in Algeciras. The drugs were found in a truck.");
    assert!(!has(&x, "Guardia Civil", "seized", "drugs"), "{:?}", triples(&x));
}

fn charges(x: &nexus_extract::Extraction) -> Vec<(String, String, String)> {
    triples(x).into_iter().filter(|(_, p, _)| p == "indicted").collect()
}

#[test]
fn a_roster_of_defendants_takes_the_agency_that_charged_them() {
    let x = extract(
        "The Fiscalía General de la Nación charged four members of the Clan del Golfo on Monday. \
         The defendants are Carlos Alberto Mendoza Ruiz, 41, alleged financial chief of the network; and Javier Ortega Salinas, 35.",
    );
    assert_has(&x, "Fiscalía General de la Nación", "indicted", "Carlos Alberto Mendoza Ruiz");
    assert_has(&x, "Fiscalía General de la Nación", "indicted", "Javier Ortega Salinas");
    // The people counted as members of the gang are the roster's people.
    assert_has(&x, "Carlos Alberto Mendoza Ruiz", "member_of", "Clan del Golfo");
    assert_has(&x, "Javier Ortega Salinas", "member_of", "Clan del Golfo");
}

#[test]
fn a_roster_gives_no_membership_when_the_charge_counted_none() {
    let x = extract(
        "The Fiscalía General de la Nación charged four people in Medellín on Monday, months after the Clan del Golfo lost a shipment. \
         The defendants are Carlos Alberto Mendoza Ruiz, 41; and Javier Ortega Salinas, 35.",
    );
    assert_has(&x, "Fiscalía General de la Nación", "indicted", "Carlos Alberto Mendoza Ruiz");
    assert!(!has(&x, "Carlos Alberto Mendoza Ruiz", "member_of", "Clan del Golfo"), "{:?}", triples(&x));
}

#[test]
fn a_bulleted_roster_after_a_colon_gives_each_item_its_person() {
    let x = extract(
        "O Ministério Público Federal denunciou cinco integrantes do Primeiro Comando da Capital.\n\n\
         Os denunciados são:\n\n\
         - Marcos Antônio Ribeiro, 33, apontado como chefe do grupo.\n\
         - Paulo César Nogueira, 47, motorista.\n",
    );
    assert_has(&x, "Ministério Público Federal", "indicted", "Marcos Antônio Ribeiro");
    assert_has(&x, "Ministério Público Federal", "indicted", "Paulo César Nogueira");
    assert_has(&x, "Paulo César Nogueira", "member_of", "Primeiro Comando da Capital");
}

#[test]
fn no_roster_is_read_without_its_words_or_its_doer() {
    // A roster in a document where no agency charged anyone.
    let x = extract("Los imputados son: Carlos Alberto Mendoza Ruiz, de 41 años; y Javier Ortega Salinas, de 35 años.");
    assert!(charges(&x).is_empty(), "{:?}", charges(&x));
    // A bulleted list not announced as a roster.
    let x = extract(
        "O Ministério Público Federal denunciou cinco integrantes do Primeiro Comando da Capital.\n\n\
         Os investigadores ouviram:\n\n\
         - Marcos Antônio Ribeiro, 33, motorista.\n",
    );
    assert!(!has(&x, "Ministério Público Federal", "indicted", "Marcos Antônio Ribeiro"), "{:?}", triples(&x));
    // Another agency named in the roster's sentence.
    let x = extract(
        "The Fiscalía General de la Nación charged four members of the Clan del Golfo on Monday. \
         The defendants are Carlos Alberto Mendoza Ruiz and Javier Ortega Salinas, according to the Policía Nacional de Colombia.",
    );
    assert!(charges(&x).iter().all(|(_, _, o)| o != "Javier Ortega Salinas"), "{:?}", charges(&x));
}

#[test]
fn a_reciprocal_predicate_relates_its_coordinated_subjects() {
    let x = extract("Police say Los Choneros and Los Lobos are fighting over the port of Guayaquil.");
    assert_has(&x, "Los Choneros", "conflicts_with", "Los Lobos");
    let x = extract("Segundo a polícia, o Comando Vermelho e a Família do Norte disputam a rota do Solimões.");
    assert_has(&x, "Comando Vermelho", "conflicts_with", "Família do Norte");
    let x = extract("El Cártel de Sinaloa y el Clan del Golfo mantienen una alianza desde hace una década.");
    assert_has(&x, "Cártel de Sinaloa", "cooperates_with", "Clan del Golfo");
    // A second party after the words: the plain verb reading, not the pair before.
    let x = extract("Los Tiguerones, con presencia en Esmeraldas, están en guerra con Los Choneros.");
    assert_has(&x, "Los Tiguerones", "conflicts_with", "Los Choneros");
    // One subject only: no pair.
    let x = extract("Los Lobos se disputan el control de las cárceles de Guayaquil.");
    assert!(!triples(&x).iter().any(|(_, p, _)| p == "conflicts_with"), "{:?}", triples(&x));
}

#[test]
fn both_parties_of_a_joint_action_acted() {
    let x = extract(
        "Em março, uma ação conjunta da Polícia Federal com a Marinha do Brasil interceptou perto de Tefé um barco com 500 quilos de cocaína.",
    );
    assert_has(&x, "Polícia Federal", "seized", "cocaine");
    assert_has(&x, "Marinha do Brasil", "seized", "cocaine");
    assert_has(&x, "Polícia Federal", "cooperates_with", "Marinha do Brasil");
    // Not joint: the agency before "with" is not a doer of the act.
    let x = extract("The Guardia Civil met with the Policía Nacional de España, which seized 500 kilograms of cocaine in Vigo.");
    assert!(!has(&x, "Guardia Civil", "seized", "cocaine"), "{:?}", triples(&x));
}
