//! A driver for instruction counts, steadier than timings on a shared machine: builds the
//! extractor, extracts once to warm up, then extracts the English demo documents (each with its
//! date) ROUNDS times, or the ~1 MiB text of the `extract` bench with `1mib`; with `mentions`,
//! without relations (`Extractor::extract_mentions`):
//! `valgrind --tool=callgrind --toggle-collect='*extract_all*' …/examples/profile_extract [ROUNDS] [1mib] [mentions]`
//! counts the extraction alone.

#[path = "../benches/support/english.rs"]
mod english;

use nexus_extract::Extractor;
use nexus_kb::KnowledgeBase;

/// The allocator the `nexus` binary uses, so the counts are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn extract_all(extractor: &Extractor, docs: &[(String, Option<String>)], mentions: bool) -> usize {
    let one = |text: &str, date: Option<&str>| {
        if mentions { extractor.extract_mentions(text, date) } else { extractor.extract(text, date) }
    };
    docs.iter().map(|(text, date)| one(std::hint::black_box(text), date.as_deref()).entities.len()).sum()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1);
    let mentions = args.iter().any(|a| a == "mentions");
    let extractor = Extractor::new(KnowledgeBase::load(&[]).0);
    let english = english::documents();
    let docs: Vec<(String, Option<String>)> = if args.iter().any(|a| a == "1mib") {
        vec![(english::english_text(&english), None)]
    } else {
        english.into_iter().map(|d| (d.text, d.published)).collect()
    };
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let warm = docs.first().map_or(0, |(text, _)| extractor.extract(text, None).entities.len());
    let entities: usize = (0..rounds).map(|_| extract_all(&extractor, &docs, mentions)).sum();
    eprintln!("{} documents, {bytes} bytes, {rounds} rounds, {entities} entities ({warm} warming up)", docs.len());
}
