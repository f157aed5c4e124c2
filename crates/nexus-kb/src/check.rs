//! Validation of the whole knowledge base at once: what a reviewer of a kb change needs to know,
//! as `file:line: error: ...` lines.

use crate::model::{Entity, EntityType, Origin};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub origin: Origin,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(origin: Origin, message: String) -> Diagnostic {
        Diagnostic { origin, severity: Severity::Error, message }
    }

    pub fn warning(origin: Origin, message: String) -> Diagnostic {
        Diagnostic { origin, severity: Severity::Warning, message }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {level}: {}", self.origin, self.message)
    }
}

/// Case- and accent-folded form under which two names count as the same.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// Every rule that spans entries: ids, references, coordinates, alias clashes.
pub fn validate(entities: &[Entity]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut ids: HashMap<&str, &Origin> = HashMap::default();
    for e in entities {
        check_entry(e, &mut diags);
        if let Some(first) = ids.insert(&e.id, &e.origin) {
            diags.push(Diagnostic::error(e.origin.clone(), format!("id '{}' is already defined at {first}", e.id)));
        }
    }
    let codes: HashSet<&str> = entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Country || e.kind.as_deref() == Some("territory"))
        .filter_map(|e| e.iso2.as_deref())
        .chain(std::iter::once("XX"))
        .collect();
    for e in entities {
        for code in e.country.iter().chain(&e.operates_in) {
            if !codes.contains(code.as_str()) {
                diags.push(Diagnostic::error(
                    e.origin.clone(),
                    format!("'{code}' is not the ISO code of a country or territory in the knowledge base"),
                ));
            }
        }
        for (field, target) in [("parent", &e.parent), ("located_in", &e.located_in)] {
            if let Some(t) = target.as_deref().filter(|t| !ids.contains_key(t)) {
                diags.push(Diagnostic::error(e.origin.clone(), format!("{field} '{t}' is not an id in the knowledge base")));
            }
        }
    }
    check_aliases(entities, &mut diags);
    diags
}

fn check_entry(e: &Entity, diags: &mut Vec<Diagnostic>) {
    let err = |diags: &mut Vec<Diagnostic>, m: String| diags.push(Diagnostic::error(e.origin.clone(), m));
    if e.id.is_empty() || !e.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') || e.id.starts_with('-') {
        err(diags, format!("bad id '{}': use lowercase ASCII letters, digits and hyphens", e.id));
    }
    if e.name.trim().is_empty() || e.names().any(|n| n.trim().is_empty()) {
        err(diags, "empty name or alias".into());
    }
    match (e.lat, e.lon) {
        (Some(lat), Some(lon)) if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) => {
            err(diags, format!("coordinates out of range: lat {lat}, lon {lon}"))
        }
        (Some(_), None) | (None, Some(_)) => err(diags, "lat and lon go together".into()),
        _ => {}
    }
    if let Some(q) = &e.wikidata
        && !(q.starts_with('Q') && q.len() > 1 && q[1..].bytes().all(|b| b.is_ascii_digit()) && !q[1..].starts_with('0'))
    {
        err(diags, format!("bad Wikidata id '{q}': expected Q followed by digits"));
    }
    if e.generic && e.entity_type != EntityType::Commodity {
        err(diags, "only a commodity can be generic".into());
    }
    if e.entity_type == EntityType::Country
        && (e.iso2.as_deref().is_none_or(|c| c.len() != 2) || e.iso3.as_deref().is_none_or(|c| c.len() != 3))
    {
        err(diags, "a country needs iso2 and iso3 codes".into());
    }
}

/// Two entries of one type (and, for places, one kind) may not share a name unless both say they
/// are ambiguous: otherwise a mention could silently resolve to the wrong one.
fn check_aliases(entities: &[Entity], diags: &mut Vec<Diagnostic>) {
    let mut claimed: HashMap<(EntityType, Option<&str>, String), &Entity> = HashMap::default();
    let mut acronyms: HashMap<(EntityType, &str), &Entity> = HashMap::default();
    for e in entities {
        let mut seen = HashSet::default();
        for name in e.names() {
            let key = (e.entity_type, e.kind.as_deref().filter(|_| e.entity_type == EntityType::Place), fold(name));
            if !seen.insert(key.2.clone()) {
                continue;
            }
            match claimed.get(&key) {
                Some(other) if !(other.ambiguous && e.ambiguous) => diags.push(Diagnostic::error(
                    e.origin.clone(),
                    format!(
                        "'{name}' is also a name of '{}' ({}), of the same type; mark both ambiguous if that is intended",
                        other.id, other.origin
                    ),
                )),
                Some(_) => {}
                None => {
                    claimed.insert(key, e);
                }
            }
        }
        for a in &e.acronyms {
            if let Some(other) = acronyms.insert((e.entity_type, a.as_str()), e).filter(|o| o.id != e.id) {
                diags.push(Diagnostic::warning(
                    e.origin.clone(),
                    format!("acronym '{a}' is also used by '{}' ({}); context must tell them apart", other.id, other.origin),
                ));
            }
        }
    }
}
