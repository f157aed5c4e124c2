//! `nexus report`: the briefing built from the store's analysis, as one HTML file or as Markdown
//! with its three SVG figures beside it.

use crate::cli::{ReportArgs, ReportFormat};
use crate::cmd_docs::open;
use crate::cmd_entities::resolve;
use crate::cmd_kb::analyst_dirs;
use anyhow::Context;
use nexus_kb::KnowledgeBase;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many of the best-supported edges the network figure may draw from.
const NETWORK_EDGES: usize = 120;

pub fn run(db: &Path, args: ReportArgs) -> anyhow::Result<PathBuf> {
    let store = open(db)?;
    let kb = KnowledgeBase::load(&analyst_dirs(db, &args.kb)).0;
    let focus = args.focus.as_deref().map(|n| resolve(&store, &kb, n).map(|r| r.0.id)).transpose()?;
    let opts = nexus_analysis::Options { focus, since: args.since, until: args.until, limit: 30, ..Default::default() };
    let analysis = nexus_analysis::analyze(&store, &kb, &opts).with_context(|| format!("cannot analyze {}", db.display()))?;
    if analysis.summary.edges == 0 {
        eprintln!("note: no relations in scope (no claims stored, or none in the period or around the focus); the report says so");
    }
    // The network figure and the organizations' ties: the best-supported edges in scope.
    let filter = nexus_store::ClaimFilter {
        entity: analysis.scope.focus.as_ref().map(|f| f.key.clone()),
        since: opts.since.clone(),
        limit: Some(NETWORK_EDGES),
        per_edge: Some(2),
        ..Default::default()
    };
    let edges = store.claims(&filter).with_context(|| format!("cannot read the claims of {}", db.display()))?;
    let model = nexus_report::model_from(&analysis, &kb, &edges, args.title.as_deref());
    let ropts = nexus_report::Options::default();
    let to_stdout = args.out.as_os_str() == "-";
    match args.format {
        ReportFormat::Html => {
            let page = nexus_report::html(&model, &ropts);
            if to_stdout {
                std::io::stdout().write_all(page.as_bytes())?;
            } else {
                write(&args.out, page.as_bytes())?;
            }
        }
        ReportFormat::Md => {
            let stem = args.out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "nexus-report".to_owned());
            let text = nexus_report::markdown(&model, &ropts, (!to_stdout).then_some(stem.as_str()));
            if to_stdout {
                std::io::stdout().write_all(text.as_bytes())?;
            } else {
                let dir = args.out.parent().unwrap_or(Path::new(""));
                for f in nexus_report::figures(&model, &ropts) {
                    write(&dir.join(format!("{stem}.{}.svg", f.name)), f.svg.as_bytes())?;
                }
                write(&args.out, text.as_bytes())?;
            }
        }
    }
    if !to_stdout {
        eprintln!("report written to {}", args.out.display());
    }
    Ok(args.out)
}

/// Whole or not at all: a failed write leaves any earlier report in place.
fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    nexus_export::write_atomic(path, |w| Ok(w.write_all(bytes)?)).with_context(|| format!("cannot write {}", path.display()))
}
