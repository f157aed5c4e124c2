//! Sentence boundaries in clean document text (English, Spanish, Portuguese), as byte ranges.
//!
//! Relations cite the sentence they were read from, so a boundary inside "U.S." or "Dr." would cut
//! evidence in half. One pass over the bytes; only terminal punctuation and line breaks are looked
//! at closely, so the splitter costs little beside matching.
//!
//! The rules, in order:
//! - A blank line always ends a sentence (paragraphs, headings, list items on their own).
//! - A single line break (hard-wrapped text) ends one only before a list item ("- ", "• ", "2) ",
//!   "(a) ", a footnote line "2 Carlos Tapia…") or after a heading-like line: no final
//!   punctuation, and short (under [`HEADING_CHARS`] characters) or in capitals, with a capital,
//!   digit or quote starting the next line.
//! - `.`, `!`, `?`, `…` and runs of them ("?!", "...") end a sentence when white space follows,
//!   together with the closing quotes and brackets right after them (`."`, `.”`, `.)`, `.»`) and a
//!   glued footnote mark ("Trujillo.2 Next", "coca.² The"). Never inside a number ("7.6",
//!   "1.200,5"), a web address or a dotted acronym, since no white space follows there.
//! - A lower-case word after the punctuation continues the sentence ("¿Qué? —dijo él", "and so...
//!   the", "approx. five").
//! - After a single period the word before it decides, with `data/lang/abbreviations.tsv`
//!   (case folded, every language at once since the splitter is not told the language):
//!   - `title` ("Dr.", "Gen.", "Sra.", written with a capital) and `inner` ("e.g.", "vs.", the
//!     "EE." of "EE. UU.") never end a sentence;
//!   - `acronym` ("U.S.", "EE.UU.", "S.A."; also any word of dotted one- to three-letter pieces,
//!     "J.R.R.", "p.m."), `number` ("No.", "pp.", "núm.") and a single capital initial ("Peter
//!     R. de Vries") end one only before a capitalised *sentence starter*: a function word of
//!     `data/lang/function-words.tsv` or one of [`STARTERS`] (pronouns, conjunctions, sentence
//!     adverbs), not itself followed by a period. "in the U.S. The next" ends; "the U.S. Coast
//!     Guard", "No. 5", "J. A. Smith" do not. A `number` abbreviation before a digit never ends
//!     one. After an initial, a name particle followed by a capitalised word is a name ("R. De
//!     Vries");
//!   - `other` ("etc.", "Inc.", "Jan.") ends one before any capitalised word that is not itself an
//!     abbreviation ("Co. Ltd." stays whole);
//!   - a number or a roman numeral that opens its line is a list label ("1. First", "IV. Results");
//!   - any other word ends the sentence unless a lower-case word follows.

use crate::hash::{FxMap as HashMap, FxSet as HashSet};
use crate::text::swar;
use std::ops::Range;
use std::sync::OnceLock;

/// A line shorter than this (in characters) and without final punctuation, followed by a single
/// line break and a capitalised line, is a heading or a list line; hard-wrapped prose lines are
/// longer (60–80 characters) except the last of a paragraph, which a blank line follows.
pub const HEADING_CHARS: usize = 48;

/// Sentence starters beyond the function words, space-separated: capitalised after "U.S." or an
/// initial, these begin a new sentence rather than continue a name ("U.S. He said", not "U.S.
/// Coast Guard").
pub const STARTERS: &[&str] = &[
    // English
    "i he she we you his her our my these those then however meanwhile",
    "yet so if when while although though because since during before both each all some many most",
    "several no one another other such what how why where here in on at last earlier later today",
    "yesterday now",
    // Spanish
    "él ella ellos ellas nosotros esto eso estos estas ese esa esos esas aquel además luego después",
    "entonces durante tras sin hoy ayer así aunque mientras allí ahí cada todos todas varios varias otro",
    "otra dicha dicho",
    // Portuguese
    "eles elas nós isso isto esse essa esses essas este estes aquele aquela porém além também depois",
    "então após hoje ontem assim embora enquanto cada todos todas vários várias outro outra",
];

/// The sentences of `text`: byte ranges in order, non-overlapping, on character boundaries, each
/// with the white space around it trimmed; text that is only white space yields none.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let mut scratch = String::new();
    let mut start = 0;
    // Where the current line starts: every line break is stopped at below (punctuation runs and
    // footnote marks hold none), so no line break lies between it and `i`.
    let mut line = 0;
    let mut i = 0;
    while i < b.len() {
        // Most bytes are neither punctuation nor a line break: skipped eight at a time.
        match next_interesting(b, i) {
            Some(next) => i = next,
            None => break,
        }
        match b[i] {
            b'\n' => {
                debug_assert!(!text[line..i].contains('\n'));
                if line_break_ends(text, line, i) {
                    push(&mut out, text, start, i);
                    start = i + 1;
                }
                i += 1;
                line = i;
            }
            0xE2 if !text[i..].starts_with('…') => i += 1,
            _ => {
                let (end, ends) = terminal(text, i, &mut scratch);
                if ends {
                    push(&mut out, text, start, end);
                    start = end;
                }
                i = end.max(i + 1);
            }
        }
    }
    push(&mut out, text, start, b.len());
    out
}

/// The sentence of `sentences` (as [`split`] returns them) that contains byte `offset`.
pub fn sentence_at(sentences: &[Range<usize>], offset: usize) -> Option<Range<usize>> {
    let i = sentences.partition_point(|s| s.end <= offset);
    sentences.get(i).filter(|s| s.start <= offset).cloned()
}

/// Bytes that can end a sentence: `.`, `!`, `?`, a line break, and 0xE2 (the lead byte of `…`).
static INTERESTING: [bool; 256] = crate::text::byte_set(b".!?\n\xE2");

/// The first `INTERESTING` byte from `from` on. Eight bytes are read as one word: its bytes from
/// `!` to `?` (which hold `.` too, and the rarer commas, digits and brackets), its line breaks and
/// its non-ASCII bytes are found with a few adds and masks, and only those are looked up (a
/// non-ASCII byte is interesting only as 0xE2).
fn next_interesting(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = b.get(at..).and_then(|c| c.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*chunk);
        let mut hits = (x & swar::HIGH) | swar::ascii_in_range(x, b'!', b'?') | swar::ascii_equal(x, b'\n');
        while hits != 0 {
            let i = at + (hits.trailing_zeros() / 8) as usize;
            if INTERESTING[usize::from(b[i])] {
                return Some(i);
            }
            hits &= hits - 1;
        }
        at += 8;
    }
    b.get(at..)?.iter().position(|&c| INTERESTING[usize::from(c)]).map(|n| at + n)
}

fn push(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let s = &text[start..end];
    let trimmed = s.trim_start();
    let from = start + (s.len() - trimmed.len());
    let to = from + trimmed.trim_end().len();
    if to > from {
        out.push(from..to);
    }
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '„', '«', '‹', '(', '[', '¿', '¡', '—', '–', '-'];
const SUPERSCRIPT_DIGITS: &[char] = &['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The terminal punctuation starting at byte `i`: where the sentence would end (after closing
/// quotes, brackets and a glued footnote mark) and whether it does.
fn terminal(text: &str, i: usize, scratch: &mut String) -> (usize, bool) {
    let mut j = i;
    let (mut periods, mut strong) = (0, false);
    for c in text[i..].chars() {
        match c {
            '.' => periods += 1,
            '!' | '?' | '…' => strong = true,
            c if CLOSERS.contains(&c) => {}
            _ => break,
        }
        j += c.len_utf8();
    }
    let before = text[..i].chars().next_back();
    // A footnote mark glued after the punctuation of a word ("Trujillo.2 Next"); after a digit it
    // would be a decimal ("7.6"), after "No." a number.
    if before.is_some_and(|c| !c.is_ascii_digit()) {
        j = footnote_mark(text, j);
    }
    if text[j..].chars().next().is_some_and(|c| !c.is_whitespace()) {
        return (j, false);
    }
    let next = NextWord::at(text, j);
    if next.first.is_none() {
        return (j, true);
    }
    if next.lowercase() {
        return (j, false);
    }
    if strong || periods != 1 || !text[i..].starts_with('.') {
        return (j, true);
    }
    (j, period_ends(text, i, &next, scratch))
}

/// The end of a footnote mark at `j` (one to three digits, superscript digits or "[12]") followed
/// by white space or the end, else `j`.
fn footnote_mark(text: &str, j: usize) -> usize {
    let rest = &text[j..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let len = if (1..=3).contains(&digits) {
        digits
    } else if rest.starts_with(SUPERSCRIPT_DIGITS) {
        rest.chars().take_while(|c| SUPERSCRIPT_DIGITS.contains(c)).map(char::len_utf8).sum()
    } else if let Some(inner) = rest.strip_prefix('[') {
        let n = inner.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&n) && inner[n..].starts_with(']') { n + 2 } else { 0 }
    } else {
        0
    };
    if len > 0 && rest[len..].chars().next().is_none_or(char::is_whitespace) { j + len } else { j }
}

/// What follows a possible sentence end: the first word after white space and opening marks.
struct NextWord<'a> {
    /// The first character after the opening marks, if any.
    first: Option<char>,
    /// A Spanish opening mark (¿ ¡) stands before it: a new sentence for sure.
    inverted: bool,
    /// The run of letters starting there.
    word: &'a str,
    /// The word is directly followed by a period (an abbreviation or an initial).
    dotted: bool,
    /// Byte where the word ends.
    end: usize,
}

impl<'a> NextWord<'a> {
    fn at(text: &'a str, from: usize) -> NextWord<'a> {
        let rest = text[from..].trim_start();
        let mut pos = text.len() - rest.len();
        let mut inverted = false;
        for c in rest.chars() {
            if !OPENERS.contains(&c) {
                break;
            }
            inverted |= matches!(c, '¿' | '¡');
            pos += c.len_utf8();
        }
        let tail = &text[pos..];
        let len = letters_len(tail);
        let end = pos + len;
        NextWord { first: tail.chars().next(), inverted, word: &tail[..len], dotted: text[end..].starts_with('.'), end }
    }

    fn lowercase(&self) -> bool {
        !self.inverted && self.first.is_some_and(char::is_lowercase)
    }

    fn capitalised(&self) -> bool {
        self.inverted || self.first.is_some_and(char::is_uppercase)
    }

    /// A capitalised function word, pronoun or sentence adverb, not an initial or abbreviation.
    fn starter(&self, scratch: &mut String) -> bool {
        self.inverted || (self.capitalised() && !self.dotted && is_starter(lower(self.word, scratch)))
    }
}

/// Does the single period at byte `i`, followed by white space and the capitalised (or
/// non-letter) `next`, end the sentence? The word before the period decides (module docs).
fn period_ends(text: &str, i: usize, next: &NextWord, scratch: &mut String) -> bool {
    let word = word_before(text, i);
    if word.is_empty() {
        return true;
    }
    if opens_line(text, i - word.len()) && list_label(word) {
        return false;
    }
    let kinds = abbreviations().get(lower(word, scratch)).copied().unwrap_or(0);
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    if kinds & INNER != 0 || (capital && kinds & TITLE != 0) {
        return false;
    }
    if kinds & NUMBER != 0 {
        return !next.first.is_some_and(|c| c.is_ascii_digit()) && next.starter(scratch);
    }
    if kinds & ACRONYM != 0 || dotted_initials(word) {
        return next.starter(scratch);
    }
    if kinds & OTHER != 0 {
        return next.capitalised() && !(next.dotted && abbreviations().contains_key(lower(next.word, scratch)));
    }
    if is_initial(word) {
        // "Peter R. De Vries": a particle and a capitalised word make a name, not a sentence.
        let particle_name = is_particle(lower(next.word, scratch)) && NextWord::at(text, next.end).capitalised();
        return next.starter(scratch) && !particle_name;
    }
    true
}

/// The word the period at `i` is glued to: letters, digits and inner periods ("U.S", "1.200",
/// "núm"), or "" after a space, quote or bracket.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head.char_indices().rev().take_while(|&(_, c)| c.is_alphanumeric() || c == '.').last().map_or(i, |(k, _)| k);
    head[start..].trim_start_matches('.')
}

/// Only white space or a list bullet stands between the start of its line and byte `at`.
fn opens_line(text: &str, at: usize) -> bool {
    // Read back from `at` to the line break: the first other character settles it, without
    // searching the whole line for its start first.
    for c in text[..at].chars().rev() {
        if c == '\n' {
            return true;
        }
        if !(c.is_whitespace() || matches!(c, '-' | '*' | '•' | '·' | '(' | '–' | '—')) {
            return false;
        }
    }
    true
}

/// A list label before a period: a number ("1", "2.3"), a roman numeral, a lower-case letter.
fn list_label(word: &str) -> bool {
    let numeric = word.len() <= 8 && word.bytes().all(|c| c.is_ascii_digit() || c == b'.');
    let roman = word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let letter = word.len() == 1 && word.bytes().all(|c| c.is_ascii_lowercase());
    numeric || roman || letter
}

/// "U.S", "J.R.R", "p.m", "EE.UU": pieces of one to three letters joined by periods.
fn dotted_initials(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Does the line break at byte `i`, ending the line that starts at `line`, end the sentence?
/// (Module docs: a blank line, a list item next, a heading-like line before.)
fn line_break_ends(text: &str, line: usize, i: usize) -> bool {
    let rest = &text[i + 1..];
    let next_line = rest.trim_start_matches([' ', '\t', '\r']);
    if next_line.is_empty() || next_line.starts_with('\n') {
        return true;
    }
    if list_item(next_line) {
        return true;
    }
    let prev = text[line..i].trim();
    let Some(last) = prev.trim_end_matches(CLOSERS).chars().next_back() else { return false };
    // Terminal punctuation has had its say; a comma, colon or dash runs on.
    if matches!(last, '.' | '!' | '?' | '…' | ',' | ';' | ':' | '-' | '–' | '—' | '(' | '/') {
        return false;
    }
    let next = NextWord::at(text, i + 1);
    let starts = next.capitalised() || next.first.is_some_and(|c| c.is_ascii_digit()) || next_line.starts_with(['"', '“', '«']);
    let heading = prev.chars().count() < HEADING_CHARS || !prev.chars().any(char::is_lowercase);
    starts && heading
}

/// A line that starts a list item: a bullet, "1." or "1)" or "(a)", "a)", or a footnote line
/// ("2 Carlos Tapia…": one to three digits, a space, a capital).
fn list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    if first.is_some_and(|c| matches!(c, '-' | '*' | '•' | '·' | '–' | '—' | '▪' | '◦' | '‣')) {
        return chars.next().is_some_and(char::is_whitespace);
    }
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        return match (b.get(digits), b.get(digits + 1)) {
            (Some(b'.' | b')'), Some(b' ')) => true,
            (Some(b' '), _) => line[digits + 1..].chars().next().is_some_and(char::is_uppercase),
            _ => false,
        };
    }
    let label = |s: &str| s.len() <= 3 && (s.bytes().all(|c| c.is_ascii_digit()) || s.bytes().all(|c| c.is_ascii_lowercase()));
    if let Some((inner, after)) = line.strip_prefix('(').and_then(|l| l.split_once(')')) {
        return label(inner) && after.starts_with(' ');
    }
    b.len() >= 3 && b[0].is_ascii_lowercase() && b[1] == b')' && b[2] == b' '
}

/// The length of the run of letters `s` starts with: `s.find(|c: char| !c.is_alphabetic())`,
/// reading ASCII letters as bytes and decoding chars only past them.
fn letters_len(s: &str) -> usize {
    let ascii = s.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(s.len());
    match s.as_bytes().get(ascii) {
        Some(b) if !b.is_ascii() => s[ascii..].find(|c: char| !c.is_alphabetic()).map_or(s.len(), |n| ascii + n),
        _ => ascii,
    }
}

/// Lower-case `word` into `scratch` (no allocation once it has grown).
fn lower<'s>(word: &str, scratch: &'s mut String) -> &'s str {
    scratch.clear();
    if word.is_ascii() {
        scratch.push_str(word);
        scratch.make_ascii_lowercase();
    } else {
        scratch.extend(word.chars().flat_map(char::to_lowercase));
    }
    scratch
}

const NUMBER: u8 = 1;
const TITLE: u8 = 2;
const OTHER: u8 = 4;
const INNER: u8 = 8;
const ACRONYM: u8 = 16;

/// Every abbreviation of `data/lang/abbreviations.tsv`, lower case, with the kinds it has in any
/// language (a bit set: "cap" is a Spanish title and a chapter number).
fn abbreviations() -> &'static HashMap<String, u8> {
    static MAP: OnceLock<HashMap<String, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for line in include_str!("../../../data/lang/abbreviations.tsv").lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t').map(str::trim);
            let (Some(_lang), Some(abbr), Some(kind)) = (cols.next(), cols.next(), cols.next()) else { continue };
            let bit = match kind {
                "number" => NUMBER,
                "title" => TITLE,
                "other" => OTHER,
                "inner" => INNER,
                "acronym" => ACRONYM,
                _ => continue,
            };
            *map.entry(abbr.to_lowercase()).or_insert(0) |= bit;
        }
        map
    })
}

fn is_starter(w: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| crate::lang::function_words().chain(STARTERS.iter().flat_map(|l| l.split_whitespace())).collect()).contains(w)
}

fn is_particle(w: &str) -> bool {
    crate::lang::name_particle(w)
}

#[cfg(test)]
mod tests {

    #[test]
    fn letters_len_is_the_char_search() {
        for t in ["", "a", "Abc def", "São Paulo", "ñandú.", "x1", "año’s", "é", "The\u{301}x", "abc"] {
            assert_eq!(super::letters_len(t), t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len()), "{t:?}");
        }
    }

    #[test]
    fn word_scan_finds_what_the_table_does() {
        let text = "A line.\nNo! Why? “Quoted” … and é, ñ. 7.6 — end.\n\n".as_bytes();
        let bytes: Vec<u8> = (0..=255u8).chain(text.iter().copied()).chain(0..=255u8).collect();
        for b in [text, &bytes[..]] {
            for from in 0..=b.len() {
                let want = b.get(from..).and_then(|r| r.iter().position(|&c| super::INTERESTING[usize::from(c)])).map(|n| from + n);
                assert_eq!(super::next_interesting(b, from), want, "{from}");
            }
        }
    }
}
