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

/// The ASCII digits, for `next_in`.
pub(crate) static DIGITS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = true;
        b += 1;
    }
    t
};

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
    fn runs_are_split_on_everything_else() {
        for t in ["", "  a1-b ", "São Paulo—Brasil’s 2023 («x»)", "ü", "…año…", "x\u{2009}y"] {
            let want: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(super::alphanumeric_runs(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }
}
