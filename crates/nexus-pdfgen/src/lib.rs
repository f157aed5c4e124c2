//! Deterministic PDF writer for the nexus demo corpus and for test PDFs.
//!
//! The same [`DocSpec`] always yields the same bytes (no clock, no random `/ID`), so the
//! demo PDFs can be regenerated and compared in CI. Text is set in the standard Type1 fonts
//! with `/WinAnsiEncoding`, which covers the Latin-1 letters of Spanish and Portuguese
//! without embedding fonts. Pages carry an optional running header and a page-number footer,
//! and long words are occasionally hyphenated at line ends, so that the extractor's header,
//! footer and de-hyphenation logic has something real to work on.

mod hyphenate;
mod layout;
mod metrics;
mod metrics_table;
mod source;
mod winansi;
mod writer;

use std::path::{Path, PathBuf};

pub use hyphenate::COMPOUND_PREFIXES;
pub use source::{SourceError, parse_source};

/// Everything needed to produce one PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocSpec {
    pub title: String,
    pub authors: Vec<String>,
    /// Creation date as `YYYY-MM-DD`; written as `/CreationDate (D:YYYYMMDD000000Z)`.
    pub date: Option<String>,
    /// Printed at the top of every page.
    pub running_header: Option<String>,
    pub paragraphs: Vec<String>,
    pub footer: FooterStyle,
}

/// How the page-number footer reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FooterStyle {
    /// "Page 2 of 5"
    #[default]
    PageOfTotal,
    /// "2"
    NumberOnly,
}

/// Renders the document to PDF bytes.
pub fn render_pdf(spec: &DocSpec) -> Vec<u8> {
    let pages = layout::layout(spec);
    writer::write_pdf(spec, &pages)
}

/// Errors of the directory conversion.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Source { path: PathBuf, source: SourceError },
}

/// The `*.txt` files of `src_dir`, sorted by name so runs are reproducible.
pub fn source_files(src_dir: &Path) -> Result<Vec<PathBuf>, GenError> {
    let read_err = |source| GenError::Read { path: src_dir.to_path_buf(), source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(src_dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Renders one source file to PDF bytes.
pub fn render_source_file(path: &Path) -> Result<Vec<u8>, GenError> {
    let text = std::fs::read_to_string(path).map_err(|source| GenError::Read { path: path.to_path_buf(), source })?;
    let spec = parse_source(&text).map_err(|source| GenError::Source { path: path.to_path_buf(), source })?;
    Ok(render_pdf(&spec))
}

/// Converts every `src_dir/*.txt` into `out_dir/<stem>.pdf`; returns the written paths.
pub fn convert_dir(src_dir: &Path, out_dir: &Path) -> Result<Vec<PathBuf>, GenError> {
    std::fs::create_dir_all(out_dir).map_err(|source| GenError::Write { path: out_dir.to_path_buf(), source })?;
    let mut written = Vec::new();
    for src in source_files(src_dir)? {
        let pdf = render_source_file(&src)?;
        let stem = src.file_stem().unwrap_or_default();
        let out = out_dir.join(stem).with_extension("pdf");
        std::fs::write(&out, pdf).map_err(|source| GenError::Write { path: out.clone(), source })?;
        written.push(out);
    }
    Ok(written)
}
