//! Mentions grouped into the document's entities, in the shape of ONTOLOGY.md.

use crate::discover::Found;
use crate::fold::fold;
use crate::matcher::KbMention;
use nexus_kb::{EntityType, KnowledgeBase};
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

/// Which entity a mention belongs to.
#[derive(Hash, PartialEq, Eq)]
enum Key {
    Kb(usize),
    Learned(EntityType, String),
}

/// One entity per knowledge-base entry mentioned and per learned name (type and folded name),
/// in order of first mention; mentions in text order.
pub fn group(kb: &KnowledgeBase, text: &str, mentions: &[KbMention], learned: &[Found]) -> Vec<ExtractedEntity> {
    // Made to its full size at once: grown by the learned names, it was copied whole.
    let mut all: Vec<(usize, usize, Key, Option<&Found>)> = Vec::with_capacity(mentions.len() + learned.len());
    all.extend(mentions.iter().map(|m| (m.start, m.end, Key::Kb(m.entity), None)));
    // The known people the document names, each name folded once, when a learned person needs them.
    let known_people = std::cell::OnceCell::new();
    let known_people = || {
        known_people.get_or_init(|| {
            let mut people: Vec<usize> =
                mentions.iter().map(|m| m.entity).filter(|&i| kb.entities()[i].entity_type == EntityType::Person).collect();
            people.sort_unstable();
            people.dedup();
            people.iter().flat_map(|&i| kb.entities()[i].names().map(move |n| (i, fold(n)))).collect::<Vec<(usize, String)>>()
        })
    };
    for f in learned {
        let key = match f.kb_entity {
            Some(i) => Key::Kb(i),
            None if f.entity_type == EntityType::Person => {
                let folded = fold(&f.name);
                match kb.person_named(&folded).or_else(|| surname_of(known_people(), &folded)) {
                    Some(i) => Key::Kb(i),
                    None => Key::Learned(f.entity_type, folded),
                }
            }
            None => Key::Learned(f.entity_type, fold(&f.name)),
        };
        all.push((f.start, f.end, key, Some(f)));
    }
    all.sort_by_key(|a| (a.0, std::cmp::Reverse(a.1)));
    let mut out: Vec<ExtractedEntity> = Vec::new();
    // Sized for every mention its own entity (up to a long report's entities): grown from
    // empty it was rehashed several times per document.
    let mut index = crate::hash::FxMap::with_capacity_and_hasher(all.len().min(1024), Default::default());
    // Each mention's entity first, then the mentions, each entity's list made to its size once
    // rather than grown by doubling (a long report names one entry hundreds of times).
    let mut placed: Vec<(usize, usize, usize)> = Vec::with_capacity(all.len());
    for (start, end, key, f) in all {
        let slot = match index.get(&key) {
            Some(&slot) => slot,
            None => {
                out.push(match (&key, f) {
                    (Key::Kb(i), _) => {
                        let e = &kb.entities()[*i];
                        ExtractedEntity {
                            id: e.id.clone(),
                            name: e.name.clone(),
                            entity_type: e.entity_type.as_str(),
                            in_kb: true,
                            unnamed: false,
                            mentions: Vec::new(),
                        }
                    }
                    (Key::Learned(t, folded), Some(f)) => ExtractedEntity {
                        id: learned_id(*t, folded),
                        name: f.name.clone(),
                        entity_type: t.as_str(),
                        in_kb: false,
                        unnamed: f.unnamed,
                        mentions: Vec::new(),
                    },
                    (Key::Learned(..), None) => unreachable!("learned keys come with their mention"),
                });
                index.insert(key, out.len() - 1);
                out.len() - 1
            }
        };
        placed.push((start, end, slot));
    }
    let mut counts = vec![0; out.len()];
    for &(_, _, slot) in &placed {
        counts[slot] += 1;
    }
    for (e, n) in out.iter_mut().zip(counts) {
        e.mentions.reserve_exact(n);
    }
    for (start, end, slot) in placed {
        out[slot].mentions.push(Mention { text: text[start..end].to_owned(), start, end });
    }
    out
}

/// The one known person (entry, folded name) whose name ends with `folded` ("Guzmán López" after
/// "Joaquín Guzmán López"). A person named in full around a nickname ("Ismael 'El Mayo'
/// Zambada", read as "Ismael Zambada") is found by `person_named` before this.
fn surname_of(known: &[(usize, String)], folded: &str) -> Option<usize> {
    // The byte before the suffix is read first: it rejects most names without a compare.
    let ends_with = |n: &str| n.len() > folded.len() && n.as_bytes()[n.len() - folded.len() - 1] == b' ' && n.ends_with(folded);
    let mut hits = known.iter().filter(|(_, n)| ends_with(n)).map(|&(i, _)| i);
    let first = hits.next()?;
    hits.all(|i| i == first).then_some(first)
}

/// A stable id for an entity the knowledge base does not hold: its type and folded name, so the
/// same name in two documents is the same id ("doc:criminal_org:los-lobos").
fn learned_id(t: EntityType, folded: &str) -> String {
    // Written into one string made to its size, not formatted from a second one.
    let prefix = ["doc:", t.as_str(), ":"];
    let mut id = String::with_capacity(prefix.iter().map(|p| p.len()).sum::<usize>() + folded.len());
    id.extend(prefix);
    let slug_start = id.len();
    for w in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if id.len() > slug_start {
            id.push('-');
        }
        id.push_str(w);
    }
    id
}
