//! Page metadata: title, authors, date, site, language, description.
//!
//! Sources are gathered in one document-order walk, then each field takes the
//! first non-empty source in a fixed priority order (explicit scholarly and
//! Open Graph tags first, heuristics such as bylines last).

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use crate::text::{collapse, fold, iso_date_prefix, primary_language, split_authors, strip_site_suffix};

/// Byline-ish class tokens.
#[rustfmt::skip]
const BYLINE_WORDS: &[&str] = &[
    "byline", "author", "autor", "author-name", "article-author", "firma",
];

/// Raw metadata sources found in the page.
#[derive(Default)]
pub(crate) struct Sources {
    metas: Vec<(String, String)>,
    title: Option<String>,
    lang: Option<String>,
    first_h1: Option<String>,
    rel_authors: Vec<String>,
    bylines: Vec<String>,
    /// `<time datetime>` elements: node id and attribute value.
    pub times: Vec<(NodeId, String)>,
    ld: LdFacts,
}

/// Facts pulled from JSON-LD blocks.
#[derive(Default)]
struct LdFacts {
    headline: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
}

/// Caps on heuristic collections so pathological pages stay linear.
const MAX_TIMES: usize = 64;
const MAX_BYLINES: usize = 8;

/// Collects all metadata sources in a single iterative walk.
pub(crate) fn gather(doc: &Html) -> Sources {
    let mut s = Sources::default();
    for node in doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "html" if s.lang.is_none() => s.lang = el.attr("lang").or(el.attr("xml:lang")).map(str::to_string),
            "meta" => push_meta(&mut s, el),
            // Microdata dates on visible elements (`<time itemprop=datePublished>`).
            _ if el.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished")) => {
                if let Some(v) = el.attr("datetime").or(el.attr("content")) {
                    s.metas.push(("datepublished".to_string(), v.trim().to_string()));
                }
            }
            "title" if s.title.is_none() => s.title = element_text(node),
            "h1" if s.first_h1.is_none() => s.first_h1 = element_text(node),
            "script" => {
                if el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                    && let Some(text) = ElementRef::wrap(node).map(|e| e.text().collect::<String>())
                {
                    read_json_ld(&text, &mut s.ld);
                }
            }
            "time" if s.times.len() < MAX_TIMES => {
                if let Some(dt) = el.attr("datetime") {
                    s.times.push((node.id(), dt.to_string()));
                }
            }
            _ => {}
        }
        if el.name() == "a"
            && el.attr("rel").is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("author")))
            && let Some(t) = element_text(node)
        {
            s.rel_authors.push(t);
        }
        if s.bylines.len() < MAX_BYLINES
            && is_byline(el)
            && let Some(t) = element_text(node).filter(|t| t.chars().count() <= 200)
        {
            s.bylines.push(t);
        }
    }
    s
}

/// Records a `<meta>` under each of its keys (name, property, itemprop).
fn push_meta(s: &mut Sources, el: &scraper::node::Element) {
    let Some(content) = el.attr("content").or(el.attr("datetime")) else {
        return;
    };
    let content = collapse(content);
    if content.is_empty() {
        return;
    }
    for key in ["name", "property", "itemprop", "http-equiv"] {
        if let Some(k) = el.attr(key) {
            s.metas.push((k.trim().to_ascii_lowercase(), content.clone()));
        }
    }
}

/// True for byline containers: `class`/`id` tokens naming the author.
fn is_byline(el: &scraper::node::Element) -> bool {
    let attrs = crate::junk::id_class(el);
    attrs.split(|c: char| c.is_whitespace()).any(|t| BYLINE_WORDS.contains(&t)) && !matches!(el.name(), "meta" | "link" | "script" | "img")
}

/// Collapsed text content of an element, if non-empty.
fn element_text(node: ego_tree::NodeRef<'_, Node>) -> Option<String> {
    let e = ElementRef::wrap(node)?;
    let text = collapse(&e.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

/// Parses one JSON-LD block; malformed JSON is ignored.
fn read_json_ld(text: &str, ld: &mut LdFacts) {
    let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
        return;
    };
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if map.contains_key("datePublished") || map.contains_key("headline") {
                    absorb_article(map, ld);
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
}

/// Takes the fields of an Article-like JSON-LD object (first one wins).
fn absorb_article(map: &serde_json::Map<String, Value>, ld: &mut LdFacts) {
    if ld.headline.is_none() {
        ld.headline = map.get("headline").and_then(Value::as_str).map(collapse);
    }
    if ld.date.is_none() {
        ld.date = map.get("datePublished").and_then(Value::as_str).map(str::to_string);
    }
    if ld.language.is_none() {
        ld.language = map.get("inLanguage").and_then(Value::as_str).map(str::to_string);
    }
    if ld.publisher.is_none() {
        ld.publisher = map.get("publisher").and_then(ld_name);
    }
    if ld.authors.is_empty() {
        match map.get("author") {
            Some(Value::Array(list)) => ld.authors.extend(list.iter().filter_map(ld_name)),
            Some(v) => ld.authors.extend(ld_name(v)),
            None => {}
        }
    }
}

/// `"Name"` or `{"name": "Name"}`.
fn ld_name(v: &Value) -> Option<String> {
    let name = match v {
        Value::String(s) => s.as_str(),
        Value::Object(m) => m.get("name")?.as_str()?,
        _ => return None,
    };
    let name = collapse(name);
    (!name.is_empty()).then_some(name)
}

impl Sources {
    /// First meta value among `keys`, in key priority order.
    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
    }

    /// All meta values for `key`, in document order.
    fn metas_all(&self, key: &str) -> Vec<String> {
        self.metas.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect()
    }

    pub fn site_name(&self) -> Option<String> {
        self.meta(&["og:site_name", "application-name"])
    }

    pub fn title(&self, site: Option<&str>) -> Option<String> {
        self.meta(&["og:title", "citation_title", "dc.title", "twitter:title"])
            .or_else(|| self.title.as_deref().map(|t| self.headline_part(t)))
            .or_else(|| self.ld.headline.clone())
            .or_else(|| self.first_h1.clone())
            .map(|t| strip_site_suffix(&t, site))
            .filter(|t| !t.is_empty())
    }

    /// Without a known site name, `<title>` suffixes can still be recognised
    /// when the part before a separator is exactly the page's `<h1>`.
    fn headline_part(&self, title: &str) -> String {
        let Some(h1) = &self.first_h1 else {
            return title.to_string();
        };
        let h1_folded = fold(h1);
        crate::text::TITLE_SEPARATORS
            .iter()
            .filter_map(|sep| title.split_once(sep))
            .find(|(head, _)| fold(head) == h1_folded)
            .map_or_else(|| title.to_string(), |(head, _)| head.trim().to_string())
    }

    pub fn description(&self) -> Option<String> {
        self.meta(&["description", "og:description", "twitter:description", "dc.description"])
    }

    pub fn language(&self) -> Option<String> {
        self.lang
            .as_deref()
            .and_then(primary_language)
            .or_else(|| self.meta(&["content-language", "dc.language", "og:locale"]).as_deref().and_then(primary_language))
            .or_else(|| self.ld.language.as_deref().and_then(primary_language))
    }

    /// Date from meta tags and JSON-LD; `<time>` fallback is the caller's.
    pub fn published(&self) -> Option<String> {
        const KEYS: &[&str] = &[
            "article:published_time",
            "citation_publication_date",
            "citation_date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.issued",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "datepublished",
            "og:published_time",
            "sailthru.date",
            "parsely-pub-date",
        ];
        KEYS.iter().flat_map(|k| self.metas_all(k)).chain(self.ld.date.clone()).find_map(|v| iso_date_prefix(&v))
    }

    /// Authors from the most authoritative source that yields any.
    pub fn authors(&self) -> Vec<String> {
        let citation = self.metas_all("citation_author");
        if !citation.is_empty() {
            return dedupe(citation.iter().flat_map(|a| split_authors(a, false)).collect());
        }
        let mut meta: Vec<String> = Vec::new();
        for key in ["author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author"] {
            for v in self.metas_all(key) {
                if !looks_like_url(&v) {
                    meta.extend(split_authors(&v, true));
                }
            }
        }
        if !meta.is_empty() {
            return dedupe(meta);
        }
        for tier in [&self.ld.authors, &self.rel_authors] {
            let names: Vec<String> = tier.iter().flat_map(|a| split_authors(a, true)).collect();
            if !names.is_empty() {
                return dedupe(names);
            }
        }
        // Only the first usable byline: later ones belong to teaser cards.
        self.bylines.iter().map(|b| split_authors(b, true)).find(|names| !names.is_empty()).map(dedupe).unwrap_or_default()
    }
}

/// URLs appear in `article:author` (profile links) and are not names.
fn looks_like_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www.") || l.starts_with('/')
}

/// Removes case-insensitive duplicates, keeping first occurrences.
fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.iter().any(|o| o.to_lowercase() == n.to_lowercase()) {
            out.push(n);
        }
    }
    out
}
