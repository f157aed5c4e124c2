//! The document model every later stage reads: clean text plus what we know about where it came from.

use serde::Serialize;

/// What a file was before it became text; decides which converter runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Txt,
    Md,
    Html,
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "txt" => Format::Txt,
            "md" => Format::Md,
            "html" => Format::Html,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }
}

/// Bibliographic facts found in headers, breadcrumbs, HTML meta tags or the PDF info dictionary.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601 prefix: `2015`, `2015-04`, `2015-04-12`.
    pub published: Option<String>,
    /// Journal, magazine or series (e.g. PRISM).
    pub venue: Option<String>,
    pub volume: Option<String>,
    pub number: Option<String>,
    /// The web site or reading room a copy was taken from.
    pub site: Option<String>,
}

/// A footnote reference mark (the "2" of "Trujillo.2"), as a byte span into the stored text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRef {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// The identified language: ISO 639-1 code where one exists (else 639-3), or `und`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    pub code: String,
    pub name: String,
    /// 0..1; below the reliability bar the code is `und`.
    pub confidence: f64,
}

impl Language {
    pub fn undetermined() -> Language {
        Language { code: "und".into(), name: "Undetermined".into(), confidence: 0.0 }
    }
}

/// One ingested document. `text` is what the project prints and stores; every offset anywhere in
/// nexus is a UTF-8 byte offset into it.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Hex SHA-256 of the raw bytes: the same bytes are the same document.
    pub sha256: String,
    /// Deterministic short id: the first 16 hex digits of `sha256`.
    pub id: String,
    pub source: String,
    pub format: Format,
    /// The character encoding the bytes were decoded from.
    pub encoding: String,
    pub bytes: u64,
    pub meta: Metadata,
    pub language: Language,
    pub text: String,
    pub notes: Vec<NoteRef>,
    /// Things an analyst should know about how this document was read (replaced bytes, empty pages...).
    pub warnings: Vec<String>,
}

impl Document {
    /// The text extraction reads: `text` with footnote marks blanked to spaces. Same length, so every
    /// offset found in it is an offset into `text`.
    pub fn extraction_text(&self) -> std::borrow::Cow<'_, str> {
        crate::footnotes::mask(&self.text, &self.notes)
    }
}
