//! What the extraction tests share: one extractor over the bundled knowledge base, built once per
//! test binary, relations read by their ends' names, and the finders' knowledge base, matcher and
//! index.
#![allow(dead_code)] // each test file uses its own part of it

use nexus_extract::discover::Index;
use nexus_extract::relations::Relation;
use nexus_extract::{Extraction, Extractor, Matcher};
use nexus_kb::KnowledgeBase;
use std::sync::OnceLock;

pub fn extract(text: &str) -> Extraction {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(KnowledgeBase::load(&[]).0)).extract(text, None)
}

pub fn name(x: &Extraction, id: &str) -> String {
    x.entities.iter().find(|e| e.id == id).map_or(id.to_owned(), |e| e.name.clone())
}

/// (subject name, predicate, object name) of every relation.
pub fn triples(x: &Extraction) -> Vec<(String, String, String)> {
    x.relations.iter().map(|r| (name(x, &r.subject), r.predicate.clone(), name(x, &r.object))).collect()
}

pub fn has(x: &Extraction, s: &str, p: &str, o: &str) -> bool {
    triples(x).iter().any(|(a, b, c)| a == s && b == p && c == o)
}

#[track_caller]
pub fn assert_has(x: &Extraction, s: &str, p: &str, o: &str) {
    assert!(has(x, s, p, o), "no {s} {p} {o} in {:?}", triples(x));
}

/// The relation `s p o`; panics, listing what was found, when there is none.
#[track_caller]
pub fn find<'a>(x: &'a Extraction, s: &str, p: &str, o: &str) -> &'a Relation {
    x.relations
        .iter()
        .find(|r| name(x, &r.subject) == s && r.predicate == p && name(x, &r.object) == o)
        .unwrap_or_else(|| panic!("no {s} {p} {o} in {:?}", triples(x)))
}

/// The bundled knowledge base with the matcher and the finders' index built from it, once.
pub fn finders() -> &'static (KnowledgeBase, Matcher, Index) {
    static FINDERS: OnceLock<(KnowledgeBase, Matcher, Index)> = OnceLock::new();
    FINDERS.get_or_init(|| {
        let (kb, _) = KnowledgeBase::load(&[]);
        let matcher = Matcher::new(&kb);
        let index = Index::new(&kb);
        (kb, matcher, index)
    })
}
