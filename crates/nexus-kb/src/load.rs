//! Reading the files: the bundled knowledge base (compiled into the binary) and the analyst's
//! own directories, each line parsed on its own so one bad line costs one diagnostic.

use crate::check::Diagnostic;
use crate::model::{Entity, EntityType, Origin};
use std::path::Path;

/// The bundled files, in load order, as (name, contents).
pub const BUNDLED: &[(&str, &str)] = &[
    ("data/kb/countries.jsonl", include_str!("../../../data/kb/countries.jsonl")),
    ("data/kb/regions.jsonl", include_str!("../../../data/kb/regions.jsonl")),
    ("data/kb/places.jsonl", include_str!("../../../data/kb/places.jsonl")),
    ("data/kb/commodities.jsonl", include_str!("../../../data/kb/commodities.jsonl")),
    ("data/kb/activities.jsonl", include_str!("../../../data/kb/activities.jsonl")),
    ("data/kb/criminal_orgs.jsonl", include_str!("../../../data/kb/criminal_orgs.jsonl")),
    ("data/kb/armed_groups.jsonl", include_str!("../../../data/kb/armed_groups.jsonl")),
    ("data/kb/state_actors.jsonl", include_str!("../../../data/kb/state_actors.jsonl")),
    ("data/kb/people.jsonl", include_str!("../../../data/kb/people.jsonl")),
    ("data/kb/cities.tsv", include_str!("../../../data/kb/cities.tsv")),
];

/// Parse one file's contents by its extension: `.jsonl` entries or a GeoNames `.tsv` of cities.
pub fn parse_file(name: &str, contents: &str, out: &mut Vec<Entity>, diags: &mut Vec<Diagnostic>) {
    if name.ends_with(".tsv") {
        parse_cities(name, contents, out, diags);
    } else {
        parse_jsonl(name, contents, out, diags);
    }
}

fn parse_jsonl(name: &str, contents: &str, out: &mut Vec<Entity>, diags: &mut Vec<Diagnostic>) {
    for (i, line) in contents.lines().enumerate() {
        let origin = Origin { file: name.to_owned(), line: i + 1 };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Entity>(line) {
            Ok(mut e) => {
                e.origin = origin;
                out.push(e);
            }
            Err(err) => diags.push(Diagnostic::error(origin, format!("not a valid entry: {err}"))),
        }
    }
}

/// `id name country admin1 lat lon population geonameid alternate_names`, `#` comments.
fn parse_cities(name: &str, contents: &str, out: &mut Vec<Entity>, diags: &mut Vec<Diagnostic>) {
    for (i, line) in contents.lines().enumerate() {
        let origin = Origin { file: name.to_owned(), line: i + 1 };
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("id\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            diags.push(Diagnostic::error(origin, format!("expected at least 8 tab-separated columns, found {}", cols.len())));
            continue;
        }
        let (lat, lon, population) = (cols[4].parse::<f64>(), cols[5].parse::<f64>(), cols[6].parse::<u64>());
        let (Ok(lat), Ok(lon), Ok(population)) = (lat, lon, population) else {
            diags.push(Diagnostic::error(origin, "latitude, longitude or population is not a number".into()));
            continue;
        };
        let alternates: Vec<String> =
            cols.get(8).map_or(Vec::new(), |a| a.split(',').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect());
        let mut aliases = std::collections::BTreeMap::new();
        if !alternates.is_empty() {
            aliases.insert("xx".to_owned(), alternates);
        }
        out.push(Entity {
            id: cols[0].to_owned(),
            entity_type: EntityType::Place,
            name: cols[1].to_owned(),
            aliases,
            acronyms: Vec::new(),
            kind: Some("city".into()),
            country: Some(cols[2].to_owned()),
            operates_in: Vec::new(),
            parent: None,
            located_in: None,
            lat: Some(lat),
            lon: Some(lon),
            wikidata: None,
            // City names repeat across countries and double as surnames: always context-dependent.
            ambiguous: true,
            generic: false,
            iso2: None,
            iso3: None,
            demonyms: Default::default(),
            population: Some(population),
            note: None,
            origin,
        });
    }
}

/// Every `.jsonl` and `.tsv` file of an analyst's directory, in name order.
pub fn read_dir(dir: &Path, out: &mut Vec<Entity>, diags: &mut Vec<Diagnostic>) {
    let origin = |line| Origin { file: dir.display().to_string(), line };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return diags.push(Diagnostic::error(origin(0), format!("cannot read the directory: {e}"))),
    };
    let mut files: Vec<_> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "jsonl" || x == "tsv")).collect();
    files.sort();
    for path in files {
        match std::fs::read_to_string(&path) {
            Ok(contents) => parse_file(&path.display().to_string(), &contents, out, diags),
            Err(e) => diags.push(Diagnostic::error(Origin { file: path.display().to_string(), line: 0 }, format!("cannot read: {e}"))),
        }
    }
}
