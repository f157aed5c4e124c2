//! Footnote reference marks glued to words ("Trujillo.2", "per year,3", "the drug.4", "coca²", "[12]").
//! They are recorded as notes and blanked out of the text extraction reads, so that no name, number
//! or date ever absorbs one. Blanking keeps byte lengths, so offsets need no mapping.

use crate::abbrev::number_abbreviations;
use crate::model::NoteRef;

const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/// Units written with an exponent ("km²"), where a superscript is not a note.
const EXPONENT_UNITS: &[&str] = &["m", "km", "cm", "mm", "dm", "ft", "mi", "yd", "in"];

/// Find every footnote mark in `text`, in order.
pub fn find(text: &str) -> Vec<NoteRef> {
    let b = text.as_bytes();
    let mut notes = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let found = if c.is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            glued_digits(text, i)
        } else if c == b'[' {
            bracketed(text, i)
        } else if c >= 0x80 && text.is_char_boundary(i) && starts_superscript(&text[i..]) {
            superscript(text, i)
        } else {
            None
        };
        match found {
            Some(n) => {
                i = n.end;
                notes.push(n);
            }
            None => i += 1,
        }
    }
    notes
}

/// `text` with every note span replaced by spaces of the same byte length (borrowed when there
/// are no notes, as in most documents).
pub fn mask<'a>(text: &'a str, notes: &[NoteRef]) -> std::borrow::Cow<'a, str> {
    if notes.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for n in notes {
        bytes[n.start..n.end].fill(b' ');
    }
    // Only whole characters inside note spans were replaced, by ASCII spaces.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn note(text: &str, start: usize, end: usize) -> NoteRef {
    let label: String = text[start..end].chars().filter_map(superscript_value).collect();
    NoteRef { start, end, label }
}

fn superscript_value(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    SUPERSCRIPTS.chars().position(|s| s == c).and_then(|d| char::from_digit(d as u32, 10))
}

fn starts_superscript(s: &str) -> bool {
    s.chars().next().is_some_and(|c| SUPERSCRIPTS.contains(c))
}

/// The mark ends where a word would: at white space or the end of the text.
fn ends_cleanly(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(char::is_whitespace)
}

fn char_before(text: &str, at: usize) -> Option<(usize, char)> {
    text[..at].char_indices().next_back()
}

/// The run of letters that ends at byte `end`.
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end].char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(end, |(i, _)| i);
    &text[start..end]
}

fn glued_digits(text: &str, start: usize) -> Option<NoteRef> {
    let b = text.as_bytes();
    let end = start + b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    if end - start > 3 || b[start] == b'0' || !ends_cleanly(text, end) {
        return None;
    }
    let (p, prev) = char_before(text, start)?;
    let is_note = match prev {
        '.' | ',' | ';' | ':' | '!' | '?' => after_punctuation(text, p, prev, start, end),
        ')' | ']' | '”' | '’' | '"' | '\'' | '»' => {
            char_before(text, p).is_some_and(|(_, c)| c.is_alphabetic() || matches!(c, '.' | ',' | '!' | '?'))
        }
        c if c.is_alphabetic() => after_letter(text, start, end),
        _ => false,
    };
    is_note.then(|| note(text, start, end))
}

fn after_punctuation(text: &str, p: usize, punct: char, start: usize, end: usize) -> bool {
    let Some((_, before)) = char_before(text, p) else { return false };
    if before.is_alphabetic() {
        let word = word_before(text, p);
        if number_abbreviations().contains(&word.to_lowercase()) {
            return false;
        }
        // "p.3" is a page; "U.S.2" is a note.
        let single = word.chars().count() == 1;
        return !single || (punct == '.' && char_before(text, p - word.len()).is_some_and(|(_, c)| c == '.'));
    }
    if matches!(before, ')' | ']' | '”' | '’' | '"' | '»') {
        return true;
    }
    // "...in 2014.3 The next year" — a year, a period, a short number and a capitalised word.
    before.is_ascii_digit() && punct == '.' && end - start <= 2 && year_ends_at(text, p) && next_word_capitalised(text, end)
}

fn year_ends_at(text: &str, end: usize) -> bool {
    let digits = text.as_bytes()[..end].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    digits == 4
        && end >= 4
        && text[end - 4..end].parse::<u32>().is_ok_and(|y| (1800..=2099).contains(&y))
        && (end == 4 || !text.as_bytes()[end - 5].is_ascii_alphanumeric())
}

fn next_word_capitalised(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    rest.is_empty() || rest.chars().next().is_some_and(|c| c.is_uppercase() || c == '“' || c == '"')
}

/// "cocaine3 Experts": digits glued straight to a lower-case word, before a new sentence.
fn after_letter(text: &str, start: usize, end: usize) -> bool {
    let word = word_before(text, start);
    let mut chars = word.chars();
    let rest_lower = chars.next().is_some() && chars.all(char::is_lowercase);
    word.chars().count() >= 4 && rest_lower && end - start <= 2 && next_word_capitalised(text, end)
}

fn bracketed(text: &str, start: usize) -> Option<NoteRef> {
    let b = text.as_bytes();
    let digits = b[start + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let close = start + 1 + digits;
    if !(1..=3).contains(&digits) || b.get(close) != Some(&b']') {
        return None;
    }
    if char_before(text, start).is_some_and(|(_, c)| c.is_ascii_digit()) {
        return None;
    }
    let end = close + 1;
    ends_cleanly_or_punct(text, end).then(|| note(text, start, end))
}

fn ends_cleanly_or_punct(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')'))
}

fn superscript(text: &str, start: usize) -> Option<NoteRef> {
    let len: usize = text[start..].chars().take_while(|c| SUPERSCRIPTS.contains(*c)).map(char::len_utf8).sum();
    let (_, prev) = char_before(text, start)?;
    if prev.is_whitespace() {
        return None;
    }
    if prev.is_alphabetic() && EXPONENT_UNITS.contains(&word_before(text, start)) {
        return None;
    }
    Some(note(text, start, start + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        find(text).into_iter().map(|n| n.label).collect()
    }

    #[test]
    fn seed_style_marks() {
        let t =
            "near the city of Trujillo.2 A clan shipped it to Spain and Belgium.2 Experts say more than 200 tons per year,3 and the drug.4";
        let notes = find(t);
        assert_eq!(notes.iter().map(|n| &t[n.start..n.end]).collect::<Vec<_>>(), ["2", "2", "3", "4"]);
        let masked = mask(t, &notes);
        assert_eq!(masked.len(), t.len());
        assert!(masked.contains("Trujillo.  A") && masked.contains("per year,  and") && masked.ends_with("drug. "));
    }

    #[test]
    fn numbers_that_are_not_notes() {
        for t in [
            "It seized 7.6 metric tons.",
            "PRISM Vol. 5, No 4. 2015",
            "See Vol.5 and No.4 and pp.12 or p.3 there.",
            "Ley N.º 30077 de 2013",
            "el 14,3 % del total",
            "at 10:30 the ship left",
            "a fleet of 12 boats",
            "MS13 and Barrio 18 operate there",
            "an area of 3 km² was cleared",
            "COVID-19 changed routes",
        ] {
            assert!(labels(t).is_empty(), "{t}: {:?}", labels(t));
        }
    }

    #[test]
    fn other_mark_styles() {
        assert_eq!(labels("the U.S.2 and Canada"), ["2"]);
        assert_eq!(labels("in 2014.3 The country"), ["3"]);
        assert_eq!(labels("called “the hub”5 by officials"), ["5"]);
        assert_eq!(labels("the Callao port (Lima)6 is"), ["6"]);
        assert_eq!(labels("exported cocaine12 The next"), ["12"]);
        assert_eq!(labels("coca leaf² and gold³."), ["2", "3"]);
        assert_eq!(labels("as reported [12]. Later [3] too"), ["12", "3"]);
    }

    proptest::proptest! {
        #[test]
        fn spans_are_char_boundaries_and_mask_keeps_length(s in "\\PC{0,200}") {
            let notes = find(&s);
            for n in &notes {
                proptest::prop_assert!(s.is_char_boundary(n.start) && s.is_char_boundary(n.end) && n.start < n.end);
            }
            proptest::prop_assert_eq!(mask(&s, &notes).len(), s.len());
        }
    }
}
