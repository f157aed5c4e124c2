//! From a candidate to the relation ONTOLOGY.md prints: its qualifiers (quantity, date, place,
//! commodity, via, method, rank, hedged, negated) and its confidence.

use super::frames::Candidate;
use super::table::Cue;
use super::view::View;
use super::{DateQualifier, Qualifiers, QuantityQualifier};
use crate::dates::DateMention;
use crate::{ExtractedEntity, ExtractedQuantity};
use nexus_kb::EntityType;
use std::ops::Range;

/// What a sentence holds besides its tokens.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub entities: &'a [ExtractedEntity],
    pub quantities: &'a [ExtractedQuantity],
    pub dates: &'a [DateMention],
}

/// How many tokens before a trigger a denial still reaches it ("denied any link to").
const NEGATION_REACH: usize = 3;

pub fn qualifiers(v: &View, s: &Sentence, c: &Candidate) -> (Qualifiers, f64) {
    let t = v.t;
    let predicate = t.predicates[c.predicate].name;
    let (ts, te) = c.trigger;
    let at = v.toks[ts].start;
    let id = |k: usize| v.entity(k).and_then(|e| s.entities.get(e)).map(|e| e.id.clone());
    let mut q =
        Qualifiers { commodity: c.commodity.and_then(id), via: c.via.iter().filter_map(|&k| id(k)).collect(), ..Qualifiers::default() };
    q.method = c.method.map(|(a, b)| s.text[v.toks[a].start..v.toks[b - 1].end].to_owned());
    if matches!(predicate, "seized" | "exports" | "ships_to" | "traffics" | "produces") {
        let goods = if predicate == "ships_to" { q.commodity.clone() } else { id(c.object) };
        q.quantity = quantity(s, goods.as_deref(), v.toks[te - 1].end, v.toks[c.object].start, predicate == "ships_to");
    }
    q.date = s
        .dates
        .iter()
        .filter(|d| d.start >= s.range.start && d.end <= s.range.end)
        .min_by_key(|d| d.start.abs_diff(at))
        .map(|d| DateQualifier { value: d.value.clone(), precision: d.precision });
    if matches!(predicate, "seized" | "arrested" | "indicted" | "killed" | "traffics" | "taxes") {
        q.place = place(v, te).and_then(id);
    }
    if matches!(predicate, "produces" | "exports") {
        let from = c.subject.min(ts).max(ts.saturating_sub(6));
        q.rank = (from..ts).find_map(|k| t.rank_at(&v.norms[k..ts]).map(|(r, _)| r));
    }
    q.hedged = (0..te).any(|k| v.cue_at(k, Cue::Hedge).is_some());
    // Portuguese "no" before a name is "in the" ("No Brasil, …"), not Spanish or English "no".
    let locative = |k: usize| v.is(k, Cue::Locative) && v.toks.get(k + 1).is_some_and(|t| t.entity().is_some());
    q.negated = (ts.saturating_sub(NEGATION_REACH)..ts).any(|k| v.cue_at(k, Cue::Negation).is_some() && !locative(k));
    let anaphor = [c.subject, c.object].iter().any(|&k| matches!(v.toks[k].kind, super::tokens::Kind::Entity { anaphor: true, .. }));
    let mut confidence = c.strength;
    if anaphor {
        confidence *= 0.85;
    }
    if q.hedged {
        confidence *= 0.8;
    }
    (q, (confidence * 100.0).round() / 100.0)
}

/// The quantity a relation states: one measuring its goods, in the sentence and nearest the
/// trigger; failing that, for a seizure, a quantity right before its object.
fn quantity(s: &Sentence, goods: Option<&str>, trigger_end: usize, object_start: usize, flow: bool) -> Option<QuantityQualifier> {
    let inside: Vec<&ExtractedQuantity> = s.quantities.iter().filter(|q| q.start >= s.range.start && q.end <= s.range.end).collect();
    let measuring =
        goods.and_then(|g| inside.iter().filter(|q| q.commodity.as_deref() == Some(g)).min_by_key(|q| q.start.abs_diff(trigger_end)));
    // "seized 7.6 tons of cocaine": the amount stands right before the goods; "seized 48 million
    // pesos, firearms and records" measures the pesos, not the firearms.
    let between = || inside.iter().find(|q| !flow && q.start >= trigger_end && q.end <= object_start && object_start - q.end <= 16);
    measuring.or_else(between).map(|q| QuantityQualifier { value: q.value, unit: q.unit.clone(), bound: q.bound })
}

/// Where an event happened: the first place after a locative word following the trigger, a
/// place before a country ("near the city of Trujillo" over "in Peru"). A place the goods were
/// bound for is not where they were seized ("hidden in containers bound for Antwerp", "en un
/// buque con destino a Amberes").
fn place(v: &View, from: usize) -> Option<usize> {
    let mut found: Vec<usize> = Vec::new();
    let mut i = from;
    while i < v.len() && !matches!(v.norms[i], ";" | ".") {
        // Phrases of destination only ("bound for", "con destino a"): bare "to", "a", "for" are
        // as often other words ("in a warehouse").
        if let Some(n) = v.cue_at(i, Cue::Destination).filter(|&n| n >= 2) {
            // The destination and the place that locates it ("ao porto de Roterdã, na Holanda").
            let Some(k) = (i + n..(i + n + 5).min(v.len())).find(|&k| v.toks[k].entity().is_some()) else {
                i += n;
                continue;
            };
            i = k + 1;
            if v.norms.get(i) == Some(&",")
                && let Some(m) = v.cue_at(i + 1, Cue::Locative)
                && v.toks.get(i + 1 + m).is_some_and(|t| t.entity().is_some())
            {
                i += 2 + m;
            }
            continue;
        }
        if let Some(n) = v.cue_at(i, Cue::Locative) {
            let k = (i + n..(i + n + 5).min(v.len())).find(|&k| v.toks[k].entity().is_some());
            let bound = |k: usize| (i + n..k).any(|j| v.cue_at(j, Cue::Destination).is_some_and(|n| n >= 2));
            if let Some(k) = k.filter(|&k| v.fits(k, &[EntityType::Place, EntityType::Country]) && !bound(k)) {
                found.push(k);
            }
            i += n;
            continue;
        }
        i += 1;
    }
    found.iter().copied().find(|&k| v.fits(k, &[EntityType::Place])).or_else(|| found.first().copied())
}
