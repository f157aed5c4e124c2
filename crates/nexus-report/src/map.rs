//! The route map: countries from [`crate::geo`] in an equirectangular projection (standard
//! parallel at the view's middle latitude), framed on the route's places, with legs as arcs
//! whose width follows their weight.

use std::collections::{BTreeMap, BTreeSet};

use crate::escape::esc;
use crate::fmt::n;
use crate::geo::countries;
use crate::model::{Place, RouteLeg};
use crate::svg::{self, Embed, PALETTE};

const W: f64 = 960.0;

type LonLat = (f64, f64);
const MIN_H: f64 = 380.0;
const MAX_H: f64 = 720.0;

struct View {
    lon0: f64,
    lon1: f64,
    lat0: f64,
    lat1: f64,
    kx: f64,
    s: f64,
}

impl View {
    fn frame(points: &[(f64, f64)]) -> View {
        let (mut lon0, mut lon1, mut lat0, mut lat1) = if points.is_empty() {
            (-180.0, 180.0, -58.0, 84.0)
        } else {
            let mut b = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
            for &(lon, lat) in points {
                b = (b.0.min(lon), b.1.max(lon), b.2.min(lat), b.3.max(lat));
            }
            let (pl, pa) = (((b.1 - b.0) * 0.12).max(8.0), ((b.3 - b.2) * 0.12).max(6.0));
            (b.0 - pl, b.1 + pl, b.2 - pa, b.3 + pa)
        };
        widen(&mut lon0, &mut lon1, 50.0, -180.0, 180.0);
        widen(&mut lat0, &mut lat1, 30.0, -60.0, 85.0);
        let kx = ((lat0 + lat1) / 2.0).clamp(-60.0, 60.0).to_radians().cos();
        let mut v = View { lon0, lon1, lat0, lat1, kx, s: 1.0 };
        // Keep the picture between a strip and a square: widen whichever side is short.
        for _ in 0..4 {
            v.s = W / ((v.lon1 - v.lon0) * v.kx);
            let h = (v.lat1 - v.lat0) * v.s;
            if h > MAX_H {
                let want = (v.lat1 - v.lat0) * W / MAX_H / v.kx;
                widen(&mut v.lon0, &mut v.lon1, want, -180.0, 180.0);
            } else if h < MIN_H {
                let want = MIN_H / v.s;
                widen(&mut v.lat0, &mut v.lat1, want, -60.0, 85.0);
            } else {
                break;
            }
        }
        v.s = W / ((v.lon1 - v.lon0) * v.kx);
        v
    }

    fn height(&self) -> f64 {
        (self.lat1 - self.lat0) * self.s
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        ((lon - self.lon0) * self.kx * self.s, (self.lat1 - lat) * self.s)
    }

    fn touches(&self, ring: &[(f64, f64)]) -> bool {
        let (mut a, mut b, mut c, mut d) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(lon, lat) in ring {
            a = a.min(lon);
            b = b.max(lon);
            c = c.min(lat);
            d = d.max(lat);
        }
        b >= self.lon0 - 5.0 && a <= self.lon1 + 5.0 && d >= self.lat0 - 5.0 && c <= self.lat1 + 5.0
    }
}

/// Grow [lo, hi] about its middle to at least `span`, shifted back inside [min, max].
fn widen(lo: &mut f64, hi: &mut f64, span: f64, min: f64, max: f64) {
    let span = span.min(max - min);
    if *hi - *lo < span {
        let mid = (*lo + *hi) / 2.0;
        *lo = mid - span / 2.0;
        *hi = mid + span / 2.0;
    }
    if *lo < min {
        *hi = (*hi + (min - *lo)).min(max);
        *lo = min;
    }
    if *hi > max {
        *lo = (*lo - (*hi - max)).max(min);
        *hi = max;
    }
}

fn coords(p: &Place) -> Option<(f64, f64)> {
    match (p.lon, p.lat) {
        (Some(lon), Some(lat))
            if lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) =>
        {
            Some((lon, lat))
        }
        _ => None,
    }
}

pub fn commodity_name(leg: &RouteLeg) -> &str {
    leg.commodity.as_deref().filter(|c| !c.trim().is_empty()).unwrap_or("unspecified goods")
}

pub fn render(legs: &[RouteLeg], embed: Embed) -> String {
    let drawn: Vec<(&RouteLeg, LonLat, LonLat)> = legs.iter().filter_map(|l| Some((l, coords(&l.from)?, coords(&l.to)?))).collect();
    let mut places: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    let mut shaded: BTreeSet<&str> = BTreeSet::new();
    for leg in legs {
        for p in [&leg.from, &leg.to] {
            if let Some(c) = coords(p) {
                places.entry(p.name.as_str()).or_insert(c);
            }
            if let Some(cc) = p.country.as_deref() {
                shaded.insert(cc);
            }
        }
    }
    let points: Vec<(f64, f64)> = places.values().copied().collect();
    let view = View::frame(&points);
    let h = view.height();

    let mut out = String::new();
    svg::open(&mut out, W, h, "Route map", embed);
    out.push_str(&format!("<defs><clipPath id=\"nx-map-clip\"><rect width=\"{}\" height=\"{}\"/></clipPath>", n(W), n(h)));
    let commodities: BTreeSet<&str> = drawn.iter().map(|(l, _, _)| commodity_name(l)).collect();
    let colour = |c: &str| {
        let i = commodities.iter().position(|x| *x == c).unwrap_or(0);
        PALETTE[i % PALETTE.len()]
    };
    for (i, c) in commodities.iter().enumerate() {
        out.push_str(&format!(
            "<marker id=\"nx-arrow-{i}\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"3\" markerHeight=\"3\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
            colour(c)
        ));
    }
    out.push_str("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#dceaf5\"/>\n<g clip-path=\"url(#nx-map-clip)\" stroke=\"#fff\" stroke-width=\"0.6\" fill-rule=\"evenodd\">\n");
    for c in countries() {
        let rings: Vec<&Vec<(f64, f64)>> = c.rings.iter().filter(|r| view.touches(r)).collect();
        if rings.is_empty() {
            continue;
        }
        let mut d = String::new();
        for ring in rings {
            for (i, &(lon, lat)) in ring.iter().enumerate() {
                let (x, y) = view.xy(lon, lat);
                d.push(if i == 0 { 'M' } else { 'L' });
                d.push_str(&n(x));
                d.push(',');
                d.push_str(&n(y));
            }
            d.push('Z');
        }
        let fill = if c.iso2.is_some_and(|code| shaded.iter().any(|s| s.eq_ignore_ascii_case(code))) { "#e6d3a8" } else { "#f2f0ea" };
        out.push_str(&format!("<path d=\"{d}\" fill=\"{fill}\"><title>{}</title></path>\n", esc(c.name)));
    }
    out.push_str("</g>\n");

    let max_w = drawn.iter().map(|(l, _, _)| l.weight).fold(0.0f64, f64::max).max(1e-9);
    let min_w = drawn.iter().map(|(l, _, _)| l.weight).fold(f64::MAX, f64::min);
    let width = |w: f64| if max_w - min_w < 1e-9 { 3.0 } else { 1.5 + 6.5 * (w.max(0.0) / max_w).sqrt() };
    out.push_str("<g fill=\"none\" stroke-linecap=\"round\" stroke-opacity=\"0.85\">\n");
    for (leg, a, b) in &drawn {
        let ((x1, y1), (x2, y2)) = (view.xy(a.0, a.1), view.xy(b.0, b.1));
        let (dx, dy) = (x2 - x1, y2 - y1);
        // Bend to the left of travel, so a leg and its return do not overlap.
        let (cx, cy) = ((x1 + x2) / 2.0 + dy * 0.18, (y1 + y2) / 2.0 - dx * 0.18);
        let c = commodity_name(leg);
        let i = commodities.iter().position(|x| *x == c).unwrap_or(0);
        let mut title = format!("{} → {}: {}", leg.from.name, leg.to.name, c);
        if let Some(v) = &leg.volume {
            title.push_str(&format!(", {v}"));
        }
        title.push_str(&format!(" ({} source{})", leg.support, if leg.support == 1 { "" } else { "s" }));
        out.push_str(&format!(
            "<path d=\"M{},{} Q{},{} {},{}\" stroke=\"{}\" stroke-width=\"{}\" marker-end=\"url(#nx-arrow-{i})\"><title>{}</title></path>\n",
            n(x1),
            n(y1),
            n(cx),
            n(cy),
            n(x2),
            n(y2),
            colour(c),
            n(width(leg.weight)),
            esc(&title)
        ));
    }
    out.push_str("</g>\n");
    let mut labels = svg::Labels::new(W, h);
    for &(lon, lat) in places.values() {
        let (x, y) = view.xy(lon, lat);
        labels.block(x, y, 4.0);
        out.push_str(&format!("<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#1b2631\" stroke=\"#fff\" stroke-width=\"1.2\"/>\n", n(x), n(y)));
    }
    for (name, &(lon, lat)) in &places {
        let (x, y) = view.xy(lon, lat);
        labels.place(&mut out, x, y, 4.0, 12.0, name);
    }
    let items: Vec<(String, &str)> = commodities.iter().map(|c| ((*c).to_string(), colour(c))).collect();
    if !items.is_empty() {
        let box_h = 18.0 * items.len() as f64 + 26.0;
        out.push_str(&format!(
            "<rect x=\"6\" y=\"{}\" width=\"210\" height=\"{}\" rx=\"4\" fill=\"#fff\" fill-opacity=\"0.85\"/>\n",
            n(h - box_h - 6.0),
            n(box_h)
        ));
        svg::legend(&mut out, 14.0, h - box_h + 2.0, &items);
        out.push_str(&format!("<text x=\"14\" y=\"{}\" font-size=\"10\" fill=\"#444\">Width: volume or sources</text>\n", n(h - 14.0)));
    }
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"10\" fill=\"#555\">Country shapes: Natural Earth (public domain)</text>\n",
        n(W - 6.0),
        n(h - 6.0)
    ));
    if drawn.is_empty() {
        svg::label(&mut out, W / 2.0, h / 2.0, "middle", 14.0, "No route legs with known coordinates.");
    }
    svg::close(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, lat: f64, lon: f64, cc: &str) -> Place {
        Place { name: name.into(), lat: Some(lat), lon: Some(lon), country: Some(cc.into()) }
    }

    #[test]
    fn frames_the_route_and_keeps_the_shape_sane() {
        let v = View::frame(&[(-77.1, -12.05), (4.4, 51.2)]);
        assert!(v.lon0 < -77.1 && v.lon1 > 4.4 && v.lat0 < -12.05 && v.lat1 > 51.2);
        let h = v.height();
        assert!((MIN_H - 1.0..=MAX_H + 1.0).contains(&h), "{h}");
        let (x, y) = v.xy(-77.1, -12.05);
        assert!((0.0..=W).contains(&x) && (0.0..=h).contains(&y));
    }

    #[test]
    fn draws_legs_shades_countries_and_skips_unknown_places() {
        let legs = vec![
            RouteLeg {
                from: place("Callao", -12.05, -77.15, "PE"),
                to: place("Antwerp", 51.23, 4.4, "BE"),
                commodity: Some("cocaine".into()),
                weight: 2.0,
                support: 1,
                ..Default::default()
            },
            RouteLeg {
                from: Place { name: "Nowhere".into(), ..Default::default() },
                to: place("Valencia", 39.45, -0.32, "ES"),
                ..Default::default()
            },
        ];
        let svg = render(&legs, Embed::Standalone);
        assert!(svg.contains("marker-end=\"url(#nx-arrow-0)\""));
        assert_eq!(svg.matches("marker-end=").count(), 1);
        assert!(svg.contains("<title>Peru</title>") && svg.contains("#e6d3a8"));
        assert!(svg.contains(">Callao</text>") && svg.contains(">Valencia</text>") && !svg.contains(">Nowhere<"));
    }

    #[test]
    fn no_legs_is_a_world_map() {
        let svg = render(&[], Embed::Inline);
        assert!(svg.contains("<title>Australia</title>") && svg.contains("No route legs"));
    }
}
