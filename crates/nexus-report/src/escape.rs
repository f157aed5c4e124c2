//! Escaping for untrusted text. One function serves HTML text, attribute values and SVG (XML):
//! all five markup characters are replaced, and characters XML forbids are dropped so a
//! standalone SVG stays well-formed.

/// Text safe inside an element or a quoted attribute value of HTML, SVG or XML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text safe in Markdown (CommonMark and GFM tables): markup characters backslash-escaped,
/// `<` and `&` as entities so no raw HTML or entity survives, lines joined.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!' | '|' | '~' | '{' | '}' | '.' | '"' | '\'' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(esc("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(esc("a & b"), "a &amp; b");
        assert_eq!(esc("\" onerror='x'"), "&quot; onerror=&#39;x&#39;");
        assert_eq!(esc("ok\u{0}\u{1b}é"), "oké");
    }

    #[test]
    fn markdown_escapes_html_and_syntax() {
        assert_eq!(md("<script>"), "&lt;script&gt;");
        assert_eq!(md("a|b *c* [d](e)"), "a\\|b \\*c\\* \\[d\\]\\(e\\)");
        assert_eq!(md("&amp;"), "&amp;amp;");
        assert_eq!(md("1.\n2"), "1\\. 2");
    }
}
