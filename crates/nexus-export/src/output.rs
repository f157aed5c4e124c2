//! Writing a file whole or not at all: into a temporary file beside it, renamed into place at
//! the end, so a failure (or a kill) never leaves a half-written export where the old one was.

use crate::Result;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Create `path` from what `write` writes; nothing changes at `path` if it fails.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = parent(path);
    let mut tmp = tempfile::Builder::new().prefix(".nexus-export-").tempfile_in(dir)?;
    {
        let mut w = BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Create several files, each whole: all are written to temporary files first, and renamed into
/// place only when every one was written.
pub fn write_atomic_files(files: Vec<(&Path, Box<dyn FnOnce(&mut dyn Write) -> Result<()> + '_>)>) -> Result<()> {
    let mut done = Vec::new();
    for (path, write) in files {
        let mut tmp = tempfile::Builder::new().prefix(".nexus-export-").tempfile_in(parent(path))?;
        {
            let mut w = BufWriter::new(tmp.as_file_mut());
            write(&mut w)?;
            w.flush()?;
        }
        tmp.as_file().sync_all()?;
        done.push((tmp, path));
    }
    for (tmp, path) in done {
        tmp.persist(path).map_err(|e| e.error)?;
    }
    Ok(())
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
