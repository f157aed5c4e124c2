//! Time to load and validate the bundled knowledge base: `cargo bench -p nexus-kb --bench load`.

use criterion::{Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    c.bench_function("load_and_validate_bundled_kb", |b| b.iter(|| nexus_kb::KnowledgeBase::load(&[])));
}

criterion_group!(benches, load);
criterion_main!(benches);
