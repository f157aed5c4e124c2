//! Who acts when a state body is named with its unit: "la Dirección Antidrogas (DIRANDRO) de la
//! Policía Nacional del Perú (PNP) decomisó …", "the Anti-Narcotics Directorate (DIRAN) of the National
//! Police seized …". The nearest name before the verb is the body the unit belongs to; the unit
//! named before "of", with its own acronym, is the one that did it (its belonging is read by
//! `roles`). Also the second party of a "between" phrase that names people of each side.

use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

const STATE: [EntityType; 1] = [EntityType::StateActor];

/// How many tokens a parenthesis after the unit may span ("(DIRANDRO)", "(PNP, por sus siglas)").
const PARENS: usize = 6;

/// The unit whose "of"-phrase ends in the state body at `s`, or `s`.
pub fn acting_unit(v: &View, s: usize) -> usize {
    unit_before_of(v, s).unwrap_or(s)
}

fn unit_before_of(v: &View, s: usize) -> Option<usize> {
    if !v.fits(s, &STATE) {
        return None;
    }
    let of = v.before_article(s)?;
    if !v.is(of, Cue::Of) {
        return None;
    }
    // "la Dirección Antidrogas (DIRANDRO) de la PNP": a unit named with its own acronym is
    // reported as an agency in its own right. One named only by what it does ("la División de
    // Investigaciones Especiales de la DIRANDRO, en coordinación con …") acts as its body.
    let close = of.checked_sub(1)?;
    if !matches!(v.norms[close], ")" | "]") {
        return None;
    }
    let k = (close.saturating_sub(PARENS)..close).rev().find(|&j| matches!(v.norms[j], "(" | "["))?.checked_sub(1)?;
    (v.fits(k, &STATE) && v.entity(k) != v.entity(s)).then_some(k)
}

/// How many plain words may stand around a party's name in a "between" phrase ("PCC brokers",
/// "members of the 'Ndrangheta", "sicarios del CJNG").
const PARTY_WORDS: usize = 3;

/// "contacts between PCC brokers and members of the 'Ndrangheta", "enfrentamientos entre
/// sicarios del CJNG y miembros del Cártel de Sinaloa": the second party of a "between" phrase
/// when people of each side, not the sides themselves, are named. After the first party at
/// `first`, a few plain words, a word coordinator, then plain words and "of" up to a name.
pub fn second_party(v: &View, first: usize, types: &[EntityType]) -> Option<usize> {
    let mut k = first + 1;
    while k < first + 1 + PARTY_WORDS && v.plain_word(k) && !v.trigger[k] && !v.is(k, Cue::Coordinator) {
        k += 1;
    }
    if v.norms.get(k).is_none_or(|w| *w == ",") || !v.is(k, Cue::Coordinator) {
        return None;
    }
    let from = k + 1;
    // The second side's people may be named by a member noun ("members of", "sicarios de").
    let at = (from..(from + PARTY_WORDS + 2).min(v.len())).find(|&j| !v.plain_word(j) || v.is(j, Cue::Coordinator))?;
    (v.fits(at, types) && v.entity(at) != v.entity(first)).then_some(at)
}
