//! Mentions grouped into the document's entities, in the shape of ONTOLOGY.md.

use crate::matcher::KbMention;
use nexus_kb::KnowledgeBase;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedEntity {
    /// The knowledge-base id.
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: &'static str,
    pub in_kb: bool,
    pub unnamed: bool,
    pub mentions: Vec<Mention>,
}

/// One entity per knowledge-base entry mentioned, in order of first mention.
pub fn group(kb: &KnowledgeBase, text: &str, mentions: &[KbMention]) -> Vec<ExtractedEntity> {
    let mut out: Vec<ExtractedEntity> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for m in mentions {
        let e = &kb.entities()[m.entity];
        let slot = *index.entry(m.entity).or_insert_with(|| {
            out.push(ExtractedEntity {
                id: e.id.clone(),
                name: e.name.clone(),
                entity_type: e.entity_type.as_str(),
                in_kb: true,
                unnamed: false,
                mentions: Vec::new(),
            });
            out.len() - 1
        });
        out[slot].mentions.push(Mention { text: text[m.start..m.end].to_owned(), start: m.start, end: m.end });
    }
    out
}
