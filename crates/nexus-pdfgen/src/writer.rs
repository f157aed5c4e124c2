//! Serialisation of the laid-out pages into PDF 1.4 bytes.
//!
//! Objects are written by hand rather than through a PDF library so that the output is
//! byte-for-byte stable across library upgrades: uncompressed content streams, fixed object
//! numbering, no clock, no random `/ID`.

use crate::DocSpec;
use crate::layout::{PAGE_HEIGHT, PAGE_WIDTH, Page};
use crate::metrics::Font;
use crate::winansi;

/// Object numbers of the fixed objects; pages follow from [`FIRST_PAGE_OBJECT`].
const CATALOG: usize = 1;
const PAGES: usize = 2;
const INFO: usize = 3;
const FIRST_FONT_OBJECT: usize = 4;
const FIRST_PAGE_OBJECT: usize = FIRST_FONT_OBJECT + Font::ALL.len();

/// Accumulates numbered objects and writes the file with its cross-reference table.
struct ObjectWriter {
    out: Vec<u8>,
    offsets: Vec<usize>,
}

impl ObjectWriter {
    fn new() -> Self {
        // The second line marks the file as binary for transfer tools, as the spec recommends.
        let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        out.reserve(16 * 1024);
        ObjectWriter { out, offsets: Vec::new() }
    }

    /// Writes object number `offsets.len() + 1`; objects must be added in number order.
    fn object(&mut self, number: usize, body: &[u8]) {
        debug_assert_eq!(number, self.offsets.len() + 1, "objects must be written in order");
        self.offsets.push(self.out.len());
        self.out.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
    }

    fn stream(&mut self, number: usize, content: &[u8]) {
        let mut body = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(b"\nendstream");
        self.object(number, &body);
    }

    fn finish(mut self) -> Vec<u8> {
        let xref_at = self.out.len();
        let count = self.offsets.len() + 1;
        self.out.extend_from_slice(format!("xref\n0 {count}\n0000000000 65535 f \n").as_bytes());
        for offset in &self.offsets {
            self.out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        self.out.extend_from_slice(
            format!("trailer\n<< /Size {count} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes(),
        );
        self.out
    }
}

/// Writes the complete PDF for `pages`.
pub fn write_pdf(spec: &DocSpec, pages: &[Page]) -> Vec<u8> {
    let mut w = ObjectWriter::new();
    let page_object = |i: usize| FIRST_PAGE_OBJECT + 2 * i;

    w.object(CATALOG, format!("<< /Type /Catalog /Pages {PAGES} 0 R >>").as_bytes());
    let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", page_object(i))).collect();
    w.object(PAGES, format!("<< /Type /Pages /Count {} /Kids [{}] >>", pages.len(), kids.join(" ")).as_bytes());
    w.object(INFO, &info_dictionary(spec));
    for (i, font) in Font::ALL.iter().enumerate() {
        w.object(
            FIRST_FONT_OBJECT + i,
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>", font.base_font()).as_bytes(),
        );
    }
    let fonts: Vec<String> =
        Font::ALL.iter().enumerate().map(|(i, f)| format!("/{} {} 0 R", f.resource_name(), FIRST_FONT_OBJECT + i)).collect();
    for (i, page) in pages.iter().enumerate() {
        let number = page_object(i);
        w.object(
            number,
            format!(
                "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Resources << /Font << {} >> >> /Contents {} 0 R >>",
                fonts.join(" "),
                number + 1
            )
            .as_bytes(),
        );
        w.stream(number + 1, &content_stream(page));
    }
    w.finish()
}

/// One `BT ... ET` block per line: simple, and every extractor handles it.
fn content_stream(page: &Page) -> Vec<u8> {
    let mut out = Vec::new();
    for line in &page.lines {
        out.extend_from_slice(format!("BT /{} {} Tf {:.2} {:.2} Td ", line.font.resource_name(), line.size, line.x, line.y).as_bytes());
        out.extend_from_slice(&literal_string(&winansi::encode(&line.text)));
        out.extend_from_slice(b" Tj ET\n");
    }
    out
}

/// A PDF literal string with delimiters and every non-ASCII byte escaped in octal,
/// which keeps the file 7-bit clean apart from the binary marker comment.
fn literal_string(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(b);
            }
            0x20..=0x7E => out.push(b),
            _ => out.extend_from_slice(format!("\\{b:03o}").as_bytes()),
        }
    }
    out.push(b')');
    out
}

/// A text string for the document information dictionary: ASCII as a literal string,
/// anything else as UTF-16BE with a byte-order mark (hex), as the PDF spec prescribes.
fn text_string(text: &str) -> Vec<u8> {
    if text.is_ascii() {
        return literal_string(text.as_bytes());
    }
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        hex.push_str(&format!("{unit:04X}"));
    }
    hex.push('>');
    hex.into_bytes()
}

fn info_dictionary(spec: &DocSpec) -> Vec<u8> {
    let mut out = b"<< /Title ".to_vec();
    out.extend_from_slice(&text_string(&spec.title));
    if !spec.authors.is_empty() {
        out.extend_from_slice(b" /Author ");
        out.extend_from_slice(&text_string(&spec.authors.join("; ")));
    }
    if let Some(date) = &spec.date {
        let digits: String = date.chars().filter(char::is_ascii_digit).collect();
        out.extend_from_slice(format!(" /CreationDate (D:{digits}000000Z)").as_bytes());
    }
    out.extend_from_slice(b" /Producer (nexus-pdfgen) >>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_strings_escape_delimiters_and_high_bytes() {
        assert_eq!(literal_string(b"a(b)\\"), b"(a\\(b\\)\\\\)".to_vec());
        assert_eq!(literal_string(&[0xF1]), b"(\\361)".to_vec());
    }

    #[test]
    fn non_ascii_info_strings_are_utf16() {
        assert_eq!(text_string("ñ"), b"<FEFF00F1>".to_vec());
    }
}
