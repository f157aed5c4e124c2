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
    let (Some(engages_in), Some(cooperates_with)) = (v.t.id(super::table::Pred::EngagesIn), v.t.id(super::table::Pred::CooperatesWith))
    else {
        return;
    };
    // Every link relates an organization: a sentence naming none holds no link to read.
    if !v.toks.iter().any(|t| t.entity().is_some_and(|(_, ty)| ORGS.contains(&ty))) {
        return;
    }
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
        for item in linked(v, k + 1, &LINKED) {
            let predicate = if v.fits(item, &ORGS) { cooperates_with } else { engages_in };
            out.push(Candidate::new(org, predicate, item, (i, i + 1), STRENGTH));
        }
    }
}

/// The entities of `types` listed from token `from`: items joined by coordinators, each after
/// an optional article (and a repeated link word or preposition: "con el CJNG y con la
/// minería", "a los cocaleros y a los mineros"), each with at most a short complement; an item
/// that names nothing ("killings of social leaders", "laboratory owners") is passed over, and
/// one that names its goods in the complement ("cultivadores de coca") gives them.
pub(super) fn linked(v: &View, from: usize, types: &[EntityType]) -> Vec<usize> {
    let mut out = Vec::new();
    let intro = from.checked_sub(1).map(|k| v.norms[k]);
    let mut i = from;
    while i < v.len() {
        i = v.past_article(i);
        if v.fits(i, types) {
            out.push(i);
            i += 1;
            if v.norms.get(i) == Some(&"(") {
                i = v.past_parens(i);
            }
        }
        // The item's words (or its complement), up to the next coordinator.
        let end = (i + COMPLEMENT + 1).min(v.len());
        let c = (i..end).find(|&c| v.is(c, Cue::Coordinator));
        let Ok(named) = complement(v, i, c.unwrap_or(end), types) else { break };
        out.extend(named);
        let Some(c) = c else { break };
        i = c + 1;
        // "forced displacement, and the recruitment": "," then "and".
        if v.is(i, Cue::Coordinator) && v.entity(i).is_none() {
            i += 1;
        }
        let repeated = v.norms.get(i).is_some_and(|w| link_to(w) || Some(*w) == intro);
        if repeated && (!v.is(i, Cue::Article) || Some(v.norms[i]) == intro) {
            i += 1;
        }
    }
    out
}

/// The entities of `types` among an item's complement words `from..to`, up to the first mark
/// that is not a word or that opens a clause; `Err` when it names something else or nothing
/// before such a mark, which ends the list.
fn complement(v: &View, from: usize, to: usize, types: &[EntityType]) -> Result<Vec<usize>, ()> {
    let mut named = Vec::new();
    for k in from..to {
        match v.toks[k].entity() {
            Some(_) if v.fits(k, types) => named.push(k),
            Some(_) => return Err(()),
            // A mark or a new clause ("…, while illegal mining is run by …") ends the item.
            None if !v.norms[k].chars().all(char::is_alphabetic) || v.cue_at(k, Cue::ClauseBreak).is_some() => {
                return if named.is_empty() { Err(()) } else { Ok(named) };
            }
            None => {}
        }
    }
    Ok(named)
}
