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
//! - Only weights, volumes, areas, prices per weight ("US$2,000 per kilogram") and sums of money
//!   its sentence calls a value or a price just before it ("an estimated wholesale value of
//!   more than US$65 million", "worth more than US$3 billion", "can resell the same product for
//!   more than €30,000"; `data/lang/value-words.txt`): another sum of money, or a count of
//!   people or things, is not "of" an earlier commodity as plainly (a bribe, a ransom, the boats).
//! - A sum of money held in a form of money the knowledge base names measures that form: "US$6.3
//!   million in cash", "en efectivo", "em dinheiro" (`data/lang/held-in.txt`); so does each
//!   sum of a list it ends ("US$ 312.000 y $480 millones en efectivo").
//! - A figure that continues a list measures what the figure before it did ("escondía 586
//!   kilos … llevaba otros 350 kilos"), within the same reach.
//! - A commodity named inside an activity counts: "coca cultivation", "cocaine production",
//!   "tráfico de cocaína" are activities in the knowledge base, and name their goods.
//! - The nearest commodity mention before the figure in its own sentence, else in the sentence
//!   before it within the paragraph: a figure two sentences on may be about anything.
//! - A generic word after a definite article ("the drugs", "las drogas"; `generic` in the
//!   knowledge base) stands for the specific goods of its kind named before it within reach.
//! - Of a kind the unit can measure (`kind` in `data/kb/commodities.jsonl`): an area is of a
//!   crop (coca, poppy, cannabis), never of cocaine; a weight or volume is of a drug, crop,
//!   precursor, mineral or natural resource, never of the cover load ("hidden in bananas").

use crate::hash::FxMap;
use crate::matcher::KbMention;
use crate::quantities::Quantity;
use crate::sentences;
use nexus_kb::{EntityType, KnowledgeBase, fold};

/// How far back, in bytes, goods are looked for: two sentences of report prose are well under
/// this.
const REACH: usize = 1500;

/// What a quantity can be "of", by its unit: an area, a crop; a weight or a volume, or a sum of
/// money that is a price per weight (`lang::per_weight`), a drug, crop, precursor, mineral or
/// resource. People, counts and percentages are of nothing here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Measure {
    Area,
    Goods,
}

/// How far before a sum of money its sentence may call it a value or a price.
const VALUE_REACH: usize = 80;

/// Whether the words of the sentence just before `start` call the sum there a value or price.
fn called_value(text: &str, start: usize) -> bool {
    let from = (start.saturating_sub(VALUE_REACH)..=start).find(|&n| text.is_char_boundary(n)).unwrap_or(start);
    let window = &text[from..start];
    let clause = window.rfind(['.', ';', '\n', '?', '!']).map_or(window, |i| &window[i + 1..]);
    clause.split(|c: char| !c.is_alphanumeric()).any(|w| (3..=12).contains(&w.len()) && with_folded(w, crate::lang::value_word))
}

/// `f` of the folded `word`: an ASCII word is lower-cased on the stack, since most words of the
/// window around every sum of money are, and folding allocated a string for each.
fn with_folded(word: &str, f: impl Fn(&str) -> bool) -> bool {
    let mut buf = [0u8; 16];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(f)
        }
        _ => f(&fold(word)),
    }
}

/// Whether a quantity's unit is a currency (per year or not): every unit but the weights,
/// volumes, areas, people, counts and percentages.
fn is_money(unit: &str) -> bool {
    !matches!(unit.split('/').next(), Some("kg" | "l" | "ha" | "people" | "count" | "percent"))
}

impl Measure {
    fn of(text: &str, q: &Quantity) -> Option<Measure> {
        match q.unit.split('/').next()? {
            "ha" => Some(Measure::Area),
            "kg" | "l" => Some(Measure::Goods),
            unit if is_money(unit) => {
                let after = text.get(q.end..).unwrap_or_default();
                let cut = (0..=after.len().min(32)).rev().find(|&n| after.is_char_boundary(n)).unwrap_or(0);
                (crate::lang::per_weight(fold(&after[..cut]).trim_start()) || called_value(text, q.start)).then_some(Measure::Goods)
            }
            _ => None,
        }
    }

    fn fits(self, kind: &str) -> bool {
        match self {
            Measure::Area => kind == "crop",
            Measure::Goods => matches!(kind, "drug" | "crop" | "precursor" | "mineral" | "resource"),
        }
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

/// The figures of one document, in text order, and the last one that measured a commodity: a
/// figure continuing a list ("escondía 586 kilos … llevaba otros 350 kilos") measures what the
/// one before it did.
pub(crate) struct Figures<'a> {
    text: &'a str,
    kb: &'a KnowledgeBase,
    words: &'a CommodityWords,
    /// Sorted by start.
    mentions: &'a [KbMention],
    prior: Option<(usize, Measure, String)>,
}

impl<'a> Figures<'a> {
    pub fn new(text: &'a str, kb: &'a KnowledgeBase, words: &'a CommodityWords, mentions: &'a [KbMention]) -> Figures<'a> {
        Figures { text, kb, words, mentions, prior: None }
    }

    /// The commodity `q` measures: `named`, the one named right after it, else one the text
    /// names before it. Called for each quantity in text order.
    pub fn commodity(&mut self, q: &Quantity, named: Option<String>) -> Option<String> {
        // Something named right after it that is no commodity: it measures that, and nothing
        // carries on to the next figure.
        if named.is_none() && q.measured.is_some() {
            return None;
        }
        if let Some(form) = self.held_in(q) {
            return Some(form);
        }
        let measure = Measure::of(self.text, q);
        let found = named.or_else(|| self.before(q, measure?));
        // Only goods the next figure could measure carry on: "20 tonnes of bananas" is a cover
        // load, and a figure after it is not more bananas by default.
        let fits = |id: &str| self.kb.get(id).and_then(|e| e.kind.as_deref()).is_some_and(|k| measure.is_some_and(|m| m.fits(k)));
        if let (Some(m), Some(c)) = (measure, &found)
            && fits(c)
        {
            self.prior = Some((q.start, m, c.clone()));
        }
        found
    }

    /// Each sum of money in a list whose last sum is held in a form of money is held in it too
    /// ("US$ 312.000 y $480 millones en efectivo"); `quantities` are this document's, in text order.
    pub fn share_held_in(&self, quantities: &mut [crate::ExtractedQuantity]) {
        for i in (1..quantities.len()).rev() {
            let (head, tail) = quantities.split_at_mut(i);
            let (a, b) = (&mut head[i - 1], &tail[0]);
            let money = |id: &str| self.kb.get(id).and_then(|e| e.kind.as_deref()) == Some("money");
            if a.commodity.is_none()
                && is_money(&a.unit)
                && b.commodity.as_deref().is_some_and(money)
                && a.end <= b.start
                && with_folded(self.text[a.end..b.start].trim(), crate::lang::list_join)
            {
                a.commodity.clone_from(&b.commodity);
            }
        }
    }

    /// The form of money a sum is held in, named right after it ("US$6.3 million in cash").
    fn held_in(&self, q: &Quantity) -> Option<String> {
        if !is_money(&q.unit) {
            return None;
        }
        let after = self.text.get(q.end..)?;
        let word_start = after.len() - after.trim_start().len();
        let word_len = after[word_start..].find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len() - word_start);
        if word_len == 0 || word_len > 3 || !with_folded(&after[word_start..word_start + word_len], crate::lang::held_in) {
            return None;
        }
        let rest = &after[word_start + word_len..];
        let form_start = q.end + word_start + word_len + (rest.len() - rest.trim_start().len());
        let k = self.mentions.partition_point(|m| m.start < form_start);
        let m = self.mentions.get(k).filter(|m| m.start == form_start)?;
        let e = &self.kb.entities()[m.entity];
        (e.entity_type == EntityType::Commodity && e.kind.as_deref() == Some("money")).then(|| e.id.clone())
    }

    /// What a generic word after a definite article refers back to ("2,900 kilograms of
    /// cocaine … The drugs had an estimated wholesale value of …"): the nearest specific goods the
    /// figure can measure named before it, within reach.
    fn referent(
        &self,
        m: &KbMention,
        e: &'a nexus_kb::Entity,
        fitting: &impl Fn(&KbMention) -> Option<&'a nexus_kb::Entity>,
    ) -> Option<&'a str> {
        if !e.generic {
            return None;
        }
        let before = self.text[..m.start].trim_end();
        let article = &before[before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1)..];
        if !crate::lang::definite_article(&article.to_lowercase()) {
            return None;
        }
        let from = self.mentions.partition_point(|n| n.start < m.start.saturating_sub(REACH));
        let to = self.mentions.partition_point(|n| n.start < m.start);
        self.mentions[from..to].iter().rev().filter_map(fitting).find(|s| !s.generic).map(|s| s.id.as_str())
    }

    fn before(&self, q: &Quantity, measure: Measure) -> Option<String> {
        let (text, kb) = (self.text, self.kb);
        // The nearest fitting commodity first, then whether it lies close enough: most figures
        // have none before them, and those that do are split into sentences only from it on.
        let from = q.start.saturating_sub(REACH);
        let first = self.mentions.partition_point(|m| m.start < from);
        let last = self.mentions.partition_point(|m| m.start < q.start);
        let fitting = |m: &KbMention| {
            let e = &kb.entities()[self.words.of(kb, text, m)?];
            e.kind.as_deref().is_some_and(|k| measure.fits(k)).then_some(e)
        };
        let mention = self.mentions[first..last].iter().rev().filter(|m| m.end <= q.start).find_map(|m| {
            let e = fitting(m)?;
            Some((m.start, m.end, self.referent(m, e, &fitting).unwrap_or(e.id.as_str())))
        });
        let prior = self.prior.as_ref().filter(|p| p.1 == measure && p.0 >= from).map(|p| (p.0, p.0, p.2.as_str()));
        let (start, end, id) = match (mention, prior) {
            (Some(m), Some(p)) => {
                if p.0 > m.0 {
                    p
                } else {
                    m
                }
            }
            (m, p) => m.or(p)?,
        };
        // Its own sentence or the one before, in one paragraph.
        let near = !text[end..q.start].contains("\n\n") && sentences::split(&text[start..q.end]).len() <= 2;
        near.then(|| id.to_owned())
    }
}
