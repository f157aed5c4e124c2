//! Dates in en/es/pt text, as ISO 8601 prefixes with a precision (ONTOLOGY.md).
//!
//! One pass finds anchors (digit runs, and month names, weekdays and relative-date words through
//! one Aho-Corasick automaton); each anchor is parsed locally. Month names come from
//! `data/lang/months.tsv`; every other vocabulary (fuzzy cues, decades, relative dates, weekdays,
//! the words that make a bare number a year) from `data/lang/numbers.tsv`.
//!
//! Rules for the ambiguous cases:
//! - A bare 4-digit number 1900-2099 is a year only after a word of `yearprep` ("in 2014", "desde
//!   2018", "em 2022", "the 2016 peace deal"), after a fuzzy cue, or at the start of a sentence or
//!   paragraph; not inside an identifier ("N.° 147-2023-DIRNIC"), a citation ("No 4. 2015"),
//!   before a unit ("2000 kilos") or after a currency sign.
//! - Numeric dates: ISO "2014-09-03" always; "03/09/2014" is day-first unless the document reads
//!   as English, where it is month-first (US usage); a part above 12 settles it either way.
//!   Day and month without a year ("(17/8)") are not read.
//! - Fuzzy dates keep the year written ("late 2014" → 2014, "mid-2019" → 2019, "late September
//!   2014" → 2014-09); decades keep their first year ("the 1990s", "los años noventa" → 1990), or the year
//!   their cue points to ("the early 2000s" → 2002, "the mid-1990s" → 1995, "late 1980s" → 1988).
//! - Abbreviated month names ("Sept.", "set.", "ene") need a year or a trailing period; the
//!   English names need a capital; a month alone ("in March") needs a preceding preposition and
//!   the reference date.
//! - Relative dates need `reference` (the document's date): "yesterday" is a day, "last week" and
//!   weekdays ("on Tuesday") are fuzzy with the year-month (with "este", "nesta", the weekday of
//!   the reference's own week: "este lunes" is a day), "last month" a month, "last year" a
//!   year; with a less precise reference the result is fuzzy at the reference's precision. A day
//!   and month without a year ("on 22 November") take the reference's year, or the year before
//!   when that month is after the reference's month. "N years earlier/later" count from the
//!   previous dated mention in the text (else the reference). "today"/"hoy"/"hoje" are not dates
//!   (they mostly mean "nowadays").
//! - Brazilian news puts the day after the weekday ("nesta terça-feira (12)", "na última sexta
//!   (8)"): that is an exact day near the reference, on that weekday. A day of the month alone
//!   ("no dia 3", "el pasado día 14") is in the reference's month, or the one before when the
//!   day is still to come ("no próximo dia 20": the one after when it is past).

use crate::quantities::lex::{self, Tok, char_at, char_before, fold, is_word, next_tok, prev_tok};
use crate::quantities::table;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 8601 prefix: "2014", "2014-09", "2014-09-03".
    pub value: String,
    pub precision: Precision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Year,
    Fuzzy,
}

#[derive(Clone, Copy, PartialEq)]
enum Anchor {
    Month,
    Weekday,
    Rel,
    Decade,
    Ago,
    AgoPre,
    Later,
    PrevRel,
    DayWord,
}

struct DLex {
    months: lex::FastMap<String, (u32, bool, bool)>, // folded name -> (month, abbreviation, english)
    words: lex::WordSet,
    kinds: Vec<Vec<Anchor>>,
}

/// The month a token names, folded in a stack buffer: (month, abbreviation, English).
fn month_of(tok: &str) -> Option<(u32, bool, bool)> {
    let mut buf = [0u8; 64];
    dlex().months.get(lex::fold_into(tok, &mut buf)?).copied()
}

/// Does a token name a month, in full or abbreviated?
pub(crate) fn is_month_word(tok: &str) -> bool {
    month_of(tok).is_some()
}

/// Does a token fold to one of `words`?
fn folds_to(tok: &str, words: &[&str]) -> bool {
    let mut buf = [0u8; 64];
    lex::fold_into(tok, &mut buf).is_some_and(|f| words.contains(&f))
}

/// The words the date finder looks for.
pub(crate) fn word_set() -> &'static lex::WordSet {
    &dlex().words
}

fn dlex() -> &'static DLex {
    static L: OnceLock<DLex> = OnceLock::new();
    L.get_or_init(|| {
        let mut months = lex::FastMap::default();
        let mut pats: Vec<(String, Anchor)> = Vec::new();
        for line in lex::MONTHS_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(m), Some(names)) = (cols.next(), cols.next()) else { continue };
            let Ok(m) = m.trim().parse::<u32>() else { continue };
            for (i, n) in names.split(',').enumerate() {
                let n = n.trim();
                let f = fold(n);
                // "may" is a month's full English name, not an abbreviation: "in May" is a date.
                let abbr = i > 0 && (f.chars().count() <= 3 || f == "sept");
                months.entry(f.clone()).or_insert((m, abbr, i == 0));
                pats.push((n.to_string(), Anchor::Month));
                pats.push((f, Anchor::Month));
            }
        }
        let q = crate::quantities::lex();
        let first = |kind: &str, a: Anchor, pats: &mut Vec<(String, Anchor)>, last: bool| {
            for e in &q.table(kind).entries {
                let words: Vec<&str> = e.phrase.split(' ').collect();
                let w = if last { words[words.len() - 1] } else { words[0] };
                pats.push((w.to_string(), a));
                pats.push((fold(w), a));
            }
        };
        first("weekday", Anchor::Weekday, &mut pats, false);
        first("wdshort", Anchor::Weekday, &mut pats, false);
        first("dayword", Anchor::DayWord, &mut pats, true);
        first("rel", Anchor::Rel, &mut pats, true);
        first("decade", Anchor::Decade, &mut pats, true);
        first("ago", Anchor::Ago, &mut pats, false);
        first("agopre", Anchor::AgoPre, &mut pats, false);
        first("later", Anchor::Later, &mut pats, true);
        // Anchored on their longest word ("previous", "anterior"), not on "year", which most
        // texts write far more often than these phrases.
        for e in &q.table("prevrel").entries {
            if let Some(w) = e.phrase.split(' ').max_by_key(|w| w.chars().count()) {
                pats.push((w.to_string(), Anchor::PrevRel));
                pats.push((fold(w), Anchor::PrevRel));
            }
        }
        // One pattern, every kind it anchors ("ago": August in Spanish, and "two years ago").
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut strs = Vec::new();
        let mut kinds: Vec<Vec<Anchor>> = Vec::new();
        for (p, a) in pats {
            let p = fold(&p);
            if p.is_empty() {
                continue;
            }
            match seen.get(&p) {
                Some(&i) => {
                    if !kinds[i].contains(&a) {
                        kinds[i].push(a);
                    }
                }
                None => {
                    seen.insert(p.clone(), strs.len());
                    strs.push(p);
                    kinds.push(vec![a]);
                }
            }
        }
        let words = lex::WordSet::new(strs.iter().enumerate().map(|(i, p)| (p.clone(), i as u32)));
        DLex { months, words, kinds }
    })
}

#[derive(Clone, Copy, Debug)]
struct Ref {
    y: i32,
    m: Option<u32>,
    d: Option<u32>,
}

fn parse_ref(s: &str) -> Option<Ref> {
    let s = s.trim();
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7).and_then(|x| x.parse().ok()).filter(|m| (1..=12).contains(m));
    let d = if m.is_some() { s.get(8..10).and_then(|x| x.parse().ok()).filter(|d| (1..=31).contains(d)) } else { None };
    Some(Ref { y, m, d })
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> String {
    let mut s = yyyy(y);
    s.push('-');
    push_padded(&mut s, m.into(), 2);
    s.push('-');
    push_padded(&mut s, d.into(), 2);
    s
}
fn ym(y: i32, m: u32) -> String {
    let mut s = yyyy(y);
    s.push('-');
    push_padded(&mut s, m.into(), 2);
    s
}

/// A year as `format!("{y:04}")` writes it.
fn yyyy(y: impl Into<i64>) -> String {
    let mut s = String::with_capacity(10);
    push_padded(&mut s, y.into(), 4);
    s
}

/// `v` with zeros before it up to `width` digits, as `{v:0width$}`: digit by digit for the
/// values dates have, by the formatting machinery (slower) for the others.
fn push_padded(out: &mut String, v: i64, width: u32) {
    use std::fmt::Write;
    if width > 4 || !(0..10i64.pow(width)).contains(&v) {
        let _ = write!(out, "{v:0width$}", width = width as usize);
        return;
    }
    // The digits from the last, into a buffer read forwards.
    let mut digits = [b'0'; 4];
    let mut rest = v;
    for d in digits[..width as usize].iter_mut().rev() {
        *d += (rest % 10) as u8;
        rest /= 10;
    }
    digits[..width as usize].iter().for_each(|&d| out.push(char::from(d)));
}

fn mention(text: &str, start: usize, end: usize, value: String, precision: Precision) -> DateMention {
    DateMention { text: text[start..end].to_string(), start, end, value, precision }
}

fn valid_year(y: i64) -> bool {
    (1800..=2099).contains(&y)
}

/// A 4-digit year token right at `tok`: its value.
fn year_tok(text: &str, tok: Tok) -> Option<i32> {
    if tok.end - tok.start != 4 || !tok.is_digits(text) {
        return None;
    }
    // not part of a bigger number: "2014,5", "2014.000"
    let b = text.as_bytes();
    if matches!(b.get(tok.end), Some(b'.' | b',')) && b.get(tok.end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = tok.s(text).parse().ok()?;
    valid_year(y as i64).then_some(y)
}

/// A day-of-month token: "3", "03", "3rd", "1º", "1o".
fn day_tok(text: &str, tok: Tok) -> Option<u32> {
    let s = tok.s(text);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &s[digits..];
    if !matches!(rest, "" | "st" | "nd" | "rd" | "th" | "º" | "°" | "o" | "ª" | "er") {
        return None;
    }
    let d: u32 = s[..digits].parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    // not the tail of a number ("2 146", "1,20")
    if let Some(c) = char_before(text, tok.start)
        && (c == '.' || c == ',' || c == '/' || c == '-' || c == ':')
        && char_before(text, tok.start - 1).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    // nor its head ("el 14 de marzo 2,3 toneladas": "2,3" is no day of March)
    if digits == s.len()
        && matches!(char_at(text, tok.end), Some('.' | ','))
        && text[tok.end + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some(d)
}

/// A month whose year is the previous date's ("en agosto del mismo año").
struct Pending {
    start: usize,
    end: usize,
    m: u32,
    d: Option<u32>,
}

struct Ctx<'a> {
    text: &'a str,
    r: Option<Ref>,
    lex: &'a lex::DocLex,
}

impl Ctx<'_> {
    fn lang(&mut self) -> u8 {
        self.lex.lang(self.text)
    }
    /// The year of a day-month or a month written without a year.
    fn year_for(&self, m: u32) -> Option<i32> {
        let r = self.r?;
        Some(match r.m {
            Some(rm) if m > rm => r.y - 1,
            _ => r.y,
        })
    }
}

pub fn find_dates(text: &str, reference: Option<&str>) -> Vec<DateMention> {
    find_dates_in(text, reference, &lex::DocLex::default())
}

/// `find_dates`, with what it reads of the document shared with the quantity finder.
pub(crate) fn find_dates_in(text: &str, reference: Option<&str>, doc: &lex::DocLex) -> Vec<DateMention> {
    let dl = dlex();
    let mut ctx = Ctx { text, r: reference.and_then(parse_ref), lex: doc };
    let mut found: Vec<DateMention> = Vec::new();
    let mut later: Vec<(usize, usize, i64, &'static str)> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    // digit runs
    for &(s, e) in doc.digit_runs(text) {
        if let Some(m) = from_digits(text, s, e, &mut ctx) {
            found.push(m);
        }
    }
    for &(tok, v) in doc.words(text, lex::DATE_WORDS) {
        let (s, e) = (tok.start, tok.end);
        let _ = s;
        for &kind in &dl.kinds[v as usize] {
            let got = match kind {
                Anchor::Month => from_month(text, tok, &mut ctx, &mut pending),
                Anchor::Weekday => from_weekday(text, tok, &ctx),
                Anchor::DayWord => from_dayword(text, tok, &ctx),
                Anchor::Rel => from_rel(text, tok, &ctx),
                Anchor::Decade => table!("decade").match_back(text, e).filter(|h| h.end == e).map(|h| {
                    // "a finales de los años ochenta" → 1988, as "the late 1980s"
                    let cue = table!("fuzzy").match_back(text, article_before(text, h.start));
                    let start = cue.as_ref().map_or(h.start, |f| f.start);
                    let year = h.e.num as i32 + cue.map_or(0, |f| f.e.num as i32);
                    mention(text, start, e, yyyy(year), Precision::Fuzzy)
                }),
                Anchor::Ago => from_ago(text, tok, &ctx),
                Anchor::AgoPre => from_agopre(text, tok, &ctx),
                Anchor::Later => {
                    if let Some(h) = table!("later").match_back(text, e).filter(|h| h.end == e && !relative_to_event(text, e))
                        && let Some((ns, n, unit)) = amount_before(text, h.start)
                    {
                        later.push((ns, e, n * h.e.num as i64, unit));
                    }
                    None
                }
                Anchor::PrevRel => {
                    // The anchor ends the phrase ("the year before") or comes before its last
                    // word ("the previous year").
                    let ends = [Some(e), next_tok(text, e).map(|t| t.end)];
                    let hit = ends.into_iter().flatten().find_map(|end| {
                        table!("prevrel").match_back(text, end).filter(|h| h.end == end && h.start <= s && !relative_to_event(text, end))
                    });
                    if let Some(h) = hit
                        && let Some((unit, n)) = h.e.val.split_once(':')
                        && let Ok(n) = n.parse::<i64>()
                    {
                        later.push((h.start, h.end, n, if unit == "month" { "month" } else { "year" }));
                    }
                    None
                }
            };
            if let Some(g) = got {
                found.push(g);
                break;
            }
        }
    }
    let mut kept = dedupe(found);
    if !later.is_empty() || !pending.is_empty() {
        let mut extra = Vec::new();
        for p in pending {
            let anchor = kept.iter().rev().find(|m| m.end <= p.start && m.value.len() >= 4).map(|m| m.value[..4].to_string());
            let Some(y) = anchor.and_then(|a| a.parse::<i32>().ok()).or(ctx.r.map(|r| r.y)) else { continue };
            match p.d {
                Some(d) if d <= days_in_month(y, p.m) => extra.push(mention(text, p.start, p.end, ymd(y, p.m, d), Precision::Day)),
                Some(_) => {}
                None => extra.push(mention(text, p.start, p.end, ym(y, p.m), Precision::Month)),
            }
        }
        for (s, e, n, unit) in later {
            let anchor = kept.iter().rev().find(|m| m.end <= s && m.value.len() >= 4).map(|m| m.value.clone());
            let base = match anchor {
                Some(v) => parse_ref(&v),
                None => ctx.r,
            };
            if let Some(base) = base
                && let Some((v, p)) = shift(base, unit, n)
            {
                extra.push(mention(text, s, e, v, if unit == "week" { Precision::Fuzzy } else { p }));
            }
        }
        kept.extend(extra);
        kept = dedupe(kept);
    }
    kept
}

/// "two years later", "the year before", not "nove meses depois de <an event>", "the year
/// before the election": what follows makes the phrase count from an event, not a date.
fn relative_to_event(text: &str, end: usize) -> bool {
    next_tok(text, end).is_some_and(|n| {
        let f = fold(n.s(text));
        crate::quantities::lex().table("u:link").contains_word(&f) || matches!(f.as_str(), "que" | "than" | "the")
    })
}

fn dedupe(mut v: Vec<DateMention>) -> Vec<DateMention> {
    v.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<DateMention> = Vec::with_capacity(v.len());
    for m in v {
        if out.last().is_some_and(|l| m.start < l.end) {
            continue;
        }
        out.push(m);
    }
    out
}

/// Shift a reference by `n` units; the value at the precision the unit and the base allow.
fn shift(r: Ref, unit: &str, n: i64) -> Option<(String, Precision)> {
    match unit {
        "year" => Some((yyyy(r.y as i64 + n), Precision::Year)),
        "month" => match r.m {
            Some(m) => {
                let (y, m) = months_after(r.y, m, n);
                Some((ym(y, m), Precision::Month))
            }
            None => Some((yyyy(r.y), Precision::Fuzzy)),
        },
        "week" | "day" => match (r.m, r.d) {
            (Some(m), Some(d)) => {
                let days = if unit == "week" { 7 * n } else { n };
                let (y, m, d) = civil_from_days(days_from_civil(r.y, m, d) + days);
                if unit == "week" { Some((ym(y, m), Precision::Fuzzy)) } else { Some((ymd(y, m, d), Precision::Day)) }
            }
            (Some(m), None) => Some((ym(r.y, m), Precision::Fuzzy)),
            _ => Some((yyyy(r.y), Precision::Fuzzy)),
        },
        _ => None,
    }
}

/// "<n> <period>" ending right before `pos`: (start, n, unit).
fn amount_before(text: &str, pos: usize) -> Option<(usize, i64, &'static str)> {
    let p = prev_tok(text, pos)?;
    let period = table!("period").match_back(text, p.end)?;
    let unit: &'static str = match period.e.val.as_str() {
        "year" => "year",
        "month" => "month",
        "week" => "week",
        _ => "day",
    };
    let nt = prev_tok(text, period.start)?;
    let n = small_number(text, nt)?;
    Some((nt.start, n, unit))
}

fn small_number(text: &str, tok: Tok) -> Option<i64> {
    if tok.is_digits(text) {
        let n: i64 = tok.s(text).parse().ok()?;
        return (n <= 200).then_some(n);
    }
    if let Some(h) = table!("num").match_fwd_tok(text, tok)
        && h.end == tok.end
    {
        return Some(h.e.num as i64);
    }
    if table!("article").match_fwd_tok(text, tok).is_some() {
        return Some(1);
    }
    None
}

fn from_ago(text: &str, tok: Tok, ctx: &Ctx) -> Option<DateMention> {
    let r = ctx.r?;
    let (s, n, unit) = amount_before(text, tok.start)?;
    let (v, p) = shift(r, unit, -n)?;
    Some(mention(text, s, tok.end, v, p))
}

fn from_agopre(text: &str, tok: Tok, ctx: &Ctx) -> Option<DateMention> {
    let r = ctx.r?;
    let nt = next_tok(text, tok.end)?;
    let n = small_number(text, nt)?;
    let pt = next_tok(text, nt.end)?;
    let period = table!("period").match_fwd_tok(text, pt)?;
    let unit = match period.e.val.as_str() {
        "year" => "year",
        "month" => "month",
        "week" => "week",
        _ => "day",
    };
    let (v, p) = shift(r, unit, -n)?;
    Some(mention(text, tok.start, period.end, v, p))
}

fn from_rel(text: &str, tok: Tok, ctx: &Ctx) -> Option<DateMention> {
    let r = ctx.r?;
    let h = table!("rel").match_back(text, tok.end).filter(|h| h.end == tok.end)?;
    let (unit, n) = h.e.val.split_once(':')?;
    let n: i64 = n.parse().ok()?;
    let (v, p) = match unit {
        "week" => {
            let (v, _) = shift(r, "week", n)?;
            (v, Precision::Fuzzy)
        }
        "day" => shift(r, "day", n)?,
        "month" => shift(r, "month", n)?,
        _ => shift(r, "year", n)?,
    };
    // "at the end of last year", "a finales del año pasado", "em meados do ano passado"
    if unit == "year"
        && let Some(f) = table!("fuzzy").match_back(text, h.start).filter(|f| !approximate(f.e))
    {
        return Some(mention(text, f.start, h.end, v, Precision::Fuzzy));
    }
    Some(mention(text, h.start, h.end, v, p))
}

/// A fuzzy cue that says "about" ("around", "circa"): it makes a year fuzzy, but not a month or
/// a relative date, which are already as precise as the text.
fn approximate(e: &lex::Entry) -> bool {
    matches!(e.phrase.as_str(), "about" | "around" | "alrededor de" | "hacia" | "circa")
}

fn from_weekday(text: &str, tok: Tok, ctx: &Ctx) -> Option<DateMention> {
    let r = ctx.r?;
    let (h, short) = match table!("weekday").match_fwd_tok(text, tok) {
        Some(h) => (h, false),
        None => (table!("wdshort").match_fwd_tok(text, tok)?, true),
    };
    let wd = h.e.num as i64;
    let cue = table!("wdcue").match_back(text, h.start);
    // Brazilian news gives the day of the month after the weekday: "nesta terça-feira (12)",
    // "na última sexta (8)". That day is exact, even for the short forms ("sexta").
    if let Some((day, end)) = paren_day(text, h.end) {
        let start = cue.as_ref().map_or(h.start, |c| c.start);
        return Some(mention(text, start, end, day_near(r, day, wd)?, Precision::Day));
    }
    if short {
        return None;
    }
    let english = h.e.langs == lex::EN;
    let capital = tok.s(text).chars().next().is_some_and(char::is_uppercase);
    if cue.is_none() && !(english && capital) {
        return None;
    }
    // part of a full date: "Tuesday, September 17, 2024", "el sábado 3 de junio"
    let mut n = next_tok(text, h.end);
    if n.is_some_and(|n| n.s(text) == ",") {
        n = n.and_then(|n| next_tok(text, n.end));
    }
    if let Some(n) = n
        && (day_tok(text, n).is_some() || month_of(n.s(text)).is_some())
    {
        return None;
    }
    let start = cue.as_ref().map_or(h.start, |c| c.start);
    let this_week = cue.as_ref().is_some_and(|c| c.e.num == 1.0);
    let (v, p) = match (r.m, r.d) {
        (Some(m), Some(d)) if this_week => {
            let days = days_from_civil(r.y, m, d);
            let (y, m, d) = civil_from_days(days - (weekday_of(days) - wd));
            (ymd(y, m, d), Precision::Day)
        }
        (Some(m), Some(d)) => {
            let days = days_from_civil(r.y, m, d);
            let back = (weekday_of(days) - wd).rem_euclid(7);
            let (y, m, _) = civil_from_days(days - back);
            (ym(y, m), Precision::Fuzzy)
        }
        (Some(m), None) => (ym(r.y, m), Precision::Fuzzy),
        _ => (yyyy(r.y), Precision::Fuzzy),
    };
    Some(mention(text, start, h.end, v, p))
}

/// "(12)" right after `pos`: the day and the end of the closing parenthesis.
fn paren_day(text: &str, pos: usize) -> Option<(u32, usize)> {
    let open = next_tok(text, pos).filter(|o| o.s(text) == "(")?;
    let d = next_tok(text, open.end).filter(|d| d.is_digits(text) && d.end - d.start <= 2)?;
    let close = next_tok(text, d.end).filter(|c| c.s(text) == ")" && c.start == d.end)?;
    let day: u32 = d.s(text).parse().ok()?;
    (1..=31).contains(&day).then_some((day, close.end))
}

/// The year and month `n` months after `m` of `y` (before, when `n` is negative).
fn months_after(y: i32, m: u32, n: i64) -> (i32, u32) {
    let k = y as i64 * 12 + (m as i64 - 1) + n;
    (k.div_euclid(12) as i32, (k.rem_euclid(12) + 1) as u32)
}

/// The weekday (1 = Monday .. 7 = Sunday) of a day counted from 1970-01-01, a Thursday.
fn weekday_of(days: i64) -> i64 {
    (days + 3).rem_euclid(7) + 1
}

/// The date with day of month `day` nearest the reference, in its month, the one before or the
/// one after, preferring one that falls on `weekday` (1 = Monday). A reference without a month
/// gives nothing; one without a day, its own month.
fn day_near(r: Ref, day: u32, weekday: i64) -> Option<String> {
    let m = r.m?;
    let Some(rd) = r.d else {
        return (day <= days_in_month(r.y, m)).then(|| ymd(r.y, m, day));
    };
    let at = days_from_civil(r.y, m, rd);
    [-1, 0, 1]
        .into_iter()
        .map(|n| months_after(r.y, m, n))
        .filter(|&(y, m)| day <= days_in_month(y, m))
        .min_by_key(|&(y, m)| {
            let z = days_from_civil(y, m, day);
            (weekday_of(z) != weekday, (z - at).abs())
        })
        .map(|(y, m)| ymd(y, m, day))
}

/// "no dia 3", "el pasado día 14", "no próximo dia 20": a day of the reference's month, or of
/// the month before when that day is still to come (after "próximo", of the month after when it
/// is past). Not "dia 3 de março" (the month finder reads it) nor "dia 3 de cada mês".
fn from_dayword(text: &str, tok: Tok, ctx: &Ctx) -> Option<DateMention> {
    let r = ctx.r?;
    let (rm, rd) = (r.m?, r.d?);
    let h = table!("dayword").match_back(text, tok.end).filter(|h| h.end == tok.end)?;
    let n = next_tok(text, tok.end)?;
    let day = day_tok(text, n)?;
    if next_tok(text, n.end).is_some_and(|x| {
        let f = fold(x.s(text));
        matches!(f.as_str(), "de" | "del" | "do" | "da" | "/" | "-") || dlex().months.contains_key(&f)
    }) {
        return None;
    }
    let shift = match (h.e.num as i32 == 1, day > rd) {
        (false, true) => -1,
        (true, false) if day < rd => 1,
        _ => 0,
    };
    let (y, m) = months_after(r.y, rm, shift);
    let start = table!("wdcue").match_back(text, h.start).map_or(h.start, |c| c.start);
    (day <= days_in_month(y, m)).then(|| mention(text, start, n.end, ymd(y, m, day), Precision::Day))
}

fn from_month(text: &str, tok: Tok, ctx: &mut Ctx, pending: &mut Vec<Pending>) -> Option<DateMention> {
    let word = tok.s(text);
    let (m, abbr, english) = month_of(word)?;
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    if english && !capital {
        return None;
    }
    if abbr && !capital && word.chars().count() <= 3 && fold(word) != word.to_lowercase() {
        return None;
    }
    let mut end = tok.end;
    let mut dotted = false;
    if abbr && let Some(d) = next_tok(text, end).filter(|d| d.s(text) == "." && d.start == end) {
        end = d.end;
        dotted = true;
    }
    // forwards: "September 3, 2014", "September 3", "September, 2014", "septiembre de 2014"
    let mut day: Option<(u32, usize)> = None; // (day, start) when the day comes first
    let mut year: Option<i32> = None;
    let mut after_day: Option<u32> = None;
    if let Some(n) = next_tok(text, end) {
        if let Some(d) = day_tok(text, n)
            && (!n.s(text).bytes().all(|c| c.is_ascii_digit()) || n.end - n.start <= 2)
        {
            let mut e2 = n.end;
            let mut nn = next_tok(text, e2);
            if nn.is_some_and(|x| x.s(text) == ",") {
                nn = nn.and_then(|x| next_tok(text, x.end));
            }
            if let Some(y) = nn.and_then(|x| year_tok(text, x))
                && !year_blocked_after(text, nn.unwrap().end)
            {
                e2 = nn.unwrap().end;
                year = Some(y);
            }
            if year.is_some() || !abbr || dotted {
                after_day = Some(d);
                end = e2;
            }
        }
        if after_day.is_none() {
            let mut nn = Some(n);
            if n.s(text) == "," || folds_to(n.s(text), &["de", "del", "of"]) {
                nn = next_tok(text, n.end);
            }
            if let Some(y) = nn.and_then(|x| year_tok(text, x))
                && !year_blocked_after(text, nn.unwrap().end)
            {
                year = Some(y);
                end = nn.unwrap().end;
            }
        }
    }
    // "between January and March 2024", "de enero a marzo de 2024": the range's year.
    if year.is_none() && after_day.is_none() {
        year = range_year(text, end);
    }
    // "febrero de este año", "en agosto del mismo año", "em agosto do mesmo ano"
    let mut same_year = false;
    if year.is_none()
        && !abbr
        && let Some(h) = table!("sameyear").match_fwd(text, end)
    {
        if h.e.val == "ref" || h.e.val == "prev" {
            year = Some(ctx.r?.y - i32::from(h.e.val == "prev"));
            end = h.end;
            same_year = true;
        } else {
            let start = day.map_or(tok.start, |x| x.1);
            pending.push(Pending { start, end: h.end, m, d: after_day.or(day.map(|x| x.0)) });
            return None;
        }
    }
    let _ = same_year;
    if year.is_none() {
        if abbr && !dotted || (table!("monthword").contains_word(word) && fold(word) == word && !capital) {
            return None;
        }
        // Spanish and Portuguese month names are written in lower case: a capital inside a
        // sentence is a name ("Rio de Janeiro", "El Mayo", "Av. 9 de Octubre"). A dotted
        // abbreviation with its day after it is English news style ("on Dec. 4").
        let english_style = dotted && after_day.is_some();
        if !english && !english_style && capital && !sentence_start(text, tok.start) {
            return None;
        }
    }
    let mut start = tok.start;
    // backwards: "3 September", "14 de marzo", "the 3rd of September"
    if after_day.is_none()
        && let Some(p) = prev_tok(text, tok.start)
    {
        if folds_to(p.s(text), &["de", "of"]) {
            if let Some(dt) = prev_tok(text, p.start)
                && let Some(d) = day_tok(text, dt)
            {
                day = Some((d, dt.start));
            }
        } else if let Some(d) = day_tok(text, p) {
            day = Some((d, p.start));
        }
    }
    let d = after_day.or(day.map(|x| x.0));
    if let Some((_, s)) = day {
        start = s;
    }
    let fuzzy = if d.is_none() { table!("fuzzy").match_back(text, start) } else { None };
    let fuzzy = fuzzy.filter(|f| !approximate(f.e));
    match (d, year) {
        (Some(d), Some(y)) => (d <= days_in_month(y, m)).then(|| mention(text, start, end, ymd(y, m, d), Precision::Day)),
        (None, Some(y)) => match fuzzy {
            Some(f) => Some(mention(text, f.start, end, ym(y, m), Precision::Fuzzy)),
            None => Some(mention(text, start, end, ym(y, m), Precision::Month)),
        },
        (Some(d), None) => {
            let y = ctx.year_for(m)?;
            (d <= days_in_month(y, m)).then(|| mention(text, start, end, ymd(y, m, d), Precision::Day))
        }
        (None, None) => {
            if abbr {
                return None;
            }
            let y = ctx.year_for(m)?;
            if let Some(f) = fuzzy {
                return Some(mention(text, f.start, end, ym(y, m), Precision::Fuzzy));
            }
            let p = table!("monthprep").match_back(text, start)?;
            // "January to March", "enero y marzo", not "Theresa May and May Day"
            if p.e.num == 1.0 && prev_tok(text, p.start).is_none_or(|t| month_of(t.s(text)).is_none()) {
                return None;
            }
            Some(mention(text, start, end, ym(y, m), Precision::Month))
        }
    }
}

/// The year of a range of months that ends at a month with a year: what follows `end` is a range
/// word, a month name, and its year ("… and March 2024", "… a marzo de 2024", "…–March 2024").
fn range_year(text: &str, end: usize) -> Option<i32> {
    let joint = next_tok(text, end)?;
    if !table!("monthrange").contains_word(joint.s(text)) {
        return None;
    }
    let month = next_tok(text, joint.end)?;
    let (_, abbr, _) = month_of(month.s(text))?;
    let mut n = next_tok(text, month.end)?;
    if abbr && n.s(text) == "." {
        n = next_tok(text, n.end)?;
    }
    if n.s(text) == "," || folds_to(n.s(text), &["de", "del", "of"]) {
        n = next_tok(text, n.end)?;
    }
    year_tok(text, n).filter(|_| !year_blocked_after(text, n.end))
}

/// A year followed by a unit is a quantity ("2000 kilos"), or a range to an identifier.
fn year_blocked_after(text: &str, end: usize) -> bool {
    year_blocked(text, end, || crate::quantities::lex().vocab.word_after(text, end))
}

/// `year_blocked_after`, given the word after `end` (read only if needed).
fn year_blocked(text: &str, end: usize, after: impl FnOnce() -> Option<lex::Word>) -> bool {
    let b = text.as_bytes();
    match b.get(end) {
        Some(b'-' | b'/' | b':') => {
            b.get(end + 1).is_some_and(|c| c.is_ascii_alphanumeric()) && !(b[end] == b'-' && b.get(end + 1).is_some_and(u8::is_ascii_digit))
        }
        _ => crate::quantities::unit_class_of(text, after()) == Some("measure"),
    }
}

/// Can a run of digits be a year (1800-2099) or a decade ("1990s", "'90s", "años 80")? Every
/// other run, most of them, is rejected before any word around it is looked up.
fn maybe_year_or_decade(digits: &[u8]) -> bool {
    if digits.len() != 2 && digits.len() != 4 {
        return false;
    }
    let v = digits.iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
    match digits.len() {
        2 => v % 10 == 0,
        4 => (1800..=2099).contains(&v),
        _ => false,
    }
}

fn from_digits(text: &str, s: usize, e: usize, ctx: &mut Ctx) -> Option<DateMention> {
    let b = text.as_bytes();
    let len = e - s;
    let prev = char_before(text, s);
    // numeric dates
    if let Some(m) = numeric_date(text, s, e, ctx) {
        return Some(m);
    }
    if !maybe_year_or_decade(&b[s..e]) {
        return None;
    }
    // The word before the run, read by every cue table below with one look-up.
    let vocab = &crate::quantities::lex().vocab;
    let before = vocab.word_before(text, s);
    let cue_before = |t: &'static lex::Table| before.and_then(|w| t.back(text, w));
    // glued to a word or inside a number / identifier
    if let Some(c) = prev {
        if is_word(c) {
            return None;
        }
        if matches!(c, '.' | ',' | '/' | ':' | '$' | '€' | '£') || c == '-' && char_before(text, s - 1).is_some_and(is_word) {
            let mid = c == '-' && cue_before(table!("fuzzy")).is_some_and(|f| f.e.toks.last().is_some_and(|x| x == "-"));
            // the second year of "2019-2020"
            let span = c == '-'
                && s >= 5
                && text.as_bytes()[s - 5..s - 1].iter().all(u8::is_ascii_digit)
                && (s < 6 || !text.as_bytes()[s - 6].is_ascii_alphanumeric());
            if !mid && !span {
                return None;
            }
        }
    }
    if cue_before(table!("id")).is_some()
        || cue_before(table!("u:currency")).is_some_and(|h| h.end == s || text[h.end..s].trim().is_empty())
    {
        return None;
    }
    let next = char_at(text, e);
    // decades: "1990s", "the 1990's", "the '90s", "años 90"
    let decade_s = match (next, b.get(e + 1), b.get(e + 2)) {
        (Some('s'), n, _) if !n.is_some_and(|c| c.is_ascii_alphanumeric()) => Some(e + 1),
        (Some('\'' | '’'), _, _) => {
            let q = e + next.unwrap().len_utf8();
            (b.get(q) == Some(&b's') && !b.get(q + 1).is_some_and(|c| c.is_ascii_alphanumeric())).then_some(q + 1)
        }
        _ => None,
    };
    let tok = Tok { start: s, end: e };
    if let Some(de) = decade_s {
        let v: i32 = text[s..e].parse().ok()?;
        let year = match len {
            4 if v % 10 == 0 && valid_year(v as i64) => v,
            2 if v % 10 == 0 => {
                if v >= 30 {
                    1900 + v
                } else {
                    2000 + v
                }
            }
            _ => return None,
        };
        let mut start = s;
        if len == 2 && matches!(prev, Some('\'' | '’')) {
            start -= prev.unwrap().len_utf8();
        }
        let fuzzy = table!("fuzzy").match_back(text, start);
        let year = year + fuzzy.as_ref().map_or(0, |f| f.e.num as i32);
        let start = fuzzy.map_or(start, |f| f.start);
        return Some(mention(text, start, de, yyyy(year), Precision::Fuzzy));
    }
    if len == 2 && !next.is_some_and(is_word) {
        if let Some(h) = cue_before(table!("decadepre")) {
            let v: i32 = text[s..e].parse().ok()?;
            if v % 10 == 0 {
                let year = if v >= 30 { 1900 + v } else { 2000 + v };
                // "a finales de los años 80": the cue may stand before an article.
                let fuzzy = table!("fuzzy").match_back(text, article_before(text, h.start));
                let year = year + fuzzy.as_ref().map_or(0, |f| f.e.num as i32);
                let start = fuzzy.map_or(h.start, |f| f.start);
                return Some(mention(text, start, e, yyyy(year), Precision::Fuzzy));
            }
        }
        return None;
    }
    let y = year_tok(text, tok)?;
    if !(1900..=2099).contains(&y) {
        return None;
    }
    // The word after the year, read for units with one look-up.
    let after = vocab.word_after(text, e);
    if next.is_some_and(is_word) || year_blocked(text, e, || after) {
        return None;
    }
    if matches!(next, Some('.' | ',')) && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if let Some(f) = cue_before(table!("fuzzy"))
        && (!(f.e.phrase == "about" || f.e.phrase == "around") || crate::quantities::unit_class_of(text, after).is_none())
    {
        return Some(mention(text, f.start, e, yyyy(y), Precision::Fuzzy));
    }
    if let Some(h) = cue_before(table!("decadepre")) {
        if h.e.phrase.starts_with("déc") {
            return Some(mention(text, s, e, yyyy(y - y % 10), Precision::Fuzzy));
        }
        // "los años 2000", "no final dos anos 1990": a decade after an article, its cue before
        let at = article_before(text, h.start);
        if y % 10 == 0 && at < h.start {
            let fuzzy = table!("fuzzy").match_back(text, at);
            let year = y + fuzzy.as_ref().map_or(0, |f| f.e.num as i32);
            let start = fuzzy.map_or(h.start, |f| f.start);
            return Some(mention(text, start, e, yyyy(year), Precision::Fuzzy));
        }
    }
    let counted = crate::quantities::unit_class_of(text, after) == Some("count");
    // the second year of "2019-2020", "2021–2022", "2009 a 2018"
    let after_year = before.is_some_and(|p| {
        matches!(p.tok.s(text), "-" | "–" | "—" | "/") && prev_tok(text, p.tok.start).is_some_and(|y| year_tok(text, y).is_some())
    });
    let prep = after_year || cue_before(table!("yearprep")).is_some();
    if prep {
        return Some(mention(text, s, e, yyyy(y), Precision::Year));
    }
    if counted {
        return None;
    }
    sentence_start(text, s).then(|| mention(text, s, e, yyyy(y), Precision::Year))
}

/// Where a definite article right before `pos` starts ("los", "dos", "the"), else `pos`.
fn article_before(text: &str, pos: usize) -> usize {
    prev_tok(text, pos)
        .filter(|a| matches!(a.s(text), "los" | "las" | "os" | "as" | "dos" | "das" | "nos" | "the"))
        .map_or(pos, |a| a.start)
}

/// Is `pos` the start of a paragraph, or of a sentence after a word ("… drug. 2014 was")? Not after
/// a number ("No 4. 2015").
fn sentence_start(text: &str, pos: usize) -> bool {
    match prev_tok(text, pos) {
        None => true,
        Some(p) => {
            matches!(p.s(text), "." | "!" | "?")
                && char_before(text, p.start).is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | '"' | '”' | '\''))
        }
    }
}

/// "2014-09-03", "03/09/2014", "17.08.2023", "17-08-2023".
fn numeric_date(text: &str, s: usize, e: usize, ctx: &mut Ctx) -> Option<DateMention> {
    let b = text.as_bytes();
    let sep = *b.get(e)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    if char_before(text, s).is_some_and(|c| is_word(c) || matches!(c, '/' | '-' | '.' | ',')) {
        return None;
    }
    let run = |i: usize| {
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let e2 = run(e + 1);
    if e2 == e + 1 || b.get(e2) != Some(&sep) {
        return None;
    }
    let e3 = run(e2 + 1);
    if e3 == e2 + 1
        || char_at(text, e3).is_some_and(is_word)
        || (matches!(b.get(e3), Some(b'-' | b'/' | b'.')) && b.get(e3 + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    let a: u32 = text[s..e].parse().ok()?;
    let m2: u32 = text[e + 1..e2].parse().ok()?;
    let c: u32 = text[e2 + 1..e3].parse().ok()?;
    let (y, m, d) = if e - s == 4 && sep != b'.' {
        (a as i32, m2, c)
    } else if e3 - (e2 + 1) == 4 && e - s <= 2 && e2 - (e + 1) <= 2 {
        // day-first, unless the month cannot come second, or English text writes month/day
        let month_first = a <= 12 && (m2 > 12 || (sep == b'/' && ctx.lang() == lex::EN));
        let (d, m) = if month_first { (m2, a) } else { (a, m2) };
        (c as i32, m, d)
    } else {
        return None;
    };
    if !(1900..=2099).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(mention(text, s, e3, ymd(y, m, d), Precision::Day))
}

#[cfg(test)]
mod tests {
    use super::{ym, ymd, yyyy};

    /// The date values are written as `format!` writes them, inside the usual range and out.
    #[test]
    fn values_are_written_as_format_writes_them() {
        for y in [-12345i64, -1, 0, 7, 99, 1999, 2024, 9999, 10000, 123456] {
            assert_eq!(yyyy(y), format!("{y:04}"));
        }
        for (y, m, d) in [(2014, 9, 3), (-5, 12, 31), (12345, 1, 1), (0, 0, 0)] {
            assert_eq!(ymd(y, m, d), format!("{y:04}-{m:02}-{d:02}"));
            assert_eq!(ym(y, m), format!("{y:04}-{m:02}"));
        }
    }
}
