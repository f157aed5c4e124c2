//! Extraction throughput in pages per second on a multi-page PDF made by nexus-pdfgen
//! (deterministic, so runs are comparable across machines and commits).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nexus_pdfgen::{DocSpec, render_pdf};

/// Roughly 20 A4 pages of Spanish body text with a running header and page numbers.
fn sample_pdf() -> (Vec<u8>, usize) {
    let paragraph = "Las organizaciones criminales transnacionales diversificaron sus economías ilícitas hacia la minería ilegal de oro, el tráfico de madera y la trata de personas; los fiscales de Puerto Maldonado describen una cadena de intermediarios que blanquea el metal mediante facturas falsas y exportaciones aparentemente legales.";
    let spec = DocSpec {
        title: "Benchmark: economías ilícitas en la Amazonía".into(),
        authors: vec!["Ana Quispe".into(), "Luis Romero".into()],
        date: Some("2024-01-31".into()),
        running_header: Some("Revista de Seguridad Andina · Vol. 9, n.º 2".into()),
        paragraphs: (0..120).map(|i| format!("{i}. {paragraph}")).collect(),
        ..DocSpec::default()
    };
    let bytes = render_pdf(&spec);
    let pages = nexus_pdf::extract(&bytes).map(|d| d.pages).unwrap_or(0);
    (bytes, pages)
}

fn bench_extract(c: &mut Criterion) {
    let (bytes, pages) = sample_pdf();
    assert!(pages >= 10, "benchmark input should be multi-page, got {pages}");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(pages as u64));
    group.sample_size(20);
    group.bench_function(format!("nexus-pdfgen {pages} pages"), |b| b.iter(|| nexus_pdf::extract(std::hint::black_box(&bytes))));
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
