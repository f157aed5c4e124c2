//! `nexus demo`: the first thing a new user runs. Ingests the bundled corpus, then shows the
//! store's contents and the commands to explore it.

use crate::cli::{DemoArgs, IngestArgs};
use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, args: DemoArgs) -> anyhow::Result<ExitCode> {
    if !args.corpus.is_dir() {
        anyhow::bail!("{}: the demo corpus is not there; pass --corpus DIR", args.corpus.display());
    }
    let corpus = args.corpus.canonicalize()?;
    eprintln!("ingesting the demo corpus from {}", corpus.display());
    let code =
        crate::cmd_ingest::run(db, IngestArgs { paths: vec![corpus], near_dup_threshold: 0.5, max_bytes: 128 * 1024 * 1024, json: false })?;
    println!();
    crate::cmd_docs::stats(db, false)?;
    println!();
    crate::cmd_docs::list(db, false)?;
    let db = db.display();
    println!("\nexplore it:");
    println!("  nexus --db {db} search Apurimac          # accent-insensitive full-text search");
    println!("  nexus --db {db} search '\"Clan del Golfo\" OR Urabeños'");
    println!("  nexus --db {db} doc ID                   # metadata, sources and near-duplicates of one document");
    println!("  nexus --db {db} doc ID --text            # its clean text");
    println!("(with cargo: cargo run --release -- --db {db} search Apurimac)");
    Ok(code)
}
