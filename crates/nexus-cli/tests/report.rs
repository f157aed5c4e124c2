//! `nexus report` through the binary: the briefing built from the two seeds names their routes,
//! flows, the Sendero Luminoso nexus and the organizations' ties, each footnoted to the seed
//! sentence, with the two seeds counted as one source; and `nexus demo` writes one too.

mod common;
use common::*;

/// The page's text with tags removed and entities decoded (enough for these checks).
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
}

#[test]
fn seeds_briefing_names_routes_nexus_and_ties_with_one_source() {
    let Some(shared) = shared() else {
        eprintln!("SKIPPED: ../shared is not beside the checkout; the seed report needs ../shared/seeds");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    run(nexus(&db).arg("ingest").arg(shared.join("seeds")));
    let out = dir.path().join("briefing.html");
    run(nexus(&db).args(["report", "--out"]).arg(&out));
    let html = std::fs::read_to_string(&out).unwrap();
    let text = text_of(&html);
    for route in ["Callao to Spain", "Callao to Belgium", "Paita to Spain", "Paita to Belgium"] {
        assert!(text.contains(route), "route {route} missing");
    }
    for market in ["United States", "Canada", "Europe", "Russia", "Brazil", "Chile", "Asia"] {
        assert!(text.contains(&format!("Peru to {market}")), "Peru's flow to {market} missing");
    }
    assert!(text.contains("Sendero Luminoso taxes drug trafficking"), "the nexus statement");
    assert!(text.contains("VRAEM"));
    for tie in
        ["Clan del Golfo operates in Colombia", "Cártel de Sinaloa operates in Mexico", "Primeiro Comando da Capital operates in Brazil"]
    {
        assert!(text.contains(tie), "{tie} missing");
    }
    // Footnotes quote the seed sentence, and the two seeds are one source (one work).
    assert!(text.contains("seized 7.6 metric tons of cocaine"), "the seizure sentence is quoted");
    assert!(text.contains("2 documents (1 independent work)"), "the seeds count as one work");
    assert!(!html.contains("<script"), "no script in the page");
    // Markdown, with its figures beside it.
    let md = dir.path().join("briefing.md");
    run(nexus(&db).args(["report", "--format", "md", "--out"]).arg(&md));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("Callao to Spain") && text.contains("[^"), "Markdown with footnotes");
    for fig in ["network", "routes", "timeline"] {
        assert!(dir.path().join(format!("briefing.{fig}.svg")).is_file(), "{fig} figure beside the Markdown");
    }
}

#[test]
fn a_document_with_markup_shows_as_text_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("hostile.txt");
    std::fs::write(
        &doc,
        "Police report\n\nThe Sinaloa Cartel operates in Mexico <script>alert(1)</script> and the Clan del Golfo operates in Colombia \" onerror=alert(2).\n",
    )
    .unwrap();
    let db = dir.path().join("h.db");
    run(nexus(&db).arg("ingest").arg(&doc));
    let out = dir.path().join("r.html");
    run(nexus(&db).args(["report", "--out"]).arg(&out));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("<script>"), "document markup is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "and shown as text");
    assert!(!html.contains("\" onerror="), "no attribute injection");
}
