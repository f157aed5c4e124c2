//! Throughput of `extract` on a large generated article page.
//!
//! Run: `CARGO_TARGET_DIR=/work/targets/html cargo bench -p nexus-html --bench extract`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A news-style page of roughly `target` bytes: mega-menu, cookie banner,
/// inline scripts and styles, a long article with footnote marks, related
/// links and a footer.
fn generated_page(target: usize) -> String {
    let mut html = String::with_capacity(target + 4096);
    html.push_str("<!DOCTYPE html><html lang=\"en\"><head><title>Benchmark report | Bench Site</title>");
    html.push_str("<meta property=\"og:site_name\" content=\"Bench Site\"><style>body{margin:0}</style></head><body>");
    html.push_str("<div class=\"cookie-banner\">We use cookies. <button>Accept cookies</button></div><nav class=\"mega-menu\"><ul>");
    for i in 0..200 {
        html.push_str(&format!("<li><a href=\"/s{i}\">Section {i}</a></li>"));
    }
    html.push_str("</ul></nav><main><article><h1>Benchmark report</h1><div class=\"body\">");
    let mut n = 0;
    while html.len() < target {
        n += 1;
        html.push_str(&format!(
            "<p>Paragraph {n}: the organisation moved <b>precursor chemicals</b>, cash and weapons across \
             the border, according to <a href=\"/src{n}\">court records</a> and interviews.<sup>{n}</sup> \
             Officials in Lima, Bogotá and São Paulo described the same pattern, with minor variations.</p>"
        ));
        if n % 20 == 0 {
            html.push_str(&format!(
                "<h2>Section {n}</h2><script>window.ads && ads.push({{slot:{n}}});</script>\
                 <div class=\"share\"><a href=\"#\">Share on Twitter</a></div>"
            ));
        }
    }
    html.push_str("</div></article><section class=\"related\"><a href=\"/r\">Related</a></section></main>");
    html.push_str("<footer><a href=\"/about\">About</a></footer></body></html>");
    html
}

fn bench_extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (label, size) in [("article_256KiB", 256 * 1024), ("article_4MiB", 4 * 1024 * 1024)] {
        let page = generated_page(size);
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(label, |b| b.iter(|| nexus_html::extract(black_box(&page))));
    }
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
