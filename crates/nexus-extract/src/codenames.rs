//! Codenames: "Operation Orinoco" is not the river, "la Operación Huallaga" not the valley,
//! "a Operação Rota Caipira" not the route. A mention that stands right after a noun of
//! `operation-nouns.txt` (a quote mark between allowed) names an operation, and is dropped with
//! any mention glued to it ("Operation Andes Shield") or after capitalised words of the codename
//! ("Operación Escudo Pacífico").

use crate::discover::Found;
use crate::matcher::KbMention;
use std::sync::OnceLock;

/// The operation nouns, as written, with the last four bytes of each as a number: a cheap
/// gate that turns away nearly every mention before the word before it is looked up.
struct Nouns {
    words: Vec<&'static str>,
    tails: Vec<u32>,
    /// The tails' bits (`tail_bit`): most words' tails are turned away by one test, before the
    /// scan of `tails`.
    tail_bits: u64,
    /// A noun shorter than four bytes has no such tail: the gate is then off.
    gate: bool,
}

fn nouns() -> &'static Nouns {
    static NOUNS: OnceLock<Nouns> = OnceLock::new();
    NOUNS.get_or_init(|| {
        let words: Vec<&'static str> = include_str!("../../../data/lang/operation-nouns.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let tails = words.iter().filter_map(|w| tail(w.as_bytes())).collect::<Vec<_>>();
        let gate = tails.len() == words.len();
        let tail_bits = tails.iter().fold(0, |bits, &t| bits | tail_bit(t));
        Nouns { words, tails, tail_bits, gate }
    })
}

/// One of 64 bits for a tail, by a multiplicative hash.
fn tail_bit(t: u32) -> u64 {
    1 << (t.wrapping_mul(0x9e37_79b9) >> 26)
}

/// The last four bytes of `b`, as a number.
fn tail(b: &[u8]) -> Option<u32> {
    b.last_chunk::<4>().map(|t| u32::from_le_bytes(*t))
}

/// Quote marks that may open a codename.
const QUOTES: &[char] = &['"', '\'', '“', '‘', '«', '„'];

/// Does the text before `start` end in an operation noun, or in a mention this pass dropped
/// (`dropped_end`), with only spaces and quote marks between?
fn after_operation_noun(text: &str, start: usize, dropped_end: Option<usize>, noun_near: bool) -> bool {
    let Some(before) = text.get(..start) else { return false };
    // A mention glued to a letter or a digit has no gap: told by one byte.
    if before.as_bytes().last().is_none_or(u8::is_ascii_alphanumeric) {
        return false;
    }
    // Spaces and ASCII quotes trimmed by the byte; characters decoded only where a curly
    // quote may stand.
    let b = before.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'"' | b'\'') {
        end -= 1;
    }
    let gap = match before.get(..end) {
        Some(g) if end > 0 && !b[end - 1].is_ascii() => g.trim_end_matches(|c: char| c == ' ' || QUOTES.contains(&c)),
        Some(g) => g,
        None => return false,
    };
    if gap.len() == start {
        return false;
    }
    if dropped_end == Some(gap.len()) && gap.len() + 1 == start {
        return true;
    }
    let nouns = nouns();
    let ends_in_noun = |g: &str| {
        (!nouns.gate || tail(g.as_bytes()).is_some_and(|t| nouns.tail_bits & tail_bit(t) != 0 && nouns.tails.contains(&t)))
            && nouns.words.contains(&&g[last_word_start(g)..])
    };
    if ends_in_noun(gap) {
        return true;
    }
    // "Operación Escudo Pacífico", "Operation Blue Orinoco": up to two capitalised words of
    // the codename may come before the mention. Looked for only where a noun ends shortly
    // before: most mentions have none.
    if !noun_near {
        return false;
    }
    let mut g = gap;
    for _ in 0..2 {
        let at = last_word_start(g);
        if !g[at..].chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        match g[..at].strip_suffix(' ') {
            Some(rest) if ends_in_noun(rest) => return true,
            Some(rest) => g = rest,
            None => return false,
        }
    }
    false
}

/// Where the run of letters ending `s` starts.
fn last_word_start(s: &str) -> usize {
    s.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8))
}

/// How far before a mention, in bytes, the noun of a codename of several words may end.
const CODENAME_REACH: usize = 60;

/// Where the operation nouns of `text` end, in order. Every noun holds "pera": one search
/// finds the places to test.
fn noun_ends(text: &str) -> Vec<usize> {
    let nouns = nouns();
    memchr::memmem::find_iter(text.as_bytes(), b"pera")
        .filter_map(|at| {
            let start = at.checked_sub(1).filter(|&o| matches!(text.as_bytes()[o], b'O' | b'o'))?;
            let rest = text.get(start..)?;
            let noun = nouns.words.iter().find(|w| rest.starts_with(**w))?;
            let end = start + noun.len();
            let bounded = !text[..start].ends_with(char::is_alphanumeric) && !text[end..].starts_with(char::is_alphanumeric);
            bounded.then_some(end)
        })
        .collect()
}

/// The mentions that do not name an operation; both lists stay sorted by start.
pub fn drop_codenames(text: &str, kb: Vec<KbMention>, learned: Vec<Found>) -> (Vec<KbMention>, Vec<Found>) {
    let ends = noun_ends(text);
    (keep_others(text, kb, &ends, |m| (m.start, m.end)), keep_others(text, learned, &ends, |f| (f.start, f.end)))
}

/// `mentions` (sorted by start) less those after an operation noun or glued to one dropped.
fn keep_others<M>(text: &str, mentions: Vec<M>, noun_ends: &[usize], span: impl Fn(&M) -> (usize, usize)) -> Vec<M> {
    let mut dropped_end = None;
    // The first noun ending at or after the reach before the mention: mentions come in order.
    let mut next_noun = 0;
    let mut keep = |m: &M| {
        let (s, e) = span(m);
        while noun_ends.get(next_noun).is_some_and(|&n| n + CODENAME_REACH < s) {
            next_noun += 1;
        }
        let near = noun_ends.get(next_noun).is_some_and(|&n| n < s);
        let drop = after_operation_noun(text, s, dropped_end, near);
        if drop {
            dropped_end = Some(e);
        }
        !drop
    };
    mentions.into_iter().filter(|m| keep(m)).collect()
}
