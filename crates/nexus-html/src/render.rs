//! Turning the chosen subtrees into text blocks with footnote-mark spans.
//!
//! The walk is iterative (explicit enter/exit stack) so nesting depth cannot
//! overflow the call stack. Whitespace is collapsed while appending, so byte
//! offsets of footnote marks are known exactly at the moment they are
//! written and never need re-mapping except for the final block join.

use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

use crate::NoteSpan;
use crate::arena::Arena;
use crate::choose::{Choice, is_link_farm};
use crate::junk;

/// One paragraph-like unit of output.
pub(crate) struct Block {
    pub text: String,
    pub notes: Vec<NoteSpan>,
    /// Heading level when the block came from `h1`..`h6`.
    pub heading: Option<u8>,
}

/// Accumulates the current block with on-the-fly whitespace collapsing.
#[derive(Default)]
struct BlockBuf {
    text: String,
    notes: Vec<NoteSpan>,
    pending_space: bool,
}

impl BlockBuf {
    /// Appends text, collapsing whitespace runs to one space (or verbatim in
    /// `<pre>`).
    fn push_text(&mut self, s: &str, pre: bool) {
        if pre {
            self.flush_space();
            self.text.extend(s.chars().filter(|&c| c != '\r'));
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                self.flush_space();
                self.text.push(c);
            }
        }
    }

    /// Writes a pending collapsed space, never at block start or after `\n`.
    fn flush_space(&mut self) {
        if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.pending_space = false;
    }

    /// A `<br>`. Returns true when it follows another `<br>` directly, which
    /// old CMSs use as a paragraph break; the caller then ends the block.
    fn push_break(&mut self) -> bool {
        self.pending_space = false;
        if self.text.is_empty() {
            return false;
        }
        if self.text.ends_with('\n') {
            self.text.pop();
            return true;
        }
        self.text.push('\n');
        false
    }

    /// Appends a footnote mark as shown (`shown`), recording spans for each
    /// label found inside it.
    fn push_mark(&mut self, shown: &str) {
        self.flush_space();
        let base = self.text.len();
        self.text.push_str(shown);
        for (start, end) in label_ranges(shown) {
            self.notes.push(NoteSpan { start: base + start, end: base + end, label: shown[start..end].to_string() });
        }
    }

    /// Ends the block, trimming edges and shifting note offsets accordingly.
    fn take(&mut self, heading: Option<u8>) -> Option<Block> {
        self.pending_space = false;
        let mut text = std::mem::take(&mut self.text);
        let mut notes = std::mem::take(&mut self.notes);
        let lead = text.len() - text.trim_start().len();
        let keep = text.trim_end().len();
        if keep <= lead {
            return None;
        }
        text.truncate(keep);
        text.drain(..lead);
        notes.retain(|n| n.start >= lead && n.end <= keep);
        for n in &mut notes {
            n.start -= lead;
            n.end -= lead;
        }
        Some(Block { text, notes, heading })
    }
}

/// Walk state beyond the current block.
struct Walker<'a, 'c> {
    arena: &'c Arena<'a>,
    choice: &'c Choice,
    blocks: Vec<Block>,
    buf: BlockBuf,
    heading: Option<u8>,
    pre_depth: usize,
    notes_depth: usize,
    /// Set once a "Notes"/"Referencias" heading has been emitted: from there
    /// on, superscripts are note labels, not references into the notes.
    after_notes_heading: bool,
    /// Total text of the root being rendered, to size link farms against.
    root_total: u32,
    /// Counters of open `<ol>` lists, for "1." style item prefixes.
    ol_counters: Vec<i64>,
}

/// A step of the iterative walk.
enum Step<'a> {
    Enter(NodeRef<'a, Node>),
    Exit(NodeRef<'a, Node>, ExitFlags),
}

/// What to undo when leaving an element.
#[derive(Clone, Copy, Default)]
struct ExitFlags {
    block: bool,
    pre: bool,
    notes: bool,
    ol: bool,
}

/// Renders the chosen roots into blocks.
pub(crate) fn render(arena: &Arena<'_>, choice: &Choice) -> Vec<Block> {
    let mut w = Walker {
        arena,
        choice,
        blocks: Vec::new(),
        buf: BlockBuf::default(),
        heading: None,
        pre_depth: 0,
        notes_depth: 0,
        after_notes_heading: false,
        root_total: 0,
        ol_counters: Vec::new(),
    };
    for &root in &choice.roots {
        if let Some(item) = arena.items.get(root) {
            w.root_total = choice.stats.total.get(root).copied().unwrap_or(0);
            w.walk(item.node);
            w.end_block();
        }
    }
    w.blocks
}

impl<'a> Walker<'a, '_> {
    fn walk(&mut self, root: NodeRef<'a, Node>) {
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(node) => self.enter(node, &mut stack),
                Step::Exit(node, flags) => self.exit(node, flags),
            }
        }
    }

    fn enter(&mut self, node: NodeRef<'a, Node>, stack: &mut Vec<Step<'a>>) {
        let el = match node.value() {
            Node::Text(t) => {
                self.buf.push_text(t, self.pre_depth > 0);
                return;
            }
            Node::Element(el) => el,
            _ => return,
        };
        let Some(&idx) = self.arena.index.get(&node.id()) else {
            return; // hard junk was never indexed
        };
        if !self.choice.alive.get(idx).copied().unwrap_or(false) {
            return;
        }
        let in_notes = self.notes_depth > 0 || self.after_notes_heading;
        let is_root = self.choice.roots.contains(&idx);
        if !is_root && is_link_farm(self.arena, &self.choice.stats, idx, in_notes, self.root_total) {
            return;
        }
        let name = el.name();
        if let Some((shown, linked)) = note_mark(node, name) {
            // Exponents (`km²`) and labels inside the notes list are plain text.
            let reference = linked || !follows_quantity(&self.buf.text, self.buf.pending_space);
            if reference && !in_notes {
                self.buf.push_mark(&shown);
            } else {
                self.buf.push_text(&shown, false);
            }
            return;
        }
        if is_backref(node, name) {
            return;
        }
        let flags = self.open_element(node, name);
        stack.push(Step::Exit(node, flags));
        for child in node.children().rev() {
            stack.push(Step::Enter(child));
        }
    }

    /// Applies the effects of entering an element and says what to undo.
    fn open_element(&mut self, node: NodeRef<'a, Node>, name: &str) -> ExitFlags {
        let mut flags = ExitFlags::default();
        match name {
            "br" => {
                if self.buf.push_break() {
                    self.end_block();
                }
                return flags;
            }
            "td" | "th" => {
                if !self.buf.text.is_empty() {
                    self.buf.pending_space = false;
                    self.buf.text.push_str(" | ");
                }
                return flags;
            }
            _ => {}
        }
        if junk::is_block_tag(name) && name != "td" && name != "th" {
            self.end_block();
            flags.block = true;
        }
        if let Some(level) = junk::heading_level(name) {
            self.heading = Some(level);
        }
        if name == "pre" {
            self.pre_depth += 1;
            flags.pre = true;
        }
        if starts_notes(node) {
            self.notes_depth += 1;
            flags.notes = true;
        }
        if name == "ol" {
            let start = node.value().as_element().and_then(|e| e.attr("start")).and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or(1);
            self.ol_counters.push(start.saturating_sub(1));
            flags.ol = true;
        }
        if name == "li"
            && parent_is_ol(node)
            && let Some(counter) = self.ol_counters.last_mut()
        {
            *counter = counter.saturating_add(1);
            let prefix = format!("{counter}. ");
            self.buf.push_text(&prefix, false);
        }
        flags
    }

    fn exit(&mut self, node: NodeRef<'a, Node>, flags: ExitFlags) {
        if flags.block {
            self.end_block();
        }
        if node.value().as_element().is_some_and(|e| junk::heading_level(e.name()).is_some()) {
            self.heading = None;
        }
        if flags.pre {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if flags.notes {
            self.notes_depth = self.notes_depth.saturating_sub(1);
        }
        if flags.ol {
            self.ol_counters.pop();
        }
    }

    fn end_block(&mut self) {
        if let Some(block) = self.buf.take(self.heading) {
            if block.heading.is_some() && is_notes_heading(&block.text) {
                self.after_notes_heading = true;
            }
            self.blocks.push(block);
        }
    }
}

/// True when the `<li>`'s parent element is an `<ol>`.
fn parent_is_ol(node: NodeRef<'_, Node>) -> bool {
    node.parent().and_then(|p| p.value().as_element().map(|e| e.name() == "ol")).unwrap_or(false)
}

/// True when an element opens a notes/references section: by its attributes,
/// or a list directly preceded by a "Notes"/"Referencias" heading.
fn starts_notes(node: NodeRef<'_, Node>) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    if junk::is_note_section_attrs(&junk::id_class(el)) {
        return true;
    }
    if !matches!(el.name(), "ol" | "ul" | "div" | "section" | "dl") {
        return false;
    }
    let prev = node.prev_siblings().find_map(ElementRef::wrap);
    prev.is_some_and(|p| junk::heading_level(p.value().name()).is_some() && is_notes_heading(&p.text().collect::<String>()))
}

/// True for "Notes", "Referencias:", "Fontes" and similar headings.
fn is_notes_heading(text: &str) -> bool {
    junk::NOTE_HEADINGS.contains(&normalize_heading(text).as_str())
}

/// Lowercases and trims a heading, dropping trailing colons.
fn normalize_heading(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(':').trim().to_lowercase()
}

/// Units after which an unlinked numeric `<sup>` is an exponent (`km²`).
const UNITS: &[&str] = &["km", "m", "cm", "mm", "mi", "ft", "in", "yd", "ha", "dm", "nm", "µm"];

/// True when an unlinked superscript directly follows a number or a unit,
/// i.e. it is an exponent rather than a footnote mark.
fn follows_quantity(text: &str, spaced: bool) -> bool {
    if spaced {
        return false;
    }
    if text.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word = text.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    UNITS.contains(&word)
}

/// If the element is a footnote reference mark, returns its trimmed text
/// and whether it links into the page.
fn note_mark(node: NodeRef<'_, Node>, name: &str) -> Option<(String, bool)> {
    let el = node.value().as_element()?;
    let linked = match name {
        "sup" => has_fragment_link(node),
        "a" => is_note_link(el),
        _ => return None,
    };
    if name == "a" && !linked {
        return None;
    }
    let text = short_text(node)?;
    let shown = text.trim();
    is_mark_text(shown, linked).then(|| (shown.to_string(), linked))
}

/// A `<sup>` that contains an in-page link (`<sup><a href="#fn2">`).
fn has_fragment_link(node: NodeRef<'_, Node>) -> bool {
    node.descendants()
        .take(8)
        .any(|d| d.value().as_element().is_some_and(|e| e.name() == "a" && e.attr("href").is_some_and(|h| h.trim_start().starts_with('#'))))
}

/// An `<a>` that points at a footnote.
fn is_note_link(el: &scraper::node::Element) -> bool {
    let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
    if class.contains("footnote-ref") || class.contains("noteref") || class.contains("fn-ref") {
        return true;
    }
    let role = el.attr("role").unwrap_or("").to_ascii_lowercase();
    if role == "doc-noteref" {
        return true;
    }
    let href = el.attr("href").unwrap_or("").trim().to_ascii_lowercase();
    // Links from a note back to its reference (`#fnref2`, `#_ftnref1`).
    let back = ["fnref", "ftnref", "ednref", "cite_ref", "noteref", "backref"];
    href.starts_with('#')
        && !back.iter().any(|w| href.contains(w))
        && ["fn", "note", "ftn", "edn", "ref", "cite", "nota"].iter().any(|w| href.contains(w))
}

/// A back-reference from a footnote to its mark ("↩"), which is navigation.
fn is_backref(node: NodeRef<'_, Node>, name: &str) -> bool {
    if name != "a" {
        return false;
    }
    let Some(el) = node.value().as_element() else {
        return false;
    };
    let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
    if class.contains("backref") || class.contains("footnote-back") || class.contains("reversefootnote") {
        return true;
    }
    short_text(node).is_some_and(|t| matches!(t.trim(), "↩" | "↩︎" | "↑" | "^" | "⤴"))
}

/// Node budget for [`short_text`]: marks and back-links are tiny.
const SHORT_TEXT_NODES: usize = 32;
/// Byte budget for [`short_text`].
const SHORT_TEXT_BYTES: usize = 64;

/// The text of a small subtree, or `None` when it exceeds the budgets. Called
/// for every `<a>` and `<sup>`, so it must not walk large subtrees (nested
/// `<sup>`s would otherwise make rendering quadratic).
fn short_text(node: NodeRef<'_, Node>) -> Option<String> {
    let mut text = String::new();
    for (seen, d) in node.descendants().enumerate() {
        if seen >= SHORT_TEXT_NODES || text.len() > SHORT_TEXT_BYTES {
            return None;
        }
        if let Node::Text(t) = d.value() {
            text.push_str(t);
        }
    }
    Some(text)
}

/// Whether `s` looks like a footnote mark. Unlinked `<sup>` must be numeric
/// (or `*`/`†`) so ordinals like `1<sup>st</sup>` stay ordinary text.
fn is_mark_text(s: &str, linked: bool) -> bool {
    if s.is_empty() || s.chars().count() > 12 {
        return false;
    }
    let ranges = label_ranges(s);
    if ranges.is_empty() {
        return false;
    }
    let inner = s.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')'));
    let structural = inner.chars().all(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | ' ' | '*' | '†' | '‡'));
    if !structural {
        return false;
    }
    if linked {
        return ranges.iter().all(|&(a, b)| b - a <= 5);
    }
    ranges.iter().all(|&(a, b)| {
        let label = &s[a..b];
        label.len() <= 3 && label.chars().all(|c| c.is_ascii_digit()) || matches!(label, "*" | "†" | "‡")
    })
}

/// Byte ranges of the labels inside a mark: `"[2]"` → `2`, `"2,3"` → `2`
/// and `3`, `"*"` → `*`.
fn label_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '*' | '†' | '‡');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_breaks() {
        let mut b = BlockBuf::default();
        b.push_text("  Hello \n  world ", false);
        assert!(!b.push_break());
        b.push_text(" next", false);
        let block = b.take(None).map(|b| b.text);
        assert_eq!(block.as_deref(), Some("Hello world\nnext"));
    }

    #[test]
    fn mark_spans_are_byte_exact() {
        let mut b = BlockBuf::default();
        b.push_text("  Señor Trujillo.", false);
        b.push_mark("[12]");
        let block = b.take(None).expect("block");
        assert_eq!(block.text, "Señor Trujillo.[12]");
        assert_eq!(block.notes.len(), 1);
        let n = &block.notes[0];
        assert_eq!(&block.text[n.start..n.end], "12");
    }

    #[test]
    fn mark_text_rules() {
        assert!(is_mark_text("2", false));
        assert!(is_mark_text("[2]", true));
        assert!(is_mark_text("2,3", false));
        assert!(!is_mark_text("st", false));
        assert!(is_mark_text("a", true));
        assert!(!is_mark_text("see note", false));
        assert!(!is_mark_text("↩", true));
    }
}
