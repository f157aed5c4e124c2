//! Bytes to text: the encoding is detected (BOM, declared charset, valid UTF-8, then chardetng),
//! never assumed, and binary content is refused before it pollutes the corpus.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Bytes that could not be decoded and became U+FFFD.
    pub replaced: usize,
}

/// How much of the start of a file is inspected for NUL bytes and control characters.
const SNIFF: usize = 8192;

/// Decode `bytes`, honouring a BOM first and then `declared` (an HTML `<meta charset>`).
/// Returns `Err(reason)` when the bytes are not text.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(finish(enc, &bytes[bom_len..]));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Ok(finish(enc, bytes));
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return Err("NUL bytes".into());
    }
    let decoded = match std::str::from_utf8(bytes) {
        Ok(s) => Decoded { text: s.to_owned(), encoding: "UTF-8", replaced: 0 },
        Err(_) => match declared {
            Some(enc) if enc != UTF_8 => finish(enc, bytes),
            _ if mostly_utf8(bytes) => finish(UTF_8, bytes),
            _ => {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(bytes, true);
                finish(det.guess(None, chardetng::Utf8Detection::Deny), bytes)
            }
        },
    };
    check_controls(&decoded.text)?;
    Ok(decoded)
}

fn finish(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let replaced = if enc == UTF_8 { count_invalid_utf8(bytes) } else { text.matches('\u{FFFD}').count() };
    Decoded { text: text.into_owned(), encoding: enc.name(), replaced }
}

/// UTF-16 saved without a BOM shows as zero bytes in every other position.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_zero = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 8 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 8 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A file with at least as many valid multi-byte UTF-8 sequences as bad bytes is damaged UTF-8:
/// in Latin-1 or Windows-1252 text a valid sequence almost never occurs by chance.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let invalid = count_invalid_utf8(bytes);
    let multibyte = bytes.iter().filter(|&&b| (0xC2..=0xF4).contains(&b)).count().saturating_sub(invalid);
    multibyte > 0 && invalid <= multibyte
}

fn count_invalid_utf8(mut bytes: &[u8]) -> usize {
    let mut invalid = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return invalid,
            Err(e) => {
                let skip = e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                invalid += skip;
                bytes = &bytes[e.valid_up_to() + skip..];
            }
        }
    }
}

/// Text has almost no C0 control characters besides tab, newline, carriage return and form feed.
fn check_controls(text: &str) -> Result<(), String> {
    let sample: Vec<char> = text.chars().take(SNIFF).collect();
    let controls = sample.iter().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')).count();
    if !sample.is_empty() && controls * 100 > sample.len() {
        return Err(format!("{controls} control characters in the first {} characters", sample.len()));
    }
    Ok(())
}

/// The `charset` an HTML document declares in its first kilobytes, if any.
pub fn html_declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    Encoding::for_label(&rest.as_bytes()[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode("Apurímac".as_bytes(), None).unwrap().text, "Apurímac");
        let d = decode(b"\xEF\xBB\xBFAndes", None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Andes", "UTF-8"));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Policía Nacional del Perú".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().text, "Policía Nacional del Perú");
        let d = decode(&le[2..], None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Policía Nacional del Perú", "UTF-16LE"));
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
            "La Fuerza Especial de Lucha contra el Narcotráfico incautó cocaína en el Chapare; según la investigación, la droga salió por la hidrovía.",
        );
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("incautó cocaína"));
    }

    #[test]
    fn damaged_utf8_is_repaired_and_counted() {
        let mut bytes = "Guayaquil está en el Ecuador, según el informe. ".repeat(3).into_bytes();
        bytes.insert(10, 0xFF);
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 1));
        assert!(d.text.contains("según"));
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0], None).is_err());
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 31) as u8 + 1).collect();
        assert!(decode(&noise, None).is_err());
    }

    #[test]
    fn declared_html_charset() {
        assert_eq!(html_declared_charset(b"<meta charset=\"iso-8859-1\">"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(html_declared_charset(b"<html><body>none</body></html>"), None);
    }
}
