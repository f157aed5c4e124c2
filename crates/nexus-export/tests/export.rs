//! Every format on one store: the demo corpus (extracted as `nexus ingest` does) plus a
//! hand-made document whose text and entity names carry markup, quotes, commas and a
//! spreadsheet formula, and a seizure with a date, place and quantity.

use nexus_export::{Format, Options, Snapshot};
use nexus_extract::Extraction;
use nexus_extract::relations::{DateQualifier, Evidence, Qualifiers, QuantityQualifier, Relation};
use nexus_ingest::{Signature, convert};
use nexus_store::{NearDupConfig, Store};
use nexus_testkit::fixtures::entity;
use std::path::Path;
use std::sync::OnceLock;

const HOSTILE: &str = "Venue: The \"Evil\" <script>alert(1)</script> Times, Lima\nDate: 5 September 2014\n\n\
On 3 September 2014 the Policía Nacional del Perú seized 7.6 tons of cocaine in Paita from Los \"Malos\" <b>&Co</b>, \
=HYPERLINK(\"x\") <script>alert('x')</script>, officials said.";
const HOSTILE_NAME: &str = "Los \"Malos\" <b>&Co</b>";

fn relation(s: &str, p: &str, o: &str, text: &str, qualifiers: Qualifiers) -> Relation {
    let start = text.find("On 3 September").unwrap_or(0);
    Relation {
        subject: s.into(),
        predicate: p.into(),
        object: o.into(),
        qualifiers,
        confidence: 0.9,
        evidence: Evidence { text: text[start..].into(), start, end: text.len() },
    }
}

/// The snapshot of the test store, built once.
fn snapshot() -> &'static Snapshot {
    static SNAP: OnceLock<Snapshot> = OnceLock::new();
    SNAP.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("n.db")).unwrap();
        let kb = nexus_kb::KnowledgeBase::load(&[]).0;
        let ex = nexus_extract::Extractor::new(nexus_kb::KnowledgeBase::load(&[]).0);
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo");
        let mut files: Vec<_> = std::fs::read_dir(&demo).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let doc = convert(&bytes, &path.file_name().unwrap().to_string_lossy(), None).unwrap();
            let sig = Signature::of_text(&doc.extraction_text());
            let x = ex.extract(&doc.extraction_text(), doc.meta.published.as_deref());
            store.add(&doc, &sig, Some(&x), NearDupConfig::default()).unwrap();
        }
        add_hostile(&mut store);
        Snapshot::read(&store, &kb, &Options::default()).unwrap()
    })
}

/// The hand-made document with its entities and relations.
fn add_hostile(store: &mut Store) {
    {
        let doc = convert(HOSTILE.as_bytes(), "https://evil.example/a?b=1&c=<2>", None).unwrap();
        let text = doc.text.clone();
        let entities = vec![
            entity("pe-pnp", "Policía Nacional del Perú", "state_actor", true, &text),
            entity("cocaine", "cocaine", "commodity", true, &text),
            entity("pe-paita", "Paita", "place", true, &text),
            entity("doc:criminal_org:malos", HOSTILE_NAME, "criminal_org", false, &text),
        ];
        let seizure = Qualifiers {
            quantity: Some(QuantityQualifier { value: 7600.0, unit: "kg".into(), bound: nexus_extract::quantities::Bound::Exact }),
            date: Some(DateQualifier { value: "2014-09-03".into(), precision: nexus_extract::dates::Precision::Day }),
            place: Some("pe-paita".into()),
            ..Default::default()
        };
        let relations = vec![
            relation("pe-pnp", "seized", "cocaine", &text, seizure),
            relation("doc:criminal_org:malos", "operates_in", "pe-paita", &text, Qualifiers::default()),
            relation("doc:criminal_org:malos", "traffics", "cocaine", &text, Qualifiers::default()),
        ];
        let x = Extraction { entities, relations, quantities: vec![], dates: vec![] };
        let sig = Signature::of_text(&doc.extraction_text());
        store.add(&doc, &sig, Some(&x), NearDupConfig::default()).unwrap();
    }
}

fn render(format: Format) -> String {
    let mut out = Vec::new();
    nexus_export::write(snapshot(), format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

const HOSTILE_KEY: &str = "criminal_org:los \"malos\" <b>&co</b>";

#[test]
fn the_snapshot_has_the_demo_graph_and_the_hand_made_document() {
    let s = snapshot();
    assert!(s.edges.len() > 20, "{} edges", s.edges.len());
    assert!(s.nodes.iter().any(|n| n.key == HOSTILE_KEY), "{:?}", s.nodes.iter().map(|n| &n.key).collect::<Vec<_>>());
    let paita = s.node("pe-paita").unwrap();
    assert_eq!((paita.country.as_deref(), paita.lat, paita.lon), (Some("PE"), Some(-5.08), Some(-81.11)));
    // Deterministic: the same store read again gives the same bytes.
    assert_eq!(render(Format::Gexf), render(Format::Gexf));
}

#[test]
fn graphml_parses_with_typed_keys_and_survives_markup() {
    let xml = render(Format::GraphMl);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let keys: Vec<(&str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .map(|n| (n.attribute("attr.name").unwrap(), n.attribute("for").unwrap()))
        .collect();
    for want in
        [("type", "node"), ("country", "node"), ("latitude", "node"), ("support", "edge"), ("first_seen", "edge"), ("last_seen", "edge")]
    {
        assert!(keys.contains(&want), "{want:?} in {keys:?}");
    }
    let node = doc.descendants().find(|n| n.has_tag_name("node") && n.attribute("id") == Some(HOSTILE_KEY)).unwrap();
    let label = node.children().find(|c| c.attribute("key") == Some("label")).and_then(|c| c.text());
    assert_eq!(label, Some(HOSTILE_NAME));
    let paita = doc.descendants().find(|n| n.has_tag_name("node") && n.attribute("id") == Some("pe-paita")).unwrap();
    let data = |key: &str| paita.children().find(|c| c.attribute("key") == Some(key)).and_then(|c| c.text()).map(str::to_owned);
    assert_eq!((data("lat").as_deref(), data("country").as_deref()), (Some("-5.08"), Some("PE")));
    let edges: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("edge")).collect();
    assert_eq!(edges.len(), snapshot().edges.len());
    let evidence: Vec<&str> =
        edges.iter().flat_map(|e| e.children()).filter(|c| c.attribute("key") == Some("evidence")).filter_map(|c| c.text()).collect();
    assert!(evidence.iter().any(|t| t.contains("<script>alert('x')</script>")), "the sentence survives as text");
    assert!(!xml.contains("<script>"), "markup in the text is escaped");
}

#[test]
fn gexf_parses_with_attributes_and_spells() {
    let xml = render(Format::Gexf);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!((root.tag_name().name(), root.tag_name().namespace()), ("gexf", Some("http://gexf.net/1.3")));
    let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!((graph.attribute("mode"), graph.attribute("timeformat")), (Some("dynamic"), Some("date")));
    let titles: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("attribute")).filter_map(|n| n.attribute("title")).collect();
    for want in ["type", "country", "latitude", "longitude", "support", "first_seen", "last_seen"] {
        assert!(titles.contains(&want), "{want} in {titles:?}");
    }
    // The seizure in Paita on 3 September 2014: an edge with a one-day spell.
    let seizure = doc
        .descendants()
        .find(|n| n.has_tag_name("edge") && n.attribute("source") == Some("pe-pnp") && n.attribute("label") == Some("seized"))
        .unwrap();
    let spell = seizure.descendants().find(|n| n.has_tag_name("spell")).unwrap();
    assert_eq!((spell.attribute("start"), spell.attribute("end")), (Some("2014-09-03"), Some("2014-09-03")));
    // Spells everywhere a date is known, and well-formed dates in them.
    let spells: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("spell")).collect();
    assert!(spells.len() > snapshot().edges.len() / 2, "{} spells", spells.len());
    for s in spells {
        let (a, b) = (s.attribute("start").unwrap(), s.attribute("end").unwrap());
        assert!(a.len() == 10 && b.len() == 10 && a <= b, "{a}..{b}");
    }
    let node = doc.descendants().find(|n| n.has_tag_name("node") && n.attribute("id") == Some(HOSTILE_KEY)).unwrap();
    assert_eq!(node.attribute("label"), Some(HOSTILE_NAME));
    let undirected = doc.descendants().filter(|n| n.attribute("type") == Some("undirected")).count();
    assert!(undirected > 0, "symmetric predicates are undirected edges");
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(bytes);
    let headers = r.headers().unwrap().iter().map(str::to_owned).collect();
    (headers, r.records().map(Result::unwrap).collect())
}

#[test]
fn entities_and_links_csv_round_trip() {
    let s = snapshot();
    let (mut entities, mut links) = (Vec::new(), Vec::new());
    nexus_export::csv::write_entities(s, &mut entities).unwrap();
    nexus_export::csv::write_links(s, &mut links).unwrap();
    let (headers, rows) = read_csv(&entities);
    assert_eq!(headers, nexus_export::csv::ENTITY_HEADERS);
    assert_eq!(rows.len(), s.nodes.len());
    let malos = rows.iter().find(|r| &r[0] == HOSTILE_KEY).unwrap();
    assert_eq!((&malos[1], &malos[2]), (HOSTILE_NAME, "criminal_org"));
    let (headers, rows) = read_csv(&links);
    assert_eq!(headers, nexus_export::csv::LINK_HEADERS);
    assert_eq!(rows.len(), s.edges.len());
    let ops = rows.iter().find(|r| &r[1] == HOSTILE_KEY && &r[4] == "operates_in").unwrap();
    assert_eq!((&ops[2], &ops[5], &ops[7]), (HOSTILE_NAME, "pe-paita", "place"));
    assert!(ops[22].contains("<script>alert('x')</script>, officials said."), "{}", &ops[22]);
    assert!(rows.iter().all(|r| !r[22].starts_with('=')));
}

#[test]
fn events_have_acled_columns() {
    let out = render(Format::Events);
    let (headers, rows) = read_csv(out.as_bytes());
    for want in [
        "event_date",
        "time_precision",
        "event_type",
        "actor1",
        "actor2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "source_count",
        "notes",
    ] {
        assert!(headers.iter().any(|h| h == want), "{want} in {headers:?}");
    }
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let paita = rows.iter().find(|r| &r[col("location_id")] == "pe-paita" && &r[col("event_type")] == "Seizure").unwrap();
    assert_eq!(&paita[col("event_date")], "2014-09-03");
    assert_eq!(&paita[col("date_precision")], "day");
    assert_eq!(&paita[col("actor1")], "Policía Nacional del Perú");
    assert_eq!(&paita[col("sub_event_type")], "cocaine");
    assert_eq!((&paita[col("latitude")], &paita[col("longitude")], &paita[col("geo_precision")]), ("-5.08", "-81.11", "1"));
    assert_eq!((&paita[col("iso")], &paita[col("country")]), ("PE", "Peru"));
    assert_eq!((&paita[col("quantity")], &paita[col("unit")]), ("7600", "kg"));
    assert_eq!(&paita[col("source")], "The \"Evil\" <script>alert(1)</script> Times, Lima");
    assert_eq!(&paita[col("source_count")], "1");
    let types: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[col("event_type")]).collect();
    assert!(types.len() >= 2, "demo events of several kinds: {types:?}");
}

#[test]
fn json_is_node_link() {
    let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), snapshot().nodes.len());
    assert_eq!(v["links"].as_array().unwrap().len(), snapshot().edges.len());
    assert!(v["nodes"].as_array().unwrap().iter().any(|n| n["name"] == HOSTILE_NAME));
}

#[test]
fn stix_bundle_is_well_formed_and_passes_the_oasis_validator() {
    let text = render(Format::Stix);
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    let objects = bundle["objects"].as_array().unwrap();
    let of = |ty: &str| objects.iter().filter(|o| o["type"] == ty).collect::<Vec<_>>();
    for ty in ["threat-actor", "identity", "location", "relationship", "report"] {
        assert!(!of(ty).is_empty(), "no {ty}");
    }
    let paita = of("location").into_iter().find(|o| o["x_nexus_key"] == "pe-paita").unwrap();
    assert_eq!((paita["country"].as_str(), paita["latitude"].as_f64()), (Some("PE"), Some(-5.08)));
    let report = of("report").into_iter().find(|r| r["name"].as_str().is_some_and(|n| n.contains("evil.example"))).unwrap();
    assert_eq!(report["published"], "2014-09-05T00:00:00.000Z", "{report}");
    assert_eq!(report["external_references"][0]["url"], "https://evil.example/a?b=1&c=%3C2%3E");
    assert!(objects.iter().any(|o| o["relationship_type"] == "located-at"));

    // The independent check: the OASIS validator, installed on first use by the script.
    if std::process::Command::new("python3").arg("--version").output().is_err() {
        println!("SKIPPED: python3 is not installed, so the STIX bundle was not run through stix2-validator");
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("nexus-bundle.json");
    std::fs::write(&file, &text).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/stix_validate.sh");
    let out = std::process::Command::new("bash").arg(&script).arg(&file).env("STIX_VENV", dir.join("py-stix")).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_ne!(out.status.code(), Some(100), "stix2-validator could not be installed (CI needs PyPI):\n{stderr}");
    println!("{stdout}");
    assert!(out.status.success(), "the validator rejects the bundle:\n{stdout}\n{stderr}");
    assert!(stdout.contains("STIX JSON: Valid"), "{stdout}");
    assert!(!stdout.contains("[X]"), "errors: {stdout}");
}

/// The exports of a store holding only the hand-made document, byte for byte: a change of output
/// (or of its order) shows up in review as a snapshot diff.
#[test]
fn small_store_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    add_hostile(&mut store);
    let kb = nexus_kb::KnowledgeBase::load(&[]).0;
    let snap = Snapshot::read(&store, &kb, &Options::default()).unwrap();
    let render = |f: Format| {
        let mut out = Vec::new();
        nexus_export::write(&snap, f, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    insta::assert_snapshot!("small.graphml", render(Format::GraphMl));
    insta::assert_snapshot!("small.gexf", render(Format::Gexf));
    insta::assert_snapshot!("small.events.csv", render(Format::Events));
    insta::assert_snapshot!("small.stix.json", render(Format::Stix));
}
