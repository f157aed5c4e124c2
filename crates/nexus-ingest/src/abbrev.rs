//! The shared abbreviation list (`data/lang/abbreviations.tsv`), compiled in and parsed once.

use std::collections::HashSet;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/lang/abbreviations.tsv");

/// Abbreviations that usually precede a number ("No.", "Vol.", "pp."), folded to lower case, any language.
pub fn number_abbreviations() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (_lang, abbr, kind) = (cols.next()?, cols.next()?, cols.next()?);
                (kind.trim() == "number").then(|| abbr.trim().to_lowercase())
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_parses_and_has_the_common_ones() {
        let set = super::number_abbreviations();
        for a in ["no", "vol", "pp", "nº", "pág"] {
            assert!(set.contains(a), "{a} missing");
        }
        assert!(!set.contains("dr"));
    }
}
