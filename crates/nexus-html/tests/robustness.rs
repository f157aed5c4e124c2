//! `extract` is total: garbage, hostile nesting and huge pages never panic,
//! never overflow the stack, and stay fast.

use std::time::{Duration, Instant};

use nexus_html::{HtmlDocument, extract};
use proptest::prelude::*;

/// Invariants every result must satisfy.
fn check(doc: &HtmlDocument) {
    assert_eq!(doc.text.trim(), doc.text, "untrimmed text");
    assert!(!doc.text.contains("\n\n\n"), "more than one blank line between blocks");
    for n in &doc.notes {
        assert!(n.start <= n.end && n.end <= doc.text.len(), "{n:?}");
        assert_eq!(doc.text.get(n.start..n.end), Some(n.label.as_str()));
    }
}

/// HTML-flavoured fragments that proptest recombines into messy markup.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<sup>".to_string()),
        Just("</sup>".to_string()),
        Just("<a href=\"#fn1\">".to_string()),
        Just("</a>".to_string()),
        Just("<br>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<script>".to_string()),
        Just("<!--".to_string()),
        Just("<pre>".to_string()),
        Just("<ol start=\"-9223372036854775808\"><li>".to_string()),
        Just("<nav class=\"menu\">".to_string()),
        Just("<article itemprop=\"articleBody\">".to_string()),
        Just("<meta property=\"article:published_time\" content=\"9999-99-99\">".to_string()),
        Just("<script type=\"application/ld+json\">{\"author\":[{\"name\":".to_string()),
        Just("&amp;&#x1F600;&#0;&#xD800;".to_string()),
        Just("[2]".to_string()),
        Just(", ".to_string()),
        "[a-zA-Zñãé0-9 .,]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        check(&extract(&s));
    }

    #[test]
    fn tag_soup_never_panics(parts in prop::collection::vec(fragment(), 0..60)) {
        check(&extract(&parts.concat()));
    }
}

#[test]
fn pseudo_random_bytes_never_panic() {
    // xorshift: deterministic, no extra dependency.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let alphabet = b"<>/=\"' abcdivpsupnavlihref#fn123&;!-\n\t";
    for round in 0..300 {
        let len = (round * 37) % 2000;
        let mut s = String::with_capacity(len);
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let i = usize::try_from(state % alphabet.len() as u64).unwrap_or(0);
            s.push(char::from(alphabet[i]));
        }
        check(&extract(&s));
    }
}

#[test]
fn deep_nesting_does_not_overflow_or_crawl() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>Deep paragraph, far down, still extracted.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let start = Instant::now();
    let doc = extract(&html);
    assert_eq!(doc.text, "Deep paragraph, far down, still extracted.");
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());

    let unclosed = format!("<body>{}text", "<div><span><b><i><a href=#fn1>".repeat(30_000));
    check(&extract(&unclosed));
}

#[test]
fn ten_megabytes_of_scripts_is_fast() {
    let script = format!("<script>var s = \"{}\"; if (a < b) {{ x = '<p>no</p>'; }}</script>\n", "x".repeat(1000));
    let mut html = String::from("<html><body>");
    while html.len() < 10 * 1024 * 1024 {
        html.push_str(&script);
    }
    html.push_str("<p>The single real paragraph of this page, with a comma.</p></body></html>");
    let start = Instant::now();
    let doc = extract(&html);
    let elapsed = start.elapsed();
    assert_eq!(doc.text, "The single real paragraph of this page, with a comma.");
    // The 2 s budget applies to release builds; debug builds get slack.
    let budget = if cfg!(debug_assertions) { Duration::from_secs(30) } else { Duration::from_secs(2) };
    assert!(elapsed < budget, "took {elapsed:?}");
}
