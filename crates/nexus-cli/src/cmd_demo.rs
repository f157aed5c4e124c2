//! `nexus demo`: the first thing a new user runs. Ingests the bundled corpus, writes the
//! briefing beside the store, then shows the store's contents, the entities it mentions most,
//! and the commands to explore it.

use crate::cli::{DemoArgs, IngestArgs, ReportArgs, ReportFormat};
use std::path::Path;
use std::process::ExitCode;

/// Entities shown after the demo's ingest: enough to see what the corpus is about.
const TOP_ENTITIES: usize = 12;

pub fn run(db: &Path, args: DemoArgs) -> anyhow::Result<ExitCode> {
    if !args.corpus.is_dir() {
        anyhow::bail!("{}: the demo corpus is not there; pass --corpus DIR", args.corpus.display());
    }
    let corpus = args.corpus.canonicalize()?;
    eprintln!("ingesting the demo corpus from {}", corpus.display());
    let code = crate::cmd_ingest::run(
        db,
        IngestArgs {
            paths: vec![corpus],
            near_dup_threshold: 0.5,
            max_bytes: 128 * 1024 * 1024,
            json: false,
            no_extract: false,
            kb: Vec::new(),
        },
    )?;
    println!();
    crate::cmd_docs::stats(db, false)?;
    println!();
    crate::cmd_docs::list(db, false)?;
    let top = crate::cmd_docs::open(db)?.entities(None, Some(TOP_ENTITIES))?;
    if !top.is_empty() {
        println!("\nthe entities most documents mention:");
        print!("{}", crate::cmd_entities::entity_table(&top));
    }
    let report = db.with_file_name("nexus-report.html");
    let report = crate::cmd_report::run(
        db,
        ReportArgs { out: report, format: ReportFormat::Html, focus: None, since: None, until: None, title: None, kb: Vec::new() },
    )?;
    let report = std::fs::canonicalize(&report).unwrap_or(report);
    let db = db.display();
    println!("\nthe briefing (one HTML file, opens offline): {}", report.display());
    println!("\nexplore it in the workbench (search, profiles, graph, map, timeline, corrections):");
    println!("  nexus --db {db} serve                    # then open http://127.0.0.1:8080");
    println!("\nor from the command line:");
    println!("  nexus --db {db} search Apurimac          # accent-insensitive full-text search");
    println!("  nexus --db {db} search '\"Clan del Golfo\" OR Urabeños'");
    println!("  nexus --db {db} doc ID                   # metadata, sources and near-duplicates of one document");
    println!("  nexus --db {db} doc ID --text            # its clean text");
    println!("  nexus --db {db} entities --type criminal_org   # organizations, with mention and document counts");
    println!("  nexus --db {db} entity 'sendero luminoso'      # one entity: aliases, knowledge-base id, relations, mentions in context");
    println!("  nexus --db {db} claims --entity PCC            # what the corpus says of it, with support in works and evidence");
    println!("  nexus --db {db} analyze                        # central actors, supply chains, the crime–terror nexus, changes");
    println!("  nexus --db {db} report --focus Peru --out peru.html   # a briefing on one country or actor");
    println!("(with cargo: cargo run --release -- --db {db} search Apurimac)");
    Ok(code)
}
