//! nexus-html: main text and metadata from one HTML page.
//!
//! [`extract`] parses a page with `scraper` (html5ever), removes page chrome
//! (navigation, banners, share bars, related links, footers…), picks the
//! article body — a semantic `<article>`/`articleBody` container when one is
//! substantial, otherwise the best Readability-style candidate — and renders
//! it as blank-line separated blocks. Footnote reference marks are kept in
//! the text and reported as byte spans in [`HtmlDocument::notes`].
//!
//! Every traversal is iterative, so hostile nesting depth cannot overflow the
//! stack, and every step is linear in the page size.

mod arena;
mod choose;
mod depth;
mod junk;
mod meta;
mod render;
mod text;

use ego_tree::NodeId;
use scraper::{Html, Node};

use crate::arena::Arena;
use crate::render::Block;

/// The extracted content of one HTML page.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct HtmlDocument {
    /// Headline: og:title, citation_title, `<title>` (site suffix stripped),
    /// JSON-LD headline, or the first `<h1>`.
    pub title: Option<String>,
    /// Author names, from the most authoritative source that has any.
    pub authors: Vec<String>,
    /// ISO 8601 prefix: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: Option<String>,
    /// og:site_name or application-name.
    pub site_name: Option<String>,
    /// Primary language subtag, lowercased (`es-PE` → `es`).
    pub language: Option<String>,
    /// Meta description or og:description.
    pub description: Option<String>,
    /// Main text: blocks separated by `"\n\n"`, `<br>` as `"\n"`.
    pub text: String,
    /// Footnote reference marks inside `text`.
    pub notes: Vec<NoteSpan>,
}

/// A footnote reference mark inside [`HtmlDocument::text`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NoteSpan {
    /// UTF-8 byte offset of the mark's first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the mark's last byte.
    pub end: usize,
    /// The mark as it appears (`text[start..end] == label`).
    pub label: String,
}

/// Extracts main text and metadata. Total: never panics, never fails; an
/// empty or text-free page yields an empty `text`.
pub fn extract(html: &str) -> HtmlDocument {
    let capped = depth::cap_nesting(html);
    let doc = Html::parse_document(&capped);
    let sources = meta::gather(&doc);
    let site_name = sources.site_name();
    let title = sources.title(site_name.as_deref());

    let body = find_body(&doc);
    let arena = body.map(Arena::build);
    let (blocks, root_ids) = match &arena {
        Some(arena) => {
            let choice = choose::choose(arena);
            let ids: Vec<NodeId> = choice.roots.iter().filter_map(|&r| arena.items.get(r)).map(|i| i.node.id()).collect();
            (render::render(arena, &choice), ids)
        }
        None => (Vec::new(), Vec::new()),
    };
    let (text, notes) = assemble(blocks, title.as_deref());

    let published = sources.published().or_else(|| time_in_content(&doc, &sources, &root_ids));
    HtmlDocument {
        authors: sources.authors(),
        published,
        language: sources.language(),
        description: sources.description(),
        site_name,
        title,
        text,
        notes,
    }
}

/// The `<body>` element, or the root element for body-less documents.
fn find_body(doc: &Html) -> Option<ego_tree::NodeRef<'_, Node>> {
    let root = doc.root_element();
    let body = root.children().find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"));
    Some(body.unwrap_or(*root))
}

/// Joins blocks with blank lines, dropping headings that repeat the title,
/// and rebases note offsets onto the joined text.
fn assemble(blocks: Vec<Block>, title: Option<&str>) -> (String, Vec<NoteSpan>) {
    let mut text = String::new();
    let mut notes = Vec::new();
    for (i, block) in blocks.into_iter().enumerate() {
        if is_repeated_headline(&block, i, title) {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let base = text.len();
        text.push_str(&block.text);
        notes.extend(block.notes.into_iter().map(|n| NoteSpan { start: n.start + base, end: n.end + base, label: n.label }));
    }
    (text, notes)
}

/// The page headline must not open the text a second time.
fn is_repeated_headline(block: &Block, index: usize, title: Option<&str>) -> bool {
    let Some(title) = title else {
        return false;
    };
    let candidate = block.heading == Some(1) || (index == 0 && block.heading.is_some());
    candidate && text::nearly_equal(&block.text, title)
}

/// Upper bound on ancestor steps per `<time>` check, to stay linear on
/// deeply nested pages.
const MAX_ANCESTOR_STEPS: usize = 256;

/// Date from the first `<time datetime>` inside the chosen content or an
/// `<article>`: page-level times are often "today" in a header.
fn time_in_content(doc: &Html, sources: &meta::Sources, roots: &[NodeId]) -> Option<String> {
    sources.times.iter().find_map(|(id, value)| {
        let node = doc.tree.get(*id)?;
        let inside = node
            .ancestors()
            .take(MAX_ANCESTOR_STEPS)
            .any(|a| roots.contains(&a.id()) || a.value().as_element().is_some_and(|e| e.name() == "article"));
        if inside { text::iso_date_prefix(value) } else { None }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input() {
        let doc = extract("");
        assert_eq!(doc.text, "");
        assert!(doc.notes.is_empty());
        assert_eq!(doc.title, None);
    }

    #[test]
    fn simple_paragraphs() {
        let doc = extract("<html lang='en'><body><p>First   paragraph.</p><p>Second<br>line.</p></body></html>");
        assert_eq!(doc.text, "First paragraph.\n\nSecond\nline.");
        assert_eq!(doc.language.as_deref(), Some("en"));
    }

    #[test]
    fn sup_note_is_glued() {
        let html = "<body><div><p>The cartel moved north, according to officials in Trujillo.<sup>2</sup> More text follows here, with commas, and more.</p></div></body>";
        let doc = extract(html);
        assert!(doc.text.contains("Trujillo.2 More"), "{}", doc.text);
        assert_eq!(doc.notes.len(), 1);
        let n = &doc.notes[0];
        assert_eq!(&doc.text[n.start..n.end], "2");
        assert_eq!(n.label, "2");
    }
}
