//! Mapping from Unicode to WinAnsiEncoding (Windows-1252), the single-byte encoding the
//! standard Type1 fonts understand without embedding. Restricting ourselves to it keeps the
//! PDFs tiny and lets every extractor decode the text via the predefined encoding.

/// Code points 0x80..=0x9F of Windows-1252 (the only range where it differs from Latin-1).
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// Byte used for characters that WinAnsiEncoding cannot represent.
pub const REPLACEMENT: u8 = b'?';

/// Encodes one character, or `None` when WinAnsiEncoding has no glyph for it.
pub fn encode_char(c: char) -> Option<u8> {
    let code = c as u32;
    match code {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(code).ok(),
        _ => CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b),
    }
}

/// Nearest WinAnsi character for a few common characters outside it.
fn substitute(c: char) -> Option<u8> {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2212}' => Some(b'-'),
        '\u{2032}' => Some(b'\''),
        '\u{2033}' => Some(b'"'),
        '\u{2248}' => Some(b'~'),
        _ => None,
    }
}

/// Encodes a string, replacing unsupported characters with [`REPLACEMENT`].
/// Tabs and other whitespace (thin, narrow no-break spaces...) become plain spaces so the
/// layout stays predictable.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars().map(|c| if c.is_whitespace() { b' ' } else { encode_char(c).or_else(|| substitute(c)).unwrap_or(REPLACEMENT) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_typographic_punctuation_are_encoded() {
        assert_eq!(encode("ñ"), vec![0xF1]);
        assert_eq!(encode("ã"), vec![0xE3]);
        assert_eq!(encode("–—“”’"), vec![0x96, 0x97, 0x93, 0x94, 0x92]);
        assert_eq!(encode("º ª « »"), vec![0xBA, b' ', 0xAA, b' ', 0xAB, b' ', 0xBB]);
    }

    #[test]
    fn unsupported_characters_become_question_marks() {
        assert_eq!(encode("Ω"), vec![b'?']);
        assert_eq!(encode("204\u{202F}000 \u{2212}3"), b"204 000 -3".to_vec());
    }
}
