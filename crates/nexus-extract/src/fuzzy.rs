//! Typo-tolerant matching for long names only ("Sendero Luninoso" → Sendero Luminoso): a run of
//! capitalised words that matched nothing is compared with the curated names of about its length,
//! allowing one edit per ten characters. Short names never match fuzzily: "Ene" is not "Ena".

use crate::fold::fold;
use crate::text::swar;
use nexus_kb::{EntityType, KnowledgeBase};

/// Names shorter than this (folded, in bytes) are matched exactly or not at all.
const MIN_LEN: usize = 12;

pub struct FuzzyNames {
    /// (folded name, entity index), sorted by length.
    names: Vec<(String, usize)>,
    /// Per name, its characters (for the edit distance), the set of them as a 64-bit mask and how
    /// often each occurs (`CharCounts`): an edit changes the set by at most two, so masks that
    /// differ in more than 2k bits are more than k edits apart and need no distance; the counts
    /// then reject most of the rest.
    chars: Vec<Vec<char>>,
    masks: Vec<u64>,
    counts: Vec<CharCounts>,
    /// Word to the names (indices) containing it: with fewer edits than words, some word of the
    /// span is intact, so only names sharing a word need a distance. Each list is ascending.
    by_word: crate::hash::FxMap<String, Vec<u32>>,
}

fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

/// How often the chars of a string occur, by code point modulo 32 (the lower-case letters, the
/// space and most digits apart), each count at most 127, one per byte. An edit changes the
/// counts by at most two in all (and merged or capped counts by no more), so strings whose counts
/// differ by more than 2k in all are more than k edits apart. Of the names that share a word with
/// a span, have about its length and pass the masks, this leaves almost none for the distance.
#[derive(Clone, Copy)]
struct CharCounts([u64; 4]);

impl CharCounts {
    fn of(s: &str) -> CharCounts {
        let mut n = [0u8; 32];
        for c in s.chars() {
            let b = &mut n[c as usize % 32];
            *b = (*b + 1).min(127);
        }
        CharCounts(std::array::from_fn(|i| n[8 * i..].first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w))))
    }

    /// The sum of the differences of the counts, eight at a time: `a - b + 128` and `b - a + 128`
    /// per byte borrow nothing from the next, and the one whose top bit is set holds the
    /// difference in its low seven bits.
    fn distance(&self, other: &CharCounts) -> usize {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const PAIRS: u64 = 0x00ff_00ff_00ff_00ff;
        let low_where_high = |d: u64| d & ((d & HIGH) - ((d & HIGH) >> 7));
        // Sixteen-bit sums of byte pairs: at most 4 × 254.
        let mut sums = 0u64;
        for (&a, &b) in self.0.iter().zip(&other.0) {
            let diff = low_where_high((a | HIGH) - b) | low_where_high((b | HIGH) - a);
            sums += (diff & PAIRS) + (diff >> 8 & PAIRS);
        }
        (sums.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    }
}

/// The Levenshtein distance of `a` and `b` when it is at most `k`: only the band of 2k + 1
/// diagonals is computed, values are capped at k + 1, and a row entirely above k stops it.
/// `prev` and `cur` are reused buffers.
fn levenshtein_within(a: &[char], b: &[char], k: usize, prev: &mut Vec<usize>, cur: &mut Vec<usize>) -> Option<usize> {
    let n = b.len();
    if a.len().abs_diff(n) > k {
        return None;
    }
    let big = k + 1;
    prev.clear();
    prev.extend((0..=n).map(|j| j.min(big)));
    cur.clear();
    cur.resize(n + 1, big);
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(n);
        cur[0] = i.min(big);
        cur[lo - 1] = if lo == 1 { cur[0] } else { big };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let v = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(big);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < n {
            cur[hi + 1] = big;
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(prev, cur);
    }
    (prev[n] <= k).then_some(prev[n])
}

/// A string of at most 64 chars as the bit masks of Myers' bit-parallel edit distance: for each
/// char, the positions where it occurs.
struct BitPattern {
    len: usize,
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
}

impl BitPattern {
    fn new(chars: &[char]) -> Option<BitPattern> {
        if chars.is_empty() || chars.len() > 64 {
            return None;
        }
        let mut p = BitPattern { len: chars.len(), ascii: [0; 128], other: Vec::new() };
        for (i, &c) in chars.iter().enumerate() {
            match p.ascii.get_mut(c as usize) {
                Some(m) => *m |= 1 << i,
                None => match p.other.iter_mut().find(|(d, _)| *d == c) {
                    Some((_, m)) => *m |= 1 << i,
                    None => p.other.push((c, 1 << i)),
                },
            }
        }
        Some(p)
    }

    fn eq(&self, c: char) -> u64 {
        match self.ascii.get(c as usize) {
            Some(&m) => m,
            None => self.other.iter().find(|(d, _)| *d == c).map_or(0, |&(_, m)| m),
        }
    }

    /// The Levenshtein distance of the pattern and `text` when it is at most `k`, as
    /// `levenshtein_within` gives it: one column of the distance table per char of `text` in a
    /// few word operations (Myers 1999, in Hyyrö's form for the global distance). The last
    /// row's value can fall by at most one per column left, so it stops once it cannot reach k.
    fn distance_within(&self, text: &[char], k: usize) -> Option<usize> {
        if self.len.abs_diff(text.len()) > k {
            return None;
        }
        let last = 1u64 << (self.len - 1);
        let (mut pv, mut mv, mut score) = (!0u64, 0u64, self.len);
        for (j, &c) in text.iter().enumerate() {
            let eq = self.eq(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            if score > k + (text.len() - j - 1) {
                return None;
            }
            let ph = (ph << 1) | 1;
            let mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        (score <= k).then_some(score)
    }
}

impl FuzzyNames {
    pub fn new(kb: &KnowledgeBase) -> FuzzyNames {
        let mut names: Vec<(String, usize)> = kb
            .entities()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind.as_deref() != Some("city") && !matches!(e.entity_type, EntityType::Commodity | EntityType::Activity))
            .flat_map(|(i, e)| e.names().map(fold).filter(|n| n.len() >= MIN_LEN && n.contains(' ')).map(move |n| (n, i)))
            .collect();
        names.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        names.dedup();
        let chars = names.iter().map(|(n, _)| n.chars().collect()).collect();
        let masks = names.iter().map(|(n, _)| char_mask(n)).collect();
        let counts = names.iter().map(|(n, _)| CharCounts::of(n)).collect();
        let mut by_word: crate::hash::FxMap<String, Vec<u32>> = Default::default();
        for (k, (n, _)) in names.iter().enumerate() {
            for w in n.split(' ').filter(|w| !w.is_empty()) {
                let v = by_word.entry(w.to_owned()).or_default();
                if v.last() != Some(&(k as u32)) {
                    v.push(k as u32);
                }
            }
        }
        FuzzyNames { names, chars, masks, counts, by_word }
    }

    /// The entry whose name is within the allowed edits of `span`, when exactly one is closest.
    pub fn lookup(&self, span: &str) -> Option<usize> {
        if too_short(span) {
            return None;
        }
        let folded = fold(span);
        if folded.len() < MIN_LEN {
            return None;
        }
        let allowed = folded.len() / 10;
        let words = || folded.split(' ').filter(|w| !w.is_empty());
        // Names are sorted by length: those within `allowed` of the span's length are a range.
        let lo = self.names.partition_point(|(n, _)| n.len() + allowed < folded.len());
        let hi = self.names.partition_point(|(n, _)| n.len() <= folded.len() + allowed);
        // The names sharing a word with the span, each word's in turn, or the whole range. A name
        // sharing two words is tried twice: which comes first, or how often, does not change the
        // closest entry or whether two tie.
        // The words counted on the bytes (a word starts at a byte other than a space that
        // follows a space or the start), not split off one by one.
        let b = folded.as_bytes();
        let word_count = (0..b.len()).filter(|&i| b[i] != b' ' && (i == 0 || b[i - 1] == b' ')).count();
        let indexed = allowed < word_count;
        // Posting lists are in name order, so by length: the names of about the span's length are
        // a slice of each, found by binary search.
        fn in_range(list: &[u32], lo: usize, hi: usize) -> &[u32] {
            let (a, b) = (list.partition_point(|&k| (k as usize) < lo), list.partition_point(|&k| (k as usize) < hi));
            list.get(a..b).unwrap_or_default()
        }
        let (span_mask, span_counts) = (char_mask(&folded), CharCounts::of(&folded));
        // The span's chars, and for spans of up to 64 chars (all but run-on headings) the
        // bit-parallel distance's pattern: made when a name first passes the cheap filters, as most
        // spans have none that does.
        let mut pattern: Option<(Vec<char>, Option<BitPattern>)> = None;
        let (mut prev, mut cur) = (Vec::new(), Vec::new());
        let (mut best, mut tie): (Option<(usize, usize)>, bool) = (None, false);
        // The counts, then the distance, of a name whose mask passed.
        let mut consider = |k: usize| {
            let (name, entity) = &self.names[k];
            if self.counts[k].distance(&span_counts) > 2 * allowed {
                return;
            }
            // "South American" is an adjective, not a misspelt "South America".
            if folded.starts_with(name.as_str()) || name.starts_with(folded.as_str()) {
                return;
            }
            let (span_chars, bits) = pattern.get_or_insert_with(|| {
                let chars: Vec<char> = folded.chars().collect();
                let bits = BitPattern::new(&chars);
                (chars, bits)
            });
            let d = match bits {
                Some(b) => b.distance_within(&self.chars[k], allowed),
                None => levenshtein_within(&self.chars[k], span_chars, allowed, &mut prev, &mut cur),
            };
            let Some(d) = d.filter(|&d| d != 0) else { return };
            match best {
                Some((bd, be)) if d == bd && be != *entity => tie = true,
                Some((bd, _)) if d >= bd => {}
                _ => {
                    best = Some((d, *entity));
                    tie = false;
                }
            }
        };
        let mask_passes = |mask: u64| (mask ^ span_mask).count_ones() as usize <= 2 * allowed;
        if indexed {
            let shared = words().filter_map(|w| self.by_word.get(w)).flat_map(|l| in_range(l, lo, hi)).map(|&k| k as usize);
            for k in shared.filter(|&k| mask_passes(self.masks[k])) {
                consider(k);
            }
        } else {
            // The whole range, most names turned away by their mask in a loop of its own.
            for (k, &mask) in (lo..hi).zip(self.masks.get(lo..hi).unwrap_or_default()) {
                if mask_passes(mask) {
                    consider(k);
                }
            }
        }
        best.filter(|_| !tie).map(|(_, e)| e)
    }
}

/// `span` is certainly too short for a fuzzy match: an ASCII span folds to as many bytes, so a
/// short one is not folded to be found short.
pub fn too_short(span: &str) -> bool {
    span.len() < MIN_LEN && span.is_ascii()
}

/// Runs of two to six capitalised words (name particles allowed inside) that no exact match
/// covers: the candidates for fuzzy lookup, as byte spans. Words are the runs of letters and
/// hyphens (`letter_runs`); a run starts at a capitalised word and goes on while the next word
/// follows after one space and is capitalised, or is a particle with a capitalised word after it.
/// Only capitalised words can start a run, so the scan skips to capital letters (and non-ASCII
/// characters, which may be capitals) eight bytes at a time instead of reading every word.
pub fn capitalised_runs(text: &str, taken: &[(usize, usize)], is_particle: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // Inlined (a closure call here cost as much as the test).
    #[inline(always)]
    fn cap(text: &str, w: (usize, usize)) -> bool {
        match text.as_bytes()[w.0] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text[w.0..w.1].chars().next().is_some_and(char::is_uppercase),
        }
    }
    let mut runs = Vec::new();
    let mut cursor = 0;
    let mut at = 0;
    while let Some(p) = next_capital_or_non_ascii(bytes, at) {
        // A word starts at `p` when the char before is no letter or hyphen.
        let starts = match text[..p].chars().next_back() {
            None => true,
            Some(c) if c.is_ascii() => !LETTER_OR_HYPHEN[c as usize],
            Some(c) => !c.is_alphabetic(),
        };
        let first =
            text[p..].chars().next().map_or((false, 1), |c| (c.is_alphabetic() && (c.is_ascii() || c.is_uppercase()), c.len_utf8()));
        if !starts || !first.0 {
            at = p + first.1;
            continue;
        }
        let (s, mut e) = (p, word_end(text, p));
        let mut words = 1;
        // Extend while the next word follows after one space and is capitalised or a particle
        // followed by a capitalised word.
        while bytes.get(e) == Some(&b' ') {
            let Some(next) = next_word(text, e + 1).filter(|w| w.0 == e + 1) else { break };
            if cap(text, next) || (is_particle(&text[next.0..next.1]) && next_word(text, next.1).is_some_and(|w| cap(text, w))) {
                e = next.1;
                words += 1;
            } else {
                break;
            }
        }
        if words > 1 && words <= 6 {
            // `taken` is sorted and non-overlapping, and runs come in order: one cursor suffices,
            // moved on only for the runs kept (most are one word).
            while cursor < taken.len() && taken[cursor].1 <= s {
                cursor += 1;
            }
            if taken.get(cursor).is_none_or(|&(ts, _)| ts >= e) {
                runs.push((s, e));
            }
        }
        at = e;
    }
    runs
}

/// Capital ASCII letters and every byte of a non-ASCII character: where a capitalised word can
/// start.
static CAPITAL_OR_NON_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_uppercase() || b >= 0x80;
        b += 1;
    }
    t
};

/// The first index from `from` on of an ASCII capital or a non-ASCII byte. Eight bytes are read
/// as one word and tested with a few adds and masks (no table look-up per byte), and the first hit
/// is found by its bit's position: capitals are most of what `capitalised_runs` scans for.
fn next_capital_or_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    // `chunks_exact`: a step of the loop is one count, with no bounds to test again.
    let mut chunks = bytes.get(from..)?.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let x = chunk.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
        let hits = (x & swar::HIGH) | swar::ascii_in_range(x, b'A', b'Z');
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|&b| CAPITAL_OR_NON_ASCII[usize::from(b)]).map(|n| at + n)
}

/// ASCII letters and the hyphen.
static LETTER_OR_HYPHEN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphabetic() || b == b'-' as usize;
        b += 1;
    }
    t
};

/// The ASCII letters and hyphens of eight bytes, as the high bit of each byte.
fn letter_or_hyphen_bytes(x: u64) -> u64 {
    swar::ascii_letters(x) | swar::ascii_equal(x, b'-')
}

/// The end of the run of letters and hyphens from `i`; ASCII bytes without decoding.
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Eight bytes at a time up to the first that is no ASCII letter or hyphen.
        while let Some(chunk) = bytes.get(i..).and_then(|c| c.first_chunk::<8>()) {
            let stop = !letter_or_hyphen_bytes(u64::from_le_bytes(*chunk)) & swar::HIGH;
            if stop != 0 {
                i += (stop.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        while i < bytes.len() && LETTER_OR_HYPHEN[usize::from(bytes[i])] {
            i += 1;
        }
        if i >= bytes.len() || bytes[i].is_ascii() {
            return i;
        }
        match text[i..].chars().next() {
            Some(c) if c.is_alphabetic() => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// The first run of letters and hyphens from `i` on (`i` at a char boundary, not inside a run).
#[inline(always)]
fn next_word(text: &str, mut i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    loop {
        while i < bytes.len() && bytes[i].is_ascii() && !LETTER_OR_HYPHEN[usize::from(bytes[i])] {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        if bytes[i].is_ascii() {
            break;
        }
        let c = text[i..].chars().next()?;
        if c.is_alphabetic() {
            break;
        }
        i += c.len_utf8();
    }
    Some((i, word_end(text, i)))
}

/// The spans of the runs of letters and hyphens of `text`.
#[cfg(test)]
fn letter_runs(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut at = 0;
    while let Some(w) = next_word(text, at) {
        words.push(w);
        at = w.1;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_in_long_names_only() {
        let (kb, _) = KnowledgeBase::load(&[]);
        let f = FuzzyNames::new(&kb);
        let name = |s: &str| f.lookup(s).map(|i| kb.entities()[i].name.clone());
        assert_eq!(name("Sendero Luninoso").as_deref(), Some("Sendero Luminoso"));
        assert_eq!(name("South American"), None, "an adjective is not a typo");
        assert_eq!(name("Sendero Luminoso"), None, "exact names are the automaton's job");
        assert_eq!(name("Los Lobitos"), None, "short names are never fuzzy");
    }

    #[test]
    fn banded_distance_agrees_with_strsim() {
        let words =
            ["sendero luminoso", "sendero luninoso", "clan del golfo", "clan del golf", "ab", "", "xsendero luminos", "tren de aragua"];
        let (mut p, mut c) = (Vec::new(), Vec::new());
        for a in words {
            for b in words {
                let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let d = strsim::levenshtein(a, b);
                for k in 0..4 {
                    assert_eq!(levenshtein_within(&ac, &bc, k, &mut p, &mut c), (d <= k).then_some(d), "{a} {b} {k}");
                }
            }
        }
    }

    #[test]
    fn bit_parallel_distance_agrees_with_strsim() {
        // Pseudo-random strings over a small alphabet (ASCII and not), so that distances are small.
        let alphabet: Vec<char> = "aeinos rtñ-ãé".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut pairs: Vec<(String, String)> = vec![
            ("sendero luminoso".into(), "sendero luninoso".into()),
            ("a".into(), "".into()),
            // Counts past the cap of 127.
            ("a".repeat(200), "a".repeat(100) + &"b".repeat(100)),
        ];
        for _ in 0..3000 {
            let a: String = (0..1 + next(64)).map(|_| alphabet[next(alphabet.len())]).collect();
            // Half the time a few edits of `a`, else another random string.
            let b: String = if next(2) == 0 {
                let mut b: Vec<char> = a.chars().collect();
                for _ in 0..next(5) {
                    let at = next(b.len() + 1);
                    match next(3) {
                        0 => b.insert(at, alphabet[next(alphabet.len())]),
                        1 if at < b.len() => {
                            b.remove(at);
                        }
                        _ if at < b.len() => b[at] = alphabet[next(alphabet.len())],
                        _ => {}
                    }
                }
                b.into_iter().collect()
            } else {
                (0..next(70)).map(|_| alphabet[next(alphabet.len())]).collect()
            };
            pairs.push((a, b));
        }
        for (a, b) in pairs {
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let d = strsim::levenshtein(&a, &b);
            // The counts' difference is at most twice the distance, and is what counting says.
            fn counted(s: &str) -> impl Iterator<Item = usize> + '_ {
                (0..32).map(move |i| s.chars().filter(|&c| c as usize % 32 == i).count().min(127))
            }
            let want: usize = counted(&a).zip(counted(&b)).map(|(x, y)| x.abs_diff(y)).sum();
            let (ca, cb) = (CharCounts::of(&a), CharCounts::of(&b));
            assert_eq!((ca.distance(&cb), cb.distance(&ca)), (want, want), "{a:?} {b:?}");
            assert!(want <= 2 * d, "{a:?} {b:?}");
            let Some(p) = BitPattern::new(&ac) else { continue };
            for k in 0..8 {
                assert_eq!(p.distance_within(&bc, k), (d <= k).then_some(d), "{a:?} {b:?} {k}");
            }
        }
        assert!(BitPattern::new(&['x'; 65]).is_none() && BitPattern::new(&[]).is_none());
    }

    #[test]
    fn letter_runs_split_on_everything_else() {
        for t in ["", "  a1-b ", "São Paulo—Brasil’s 2023 («x»)", "ü", "…año…", "x\u{2009}y-", "Ñ"] {
            let want: Vec<&str> = t.split(|c: char| !(c.is_alphabetic() || c == '-')).filter(|w| !w.is_empty()).collect();
            assert_eq!(letter_runs(t).iter().map(|&(s, e)| &t[s..e]).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    /// What `capitalised_runs` computed from the list of every word before it skipped to capitals.
    fn capitalised_runs_by_words(text: &str, taken: &[(usize, usize)], is_particle: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
        let words = letter_runs(text);
        let cap = |w: (usize, usize)| text[w.0..w.1].chars().next().is_some_and(char::is_uppercase);
        let (mut runs, mut cursor, mut i) = (Vec::new(), 0, 0);
        while i < words.len() {
            if !cap(words[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < words.len() && &text[words[j].1..words[j + 1].0] == " " {
                let next = words[j + 1];
                if cap(next) || (is_particle(&text[next.0..next.1]) && j + 2 < words.len() && cap(words[j + 2])) {
                    j += 1;
                } else {
                    break;
                }
            }
            let (s, e) = (words[i].0, words[j].1);
            while cursor < taken.len() && taken[cursor].1 <= s {
                cursor += 1;
            }
            if j > i && j - i < 6 && taken.get(cursor).is_none_or(|&(ts, _)| ts >= e) {
                runs.push((s, e));
            }
            i = j + 1;
        }
        runs
    }

    #[test]
    fn word_scan_finds_capitals_and_non_ascii_as_the_table_does() {
        let bytes: Vec<u8> = (0..=255u8).chain(b"the quick brown fox Jumps over ".iter().copied()).chain(0..=255u8).collect();
        for from in 0..bytes.len() {
            let want = bytes[from..].iter().position(|&b| b.is_ascii_uppercase() || b >= 0x80).map(|n| from + n);
            assert_eq!(super::next_capital_or_non_ascii(&bytes, from), want, "{from}");
        }
        let text = b"lower case words only, then At last";
        for from in 0..text.len() {
            let want = text[from..].iter().position(|&b| b.is_ascii_uppercase()).map(|n| from + n);
            assert_eq!(super::next_capital_or_non_ascii(text, from), want, "{from}");
        }
    }

    #[test]
    fn word_scan_finds_letters_and_hyphens_as_the_table_does() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcXYZ-q";
                chunk[at] = b;
                let want: u64 = (0..8).filter(|&j| super::LETTER_OR_HYPHEN[usize::from(chunk[j])]).map(|j| 0x80 << (8 * j)).sum();
                assert_eq!(super::letter_or_hyphen_bytes(u64::from_le_bytes(chunk)), want, "{b} {at}");
            }
        }
    }

    #[test]
    fn runs_skip_to_capitals_as_the_word_list_did() {
        let particle = |w: &str| matches!(w, "del" | "de" | "da" | "of" | "and");
        for t in [
            "",
            "A B",
            "the Sendero Luminoso and Clan del Golfo, with Ciudad del Este del; Juan de la Cruz",
            "McDonald Ltd, São Paulo É Ñandú; ÉTAT Ágil-Óscar x-Ray X-Ray anti-Drug Squad",
            "3Rivers Port Authority of the Guayas River (Ecuador) del Norte; Fuerza de, Tarea",
            "One Two Three Four Five Six Seven Eight  Nine Ten\nEleven Twelve—Thirteen Fourteen",
            "Clan del\nGolfo Clan del  Golfo Clan del Golfo's a Z",
            "àÀ ñÑ ßẞ ǅemal ΣΑΣ Αθήνα Москва Кремль ’Ndrangheta Calabrese",
        ] {
            for taken in [vec![], vec![(0, 1)], vec![(4, 9), (20, 40)]] {
                assert_eq!(capitalised_runs(t, &taken, particle), capitalised_runs_by_words(t, &taken, particle), "{t:?} {taken:?}");
            }
        }
    }

    #[test]
    fn runs_skip_what_is_taken() {
        let t = "the marginal role of Sendero Luninoso as one of many, and Clan del Golfo too";
        let runs = capitalised_runs(t, &[(58, 72)], |w| w == "del");
        assert_eq!(runs.iter().map(|&(s, e)| &t[s..e]).collect::<Vec<_>>(), ["Sendero Luninoso"]);
    }
}
