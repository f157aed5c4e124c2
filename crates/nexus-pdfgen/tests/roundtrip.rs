//! Generated PDFs read back through `nexus_pdf::extract` give the source text: running header,
//! page-number footers removed, line-end hyphens undone, paragraphs intact.

use std::path::PathBuf;

use nexus_pdfgen::{DocSpec, FooterStyle, parse_source, render_pdf};

fn samples() -> Vec<(String, DocSpec)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/samples");
    nexus_pdfgen::source_files(&dir)
        .expect("samples directory")
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable sample");
            let spec = parse_source(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), spec)
        })
        .collect()
}

/// The sample made long enough to span several pages, so the running header repeats.
fn multi_page(spec: &DocSpec, footer: FooterStyle) -> DocSpec {
    let mut long = spec.clone();
    long.paragraphs = spec.paragraphs.iter().cycle().take(spec.paragraphs.len() * 8).cloned().collect();
    long.footer = footer;
    long
}

fn expected_text(spec: &DocSpec) -> String {
    let mut parts = vec![spec.title.clone()];
    if !spec.authors.is_empty() {
        parts.push(spec.authors.join("; "));
    }
    parts.extend(spec.paragraphs.iter().cloned());
    parts.join("\n\n")
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let around = |s: &str| s.chars().skip(at.saturating_sub(60)).take(140).collect::<String>();
    format!("first difference at char {at}:\n  got:      {:?}\n  expected: {:?}", around(a), around(b))
}

#[test]
fn multi_page_documents_round_trip_exactly() {
    for (name, spec) in samples() {
        for footer in [FooterStyle::PageOfTotal, FooterStyle::NumberOnly] {
            let long = multi_page(&spec, footer);
            let pdf = render_pdf(&long);
            let doc = nexus_pdf::extract(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(doc.pages >= 3, "{name}: expected several pages, got {}", doc.pages);
            assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
            assert_eq!(doc.title.as_deref(), Some(long.title.as_str()));
            assert_eq!(doc.authors, long.authors);
            assert_eq!(doc.created, long.date);
            let expected = expected_text(&long);
            assert!(doc.text == expected, "{name} ({footer:?}): {}", first_difference(&doc.text, &expected));
        }
    }
}

#[test]
fn generated_pdfs_contain_line_end_hyphens() {
    // Guard against the round trip passing only because nothing was ever hyphenated.
    let (_, spec) = samples().into_iter().next().expect("at least one sample");
    let pdf = render_pdf(&multi_page(&spec, FooterStyle::PageOfTotal));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("-) Tj"), "no hyphenated line end in the generated PDF");
}

#[test]
fn single_page_document_keeps_body_and_drops_page_number() {
    for (name, spec) in samples() {
        let doc = nexus_pdf::extract(&render_pdf(&spec)).unwrap_or_else(|e| panic!("{name}: {e}"));
        for paragraph in &spec.paragraphs {
            assert!(doc.text.contains(paragraph.as_str()), "{name}: missing paragraph {paragraph:?}");
        }
        assert!(!doc.text.contains("Page 1 of"), "{name}");
    }
}

#[test]
fn generator_avoids_every_prefix_the_extractor_may_keep() {
    for prefix in nexus_pdf::dehyphenate::COMPOUND_PREFIXES.iter().chain(nexus_pdf::dehyphenate::AMBIGUOUS_PREFIXES) {
        assert!(nexus_pdfgen::COMPOUND_PREFIXES.contains(prefix), "nexus-pdfgen must not break words after {prefix:?}");
    }
}

/// Text with paragraph breaks folded into spaces: compares words, hyphenation and furniture
/// removal without depending on the paragraph-break heuristics at page ends.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn demo_corpus_sources_round_trip() {
    let src_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf-src");
    if !src_dir.is_dir() {
        return;
    }
    for path in nexus_pdfgen::source_files(&src_dir).expect("pdf-src readable") {
        let text = std::fs::read_to_string(&path).expect("readable source");
        let spec = parse_source(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = nexus_pdf::extract(&render_pdf(&spec)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (got, expected) = (words(&doc.text), words(&expected_text(&spec)));
        assert!(got == expected, "{}: {}", path.display(), first_difference(&got, &expected));
        let paragraphs = doc.text.split("\n\n").count();
        let wanted = spec.paragraphs.len() + 1 + usize::from(!spec.authors.is_empty());
        assert!(paragraphs.abs_diff(wanted) <= 1, "{}: {paragraphs} paragraphs, expected {wanted}", path.display());
    }
}
