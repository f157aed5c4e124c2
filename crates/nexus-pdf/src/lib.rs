//! PDF → clean text for the nexus corpus.
//!
//! [`extract`] returns the document's metadata and its text in reading order, with paragraphs
//! separated by a blank line, the lines of a paragraph joined, words hyphenated across line ends
//! re-joined, and running headers, footers and page numbers removed.
//!
//! The pipeline, one module per step:
//! 1. [`guard`]: runs everything on a worker thread with a large stack, a time limit and
//!    `catch_unwind`, because the underlying parser can panic (and recurse) on malformed input;
//!    [`hostile`] rejects files built to blow the stack before the parser sees them.
//! 2. [`loader`]: parses the file and collects positioned glyphs per page ([`glyphs`]),
//!    after [`text_operators`] works around operators the interpreter ignores.
//! 3. [`rows`]: groups glyphs into baseline rows and infers word spaces from gaps.
//! 4. [`furniture`]: drops running headers/footers and page numbers.
//! 5. [`columns`]: detects a two-column gutter and orders rows into reading order.
//! 6. [`paragraphs`]: finds paragraph breaks and joins lines ([`dehyphenate`]).
//! 7. [`metadata`]: title, authors and creation date from the info dictionary or XMP.

mod columns;
pub mod dehyphenate;
mod error;
mod furniture;
mod glyphs;
mod guard;
mod hostile;
mod loader;
mod metadata;
mod paragraphs;
mod rows;
mod text_operators;

use std::time::Duration;

pub use error::PdfError;

/// Text and metadata extracted from one PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfDocument {
    /// `/Title` of the information dictionary (PDFDocEncoding or UTF-16BE), else XMP `dc:title`;
    /// `None` when absent or blank.
    pub title: Option<String>,
    /// `/Author` (else XMP `dc:creator`) split into individual names.
    pub authors: Vec<String>,
    /// `/CreationDate` as an ISO date prefix: "2015-04-12", or "2015-04" / "2015" when the
    /// date is less precise.
    pub created: Option<String>,
    pub pages: usize,
    /// Reading-order text; paragraphs separated by "\n\n".
    pub text: String,
    /// Problems that did not prevent extraction, e.g. "page 3: no text layer (scanned image?)".
    pub warnings: Vec<String>,
}

/// Bounds on the work done for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractOptions {
    /// Wall-clock limit; past it the worker thread is abandoned and [`PdfError::TimedOut`]
    /// returned. (A Rust thread cannot be killed: the abandoned worker finishes or dies on its
    /// own, bounded by `max_glyphs`.)
    pub timeout: Duration,
    /// Stop collecting text after this many glyphs (a dense page has 3,000–4,000; each costs
    /// about 80 bytes while the document is analysed).
    pub max_glyphs: usize,
    /// Only the first `max_pages` pages are read; a warning says so.
    pub max_pages: usize,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { timeout: Duration::from_secs(60), max_glyphs: 8_000_000, max_pages: 5_000 }
    }
}

/// Extracts text and metadata with the default [`ExtractOptions`]. Never panics.
pub fn extract(bytes: &[u8]) -> Result<PdfDocument, PdfError> {
    extract_with(bytes, &ExtractOptions::default())
}

/// Extracts text and metadata with explicit bounds. Never panics.
pub fn extract_with(bytes: &[u8], options: &ExtractOptions) -> Result<PdfDocument, PdfError> {
    if !has_pdf_header(bytes) {
        return Err(PdfError::NotPdf);
    }
    hostile::check(bytes)?;
    let owned = bytes.to_vec();
    let opts = options.clone();
    guard::run_isolated(options.timeout, move || extract_unguarded(&owned, &opts))
}

/// The `%PDF-` marker must appear near the start (the spec allows leading junk up to 1 KB,
/// which some web servers and mail gateways add).
fn has_pdf_header(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

fn extract_unguarded(bytes: &[u8], options: &ExtractOptions) -> Result<PdfDocument, PdfError> {
    let loaded = loader::load(bytes, options)?;
    let meta = metadata::read(&loaded.document);
    let mut warnings = loaded.warnings;

    // A file none of whose pages could be interpreted is damaged, even if a few characters
    // came out before the interpreter gave up; one readable page is enough for a result
    // with warnings.
    if loaded.pages.iter().all(|p| p.unreadable) {
        let detail = warnings.first().cloned().unwrap_or_else(|| "no page could be read".into());
        return Err(PdfError::Damaged(detail));
    }
    if loaded.pages.iter().all(|p| !p.has_text()) {
        return Err(PdfError::NoText);
    }
    let mut page_rows = Vec::with_capacity(loaded.pages.len());
    for page in &loaded.pages {
        if !page.has_text() && !page.unreadable {
            warnings.push(format!("page {}: no text layer (scanned image?)", page.number));
        }
        page_rows.push(rows::build_rows(page));
    }
    furniture::remove_running_elements(&mut page_rows);
    let lines = columns::reading_order(&loaded.pages, &page_rows);
    let text = paragraphs::assemble(&lines);

    Ok(PdfDocument { title: meta.title, authors: meta.authors, created: meta.created, pages: loaded.page_count, text, warnings })
}
