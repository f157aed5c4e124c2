//! A sentence as the relation rules read it: words and punctuation, folded, with each entity
//! mention as one token, and the phrases that stand for a recently named entity ("the
//! country", "el grupo") replaced by that entity.

use super::table::{CUES, Cue, Tables};
use crate::fold::fold;
use nexus_kb::EntityType;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// A mention of entity `entity` (an index into the document's entities); `anaphor` when
    /// the text only refers to it ("the country").
    Entity {
        entity: usize,
        ty: EntityType,
        anaphor: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Tok<'d> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Folded word or punctuation; empty for entities, so no phrase runs across one. Borrowed
    /// from the document's lower-cased copy for ASCII words (most of them): a sentence is
    /// tokenized without an allocation per word.
    pub norm: Cow<'d, str>,
}

impl Tok<'_> {
    pub fn entity(&self) -> Option<(usize, EntityType)> {
        match self.kind {
            Kind::Entity { entity, ty, .. } => Some((entity, ty)),
            _ => None,
        }
    }
}

/// A mention of the document: byte span, entity index, type.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub ty: EntityType,
}

/// How far back an anaphor looks for the entity it stands for, in bytes.
const ANAPHOR_REACH: usize = 900;

/// The tokens of `text[range]` into `toks` (cleared first); `lower` is `text` with ASCII
/// lower-cased (the same offsets); `mentions` are all the document's mentions, sorted by start;
/// `anaphors` is false when the sentence cannot hold one (`Tables::gates`).
#[cfg(test)]
pub fn tokenize<'d>(
    text: &'d str,
    lower: &'d str,
    range: std::ops::Range<usize>,
    mentions: &[Span],
    anaphors: bool,
    toks: &mut Vec<Tok<'d>>,
) {
    tokenize_preferring(text, lower, range, mentions, anaphors, &[], &|| None, toks);
}

/// `tokenize`, where an anaphor stands for the one entity of its type among `subjects` (the
/// names that opened the sentences before, `anaphora::subjects`) when there is exactly one,
/// and for the nearest fitting name otherwise; "the country" with no country named within
/// reach stands for `country()`, the document's (an index into its entities; asked only then).
#[allow(clippy::too_many_arguments)]
pub fn tokenize_preferring<'d>(
    text: &'d str,
    lower: &'d str,
    range: std::ops::Range<usize>,
    mentions: &[Span],
    anaphors: bool,
    subjects: &[Span],
    country: &dyn Fn() -> Option<usize>,
    toks: &mut Vec<Tok<'d>>,
) {
    toks.clear();
    let first = mentions.partition_point(|m| m.start < range.start);
    let inside = mentions[first..].iter().take_while(|m| m.start < range.end).filter(|m| m.end <= range.end);
    let mut at = range.start;
    for m in inside {
        if m.start < at {
            continue;
        }
        words(text, lower, at, m.start, toks);
        toks.push(Tok {
            kind: Kind::Entity { entity: m.entity, ty: m.ty, anaphor: false },
            start: m.start,
            end: m.end,
            norm: Cow::Borrowed(""),
        });
        at = m.end;
    }
    words(text, lower, at, range.end, toks);
    if anaphors {
        resolve_anaphors(toks, mentions, subjects, country);
    }
}

/// How many mentions `tokenize` makes tokens of in `range` (before anaphors).
pub fn mentions_inside(mentions: &[Span], range: std::ops::Range<usize>) -> usize {
    let first = mentions.partition_point(|m| m.start < range.start);
    let mut at = range.start;
    let mut n = 0;
    for m in mentions[first..].iter().take_while(|m| m.start < range.end).filter(|m| m.end <= range.end) {
        if m.start >= at {
            n += 1;
            at = m.end;
        }
    }
    n
}

/// What a byte is to `words`: ASCII space, letter or digit, one of the three marks that may join
/// a word ('-', '.', ','), other ASCII punctuation, or part of a non-ASCII character (decoded).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Alnum,
    Join,
    Punct,
    High,
}

/// `Class` of each byte, read once per byte instead of a chain of range tests.
static CLASS: [Class; 256] = {
    let mut table = [Class::High; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => Class::Space,
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => Class::Alnum,
            b'-' | b'.' | b',' => Class::Join,
            _ => Class::Punct,
        };
        b += 1;
    }
    table
};

fn class(bytes: &[u8], i: usize) -> Option<Class> {
    bytes.get(i).map(|&b| CLASS[usize::from(b)])
}

fn words<'d>(text: &'d str, lower: &'d str, from: usize, to: usize, out: &mut Vec<Tok<'d>>) {
    let s = &text[from..to];
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(class) = class(bytes, i) {
        // ASCII, most of the text, is read without decoding a character.
        let (len, word) = match class {
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Alnum => (1, true),
            Class::Join | Class::Punct => (1, false),
            Class::High => {
                let Some(c) = s[i..].chars().next() else { break };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                (c.len_utf8(), c.is_alphanumeric())
            }
        };
        if word {
            let (end, ascii) = word_end(s, i + len, class == Class::Alnum);
            let norm = if ascii { Cow::Borrowed(&lower[from + i..from + end]) } else { Cow::Owned(fold_word(&s[i..end])) };
            out.push(Tok { kind: Kind::Word, start: from + i, end: from + end, norm });
            i = end;
        } else {
            // The character itself: folding is for words.
            out.push(Tok { kind: Kind::Punct, start: from + i, end: from + i + len, norm: Cow::Borrowed(&text[from + i..from + i + len]) });
            i += len;
        }
    }
}

/// Where the word whose first character ends at `end` ends, and whether it is all ASCII (`ascii`
/// so far): letters and digits, and the joining marks inside "narco-supply", "7.6" or "1,200".
fn word_end(s: &str, mut end: usize, mut ascii: bool) -> (usize, bool) {
    let bytes = s.as_bytes();
    loop {
        // ASCII letters and digits, most of a word, byte by byte.
        end += bytes[end..].iter().take_while(|&&b| CLASS[usize::from(b)] == Class::Alnum).count();
        match class(bytes, end) {
            Some(Class::Join) if joins(s, end) => end += 1,
            Some(Class::High) => match s[end..].chars().next() {
                Some(d) if d.is_alphanumeric() => {
                    ascii = false;
                    end += d.len_utf8();
                }
                _ => break,
            },
            _ => break,
        }
    }
    (end, ascii)
}

/// Does the mark at `j` ('-', '.' or ',', after a letter or digit) join the word? A hyphen before
/// a letter or digit, a decimal or thousands mark between two digits.
fn joins(s: &str, j: usize) -> bool {
    let bytes = s.as_bytes();
    if bytes[j] == b'-' {
        match class(bytes, j + 1) {
            Some(Class::Alnum) => true,
            Some(Class::High) => s[j + 1..].chars().next().is_some_and(char::is_alphanumeric),
            _ => false,
        }
    } else {
        j > 0 && bytes[j - 1].is_ascii_digit() && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
    }
}

/// A word folded, except Spanish "más" ("más de 30 toneladas"), which would fold to Portuguese
/// "mas" ("but"), a clause break that ends lists and subjects; Portuguese writes "mas" unaccented.
pub(super) fn fold_word(word: &str) -> String {
    let folded = fold(word);
    if folded == "mas" { word.to_lowercase() } else { folded }
}

/// Replace "the country" and its kin with the nearest entity of a fitting type named before
/// them, unless the phrase introduces a name itself ("the port of Callao", "the group Los
/// Pulpos").
fn resolve_anaphors(toks: &mut Vec<Tok>, mentions: &[Span], subjects: &[Span], country: &dyn Fn() -> Option<usize>) {
    let t = Tables::get();
    let classes: [(Cue, &[EntityType]); 3] = [
        (Cue::AnaphorCountry, &[EntityType::Country]),
        (Cue::AnaphorOrg, &[EntityType::CriminalOrg, EntityType::ArmedGroup]),
        (Cue::AnaphorPlace, &[EntityType::Place]),
    ];
    // A phrase ends on one of the phrases' last words (`Tables::anaphor_last_words`), at most three
    // tokens after it starts: none before the first of them starts there.
    let mut i = match &t.anaphor_last_words {
        Some(heads) => match toks.iter().position(|x| heads.contains(&x.norm)) {
            Some(head) => head.saturating_sub(3),
            None => return,
        },
        None => 0,
    };
    while i < toks.len() {
        if toks[i].norm.is_empty() || !t.anaphors.may_start(&toks[i].norm) {
            i += 1;
            continue;
        }
        let mut words = [""; 4];
        let len = (toks.len() - i).min(4);
        for (w, t) in words.iter_mut().zip(&toks[i..i + len]) {
            *w = t.norm.as_ref();
        }
        let window = &words[..len];
        // One walk of the cue phrases answers for the three classes.
        let mut lens = [0; CUES];
        let found = t.cues_at(window, &mut lens);
        let hit =
            classes.iter().find(|(cue, _)| found & (1 << cue.index()) != 0).map(|(cue, types)| (usize::from(lens[cue.index()]), *types));
        let Some((n, types)) = hit else {
            i += 1;
            continue;
        };
        let next = toks.get(i + n);
        // "a facção acreana Bonde dos 13", "la banda local Los Lobos": one word may qualify the
        // noun before the name it introduces.
        let linking = |w: &str| {
            [Cue::Locative, Cue::Coordinator, Cue::Destination, Cue::Origin, Cue::Via, Cue::Agent, Cue::Relative, Cue::Article]
                .iter()
                .any(|&c| t.is_word(c, w))
        };
        let qualified_name = next.is_some_and(|x| x.norm.chars().all(char::is_alphabetic) && !x.norm.is_empty() && !linking(&x.norm))
            && toks.get(i + n + 1).is_some_and(|x| x.entity().is_some());
        let names_itself = qualified_name
            || next.is_some_and(|x| x.entity().is_some() || t.is_word(Cue::Of, &x.norm))
            || t.cue(Cue::Naming).longest_at(&toks[i + n..].iter().take(3).map(|t| t.norm.as_ref()).collect::<Vec<_>>()).is_some();
        let start = toks[i].start;
        let antecedent = if names_itself {
            None
        } else {
            let before = mentions.partition_point(|m| m.start < start);
            // "el norte del país": the country the document is about, before any other named
            // near — but not "o país vizinho", "el país vecino", which is another.
            let neighbor = next.is_some_and(|x| t.is_word(Cue::Neighbor, &x.norm));
            // "transportado hacia el oriente del país": goods moved to a part of the country stay
            // in it; the country is no destination.
            if types == [EntityType::Country] && internal_move(toks, i) {
                i += n;
                continue;
            }
            let document = || {
                (types == [EntityType::Country] && !neighbor).then(country).flatten().map(|entity| Span {
                    start,
                    end: start,
                    entity,
                    ty: EntityType::Country,
                })
            };
            super::anaphora::one_subject(subjects, types).copied().or_else(document).or_else(|| {
                mentions[..before].iter().rev().take_while(|m| m.end + ANAPHOR_REACH >= start).find(|m| types.contains(&m.ty)).copied()
            })
        };
        match antecedent {
            Some(m) => {
                // "la presencia del grupo": the contraction keeps its "of"; the rest is the name.
                let (at, n) = if n > 1 && t.is_word(Cue::Of, &toks[i].norm) { (i + 1, n - 1) } else { (i, n) };
                let start = toks[at].start;
                let end = toks[at + n - 1].end;
                i = at;
                toks.splice(
                    i..i + n,
                    [Tok { kind: Kind::Entity { entity: m.entity, ty: m.ty, anaphor: true }, start, end, norm: Cow::Borrowed("") }],
                );
                i += 1;
            }
            None => i += n,
        }
    }
}

/// Does "to the <part> of" come before the anaphor at `i` ("hacia el oriente del país", "towards
/// the interior of the country")? A destination word, an article, one word, then "of".
fn internal_move(toks: &[Tok], i: usize) -> bool {
    let t = Tables::get();
    let is = |k: usize, c: Cue| toks.get(k).is_some_and(|x| t.is_word(c, &x.norm));
    let of = if is(i, Cue::Of) { i } else { i.wrapping_sub(1) };
    of >= 3 && is(of, Cue::Of) && is(of - 2, Cue::Article) && is(of - 3, Cue::Destination) && matches!(toks[of - 1].kind, Kind::Word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_become_single_tokens_and_the_country_its_antecedent() {
        let text = "Peru exports cocaine. By 2014 the country's output rose.";
        let mentions = [
            Span { start: 0, end: 4, entity: 0, ty: EntityType::Country },
            Span { start: 13, end: 20, entity: 1, ty: EntityType::Commodity },
        ];
        let (lower, mut toks) = (text.to_ascii_lowercase(), Vec::new());
        tokenize(text, &lower, 22..text.len(), &mentions, true, &mut toks);
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_ref()).collect();
        assert_eq!(norms, ["by", "2014", "", "'", "s", "output", "rose", "."]);
        assert!(matches!(toks[2].kind, Kind::Entity { entity: 0, anaphor: true, .. }));
    }

    #[test]
    fn the_port_of_names_its_own_place() {
        let text = "Callao grew. The port of Paita too.";
        let mentions =
            [Span { start: 0, end: 6, entity: 0, ty: EntityType::Place }, Span { start: 25, end: 30, entity: 1, ty: EntityType::Place }];
        let (lower, mut toks) = (text.to_ascii_lowercase(), Vec::new());
        tokenize(text, &lower, 13..text.len(), &mentions, true, &mut toks);
        assert!(toks.iter().filter(|t| matches!(t.kind, Kind::Entity { anaphor: true, .. })).count() == 0);
    }
}
