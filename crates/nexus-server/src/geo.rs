//! `/api/geo/countries`: the bundled country outlines (`data/geo/countries-110m.tsv`, Natural
//! Earth, public domain) as a GeoJSON FeatureCollection, built once at start.

use serde_json::{Value, json};

const DATA: &str = include_str!("../../../data/geo/countries-110m.tsv");

/// Every country as a Feature with properties `iso2` (null when Natural Earth gives none) and
/// `name`; each ring becomes a polygon of a MultiPolygon (closed, as GeoJSON requires).
pub fn countries_geojson() -> Vec<u8> {
    let features: Vec<Value> = DATA
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let (iso2, _numeric, name, rings) = (cols.next()?, cols.next()?, cols.next()?, cols.next()?);
            let polygons: Vec<Value> = rings
                .split('|')
                .filter_map(|ring| {
                    let mut points: Vec<[f64; 2]> = ring
                        .split(' ')
                        .filter_map(|p| {
                            let (lon, lat) = p.split_once(',')?;
                            Some([lon.parse().ok()?, lat.parse().ok()?])
                        })
                        .collect();
                    if points.len() < 3 {
                        return None;
                    }
                    points.push(points[0]);
                    Some(json!([points]))
                })
                .collect();
            Some(json!({
                "type": "Feature",
                "properties": {"iso2": (iso2 != "-").then_some(iso2), "name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }))
        })
        .collect();
    serde_json::to_vec(&json!({"type": "FeatureCollection", "features": features})).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn countries_are_features() {
        let v: serde_json::Value = serde_json::from_slice(&super::countries_geojson()).expect("json");
        let f = v["features"].as_array().expect("features");
        assert!(f.len() > 170);
        assert!(f.iter().any(|c| c["properties"]["iso2"] == "PE" && c["properties"]["name"] == "Peru"));
    }
}
