//! What places are given to, read from how a sentence opens: "No Acre e em Rondônia, a
//! extração ilegal de madeira e o garimpo ilegal se sobrepõem …" (each place engages_in each
//! activity).

use super::frames::Candidate;
use super::production::tight_list;
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

const PLACES: [EntityType; 2] = [EntityType::Place, EntityType::Country];
const STRENGTH: f64 = 0.7;

pub fn apply(v: &View, out: &mut Vec<Candidate>) {
    let Some(engages_in) = v.t.predicate("engages_in") else { return };
    if let Some((places, activities)) = fronted_places(v) {
        for &p in &places {
            for &a in &activities {
                out.push(Candidate::new(p, engages_in, a, (0, a + 1), STRENGTH));
            }
        }
    }
}

/// "In Colombia and Peru, illegal mining now rivals …", "En el Cauca, la minería ilegal y la
/// extorsión financian …": a sentence that opens with "in <places>," and goes on with
/// activities as its subject says those places host them. Only that shape: an activity that
/// is not the first thing after the comma ("la lucha contra la minería ilegal") is not
/// said to happen there.
fn fronted_places(v: &View) -> Option<(Vec<usize>, Vec<usize>)> {
    if !v.is(0, Cue::Inside) {
        return None;
    }
    let first = if v.is(1, Cue::Article) { 2 } else { 1 };
    let places = tight_list(v, first, &PLACES, 0);
    let last = *places.last()?;
    if places[0] != first || v.norms.get(last + 1) != Some(&",") {
        return None;
    }
    let start = if v.is(last + 2, Cue::Article) { last + 3 } else { last + 2 };
    if !v.fits(start, &[EntityType::Activity]) {
        return None;
    }
    let (activities, after) = v.list_right(start, &[EntityType::Activity], 1);
    // The subject is followed by its verb (or by the goods it names: "garimpo ilegal de
    // ouro"), not by a comma opening a list of other things.
    let next = v.toks.get(after)?;
    let verb = next.entity().is_none() && next.norm.chars().next().is_some_and(char::is_alphabetic);
    (verb || v.fits(after, &[EntityType::Commodity])).then_some((places, activities))
}
