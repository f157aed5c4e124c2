//! The timeline chart: one lane per kind of event, events placed by date and numbered as in
//! the list under the chart.

use std::collections::BTreeSet;

use crate::escape::esc;
use crate::fmt::n;
use crate::model::Event;
use crate::svg::{self, Embed, PALETTE};

const W: f64 = 960.0;
const LEFT: f64 = 130.0;
const RIGHT: f64 = 30.0;
const LANE: f64 = 46.0;
const TOP: f64 = 24.0;

/// A date's position in years: the middle of the period an ISO prefix names.
pub fn year_of(date: &str) -> Option<f64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    let y = f64::from(y);
    let Some(m) = parts.next() else { return Some(y + 0.5) };
    let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let Some(d) = parts.next() else { return Some(y + (f64::from(m) - 0.5) / 12.0) };
    let d: u32 = d.get(..2).unwrap_or(d).parse().ok().filter(|d| (1..=31).contains(d))?;
    Some(y + (f64::from(m - 1) + (f64::from(d) - 0.5) / 31.0) / 12.0)
}

/// `events` in list order; the chart numbers them from 1 as the list does.
pub fn render(events: &[&Event], embed: Embed) -> String {
    let kinds: BTreeSet<&str> = events.iter().map(|e| kind(e)).collect();
    let kinds: Vec<&str> = kinds.into_iter().collect();
    let dated: Vec<(usize, f64, &Event)> = events.iter().enumerate().filter_map(|(i, e)| Some((i + 1, year_of(&e.date)?, *e))).collect();
    let h = TOP + LANE * kinds.len().max(1) as f64 + 44.0;
    let mut out = String::new();
    svg::open(&mut out, W, h, "Timeline of events", embed);
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n");
    if dated.is_empty() {
        svg::label(&mut out, W / 2.0, h / 2.0, "middle", 14.0, "No dated events.");
        svg::close(&mut out);
        return out;
    }
    let lo = dated.iter().map(|d| d.1).fold(f64::MAX, f64::min).floor();
    let hi = dated.iter().map(|d| d.1).fold(f64::MIN, f64::max).ceil().max(lo + 1.0);
    let x = |year: f64| LEFT + (year - lo) / (hi - lo) * (W - LEFT - RIGHT);
    let axis_y = TOP + LANE * kinds.len() as f64 + 8.0;

    for (i, k) in kinds.iter().enumerate() {
        let y = TOP + LANE * (i as f64 + 0.5);
        out.push_str(&format!("<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#d5d8dc\"/>\n", n(LEFT), n(W - RIGHT), y = n(y)));
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" fill=\"{}\">{}</text>\n",
            n(LEFT - 10.0),
            n(y + 4.0),
            PALETTE[i % PALETTE.len()],
            esc(&svg::human_kind(k))
        ));
    }
    let span = hi - lo;
    let step = if span <= 12.0 {
        1.0
    } else if span <= 40.0 {
        5.0
    } else {
        10.0
    };
    out.push_str(&format!("<line x1=\"{}\" y1=\"{ay}\" x2=\"{}\" y2=\"{ay}\" stroke=\"#555\"/>\n", n(LEFT), n(W - RIGHT), ay = n(axis_y)));
    let mut t = (lo / step).ceil() * step;
    while t <= hi + 1e-9 {
        let tx = x(t);
        out.push_str(&format!(
            "<line x1=\"{tx}\" y1=\"{}\" x2=\"{tx}\" y2=\"{}\" stroke=\"#555\"/><text x=\"{tx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{}</text>\n",
            n(axis_y),
            n(axis_y + 5.0),
            n(axis_y + 19.0),
            t as i64,
            tx = n(tx)
        ));
        t += step;
    }
    // Events close together in one lane are stacked so each number stays readable.
    let mut last: Vec<Vec<f64>> = vec![Vec::new(); kinds.len()];
    let mut placed: Vec<(usize, f64, f64, &Event, usize)> = Vec::new();
    let mut by_x = dated.clone();
    by_x.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    for (num, year, e) in by_x {
        let lane = kinds.iter().position(|k| *k == kind(e)).unwrap_or(0);
        let ex = x(year);
        let rows = &mut last[lane];
        let row = rows.iter().position(|&lx| ex - lx >= 17.0).unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(ex);
        } else {
            rows[row] = ex;
        }
        let dy = match row % 3 {
            0 => 0.0,
            1 => -13.0,
            _ => 13.0,
        };
        placed.push((num, ex, TOP + LANE * (lane as f64 + 0.5) + dy, e, lane));
    }
    placed.sort_by_key(|p| p.0);
    for (num, ex, ey, e, lane) in placed {
        out.push_str(&format!(
            "<g><title>{}: {}</title><circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"{}\" stroke=\"#fff\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#fff\">{num}</text></g>\n",
            esc(&e.date),
            esc(&e.text),
            n(ex),
            n(ey),
            PALETTE[lane % PALETTE.len()],
            n(ex),
            n(ey + 3.0)
        ));
    }
    svg::close(&mut out);
    out
}

fn kind(e: &Event) -> &str {
    if e.kind.trim().is_empty() { "event" } else { &e.kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_to_years() {
        assert_eq!(year_of("2021"), Some(2021.5));
        assert_eq!(year_of("2021-07"), Some(2021.0 + 6.5 / 12.0));
        assert!(year_of("2021-01-01").is_some_and(|y| y > 2021.0 && y < 2021.01));
        assert_eq!(year_of("2021-13"), None);
        assert_eq!(year_of("soon"), None);
        assert_eq!(year_of(""), None);
    }

    #[test]
    fn lanes_and_numbers() {
        let e = |date: &str, kind: &str| Event { date: date.into(), kind: kind.into(), text: "<b>x</b>".into(), cites: vec![] };
        let events = [e("2019", "seizure"), e("2019", "seizure"), e("2022-03-01", "arrest"), e("undated", "arrest")];
        let refs: Vec<&Event> = events.iter().collect();
        let svg = render(&refs, Embed::Inline);
        assert!(svg.contains(">Seizure</text>") && svg.contains(">Arrest</text>"));
        assert!(svg.contains(">3</text>") && !svg.contains(">4</text>"));
        assert!(svg.contains("&lt;b&gt;x&lt;/b&gt;") && !svg.contains("<b>"));
        assert_eq!(render(&refs, Embed::Inline), svg);
    }
}
