//! An organization in charge of a trade in goods traffics them, though no verb of movement is
//! used: "the Sinaloa Cartel controls the cocaine trade", "o PCC domina a logística de
//! exportação de cocaína", "which then took over the supply routes for Paraguayan marijuana and
//! for Bolivian cocaine", "responsables de una parte sustancial del fentanilo". A `control`
//! word, then within a few words a `trade` noun, and the goods either right before that noun
//! or after it and "of"/"for"; the subject is the organization the control word has.

use super::frames::{Candidate, with_coordinated};
use super::roles::past_possessive;
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

const GOODS: [EntityType; 1] = [EntityType::Commodity];
/// Organizations only: a state body that "controls the sale of precursors" regulates it.
const TRADERS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];
const STRENGTH: f64 = 0.65;
/// How far before the control word its subject may stand ("the PCC, which then took over").
const SUBJECT_REACH: usize = 25;
/// Words allowed between the control word and the trade noun: an article, a possessive, an
/// adjective ("the lucrative", "part of the").
const NOUN_REACH: usize = 4;
/// Words allowed between a trade noun and its "of": "una parte sustancial del".
const QUALIFIER: usize = 1;

pub fn apply(v: &View, out: &mut Vec<Candidate>) {
    let Some(traffics) = v.t.id(super::table::Pred::Traffics) else { return };
    if !v.has_cue(Cue::Control) {
        return;
    }
    for i in 0..v.len() {
        let Some(n) = v.cue_at(i, Cue::Control) else { continue };
        let goods = traded(v, i + n);
        if goods.is_empty() {
            continue;
        }
        let Some(s) = v.subject_left(i, &TRADERS, SUBJECT_REACH) else { continue };
        for subject in with_coordinated(v, s, &TRADERS) {
            for &g in &goods {
                out.push(Candidate::new(subject, traffics, g, (i, i + n), STRENGTH));
            }
        }
    }
}

/// The goods of the trade named from token `from`: the first trade noun within reach, with
/// what stands right before it or the list after its "of"/"for" (through nested nouns: "a
/// logística de exportação de cocaína"). Nothing when another entity or a clause break comes
/// first: "controls Culiacán, where the cocaine trade …" is about a place.
fn traded(v: &View, from: usize) -> Vec<usize> {
    let end = (from + NOUN_REACH + 1).min(v.len());
    let mut k = from;
    while k < end && !v.ends_clause(k) {
        if let Some(n) = v.cue_at(k, Cue::Trade) {
            return goods_after(v, k + n);
        }
        if v.entity(k).is_some() {
            // "took over Rafaat's supply routes": an owner's name is passed over.
            let owned = past_possessive(v, k + 1);
            if owned > k + 1 {
                k = owned;
                continue;
            }
            return goods_before(v, k);
        }
        k += 1;
    }
    Vec::new()
}

/// "the cocaine trade", "the cocaine and heroin trade": goods listed right before a trade noun.
fn goods_before(v: &View, first: usize) -> Vec<usize> {
    if !v.fits(first, &GOODS) {
        return Vec::new();
    }
    let (list, _) = v.list_right(first, &GOODS, 1);
    let last = list.iter().copied().max().unwrap_or(first);
    if v.cue_at(last + 1, Cue::Trade).is_none() {
        return Vec::new();
    }
    if list.is_empty() { vec![first] } else { list }
}

/// The goods after a trade noun ending at `k`: past one qualifier, an "of"/"for" (and further
/// trade nouns with theirs), the list of goods that starts right there.
fn goods_after(v: &View, mut k: usize) -> Vec<usize> {
    loop {
        let of = (k..(k + QUALIFIER + 1).min(v.len())).find(|&j| connects(v, j));
        let Some(of) = of else { return Vec::new() };
        if (k..of).any(|j| v.entity(j).is_some() || v.ends_clause(j)) {
            return Vec::new();
        }
        let next = v.past_article(of + of_len(v, of));
        if let Some(n) = v.cue_at(next, Cue::Trade) {
            k = next + n;
            continue;
        }
        // "for Paraguayan marijuana and for Bolivian cocaine": a demonym may stand before.
        let (list, _) = v.list_right(next, &GOODS, 2);
        return list;
    }
}

fn connects(v: &View, j: usize) -> bool {
    v.is(j, Cue::Of) || matches!(v.norms.get(j), Some(&("for" | "in")))
}

fn of_len(v: &View, j: usize) -> usize {
    v.cue_at(j, Cue::Of).unwrap_or(1)
}
