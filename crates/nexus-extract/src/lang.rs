//! The bundled language data (`data/lang/`), compiled into the binary so extraction works
//! air-gapped, and the word sets several stages share. Each set is built once, on first use.

use crate::hash::FxSet;
use std::sync::OnceLock;

/// The data lines of a bundled file: trimmed, without blank lines and `#` comments.
pub(crate) fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(cell: &'static OnceLock<WordSet>, src: &'static str) -> &'static WordSet {
    cell.get_or_init(|| WordSet::new(lines(src)))
}

/// A set of words, most of them short, looked up several times per word of a text: a word of
/// up to seven bytes is packed with its length into one integer and found in a table of those
/// by integer compares, with no string hashed; longer words are in a hash set.
pub(crate) struct WordSet {
    /// Open addressing, linear probing from the packed word's hash: the packed words, 0 where
    /// empty; a quarter full at most.
    short: Vec<u64>,
    /// 64 minus log2 of the number of slots.
    shift: u32,
    long: FxSet<&'static str>,
}

impl WordSet {
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        let (short, long): (Vec<&str>, Vec<&str>) = words.into_iter().partition(|w| (1..=7).contains(&w.len()));
        let slots = (4 * short.len()).next_power_of_two().max(2);
        let mut set = WordSet { short: vec![0; slots], shift: 64 - slots.trailing_zeros(), long: long.into_iter().collect() };
        for w in short {
            let key = packed(w);
            let mut i = set.slot(key);
            while set.short[i] != 0 && set.short[i] != key {
                i = (i + 1) & (slots - 1);
            }
            set.short[i] = key;
        }
        set
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        if !(1..=7).contains(&w.len()) {
            return !self.long.is_empty() && self.long.contains(w);
        }
        let key = packed(w);
        let mut i = self.slot(key);
        loop {
            match self.short[i] {
                k if k == key => return true,
                0 => return false,
                _ => i = (i + 1) & (self.short.len() - 1),
            }
        }
    }
}

/// A word of one to seven bytes as one integer: its bytes, and its length in the top byte (so
/// never 0).
#[inline]
fn packed(w: &str) -> u64 {
    crate::hash::tail(w.as_bytes()) | (w.len() as u64) << 56
}

/// Particles inside proper names ("de", "del", "da", "van"), `name-particles.txt`.
pub(crate) fn name_particle(w: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/name-particles.txt")).contains(w)
}

/// Geographic head nouns ("river", "valle"), `geographic-heads.txt`, folded.
pub(crate) fn geographic_head(folded: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/geographic-heads.txt")).contains(folded)
}

/// Nouns for a port ("port", "puerto", "porto"), `port-nouns.txt`, folded.
pub(crate) fn port_noun(folded: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/port-nouns.txt")).contains(folded)
}

/// Does `folded` (text after a sum of money, folded) open with a phrase that makes the sum a price
/// per weight ("per kilogram", "el kilo", "o quilo"), `per-weight.txt`?
pub(crate) fn per_weight(folded: &str) -> bool {
    static PHRASES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| lines(include_str!("../../../data/lang/per-weight.txt")).collect());
    phrases.iter().any(|p| folded.strip_prefix(p).is_some_and(|rest| !rest.starts_with(char::is_alphanumeric)))
}

/// Words that make a sum of money the value or price of goods, `value-words.txt`, folded.
pub(crate) fn value_word(folded: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/value-words.txt")).contains(folded)
}

/// Words between a sum of money and the form it was held in ("in cash"), `held-in.txt`, folded.
pub(crate) fn held_in(folded: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/held-in.txt")).contains(folded)
}

/// What joins two items of a list ("and", "y", ","), `list-joins.txt`, folded.
pub(crate) fn list_join(folded: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/list-joins.txt")).contains(folded)
}

/// Nouns for a kind of group, body or facility ("cartel", "clan", "penitentiary"),
/// `name-heads.txt`, folded.
pub(crate) fn name_head(folded: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/name-heads.txt")).contains(folded)
}

/// Definite articles, `definite-articles.txt`, lower case.
pub(crate) fn definite_article(w: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/definite-articles.txt")).contains(w)
}

/// City names that are also ordinary words ("much", "pueblo"), `city-common-words.txt`, folded.
pub(crate) fn common_city_word(folded: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/city-common-words.txt")).contains(folded)
}

/// The function words of every language in `function-words.tsv` (`lang<TAB>words…`), lower case.
pub(crate) fn function_words() -> impl Iterator<Item = &'static str> {
    lines(include_str!("../../../data/lang/function-words.tsv"))
        .filter_map(|l| l.split_once('\t'))
        .flat_map(|(_, words)| words.split_whitespace())
}

/// Is `w` (any case) a function word of English, Spanish or Portuguese?
pub(crate) fn function_word(w: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    let words = WORDS.get_or_init(|| WordSet::new(function_words()));
    if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return words.contains(w);
    }
    // A short ASCII word is lower-cased on the stack, not in a new string.
    let mut buf = [0u8; 32];
    match buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
        Some(lower) => {
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|l| words.contains(l))
        }
        None => words.contains(w.to_lowercase().as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_hold_what_hash_sets_do() {
        let words = ["a", "de", "del", "río", "valle", "rivers", "ciudad", "isla", "mountains", "ñ", "sierra", "1234567", "12345678"];
        let set = WordSet::new(words);
        for w in words.iter().chain(&["", "b", "dé", "rio", "river", "mountain", "123456", "123456789", "del ", "ciudades"]) {
            assert_eq!(set.contains(w), words.contains(w), "{w:?}");
        }
    }
}
