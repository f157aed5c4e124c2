//! Extraction: from one document's clean text (and the knowledge base), the entities, quantities
//! and dates it mentions, with exact byte spans. A pure function of (text, knowledge base): no
//! store, no clock, no I/O; it never fails on a document.
//!
//! The pipeline, in order: fold the text and match the knowledge base (`matcher`), learn the
//! names the knowledge base lacks (`discover`), group the mentions into entities (`entities`),
//! find quantities and dates, then the relations between the entities (`relations`).

pub mod batch;
mod codenames;
mod commodity_context;
pub mod dates;
pub mod discover;
pub mod entities;
pub mod eval;
mod fold;
mod fuzzy;
mod hash;
mod lang;
pub mod matcher;
pub mod quantities;
pub mod relations;
pub mod sentences;
mod text;

pub use entities::{ExtractedEntity, Mention};
pub use matcher::Matcher;

use nexus_kb::{EntityType, KnowledgeBase};
use serde::Serialize;
use std::collections::HashMap;

/// What extraction found in one document: ONTOLOGY.md's `--json` object without its
/// `document`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub entities: Vec<ExtractedEntity>,
    pub relations: Vec<relations::Relation>,
    pub quantities: Vec<ExtractedQuantity>,
    pub dates: Vec<dates::DateMention>,
}

impl Extraction {
    /// Quote each relation's evidence from the stored text: extraction reads a copy with
    /// footnote marks blanked, at the same offsets, but analysts read the text as stored.
    pub fn cite(mut self, stored: &str) -> Extraction {
        for r in &mut self.relations {
            if let Some(s) = stored.get(r.evidence.start..r.evidence.end) {
                r.evidence.text = s.to_owned();
            }
        }
        self
    }
}

/// One document as extraction reads it: its text (footnote marks blanked) and its date, the
/// reference for relative dates.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub reference: Option<&'a str>,
}

/// A quantity as ONTOLOGY.md's output has it: with the knowledge-base id of the commodity it
/// measures, when one is named right after it ("7.6 metric tons of cocaine").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedQuantity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: String,
    pub bound: quantities::Bound,
    pub commodity: Option<String>,
}

/// The compiled knowledge base and matchers, built once and shared by every document.
pub struct Extractor {
    kb: KnowledgeBase,
    matcher: Matcher,
    learned: discover::Index,
    /// The ISO code of each peso country's peso, by the country's ISO 3166 code.
    pesos: HashMap<String, &'static str>,
    commodity_words: commodity_context::CommodityWords,
}

impl Extractor {
    pub fn new(kb: KnowledgeBase) -> Extractor {
        let matcher = Matcher::new(&kb);
        let learned = discover::Index::new(&kb);
        let pesos = kb
            .entities()
            .iter()
            .filter(|e| e.entity_type == EntityType::Country)
            .filter_map(|e| Some((e.iso2.clone()?, e.names().find_map(quantities::peso_of_country)?)))
            .collect();
        let commodity_words = commodity_context::CommodityWords::new(&kb);
        Extractor { kb, matcher, learned, pesos, commodity_words }
    }

    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Extract from `text` (the text extraction reads: footnote marks blanked); `reference` is
    /// the document's date, for relative dates.
    pub fn extract(&self, text: &str, reference: Option<&str>) -> Extraction {
        self.extract_batch(&[Input { text, reference }]).pop().unwrap_or_default()
    }

    /// `extract` without the relations: the entities, quantities and dates alone, the
    /// counterpart of a named-entity tagger, for analysts who want only those, at about half
    /// the cost (relations read every sentence again, rule by rule).
    pub fn extract_mentions(&self, text: &str, reference: Option<&str>) -> Extraction {
        self.extract_mentions_batch(&[Input { text, reference }]).pop().unwrap_or_default()
    }

    /// `extract` on each of several documents, stage by stage: every document goes through one
    /// stage before any goes through the next. A document of a few kilobytes runs each stage's
    /// code once, cold in the instruction cache and the branch predictor; a batch warms them
    /// for the rest (spaCy's `nlp.pipe` batches for the same reason). Each document's result
    /// is exactly what `extract` gives it alone. See `batch` for sizing batches.
    pub fn extract_batch(&self, docs: &[Input]) -> Vec<Extraction> {
        let mut found = self.extract_mentions_batch(docs);
        for (x, doc) in found.iter_mut().zip(docs) {
            x.relations = relations::find(doc.text, &self.kb, &x.entities, &x.quantities, &x.dates);
        }
        found
    }

    /// `extract_mentions` on each of several documents, stage by stage (see `extract_batch`).
    pub fn extract_mentions_batch(&self, docs: &[Input]) -> Vec<Extraction> {
        let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
        let matched = self.matcher.find_each(&self.kb, &texts);
        let contexts: Vec<discover::Context> =
            docs.iter().zip(&matched).map(|(d, m)| discover::Context::new(d.text, &self.kb, &self.learned, m)).collect();
        let mentions: Vec<(Vec<matcher::KbMention>, Vec<discover::Found>)> = discover::find_each(&contexts)
            .into_iter()
            .zip(docs)
            .map(|((kb, learned), d)| codenames::drop_codenames(d.text, kb, learned))
            .collect();
        let lexes: Vec<quantities::lex::DocLex> = contexts
            .iter()
            .map(|cx| {
                let (words, lang) = cx.vocabulary_words();
                quantities::lex::DocLex::with_words(words, lang)
            })
            .collect();
        drop(contexts);
        // The numbers are read in every document before their commodities: together the two
        // steps' code is larger than the instruction cache.
        let found: Vec<Vec<quantities::Quantity>> = docs
            .iter()
            .zip(&lexes)
            .zip(&mentions)
            .map(|((d, lex), (kb, _))| quantities::find_quantities_in(d.text, lex, &|| self.cited_peso(kb)))
            .collect();
        let quantities: Vec<Vec<ExtractedQuantity>> =
            docs.iter().zip(found).zip(&mentions).map(|((d, found), (kb, _))| self.quantities(d.text, found, kb)).collect();
        let entities: Vec<Vec<ExtractedEntity>> =
            docs.iter().zip(&mentions).map(|(d, (kb, learned))| entities::group(&self.kb, d.text, kb, learned)).collect();
        let dates = docs.iter().zip(&lexes).map(|(d, lex)| dates::find_dates_in(d.text, d.reference, lex));
        entities
            .into_iter()
            .zip(quantities)
            .zip(dates)
            .map(|((entities, quantities), dates)| Extraction { entities, relations: Vec::new(), quantities, dates })
            .collect()
    }

    /// The quantities `found` in one document, each with the commodity it measures.
    fn quantities(&self, text: &str, found: Vec<quantities::Quantity>, mentions: &[matcher::KbMention]) -> Vec<ExtractedQuantity> {
        let mut figures = commodity_context::Figures::new(text, &self.kb, &self.commodity_words, mentions);
        let mut found: Vec<ExtractedQuantity> = found
            .into_iter()
            .map(|q| {
                let commodity = figures.commodity(&q, self.named_commodity(&q, mentions));
                ExtractedQuantity { text: q.text, start: q.start, end: q.end, value: q.value, unit: q.unit, bound: q.bound, commodity }
            })
            .collect();
        figures.share_held_in(&mut found);
        found
    }

    /// The peso of the peso country most cited by the document's places, countries and state
    /// agencies: "pesos" in a report on Tumaco are Colombian pesos, though it never says
    /// "Colombia". Armed groups and cartels are left out: they are cited far from home.
    fn cited_peso(&self, mentions: &[matcher::KbMention]) -> Option<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for m in mentions {
            let e = &self.kb.entities()[m.entity];
            let iso = match e.entity_type {
                EntityType::Country => e.iso2.as_deref(),
                EntityType::Place | EntityType::StateActor => e.country.as_deref(),
                _ => None,
            };
            if let Some(&peso) = iso.and_then(|i| self.pesos.get(i)) {
                *counts.entry(peso).or_default() += 1;
            }
        }
        quantities::most_cited(counts).map(str::to_owned)
    }

    /// The commodity named right after a quantity: a commodity mention inside the words the
    /// quantity finder says are measured.
    fn named_commodity(&self, q: &quantities::Quantity, mentions: &[matcher::KbMention]) -> Option<String> {
        // Mentions are sorted by start (`discover::find_each`): those starting inside the measured
        // words are a range, found by two binary searches rather than a scan per quantity.
        debug_assert!(mentions.is_sorted_by_key(|m| m.start));
        q.measured.and_then(|(s, e)| {
            let inside = mentions.partition_point(|m| m.start < s)..mentions.partition_point(|m| m.start < e);
            mentions[inside]
                .iter()
                .filter(|m| m.start >= s && m.end <= e)
                .map(|m| &self.kb.entities()[m.entity])
                .find(|ent| ent.entity_type == EntityType::Commodity)
                .map(|ent| ent.id.clone())
        })
    }
}
