//! Write a synthetic corpus for benchmarks: `nexus-gen-corpus --docs 100000 --words 400 --out DIR`.

use clap::Parser;
use std::path::PathBuf;

#[derive(Parser)]
struct Args {
    /// Number of documents.
    #[arg(long)]
    docs: usize,
    /// Approximate words per document.
    #[arg(long, default_value_t = 400)]
    words: usize,
    /// Every Nth document is a near-duplicate of the previous one (0 for none).
    #[arg(long, default_value_t = 10)]
    near_dup_every: usize,
    #[arg(long)]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let paths = nexus_testkit::write_corpus(&a.out, a.docs, a.words, a.near_dup_every)?;
    let bytes: u64 = paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    eprintln!("wrote {} documents, {} bytes, into {}", paths.len(), bytes, a.out.display());
    Ok(())
}
