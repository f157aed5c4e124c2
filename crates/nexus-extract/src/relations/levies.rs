//! A levy falls on every item of the list after it, including items the frames' lists stop at:
//! "levied \"taxes\" on coca growers, laboratory owners and illegal gold miners", "cobran
//! vacunas a cocaleros, mineros ilegales y comerciantes". Items that name nothing ("laboratory
//! owners") are passed over (`links::linked`), and the levy's own noun and preposition, quoted
//! or not, are read past (cue class `levied`).

use super::frames::{Candidate, with_coordinated};
use super::links::linked;
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

const TAXED: [EntityType; 2] = [EntityType::Activity, EntityType::Commodity];
const STRENGTH: f64 = 0.6;
const SUBJECT_REACH: usize = 40;
/// Words between the levy verb and its list: `"taxes" on`, `impuestos a`.
const LEVY_WORDS: usize = 4;

/// `found` are the sentence's trigger phrases as the main loop read them: (start, end, triggers).
pub fn apply(v: &View, found: &[(usize, usize, Vec<usize>)], out: &mut Vec<Candidate>) {
    let Some(taxes) = v.t.id(super::table::Pred::Taxes) else { return };
    let p = &v.t.predicates[taxes];
    for &(i, end, ref triggers) in found {
        if !triggers.iter().any(|&tr| v.t.triggers[tr].predicate == taxes) {
            continue;
        }
        let items = linked(v, past_levy_words(v, end), &TAXED);
        if items.len() < 2 {
            continue; // one item: the frame has it
        }
        let Some(s) = v.subject_left(i, &p.subject, SUBJECT_REACH) else { continue };
        for subject in with_coordinated(v, s, &p.subject) {
            for &item in &items {
                out.push(Candidate::new(subject, taxes, item, (i, end), STRENGTH));
            }
        }
    }
}

/// The token after the levy's own words (quote marks, "taxes", "on") that follow a trigger.
fn past_levy_words(v: &View, mut k: usize) -> usize {
    let end = (k + LEVY_WORDS).min(v.len());
    while k < end {
        if matches!(v.norms[k], "\"" | "“" | "”" | "'" | "‘" | "’") {
            k += 1;
        } else if let Some(n) = v.cue_at(k, Cue::Levied) {
            k += n;
        } else {
            break;
        }
    }
    k
}
