//! Text hygiene shared by every format: one newline convention, NFC, no invisible characters.
//! Runs before offsets are taken, so nothing downstream ever sees the raw forms.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Normalize text as stored: `\n` newlines, NFC, invisible and control characters removed, no-break
/// spaces made plain, runs of spaces collapsed, trailing spaces and extra blank lines dropped.
pub fn normalize(raw: &str) -> String {
    let nfc: String = match is_nfc_quick(raw.chars()) {
        unicode_normalization::IsNormalized::Yes => raw.to_owned(),
        _ => raw.nfc().collect(),
    };
    let mut out = String::with_capacity(nfc.len());
    let mut blank_run = 0;
    for line in nfc.split('\n') {
        let mark = out.len();
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        let separator = out.len();
        clean_line(line, &mut out);
        if out.len() == separator {
            out.truncate(mark);
            blank_run += 1;
        } else {
            blank_run = 0;
        }
    }
    out
}

/// Append `line` cleaned to `s`.
fn clean_line(line: &str, s: &mut String) {
    let start = s.len();
    let mut space = false;
    for c in line.chars() {
        let c = match c {
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            '\t' | '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => ' ',
            '\r' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' {
            if !space && s.len() > start {
                s.push(' ');
            }
            space = true;
        } else {
            s.push(c);
            space = false;
        }
    }
    if s.ends_with(' ') {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn newlines_spaces_and_blank_lines() {
        assert_eq!(normalize("  a\r\nb  \t c\r\n\r\n\r\n\r\nd\n"), "a\nb c\n\nd");
    }

    #[test]
    fn nfc_and_invisibles() {
        assert_eq!(normalize("Apuri\u{301}mac\u{00AD} co\u{200B}ca\u{00A0}leaf"), "Apurímac coca leaf");
    }
}
