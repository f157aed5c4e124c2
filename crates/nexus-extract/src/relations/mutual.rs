//! Reciprocal predicates: "Los Choneros and Los Lobos are fighting over the docks", "o PCC e o
//! CV disputam a logística", "El Cártel de Sinaloa y el CJNG mantienen una alianza". The words
//! name no second party after them: the coordinated subjects before them are the parties, and
//! each pair of them is related.

use super::frames::{Candidate, strength, with_coordinated};
use super::view::View;
use nexus_kb::EntityType;

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

/// The words that join the second party of a joint act ("com a Marinha", "with the Navy").
const JOINT_WITH: [&str; 3] = ["with", "con", "com"];

/// "da PF com a Marinha": the party named right after a with-word that follows `first`.
pub fn partner_after(v: &View, first: usize, types: &[EntityType]) -> Option<usize> {
    let mut k = if v.norms.get(first + 1) == Some(&"(") { v.past_parens(first + 1) } else { first + 1 };
    if !v.norms.get(k).is_some_and(|w| JOINT_WITH.contains(w)) {
        return None;
    }
    k += 1;
    if v.is(k, super::table::Cue::Article) {
        k += 1;
    }
    v.fits(k, types).then_some(k)
}

/// "uma ação conjunta da PF com a Marinha interceptou …", "a joint operation of the DEA with
/// the Colombian police seized …": the subject found before the verb is the second party of a
/// joint act; the first, before the with-word, acted too.
pub fn joint_partner(v: &View, s: usize, types: &[EntityType]) -> Option<usize> {
    let with = v.before_article(s)?;
    if !JOINT_WITH.contains(&v.norms[with]) {
        return None;
    }
    let mut first = with.checked_sub(1)?;
    if v.norms[first] == ")" && first >= 2 && v.norms[first - 2] == "(" {
        first -= 3;
    }
    if !v.fits(first, types) {
        return None;
    }
    // "conjunta da", "joint operation of the": the joint word a few tokens before the first.
    let joint = (first.saturating_sub(5)..first).any(|k| v.norms[k].starts_with("conjunt") || v.norms[k] == "joint");
    joint.then_some(first)
}
