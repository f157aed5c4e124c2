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
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        for (at, c) in original.char_indices() {
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                origin.push(at as u32);
                continue;
            }
            for d in c.nfd().filter(|d| !unicode_normalization::char::is_combining_mark(*d)).flat_map(char::to_lowercase) {
                let s = d.encode_utf8(&mut buf);
                text.push_str(s);
                origin.extend(std::iter::repeat_n(at as u32, s.len()));
            }
        }
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

/// Fold a pattern the same way, without the offset map.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().flat_map(|c| c.nfd()).filter(|d| !unicode_normalization::char::is_combining_mark(*d)).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
