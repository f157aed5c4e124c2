//! A driver for instruction counts, steadier than timings on a shared machine: builds the
//! extractor, extracts once to warm up, then extracts the English demo documents (each with its
//! date) ROUNDS times in one batch (`Extractor::extract_batch`, as ingest calls it; with `alone`,
//! one document at a time), or the ~1 MiB text of the `extract` bench with `1mib`; with
//! `mentions`, without relations (`Extractor::extract_mentions_batch`):
//! `valgrind --tool=callgrind --toggle-collect='*extract_all*' …/examples/profile_extract [ROUNDS] [1mib] [mentions]`
//! counts the extraction alone.

#[path = "../benches/support/english.rs"]
mod english;

use nexus_extract::{Extractor, Input};
use nexus_kb::KnowledgeBase;

/// The allocator the `nexus` binary uses, so the counts are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn extract_all(extractor: &Extractor, docs: &[(String, Option<String>)], mentions: bool, alone: bool) -> usize {
    let inputs: Vec<Input> =
        docs.iter().map(|(text, date)| Input { text: std::hint::black_box(text), reference: date.as_deref() }).collect();
    let batch = |inputs: &[Input]| if mentions { extractor.extract_mentions_batch(inputs) } else { extractor.extract_batch(inputs) };
    if alone {
        inputs.chunks(1).flat_map(batch).map(|x| x.entities.len()).sum()
    } else {
        batch(&inputs).iter().map(|x| x.entities.len()).sum()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1);
    let mentions = args.iter().any(|a| a == "mentions");
    let alone = args.iter().any(|a| a == "alone");
    let extractor = Extractor::new(KnowledgeBase::load(&[]).0);
    let english = english::documents();
    let docs: Vec<(String, Option<String>)> = if args.iter().any(|a| a == "1mib") {
        vec![(english::english_text(&english), None)]
    } else {
        english.into_iter().map(|d| (d.text, d.published)).collect()
    };
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let warm = docs.first().map_or(0, |(text, _)| extractor.extract(text, None).entities.len());
    let entities: usize = (0..rounds).map(|_| extract_all(&extractor, &docs, mentions, alone)).sum();
    eprintln!("{} documents, {bytes} bytes, {rounds} rounds, {entities} entities ({warm} warming up)", docs.len());
}
