//! Time to load and validate the bundled knowledge base: `cargo bench -p nexus-kb --bench load`.

use criterion::{Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    c.bench_function("load_bundled_kb", |b| b.iter(|| nexus_kb::KnowledgeBase::load(&[])));
    let (kb, _) = nexus_kb::KnowledgeBase::load(&[]);
    c.bench_function("validate_bundled_kb", |b| b.iter(|| kb.validate()));
}

criterion_group!(benches, load);
criterion_main!(benches);
