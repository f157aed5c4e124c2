//! Where places lie and who holds them, read from how a sentence describes a place: "the VRAEM
//! remains the single largest coca-producing zone in Peru", "La Pampa, the largest mining area
//! in Madre de Dios" (located_in); "the last redoubt of the Shining Path", "bastión del Clan
//! del Golfo" (the organization operates_in the place).

use super::attach::{contains, in_place, place_head};
use super::frames::Candidate;
use super::table::Cue;
use super::view::View;
use crate::ExtractedEntity;
use nexus_kb::{EntityType, KnowledgeBase};

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];
const PLACES: [EntityType; 2] = [EntityType::Place, EntityType::Country];
const STRENGTH: f64 = 0.7;
/// Words between "is the" and the place noun ("single largest coca-producing").
const DESCRIPTION: usize = 7;
/// How far back the place a stronghold phrase describes may stand, in tokens.
const HOLDER_REACH: usize = 30;

pub fn apply(v: &View, kb: &KnowledgeBase, entities: &[ExtractedEntity], out: &mut Vec<Candidate>) {
    let (Some(located_in), Some(operates_in)) = (v.t.predicate("located_in"), v.t.predicate("operates_in")) else { return };
    for i in 0..v.len() {
        if v.fits(i, &[EntityType::Place])
            && let Some(k) = described_in(v, i)
            && v.entity(k) != v.entity(i)
            && contains(kb, entities, v.entity(k), v.entity(i)) != Some(false)
        {
            out.push(Candidate::new(i, located_in, k, (i, k + 1), STRENGTH));
        }
        // "La Penitenciaría del Litoral, en Guayaquil, fue …": a place set off by commas.
        if v.fits(i, &[EntityType::Place])
            && v.norms.get(i + 1) == Some(&",")
            && let Some(k) = in_place(v, i + 2)
            && matches!(v.norms.get(k + 1), None | Some(&",") | Some(&".") | Some(&";"))
            // "in Tumaco, in Buenaventura and in Cali" lists places; it does not nest them.
            && !(v.is(k + 2, Cue::Inside) || (v.is(k + 2, Cue::Coordinator) && v.is(k + 3, Cue::Inside)))
            && v.entity(k) != v.entity(i)
            && contains(kb, entities, v.entity(k), v.entity(i)) != Some(false)
        {
            out.push(Candidate::new(i, located_in, k, (i, k + 1), STRENGTH - 0.1));
        }
        if let Some(n) = v.cue_at(i, Cue::Stronghold) {
            let (orgs, _) = v.list_right(i + n, &ORGS, 5);
            if orgs.is_empty() {
                continue;
            }
            if let Some(place) = v.subject_left(i, &PLACES, HOLDER_REACH) {
                for o in orgs {
                    out.push(Candidate::new(o, operates_in, place, (i, i + n), STRENGTH));
                }
            }
        }
    }
    if let Some((place, orgs)) = fronted_place(v) {
        for o in orgs {
            out.push(Candidate::new(o, operates_in, place, (0, place + 1), STRENGTH));
        }
    }
}

/// "No Ceará, o CV divide o território …", "In Colombia, the Gulf Clan controls …": a sentence
/// that opens with exactly "in <place>," and goes on with an organization as its subject says
/// the organization acts there. Only that shape: a place named anywhere else, or an
/// organization that is not the first thing after the comma ("la presencia del grupo"), says
/// nothing about where it operates.
fn fronted_place(v: &View) -> Option<(usize, Vec<usize>)> {
    if !v.is(0, Cue::Inside) {
        return None;
    }
    let place = if v.is(1, Cue::Article) { 2 } else { 1 };
    if !v.fits(place, &PLACES) || v.norms.get(place + 1) != Some(&",") {
        return None;
    }
    let org = if v.is(place + 2, Cue::Article) { place + 3 } else { place + 2 };
    if !v.fits(org, &ORGS) {
        return None;
    }
    let (orgs, mut after) = v.list_right(org, &ORGS, 1);
    if v.norms.get(after) == Some(&"(") {
        after = v.past_parens(after);
    }
    // The subject is followed by its verb, not by a comma opening an aside or a list of places.
    let next = v.toks.get(after)?;
    (next.entity().is_none() && next.norm.chars().next().is_some_and(char::is_alphabetic)).then_some((place, orgs))
}

/// "<place> is|remains (the) … zone in <place>" or "<place>, the … area in <place>": the
/// place that holds the first. The description is words only (and the goods it makes), and
/// ends in a noun naming a kind of place.
fn described_in(v: &View, i: usize) -> Option<usize> {
    let mut k = i + 1;
    if v.norms.get(k) == Some(&"(") {
        k = (k..v.len()).find(|&j| v.norms[j] == ")")? + 1;
    }
    if v.norms.get(k) == Some(&",") && v.cue_at(k + 1, Cue::Copula).is_some() {
        // "the VRAEM, known by its acronym, remains the …" (the aside already skipped)
        k += 1 + v.cue_at(k + 1, Cue::Copula)?;
    } else if v.norms.get(k) == Some(&",") {
        k += 1;
        if !v.is(k, Cue::Article) && !matches!(v.norms.get(k), Some(&"un") | Some(&"una") | Some(&"um") | Some(&"uma") | Some(&"an")) {
            return None;
        }
    } else {
        k += v.cue_at(k, Cue::Copula)?;
    }
    let goods = [EntityType::Commodity, EntityType::Activity];
    for _ in 0..DESCRIPTION {
        let tok = v.toks.get(k)?;
        if place_head(v, k) && (v.is(k + 1, Cue::Inside) || v.is(k + 1, Cue::Of)) {
            let j = if v.is(k + 2, Cue::Article) { k + 3 } else { k + 2 };
            return v.fits(j, &PLACES).then_some(j);
        }
        let word = tok.entity().is_none() && tok.norm.chars().next().is_some_and(char::is_alphanumeric);
        if !(word || v.fits(k, &goods) || tok.norm == "-") || v.cue_at(k, Cue::ClauseBreak).is_some() {
            return None;
        }
        k += 1;
    }
    None
}
