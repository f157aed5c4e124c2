//! The knowledge base: organizations, state actors, people, places, commodities and activities in
//! English, Spanish and Portuguese, kept as data (`data/kb/`) and compiled into the binary, plus
//! any directories of an analyst's own files, loaded after the bundled ones.
//!
//! Loading never fails: every problem is a [`Diagnostic`] with a file and line, and entries that
//! parse are kept, so one bad line in an analyst's file does not take the rest away.

mod check;
mod load;
mod model;

pub use check::{Diagnostic, Severity, fold};
pub use model::{Entity, EntityType, Origin};

use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct KnowledgeBase {
    entities: Vec<Entity>,
    /// Id → entry, hashed with Fx: extraction looks entries up by id per relation, where SipHash
    /// cost more than the lookup. Ids come from the bundled data and the analyst's own files.
    by_id: rustc_hash::FxHashMap<String, usize>,
    /// Folded name or alias → person entry: a name the document spells out around a nickname
    /// ("Ismael 'El Mayo' Zambada" read as "Ismael Zambada") is the known person.
    persons: rustc_hash::FxHashMap<String, usize>,
}

impl KnowledgeBase {
    /// The bundled knowledge base and then each of `extra` (directories of `.jsonl`/`.tsv` files).
    /// The diagnostics are for lines that could not be read; [`KnowledgeBase::validate`] checks
    /// the rules between entries, which only `nexus kb check` needs to pay for.
    pub fn load(extra: &[PathBuf]) -> (KnowledgeBase, Vec<Diagnostic>) {
        let mut entities = Vec::new();
        let mut diags = Vec::new();
        for (name, contents) in load::BUNDLED {
            load::parse_file(name, contents, &mut entities, &mut diags);
        }
        for dir in extra {
            load::read_dir(dir, &mut entities, &mut diags);
        }
        let mut by_id = rustc_hash::FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
        for (i, e) in entities.iter().enumerate() {
            by_id.entry(e.id.clone()).or_insert(i);
        }
        let mut persons = rustc_hash::FxHashMap::default();
        for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Person) {
            for n in e.names() {
                persons.entry(fold(n)).or_insert(i);
            }
        }
        (KnowledgeBase { entities, by_id, persons }, diags)
    }

    /// Ids, references, ISO codes, coordinates and name clashes across all entries.
    pub fn validate(&self) -> Vec<Diagnostic> {
        check::validate(&self.entities)
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// The person entry one of whose names folds to `folded`.
    pub fn person_named(&self, folded: &str) -> Option<usize> {
        self.persons.get(folded).copied()
    }

    /// Entries per type, for summaries.
    pub fn counts(&self) -> Vec<(EntityType, usize)> {
        let mut counts: HashMap<EntityType, usize> = HashMap::new();
        for e in &self.entities {
            *counts.entry(e.entity_type).or_default() += 1;
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort();
        v
    }
}
