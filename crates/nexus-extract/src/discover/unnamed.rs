//! Actors the text does not name, which ONTOLOGY.md asks for with a descriptive name: a demonym
//! from the knowledge base's countries and a noun for a group of criminals or fighters
//! (`data/lang/group-nouns.tsv`) — "a Peruvian family-clan", "Mexican narco-traffickers",
//! "Albanian and Dutch gangs" in English, "narcotraficantes mexicanos", "clanes familiares
//! peruanos", "facções brasileiras" in Spanish and Portuguese. The name is the span, without its
//! article; the type is the noun's.
//!
//! Left alone: a singular noun after a definite article ("the Colombian criminal organization also
//! known as the Urabeños" refers to a named group), a phrase followed by a capitalised name ("the
//! Mexican cartel Los Zetas"), and a demonym inside a longer capitalised name ("South American").
//! Dissidents of a known group ("FARC dissidents", "disidencias de las FARC") are a named armed
//! group: "<group> dissidents".

use super::persons::{CAP, DEMONYM, GROUP_LINK, GROUP_START, KbIndex, Map, Words, kb_starting};
use super::{Context, Found};
use crate::lang::lines;
use nexus_kb::EntityType;
use std::sync::OnceLock;

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// The demonym comes first (English).
    DemonymFirst,
    /// The demonym follows (Spanish, Portuguese).
    DemonymAfter,
}

#[derive(Clone, Copy, PartialEq)]
enum Group {
    Actor(EntityType),
    Dissident,
}

struct Phrase {
    rest: Vec<String>,
    order: Order,
    group: Group,
}

pub fn find(cx: &Context) -> Vec<Found> {
    let (kbi, w) = (&cx.index.persons, &cx.words);
    let lx = lexicon();
    let demonym = |i: usize| w.is(i, DEMONYM);
    let mut out = Vec::new();
    let mut i = 0;
    // Only a demonym or a group noun's first word starts a phrase.
    while let Some(at) = w.next_with_rare(i, DEMONYM | GROUP_START) {
        i = at;
        // English: demonyms, then the noun.
        if w.list[i].has(CAP) && demonym(i) && !inside_a_name(w, i) {
            let last_demonym = coordinated(w, i, true, &demonym);
            let n = last_demonym + 1;
            if n < w.len()
                && w.spaced(n)
                && !w.list[n].has(CAP)
                && let Some((len, t)) = phrase_at(w, lx, n, Order::DemonymFirst)
            {
                let end = n + len - 1;
                // "Colombian dissidents of the FARC" are the FARC's dissidents (`dissidents`).
                let of_a_group = t == Group::Dissident && end + 1 < w.len() && w.is(end + 1, GROUP_LINK);
                if !of_a_group && unnamed_here(w, i, end, lx, Order::DemonymFirst) {
                    out.push(actor(w, i, end, t));
                    i = end + 1;
                    continue;
                }
            }
        }
        // Spanish and Portuguese: the noun, then demonyms.
        // The class first: it rules out nearly every word before the sentence test is read.
        // A demonym must follow within the longest phrase: most group nouns have none after them,
        // and their phrases are not read.
        if w.is(i, GROUP_START)
            && (i + 1..(i + 1 + lx.longest_after).min(w.len())).any(demonym)
            && (!w.list[i].has(CAP) || w.sentence_start(i))
            && let Some((len, t)) = phrase_at(w, lx, i, Order::DemonymAfter)
        {
            let d = i + len;
            if d < w.len() && w.spaced(d) && !w.list[d].has(CAP) && demonym(d) {
                let end = coordinated(w, d, false, &demonym);
                if unnamed_here(w, i, end, lx, Order::DemonymAfter) {
                    out.push(actor(w, i, end, t));
                    i = end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.extend(dissidents(cx, w, lx, kbi));
    out.sort_by_key(|f| f.start);
    out
}

/// Word `i` follows a capitalised word: "South American", "Central American".
fn inside_a_name(w: &Words, i: usize) -> bool {
    i > 0 && w.spaced(i) && w.list[i - 1].has(CAP) && !w.sentence_start(i)
}

/// The last of the demonyms coordinated from `i`: "Albanian, Dutch and Italian",
/// "albaneses, neerlandeses e italianos". `capital`: English demonyms are capitalised.
fn coordinated(w: &Words, i: usize, capital: bool, demonym: &dyn Fn(usize) -> bool) -> usize {
    let is = |j: usize| j < w.len() && w.list[j].has(CAP) == capital && demonym(j);
    let mut last = i;
    loop {
        let j = last + 1;
        if is(j) && w.gap_bytes(j) == b", " {
            last = j;
        } else if j + 1 < w.len()
            && w.spaced(j)
            && matches!(w.folded(j), "and" | "or" | "y" | "e" | "o" | "ou")
            && w.spaced(j + 1)
            && is(j + 1)
        {
            last = j + 1;
        } else {
            break;
        }
    }
    last
}

/// The longest group noun at word `i` read in `order`, and its type.
fn phrase_at(w: &Words, lx: &Lexicon, i: usize, order: Order) -> Option<(usize, Group)> {
    if !w.is(i, GROUP_START) {
        return None;
    }
    lx.phrases.get(w.folded(i))?.iter().filter(|p| p.order == order).find_map(|p| {
        let len = p.rest.len() + 1;
        let fits = i + len <= w.len()
            && p.rest.iter().enumerate().all(|(n, word)| {
                let j = i + 1 + n;
                w.spaced(j) && !w.list[j].has(CAP) && w.folded(j) == word
            });
        fits.then_some((len, p.group))
    })
}

/// Words `first..=last` are an unnamed actor: not a singular noun after a definite article (a
/// named group referred to again), not followed by a capitalised name.
fn unnamed_here(w: &Words, first: usize, last: usize, lx: &Lexicon, order: Order) -> bool {
    let next_is_name = last + 1 < w.len() && w.spaced(last + 1) && w.list[last + 1].has(CAP);
    if next_is_name {
        return false;
    }
    let noun = (first..=last).map(|i| w.folded(i)).find(|f| lx.nouns.contains_key(*f));
    let singular = noun.is_some_and(|f| lx.nouns.get(f).is_some_and(|&plural| !plural));
    let articles: &[&str] = if order == Order::DemonymFirst { &["the"] } else { &lx.definite };
    let definite = first > 0 && w.spaced(first) && articles.contains(&w.folded(first - 1));
    !(singular && definite)
}

fn actor(w: &Words, first: usize, last: usize, group: Group) -> Found {
    let (start, end) = (w.list[first].start, w.list[last].end);
    let entity_type = match group {
        Group::Actor(t) => t,
        Group::Dissident => EntityType::ArmedGroup,
    };
    Found {
        start,
        end,
        name: w.text[start..end].split_whitespace().collect::<Vec<_>>().join(" "),
        entity_type,
        unnamed: true,
        kb_entity: None,
    }
}

/// "FARC dissidents"; "dissident factions of the former FARC", "disidencias de las FARC",
/// "dissidências das antigas Farc": the armed group "<group> dissidents", named after the group's
/// acronym when it has one, whatever the language. The group is a knowledge-base armed group,
/// matched or spelt out; the mention is the noun alone, so the group keeps its own mention. Only
/// plurals: "a FARC dissident faction" is one faction, named elsewhere.
fn dissidents(cx: &Context, w: &Words, lx: &Lexicon, kbi: &KbIndex) -> Vec<Found> {
    let entities = cx.kb.entities();
    let name_of = |entity: usize, surface: &str| {
        let e = &entities[entity];
        let group = e.acronyms.first().map_or(surface, String::as_str);
        format!("{group} dissidents")
    };
    let mut out = Vec::new();
    // The group, then the noun.
    for m in cx.kb_mentions.iter().filter(|m| entities[m.entity].entity_type == EntityType::ArmedGroup) {
        let after = w.list.partition_point(|x| x.start < m.end);
        if after < w.len()
            && w.list[after].start == m.end + 1
            && w.spaced(after)
            && let Some((len, Group::Dissident)) = phrase_at(w, lx, after, Order::DemonymFirst)
        {
            let (start, end) = (w.list[after].start, w.list[after + len - 1].end);
            let name = name_of(m.entity, &cx.text[m.start..m.end]);
            out.push(Found { start, end, name, entity_type: EntityType::ArmedGroup, unnamed: false, kb_entity: None });
        }
    }
    // The noun, links, then the group.
    let mut at = 0;
    while let Some(i) = w.next_with_rare(at, GROUP_START) {
        at = i + 1;
        // Few group nouns name dissidents: the others are passed on their folded word, with no
        // phrase read.
        if w.list[i].has(CAP) || !lx.dissident_starts.iter().any(|d| d == w.folded(i)) {
            continue;
        }
        let Some((len, Group::Dissident)) = phrase_at(w, lx, i, Order::DemonymAfter).or_else(|| phrase_at(w, lx, i, Order::DemonymFirst))
        else {
            continue;
        };
        let mut k = i + len;
        let mut links = 0;
        while k < w.len() && links < 4 && w.spaced(k) && !w.list[k].has(CAP) && w.is(k, GROUP_LINK) {
            k += 1;
            links += 1;
        }
        if links == 0 || k >= w.len() || !w.spaced(k) || !w.list[k].has(CAP) {
            continue;
        }
        let start = w.list[k].start;
        let group = match kb_starting(cx.kb_mentions, start) {
            Some(m) if entities[m.entity].entity_type == EntityType::ArmedGroup => Some((m.entity, m.end)),
            Some(_) => None,
            None => spelt_group(w, kbi, k),
        };
        if let Some((entity, end)) = group {
            let name = name_of(entity, &cx.text[start..end]);
            let (s, e) = (w.list[i].start, w.list[i + len - 1].end);
            out.push(Found { start: s, end: e, name, entity_type: EntityType::ArmedGroup, unnamed: false, kb_entity: None });
        }
    }
    out
}

/// A knowledge-base armed group spelt by the capitalised words from `k` (its acronym or a
/// name), when the matcher did not take it: (the entry, the end of its name).
fn spelt_group(w: &Words, kbi: &KbIndex, k: usize) -> Option<(usize, usize)> {
    let mut best = None;
    let mut name = String::new();
    let mut j = k;
    while j < w.len() && j - k < 8 && (j == k || w.spaced(j)) {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(w.folded(j));
        if let Some(&entity) = kbi.armed_groups.get(&name) {
            best = Some((entity, w.list[j].end));
        }
        j += 1;
    }
    best
}

struct Lexicon {
    /// First folded word → phrases.
    phrases: Map<Vec<Phrase>>,
    /// The head noun of each phrase (its last word, or its first in Spanish and Portuguese) →
    /// plural.
    nouns: Map<bool>,
    definite: Vec<&'static str>,
    links: Vec<&'static str>,
    /// The first words of the phrases that name dissidents.
    dissident_starts: Vec<String>,
    /// The most words of a phrase the demonym follows.
    longest_after: usize,
}

/// The classes this finder's words give (`persons::word_classes`).
pub(super) fn word_classes() -> Vec<(String, u32)> {
    let lx = lexicon();
    let starts = lx.phrases.keys().map(|k| (k.clone(), GROUP_START));
    starts.chain(lx.links.iter().map(|l| ((*l).to_owned(), GROUP_LINK))).collect()
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lx = Lexicon {
            phrases: Map::default(),
            nouns: Map::default(),
            // "the mafia" is how reports name a mafia: mafias are left out of the article rule.
            definite: vec!["el", "la", "o", "a", "del", "al", "da", "do", "na", "no", "pela", "pelo"],
            links: vec![
                "de", "del", "la", "las", "los", "da", "das", "do", "dos", "of", "the", "former", "antiguas", "antiguos", "antigas",
                "antigos", "extintas", "extintos",
            ],
            dissident_starts: Vec::new(),
            longest_after: 0,
        };
        for line in lines(include_str!("../../../../data/lang/group-nouns.tsv")) {
            let mut cols = line.split('\t');
            let (Some(langs), Some(kind), Some(phrase)) = (cols.next(), cols.next(), cols.next()) else { continue };
            let group = match kind {
                "criminal_org" => Group::Actor(EntityType::CriminalOrg),
                "armed_group" => Group::Actor(EntityType::ArmedGroup),
                "dissident" => Group::Dissident,
                _ => continue,
            };
            let words: Vec<String> = crate::fold::fold(phrase.trim()).split(' ').map(str::to_owned).collect();
            for lang in langs.split(',') {
                let order = if lang.trim() == "en" { Order::DemonymFirst } else { Order::DemonymAfter };
                if order == Order::DemonymAfter {
                    lx.longest_after = lx.longest_after.max(words.len());
                }
                let head = if order == Order::DemonymFirst { words.last() } else { words.first() };
                if let Some(h) = head.filter(|h| !h.contains("mafia")) {
                    let plural = h.ends_with('s') && !h.ends_with("ss");
                    lx.nouns.entry(h.clone()).or_insert(plural);
                }
                if let Some((first, rest)) = words.split_first() {
                    if group == Group::Dissident && !lx.dissident_starts.contains(first) {
                        lx.dissident_starts.push(first.clone());
                    }
                    lx.phrases.entry(first.clone()).or_default().push(Phrase { rest: rest.to_vec(), order, group });
                }
            }
        }
        for list in lx.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lx
    })
}
