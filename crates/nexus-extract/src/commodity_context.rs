//! The commodity of a weight, volume or area that the text names before the figure rather than
//! right after it. Reports name the goods once and then give figures: "Global cocaine seizures
//! reached close to 2,000 tons", "coca cultivation was estimated at about 204,000 hectares",
//! "…South American cocaine bound for Europe; in 2019 police there seized 1.8 tonnes". An analyst
//! reading such a figure knows what it weighs; a quantity without its commodity cannot be summed
//! per commodity or attached to a seizure.
//!
//! The rules, each there to keep a wrong commodity out:
//! - Only a quantity with nothing named right after it: "3,800 litres of chemicals" measures the
//!   chemicals even when no knowledge-base commodity names them.
//! - Only weights, volumes and areas: a sum of money or a count of people or things is not "of"
//!   an earlier commodity as plainly (a bribe, a ransom, the boats).
//! - A commodity named inside an activity counts: "coca cultivation", "cocaine production",
//!   "tráfico de cocaína" are activities in the knowledge base, and name their goods.
//! - The nearest commodity mention before the figure in its own sentence, else in the sentence
//!   before it within the paragraph: a figure two sentences on may be about anything.
//! - Of a kind the unit can measure (`kind` in `data/kb/commodities.jsonl`): an area is of a
//!   crop (coca, poppy, cannabis), never of cocaine; a weight or volume is of a drug, crop,
//!   precursor, mineral or natural resource, never of the cover load ("hidden in bananas").

use crate::hash::FxMap;
use crate::matcher::KbMention;
use crate::sentences;
use nexus_kb::{EntityType, KnowledgeBase, fold};

/// How far back, in bytes, goods are looked for: two sentences of report prose are well under
/// this.
const REACH: usize = 1500;

/// The commodity kinds each unit can measure.
fn measures(unit: &str, kind: &str) -> bool {
    match unit.split('/').next() {
        Some("ha") => kind == "crop",
        Some("kg" | "l") => matches!(kind, "drug" | "crop" | "precursor" | "mineral" | "resource"),
        _ => false,
    }
}

/// The commodities of the knowledge base by their folded one-word names and aliases, to read
/// the goods inside an activity's name ("coca cultivation").
pub(crate) struct CommodityWords(FxMap<String, usize>);

impl CommodityWords {
    pub fn new(kb: &KnowledgeBase) -> CommodityWords {
        let mut words = FxMap::default();
        for (k, e) in kb.entities().iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Commodity && !e.ambiguous) {
            for name in e.names().filter(|n| !n.contains(' ')) {
                words.entry(fold(name)).or_insert(k);
            }
        }
        CommodityWords(words)
    }

    /// The commodity a mention names: itself, or one word of an activity's name.
    fn of(&self, kb: &KnowledgeBase, text: &str, m: &KbMention) -> Option<usize> {
        match kb.entities()[m.entity].entity_type {
            EntityType::Commodity => Some(m.entity),
            EntityType::Activity => text[m.start..m.end].split(|c: char| !c.is_alphanumeric()).find_map(|w| self.0.get(&fold(w)).copied()),
            _ => None,
        }
    }
}

/// The id of the commodity a quantity `[start, end)` with `unit` measures, read from the text
/// before it, when nothing is named right after it (`measured` is none). `mentions` are sorted by
/// start.
pub(crate) fn before(
    text: &str,
    kb: &KnowledgeBase,
    words: &CommodityWords,
    mentions: &[KbMention],
    (start, end): (usize, usize),
    unit: &str,
    measured: Option<(usize, usize)>,
) -> Option<String> {
    if measured.is_some() || !["ha", "kg", "l"].contains(&unit.split('/').next().unwrap_or(unit)) {
        return None;
    }
    // The nearest fitting commodity first, then whether it lies close enough: most figures have
    // none before them, and those that do are split into sentences only from it on.
    let from = start.saturating_sub(REACH);
    let first = mentions.partition_point(|m| m.start < from);
    let last = mentions.partition_point(|m| m.start < start);
    let (m, id) = mentions[first..last].iter().rev().filter(|m| m.end <= start).find_map(|m| {
        let e = &kb.entities()[words.of(kb, text, m)?];
        e.kind.as_deref().is_some_and(|k| measures(unit, k)).then_some((m, &e.id))
    })?;
    // Its own sentence or the one before, in one paragraph.
    let near = !text[m.end..start].contains("\n\n") && sentences::split(&text[m.start..end]).len() <= 2;
    near.then(|| id.clone())
}
