//! Scanning text for words byte by byte: ASCII, most of every report, without decoding characters.

/// ASCII letters and digits: a table is cheaper than the comparisons.
pub(crate) static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Eight bytes read as one `u64` and tested together ("SWAR"): a test's answer is the high
/// bit of each byte, found with a few adds and masks whose sums carry into no other byte.
pub(crate) mod swar {
    /// The high bit of every byte.
    pub(crate) const HIGH: u64 = splat(0x80);

    /// `b` in every byte.
    #[inline(always)]
    pub(crate) const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }

    /// The bytes of `x` from `lo` to `hi` (`lo` at least 1), as their high bits, where every
    /// byte of `x` is ASCII (its high bit clear): each byte plus `0x80 - lo` reaches the high bit
    /// from `lo` on, plus `0x7f - hi` past `hi`.
    #[inline(always)]
    pub(crate) fn seven_bit_in_range(x: u64, lo: u8, hi: u8) -> u64 {
        x.wrapping_add(splat(0x80 - lo)) & !x.wrapping_add(splat(0x7f - hi)) & HIGH
    }

    /// `seven_bit_in_range` of any bytes: non-ASCII ones are left out.
    #[inline(always)]
    pub(crate) fn ascii_in_range(x: u64, lo: u8, hi: u8) -> u64 {
        seven_bit_in_range(x & !HIGH, lo, hi) & !x
    }

    /// The ASCII letters of `x`, either case, as their high bits.
    #[inline(always)]
    pub(crate) fn ascii_letters(x: u64) -> u64 {
        // Setting 0x20 lowers a capital and leaves a lower-case letter as it is; it makes no other
        // byte a letter.
        ascii_in_range(x | splat(0x20), b'a', b'z')
    }

    /// The bytes of `x` equal to the ASCII byte `c`, as their high bits: the low seven bits of
    /// `x ^ c` plus 0x7f reach the high bit unless they are zero, and a high bit of its own says
    /// the byte differs.
    #[inline(always)]
    pub(crate) fn ascii_equal(x: u64, c: u8) -> u64 {
        let y = x ^ splat(c);
        !((y & !HIGH).wrapping_add(splat(0x7f)) | y) & HIGH
    }
}

/// The runs of letters and digits of `text` (`split` on the rest, empty pieces left out).
pub(crate) fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let alnum = |b: u8| ALNUM[usize::from(b)];
    // Whether the non-ASCII char at `i` is a letter or digit, and its length.
    let decode = move |i: usize| text[i..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()));
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            while at < bytes.len() && bytes[at].is_ascii() && !alnum(bytes[at]) {
                at += 1;
            }
            if at >= bytes.len() {
                return None;
            }
            if bytes[at].is_ascii() {
                break;
            }
            let (word, n) = decode(at);
            if word {
                break;
            }
            at += n;
        }
        let start = at;
        loop {
            while at < bytes.len() && alnum(bytes[at]) {
                at += 1;
            }
            if at >= bytes.len() || bytes[at].is_ascii() {
                break;
            }
            let (word, n) = decode(at);
            if !word {
                break;
            }
            at += n;
        }
        Some(&text[start..at])
    })
}

/// A table of the bytes of `set`, built at compile time: one probe answers what a `match` of
/// several arms would.
pub(crate) const fn byte_set(set: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < set.len() {
        t[set[i] as usize] = true;
        i += 1;
    }
    t
}

/// The ASCII digits, for `next_in`.
pub(crate) static DIGITS: [bool; 256] = byte_set(b"0123456789");

/// The runs of ASCII digits of `text`, as byte spans.
pub(crate) fn digit_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_in(bytes, at, &DIGITS)?;
        at = bytes[start..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |n| start + n);
        Some((start, at))
    })
}

/// The first index from `from` on whose byte is in `set`. Eight bytes are tested at a time
/// without a branch each: most of a text has none of a sparse set's bytes.
pub(crate) fn next_in(bytes: &[u8], from: usize, set: &[bool; 256]) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        if chunk.iter().fold(false, |any, &b| any | set[usize::from(b)]) {
            break;
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| set[usize::from(b)]).map(|n| at + n)
}

/// The last index before `to` whose byte is in `set`: `next_in` backwards.
pub(crate) fn prev_in(bytes: &[u8], to: usize, set: &[bool; 256]) -> Option<usize> {
    let mut at = to;
    while at >= 8 {
        if bytes[at - 8..at].iter().fold(false, |any, &b| any | set[usize::from(b)]) {
            break;
        }
        at -= 8;
    }
    bytes[..at].iter().rposition(|&b| set[usize::from(b)])
}

/// The bytes that may end a sentence: a line break and ". ", "? ", "! ", "; " before a space.
static SENTENCE_MARKS: [bool; 256] = byte_set(b"\n.?!;");

/// How far the sentence of a position is looked for, in bytes each way.
const SENTENCE: usize = 400;

/// Where the sentence holding `at` starts, roughly: a line start, or after ". ", "? ", "! ", "; ",
/// within `SENTENCE` bytes. An abbreviation ("U.S. ") may cut it short: the finders that use it
/// only look there for evidence around a word.
pub(crate) fn sentence_start(text: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(SENTENCE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let b = &text.as_bytes()[from..at];
    let mut to = b.len();
    while let Some(i) = prev_in(b, to, &SENTENCE_MARKS) {
        if b[i] == b'\n' {
            return from + i + 1;
        }
        if b.get(i + 1) == Some(&b' ') {
            return from + i + 2;
        }
        to = i;
    }
    from
}

/// Where the sentence holding `at` ends, as `sentence_start` reads its start.
pub(crate) fn sentence_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let ceiling = (at + SENTENCE).min(bytes.len());
    let b = &bytes[..ceiling];
    let mut from = at;
    while let Some(i) = next_in(b, from, &SENTENCE_MARKS) {
        if b[i] == b'\n' || bytes.get(i + 1).is_none_or(|&n| n == b' ' || n == b'\n') {
            return i;
        }
        from = i + 1;
    }
    ceiling
}

#[cfg(test)]
mod tests {
    #[test]
    fn digit_runs_are_the_runs_of_ascii_digits() {
        for t in ["", "7", "a 12 b3c45 ٣ 2023-11-04", "1234567890123456789 x 9"] {
            let mut want = Vec::new();
            let b = t.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i].is_ascii_digit() {
                    let s = i;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    want.push((s, i));
                } else {
                    i += 1;
                }
            }
            assert_eq!(super::digit_runs(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    #[test]
    fn next_in_finds_every_member() {
        let mut set = [false; 256];
        set[usize::from(b'A')] = true;
        set[0xC3] = true;
        for t in ["", "A", "xxxxxxxxxxxxxxxxA", "abcdefghAijklmnopA", "São Paulo A", "aaaaaaaaaaaaaaaaaaaaaaaaa"] {
            let want: Vec<usize> = t.bytes().enumerate().filter(|(_, b)| set[usize::from(*b)]).map(|(i, _)| i).collect();
            let mut got = Vec::new();
            let mut at = 0;
            while let Some(i) = super::next_in(t.as_bytes(), at, &set) {
                got.push(i);
                at = i + 1;
            }
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn prev_in_finds_every_member_backwards() {
        let mut set = [false; 256];
        set[usize::from(b'A')] = true;
        set[0xC3] = true;
        for t in ["", "A", "Axxxxxxxxxxxxxxxx", "AabcdefghAijklmnop", "A São Paulo", "aaaaaaaaaaaaaaaaaaaaaaaaa"] {
            let want: Vec<usize> = t.bytes().enumerate().rev().filter(|(_, b)| set[usize::from(*b)]).map(|(i, _)| i).collect();
            let mut got = Vec::new();
            let mut to = t.len();
            while let Some(i) = super::prev_in(t.as_bytes(), to, &set) {
                got.push(i);
                to = i;
            }
            assert_eq!(got, want, "{t:?}");
        }
    }

    /// The sentence bounds are those a byte-by-byte reading finds: the last line break or space
    /// after ". ", "? ", "! ", "; " before the position, the first such mark after it.
    #[test]
    fn sentence_bounds_are_the_marks_around_a_position() {
        let start_by_bytes = |t: &str, at: usize| {
            let mut from = at.saturating_sub(super::SENTENCE);
            while !t.is_char_boundary(from) {
                from += 1;
            }
            let h = &t.as_bytes()[from..at];
            (0..h.len())
                .rev()
                .find(|&i| h[i] == b'\n' || (h[i] == b' ' && i > 0 && b".?!;".contains(&h[i - 1])))
                .map_or(from, |i| from + i + 1)
        };
        let end_by_bytes = |t: &str, at: usize| {
            let b = t.as_bytes();
            (at..(at + super::SENTENCE).min(b.len()))
                .find(|&i| b[i] == b'\n' || (b".?!;".contains(&b[i]) && b.get(i + 1).is_none_or(|&n| n == b' ' || n == b'\n')))
                .unwrap_or((at + super::SENTENCE).min(b.len()))
        };
        let long = format!("{}. Chilean prosecutors said so in Santiago; U.S. agents agreed! Then 3.5 tons.\nNext", "x".repeat(500));
        for t in ["", "Santiago", "A. B", "Valencia (España). En Valencia? Sí.", "São Paulo. Rio.\n", long.as_str()] {
            for at in (0..=t.len()).filter(|&at| t.is_char_boundary(at)) {
                assert_eq!(super::sentence_start(t, at), start_by_bytes(t, at), "start {at} of {t:?}");
                assert_eq!(super::sentence_end(t, at), end_by_bytes(t, at), "end {at} of {t:?}");
            }
        }
    }

    #[test]
    fn runs_are_split_on_everything_else() {
        for t in ["", "  a1-b ", "São Paulo—Brasil’s 2023 («x»)", "ü", "…año…", "x\u{2009}y"] {
            let want: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(super::alphanumeric_runs(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    /// The eight-byte tests answer as byte-by-byte comparisons do, for every byte in every
    /// position among other bytes.
    #[test]
    fn swar_tests_are_the_byte_tests() {
        use super::swar::{ascii_equal, ascii_in_range, ascii_letters, seven_bit_in_range};
        let high =
            |chunk: &[u8; 8], test: &dyn Fn(u8) -> bool| -> u64 { (0..8).filter(|&j| test(chunk[j])).map(|j| 0x80u64 << (8 * j)).sum() };
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"aZ0-!?\n\xff";
                chunk[at] = b;
                let x = u64::from_le_bytes(chunk);
                for (lo, hi) in [(b'a', b'z'), (b'A', b'Z'), (b'0', b'9'), (b'!', b'?'), (1, 0x7f)] {
                    assert_eq!(ascii_in_range(x, lo, hi), high(&chunk, &|c| (lo..=hi).contains(&c)), "{b} {at} {lo}..={hi}");
                    if x & super::swar::HIGH == 0 {
                        assert_eq!(seven_bit_in_range(x, lo, hi), ascii_in_range(x, lo, hi), "{b} {at} {lo}..={hi}");
                    }
                }
                assert_eq!(ascii_letters(x), high(&chunk, &|c| c.is_ascii_alphabetic()), "{b} {at}");
                for c in [b'-', b'\'', b'\n', 0x7f] {
                    assert_eq!(ascii_equal(x, c), high(&chunk, &|d| d == c), "{b} {at} {c}");
                }
            }
        }
    }
}
