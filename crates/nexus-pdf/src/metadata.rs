//! Title, authors and creation date from the document information dictionary, falling back
//! to the XMP metadata stream (`dc:title`, `dc:creator`) that many modern producers write.

use pdf_extract::{Document, Object};
use regex::Regex;
use std::sync::LazyLock;

/// Decoded metadata; every field is optional in real files.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub created: Option<String>,
}

pub(crate) fn read(doc: &Document) -> Metadata {
    let info = info_dictionary(doc);
    let info_text = |key: &[u8]| {
        info.and_then(|d| d.get(key).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_str().ok())
            .map(decode_text_string)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let xmp = xmp_packet(doc);
    let title = info_text(b"Title").or_else(|| xmp.as_deref().and_then(|x| xmp_field(x, "title")));
    let author = info_text(b"Author").or_else(|| xmp.as_deref().and_then(|x| xmp_field(x, "creator")));
    let created = info_text(b"CreationDate").and_then(|d| iso_date(&d));
    Metadata { title, authors: author.map(|a| split_authors(&a)).unwrap_or_default(), created }
}

fn info_dictionary(doc: &Document) -> Option<&pdf_extract::Dictionary> {
    let info = doc.trailer.get(b"Info").ok()?;
    doc.dereference(info).ok()?.1.as_dict().ok()
}

/// Decodes a PDF text string: UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0), else
/// PDFDocEncoding (Latin-1 except for a few typographic characters in 0x18–0x1F, 0x80–0x9F).
pub(crate) fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| pdf_doc_encoding(b)).collect()
}

fn pdf_doc_encoding(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž',
        'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}',
    ];
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    match byte {
        0x18..=0x1F => LOW[usize::from(byte - 0x18)],
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        0xA0 => '€',
        _ => char::from(byte),
    }
}

/// The XMP packet from the catalog's `/Metadata` stream, if any.
fn xmp_packet(doc: &Document) -> Option<String> {
    let reference = doc.catalog().ok()?.get(b"Metadata").ok()?;
    let (_, object) = doc.dereference(reference).ok()?;
    let Object::Stream(stream) = object else {
        return None;
    };
    let bytes = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// First `rdf:li` of `dc:<field>` (the default-language alternative for titles), with the
/// five predefined XML entities decoded; multiple creators are joined with "; ".
fn xmp_field(xmp: &str, field: &str) -> Option<String> {
    static LI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<rdf:li[^>]*>(.*?)</rdf:li>").expect("valid regex"));
    let start = xmp.find(&format!("<dc:{field}"))?;
    let end = xmp[start..].find(&format!("</dc:{field}>"))? + start;
    let block = &xmp[start..end];
    let mut items = LI.captures_iter(block).map(|c| xml_unescape(c[1].trim())).filter(|s| !s.is_empty());
    match field {
        "creator" => Some(items.collect::<Vec<_>>().join("; ")).filter(|s| !s.is_empty()),
        _ => items.next(),
    }
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// "D:20150412093000+02'00'" → "2015-04-12"; a date with only a year or a month gives the
/// shorter ISO prefix. Implausible values give `None`.
pub(crate) fn iso_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let field = |range: std::ops::Range<usize>| digits.get(range).and_then(|d| d.parse::<u32>().ok());
    let year = field(0..4).filter(|y| (1900..=2200).contains(y))?;
    let Some(month) = field(4..6) else {
        return Some(format!("{year:04}"));
    };
    if !(1..=12).contains(&month) {
        return Some(format!("{year:04}"));
    }
    match field(6..8) {
        Some(day) if (1..=31).contains(&day) => Some(format!("{year:04}-{month:02}-{day:02}")),
        _ => Some(format!("{year:04}-{month:02}")),
    }
}

/// Splits an author field into names. ";" always separates; otherwise " and " / " y " /
/// " e " / " & " do, and "," only when every part looks like a full name (two or more
/// words), so "Doe, Jane" stays one name.
pub(crate) fn split_authors(field: &str) -> Vec<String> {
    static CONJUNCTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+(?:and|y|e|&)\s+").expect("valid regex"));
    let clean =
        |parts: Vec<&str>| -> Vec<String> { parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect() };
    if field.contains(';') {
        return clean(field.split(';').collect());
    }
    let mut names = Vec::new();
    for chunk in CONJUNCTION.split(field) {
        let parts: Vec<&str> = chunk.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        let all_full_names = parts.len() > 1 && parts.iter().all(|p| p.split_whitespace().count() >= 2);
        if all_full_names {
            names.extend(clean(parts));
        } else {
            names.extend(clean(vec![chunk]));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_text_strings() {
        assert_eq!(decode_text_string(b"\xFE\xFF\x00\xF1\x00a"), "ña");
        assert_eq!(decode_text_string(b"Informe \x85 \xE9"), "Informe – é");
        assert_eq!(decode_text_string(b"\x8Dcita\x8E"), "“cita”");
    }

    #[test]
    fn dates_become_iso_prefixes() {
        assert_eq!(iso_date("D:20150412093000+02'00'").as_deref(), Some("2015-04-12"));
        assert_eq!(iso_date("D:2015").as_deref(), Some("2015"));
        assert_eq!(iso_date("D:201504").as_deref(), Some("2015-04"));
        assert_eq!(iso_date("garbage"), None);
    }

    #[test]
    fn authors_are_split_where_names_are_clear() {
        assert_eq!(split_authors("Jane Doe; John Roe"), vec!["Jane Doe", "John Roe"]);
        assert_eq!(split_authors("Maria Fernández and Peter Clarke"), vec!["Maria Fernández", "Peter Clarke"]);
        assert_eq!(split_authors("João Silva, Ana Conceição"), vec!["João Silva", "Ana Conceição"]);
        assert_eq!(split_authors("Doe, Jane"), vec!["Doe, Jane"]);
        assert_eq!(split_authors("Ana Quispe y Luis Romero"), vec!["Ana Quispe", "Luis Romero"]);
    }

    #[test]
    fn xmp_title_and_creators() {
        let xmp = r#"<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Oro &amp; crimen</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>A B</rdf:li><rdf:li>C D</rdf:li></rdf:Seq></dc:creator>"#;
        assert_eq!(xmp_field(xmp, "title").as_deref(), Some("Oro & crimen"));
        assert_eq!(xmp_field(xmp, "creator").as_deref(), Some("A B; C D"));
    }
}
