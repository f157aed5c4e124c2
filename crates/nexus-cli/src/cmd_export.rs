//! `nexus export`: the graph in the formats other tools read.

use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd_docs::open;
use crate::cmd_kb::analyst_dirs;
use anyhow::{Context, bail};
use nexus_export::{Format, Options, Snapshot};
use nexus_kb::KnowledgeBase;
use std::io::Write;
use std::path::Path;

pub fn run(db: &Path, args: ExportArgs) -> anyhow::Result<()> {
    let store = open(db)?;
    let kb = KnowledgeBase::load(&analyst_dirs(db, &args.kb)).0;
    let opts = Options { min_sources: args.min_sources, predicate: args.predicate };
    let snapshot = Snapshot::read(&store, &kb, &opts).with_context(|| format!("cannot read the graph from {}", db.display()))?;
    if snapshot.edges.is_empty() {
        eprintln!("note: no edges to export (no claims stored, or none with --min-sources {})", opts.min_sources);
    }
    let out = args.out.as_deref().filter(|p| *p != Path::new("-"));
    let format = match args.format {
        ExportFormat::Csv => return csv(&snapshot, out),
        ExportFormat::Graphml => Format::GraphMl,
        ExportFormat::Gexf => Format::Gexf,
        ExportFormat::Events => Format::Events,
        ExportFormat::Json => Format::Json,
        ExportFormat::Stix => Format::Stix,
    };
    match out {
        Some(path) => nexus_export::write_atomic(path, |w| nexus_export::write(&snapshot, format, w))
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            nexus_export::write(&snapshot, format, &mut w).context("cannot write to standard output")?;
            w.flush().context("cannot write to standard output")
        }
    }
}

/// Two files into one directory, both whole or neither.
fn csv(snapshot: &Snapshot, dir: Option<&Path>) -> anyhow::Result<()> {
    let Some(dir) = dir else { bail!("--format csv writes two files (entities.csv, links.csv): give --out DIRECTORY") };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create the directory {}", dir.display()))?;
    let (entities, links) = (dir.join("entities.csv"), dir.join("links.csv"));
    nexus_export::write_atomic_files(vec![
        (&entities, Box::new(|w: &mut dyn Write| nexus_export::csv::write_entities(snapshot, w))),
        (&links, Box::new(|w: &mut dyn Write| nexus_export::csv::write_links(snapshot, w))),
    ])
    .with_context(|| format!("cannot write {} and {}", entities.display(), links.display()))
}
