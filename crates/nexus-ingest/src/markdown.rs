//! Markdown to plain text: headings, paragraphs and list items become blocks; markup, link
//! targets and images go. The first level-one heading is the title, a front-matter block is metadata.

use crate::model::Metadata;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub struct Rendered {
    pub meta: Metadata,
    pub text: String,
}

pub fn render(source: &str) -> Rendered {
    let mut meta = Metadata::default();
    let body = front_matter(source, &mut meta);
    let mut text = String::with_capacity(body.len());
    let mut in_title = false;
    let mut title = String::new();
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) if meta.title.is_none() && title.is_empty() => in_title = true,
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_title => {
                in_title = false;
                meta.title = Some(title.trim().to_owned());
            }
            Event::Text(t) | Event::Code(t) if in_title => title.push_str(&t),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow | TagEnd::CodeBlock | TagEnd::TableHead,
            ) => text.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => text.push_str(" | "),
            _ => {}
        }
    }
    Rendered { meta, text }
}

/// `---` YAML-style front matter with `key: value` lines.
fn front_matter<'a>(source: &'a str, meta: &mut Metadata) -> &'a str {
    let Some(rest) = source.strip_prefix("---\n") else { return source };
    let Some(end) = rest.find("\n---") else { return source };
    for line in rest[..end].lines() {
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim().trim_matches(['"', '\'']);
            match k.trim().to_lowercase().as_str() {
                "title" => meta.title = Some(v.to_owned()),
                "author" | "authors" => {
                    meta.authors = v
                        .trim_matches(['[', ']'])
                        .split([',', ';'])
                        .map(|a| a.trim().trim_matches(['"', '\'']).to_owned())
                        .filter(|a| !a.is_empty())
                        .collect()
                }
                "date" | "published" => meta.published = crate::dates::iso_prefix(v),
                "venue" | "journal" => meta.venue = Some(v.to_owned()),
                "site" | "source" => meta.site = Some(v.to_owned()),
                _ => {}
            }
        }
    }
    rest[end + 4..].trim_start_matches(['-', '\n'])
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn title_blocks_and_links() {
        let r = render(
            "# Cocaine to Australia\n\n*By Daniel Okafor*\n\n## Routes\n\nShipments leave [Callao](https://example.org) for **Sydney**.\n\n- one\n- two\n",
        );
        assert_eq!(r.meta.title.as_deref(), Some("Cocaine to Australia"));
        assert_eq!(r.text, "By Daniel Okafor\n\nRoutes\n\nShipments leave Callao for Sydney.\n\none\n\ntwo\n\n");
    }

    #[test]
    fn front_matter_is_metadata() {
        let r = render("---\ntitle: Rutas\nauthor: [Ana Pérez, Luis Gómez]\ndate: 2023-03-14\n---\nTexto.\n");
        assert_eq!(r.meta.authors, ["Ana Pérez", "Luis Gómez"]);
        assert_eq!(r.meta.published.as_deref(), Some("2023-03-14"));
        assert_eq!(r.text.trim(), "Texto.");
    }
}
