//! Reciprocal predicates: "Los Choneros and Los Lobos are fighting over the docks", "o PCC e o
//! CV disputam a logística", "El Cártel de Sinaloa y el CJNG mantienen una alianza". The words
//! name no second party after them: the coordinated subjects before them are the parties, and
//! each pair of them is related.

use super::frames::{Candidate, strength, with_coordinated};
use super::view::View;

/// How far before the words the nearest of the coordinated subjects may stand, in tokens
/// ("o Comando Vermelho (CV) disputam").
const SUBJECT_REACH: usize = 6;

/// Words after the phrase that name the second party ("están en guerra con Los Choneros",
/// "mantêm uma relação com a máfia"): then the phrase is a plain verb.
/// Not "a"/"to": "disputam a logística" names what is fought over.
const PARTY_WORDS: [&str; 10] = ["with", "con", "com", "against", "contra", "of", "de", "del", "do", "da"];

pub fn apply(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    if v.norms.get(end).is_some_and(|w| PARTY_WORDS.contains(w)) {
        super::frames::verb(v, predicate, start, end, out);
        return;
    }
    let p = &v.t.predicates[predicate];
    let Some(s) = v.subject_left(start, &p.subject, SUBJECT_REACH) else { return };
    let mut parties = with_coordinated(v, s, &p.subject);
    parties.sort_unstable();
    parties.dedup_by_key(|&mut k| v.entity(k));
    for (n, &a) in parties.iter().enumerate() {
        for &b in &parties[n + 1..] {
            if v.entity(a) != v.entity(b) {
                out.push(Candidate::new(a, predicate, b, (start, start + 1), strength(start.saturating_sub(a + 1))));
            }
        }
    }
}
