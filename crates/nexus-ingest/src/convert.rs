//! One file's bytes to one `Document`: pick the converter by format, clean the text, take the
//! header into metadata, find footnote marks, identify the language. Pure: no store, no clock.

use crate::error::IngestError;
use crate::model::{Document, Format, Language, Metadata, NoteRef};
use crate::{clean, decode, fingerprint, footnotes, header, language, markdown};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Options {
    /// Files larger than this are refused before being read, which bounds memory per document.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: 128 * 1024 * 1024 }
    }
}

/// Private-use characters that bracket a known note mark while the text is cleaned, so the mark's
/// position survives normalization without offset bookkeeping.
const NOTE_OPEN: char = '\u{E000}';
const NOTE_CLOSE: char = '\u{E001}';

/// The format a path's extension names.
pub fn format_of_path(path: &Path) -> Result<Format, IngestError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    Ok(match ext.as_deref() {
        Some("txt" | "text") => Format::Txt,
        Some("md" | "markdown") => Format::Md,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("pdf") => Format::Pdf,
        _ => return Err(IngestError::Unsupported { path: path.to_path_buf(), ext }),
    })
}

/// Guess the format of bytes with no name (standard input).
pub fn sniff_format(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") { Format::Html } else { Format::Txt }
}

/// Read and convert one file.
pub fn read_file(path: &Path, opts: &Options) -> Result<Document, IngestError> {
    let (bytes, format) = read_bytes(path, opts)?;
    convert(&bytes, &path.display().to_string(), Some(format))
}

/// A file's bytes and format. The type and size are checked before reading, so unsupported or
/// oversized files cost nothing and never sit in memory.
pub fn read_bytes(path: &Path, opts: &Options) -> Result<(Vec<u8>, Format), IngestError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound { path: path.to_path_buf() },
        _ => IngestError::Read { path: path.to_path_buf(), source: e },
    })?;
    if !meta.is_file() {
        return Err(IngestError::NotRegular { path: path.to_path_buf() });
    }
    let format = format_of_path(path)?;
    if meta.len() > opts.max_bytes {
        return Err(IngestError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit: opts.max_bytes });
    }
    let bytes = std::fs::read(path).map_err(|e| IngestError::Read { path: path.to_path_buf(), source: e })?;
    Ok((bytes, format))
}

/// Convert bytes that came from `source`; `format` is sniffed when not given.
pub fn convert(bytes: &[u8], source: &str, format: Option<Format>) -> Result<Document, IngestError> {
    let path = PathBuf::from(source);
    if bytes.is_empty() {
        return Err(IngestError::Empty { path });
    }
    let format = format.unwrap_or_else(|| sniff_format(bytes));
    let draft = match format {
        Format::Txt => plain_text(bytes, &path)?,
        Format::Md => markdown_text(bytes, &path)?,
        Format::Html => html_text(bytes, &path)?,
        Format::Pdf => pdf_text(bytes, &path)?,
    };
    finish(bytes, source, format, draft)
}

/// What a converter hands to `finish`: marked text, metadata and notes so far.
struct Draft {
    text: String,
    meta: Metadata,
    encoding: String,
    warnings: Vec<String>,
}

fn decode_text(
    bytes: &[u8],
    path: &Path,
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<(String, String, Vec<String>), IngestError> {
    let d = decode::decode(bytes, declared).map_err(|reason| IngestError::Binary { path: path.to_path_buf(), reason })?;
    let mut warnings = Vec::new();
    if d.replaced > 0 {
        warnings.push(format!("{} byte(s) of invalid {} replaced with U+FFFD", d.replaced, d.encoding));
    }
    Ok((d.text, d.encoding.to_owned(), warnings))
}

fn plain_text(bytes: &[u8], path: &Path) -> Result<Draft, IngestError> {
    let (raw, encoding, warnings) = decode_text(bytes, path, None)?;
    let mut cleaned = clean::normalize(&raw);
    drop(raw);
    let (meta, body) = header::split_header(&cleaned);
    let header_len = cleaned.len() - body.len();
    cleaned.drain(..header_len);
    Ok(Draft { text: cleaned, meta, encoding, warnings })
}

fn markdown_text(bytes: &[u8], path: &Path) -> Result<Draft, IngestError> {
    let (raw, encoding, warnings) = decode_text(bytes, path, None)?;
    let rendered = markdown::render(&clean::normalize(&raw));
    let cleaned = clean::normalize(&rendered.text);
    let (found, body) = header::split_header(&cleaned);
    // Markdown's own title and front matter outrank what the header lines suggest.
    let mut meta = rendered.meta;
    merge_meta(&mut meta, found);
    Ok(Draft { text: body.to_owned(), meta, encoding, warnings })
}

fn html_text(bytes: &[u8], path: &Path) -> Result<Draft, IngestError> {
    let (raw, encoding, warnings) = decode_text(bytes, path, decode::html_declared_charset(bytes))?;
    let page = nexus_html::extract(&raw);
    let marked = bracket_notes(&page.text, page.notes.iter().map(|n| (n.start, n.end)));
    // A web page's publication is its site ("The Pacific Courier"): venue and site both.
    let meta = Metadata {
        title: page.title,
        authors: page.authors,
        published: page.published,
        venue: page.site_name.clone(),
        site: page.site_name,
        ..Metadata::default()
    };
    let text = clean::normalize(&marked);
    let text = match strip_kicker(&text) {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(Draft { text, meta, encoding, warnings })
}

/// A page's first line may be a section label or breadcrumb the extractor kept ("Analysis ·
/// Organized Crime", "Home › Americas › Peru"): a short line of short parts joined by a
/// separator, without sentence punctuation. Returns the text after it.
fn strip_kicker(text: &str) -> Option<&str> {
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    let parts: Vec<&str> = first.split(['·', '|', '›', '»', '/', '>']).map(str::trim).collect();
    let short = |p: &&str| !p.is_empty() && p.split_whitespace().count() <= 3 && !p.contains(|c: char| c.is_ascii_digit() || c == ',');
    let kicker = parts.len() >= 2
        && parts.iter().all(short)
        && first.split_whitespace().count() <= 10
        && !first.ends_with(['.', '!', '?', ':'])
        && !rest.trim().is_empty();
    kicker.then(|| rest.trim_start())
}

fn pdf_text(bytes: &[u8], path: &Path) -> Result<Draft, IngestError> {
    let pdf = nexus_pdf::extract(bytes).map_err(|source| IngestError::Pdf { path: path.to_path_buf(), source })?;
    let cleaned = clean::normalize(&pdf.text);
    let meta = Metadata { title: pdf.title, authors: pdf.authors, published: pdf.created, ..Metadata::default() };
    let body = strip_repeated_front(&cleaned, &meta).to_owned();
    Ok(Draft { text: body, meta, encoding: "PDF".into(), warnings: pdf.warnings })
}

/// A PDF's first lines often repeat the title and authors of its information dictionary.
fn strip_repeated_front<'a>(text: &'a str, meta: &Metadata) -> &'a str {
    let mut rest = text;
    let wanted: Vec<String> = meta.title.iter().chain(meta.authors.iter()).map(|s| fingerprint::fold(s)).collect();
    let mut authors: Vec<String> = meta.authors.iter().map(|a| fingerprint::fold(a)).collect();
    authors.sort();
    // "A; B", "A, B and C", "By A y B": the authors' line in any of the usual separators.
    let is_authors_line = |folded: &str| {
        let mut names: Vec<String> = folded
            .trim_start_matches("by ")
            .replace([';', '&'], ",")
            .replace(" and ", ",")
            .replace(" y ", ",")
            .replace(" e ", ",")
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        names.sort();
        !authors.is_empty() && names == authors
    };
    loop {
        let (first, after) = rest.split_once('\n').unwrap_or((rest, ""));
        let folded = fingerprint::fold(first.trim());
        if !folded.is_empty() && (wanted.contains(&folded) || is_authors_line(&folded)) {
            rest = after.trim_start();
        } else {
            return rest;
        }
    }
}

fn merge_meta(into: &mut Metadata, from: Metadata) {
    into.title = into.title.take().or(from.title);
    if into.authors.is_empty() {
        into.authors = from.authors;
    }
    into.published = into.published.take().or(from.published);
    into.venue = into.venue.take().or(from.venue);
    into.site = into.site.take().or(from.site);
}

fn bracket_notes(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (start, end) in spans {
        if start < last || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[last..start]);
        out.push(NOTE_OPEN);
        out.push_str(&text[start..end]);
        out.push(NOTE_CLOSE);
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// Remove the bracketing characters, returning the text and the notes they marked.
fn unbracket_notes(marked: String) -> (String, Vec<NoteRef>) {
    if !marked.contains(NOTE_OPEN) {
        return (marked, Vec::new());
    }
    let (text, spans) = strip_markers(&marked, NOTE_OPEN, NOTE_CLOSE);
    let notes = spans
        .into_iter()
        .filter(|(start, end)| start < end)
        .map(|(start, end)| NoteRef { start, end, label: text[start..end].trim_matches(['[', ']', ' ']).to_owned() })
        .collect();
    (text, notes)
}

/// Remove `open`/`close` marker characters from `marked`, returning the text and the byte spans
/// they enclosed. Markers are private-use characters that carry positions through a rewrite
/// (cleaning here, SQLite's snippet function in the store).
pub fn strip_markers(marked: &str, open: char, close: char) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut start = None;
    for c in marked.chars() {
        if c == open {
            start = Some(text.len());
        } else if c == close {
            if let Some(s) = start.take() {
                spans.push((s, text.len()));
            }
        } else {
            text.push(c);
        }
    }
    (text, spans)
}

fn finish(bytes: &[u8], source: &str, format: Format, draft: Draft) -> Result<Document, IngestError> {
    let (text, mut notes) = unbracket_notes(draft.text);
    if !text.chars().any(char::is_alphanumeric) {
        return Err(IngestError::NoText { path: PathBuf::from(source) });
    }
    for n in footnotes::find(&text) {
        if !notes.iter().any(|m| m.start < n.end && n.start < m.end) {
            notes.push(n);
        }
    }
    notes.sort_by_key(|n| n.start);
    let language = if text.is_empty() { Language::undetermined() } else { language::identify(&footnotes::mask(&text, &notes)) };
    let sha256 = fingerprint::sha256_hex(bytes);
    Ok(Document {
        id: sha256[..16].to_owned(),
        sha256,
        source: source.to_owned(),
        format,
        encoding: draft.encoding,
        bytes: bytes.len() as u64,
        meta: draft.meta,
        language,
        text,
        notes,
        warnings: draft.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_labels_are_not_body_text() {
        assert_eq!(strip_kicker("Analysis · Organized Crime\n\nThe PCC grew."), Some("The PCC grew."));
        assert_eq!(strip_kicker("Home › Americas › Peru\nPolice seized 2 tons."), Some("Police seized 2 tons."));
        assert_eq!(strip_kicker("Police seized 2 tons in Callao.\nMore."), None);
        assert_eq!(strip_kicker("Cocaine seizures, 2019/2020\nThe table shows."), None);
    }

    #[test]
    fn a_pdf_front_repeating_title_and_authors_is_dropped() {
        let meta = Metadata {
            title: Some("Gold and Impunity".into()),
            authors: vec!["Ana Ríos".into(), "John T. Smith".into()],
            ..Metadata::default()
        };
        for front in ["Ana Ríos; John T. Smith", "By Ana Rios and John T. Smith", "John T. Smith, Ana Ríos"] {
            let text = format!("Gold and Impunity\n{front}\nThe department of Madre de Dios.");
            assert_eq!(strip_repeated_front(&text, &meta), "The department of Madre de Dios.", "{front}");
        }
        let text = "Ana Ríos and Peter Lund\nThe department of Madre de Dios.";
        assert_eq!(strip_repeated_front(text, &meta), text, "other people are not the authors' line");
    }

    #[test]
    fn brackets_survive_normalization() {
        let marked = bracket_notes("Trujillo.2  A\u{00AD}nd", [(9, 10)].into_iter());
        let (text, notes) = unbracket_notes(clean::normalize(&marked));
        assert_eq!(text, "Trujillo.2 And");
        assert_eq!(notes, [NoteRef { start: 9, end: 10, label: "2".into() }]);
    }

    #[test]
    fn text_document_end_to_end() {
        let raw = "Marta Quiroga Salas\nThe VRAEM and its Economies\n\nThe Shining Path taxes coca growers in the VRAEM.3 Police seized 2 tons there last year, according to officials in Lima.\n";
        let doc = convert(raw.as_bytes(), "a.txt", None).unwrap();
        assert_eq!(doc.meta.authors, ["Marta Quiroga Salas"]);
        assert_eq!(doc.meta.title.as_deref(), Some("The VRAEM and its Economies"));
        assert!(doc.text.starts_with("The Shining Path"));
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(&doc.text[doc.notes[0].start..doc.notes[0].end], "3");
        assert_eq!(doc.language.code, "en");
        assert_eq!(doc.id.len(), 16);
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert!(matches!(convert(b"", "e.txt", None), Err(IngestError::Empty { .. })));
        assert!(matches!(convert(b" \n\n \t", "w.txt", None), Err(IngestError::NoText { .. })));
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff_format(b"%PDF-1.7"), Format::Pdf);
        assert_eq!(sniff_format(b"\n<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff_format(b"Plain words"), Format::Txt);
    }
}
