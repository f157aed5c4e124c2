//! Errors an analyst can act on: each message says what is wrong with the file.

use std::time::Duration;

/// Why a PDF could not be turned into text.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("not a PDF (no %PDF- header)")]
    NotPdf,
    #[error("the PDF is encrypted")]
    Encrypted,
    /// Truncated file, corrupt cross-reference table, undecodable streams, parser crash.
    #[error("the PDF is damaged: {0}")]
    Damaged(String),
    #[error("the PDF has no text layer (scanned images?); OCR is not supported")]
    NoText,
    /// The work bound was hit; the file is probably malformed or hostile.
    #[error("the PDF took longer than {0:?} to read and was abandoned (malformed or hostile file?)")]
    TimedOut(Duration),
    /// The operating system refused resources (e.g. a worker thread).
    #[error("could not start PDF extraction: {0}")]
    Internal(String),
}
