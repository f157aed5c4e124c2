//! Every extraction as one JSON line, to check that a speed change leaves output byte-identical:
//! each document of the demo corpus and of `../shared/seeds` (as ingest reads them, with their
//! dates), then the ~1 MiB English text of the `extract` bench.
//! `cargo run --release -p nexus-extract --example dump_extractions > before.jsonl`, change, run
//! again, `cmp`.

#[path = "../benches/support/english.rs"]
mod english;

use nexus_extract::Extractor;
use nexus_kb::KnowledgeBase;
use std::path::Path;

fn main() {
    let extractor = Extractor::new(KnowledgeBase::load(&[]).0);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths: Vec<_> = ["corpus/demo", "../shared/seeds"]
        .iter()
        .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
        .flat_map(|entries| entries.filter_map(Result::ok).map(|e| e.path()))
        .collect();
    paths.sort();
    let line = |x: &nexus_extract::Extraction| serde_json::to_string(x).expect("extractions serialize");
    for p in &paths {
        let Ok(d) = nexus_ingest::read_file(p, &Default::default()) else { continue };
        println!("{}", line(&extractor.extract(&d.extraction_text(), d.meta.published.as_deref())));
    }
    println!("{}", line(&extractor.extract(&english::english_text(&english::documents()), None)));
}
