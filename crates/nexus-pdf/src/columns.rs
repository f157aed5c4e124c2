//! Reading order: single-column pages top to bottom; on pages with a two-column body, the
//! left column before the right one, with full-width rows (titles, wide figures' captions)
//! kept in place between the column runs.
//!
//! The gutter is found from geometry alone: a vertical band near the middle of the page that
//! almost no row has ink in, with substantial text on both sides. Word gaps of a single
//! column never line up over a whole page, so they do not produce such a band.

use crate::glyphs::{Glyph, PageGlyphs};
use crate::rows::{Row, median, text_of};

/// Pages with fewer rows are not searched for columns.
const MIN_ROWS_FOR_COLUMNS: usize = 8;
/// Narrowest gutter accepted, in points.
const MIN_GUTTER: f64 = 6.0;
/// Share of rows allowed to have ink inside the gutter (spanning titles, footers).
const MAX_GUTTER_INK: f64 = 0.1;
/// Share of rows that must have text on each side of the gutter.
const MIN_SIDE_SHARE: f64 = 0.25;

/// A line of text in reading order. Lines of the same `block` follow each other vertically in
/// the same column of the same page; a new block means the flow jumped (column or page).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub page: u32,
    pub block: usize,
}

/// A vertical band free of text between two columns.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Gutter {
    start: f64,
    end: f64,
}

impl Gutter {
    fn middle(self) -> f64 {
        (self.start + self.end) / 2.0
    }

    fn crossed_by(self, row: &Row) -> bool {
        ink(&row.glyphs).any(|g| g.x < self.end && g.right() > self.start)
    }
}

fn ink(glyphs: &[Glyph]) -> impl Iterator<Item = &Glyph> {
    glyphs.iter().filter(|g| !g.is_blank())
}

/// Lines of the whole document in reading order.
pub(crate) fn reading_order(pages: &[PageGlyphs], page_rows: &[Vec<Row>]) -> Vec<Line> {
    let mut order = Ordering { lines: Vec::new(), block: 0 };
    for (page, rows) in pages.iter().zip(page_rows) {
        order.block += 1;
        match find_gutter(page.width, rows) {
            None => {
                for row in rows {
                    order.push(&row.glyphs, row.y, page.number);
                }
            }
            Some(gutter) => order.two_columns(rows, gutter, page.number),
        }
    }
    order.lines
}

struct Ordering {
    lines: Vec<Line>,
    block: usize,
}

impl Ordering {
    fn push(&mut self, glyphs: &[Glyph], y: f64, page: u32) {
        let text = text_of(glyphs);
        if text.is_empty() {
            return;
        }
        let x0 = ink(glyphs).map(|g| g.x).fold(f64::INFINITY, f64::min);
        let x1 = ink(glyphs).map(Glyph::right).fold(f64::NEG_INFINITY, f64::max);
        let size = median(ink(glyphs).map(|g| g.size)).unwrap_or(0.0);
        self.lines.push(Line { text, x0, x1, y, size, page, block: self.block });
    }

    fn two_columns(&mut self, rows: &[Row], gutter: Gutter, page: u32) {
        let mut left: Vec<(Vec<Glyph>, f64)> = Vec::new();
        let mut right: Vec<(Vec<Glyph>, f64)> = Vec::new();
        let mut in_full_run = false;
        for row in rows {
            if gutter.crossed_by(row) {
                if !in_full_run {
                    self.flush_columns(&mut left, &mut right, page);
                    self.block += 1;
                    in_full_run = true;
                }
                self.push(&row.glyphs, row.y, page);
            } else {
                in_full_run = false;
                let (l, r): (Vec<Glyph>, Vec<Glyph>) = row.glyphs.iter().cloned().partition(|g| g.x + g.width / 2.0 < gutter.middle());
                if !l.is_empty() {
                    left.push((l, row.y));
                }
                if !r.is_empty() {
                    right.push((r, row.y));
                }
            }
        }
        self.flush_columns(&mut left, &mut right, page);
    }

    fn flush_columns(&mut self, left: &mut Vec<(Vec<Glyph>, f64)>, right: &mut Vec<(Vec<Glyph>, f64)>, page: u32) {
        for column in [left, right] {
            if column.is_empty() {
                continue;
            }
            self.block += 1;
            for (glyphs, y) in column.drain(..) {
                self.push(&glyphs, y, page);
            }
        }
    }
}

/// Finds the widest text-free vertical band in the middle 40% of the page, if it separates
/// two substantial columns.
fn find_gutter(page_width: f64, rows: &[Row]) -> Option<Gutter> {
    if rows.len() < MIN_ROWS_FOR_COLUMNS {
        return None;
    }
    let width = if page_width > 1.0 { page_width } else { rows.iter().flat_map(|r| ink(&r.glyphs)).map(Glyph::right).fold(0.0, f64::max) };
    // One bin per point; bounded so a bogus MediaBox cannot allocate without limit.
    let bins = (width.ceil() as usize).clamp(1, 20_000);
    let mut coverage = vec![0usize; bins];
    let mut touched = vec![usize::MAX; bins];
    for (r, row) in rows.iter().enumerate() {
        for g in ink(&row.glyphs) {
            let from = g.x.max(0.0).floor() as usize;
            let to = (g.right().max(0.0).ceil() as usize).min(bins);
            for b in from.min(bins)..to {
                if touched[b] != r {
                    touched[b] = r;
                    coverage[b] += 1;
                }
            }
        }
    }
    let allowed = (rows.len() as f64 * MAX_GUTTER_INK).floor() as usize;
    let (lo, hi) = ((bins as f64 * 0.3) as usize, (bins as f64 * 0.7) as usize);
    let clear: Vec<bool> = coverage[lo..hi].iter().map(|&c| c <= allowed).collect();
    let (start, end) = widest_run(&clear)?;
    let (start, end) = (lo + start, lo + end);
    let gutter = Gutter { start: start as f64, end: end as f64 };
    if gutter.end - gutter.start < MIN_GUTTER {
        return None;
    }
    let side_share = |pred: &dyn Fn(&Glyph) -> bool| rows.iter().filter(|r| ink(&r.glyphs).any(pred)).count() as f64 / rows.len() as f64;
    let left = side_share(&|g: &Glyph| g.right() <= gutter.start);
    let right = side_share(&|g: &Glyph| g.x >= gutter.end);
    (left >= MIN_SIDE_SHARE && right >= MIN_SIDE_SHARE).then_some(gutter)
}

/// Start and end (exclusive) of the longest run of `true`.
fn widest_run(flags: &[bool]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, &flag) in flags.iter().chain(std::iter::once(&false)).enumerate() {
        match (flag, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if best.is_none_or(|(bs, be)| i - s > be - bs) {
                    best = Some((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x: f64, y: f64, text: &str) -> Glyph {
        Glyph { x, y, width: 5.0 * text.len() as f64, size: 10.0, text: text.into() }
    }

    #[test]
    fn two_columns_are_read_left_then_right() {
        let mut rows = Vec::new();
        for i in 0..10 {
            let y = 700.0 - 12.0 * i as f64;
            rows.push(Row { y, glyphs: vec![word(50.0, y, &format!("left{i}")), word(320.0, y, &format!("right{i}"))] });
        }
        let page = PageGlyphs { number: 1, width: 595.0, height: 842.0, glyphs: vec![], unreadable: false };
        let lines = reading_order(&[page], &[rows]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[..3], ["left0", "left1", "left2"]);
        assert_eq!(texts[10..13], ["right0", "right1", "right2"]);
        assert_ne!(lines[9].block, lines[10].block);
    }

    #[test]
    fn widest_run_of_clear_bins() {
        assert_eq!(widest_run(&[true, false, true, true, false]), Some((2, 4)));
        assert_eq!(widest_run(&[false, true, true]), Some((1, 3)));
        assert_eq!(widest_run(&[false]), None);
    }

    #[test]
    fn single_column_has_no_gutter() {
        let rows: Vec<Row> = (0..12)
            .map(|i| {
                let y = 700.0 - 12.0 * i as f64;
                Row { y, glyphs: vec![word(72.0 + (i % 3) as f64 * 7.0, y, &"x".repeat(85))] }
            })
            .collect();
        assert_eq!(find_gutter(595.0, &rows), None);
    }
}
