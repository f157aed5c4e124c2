//! Knowledge-base mentions: one Aho-Corasick automaton over the folded names of every entry
//! (leftmost-longest, so "Clan del Golfo" beats "Golfo"), one over acronyms in the original case
//! ("PCC", "ELN" — never "pcc" inside a word), both at word boundaries; then the rules that keep
//! common words out: proper-noun types must be capitalised in the text, and entries marked
//! ambiguous (cities, "Ene", "Paita") need support from the document.

use crate::fold::{Folded, fold};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use nexus_kb::{Entity, EntityType, KnowledgeBase};
use std::collections::HashMap;

/// Geographic head nouns (`data/lang/geographic-heads.txt`), folded.
fn geographic_head(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../../data/lang/geographic-heads.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(w)
}
/// How far around an ambiguous name context is looked for, in bytes.
const CUE_WINDOW: usize = 60;
/// Cities this large are taken without their country being mentioned.
const BIG_CITY: u64 = 1_000_000;

/// One mention of a knowledge-base entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbMention {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
}

pub struct Matcher {
    fuzzy: crate::fuzzy::FuzzyNames,
    names: AhoCorasick,
    /// For each name pattern, the entries it names.
    name_entities: Vec<Vec<usize>>,
    acronyms: AhoCorasick,
    acronym_entities: Vec<Vec<usize>>,
    /// Entry index to ISO country code (its own, for countries).
    country_of: Vec<Option<String>>,
}

impl Matcher {
    pub fn new(kb: &KnowledgeBase) -> Matcher {
        let mut names: HashMap<String, Vec<usize>> = HashMap::new();
        let mut acronyms: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in kb.entities().iter().enumerate() {
            // A generated city is matched by its primary name: GeoNames' alternate names are
            // mostly exonyms in other languages, and they would triple the automaton.
            let own: Box<dyn Iterator<Item = &str>> =
                if e.kind.as_deref() == Some("city") { Box::new(std::iter::once(e.name.as_str())) } else { Box::new(e.names()) };
            for n in own {
                let f = fold(n);
                if f.chars().count() >= 2 {
                    push_unique(names.entry(f).or_default(), i);
                }
            }
            for a in &e.acronyms {
                if a.chars().count() >= 2 {
                    push_unique(acronyms.entry(a.clone()).or_default(), i);
                }
            }
        }
        let (name_patterns, name_entities): (Vec<String>, Vec<Vec<usize>>) = names.into_iter().unzip();
        let (acronym_patterns, acronym_entities): (Vec<String>, Vec<Vec<usize>>) = acronyms.into_iter().unzip();
        let build = |p: &[String]| {
            // A contiguous NFA builds in a fraction of a DFA's time over ~100k names and searches nearly as fast.
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(p)
                .expect("patterns are plain strings")
        };
        let country_of =
            kb.entities().iter().map(|e| if e.entity_type == EntityType::Country { e.iso2.clone() } else { e.country.clone() }).collect();
        Matcher {
            fuzzy: crate::fuzzy::FuzzyNames::new(kb),
            names: build(&name_patterns),
            name_entities,
            acronyms: build(&acronym_patterns),
            acronym_entities,
            country_of,
        }
    }

    /// Every knowledge-base mention in `text`, sorted, non-overlapping.
    pub fn find(&self, kb: &KnowledgeBase, text: &str) -> Vec<KbMention> {
        let folded = Folded::new(text);
        let mut raw: Vec<(usize, usize, &[usize])> = Vec::new();
        for m in self.names.find_iter(&folded.text) {
            if at_word_boundary(&folded.text, m.start(), m.end()) {
                let (s, e) = folded.original_span(m.start(), m.end(), text);
                raw.push((s, e, &self.name_entities[m.pattern().as_usize()]));
            }
        }
        for m in self.acronyms.find_iter(text) {
            if at_word_boundary(text, m.start(), m.end()) {
                raw.push((m.start(), m.end(), &self.acronym_entities[m.pattern().as_usize()]));
            }
        }
        // "US$", "R$": a currency sign, not the country.
        raw.retain(|&(_, e, _)| !text[e..].starts_with('$'));
        raw.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut spans: Vec<(usize, usize, &[usize])> = Vec::new();
        for r in raw {
            if spans.last().is_none_or(|l| r.0 >= l.1) {
                spans.push(r);
            }
        }
        let countries = self.countries_mentioned(kb, text, &spans);
        let mut out = Vec::new();
        for (start, end, candidates) in spans {
            let surface = &text[start..end];
            if let Some(entity) = self.resolve(kb, text, start, end, surface, candidates, &countries) {
                out.push(KbMention { entity, start, end });
            }
        }
        let taken: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
        for (start, end) in crate::fuzzy::capitalised_runs(text, &taken, name_particle) {
            if let Some(entity) = self.fuzzy.lookup(&text[start..end]) {
                out.push(KbMention { entity, start, end });
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    /// ISO codes of the countries the document names outright (capitalised, unambiguous).
    fn countries_mentioned(&self, kb: &KnowledgeBase, text: &str, spans: &[(usize, usize, &[usize])]) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for &(s, e, cands) in spans {
            if let [i] = cands {
                let ent = &kb.entities()[*i];
                if let Some(c) = self.country_of[*i].as_ref().filter(|_| ent.entity_type == EntityType::Country && capitalised(&text[s..e]))
                {
                    *counts.entry(c.clone()).or_insert(0) += 1;
                }
            }
        }
        counts
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        kb: &KnowledgeBase,
        text: &str,
        start: usize,
        end: usize,
        surface: &str,
        candidates: &[usize],
        countries: &HashMap<String, usize>,
    ) -> Option<usize> {
        let entities = kb.entities();
        let plausible: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                let e = &entities[i];
                (!proper_noun(e.entity_type) || title_cased(surface))
                    && (!e.ambiguous || (!inside_a_name(text, start, end) && self.supported(e, i, text, start, end, countries)))
            })
            .collect();
        // Prefer entries in countries the document talks about, then curated entries over
        // generated cities, then larger cities.
        plausible.into_iter().max_by_key(|&i| {
            let e = &entities[i];
            let in_context = self.country_of[i].as_ref().and_then(|c| countries.get(c)).copied().unwrap_or(0);
            let curated = e.kind.as_deref() != Some("city");
            (in_context, curated, e.population.unwrap_or(0))
        })
    }

    /// An ambiguous name counts when the document supports it: a river cue nearby for rivers and
    /// valleys, its country named in the document (or a very large city) otherwise.
    fn supported(&self, e: &Entity, i: usize, text: &str, start: usize, end: usize, countries: &HashMap<String, usize>) -> bool {
        match e.kind.as_deref() {
            Some("river" | "valley") => cue_near(text, start, end),
            Some("city") => {
                e.population.is_some_and(|p| p >= BIG_CITY) || self.country_of[i].as_ref().is_some_and(|c| countries.contains_key(c))
            }
            _ => self.country_of[i].as_ref().is_some_and(|c| countries.contains_key(c)) || e.entity_type == EntityType::Country,
        }
    }
}

fn push_unique(v: &mut Vec<usize>, i: usize) {
    if !v.contains(&i) {
        v.push(i);
    }
}

/// Names of organizations, people and places are capitalised in text; commodities and
/// activities are not ("cocaine", "illegal mining").
fn proper_noun(t: EntityType) -> bool {
    !matches!(t, EntityType::Commodity | EntityType::Activity)
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Every word of a proper name is capitalised but its particles ("Ciudad del Este", "Clan del
/// Golfo") and geographic heads ("the Mantaro river"): "El segundo" is not the town of El Segundo.
fn title_cased(s: &str) -> bool {
    capitalised(s) && s.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| capitalised(w) || name_particle(w) || geographic_head(&fold(w)))
}

fn name_particle(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../../data/lang/name-particles.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(w)
}

/// A capitalised word right before or after the name (not a function word), or a particle and a
/// capitalised word after it: the name is part of a longer one ("Marcelo Cícero", "Lima Barreto",
/// "Centro de Detenção Provisória") and an ambiguous entry should not be read there.
fn inside_a_name(text: &str, start: usize, end: usize) -> bool {
    let name_word = |w: &str| capitalised(w) && !function_word(w) && w.chars().all(char::is_alphabetic);
    let before = text[..start].strip_suffix(' ').and_then(|t| t.rsplit([' ', '\n', '(', '"', '“']).next());
    let mut after = text[end..].strip_prefix(' ').map(|t| t.split([' ', '\n', ',', '.', ';', ':', ')', '"', '”']));
    let next = after.as_mut().and_then(Iterator::next);
    let then = after.as_mut().and_then(Iterator::next);
    before.is_some_and(name_word) || next.is_some_and(name_word) || (next.is_some_and(name_particle) && then.is_some_and(name_word))
}

fn function_word(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../../data/lang/function-words.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .flat_map(|(_, words)| words.split_whitespace().map(str::to_owned))
                .collect()
        })
        .contains(&w.to_lowercase())
}

fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn cue_near(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(CUE_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CUE_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = fold(&text[from..to]);
    window.split(|c: char| !c.is_alphanumeric()).any(geographic_head)
}
