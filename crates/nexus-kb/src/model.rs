//! One knowledge-base entry, as written in the JSON Lines files (`data/kb/README.md`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The entity types of the ontology (`../shared/ONTOLOGY.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    CriminalOrg,
    ArmedGroup,
    StateActor,
    Company,
    Person,
    Country,
    Place,
    Commodity,
    Activity,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::CriminalOrg => "criminal_org",
            EntityType::ArmedGroup => "armed_group",
            EntityType::StateActor => "state_actor",
            EntityType::Company => "company",
            EntityType::Person => "person",
            EntityType::Country => "country",
            EntityType::Place => "place",
            EntityType::Commodity => "commodity",
            EntityType::Activity => "activity",
        }
    }
}

/// Where an entry was defined, for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub name: String,
    /// Names by language (`en`, `es`, `pt`, ...).
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Matched case-sensitively.
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub kind: Option<String>,
    /// ISO 3166-1 alpha-2 of the home or sovereign country; `XX` for international bodies.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub operates_in: Vec<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub located_in: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub wikidata: Option<String>,
    /// The name is also a common word, surname or another place: match only with context.
    #[serde(default)]
    pub ambiguous: bool,
    /// A commodity word for goods of several specific entries ("drugs", "fruit"): after a
    /// definite article ("the drugs", "la droga") it refers back to the specific goods named
    /// before it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub generic: bool,
    #[serde(default)]
    pub iso2: Option<String>,
    #[serde(default)]
    pub iso3: Option<String>,
    #[serde(default)]
    pub demonyms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(skip_deserializing, default = "unknown_origin")]
    pub origin: Origin,
}

fn unknown_origin() -> Origin {
    Origin { file: String::new(), line: 0 }
}

impl Entity {
    /// The name and every alias, in file order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.values().flatten().map(String::as_str))
    }
}
