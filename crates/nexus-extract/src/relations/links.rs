//! A source linking an organization to what it does or to whom it works with: "authorities
//! have also linked the group to killings, forced displacement and the recruitment of minors",
//! "La Policía los vincula con el CJNG y con la minería ilegal", "a PF liga a facção ao
//! garimpo". The organization is the link verb's object — often "the group" or a pronoun
//! (`pronouns::object_pronoun`) standing for the one named before; each activity after the
//! link word is `engages_in`, each organization `cooperates_with`.

use super::frames::Candidate;
use super::pronouns::{link_to, link_verb};
use super::table::Cue;
use super::tokens::Kind;
use super::view::View;
use nexus_kb::EntityType;

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];
const LINKED: [EntityType; 3] = [EntityType::Activity, EntityType::CriminalOrg, EntityType::ArmedGroup];
const STRENGTH: f64 = 0.7;
/// How many words may qualify an item of the list before the next ("killings of social
/// leaders, forced displacement"); more, and the list has ended.
const COMPLEMENT: usize = 4;

pub fn apply(v: &View, out: &mut Vec<Candidate>) {
    let (Some(engages_in), Some(cooperates_with)) = (v.t.predicate("engages_in"), v.t.predicate("cooperates_with")) else { return };
    for i in 0..v.len() {
        if !link_verb(v.norms[i]) {
            continue;
        }
        // The object after the verb, or a clitic before it that `pronouns` replaced.
        let clitic = i.checked_sub(1).filter(|&c| v.fits(c, &ORGS) && matches!(v.toks[c].kind, Kind::Entity { anaphor: true, .. }));
        let (org, mut k) = match clitic {
            Some(c) => (c, i + 1),
            None => {
                let org = v.past_article(i + 1);
                (org, org + 1)
            }
        };
        if !v.fits(org, &ORGS) {
            continue;
        }
        if v.norms.get(k) == Some(&"(") {
            k = v.past_parens(k);
        }
        if !v.norms.get(k).is_some_and(|w| link_to(w)) {
            continue;
        }
        for item in linked(v, k + 1) {
            let predicate = if v.fits(item, &ORGS) { cooperates_with } else { engages_in };
            out.push(Candidate::new(org, predicate, item, (i, i + 1), STRENGTH));
        }
    }
}

/// The activities and organizations listed from token `from`: items joined by coordinators,
/// each after an optional article (and a repeated link word: "con el CJNG y con la minería"),
/// each with at most a short complement; an item that names nothing ("killings of social
/// leaders") is passed over.
fn linked(v: &View, from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = from;
    while i < v.len() {
        i = v.past_article(i);
        if v.fits(i, &LINKED) {
            out.push(i);
            i += 1;
            if v.norms.get(i) == Some(&"(") {
                i = v.past_parens(i);
            }
        }
        // The item's words (or its complement), up to the next coordinator.
        let Some(c) = (i..(i + COMPLEMENT + 1).min(v.len())).find(|&c| v.is(c, Cue::Coordinator)) else { break };
        if (i..c).any(|k| v.toks[k].entity().is_some() || !v.norms[k].chars().all(char::is_alphabetic)) {
            break;
        }
        i = c + 1;
        // "forced displacement, and the recruitment": "," then "and".
        if v.is(i, Cue::Coordinator) && v.entity(i).is_none() {
            i += 1;
        }
        if v.norms.get(i).is_some_and(|w| link_to(w)) && !v.is(i, Cue::Article) {
            i += 1;
        }
    }
    out
}
