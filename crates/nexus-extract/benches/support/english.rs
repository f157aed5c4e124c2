//! The English report text the extraction benchmarks read, shared with
//! `examples/dump_english_text.rs` so that the spaCy comparison (`scripts/spacy_bench.py`) reads
//! byte for byte the same input: every English document of the demo corpus as extraction reads it
//! (footnote marks blanked), in name order.

use std::path::Path;

/// About 1 MiB: long enough that per-call overheads vanish, short enough for criterion's samples.
pub const TARGET_BYTES: usize = 1 << 20;

/// One English demo document: the text extraction reads and its publication date (which only
/// the `extract` bench reads).
#[allow(dead_code)]
pub struct EnglishDoc {
    pub text: String,
    pub published: Option<String>,
}

/// The demo corpus's English documents (every format), in file-name order.
pub fn documents() -> Vec<EnglishDoc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("demo corpus").filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| nexus_ingest::read_file(p, &Default::default()).ok())
        .filter(|d| d.language.code == "en")
        .map(|d| EnglishDoc { text: d.extraction_text().into_owned(), published: d.meta.published.clone() })
        .collect()
}

/// The documents joined by blank lines, the whole set repeated until it reaches `TARGET_BYTES`.
pub fn english_text(docs: &[EnglishDoc]) -> String {
    let once = docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("\n\n");
    let mut text = once.clone();
    while !once.is_empty() && text.len() < TARGET_BYTES {
        text.push_str("\n\n");
        text.push_str(&once);
    }
    text
}
