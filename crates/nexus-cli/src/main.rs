//! The `nexus` binary: parses the command line and hands each command to the libraries.
//! All behaviour lives in the crates; this file only wires them to a terminal.

mod cli;
mod cmd_analyze;
mod cmd_correct;
mod cmd_demo;
mod cmd_docs;
mod cmd_entities;
mod cmd_export;
mod cmd_extract;
mod cmd_graph;
mod cmd_ingest;
mod cmd_kb;
mod cmd_report;
mod cmd_search;
mod cmd_serve;
mod output;

use clap::Parser;
use std::process::ExitCode;

/// Extraction allocates many small, short-lived vectors per sentence; mimalloc serves them with
/// about 6% fewer instructions per document than the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Die quietly when the reader of our output goes away (`nexus docs | head`), as Unix tools do,
    // instead of reporting (or panicking on) a broken pipe.
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = cli::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("NEXUS_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .init();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: cli::Cli) -> anyhow::Result<ExitCode> {
    use cli::Command::*;
    match args.command {
        Demo(a) => cmd_demo::run(&args.db, a),
        Ingest(a) => cmd_ingest::run(&args.db, a),
        Docs(a) => cmd_docs::list(&args.db, a.json).map(|_| ExitCode::SUCCESS),
        Doc(a) => cmd_docs::show(&args.db, a).map(|_| ExitCode::SUCCESS),
        Search(a) => cmd_search::run(&args.db, a).map(|_| ExitCode::SUCCESS),
        Stats(a) => cmd_docs::stats(&args.db, a.json).map(|_| ExitCode::SUCCESS),
        Entities(a) => cmd_entities::list(&args.db, a).map(|_| ExitCode::SUCCESS),
        Entity(a) => cmd_entities::entity(&args.db, a).map(|_| ExitCode::SUCCESS),
        Claims(a) => cmd_graph::claims(&args.db, a).map(|_| ExitCode::SUCCESS),
        Correct(a) => cmd_correct::correct(&args.db, a).map(|_| ExitCode::SUCCESS),
        Corrections(a) => cmd_correct::corrections(&args.db, a).map(|_| ExitCode::SUCCESS),
        Graph(cli::GraphCommand::Neighbors(a)) => cmd_graph::neighbors(&args.db, a).map(|_| ExitCode::SUCCESS),
        Graph(cli::GraphCommand::Path(a)) => cmd_graph::path(&args.db, a),
        Source(cli::SourceCommand::Grade(a)) => cmd_graph::grade(&args.db, a).map(|_| ExitCode::SUCCESS),
        Source(cli::SourceCommand::List(a)) => cmd_graph::sources(&args.db, a.json).map(|_| ExitCode::SUCCESS),
        Analyze(a) => cmd_analyze::run(&args.db, a).map(|_| ExitCode::SUCCESS),
        Report(a) => cmd_report::run(&args.db, a).map(|_| ExitCode::SUCCESS),
        Export(a) => cmd_export::run(&args.db, a).map(|_| ExitCode::SUCCESS),
        Reextract(a) => cmd_ingest::reextract(&args.db, a),
        Regroup(a) => cmd_docs::regroup(&args.db, a).map(|_| ExitCode::SUCCESS),
        Kb(cli::KbCommand::Check(a)) => cmd_kb::check(&args.db, a),
        Extract(a) => cmd_extract::extract(&args.db, a),
        Eval(a) => cmd_extract::eval(&args.db, a),
        Serve(a) => cmd_serve::run(&args.db, a).map(|_| ExitCode::SUCCESS),
    }
}
