//! Writing a file whole or not at all: into a temporary file beside it, renamed into place at
//! the end, so a failure (or a kill) never leaves a half-written export where the old one was.

use crate::Result;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Create `path` from what `write` writes; nothing changes at `path` if it fails.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut tmp = temp_beside(path)?;
    {
        let mut w = BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// What writes one file's content.
pub type Writes<'a> = Box<dyn FnOnce(&mut dyn Write) -> Result<()> + 'a>;

/// Create several files, each whole: all are written to temporary files first, and renamed into
/// place only when every one was written.
pub fn write_atomic_files(files: Vec<(&Path, Writes<'_>)>) -> Result<()> {
    let mut done = Vec::new();
    for (path, write) in files {
        let mut tmp = temp_beside(path)?;
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

/// A temporary file beside `path`, readable as any file the user creates is (tempfile's are 0600).
fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".nexus-export-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o644));
    }
    b.tempfile_in(parent(path))
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.gexf");
        std::fs::write(&path, b"old").unwrap();
        let failed = write_atomic(&path, |w| {
            w.write_all(b"half a graph")?;
            Err(std::io::Error::other("the store went away").into())
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
        write_atomic(&path, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }
}
