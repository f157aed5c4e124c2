//! Why a file could not become a document. Each variant reads as a sentence after the path.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: does not exist")]
    NotFound { path: PathBuf },
    #[error("{path}: symbolic link loop")]
    SymlinkLoop { path: PathBuf },
    #[error("{path}: cannot walk directory: {message}")]
    Walk { path: PathBuf, message: String },
    #[error("{path}: not a regular file")]
    NotRegular { path: PathBuf },
    #[error("{path}: unsupported file type{}", ext.as_deref().map(|e| format!(" '.{e}'")).unwrap_or_default())]
    Unsupported { path: PathBuf, ext: Option<String> },
    #[error("{path}: binary content in a text file ({reason})")]
    Binary { path: PathBuf, reason: String },
    #[error("{path}: empty file (0 bytes)")]
    Empty { path: PathBuf },
    #[error("{path}: no text after cleaning")]
    NoText { path: PathBuf },
    #[error("{path}: larger than the {limit}-byte limit ({size} bytes); raise --max-bytes to ingest it")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: PDF: {source}")]
    Pdf { path: PathBuf, source: nexus_pdf::PdfError },
}

impl IngestError {
    /// Skips are files nexus does not handle by design; failures are files it should have read and could not.
    pub fn is_skip(&self) -> bool {
        matches!(
            self,
            IngestError::Unsupported { .. }
                | IngestError::NotRegular { .. }
                | IngestError::Binary { .. }
                | IngestError::Empty { .. }
                | IngestError::NoText { .. }
        )
    }
}
