//! What the three figures share: the root element, colours, a legend.

use crate::escape::esc;
use crate::fmt::n;

/// Whether an SVG stands alone (a file beside the Markdown: needs its namespace) or sits
/// inside the HTML, where the parser supplies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    Inline,
    Standalone,
}

pub fn open(out: &mut String, w: f64, h: f64, title: &str, embed: Embed) {
    let ns = match embed {
        Embed::Inline => "",
        Embed::Standalone => " xmlns=\"http://www.w3.org/2000/svg\"",
    };
    out.push_str(&format!(
        "<svg{ns} viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" font-family=\"DejaVu Sans, Arial, sans-serif\"><title>{}</title>\n",
        esc(title),
        w = n(w),
        h = n(h),
    ));
}

pub fn close(out: &mut String) {
    out.push_str("</svg>\n");
}

/// Fill colour for an entity type; unknown types share a slate grey.
pub fn kind_colour(kind: &str) -> &'static str {
    match kind {
        "criminal_org" => "#c0392b",
        "armed_group" => "#7d3c98",
        "state_actor" => "#2471a3",
        "person" => "#5d6d7e",
        "country" => "#1e8449",
        "place" => "#52be80",
        "commodity" => "#b9770e",
        "activity" => "#d4ac0d",
        _ => "#85929e",
    }
}

/// Colours for categories without a fixed colour (commodities on the map, event kinds).
pub const PALETTE: [&str; 8] = ["#c0392b", "#2471a3", "#b9770e", "#7d3c98", "#148f77", "#d35400", "#2e4053", "#a93226"];

pub fn human_kind(kind: &str) -> String {
    let s = kind.replace('_', " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => "Other".into(),
    }
}

/// A column of coloured swatches with labels, from (x, y) down.
pub fn legend(out: &mut String, x: f64, y: f64, items: &[(String, &str)]) {
    for (i, (label, colour)) in items.iter().enumerate() {
        let yy = y + i as f64 * 18.0;
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#222\">{}</text>\n",
            n(x),
            n(yy),
            n(x + 18.0),
            n(yy + 10.5),
            esc(label)
        ));
    }
}

/// Label text with a white halo so it reads over lines and shapes.
pub fn label(out: &mut String, x: f64, y: f64, anchor: &str, size: f64, text: &str) {
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
        n(x),
        n(y),
        n(size),
        esc(text)
    ));
}

/// Greedy label placement: each label takes the first spot beside its point (right, left,
/// above, below, then diagonals) that overlaps no mark or label placed before it.
pub struct Labels {
    width: f64,
    height: f64,
    boxes: Vec<[f64; 4]>,
}

impl Labels {
    pub fn new(width: f64, height: f64) -> Self {
        Labels { width, height, boxes: Vec::new() }
    }

    /// A mark (a node, a place) that labels must not cover.
    pub fn block(&mut self, x: f64, y: f64, r: f64) {
        self.boxes.push([x - r, y - r, x + r, y + r]);
    }

    /// Writes the label for a mark of radius `r` at (x, y).
    pub fn place(&mut self, out: &mut String, x: f64, y: f64, r: f64, size: f64, text: &str) {
        let w = text.chars().count() as f64 * size * 0.58;
        let h = size;
        let g = 3.0;
        // (anchor x, baseline y, text-anchor), and the box each covers.
        let spots = [
            (x + r + g, y + h * 0.35, "start"),
            (x - r - g, y + h * 0.35, "end"),
            (x, y - r - g, "middle"),
            (x, y + r + g + h * 0.8, "middle"),
            (x + r, y - r - g, "start"),
            (x + r, y + r + g + h * 0.8, "start"),
            (x - r, y - r - g, "end"),
            (x - r, y + r + g + h * 0.8, "end"),
        ];
        let bbox = |(ax, by, anchor): (f64, f64, &str)| {
            let x0 = match anchor {
                "start" => ax,
                "end" => ax - w,
                _ => ax - w / 2.0,
            };
            [x0, by - h * 0.8, x0 + w, by + h * 0.2]
        };
        let inside = |b: &[f64; 4]| b[0] >= 0.0 && b[2] <= self.width && b[1] >= 0.0 && b[3] <= self.height;
        let free = |b: &[f64; 4]| !self.boxes.iter().any(|o| b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]);
        let chosen = spots
            .iter()
            .copied()
            .find(|&s| {
                let b = bbox(s);
                inside(&b) && free(&b)
            })
            .or_else(|| spots.iter().copied().find(|&s| inside(&bbox(s))))
            .unwrap_or(spots[0]);
        self.boxes.push(bbox(chosen));
        label(out, chosen.0, chosen.1, chosen.2, size, text);
    }
}
