//! A deliberately simple syllable-boundary hyphenator, good enough to put a few "traf-"/"ficking"
//! breaks into generated PDFs so that the extractor's de-hyphenation is exercised.
//!
//! It only breaks plain lowercase words and never at a position whose first part is a known
//! compound prefix (narco-, anti-, co-, ...): the extractor may keep the hyphen after those,
//! so such a break would not round-trip. Keep [`COMPOUND_PREFIXES`] a superset of
//! `nexus_pdf::dehyphenate::{COMPOUND_PREFIXES, AMBIGUOUS_PREFIXES}`; a test in this crate
//! checks it.

/// Prefixes after which a line-end hyphen may be read as a real compound hyphen.
pub const COMPOUND_PREFIXES: &[&str] = &[
    "narco", "anti", "self", "cross", "post", "non", "pseudo", "ultra", "micro", "macro", "euro", "afro", "ibero", "latino", "luso",
    "hispano", "socio", "vice", "co", "ex", "pre", "pro", "sub", "neo", "bio", "eco", "geo", "auto", "extra", "super", "contra", "semi",
    "multi", "inter", "trans", "sobre", "para",
];

/// Shortest fragment left on either side of a break.
const MIN_FRAGMENT: usize = 3;
/// Words shorter than this are never broken.
const MIN_WORD: usize = 8;

fn is_vowel(c: char) -> bool {
    "aeiouáéíóúâêôãõàüy".contains(c)
}

/// Consonant pairs that belong to the same syllable and must not be split.
fn is_digraph(a: char, b: char) -> bool {
    matches!(
        (a, b),
        ('c', 'h') | ('l', 'l') | ('r', 'r') | ('q', 'u') | ('n', 'h') | ('l', 'h') | ('s', 'h') | ('t', 'h') | ('p', 'h') | ('g', 'u')
    )
}

/// Consonant + liquid pairs that open a syllable together ("tr", "bl", ...).
fn is_onset_cluster(a: char, b: char) -> bool {
    matches!(b, 'l' | 'r') && matches!(a, 'b' | 'c' | 'd' | 'f' | 'g' | 'k' | 'p' | 't')
}

/// Candidate break positions (char indices; the first part is `chars[..i]`) in `word`,
/// rightmost last. Only the leading run of lowercase letters is considered; trailing
/// punctuation stays with the second part.
pub fn break_points(word: &str) -> Vec<usize> {
    let chars: Vec<char> = word.chars().collect();
    let letters = chars.iter().take_while(|c| c.is_alphabetic() && c.is_lowercase()).count();
    if letters < MIN_WORD {
        return Vec::new();
    }
    (MIN_FRAGMENT..=letters - MIN_FRAGMENT)
        .filter(|&i| {
            let (before, at) = (chars[i - 1], chars[i]);
            let after = chars.get(i + 1).copied().unwrap_or(' ');
            let vowel_consonant_vowel = is_vowel(before) && !is_vowel(at) && is_vowel(after);
            let consonant_consonant = !is_vowel(before)
                && !is_vowel(at)
                && !is_digraph(before, at)
                && !is_onset_cluster(before, at)
                && is_vowel(after)
                && i >= 2
                && is_vowel(chars[i - 2]);
            // "ma-dre", "co-bre": a consonant + l/r cluster starts the next syllable.
            let before_cluster = is_vowel(before) && is_onset_cluster(at, after) && chars.get(i + 2).copied().is_some_and(is_vowel);
            vowel_consonant_vowel || consonant_consonant || before_cluster
        })
        .filter(|&i| {
            let prefix: String = chars[..i].iter().collect();
            !COMPOUND_PREFIXES.contains(&prefix.as_str())
        })
        .collect()
}

/// Splits `word` at char index `at` into (`first-`, `rest`).
pub fn split_at(word: &str, at: usize) -> (String, String) {
    let first: String = word.chars().take(at).collect();
    let rest: String = word.chars().skip(at).collect();
    (format!("{first}-"), rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(word: &str) -> Vec<String> {
        break_points(word).into_iter().map(|i| split_at(word, i).0).collect()
    }

    #[test]
    fn breaks_at_syllable_boundaries() {
        let p = pieces("trafficking");
        assert!(p.contains(&"traf-".to_string()), "{p:?}");
        assert!(pieces("organizaciones").contains(&"organi-".to_string()));
        assert!(!pieces("narcotraficantes").contains(&"narcot-".to_string()));
        assert!(pieces("narcotraficantes").contains(&"narcotra-".to_string()));
    }

    #[test]
    fn never_breaks_short_capitalised_or_prefixed_words() {
        assert!(break_points("cartel").is_empty());
        assert!(break_points("Colombia's").is_empty());
        assert!(!pieces("narcotrafficking").contains(&"narco-".to_string()));
        assert!(!pieces("international").contains(&"inter-".to_string()));
    }
}
