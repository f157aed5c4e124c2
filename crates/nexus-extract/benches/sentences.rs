//! Sentence splitting of English report text: `cargo bench -p nexus-extract --bench sentences`.
//! The text is the demo corpus's English documents repeated to ~1 MiB (`support/english.rs`), the
//! same input as the `extract` bench.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/english.rs"]
mod english;

fn bench(c: &mut Criterion) {
    let text = english::english_text(&english::documents());
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("split_english_1mib", |b| b.iter(|| nexus_extract::sentences::split(std::hint::black_box(&text))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
