//! Positioned glyphs collected from pdf-extract's content-stream interpreter.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One drawn character (or ligature) in page space: points, origin at the page's bottom-left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// Left edge of the glyph's advance box.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Advance width.
    pub width: f64,
    /// Effective font size (vertical scale of the text rendering matrix).
    pub size: f64,
    pub text: String,
}

impl Glyph {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn is_blank(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// The glyphs of one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageGlyphs {
    /// 1-based page number.
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    /// The page could not be interpreted (a warning was recorded).
    pub unreadable: bool,
}

impl PageGlyphs {
    pub fn has_text(&self) -> bool {
        self.glyphs.iter().any(|g| !g.is_blank())
    }
}

/// [`OutputDev`] that records glyphs of a single page, up to a glyph budget.
pub(crate) struct GlyphCollector {
    pub page: PageGlyphs,
    origin: (f64, f64),
    /// Glyphs still allowed for the whole document.
    pub budget: usize,
    pub budget_exhausted: bool,
}

impl GlyphCollector {
    pub fn new(number: u32, budget: usize) -> Self {
        GlyphCollector { page: PageGlyphs { number, ..PageGlyphs::default() }, origin: (0.0, 0.0), budget, budget_exhausted: false }
    }
}

impl OutputDev for GlyphCollector {
    fn begin_page(&mut self, _page_num: u32, media_box: &MediaBox, _art_box: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.origin = (media_box.llx.min(media_box.urx), media_box.lly.min(media_box.ury));
        self.page.width = (media_box.urx - media_box.llx).abs();
        self.page.height = (media_box.ury - media_box.lly).abs();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(&mut self, trm: &Transform, width: f64, _spacing: f64, font_size: f64, text: &str) -> Result<(), OutputError> {
        if self.budget == 0 {
            self.budget_exhausted = true;
            // Any error stops the interpreter; the collector's flag tells the caller why.
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        self.budget -= 1;
        // The text rendering matrix excludes the font size; `width` is in text space units
        // (glyph width / 1000).
        let size = font_size.abs() * trm.m21.hypot(trm.m22);
        let horizontal_scale = font_size.abs() * trm.m11.hypot(trm.m12);
        let glyph =
            Glyph { x: trm.m31 - self.origin.0, y: trm.m32 - self.origin.1, width: width * horizontal_scale, size, text: text.to_string() };
        let sane = [glyph.x, glyph.y, glyph.width, glyph.size].iter().all(|v| v.is_finite()) && glyph.size > 0.1 && !glyph.text.is_empty();
        if sane {
            self.page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
