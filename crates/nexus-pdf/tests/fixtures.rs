//! Extraction of real-producer PDFs (see fixtures/README.md) and of damaged files.

use std::path::PathBuf;

use nexus_pdf::{PdfDocument, PdfError, extract};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn extract_fixture(name: &str) -> PdfDocument {
    extract(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn assert_contains_all(doc: &PdfDocument, needles: &[&str]) {
    for needle in needles {
        assert!(doc.text.contains(needle), "missing {needle:?} in:\n{}", doc.text);
    }
}

fn assert_contains_none(doc: &PdfDocument, needles: &[&str]) {
    for needle in needles {
        assert!(!doc.text.contains(needle), "unexpected {needle:?} in:\n{}", doc.text);
    }
}

fn paragraphs(doc: &PdfDocument) -> Vec<&str> {
    doc.text.split("\n\n").collect()
}

#[test]
fn groff_english_report() {
    let doc = extract_fixture("groff_en.pdf");
    assert_eq!(doc.title.as_deref(), Some("Cocaine Routes Through the Eastern Pacific"));
    assert_eq!(doc.authors, ["Maria Fernández", "Peter Clarke"]);
    assert_eq!(doc.created.as_deref(), Some("2019-03-04"));
    assert_eq!(doc.pages, 3);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_contains_all(
        &doc,
        &[
            // accents and ligatures (groff draws "fi" as one glyph)
            "Señor Álvarez",
            "mangroves of Nariño",
            "the Darién",
            "financiers",
            // words groff hyphenated at line ends, re-joined
            "an economy in which",
            "protects the organisers",
            "illegal gold mining",
            "maritime task forces",
            // a real compound broken nowhere, kept
            "The narco-traffickers who finance",
            "anti-corruption bodies",
            // the line shown with the ' operator that pdf-extract alone would drop
            "Judicial reform that protects investigators and witnesses",
            // zero-width justification spaces must not split words
            "have diversified into",
            "outlived several peace agreements",
        ],
    );
    assert_contains_none(&doc, &["Journal of Andean Security", "InSight Report", "Page 1", "Page 2", "Page 3"]);
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], "Cocaine Routes Through the Eastern Pacific");
    assert_eq!(paras[1], "Maria Fernández and Peter Clarke");
    assert!(paras[2].starts_with("Over the past decade") && paras[2].ends_with("interrupted the flow for long."), "{}", paras[2]);
    assert_eq!(paras.len(), 2 + 10, "{paras:#?}");
}

#[test]
fn libreoffice_spanish_report() {
    let doc = extract_fixture("libreoffice_es.pdf");
    assert_eq!(doc.title.as_deref(), Some("Oro ilegal en Madre de Dios"));
    assert_eq!(doc.authors, ["Ana Quispe", "Luis Romero"]);
    assert_eq!(doc.pages, 2);
    assert_contains_all(
        &doc,
        &[
            "La minería ilegal de oro",
            "financiación",
            "Amazonía peruana",
            "se «lava» mediante",
            "mujeres y niñas",
            "Emiratos Árabes Unidos",
            "llegó a juicio",
            "río arriba",
        ],
    );
    assert_contains_none(&doc, &["Revista de Seguridad Andina", "Página", "de 2"]);
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], "Oro ilegal en Madre de Dios");
    assert_eq!(paras.len(), 1 + 7, "{paras:#?}");
    // The paragraph broken across the page boundary is one paragraph.
    assert!(paras.iter().any(|p| p.starts_with("Los expertos consultados") && p.ends_with("los intermediarios.")), "{paras:#?}");
}

#[test]
fn reportlab_two_column_portuguese_report() {
    let doc = extract_fixture("reportlab_pt.pdf");
    assert_eq!(doc.title.as_deref(), Some("Facções brasileiras e a economia do crime"));
    assert_eq!(doc.authors, ["João Silva", "Ana Conceição"]);
    assert_eq!(doc.pages, 2);
    assert_contains_all(
        &doc,
        &[
            "principal organização criminosa",
            "o Paraguai e a Bolívia",
            "contêineres",
            "África Ocidental",
            "Os narco-traficantes locais",
            "os narcotraficantes disputam",
            "São Paulo",
            "Investigações da Polícia Federal",
            "milhões de reais",
        ],
    );
    assert_contains_none(&doc, &["Relatório Brasil", "1/2", "2/2"]);
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], "Facções brasileiras e a economia do crime");
    // Left column before right column: the paragraphs come in source order.
    let order = [
        "O Primeiro Comando",
        "A lavagem de dinheiro",
        "Na Amazônia",
        "Os narco-traficantes",
        "A cooperação internacional",
        "As autoridades penitenciárias",
        "Por fim",
    ];
    let starts: Vec<usize> = order.iter().map(|s| doc.text.find(s).unwrap_or(usize::MAX)).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "reading order wrong: {starts:?}\n{}", doc.text);
    assert_eq!(paras.len(), 1 + 7, "{paras:#?}");
}

#[test]
fn truncated_file_is_damaged() {
    // lopdf cannot rebuild a lost cross-reference table, so nothing is readable.
    let err = extract(&fixture("truncated.pdf")).expect_err("truncated");
    assert!(matches!(err, PdfError::Damaged(_)), "{err:?}");
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn corrupted_file_is_damaged() {
    let err = extract(&fixture("corrupt.pdf")).expect_err("corrupt");
    assert!(matches!(err, PdfError::Damaged(_)), "{err:?}");
}

#[test]
fn empty_and_non_pdf_files_are_rejected() {
    assert!(matches!(extract(&fixture("empty.pdf")), Err(PdfError::NotPdf)));
    assert!(matches!(extract(&fixture("not_a_pdf.pdf")), Err(PdfError::NotPdf)));
    assert_eq!(PdfError::NotPdf.to_string(), "not a PDF (no %PDF- header)");
}

#[test]
fn password_protected_file_is_encrypted() {
    let err = extract(&fixture("encrypted.pdf")).expect_err("encrypted");
    assert!(matches!(err, PdfError::Encrypted), "{err:?}");
}

/// A minimal, valid PDF whose single page draws a rectangle and no text.
fn image_only_pdf() -> Vec<u8> {
    let content = b"0 0 1 rg 10 10 200 200 re f";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Count 1 /Kids [3 0 R] >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{}\nendstream", content.len(), String::from_utf8_lossy(content)),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

#[test]
fn page_without_text_layer_is_no_text() {
    let err = extract(&image_only_pdf()).expect_err("no text");
    assert!(matches!(err, PdfError::NoText), "{err:?}");
}

#[test]
fn work_is_bounded_by_the_timeout() {
    let options = nexus_pdf::ExtractOptions { timeout: std::time::Duration::ZERO, ..Default::default() };
    let err = nexus_pdf::extract_with(&fixture("groff_en.pdf"), &options).expect_err("zero timeout");
    assert!(matches!(err, PdfError::TimedOut(_)), "{err:?}");
}

#[test]
fn glyph_budget_stops_reading_with_a_warning() {
    let options = nexus_pdf::ExtractOptions { max_glyphs: 500, ..Default::default() };
    let doc = nexus_pdf::extract_with(&fixture("groff_en.pdf"), &options).expect("partial text");
    assert!(doc.warnings.iter().any(|w| w.contains("stopped after 500 characters")), "{:?}", doc.warnings);
    assert!(doc.text.starts_with("Cocaine Routes"));
}

#[test]
fn owner_password_only_file_extracts() {
    let doc = extract_fixture("owner_password_only.pdf");
    assert_eq!(doc.title.as_deref(), Some("Oro ilegal en Madre de Dios"));
    assert_contains_all(&doc, &["La minería ilegal de oro", "Emiratos Árabes Unidos"]);
    assert_contains_none(&doc, &["Revista de Seguridad Andina", "Página"]);
}
