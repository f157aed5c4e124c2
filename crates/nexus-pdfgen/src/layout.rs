//! Page layout: word wrap with occasional hyphenation, pagination, running header and footer.
//! All coordinates are PDF points with the origin at the bottom-left of an A4 page.

use crate::hyphenate;
use crate::metrics::Font;
use crate::{DocSpec, FooterStyle};

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 72.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
const HEADER_Y: f32 = 800.0;
const FOOTER_Y: f32 = 40.0;
const BODY_TOP: f32 = 760.0;
const BODY_BOTTOM: f32 = 72.0;

const BODY_FONT: Font = Font::TimesRoman;
const BODY_SIZE: f32 = 11.0;
const BODY_LEADING: f32 = 14.0;
/// Extra space between paragraphs; the extractor finds paragraph breaks from this gap.
const PARAGRAPH_GAP: f32 = 8.0;
const TITLE_SIZE: f32 = 16.0;
const TITLE_LEADING: f32 = 20.0;
const BYLINE_SIZE: f32 = 10.0;
const HEADER_SIZE: f32 = 8.0;

/// One line of text at a fixed position.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLine {
    pub font: Font,
    pub size: f32,
    pub x: f32,
    pub y: f32,
    pub text: String,
}

/// The lines of one page, in drawing order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<PlacedLine>,
}

/// Lays the whole document out on A4 pages.
pub fn layout(spec: &DocSpec) -> Vec<Page> {
    let mut flow = Flow::new();
    for line in wrap(&spec.title, Font::HelveticaBold, TITLE_SIZE, TEXT_WIDTH) {
        flow.place(Font::HelveticaBold, TITLE_SIZE, TITLE_LEADING, line);
    }
    if !spec.authors.is_empty() {
        flow.paragraph_gap();
        for line in wrap(&spec.authors.join("; "), Font::Helvetica, BYLINE_SIZE, TEXT_WIDTH) {
            flow.place(Font::Helvetica, BYLINE_SIZE, BODY_LEADING, line);
        }
    }
    for paragraph in &spec.paragraphs {
        flow.paragraph_gap();
        for line in wrap(paragraph, BODY_FONT, BODY_SIZE, TEXT_WIDTH) {
            flow.place(BODY_FONT, BODY_SIZE, BODY_LEADING, line);
        }
    }
    let mut pages = flow.finish();
    add_running_elements(&mut pages, spec);
    pages
}

/// Running header (left-aligned, top) and page-number footer (centred, bottom) on every page.
fn add_running_elements(pages: &mut [Page], spec: &DocSpec) {
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        if let Some(header) = &spec.running_header {
            page.lines.insert(0, PlacedLine { font: Font::Helvetica, size: HEADER_SIZE, x: MARGIN_X, y: HEADER_Y, text: header.clone() });
        }
        let footer = match spec.footer {
            FooterStyle::PageOfTotal => format!("Page {} of {}", index + 1, total),
            FooterStyle::NumberOnly => format!("{}", index + 1),
        };
        let width = Font::Helvetica.text_width(&footer, HEADER_SIZE);
        page.lines.push(PlacedLine { font: Font::Helvetica, size: HEADER_SIZE, x: (PAGE_WIDTH - width) / 2.0, y: FOOTER_Y, text: footer });
    }
}

/// Cursor that fills pages top to bottom.
struct Flow {
    pages: Vec<Page>,
    current: Page,
    y: f32,
}

impl Flow {
    fn new() -> Self {
        Flow { pages: Vec::new(), current: Page::default(), y: BODY_TOP }
    }

    fn paragraph_gap(&mut self) {
        if !self.current.lines.is_empty() {
            self.y -= PARAGRAPH_GAP;
        }
    }

    fn place(&mut self, font: Font, size: f32, leading: f32, text: String) {
        if self.y - leading < BODY_BOTTOM && !self.current.lines.is_empty() {
            self.pages.push(std::mem::take(&mut self.current));
            self.y = BODY_TOP;
        }
        self.y -= leading;
        self.current.lines.push(PlacedLine { font, size, x: MARGIN_X, y: self.y, text });
    }

    fn finish(mut self) -> Vec<Page> {
        if !self.current.lines.is_empty() || self.pages.is_empty() {
            self.pages.push(self.current);
        }
        self.pages
    }
}

/// Greedy word wrap. When the next word does not fit, tries to hyphenate it so the line is
/// filled; a word wider than a whole line is cut without a hyphen (URLs, long numbers).
pub fn wrap(text: &str, font: Font, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let space = font.text_width(" ", size);
    let mut words: std::collections::VecDeque<String> = text.split_whitespace().map(str::to_string).collect();

    while let Some(word) = words.pop_front() {
        let line_width = font.text_width(&line, size);
        let gap = if line.is_empty() { 0.0 } else { space };
        if line_width + gap + font.text_width(&word, size) <= max_width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
            continue;
        }
        let room = max_width - line_width - gap;
        if let Some((first, rest)) = best_hyphenation(&word, font, size, room) {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&first);
            lines.push(std::mem::take(&mut line));
            words.push_front(rest);
        } else if line.is_empty() {
            let (head, tail) = cut_to_width(&word, font, size, max_width);
            lines.push(head);
            if !tail.is_empty() {
                words.push_front(tail);
            }
        } else {
            lines.push(std::mem::take(&mut line));
            words.push_front(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The longest hyphenated first part of `word` that fits in `room` points.
fn best_hyphenation(word: &str, font: Font, size: f32, room: f32) -> Option<(String, String)> {
    hyphenate::break_points(word)
        .into_iter()
        .rev()
        .map(|at| hyphenate::split_at(word, at))
        .find(|(first, _)| font.text_width(first, size) <= room)
}

/// Splits an unbreakable over-long word at the last character that still fits.
fn cut_to_width(word: &str, font: Font, size: f32, max_width: f32) -> (String, String) {
    let mut head = String::new();
    for (index, c) in word.char_indices() {
        head.push(c);
        if font.text_width(&head, size) > max_width && head.chars().count() > 1 {
            head.pop();
            return (head, word[index..].to_string());
        }
    }
    (head, String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "Las organizaciones criminales transnacionales diversificaron sus economías ilícitas hacia la minería ilegal de oro y el tráfico de madera.";
        let lines = wrap(text, BODY_FONT, BODY_SIZE, 200.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(BODY_FONT.text_width(l, BODY_SIZE) <= 200.0, "{l}");
        }
        let rejoined = lines.join("\n").replace("-\n", "").replace('\n', " ");
        assert_eq!(rejoined, text);
    }

    #[test]
    fn long_document_spans_pages_with_footer_on_each() {
        let spec = DocSpec { title: "T".into(), paragraphs: vec!["word ".repeat(2000)], ..DocSpec::default() };
        let pages = layout(&spec);
        assert!(pages.len() > 1);
        let total = pages.len();
        for (i, p) in pages.iter().enumerate() {
            assert_eq!(p.lines.last().map(|l| l.text.clone()), Some(format!("Page {} of {total}", i + 1)));
        }
    }
}
