//! The bundled language data (`data/lang/`), compiled into the binary so extraction works
//! air-gapped, and the word sets several stages share. Each set is built once, on first use.

use crate::hash::FxSet;
use std::sync::OnceLock;

/// The data lines of a bundled file: trimmed, without blank lines and `#` comments.
pub(crate) fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(cell: &'static OnceLock<FxSet<&'static str>>, src: &'static str) -> &'static FxSet<&'static str> {
    cell.get_or_init(|| lines(src).collect())
}

/// Particles inside proper names ("de", "del", "da", "van"), `name-particles.txt`.
pub(crate) fn name_particle(w: &str) -> bool {
    static WORDS: OnceLock<FxSet<&'static str>> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/name-particles.txt")).contains(w)
}

/// Geographic head nouns ("river", "valle"), `geographic-heads.txt`, folded.
pub(crate) fn geographic_head(folded: &str) -> bool {
    static WORDS: OnceLock<FxSet<&'static str>> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/geographic-heads.txt")).contains(folded)
}

/// Nouns for a kind of group, body or facility ("cartel", "clan", "penitentiary"),
/// `name-heads.txt`, folded.
pub(crate) fn name_head(folded: &str) -> bool {
    static WORDS: OnceLock<FxSet<&'static str>> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/name-heads.txt")).contains(folded)
}

/// Definite articles, `definite-articles.txt`, lower case.
pub(crate) fn definite_article(w: &str) -> bool {
    static WORDS: OnceLock<FxSet<&'static str>> = OnceLock::new();
    set(&WORDS, include_str!("../../../data/lang/definite-articles.txt")).contains(w)
}

/// City names that are also ordinary words ("much", "pueblo"), `city-common-words.txt`, folded.
pub(crate) fn common_city_word(folded: &str) -> bool {
    static WORDS: OnceLock<FxSet<&'static str>> = OnceLock::new();
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
    static WORDS: OnceLock<FxSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| function_words().collect());
    if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() { words.contains(w.to_lowercase().as_str()) } else { words.contains(w) }
}
