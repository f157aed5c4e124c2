//! Relations stated by how names are put together, with no trigger word: "the Urabeños in
//! Colombia" (operates_in), "Brazil's PCC" (operates_in), "Callao (Lima)" and "Guayaquil,
//! Ecuador" (located_in).

use super::frames::Candidate;
use super::qualify::Sentence;
use super::table::Cue;
use super::view::View;
use crate::ExtractedEntity;
use nexus_kb::{EntityType, KnowledgeBase};

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];
const PLACES: [EntityType; 2] = [EntityType::Place, EntityType::Country];
/// Trigger-less readings are weaker than a stated verb.
const STRENGTH: f64 = 0.7;

/// How many words may stand between an organization and "in <place>" ("Sinaloa Cartel
/// representatives have been detected in Guatemala").
const PRESENCE_GAP: usize = 5;

pub fn apply(v: &View, s: &Sentence, kb: &KnowledgeBase, entities: &[ExtractedEntity], out: &mut Vec<Candidate>) {
    let t = v.t;
    let (Some(operates_in), Some(located_in)) = (t.id(super::table::Pred::OperatesIn), t.id(super::table::Pred::LocatedIn)) else { return };
    cultivation(v, s, out);
    for i in 0..v.len() {
        // Every rule below starts from a name at `i`: most tokens are none.
        if v.trigger[i] || v.toks[i].entity().is_none() {
            continue;
        }
        // "the First Capital Command (PCC) in Brazil"
        let after =
            if v.norms.get(i + 1) == Some(&"(") { (i + 2..v.len()).find(|&k| v.norms[k] == ")").map_or(i + 1, |k| k + 1) } else { i + 1 };
        if v.fits(i, &ORGS) {
            for k in presence(v, after) {
                let near = if k <= after + 2 { STRENGTH } else { STRENGTH - 0.1 };
                out.push(Candidate::new(i, operates_in, k, (i, k + 1), near));
            }
        }
        // "illegal mining in Madre de Dios": the place hosts the activity.
        if v.fits(i, &[EntityType::Activity])
            && let (Some(engages_in), Some(k)) = (t.id(super::table::Pred::EngagesIn), in_place(v, i + 1))
        {
            out.push(Candidate::new(k, engages_in, i, (i, k + 1), STRENGTH - 0.1));
        }
        // "Brazil's PCC"; "Brazil's Santos and Paranaguá"
        if v.fits(i, &PLACES) && matches!(v.norms.get(i + 1), Some(&"'") | Some(&"’")) && v.norms.get(i + 2) == Some(&"s") {
            if v.fits(i + 3, &ORGS) {
                out.push(Candidate::new(i + 3, operates_in, i, (i, i + 4), STRENGTH));
            }
            if v.fits(i + 3, &[EntityType::Place]) {
                for k in v.list_right(i + 3, &[EntityType::Place], 0).0 {
                    if contains(kb, entities, v.entity(i), v.entity(k)) != Some(false) {
                        out.push(Candidate::new(k, located_in, i, (i, k + 1), STRENGTH));
                    }
                }
            }
        }
        if v.fits(i, &PLACES)
            && let Some(org) = based_in(v, i)
        {
            out.push(Candidate::new(org, operates_in, i, (i.min(org), i.max(org) + 1), STRENGTH));
        }
        if !v.fits(i, &[EntityType::Place]) {
            continue;
        }
        // "the Urabá region of Antioquia"
        if place_head(v, i + 1) && v.is(i + 2, Cue::Of) {
            let k = if v.is(i + 3, Cue::Article) { i + 4 } else { i + 3 };
            if v.fits(k, &PLACES) && v.entity(i) != v.entity(k) && contains(kb, entities, v.entity(k), v.entity(i)) != Some(false) {
                out.push(Candidate::new(i, located_in, k, (i, k + 1), STRENGTH));
                continue;
            }
        }
        // "Callao (Lima)", "Rotterdam (the Netherlands)"
        let inner = if v.is(i + 2, Cue::Article) { i + 3 } else { i + 2 };
        if v.norms.get(i + 1) == Some(&"(")
            && v.fits(inner, &PLACES)
            && v.norms.get(inner + 1) == Some(&")")
            && v.entity(i) != v.entity(inner)
            // "el trópico de Cochabamba (Chapare)": a part of the place glosses it.
            && contains(kb, entities, v.entity(i), v.entity(inner)) != Some(true)
        {
            out.push(Candidate::new(i, located_in, inner, (i, inner + 2), STRENGTH));
            continue;
        }
        // "en San Juan de Lurigancho y en Los Olivos (Lima)": the parentheses after the second
        // of two coordinated places hold both, unless the knowledge base says otherwise.
        if let Some(k) = shared_parens(v, i)
            && v.entity(k) != v.entity(i)
            && contains(kb, entities, v.entity(k), v.entity(i)) != Some(false)
        {
            out.push(Candidate::new(i, located_in, k, (i, k + 2), STRENGTH - 0.1));
        }
        // "Guayaquil, Ecuador", "Hubei province, China", "Nogales, Arizona": where the knowledge
        // base agrees, or places a city and a region in one country and no list goes on, since
        // a comma also lists.
        let comma = if place_head(v, i + 1) { i + 2 } else { i + 1 };
        if v.norms.get(comma) == Some(&",") && v.fits(comma + 1, &PLACES) {
            let k = comma + 1;
            let list_goes_on = v.norms.get(k + 1).is_some_and(|w| matches!(*w, "and" | "y" | "e" | "or" | "o" | "ou"))
                || (v.norms.get(k + 1) == Some(&",") && v.fits(k + 2, &PLACES));
            let agrees = match contains(kb, entities, v.entity(k), v.entity(i)) {
                Some(known) => known,
                None => !list_goes_on && same_country_region(kb, entities, v.entity(k), v.entity(i)),
            };
            if agrees && !comma_list(v, i, k + 1) {
                out.push(Candidate::new(i, located_in, k, (i, k + 1), STRENGTH));
                continue;
            }
        }
        // "the port of Tumaco in Nariño", unless the knowledge base says otherwise.
        if let Some(k) = in_place(v, after)
            && v.entity(i) != v.entity(k)
            && contains(kb, entities, v.entity(k), v.entity(i)) != Some(false)
        {
            out.push(Candidate::new(i, located_in, k, (i, k + 1), STRENGTH));
        }
    }
}

/// "<place> and (in) <place> (<place>)": the place in the parentheses, for the first place
/// at `i`.
fn shared_parens(v: &View, i: usize) -> Option<usize> {
    let n = v.cue_at(i + 1, Cue::Coordinator).filter(|_| v.norms[i + 1] != ",")?;
    let mut j = i + 1 + n;
    if v.is(j, Cue::Inside) {
        j += 1;
    }
    if v.is(j, Cue::Article) {
        j += 1;
    }
    if !v.fits(j, &[EntityType::Place]) || v.norms.get(j + 1) != Some(&"(") {
        return None;
    }
    let inner = if v.is(j + 2, Cue::Article) { j + 3 } else { j + 2 };
    (v.fits(inner, &PLACES) && v.norms.get(inner + 1) == Some(&")")).then_some(inner)
}

/// How far apart, in tokens, a place and the region or country holding it may be named for
/// the sentence to be read as placing one in the other.
const CONTAINMENT_REACH: usize = 6;

/// "massacres across northern Brazil, including in Manaus and Boa Vista": a place named near
/// the region or country that the knowledge base says holds it. The sentence is the evidence;
/// the knowledge base only confirms the reading, so the claim is weaker than a stated one.
/// Runs after the stated readings: a place the sentence itself already puts somewhere
/// ("Tumaco in Nariño", "Cúcuta (Norte de Santander)") is not also put in a wider place named
/// nearby, and items of one list ("Cusco, Puno y Juliaca") are peers, not container and
/// contained.
pub fn known_containment(v: &View, kb: &KnowledgeBase, entities: &[ExtractedEntity], out: &mut Vec<Candidate>) {
    let Some(located_in) = v.t.id(super::table::Pred::LocatedIn) else { return };
    // Two places at least, one to hold the other: most sentences name fewer.
    if v.toks.iter().filter(|t| t.entity().is_some_and(|(_, ty)| PLACES.contains(&ty))).nth(1).is_none() {
        return;
    }
    let stated: Vec<usize> = out.iter().filter(|c| c.predicate == located_in).map(|c| c.subject).collect();
    // The places of the sentence, found once: each is paired with those within reach of it.
    let places: Vec<usize> = (0..v.len()).filter(|&k| v.fits(k, &PLACES)).collect();
    for &i in places.iter().filter(|&&i| v.fits(i, &[EntityType::Place]) && !stated.contains(&i)) {
        let lo = i.saturating_sub(CONTAINMENT_REACH);
        let hi = (i + CONTAINMENT_REACH + 1).min(v.len());
        let near = &places[places.partition_point(|&k| k < lo)..places.partition_point(|&k| k < hi)];
        for &k in near.iter().filter(|&&k| k != i && v.entity(k) != v.entity(i)) {
            let between = i.min(k) + 1..i.max(k);
            if between.clone().any(|j| matches!(v.norms[j], ";" | ":" | "." | "?" | "!")) || same_list(v, i.min(k), i.max(k)) {
                continue;
            }
            if contains(kb, entities, v.entity(k), v.entity(i)) == Some(true) {
                out.push(Candidate::new(i, located_in, k, (i.min(k), i.max(k) + 1), STRENGTH - 0.15));
            }
        }
    }
}

/// Are the places at `a` < `b` items of one coordinated list ("Cusco, Puno y Juliaca", "the
/// Madre de Dios, Inambari and Tambopata rivers")? Only commas, coordinators and places stand
/// between them, and a coordinator joins the run between them or right after `b`.
fn same_list(v: &View, a: usize, b: usize) -> bool {
    let joiner = |j: usize| v.norms[j] != "," && v.cue_at(j, Cue::Coordinator) == Some(1);
    let item_gap = |j: usize| v.norms[j] == "," || joiner(j) || v.fits(j, &PLACES);
    if !(a + 1..b).all(item_gap) {
        return false;
    }
    if (a + 1..b).any(joiner) {
        return true;
    }
    // "Madre de Dios, Inambari, Malinowski and Tambopata": the list goes on after `b`.
    let mut j = b + 1;
    while j + 1 < v.len() && v.norms[j] == "," && v.fits(j + 1, &PLACES) {
        j += 2;
    }
    comma_list(v, a, j) || (j + 1 < v.len() && joiner(j) && v.fits(j + 1, &PLACES))
}

/// "Australia, Hong Kong, China, and countries of …": a place and a comma before `a`, and ", and"
/// at `after`, make the places between items of one list, whatever its last item is.
fn comma_list(v: &View, a: usize, after: usize) -> bool {
    a >= 2
        && v.norms[a - 1] == ","
        && v.fits(a - 2, &PLACES)
        && v.norms.get(after) == Some(&",")
        && v.cue_at(after + 1, Cue::Coordinator) == Some(1)
}

/// "a Culiacán-based faction", "Amsterdam- and Antwerp-based criminal groups", "Los Chapitos,
/// a Culiacán-based faction": the organization a "<place>-based" phrase describes, after it or
/// in apposition before it.
fn based_in(v: &View, i: usize) -> Option<usize> {
    let mut k = i + 1;
    // "Amsterdam- and Antwerp-based": step over the coordinated places to the one "-based".
    while v.norms.get(k) == Some(&"-")
        && v.norms.get(k + 1).is_some_and(|w| v.is(k + 1, Cue::Coordinator) && *w != ",")
        && v.fits(k + 2, &PLACES)
    {
        k += 3;
    }
    if v.norms.get(k) != Some(&"-") || v.norms.get(k + 1) != Some(&"based") {
        return None;
    }
    let after = k + 2;
    // "a Culiacán-based faction of the Sinaloa Cartel": what follows "of" is not what is based.
    let ahead = (after..(after + 4).min(v.len())).take_while(|&j| (v.toks[j].entity().is_none() && !v.is(j, Cue::Of)) || v.fits(j, &ORGS));
    if let Some(org) = ahead.into_iter().find(|&j| v.fits(j, &ORGS)) {
        return Some(org);
    }
    // An apposition: "<org>, a <place>-based …", "the Mocro Maffia, a loose label for
    // Amsterdam- and Antwerp-based groups": a few plain words after the comma.
    let first = first_of_based_list(v, i);
    let comma = (first.saturating_sub(BASED_APPOSITION)..first).rev().find(|&j| v.norms[j] == ",")?;
    let plain = (comma + 1..first).all(|j| v.toks[j].entity().is_none() && !v.trigger[j] && v.norms[j].chars().all(char::is_alphabetic));
    (plain && comma > 0 && v.fits(comma - 1, &ORGS)).then_some(comma - 1)
}

/// Tokens between the comma of an apposition and its "<place>-based" ("a loose label for").
const BASED_APPOSITION: usize = 6;

/// "Amsterdam- and Antwerp-based": the first place of a coordinated run of "<place>-" that ends
/// with the place at `i`.
fn first_of_based_list(v: &View, i: usize) -> usize {
    let mut first = i;
    while first >= 3
        && v.is(first - 1, Cue::Coordinator)
        && v.norms[first - 1] != ","
        && v.norms[first - 2] == "-"
        && v.fits(first - 3, &PLACES)
    {
        first -= 3;
    }
    first
}

/// The places an organization is said to be in: "in <places>" right after it or a few words
/// on, within the clause.
fn presence(v: &View, after: usize) -> Vec<usize> {
    for j in after..(after + PRESENCE_GAP + 1).min(v.len()) {
        // A trigger's own frame reads what follows it; punctuation or a name ends the reach.
        if v.trigger[j] || matches!(v.norms[j], "," | ";" | ":" | "." | "(") || (j > after && v.toks[j].entity().is_some()) {
            break;
        }
        if v.is(j, Cue::Inside) {
            return v.list_right(j + 1, &PLACES, 2).0;
        }
    }
    Vec::new()
}

/// "Norte de Santander had more than 40,000 hectares of coca": land under a crop is where it
/// is grown; the place is the nearest one before the area, in the clause.
fn cultivation(v: &View, s: &Sentence, out: &mut Vec<Candidate>) {
    let Some(produces) = v.t.id(super::table::Pred::Produces) else { return };
    for q in s.quantities.iter().filter(|q| q.unit == "ha" && q.commodity.is_some() && q.start >= s.range.start && q.end <= s.range.end) {
        let Some(first) = v.toks.iter().position(|t| t.start >= q.start) else { continue };
        let crop = (first..(first + 8).min(v.len()))
            .find(|&k| v.entity(k).and_then(|e| s.entities.get(e)).map(|e| Some(&e.id) == q.commodity.as_ref()) == Some(true));
        let grower = v.nearest_left(first, &PLACES, 8);
        if let (Some(crop), Some(grower)) = (crop, grower) {
            out.push(Candidate::new(grower, produces, crop, (first, first + 1), STRENGTH));
        }
    }
}

/// A noun naming a kind of place ("province", "río") at token `k`.
pub(super) fn place_head(v: &View, k: usize) -> bool {
    v.norms.get(k).is_some_and(|w| crate::lang::geographic_head(w)) || v.cue_at(k, Cue::PlaceHead) == Some(1)
}

/// Is `word`, as written, a noun for a kind of place ("port", "departamento", "zona")? For
/// plural forms, which callers strip first.
pub(super) fn place_noun(t: &super::table::Tables, word: &str) -> bool {
    crate::lang::geographic_head(word) || t.is_word(Cue::PlaceHead, word)
}

/// Is `outer` a first-level region of the country the knowledge base puts `inner` in?
fn same_country_region(kb: &KnowledgeBase, entities: &[ExtractedEntity], outer: Option<usize>, inner: Option<usize>) -> bool {
    let entry = |e: Option<usize>| entities.get(e?).filter(|e| e.in_kb).and_then(|e| kb.get(&e.id));
    let (Some(outer), Some(inner)) = (entry(outer), entry(inner)) else { return false };
    outer.kind.as_deref() == Some("region") && outer.country.is_some() && outer.country == inner.country
}

/// "in (the) <place>" at token `at`, or "in the district of <place>": the place's token.
pub(super) fn in_place(v: &View, at: usize) -> Option<usize> {
    if !v.is(at, Cue::Inside) {
        return None;
    }
    let mut k = if v.is(at + 1, Cue::Article) { at + 2 } else { at + 1 };
    if place_head(v, k) && v.is(k + 1, Cue::Of) {
        k += 2;
    }
    v.fits(k, &PLACES).then_some(k)
}

/// Does the knowledge base put entity `inner` inside entity `outer`? `None` when it cannot
/// tell (either is not in it, or says nothing of where it lies).
pub(super) fn contains(kb: &KnowledgeBase, entities: &[ExtractedEntity], outer: Option<usize>, inner: Option<usize>) -> Option<bool> {
    let (outer, inner) = (entities.get(outer?)?, entities.get(inner?)?);
    if !outer.in_kb || !inner.in_kb {
        return None;
    }
    let mut at = kb.get(&inner.id)?;
    if outer.entity_type == "country" {
        return at.country.as_deref().map(|c| c.eq_ignore_ascii_case(&outer.id));
    }
    let outer_entry = kb.get(&outer.id)?;
    if let (Some(a), Some(b)) = (&outer_entry.country, &at.country)
        && !a.eq_ignore_ascii_case(b)
    {
        return Some(false);
    }
    // Two first-level divisions do not overlap: a town the knowledge base puts in Amazonas is
    // not in Pará, whatever a list's parentheses seem to say. But a capital district named
    // after the province around it ("Lima Province", Lima; "Ciudad de Buenos Aires") may be what
    // the name meant: that tells nothing.
    let outer_first_level = first_level(outer_entry);
    for _ in 0..6 {
        if outer_first_level && first_level(at) {
            return (!named_within(&at.name, &outer_entry.name)).then_some(false);
        }
        match at.located_in.as_deref() {
            Some(up) if up == outer.id => return Some(true),
            Some(up) => at = kb.get(up)?,
            None => return None,
        }
    }
    None
}

/// Are the words of the shorter name all words of the longer one ("Lima" of "Lima Province")?
fn named_within(a: &str, b: &str) -> bool {
    let words = |s: &str| crate::fold::fold(s).split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

/// A first-level division of a country (`regions.jsonl`): a region of one country, in no other
/// place. Named regions that are no unit ("Catatumbo") lie in one, and those across borders
/// ("golden-triangle") carry no country prefix.
fn first_level(e: &nexus_kb::Entity) -> bool {
    e.kind.as_deref() == Some("region")
        && e.located_in.is_none()
        && e.country.as_deref().is_some_and(|c| e.id.len() > 3 && e.id.as_bytes()[2] == b'-' && e.id[..2].eq_ignore_ascii_case(c))
}
