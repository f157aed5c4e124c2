//! Scoring extractions against gold files, exactly as ONTOLOGY.md defines it: names compared
//! case- and accent-folded; each gold item matched at most once; optional gold items neither
//! required nor counted as errors; quantities by unit and value within 1%; dates by value;
//! relations by predicate and both ends (either order for symmetric predicates).
//!
//! Two readings ONTOLOGY.md leaves open, settled here: an extracted entity is paired with the
//! gold entity it names before one it merely mentions (see `pair_entities`); and a quantity or
//! date repeated in the text that matches a gold item already matched is neither a hit nor an
//! error — gold lists what a document says, once.

use crate::Extraction;
use nexus_kb::fold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub doc: String,
    #[serde(default)]
    pub also_applies_to: Vec<String>,
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    #[serde(default)]
    pub quantities: Vec<GoldQuantity>,
    #[serde(default)]
    pub dates: Vec<GoldDate>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    #[serde(default)]
    pub surface: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuantity {
    pub text: String,
    pub value: f64,
    pub unit: String,
    /// What the amount measures, by name ("cocaine", "coca leaf"); none for money or counts that
    /// measure no commodity.
    #[serde(default)]
    pub commodity: Option<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    pub text: String,
    pub value: String,
    #[serde(default)]
    pub optional: bool,
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DocScore {
    pub doc: String,
    /// Per category: `entities` (untyped), `entities_typed`, `quantities`, `dates`, `relations`,
    /// and `commodities`: of the quantities matched, whether each measures the gold commodity.
    pub categories: BTreeMap<String, Counts>,
    /// Typed entity counts per gold/extracted type.
    pub entity_types: BTreeMap<String, Counts>,
    /// Relation counts per predicate: a hit and a miss count under the gold predicate, a
    /// spurious relation under its own, so a rule's errors show where they are made.
    pub relation_predicates: BTreeMap<String, Counts>,
    pub missed: Vec<String>,
    pub spurious: Vec<String>,
}

/// Score one document's extraction against its gold.
pub fn score(gold: &Gold, doc: &str, got: &Extraction) -> DocScore {
    let mut s = DocScore { doc: doc.to_owned(), ..DocScore::default() };
    score_entities(gold, got, &mut s);
    score_quantities(gold, got, &mut s);
    score_dates(gold, got, &mut s);
    score_relations(gold, got, &mut s);
    s
}

fn gold_names(g: &GoldEntity) -> Vec<String> {
    std::iter::once(&g.name).chain(&g.surface).map(|n| fold(n)).collect()
}

/// Pairs each extracted entity with the gold entity it matches (ONTOLOGY.md: its name or one of
/// its mention texts equals the gold name or a surface string; each gold entity at most once).
/// When several pairings are possible the strongest is taken first — the extracted name itself
/// over a mention text, the same type over another — so an entity whose mentions include a
/// nearby name ("Port of Rotterdam" under Rotterdam) does not take that gold entry from the
/// entity it names.
fn pair_entities(gold: &[GoldEntity], got: &[crate::ExtractedEntity]) -> Vec<Option<usize>> {
    let gold_names: Vec<Vec<String>> = gold.iter().map(gold_names).collect();
    let names: Vec<String> = got.iter().map(|e| fold(&e.name)).collect();
    let mentions: Vec<Vec<String>> = got.iter().map(|e| e.mentions.iter().map(|m| fold(&m.text)).collect()).collect();
    let mut taken = vec![false; gold.len()];
    let mut pairs = vec![None; got.len()];
    for (by_name, same_type) in [(true, true), (true, false), (false, true), (false, false)] {
        for (k, e) in got.iter().enumerate() {
            if pairs[k].is_some() {
                continue;
            }
            let hit = (0..gold.len()).find(|&i| {
                !taken[i]
                    && (!same_type || gold[i].entity_type == e.entity_type)
                    && if by_name { gold_names[i].contains(&names[k]) } else { gold_names[i].iter().any(|n| mentions[k].contains(n)) }
            });
            if let Some(i) = hit {
                taken[i] = true;
                pairs[k] = Some(i);
            }
        }
    }
    pairs
}

fn score_entities(gold: &Gold, got: &Extraction, s: &mut DocScore) {
    let pairs = pair_entities(&gold.entities, &got.entities);
    let mut taken = vec![false; gold.entities.len()];
    let (mut untyped, mut typed) = (Counts::default(), Counts::default());
    for (e, pair) in got.entities.iter().zip(pairs) {
        match pair {
            Some(i) => {
                taken[i] = true;
                let g = &gold.entities[i];
                if g.optional {
                    continue;
                }
                untyped.tp += 1;
                if g.entity_type == e.entity_type {
                    typed.tp += 1;
                    s.entity_types.entry(g.entity_type.clone()).or_default().tp += 1;
                } else {
                    typed.fp += 1;
                    typed.fn_ += 1;
                    s.entity_types.entry(e.entity_type.to_owned()).or_default().fp += 1;
                    s.entity_types.entry(g.entity_type.clone()).or_default().fn_ += 1;
                    s.spurious.push(format!("entity '{}' typed {} (gold: {})", g.name, e.entity_type, g.entity_type));
                }
            }
            None => {
                untyped.fp += 1;
                typed.fp += 1;
                s.entity_types.entry(e.entity_type.to_owned()).or_default().fp += 1;
                s.spurious.push(format!(
                    "entity '{}' ({}) as '{}'",
                    e.name,
                    e.entity_type,
                    e.mentions.first().map_or("", |m| m.text.as_str())
                ));
            }
        }
    }
    for (_, g) in gold.entities.iter().enumerate().filter(|(i, g)| !taken[*i] && !g.optional) {
        untyped.fn_ += 1;
        typed.fn_ += 1;
        s.entity_types.entry(g.entity_type.clone()).or_default().fn_ += 1;
        s.missed.push(format!("entity '{}' ({})", g.name, g.entity_type));
    }
    s.categories.insert("entities".into(), untyped);
    s.categories.insert("entities_typed".into(), typed);
}

fn score_quantities(gold: &Gold, got: &Extraction, s: &mut DocScore) {
    let mut taken = vec![false; gold.quantities.len()];
    let mut c = Counts::default();
    let mut commodities = Counts::default();
    for q in &got.quantities {
        let same = |g: &GoldQuantity| g.unit == q.unit && (g.value - q.value).abs() <= 0.01 * g.value.abs().max(1e-9);
        let hit = gold.quantities.iter().enumerate().position(|(i, g)| !taken[i] && same(g));
        match hit {
            // The same amount said again: gold lists what a document says, not how often.
            None if gold.quantities.iter().enumerate().any(|(i, g)| taken[i] && same(g)) => {}
            Some(i) if gold.quantities[i].optional => taken[i] = true,
            Some(i) => {
                taken[i] = true;
                c.tp += 1;
                score_commodity(&gold.quantities[i], q, got, &mut commodities, s);
            }
            None => {
                c.fp += 1;
                s.spurious.push(format!("quantity '{}' = {} {}", q.text, q.value, q.unit));
            }
        }
    }
    for (_, g) in gold.quantities.iter().enumerate().filter(|(i, g)| !taken[*i] && !g.optional) {
        c.fn_ += 1;
        s.missed.push(format!("quantity '{}' = {} {}", g.text, g.value, g.unit));
    }
    s.categories.insert("quantities".into(), c);
    s.categories.insert("commodities".into(), commodities);
}

/// Whether a matched quantity measures the gold commodity: the extracted commodity entity's name
/// or one of its mention texts, folded, equals the gold name (gold may name it in the
/// document's language: "cocaína").
fn score_commodity(g: &GoldQuantity, q: &crate::ExtractedQuantity, got: &Extraction, c: &mut Counts, s: &mut DocScore) {
    // A commodity read inside an activity's name ("coca cultivation") has no entity of its own:
    // its id then stands for its name ("coca-leaf").
    let ours = q.commodity.as_deref().map(|id| got.entities.iter().find(|e| e.id == id).ok_or(id));
    let same = match (&g.commodity, ours) {
        (Some(name), Some(Ok(e))) => {
            let name = fold(name);
            fold(&e.name) == name || e.mentions.iter().any(|m| fold(&m.text) == name)
        }
        (Some(name), Some(Err(id))) => fold(name) == fold(&id.replace('-', " ")),
        _ => false,
    };
    if same {
        c.tp += 1;
        return;
    }
    if let Some(named) = ours.map(|o| o.map_or_else(str::to_owned, |e| e.name.clone())) {
        c.fp += 1;
        s.spurious.push(format!("commodity of quantity '{}': {named}", q.text));
    }
    if let Some(name) = &g.commodity {
        c.fn_ += 1;
        s.missed.push(format!("commodity of quantity '{}': {name}", q.text));
    }
}

fn score_dates(gold: &Gold, got: &Extraction, s: &mut DocScore) {
    let mut taken = vec![false; gold.dates.len()];
    let mut c = Counts::default();
    for d in &got.dates {
        match gold.dates.iter().enumerate().position(|(i, g)| !taken[i] && g.value == d.value) {
            None if gold.dates.iter().enumerate().any(|(i, g)| taken[i] && g.value == d.value) => {}
            Some(i) if gold.dates[i].optional => taken[i] = true,
            Some(i) => {
                taken[i] = true;
                c.tp += 1;
            }
            None => {
                c.fp += 1;
                s.spurious.push(format!("date '{}' = {}", d.text, d.value));
            }
        }
    }
    for (_, g) in gold.dates.iter().enumerate().filter(|(i, g)| !taken[*i] && !g.optional) {
        c.fn_ += 1;
        s.missed.push(format!("date '{}' = {}", g.text, g.value));
    }
    s.categories.insert("dates".into(), c);
}

/// The folded strings an extracted entity answers to: its name and its mention texts.
fn answers_to(e: &crate::ExtractedEntity) -> Vec<String> {
    std::iter::once(fold(&e.name)).chain(e.mentions.iter().map(|m| fold(&m.text))).collect()
}

/// The folded strings a gold relation's end stands for: the gold entity it names (with its
/// surface strings), or the string alone when no gold entity carries it.
fn gold_end(gold: &Gold, name: &str) -> Vec<String> {
    let folded = fold(name);
    gold.entities.iter().map(gold_names).find(|names| names.contains(&folded)).unwrap_or_else(|| vec![folded])
}

/// Relations: same predicate, both ends matching (either order for symmetric predicates). A
/// relation repeated in another sentence that matches a gold relation already matched is
/// neither a hit nor an error, as for quantities.
fn score_relations(gold: &Gold, got: &Extraction, s: &mut DocScore) {
    let by_id: std::collections::HashMap<&str, Vec<String>> = got.entities.iter().map(|e| (e.id.as_str(), answers_to(e))).collect();
    let ends: Vec<(Vec<String>, Vec<String>)> =
        gold.relations.iter().map(|r| (gold_end(gold, &r.subject), gold_end(gold, &r.object))).collect();
    let mut taken = vec![false; gold.relations.len()];
    let mut c = Counts::default();
    let none = Vec::new();
    for r in &got.relations {
        let (subject, object) = (by_id.get(r.subject.as_str()).unwrap_or(&none), by_id.get(r.object.as_str()).unwrap_or(&none));
        let meets = |a: &Vec<String>, b: &Vec<String>| a.iter().any(|x| b.contains(x));
        let symmetric = crate::relations::symmetric(&r.predicate);
        let same = |i: usize| {
            let g = &gold.relations[i];
            let (gs, go) = &ends[i];
            g.predicate == r.predicate
                && ((meets(subject, gs) && meets(object, go)) || (symmetric && meets(subject, go) && meets(object, gs)))
        };
        match (0..gold.relations.len()).find(|&i| !taken[i] && same(i)) {
            None if (0..gold.relations.len()).any(|i| taken[i] && same(i)) => {}
            Some(i) if gold.relations[i].optional => taken[i] = true,
            Some(i) => {
                taken[i] = true;
                c.tp += 1;
                s.relation_predicates.entry(r.predicate.to_string()).or_default().tp += 1;
            }
            None => {
                c.fp += 1;
                s.relation_predicates.entry(r.predicate.to_string()).or_default().fp += 1;
                let name = |id: &str| got.entities.iter().find(|e| e.id == id).map_or(id.to_owned(), |e| e.name.clone());
                s.spurious.push(format!("relation {} {} {}", name(&r.subject), r.predicate, name(&r.object)));
            }
        }
    }
    for (_, r) in gold.relations.iter().enumerate().filter(|(i, r)| !taken[*i] && !r.optional) {
        c.fn_ += 1;
        s.relation_predicates.entry(r.predicate.clone()).or_default().fn_ += 1;
        s.missed.push(format!("relation {} {} {}", r.subject, r.predicate, r.object));
    }
    s.categories.insert("relations".into(), c);
}
