//! Flows whose origin is named outside their own words: a place named as where goods leave
//! from ("Callao is the main maritime outlet", "a point of departure for containers to Asia"),
//! and "from there" pointing back to the place named just before ("… to Manaus and, from
//! there, to Belém"; "… to the ports of Buenos Aires and Rosario. There it is transferred to
//! vessels bound for Antwerp").
//!
//! Reports often state the outlet in one sentence and the destinations in the next. A general
//! carry-over of the last origin to the next sentence misreads far more than it finds, so the
//! origin is carried only from a sentence that explicitly names a place as an outlet (subject
//! of an outlet phrase, joined by a copula), only to the next `OUTLET_SENTENCES` sentences, and
//! only to flows that name no origin of their own.

use super::frames::{Candidate, strength, with_coordinated};
use super::table::{Cue, Frame, Trigger};
use super::view::View;
use crate::ExtractedEntity;
use nexus_kb::{EntityType, KnowledgeBase};

/// How far before an outlet phrase its subject may stand, in tokens ("The Pacific port of
/// Callao (Lima) is the main maritime outlet").
const OUTLET_SUBJECT_REACH: usize = 12;
/// How many sentences after an outlet statement its place is still the origin of flows that
/// name none.
const OUTLET_SENTENCES: usize = 2;
/// How far before a flow's trigger a "from there" may stand, in tokens.
const THERE_REACH: usize = 15;
/// How far before "from there" the place it points to may stand, in tokens.
const ANTECEDENT_REACH: usize = 15;
/// A carried origin is weaker than one named in the sentence.
const CARRIED: f64 = 0.8;
/// How far after an outlet phrase its destinations may be named, in tokens.
const OUTLET_OBJECT_REACH: usize = 30;

/// The places an outlet phrase at `start` names: its subject before, joined to it by a copula
/// ("Guayaquil has become a point of departure"), with the places coordinated with it. "its
/// terminals have made it the main departure point" names none.
pub fn outlet_subject(v: &View, start: usize, places: &[EntityType]) -> Option<Vec<usize>> {
    if let Some(s) = super::routes::made_it(v, start, places) {
        return Some(vec![s]);
    }
    let s = v.subject_left(start, places, OUTLET_SUBJECT_REACH)?;
    let linked = (s + 1..start).any(|k| v.cue_at(k, Cue::Copula).is_some());
    linked.then(|| with_coordinated(v, s, places))
}

/// The outlet frame: "X is the main departure point for cocaine bound for Europe" — X ships to
/// the places after to-words in the clause. Not "of": "las principales salidas de la cocaína
/// producida en Colombia" names where the goods come from, not where they go.
pub fn outlet(v: &View, trigger: &Trigger, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let predicate = trigger.predicate;
    let places = &v.t.predicates[predicate].subject;
    let Some(origins) = outlet_subject(v, start, places) else { return };
    let (mut dests, mut via, mut commodity) = (Vec::new(), Vec::new(), None);
    let mut i = end;
    while i < v.len() && i < end + OUTLET_OBJECT_REACH {
        if v.ends_movement(i) {
            break;
        }
        let role = [(Cue::Destination, true), (Cue::Via, false)].into_iter().find_map(|(c, d)| v.cue_at(i, c).map(|n| (d, n)));
        if let Some((dest, n)) = role {
            let (items, after) = v.list_right(i + n, places, 5);
            if !items.is_empty() {
                if dest {
                    dests.extend(items)
                } else {
                    via.extend(items)
                }
                i = after;
                continue;
            }
        }
        if commodity.is_none() && v.fits(i, &[EntityType::Commodity]) && !super::frames::concealed(v, i) {
            commodity = Some(i);
        }
        i += 1;
    }
    // "Buenaventura and Tumaco are the main departure points of cocaine": with no
    // destination, the outlet exports the goods it names.
    if dests.is_empty() {
        if let (Frame::Outlet, Some(exports), Some(c)) = (trigger.frame, v.t.id(super::table::Pred::Exports), commodity) {
            for &o in &origins {
                let mut cand = Candidate::new(o, exports, c, (start, end), strength(start.saturating_sub(o + 1)));
                cand.via = via.clone();
                out.push(cand);
            }
        }
        return;
    }
    super::frames::route_pairs(v, &origins, &dests, out, |o, d| {
        let mut cand = Candidate::new(o, predicate, d, (start, end), strength(start.saturating_sub(o + 1)));
        cand.commodity = commodity;
        cand.via = via.clone();
        cand
    });
}

/// Where "from there" before a flow's trigger points.
pub enum There {
    /// To places named earlier in the sentence (token positions).
    Here(Vec<usize>),
    /// To the sentence before: none is named earlier in this one.
    Before,
}

/// A "from there" shortly before the trigger at `start`, in its clause and with no place
/// between: the places named right before it, or the sentence before when it opens the
/// sentence.
pub fn from_there(v: &View, start: usize, places: &[EntityType]) -> Option<There> {
    let k = (start.saturating_sub(THERE_REACH)..start)
        .rev()
        .take_while(|&k| !v.fits(k, places) && v.norms[k] != ";" && v.norms[k] != ".")
        .find(|&k| v.cue_at(k, Cue::FromThere).is_some())?;
    if (0..k).all(|j| !v.fits(j, places)) {
        return Some(There::Before);
    }
    let p = v.nearest_left(k, places, ANTECEDENT_REACH)?;
    Some(There::Here(with_coordinated(v, p, places)))
}

/// What earlier sentences left for the next ones: the places named as outlets and the places
/// a sentence ended with, by sentence index.
#[derive(Default)]
pub struct Memory {
    outlet: Option<(usize, Vec<usize>)>,
    last_places: Option<(usize, Vec<usize>)>,
    /// Where a sentence's seizures were made (the place qualifier).
    seized_at: Option<(usize, Vec<usize>)>,
}

impl Memory {
    /// Is an outlet still carried into sentence `idx`?
    pub fn outlet_for(&self, idx: usize) -> Option<&[usize]> {
        self.outlet.as_ref().filter(|(at, _)| *at < idx && idx <= at + OUTLET_SENTENCES).map(|(_, e)| e.as_slice())
    }

    /// The places sentence `idx - 1` ended with.
    pub fn places_before(&self, idx: usize) -> &[usize] {
        self.last_places.as_ref().filter(|(at, _)| at + 1 == idx).map_or(&[], |(_, e)| e.as_slice())
    }

    /// Sentence `idx`, read: the entities (indices) it named as outlets, and the places it
    /// ended with.
    pub fn read(&mut self, idx: usize, outlets: Vec<usize>, last_places: Vec<usize>) {
        if !outlets.is_empty() {
            self.outlet = Some((idx, outlets));
        }
        self.last_places = (!last_places.is_empty()).then_some((idx, last_places));
    }

    /// Sentence `idx` reported seizures at these places (entity indices).
    pub fn seized(&mut self, idx: usize, places: Vec<usize>) {
        if !places.is_empty() {
            self.seized_at = Some((idx, places));
        }
    }

    /// The origins of an orphan flow in sentence `idx`, with the factor its strength takes.
    /// `goods_first`: the sentence opens with the goods ("The cargo was to be shipped to …"),
    /// which after a seizure at a port are the goods seized there, so their flow starts there.
    pub fn origins(&self, idx: usize, orphan: super::frames::Orphan, goods_first: bool) -> (&[usize], f64) {
        match orphan {
            super::frames::Orphan::There => (self.places_before(idx), CARRIED),
            super::frames::Orphan::Arriving
            | super::frames::Orphan::Doer
            | super::frames::Orphan::Roster
            | super::frames::Orphan::Group
            | super::frames::Orphan::Goods => (&[], CARRIED),
            super::frames::Orphan::Unnamed => match self.outlet_for(idx) {
                Some(o) => (o, CARRIED),
                None if goods_first => {
                    (self.seized_at.as_ref().filter(|(at, _)| at + 1 == idx).map_or(&[], |(_, e)| e.as_slice()), CARRIED)
                }
                None => (&[], CARRIED),
            },
        }
    }
}

/// The entities of sentence `v` named as outlets by its outlet phrases (`found`: trigger spans
/// with the triggers at each).
pub fn outlets(v: &View, found: &[(usize, usize, Vec<usize>)]) -> Vec<usize> {
    let t = v.t;
    let mut out = Vec::new();
    for (start, _, triggers) in found {
        for &tr in triggers {
            if !matches!(t.triggers[tr].frame, Frame::Outlet | Frame::Transit) {
                continue;
            }
            let places = &t.predicates[t.triggers[tr].predicate].subject;
            for k in outlet_subject(v, *start, places).unwrap_or_default() {
                out.extend(v.entity(k).filter(|e| !out.contains(e)));
            }
        }
    }
    out
}

/// The last place named in sentence `v` and the places coordinated with it (entity indices).
pub fn last_places(v: &View) -> Vec<usize> {
    let places = [EntityType::Place, EntityType::Country];
    // "Manzanillo (Colima) y Lázaro Cárdenas (Michoacán).": not the region in parentheses.
    let bracketed = |k: usize| k > 0 && v.norms[k - 1] == "(" && v.norms.get(k + 1) == Some(&")");
    let Some(p) = (0..v.len()).rev().find(|&k| v.fits(k, &places) && !bracketed(k)) else { return Vec::new() };
    let mut out: Vec<usize> = Vec::new();
    for k in with_coordinated(v, p, &places) {
        out.extend(v.entity(k).filter(|e| !out.contains(e)));
    }
    out
}

/// An origin read from a demonym is weaker than a named one.
pub const DEMONYM: f64 = 0.75;

/// The strength factor of a flow whose origin is the first place it passes, none being named.
pub const EXIT: f64 = 0.75;

/// The countries the demonyms beside the goods of a flow name ("Colombian and Peruvian
/// cocaine", "cocaína colombiana e peruana"): the flow's commodity (token `commodity`), else
/// the goods named before its trigger (token `trigger`). Only among the document's entities: a
/// demonym is evidence for a country the document names, not a mention of it (ONTOLOGY.md), so
/// a country the document never names is not made an origin.
pub fn demonym_origins(v: &View, commodity: Option<usize>, trigger: usize, demonyms: &[(String, usize)]) -> Vec<usize> {
    if demonyms.is_empty() {
        return Vec::new();
    }
    let before = (0..trigger).rev().filter(|&k| v.fits(k, &[EntityType::Commodity]));
    commodity.into_iter().chain(before).map(|c| beside(v, c, demonyms)).find(|o| !o.is_empty()).unwrap_or_default()
}

/// The folded demonyms of the document's countries, with their entity index: built once per
/// document, on the first flow that needs it.
pub fn demonyms(kb: &KnowledgeBase, entities: &[ExtractedEntity]) -> Vec<(String, usize)> {
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entity_type == "country" && e.in_kb)
        .filter_map(|(i, e)| kb.get(&e.id).map(|k| (i, k)))
        .flat_map(|(i, k)| k.demonyms.values().flatten().map(move |d| (crate::fold::fold(d), i)))
        .collect()
}

/// The document's countries named by demonyms (`demonyms`, folded, with their entity) right
/// before or after token `c`.
fn beside(v: &View, c: usize, demonyms: &[(String, usize)]) -> Vec<usize> {
    let country = |w: &str| -> Option<usize> {
        if w.len() < 4 {
            return None;
        }
        demonyms.iter().find(|(d, _)| d == w).map(|(_, e)| *e)
    };
    let mut out: Vec<usize> = Vec::new();
    // Before the goods, walking left over coordinators; after them, walking right.
    let mut k = c;
    while k > 0 {
        k -= 1;
        match country(v.norms[k]) {
            Some(e) => out.extend((!out.contains(&e)).then_some(e)),
            None if v.is(k, Cue::Coordinator) && v.norms[k] != "," && !out.is_empty() => {}
            None => break,
        }
    }
    let mut k = c + 1;
    while k < v.len() {
        match country(v.norms[k]) {
            Some(e) => out.extend((!out.contains(&e)).then_some(e)),
            None if v.is(k, Cue::Coordinator) && v.norms[k] != "," && !out.is_empty() => {}
            None => break,
        }
        k += 1;
    }
    out
}

/// Does the sentence open with the goods: "The cargo …", "La droga …", "A cocaína …"?
pub fn opens_with_goods(v: &View) -> bool {
    let first = if v.is(0, Cue::Article) { 1 } else { 0 };
    v.cue_at(0, Cue::Goods).is_some() || v.fits(first, &[EntityType::Commodity])
}

/// How far after "destinations of" the goods may be named, in tokens.
const GOODS_REACH: usize = 4;

/// "Switzerland, India and Canada have been the main destinations of Peruvian gold exports",
/// "los principales destinos del oro peruano son Suiza y la India": the places joined to the
/// words by a copula, before or after them, are where the goods go. The origin is not in these
/// words: the flows are left for a demonym beside the goods (or an outlet just named) to start.
pub fn destinations(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let places = &v.t.predicates[predicate].subject;
    let commodity = (end..(end + GOODS_REACH).min(v.len())).find(|&k| v.fits(k, &[EntityType::Commodity]));
    let Some(goods) = commodity else { return };
    let before = outlet_subject(v, start, places);
    let after = || {
        let copula = (goods + 1..(goods + GOODS_REACH).min(v.len())).find(|&k| v.cue_at(k, Cue::Copula).is_some())?;
        let n = v.cue_at(copula, Cue::Copula)?;
        Some(v.list_right(copula + n, places, 3).0).filter(|l| !l.is_empty())
    };
    for d in before.or_else(after).unwrap_or_default() {
        let mut cand = Candidate::new(start, predicate, d, (start, end), strength(start.abs_diff(d)));
        cand.commodity = Some(goods);
        cand.orphan = Some(super::frames::Orphan::Unnamed);
        out.push(cand);
    }
}
