//! The whole extractor on English report text, and the knowledge base made ready for it:
//! `cargo bench -p nexus-extract --bench extract` (one core: prefix `taskset -c 0`).
//!
//! - `kb_ready`: load the bundled knowledge base and build the `Extractor` (target < 200 ms).
//! - `extract/english_documents`: `Extractor::extract_batch` on the English demo documents, each
//!   with its own date, in one batch, as ingest calls it (target ≥ 30 MB/s per core).
//! - `extract/english_1mib`: one call on those documents repeated to ~1 MiB, the text
//!   `examples/dump_english_text.rs` writes for the spaCy comparison.
//! - `extract/*_mentions`: the same without relations (`Extractor::extract_mentions_batch`): the
//!   entities, quantities and dates, what a named-entity tagger such as spaCy's gives.
//! - `extract/english_documents_mentions_one_at_a_time`: `Extractor::extract_mentions` on each
//!   document in turn, to show what batching gains.
//! - `stages/*`: the matcher, quantities and dates alone on the ~1 MiB text, to see where the time goes.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nexus_extract::{Extractor, Input, Matcher};
use nexus_kb::KnowledgeBase;
use std::hint::black_box;
use std::time::Duration;

#[path = "support/english.rs"]
mod english;

/// The allocator the `nexus` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let mut ready = c.benchmark_group("kb_ready");
    ready.sample_size(20).measurement_time(Duration::from_secs(10));
    ready.bench_function("load_and_build_extractor", |b| b.iter(|| Extractor::new(KnowledgeBase::load(&[]).0)));
    ready.finish();

    let extractor = Extractor::new(KnowledgeBase::load(&[]).0);
    let kb = extractor.kb();
    let docs = english::documents();
    let text = english::english_text(&docs);
    let inputs: Vec<Input> = docs.iter().map(|d| Input { text: &d.text, reference: d.published.as_deref() }).collect();

    let mut group = c.benchmark_group("extract");
    group.sample_size(20).measurement_time(Duration::from_secs(15));
    group.throughput(Throughput::Bytes(docs.iter().map(|d| d.text.len() as u64).sum()));
    group.bench_function("english_documents", |b| b.iter(|| extractor.extract_batch(black_box(&inputs))));
    group.bench_function("english_documents_mentions", |b| b.iter(|| extractor.extract_mentions_batch(black_box(&inputs))));
    group.bench_function("english_documents_mentions_one_at_a_time", |b| {
        b.iter(|| docs.iter().map(|d| extractor.extract_mentions(black_box(&d.text), d.published.as_deref()).entities.len()).sum::<usize>())
    });
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("english_1mib", |b| b.iter(|| extractor.extract(black_box(&text), None)));
    group.bench_function("english_1mib_mentions", |b| b.iter(|| extractor.extract_mentions(black_box(&text), None)));
    group.finish();

    let matcher = Matcher::new(kb);
    let mut stages = c.benchmark_group("stages");
    stages.sample_size(20).measurement_time(Duration::from_secs(10));
    stages.throughput(Throughput::Bytes(text.len() as u64));
    stages.bench_function("matcher_find", |b| b.iter(|| matcher.find(kb, black_box(&text))));
    stages.bench_function("quantities", |b| b.iter(|| nexus_extract::quantities::find_quantities(black_box(&text))));
    stages.bench_function("dates", |b| b.iter(|| nexus_extract::dates::find_dates(black_box(&text), None)));
    stages.bench_function("sentences", |b| b.iter(|| nexus_extract::sentences::split(black_box(&text))));
    stages.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
