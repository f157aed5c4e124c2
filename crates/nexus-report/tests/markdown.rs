//! The Markdown briefing: the same content, footnotes that resolve, and no raw HTML from
//! documents once a Markdown renderer reads it.

mod common;

use common::{hostile_model, seed_model};
use nexus_report::{Options, figures, markdown};
use pulldown_cmark::{Options as MdOptions, Parser, html::push_html};

fn to_html(md: &str) -> String {
    let mut out = String::new();
    push_html(&mut out, Parser::new_ext(md, MdOptions::ENABLE_TABLES | MdOptions::ENABLE_FOOTNOTES));
    out
}

#[test]
fn seed_report_in_markdown() {
    let md = markdown(&seed_model(), &Options::default(), Some("briefing"));
    assert!(md.starts_with("# Briefing"));
    for h in [
        "## Summary",
        "## Key actors",
        "## Network",
        "## Route map",
        "## Timeline",
        "## Crime–terror nexus",
        "## Supply chains",
        "## Notes",
        "## Sources",
    ] {
        assert!(md.contains(h), "{h}");
    }
    assert!(md.contains("![Route map](<briefing.routes.svg>)"));
    let html = to_html(&md);
    assert!(html.contains("Callao and Paita to Spain and Belgium"));
    assert!(html.contains("<td>Paita</td><td>Belgium</td><td>cocaine</td>"), "{html}");
    // Footnotes resolve: six definitions, each referenced.
    assert_eq!(html.matches("class=\"footnote-definition\"").count(), 6, "{html}");
    assert!(html.contains("to be shipped from the Pacific Coast ports of Callao (Lima) and Paita to Spain and Belgium."));
    assert!(md.contains("1 independent source;"));
    assert_eq!(md, markdown(&seed_model(), &Options::default(), Some("briefing")));
}

#[test]
fn hostile_text_is_not_markup_in_markdown() {
    let md = markdown(&hostile_model(), &Options::default(), None);
    let html = to_html(&md);
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("</style>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript"));
}

#[test]
fn figures_are_standalone_svg() {
    let figs = figures(&seed_model(), &Options::default());
    let names: Vec<&str> = figs.iter().map(|f| f.name).collect();
    assert_eq!(names, ["network", "routes", "timeline"]);
    for f in &figs {
        assert!(f.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{}", f.name);
    }
    let hostile = figures(&hostile_model(), &Options::default());
    for f in &hostile {
        assert!(!f.svg.contains("<script") && !f.svg.contains("<img"), "{}", f.name);
    }
}
