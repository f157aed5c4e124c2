//! `nexus ingest` and `nexus reextract`: a progress bar with rate and ETA on a terminal (hidden
//! when piped), one line per skipped or failed file, a summary, and a failing exit status when
//! any file failed.

use crate::cli::{IngestArgs, ReextractArgs};
use crate::output::print_json;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nexus_pipeline::{Event, Observer, Options};
use nexus_store::{AddOutcome, NearDupConfig};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

struct Bar {
    bar: ProgressBar,
}

impl Bar {
    /// A bar on standard error, drawn only on a terminal; `template` says what its units are.
    fn new(template: &str) -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(template).map(|s| s.progress_chars("=> ")).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Bar { bar }
    }
}

impl Observer for Bar {
    fn started(&mut self, inputs: usize, bytes: u64) {
        self.bar.set_length(bytes.max(1));
        self.bar.set_message(format!("{inputs} files"));
    }

    fn advanced(&mut self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn event(&mut self, event: &Event) {
        let mut lines = Vec::new();
        match event {
            Event::Stored { source, outcome, warnings, .. } => {
                if let AddOutcome::NearDuplicate { id, of, similarity, .. } = outcome {
                    lines.push(format!("near-duplicate: {source} ({id}) is the same work as {of} (similarity {similarity:.2})"));
                }
                lines.extend(warnings.iter().map(|w| format!("warning: {source}: {w}")));
            }
            Event::Skipped(e) => lines.push(format!("skipped: {e}")),
            Event::Failed(msg) => lines.push(format!("error: {msg}")),
        }
        // `suspend` prints whether or not the bar is drawn; `println` would be silent when piped.
        if !lines.is_empty() {
            self.bar.suspend(|| lines.iter().for_each(|l| eprintln!("{l}")));
        }
    }
}

pub fn run(db: &Path, args: IngestArgs) -> anyhow::Result<ExitCode> {
    let walked = nexus_ingest::expand(&args.paths);
    let opts = Options {
        convert: nexus_ingest::Options { max_bytes: args.max_bytes },
        near_dup: NearDupConfig { threshold: args.near_dup_threshold },
        ..Options::default()
    };
    // Built once for the whole ingest: compiling the knowledge base costs more than a document.
    let extractor = (!args.no_extract).then(|| crate::cmd_extract::extractor(db, &args.kb));
    let mut observer = Bar::new("{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}");
    let summary = nexus_pipeline::run(db, walked.inputs, walked.errors, &opts, extractor.as_ref(), &mut observer)?;
    observer.bar.finish_and_clear();
    if args.json {
        print_json(&summary)?;
    } else {
        eprintln!(
            "ingested {} ({} near-duplicate{}), {} duplicate{}, {} skipped, {} failed — {} in {:.1}s into {}",
            summary.ingested,
            summary.near_duplicates,
            plural(summary.near_duplicates),
            summary.duplicates,
            plural(summary.duplicates),
            summary.skipped,
            summary.failed,
            crate::output::human_bytes(summary.bytes),
            summary.seconds,
            db.display()
        );
        if args.no_extract {
            eprintln!("not extracted (--no-extract): `nexus reextract`, or ingesting the same files again, extracts them");
        } else if summary.extracted > summary.ingested {
            let earlier = summary.extracted - summary.ingested;
            eprintln!("extracted {earlier} document{} stored earlier without extraction", plural(earlier));
        }
    }
    Ok(if summary.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// What `nexus reextract --json` prints: the documents done and the store's totals after.
#[derive(Serialize)]
struct ReextractOut {
    documents: usize,
    seconds: f64,
    entities: u64,
    mentions: u64,
    quantities: u64,
    dates: u64,
}

pub fn reextract(db: &Path, args: ReextractArgs) -> anyhow::Result<ExitCode> {
    // Refuse a missing store before spending time on the knowledge base.
    drop(crate::cmd_docs::open(db)?);
    let extractor = crate::cmd_extract::extractor(db, &args.kb);
    let mut observer = Bar::new("{spinner} {elapsed_precise} [{bar:30}] {pos}/{len} documents {per_sec} ETA {eta}");
    let summary = nexus_pipeline::reextract(db, &extractor, &Options::default(), &mut observer)?;
    observer.bar.finish_and_clear();
    let s = crate::cmd_docs::open(db)?.stats()?;
    let out = ReextractOut {
        documents: summary.documents,
        seconds: summary.seconds,
        entities: s.entities,
        mentions: s.mentions,
        quantities: s.quantities,
        dates: s.dates,
    };
    if args.json {
        print_json(&out)?;
    } else {
        eprintln!(
            "re-extracted {} document{} in {:.1}s: the store now holds {} entities ({} mentions), {} quantities, {} dates",
            out.documents,
            plural(out.documents),
            out.seconds,
            out.entities,
            out.mentions,
            out.quantities,
            out.dates
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
