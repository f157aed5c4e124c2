//! Organization names the knowledge base does not hold, found by the cue words reports name them
//! with (`data/lang/org-cues.tsv`), and typed by the cue:
//! - a cue that opens a capitalised name: "Cártel del Noreste", "Clan Úsuga", "Frente 33";
//! - a cue that closes one: "Kavač clan", "the Sinaloa Cartel", and each conjunct of a plural
//!   ("the Kavač and Škaljari clans");
//! - a classifier beside a name: "la banda Los Lobos", "la organización criminal 'Los Estibadores
//!   del Norte'", "la facción conocida como 'Tren del Coro'", "Os Crias, grupo formado por…";
//! - a plural article ("Los Pelusos", "Os Crias") only with support: a classifier nearby, an
//!   apposition, an organization it is listed with, or a naming phrase ("known locally as")
//!   after an organization; never a place ("en Los Olivos", "Los Ríos", "Los Olivos (Lima)").
//!
//! Weak cues (Comando, Frente, Tren, Família…) need the same support. Headings, demonyms ("a
//! Mexican cartel" is an unnamed actor) and names the knowledge base already matched are left
//! alone; a name that is a knowledge-base entry the matcher could not read ("the Balkan cartel",
//! lower-case cue) is linked to it. A name found once is a mention wherever it recurs.

use super::persons::{kb_mention_at, kb_starting};
use super::{Context, Found};
use crate::lang::{geographic_head, lines};
use crate::matcher::KbMention;
use nexus_kb::{EntityType, KnowledgeBase};
use std::sync::OnceLock;
use vocab::{Cue, Kind};
use words::*;

/// How far before a name a classifier still types it, in bytes ("la organización criminal
/// 'Los Estibadores del Norte'", "facciones …, entre ellas 'Los Gallegos' y 'Los Malditos…'").
const CLASSIFIER_WINDOW: usize = 90;
/// Longest name, in words.
const MAX_WORDS: usize = 7;

/// A phrase of the vocabulary found in the text at word boundaries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// The vocabulary phrases of a text, in order, and where a capitalised plural article opens a
/// name: read once per document, for this finder and `definitions`.
pub(crate) struct Scan {
    pub hits: Vec<Hit>,
    pub articles: Vec<usize>,
}

impl Scan {
    /// The scan read from the text alone (`from_words` reads the same).
    #[cfg(test)]
    pub fn new(text: &str) -> Scan {
        let mut scan = Scan { hits: Vec::new(), articles: Vec::new() };
        let mut i = 0;
        while i < text.len() {
            i = scan.step(text, i);
        }
        scan
    }

    /// `Scan::new`, reading the finders' words (`persons::Words`) where they are the scan's own
    /// words: a plain word (ASCII letters and digits) with no hyphen before or after it is one
    /// word of this scan too, and nothing between the last position read and it is a word char
    /// (every letter and digit is inside a word). Elsewhere the text is read as `Scan::new` reads
    /// it, up to the end of the word.
    ///
    /// Most words are plain, start no phrase and are no article: they only move the scan past
    /// them. Their classes say so (no `CUE_START`, `ARTICLE` or `ODD`), and the scan skips to the
    /// next word whose classes do not, when every article is letters and digits (an article a
    /// plain word can only be the whole of).
    pub(super) fn from_words(words: &super::persons::Words) -> Scan {
        use super::persons::{ARTICLE, CUE_START, ODD, PLAIN};
        let text = words.text;
        let bytes = text.as_bytes();
        let article_lens = vocab::get().article_lens;
        let skip = words.has_classes() && article_lens != u64::MAX;
        let mut scan = Scan { hits: Vec::new(), articles: Vec::new() };
        let mut i = 0;
        let mut k = 0;
        while let Some(w) = words.list.get(k) {
            if w.full_end <= i {
                k += 1;
                continue;
            }
            if skip && w.start >= i {
                let next = words.next_with(k, CUE_START | ARTICLE | ODD).unwrap_or(words.len());
                if next > k {
                    i = words.list[next - 1].full_end;
                    k = next;
                    continue;
                }
            }
            let at = k;
            k += 1;
            let plain = w.start >= i && w.has(PLAIN) && bytes.get(w.full_end) != Some(&b'-') && !gap_has_hyphen(&bytes[i..w.start]);
            if plain {
                // A phrase starts here only if its first word is this one (`CUE_START`) and the
                // byte after the word is the one after it in the phrase where it is one letter
                // (`Vocab::starts`: "a" starts only "a.k.a.", and is a word of most sentences);
                // an article ("Los ") only if the word is a capitalised one of an article's length.
                let phrase = words.is(at, CUE_START) && starts(bytes, w.start, w.full_end);
                let article = bytes[w.start].is_ascii_uppercase() && article_lens & (1 << (w.full_end - w.start).min(63)) != 0;
                i = if phrase || article { scan.word(text, w.start, w.full_end, phrase) } else { w.full_end };
                continue;
            }
            while i < w.full_end {
                i = scan.step(text, i);
            }
        }
        while i < text.len() {
            i = scan.step(text, i);
        }
        scan
    }

    /// One step of the scan from `i`: past a char that is no word char, or past the word that
    /// starts there (or the phrase it starts). Returns where the next step starts.
    fn step(&mut self, text: &str, i: usize) -> usize {
        let b = text.as_bytes()[i];
        if b < 0x80 && !ascii_word(b) {
            return i + 1;
        }
        if b >= 0x80 {
            let (word, len) = scan_char(text, i);
            if !word {
                return i + len;
            }
        }
        let end = scan_word(text, i);
        self.word(text, i, end, starts(text.as_bytes(), i, end))
    }

    /// The word `i..end`: a phrase starting there, or an article opening a name. A phrase is
    /// looked for only where one may start (`phrase`: some phrase's first word starts with the
    /// same two bytes and is as long), and there with an anchored search. Returns where the next
    /// step starts.
    #[inline]
    fn word(&mut self, text: &str, i: usize, end: usize, phrase: bool) -> usize {
        use aho_corasick::{Anchored, Input};
        let v = vocab::get();
        let bytes = text.as_bytes();
        let b = bytes[i];
        if phrase {
            let input = Input::new(text).span(i..text.len()).anchored(Anchored::Yes);
            if let Some(m) = v.phrases.find(input).filter(|m| boundary_after(text, m.end())) {
                self.hits.push(Hit { start: m.start(), end: m.end(), pattern: m.pattern().as_usize() });
                return m.end();
            }
        }
        // The first byte before the rest: most capitalised words start no article.
        if b.is_ascii_uppercase() && v.articles.iter().any(|a| a.as_bytes().first() == Some(&b) && bytes[i..].starts_with(a.as_bytes())) {
            self.articles.push(i);
        }
        end
    }
}

/// Whether a phrase may start with the word `start..end` (`Vocab::starts`, read from its first
/// two bytes and its length).
#[inline]
fn starts(bytes: &[u8], start: usize, end: usize) -> bool {
    vocab::get().starts(bytes[start], bytes.get(start + 1).copied().unwrap_or(0), end - start)
}

/// A hyphen in the gap between two words (a byte or two): a loop, not `contains`, whose `memchr`
/// call costs more than the gap (measured: 1mib 1,060.7M against 1,058.6M).
#[inline]
#[allow(clippy::manual_contains)]
pub(super) fn gap_has_hyphen(gap: &[u8]) -> bool {
    gap.iter().any(|&b| b == b'-')
}

/// ASCII bytes of words: letters, digits and the hyphen.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'-' as usize;
        b += 1;
    }
    t
};

#[inline]
fn ascii_word(b: u8) -> bool {
    ASCII_WORD[usize::from(b & 0x7f)] && b < 0x80
}

/// Whether the char at `i` is a word char (letters, digits, hyphen), and its length. Latin
/// letters with accents (two-byte sequences led by 0xC3–0xC9, but × and ÷) are decided without
/// the Unicode tables.
#[inline]
fn scan_char(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (ascii_word(b), 1);
    }
    if (0xC3..=0xC9).contains(&b) {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        return (!(b == 0xC3 && (next == 0x97 || next == 0xB7)), 2);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), c.len_utf8())
}

/// The end of the run of word chars from `i`.
#[inline]
fn scan_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !ascii_word(b) {
                break;
            }
            i += 1;
        } else {
            let (word, len) = scan_char(text, i);
            if !word {
                break;
            }
            i += len;
        }
    }
    i
}

/// A candidate name.
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    name: String,
    ty: EntityType,
}

/// Every organization name the cues give, with its recurrences.
pub fn find(cx: &Context) -> Vec<Found> {
    let v = vocab::get();
    let Scan { hits, articles } = cx.cue_scan();
    let mut cands: Vec<Cand> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        for cue in v.pattern_cues[h.pattern].iter().map(|&c| &v.cues[c]) {
            match cue.kind {
                Kind::Pre => cands.extend(opened(cx, hits, h, cue)),
                Kind::Post => cands.extend(closed(cx, hits, h, cue)),
                Kind::Classifier => cands.extend(classified(cx, hits, i, cue)),
                _ => {}
            }
        }
    }
    for &at in articles {
        cands.extend(article_name(cx, hits, at));
    }
    settle(cx, cands)
}

/// "Cártel del Noreste", "Frente 33", "Primeiro Comando do Maranhão".
fn opened(cx: &Context, hits: &[Hit], h: &Hit, cue: &Cue) -> Option<Cand> {
    let text = cx.text;
    if !capitalised(&text[h.start..h.end]) {
        return None;
    }
    let first = next_word(text, h.end)?;
    let numbered = number(&text[first.0..first.1]);
    let end = name_run(cx, h.end, true);
    if end == h.end {
        return None;
    }
    let ty = cue.ty?;
    if cue.weak && !(cue.number && numbered) && (state_words(text, h.end, end) || support(cx, hits, h.start, end, Some(ty)) != Some(ty)) {
        return None;
    }
    Some(Cand { start: h.start, end, name: text[h.start..end].to_owned(), ty })
}

/// "Sinaloa Cartel", "the Balkan cartel", "the Kavač and Škaljari clans", "the 33rd Front".
fn closed(cx: &Context, hits: &[Hit], h: &Hit, cue: &Cue) -> Vec<Cand> {
    let text = cx.text;
    let ty = match cue.ty {
        Some(t) => t,
        None => return Vec::new(),
    };
    let cue_text = &text[h.start..h.end];
    let cue_capitalised = capitalised(cue_text);
    if cue.cap && !cue_capitalised {
        return Vec::new();
    }
    // The conjuncts before the cue, last first: "Kavač and Škaljari clans".
    let mut conjuncts = Vec::new();
    let Some(mut to) = text[..h.start].strip_suffix(' ').map(str::len) else { return Vec::new() };
    while let Some((s, e)) = run_back(cx, to, cue.number) {
        conjuncts.push((s, e));
        if cue.one.is_none() {
            break;
        }
        let before = &text[..s];
        let joint = [" and ", " y ", " e ", ", "].iter().find(|j| before.ends_with(*j));
        match joint {
            Some(j) => to = s - j.len(),
            None => break,
        }
        if conjuncts.len() > 4 {
            break;
        }
    }
    // A plural names each of several conjuncts; a single one is a generic plural ("the Sinaloa cartels").
    if conjuncts.is_empty() || (cue.one.is_some() && conjuncts.len() < 2) {
        return Vec::new();
    }
    // A lower-case cue of one name must head its phrase: "Chone gang members" are people, "the
    // Trump cartel designation" a policy; "the Kinahan cartel's leader" names the cartel.
    let owned = text[h.end..].starts_with("'s") || text[h.end..].starts_with("’s");
    if cue.one.is_none() && !cue_capitalised && !owned && !ends_phrase(text, h.end) {
        return Vec::new();
    }
    let first_start = conjuncts.last().map_or(h.start, |c| c.0);
    if !cue_capitalised && indefinite_before(text, first_start) {
        return Vec::new();
    }
    let one = cue.one.unwrap_or(cue_text);
    let weak_ok = !cue.weak
        || conjuncts.iter().any(|&(s, e)| cue.number && number(&text[s..e]))
        || support(cx, hits, first_start, h.end, Some(ty)) == Some(ty);
    if !weak_ok {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (s, e) in conjuncts {
        let x = &text[s..e];
        // "the Gulf Clan cartel", "the CJNG cartel": the organization is named already.
        if kb_mention_at(cx.kb_mentions, s, e).is_some_and(|m| actor(cx.kb, m)) {
            continue;
        }
        let single = cue.one.is_none();
        let name = if single && cue_capitalised {
            format!("{x} {cue_text}")
        } else if cue_capitalised {
            format!("{x} {}", capitalise(one))
        } else {
            format!("{x} {one}")
        };
        // "the Guayaquil gang": a place and a lower-case cue name a gang only if the knowledge
        // base knows it.
        let place = kb_mention_at(cx.kb_mentions, s, e).is_some();
        if place && !cue_capitalised && kb_lookup(cx, &name).is_none() {
            continue;
        }
        let (start, end) = if single { (s, h.end) } else { (s, e) };
        out.push(Cand { start, end, name, ty });
    }
    out
}

/// "la banda Los Lobos", "la facção acreana Bonde dos 13", "la facción conocida como 'Tren del
/// Coro'", and the apposition "Os Crias, grupo formado por…".
/// The end of a company's name with the legal form that closes it ("Frutas del Pacífico S.A.":
/// the name's run stops at the first period, inside the form).
fn with_legal_form(text: &str, start: usize, end: usize) -> usize {
    static FORMS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| lines(include_str!("../../../../data/lang/legal-forms.txt")).collect());
    let last_word = text[start..end].rfind(' ').map_or(start, |i| start + i + 1);
    let after = [(" ", end), (", ", end)].into_iter().filter(|(sep, at)| text[*at..].starts_with(sep)).map(|(sep, at)| at + sep.len());
    for base in std::iter::once(last_word).chain(after) {
        for form in forms {
            let form_end = base + form.len();
            if text[base..].starts_with(form) && form_end > end && !text[form_end..].starts_with(|c: char| c.is_alphanumeric()) {
                return form_end;
            }
        }
    }
    end
}

fn classified(cx: &Context, hits: &[Hit], i: usize, cue: &Cue) -> Vec<Cand> {
    let text = cx.text;
    let h = &hits[i];
    let mut out = Vec::new();
    // A capitalised classifier inside a sentence belongs to a title ("Prison Gangs Working Paper").
    if capitalised(&text[h.start..h.end]) && !sentence_initial(text, h.start) {
        return out;
    }
    let ty = |at: usize| cue.ty.unwrap_or_else(|| nearest_org_type(cx, at).unwrap_or(EntityType::CriminalOrg));
    // After the classifier: up to two adjectives, a naming phrase, a quote, the name.
    let mut at = h.end;
    let mut named = false;
    for _ in 0..3 {
        if let Some(n) = hits.iter().skip(i + 1).take(3).find(|n| n.start == at + 1 && naming(n)) {
            at = n.end;
            named = true;
            break;
        }
        match next_word(text, at) {
            Some((s, e)) if adjective(&text[s..e]) => at = e,
            _ => break,
        }
    }
    // "a gang known as the Spanish Town Locos": the article is not the name.
    if named
        && let Some((s, e)) = next_word(text, at)
        && ["the", "el", "la", "o", "a"].contains(&&text[s..e])
        && next_word(text, e).is_some_and(|(s2, e2)| capitalised(&text[s2..e2]))
    {
        at = e;
    }
    let (quoted, start) = match text[at..].strip_prefix(' ') {
        Some(rest) => match rest.chars().next() {
            Some(q) if QUOTES.contains(&q) => (true, at + 1 + q.len_utf8()),
            _ => (false, at + 1),
        },
        None => (false, at),
    };
    if start > at && start < text.len() {
        let article = article_at(text, start);
        let from = article.unwrap_or(start);
        let first = word_at(text, from);
        if let Some((fs, fe)) = first {
            let w = &text[fs..fe];
            // A capitalised function word opens a name only inside quotes ("la banda 'El Tren'",
            // not "la banda El Salvador…").
            let opens = !possessive(w) && (article.is_some() || (capitalised(w) && !function_word(w)) || (quoted && capitalised(w)));
            if opens && !starts_kb_mention(cx.kb_mentions, start) && (article.is_none() || !starts_kb_mention(cx.kb_mentions, from)) {
                let mut end = name_run(cx, fe, true);
                if cue.ty == Some(EntityType::Company) {
                    end = with_legal_form(text, start, end);
                }
                let closes = !quoted || text[end..].starts_with(|c: char| QUOTES.contains(&c));
                // A bare name after a classifier that types nothing ("el grupo Santander") is
                // not taken.
                if closes && (named || quoted || article.is_some() || cue.ty.is_some()) {
                    let ok = !place_signals(cx, start, end) && !state_words(text, start, end);
                    if ok {
                        out.push(Cand { start, end, name: text[start..end].to_owned(), ty: ty(h.start) });
                    }
                }
            }
        }
    }
    // Apposition: "Os Crias, grupo formado por…", "Los Lobos, a gang allied with…".
    if ends_phrase(text, h.end)
        && let Some(name_end) = apposition_anchor(text, h.start)
        && let Some((s, e)) = run_before(cx, name_end)
        && !place_signals(cx, s, e)
        && !state_words(text, s, e)
        && !kb_covered(cx.kb_mentions, s, e)
    {
        out.push(Cand { start: s, end: e, name: text[s..e].to_owned(), ty: ty(h.start) });
    }
    out
}

/// "Los Pelusos", "Os Crias", "Las Flacas": a plural article and capitalised words, with support.
fn article_name(cx: &Context, hits: &[Hit], start: usize) -> Option<Cand> {
    let text = cx.text;
    let (_, art_end) = word_at(text, start)?;
    let (ws, we) = next_word(text, art_end)?;
    let w = &text[ws..we];
    if !capitalised(w) || function_word(w) || starts_kb_mention(cx.kb_mentions, ws) || starts_kb_mention(cx.kb_mentions, start) {
        return None;
    }
    let end = name_run(cx, art_end, false);
    if place_signals(cx, start, end) || state_words(text, art_end, end) {
        return None;
    }
    let ty = support(cx, hits, start, end, None)?;
    Some(Cand { start, end, name: text[start..end].to_owned(), ty })
}

/// What supports a name of the type `want` (any organization type when `None`) around
/// `start..end`: a classifier shortly before it in the sentence, an apposition after it, an
/// organization it is listed with, a naming phrase after an organization ("the EPL, whose
/// remnants, known locally as 'Los Pelusos'"), or, for a cue word, an organization of that type
/// in the sentence.
fn support(cx: &Context, hits: &[Hit], start: usize, end: usize, want: Option<EntityType>) -> Option<EntityType> {
    let v = vocab::get();
    let text = cx.text;
    let sentence = sentence_start(text, start);
    let accept = |t: EntityType| want.is_none_or(|w| w == t);
    let resolve = |cue: &Cue, at: usize| cue.ty.or_else(|| want.or_else(|| nearest_org_type(cx, at)).or(Some(EntityType::CriminalOrg)));
    // A classifier before, in the sentence.
    let from = sentence.max(start.saturating_sub(CLASSIFIER_WINDOW));
    // Only a classifier that types: "the group" is too common to support anything from afar.
    let upto = hits.partition_point(|h| h.end <= start);
    for h in hits[..upto].iter().rev().take_while(|h| h.start >= from) {
        if let Some(cue) = v.pattern_cues[h.pattern].iter().map(|&c| &v.cues[c]).find(|c| c.kind == Kind::Classifier && c.ty.is_some())
            && let Some(t) = resolve(cue, h.start).filter(|&t| accept(t))
        {
            return Some(t);
        }
    }
    // An apposition after: "Los Lobos, a gang…", "Os Crias, grupo formado por…".
    if let Some(h) = apposed_classifier(text, hits, end)
        && let Some(t) =
            v.pattern_cues[h.pattern].iter().map(|&c| &v.cues[c]).find(|c| c.kind == Kind::Classifier).and_then(|c| resolve(c, h.start))
        && accept(t)
    {
        return Some(t);
    }
    // Listed with an organization: "'Los Gallegos' y 'Los Malditos de Angostura'".
    if let Some(t) = listed_with(cx, start, end).filter(|&t| accept(t)) {
        return Some(t);
    }
    // After a naming phrase, typed by the organization the sentence is about.
    let before = text[..start].trim_end_matches(|c: char| QUOTES.contains(&c) || c == ' ');
    if hit_ending(hits, before.len()).is_some_and(naming)
        && let Some(t) = org_in(cx, sentence, start).filter(|&t| accept(t))
    {
        return Some(t);
    }
    // A cue word in a sentence about an organization of its type.
    let w = want?;
    kb_in(cx.kb_mentions, sentence, sentence_end(text, end))
        .iter()
        .filter(|m| m.end <= start || m.start >= end)
        .any(|m| cx.kb.entities()[m.entity].entity_type == w)
        .then_some(w)
}

/// The type of the organization mentioned last in `from..to`.
fn org_in(cx: &Context, from: usize, to: usize) -> Option<EntityType> {
    kb_in(cx.kb_mentions, from, to)
        .iter()
        .rev()
        .filter(|m| m.start >= from && m.end <= to)
        .map(|m| cx.kb.entities()[m.entity].entity_type)
        .find(|t| matches!(t, EntityType::CriminalOrg | EntityType::ArmedGroup))
}

/// The type of the organization named last before `at` in the same paragraph.
fn nearest_org_type(cx: &Context, at: usize) -> Option<EntityType> {
    let para = cx.text[..at].rfind('\n').map_or(0, |p| p + 1);
    org_in(cx, para, at)
}

/// The classifier of an apposition right after `end`: ", a gang that…", ", grupo formado por…".
fn apposed_classifier<'h>(text: &str, hits: &'h [Hit], end: usize) -> Option<&'h Hit> {
    let v = vocab::get();
    let mut at = end;
    if let Some(q) = text[at..].chars().next().filter(|q| QUOTES.contains(q)) {
        at += q.len_utf8();
    }
    at += text[at..].strip_prefix(", ").map(|_| 2)?;
    // An article may come first, and an adjective after it.
    let mut article = false;
    for _ in 0..3 {
        if let Some(h) = hit_starting(hits, at) {
            let classifier = v.pattern_cues[h.pattern].iter().any(|&c| v.cues[c].kind == Kind::Classifier);
            return (classifier && ends_phrase(text, h.end) && !capitalised(&text[h.start..h.end])).then_some(h);
        }
        let (s, e) = word_at(text, at)?;
        let w = &text[s..e];
        if !article && ARTICLES.contains(&w) {
            article = true;
        } else if !(article && adjective(w)) {
            return None;
        }
        at = e + text[e..].strip_prefix(' ').map(|_| 1)?;
    }
    None
}

/// Where the name of an apposition ends, given the classifier starting at `at`: the position of
/// ", " (or of a closing quote before it) ahead of an optional article, and an adjective after
/// the article.
fn apposition_anchor(text: &str, at: usize) -> Option<usize> {
    let mut pos = at;
    let mut adjectives = 0;
    for _ in 0..3 {
        let before = &text[..pos];
        if let Some(b) = before.strip_suffix(", ") {
            let b = b.trim_end_matches(|c: char| QUOTES.contains(&c));
            return (adjectives == 0).then_some(b.len());
        }
        let b = before.strip_suffix(' ')?;
        let ws = word_start(text, b.len());
        let w = &text[ws..b.len()];
        if ws == b.len() {
            return None;
        }
        if ARTICLES.contains(&w) {
            adjectives = 0;
        } else if adjective(w) && adjectives == 0 {
            adjectives += 1;
        } else {
            return None;
        }
        pos = ws;
    }
    None
}

/// The organization a name is listed with ("X y Los Y", "Los Y and X", "A, B y Los C").
fn listed_with(cx: &Context, start: usize, end: usize) -> Option<EntityType> {
    let text = cx.text;
    let trim_q = |s: &str| s.trim_start_matches(|c: char| QUOTES.contains(&c)).len();
    let after = &text[end..];
    let after_q = after.trim_start_matches(|c: char| QUOTES.contains(&c));
    for j in LIST_JOINTS {
        if let Some(rest) = after_q.strip_prefix(j) {
            let at = text.len() - trim_q(rest);
            if let Some(t) = org_starting(cx, at) {
                return Some(t);
            }
        }
    }
    let before = text[..start].trim_end_matches(|c: char| QUOTES.contains(&c));
    for j in LIST_JOINTS {
        if let Some(rest) = before.strip_suffix(j) {
            let at = rest.trim_end_matches(|c: char| QUOTES.contains(&c)).len();
            if let Some(m) = kb_ending(cx.kb_mentions, at) {
                let t = cx.kb.entities()[m.entity].entity_type;
                if matches!(t, EntityType::CriminalOrg | EntityType::ArmedGroup) {
                    return Some(t);
                }
            }
        }
    }
    None
}

fn org_starting(cx: &Context, at: usize) -> Option<EntityType> {
    let m = kb_starting(cx.kb_mentions, at)?;
    let t = cx.kb.entities()[m.entity].entity_type;
    matches!(t, EntityType::CriminalOrg | EntityType::ArmedGroup).then_some(t)
}

/// A place, not a group: after a locative preposition ("en Los Olivos"), before a parenthesised
/// or apposed place ("Los Olivos (Lima)", "Los Olivos, Lima"), or ending in a geographic head
/// ("Los Ríos").
fn place_signals(cx: &Context, start: usize, end: usize) -> bool {
    let text = cx.text;
    let before = text[..start].trim_end_matches(|c: char| QUOTES.contains(&c));
    if let Some(b) = before.strip_suffix(' ') {
        let ws = word_start(text, b.len());
        if is(&text[ws..b.len()], Kind::Locative) {
            return true;
        }
    }
    let after = &text[end..];
    if let Some(rest) = after.strip_prefix(" (") {
        // "(Lima)", not an acronym "(LCH)".
        let word = rest.find(')').is_some_and(|p| p < 40 && !rest[..p].contains(' ') && rest[..p].chars().skip(1).any(char::is_lowercase));
        let at = end + 2;
        if rest.starts_with(|c: char| c.is_uppercase()) && (word || kb_starting(cx.kb_mentions, at).is_some_and(|m| place(cx.kb, m))) {
            return true;
        }
    }
    if after.starts_with(", ") {
        let at = end + 2;
        if let Some(m) = kb_starting(cx.kb_mentions, at).filter(|m| place(cx.kb, m))
            && !text[m.end..].starts_with("'s")
            && !text[m.end..].starts_with("’s")
        {
            return true;
        }
    }
    let last = word_start(text, end);
    geographic_head(&crate::fold::fold(&text[last..end]))
}

/// A word of a state body among `start..end` ("Comando Conjunto", "Frente de Seguridad"): a
/// weak cue there does not name a group.
fn state_words(text: &str, start: usize, end: usize) -> bool {
    let v = vocab::get();
    text[start..end].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).any(|w| {
        v.by_word.get(&crate::fold::fold(w)).is_some_and(|cs| {
            cs.iter()
                .map(|&c| &v.cues[c])
                .any(|c| c.ty == Some(EntityType::StateActor) && (c.kind == Kind::Modifier || (c.kind == Kind::Head && !c.weak)))
        })
    })
}

/// The capitalised words ending at `end`: no particles, at most three, without leading demonyms
/// ("the rival Montenegrin Kavač") or a sentence-initial ordinary word, and never part of an
/// actor the knowledge base matched. Numbers may stand among them ("the 38th Street gang", "the
/// Calle 18 gang"), or alone when `numbers` ("the 33rd Front").
fn run_back(cx: &Context, end: usize, numbers: bool) -> Option<(usize, usize)> {
    let text = cx.text;
    let mut start = end;
    let mut words: Vec<(usize, usize)> = Vec::new();
    while words.len() < 3 {
        let ws = word_start(text, start);
        if ws == start {
            break;
        }
        let w = &text[ws..start];
        let numeric = number(w);
        if !(capitalised(w) || numeric) || function_word(w) || possessive(w) {
            break;
        }
        if kb_in(cx.kb_mentions, ws, start).iter().any(|m| actor(cx.kb, m)) {
            break;
        }
        words.push((ws, start));
        if sentence_initial(text, ws) || !text[..ws].ends_with(' ') {
            break;
        }
        start = ws - 1;
    }
    words.reverse();
    // A number stands alone only before a cue that takes one ("the 33rd Front", not "the 2019
    // cartel"); a name needs a capitalised word.
    if !numbers && words.iter().all(|&(s, e)| number(&text[s..e])) {
        return None;
    }
    // Demonyms are evidence of a country, not names: "Montenegrin Kavač" is the Kavač clan.
    while let Some(&(s, e)) = words.first() {
        let w = &text[s..e];
        let demonym = is_demonym(cx, w.split('-').next().unwrap_or(w));
        let ordinary = sentence_initial(text, s) && ordinary_word(text, w);
        if demonym || ordinary {
            words.remove(0);
        } else {
            break;
        }
    }
    let (s, _) = *words.first()?;
    Some((s, end))
}

/// The name that ends at `to` for an apposition: a plural article and capitalised words, or
/// capitalised words (particles and numbers inside), in one sentence, not the knowledge base's.
fn run_before(cx: &Context, to: usize) -> Option<(usize, usize)> {
    let text = cx.text;
    let mut start = to;
    let mut count = 0;
    let mut first_cap = None;
    loop {
        let ws = word_start(text, start);
        if ws == start || count >= MAX_WORDS {
            break;
        }
        let w = &text[ws..start];
        let cap = capitalised(w) || number(w);
        if !(cap || name_particle(w)) || possessive(w) {
            break;
        }
        count += 1;
        if capitalised(w) && !function_word(w) {
            first_cap = Some(ws);
        }
        if article_at(text, ws).is_some() {
            return Some((ws, to)).filter(|&(s, e)| e > s);
        }
        if sentence_initial(text, ws) || !text[..ws].ends_with(' ') {
            break;
        }
        start = ws - 1;
    }
    let s = first_cap?;
    // A single sentence-initial word is most often an ordinary one.
    let w = &text[s..word_end(text, s)];
    if sentence_initial(text, s) && (word_end(text, s) == to) && ordinary_word(text, w) {
        return None;
    }
    Some((s, to))
}

/// The end of the name after `from` (the cue or the article): capitalised words, numbers when
/// `numbers`, particles followed by one of them; never into an actor the knowledge base matched.
fn name_run(cx: &Context, from: usize, numbers: bool) -> usize {
    let text = cx.text;
    let mut end = from;
    let mut count = 0;
    'words: while count < MAX_WORDS {
        let Some((s, e)) = next_word(text, end) else { break };
        if starts_kb_actor(cx, s) {
            break;
        }
        let w = &text[s..e];
        let strong = |w: &str| (capitalised(w) && !function_word(w)) || (numbers && number(w));
        if strong(w) && !possessive(w) {
            end = e;
            count += 1;
            continue;
        }
        if name_particle(w) && !CONJUNCTIONS.contains(&w) {
            // Particles must lead to a name word: "Cártel de Santa Rosa de Lima".
            let mut at = e;
            for _ in 0..2 {
                let Some((s2, e2)) = next_word(text, at) else { break 'words };
                let w2 = &text[s2..e2];
                if starts_kb_actor(cx, s2) {
                    break 'words;
                }
                if strong(w2) && !possessive(w2) {
                    end = e2;
                    count += 2;
                    continue 'words;
                }
                if !name_particle(w2) || CONJUNCTIONS.contains(&w2) {
                    break 'words;
                }
                at = e2;
            }
        }
        break;
    }
    end
}

fn starts_kb_actor(cx: &Context, at: usize) -> bool {
    kb_starting(cx.kb_mentions, at).is_some_and(|m| actor(cx.kb, m))
}

/// Keep the longest of overlapping candidates, drop those the knowledge base covers, and add
/// the recurrences of every name kept.
fn settle(cx: &Context, mut cands: Vec<Cand>) -> Vec<Found> {
    let text = cx.text;
    cands.retain(|c| c.end > c.start && !in_heading(text, c.start) && !kb_conflict(cx, c.start, c.end));
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        if !kept.iter().any(|k| k.start < c.end && c.start < k.end) {
            kept.push(c);
        }
    }
    // Recurrences of each name, wherever no other mention stands ("Kavač clan", not the bare
    // "Kavač" of a plural, which may be a person's surname).
    let mut names: Vec<(String, EntityType)> = kept.iter().map(|c| (c.name.clone(), c.ty)).collect();
    names.sort();
    names.dedup();
    let mut more = Vec::new();
    let found = occurrences(text, &names);
    for ((name, ty), ats) in names.iter().zip(&found) {
        for &at in ats {
            let end = at + name.len();
            if !boundary_before(text, at) || !boundary_after(text, end) {
                continue;
            }
            if kept.iter().chain(&more).any(|k: &Cand| k.start < end && at < k.end) || kb_conflict(cx, at, end) {
                continue;
            }
            more.push(Cand { start: at, end, name: name.clone(), ty: *ty });
        }
    }
    kept.extend(more);
    kept.sort_by_key(|c| c.start);
    // A name the knowledge base holds is its entry, with its type.
    let known: std::collections::HashMap<&str, Option<usize>> = names.iter().map(|(n, _)| (n.as_str(), kb_lookup(cx, n))).collect();
    kept.into_iter()
        .map(|c| {
            let kb_entity = known.get(c.name.as_str()).copied().flatten();
            let entity_type = kb_entity.map_or(c.ty, |i| cx.kb.entities()[i].entity_type);
            Found { start: c.start, end: c.end, name: c.name, entity_type, unnamed: false, kb_entity }
        })
        .collect()
}

/// Where each of the `names` occurs in `text`, as `str::match_indices` finds it (left to right,
/// not overlapping itself), found by a searcher that skips ahead with vector loads (the
/// substring search of `str` compares its way through the text byte by byte).
fn occurrences(text: &str, names: &[(String, EntityType)]) -> Vec<Vec<usize>> {
    names
        .iter()
        .map(|(name, _)| match aho_corasick::packed::Searcher::new([name]) {
            Some(s) if !name.is_empty() => s.find_iter(text).map(|m| m.start()).collect(),
            _ => text.match_indices(name.as_str()).map(|(at, _)| at).collect(),
        })
        .collect()
}

/// A knowledge-base mention the candidate cannot stand with: an actor it overlaps, or anything
/// it does not strictly contain.
fn kb_conflict(cx: &Context, start: usize, end: usize) -> bool {
    kb_in(cx.kb_mentions, start, end)
        .iter()
        .any(|m| actor(cx.kb, m) || !(start <= m.start && m.end <= end && end - start > m.end - m.start))
}

fn kb_covered(mentions: &[KbMention], start: usize, end: usize) -> bool {
    !kb_in(mentions, start, end).is_empty()
}

fn starts_kb_mention(mentions: &[KbMention], at: usize) -> bool {
    kb_starting(mentions, at).is_some()
}

/// The knowledge-base mentions overlapping `start..end` (they are sorted and disjoint).
pub(crate) fn kb_in(mentions: &[KbMention], start: usize, end: usize) -> &[KbMention] {
    let lo = mentions.partition_point(|m| m.end <= start);
    let hi = mentions.partition_point(|m| m.start < end).max(lo);
    &mentions[lo..hi]
}

fn kb_ending(mentions: &[KbMention], at: usize) -> Option<&KbMention> {
    mentions.get(mentions.partition_point(|m| m.end < at)).filter(|m| m.end == at)
}

/// The phrase starting at `at` (hits are sorted and disjoint).
pub(crate) fn hit_starting(hits: &[Hit], at: usize) -> Option<&Hit> {
    hits.get(hits.partition_point(|h| h.start < at)).filter(|h| h.start == at)
}

pub(crate) fn hit_ending(hits: &[Hit], at: usize) -> Option<&Hit> {
    hits.get(hits.partition_point(|h| h.end < at)).filter(|h| h.end == at)
}

/// Organizations, agencies, companies and people: what a learned name must not swallow.
pub(crate) fn actor(kb: &KnowledgeBase, m: &KbMention) -> bool {
    matches!(
        kb.entities()[m.entity].entity_type,
        EntityType::CriminalOrg | EntityType::ArmedGroup | EntityType::StateActor | EntityType::Company | EntityType::Person
    )
}

fn place(kb: &KnowledgeBase, m: &KbMention) -> bool {
    matches!(kb.entities()[m.entity].entity_type, EntityType::Place | EntityType::Country)
}

/// The organization or agency of the knowledge base with this name (case and accents aside):
/// names the matcher could not read as written ("the Balkan cartel").
pub(crate) fn kb_lookup(cx: &Context, name: &str) -> Option<usize> {
    cx.index.names.names.get(&crate::fold::fold(name)).copied()
}

/// A country's demonym ("Mexican", "Montenegrin"): evidence of a country, not part of a name.
fn is_demonym(cx: &Context, w: &str) -> bool {
    cx.index.names.demonyms.contains(&crate::fold::fold(w))
}

/// Folded names of the knowledge base's organizations and agencies, and countries' demonyms.
pub(super) struct KbIndex {
    names: crate::hash::FxMap<String, usize>,
    demonyms: crate::hash::FxSet<String>,
}

impl KbIndex {
    pub(super) fn new(kb: &KnowledgeBase) -> KbIndex {
        let mut names = crate::hash::FxMap::default();
        let mut demonyms = crate::hash::FxSet::default();
        for (i, ent) in kb.entities().iter().enumerate() {
            match ent.entity_type {
                EntityType::CriminalOrg | EntityType::ArmedGroup | EntityType::StateActor => {
                    for n in ent.names() {
                        names.entry(crate::fold::fold(n)).or_insert(i);
                    }
                }
                EntityType::Country => demonyms.extend(ent.demonyms.values().flatten().map(|d| crate::fold::fold(d))),
                _ => {}
            }
        }
        KbIndex { names, demonyms }
    }
}

/// "a Sinaloa cartel", "un cartel": an indefinite article makes the phrase generic.
fn indefinite_before(text: &str, at: usize) -> bool {
    text[..at].strip_suffix(' ').is_some_and(|b| {
        let ws = word_start(text, b.len());
        INDEFINITE.contains(&text[ws..b.len()].to_lowercase().as_str())
    })
}

fn naming(h: &Hit) -> bool {
    let v = vocab::get();
    v.pattern_cues[h.pattern].iter().any(|&c| matches!(v.cues[c].kind, Kind::Alias | Kind::Naming))
}

/// A lower-case word that may stand between a classifier and its name: not a function word,
/// not a verb form that starts a clause.
fn adjective(w: &str) -> bool {
    // The cheap tests first: most words have none of the endings.
    w.len() >= 5
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.as_bytes().last().is_some_and(|&b| vocab::get().endings[usize::from(b)].iter().any(|e| w.ends_with(e)))
        && w.chars().all(char::is_alphabetic)
        && !function_word(w)
}

/// The classifier ends its phrase at `end`: punctuation, a function word, or a participle
/// follows ("a gang that…", "grupo formado por…"), not a noun it modifies ("a gang leader").
fn ends_phrase(text: &str, end: usize) -> bool {
    if text[end..].starts_with("'s") || text[end..].starts_with("’s") {
        return false;
    }
    match next_word(text, end) {
        None => !text[end..].starts_with(|c: char| c.is_alphanumeric()),
        Some((s, e)) => {
            let w = &text[s..e];
            let lower = w.to_lowercase();
            function_word(w)
                || PARTICIPLES.iter().any(|p| lower.len() > p.len() + 2 && lower.ends_with(p))
                || lower == "que"
                || lower == "which"
                || lower == "who"
        }
    }
}

/// Line is a heading: several words, nearly all capitalised, no sentence punctuation at the end.
fn in_heading(text: &str, at: usize) -> bool {
    let ls = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let le = text[at..].find('\n').map_or(text.len(), |p| at + p);
    let line = text[ls..le].trim();
    if line.ends_with(['.', ':', ';', ',', '"', '”']) || line.len() > 160 {
        return false;
    }
    let (mut words, mut caps) = (0, 0);
    for w in line.split(' ').filter(|w| w.chars().next().is_some_and(char::is_alphabetic)) {
        if function_word(w) && !capitalised(w) {
            continue;
        }
        words += 1;
        caps += usize::from(capitalised(w));
    }
    words >= 3 && caps * 10 >= words * 8
}

fn is(w: &str, kind: Kind) -> bool {
    let v = vocab::get();
    v.by_word.get(&crate::fold::fold(w)).is_some_and(|cs| cs.iter().any(|&c| v.cues[c].kind == kind))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// An article that opens a name at `at` ("Los Pelusos"): the position after it.
fn article_at(text: &str, at: usize) -> Option<usize> {
    vocab::get().articles.iter().find(|a| text[at..].starts_with(a.as_str())).map(|a| at + a.len())
}

const QUOTES: [char; 8] = ['"', '“', '”', '\'', '‘', '’', '«', '»'];
const ARTICLES: [&str; 12] = ["a", "an", "the", "un", "una", "uno", "um", "uma", "o", "el", "la", "lo"];
const INDEFINITE: [&str; 7] = ["a", "an", "un", "una", "um", "uma", "another"];
const CONJUNCTIONS: [&str; 4] = ["y", "e", "and", "&"];
const LIST_JOINTS: [&str; 7] = [" y ", " e ", " and ", " o ", " or ", " ou ", ", "];
const PARTICIPLES: [&str; 10] = ["ed", "ado", "ada", "ido", "ida", "ados", "adas", "idos", "idas", "ing"];

/// The vocabulary of cues and phrases, compiled once.
pub(crate) mod vocab {
    use super::lines;
    use crate::fold::fold;
    use crate::hash::{FxMap as HashMap, FxSet as HashSet};
    use aho_corasick::{AhoCorasick, MatchKind};
    use nexus_kb::EntityType;
    use std::sync::OnceLock;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        Pre,
        Post,
        Classifier,
        Article,
        Head,
        Modifier,
        Locative,
        Ending,
        Alias,
        Nickname,
        Naming,
        English,
        Acronym,
    }

    #[derive(Debug)]
    pub struct Cue {
        pub kind: Kind,
        /// `None`: the classifier takes the type of the organization before it.
        pub ty: Option<EntityType>,
        pub weak: bool,
        pub cap: bool,
        pub number: bool,
        /// The singular of a plural cue, for the names it gives.
        pub one: Option<&'static str>,
    }

    pub struct Vocab {
        pub cues: Vec<Cue>,
        /// The first word of every phrase that starts with an ASCII letter, in ASCII lower case
        /// (as `scan_word` reads it): a plain word can start a phrase only if it is one of them.
        pub first_words: Vec<String>,
        /// Every cue phrase but articles, heads, modifiers and locatives, ASCII case-insensitive.
        pub phrases: AhoCorasick,
        pub pattern_cues: Vec<Vec<usize>>,
        /// Capitalised plural articles and the space after them ("Los "), case-sensitive.
        pub articles: Vec<String>,
        /// Bit `n` set: some article is `n` letters and digits before its space (every bit when
        /// one holds anything else).
        pub article_lens: u64,
        /// Which first words may start a phrase (`start_key`).
        starts: Vec<u64>,
        /// Phrases that only stand inside parentheses, folded.
        paren: HashMap<String, Kind>,
        /// Every one-word cue by its folded form.
        pub by_word: HashMap<String, Vec<usize>>,
        pub function: HashSet<String>,
        pub particles: HashSet<&'static str>,
        /// Spanish and Portuguese function words that are not English ones ("de", "da", "para").
        pub romance: HashSet<&'static str>,
        /// Endings of Spanish and Portuguese adjectives, by their last byte.
        pub endings: Vec<Vec<&'static str>>,
    }

    /// Keys of the first word of a phrase: its first letter, second byte and length.
    const STARTS: usize = 26 * 256 * 32;

    fn start_key(first: u8, second: u8, len: usize) -> Option<usize> {
        let f = first.to_ascii_lowercase();
        f.is_ascii_lowercase().then(|| (usize::from(f - b'a') * 256 + usize::from(second.to_ascii_lowercase())) * 32 + len.min(31))
    }

    impl Vocab {
        /// A phrase may start with a word that starts with these two bytes and is this long.
        pub fn starts(&self, first: u8, second: u8, len: usize) -> bool {
            start_key(first, second, len).is_some_and(|key| self.starts[key / 64] & (1 << (key % 64)) != 0)
        }

        /// The kind of a phrase that only stands inside parentheses ("por sus siglas en inglés").
        pub fn paren_phrase(&self, s: &str) -> Option<Kind> {
            self.paren.get(&fold(s)).copied()
        }
    }

    pub fn get() -> &'static Vocab {
        static V: OnceLock<Vocab> = OnceLock::new();
        V.get_or_init(build)
    }

    fn entity_type(s: &str) -> Option<EntityType> {
        match s {
            "criminal_org" => Some(EntityType::CriminalOrg),
            "armed_group" => Some(EntityType::ArmedGroup),
            "state_actor" => Some(EntityType::StateActor),
            "company" => Some(EntityType::Company),
            _ => None,
        }
    }

    fn build() -> Vocab {
        let mut rows: Vec<(&'static str, Cue)> = Vec::new();
        for l in lines(include_str!("../../../../data/lang/org-cues.tsv")) {
            let f: Vec<&str> = l.split('\t').collect();
            let [form, kind, ty, flags] = f[..] else { continue };
            let kind = match kind {
                "pre" => Kind::Pre,
                "post" => Kind::Post,
                "classifier" => Kind::Classifier,
                "article" => Kind::Article,
                "head" => Kind::Head,
                "modifier" => Kind::Modifier,
                "locative" => Kind::Locative,
                "ending" => Kind::Ending,
                _ => continue,
            };
            let flags: Vec<&str> = flags.split(',').collect();
            let one = flags.iter().find_map(|f| f.strip_prefix("one="));
            let cue = Cue {
                kind,
                ty: entity_type(ty),
                weak: flags.contains(&"weak"),
                cap: flags.contains(&"cap"),
                number: flags.contains(&"number"),
                one,
            };
            rows.push((form, cue));
        }
        for l in lines(include_str!("../../../../data/lang/alias-cues.tsv")) {
            let Some((form, kind)) = l.split_once('\t') else { continue };
            let kind = match kind.trim() {
                "alias" => Kind::Alias,
                "nickname" => Kind::Nickname,
                "naming" => Kind::Naming,
                "english" => Kind::English,
                "acronym" => Kind::Acronym,
                _ => continue,
            };
            rows.push((form, Cue { kind, ty: None, weak: false, cap: false, number: false, one: None }));
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_cues: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
        let mut articles = Vec::new();
        let mut endings = vec![Vec::new(); 256];
        let mut paren = HashMap::default();
        let mut cues = Vec::new();
        for (i, (form, cue)) in rows.into_iter().enumerate() {
            if !form.contains(' ') {
                by_word.entry(fold(form)).or_default().push(i);
            }
            match cue.kind {
                Kind::Article => {
                    let mut c = form.chars();
                    if let Some(f) = c.next() {
                        articles.push(format!("{}{} ", f.to_uppercase(), c.as_str()));
                    }
                }
                Kind::Head | Kind::Modifier | Kind::Locative => {}
                Kind::English | Kind::Acronym => {
                    paren.insert(fold(form), cue.kind);
                }
                Kind::Ending => {
                    if let Some(&last) = form.as_bytes().last() {
                        endings[usize::from(last)].push(form);
                    }
                }
                _ => {
                    for p in [form.to_owned(), fold(form)] {
                        let at = *index.entry(p.clone()).or_insert_with(|| {
                            patterns.push(p);
                            pattern_cues.push(Vec::new());
                            patterns.len() - 1
                        });
                        if !pattern_cues[at].contains(&i) {
                            pattern_cues[at].push(i);
                        }
                    }
                }
            }
            cues.push(cue);
        }
        // A DFA: a few hundred phrases, searched case-insensitively in every document.
        let phrases = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .start_kind(aho_corasick::StartKind::Anchored)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("cue phrases are plain strings");
        let first_words = patterns
            .iter()
            .filter(|p| p.as_bytes()[0].is_ascii_alphabetic())
            .map(|p| p[..super::scan_word(p, 0)].to_ascii_lowercase())
            .filter(|w| w.is_ascii())
            .collect();
        let mut starts = vec![0u64; STARTS / 64];
        for p in &patterns {
            let b = p.as_bytes();
            if let Some(key) = start_key(b[0], b.get(1).copied().unwrap_or(0), super::scan_word(p, 0)) {
                starts[key / 64] |= 1 << (key % 64);
            }
        }
        let by_lang: Vec<(&'static str, &'static str)> = include_str!("../../../../data/lang/function-words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect();
        let function: HashSet<String> = by_lang.iter().flat_map(|(_, words)| words.split_whitespace().map(str::to_owned)).collect();
        let english: HashSet<&str> = by_lang.iter().filter(|(l, _)| *l == "en").flat_map(|(_, w)| w.split_whitespace()).collect();
        let romance =
            by_lang.iter().filter(|(l, _)| *l != "en").flat_map(|(_, w)| w.split_whitespace()).filter(|w| !english.contains(w)).collect();
        let particles = lines(include_str!("../../../../data/lang/name-particles.txt")).collect();
        let article_lens = articles.iter().fold(0u64, |m, a| match a.strip_suffix(' ') {
            Some(w) if w.bytes().all(|b| b.is_ascii_alphanumeric()) && w.len() < 63 => m | 1 << w.len(),
            _ => u64::MAX,
        });
        Vocab {
            cues,
            first_words,
            article_lens,
            phrases,
            pattern_cues,
            articles,
            starts,
            paren,
            by_word,
            function,
            particles,
            romance,
            endings,
        }
    }
}

/// Words as byte spans: letters and digits, with an apostrophe or hyphen between two of them.
pub(crate) mod words {
    use super::vocab;

    fn inner(c: char) -> bool {
        matches!(c, '-' | '\'' | '’')
    }

    /// The end of the word that starts at `start`.
    pub fn word_end(text: &str, start: usize) -> usize {
        // ASCII letters and digits a byte each; the chars are read from the first other byte
        // that may go on with the word (a non-ASCII char, a hyphen or an apostrophe) on.
        let bytes = text.as_bytes();
        let mut from = start;
        while bytes.get(from).is_some_and(u8::is_ascii_alphanumeric) {
            from += 1;
        }
        if bytes.get(from).is_none_or(|&b| b.is_ascii() && !inner(char::from(b))) {
            return from;
        }
        end_by_chars(text, from)
    }

    /// `word_end` read char by char from `from`, where the ASCII fast path stopped.
    pub(super) fn end_by_chars(text: &str, from: usize) -> usize {
        let mut end = from;
        let mut chars = text[from..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = from + i + c.len_utf8();
            } else if inner(c) && end == from + i && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
                continue;
            } else {
                break;
            }
        }
        end
    }

    /// The start of the word that ends at `end`.
    pub fn word_start(text: &str, end: usize) -> usize {
        // As `word_end`: ASCII letters and digits a byte each, then the chars.
        let bytes = text.as_bytes();
        let mut to = end;
        while to > 0 && bytes.get(to - 1).is_some_and(u8::is_ascii_alphanumeric) {
            to -= 1;
        }
        if to == 0 || bytes.get(to - 1).is_some_and(|&b| b.is_ascii() && !inner(char::from(b))) {
            return to;
        }
        start_by_chars(text, to)
    }

    /// `word_start` read char by char back from `to`, where the ASCII fast path stopped.
    pub(super) fn start_by_chars(text: &str, to: usize) -> usize {
        let mut start = to;
        let mut chars = text[..to].char_indices().rev().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                start = i;
            } else if inner(c) && start == i + c.len_utf8() && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
                continue;
            } else {
                break;
            }
        }
        start
    }

    /// The word starting exactly at `at`.
    pub fn word_at(text: &str, at: usize) -> Option<(usize, usize)> {
        if at > text.len() || !text.is_char_boundary(at) || !boundary_before(text, at) {
            return None;
        }
        let e = word_end(text, at);
        (e > at).then_some((at, e))
    }

    /// The word after one space at `pos`.
    pub fn next_word(text: &str, pos: usize) -> Option<(usize, usize)> {
        text.get(pos..)?.strip_prefix(' ')?;
        word_at(text, pos + 1)
    }

    pub fn boundary_before(text: &str, at: usize) -> bool {
        !text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '-')
    }

    pub fn boundary_after(text: &str, at: usize) -> bool {
        !text[at..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '-')
    }

    pub fn capitalised(w: &str) -> bool {
        w.chars().next().is_some_and(char::is_uppercase)
    }

    /// "33", "13", "18th", "33rd", "5ª".
    pub fn number(w: &str) -> bool {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(&w[digits..], "" | "st" | "nd" | "rd" | "th" | "º" | "ª" | "o" | "a")
    }

    pub fn function_word(w: &str) -> bool {
        let v = vocab::get();
        v.function.contains(w) || (!w.is_ascii() || w.bytes().any(|b| b.is_ascii_uppercase())) && v.function.contains(&w.to_lowercase())
    }

    pub fn name_particle(w: &str) -> bool {
        let v = vocab::get();
        v.particles.contains(w) || v.particles.contains(w.to_lowercase().as_str())
    }

    pub(crate) use crate::text::{sentence_end, sentence_start};

    /// The word at `at` opens its sentence (quotes and brackets aside).
    pub fn sentence_initial(text: &str, at: usize) -> bool {
        let before = text[..at].trim_end_matches(|c: char| c == ' ' || super::QUOTES.contains(&c) || c == '(' || c == '—' || c == '-');
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', ';'])
    }

    /// A capitalised word that also stands in lower case in the text: an ordinary word that
    /// opens a sentence, not a name.
    pub fn ordinary_word(text: &str, w: &str) -> bool {
        if function_word(w) {
            return true;
        }
        let lower = w.to_lowercase();
        if lower == w {
            return false;
        }
        text.match_indices(lower.as_str()).any(|(i, _)| boundary_before(text, i) && boundary_after(text, i + lower.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::words::{end_by_chars, start_by_chars, word_end, word_start};

    #[test]
    fn word_bounds_agree_with_reading_chars() {
        let texts = [
            "",
            "abc",
            "-abc de",
            "the Clan del Golfo's men, O'Brien and ex-jefe",
            "Policía Nacional (PNP) — 10kg, São Paulo’s  a--b a-'b 'x' ’y",
            "señor-Ñandú 2023-24 x’s año’",
        ];
        for text in texts {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                // The fast paths skip ASCII letters and digits; reading every char from the
                // word's edge must give the same bounds.
                assert_eq!(word_end(text, at), end_by_chars(text, at), "{text:?} {at}");
                assert_eq!(word_start(text, at), start_by_chars(text, at), "{text:?} {at}");
            }
        }
    }
}
