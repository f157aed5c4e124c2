//! Boilerplate recognition from tag names and `id`/`class`/`role` attributes.
//!
//! Two strengths exist. *Hard* junk (scripts, styles, hidden elements, form
//! controls) never carries article text, so it is dropped before any
//! statistics are computed. *Soft* junk (nav, header, footer, aside, and
//! elements whose attributes name a boilerplate role) usually is boilerplate,
//! but a wrapper that happens to carry e.g. `class="has-sidebar"` may hold the
//! whole article; the caller can therefore protect soft junk that contains the
//! main content.

use scraper::node::Element;

/// Tags whose content is never readable article text.
const HARD_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "input", "select", "textarea", "option", "object", "embed",
    "canvas", "video", "audio", "map", "head", "link", "meta", "title", "math", "dialog", "menu",
];

/// Tags that are page chrome unless they turn out to wrap the main content.
const SOFT_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form"];

/// ARIA roles of page chrome.
#[rustfmt::skip]
const JUNK_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    "alertdialog", "toolbar", "tablist", "tab",
];

/// Whole attribute tokens (split on non-alphanumerics) that mark boilerplate.
/// Short words live here rather than in [`JUNK_SUBSTRINGS`] so that e.g. `ad`
/// does not match `head` or `read`.
#[rustfmt::skip]
const JUNK_TOKENS: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "megamenu", "breadcrumb",
    "breadcrumbs", "cookie", "cookies", "consent", "gdpr", "banner", "share", "shares", "sharing",
    "social", "related", "recommended", "newsletter", "subscribe", "subscription", "signup",
    "promo", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "sidebar", "widget",
    "widgets", "comment", "comments", "footer", "header", "masthead", "popup", "modal", "paywall",
    "tags", "pagination", "pager", "byline", "toolbar", "topbar", "compartir", "compartilhar",
    "publicidad", "publicidade", "rodape", "disqus", "outbrain", "taboola", "skip", "print",
    "author", "autor", "dateline", "meta", "login", "search", "buscador", "busca", "relacionadas",
    "relacionados", "leia", "lea",
];

/// Substrings of the lowercased `id class` string that mark boilerplate.
/// Only distinctive stems belong here (see [`JUNK_TOKENS`] for short words).
#[rustfmt::skip]
const JUNK_SUBSTRINGS: &[&str] = &[
    "breadcrumb", "cookie", "newsletter", "sidebar", "relacionad", "relacionat", "suscri",
    "subscri", "assine", "advert", "sponsor", "compartilh", "compartir", "publicidad", "rodape",
    "pie-de-pagina", "pie_de_pagina", "piedepagina", "skip-link", "skiplink", "paywall",
    "masthead", "gdpr", "consent", "social", "sharing", "share-", "-share", "sharebar",
    "recommend", "signup", "sign-up", "popup", "modal", "menu", "navbar", "-nav", "nav-", "_nav",
    "nav_", "footer", "comments", "comment-", "widget", "promo", "banner", "pagination", "ad-slot",
    "ad-container", "ad-wrapper", "adslot", "dfp-", "read-more", "readmore", "more-stories",
    "most-read", "mais-lidas", "mas-leidas", "trending", "author-bio", "sr-only", "screen-reader",
    "visually-hidden", "visuallyhidden",
];

/// Attribute words that mark a footnotes / references section, which belongs
/// to the document and must survive even inside a `<footer>` or `<aside>`.
#[rustfmt::skip]
const NOTE_WORDS: &[&str] = &[
    "footnote", "endnote", "notes", "notas", "referencias", "references", "bibliography",
    "bibliografia", "fn-", "citations",
];

/// Headings that introduce a notes section (compared after normalisation).
#[rustfmt::skip]
pub(crate) const NOTE_HEADINGS: &[&str] = &[
    "notes", "note", "notas", "nota", "endnotes", "footnotes", "references", "referencias",
    "referências", "referencias bibliograficas", "referências bibliográficas", "bibliografia",
    "bibliografía", "bibliography", "sources", "fuentes", "fontes", "citations",
];

/// Readability-style positive class/id hints for content containers.
#[rustfmt::skip]
const POSITIVE_HINTS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story", "contenido", "conteudo", "materia", "noticia", "cuerpo", "corpo", "texto",
];

/// Readability-style negative class/id hints for content containers.
#[rustfmt::skip]
const NEGATIVE_HINTS: &[&str] = &[
    "hidden", "banner", "combx", "comment", "contact", "foot", "footer", "footnote", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "menu", "nav",
];

/// True for elements that can never contain article text.
pub(crate) fn is_hard_junk(el: &Element) -> bool {
    let name = el.name();
    if HARD_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    el.attr("style").is_some_and(style_hides)
}

/// Inline styles that hide an element (cookie banners and modals are often
/// shipped hidden and revealed by script).
fn style_hides(style: &str) -> bool {
    let compact: String = style.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// True for elements that are page chrome by tag, role or attribute words.
pub(crate) fn is_soft_junk(el: &Element) -> bool {
    let name = el.name();
    if matches!(name, "html" | "body" | "article" | "main") || is_article_body(el) {
        return false;
    }
    let attrs = id_class(el);
    if is_note_section_attrs(&attrs) {
        return false;
    }
    if SOFT_TAGS.contains(&name) {
        return true;
    }
    if let Some(role) = el.attr("role") {
        let role = role.trim().to_ascii_lowercase();
        if JUNK_ROLES.contains(&role.as_str()) {
            return true;
        }
    }
    if attrs_are_junk(&attrs) {
        return true;
    }
    el.attr("aria-label").is_some_and(|label| tokens(&label.to_lowercase()).any(|t| JUNK_TOKENS.contains(&t)))
}

/// An `<article>` that is a teaser card, comment or related item rather than
/// the page's own article. Only distinctive words count, because CMSs put
/// arbitrary taxonomy slugs (`tag-social`, `category-menu`) on real articles.
pub(crate) fn is_teaser_article(el: &Element) -> bool {
    const TEASER: &[&str] = &["comment", "related", "teaser", "card", "promo", "sponsor", "recommend"];
    let attrs = id_class(el);
    TEASER.iter().any(|w| attrs.contains(w))
}

/// Lowercased `id` and `class` joined by a space.
pub(crate) fn id_class(el: &Element) -> String {
    let mut s = String::new();
    if let Some(id) = el.attr("id") {
        s.push_str(id);
    }
    if let Some(class) = el.attr("class") {
        s.push(' ');
        s.push_str(class);
    }
    s.to_lowercase()
}

/// Boilerplate test over a lowercased `id class` string.
fn attrs_are_junk(attrs: &str) -> bool {
    if attrs.trim().is_empty() {
        return false;
    }
    tokens(attrs).any(|t| JUNK_TOKENS.contains(&t)) || JUNK_SUBSTRINGS.iter().any(|w| attrs.contains(w))
}

/// Splits an attribute value into alphanumeric tokens.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty())
}

/// True when the `id class` string names a footnotes/references section.
pub(crate) fn is_note_section_attrs(attrs: &str) -> bool {
    NOTE_WORDS.iter().any(|w| attrs.contains(w))
}

/// True for schema.org `articleBody` containers.
pub(crate) fn is_article_body(el: &Element) -> bool {
    el.attr("itemprop").is_some_and(|v| v.split_whitespace().any(|t| t.eq_ignore_ascii_case("articleBody")))
}

/// Readability's class weight: +25 for content-like names, -25 for chrome.
pub(crate) fn class_weight(el: &Element) -> f64 {
    let attrs = id_class(el);
    if attrs.trim().is_empty() {
        return 0.0;
    }
    let mut weight = 0.0;
    if tokens(&attrs).any(|t| NEGATIVE_HINTS.iter().any(|h| t.starts_with(h))) {
        weight -= 25.0;
    }
    if tokens(&attrs).any(|t| POSITIVE_HINTS.contains(&t)) {
        weight += 25.0;
    }
    weight
}

/// Block-level tags: text inside them is a separate paragraph for scoring.
pub(crate) fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "td"
            | "th"
            | "li"
            | "dd"
            | "dt"
            | "pre"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tr"
            | "tbody"
            | "thead"
            | "tfoot"
            | "ul"
            | "ol"
            | "dl"
            | "figure"
            | "figcaption"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "form"
            | "address"
            | "center"
            | "body"
            | "html"
            | "caption"
            | "fieldset"
            | "details"
            | "summary"
            | "hr"
    )
}

/// Heading level for `h1`..`h6`.
pub(crate) fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tokens_do_not_match_inside_words() {
        assert!(!attrs_are_junk("article-head reading"));
        assert!(attrs_are_junk("ad top"));
        assert!(attrs_are_junk("cookie-banner"));
        assert!(attrs_are_junk("caja-relacionadas"));
        assert!(!attrs_are_junk("entry-content"));
        assert!(!attrs_are_junk("commentary-body"));
    }

    #[test]
    fn notes_sections_are_recognised() {
        assert!(is_note_section_attrs("footnotes"));
        assert!(is_note_section_attrs("article-endnotes"));
        assert!(!is_note_section_attrs("entry-content"));
    }
}
