//! Glyphs → baseline rows, with word spaces inferred from the gaps between glyphs.
//!
//! Many producers (TeX, groff, InDesign) never draw a space character: words are placed by
//! positioning. Others draw spaces but also stretch them for justification. Both are handled
//! by looking at geometry only: a gap wider than a fraction of the font size is a space.

use crate::glyphs::{Glyph, PageGlyphs};
use unicode_normalization::UnicodeNormalization;

/// Glyphs whose baselines differ by less than this fraction of the font size share a row.
const SAME_ROW: f64 = 0.4;
/// A horizontal gap wider than this fraction of the font size separates words.
const WORD_GAP: f64 = 0.16;

/// Glyphs sharing a baseline, left to right.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub y: f64,
    pub glyphs: Vec<Glyph>,
}

impl Row {
    pub fn text(&self) -> String {
        text_of(&self.glyphs)
    }
}

/// Rows of one page, top to bottom.
pub(crate) fn build_rows(page: &PageGlyphs) -> Vec<Row> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Row> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if (row.y - glyph.y).abs() <= SAME_ROW * glyph.size.max(row_size_hint(row)) => {
                row.glyphs.push(glyph.clone());
            }
            _ => rows.push(Row { y: glyph.y, glyphs: vec![glyph.clone()] }),
        }
    }
    for row in &mut rows {
        row.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        drop_overprinted(&mut row.glyphs);
    }
    rows.retain(|r| r.glyphs.iter().any(|g| !g.is_blank()));
    rows
}

fn row_size_hint(row: &Row) -> f64 {
    row.glyphs.first().map(|g| g.size).unwrap_or(0.0)
}

/// Fake bold and shadow effects draw the same glyph twice at almost the same place.
fn drop_overprinted(glyphs: &mut Vec<Glyph>) {
    let mut kept: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    for g in glyphs.drain(..) {
        let duplicate =
            kept.iter().rev().take(3).any(|k| k.text == g.text && (k.x - g.x).abs() < 0.15 * g.size && (k.y - g.y).abs() < 0.15 * g.size);
        if !duplicate {
            kept.push(g);
        }
    }
    *glyphs = kept;
}

/// Text of a left-to-right run of glyphs, with inferred spaces and normalised characters.
///
/// Space glyphs themselves are ignored: what counts is the distance between inked glyphs.
/// Producers that justify with negative word spacing draw spaces of zero width (Ghostscript),
/// and others draw none at all (TeX), so the space characters are unreliable either way.
pub(crate) fn text_of(glyphs: &[Glyph]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Glyph> = None;
    for glyph in glyphs.iter().filter(|g| !g.is_blank()) {
        if let Some(prev) = previous {
            let gap = glyph.x - prev.right();
            if gap > WORD_GAP * glyph.size.max(prev.size) {
                out.push(' ');
            }
        }
        out.push_str(&normalise(&glyph.text));
        previous = Some(glyph);
    }
    out.trim().to_string()
}

/// Expands typographic ligatures, removes invisible characters and composes accents (NFC),
/// so "ﬁ" searches as "fi" and a decomposed "é" matches a precomposed one.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => out.push(' '),
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{FFFD}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

pub(crate) fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f64, y: f64, text: &str) -> Glyph {
        Glyph { x, y, width: 5.0, size: 10.0, text: text.into() }
    }

    #[test]
    fn gaps_become_spaces_and_touching_glyphs_do_not() {
        let gs = vec![glyph(0.0, 0.0, "d"), glyph(5.0, 0.0, "e"), glyph(13.0, 0.0, "l"), glyph(18.0, 0.0, "ﬁ")];
        assert_eq!(text_of(&gs), "de lfi");
    }

    #[test]
    fn rows_group_by_baseline() {
        let page = PageGlyphs {
            number: 1,
            width: 100.0,
            height: 100.0,
            glyphs: vec![glyph(10.0, 50.0, "b"), glyph(0.0, 80.0, "a"), glyph(0.0, 50.5, "c")],
            unreadable: false,
        };
        let rows = build_rows(&page);
        assert_eq!(rows.iter().map(Row::text).collect::<Vec<_>>(), vec!["a", "c b"]);
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(normalise("e\u{301}"), "é");
    }
}
