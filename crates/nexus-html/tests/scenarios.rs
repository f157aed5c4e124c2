//! Targeted layouts that stress container choice and metadata fallbacks.

use nexus_html::extract;

const LONG_A: &str =
    "The trafficking network moved precursor chemicals through three ports, using forged permits, front companies and bribed inspectors.";
const LONG_B: &str =
    "Prosecutors said the group laundered its profits through currency exchanges, real estate and a chain of car dealerships.";
const LONG_C: &str =
    "Analysts warn that the arrests will fragment the group, and that smaller factions may compete violently for its routes.";

#[test]
fn readability_picks_content_div_without_semantic_markup() {
    let html = format!(
        r#"<html><body>
        <div id="top"><a href="/">Home</a> | <a href="/a">About</a> | <a href="/b">Reports</a></div>
        <div id="wrap">
          <div id="left"><a href="/1">Link one</a><br><a href="/2">Link two</a><br><a href="/3">Link three</a></div>
          <div id="story"><p>{LONG_A}</p><p>{LONG_B}</p><p>{LONG_C}</p></div>
        </div>
        <div id="bottom">Copyright 2024 Example Org. <a href="/c">Contact</a></div>
        </body></html>"#
    );
    let doc = extract(&html);
    assert_eq!(doc.text, format!("{LONG_A}\n\n{LONG_B}\n\n{LONG_C}"));
}

#[test]
fn teaser_articles_do_not_beat_the_story() {
    let teaser = "<article class=\"card\"><h3><a href=\"/t\">Another story</a></h3><p>Short teaser text here.</p></article>";
    let html = format!(
        r#"<html><body><div class="content"><h1>Main headline</h1><p>{LONG_A}</p><p>{LONG_B}</p><p>{LONG_C}</p></div>
        <div class="more">{teaser}{teaser}{teaser}</div></body></html>"#
    );
    let doc = extract(&html);
    assert_eq!(doc.title.as_deref(), Some("Main headline"));
    assert!(doc.text.starts_with(LONG_A), "{}", doc.text);
    assert!(!doc.text.contains("Another story"));
    assert!(!doc.text.contains("Main headline"));
}

#[test]
fn double_br_splits_paragraphs_in_legacy_pages() {
    let html = format!("<html><body><td class=\"texto\">{LONG_A}<br><br>{LONG_B}<br>{LONG_C}</td></body></html>");
    let doc = extract(&html);
    assert_eq!(doc.text, format!("{LONG_A}\n\n{LONG_B}\n{LONG_C}"));
}

#[test]
fn wrapper_with_boilerplate_class_keeps_its_content() {
    let html = format!(
        r#"<html><body><div class="layout has-sidebar"><div class="post"><p>{LONG_A}</p><p>{LONG_B}</p></div>
        <div class="sidebar"><a href="/x">Popular post</a></div></div></body></html>"#
    );
    let doc = extract(&html);
    assert!(doc.text.contains(LONG_A) && doc.text.contains(LONG_B), "{}", doc.text);
    assert!(!doc.text.contains("Popular post"));
}

#[test]
fn cms_taxonomy_classes_on_article_do_not_remove_it() {
    let html = format!(
        r#"<html><body><article class="post type-post tag-social category-menu hentry"><p>{LONG_A}</p><p>{LONG_B}</p></article></body></html>"#
    );
    let doc = extract(&html);
    assert_eq!(doc.text, format!("{LONG_A}\n\n{LONG_B}"));
}

#[test]
fn json_ld_graph_and_spanish_byline() {
    let html = format!(
        r#"<html lang="ES"><head><title>Informe especial</title>
        <script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"Diario"}},
        {{"@type":"NewsArticle","headline":"Informe especial","datePublished":"2021-07-09T12:00:00-05:00"}}]}}</script></head>
        <body><article><div class="byline">Por: María Pérez y Luis Soto</div><p>{LONG_A}</p><p>{LONG_B}</p></article></body></html>"#
    );
    let doc = extract(&html);
    assert_eq!(doc.published.as_deref(), Some("2021-07-09"));
    assert_eq!(doc.authors, vec!["María Pérez", "Luis Soto"]);
    assert_eq!(doc.language.as_deref(), Some("es"));
    assert!(!doc.text.contains("María Pérez"), "byline leaked: {}", doc.text);
}

#[test]
fn time_element_only_counts_inside_the_article() {
    let html = format!(
        r#"<html><body><header><time datetime="2025-01-01">Today</time></header>
        <article><p>{LONG_A}</p><p>Published <time datetime="2019-05-02T10:00">2 May 2019</time>. {LONG_B}</p></article></body></html>"#
    );
    assert_eq!(extract(&html).published.as_deref(), Some("2019-05-02"));
}

#[test]
fn word_export_footnote_links() {
    let html = format!(
        r##"<html><body><div class="WordSection1"><p>{LONG_A}<a href="#_ftn1" name="_ftnref1">[1]</a> {LONG_B}<a href="#_ftn2">[2]</a></p>
        <p>{LONG_C}</p></div></body></html>"##
    );
    let doc = extract(&html);
    assert_eq!(doc.notes.len(), 2, "{:?}", doc.notes);
    for (n, label) in doc.notes.iter().zip(["1", "2"]) {
        assert_eq!(n.label, label);
        assert_eq!(&doc.text[n.start..n.end], label);
    }
    assert!(doc.text.contains("inspectors.[1] Prosecutors"));
}

#[test]
fn note_offsets_survive_multibyte_text_and_headline_removal() {
    let html = "<html><head><title>Título</title></head><body><div><h1>Título</h1>\
        <p>Ação policial em São Paulo, Brasília e Manaus — ñandú “citado”.<sup>12</sup> Mais texto, com vírgulas, aqui.</p>\
        <p>Outra frase com acentuação: é, ê, ã, õ, ç, e uma nota.<sup>13</sup></p></div></body></html>";
    let doc = extract(html);
    assert!(!doc.text.contains("Título"));
    assert_eq!(doc.notes.len(), 2);
    for n in &doc.notes {
        assert_eq!(&doc.text[n.start..n.end], n.label);
    }
}

#[test]
fn reading_room_listing_keeps_document_titles() {
    let html = r#"<html><body><nav><a href="/">Home</a></nav><main>
        <h1>Reading room</h1>
        <p>Declassified reports on organized crime, released under the access to information law, are listed below.</p>
        <ul><li>Report on maritime smuggling, 2019, scanned copy with annotations.</li>
        <li>Assessment of prison gang finances, 2020, redacted version for public release.</li></ul>
        </main></body></html>"#;
    let doc = extract(html);
    assert!(doc.text.contains("Declassified reports"));
    assert!(doc.text.contains("Assessment of prison gang finances"));
    assert!(!doc.text.contains("Home"));
}

#[test]
fn labels_in_the_notes_section_are_not_reference_marks() {
    let html = format!(
        r##"<html><body><div class="post"><p>{LONG_A}<sup>1</sup></p><p>{LONG_B}<a href="#_ftn2">[2]</a></p>
        <h3>Notas</h3>
        <p><sup>1</sup> Entrevista con un fiscal, Lima, 2022.</p>
        <div id="ftn2"><p><a href="#_ftnref2">[2]</a> Informe policial, Trujillo.</p></div></div></body></html>"##
    );
    let doc = extract(&html);
    let labels: Vec<&str> = doc.notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, vec!["1", "2"], "{}", doc.text);
    assert!(doc.notes.iter().all(|n| n.end < doc.text.find("Notas").unwrap_or(0)));
    assert!(doc.text.contains("1 Entrevista con un fiscal"));
    assert!(doc.text.contains("[2] Informe policial"));
}

#[test]
fn title_suffix_is_recognised_from_the_h1_without_site_name() {
    let html = format!(
        "<html><head><title>Gold smuggling in the Amazon | Crime Watch Blog</title></head>\
         <body><h1>Gold smuggling in the Amazon</h1><div><p>{LONG_A}</p><p>{LONG_B}</p></div></body></html>"
    );
    let doc = extract(&html);
    assert_eq!(doc.title.as_deref(), Some("Gold smuggling in the Amazon"));
    assert!(!doc.text.contains("Gold smuggling"));
}

#[test]
fn responsive_hidden_classes_are_not_boilerplate() {
    let html = format!(
        r#"<html><body><div class="col-md-9 hidden-xs"><p>{LONG_A}</p><p>{LONG_B}</p></div>
        <span class="sr-only">Opens in a new window</span></body></html>"#
    );
    let doc = extract(&html);
    assert_eq!(doc.text, format!("{LONG_A}\n\n{LONG_B}"));
}

#[test]
fn small_link_lists_inside_content_are_dropped() {
    let html = format!(
        r#"<html><body><div class="entry"><p>{LONG_A}</p>
        <ul><li><a href="/1">Five myths about cartels</a></li><li><a href="/2">Inside the port of Callao</a></li></ul>
        <p>{LONG_B}</p><p>{LONG_C}</p></div></body></html>"#
    );
    let doc = extract(&html);
    assert!(!doc.text.contains("Five myths"), "{}", doc.text);
    assert!(doc.text.contains(LONG_C));
}
