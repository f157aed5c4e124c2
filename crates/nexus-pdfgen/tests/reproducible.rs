//! The committed demo PDFs are exactly what the generator makes from their sources.

use std::path::{Path, PathBuf};

const REGENERATE: &str = "cargo run -p nexus-pdfgen -- corpus/pdf-src corpus/demo";

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

#[test]
fn rendering_is_deterministic() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/samples");
    for src in nexus_pdfgen::source_files(&dir).expect("samples") {
        let a = nexus_pdfgen::render_source_file(&src).expect("renders");
        let b = nexus_pdfgen::render_source_file(&src).expect("renders");
        assert_eq!(a, b, "{}", src.display());
    }
}

#[test]
fn committed_demo_pdfs_match_their_sources() {
    let src_dir = corpus().join("pdf-src");
    let demo_dir = corpus().join("demo");
    if !src_dir.is_dir() {
        return; // nothing to check yet
    }
    let out = tempfile::tempdir().expect("temp dir");
    let written = nexus_pdfgen::convert_dir(&src_dir, out.path()).expect("sources convert");
    let mut stale = Vec::new();
    for fresh in &written {
        let name = fresh.file_name().unwrap_or_default();
        let committed = demo_dir.join(name);
        let same = std::fs::read(&committed).ok() == std::fs::read(fresh).ok();
        if !same {
            stale.push(display(&committed));
        }
    }
    assert!(
        stale.is_empty(),
        "these demo PDFs are missing or differ from what corpus/pdf-src generates:\n  {}\nrerun `{REGENERATE}` from the workspace root and commit the result",
        stale.join("\n  ")
    );
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
