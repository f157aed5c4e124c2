//! Typo-tolerant matching for long names only ("Sendero Luninoso" → Sendero Luminoso): a run of
//! capitalised words that matched nothing is compared with the curated names of about its length,
//! allowing one edit per ten characters. Short names never match fuzzily: "Ene" is not "Ena".

use crate::fold::fold;
use nexus_kb::{EntityType, KnowledgeBase};

/// Names shorter than this (folded, in bytes) are matched exactly or not at all.
const MIN_LEN: usize = 12;

pub struct FuzzyNames {
    /// (folded name, entity index), sorted by length.
    names: Vec<(String, usize)>,
}

impl FuzzyNames {
    pub fn new(kb: &KnowledgeBase) -> FuzzyNames {
        let mut names: Vec<(String, usize)> = kb
            .entities()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind.as_deref() != Some("city") && !matches!(e.entity_type, EntityType::Commodity | EntityType::Activity))
            .flat_map(|(i, e)| e.names().map(fold).filter(|n| n.len() >= MIN_LEN && n.contains(' ')).map(move |n| (n, i)))
            .collect();
        names.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        names.dedup();
        FuzzyNames { names }
    }

    /// The entry whose name is within the allowed edits of `span`, when exactly one is closest.
    pub fn lookup(&self, span: &str) -> Option<usize> {
        let folded = fold(span);
        if folded.len() < MIN_LEN {
            return None;
        }
        let allowed = folded.len() / 10;
        let lo = self.names.partition_point(|(n, _)| n.len() + allowed < folded.len());
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for (name, entity) in self.names[lo..].iter().take_while(|(n, _)| n.len() <= folded.len() + allowed) {
            // "South American" is an adjective, not a misspelt "South America".
            if folded.starts_with(name.as_str()) || name.starts_with(folded.as_str()) {
                continue;
            }
            let d = strsim::levenshtein(name, &folded);
            if d == 0 || d > allowed {
                continue;
            }
            match best {
                Some((bd, be)) if d == bd && be != *entity => tie = true,
                Some((bd, _)) if d >= bd => {}
                _ => {
                    best = Some((d, *entity));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(_, e)| e)
    }
}

/// Runs of two to six capitalised words (name particles allowed inside) that no exact match
/// covers: the candidates for fuzzy lookup, as byte spans.
pub fn capitalised_runs(text: &str, taken: &[(usize, usize)], is_particle: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() || c == '-' {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push((s, i));
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let cap = |w: (usize, usize)| text[w.0..w.1].chars().next().is_some_and(char::is_uppercase);
        if !cap(words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        // Extend while the next word follows after one space and is capitalised or a particle
        // followed by a capitalised word.
        while j + 1 < words.len() && &text[words[j].1..words[j + 1].0] == " " {
            let next = words[j + 1];
            if cap(next) || (is_particle(&text[next.0..next.1]) && j + 2 < words.len() && cap(words[j + 2])) {
                j += 1;
            } else {
                break;
            }
        }
        let (s, e) = (words[i].0, words[j].1);
        if j > i && j - i < 6 && !taken.iter().any(|&(ts, te)| ts < e && s < te) {
            runs.push((s, e));
        }
        i = j + 1;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_in_long_names_only() {
        let (kb, _) = KnowledgeBase::load(&[]);
        let f = FuzzyNames::new(&kb);
        let name = |s: &str| f.lookup(s).map(|i| kb.entities()[i].name.clone());
        assert_eq!(name("Sendero Luninoso").as_deref(), Some("Sendero Luminoso"));
        assert_eq!(name("South American"), None, "an adjective is not a typo");
        assert_eq!(name("Sendero Luminoso"), None, "exact names are the automaton's job");
        assert_eq!(name("Los Lobitos"), None, "short names are never fuzzy");
    }

    #[test]
    fn runs_skip_what_is_taken() {
        let t = "the marginal role of Sendero Luninoso as one of many, and Clan del Golfo too";
        let runs = capitalised_runs(t, &[(58, 72)], |w| w == "del");
        assert_eq!(runs.iter().map(|&(s, e)| &t[s..e]).collect::<Vec<_>>(), ["Sendero Luninoso"]);
    }
}
