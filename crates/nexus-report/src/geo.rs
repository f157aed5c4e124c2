//! Country outlines from `data/geo/countries-110m.tsv` (Natural Earth, public domain), compiled
//! in so the report draws its map with no network.

use std::sync::OnceLock;

const DATA: &str = include_str!("../../../data/geo/countries-110m.tsv");

pub struct Country {
    /// ISO 3166-1 alpha-2, when Natural Earth gives a code.
    pub iso2: Option<&'static str>,
    pub name: &'static str,
    /// Rings of (lon, lat), not closed.
    pub rings: Vec<Vec<(f64, f64)>>,
}

pub fn countries() -> &'static [Country] {
    static C: OnceLock<Vec<Country>> = OnceLock::new();
    C.get_or_init(|| parse(DATA))
}

fn parse(data: &'static str) -> Vec<Country> {
    let mut out = Vec::new();
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(iso2), Some(_numeric), Some(name), Some(rings)) = (cols.next(), cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let rings = rings
            .split('|')
            .map(|ring| {
                ring.split(' ')
                    .filter_map(|p| {
                        let (lon, lat) = p.split_once(',')?;
                        Some((lon.parse().ok()?, lat.parse().ok()?))
                    })
                    .collect::<Vec<(f64, f64)>>()
            })
            .filter(|r| r.len() >= 3)
            .collect();
        out.push(Country { iso2: (iso2 != "-").then_some(iso2), name, rings });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_shapes_load() {
        let c = countries();
        assert!(c.len() > 170, "{}", c.len());
        let peru = c.iter().find(|c| c.iso2 == Some("PE")).expect("Peru");
        assert_eq!(peru.name, "Peru");
        let (lon, lat) = peru.rings[0][0];
        assert!((-82.0..-68.0).contains(&lon) && (-19.0..0.5).contains(&lat));
        for code in ["BE", "ES", "CO", "EC", "BR", "NL", "XK"] {
            assert!(c.iter().any(|c| c.iso2 == Some(code)), "{code}");
        }
    }
}
