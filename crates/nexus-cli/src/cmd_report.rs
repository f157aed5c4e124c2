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

/// Around how many of the most central actors, and of the most central organizations, the
/// network figure draws edges, and how many edges each.
const CENTRAL_ACTORS: usize = 12;
const CENTRAL_ORGS: usize = 8;
const EDGES_PER_ACTOR: usize = 10;
const ORG_TYPES: [&str; 2] = ["criminal_org", "armed_group"];

pub fn run(db: &Path, args: ReportArgs) -> anyhow::Result<PathBuf> {
    let store = open(db)?;
    let kb = KnowledgeBase::load(&analyst_dirs(db, &args.kb)).0;
    let focus = args.focus.as_deref().map(|n| resolve(&store, &kb, n).map(|r| r.0.id)).transpose()?;
    let opts = nexus_analysis::Options { focus, since: args.since, until: args.until, limit: 30, ..Default::default() };
    let analysis = nexus_analysis::analyze(&store, &kb, &opts).with_context(|| format!("cannot analyze {}", db.display()))?;
    if analysis.summary.edges == 0 {
        eprintln!("note: no relations in scope (no claims stored, or none in the period or around the focus); the report says so");
    }
    // The network figure and the organizations' ties: the best-supported edges around the focus,
    // or around the most central actors and organizations (one indexed look-up each; a scan of
    // every edge of a large store would take longer than the analysis).
    let centres: Vec<String> = match &analysis.scope.focus {
        Some(f) => vec![f.key.clone()],
        None => {
            let central = analysis.actors.iter().take(CENTRAL_ACTORS);
            let orgs = analysis.actors.iter().filter(|a| ORG_TYPES.contains(&a.entity.entity_type.as_str())).take(CENTRAL_ORGS);
            let mut keys: Vec<String> = central.chain(orgs).map(|a| a.entity.key.clone()).collect();
            keys.dedup();
            keys
        }
    };
    let mut edges: Vec<nexus_store::EdgeClaims> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for key in centres {
        let filter = nexus_store::ClaimFilter {
            entity: Some(key),
            since: opts.since.clone(),
            limit: Some(EDGES_PER_ACTOR),
            per_edge: Some(2),
            ..Default::default()
        };
        for e in store.claims(&filter).with_context(|| format!("cannot read the claims of {}", db.display()))? {
            if seen.insert((e.edge.subject.clone(), e.edge.predicate.clone(), e.edge.object.clone())) {
                edges.push(e);
            }
        }
    }
    edges.sort_by_key(|e| std::cmp::Reverse(e.edge.support));
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
