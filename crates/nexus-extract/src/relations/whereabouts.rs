//! Where organizations act and places lie, read from phrases that hang off a place or an
//! organization: a where-clause after a place ("the coast of Mexico, where the Sinaloa Cartel
//! and the CJNG take it over", "the provinces of Guayas and El Oro, where the port of Puerto
//! Bolívar …"), examples after a place ("the Petén department, including the Laguna del Tigre
//! park"), the second end of an expansion ("se ha expandido desde Jalisco hacia Colima y
//! Michoacán") and a noun apposition naming an organization's home ("la 'Ndrangheta, la mafia
//! de Calabria").

use super::attach::{contains, place_head};
use super::frames::Candidate;
use super::table::Cue;
use super::view::View;
use crate::ExtractedEntity;
use nexus_kb::{EntityType, KnowledgeBase};

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];
const PLACES: [EntityType; 2] = [EntityType::Place, EntityType::Country];
/// Readings from how phrases hang together, weaker than a stated verb.
const STRENGTH: f64 = 0.65;
/// Tokens an aside right after a where-word may hold (", según la Policía ecuatoriana,").
const ASIDE: usize = 8;
/// Words of a noun phrase before its kind-of-place noun ("the smaller port of").
const NOUN_WORDS: usize = 3;

pub fn apply(v: &View, kb: &KnowledgeBase, entities: &[ExtractedEntity], out: &mut Vec<Candidate>) {
    let (Some(located_in), Some(operates_in)) = (v.t.id(super::table::Pred::LocatedIn), v.t.id(super::table::Pred::OperatesIn)) else {
        return;
    };
    let mut found = Vec::new();
    // Each rule starts from a cue ("where", "such as", an organization noun): asked once per
    // sentence, not at every token.
    let (wheres, examples, appositions) = (v.has_cue(Cue::Where), v.has_cue(Cue::Example), v.has_cue(Cue::OrgNoun));
    for k in (0..v.len()).filter(|_| wheres || examples || appositions) {
        if wheres
            && let Some(n) = v.cue_at(k, Cue::Where)
            && let Some(places) = place_before(v, k)
        {
            let subject = clause_subject(v, k + n);
            for o in where_orgs(v, subject) {
                found.extend(places.iter().map(|&p| Candidate::new(o, operates_in, p, (k, k + n), STRENGTH)));
            }
            if let Some(inner) = where_place(v, subject) {
                for p in holders(kb, entities, v, inner, &places) {
                    found.push(Candidate::new(inner, located_in, p, (k, k + n), STRENGTH));
                }
            }
        }
        if examples && let Some(n) = v.cue_at(k, Cue::Example) {
            for (inner, outer) in included(v, kb, entities, k, n) {
                found.push(Candidate::new(inner, located_in, outer, (k, k + n), STRENGTH));
            }
        }
        if appositions && let Some((org, place)) = home_apposition(v, k) {
            found.push(Candidate::new(org, operates_in, place, (k, place + 1), STRENGTH));
        }
    }
    found.extend(expansion_legs(v, operates_in, out));
    out.extend(found);
}

/// The place (and the places coordinated with it) right before the where-word at `k`, past a
/// comma and a parenthesis ("Cúcuta (Norte de Santander), donde").
fn place_before(v: &View, k: usize) -> Option<Vec<usize>> {
    let mut j = k.checked_sub(1)?;
    if v.norms[j] == "," {
        j = j.checked_sub(1)?;
    }
    if v.norms[j] == ")" {
        j = (0..j).rev().find(|&m| v.norms[m] == "(")?.checked_sub(1)?;
    }
    if !v.fits(j, &PLACES) {
        return None;
    }
    let mut all = vec![j];
    all.extend(v.list_left(j, &PLACES));
    Some(all)
}

/// The first token of the clause a where-word opens, past a short aside set off by commas
/// (", según la Policía ecuatoriana,") and an article.
fn clause_subject(v: &View, from: usize) -> usize {
    let mut s = from;
    if v.norms.get(s) == Some(&",")
        && let Some(close) = (s + 1..(s + ASIDE).min(v.len())).find(|&m| v.norms[m] == ",")
    {
        s = close + 1;
    }
    v.past_article(s)
}

/// "…, where the Sinaloa Cartel and the CJNG take it over": the organizations the clause opens
/// with, when a verb (a plain word) follows them. Not "where members of X", not "where the
/// police arrested X": the organization must be the clause's first name.
fn where_orgs(v: &View, s: usize) -> Vec<usize> {
    if !v.fits(s, &ORGS) {
        return Vec::new();
    }
    let (orgs, end) = v.list_right(s, &ORGS, 0);
    let next = if v.norms.get(end) == Some(&"(") { v.past_parens(end) } else { end };
    let verb = v.toks.get(next).is_some_and(|t| t.entity().is_none() && t.norm.chars().next().is_some_and(char::is_alphabetic));
    if verb && !v.is(next, Cue::Of) { orgs } else { Vec::new() }
}

/// "…, where Puerto Bolívar handles …", "…, where the smaller port of Puerto Bolívar handles
/// …": the place the clause opens with (a place, not a country).
fn where_place(v: &View, s: usize) -> Option<usize> {
    let place = if v.fits(s, &[EntityType::Place]) {
        s
    } else {
        let head = (s..(s + NOUN_WORDS).min(v.len()))
            .take_while(|&m| v.toks[m].entity().is_none() && v.norms[m].chars().all(char::is_alphabetic))
            .find(|&m| place_head(v, m) && v.is(m + 1, Cue::Of))?;
        v.past_article(head + 2)
    };
    let next = v.toks.get(place + 1)?;
    (v.fits(place, &[EntityType::Place]) && next.entity().is_none() && next.norm.chars().next().is_some_and(char::is_alphabetic))
        .then_some(place)
}

/// Which of the listed places before a where-word hold the place at `inner`: those the
/// knowledge base says hold it; failing that, the nearest, unless the knowledge base denies it.
fn holders(kb: &KnowledgeBase, entities: &[ExtractedEntity], v: &View, inner: usize, places: &[usize]) -> Vec<usize> {
    let other = |p: &&usize| v.entity(**p) != v.entity(inner);
    let known: Vec<usize> =
        places.iter().filter(other).filter(|&&p| contains(kb, entities, v.entity(p), v.entity(inner)) == Some(true)).copied().collect();
    if !known.is_empty() {
        return known;
    }
    places
        .first()
        .filter(other)
        .filter(|&&p| contains(kb, entities, v.entity(p), v.entity(inner)).is_none())
        .map_or_else(Vec::new, |&p| vec![p])
}

/// "the Petén department, including the Laguna del Tigre National Park", "across northern
/// Brazil, including in Manaus and Boa Vista", "no norte do Brasil, incluindo Manaus": places
/// given as examples of a place set off by a comma lie in it. Only places, not countries (a
/// country is an example of a region, not a part the report locates), and not where the
/// place before the comma ends a list (the examples may belong to any item) unless the
/// knowledge base agrees.
fn included(v: &View, kb: &KnowledgeBase, entities: &[ExtractedEntity], k: usize, n: usize) -> Vec<(usize, usize)> {
    if k < 2 || v.norms[k - 1] != "," {
        return Vec::new();
    }
    let outer = if place_head(v, k - 2) && k >= 3 { k - 3 } else { k - 2 };
    if !v.fits(outer, &PLACES) {
        return Vec::new();
    }
    let listed = !v.list_left(outer, &PLACES).is_empty();
    let mut first = k + n;
    if v.is(first, Cue::Inside) {
        first += 1;
    }
    let first = v.past_article(first);
    let (items, _) = v.list_right(first, &[EntityType::Place], 0);
    items
        .into_iter()
        .filter(|&i| v.entity(i) != v.entity(outer))
        .filter(|&i| match contains(kb, entities, v.entity(outer), v.entity(i)) {
            Some(known) => known,
            None => !listed,
        })
        .map(|i| (i, outer))
        .collect()
}

/// "the 'Ndrangheta, the Calabrian mafia of southern Italy", "la 'Ndrangheta, la mafia de
/// Calabria", "o PCC, a maior facção do Brasil": an apposition of a few words with a noun for a
/// kind of organization, then "of"/"in" and a place, names where the organization is at home.
/// The organization's and the place's tokens, for the organization at `i`.
fn home_apposition(v: &View, i: usize) -> Option<(usize, usize)> {
    if !v.fits(i, &ORGS) {
        return None;
    }
    let comma = if v.norms.get(i + 1) == Some(&"(") { v.past_parens(i + 1) } else { i + 1 };
    if v.norms.get(comma) != Some(&",") {
        return None;
    }
    let start = v.past_article(comma + 1);
    let words = (start..(start + NOUN_WORDS + 1).min(v.len()))
        .take_while(|&m| {
            v.toks[m].entity().is_none()
                && !v.trigger[m]
                && !v.is(m, Cue::Of)
                && !v.is(m, Cue::Inside)
                // "an organization whose leaders live in Dubai": a clause, not a noun phrase.
                && v.cue_at(m, Cue::ClauseBreak).is_none()
                && v.cue_at(m, Cue::Relative).is_none()
                && v.norms[m].chars().all(char::is_alphabetic)
        })
        .count();
    let kind = (start..start + words).position(|m| v.is(m, Cue::OrgNoun))?;
    // The place follows the noun phrase: "of"/"in" right after its last word.
    let link = start + words;
    if link <= start + kind || !(v.is(link, Cue::Of) || v.is(link, Cue::Inside)) {
        return None;
    }
    let place = v.past_article(link + 1);
    v.fits(place, &PLACES).then_some((i, place))
}

/// "se ha expandido desde Jalisco hacia Colima, Michoacán y Zacatecas", "expanded from Sinaloa
/// into Sonora": an operates_in verb whose object is marked as where it came from goes on to
/// the places after a to-word; the organization operates in those too.
fn expansion_legs(v: &View, operates_in: usize, out: &[Candidate]) -> Vec<Candidate> {
    let mut legs = Vec::new();
    for c in out.iter().filter(|c| c.predicate == operates_in && c.orphan.is_none() && c.object >= c.trigger.1) {
        let Some(mark) = v.before_article(c.object) else { continue };
        if mark + 1 < c.trigger.1 || !v.cue_ends_at(mark, Cue::Origin) || mark > c.trigger.1 {
            continue;
        }
        let (_, end) = v.list_right(c.object, &PLACES, 0);
        let end = if v.norms.get(end) == Some(&"(") { v.past_parens(end) } else { end };
        let Some(n) = v.cue_at(end, Cue::Destination) else { continue };
        let (dests, _) = v.list_right(v.past_article(end + n), &PLACES, 0);
        legs.extend(dests.into_iter().map(|d| Candidate::new(c.subject, operates_in, d, c.trigger, c.strength - 0.05)));
    }
    legs
}
