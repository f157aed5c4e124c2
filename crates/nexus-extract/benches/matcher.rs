//! Building the knowledge-base matcher, and matching English report text with it:
//! `cargo bench -p nexus-extract --bench matcher`. The text is the demo corpus's English `.txt`
//! documents, concatenated.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nexus_extract::Matcher;
use nexus_kb::KnowledgeBase;

fn english_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/demo");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("demo corpus").filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("en-")) && p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| nexus_ingest::read_file(p, &Default::default()).ok())
        .map(|d| d.text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench(c: &mut Criterion) {
    let (kb, _) = KnowledgeBase::load(&[]);
    c.bench_function("matcher_build", |b| b.iter(|| Matcher::new(&kb)));
    let matcher = Matcher::new(&kb);
    let text = english_text();
    let mut group = c.benchmark_group("matcher_find");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("english_demo_text", |b| b.iter(|| matcher.find(&kb, &text)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
