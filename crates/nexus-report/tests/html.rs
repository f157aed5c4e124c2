//! The HTML briefing parses, says what the seeds say with citations, counts the two seed
//! copies as one source, and shows hostile document text as text.

mod common;

use common::{ATTR, SCRIPT, hostile_model, seed_model};
use nexus_report::{Options, html};
use scraper::{Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn text(doc: &Html, s: &str) -> Vec<String> {
    doc.select(&sel(s)).map(|e| e.text().collect::<String>()).collect()
}

#[test]
fn seed_report_names_routes_and_cites_the_seed_sentences() {
    let out = html(&seed_model(), &Options::default());
    let doc = Html::parse_document(&out);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    for id in ["summary", "actors", "network", "routes", "timeline", "nexus", "supply", "notes", "sources"] {
        assert_eq!(doc.select(&sel(&format!("section#{id} h2"))).count(), 1, "section {id}");
    }
    assert_eq!(doc.select(&sel("svg")).count(), 3);

    let summary = text(&doc, "section#summary p").join("\n");
    assert!(summary.contains("Callao and Paita to Spain and Belgium"), "{summary}");
    assert!(summary.contains("Sendero Luminoso") && summary.contains("VRAEM"));
    let routes = text(&doc, "section#routes tbody tr");
    for (from, to) in [("Callao", "Spain"), ("Callao", "Belgium"), ("Paita", "Spain"), ("Paita", "Belgium")] {
        assert!(routes.iter().any(|r| r.starts_with(&format!("{from}{to}cocaine"))), "{from} → {to}: {routes:?}");
    }
    let nexus = text(&doc, "section#nexus tbody tr");
    assert!(nexus.iter().any(|r| r.contains("Sendero Luminoso") && r.contains("taxes") && r.contains("VRAEM")), "{nexus:?}");

    // Each statement links to notes; the route note quotes the seed sentence and names both copies.
    let first_link = doc.select(&sel("section#summary p sup.fn a")).next().expect("a footnote mark");
    let target = first_link.value().attr("href").expect("href").trim_start_matches('#').to_string();
    let note = doc.select(&sel(&format!("li#{target}"))).next().expect("the note exists");
    let note_text: String = note.text().collect();
    assert!(
        note_text.contains("to be shipped from the Pacific Coast ports of Callao (Lima) and Paita to Spain and Belgium."),
        "{note_text}"
    );
    assert!(note_text.contains("8f26218114197296") && note_text.contains("2ab8909efb0e4c04"), "{note_text}");
    // One note per sentence of the work, not per copy; one source for both seeds.
    let notes = text(&doc, "ol.notes li");
    assert_eq!(notes.len(), 6, "{notes:#?}");
    assert_eq!(doc.select(&sel("ol.sources > li")).count(), 1);
    // The sources column counts works: both seed copies are one.
    for cell in text(&doc, "section#routes tbody td:last-child") {
        assert!(cell.starts_with("1["), "{cell}");
    }
}

#[test]
fn output_is_deterministic() {
    let m = seed_model();
    assert_eq!(html(&m, &Options::default()), html(&m, &Options::default()));
}

#[test]
fn nothing_is_loaded_from_the_network() {
    let out = html(&seed_model(), &Options::default());
    // No URL at all outside the source locations shown as text.
    let mut rest = out.clone();
    while let Some(start) = rest.find("<span class=\"url\">") {
        let end = rest[start..].find("</span>").expect("closed") + start;
        rest.replace_range(start..end, "");
    }
    assert!(!rest.contains("http://") && !rest.contains("https://"), "a URL outside the notes");
    for needle in ["<script", "<link", "<img", "<iframe", "src=", "url(http", "@import"] {
        assert!(!out.contains(needle), "{needle}");
    }
    assert!(out.contains("default-src 'none'"));

    let mut m = seed_model();
    m.documents[0].location = Some("https://example.org/report.pdf".into());
    let out = html(&m, &Options::default());
    let doc = Html::parse_document(&out);
    let urls = text(&doc, "span.url");
    assert!(urls.iter().any(|u| u == "https://example.org/report.pdf"));
    assert_eq!(doc.select(&sel("a[href^=http]")).count(), 0);
}

#[test]
fn hostile_document_text_shows_as_text() {
    let out = html(&hostile_model(), &Options::default());
    let doc = Html::parse_document(&out);
    assert_eq!(doc.select(&sel("script")).count(), 0);
    assert_eq!(doc.select(&sel("img")).count(), 0);
    assert_eq!(doc.select(&sel("style")).count(), 1);
    for attr in ["onerror", "onload", "onclick"] {
        assert_eq!(doc.select(&sel(&format!("[{attr}]"))).count(), 0, "{attr}");
    }
    assert!(doc.select(&sel("a[href^=javascript]")).next().is_none());
    let body: String = doc.select(&sel("body")).flat_map(|b| b.text()).collect();
    // Every field came through, each as the literal text of the document.
    for field in [
        "Title",
        "Summary",
        "Actor",
        "Node A",
        "From",
        "goods",
        "volume",
        "Event",
        "Group",
        "Chain",
        "Step",
        "Change",
        "Sentence",
        "Doc title",
        "Publisher",
    ] {
        assert!(body.contains(&format!("{field} {SCRIPT} {ATTR} </style><img src=x onerror=alert(3)> & 'q'")), "{field}");
    }
    assert!(body.contains("javascript:alert(4)"));
    let title: String = doc.select(&sel("head title")).flat_map(|t| t.text()).collect();
    assert!(title.starts_with("Title <script>"));
}

#[test]
fn an_empty_model_still_renders_every_section() {
    let out = html(&nexus_report::ReportModel::default(), &Options::default());
    let doc = Html::parse_document(&out);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert_eq!(doc.select(&sel("section")).count(), 10);
    assert_eq!(doc.select(&sel("svg")).count(), 3);
}

#[test]
fn the_network_is_capped() {
    let m = seed_model();
    let out = html(&m, &Options { max_nodes: 5 });
    let doc = Html::parse_document(&out);
    assert_eq!(doc.select(&sel("section#network circle")).count(), 5);
}

#[test]
fn odd_numbers_and_dangling_references_do_not_break_it() {
    let mut m = seed_model();
    m.network.nodes[0].weight = f64::NAN;
    m.network.nodes[1].weight = f64::INFINITY;
    m.network.edges[0].weight = f64::NEG_INFINITY;
    m.network.edges.push(nexus_report::NetEdge { source: "nobody".into(), target: "pe".into(), label: "x".into(), weight: 1.0 });
    m.routes[0].weight = f64::NAN;
    m.routes[1].to.lat = Some(123.0);
    m.routes[2].from.lon = Some(f64::INFINITY);
    m.actors[0].metrics[0].value = f64::NAN;
    m.summary[0].cites.push("no-such-evidence".into());
    m.evidence.push(nexus_report::Evidence { id: "orphan".into(), doc: "no-such-doc".into(), sentence: "An orphan.".into() });
    m.summary[1].cites.push("orphan".into());
    m.timeline.push(nexus_report::Event { date: "9999-99".into(), kind: String::new(), text: "bad date".into(), cites: vec![] });
    let out = html(&m, &Options::default());
    let doc = Html::parse_document(&out);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    for bad in ["NaN", "=\"inf", "=\"-inf", ",inf", ",-inf", "Minf", "Linf", "M-inf", "L-inf", "Q-inf", "Qinf", ">inf<"] {
        if let Some(i) = out.find(bad) {
            panic!("a non-finite number reached the output: {}", &out[i.saturating_sub(200)..i + 20]);
        }
    }
    assert!(text(&doc, "ol.notes li").iter().any(|n| n.contains("An orphan.") && n.contains("document not in the store")));
}
