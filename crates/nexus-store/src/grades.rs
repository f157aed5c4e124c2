//! Grading on the Admiralty scale (NATO AJP-2.1; what MISP's `admiralty-scale` taxonomy and most
//! analysts use): a source's reliability A–F, set by an analyst per publisher, and a claim's
//! credibility 1–6, derived from corroboration; and the 0–100 confidence that combines them with
//! the extractor's own confidence.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::extraction::fold;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

/// Reliability of a source: A completely reliable, B usually reliable, C fairly reliable, D not
/// usually reliable, E unreliable, F reliability cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Reliability {
    pub fn parse(s: &str) -> Option<Reliability> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "A" => Reliability::A,
            "B" => Reliability::B,
            "C" => Reliability::C,
            "D" => Reliability::D,
            "E" => Reliability::E,
            "F" => Reliability::F,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        ["A", "B", "C", "D", "E", "F"][self as usize]
    }

    /// The weight in the confidence formula. F (cannot be judged) is neutral, between C and D.
    pub fn weight(self) -> f64 {
        [1.0, 0.85, 0.7, 0.45, 0.25, 0.55][self as usize]
    }
}

/// Credibility of a claim: 1 confirmed by other sources, 2 probably true, 3 possibly true,
/// 4 doubtful, 5 improbable, 6 truth cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Credibility(pub u8);

impl Serialize for Credibility {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl Credibility {
    pub const CONFIRMED: Credibility = Credibility(1);
    pub const PROBABLY: Credibility = Credibility(2);
    pub const POSSIBLY: Credibility = Credibility(3);
    pub const DOUBTFUL: Credibility = Credibility(4);
    pub const IMPROBABLE: Credibility = Credibility(5);

    /// The grade of a claim (or an edge) from what supports it:
    /// - negated (the source denies it) → 5 improbable;
    /// - hedged (the source only estimates, alleges or reports) → 4 doubtful;
    /// - otherwise by corroboration: ≥ 3 works from ≥ 2 publishers → 1 confirmed; ≥ 2 works → 2
    ///   probably true; one work → 3 possibly true;
    /// - and one grade worse (at most 5) when another work denies the edge (`disputed`).
    pub fn of(negated: bool, hedged: bool, works: u64, publishers: u64, disputed: bool) -> Credibility {
        let base = if negated {
            5
        } else if hedged {
            4
        } else if works >= 3 && publishers >= 2 {
            1
        } else if works >= 2 {
            2
        } else {
            3
        };
        Credibility(if disputed && !negated { (base + 1).min(5) } else { base })
    }

    pub fn weight(self) -> f64 {
        match self.0 {
            1 => 1.0,
            2 => 0.85,
            3 => 0.7,
            4 => 0.45,
            5 => 0.2,
            _ => 0.55,
        }
    }
}

/// The 0–100 confidence of a claim: `100 × r^0.3 × c^0.4 × x^0.3`, rounded, where `r` is the
/// source's reliability weight (A 1, B .85, C .7, D .45, E .25, F .55), `c` the credibility
/// weight (1 1, 2 .85, 3 .7, 4 .45, 5 .2, 6 .55) and `x` the extractor's confidence (0–1). A
/// weighted geometric mean: each factor can only lower it, credibility (corroboration) weighs
/// most, and no single factor short of zero drives it to zero.
pub fn confidence(r: Reliability, c: Credibility, extraction: f64) -> u8 {
    let x = extraction.clamp(0.0, 1.0);
    (100.0 * r.weight().powf(0.3) * c.weight().powf(0.4) * x.powf(0.3)).round() as u8
}

/// A publisher (venue, else site) as the corpus has it, with its grade.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The folded name: what grades are keyed by.
    pub publisher: String,
    pub name: String,
    pub reliability: Reliability,
    /// Set by an analyst (`nexus source grade`), or the default.
    pub graded: bool,
    pub note: Option<String>,
    pub documents: u64,
}

/// The publisher key of a document: its venue, else its site, folded; "" when it has neither.
pub(crate) const PUBLISHER_SQL: &str = "coalesce(nullif(d.venue, ''), nullif(d.site, ''), '')";

/// The key for the default grade of publishers no one graded.
pub const DEFAULT_PUBLISHER: &str = "*";

/// Reliability grades by publisher key, with the default; read once per query.
#[derive(Debug, Clone)]
pub struct Grades {
    by_publisher: std::collections::HashMap<String, Reliability>,
    default: Reliability,
}

impl Grades {
    pub fn of(&self, publisher: &str) -> Reliability {
        self.by_publisher.get(&fold(publisher)).copied().unwrap_or(self.default)
    }

    /// The grade of a publisher already folded (as claims store it); `None`, a document naming
    /// none, has the default.
    pub(crate) fn of_folded(&self, folded: Option<&str>) -> Reliability {
        folded.and_then(|p| self.by_publisher.get(p)).copied().unwrap_or(self.default)
    }

    /// Every publisher has the default grade (none graded apart from it).
    pub(crate) fn uniform(&self) -> bool {
        self.by_publisher.is_empty()
    }

    pub(crate) fn default_grade(&self) -> Reliability {
        self.default
    }

    /// The graded publishers (folded) with their grades.
    pub(crate) fn graded(&self) -> impl Iterator<Item = (&str, Reliability)> {
        self.by_publisher.iter().map(|(p, g)| (p.as_str(), *g))
    }

    /// The grade of greatest weight any publisher has: an upper bound for ranking claims.
    pub(crate) fn best(&self) -> Reliability {
        self.by_publisher
            .values()
            .copied()
            .chain(std::iter::once(self.default))
            .max_by(|a, b| a.weight().total_cmp(&b.weight()))
            .unwrap_or(self.default)
    }
}

impl Store {
    /// Set the reliability of `publisher` (a venue or site as documents name it, or `*` for the
    /// default of every publisher not graded).
    pub fn grade_source(&mut self, publisher: &str, reliability: Reliability, note: Option<&str>) -> Result<()> {
        let key = if publisher.trim() == DEFAULT_PUBLISHER { DEFAULT_PUBLISHER.to_owned() } else { fold(publisher) };
        if key.is_empty() {
            return Err(StoreError::BadQuery { query: publisher.to_owned(), message: "a publisher needs a name".into() });
        }
        self.conn.execute(
            "INSERT INTO sources(publisher, name, reliability, note) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(publisher) DO UPDATE SET name = ?2, reliability = ?3, note = coalesce(?4, note),
                 graded_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            params![key, publisher.trim(), reliability.as_str(), note],
        )?;
        Ok(())
    }

    pub fn grades(&self) -> Result<Grades> {
        let mut stmt = self.conn.prepare_cached("SELECT publisher, reliability FROM sources")?;
        let mut by_publisher = std::collections::HashMap::new();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (p, g) = row?;
            let g = Reliability::parse(&g)
                .ok_or_else(|| StoreError::Corrupt { column: "sources.reliability", message: format!("'{g}' for '{p}'") })?;
            by_publisher.insert(p, g);
        }
        let default = by_publisher.remove(DEFAULT_PUBLISHER).unwrap_or(Reliability::F);
        Ok(Grades { by_publisher, default })
    }

    /// Every publisher the documents name and every graded one, with grades and document counts:
    /// most documents first. Documents with neither venue nor site are one publisher, "".
    pub fn sources(&self) -> Result<Vec<Source>> {
        let grades = self.grades()?;
        let mut stmt = self.conn.prepare(&format!("SELECT {PUBLISHER_SQL}, count(*) FROM documents d GROUP BY 1"))?;
        let mut counts: std::collections::BTreeMap<String, (String, u64)> = std::collections::BTreeMap::new();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (name, n) = row?;
            let slot = counts.entry(fold(&name)).or_insert((name, 0));
            slot.1 += n as u64;
        }
        let mut graded = self.conn.prepare("SELECT publisher, name, reliability, note FROM sources")?;
        let mut notes = std::collections::HashMap::new();
        for row in graded.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(3)?)))? {
            let (key, name, note) = row?;
            counts.entry(key.clone()).or_insert((name, 0));
            notes.insert(key, note);
        }
        let mut out: Vec<Source> = counts
            .into_iter()
            .map(|(key, (name, documents))| Source {
                reliability: if key == DEFAULT_PUBLISHER { grades.default } else { grades.of(&key) },
                graded: notes.contains_key(&key),
                note: notes.get(&key).cloned().flatten(),
                publisher: key,
                name,
                documents,
            })
            .collect();
        out.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.publisher.cmp(&b.publisher)));
        Ok(out)
    }

    /// The grade of one publisher, and whether an analyst set it.
    pub fn source_grade(&self, publisher: &str) -> Result<(Reliability, bool)> {
        let set: Option<String> =
            self.conn.query_row("SELECT reliability FROM sources WHERE publisher = ?1", [fold(publisher)], |r| r.get(0)).optional()?;
        match set.as_deref().and_then(Reliability::parse) {
            Some(g) => Ok((g, true)),
            None => Ok((self.grades()?.default, false)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credibility_follows_corroboration_hedging_and_denial() {
        assert_eq!(Credibility::of(false, false, 1, 1, false), Credibility::POSSIBLY);
        assert_eq!(Credibility::of(false, false, 2, 1, false), Credibility::PROBABLY);
        assert_eq!(Credibility::of(false, false, 3, 2, false), Credibility::CONFIRMED);
        assert_eq!(Credibility::of(false, false, 3, 1, false), Credibility::PROBABLY, "one publisher cannot confirm itself");
        assert_eq!(Credibility::of(false, true, 5, 3, false), Credibility::DOUBTFUL);
        assert_eq!(Credibility::of(true, false, 5, 3, false), Credibility::IMPROBABLE);
        assert_eq!(Credibility::of(false, false, 2, 2, true), Credibility::POSSIBLY);
    }

    #[test]
    fn confidence_is_monotone_in_every_factor() {
        assert_eq!(confidence(Reliability::A, Credibility::CONFIRMED, 1.0), 100);
        let base = confidence(Reliability::F, Credibility::POSSIBLY, 0.8);
        assert_eq!(base, 68);
        assert!(confidence(Reliability::B, Credibility::POSSIBLY, 0.8) > base);
        assert!(confidence(Reliability::F, Credibility::PROBABLY, 0.8) > base);
        assert!(confidence(Reliability::F, Credibility::POSSIBLY, 0.9) > base);
        assert!(confidence(Reliability::E, Credibility::IMPROBABLE, 0.5) < 35);
        assert_eq!(confidence(Reliability::A, Credibility::CONFIRMED, 0.0), 0);
        assert_eq!(Reliability::parse("b"), Some(Reliability::B));
        assert_eq!(Reliability::parse("G"), None);
    }
}
