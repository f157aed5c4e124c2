//! `nexus kb check`.

use crate::cli::KbArgs;
use nexus_kb::{KnowledgeBase, Severity};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The analyst's directories: those given, then `kb/` beside the store if it exists.
pub fn analyst_dirs(db: &Path, given: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs = given.to_vec();
    let beside = db.parent().unwrap_or(Path::new(".")).join("kb");
    if beside.is_dir() && !dirs.contains(&beside) {
        dirs.push(beside);
    }
    dirs
}

pub fn check(db: &Path, args: KbArgs) -> anyhow::Result<ExitCode> {
    let dirs = analyst_dirs(db, &args.dirs);
    for d in &dirs {
        if !d.is_dir() {
            anyhow::bail!("{}: not a directory", d.display());
        }
    }
    let start = std::time::Instant::now();
    let (kb, mut diags) = KnowledgeBase::load(&dirs);
    diags.extend(kb.validate());
    let elapsed = start.elapsed();
    for d in &diags {
        println!("{d}");
    }
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let counts: Vec<String> = kb.counts().iter().map(|(t, n)| format!("{} {n}", t.as_str())).collect();
    let sources = if dirs.is_empty() {
        "the bundled files".to_owned()
    } else {
        format!("the bundled files and {}", dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", "))
    };
    eprintln!(
        "{} entries from {sources} ({}) in {:.0} ms: {errors} error{}, {} warning{}",
        kb.entities().len(),
        counts.join(", "),
        elapsed.as_secs_f64() * 1000.0,
        if errors == 1 { "" } else { "s" },
        diags.len() - errors,
        if diags.len() - errors == 1 { "" } else { "s" },
    );
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
