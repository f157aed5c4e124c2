//! Nesting-depth cap applied to the raw HTML before parsing.
//!
//! html5ever checks "has an element in scope" by scanning the stack of open
//! elements, which makes each start tag O(depth): a page of 100k nested
//! `<div>`s takes ~30 s to parse. Real pages nest well under 100 levels, so a
//! cheap linear pre-scan drops start tags (and their matching end tags)
//! beyond [`MAX_DEPTH`]. Text is never removed; deep content is merely
//! flattened into the element at the cap. Pages within the cap are returned
//! borrowed and untouched.

use std::borrow::Cow;

/// Open-element depth beyond which start tags are dropped.
pub(crate) const MAX_DEPTH: usize = 256;

/// How far down the open-tag stack an end tag looks for its start tag.
const MATCH_WINDOW: usize = 64;

/// Elements whose content is raw text up to the matching end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "frame",
    "basefont", "bgsound", "image",
];

/// Elements whose end tag is optional: they are closed implicitly by the
/// parser, so counting them would overestimate depth.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "tbody", "thead", "tfoot", "colgroup",
    "caption", "html", "head", "body",
];

/// Returns `html` with nesting beyond [`MAX_DEPTH`] flattened.
pub(crate) fn cap_nesting(html: &str) -> Cow<'_, str> {
    Scanner::new(html, MAX_DEPTH).run()
}

/// One open counted element.
struct Open<'a> {
    name: &'a str,
    kept: bool,
}

/// A single left-to-right pass over the markup.
struct Scanner<'a> {
    src: &'a str,
    limit: usize,
    pos: usize,
    stack: Vec<Open<'a>>,
    /// Output, created lazily at the first dropped tag.
    out: Option<String>,
    /// Start of the source not yet copied into `out`.
    copied: usize,
}

/// A parsed tag: byte range and facts.
struct Tag<'a> {
    end: usize,
    name: &'a str,
    closing: bool,
    self_closing: bool,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, limit: usize) -> Self {
        Scanner { src, limit, pos: 0, stack: Vec::new(), out: None, copied: 0 }
    }

    fn run(mut self) -> Cow<'a, str> {
        let bytes = self.src.as_bytes();
        while let Some(off) = bytes.get(self.pos..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
            let start = self.pos + off;
            self.pos = start + 1;
            if let Some(skip_to) = self.special(start) {
                self.pos = skip_to;
                continue;
            }
            let Some(tag) = self.tag_at(start) else {
                continue;
            };
            self.pos = tag.end;
            self.handle(start, &tag);
        }
        match self.out {
            None => Cow::Borrowed(self.src),
            Some(mut out) => {
                out.push_str(self.src.get(self.copied..).unwrap_or(""));
                Cow::Owned(out)
            }
        }
    }

    /// Comments, doctypes and processing instructions: returns where to
    /// resume scanning.
    fn special(&self, start: usize) -> Option<usize> {
        let rest = self.src.get(start..)?;
        if rest.starts_with("<!--") {
            return Some(find_from(self.src, start + 4, "-->").map_or(self.src.len(), |i| i + 3));
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return Some(find_from(self.src, start + 2, ">").map_or(self.src.len(), |i| i + 1));
        }
        None
    }

    /// Parses a start or end tag at `start` (which holds `<`).
    fn tag_at(&self, start: usize) -> Option<Tag<'a>> {
        let bytes = self.src.as_bytes();
        let mut i = start + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':') {
            i += 1;
        }
        let name = self.src.get(name_start..i)?;
        let end = tag_end(bytes, i);
        let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
        Some(Tag { end, name, closing, self_closing })
    }

    fn handle(&mut self, start: usize, tag: &Tag<'a>) {
        let lower = tag.name.to_ascii_lowercase();
        if tag.closing {
            self.close(start, tag);
            return;
        }
        if lower == "plaintext" {
            self.pos = self.src.len();
            return;
        }
        if RAW_TEXT.contains(&lower.as_str()) {
            // Never dropped or counted: dropping `<script>` would turn code
            // into text. The end tag then finds no match and is left alone.
            self.skip_raw_text(&lower);
            return;
        }
        if tag.self_closing || VOID.contains(&lower.as_str()) || IMPLIED_END.contains(&lower.as_str()) {
            return;
        }
        let kept = self.stack.len() < self.limit;
        if !kept {
            self.drop_range(start, tag.end);
        }
        self.stack.push(Open { name: tag.name, kept });
    }

    /// Moves past the content of a raw-text element to its end tag.
    fn skip_raw_text(&mut self, lower: &str) {
        let needle = format!("</{lower}");
        self.pos = find_ci_from(self.src, self.pos, &needle).unwrap_or(self.src.len());
    }

    /// Pops the matching open element; drops the end tag if its start was.
    fn close(&mut self, start: usize, tag: &Tag<'a>) {
        let len = self.stack.len();
        let window = len.saturating_sub(MATCH_WINDOW);
        let found = (window..len).rev().find(|&k| self.stack[k].name.eq_ignore_ascii_case(tag.name));
        if let Some(k) = found {
            let kept = self.stack[k].kept;
            self.stack.truncate(k);
            if !kept {
                self.drop_range(start, tag.end);
            }
        }
    }

    /// Omits `src[start..end]` from the output.
    fn drop_range(&mut self, start: usize, end: usize) {
        let out = self.out.get_or_insert_with(|| String::with_capacity(self.src.len()));
        out.push_str(self.src.get(self.copied..start).unwrap_or(""));
        self.copied = end;
    }
}

/// End of a tag (one past `>`), honouring quoted attribute values.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Byte offset of `needle` at or after `from`.
fn find_from(hay: &str, from: usize, needle: &str) -> Option<usize> {
    hay.get(from..)?.find(needle).map(|i| i + from)
}

/// Case-insensitive (ASCII) search for an ASCII `needle` at or after `from`.
fn find_ci_from(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let bytes = hay.as_bytes();
    let n = needle.as_bytes();
    let first = *n.first()?;
    let mut i = from;
    while i + n.len() <= bytes.len() {
        let off = bytes.get(i..)?.iter().position(|&b| b == first)?;
        i += off;
        if bytes.get(i..i + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(html: &str, limit: usize) -> String {
        Scanner::new(html, limit).run().into_owned()
    }

    #[test]
    fn shallow_pages_are_borrowed() {
        let html = "<div><p>a<div>b</div></div><script>if (a<b) {}</script>";
        assert!(matches!(cap_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_text() {
        let html = "<div><div><div><div>deep</div></div></div></div>";
        assert_eq!(cap(html, 2), "<div><div>deep</div></div>");
    }

    #[test]
    fn raw_text_and_comments_are_skipped() {
        let html = "<div><script>'<div><div><div>'</script><!-- <div><div> --><div>x</div></div>";
        assert_eq!(cap(html, 2), html);
    }

    #[test]
    fn quoted_gt_in_attributes() {
        let html = "<div title='a>b'><div><div>t</div></div></div>";
        assert_eq!(cap(html, 1), "<div title='a>b'>t</div>");
    }
}
