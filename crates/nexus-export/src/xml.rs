//! What XML escaping cannot fix: characters XML 1.0 forbids outright (most C0 controls, lone
//! surrogates cannot occur in a `str`, U+FFFE/U+FFFF), replaced with U+FFFD; and line breaks in
//! attribute values, which a parser would turn into spaces anyway.

use std::borrow::Cow;

fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text fit for an XML attribute value (quick-xml escapes it on writing).
pub fn attr(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| allowed(c) && !matches!(c, '\t' | '\n' | '\r')) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else if allowed(c) {
                    c
                } else {
                    '\u{FFFD}'
                }
            })
            .collect(),
    )
}

/// Text fit for element content.
pub fn text(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn forbidden_characters_are_replaced() {
        assert_eq!(super::text("a\u{1}b\nc"), "a\u{FFFD}b\nc");
        assert_eq!(super::attr("a\u{1}b\nc"), "a\u{FFFD}b c");
        assert!(matches!(super::attr("plain <b> & \"q\""), std::borrow::Cow::Borrowed(_)));
    }
}
