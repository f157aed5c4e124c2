//! The ends of goods moving, beyond what the movement's own words name: where the movers are
//! based ("Albanian brokers, some of them based in Guayaquil, who … arrange its shipment to
//! Antwerp"), and the place a comma-set region or country only qualifies ("to laboratories in
//! Culiacán, Sinaloa").

use super::frames::Candidate;
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

/// How far before a flow's trigger the place where its movers are based may stand, in tokens.
const BASED_REACH: usize = 25;
/// How many words a "based in" phrase ("based out of", "con sede en") may have.
const PHRASE_WORDS: usize = 4;

/// The nearest place before the trigger at `start`, with the places coordinated with it, when
/// a "based in" phrase ("radicados en", "sediados em") stands right before it: those who move
/// the goods are there. Any other nearest place names nothing, and a group that merely keeps
/// members somewhere ("mantém integrantes em") is not said to move goods from there.
pub fn based_in(v: &View, start: usize, places: &[EntityType]) -> Vec<usize> {
    let Some(p) =
        (start.saturating_sub(BASED_REACH)..start).rev().take_while(|&k| !matches!(v.norms[k], "." | ";")).find(|&k| v.fits(k, places))
    else {
        return Vec::new();
    };
    if !presence_phrase_before(v, p) {
        return Vec::new();
    }
    v.list_right(p, places, 1).0
}

/// Does a "based in" phrase (cue `based`) end right before token `k`?
fn presence_phrase_before(v: &View, k: usize) -> bool {
    (k.saturating_sub(PHRASE_WORDS)..k).any(|j| v.cue_at(j, Cue::Based).is_some_and(|n| j + n == k))
}

/// "from a chemical supplier in Hubei province, China, … shipped them … to laboratories in
/// Culiacán, Sinaloa": a place set after another by a comma, as the knowledge base or the
/// attachment rules read it (a `located_in` candidate), only says where that one lies. A flow
/// ending at it ends at the place it qualifies.
pub fn apposed_containers(v: &View, candidates: &mut [Candidate]) {
    let t = v.t;
    let Some(located_in) = t.id(super::table::Pred::LocatedIn) else { return };
    let flows = [t.id(super::table::Pred::ShipsTo), t.id(super::table::Pred::Exports)];
    let apposed: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| c.predicate == located_in && apposition(v, c.subject, c.object))
        .map(|c| (c.object, c.subject))
        .collect();
    for c in candidates.iter_mut().filter(|c| flows.contains(&Some(c.predicate))) {
        for &(outer, inner) in &apposed {
            if c.subject == outer {
                c.subject = inner;
            }
            if c.object == outer {
                c.object = inner;
            }
        }
    }
}

/// Is the place at `outer` set right after the one at `inner` by a comma ("Culiacán, Sinaloa",
/// "Hubei province, China")?
fn apposition(v: &View, inner: usize, outer: usize) -> bool {
    let head = inner + 1 < outer && super::attach::place_head(v, inner + 1);
    outer >= 2 && v.norms[outer - 1] == "," && (outer == inner + 2 || (outer == inner + 3 && head))
}
