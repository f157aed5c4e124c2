//! The folded knowledge-base names, looked up word by word instead of by an automaton run over
//! every byte: a name must start and end at a word boundary, so only word starts are tried, and
//! from each the text is cut before every char that is no letter or digit ("clan", "clan del",
//! "clan del golfo"). Each cut is one hash look-up, and the walk stops at the first cut no name
//! goes on from. The matches are those of the unanchored leftmost-longest automaton this
//! replaces (`tests::same_as_the_automaton`), without its ~50 instructions per byte and its
//! build.

use crate::hash::FxMap;
use crate::text::{ALNUM, swar};

/// Names are read as a trie of segments: the text up to the first cut, then from each cut to the
/// next. A node is a name, a prefix of names up to a cut, or both; its children are found by
/// hashing the parent and the next segment only.
struct Node {
    parent: u32,
    /// The segment, as keyed, and where its bytes start in `Names::segments`.
    key: Key,
    at: u32,
    /// The name's number, or `NONE` when the node is a prefix only.
    name: u32,
    /// Some name goes on after this prefix (with a char that is no letter or digit).
    longer: bool,
    /// The lengths of the last segments of the names that go on after this prefix with one such
    /// char and then letters and digits only ("zulia" of "zulia state"): such a name may end
    /// inside a word of the text. Bit n for n bytes (`tail_bit`); none when no name does.
    tails: u64,
}

const NONE: u32 = u32::MAX;
/// The parent of the first segments.
const ROOT: u32 = u32::MAX;

/// The bit of `tails` for a last segment of `len` bytes: bit 0 stands for every length past 63.
fn tail_bit(len: usize) -> u64 {
    1 << if len < 64 { len } else { 0 }
}

/// A segment as the table hashes it: its length and first eight bytes (zero-padded), read from
/// the text with one load and a mask. Most segments are eight bytes or less, and equal exactly
/// when their keys are.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    head: u64,
    len: u32,
}

/// The mask of a key's first n bytes, n up to eight: one load where the mask computed from the
/// length took a shift, a compare and a select on every word of the text.
const HEAD_MASKS: [u64; 9] = {
    let mut masks = [!0u64; 9];
    let mut n = 0;
    while n < 8 {
        masks[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

impl Key {
    /// The key of `bytes[from..to]`, read with a whole-word load where eight bytes follow.
    #[inline]
    fn at(bytes: &[u8], from: usize, to: usize) -> Key {
        let len = to - from;
        let head = match bytes.get(from..from + 8).and_then(|c| c.first_chunk::<8>()) {
            Some(c) => u64::from_le_bytes(*c) & HEAD_MASKS[len.min(8)],
            // Fewer than eight bytes follow, so the segment is shorter.
            None if len > 0 => crate::hash::tail(&bytes[from..to]),
            None => 0,
        };
        Key { head, len: len as u32 }
    }

    fn of(segment: &[u8]) -> Key {
        Key::at(segment, 0, segment.len())
    }

    /// The key's hash after `parent`: the top bits pick the slot, and the bit of a `Bits`.
    #[inline]
    fn hash(self, parent: u32) -> u64 {
        (self.head.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (u64::from(parent) << 32 | u64::from(self.len)))
            .wrapping_mul(0xd6e8_feb8_6659_fd93)
    }
}

/// Whether `a` and `b`, of the same length past eight bytes and the same first eight, are equal:
/// their last eight bytes as one word each, and only past sixteen bytes the bytes between.
fn same_rest(a: &[u8], b: &[u8]) -> bool {
    let last = |s: &[u8]| s.last_chunk::<8>().map(|c| u64::from_le_bytes(*c));
    last(a) == last(b) && (a.len() <= 16 || a.get(8..a.len() - 8) == b.get(8..b.len() - 8))
}

/// A name at a word start: where it ends at a word boundary, and where the longest name there
/// ends, word boundary or not (the automaton's match, after which its search went on).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub name: usize,
    pub raw_end: usize,
}

pub(super) struct Names {
    nodes: Vec<Node>,
    segments: Vec<u8>,
    /// Open addressing, linear probing from the hash's top bits: (32 middle bits of the hash,
    /// node), `NONE` when empty. Half full at most, so that a segment no name has (most words) is
    /// rejected in a probe or two.
    slots: Vec<(u32, u32)>,
    /// 64 minus log2 of the number of slots.
    shift: u32,
    /// The chars that are no letter or digit but start a name ("'ndrangheta").
    odd_first: Vec<char>,
    /// Per ASCII byte: 1 for a letter or digit, 2 for an `odd_first` char, 0 for neither.
    ascii_class: [u8; 128],
    /// The first segments of the names: most words of a text start no name, and the set rejects
    /// them for less than the hash table.
    firsts: Bits,
    /// The first segments that are names by themselves, and the first two segments of the
    /// longer names (`pair_hash`): common words start names ("the", "de"), and most of them are
    /// rejected here with the next segment's key rather than by two look-ups in the table.
    named_firsts: Bits,
    pairs: Bits,
}

/// The hash of a name's first two segments, from their `Key` hashes after `ROOT`.
#[inline]
fn pair_hash(first: u64, second: u64) -> u64 {
    (first ^ second.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A set of words as one bit each (from their `Key` hash), for a quick "certainly not one of
/// them".
///
/// A fixed-size array: a bit's word, from the hash's top bits, is always in it, so its tests
/// need no bounds check.
pub(super) struct Bits(Box<[u64; BIT_WORDS]>);

/// The words of a `Bits`.
const BIT_WORDS: usize = (1 << FIRST_BITS) / 64;

/// The words `Names::find_watching` notes (`bits`), and those or the names' first segments.
pub(super) struct Watched {
    bits: Bits,
    or_first: Bits,
}

/// log2 of the bits in a `Bits`: some 15,000 first segments of names set one in twenty.
const FIRST_BITS: u32 = 18;

impl Bits {
    pub(super) fn new<'a>(words: impl IntoIterator<Item = &'a [u8]>) -> Bits {
        Bits::of_hashes(words.into_iter().map(|w| Key::of(w).hash(ROOT)))
    }

    fn of_hashes(hashes: impl IntoIterator<Item = u64>) -> Bits {
        let mut bits = Box::new([0u64; BIT_WORDS]);
        for h in hashes {
            let bit = Bits::bit(h);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Bits(bits)
    }

    /// The bit of a word with hash `h`: the hash's top bits.
    #[inline]
    fn bit(h: u64) -> usize {
        (h >> (64 - FIRST_BITS)) as usize
    }

    /// Whether the word with hash `h` (its key's, after `ROOT`) may be in the set.
    #[inline]
    fn may_hold_hash(&self, h: u64) -> bool {
        let bit = Bits::bit(h);
        self.0[bit / 64] >> (bit % 64) & 1 != 0
    }

    /// Whether `bytes[start..end]` may be in the set.
    #[cfg(test)]
    fn may_hold(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        self.may_hold_hash(Key::at(bytes, start, end).hash(ROOT))
    }
}

impl Names {
    /// `names` are folded and distinct; the n-th is name number n.
    pub(super) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Names {
        let mut index: FxMap<(u32, &str), u32> = FxMap::default();
        let mut nodes: Vec<Node> = Vec::new();
        let mut segments = Vec::new();
        let mut odd_first = Vec::new();
        for (i, name) in names.into_iter().enumerate() {
            let mut bounds: Vec<usize> = name.char_indices().filter(|(_, c)| !c.is_alphanumeric()).map(|(at, _)| at).collect();
            bounds.push(name.len());
            let (mut parent, mut from) = (ROOT, 0);
            for (k, &to) in bounds.iter().enumerate() {
                let node = *index.entry((parent, &name[from..to])).or_insert_with(|| {
                    let at = segments.len() as u32;
                    let segment = &name.as_bytes()[from..to];
                    segments.extend_from_slice(segment);
                    nodes.push(Node { parent, key: Key::of(segment), at, name: NONE, longer: false, tails: 0 });
                    nodes.len() as u32 - 1
                });
                if k + 1 < bounds.len() {
                    nodes[node as usize].longer = true;
                }
                if k + 2 == bounds.len() {
                    nodes[node as usize].tails |= tail_bit(name.len() - to);
                }
                (parent, from) = (node, to);
            }
            nodes[parent as usize].name = i as u32;
            if let Some(c) = name.chars().next().filter(|c| !c.is_alphanumeric() && !odd_first.contains(c)) {
                odd_first.push(c);
            }
        }
        let mut slots = vec![(0, NONE); (2 * nodes.len()).next_power_of_two().max(2)];
        let (mask, shift) = (slots.len() - 1, 64 - slots.len().trailing_zeros());
        for (n, node) in nodes.iter().enumerate() {
            let h = node.key.hash(node.parent);
            let mut i = (h >> shift) as usize;
            while slots[i].1 != NONE {
                i = (i + 1) & mask;
            }
            slots[i] = ((h >> 16) as u32, n as u32);
        }
        let firsts = Bits::new(nodes.iter().filter(|n| n.parent == ROOT).map(|n| &segments[n.at as usize..][..n.key.len as usize]));
        let named_firsts = Bits::of_hashes(nodes.iter().filter(|n| n.parent == ROOT && n.name != NONE).map(|n| n.key.hash(ROOT)));
        let pairs = Bits::of_hashes(nodes.iter().filter_map(|n| {
            let first = nodes.get(n.parent as usize).filter(|p| p.parent == ROOT)?;
            Some(pair_hash(first.key.hash(ROOT), n.key.hash(ROOT)))
        }));
        let ascii_class = std::array::from_fn(|a| {
            let c = char::from(a as u8);
            if c.is_alphanumeric() { 1 } else { 2 * u8::from(odd_first.contains(&c)) }
        });
        Names { nodes, segments, slots, shift, odd_first, ascii_class, firsts, named_firsts, pairs }
    }

    /// The node for segment `bytes[from..to]` after `parent`; `key` is the segment's and `h` its
    /// hash after `parent`.
    #[inline(always)]
    fn child_keyed(&self, parent: u32, key: Key, h: u64, bytes: &[u8], from: usize, to: usize) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let (tag, n) = self.slots[i];
            if n == NONE {
                return None;
            }
            if tag == (h >> 16) as u32 {
                let node = &self.nodes[n as usize];
                // Past eight bytes the key leaves the rest out.
                let rest = || {
                    let at = node.at as usize;
                    same_rest(&self.segments[at..at + key.len as usize], &bytes[from..to])
                };
                if node.key == key && node.parent == parent && (key.len <= 8 || rest()) {
                    return Some(n);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The node for segment `bytes[from..to]` after `parent`.
    fn child(&self, parent: u32, bytes: &[u8], from: usize, to: usize) -> Option<u32> {
        let key = Key::at(bytes, from, to);
        self.child_keyed(parent, key, key.hash(parent), bytes, from, to)
    }

    /// The folded text with its word bits, for `find`.
    pub(super) fn words<'t>(&self, text: &'t str) -> Words<'t> {
        Words::new(text, &self.odd_first, &self.ascii_class)
    }

    /// The name matches at word boundaries in `range` of the folded text, as the automaton's
    /// search found them: at each word start the longest name that ends at a word boundary
    /// within the range; then the search goes on where the longest name there ends.
    pub(super) fn find(&self, words: &Words, range: std::ops::Range<usize>) -> Vec<Found> {
        self.find_watching(words, range, None)
    }

    /// A set of words to watch for (`find_watching`), with its union with the names' first
    /// segments.
    pub(super) fn watched<'a>(&self, words: impl IntoIterator<Item = &'a [u8]>) -> Watched {
        let bits = Bits::new(words);
        let mut or_first = Bits(bits.0.clone());
        for (w, f) in or_first.0.iter_mut().zip(self.firsts.0.iter()) {
            *w |= f;
        }
        Watched { bits, or_first }
    }

    /// `find`, and with `watch` (a set and a list) the runs of letters and digits in the range
    /// that the set may hold pushed on the list, as `Words::runs` and `Bits::may_hold` would
    /// give them: the search reads every word's key and hash anyway, so a second pass over the
    /// words is saved. Most words are neither watched nor a name's first segment: one test of
    /// the union tells so, instead of one test of each set.
    pub(super) fn find_watching(
        &self,
        words: &Words,
        range: std::ops::Range<usize>,
        mut watch: Option<(&Watched, &mut Vec<(usize, usize)>)>,
    ) -> Vec<Found> {
        let bytes = words.text.as_bytes();
        let or_first = watch.as_ref().map(|(w, _)| &w.or_first);
        let watching = watch.is_some();
        let mut note = |start: usize, end: usize, h: u64| {
            if let Some((watched, list)) = watch.as_mut()
                && watched.bits.may_hold_hash(h)
            {
                list.push((start, end));
            }
        };
        // Some one name in forty bytes of prose: room for them before the first is found.
        let mut out = Vec::with_capacity(range.len() / 40);
        let mut at = range.start;
        while let Some(start) = words.next_start(at, range.end) {
            // The first cut: the end of the word, or the start itself before a char such as "'".
            let alnum = words.alnum_at(start);
            let cut = if alnum { words.run_end(start) } else { start };
            let key = Key::at(bytes, start, cut);
            let h = key.hash(ROOT);
            if alnum {
                // Neither watched nor a first segment: no name starts here (`longest_at`).
                if or_first.is_some_and(|bits| !bits.may_hold_hash(h)) {
                    at = cut;
                    continue;
                }
                note(start, cut, h);
            }
            match self.longest_at(words, start, cut, key, h, range.end) {
                Some(found) => {
                    // The search goes on after the name: the words inside it are read here.
                    let mut w = cut;
                    while watching && let Some(s) = words.first_start(w, found.raw_end, false) {
                        w = words.run_end(s);
                        note(s, w, Key::at(bytes, s, w).hash(ROOT));
                    }
                    at = found.raw_end;
                    out.push(found);
                }
                None => at = cut.max(start + 1),
            }
        }
        out
    }

    /// The longest name at the word start `start`, ending no later than `limit`.
    pub(super) fn longest_from(&self, words: &Words, start: usize, limit: usize) -> Option<Found> {
        let cut = if words.alnum_at(start) { words.run_end(start) } else { start };
        let key = Key::at(words.text.as_bytes(), start, cut);
        self.longest_at(words, start, cut, key, key.hash(ROOT), limit)
    }

    /// The longest name at `start` ending at a word boundary no later than `limit`; `cut` is the
    /// first, `key` the segment up to it and `h` its hash. Inlined into the name walk, its hot
    /// caller: a call per word start costs more than the rest of the step.
    #[inline(always)]
    fn longest_at(&self, words: &Words, start: usize, mut cut: usize, mut key: Key, mut h: u64, limit: usize) -> Option<Found> {
        let text = words.text;
        let bytes = text.as_bytes();
        if !self.firsts.may_hold_hash(h) {
            return None;
        }
        // A first segment that is no name needs the next segment to be a name's second.
        if !self.named_firsts.may_hold_hash(h) {
            if cut >= limit || cut == text.len() {
                return None;
            }
            let next = words.run_end(cut + class_at(text, cut).1);
            if !self.pairs.may_hold_hash(pair_hash(h, Key::at(bytes, cut, next).hash(ROOT))) {
                return None;
            }
        }
        let mut found: Option<Found> = None;
        let (mut parent, mut from) = (ROOT, start);
        while cut <= limit {
            let Some(id) = self.child_keyed(parent, key, h, bytes, from, cut) else { break };
            let node = &self.nodes[id as usize];
            if node.name != NONE {
                found = Some(Found { start, end: cut, name: node.name as usize, raw_end: cut });
            }
            // No name goes on from here (no tail either: a node with tails has longer names), or
            // the text ends: the next segment is not read.
            if !node.longer || cut == text.len() {
                break;
            }
            let next = words.run_end(cut + class_at(text, cut).1);
            if let Some(f) = found.as_mut().filter(|_| node.tails != 0)
                && let Some(end) = self.tail_end(text, id, node.tails, cut, next.min(limit + 1))
            {
                f.raw_end = f.raw_end.max(end);
            }
            (parent, from, cut) = (id, cut, next);
            key = Key::at(bytes, from, cut);
            h = key.hash(parent);
        }
        found
    }

    /// The end of the longest name that goes on from node `parent` (ending at `cut`) with the
    /// char at `cut` and part of the word after it, before `bound`; `tails` are the lengths such
    /// names' last segments have.
    ///
    /// The ends tried, longest first, are those the lengths in `tails` allow, not every byte
    /// before `bound`: lengths past 63 (bit 0) one by one, then the set bits from the highest.
    fn tail_end(&self, text: &str, parent: u32, tails: u64, cut: usize, bound: usize) -> Option<usize> {
        let from = cut + class_at(text, cut).1;
        let name_ends_at = |end: usize| {
            text.is_char_boundary(end) && self.child(parent, text.as_bytes(), cut, end).is_some_and(|n| self.nodes[n as usize].name != NONE)
        };
        if tails & 1 != 0
            && let Some(end) = (from.max(cut + 64)..bound).rev().find(|&end| name_ends_at(end))
        {
            return Some(end);
        }
        // The lengths below 64 from `from - cut` up to `bound - cut` (excluded).
        let below = |n: usize| if n >= 64 { !0 } else { (1u64 << n) - 1 };
        let mut lengths = tails & !1 & below(bound.saturating_sub(cut)) & !below(from - cut);
        while lengths != 0 {
            let len = 63 - lengths.leading_zeros() as usize;
            lengths &= !(1 << len);
            if name_ends_at(cut + len) {
                return Some(cut + len);
            }
        }
        None
    }
}

/// One bit per byte of a text: `alnum` set on every byte of its letters and digits, the starts on
/// the first byte of words (and of the other chars names start with, "'ndrangheta"). Word starts
/// and ends are then found 64 bytes at a time, and ASCII text is classified eight bytes at a
/// time.
pub(super) struct Words<'t> {
    text: &'t str,
    alnum: Vec<u64>,
    /// The word starts: a letter or digit after none; and those and the odd chars after none.
    word_starts: Vec<u64>,
    starts: Vec<u64>,
}

/// The top bit of each byte of `m` (the others clear) as eight bits, byte i to bit i.
fn movemask(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The letter and digit bits of a block of 64 ASCII bytes, and with `quote` its apostrophes' bits;
/// none when a byte is not ASCII (found as the block is read, not by a pass before). Apostrophes
/// are rare: a chunk without one costs no `movemask`.
fn ascii_block(block: &[u8], quote: bool) -> Option<(u64, u64)> {
    let (mut letters, mut quotes) = (0, 0);
    for (j, chunk) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if x & swar::HIGH != 0 {
            return None;
        }
        // Letters of either case (0x20 set lowers a capital) and digits; the bytes are ASCII.
        let alnum = swar::seven_bit_in_range(x | swar::splat(0x20), b'a', b'z') | swar::seven_bit_in_range(x, b'0', b'9');
        letters |= movemask(alnum) << (8 * j);
        let q = if quote { swar::ascii_equal(x, b'\'') } else { 0 };
        if q != 0 {
            quotes |= movemask(q) << (8 * j);
        }
    }
    Some((letters, quotes))
}

impl<'t> Words<'t> {
    /// `ascii_class` is `Names::ascii_class`.
    fn new(text: &'t str, odd_first: &[char], ascii_class: &[u8; 128]) -> Words<'t> {
        let b = text.as_bytes();
        let n = b.len() / 64 + 1;
        let (mut alnum, mut odd) = (vec![0u64; n], vec![0u64; n]);
        let quote = odd_first.contains(&'\'');
        // `i` is the next char to classify: past the block's start when a char straddles two.
        let mut i = 0;
        for k in 0..n {
            let block = b.get(k * 64..k * 64 + 64).filter(|_| i == k * 64).and_then(|block| ascii_block(block, quote));
            if let Some((letters, quotes)) = block {
                alnum[k] |= letters;
                odd[k] |= quotes;
                i += 64;
                continue;
            }
            while i < b.len().min(k * 64 + 64) {
                // Most bytes of a block with some non-ASCII char are ASCII: read them by table.
                if let Some(&class) = ascii_class.get(usize::from(b[i])) {
                    match class {
                        1 => alnum[i / 64] |= 1 << (i % 64),
                        2 => odd[i / 64] |= 1 << (i % 64),
                        _ => {}
                    }
                    i += 1;
                    continue;
                }
                let c = char_at(text, i);
                if c.is_alphanumeric() {
                    for j in i..i + c.len_utf8() {
                        alnum[j / 64] |= 1 << (j % 64);
                    }
                } else if odd_first.contains(&c) {
                    odd[i / 64] |= 1 << (i % 64);
                }
                i += c.len_utf8();
            }
        }
        // A start is a letter or digit (or odd char) whose previous byte is none.
        let before = |k: usize| (alnum[k] << 1) | k.checked_sub(1).map_or(0, |p| alnum[p] >> 63);
        let word_starts: Vec<u64> = (0..n).map(|k| alnum[k] & !before(k)).collect();
        let starts = (0..n).map(|k| word_starts[k] | odd[k] & !before(k)).collect();
        Words { text, alnum, starts, word_starts }
    }

    fn alnum_at(&self, i: usize) -> bool {
        self.alnum[i / 64] >> (i % 64) & 1 != 0
    }

    /// The first word start from `at` on, before `end`: a letter, digit or odd char after none.
    pub(super) fn next_start(&self, at: usize, end: usize) -> Option<usize> {
        self.first_start(at, end, true)
    }

    /// The runs of letters and digits, as `text::alphanumeric_runs` gives them, as spans.
    #[cfg(test)]
    fn runs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            let start = self.first_start(at, self.text.len(), false)?;
            at = self.run_end(start);
            Some((start, at))
        })
    }

    fn first_start(&self, at: usize, end: usize, odd: bool) -> Option<usize> {
        let starts = if odd { &self.starts } else { &self.word_starts };
        let mut k = at / 64;
        let mut bits = *starts.get(k)? & (!0u64 << (at % 64));
        while bits == 0 {
            k += 1;
            if k * 64 >= end {
                return None;
            }
            bits = starts[k];
        }
        let i = k * 64 + bits.trailing_zeros() as usize;
        (i < end).then_some(i)
    }

    /// The end of the run of letters and digits from `at`: the first byte of another char, or the
    /// end of the text.
    pub(super) fn run_end(&self, at: usize) -> usize {
        let mut k = at / 64;
        let mut rest = !self.alnum[k] & (!0u64 << (at % 64));
        while rest == 0 {
            k += 1;
            rest = !self.alnum[k];
        }
        (k * 64 + rest.trailing_zeros() as usize).min(self.text.len())
    }
}

/// Whether the char at `at` (a char boundary before the end) is a letter or digit, and its length.
#[inline(always)]
fn class_at(text: &str, at: usize) -> (bool, usize) {
    match text.as_bytes()[at] {
        b if b.is_ascii() => (ALNUM[usize::from(b)], 1),
        _ => {
            let c = char_at(text, at);
            (c.is_alphanumeric(), c.len_utf8())
        }
    }
}

fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

    /// The search `Names` replaces: the unanchored leftmost-longest automaton over the folded
    /// text, each match kept when it starts a word and ends at a word boundary (or a shorter name
    /// at its start does), the search going on after the automaton's match.
    fn by_automaton(ac: &AhoCorasick, folded: &str, range: std::ops::Range<usize>) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut at = range.start;
        while let Some(m) = ac.find(Input::new(folded).range(at..range.end)) {
            match bounded_at(ac, folded, m.start(), m.end(), m.pattern().as_usize()) {
                Some(found) => {
                    out.push(found);
                    at = m.end();
                }
                None => at = next_word(folded, m.start()).min(m.end()).max(m.start() + 1),
            }
            while at < range.end && !folded.is_char_boundary(at) {
                at += 1;
            }
        }
        out
    }

    fn bounded_at(ac: &AhoCorasick, folded: &str, start: usize, mut end: usize, mut pattern: usize) -> Option<(usize, usize, usize)> {
        if folded[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
            return None;
        }
        loop {
            if !folded[end..].chars().next().is_some_and(char::is_alphanumeric) {
                return Some((start, end, pattern));
            }
            let shorter = ac.find(Input::new(folded).range(start..end - 1)).filter(|m| m.start() == start)?;
            end = shorter.end();
            pattern = shorter.pattern().as_usize();
        }
    }

    fn next_word(text: &str, at: usize) -> usize {
        let rest = &text[at..];
        let gap = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let after = &rest[gap..];
        at + gap + after.find(char::is_alphanumeric).unwrap_or(after.len())
    }

    /// Both searches over `texts`, folded: the whole text, and the ranges the matcher searches
    /// again inside a match (from its start to before its end, from its second word on), and
    /// ranges ending anywhere.
    fn same_matches(names: &[String], texts: &[String]) -> usize {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(names)
            .expect("plain strings");
        let index = Names::new(names.iter().map(String::as_str));
        let ours = |t: &str, r: std::ops::Range<usize>| -> Vec<(usize, usize, usize)> {
            index.find(&index.words(t), r).into_iter().map(|f| (f.start, f.end, f.name)).collect()
        };
        let mut seen = 0;
        for text in texts {
            let f = fold(text);
            assert!(index.words(&f).runs().map(|(s, e)| &f[s..e]).eq(crate::text::alphanumeric_runs(&f)), "{f:?}");
            let whole = by_automaton(&ac, &f, 0..f.len());
            assert_eq!(ours(&f, 0..f.len()), whole, "{f:?}");
            // Watching for the names' last words notes the runs `runs` and `may_hold` give.
            let watched = index.watched(names.iter().filter_map(|n| n.rsplit(' ').next()).map(str::as_bytes));
            let words = index.words(&f);
            let mut noted = Vec::new();
            let found: Vec<_> = index
                .find_watching(&words, 0..f.len(), Some((&watched, &mut noted)))
                .into_iter()
                .map(|f| (f.start, f.end, f.name))
                .collect();
            assert_eq!(found, whole, "{f:?}");
            let want: Vec<(usize, usize)> = words.runs().filter(|&(s, e)| watched.bits.may_hold(f.as_bytes(), s, e)).collect();
            assert_eq!(noted, want, "{f:?}");
            seen += whole.len();
            let mut ranges = Vec::new();
            for &(s, e, _) in &whole {
                ranges.push(s..e - 1);
                if let Some(i) = f[s..e].find(' ') {
                    ranges.push(s + i + 1..e);
                }
                ranges.push(s..f.len() - (f.len() - e) / 2);
            }
            for r in ranges {
                assert_eq!(ours(&f, r.clone()), by_automaton(&ac, &f, r.clone()), "{f:?} {r:?}");
            }
        }
        seen
    }

    /// A small xorshift generator: the texts are the same on every run.
    fn random(seed: u64) -> impl FnMut(usize) -> usize {
        let mut s = seed;
        move |n| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s % n as u64) as usize
        }
    }

    /// Texts made of the names, pieces of them, words and separators, often with no space
    /// between, so that names start and end inside words.
    fn texts(names: &[String], count: usize, seed: u64) -> Vec<String> {
        let mut next = random(seed);
        let words = ["the", "of", "states", "sao", "ñandú", "αθήνα", "x", "1st", "d.c.", "’", "'", "-", "(", ")", "", "bol’", "é"];
        let gaps = [" ", " ", " ", ", ", ". ", "-", "'", "’", " ’", " '", "  ", "\n", "", "(", ") ", ".", " — "];
        (0..count)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..1 + next(40) {
                    match next(4) {
                        0 => t.push_str(words[next(words.len())]),
                        1 => {
                            let n = &names[next(names.len())];
                            let cut = next(n.len() + 1);
                            t.push_str(if n.is_char_boundary(cut) && next(3) == 0 { &n[..cut] } else { n });
                        }
                        _ => t.push_str(&names[next(names.len())]),
                    }
                    t.push_str(gaps[next(gaps.len())]);
                }
                t
            })
            .collect()
    }

    #[test]
    fn same_as_the_automaton() {
        let names: Vec<String> = [
            "a b c",
            "a",
            "b",
            "b c",
            "zulia state",
            "zulia",
            "zulia state police",
            "d.f.",
            "d.f",
            "bogota, d.c.",
            "'nd",
            "’ndrangheta",
            "‘ewa beach",
            "x'",
            "bol’shaya setun’",
            "ee. uu.",
            "ee.uu.",
            "u.s.",
            "s",
            "sao paulo",
            "sao",
            "paulo",
            "el callao",
            "callao",
            "del",
            "the netherlands",
            "netherlands",
            "αθήνα",
            "ñandú",
            "ñ",
            "1st",
            "st",
            "c (haiti)",
            "centre (haiti)",
            "a-b",
            "a-b-c",
        ]
        .map(String::from)
        .to_vec();
        let texts = texts(&names, 3000, 0x2545_f491_4f6c_dd1d);
        assert!(same_matches(&names, &texts) > 10_000);
    }

    #[test]
    fn keys_read_the_segment_alone() {
        let text = "san jose de costa rica, and the netherlands of são tomé".as_bytes();
        for start in 0..text.len() {
            for cut in start..=text.len() {
                assert!(Key::at(text, start, cut) == Key::of(&text[start..cut]), "{start} {cut}");
            }
        }
    }

    #[test]
    fn rests_compare_as_slices() {
        let words = [
            "the netherlands",
            "the netherlandz",
            "the netherland",
            "san jose de costa rica",
            "san jose de costa ric",
            "san jose xe costa rica",
        ];
        for a in words {
            for b in words.iter().filter(|b| b.len() == a.len() && b.len() > 8 && b[..8] == a[..8]) {
                assert_eq!(same_rest(a.as_bytes(), b.as_bytes()), a == *b, "{a} {b}");
            }
        }
    }

    /// The knowledge base's names over the demo corpus, and over texts made of them.
    #[test]
    fn same_as_the_automaton_on_the_knowledge_base() {
        let (kb, _) = nexus_kb::KnowledgeBase::load(&[]);
        let names = super::super::name_table(&kb).0;
        // The one place the two may differ: where a name has a char such as "'" after another
        // that is no letter or digit ("la 'ndrangheta"), the automaton, having matched it from
        // inside a word ("Scala 'Ndrangheta"), went on after the "'" and found "ndrangheta";
        // `Names` tries every word start and finds "'ndrangheta". Two names are such.
        let odd = Names::new(names.iter().map(String::as_str)).odd_first;
        let odd_after_gap = |n: &&String| n.chars().zip(n.chars().skip(1)).any(|(a, b)| !a.is_alphanumeric() && odd.contains(&b));
        let found: Vec<&String> = names.iter().filter(odd_after_gap).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo");
        let mut corpus: Vec<String> = std::fs::read_dir(dir)
            .expect("demo corpus")
            .filter_map(Result::ok)
            .filter_map(|e| nexus_ingest::read_file(&e.path(), &Default::default()).ok())
            .map(|d| d.extraction_text().into_owned())
            .collect();
        assert!(corpus.len() > 20);
        corpus.extend(texts(&names, 300, 0x9e37_79b9_7f4a_7c15));
        assert!(same_matches(&names, &corpus) > 5_000);
    }
}
