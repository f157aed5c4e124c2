//! Where goods start when the words of their movement name no origin but the sentence names
//! where the movers are: "Albanian brokers, some of them based in Guayaquil, who … arrange its
//! shipment to Antwerp"; "emisarios radicados en Guayaquil, que envían la droga a Valencia".

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
