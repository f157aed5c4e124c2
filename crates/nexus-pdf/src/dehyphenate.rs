//! Re-joining words hyphenated across line ends.
//!
//! "traf-" + "ficking" → "trafficking", but real compounds keep their hyphen:
//! "narco-" + "traffickers" → "narco-traffickers", "anti-" + "Kremlin" → "anti-Kremlin".
//! The decision uses, in order: the document's own vocabulary (if the joined or the hyphenated
//! form occurs elsewhere in the text, follow it), capitalisation of the second part, and a list
//! of compound prefixes of English, Spanish and Portuguese. Otherwise the hyphen is dropped.

use std::collections::HashSet;

/// Prefixes after which a line-end hyphen is always read as a compound hyphen: they are
/// rarely a syllable of an unrelated word.
pub const COMPOUND_PREFIXES: &[&str] = &[
    "narco", "anti", "self", "cross", "post", "non", "pseudo", "ultra", "micro", "macro", "euro", "afro", "ibero", "latino", "luso",
    "hispano", "socio", "vice",
];

/// Prefixes that are also common first syllables in Spanish and Portuguese ("co-rrupción",
/// "pro-ceso", "ex-tracción", "contra-bando"): the hyphen is kept only when the second part
/// also occurs as a word of its own in the document ("ex-" + "guerrilleros").
pub const AMBIGUOUS_PREFIXES: &[&str] = &[
    "co", "ex", "pre", "pro", "sub", "neo", "bio", "eco", "geo", "auto", "extra", "super", "contra", "semi", "multi", "inter", "trans",
    "sobre",
];

/// Words of the document, to recognise how a broken word is spelled elsewhere.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
    hyphenated: HashSet<String>,
}

impl Vocabulary {
    /// Collects the words of `lines`, ignoring the fragments on both sides of a line-end
    /// hyphen (they are what is being decided).
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut vocabulary = Vocabulary::default();
        let mut after_hyphen = false;
        for line in lines {
            let mut body = line.trim();
            if after_hyphen {
                body = body.split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
            }
            after_hyphen = ends_with_hyphen(body);
            if after_hyphen {
                body = body.rsplit_once(char::is_whitespace).map_or("", |(head, _)| head);
            }
            for token in body.split(|c: char| !(c.is_alphabetic() || c == '-')) {
                let token = token.trim_matches('-').to_lowercase();
                if token.is_empty() {
                    continue;
                }
                if token.contains('-') {
                    vocabulary.words.extend(token.split('-').filter(|p| !p.is_empty()).map(str::to_string));
                    vocabulary.hyphenated.insert(token);
                } else {
                    vocabulary.words.insert(token);
                }
            }
        }
        vocabulary
    }
}

fn ends_with_hyphen(text: &str) -> bool {
    text.ends_with('-') || text.ends_with('\u{2010}') || text.ends_with('\u{AD}')
}

/// Appends `next` (the following line) to `paragraph` (text so far), handling a line-end
/// hyphen on `paragraph`.
pub fn append_line(paragraph: &mut String, next: &str, vocabulary: &Vocabulary) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if paragraph.is_empty() {
        paragraph.push_str(next);
        return;
    }
    match line_end_hyphen(paragraph, next, vocabulary) {
        Some(HyphenJoin::Drop) => {
            paragraph.pop();
        }
        Some(HyphenJoin::Keep) => {
            // A soft hyphen is never visible text.
            if paragraph.ends_with('\u{AD}') {
                paragraph.pop();
            }
        }
        None => paragraph.push(' '),
    }
    paragraph.push_str(next);
}

/// How a hyphen at the end of a line joins the next line.
#[derive(Debug, PartialEq, Eq)]
enum HyphenJoin {
    /// Word broken by the typesetter: remove the hyphen, join without space.
    Drop,
    /// Real compound: keep the hyphen, join without space.
    Keep,
}

fn line_end_hyphen(paragraph: &str, next: &str, vocabulary: &Vocabulary) -> Option<HyphenJoin> {
    if !ends_with_hyphen(paragraph) {
        return None;
    }
    let before_hyphen = paragraph[..paragraph.len() - paragraph.chars().next_back()?.len_utf8()].chars().next_back()?;
    let first_next = next.chars().next()?;
    if !before_hyphen.is_alphabetic() || !first_next.is_alphabetic() {
        return None;
    }
    if paragraph.ends_with('\u{AD}') {
        return Some(HyphenJoin::Drop);
    }
    let stem: String = {
        let body = &paragraph[..paragraph.len() - 1];
        let start = body.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + body[i..].chars().next().map_or(1, char::len_utf8));
        body[start..].to_string()
    };
    let head: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let (stem_lower, head_lower) = (stem.to_lowercase(), head.to_lowercase());

    if vocabulary.hyphenated.contains(&format!("{stem_lower}-{head_lower}")) {
        return Some(HyphenJoin::Keep);
    }
    if vocabulary.words.contains(&format!("{stem_lower}{head_lower}")) {
        return Some(HyphenJoin::Drop);
    }
    if first_next.is_uppercase() || COMPOUND_PREFIXES.contains(&stem_lower.as_str()) {
        return Some(HyphenJoin::Keep);
    }
    if AMBIGUOUS_PREFIXES.contains(&stem_lower.as_str()) && vocabulary.words.contains(&head_lower) {
        return Some(HyphenJoin::Keep);
    }
    Some(HyphenJoin::Drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(a: &str, b: &str, context: &[&str]) -> String {
        let vocabulary = Vocabulary::from_lines(context.iter().copied().chain([a, b]));
        let mut p = a.to_string();
        append_line(&mut p, b, &vocabulary);
        p
    }

    #[test]
    fn broken_words_are_joined() {
        assert_eq!(join("the traf-", "ficking routes", &[]), "the trafficking routes");
        assert_eq!(join("organiza-", "ções criminosas", &[]), "organizações criminosas");
        assert_eq!(join("o Para-", "guai", &[]), "o Paraguai");
    }

    #[test]
    fn compounds_keep_their_hyphen() {
        assert_eq!(join("the narco-", "traffickers", &[]), "the narco-traffickers");
        assert_eq!(join("an anti-", "Kremlin stance", &[]), "an anti-Kremlin stance");
        assert_eq!(join("los ex-", "guerrilleros", &["los guerrilleros"]), "los ex-guerrilleros");
        assert_eq!(join("la co-", "rrupción", &[]), "la corrupción");
    }

    #[test]
    fn document_vocabulary_wins() {
        assert_eq!(join("cocaine-", "related", &["other cocaine-related deaths"]), "cocaine-related");
        assert_eq!(join("narco-", "trafficking", &["narcotrafficking is"]), "narcotrafficking");
    }

    #[test]
    fn ordinary_lines_get_a_space_and_dashes_are_kept() {
        assert_eq!(join("end of line", "next", &[]), "end of line next");
        assert_eq!(join("1990-", "2000", &[]), "1990- 2000");
        assert_eq!(join("soft\u{AD}", "ware", &[]), "software");
    }
}
