//! Hand-made extractions for store tests: an entity mentioned once in a sentence, and a relation
//! whose evidence is that sentence.

use nexus_extract::relations::{Evidence, Qualifiers, Relation};
use nexus_extract::{ExtractedEntity, Mention};

/// Entity `id` named `name`, mentioned where `name` first stands in `text` (which must hold it).
pub fn entity(id: &str, name: &str, ty: &'static str, in_kb: bool, text: &str) -> ExtractedEntity {
    let start = text.find(name).unwrap_or_else(|| panic!("{name} in {text}"));
    ExtractedEntity {
        id: id.into(),
        name: name.into(),
        entity_type: ty,
        in_kb,
        unnamed: false,
        mentions: vec![Mention { text: name.into(), start, end: start + name.len() }],
    }
}

/// `s p o`, stated by the whole of `text`, with no qualifiers.
pub fn relation(s: &str, p: &str, o: &str, text: &str) -> Relation {
    Relation {
        subject: s.into(),
        predicate: p.into(),
        object: o.into(),
        qualifiers: Qualifiers::default(),
        confidence: 0.8,
        evidence: Evidence { text: text.into(), start: 0, end: text.len() },
    }
}
