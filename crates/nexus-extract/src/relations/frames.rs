//! The frames of `triggers.tsv`: given a trigger in a sentence, find the two ends of the
//! relations it states.

use super::table::{Cue, Frame, Trigger};
use super::tokens::Kind;
use super::view::View;
use nexus_kb::EntityType;

/// A relation found in a sentence, by token positions; `qualify` turns it into output.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub subject: usize,
    pub predicate: usize,
    pub object: usize,
    /// The trigger's tokens (`start..end`), or the tokens of the pattern that stated it.
    pub trigger: (usize, usize),
    /// Ends found next to the trigger score higher than ends found far from it.
    pub strength: f64,
    pub commodity: Option<usize>,
    pub via: Vec<usize>,
    /// Tokens of a concealment phrase ("into blocks of coal").
    pub method: Option<(usize, usize)>,
    /// A flow whose destinations the sentence names but not its origin: `subject` is then the
    /// trigger's first token, and `discourse` may find the origin in the sentence before.
    pub orphan: Option<Orphan>,
}

/// Why a flow's origin is sought outside its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orphan {
    /// No origin named: a place the text just named as an outlet may be it.
    Unnamed,
    /// "There it is loaded …": the places the sentence before ended with.
    There,
    /// An arrival with no origin ("La droga ingresa por Carchi"): an outlet named before is
    /// where goods leave, not where arriving goods come from, so only a demonym may name it.
    Arriving,
    /// An arrest or seizure in the passive with no agent ("Four people were arrested"): the
    /// agency of the document's operation did it (`relations/events.rs`).
    Doer,
    /// A person of a roster ("The defendants are A; B"): the document's first doer of the act.
    Roster,
    /// A roster's person, member of the organization the case's first sentence counted its
    /// people in ("seis presuntos integrantes del Clan del Golfo"): the object is remembered.
    Group,
    /// Goods referred back ("Smaller quantities leave from Paranaguá"): the object is what the
    /// flows of the sentence before moved (`relations/goods.rs`).
    Goods,
}

impl Candidate {
    pub fn new(subject: usize, predicate: usize, object: usize, trigger: (usize, usize), strength: f64) -> Candidate {
        Candidate { subject, predicate, object, trigger, strength, commodity: None, via: Vec::new(), method: None, orphan: None }
    }
}

/// How far back a verb's subject may stand, in tokens.
const SUBJECT_REACH: usize = 40;
/// How far back the origin of goods moving may stand when no from-word names one: places are
/// named everywhere in reports, and a far one is rarely the origin.
const FLOW_SUBJECT_REACH: usize = 25;
/// How far after a verb its first object may stand, in tokens.
const OBJECT_REACH: usize = 12;
/// How far after "via"/"por" the place passed through may stand ("through the port of
/// Callao"): "por carretera a laboratorios en Sinaloa" names where the goods go, not a way.
const VIA_REACH: usize = 3;

pub fn apply(v: &View, trigger: &Trigger, start: usize, end: usize, out: &mut Vec<Candidate>) {
    match trigger.frame {
        Frame::Verb => verb(v, trigger.predicate, start, end, out),
        Frame::Noun => noun(v, trigger.predicate, start, end, out),
        Frame::Between => between(v, trigger.predicate, start, end, out),
        Frame::Flow | Frame::Supply | Frame::Depart | Frame::Arrive | Frame::Import | Frame::Until => flow(v, trigger, start, end, out),
        Frame::Outlet | Frame::Transit => super::discourse::outlet(v, trigger, start, end, out),
        Frame::Destinations => super::discourse::destinations(v, trigger.predicate, start, end, out),
        Frame::Roster => super::events::roster(v, trigger.predicate, end, out),
        Frame::Mutual => super::mutual::apply(v, trigger.predicate, start, end, out),
        Frame::Sale => super::goods::sale(v, trigger.predicate, start, end, out),
        Frame::Under => super::agents::under(v, trigger.predicate, start, end, out),
    }
}

/// Closer ends make a stronger reading.
pub(super) fn strength(distance: usize) -> f64 {
    (0.95 - 0.01 * distance.saturating_sub(3) as f64).max(0.5)
}

pub(super) fn pairs(subjects: &[usize], objects: &[usize], predicate: usize, span: (usize, usize), out: &mut Vec<Candidate>, v: &View) {
    for &s in subjects {
        for &o in objects {
            if v.entity(s) != v.entity(o) {
                let distance = span.0.saturating_sub(s + 1).max(s.saturating_sub(span.1)) + o.saturating_sub(span.1);
                out.push(Candidate::new(s, predicate, o, span, strength(distance)));
            }
        }
    }
}

pub(super) fn with_coordinated(v: &View, first: usize, types: &[EntityType]) -> Vec<usize> {
    let mut all = vec![first];
    all.extend(v.list_left(first, types));
    all
}

/// "cocaine produced in Colombia and Peru", "coca grown in the Chapare", "cocaine is produced
/// in Colombia": the participle follows its object and the doers come after "in"; an adverb may
/// stand between the participle and "in" ("grown mainly in the Chapare", "cultivada
/// principalmente no Cauca"). Whether it read the clause.
fn participle_in(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) -> bool {
    let p = &v.t.predicates[predicate];
    let at = if adverb(v, end) { end + 1 } else { end };
    if end - start == 1
        && let Some(goods) = super::production::described_goods(v, start, &p.object)
        && let Some(n) = v.cue_at(at, Cue::Locative)
    {
        let doers = if p.object.iter().all(|t| *t == EntityType::Commodity) {
            super::production::tight_list(v, at + n, &p.subject, 2)
        } else {
            v.list_right(at + n, &p.subject, 2).0
        };
        if !doers.is_empty() {
            pairs(&doers, &[goods], predicate, (start, end), out, v);
            return true;
        }
    }
    false
}

pub(super) fn verb(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let p = &v.t.predicates[predicate];
    if super::agents::passive_phrase(v, predicate, start, end, out) {
        return;
    }
    // "controlada majoritariamente pelo CV": an adverb may stand before the agent.
    let adverb_agent = adverb(v, end) && v.cue_at(end + 1, Cue::Agent).is_some();
    if end - start == 1 && (v.passive(start, end) || adverb_agent || super::events::impersonal(v, predicate, start, end)) {
        let Some(agent) = v.agent_right(end, &p.subject) else {
            // "Cocaine is produced in Colombia": no agent, and the place after "in" makes it.
            if !participle_in(v, predicate, start, end, out) {
                super::events::agentless(v, predicate, start, end, out);
            }
            return;
        };
        // "in a joint operation of the Army, the Police and the Air Force": every one acted.
        let agents = v.list_right(agent, &p.subject, 1).0;
        let mut objects = match v.nearest_left(start, &p.object, 12) {
            Some(o) => with_coordinated(v, o, &p.object),
            None => v.list_right(end, &p.object, OBJECT_REACH).0,
        };
        // "Foram presas pela PF quatro pessoas: A; B; e C": a counted noun, then the people
        // listed after a colon.
        if objects.is_empty() {
            objects = super::agents::listed_after_colon(v, end, &p.object).0;
        }
        pairs(&agents, &objects, predicate, (start, end), out, v);
        return;
    }
    if participle_in(v, predicate, start, end, out) {
        return;
    }
    if let Some((goods, makers)) = super::production::goods_before_in(v, start, end, &p.object, &p.subject) {
        pairs(&makers, &[goods], predicate, (start, end), out, v);
        return;
    }
    // "a coca-producing zone", "the world's three coca producers": what is made stands right
    // before the word, and the subject is found from there.
    let made = match start {
        s if s > 1 && v.norms[s - 1] == "-" => Some(s - 2),
        s if s > 0 => Some(s - 1),
        _ => None,
    }
    .filter(|&k| end - start == 1 && v.fits(k, &p.object) && p.object.iter().all(|t| *t == EntityType::Commodity))
    // "taxes on coca growers": after a preposition the growers are someone's object.
    .filter(|&k| k == 0 || !(v.trigger[k - 1] || [Cue::Locative, Cue::Of, Cue::Agent, Cue::Destination].iter().any(|&c| v.is(k - 1, c))));
    if let Some(k) = made {
        // "cocaine producers in the Chapare": the place after the producers grows the goods.
        let growers = super::production::producer_place(v, end, &p.subject);
        if !growers.is_empty() && super::production::bare_producers(v, k, start) {
            pairs(&growers, &[k], predicate, (start, end), out, v);
        } else if let Some(s) = v.subject_left(k, &p.subject, SUBJECT_REACH) {
            pairs(&with_coordinated(v, s, &p.subject), &[k], predicate, (start, end), out, v);
        }
        return;
    }
    let (mut objects, mut after) = v.list_right(end, &p.object, OBJECT_REACH);
    if objects.is_empty() {
        (objects, after) = super::agents::listed_after_colon(v, end, &p.object);
    }
    if let [only] = objects[..]
        && let Some((more, more_after)) = places_in_the_country(v, only, after, &p.object)
    {
        objects.extend(more);
        after = more_after;
    }
    if let [first] = objects[..] {
        let more = super::agents::described_people(v, end, first, &p.object);
        if let Some(&last) = more.last() {
            after = last + 1;
        }
        objects.extend(more);
    }
    if objects.is_empty() {
        return;
    }
    if modified_noun_before(v, start, end, &p.subject) {
        return;
    }
    // "produtores de cocaína do Chapare", "cultivos de coca en el Cauca": the place after the
    // goods makes them.
    if let Some(&last) = objects.last()
        && super::production::place_after_goods(v, start, end)
    {
        let growers = super::production::producer_place(v, last + 1, &p.subject);
        if !growers.is_empty() {
            pairs(&growers, &objects, predicate, (start, end), out, v);
            return;
        }
    }
    let subjects = match v.subject_left(start, &p.subject, SUBJECT_REACH).map(|s| super::acts::acting_unit(v, s)) {
        Some(s) => {
            let mut all = with_coordinated(v, s, &p.subject);
            all.extend(super::mutual::joint_partner(v, s, &p.subject));
            all
        }
        None => v
            .agent_right(after, &p.subject)
            .or_else(|| super::agents::agent_before(v, &p.subject, end, objects[0]))
            .or_else(|| reporter(v, after, &p.subject))
            .into_iter()
            .collect(),
    };
    if subjects.is_empty() {
        super::events::subjectless(v, predicate, &objects, start, end, out);
        return;
    }
    pairs(&subjects, &objects, predicate, (start, end), out, v);
}

/// Words ending in "s" that are not plural nouns heading a participle phrase.
const NOT_HEADS: [&str; 14] =
    ["ambos", "ambas", "todos", "todas", "ellos", "ellas", "estos", "estas", "esses", "essas", "eles", "elas", "menos", "apenas"];

/// "la PNP ha identificado varias facciones vinculadas al Tren de Aragua", "células ligadas ao
/// CV", "cells linked to MS-13": a participle phrase ("vinculadas a", "linked to") right after a
/// plural common noun, or a singular one after its article, describes that noun, which is its subject; the named body further left is
/// not. The trigger must be a participle followed by its preposition, so a plain verb after a
/// plural noun ("authorities arrested") is untouched.
fn modified_noun_before(v: &View, start: usize, end: usize, subjects: &[EntityType]) -> bool {
    let w = v.norms[start];
    let participle = end - start >= 2 && ["ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ed"].iter().any(|s| w.ends_with(s));
    if !participle || start == 0 {
        return false;
    }
    // "redes de los Balcanes asentadas en Bélgica": a name after "of" that cannot be the
    // subject completes the noun, which the participle still describes. One that can ("emisarios
    // del Cártel de Sinaloa radicados en Medellín") acts through its people.
    let of_name = |e: usize| {
        let of = v.before_article(e)?;
        (v.toks[e].entity().is_some() && !v.fits(e, subjects) && v.is(of, Cue::Of)).then(|| of.checked_sub(1)).flatten()
    };
    let k = of_name(start - 1).unwrap_or(start - 1);
    let head = v.norms[k];
    let noun = v.toks[k].entity().is_none() && !v.trigger[k] && head.chars().all(char::is_alphabetic);
    // "um grupo ligado ao PCC", "a man linked to the cartel": a singular noun counts when an
    // article opens it (an adverb, "reportedly linked to", never has one).
    let singular = k > 0 && v.is(k - 1, Cue::Article) && head.chars().count() >= 3;
    let plural = head.chars().count() >= 5 && head.ends_with('s') && !head.ends_with("mente") && !NOT_HEADS.contains(&head);
    noun && (singular || plural)
}

/// How far after a verb's objects the body reporting the act may be named, in tokens.
const REPORTER_REACH: usize = 40;

/// "Investigators have seized 8 tonnes of cocaine …, the Belgian Federal Police said":
/// with no subject named before the verb, a state body that reports the act in the same
/// sentence ("X said", "according to X", "informó X") is the one that did it. Only state
/// bodies: a gang does not report its own deeds.
fn reporter(v: &View, from: usize, types: &[EntityType]) -> Option<usize> {
    if !types.contains(&EntityType::StateActor) {
        return None;
    }
    let state = [EntityType::StateActor];
    (from..(from + REPORTER_REACH).min(v.len())).find_map(|k| {
        let n = v.cue_at(k, Cue::Reporting)?;
        // "X said", "X informó"; "according to X", "said X", "informó la X".
        let before = (k.saturating_sub(2)..k).rev().find(|&j| v.fits(j, &state));
        let after = (k + n..(k + n + 3).min(v.len())).find(|&j| v.fits(j, &state));
        before.or(after)
    })
}

/// An adverb of manner or degree at token `k` ("mainly", "principalmente", "sobretudo").
fn adverb(v: &View, k: usize) -> bool {
    v.norms.get(k).is_some_and(|w| (w.len() > 5 && (w.ends_with("ly") || w.ends_with("mente"))) || matches!(*w, "sobretudo" | "mostly"))
}

/// "Otoniel, the leader of the Clan del Golfo"; "the anti-drug command of the National Police,
/// DIRANDRO"; "X is a faction of Y".
fn noun(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let p = &v.t.predicates[predicate];
    let (objects, after) = v.list_right(end, &p.object, 4);
    if objects.is_empty() {
        return;
    }
    let beside = (start.saturating_sub(COPULA_REACH)..start).rev().find(|&k| v.fits(k, &p.subject)).filter(|&k| {
        let between = k + 1..start;
        between.clone().all(|j| v.toks[j].entity().is_none())
            && (start - k <= 6 || copula_between(v, between.clone()))
            && (between.is_empty()
                || between.clone().any(|j| v.norms[j] == "," || v.norms[j] == "(" || v.cue_at(j, Cue::Passive).is_some()))
    });
    let apposition = || {
        let comma = after;
        (v.norms.get(comma).is_some_and(|w| matches!(*w, "," | "(" | "—" | "–")))
            .then(|| (comma + 1..(comma + 3).min(v.len())).find(|&k| v.fits(k, &p.subject)))
            .flatten()
    };
    if let Some(s) = beside.or_else(apposition) {
        // "el Cártel de Sinaloa, en particular la facción de Los Chapitos": the phrase names an
        // example of the organization before, which is part of it.
        if s < start && p.name == "part_of" && (s + 1..start).any(|j| v.cue_at(j, Cue::Example).is_some()) {
            pairs(&objects[..1], &[s], predicate, (start, end), out, v);
            return;
        }
        pairs(&[s], &objects, predicate, (start, end), out, v);
    }
}

/// How far before a relational noun its subject may stand when a copula joins them ("X, alias
/// «Otoniel», was for roughly a decade the top commander of …"), in tokens.
const COPULA_REACH: usize = 14;

/// Do the words `between` a name and a relational noun hold a copula and nothing that starts
/// another clause or relation ("was for roughly a decade the top", "fue durante años el máximo")?
fn copula_between(v: &View, between: std::ops::Range<usize>) -> bool {
    between.clone().any(|j| v.cue_at(j, Cue::Copula).is_some()) && between.into_iter().all(|j| !v.stops(j) && v.norms[j] != ";")
}

/// "the alliance between the Sinaloa Cartel and the CJNG": every pair of the list after.
fn between(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let p = &v.t.predicates[predicate];
    let (mut items, _) = v.list_right(end, &p.subject, 4);
    // "ação conjunta da PF com a Marinha": the second party after a with-word.
    if let [first] = items[..] {
        items.extend(super::mutual::partner_after(v, first, &p.subject).or_else(|| super::acts::second_party(v, first, &p.subject)));
    }
    for (n, &a) in items.iter().enumerate() {
        for &b in &items[n + 1..] {
            if v.fits(b, &p.object) && v.entity(a) != v.entity(b) {
                out.push(Candidate::new(a, predicate, b, (start, end), strength(b.saturating_sub(end))));
            }
        }
    }
}

/// Goods moving: origins after from-words (or the subject before), destinations after
/// to-words (or, for supply words, right after the trigger), the commodity that moves, what it
/// passes through, and how it is hidden. With no destination, `exports` of the commodity.
pub(super) fn flow(v: &View, trigger: &super::table::Trigger, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let t = v.t;
    let p = &t.predicates[trigger.predicate];
    let places = &p.subject;
    let commodity_type = [EntityType::Commodity];
    let (mut origins, mut dests, mut via) = (Vec::new(), Vec::new(), Vec::new());
    let mut i = end;
    // Where the words themselves say which end comes next ("bound for", "leave", "arrived at").
    let bare = match trigger.frame {
        Frame::Supply => Some(&mut dests),
        Frame::Depart => Some(&mut origins),
        Frame::Arrive => Some(&mut dests),
        _ => None,
    };
    // "llegaron desde Shanghái", "arrived from Ecuador": a from-word after the verb names the
    // origin, which the scan below reads; the bare list would take it for the destination.
    let bare = bare.filter(|_| trigger.frame != Frame::Arrive || v.cue_at(end, Cue::Origin).is_none_or(|_| v.is(end, Cue::Of)));
    if let Some(side) = bare {
        let at = if trigger.frame == Frame::Arrive { v.cue_at(end, Cue::Locative).map_or(end, |n| end + n) } else { end };
        let (items, after) = v.list_right(super::routes::past_place_noun(v, at, places), places, 6);
        side.extend(super::routes::owned(v, items, places));
        i = after.max(end);
    }
    let mut commodity: Option<usize> = None;
    // Where "from there" split the destinations: those after it are a second leg's.
    let mut onward: Option<usize> = None;
    while i < v.len() && i < end + 30 {
        if v.ends_movement(i) || super::routes::next_verb(v, trigger.frame, end, i) {
            break;
        }
        // "destined for Puerto Rico and, from there, for the United States": not an origin.
        if let Some(n) = v.cue_at(i, Cue::FromThere).filter(|_| !dests.is_empty() && onward.is_none()) {
            onward = Some(dests.len());
            i += n;
            continue;
        }
        // The longest cue wins, the first of the list on a tie: "a partir do porto" is an
        // origin, not the destination word "a".
        let role = [(Cue::Destination, 0), (Cue::Until, 0), (Cue::Origin, 1), (Cue::Via, 2)]
            .into_iter()
            .filter_map(|(c, r)| v.cue_at(i, c).map(|n| (r, n)))
            .fold(None, |best: Option<(usize, usize)>, (r, n)| if best.is_some_and(|(_, m)| m >= n) { best } else { Some((r, n)) })
            .filter(|&(_, n)| !measure(v, i + n) && !rate(v, i + n))
            .filter(|&(r, _)| r != 0 || super::routes::may_end(v, trigger.frame, i));
        if let Some((role, n)) = role {
            let at = super::routes::past_place_noun(v, i + n, places);
            let (mut items, after) = v.list_right(at, places, if role == 2 { VIA_REACH } else { 5 });
            let passed = items.split_off(super::routes::before_via(v, at, &items));
            let goods_of = role == 1 && items.first().is_some_and(|&f| of_before_destination(v, i, n, f));
            let crossed = items.first().is_some_and(|&f| role_word_between(v, i + n, f));
            if !items.is_empty() && !goods_of && !crossed {
                let items = super::routes::owned(v, items, places);
                match role {
                    0 => dests.extend(items),
                    1 => origins.extend(items),
                    _ => via.extend(items),
                }
                via.extend(passed);
                i = after;
                continue;
            }
        }
        if commodity.is_none() && v.fits(i, &commodity_type) && !concealed(v, i) {
            commodity = Some(i);
        }
        if v.trigger[i] && !(start..end).contains(&i) && v.fits(i, places) {
            break;
        }
        i += 1;
    }
    // A subject with another trigger between it and this one belongs to that trigger
    // ("shipped to Spain and Belgium, or smuggled into Puerto Rico"): no guess.
    // "shipped to Spain and Belgium, or smuggled into Puerto Rico": with the verbs
    // coordinated, a place after the first verb's to-word is where that movement ends, not
    // where this one starts ("moved to Callao, from where it is shipped" is not coordinated).
    let coordinated = start > 0 && v.norms[start - 1] != "," && v.is(start - 1, Cue::Coordinator);
    let destination_of_other = |s: usize| {
        let Some(f) = (0..s).rev().find(|&k| v.flow_trigger[k]) else { return false };
        if opens_clause_after(v, s).is_some() {
            return false;
        }
        // "containers to Asia, with shipments destined for Hong Kong": a place right after an
        // earlier movement's to-word is where that one ends; "from where" names it again.
        let right_after_to = (s.saturating_sub(3).max(f + 1)..s)
            .any(|k| v.cue_at(k, Cue::Destination).is_some_and(|n| (k + n..s).all(|j| v.toks[j].entity().is_none())));
        right_after_to || (coordinated && (f + 1..s).any(|k| v.cue_at(k, Cue::Destination).is_some()))
    };
    let subject = || {
        v.subject_left(super::routes::past_apposition(v, start, places), places, FLOW_SUBJECT_REACH)
            .filter(|&s| !(s + 1..start).any(|k| v.flow_trigger[k]) && !destination_of_other(s))
            .filter(|&s| opens_clause_after(v, s).is_none_or(|k| !(k..start).any(|j| v.trigger[j])))
            .filter(|&s| !purpose_between(v, s, start))
            .filter(|&s| !where_about_other(v, s, start))
            .filter(|&s| !complement_of_noun(v, s))
            .map(|s| with_coordinated(v, s, places))
    };
    match trigger.frame {
        // "Bolivia imports paste from Peru": the subject receives.
        Frame::Import if dests.is_empty() => dests = subject().unwrap_or_default(),
        Frame::Arrive if origins.is_empty() => origins = origin_before(v, start, places),
        Frame::Arrive => {}
        Frame::Import => {}
        _ if origins.is_empty() => {
            origins = super::routes::seized_at(v, start, places).map(|p| vec![p]).or_else(subject).unwrap_or_default()
        }
        _ => {}
    }
    // "the cocaine produced in the VRAEM and in Loreto reaches Brazil": with no origin named,
    // the goods come from where the sentence says they were made.
    if origins.is_empty() && trigger.frame != Frame::Import {
        origins = made_in(v, start, places);
    }
    // "brokers based in Guayaquil, who … arrange its shipment to Antwerp": where the movers are.
    if origins.is_empty() && !dests.is_empty() && !matches!(trigger.frame, Frame::Import | Frame::Arrive) {
        origins = super::origins::based_in(v, start, places);
    }
    // "… to Manaus and, from there, on to Belém": the origin is the place named before.
    let mut there = false;
    if origins.is_empty() && trigger.frame != Frame::Import {
        match super::discourse::from_there(v, start, places) {
            Some(super::discourse::There::Here(places)) => origins = places,
            Some(super::discourse::There::Before) => there = true,
            None => {}
        }
    }
    let commodity =
        relative_goods(v, start).or(commodity).or_else(|| (0..start).rev().find(|&k| v.fits(k, &commodity_type) && !concealed(v, k)));
    let method = if v.has_cue(Cue::Concealment) { (0..v.len()).find_map(|k| concealment_phrase(v, k)) } else { None };
    // A list may run on over "and, from there, to": split it where the words stand.
    let onward = onward.or_else(|| {
        if !v.has_cue(Cue::FromThere) {
            return None;
        }
        let there = (end..v.len()).find(|&k| v.cue_at(k, Cue::FromThere).is_some() && dests.iter().any(|&d| d < k))?;
        dests.iter().position(|&d| d > there)
    });
    if let Some(m) = onward {
        let second = dests.split_off(m);
        onward_leg(v, trigger.predicate, (start, end), &dests, &second, commodity, out);
    }
    // "aseguró en Manzanillo sustancias que llegaron desde Shanghái": goods seized where they
    // arrived.
    if dests.is_empty() && !origins.is_empty() && matches!(trigger.frame, Frame::Arrive | Frame::Depart) {
        dests.extend(super::routes::seized_at(v, start, places).filter(|p| !origins.contains(p)));
    }
    if origins.is_empty() && !dests.is_empty() && !matches!(trigger.frame, Frame::Import) {
        for &d in &dests {
            let mut cand = Candidate::new(start, trigger.predicate, d, (start, end), strength(d.saturating_sub(end)));
            cand.commodity = commodity;
            cand.via = via.clone();
            cand.method = method;
            cand.orphan = Some(match (there, trigger.frame) {
                (true, _) => Orphan::There,
                (false, Frame::Arrive) => Orphan::Arriving,
                (false, _) => Orphan::Unnamed,
            });
            out.push(cand);
        }
        return;
    }
    // "A cocaína que sai pelo Nordeste tem origem na Bolívia": the goods' own clause names where
    // they go from there.
    if dests.is_empty() && trigger.frame == Frame::Depart && !origins.is_empty() {
        dests = super::goods::relative_clause_places(v, start, places);
    }
    if dests.is_empty() && !matches!(trigger.frame, Frame::Import | Frame::Arrive | Frame::Until) {
        let exports = t.id(super::table::Pred::Exports);
        if let (Some(exports), Some(c)) = (exports, commodity.filter(|&c| c > start)) {
            for &o in &origins {
                let mut cand = Candidate::new(o, exports, c, (start, end), strength(start.saturating_sub(o + 1)));
                cand.method = method;
                out.push(cand);
            }
        } else if commodity.is_none() {
            super::goods::carried_exports(v, start, end, &origins, out);
        }
        return;
    }
    route_pairs(v, &origins, &dests, out, |o, d| {
        let mut cand =
            Candidate::new(o, trigger.predicate, d, (start, end), strength(start.saturating_sub(o + 1).max(o.saturating_sub(end))));
        cand.commodity = commodity;
        cand.via = via.clone();
        cand.method = method;
        cand
    });
}

/// "… to Central America and Mexico, where it is moved into the United States", "…, donde era
/// cargada con destino a …": a relative word right after the place at `s` (its position is
/// returned) makes that place the subject of the clause it opens, so an earlier movement ending
/// there does not claim it. The subject of that clause's own verb only: "Santa Cruz, onde negocia
/// … e controla o fluxo que segue até Santos" is not where the flow starts.
fn opens_clause_after(v: &View, s: usize) -> Option<usize> {
    (s + 1..(s + 3).min(v.len())).take_while(|&k| v.toks[k].entity().is_none()).find(|&k| v.cue_at(k, Cue::Relative).is_some())
}

/// "cocaína colombiana que ingresa por Esmeraldas, y … cocaína peruana que cruza por Tumbes",
/// "cocaine that is shipped to Antwerp": goods right before the relative pronoun that opens the
/// flow's clause are what moves, not goods named later in the sentence.
fn relative_goods(v: &View, start: usize) -> Option<usize> {
    let rel = (start.saturating_sub(3)..start)
        .find(|&k| v.cue_at(k, Cue::Relative) == Some(1) && (k + 1..start).all(|j| v.toks[j].entity().is_none() && !v.trigger[j]))?;
    (rel.saturating_sub(3)..rel).rev().take_while(|&k| v.toks[k].entity().is_none() || v.fits(k, &[EntityType::Commodity])).find(|&k| {
        v.fits(k, &[EntityType::Commodity]) && !concealed(v, k) && (k + 1..rel).all(|j| v.norms[j].chars().all(char::is_alphabetic))
    })
}

/// "por cerca de 1.100 quilômetros até Manaus", "from 50 to 300 kilos", "de 2019 a 2023": a
/// from- or to-word right before a number measures or ranges, and the place further on is not
/// its end.
fn measure(v: &View, k: usize) -> bool {
    v.norms.get(k).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// "500 kilos a month from Callao", "dos toneladas al mes desde Guayaquil", "uma tonelada ao
/// mês": a to-word (English "a" is also Spanish and Portuguese "to") before a unit of time, with
/// or without an article ("a la semana"), states a rate, and the place further on is not its end.
fn rate(v: &View, k: usize) -> bool {
    let k = v.past_article(k);
    v.is(k, Cue::Period)
}

/// "cocaine from the jungle to Antwerp", "cocaína desde la selva hacia Amberes": another to-,
/// from- or via-word between a role word and the first place of its list opens a list of its
/// own, which takes the place. Not "of", "de": "from the port of Callao" names the place.
fn role_word_between(v: &View, from: usize, first: usize) -> bool {
    (from..first).any(|k| !v.is(k, Cue::Of) && [Cue::Destination, Cue::Origin, Cue::Via].iter().any(|&c| v.cue_at(k, c).is_some()))
}

/// "el envío de la droga hacia Amberes": an "of" that is also a from-word ("de", "do"), with a
/// to-word between it and the place after, names what moves, and the place is where it goes.
fn of_before_destination(v: &View, i: usize, n: usize, first: usize) -> bool {
    n == 1 && v.is(i, Cue::Of) && (i + n..first).any(|k| v.cue_at(k, Cue::Destination).is_some())
}

/// "… sociedades no Paraguai e em Portugal, para ocultar a origem do dinheiro obtido com o envio
/// de cocaína para a Europa": a purpose clause (", para" + infinitive) between a place and a
/// flow's words starts a clause of its own, so the place is not the flow's origin.
fn purpose_between(v: &View, s: usize, start: usize) -> bool {
    let infinitive = |w: &str| w.len() > 4 && ["ar", "er", "ir"].iter().any(|e| w.ends_with(e));
    (s + 2..start.saturating_sub(1))
        .any(|k| v.norms[k - 1] == "," && v.cue_at(k, Cue::Destination) == Some(1) && v.norms.get(k + 1).is_some_and(|w| infinitive(w)))
}

/// "destined for Puerto Rico and, from there, for the United States and Europe", "enviada a
/// Panamá y, desde allí, a Estados Unidos": the goods go on from the first leg's destinations
/// (`hops`) to the places named after "from there".
fn onward_leg(
    v: &View,
    predicate: usize,
    span: (usize, usize),
    hops: &[usize],
    dests: &[usize],
    commodity: Option<usize>,
    out: &mut Vec<Candidate>,
) {
    route_pairs(v, hops, dests, out, |o, d| {
        let mut cand = Candidate::new(o, predicate, d, span, strength(d.saturating_sub(o)));
        cand.commodity = commodity;
        cand
    });
}

/// "La droga ingresa por Carchi y Esmeraldas, y se acopia en bodegas cercanas a los terminales,
/// donde se contamina la carga con destino a Europa": a where-word between the place at `s` and
/// the flow's words, not right after that place, opens a clause about another place.
fn where_about_other(v: &View, s: usize, start: usize) -> bool {
    let handed = opens_clause_after(v, s);
    (s + 1..start).any(|k| v.cue_at(k, Cue::Where).is_some() && handed != Some(k))
}

/// "Vale do Javari, a segunda maior do Brasil, abastece mercados em Tabatinga": a place after
/// "of"/"do" that follows a common word completes that word's noun phrase and is not the one
/// moving goods. Not after a kind of place ("the port of Santos", "la costa de Nariño") or the
/// goods ("la cocaína de Colombia"), which the place names or owns.
fn complement_of_noun(v: &View, s: usize) -> bool {
    let k = if s > 0 && v.is(s - 1, Cue::Article) { s - 1 } else { s };
    if k < 2 || !v.is(k - 1, Cue::Of) {
        return false;
    }
    let head = k - 2;
    // "os portos do Nordeste": a plural kind of place too.
    let plural_kind = v.norms[head].strip_suffix('s').is_some_and(|sg| !v.t.cue(Cue::PlaceHead).matches_at(&[sg]).is_empty());
    v.toks[head].entity().is_none()
        && !super::attach::place_head(v, head)
        && !plural_kind
        && !super::routes::locative_of(v, k)
        && v.norms[head].chars().all(char::is_alphabetic)
}

/// One candidate per origin → destination pair, made by `make`; never a place to itself.
pub fn route_pairs(v: &View, origins: &[usize], dests: &[usize], out: &mut Vec<Candidate>, make: impl Fn(usize, usize) -> Candidate) {
    for &o in origins {
        for &d in dests {
            if v.entity(o) != v.entity(d) {
                out.push(make(o, d));
            }
        }
    }
}

/// How far before an arrival verb a from-phrase may start, in tokens.
const ORIGIN_BEFORE_REACH: usize = 8;

/// "light aircraft from Venezuela and Colombia land on …", "shipments from Ecuador arrive in
/// Antwerp": the places of a from-phrase that ends right before the arrival verb. Not "de"/"do"
/// alone, which before a verb is mostly "of" ("los cargamentos de la organización llegaron").
fn origin_before(v: &View, start: usize, places: &[EntityType]) -> Vec<usize> {
    for k in (start.saturating_sub(ORIGIN_BEFORE_REACH)..start).rev() {
        if v.stops(k) {
            break;
        }
        let Some(n) = v.cue_at(k, Cue::Origin).filter(|&n| n > 1 || !v.is(k, Cue::Of)) else { continue };
        let (mut items, after) = v.list_right(k + n, places, 2);
        // A list reads "Colombia land" as the subject of the verb and stops before it.
        if !items.is_empty() && after + 2 == start && v.is(after, Cue::Coordinator) && v.fits(after + 1, places) {
            items.push(after + 1);
            return items;
        }
        if !items.is_empty() && after + 2 >= start && after <= start {
            return items;
        }
    }
    Vec::new()
}

/// The places after "produced in" that follows a commodity shortly before token `before`.
fn made_in(v: &View, before: usize, places: &[EntityType]) -> Vec<usize> {
    for c in (before.saturating_sub(25)..before).rev() {
        if !v.fits(c, &[EntityType::Commodity]) || c + 2 >= before || !v.trigger[c + 1] || v.flow_trigger[c + 1] {
            continue;
        }
        // Only within the clause: "…, which links Peru to Rio Branco" moves nothing.
        let clause_ends = (c + 1..before).any(|k| v.cue_at(k, Cue::Relative).is_some() || v.cue_at(k, Cue::ClauseBreak).is_some());
        if let Some(n) = v.cue_at(c + 2, Cue::Locative).filter(|_| !clause_ends) {
            return v.list_right(c + 2 + n, places, 5).0.into_iter().filter(|&k| k < before).collect();
        }
    }
    Vec::new()
}

/// Is the commodity at `k` what hides the goods ("into blocks of coal")?
pub(super) fn concealed(v: &View, k: usize) -> bool {
    concealment_phrase(v, k).is_some()
}

/// The tokens of a concealment phrase ending at commodity `k` ("into blocks of coal"): a
/// concealment word a few tokens before it, and the goods it hides named just before that.
fn concealment_phrase(v: &View, k: usize) -> Option<(usize, usize)> {
    if !v.has_cue(Cue::Concealment) || !v.fits(k, &[EntityType::Commodity]) {
        return None;
    }
    let j = (k.saturating_sub(4)..k)
        .find(|&j| v.cue_at(j, Cue::Concealment).is_some_and(|n| j + n <= k) && (j + 1..k).all(|m| v.toks[m].entity().is_none()))?;
    // A bare "in" hides goods named just before it; "hidden in", "oculta en" say so whatever
    // stands between ("cocaine bound for Rotterdam is often hidden in bananas").
    let explicit = v.cue_at(j, Cue::Concealment).is_some_and(|n| n > 1);
    let from = if explicit { 0 } else { j.saturating_sub(3) };
    let hides = (from..j).any(|m| v.fits(m, &[EntityType::Commodity]));
    hides.then_some((j, k + 1))
}

/// "set up its first cells in the country around 2018 in the port cities of Arica and
/// Iquique": after "the country" (an anaphor), a second locative in the same clause names the
/// places in it, which are objects too.
fn places_in_the_country(v: &View, only: usize, after: usize, types: &[EntityType]) -> Option<(Vec<usize>, usize)> {
    let anaphor = matches!(v.toks[only].kind, Kind::Entity { anaphor: true, ty: EntityType::Country, .. });
    if !anaphor {
        return None;
    }
    let (more, more_after) = v.list_right(after, types, OBJECT_REACH);
    let first = *more.first()?;
    let clean = (after..first).all(|k| !v.stops(k) && v.entity(k).is_none());
    let locative = (after..first).any(|k| v.cue_at(k, Cue::Locative).is_some());
    (clean && locative).then_some((more, more_after))
}
