//! Lines in reading order → paragraphs.
//!
//! Within a column, a paragraph ends where the vertical gap to the next line is clearly larger
//! than the document's usual line pitch, where the font size changes, or where the next line
//! is indented (first-line indent). Where the flow jumps to another column or page, the
//! paragraph continues unless the previous line ends a sentence and the next does not start
//! in lowercase.

use std::collections::HashMap;

use crate::columns::Line;
use crate::dehyphenate::{Vocabulary, append_line};
use crate::rows::median;

/// A gap this much larger than the usual pitch (relative to font size) separates paragraphs.
const PARAGRAPH_GAP_FACTOR: f64 = 1.3;
/// Font sizes differing by more than this fraction are different text styles.
const SIZE_CHANGE: f64 = 0.1;
/// Indentation, in font sizes, that marks a paragraph's first line.
const INDENT: f64 = 0.8;

/// Joins the lines into paragraphs separated by "\n\n".
pub(crate) fn assemble(lines: &[Line]) -> String {
    let vocabulary = Vocabulary::from_lines(lines.iter().map(|l| l.text.as_str()));
    let pitch = typical_pitch(lines);
    let margins = block_margins(lines);

    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        let starts_new = i > 0 && breaks_before(&lines[i - 1], line, pitch, &margins);
        if starts_new && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        append_line(&mut current, &line.text, &vocabulary);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// Median baseline distance divided by font size, over consecutive lines of a block.
fn typical_pitch(lines: &[Line]) -> f64 {
    median(
        lines.windows(2).filter(|w| w[0].block == w[1].block && w[0].size > 0.0 && w[0].y > w[1].y).map(|w| (w[0].y - w[1].y) / w[0].size),
    )
    .unwrap_or(1.2)
}

/// Left margin of each block, as the lower quartile of its lines' starting x.
fn block_margins(lines: &[Line]) -> HashMap<usize, f64> {
    let mut margins = HashMap::new();
    let mut start = 0;
    while start < lines.len() {
        let block = lines[start].block;
        let end = lines[start..].iter().position(|l| l.block != block).map_or(lines.len(), |n| start + n);
        let mut xs: Vec<f64> = lines[start..end].iter().map(|l| l.x0).collect();
        xs.sort_by(f64::total_cmp);
        // Robust to indented first lines and centred headings.
        margins.insert(block, xs[xs.len() / 4]);
        start = end;
    }
    margins
}

fn breaks_before(prev: &Line, line: &Line, pitch: f64, margins: &HashMap<usize, f64>) -> bool {
    if prev.block != line.block {
        return ends_sentence(&prev.text) && !starts_lowercase(&line.text);
    }
    let size = prev.size.max(line.size).max(0.1);
    if (prev.size - line.size).abs() > SIZE_CHANGE * size {
        return true;
    }
    let gap = prev.y - line.y;
    if gap <= 0.0 || gap / size > pitch * PARAGRAPH_GAP_FACTOR {
        return true;
    }
    let margin = margins.get(&line.block).copied().unwrap_or(0.0);
    let indented = |l: &Line| l.x0 - margin > INDENT * l.size;
    indented(line) && !indented(prev) && !prev.text.ends_with('-')
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', '"', '”', '»', ')', '…'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f64, y: f64, block: usize) -> Line {
        Line { text: text.into(), x0, x1: x0 + 300.0, y, size: 10.0, page: 1, block }
    }

    #[test]
    fn gaps_and_indents_separate_paragraphs() {
        let lines = vec![
            line("First para-", 72.0, 700.0, 1),
            line("graph ends.", 72.0, 688.0, 1),
            line("Second after a gap", 72.0, 670.0, 1),
            line("continues.", 72.0, 658.0, 1),
            line("Indented third", 90.0, 646.0, 1),
            line("goes on", 72.0, 634.0, 1),
        ];
        assert_eq!(assemble(&lines), "First paragraph ends.\n\nSecond after a gap continues.\n\nIndented third goes on");
    }

    #[test]
    fn paragraphs_continue_across_pages() {
        let lines =
            vec![line("the end of a page and", 72.0, 80.0, 1), line("the next page.", 72.0, 760.0, 2), line("New one.", 72.0, 700.0, 3)];
        assert_eq!(assemble(&lines), "the end of a page and the next page.\n\nNew one.");
    }
}
