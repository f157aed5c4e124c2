//! Command-line paths to the list of inputs: directories walked recursively in name order
//! (so ids and works come out the same on every run), hidden entries skipped, loops reported.

use crate::error::IngestError;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File { path: PathBuf, size: u64 },
    Stdin,
}

#[derive(Debug, Default)]
pub struct Walked {
    pub inputs: Vec<Input>,
    /// Paths that could not be listed: missing, looping, unreadable directories.
    pub errors: Vec<IngestError>,
}

/// `-` means standard input.
pub fn expand(paths: &[PathBuf]) -> Walked {
    let mut out = Walked::default();
    for path in paths {
        if path.as_os_str() == "-" {
            out.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_dir(path, &mut out),
            Ok(m) => out.inputs.push(Input::File { path: path.clone(), size: m.len() }),
            Err(e) => out.errors.push(stat_error(path, e)),
        }
    }
    out
}

fn walk_dir(root: &Path, out: &mut Walked) {
    let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')) {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => out.inputs.push(Input::File { size: e.metadata().map_or(0, |m| m.len()), path: e.into_path() }),
            Err(e) => {
                let path = e.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                out.errors.push(if e.loop_ancestor().is_some() {
                    IngestError::SymlinkLoop { path }
                } else {
                    match e.into_io_error() {
                        Some(io) => stat_error(&path, io),
                        None => IngestError::Walk { path, message: "unknown error".into() },
                    }
                });
            }
        }
    }
}

fn stat_error(path: &Path, e: std::io::Error) -> IngestError {
    const ELOOP: i32 = 40;
    match e.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound { path: path.to_path_buf() },
        _ if e.raw_os_error() == Some(ELOOP) => IngestError::SymlinkLoop { path: path.to_path_buf() },
        _ => IngestError::Read { path: path.to_path_buf(), source: e },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skips_hidden_and_reports_problems() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub/.git")).unwrap();
        std::fs::write(d.join("b.txt"), "b").unwrap();
        std::fs::write(d.join("a.txt"), "a").unwrap();
        std::fs::write(d.join("sub/c.html"), "c").unwrap();
        std::fs::write(d.join("sub/.git/config"), "x").unwrap();
        std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
        let w = expand(&[d.to_path_buf(), d.join("missing.txt"), PathBuf::from("-")]);
        let names: Vec<String> = w
            .inputs
            .iter()
            .map(|i| match i {
                Input::File { path, .. } => path.strip_prefix(d).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "sub/c.html", "-"]);
        let msgs: Vec<String> = w.errors.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs.iter().any(|m| m.ends_with("sub/loop: symbolic link loop")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.ends_with("missing.txt: does not exist")), "{msgs:?}");
    }
}
