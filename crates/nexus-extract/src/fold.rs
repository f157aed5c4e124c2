//! Case- and accent-folded text with a map back to the original bytes, so a match found in the
//! folded text reports its span in the text the document stores.

use unicode_normalization::UnicodeNormalization;

pub struct Folded {
    pub text: String,
    /// `origin[i]` is the byte offset in the original of folded byte `i`; one extra entry at the
    /// end maps the end of the folded text to the end of the original.
    origin: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut at = 0;
        while at < bytes.len() {
            // Runs of ASCII are copied whole and lower-cased at the end: folding never makes an
            // upper-case ASCII letter.
            let run = ascii_end(bytes, at);
            if run > at {
                text.push_str(&original[at..run]);
                origin.extend(at as u32..run as u32);
                at = run;
                continue;
            }
            let Some(c) = original[at..].chars().next() else { break };
            let from = text.len();
            fold_char_into(c, &mut text);
            origin.extend(std::iter::repeat_n(at as u32, text.len() - from));
            at += c.len_utf8();
        }
        text.make_ascii_lowercase();
        origin.push(original.len() as u32);
        Folded { text, origin }
    }

    /// The original byte span of folded span `start..end`.
    pub fn original_span(&self, start: usize, end: usize, original: &str) -> (usize, usize) {
        let s = self.origin[start] as usize;
        // The end maps to the start of the last folded char's source char, plus that char's length.
        let last = self.origin[end - 1] as usize;
        let e = last + original[last..].chars().next().map_or(0, char::len_utf8);
        (s, e.max(s))
    }
}

/// The end of the run of ASCII bytes from `at`, found eight bytes at a time.
fn ascii_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8).and_then(|c| c.first_chunk::<8>()) {
        if u64::from_le_bytes(*chunk) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| at + n)
}

/// Fold a pattern the same way, without the offset map.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // ASCII runs are copied whole and lower-cased at the end, as in `Folded::new`.
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    while at < bytes.len() {
        let run = ascii_end(bytes, at);
        out.push_str(&s[at..run]);
        at = run;
        if let Some(c) = s[at..].chars().next() {
            fold_char_into(c, &mut out);
            at += c.len_utf8();
        }
    }
    out.make_ascii_lowercase();
    out
}

/// Append the folded form of `c`: decomposed, without combining marks, in lower case.
/// The characters reports mostly write beyond ASCII come from tables.
pub(crate) fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(f) = tabled(c) {
        out.push_str(f);
    } else {
        out.extend(decomposed(c));
    }
}

fn decomposed(c: char) -> impl Iterator<Item = char> {
    c.nfd().filter(|d| !unicode_normalization::char::is_combining_mark(*d)).flat_map(char::to_lowercase)
}

/// Accented Latin letters (U+0080–U+024F) and general punctuation (U+2000–U+206F: quotes,
/// dashes, spaces).
const TABLED: [(u32, u32); 2] = [(0x80, 0x250), (0x2000, 0x2070)];

/// The folded form of `c` when the tables hold it.
pub(crate) fn tabled(c: char) -> Option<&'static str> {
    static TABLES: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        TABLED.map(|(from, to)| (from..to).map(|u| char::from_u32(u).map(|c| decomposed(c).collect()).unwrap_or_default()).collect())
    });
    let u = c as u32;
    TABLED.iter().zip(tables).find(|((from, to), _)| (*from..*to).contains(&u)).map(|((from, _), t)| t[(u - from) as usize].as_str())
}

/// Accented Latin letters by table: a Latin character folds to letters exactly when it is one.
pub(crate) fn alphanumeric(c: char) -> bool {
    match tabled(c) {
        Some(f) if (c as u32) < TABLED[0].1 => f.chars().next().is_some_and(char::is_alphanumeric),
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_fold_as_decomposition_does() {
        for (from, to) in TABLED {
            for c in (from..to).filter_map(char::from_u32) {
                assert_eq!(tabled(c), Some(decomposed(c).collect::<String>().as_str()), "{c:?}");
            }
        }
        let t = "Ação “Nariño” — İstanbul ǅemal São PAULO ﬁ";
        assert_eq!(Folded::new(t).text, fold(t));
        assert_eq!(fold(t), t.chars().flat_map(decomposed).collect::<String>());
    }

    #[test]
    fn spans_map_back_through_accents() {
        let t = "El VRAEM (Apurímac, Ene) y São Paulo";
        let f = Folded::new(t);
        assert_eq!(f.text, "el vraem (apurimac, ene) y sao paulo");
        let at = f.text.find("apurimac").unwrap();
        let (s, e) = f.original_span(at, at + "apurimac".len(), t);
        assert_eq!(&t[s..e], "Apurímac");
        let at = f.text.find("sao paulo").unwrap();
        let (s, e) = f.original_span(at, at + 9, t);
        assert_eq!(&t[s..e], "São Paulo");
    }
}
