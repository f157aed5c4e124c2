//! Text measurement with the standard Type1 fonts, needed for word wrap and centring.

use crate::metrics_table;
use crate::winansi;

/// The standard (non-embedded) fonts this writer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// Body text.
    TimesRoman,
    /// Running header, footer and author line.
    Helvetica,
    /// Title.
    HelveticaBold,
}

impl Font {
    /// All fonts, in the order of their resource names `/F1`, `/F2`, `/F3`.
    pub const ALL: [Font; 3] = [Font::TimesRoman, Font::Helvetica, Font::HelveticaBold];

    /// PostScript name used as `/BaseFont`.
    pub fn base_font(self) -> &'static str {
        match self {
            Font::TimesRoman => "Times-Roman",
            Font::Helvetica => "Helvetica",
            Font::HelveticaBold => "Helvetica-Bold",
        }
    }

    /// Resource name in the page's `/Font` dictionary.
    pub fn resource_name(self) -> &'static str {
        match self {
            Font::TimesRoman => "F1",
            Font::Helvetica => "F2",
            Font::HelveticaBold => "F3",
        }
    }

    fn widths(self) -> &'static [u16; 256] {
        match self {
            Font::TimesRoman => &metrics_table::TIMES_ROMAN,
            Font::Helvetica => &metrics_table::HELVETICA,
            Font::HelveticaBold => &metrics_table::HELVETICA_BOLD,
        }
    }

    /// Width in points of `text` set at `size` points.
    pub fn text_width(self, text: &str, size: f32) -> f32 {
        let table = self.widths();
        let units: u32 = winansi::encode(text).into_iter().map(|b| u32::from(table[usize::from(b)])).sum();
        // Exact for any realistic line: u32 → f32 is lossless below 2^24 units.
        units as f32 * size / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_widths() {
        // Helvetica "a" is 556 units, Times-Roman space is 250.
        assert!((Font::Helvetica.text_width("a", 10.0) - 5.56).abs() < 1e-4);
        assert!((Font::TimesRoman.text_width(" ", 10.0) - 2.5).abs() < 1e-4);
        assert!((Font::TimesRoman.text_width("ñ", 10.0) - 5.0).abs() < 1e-4);
    }
}
