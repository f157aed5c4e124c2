//! Random damage to real PDFs must never panic or hang: every outcome is a value.

use std::path::PathBuf;

use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One kind of damage applied at a position given as a fraction of the file length.
#[derive(Debug, Clone)]
enum Damage {
    Overwrite { at: f64, bytes: Vec<u8> },
    Truncate { at: f64 },
    Insert { at: f64, bytes: Vec<u8> },
    Delete { at: f64, len: usize },
}

fn damage() -> impl Strategy<Value = Damage> {
    let at = 0.0f64..1.0;
    prop_oneof![
        (at.clone(), prop::collection::vec(any::<u8>(), 1..64)).prop_map(|(at, bytes)| Damage::Overwrite { at, bytes }),
        at.clone().prop_map(|at| Damage::Truncate { at }),
        (at.clone(), prop::collection::vec(any::<u8>(), 1..64)).prop_map(|(at, bytes)| Damage::Insert { at, bytes }),
        (at, 1usize..256).prop_map(|(at, len)| Damage::Delete { at, len }),
    ]
}

fn apply(mut bytes: Vec<u8>, damages: &[Damage]) -> Vec<u8> {
    for d in damages {
        let pos = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
        match d {
            Damage::Overwrite { at, bytes: new } => {
                let p = pos(*at, bytes.len());
                for (i, b) in new.iter().enumerate() {
                    if let Some(slot) = bytes.get_mut(p + i) {
                        *slot = *b;
                    }
                }
            }
            Damage::Truncate { at } => bytes.truncate(pos(*at, bytes.len())),
            Damage::Insert { at, bytes: new } => {
                let p = pos(*at, bytes.len());
                bytes.splice(p..p, new.iter().copied());
            }
            Damage::Delete { at, len } => {
                let p = pos(*at, bytes.len());
                let end = (p + len).min(bytes.len());
                bytes.drain(p..end);
            }
        }
    }
    bytes
}

fn sources() -> Vec<Vec<u8>> {
    let generated = nexus_pdfgen::render_pdf(&nexus_pdfgen::DocSpec {
        title: "Mutations".into(),
        running_header: Some("Header · Vol. 1".into()),
        paragraphs: vec!["Texto con acentos: ñandú, ação, corrupción y narcotráfico. ".repeat(40); 3],
        ..Default::default()
    });
    vec![generated, fixture("libreoffice_es.pdf"), fixture("reportlab_pt.pdf")]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_pdfs_never_panic(source in 0usize..3, damages in prop::collection::vec(damage(), 1..4)) {
        let bytes = apply(sources()[source].clone(), &damages);
        // Any Ok or Err is fine; a panic or hang is not (extract catches panics, so a panic
        // escaping here is a bug in our own code).
        let _ = nexus_pdf::extract(&bytes);
    }
}

#[test]
fn every_truncation_point_of_a_small_file_is_handled() {
    let bytes = &sources()[0];
    for len in (0..bytes.len()).step_by(97) {
        let _ = nexus_pdf::extract(&bytes[..len]);
    }
}

#[test]
fn self_drawing_form_xobject_is_refused_not_recursed() {
    // Page draws form 5, whose resources make /X0 point back at form 5 itself.
    let form_content = "/X0 Do";
    let page_content = "BT /F1 12 Tf 72 720 Td (Visible text) Tj ET /X0 Do";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Count 1 /Kids [3 0 R] >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> /XObject << /X0 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{page_content}\nendstream", page_content.len()),
        format!("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X0 5 0 R >> >> /Length {} >>\nstream\n{form_content}\nendstream", form_content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
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

    let err = nexus_pdf::extract(&out).expect_err("only page refused");
    assert!(err.to_string().contains("draws itself"), "{err}");
}
