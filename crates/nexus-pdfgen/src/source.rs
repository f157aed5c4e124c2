//! Parser for the plain-text source format of demo documents:
//!
//! ```text
//! Title: Illegal gold in Madre de Dios
//! Author: Jane Doe; John Roe
//! Date: 2023-05-14
//! Running-Header: Andean Security Review · Vol. 9, No. 2
//!
//! First paragraph ...
//!
//! Second paragraph ...
//! ```
//!
//! The header block ends at the first blank line; paragraphs are separated by blank lines and
//! the lines inside a paragraph are joined with single spaces.

use crate::DocSpec;

/// Why a source file could not be turned into a document.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SourceError {
    #[error("line {line}: expected `Key: value` in the header block, found {found:?}")]
    MalformedHeader { line: usize, found: String },
    #[error("line {line}: unknown header key {key:?} (expected Title, Author, Date or Running-Header)")]
    UnknownKey { line: usize, key: String },
    #[error("the header block has no `Title:` line")]
    MissingTitle,
    #[error("line {line}: date {value:?} is not in YYYY-MM-DD form")]
    BadDate { line: usize, value: String },
}

/// Parses a source document. Keys are case-insensitive; `Authors:` is accepted for `Author:`.
pub fn parse_source(text: &str) -> Result<DocSpec, SourceError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().peekable();
    let mut spec = DocSpec::default();
    let mut title = None;

    for (index, raw) in lines.by_ref() {
        let line = raw.trim();
        if line.is_empty() {
            break;
        }
        let line_no = index + 1;
        let (key, value) = line.split_once(':').ok_or_else(|| SourceError::MalformedHeader { line: line_no, found: line.to_string() })?;
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => title = Some(value.to_string()),
            "author" | "authors" => spec.authors = split_authors(value),
            "date" => {
                if !is_iso_date(value) {
                    return Err(SourceError::BadDate { line: line_no, value: value.to_string() });
                }
                spec.date = Some(value.to_string());
            }
            "running-header" => {
                spec.running_header = Some(value.to_string()).filter(|v| !v.is_empty());
            }
            other => {
                return Err(SourceError::UnknownKey { line: line_no, key: other.to_string() });
            }
        }
    }
    spec.title = title.filter(|t| !t.is_empty()).ok_or(SourceError::MissingTitle)?;

    let mut current: Vec<&str> = Vec::new();
    for (_, raw) in lines {
        let line = raw.trim();
        if line.is_empty() {
            flush_paragraph(&mut current, &mut spec.paragraphs);
        } else {
            current.push(line);
        }
    }
    flush_paragraph(&mut current, &mut spec.paragraphs);
    Ok(spec)
}

fn flush_paragraph(lines: &mut Vec<&str>, paragraphs: &mut Vec<String>) {
    if !lines.is_empty() {
        paragraphs.push(lines.join(" "));
        lines.clear();
    }
}

/// Authors are separated by `;` in the source format (commas may appear inside a name such
/// as "Doe, Jane" or an institution).
fn split_authors(value: &str) -> Vec<String> {
    value.split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect()
}

fn is_iso_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Title: Illegal gold in Madre de Dios\nAuthor: Jane Doe; John Roe\nDate: 2023-05-14\nRunning-Header: Andean Security Review · Vol. 9\n\nFirst paragraph\ncontinues here.\n\n\nSecond paragraph.\n";

    #[test]
    fn parses_header_and_paragraphs() {
        let spec = parse_source(SAMPLE).expect("valid sample");
        assert_eq!(spec.title, "Illegal gold in Madre de Dios");
        assert_eq!(spec.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(spec.date.as_deref(), Some("2023-05-14"));
        assert_eq!(spec.running_header.as_deref(), Some("Andean Security Review · Vol. 9"));
        assert_eq!(spec.paragraphs, vec!["First paragraph continues here.", "Second paragraph."]);
    }

    #[test]
    fn rejects_missing_title_and_bad_date() {
        assert_eq!(parse_source("Author: X\n\nBody"), Err(SourceError::MissingTitle));
        assert!(matches!(parse_source("Title: T\nDate: 14/05/2023\n\nBody"), Err(SourceError::BadDate { line: 2, .. })));
        assert!(matches!(parse_source("Title: T\nColour: red\n\nBody"), Err(SourceError::UnknownKey { line: 2, .. })));
    }
}
