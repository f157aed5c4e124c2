//! Places the knowledge base does not hold, named after a lower-case noun for their kind
//! (`data/lang/place-nouns.tsv`): "the town of Puerto Concordia", "el municipio de El Charco",
//! "la vereda La Balsa", "os bairros de Jacarepaguá e Campo Grande", "neighborhoods such as
//! Socio Vivienda and Nueva Prosperina". The knowledge base holds cities of 15,000 people and
//! more; reports name villages, hamlets and city districts far more often than that.
//!
//! A singular noun names one place; a plural one may head a list. A name is capitalised words
//! and the particles between them ("San José del Guaviare"). A span the knowledge base already
//! reads as a place is left to it, and one that touches another kind of entry (an organization,
//! a person) is no place. The name's other mentions in the document, written the same way, are
//! its mentions too.

use super::cue_names::words::{self, capitalised};
use super::persons::{CAP, PLACE_NOUN, overlapping};
use super::{Context, Found};
use crate::lang::{function_word, lines, name_particle};
use nexus_kb::EntityType;

/// The longest name read after a noun, in words.
const MAX_WORDS: usize = 6;

/// The nouns of `data/lang/place-nouns.tsv`, for the finders' word classes (`PLACE_NOUN`).
pub(super) fn nouns() -> impl Iterator<Item = &'static str> {
    lines(include_str!("../../../../data/lang/place-nouns.tsv")).filter_map(|l| l.split('\t').next())
}

/// English, Spanish and Portuguese plurals end in -s ("towns", "barrios", "municípios"), and
/// no singular noun of the list does.
fn plural(noun: &str) -> bool {
    noun.ends_with('s')
}

/// What may stand between the noun and the name: "of", "de", "called", ", such as", or nothing.
const LINKS: &[&str] = &[
    ", such as ",
    " such as ",
    ", including ",
    " including ",
    ", like ",
    " like ",
    " called ",
    " named ",
    " known as ",
    " of ",
    ", como ",
    " como ",
    " tales como ",
    ", entre ellos ",
    " de la ",
    " de las ",
    " de los ",
    " del ",
    " de ",
    " do ",
    " da ",
    " dos ",
    " das ",
    " chamado ",
    " llamado ",
    " conocido como ",
    " conhecido como ",
    " ",
];

/// The links that bring examples rather than the name itself.
const EXAMPLES: &[&str] =
    &[", such as ", " such as ", ", including ", " including ", ", like ", " like ", ", como ", " como ", " tales como ", ", entre ellos "];

/// Is the word after `end` a lower-case word of content ("Indigenous communities"), so that the
/// capitalised words before it modify it?
fn before_a_noun(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else { return false };
    word_end(rest, 0).is_some_and(|n| !capitalised(&rest[..n]) && !function_word(&rest[..n]))
}

/// Words that join the items of a list of places.
const LIST: &[&str] = &[", and ", " and ", ", y ", " y ", ", e ", " e ", " or ", " o ", " ou ", ", "];

/// Lower-case articles an item of a list may carry ("a Cidade de Deus e a Gardênia Azul").
const ARTICLES: &[&str] = &["the ", "el ", "la ", "los ", "las ", "o ", "a ", "os ", "as "];

pub fn find(cx: &Context) -> Vec<Found> {
    let (text, w) = (cx.text, &cx.words);
    let mut out: Vec<Found> = Vec::new();
    let mut next = 0;
    while let Some(i) = w.next_with_rare(next, PLACE_NOUN) {
        next = i + 1;
        // The noun in lower case, a word of its own ("downtown" is another word).
        if w.list[i].has(CAP) || text[w.list[i].full_end..].starts_with('-') {
            continue;
        }
        let noun = &w.list[i];
        let mut at = noun.full_end;
        let Some(link) = LINKS.iter().find(|l| text[at..].starts_with(**l)) else { continue };
        at += link.len();
        let list = plural(&text[noun.start..noun.full_end]);
        // After "such as" and in a list's later items, a capitalised adjective may open a noun
        // phrase ("communities, including Indigenous communities"): a name must end there.
        let mut loose = EXAMPLES.contains(link);
        while let Some(end) = name_end(text, at) {
            if !(loose && before_a_noun(text, end))
                && let Some(f) = place(cx, at, end)
            {
                out.push(f);
            }
            loose = true;
            if !list {
                break;
            }
            let Some(sep) = LIST.iter().find(|s| text[end..].starts_with(**s)) else { break };
            at = end + sep.len();
            if let Some(article) = ARTICLES.iter().find(|a| text[at..].starts_with(**a)) {
                at += article.len();
            }
        }
    }
    others_mentions(cx, &mut out);
    out
}

/// Is `start..end` a whole word (the noun, not "downtown" or "townships")?
fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(char::is_alphanumeric) && words::boundary_after(text, end)
}

/// The end of the capitalised name starting at `at`, when one does.
fn name_end(text: &str, at: usize) -> Option<usize> {
    // A capitalised article opens a name only before another capitalised word ("La Balsa").
    let first =
        word_end(text, at).filter(|&e| capitalised(&text[at..e]) && (!function_word(&text[at..e]) || next_is_capitalised(text, e)))?;
    let (mut end, mut words) = (first, 1);
    while words < MAX_WORDS {
        let Some(next) = text[end..].strip_prefix(' ') else { break };
        let start = end + 1;
        let Some(e) = word_end(text, start) else { break };
        let word = &text[start..e];
        if capitalised(word) {
            (end, words) = (e, words + 1);
            continue;
        }
        // A particle joins two capitalised words ("San José del Guaviare"), not a list.
        let joins = name_particle(word) && !matches!(word, "y" | "e" | "and" | "o" | "or" | "ou" | "the");
        let after = next[word.len()..].strip_prefix(' ').and_then(|rest| word_end(rest, 0).map(|n| &rest[..n]));
        if joins && after.is_some_and(capitalised) {
            end = e + 1 + after.map_or(0, str::len);
            words += 2;
            continue;
        }
        break;
    }
    Some(end)
}

/// The end of the word starting at `at` (`cue_names::words`), when one starts there: a hyphen or
/// apostrophe opens none.
fn word_end(text: &str, at: usize) -> Option<usize> {
    if text[at..].starts_with(['-', '\'', '’']) {
        return None;
    }
    Some(words::word_end(text, at)).filter(|&e| e > at)
}

/// A place for the name at `start..end`, unless the knowledge base reads it already or reads
/// something else there.
fn place(cx: &Context, start: usize, end: usize) -> Option<Found> {
    for m in overlapping(cx.kb_mentions, start, end) {
        let ty = cx.kb.entities()[m.entity].entity_type;
        let inside = start <= m.start && m.end <= end && (m.start, m.end) != (start, end);
        if !inside || !matches!(ty, EntityType::Place | EntityType::Country) {
            return None;
        }
    }
    Some(Found { start, end, name: cx.text[start..end].to_owned(), entity_type: EntityType::Place, unnamed: false, kb_entity: None })
}

/// The places' names elsewhere in the document, written the same way and not inside another
/// name or entry.
fn others_mentions(cx: &Context, out: &mut Vec<Found>) {
    let names: Vec<String> = out.iter().map(|f| f.name.clone()).collect();
    let mut seen: Vec<&str> = Vec::new();
    for name in &names {
        if seen.contains(&name.as_str()) {
            continue;
        }
        seen.push(name);
        for (start, _) in cx.text.match_indices(name.as_str()) {
            let end = start + name.len();
            let alone = word_bounded(cx.text, start, end) && !previous_is_capitalised(cx.text, start) && !next_is_capitalised(cx.text, end);
            if alone
                && !out.iter().any(|f| f.start < end && start < f.end)
                && let Some(f) = place(cx, start, end)
            {
                out.push(f);
            }
        }
    }
    out.sort_by_key(|f| f.start);
}

/// Does a capitalised word that is no function word stand before `start` ("Campo" before "Santa
/// Cruz"; "In Santa Cruz" is the place)?
fn previous_is_capitalised(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix(' ') else { return false };
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    capitalised(word) && !function_word(word)
}

/// Does a capitalised word follow `end` ("Santa Cruz" inside "Santa Cruz Province")?
fn next_is_capitalised(text: &str, end: usize) -> bool {
    text[end..].strip_prefix(' ').is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}
