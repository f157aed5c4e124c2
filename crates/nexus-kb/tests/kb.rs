//! The bundled knowledge base is valid, and every class of mistake in an analyst's file is
//! reported with its file and line while the rest still loads.

use nexus_kb::{EntityType, KnowledgeBase, Severity};

#[test]
fn bundled_kb_loads_without_errors_and_covers_the_field() {
    let (kb, mut diags) = KnowledgeBase::load(&[]);
    diags.extend(kb.validate());
    let errors: Vec<String> = diags.iter().filter(|d| d.severity == Severity::Error).map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{} errors, first: {:#?}", errors.len(), &errors[..errors.len().min(20)]);
    let count = |t| kb.entities().iter().filter(|e| e.entity_type == t).count();
    assert!(count(EntityType::CriminalOrg) + count(EntityType::ArmedGroup) >= 150);
    assert!(count(EntityType::StateActor) >= 80);
    assert!(count(EntityType::Country) >= 190);
    let sl = kb.entities().iter().find(|e| e.names().any(|n| n == "Shining Path")).expect("Shining Path");
    assert_eq!(sl.entity_type, EntityType::ArmedGroup);
    assert!(sl.names().any(|n| n == "Sendero Luminoso"));
    let pcc =
        kb.entities().iter().find(|e| e.acronyms.iter().any(|a| a == "PCC") && e.entity_type == EntityType::CriminalOrg).expect("PCC");
    assert!(pcc.names().any(|n| n == "First Capital Command"), "{:?}", pcc.aliases);
    let gulf = kb.entities().iter().find(|e| e.names().any(|n| n == "Urabeños")).expect("Urabeños");
    assert!(gulf.names().any(|n| n == "Clan del Golfo") && gulf.acronyms.iter().any(|a| a == "AGC"));
    let callao = kb.entities().iter().find(|e| e.name == "Callao" && e.kind.as_deref() == Some("port")).expect("port of Callao");
    assert!(callao.lat.is_some());
    assert!(kb.entities().iter().filter(|e| e.kind.as_deref() == Some("city")).count() > 10_000);
}

#[test]
fn mistakes_in_an_analyst_file_are_named_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id":"my-clan","type":"criminal_org","name":"Los Norteños del Puerto","country":"PE"}"#,
        r#"{"id":"bad","type":"cartel","name":"X"}"#,
        r#"{"id":"my-clan","type":"criminal_org","name":"Dup"}"#,
        r#"{"id":"far-away","type":"place","kind":"port","name":"Nowhere Port","lat":123.0,"lon":10.0}"#,
        r#"{"id":"Bad Id","type":"commodity","name":"widgets"}"#,
        r#"{"id":"fake-wd","type":"commodity","name":"gizmos","wikidata":"X12"}"#,
        r#"{"id":"orphan","type":"criminal_org","name":"Orphans","parent":"no-such-org","country":"ZZ"}"#,
        r#"{"id":"copy-cat","type":"armed_group","name":"Sendero Luminoso copy","aliases":{"en":["Shining Path"]}}"#,
        r#"{"id":"typo","type":"activity","name":"smuggling of things","aliase":{}}"#,
        "not json at all",
        r#"{"id":"generic-gang","type":"criminal_org","name":"the gangs","generic":true}"#,
    ];
    std::fs::write(dir.path().join("mine.jsonl"), lines.join("\n")).unwrap();
    let (kb, mut diags) = KnowledgeBase::load(&[dir.path().to_path_buf()]);
    diags.extend(kb.validate());
    let file = dir.path().join("mine.jsonl").display().to_string();
    let at = |line: usize, needle: &str| {
        assert!(
            diags.iter().any(|d| d.origin.file == file && d.origin.line == line && d.to_string().contains(needle)),
            "no diagnostic at line {line} containing '{needle}':\n{}",
            diags.iter().filter(|d| d.origin.file == file).map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    };
    at(2, "unknown variant `cartel`");
    at(3, "id 'my-clan' is already defined");
    at(4, "coordinates out of range");
    at(5, "bad id 'Bad Id'");
    at(6, "bad Wikidata id");
    at(7, "parent 'no-such-org'");
    at(7, "'ZZ' is not the ISO code");
    at(8, "'Shining Path' is also a name of");
    at(9, "unknown field `aliase`");
    at(10, "not a valid entry");
    at(11, "only a commodity can be generic");
    assert!(kb.get("my-clan").is_some_and(|e| e.name == "Los Norteños del Puerto"), "good lines still load");
}
