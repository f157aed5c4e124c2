//! Shared lexical machinery of the quantity and date extractors: accent folding, a tokenizer that
//! treats any run of spaces as one gap, and phrase tables read from `data/lang/*.tsv`, matched
//! forwards or backwards from a byte position without allocating per character.

/// The phrase tables and word sets are keyed by short words: the crate's Fx hash (eight bytes
/// per multiply) costs less per look-up than FNV's multiply per byte.
pub(crate) type FastMap<K, V> = crate::hash::FxMap<K, V>;

/// Fold a token into a stack buffer; None when it is too long to be in any table. A token that
/// is lower-case ASCII already is its own folded form: it is returned as it is, not copied.
#[inline]
pub(crate) fn fold_into<'b>(tok: &'b str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    if tok.is_ascii() {
        if tok.len() > buf.len() {
            return None;
        }
        if !tok.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(tok);
        }
        let out = buf.get_mut(..tok.len())?;
        out.copy_from_slice(tok.as_bytes());
        out.make_ascii_lowercase();
        return std::str::from_utf8(out).ok();
    }
    let mut n = 0;
    for c in tok.chars() {
        let f = fold_char(c);
        let l = f.len_utf8();
        if n + l > buf.len() {
            return None;
        }
        f.encode_utf8(&mut buf[n..n + l]);
        n += l;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

pub(crate) const NUMBERS_TSV: &str = include_str!("../../../../data/lang/numbers.tsv");
pub(crate) const UNITS_TSV: &str = include_str!("../../../../data/lang/units.tsv");
pub(crate) const MONTHS_TSV: &str = include_str!("../../../../data/lang/months.tsv");

pub(crate) const EN: u8 = 1;
pub(crate) const ES: u8 = 2;
pub(crate) const PT: u8 = 4;
pub(crate) const ANY: u8 = 7;

pub(crate) fn parse_langs(s: &str) -> u8 {
    let mut m = 0;
    for l in s.split(',') {
        m |= match l.trim() {
            "en" => EN,
            "es" => ES,
            "pt" => PT,
            _ => ANY,
        };
    }
    if m == 0 { ANY } else { m }
}

/// Lower case without accents, one char for one char (enough for en/es/pt words).
#[inline]
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        '’' | '‘' => '\'',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

pub(crate) fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Does `tok` fold to `folded`?
#[inline]
pub(crate) fn fold_eq(tok: &str, folded: &str) -> bool {
    let mut a = tok.chars().map(fold_char);
    let mut b = folded.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

#[inline]
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// A letter or digit. The General Punctuation block (U+2000-U+206F: dashes, curly quotes,
/// thin spaces), the most common non-ASCII chars of report text, has neither: it is answered
/// without the Unicode tables.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// A token: a run of letters and digits, or one other non-space char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
}

impl Tok {
    #[inline]
    pub fn s<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    #[inline]
    pub fn is_word(&self, text: &str) -> bool {
        text[self.start..].chars().next().is_some_and(is_word)
    }
    #[inline]
    pub fn is_digits(&self, text: &str) -> bool {
        text.as_bytes()[self.start..self.end].iter().all(u8::is_ascii_digit)
    }
}

/// The char starting at byte `i` (a char boundary) of `text`.
#[inline]
fn char_at_boundary(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// The start of the char ending at byte `end` (a char boundary after at least one char).
#[inline]
fn char_start_before(b: &[u8], end: usize) -> usize {
    let mut i = end - 1;
    while i > 0 && (b[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    i
}

/// Is the ASCII byte `c` a letter or digit (`is_word` of ASCII)?
#[inline]
fn ascii_word(c: u8) -> bool {
    crate::text::ALNUM[usize::from(c)]
}

/// The token at or after `pos` (which must be a char boundary), skipping whitespace but never a
/// blank line (two line breaks). ASCII is read byte by byte, other chars decoded.
pub(crate) fn next_tok(text: &str, pos: usize) -> Option<Tok> {
    let b = text.as_bytes();
    let mut newlines = 0;
    let mut start = pos;
    // (is a word char, byte length) of the first char of the token
    let (word, len) = loop {
        let c = *b.get(start)?;
        if c < 0x80 {
            if !ascii_gap(c, &mut newlines)? {
                break (ascii_word(c), 1);
            }
            start += 1;
        } else {
            let ch = char_at_boundary(text, start);
            if !is_space(ch) {
                break (is_word(ch), ch.len_utf8());
            }
            start += ch.len_utf8();
        }
    };
    let mut end = start + len;
    if !word {
        return Some(Tok { start, end });
    }
    while let Some(&c) = b.get(end) {
        if c < 0x80 {
            if !ascii_word(c) {
                break;
            }
            end += 1;
        } else {
            let ch = char_at_boundary(text, end);
            if !is_word(ch) {
                break;
            }
            end += ch.len_utf8();
        }
    }
    Some(Tok { start, end })
}

/// Is ASCII byte `c`, met between two tokens, whitespace to step over (`true`) or a token's
/// (`false`)? `None` at the second line break: a blank line ends the search. `newlines`
/// counts the breaks met so far.
#[inline]
fn ascii_gap(c: u8, newlines: &mut u32) -> Option<bool> {
    match c {
        b'\n' => {
            *newlines += 1;
            (*newlines <= 1).then_some(true)
        }
        b' ' | b'\t' | b'\r' => Some(true),
        _ => Some(false),
    }
}

/// The token ending at or before `pos`, separated from it by whitespace only (no blank line).
pub(crate) fn prev_tok(text: &str, pos: usize) -> Option<Tok> {
    let b = text.as_bytes();
    let mut newlines = 0;
    let mut end = pos;
    // (is a word char, start) of the last char of the token
    let (word, last) = loop {
        if end == 0 {
            return None;
        }
        let c = b[end - 1];
        if c < 0x80 {
            if !ascii_gap(c, &mut newlines)? {
                break (ascii_word(c), end - 1);
            }
            end -= 1;
        } else {
            let i = char_start_before(b, end);
            let ch = char_at_boundary(text, i);
            if !is_space(ch) {
                break (is_word(ch), i);
            }
            end = i;
        }
    };
    if !word {
        return Some(Tok { start: last, end });
    }
    let mut start = last;
    while start > 0 {
        let c = b[start - 1];
        if c < 0x80 {
            if !ascii_word(c) {
                break;
            }
            start -= 1;
        } else {
            let i = char_start_before(b, start);
            if !is_word(char_at_boundary(text, i)) {
                break;
            }
            start = i;
        }
    }
    Some(Tok { start, end })
}

/// The char just before / at a byte position.
#[inline]
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}
#[inline]
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Split a phrase of a table into folded tokens the way the text is tokenized.
pub(crate) fn phrase_tokens(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(t) = next_tok(phrase, pos) {
        out.push(fold(t.s(phrase)));
        pos = t.end;
    }
    out
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub phrase: String,
    pub toks: Vec<String>,
    /// Each of `toks` packed (`pack`), `LONG` when longer than 16 bytes: `Table::match_back`
    /// compares them with the tokens of the text as integers (`key`), not char by char.
    pub keys: Vec<u128>,
    /// The third column, as text ("at_least", "kg", "year:-1").
    pub val: String,
    /// The numeric value: the third column of numbers.tsv, the fourth of units.tsv.
    pub num: f64,
    pub langs: u8,
    /// The first column.
    pub kind: String,
}

impl Entry {
    /// Does `tok` (its `key`) fold to the `j`th of `toks`? By the keys, unless both are `LONG`.
    #[inline]
    fn is_token(&self, text: &str, tok: Tok, key: u128, j: usize) -> bool {
        match (key, self.keys[j]) {
            (LONG, LONG) => fold_eq(tok.s(text), &self.toks[j]),
            (k, w) => k == w,
        }
    }
}

/// A set of phrases matched token by token.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub entries: Vec<Entry>,
    first: TokMap<Vec<u32>>,
    last: TokMap<Vec<u32>>,
    max_len: usize,
    /// The byte lengths of the keys of `first` and `last` (bit 63 for any longer): an ASCII token
    /// folds to its own length, so one of another length is no key, and is not folded and hashed.
    first_lens: u64,
    last_lens: u64,
    /// This table's bit in a `Vocab`'s masks; 0 when the table is in none (every token may then
    /// be a key).
    bit: u64,
    /// Does a last token of a phrase have an ASCII digit? If not, no phrase ends at a digit.
    last_digit: bool,
}

/// The bit of a key's byte length in `Table::first_lens` and `Table::last_lens`.
#[inline]
fn len_bit(len: usize) -> u64 {
    1 << len.min(63)
}

pub(crate) struct Hit<'a> {
    pub e: &'a Entry,
    pub start: usize,
    pub end: usize,
}

impl Table {
    pub fn push(&mut self, e: Entry) {
        if e.toks.is_empty() {
            return;
        }
        self.max_len = self.max_len.max(e.toks.len());
        self.entries.push(e);
    }

    /// Index the entries (longest phrases first).
    pub fn build(mut self) -> Table {
        // One entry per phrase and meaning, its languages merged ("cinco": es and pt).
        let mut merged: Vec<Entry> = Vec::with_capacity(self.entries.len());
        for e in std::mem::take(&mut self.entries) {
            match merged.iter_mut().find(|m| m.kind == e.kind && m.toks == e.toks && m.val == e.val && m.num == e.num) {
                Some(m) => m.langs |= e.langs,
                None => merged.push(e),
            }
        }
        self.entries = merged;
        self.entries.sort_by_key(|e| std::cmp::Reverse(e.toks.len()));
        for (i, e) in self.entries.iter().enumerate() {
            let (first, last) = (&e.toks[0], &e.toks[e.toks.len() - 1]);
            self.first.entry(first).push(i as u32);
            self.last.entry(last).push(i as u32);
            self.first_lens |= len_bit(first.len());
            self.last_lens |= len_bit(last.len());
            self.last_digit |= last.bytes().any(|b| b.is_ascii_digit());
        }
        self
    }

    /// `tok` may be a key of a map whose key lengths are `lens`.
    #[inline]
    fn may_be_key(tok: &str, lens: u64) -> bool {
        lens & len_bit(tok.len()) != 0 || !tok.is_ascii()
    }

    /// Can a phrase end with a token that has a digit ("km2")?
    pub fn has_digit_keys(&self) -> bool {
        self.last_digit
    }

    /// May `w` start a phrase of this table? Only a mask test for a table of the vocabulary.
    #[inline]
    fn may_start(&self, w: Word) -> bool {
        self.bit == 0 || w.first & self.bit != 0
    }

    /// `match_fwd_tok` of a word looked up in the vocabulary: no folding nor hashing when the
    /// word starts none of this table's phrases.
    #[inline]
    pub fn fwd(&self, text: &str, w: Word) -> Option<Hit<'_>> {
        if !self.may_start(w) {
            return None;
        }
        self.match_fwd_tok(text, w.tok)
    }

    /// `match_back` from the end of `w`, the token before a position (`Vocab::word_before`).
    #[inline]
    pub fn back(&self, text: &str, w: Word) -> Option<Hit<'_>> {
        if self.bit != 0 && w.last & self.bit == 0 {
            return None;
        }
        self.match_back(text, w.tok.end)
    }

    /// `contains_word` of a word looked up in the vocabulary.
    #[inline]
    pub fn has(&self, text: &str, w: Word) -> bool {
        if self.bit == 0 { self.contains_word(w.tok.s(text)) } else { w.single & self.bit != 0 }
    }

    pub fn contains_word(&self, word: &str) -> bool {
        if !Table::may_be_key(word, self.first_lens) {
            return false;
        }
        self.first.get(word).is_some_and(|v| v.iter().any(|&i| self.entries[i as usize].toks.len() == 1))
    }

    /// The longest phrase starting at the first token at or after `pos`.
    pub fn match_fwd(&self, text: &str, pos: usize) -> Option<Hit<'_>> {
        let t0 = next_tok(text, pos)?;
        self.match_fwd_tok(text, t0)
    }

    pub fn match_fwd_tok(&self, text: &str, t0: Tok) -> Option<Hit<'_>> {
        if !Table::may_be_key(t0.s(text), self.first_lens) {
            return None;
        }
        let cands = self.first.get(t0.s(text))?;
        'e: for &i in cands {
            let e = &self.entries[i as usize];
            let mut end = t0.end;
            for want in &e.toks[1..] {
                match next_tok(text, end) {
                    Some(t) if fold_eq(t.s(text), want) => end = t.end,
                    _ => continue 'e,
                }
            }
            return Some(Hit { e, start: t0.start, end });
        }
        None
    }

    /// The longest phrase ending at the last token before `pos` (whitespace between allowed).
    pub fn match_back(&self, text: &str, pos: usize) -> Option<Hit<'_>> {
        if self.max_len == 0 {
            return None;
        }
        let last = prev_tok(text, pos)?;
        if !Table::may_be_key(last.s(text), self.last_lens) {
            return None;
        }
        let cands = self.last.get(last.s(text))?;
        let mut toks: [Tok; 8] = [last; 8];
        let mut keys = [LONG; 8];
        // Most last tokens end no phrase: the tokens before one are read only when some phrase
        // ends there, and only as far as a candidate still matches (`n` read so far; `at_start`
        // when no token stands before the last one read).
        let (mut n, mut at_start) = (1, false);
        'e: for &i in cands {
            let e = &self.entries[i as usize];
            let k = e.toks.len();
            if k > toks.len() {
                continue;
            }
            for j in 1..k {
                if j == n {
                    let before = if at_start { None } else { prev_tok(text, toks[n - 1].start) };
                    let Some(t) = before else {
                        at_start = true;
                        continue 'e;
                    };
                    (toks[n], keys[n]) = (t, key(text, t));
                    n += 1;
                }
                if !e.is_token(text, toks[j], keys[j], k - 1 - j) {
                    continue 'e;
                }
            }
            let first = toks[k - 1];
            // A word phrase must start at a word boundary.
            if first.is_word(text) && char_before(text, first.start).is_some_and(is_word) {
                continue;
            }
            return Some(Hit { e, start: first.start, end: toks[0].end });
        }
        None
    }
}

/// The `pack`ed key of a token too long for one: it is compared char by char. No token packs to
/// it (no UTF-8 byte is 0xFF).
const LONG: u128 = u128::MAX;

/// A token of the text folded and packed as `Entry::keys` are, read once and compared with every
/// candidate phrase's token as one integer: `LONG` when it folds to more than 16 bytes.
fn key(text: &str, tok: Tok) -> u128 {
    let s = tok.s(text);
    match pack(s.as_bytes()) {
        Some(p) if p & HIGH_BITS == 0 => ascii_lower(p),
        _ => {
            let mut buf = [0u8; 64];
            fold_into(s, &mut buf).and_then(|f| pack(f.as_bytes())).unwrap_or(LONG)
        }
    }
}

/// A token with the tables (their `bit`) whose phrases it may start (`first`) or end (`last`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    pub tok: Tok,
    first: u64,
    last: u64,
    /// The tables with the word as a whole phrase (`Table::contains_word`).
    single: u64,
}

/// Every first and last token of up to 64 tables, with the masks of the tables it starts or ends
/// a phrase of: a token around a number is folded and hashed once, and each table that reads it
/// then tests a bit, instead of folding and hashing it again.
pub(crate) struct Vocab {
    /// The masks of each folded token.
    words: TokMap<[u64; 3]>,
    /// The masks of the one-byte ASCII tokens ("%", "$", ",", "a"), by byte: no hashing.
    bytes: [[u64; 3]; 128],
    /// The byte lengths of the keys, as in `Table::first_lens`.
    lens: u64,
}

/// A map keyed by folded tokens, looked up by a token of the text: one of up to 16 ASCII bytes
/// is lower-cased as it is packed (`pack`) and hashed and compared as one integer, neither
/// folded nor hashed as a string; any other is folded first.
#[derive(Debug)]
struct TokMap<V> {
    /// The folded keys of up to 16 bytes, by `pack`.
    short: FastMap<u128, V>,
    /// The longer folded keys, by their bytes.
    long: FastMap<Box<[u8]>, V>,
}

impl<V> Default for TokMap<V> {
    fn default() -> Self {
        TokMap { short: FastMap::default(), long: FastMap::default() }
    }
}

impl<V: Default> TokMap<V> {
    /// The value of the folded key `key`, inserted if missing.
    fn entry(&mut self, key: &str) -> &mut V {
        match pack(key.as_bytes()) {
            Some(p) => self.short.entry(p).or_default(),
            None => self.long.entry(key.as_bytes().into()).or_default(),
        }
    }
}

impl<V> TokMap<V> {
    /// The value of the key that `tok` folds to.
    #[inline]
    fn get(&self, tok: &str) -> Option<&V> {
        // ASCII is told on the packed integer: no byte has its high bit set.
        if let Some(p) = pack(tok.as_bytes())
            && p & HIGH_BITS == 0
        {
            return self.short.get(&ascii_lower(p));
        }
        let mut buf = [0u8; 64];
        let key = fold_into(tok, &mut buf)?;
        match pack(key.as_bytes()) {
            Some(p) => self.short.get(&p),
            None => self.long.get(key.as_bytes()),
        }
    }
}

/// Up to 16 bytes as one integer, in order, zeros after (no token has a zero byte). Read as two
/// little-endian words, a full one by one load and a short one byte by byte, not copied into a
/// zeroed buffer: a copy of variable length is a `memcpy` call, and every look-up paid for it.
/// (`hash::tail` reads a short word in fewer loads, but calling it from here changed how the
/// hasher was inlined into `discover::persons`' word scan: +1.1M instructions on the 1 MiB text.)
#[inline]
fn pack(s: &[u8]) -> Option<u128> {
    if s.len() > 16 {
        return None;
    }
    let word = |b: &[u8]| match b.first_chunk::<8>() {
        Some(w) => u64::from_le_bytes(*w),
        None => b.iter().rev().fold(0u64, |v, &c| v << 8 | u64::from(c)),
    };
    let (lo, hi) = s.split_at(s.len().min(8));
    Some(u128::from(word(lo)) | u128::from(word(hi)) << 64)
}

/// The high bit of each byte of a `pack`ed integer: none is set when the bytes are ASCII.
const HIGH_BITS: u128 = u128::MAX / 255 * 0x80;

/// `pack` of ASCII bytes, lower-cased: 0x20 added to every byte in 'A'..='Z' at once (no byte is
/// above 0x7F, so no sum carries into the next byte).
#[inline]
fn ascii_lower(x: u128) -> u128 {
    const ONES: u128 = u128::MAX / 255;
    let at_least_a = x + ONES * (0x80 - u128::from(b'A'));
    let above_z = x + ONES * (0x80 - u128::from(b'Z') - 1);
    x | ((at_least_a & !above_z & (ONES * 0x80)) >> 2)
}

impl Vocab {
    /// Give each table a bit and index its first and last tokens; past 64 tables, the others
    /// keep no bit and are always looked up.
    pub fn new<'t>(tables: impl IntoIterator<Item = &'t mut Table>) -> Vocab {
        let mut v = Vocab { words: TokMap::default(), bytes: [[0; 3]; 128], lens: 0 };
        for (i, t) in tables.into_iter().enumerate().take(64) {
            t.bit = 1 << i;
            for e in &t.entries {
                let (first, last) = (&e.toks[0], &e.toks[e.toks.len() - 1]);
                let masks = v.words.entry(first);
                masks[0] |= t.bit;
                if e.toks.len() == 1 {
                    masks[2] |= t.bit;
                }
                v.words.entry(last)[1] |= t.bit;
                v.lens |= len_bit(first.len()) | len_bit(last.len());
            }
        }
        for c in 0..128u8 {
            v.bytes[usize::from(c)] = v.words.short.get(&u128::from(c.to_ascii_lowercase())).copied().unwrap_or_default();
        }
        v
    }

    pub fn word(&self, text: &str, tok: Tok) -> Word {
        let s = tok.s(text);
        let masks = match *s.as_bytes() {
            [c] if c < 0x80 => self.bytes[usize::from(c)],
            _ => self.masks(s),
        };
        Word { tok, first: masks[0], last: masks[1], single: masks[2] }
    }

    /// The masks of a token: ASCII is lower-cased as it is packed, other text folded.
    fn masks(&self, s: &str) -> [u64; 3] {
        if !Table::may_be_key(s, self.lens) {
            return [0; 3];
        }
        self.words.get(s).copied().unwrap_or_default()
    }

    /// The word at or after `pos` (`next_tok`).
    pub fn word_after(&self, text: &str, pos: usize) -> Option<Word> {
        next_tok(text, pos).map(|t| self.word(text, t))
    }

    /// The word ending at or before `pos` (`prev_tok`), for `Table::back`.
    pub fn word_before(&self, text: &str, pos: usize) -> Option<Word> {
        prev_tok(text, pos).map(|t| self.word(text, t))
    }
}

/// Read a TSV of `kind \t phrase \t a \t b \t ...` into tables by kind. For numbers.tsv the columns
/// are kind, phrase, value, langs; for units.tsv kind, phrase, unit, factor, langs.
pub(crate) fn load(tsv: &str, units: bool) -> FastMap<String, Table> {
    let mut tables: FastMap<String, Table> = FastMap::default();
    for line in tsv.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let (val, num, langs) = if units {
            (cols[2].to_string(), cols.get(3).and_then(|s| s.trim().parse().ok()).unwrap_or(0.0), cols.get(4).copied().unwrap_or("*"))
        } else {
            (cols[2].trim().to_string(), cols[2].trim().parse().unwrap_or(0.0), cols.get(3).copied().unwrap_or("*"))
        };
        let toks = phrase_tokens(cols[1]);
        let e = Entry {
            phrase: cols[1].to_string(),
            keys: toks.iter().map(|t| pack(t.as_bytes()).unwrap_or(LONG)).collect(),
            toks,
            val,
            num,
            langs: parse_langs(langs),
            kind: cols[0].to_string(),
        };
        tables.entry(cols[0].to_string()).or_default().push(e);
    }
    tables.into_iter().map(|(k, t)| (k, t.build())).collect()
}

/// Merge several kinds into one table (e.g. every unit class).
pub(crate) fn merged(tables: &FastMap<String, Table>, kinds: &[&str]) -> Table {
    let mut t = Table::default();
    for k in kinds {
        if let Some(src) = tables.get(*k) {
            for e in &src.entries {
                t.push(e.clone());
            }
        }
    }
    t.build()
}

/// What the quantity and date finders read of a document, each found once, on first need: its
/// language, the words of their vocabularies (one scan for both) and the runs of digits.
#[derive(Default)]
pub(crate) struct DocLex {
    lang: std::cell::OnceCell<u8>,
    words: std::cell::OnceCell<[Vec<(Tok, u32)>; 2]>,
    digit_runs: std::cell::OnceCell<Vec<(usize, usize)>>,
}

/// What `discover`'s word scan reads for the quantity and date finders: the words of their
/// vocabularies (`QUANTITY_WORDS`, `DATE_WORDS`) and the runs of ASCII digits, in order.
#[derive(Debug, PartialEq)]
pub(crate) struct DocWords {
    pub vocabulary: [Vec<(Tok, u32)>; 2],
    pub digit_runs: Vec<(usize, usize)>,
}

/// Which finder's words `DocLex::words` gives.
pub(crate) const QUANTITY_WORDS: usize = 0;
pub(crate) const DATE_WORDS: usize = 1;

impl DocLex {
    /// With the words of both vocabularies and the language found already (`discover`'s word
    /// scan).
    pub fn with_words(words: DocWords, lang: u8) -> DocLex {
        DocLex { lang: lang.into(), words: words.vocabulary.into(), digit_runs: words.digit_runs.into() }
    }

    /// The runs of ASCII digits of `text`, as byte spans (`crate::text::digit_runs`).
    pub fn digit_runs(&self, text: &str) -> &[(usize, usize)] {
        self.digit_runs.get_or_init(|| crate::text::digit_runs(text).collect())
    }

    pub fn lang(&self, text: &str) -> u8 {
        *self.lang.get_or_init(|| guess_lang(text))
    }

    /// The words of `text` in the quantity (`QUANTITY_WORDS`) or date (`DATE_WORDS`) vocabulary,
    /// in order, with their values.
    pub fn words(&self, text: &str, which: usize) -> &[(Tok, u32)] {
        let words = self.words.get_or_init(|| {
            let mut out = [Vec::new(), Vec::new()];
            WordSet::scan(text, [&crate::quantities::lex().words, crate::dates::word_set()], |set, tok, v| out[set].push((tok, v)));
            out
        });
        &words[which]
    }
}

/// A rough language guess from function words, for the few rules that depend on it (day-first
/// numeric dates, bare "$", number words). Returns EN, ES or PT, or ANY when unsure.
pub(crate) fn guess_lang(text: &str) -> u8 {
    let mut count = LangCount::default();
    for w in crate::text::alphanumeric_runs(&text[..lang_sample_end(text)]) {
        count.add(w);
    }
    count.guess()
}

/// The end of the text `guess_lang` reads.
pub(crate) fn lang_sample_end(text: &str) -> usize {
    floor_char(text, text.len().min(20_000))
}

/// The function words of each language `guess_lang` counts, by the language's bit (`EN`, `ES`,
/// `PT`); 0 counts the words that are none.
#[derive(Default)]
pub(crate) struct LangCount {
    counts: [u32; 5],
}

/// The function words the language guess counts, each list written once: `LANG_OF` with their
/// languages for `LANG_TABLE`, `LANG_WORDS` for the finders' word classes (`discover::persons`).
macro_rules! lang_words {
    ($($lang:ident: $($w:literal)|+;)+) => {
        /// The language whose function word `w` is, as written (case counts): what `LANG_TABLE`
        /// reads, as a `match`.
        #[cfg(test)]
        fn lang_of(w: &str) -> Option<u8> {
            match w {
                $($($w)|+ => Some($lang),)+
                _ => None,
            }
        }

        /// Every word the guess counts, with its language.
        const LANG_OF: &[(&str, u8)] = &[$($(($w, $lang)),+),+];

        /// Every word the guess counts.
        pub(crate) const LANG_WORDS: &[&str] = &[$($($w),+),+];
    };
}

lang_words! {
    EN: "the" | "and" | "of" | "to" | "was" | "is" | "The" | "with";
    ES: "el" | "la" | "los" | "las" | "del" | "y" | "que" | "El" | "La" | "Los" | "con" | "por" | "una" | "en" | "se";
    PT: "o" | "os" | "não" | "em" | "do" | "da" | "dos" | "das" | "e" | "uma" | "com" | "pelo" | "pela" | "ao";
}

/// log2 of the slots of `LANG_TABLE`.
const LANG_BITS: u32 = 7;

/// The slot of a word of at most four bytes, from its bytes little-endian (zero above them).
#[inline]
const fn lang_slot(key: u32) -> usize {
    (key.wrapping_mul(0xc2b2_ae35) >> (32 - LANG_BITS)) as usize
}

/// The bytes of a word of at most four bytes, little-endian, zero above them.
const fn short_key(w: &[u8]) -> u32 {
    let mut key = 0;
    let mut i = 0;
    while i < w.len() {
        key |= (w[i] as u32) << (8 * i);
        i += 1;
    }
    key
}

/// The words of `LANG_OF` by `lang_slot`: each word's key, length and language (length 0 in an
/// empty slot). No two words share a slot (checked as the table is built, at compile time): a
/// look-up is one probe and one compare, where a `match` on the string switched on its length
/// and compared bytes, a branch the predictor missed on a word in five.
static LANG_TABLE: [(u32, u8, u8); 1 << LANG_BITS] = {
    let mut table = [(0, 0, 0); 1 << LANG_BITS];
    let mut n = 0;
    while n < LANG_OF.len() {
        let (w, lang) = LANG_OF[n];
        let w = w.as_bytes();
        assert!(w.len() <= 4, "a function word is at most four bytes");
        let key = short_key(w);
        assert!(table[lang_slot(key)].1 == 0, "two function words share a slot");
        table[lang_slot(key)] = (key, w.len() as u8, lang);
        n += 1;
    }
    table
};

/// The masks of a key's first n bytes, n up to four.
const SHORT_MASKS: [u32; 5] = [0, 0xff, 0xffff, 0xff_ffff, !0];

impl LangCount {
    /// Count one run of letters and digits.
    #[inline]
    pub fn add(&mut self, w: &str) {
        if w.len() <= 4 {
            self.add_key(short_key(w.as_bytes()), w.len());
        }
    }

    /// Count the run of letters and digits `text[start..end]`, read with one load where four
    /// bytes follow its start. Inlined into the caller's loop: a call cost as much as the count.
    #[inline(always)]
    pub fn add_at(&mut self, text: &str, start: usize, end: usize) {
        let len = end - start;
        match text.as_bytes().get(start..start + 4).and_then(|b| b.first_chunk::<4>()) {
            Some(b) if len <= 4 => self.add_key(u32::from_le_bytes(*b) & SHORT_MASKS[len], len),
            _ => self.add_near_end(&text[start..end]),
        }
    }

    /// `add` for `add_at` near the end of the text (or past four bytes), kept out of its loop.
    #[inline(never)]
    fn add_near_end(&mut self, w: &str) {
        self.add(w);
    }

    /// Count the word of `len` bytes (at most four) whose key (`short_key`) is `key`.
    #[inline]
    fn add_key(&mut self, key: u32, len: usize) {
        let (k, n, lang) = LANG_TABLE[lang_slot(key)];
        let hit = k == key && usize::from(n) == len;
        self.counts[usize::from(if hit { lang } else { 0 })] += 1;
    }

    pub fn guess(&self) -> u8 {
        let [_, en, es, _, pt] = self.counts;
        // Confident only with a clear lead; otherwise any language.
        let top = en.max(es).max(pt);
        let second = en + es + pt - top - en.min(es).min(pt);
        if top < 3 || top < 2 * second {
            ANY
        } else if top == en {
            EN
        } else if top == es {
            ES
        } else {
            PT
        }
    }
}

pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A set of single words found in one pass over a text's word starts: a bitset over the first
/// three folded letters rejects almost every word before any lookup. Faster on prose than an
/// Aho-Corasick automaton over many short, common patterns that mostly match inside words.
pub(crate) struct WordSet {
    bits: Vec<u64>,
    words: FastMap<String, u32>,
}

#[inline]
fn letter_code(c: char) -> Option<usize> {
    let f = fold_char(c);
    if f.is_ascii_lowercase() {
        Some((f as u8 - b'a') as usize + 1)
    } else if is_word(f) {
        Some(27)
    } else {
        None
    }
}

/// Each ASCII byte's letter code (`letter_code`), `NO_CODE` for bytes that are not letters or
/// digits and for non-ASCII bytes.
const NO_CODE: u8 = u8::MAX;
static ASCII_CODE: [u8; 256] = {
    let mut t = [NO_CODE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = (c | 0x20) - b'a' + 1;
        } else if c.is_ascii_digit() {
            t[b] = 27;
        }
        b += 1;
    }
    t
};

/// `key3` of a word whose first three bytes are ASCII letters or digits, by table; else `key3`.
#[inline]
fn key3_fast(word: &str) -> Option<usize> {
    if let [a, b, c, ..] = *word.as_bytes() {
        let (a, b, c) = (ASCII_CODE[usize::from(a)], ASCII_CODE[usize::from(b)], ASCII_CODE[usize::from(c)]);
        if a != NO_CODE && b != NO_CODE && c != NO_CODE {
            return Some((usize::from(a) * 32 + usize::from(b)) * 32 + usize::from(c));
        }
    }
    key3(word)
}

fn key3(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let m = b.len().min(3);
    if b[..m].iter().all(u8::is_ascii) {
        let code = |k: usize| -> Option<usize> {
            match b.get(k) {
                None => Some(0),
                Some(c) if c.is_ascii_alphabetic() => Some(((c | 0x20) - b'a') as usize + 1),
                Some(c) if c.is_ascii_digit() => Some(27),
                Some(_) => None,
            }
        };
        return Some((code(0)? * 32 + code(1)?) * 32 + code(2)?);
    }
    let mut k = 0usize;
    let mut it = word.chars();
    for _ in 0..3 {
        k = k * 32
            + match it.next() {
                Some(c) => letter_code(c)?,
                None => 0,
            };
    }
    Some(k)
}

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = (String, u32)>) -> WordSet {
        let mut set = WordSet { bits: vec![0; 32 * 32 * 32 / 64], words: FastMap::default() };
        for (w, v) in words {
            let f = fold(&w);
            if let Some(k) = key3(&f) {
                set.bits[k / 64] |= 1 << (k % 64);
                set.words.entry(f).or_insert(v);
            }
        }
        set
    }

    /// The folded words of the set.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }

    /// The value of a folded word.
    pub fn get(&self, folded: &str) -> Option<u32> {
        self.words.get(folded).copied()
    }

    /// Call `f(set, word, value)` for every whole word of `text` in any of `sets`, in order: one
    /// pass, one key and one folding per word for all sets.
    pub fn scan<const N: usize>(text: &str, sets: [&WordSet; N], f: impl FnMut(usize, Tok, u32)) {
        WordSet::scan_range(text, 0, text.len(), sets, f);
    }

    /// `scan` of the words within `from..to` (char boundaries, `from` not inside a word).
    pub fn scan_range<const N: usize>(text: &str, from: usize, to: usize, sets: [&WordSet; N], mut f: impl FnMut(usize, Tok, u32)) {
        let b = text.as_bytes();
        let alnum = |c: u8| crate::text::ALNUM[usize::from(c)];
        let n = to;
        let mut i = from;
        while i < n {
            let c = b[i];
            if c < 0x80 {
                if !alnum(c) {
                    i += 1;
                    continue;
                }
                if c.is_ascii_digit() {
                    while i < n && alnum(b[i]) {
                        i += 1;
                    }
                    continue;
                }
            } else if c < 0xC0 {
                i += 1;
                continue;
            }
            // the end of the word
            let mut j = i;
            loop {
                while j < n && alnum(b[j]) {
                    j += 1;
                }
                if j < n && b[j] >= 0x80 {
                    match text[j..].chars().next() {
                        Some(ch) if is_word(ch) => {
                            j += ch.len_utf8();
                            continue;
                        }
                        _ => {}
                    }
                }
                break;
            }
            if j == i {
                i += 1;
                while i < n && (b[i] & 0xC0) == 0x80 {
                    i += 1;
                }
                continue;
            }
            let start_ok =
                i == 0 || (b[i - 1] < 0x80 && !alnum(b[i - 1])) || (b[i - 1] >= 0x80 && !char_before(text, i).is_some_and(is_word));
            if start_ok {
                let w = &text[i..j];
                if let Some(k) = key3_fast(w)
                    && sets.iter().any(|s| s.bits[k / 64] & (1 << (k % 64)) != 0)
                {
                    let mut buf = [0u8; 64];
                    if let Some(key) = fold_into(w, &mut buf) {
                        for (n, set) in sets.iter().enumerate() {
                            if let Some(&v) = set.words.get(key) {
                                f(n, Tok { start: i, end: j }, v);
                            }
                        }
                    }
                }
            }
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LANG_WORDS, LangCount, Tok, fold_into, is_space, is_word, lang_of, next_tok, prev_tok};

    /// The table counts a word as the `match` of `lang_of` does, read whole (`add`) or at its
    /// place in a text (`add_at`, with and without four bytes after its start).
    #[test]
    fn lang_table_counts_as_the_match() {
        let letters = ["a", "e", "o", "s", "l", "d", "T", "h", "ã", "n", "\0", "E"];
        let mut words: Vec<String> = LANG_WORDS.iter().map(|w| w.to_string()).collect();
        for a in letters {
            for b in letters {
                for c in ["", "a", "o", "s", "e"] {
                    words.push(format!("{a}{b}{c}"));
                    words.push(format!("{a}{c}"));
                }
            }
        }
        words.extend(["thes", "theo", "with", "withe", "pelos", "nã", "ão", "THE", "Del", ""].map(String::from));
        for w in &words {
            let counted = |add: &dyn Fn(&mut LangCount)| {
                let mut count = LangCount::default();
                add(&mut count);
                count.counts
            };
            let mut expected = [0; 5];
            expected[usize::from(lang_of(w).unwrap_or(0))] += u32::from(w.len() <= 4);
            assert_eq!(counted(&|c| c.add(w)), expected, "{w:?}");
            for text in [format!(" {w}"), format!(" {w} and more")] {
                assert_eq!(counted(&|c| c.add_at(&text, 1, 1 + w.len())), expected, "{w:?} in {text:?}");
            }
        }
    }

    /// The first char of `chars` past whitespace, unless a blank line (two line breaks) comes
    /// first: the gap `next_tok` and `prev_tok` step over, read char by char.
    fn past_gap(mut chars: impl Iterator<Item = (usize, char)>) -> Option<(usize, char)> {
        let mut newlines = 0;
        loop {
            let (i, c) = chars.next()?;
            if c == '\n' {
                newlines += 1;
                if newlines > 1 {
                    return None;
                }
            } else if !is_space(c) {
                return Some((i, c));
            }
        }
    }

    /// `next_tok` and `prev_tok` read char by char, as they did before their ASCII fast path.
    fn next_by_chars(text: &str, pos: usize) -> Option<Tok> {
        let (off, c) = past_gap(text[pos..].char_indices())?;
        let start = pos + off;
        let mut end = start + c.len_utf8();
        if is_word(c) {
            end = text[end..].char_indices().find(|&(_, c)| !is_word(c)).map_or(text.len(), |(i, _)| end + i);
        }
        Some(Tok { start, end })
    }

    fn prev_by_chars(text: &str, pos: usize) -> Option<Tok> {
        let (i, c) = past_gap(text[..pos].char_indices().rev())?;
        let end = i + c.len_utf8();
        let mut start = i;
        if is_word(c) {
            for (j, c) in text[..i].char_indices().rev() {
                if !is_word(c) {
                    break;
                }
                start = j;
            }
        }
        Some(Tok { start, end })
    }

    /// `pack` reads the bytes as copying them into a zeroed 16-byte buffer did.
    #[test]
    fn pack_is_the_zero_padded_little_endian_integer() {
        let bytes: Vec<u8> = (1..=17u8).map(|b| b.wrapping_mul(37) | 1).collect();
        for n in 0..=16 {
            let mut v = [0u8; 16];
            v[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(super::pack(&bytes[..n]), Some(u128::from_le_bytes(v)), "{n}");
        }
        assert_eq!(super::pack(&bytes), None);
    }

    #[test]
    fn ascii_lower_lowers_only_capitals() {
        for s in ["", "Tons", "KG", "@[`{z", "US$", "0123456789ABCDEF"] {
            let want = super::pack(s.to_ascii_lowercase().as_bytes());
            assert_eq!(super::pack(s.as_bytes()).map(super::ascii_lower), want, "{s:?}");
        }
    }

    #[test]
    fn general_punctuation_has_no_word_char() {
        for c in ('\u{2000}'..='\u{206f}').chain(['a', 'é', '7', '’', '€']) {
            assert_eq!(is_word(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn tokens_are_read_as_char_by_char() {
        for text in [
            "",
            "a",
            " 2,146 kg\n",
            "US$ 3 000\u{a0}millones",
            "año  2014.\n\nNext",
            "São\u{202f}Paulo—12 t",
            "€5 «x» ½ 7º",
            "a\r\n b\t\u{2009}c",
        ] {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                assert_eq!(next_tok(text, pos), next_by_chars(text, pos), "next {text:?} {pos}");
                assert_eq!(prev_tok(text, pos), prev_by_chars(text, pos), "prev {text:?} {pos}");
            }
        }
    }

    /// Lower-case ASCII comes back as it is, anything else folded; too long is None either way.
    #[test]
    fn fold_into_borrows_only_what_is_folded_already() {
        let mut buf = [0u8; 64];
        for (tok, want) in [("tons", Some("tons")), ("Tons", Some("tons")), ("KG", Some("kg")), ("Año", Some("ano")), ("", Some(""))] {
            assert_eq!(fold_into(tok, &mut buf), want, "{tok:?}");
        }
        let long = "a".repeat(65);
        assert_eq!(fold_into(&long, &mut buf), None);
        assert_eq!(fold_into(&long.to_uppercase(), &mut buf), None);
        assert_eq!(fold_into(&long[..64], &mut buf), Some(&long[..64]));
    }
}
