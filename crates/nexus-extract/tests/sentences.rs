//! The sentence splitter: hand-written cases in English, Spanish and Portuguese, properties on
//! arbitrary text, and the demo corpus.

use nexus_extract::sentences::{sentence_at, split};
use proptest::prelude::*;
use std::path::Path;

fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|r| &text[r]).collect()
}

/// Each case: the text, then the sentences it must split into.
#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(sentences(text), expected, "in {text:?}");
}

#[test]
fn english() {
    check("The cartel moved cocaine. The police seized it.", &["The cartel moved cocaine.", "The police seized it."]);
    check("Did they? Yes! They did.", &["Did they?", "Yes!", "They did."]);
    check("Was it them?! Nobody knows.", &["Was it them?!", "Nobody knows."]);
    check("Dr. Smith met Mr. Jones and Mrs. Brown.", &["Dr. Smith met Mr. Jones and Mrs. Brown."]);
    check("Gen. Ruiz and Col. Pérez met Lt. Gómez and Sgt. Díaz.", &["Gen. Ruiz and Col. Pérez met Lt. Gómez and Sgt. Díaz."]);
    check("Gov. Abbott and Sen. Cruz spoke with Rep. Salazar.", &["Gov. Abbott and Sen. Cruz spoke with Rep. Salazar."]);
    check("Journalist Peter R. de Vries was shot in Amsterdam.", &["Journalist Peter R. de Vries was shot in Amsterdam."]);
    check("Judge Dora L. Irizarry presided. J. Smith testified.", &["Judge Dora L. Irizarry presided.", "J. Smith testified."]);
    check("J. A. Smith and J.R.R. Tolkien wrote.", &["J. A. Smith and J.R.R. Tolkien wrote."]);
    check("They seized 7.6 metric tons. It was a record.", &["They seized 7.6 metric tons.", "It was a record."]);
    check("Prices rose 3.5% in 2022. Seizures fell.", &["Prices rose 3.5% in 2022.", "Seizures fell."]);
    check("It was moved to the U.S. The next shipment went to Spain.", &["It was moved to the U.S.", "The next shipment went to Spain."]);
    check("The U.S. Coast Guard and U.S. Attorney Smith said so.", &["The U.S. Coast Guard and U.S. Attorney Smith said so."]);
    check("He flew to the U.S. He was arrested there.", &["He flew to the U.S.", "He was arrested there."]);
    check("The U.N. Office on Drugs and Crime reported it.", &["The U.N. Office on Drugs and Crime reported it."]);
    check(
        "He was extradited to Washington, D.C. In 2023 he pleaded guilty.",
        &["He was extradited to Washington, D.C.", "In 2023 he pleaded guilty."],
    );
    check("See case No. 5 and Nos. 6 and 7. Then read it.", &["See case No. 5 and Nos. 6 and 7.", "Then read it."]);
    check("Revista Andina 11, no. 2 (2020): 45–68.", &["Revista Andina 11, no. 2 (2020): 45–68."]);
    check("Drugs, guns, etc. The list is long.", &["Drugs, guns, etc.", "The list is long."]);
    check("Drugs, guns, etc. are seized daily.", &["Drugs, guns, etc. are seized daily."]);
    check("Ports (e.g. Guayaquil) and cities, i.e. hubs.", &["Ports (e.g. Guayaquil) and cities, i.e. hubs."]);
    check("United States vs. Guzmán was tried in Brooklyn.", &["United States vs. Guzmán was tried in Brooklyn."]);
    check("Acme Inc. The company denied it.", &["Acme Inc.", "The company denied it."]);
    check("Shenzhen Trading Co. Ltd. shipped the precursors.", &["Shenzhen Trading Co. Ltd. shipped the precursors."]);
    check("On Jan. 5 he was arrested.", &["On Jan. 5 he was arrested."]);
    check("He said, \"We will win.\" Then he left.", &["He said, \"We will win.\"", "Then he left."]);
    check("He said, “We will win.” Then he left.", &["He said, “We will win.”", "Then he left."]);
    check("His alias was \"El Chapo.\" The indictment says so.", &["His alias was \"El Chapo.\"", "The indictment says so."]);
    check("The group grew (see below.) It then split.", &["The group grew (see below.)", "It then split."]);
    check("He waited... and waited. Nothing… Then a call.", &["He waited... and waited.", "Nothing…", "Then a call."]);
    check("The port is in Trujillo.2 Next year it will grow.", &["The port is in Trujillo.2", "Next year it will grow."]);
    check("Coca grew in Peru.² Prices fell.", &["Coca grew in Peru.²", "Prices fell."]);
    check("Coca grew in Peru.[12] Prices fell.", &["Coca grew in Peru.[12]", "Prices fell."]);
    check("Visit www.unodc.org for data. It is free.", &["Visit www.unodc.org for data.", "It is free."]);
    check("The shipment left at 9 p.m. Monday and arrived.", &["The shipment left at 9 p.m. Monday and arrived."]);
    check("Operation Nemesis ended in 2019. 2020 was quieter.", &["Operation Nemesis ended in 2019.", "2020 was quieter."]);
    check("World War II. The aftermath.", &["World War II.", "The aftermath."]);
}

#[test]
fn spanish() {
    check(
        "La Fiscalía imputó cargos. Los procesados fueron capturados.",
        &["La Fiscalía imputó cargos.", "Los procesados fueron capturados."],
    );
    check("¿Quién manda? ¡Nadie lo sabe! Así es.", &["¿Quién manda?", "¡Nadie lo sabe!", "Así es."]);
    check("¿Quién manda? —preguntó él.", &["¿Quién manda? —preguntó él."]);
    check("El Sr. Pérez y la Sra. Gómez llegaron con la Srta. Ruiz.", &["El Sr. Pérez y la Sra. Gómez llegaron con la Srta. Ruiz."]);
    check("La Dra. Ruiz y el Lic. Gómez hablaron con el Ing. Díaz.", &["La Dra. Ruiz y el Lic. Gómez hablaron con el Ing. Díaz."]);
    check("El Gral. Mora, el Cnel. Ríos, el Tte. Sosa y el Sgto. Paz.", &["El Gral. Mora, el Cnel. Ríos, el Tte. Sosa y el Sgto. Paz."]);
    check("La droga salió hacia EE.UU. El cargamento fue incautado.", &["La droga salió hacia EE.UU.", "El cargamento fue incautado."]);
    check("La droga salió hacia EE. UU. El cargamento fue incautado.", &["La droga salió hacia EE. UU.", "El cargamento fue incautado."]);
    check("Las autoridades de EE. UU. y de México cooperaron.", &["Las autoridades de EE. UU. y de México cooperaron."]);
    check("Se incautaron 1.200,5 kilos de cocaína. Fue un récord.", &["Se incautaron 1.200,5 kilos de cocaína.", "Fue un récord."]);
    check("Vive en la Av. Quito, núm. 12, pág. 4 del expediente.", &["Vive en la Av. Quito, núm. 12, pág. 4 del expediente."]);
    check("Pesaba aprox. tres toneladas. Luego desapareció.", &["Pesaba aprox. tres toneladas.", "Luego desapareció."]);
    check("Minera del Sur S.A. La empresa negó los cargos.", &["Minera del Sur S.A.", "La empresa negó los cargos."]);
    check(
        "Exportadora Andina S.A.C. y Transportes Lima S.R.L. fueron multadas.",
        &["Exportadora Andina S.A.C. y Transportes Lima S.R.L. fueron multadas."],
    );
    check("Dijo: «Vamos a ganar.» Después se fue.", &["Dijo: «Vamos a ganar.»", "Después se fue."]);
    check("Ud. y Uds. saben que la Cía. Ltda. existe.", &["Ud. y Uds. saben que la Cía. Ltda. existe."]);
    check("Bogotá D.C., 9 de octubre de 2023. La Fiscalía habló.", &["Bogotá D.C., 9 de octubre de 2023.", "La Fiscalía habló."]);
    check("Armas, drogas, etc. Todo fue decomisado.", &["Armas, drogas, etc.", "Todo fue decomisado."]);
}

#[test]
fn portuguese() {
    check(
        "A Polícia Federal prendeu três pessoas. A carga seguia para Roterdã.",
        &["A Polícia Federal prendeu três pessoas.", "A carga seguia para Roterdã."],
    );
    check("O Sr. Silva e a Sra. Souza depuseram ao Dr. Lima.", &["O Sr. Silva e a Sra. Souza depuseram ao Dr. Lima."]);
    check("A Dr.ª Costa ouviu o Gen. Heleno e o Cel. Santos.", &["A Dr.ª Costa ouviu o Gen. Heleno e o Cel. Santos."]);
    check(
        "Rotas fluviais, p. ex. o Solimões, são usadas. Isso preocupa.",
        &["Rotas fluviais, p. ex. o Solimões, são usadas.", "Isso preocupa."],
    );
    check(
        "Foram apreendidas 2,5 t de cocaína. O valor é de R$ 1.500.000,00.",
        &["Foram apreendidas 2,5 t de cocaína.", "O valor é de R$ 1.500.000,00."],
    );
    check(
        "Segundo o processo nº 123, a empresa Ouro Fino Ltda. lavava dinheiro. Ela nega.",
        &["Segundo o processo nº 123, a empresa Ouro Fino Ltda. lavava dinheiro.", "Ela nega."],
    );
    check("O caso chegou aos EUA. Em 2022 houve nova operação.", &["O caso chegou aos EUA.", "Em 2022 houve nova operação."]);
    check("Ele disse: “Não sabemos.” Depois saiu.", &["Ele disse: “Não sabemos.”", "Depois saiu."]);
    check(
        "A operação começou em 2021 (ver pág. 12). Continuou até 2023.",
        &["A operação começou em 2021 (ver pág. 12).", "Continuou até 2023."],
    );
}

#[test]
fn lines_headings_and_lists() {
    check("Heading Without Period\n\nBody text here. More.", &["Heading Without Period", "Body text here.", "More."]);
    check(
        "Belgian investigators have seized 8,000 kilograms of cocaine hidden in\ncontainers of bananas.",
        &["Belgian investigators have seized 8,000 kilograms of cocaine hidden in\ncontainers of bananas."],
    );
    check(
        "The drugs had departed from the port of Guayaquil in Ecuador and from\nCartagena in Colombia.",
        &["The drugs had departed from the port of Guayaquil in Ecuador and from\nCartagena in Colombia."],
    );
    check(
        "U.S. DEPARTMENT OF JUSTICE\nOffice of Public Affairs\n\nFOR IMMEDIATE RELEASE",
        &["U.S. DEPARTMENT OF JUSTICE", "Office of Public Affairs", "FOR IMMEDIATE RELEASE"],
    );
    check(
        "The defendants are:\n- Juan Pérez, 44\n- María Gómez, 36\n\nThey face trial.",
        &["The defendants are:", "- Juan Pérez, 44", "- María Gómez, 36", "They face trial."],
    );
    check(
        "Findings\n1. Coca cultivation rose\n2. Seizures fell\n\nDetails follow.",
        &["Findings", "1. Coca cultivation rose", "2. Seizures fell", "Details follow."],
    );
    check(
        "Notes\n\n1 DEVIDA, Monitoreo (Lima, 2023), 14–17.\n2 Carlos Tapia, \"Los herederos,\" Revista 11, no. 2 (2020).",
        &["Notes", "1 DEVIDA, Monitoreo (Lima, 2023), 14–17.", "2 Carlos Tapia, \"Los herederos,\" Revista 11, no. 2 (2020)."],
    );
    check("IV. Results\n\nSeizures rose.", &["IV. Results", "Seizures rose."]);
    check("Options:\n(a) extradite\n(b) try locally", &["Options:", "(a) extradite", "(b) try locally"]);
    check("  \n\n  ", &[]);
    check("", &[]);
    check("No punctuation at all", &["No punctuation at all"]);
}

#[test]
fn sentence_at_finds_the_containing_sentence() {
    let text = "First one. Second one.\n\nThird.";
    let s = split(text);
    assert_eq!(s.len(), 3);
    assert_eq!(sentence_at(&s, 0), Some(0..10));
    assert_eq!(sentence_at(&s, 12).map(|r| &text[r]), Some("Second one."));
    assert_eq!(sentence_at(&s, 10), None, "the space between sentences belongs to none");
    assert_eq!(sentence_at(&s, text.len() - 1).map(|r| &text[r]), Some("Third."));
    assert_eq!(sentence_at(&s, text.len()), None);
    assert_eq!(sentence_at(&[], 3), None);
}

/// The invariants every split keeps.
fn well_formed(text: &str) -> Result<(), TestCaseError> {
    let ranges = split(text);
    let mut last = 0;
    for r in &ranges {
        prop_assert!(r.start < r.end && r.end <= text.len(), "{r:?} out of bounds");
        prop_assert!(r.start >= last, "{r:?} overlaps or is out of order");
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} splits a character");
        let s = &text[r.clone()];
        prop_assert_eq!(s, s.trim(), "not trimmed");
        prop_assert!(text[last..r.start].trim().is_empty(), "text dropped before {:?}", r);
        last = r.end;
    }
    prop_assert!(text[last..].trim().is_empty(), "text dropped at the end");
    Ok(())
}

/// Pieces that exercise every rule, for texts more interesting than arbitrary characters.
const PIECES: &[&str] = &[
    "U.S.", "EE. UU.", "Dr.", "no.", "No. 5", "etc.", "e.g.", " ", "\n", "\n\n", ". ", "? ", "!", "…", "...", "”", "\"", "»", "(", ")",
    "¿", "¡", "7.6", "1.200,5", "word", "Word", "The", "El", "é", "R.", "2", "²", "[3]", "- ", "1. ", "IV.", "\t", "\u{a0}", "😀",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_is_split_well(text in "\\PC*") {
        well_formed(&text)?;
    }

    #[test]
    fn any_characters_never_panic(text in any::<String>()) {
        well_formed(&text)?;
    }

    #[test]
    fn texts_made_of_tricky_pieces_are_split_well(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
        well_formed(&pieces.concat())?;
    }

    #[test]
    fn sentence_at_agrees_with_split(text in "[A-Za-z. \n?!]{0,80}", offset in 0usize..90) {
        let ranges = split(&text);
        let expected = ranges.iter().find(|r| r.contains(&offset)).cloned();
        prop_assert_eq!(sentence_at(&ranges, offset), expected);
    }
}

/// Abbreviations that never end a sentence in the demo corpus unless a sentence starter follows.
const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.N.", "EE.UU.", "EE. UU.", "Dr.", "Dra.", "Mr.", "Mrs.", "Ms.", "Gen.", "Col.", "Lt.", "Sgt.", "Gov.", "Sen.", "Rep.", "No.",
    "no.", "Nos.", "St.", "Sr.", "Sra.", "Gral.", "Cnel.", "Tte.", "Lic.", "Ing.", "Av.", "e.g.", "i.e.", "vs.", "núm.", "pág.", "nº.",
    "S.A.", "D.C.",
];
const STARTERS: &[&str] = &["The", "In", "He", "She", "It", "They", "A", "El", "La", "Los", "Las", "En", "O", "Em", "As", "Os"];

#[test]
fn demo_corpus_splits_without_breaking_abbreviations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("demo corpus").filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let (mut docs, mut total) = (0, 0);
    let mut report = String::new();
    for path in &paths {
        let doc = nexus_ingest::read_file(path, &Default::default()).expect("demo document reads");
        for text in [doc.text.as_str(), &doc.extraction_text()] {
            let ranges = split(text);
            well_formed(text).expect("well formed");
            for pair in ranges.windows(2) {
                let (this, next) = (&text[pair[0].clone()], &text[pair[1].clone()]);
                let ends_with_word =
                    |a: &str| this.strip_suffix(a).is_some_and(|head| !head.ends_with(|c: char| c.is_alphanumeric() || c == '.'));
                if let Some(abbr) = ABBREVIATIONS.iter().find(|a| ends_with_word(a)) {
                    let first = next.split_whitespace().next().unwrap_or("");
                    let paragraph = text[pair[0].end..pair[1].start].contains("\n\n");
                    assert!(
                        paragraph || STARTERS.contains(&first),
                        "{}: sentence ends at {abbr:?} before {first:?}: {this:?}",
                        path.display()
                    );
                }
                // A sentence opening with a lower-case letter was cut in the middle.
                assert!(!next.starts_with(char::is_lowercase), "{}: {next:?} starts in lower case after {this:?}", path.display());
            }
            total += ranges.len();
            if std::env::var_os("NEXUS_PRINT_SENTENCES").is_some() {
                report.push_str(&format!("=== {}\n", path.display()));
                for r in &ranges {
                    report.push_str(&format!("[{}]\n", &text[r.clone()]));
                }
            }
        }
        docs += 1;
    }
    if let Some(out) = std::env::var_os("NEXUS_PRINT_SENTENCES") {
        std::fs::write(out, report).expect("write the sentence report");
    }
    assert_eq!(docs, 31);
    assert!(total > 31 * 2 * 10, "{total} sentences in 31 documents");
}
