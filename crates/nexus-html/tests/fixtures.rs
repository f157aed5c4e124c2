//! End-to-end extraction over hand-written fixture pages.

use nexus_html::{HtmlDocument, extract};

fn fixture(name: &str) -> HtmlDocument {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    extract(&html)
}

/// Asserts every needle occurs, in the given order.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(i) => from += i + needle.len(),
            None => panic!("missing or out of order: {needle:?}\n---\n{text}"),
        }
    }
}

fn assert_absent(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(!text.contains(needle), "boilerplate {needle:?} leaked into text:\n{text}");
    }
}

/// Every note span must point at its label.
fn assert_notes_consistent(doc: &HtmlDocument) {
    for n in &doc.notes {
        assert_eq!(doc.text.get(n.start..n.end), Some(n.label.as_str()), "{n:?}");
    }
}

#[test]
fn english_news_page_with_heavy_boilerplate() {
    let doc = fixture("news_en.html");
    assert_eq!(doc.title.as_deref(), Some("Port seizure exposes new cocaine route to Europe"));
    assert_eq!(doc.site_name.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_eq!(doc.published.as_deref(), Some("2024-03-05"));
    assert_eq!(doc.authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(doc.description.as_deref(), Some("Customs officers found 2.1 tonnes of cocaine hidden in banana crates."));
    assert_in_order(
        &doc.text,
        &[
            "Customs officers at the port found 2.1 tonnes",
            "Investigators believe the shipment left Guayaquil",
            "A shifting network",
            "the network relied on corrupt dock workers",
            "“The route changes every time we close a door,”",
            "Officials said further arrests were expected",
        ],
    );
    assert!(doc.text.starts_with("Customs officers"), "headline repeated:\n{}", doc.text);
    assert!(doc.text.contains("\n\nA shifting network\n\n"));
    assert_absent(
        &doc.text,
        &[
            "Accept cookies",
            "We use cookies",
            "Share on Twitter",
            "Subscribe",
            "newsletter",
            "Americas",
            "Crime & Justice",
            "Home",
            "Related articles",
            "Cartel money laundering",
            "Mayor arrested",
            "Advertisement",
            "Terms of use",
            "All rights reserved",
            "Comments",
            "Great article",
            "Skip to content",
            "dataLayer",
            "font-family",
            "Cocaine\n",
            "By Jane",
        ],
    );
    assert!(!doc.text.starts_with(char::is_whitespace) && !doc.text.ends_with(char::is_whitespace));
}

#[test]
fn spanish_police_press_release_without_article() {
    let doc = fixture("police_es.html");
    assert_eq!(doc.language.as_deref(), Some("es"));
    assert_eq!(doc.title.as_deref(), Some("Desarticulan banda criminal dedicada a la extorsión en Trujillo"));
    assert_eq!(doc.site_name.as_deref(), Some("Policía Nacional"));
    assert_eq!(doc.published.as_deref(), Some("2024-02-14"));
    assert_in_order(
        &doc.text,
        &[
            "Agentes de la División de Investigación Criminal",
            "«Los Injertos del Norte»",
            "Durante el operativo",
            "hasta 500 soles",
            "Criminalidad Organizada.\nLima, febrero de 2024.",
        ],
    );
    assert_absent(
        &doc.text,
        &[
            "Inicio",
            "Contáctenos",
            "Notas de prensa",
            "Región Policial",
            "Compartir",
            "Notas relacionadas",
            "Capturan a cabecilla",
            "Central telefónica",
            "transparencia",
            "_gaq",
        ],
    );
}

#[test]
fn portuguese_page_with_article_body() {
    let doc = fixture("noticia_pt.html");
    assert_eq!(doc.language.as_deref(), Some("pt"));
    assert_eq!(doc.site_name.as_deref(), Some("Jornal do Norte"));
    assert_eq!(doc.title.as_deref(), Some("Operação desmonta esquema de lavagem de dinheiro do garimpo ilegal"));
    assert_eq!(doc.authors, vec!["Ana Lima", "Rui Costa"]);
    assert_eq!(doc.published.as_deref(), Some("2023-11-20"));
    assert_eq!(doc.description.as_deref(), Some("Polícia Federal cumpre mandados em três estados."));
    assert_in_order(&doc.text, &["A Polícia Federal deflagrou", "R$ 300 milhões", "Rotas do ouro", "notas fiscais falsas", "25 mandados"]);
    assert_absent(
        &doc.text,
        &["Início", "Compartilhar", "Publicidade", "Leia também", "Garimpeiros presos", "Assine", "direitos reservados"],
    );
}

#[test]
fn think_tank_analysis_with_footnotes() {
    let doc = fixture("thinktank_notes.html");
    assert_eq!(doc.title.as_deref(), Some("Prison Gangs and the Andean Cocaine Economy"));
    assert_eq!(doc.authors, vec!["Doe, Jane", "Roe, Richard"]);
    assert_eq!(doc.published.as_deref(), Some("2022-09-14"));
    assert_eq!(doc.site_name.as_deref(), Some("Centre for Crime Studies"));
    assert_notes_consistent(&doc);
    let labels: Vec<&str> = doc.notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, vec!["1", "2", "3"]);
    assert!(doc.text.contains("a decade ago.1 Their leaders"), "{}", doc.text);
    assert!(doc.text.contains("across the region.2 Each"));
    assert!(doc.text.contains("punish defectors.[3] The result"));
    // Ordinals and exponents are not footnote marks.
    assert!(doc.text.contains("the 1st study") && doc.text.contains("40 km2 of border"));
    // The notes section is part of the document; its back-links are not.
    assert_in_order(&doc.text, &["Why prisons matter", "Notes", "1. Interview with a prosecutor", "3. See the national"]);
    assert_absent(&doc.text, &["↩", "Recommended reading", "Balkan route", "Donate", "Privacy", "Analysis ·"]);
}

#[test]
fn page_without_body_text() {
    let doc = fixture("no_body_text.html");
    assert_eq!(doc.text, "");
    assert!(doc.notes.is_empty());
    assert_eq!(doc.title.as_deref(), Some("Loading…"));
    assert_eq!(doc.language.as_deref(), Some("en"));
}

#[test]
fn malformed_html_with_unclosed_tags() {
    let doc = fixture("malformed.html");
    assert_eq!(doc.title.as_deref(), Some("Unclosed tags report"));
    assert_in_order(
        &doc.text,
        &[
            "First paragraph about the smuggling",
            "Second paragraph continues with bold and italic text",
            "Third paragraph inside an unclosed div",
            "Pacific coast | 4,000 USD",
            "Final & last paragraph <here> with an entity & a stray end tag.",
        ],
    );
}

#[test]
fn empty_and_script_only_inputs() {
    let empty = extract("");
    assert_eq!(empty, HtmlDocument::default());
    let scripts = fixture("only_scripts.html");
    assert_eq!(scripts.text, "");
    assert!(scripts.title.is_none());
}
