//! Quantities in en/es/pt text: amounts of drugs, money, land, people and things, normalized to
//! the units of ONTOLOGY.md (kg, kg/yr, USD or the ISO currency code, ha, l, percent, people,
//! count) with a bound and, when written right after, the span of what is measured.
//!
//! One pass finds candidate numbers (digit runs, and number words through one Aho-Corasick
//! automaton); each candidate is then parsed locally: the number (both decimal conventions,
//! space-grouped thousands, number words, multipliers), a currency sign before it, a unit after
//! it, what it measures ("of cocaine"), a rate ("per year"), a bound cue before it, and a range.
//! Every vocabulary lives in `data/lang/numbers.tsv` and `data/lang/units.tsv`.
//!
//! Rules for the ambiguous cases:
//! - A number is a quantity only with a unit, a currency, a people noun or a counted noun from
//!   units.tsv; a bare number ("Frente 33", "41," as an age) is none. Number words only combine
//!   with a unit of their language, and articles ("a", "un", "um") count as 1 only before a
//!   multiplier ("a dozen", "un millón"): "una tonelada" is not extracted.
//! - A digit glued after a letter or after punctuation that follows a letter ("Belgium.2",
//!   "year,3"), or inside an identifier ("N.° 147-2023", "HC-144", "Ley 30077"), is not a number.
//! - One separator followed by exactly three digits groups thousands ("2,146", "3.500" = 3500),
//!   otherwise it is the decimal mark ("7.6", "1,9"); with both marks the last one is decimal.
//!   A single space (or no-break space) groups thousands after a group of 1-3 digits ("2 146").
//! - Ranges ("60 to 150 fighters", "entre 15 000 y 25 000 personas", "between US$10 million and
//!   US$20 million") give two quantities: the low end `at_least`, the high end `at_most`; the low
//!   end borrows the unit and multiplier of the high end when it has none.
//! - Vague magnitudes ("hundreds of kilos", "miles de personas", "several hundred troops") are
//!   read, so their words are not taken for other numbers, but not reported: they carry no
//!   figure an analyst could cite or compare.
//! - Bare "$" and "dollars" are USD, except in Spanish or Portuguese text whose most cited country
//!   uses pesos (Colombia, Mexico, Chile, ...): then the local peso. Unqualified "pesos" take that
//!   country's code, MXN when no country is cited. The country is the one the document's places,
//!   countries and agencies are in (the caller's `cited`), else the one its words cite most. "N million pounds" is GBP, other pounds are mass.
//! - Rates: per year/month/week/day turn kg, ha, l and money into yearly rates (kg/yr, USD/yr);
//!   a monthly rate is multiplied by 12. The span ends at the unit, or runs through the rate when
//!   one follows ("more than 200 tons of cocaine per year"). Years, times, dates, ordinals,
//!   durations and distances are not quantities.

use crate::text::ALNUM;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use lex::{ANY, Table, Word, char_at, char_before, fold, is_space, is_word, next_tok, prev_tok};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

pub(crate) mod lex;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The matched surface text, exactly `text[start..end]`.
    pub text: String,
    /// UTF-8 byte offsets into the input text.
    pub start: usize,
    pub end: usize,
    /// Normalized value: kg, kg/yr, USD (or the ISO currency code), ha, l, percent, people, count.
    pub value: f64,
    pub unit: String,
    pub bound: Bound,
    /// Byte span of the word(s) naming what is measured when written right after the quantity
    /// ("7.6 metric tons OF COCAINE", "2 toneladas DE COCAÍNA", "11 CONTAINERS"): the commodity is
    /// resolved against the knowledge base by the caller.
    pub measured: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    AtLeast,
    AtMost,
    Approx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Mass,
    Area,
    Volume,
    Percent,
    Money,
    People,
    Count,
}

impl Class {
    fn of(kind: &str) -> Option<Class> {
        Some(match kind {
            "mass" => Class::Mass,
            "area" => Class::Area,
            "volume" => Class::Volume,
            "percent" => Class::Percent,
            "money" | "currency" => Class::Money,
            "people" => Class::People,
            "count" => Class::Count,
            _ => return None,
        })
    }
    fn flows(self) -> bool {
        matches!(self, Class::Mass | Class::Area | Class::Volume | Class::Money)
    }
}

pub(crate) struct Lex {
    pub t: lex::FastMap<String, Table>,
    pub units: Table,
    pub mults: Table,
    pub words: lex::WordSet,
    /// The first and last tokens of every table above, for `Table::fwd` and `Table::back`.
    pub vocab: lex::Vocab,
    cue_ac: AhoCorasick,
    cue_codes: Vec<String>,
    stopsuffix: Vec<String>,
    participles: Vec<String>,
}

impl Lex {
    pub fn table(&self, kind: &str) -> &Table {
        static EMPTY: OnceLock<Table> = OnceLock::new();
        self.t.get(kind).unwrap_or_else(|| EMPTY.get_or_init(Table::default))
    }
}

/// The table of a kind of `lex()`, looked up once per call site: the finders read a few tables
/// at every number and date word, and hashing the kind's name each time cost more than most of
/// the look-ups in the table.
macro_rules! table {
    ($kind:literal) => {{
        static TABLE: std::sync::OnceLock<&'static crate::quantities::lex::Table> = std::sync::OnceLock::new();
        *TABLE.get_or_init(|| crate::quantities::lex().table($kind))
    }};
}
pub(crate) use table;

pub(crate) fn lex() -> &'static Lex {
    static LEX: OnceLock<Lex> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut t = lex::load(lex::NUMBERS_TSV, false);
        for (k, v) in lex::load(lex::UNITS_TSV, true) {
            t.insert(format!("u:{k}"), v);
        }
        let mut units = lex::merged(&t, &["u:mass", "u:area", "u:volume", "u:percent", "u:money", "u:people", "u:count"]);
        let mut mults = lex::merged(&t, &["mult", "mult1"]);
        let vocab = {
            let mut kinds: Vec<(&String, &mut Table)> = t.iter_mut().collect();
            kinds.sort_by(|a, b| a.0.cmp(b.0));
            lex::Vocab::new([&mut units, &mut mults].into_iter().chain(kinds.into_iter().map(|(_, tab)| tab)))
        };
        let mut pats: Vec<(String, u32)> = Vec::new();
        for kind in ["num", "mult", "mult1", "vague", "several", "unitword"] {
            if let Some(tab) = t.get(kind) {
                for e in &tab.entries {
                    pats.push((e.toks[0].clone(), 0));
                }
            }
        }
        let words = lex::WordSet::new(pats);
        let mut cue_pats = Vec::new();
        let mut cue_codes = Vec::new();
        if let Some(tab) = t.get("u:cue") {
            for e in &tab.entries {
                for p in [e.phrase.clone(), fold(&e.phrase)] {
                    cue_pats.push(p);
                    cue_codes.push(e.val.clone());
                }
            }
        }
        let cue_ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&cue_pats)
            .expect("country cues");
        let stopsuffix = t.get("u:stopsuffix").map(|tab| tab.entries.iter().map(|e| e.toks[0].clone()).collect()).unwrap_or_default();
        let participles = t.get("u:participle").map(|tab| tab.entries.iter().map(|e| fold(&e.phrase)).collect()).unwrap_or_default();
        Lex { t, units, mults, words, vocab, cue_ac, cue_codes, stopsuffix, participles }
    })
}

/// The ISO code of the peso of the country named `name` (English or local name, any case), if
/// that country's currency is a peso: the country cues of `units.tsv` say which are.
pub(crate) fn peso_of_country(name: &str) -> Option<&'static str> {
    let lx = lex();
    let folded = fold(name);
    let m = lx.cue_ac.find(folded.as_str()).filter(|m| m.start() == 0 && m.end() == folded.len())?;
    Some(lx.cue_codes[m.pattern().as_usize()].as_str())
}

/// The ISO code of the peso of the peso country `text`'s country words (`units.tsv` cues) cite
/// most, if any.
fn peso_by_words(text: &str) -> Option<String> {
    let lx = lex();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in lx.cue_ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if char_before(text, s).is_some_and(is_word) || char_at(text, e).is_some_and(is_word) {
            continue;
        }
        *counts.entry(lx.cue_codes[m.pattern().as_usize()].as_str()).or_default() += 1;
    }
    most_cited(counts).map(str::to_owned)
}

/// The code counted most often; of equal counts, the first in code order.
pub(crate) fn most_cited(counts: HashMap<&str, usize>) -> Option<&str> {
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(c, _)| c)
}

/// Per-document context computed only when a rule needs it.
struct DocCtx<'a> {
    text: &'a str,
    lex: &'a lex::DocLex,
    cited: &'a dyn Fn() -> Option<String>,
    peso: Option<Option<String>>,
}

impl DocCtx<'_> {
    fn lang(&mut self) -> u8 {
        self.lex.lang(self.text)
    }
    /// The ISO code of the peso of the country the document's places are in, else of the peso
    /// country its words cite most, if any.
    fn peso(&mut self) -> Option<String> {
        if self.peso.is_none() {
            self.peso = Some((self.cited)().or_else(|| peso_by_words(self.text)));
        }
        self.peso.clone().flatten()
    }
    fn resolve(&mut self, unit: &str) -> String {
        match unit {
            "$" => {
                if matches!(self.lang(), lex::ES | lex::PT)
                    && let Some(p) = self.peso()
                {
                    return p;
                }
                "USD".into()
            }
            "PESO" => self.peso().unwrap_or_else(|| "MXN".into()),
            u => u.into(),
        }
    }
}

#[derive(Debug, Clone)]
struct Num {
    start: usize,
    end: usize,
    value: f64,
    mult: f64,
    langs: u8,
    vague: bool,
    year_like: bool,
    /// Where a word after the number was looked up already (`Vocab::word_after`), and the word
    /// found there: the word after the number when that place is still its end.
    after: Option<(usize, Option<Word>)>,
}

#[derive(Debug, Clone)]
struct UnitHit {
    unit: &'static str,
    factor: f64,
    class: Class,
    end: usize,
    /// For people and counted things: the noun.
    noun: Option<(usize, usize)>,
    is_pound: bool,
}

#[derive(Debug, Clone)]
struct Q {
    start: usize,
    end: usize,
    num: Num,
    unit: Option<UnitHit>,
    currency: Option<&'static str>,
    measured: Option<(usize, usize)>,
    flow: f64,
    /// The word before `start`, for the cues read there (`Table::back`).
    before: Option<Word>,
}

pub fn find_quantities(text: &str) -> Vec<Quantity> {
    find_quantities_in(text, &lex::DocLex::default(), &|| None)
}

/// `find_quantities`, with what it reads of the document shared with the date finder, and the
/// peso of the country its entities place it in (`cited`, asked only when a bare "$" or "pesos"
/// needs it), which the text's own country words stand in for when it has none.
pub(crate) fn find_quantities_in(text: &str, doc: &lex::DocLex, cited: &dyn Fn() -> Option<String>) -> Vec<Quantity> {
    let digits = doc.digit_runs(text).iter().map(|&(s, _)| s);
    let words = doc.words(text, lex::QUANTITY_WORDS).iter().map(|(t, _)| t.start);
    let mut ctx = DocCtx { text, lex: doc, cited, peso: None };
    let mut out: Vec<Quantity> = Vec::new();
    let mut last_end = 0;
    for c in merged(digits, words) {
        if c < last_end {
            continue;
        }
        if let Some(qs) = parse_at(text, c, &mut ctx) {
            for q in qs {
                if q.start < last_end {
                    continue;
                }
                last_end = q.end;
                out.push(q);
            }
        }
    }
    out
}

/// The positions of two ascending sequences, in order (equal ones both): the candidates of
/// the digit runs and of the number words, merged as they are read instead of sorted.
fn merged(a: impl Iterator<Item = usize>, b: impl Iterator<Item = usize>) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Where the spaces (`is_space`) ending `text[..pos]` start.
fn spaces_start(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    while pos > 0 {
        match b[pos - 1] {
            b' ' | b'\t' | b'\n' | b'\r' => pos -= 1,
            c if c >= 0x80 => match char_before(text, pos) {
                Some(ch) if is_space(ch) => pos -= ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// Can a digit at `pos` start a number? Not when glued to a word or to punctuation after a word
/// (footnote marks), nor inside dates, times and identifiers.
fn digit_start_ok(text: &str, pos: usize) -> bool {
    let Some(c) = char_before(text, pos) else { return true };
    if is_space(c) {
        return true;
    }
    let before = char_before(text, pos - c.len_utf8());
    match c {
        '(' | '[' | '{' | '$' | '€' | '£' | '₲' | '~' | '≈' | '“' | '"' | '\'' | '‘' | '¿' | '¡' | '<' | '>' | '±' | '+' => {
            true
        }
        '-' | '–' | '—' => before.is_none_or(is_space),
        '/' => before.is_some_and(|b| b == 'S' || b == 's'),
        '.' => before == Some('/'),
        _ => false,
    }
}

/// Is the digit run at `pos` a bare number, one `single` would read and drop: followed (right
/// away or after a space) by ASCII punctuation that neither continues the number nor starts a
/// multiplier, a unit, a link or a range ("in 2019, the", "(2023).", "no. 41)"), and with
/// nothing before it that may be a currency. Most digit runs of report text are such
/// years, page and footnote numbers, and this costs a fraction of reading them.
fn bare_number(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    let end = pos + b[pos..].iter().take_while(|c| c.is_ascii_digit()).count();
    // The punctuation right after the number, or after one space: no other case is read here.
    let punct = |i: usize| b.get(i).is_some_and(|&c| c < 0x80 && c != b'-' && !c.is_ascii_whitespace() && !ALNUM[usize::from(c)]);
    let at = match b.get(end) {
        // A mark followed by a digit groups thousands or is a decimal mark: "2,146", "7.6".
        Some(b'.' | b',') if b.get(end + 1).is_some_and(u8::is_ascii_digit) => return false,
        _ if punct(end) => end,
        Some(b' ') if punct(end + 1) => end + 1,
        _ => return false,
    };
    let lx = lex();
    let w = lx.vocab.word(text, lex::Tok { start: at, end: at + 1 });
    lx.mults.fwd(text, w).is_none()
        && lx.units.fwd(text, w).is_none()
        && table!("u:link").fwd(text, w).is_none()
        && table!("range_to").fwd(text, w).is_none()
        && table!("range_and").fwd(text, w).is_none()
        && !may_follow_currency(text, pos)
}

/// May a currency sign or code end just before `start` (spaces between)? Only after a sign, a
/// capital, "/", "." or other non-ASCII char, or a word of at most three letters in title
/// case ("Bs 10.000"): `single` looks the currency up only then.
fn may_follow_currency(text: &str, start: usize) -> bool {
    let head = &text.as_bytes()[..spaces_start(text, start)];
    let before = char_before(text, head.len());
    let title_word = || {
        // the ASCII letters ending the head, if at most three
        let letters = head.iter().rev().take(4).take_while(|c| c.is_ascii_alphabetic()).count();
        (1..=3).contains(&letters) && head[head.len() - letters].is_ascii_uppercase()
    };
    before.is_some_and(|c| !c.is_ascii() || c.is_ascii_uppercase() || matches!(c, '$' | '/' | '.'))
        || before.is_some_and(|c| c.is_ascii_lowercase()) && title_word()
}

fn parse_at(text: &str, pos: usize, ctx: &mut DocCtx) -> Option<Vec<Quantity>> {
    let digit = text.as_bytes()[pos].is_ascii_digit();
    if digit && (!digit_start_ok(text, pos) || bare_number(text, pos)) {
        return None;
    }
    let q1 = single(text, pos, ctx)?;
    let vocab = &lex().vocab;
    let between = q1.before.and_then(|w| table!("between").back(text, w));
    // A range: "60 to 150 fighters", "between 500 kilograms and 2 tonnes", "entre US$ 3 000 y US$ 5 000".
    let after = q1.end;
    if let Some(conn) = vocab.word_after(text, after) {
        let to = table!("range_to").fwd(text, conn);
        let and = if between.is_some() { table!("range_and").fwd(text, conn) } else { None };
        if let Some(h) = to.or(and)
            && let Some(n2) = vocab.word_after(text, h.end)
        {
            let currency = table!("u:currency").fwd(text, n2);
            let n2_ok = n2.tok.is_digits(text) || currency.is_some() || n2.tok.is_word(text);
            if n2_ok {
                let n2pos = match currency {
                    Some(c) => next_tok(text, c.end).map(|t| t.start),
                    None => Some(n2.tok.start),
                };
                if let Some(q2) = n2pos.and_then(|p| single(text, p, ctx))
                    && (q2.unit.is_some() || q2.currency.is_some())
                {
                    let mut q1 = q1.clone();
                    let compatible = match (&q1.unit, &q2.unit) {
                        (None, _) if q1.currency.is_none() => {
                            q1.unit = q2.unit.clone();
                            q1.currency = q2.currency;
                            q1.flow = q2.flow;
                            if q1.num.mult == 1.0 && q2.num.mult != 1.0 && !q1.num.vague {
                                q1.num.value *= q2.num.mult;
                                q1.num.mult = q2.num.mult;
                            }
                            true
                        }
                        (Some(a), Some(b)) => a.class == b.class,
                        (None, None) => q1.currency.is_some() && q2.currency.is_some(),
                        _ => false,
                    };
                    if compatible {
                        if q1.flow == 0.0 {
                            q1.flow = q2.flow;
                        }
                        let start1 = between.as_ref().map_or(q1.start, |b| b.start);
                        let a = finish(text, q1, start1, Bound::AtLeast, ctx)?;
                        let b = finish(text, q2.clone(), q2.start, Bound::AtMost, ctx)?;
                        return Some(vec![a, b]);
                    }
                }
            }
        }
    }
    if q1.unit.is_none() && q1.currency.is_none() {
        return None;
    }
    let (bound, start) = bound_before(text, q1.start, &q1);
    Some(vec![finish(text, q1, start, bound, ctx)?])
}

/// The bound cue before `start`, the start of `q`.
fn bound_before(text: &str, start: usize, q: &Q) -> (Bound, usize) {
    if let Some(h) = q.before.and_then(|w| table!("bound").back(text, w)) {
        let b = match h.e.val.as_str() {
            "at_least" => Bound::AtLeast,
            "at_most" => Bound::AtMost,
            _ => Bound::Approx,
        };
        return (b, h.start);
    }
    if q.num.vague {
        return (Bound::AtLeast, start);
    }
    (Bound::Exact, start)
}

fn finish(text: &str, q: Q, start: usize, bound: Bound, ctx: &mut DocCtx) -> Option<Quantity> {
    if q.num.vague {
        return None;
    }
    let (mut unit, factor, class) = match (&q.unit, &q.currency) {
        (Some(u), cur) => {
            // A currency sign before and a currency word after: the word decides only for "$".
            if u.class == Class::Money {
                match *cur {
                    Some(c) if c != "$" && (u.unit == "$" || u.unit == "PESO") && c != "USD" => (c.to_string(), 1.0, Class::Money),
                    Some(c) if c != "$" && u.unit == "$" => (c.to_string(), 1.0, Class::Money),
                    _ => (ctx.resolve(u.unit), u.factor, u.class),
                }
            } else if u.is_pound && q.num.mult >= 1e6 {
                ("GBP".into(), 1.0, Class::Money)
            } else {
                (u.unit.to_string(), u.factor, u.class)
            }
        }
        (None, Some(c)) => (ctx.resolve(c), 1.0, Class::Money),
        (None, None) => return None,
    };
    let mut value = q.num.value * factor;
    if q.flow > 0.0 && class.flows() {
        value *= q.flow;
        unit.push_str("/yr");
    }
    if !value.is_finite() {
        return None;
    }
    let end = q.end;
    Some(Quantity { text: text[start..end].to_string(), start, end, value, unit, bound, measured: q.measured })
}

/// A number with its currency, unit, measured span and rate, starting at `pos` (no bound, no range).
fn single(text: &str, pos: usize, ctx: &mut DocCtx) -> Option<Q> {
    let lx = lex();
    let mut num = parse_number(text, pos)?;
    // The word before the number, looked up on first need: most numbers have no unit and are
    // dropped without it.
    let prev_word = std::cell::OnceCell::new();
    let prev = || *prev_word.get_or_init(|| lx.vocab.word_before(text, num.start));
    // A currency sign or code before the number.
    let currency = if may_follow_currency(text, num.start) { prev().and_then(|w| table!("u:currency").back(text, w)) } else { None };
    // A currency code glued to a word is not one ("PEN" inside "SPEN"); a sign of one language's
    // press ("Q 50.000", quetzales) stands only in a document of that language ("Q3", a quarter).
    // A lower-case letter set apart is a word, not a prefix: "a $15.000" is "at 15,000 pesos",
    // not "A$" (Australian dollars); the sign after it is read alone.
    let currency = currency.and_then(|c| {
        let b = text.as_bytes();
        if !(b[c.start].is_ascii_lowercase() && b.get(c.start + 1) == Some(&b' ')) {
            return Some(c);
        }
        let from = c.start + 2;
        let h = table!("u:currency").match_back(&text[from..], c.end - from)?;
        Some(lex::Hit { e: h.e, start: h.start + from, end: h.end + from })
    });
    let currency = currency
        .filter(|c| !char_before(text, c.start).is_some_and(is_word))
        .filter(|c| c.e.langs == lex::ANY || c.e.langs & ctx.lang() != 0);
    let mut end = num.end;
    if currency.is_some()
        && let Some(t) = next_tok(text, end)
        && let Some(h) = table!("smult").match_fwd_tok(text, t)
        && h.e.toks.len() == 1
        && (t.start == end || lx.mults.match_fwd_tok(text, t).is_none())
    {
        num.value *= h.e.num;
        num.mult *= h.e.num;
        end = h.end;
        num.end = end;
    }
    // "two and a half tons", "dos millones y medio de dólares", "two and a half million".
    if let Some(half_end) = half_at(text, num.end, ctx) {
        num.value += 0.5 * num.mult;
        num.end = half_end;
        if let Some(m) = lx.mults.match_fwd(text, num.end) {
            num.value *= m.e.num;
            num.mult *= m.e.num;
            num.end = m.end;
        }
    }
    let after = match num.after {
        Some((at, word)) if at == num.end => word,
        _ => lx.vocab.word_after(text, num.end),
    };
    let mut unit = unit_after(text, &num, after);
    if let (Some(u), Some(w)) = (&unit, after)
        && w.tok.end == u.end
        && is_auxiliary_verb(text, w, ctx.lang())
    {
        unit = None;
    }
    // "dos toneladas y media", "duas toneladas e meia": the half follows the unit.
    if let Some(u) = unit.as_mut()
        && matches!(u.class, Class::Mass | Class::Volume | Class::Area)
        && let Some(half_end) = half_at(text, u.end, ctx)
    {
        num.value += 0.5 * num.mult;
        u.end = half_end;
    }
    if unit.is_none() && currency.is_none() {
        // Only the low end of a range goes on without a unit.
        let conn = after?;
        if table!("range_to").fwd(text, conn).is_none() && table!("range_and").fwd(text, conn).is_none() {
            return None;
        }
    }
    // A number word of another language than the document's: "dos" in Portuguese is "of the".
    if num.langs != ANY && unit.is_some() && num.langs & ctx.lang() == 0 {
        return None;
    }
    let before_q = match &currency {
        Some(c) => lx.vocab.word_before(text, c.start),
        None => prev(),
    };
    if before_q.and_then(|w| table!("id").back(text, w)).is_some() {
        return None;
    }
    if num.year_like
        && let Some(u) = &unit
        && matches!(u.class, Class::People | Class::Count)
        && prev().and_then(|w| table!("yearprep").back(text, w)).is_some()
    {
        return None;
    }
    let q_start = currency.as_ref().map_or(num.start, |c| c.start);
    let mut measured = None;
    let mut flow = 0.0;
    if let Some(u) = &unit {
        end = u.end;
        if let Some((ns, ne)) = u.noun {
            // counted things keep what they hold ("1,310 packages of cocaine"); people do not
            let complement = if u.class == Class::Count { measured_after(text, ne, 2) } else { None };
            measured = Some((ns, complement.map_or(ne, |c| c.1)));
        } else if matches!(u.class, Class::Mass | Class::Volume | Class::Area) {
            measured =
                measured_after(text, u.end, 4).or_else(|| past_conversion(text, u.end).and_then(|after| measured_after(text, after, 4)));
        }
        if u.class.flows() {
            if let Some(f) = flow_at(text, u.end) {
                flow = f.e.num;
                end = f.end;
                if measured.is_none() && matches!(u.class, Class::Mass | Class::Volume | Class::Area) {
                    measured = measured_after(text, f.end, 4);
                }
            } else if let Some((_, me)) = measured
                && let Some(f) = flow_at(text, me)
            {
                flow = f.e.num;
                end = f.end;
            }
        }
    } else if currency.is_some()
        && let Some(f) = flow_at(text, end)
    {
        flow = f.e.num;
        end = f.end;
    }
    Some(Q { start: q_start, end, num, unit, currency: currency.map(|c| c.e.val.as_str()), measured, flow, before: before_q })
}

/// A rate right after `pos` ("a year", "al año"), unless it is a time ago or after, which the
/// date finder reads: "27,000 pounds a year earlier".
fn flow_at(text: &str, pos: usize) -> Option<lex::Hit<'static>> {
    let f = table!("flow").match_fwd(text, pos)?;
    let lx = lex();
    let after = lx.vocab.word_after(text, f.end);
    let dated = after.is_some_and(|w| table!("later").fwd(text, w).is_some() || table!("ago").fwd(text, w).is_some());
    (!dated).then_some(f)
}

/// "desde noviembre de 2024 ha permitido": a unit that is also the language's auxiliary verb
/// ("ha", has) is the verb when a participle follows (`auxiliary` and `participle` in
/// `units.tsv`).
fn is_auxiliary_verb(text: &str, unit: Word, lang: u8) -> bool {
    let Some(aux) = table!("u:auxiliary").fwd(text, unit).filter(|h| h.e.langs & lang != 0 && h.end == unit.tok.end) else {
        return false;
    };
    let Some(next) = next_tok(text, aux.end).filter(|t| t.is_word(text)) else {
        return false;
    };
    let word = next.s(text);
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let folded = fold(word);
    lex().participles.iter().any(|p| folded.ends_with(p.as_str()))
}

/// The end of a `half` phrase of the document's language right after `pos` ("and a half", "y
/// media", "e meia"). One byte is read before the table's look-up, which most numbers would
/// pay for nothing.
fn half_at(text: &str, pos: usize, ctx: &mut DocCtx) -> Option<usize> {
    let rest = text.as_bytes().get(pos..).unwrap_or_default();
    let at = rest.iter().position(|&b| b != b' ').unwrap_or(rest.len());
    if !matches!(rest.get(at), Some(b'a' | b'y' | b'e' | b'-')) {
        return None;
    }
    table!("half").match_fwd(text, pos).filter(|h| h.e.langs & ctx.lang() != 0).map(|h| h.end)
}

fn langs_ok(a: u8, b: u8) -> bool {
    a & b != 0
}

/// The unit after a number; `after` is the word after its end.
fn unit_after(text: &str, num: &Num, after: Option<Word>) -> Option<UnitHit> {
    let lx = lex();
    let hit_of = |w: Word, classes: &[Class]| -> Option<UnitHit> {
        let h = lx.units.fwd(text, w)?;
        let t = w.tok;
        let class = Class::of(h.e.kind.strip_prefix("u:").unwrap_or(&h.e.kind))?;
        if !classes.contains(&class) || !langs_ok(h.e.langs, num.langs) {
            return None;
        }
        // One-letter units ("t", "g", "l") only in lower case and right after digits.
        let s = t.s(text);
        if h.e.toks.len() == 1
            && s.chars().count() == 1
            && s.chars().all(char::is_alphabetic)
            && (s.chars().any(char::is_uppercase) || num.langs != ANY)
        {
            return None;
        }
        let noun = matches!(class, Class::People | Class::Count).then_some((h.start, h.end));
        let is_pound = h.e.toks[0].starts_with("pound");
        Some(UnitHit { unit: h.e.val.as_str(), factor: h.e.num, class, end: h.end, noun, is_pound })
    };
    const ALL: [Class; 7] = [Class::Mass, Class::Area, Class::Volume, Class::Percent, Class::Money, Class::People, Class::Count];
    let mut w = after?;
    // "a 2-ton shipment", "un cargamento de 500-kilos"
    if w.tok.start == num.end && w.tok.s(text) == "-" {
        let t = w.tok;
        w = lx.vocab.word(text, next_tok(text, t.end).filter(|w| w.start == t.end && w.is_word(text))?);
    }
    let t = w.tok;
    if let Some(u) = hit_of(w, &ALL) {
        return Some(u);
    }
    // "2 millones de dólares", "cientos de kilos", "4,6 milhões de euros", "una docena de presos"
    // (A number ending in a digit ends in no multiplier: no multiplier has a digit.)
    let ends_in_mult = || {
        (lx.mults.has_digit_keys() || !text.as_bytes()[num.end - 1].is_ascii_digit())
            && lx.mults.match_back(text, num.end).is_some_and(|h| h.end == num.end)
    };
    // The link first: a bit of the word's, where the multiplier before it is read backwards.
    if table!("u:link").fwd(text, w).is_some()
        && (num.mult != 1.0 || num.vague || ends_in_mult())
        && let Some(t2) = lx.vocab.word_after(text, t.end)
        && let Some(u) = hit_of(t2, &ALL)
    {
        return Some(u);
    }
    // One adjective before a people or counted noun: "5,000 additional troops", "1.8 million
    // fentanyl pills"; in English a demonym or a group's name too ("six Mexican nationals", "300
    // PCC members"), but not a month ("on 12 March soldiers raided").
    if t.is_word(text)
        && !t.is_digits(text)
        && t.s(text).chars().next().is_some_and(|c| c.is_lowercase() || c.is_uppercase() && !crate::dates::is_month_word(t.s(text)))
        && !table!("u:stop").has(text, w)
        && !table!("u:link").has(text, w)
        && !table!("range_to").has(text, w)
        && !table!("range_and").has(text, w)
        && let Some(t2) = lx.vocab.word_after(text, t.end)
        && let Some(mut u) = hit_of(t2, &[Class::People, Class::Count])
    {
        u.noun = Some((t.start, u.end));
        return Some(u);
    }
    None
}

/// Where what an amount measures may follow when a conversion in parentheses stands between
/// them: after the amount ("37,000 pounds (16,800 kilograms) of cocaine") or inside the
/// parentheses ("… kilograms) of cocaine"), as US agencies write weights. The conversion holds a
/// digit and no other parenthesis, and is short.
fn past_conversion(text: &str, pos: usize) -> Option<usize> {
    const REACH: usize = 40;
    let rest = text.get(pos..)?;
    let trimmed = rest.trim_start_matches(' ');
    let at = pos + rest.len() - trimmed.len();
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')')?;
        let conversion = &inner[..close];
        (close <= REACH && conversion.bytes().any(|b| b.is_ascii_digit()) && !conversion.contains('(')).then_some(at + 1 + close + 1)
    } else if trimmed.starts_with(')') {
        let open = text[..pos].rfind(['(', ')'])?;
        (text.as_bytes()[open] == b'(' && pos - open <= REACH).then_some(at + 1)
    } else {
        None
    }
}

/// The words after "of"/"de" naming what a quantity measures, up to a stop word, punctuation, a
/// participle after the first word, or four words.
fn measured_after(text: &str, pos: usize, max_words: usize) -> Option<(usize, usize)> {
    let lx = lex();
    let link = table!("u:link");
    let stop = table!("u:stop");
    let t = lx.vocab.word_after(text, pos)?;
    link.fwd(text, t)?;
    let mut at = t.tok.end;
    let mut span: Option<(usize, usize)> = None;
    let mut words = 0;
    while words < max_words {
        let Some(w) = next_tok(text, at) else { break };
        if !w.is_word(text) {
            // a hyphenated word: "cocaine-laden" stays one word
            if let (Some((s, e)), "-") = (span, w.s(text))
                && w.start == e
                && let Some(n) = next_tok(text, w.end)
                && n.start == w.end
                && n.is_word(text)
            {
                span = Some((s, n.end));
                at = n.end;
                continue;
            }
            break;
        }
        let s = w.s(text);
        if w.is_digits(text) || s.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        let word = lx.vocab.word(text, w);
        if stop.has(text, word) {
            break;
        }
        if link.has(text, word) {
            // "clorhidrato de cocaína": a link inside the span needs a word after it
            if span.is_none() {
                break;
            }
            match next_tok(text, w.end) {
                Some(n) if n.is_word(text) && !stop.contains_word(n.s(text)) && !n.is_digits(text) => {
                    at = w.end;
                    words += 1;
                    continue;
                }
                _ => break,
            }
        }
        if words > 0 {
            let mut buf = [0u8; 64];
            let f: std::borrow::Cow<str> = lex::fold_into(s, &mut buf).map_or_else(|| fold(s).into(), Into::into);
            if lx.stopsuffix.iter().any(|suf| f.len() > suf.len() + 2 && f.ends_with(suf.as_str())) {
                break;
            }
            if s.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            if table!("flow").has(text, word) {
                break;
            }
        }
        span = Some((span.map_or(w.start, |x| x.0), w.end));
        words += 1;
        at = w.end;
    }
    span
}

/// Parse digits with separators, or number words, and any multipliers after them.
/// The article before a unit in the singular, as the number of it: "a ton of cocaine", "una
/// tonelada", "half a tonne". Not a rate after an amount: "$1,500 a kilo", "US$ 2 millones la
/// tonelada".
fn one_unit(text: &str, pos: usize, langs: u8) -> Option<Num> {
    let a = table!("article").match_back(text, pos)?;
    if a.e.langs & langs == 0 {
        return None;
    }
    let after_amount = prev_tok(text, a.start).is_some_and(|p| {
        let s = p.s(text);
        s.bytes().last().is_some_and(|b| b.is_ascii_digit()) || lex().mults.match_fwd_tok(text, p).is_some()
    });
    (!after_amount).then_some(Num {
        start: a.start,
        end: a.end,
        value: a.e.num,
        mult: 1.0,
        langs: a.e.langs & langs,
        vague: false,
        year_like: false,
        after: None,
    })
}

fn parse_number(text: &str, pos: usize) -> Option<Num> {
    let lx = lex();
    let b = text.as_bytes();
    if b[pos].is_ascii_digit() {
        let (value, mut end, plain) = parse_digits(text, pos)?;
        // Not a date, a time, a fraction or an identifier.
        let next = char_at(text, end);
        if matches!(next, Some(':' | '/')) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let year_like = plain == 4 && (1900.0..=2099.0).contains(&value);
        let (value, mult, after) = apply_mults(text, &mut end, value, ANY);
        let after = Some((end, after));
        let (value, end) = with_rest(text, value, mult, end);
        return Some(Num { start: pos, end, value, mult, langs: ANY, vague: false, year_like: year_like && mult == 1.0, after });
    }
    let t0 = lx.vocab.word_after(text, pos)?;
    if t0.tok.start != pos {
        return None;
    }
    // vague magnitudes: "hundreds of", "tens of thousands of", "miles de"
    if let Some(h) = table!("vague").fwd(text, t0) {
        let mut value = h.e.num;
        let mut langs = h.e.langs;
        let mut end = h.end;
        if let Some(l) = next_tok(text, end).filter(|l| table!("u:link").match_fwd_tok(text, *l).is_some())
            && let Some(h2) = next_tok(text, l.end).and_then(|t| table!("vague").match_fwd_tok(text, t))
        {
            value *= h2.e.num;
            langs &= h2.e.langs;
            end = h2.end;
        }
        if langs == 0 {
            return None;
        }
        return Some(Num { start: pos, end, value: value * 2.0, mult: 1.0, langs, vague: true, year_like: false, after: None });
    }
    if let Some(h) = table!("several").fwd(text, t0) {
        let m = next_tok(text, h.end).and_then(|t| table!("mult").match_fwd_tok(text, t))?;
        if m.e.langs & h.e.langs == 0 {
            return None;
        }
        return Some(Num {
            start: pos,
            end: m.end,
            value: 2.0 * m.e.num,
            mult: 1.0,
            langs: h.e.langs & m.e.langs,
            vague: true,
            year_like: false,
            after: None,
        });
    }
    // number words
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut langs = ANY;
    let mut end = pos;
    let mut start = pos;
    let mut any = false;
    let mut last_mult = 0.0f64;
    let mut t = t0;
    // The number word `t` is (looked up once per word), and the word after `end` once read.
    let mut num_hit = table!("num").fwd(text, t);
    let mut after = None;
    if num_hit.is_none() && table!("mult1").fwd(text, t).is_none() {
        if let Some(u) = table!("unitword").fwd(text, t) {
            return one_unit(text, pos, u.e.langs);
        }
        // a multiplier needs an article before it: "a dozen", "un millón", "um milhão"
        let m = table!("mult").fwd(text, t)?;
        let a = table!("article").match_back(text, pos)?;
        if a.e.langs & m.e.langs == 0 {
            return None;
        }
        start = a.start;
        // 1 for "a"/"un"/"um"; ½ for "half a", "medio", "meio".
        cur = a.e.num;
        langs = a.e.langs;
    }
    loop {
        if let Some(h) = num_hit {
            if !langs_ok(langs, h.e.langs)
                || (any && cur != 0.0 && (cur % 10.0 != 0.0 || h.e.num >= cur || (cur < 100.0 && h.e.num >= 10.0)))
            {
                break;
            }
            cur += h.e.num;
            langs &= h.e.langs;
            end = h.end;
            any = true;
        } else if let Some(h) = lx.mults.fwd(text, t) {
            if !langs_ok(langs, h.e.langs) {
                break;
            }
            let m = h.e.num;
            if m == 100.0 {
                cur = cur.max(1.0) * m;
            } else if cur == 0.0 && total > 0.0 && m > last_mult {
                total *= m;
            } else {
                // No number before the multiplier counts one of it; a half counts half.
                total += if cur == 0.0 { m } else { cur * m };
                cur = 0.0;
            }
            last_mult = m;
            langs &= h.e.langs;
            end = h.end;
            any = true;
        } else {
            break;
        }
        // connectors: "twenty-five", "treinta y dos", "vinte e cinco", "one hundred and fifty"
        let Some(n) = next_tok(text, end) else { break };
        let s = n.s(text);
        let conn = s == "-" && n.start == end || matches!(s, "and" | "y" | "e") && (cur >= 20.0 && cur % 10.0 == 0.0 || cur >= 100.0);
        if conn {
            let n2 = next_tok(text, n.end).map(|n2| lx.vocab.word(text, n2));
            match n2.map(|n2| (n2, table!("num").fwd(text, n2))) {
                Some((n2, Some(h))) if s != "-" || n2.tok.start == n.end => (t, num_hit) = (n2, Some(h)),
                _ => break,
            }
        } else {
            t = lx.vocab.word(text, n);
            num_hit = table!("num").fwd(text, t);
            after = Some((end, Some(t)));
        }
    }
    if !any || langs == 0 {
        return None;
    }
    // "one-off", "two-thirds", "three-year": a compound word, not a count; but
    // "two-and-a-half" is the number and its half, hyphenated.
    if text[end..].starts_with('-') && char_at(text, end + 1).is_some_and(is_word) && table!("half").match_fwd(text, end).is_none() {
        return None;
    }
    let mult = if last_mult >= 1000.0 { last_mult } else { 1.0 };
    let (value, end) = with_rest(text, total + cur, mult, end);
    Some(Num { start, end, value, mult, langs, vague: false, year_like: false, after })
}

/// Mexican and Central American usage writes the rest of a number in digits after its
/// multiplier: "2 mil 500 kilos" is 2,500, "dos mil 500 cartuchos" 2,500, "3 millones 200 mil
/// pesos" 3,200,000. The value and end with that rest, if there is one.
fn with_rest(text: &str, value: f64, mult: f64, end: usize) -> (f64, usize) {
    if mult >= 1000.0
        && let Some(t) = next_tok(text, end).filter(|t| t.start > end && text.as_bytes()[t.start].is_ascii_digit())
        && let Some(rest) = parse_number(text, t.start)
        && rest.value >= 1.0
        && rest.value < mult
        && rest.value.fract() == 0.0
    {
        return (value + rest.value, rest.end);
    }
    (value, end)
}

/// Multipliers after a digit number: "1.5 million", "2 mil", "21.000 millones", "1,2 bilhão".
/// Returns the value, the multiplier and the word after the new `end`.
fn apply_mults(text: &str, end: &mut usize, mut value: f64, langs: u8) -> (f64, f64, Option<Word>) {
    let lx = lex();
    let mut mult = 1.0;
    let mut last = 0.0;
    loop {
        let Some(w) = lx.vocab.word_after(text, *end) else { return (value, mult, None) };
        // glued letters ("10m") are not a spelled multiplier
        let glued = w.tok.start == *end && w.tok.is_word(text);
        let h = if glued { None } else { lx.mults.fwd(text, w) };
        let Some(h) = h.filter(|h| langs_ok(langs, h.e.langs) && (last == 0.0 || h.e.num > last)) else {
            return (value, mult, Some(w));
        };
        value *= h.e.num;
        mult *= h.e.num;
        last = h.e.num;
        *end = h.end;
    }
}

/// The value of a run of ASCII digits: by integer arithmetic up to 15 digits (each such integer
/// is an f64 exactly, as `parse` gives it), by `parse` beyond.
fn integer_value(digits: &[u8]) -> Option<f64> {
    if digits.len() <= 15 {
        return Some(digits.iter().fold(0u64, |v, d| v * 10 + u64::from(d - b'0')) as f64);
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// Digits with thousands separators and a decimal mark. Returns the value, the end, and the number
/// of digits when the number is a plain digit run (0 otherwise).
fn parse_digits(text: &str, pos: usize) -> Option<(f64, usize, usize)> {
    let b = text.as_bytes();
    let run = |i: usize| -> usize {
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut i = run(pos);
    let first_len = i - pos;
    // (separator, group start, group end)
    let mut groups = [(0u8, 0usize, 0usize); 8];
    let mut ng = 0;
    loop {
        if i >= b.len() || ng == groups.len() {
            break;
        }
        let c = b[i];
        if (c == b'.' || c == b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let j = run(i + 1);
            groups[ng] = (c, i + 1, j);
            ng += 1;
            i = j;
            continue;
        }
        // space-grouped thousands: "2 146", "11 000", "1 210"
        let sp = if c == b' ' {
            1
        } else if text[i..].starts_with('\u{a0}') {
            2
        } else if text[i..].starts_with('\u{202f}') || text[i..].starts_with('\u{2009}') {
            3
        } else {
            0
        };
        if sp > 0 && first_len <= 3 && groups[..ng].iter().all(|g| g.0 == b' ') {
            let j = run(i + sp);
            if j - (i + sp) == 3 && (!matches!(b.get(j), Some(b'.' | b',')) || !b.get(j + 1).is_some_and(u8::is_ascii_digit)) {
                groups[ng] = (b' ', i + sp, j);
                ng += 1;
                i = j;
                continue;
            }
        }
        break;
    }
    // The digits with a '.' for the decimal mark, in a stack buffer.
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut push = |s: &str| -> Option<()> {
        let b = s.as_bytes();
        if n + b.len() > buf.len() {
            return None;
        }
        buf[n..n + b.len()].copy_from_slice(b);
        n += b.len();
        Some(())
    };
    push(&text[pos..pos + first_len])?;
    let marks = groups[..ng].iter().filter(|g| g.0 != b' ').count();
    if marks == 0 {
        for g in &groups[..ng] {
            push(&text[g.1..g.2])?;
        }
        let plain = if ng == 0 { first_len } else { 0 };
        return Some((integer_value(&buf[..n])?, i, plain));
    }
    let last = *groups[..ng].iter().rev().find(|g| g.0 != b' ')?;
    let mixed = groups[..ng].iter().any(|g| g.0 != b' ' && g.0 != last.0);
    let decimal: Option<u8> = if mixed {
        Some(last.0)
    } else if marks >= 2 || (last.2 - last.1 == 3 && &text[pos..pos + first_len] != "0") {
        None
    } else {
        Some(last.0)
    };
    for (k, &g) in groups[..ng].iter().enumerate() {
        let is_dec = decimal == Some(g.0) && k == ng - 1;
        if is_dec {
            push(".")?;
        } else if g.2 - g.1 != 3 {
            // a thousands group must have three digits ("17.08.2023" is not a number)
            return None;
        }
        push(&text[g.1..g.2])?;
    }
    Some((std::str::from_utf8(&buf[..n]).ok()?.parse().ok()?, i, 0))
}

/// Does a quantity unit (any class) start at `after`, the word after a number
/// (`Vocab::word_after`)? For the date extractor: "2000 kilos" is not a year. Returns the unit's
/// class name. An auxiliary verb is no unit ("desde 2019 ha sido" is a year), in any language:
/// no other language writes its participles after a year.
pub(crate) fn unit_class_of(text: &str, after: Option<Word>) -> Option<&'static str> {
    let w = after?;
    let h = lex().units.fwd(text, w)?;
    let s = w.tok.s(text);
    if h.e.toks.len() == 1 && s.chars().count() == 1 && s.chars().all(char::is_alphabetic) || is_auxiliary_verb(text, w, ANY) {
        return None;
    }
    Some(match Class::of(h.e.kind.strip_prefix("u:").unwrap_or(&h.e.kind))? {
        Class::People | Class::Count => "count",
        _ => "measure",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_numbers_are_those_no_quantity_starts_at() {
        let bare = ["in 2019, the", "(2023). Then", "number 41) and", "2022 (Lima", "the 1990; then", "page 12.", "4 ; 5"];
        let not_bare = ["2,146 kg", "7.6 tons", "20 %", "US$ 2019.", "Bs 10.000,", "$300, paid", "500-kilo", "12 troops", "no. 41)"];
        for t in bare.iter().chain(&not_bare) {
            let pos = t.bytes().position(|b| b.is_ascii_digit()).expect("a digit");
            if bare_number(t, pos) {
                assert!(bare.contains(t), "{t:?} read as bare");
                assert!(find_quantities(t).iter().all(|q| q.start > pos), "{t:?}");
            } else {
                assert!(!bare.contains(t), "{t:?} not read as bare");
            }
        }
    }
}
