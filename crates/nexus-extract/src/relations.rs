//! Relations with evidence: who cooperates with whom, operates where, taxes what, seized what,
//! ships where. Rules, not guesses: each relation comes from a trigger phrase of
//! `data/relations/triggers.tsv` and a frame that says where its two ends stand in the
//! sentence, or from how names are put together ("the Urabeños in Colombia"); each cites its
//! sentence.
//!
//! Per sentence: tokens with entity mentions as single tokens (`tokens`), triggers marked,
//! frames applied (`frames`, `attach`), qualifiers and confidence added (`qualify`).

mod activities;
mod acts;
mod agents;
mod anaphora;
mod attach;
mod discourse;
mod events;
mod frames;
mod goods;
mod levies;
mod lexicon;
mod links;
mod mutual;
mod origins;
mod others;
mod parties;
mod places;
mod production;
mod pronouns;
mod qualify;
mod roles;
mod routes;
mod table;
mod there;
mod tokens;
mod trade;
mod view;
mod whereabouts;

use crate::dates::{DateMention, Precision};
use crate::quantities::Bound;
use crate::{ExtractedEntity, ExtractedQuantity};
use nexus_kb::{EntityType, KnowledgeBase};
use serde::{Deserialize, Serialize};

pub use table::Tables;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Entity ids, as in the document's `entities`.
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub qualifiers: Qualifiers,
    /// 0–1: how directly the sentence states it (distance of the ends from the trigger,
    /// reference through "the country", hedging).
    pub confidence: f64,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Qualifiers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<QuantityQualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateQualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commodity: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hedged: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityQualifier {
    pub value: f64,
    pub unit: String,
    pub bound: Bound,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateQualifier {
    pub value: String,
    pub precision: Precision,
}

/// The sentence a relation is read from: its text and byte span in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Is the predicate symmetric (`cooperates_with`, `conflicts_with`)?
pub fn symmetric(predicate: &str) -> bool {
    Tables::get().predicates.iter().any(|p| p.name == predicate && p.symmetric)
}

/// The predicates, in the order of `data/relations/predicates.tsv`.
pub fn predicates() -> impl Iterator<Item = &'static str> {
    Tables::get().predicates.iter().map(|p| p.name)
}

/// Every relation the document states, in text order.
pub fn find(
    text: &str,
    kb: &KnowledgeBase,
    entities: &[ExtractedEntity],
    quantities: &[ExtractedQuantity],
    dates: &[DateMention],
) -> Vec<Relation> {
    let mut spans: Vec<tokens::Span> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let Some(ty) = entity_type(e.entity_type) else { continue };
        spans.extend(e.mentions.iter().map(|m| tokens::Span { start: m.start, end: m.end, entity: i, ty }));
    }
    // Unstable but total: spans equal in all three keys are the same mention of the same entity,
    // so the order is the stable sort's (entities in order) and costs less to reach.
    spans.sort_unstable_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.entity));
    let t = Tables::get();
    let mut out = Vec::new();
    // Sentence tokens borrow ASCII words' folded forms from here, and reuse one buffer.
    let lower = text.to_ascii_lowercase();
    let sorted = quantities.is_sorted_by_key(|q| q.start) && dates.is_sorted_by_key(|d| d.start);
    let mut toks = Vec::new();
    // The buffers of the sentence views, reused from one sentence to the next.
    let mut scratch = view::Scratch::default();
    // The document's words, each with its facts for the tables, read once.
    let mut lexicon = lexicon::Lexicon::new(t);
    // The two sentences before this one: where a sentence-opening "Its"/"Su" looks for its
    // organization.
    let mut previous: [std::ops::Range<usize>; 2] = [0..0, 0..0];
    let mut subjects = Vec::new();
    // The subjects of the last sentences read (`anaphora::subjects`), by sentence.
    let mut read_subjects: Vec<(std::ops::Range<usize>, Vec<tokens::Span>)> = Vec::new();
    // Outlets and the places sentences end with, for flows whose origin is named before them.
    let mut memory = discourse::Memory::default();
    let demonyms = std::cell::OnceCell::new();
    // The country the document is about: what "the country" far from any country's name means.
    let country = std::cell::OnceCell::new();
    // The agencies of the document's operation, for arrests and seizures told without them.
    let mut operation = events::Operation::default();
    // The organizations that opened the sentence before, for a pronoun opening the next.
    let mut topic = pronouns::Topic::default();
    // The goods the flows of the sentence before moved, for one that refers back to them.
    let mut carried = goods::Carried::default();
    for (idx, range) in crate::sentences::split(text).into_iter().enumerate() {
        let before = if previous[0].is_empty() { previous[1].clone() } else { previous[0].start..previous[1].end };
        let earlier = previous.clone();
        previous = [previous[1].clone(), range.clone()];
        let first = spans.partition_point(|s| s.end <= range.start);
        let here_spans = || spans[first..].iter().take_while(|s| s.start < range.end);
        // A sentence ending in a colon may announce a roster ("Los señalados son:").
        let announces = text[range.clone()].trim_end().ends_with(':');
        if here_spans().next().is_none() && !announces {
            continue;
        }
        let possessive = anaphora::possessive_antecedent(text, range.clone(), before.clone(), &spans);
        let plural_possessive =
            if possessive.is_none() { pronouns::plural_possessive(text, range.clone(), earlier[1].clone(), &spans) } else { None };
        let pronoun = !topic.before(idx).is_empty() && pronouns::opens_with_pronoun(text, range.clone());
        // Fewer than two mentions and no anaphor ("the country") to add one: no relation, and
        // no need to tokenize — unless the sentence may name an outlet or say "from there", or
        // an outlet named just before may be the origin of its flow. Anaphor words are looked
        // for in the lower-cased text, which is their folded form only where the sentence is
        // ASCII. That reads every byte of the sentence: asked only when the answer matters.
        let ascii = text[range.clone()].is_ascii();
        let read_gates = std::cell::OnceCell::new();
        let gates = || -> (bool, bool) {
            *read_gates.get_or_init(|| {
                if !ascii {
                    return (true, true);
                }
                let carried_on =
                    memory.outlet_for(idx).is_some() || (!carried.before(idx).is_empty() && goods::may_refer_back(&lower[range.clone()]));
                let (anaphor, outlet) = t.gates(&lower[range.clone()], !carried_on);
                (anaphor, carried_on || outlet)
            })
        };
        // One name and an arrest or seizure in the passive, or a roster ("The defendants are:"):
        // the document's agency is the other.
        let doer = operation.live(idx) || announces;
        if !doer
            && possessive.is_none()
            && plural_possessive.is_none()
            && !pronoun
            && tokens::mentions_inside(&spans, range.clone()) < 2
            && !gates().0
            && !gates().1
        {
            topic.read_spans(idx, text, range.clone(), &spans);
            memory.read(idx, Vec::new(), here_spans().filter(|s| place(s.ty)).last().map(|s| s.entity).into_iter().collect());
            continue;
        }
        // Each sentence's subjects are read once: the next sentence asks for them again.
        subjects.clear();
        for r in earlier.iter().filter(|r| !r.is_empty()) {
            if let Some((_, known)) = read_subjects.iter().find(|(at, _)| at == r) {
                subjects.extend_from_slice(known);
                continue;
            }
            let mut these = Vec::new();
            anaphora::subjects(text, std::slice::from_ref(r), &spans, &mut these);
            subjects.extend_from_slice(&these);
            if read_subjects.len() == 3 {
                read_subjects.remove(0);
            }
            read_subjects.push((r.clone(), these));
        }
        topic.extend_subjects(idx, &mut subjects);
        // Where the sentence was not read for anaphor words, tokens are: without one of them no
        // phrase of an anaphor is found there either.
        let anaphors = read_gates.get().is_none_or(|&(anaphor, _)| anaphor);
        let country = || *country.get_or_init(|| document_country(kb, entities));
        tokens::tokenize_preferring(text, &lower, range.clone(), &spans, anaphors, &subjects, &country, &mut toks);
        there::substitute(&mut toks, text, earlier[1].clone(), &spans);
        let mut possessive_at = possessive.and_then(|(word, m)| anaphora::substitute(&mut toks, word, m));
        // "Their income …" after two organizations side by side: each of them.
        let mut each_of = None;
        if let Some((word, all)) = plural_possessive {
            possessive_at = anaphora::substitute(&mut toks, word, all[0]);
            each_of = possessive_at.map(|k| (k, all.iter().map(|m| m.entity).collect()));
        }
        let they = pronouns::pronoun_subject(&mut toks, topic.before(idx));
        pronouns::object_pronoun(&mut toks, topic.before(idx));
        anaphora::zero_subject(&mut toks, &subjects, range.start);
        topic.read_toks(idx, &toks);
        let plural = anaphora::plural_orgs(&mut toks, earlier[1].clone(), &spans).or(each_of).or(they);
        let named = toks.iter().filter(|t| t.entity().is_some()).count();
        if named < 2 && !((doer || gates().1) && named == 1) {
            let v = view::View::reusing(&toks, std::mem::take(&mut scratch), &mut lexicon);
            operation.roster_items(idx, &v, &mut Vec::new());
            scratch = v.into_scratch();
            let last = toks.iter().rev().find_map(|t| t.entity().filter(|(_, ty)| place(*ty)));
            memory.read(idx, Vec::new(), last.map(|(e, _)| e).into_iter().collect());
            continue;
        }
        let mut v = view::View::reusing(&toks, std::mem::take(&mut scratch), &mut lexicon);
        let mut found: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let mut i = 0;
        // Most sentences have no adverb a trigger could hold: ask once, not at every word.
        let adverbs = goods::has_adverb(&v);
        while i < v.len() {
            let hits = if adverbs {
                goods::triggers_at(&v, i)
            } else if v.may_trigger(i) {
                v.triggers_at(i)
            } else {
                Vec::new()
            };
            let Some(&(n, _)) = hits.first() else {
                i += 1;
                continue;
            };
            found.push((i, i + n, hits.iter().filter(|(m, _)| *m == n).map(|(_, tr)| *tr).collect()));
            v.trigger[i..i + n].iter_mut().for_each(|x| *x = true);
            if hits.iter().any(|(m, tr)| *m == n && t.triggers[*tr].frame.moves_goods()) {
                v.flow_trigger[i..i + n].iter_mut().for_each(|x| *x = true);
            }
            i += n;
        }
        let mut candidates = Vec::new();
        for (start, end, triggers) in &found {
            for &tr in triggers {
                frames::apply(&v, &t.triggers[tr], *start, *end, &mut candidates);
            }
        }
        operation.roster_items(idx, &v, &mut candidates);
        // Qualifiers and attachments read only the quantities and dates inside the sentence:
        // give them those that start in it, not the document's.
        let (quantities, dates) = if sorted {
            let q = quantities.partition_point(|q| q.start < range.start)..quantities.partition_point(|q| q.start <= range.end);
            let d = dates.partition_point(|d| d.start < range.start)..dates.partition_point(|d| d.start <= range.end);
            (&quantities[q], &dates[d])
        } else {
            (quantities, dates)
        };
        let sentence = qualify::Sentence { text, range: range.clone(), entities, quantities, dates };
        attach::apply(&v, &sentence, kb, entities, &mut candidates);
        origins::apposed_containers(&v, &mut candidates);
        roles::apply(&v, &mut candidates);
        places::apply(&v, kb, entities, &mut candidates);
        whereabouts::apply(&v, kb, entities, &mut candidates);
        others::apply(&v, kb, entities, &mut candidates);
        activities::apply(&v, &mut candidates);
        production::crops(&v, text, &mut candidates);
        links::apply(&v, &mut candidates);
        trade::apply(&v, &mut candidates);
        levies::apply(&v, &found, &mut candidates);
        parties::apply(&v, &mut candidates);
        if let Some((at, _)) = &plural {
            parties::between_each(&v, *at, &mut candidates);
        }
        production::apply(&v, &mut candidates);
        attach::known_containment(&v, kb, entities, &mut candidates);
        let mut seen = std::collections::HashSet::new();
        candidates.sort_by(|a, b| b.strength.total_cmp(&a.strength));
        let mut here = Vec::new();
        let goods_first = discourse::opens_with_goods(&v);
        for c in &candidates {
            let Some(o) = v.entity(c.object) else { continue };
            if possessive_at
                .is_some_and(|k| !anaphora::possessive_reads(t.predicates[c.predicate].name, c.subject, c.object, c.trigger.0, k))
            {
                continue;
            }
            // "Todos estos grupos": the relation holds for each organization the phrase stands for.
            let each = |k: usize, e: usize| match &plural {
                Some((at, all)) if *at == k => all.clone(),
                _ => vec![e],
            };
            // A flow with no origin in its sentence takes the one earlier sentences left.
            let (origins, factor): (Vec<usize>, f64) = match c.orphan {
                Some(frames::Orphan::Doer | frames::Orphan::Roster) => (operation.doers(idx, c, &v, dates).to_vec(), events::CARRIED),
                Some(frames::Orphan::Group | frames::Orphan::Goods) => (v.entity(c.subject).into_iter().collect(), events::CARRIED),
                Some(orphan) => {
                    let (from, factor) = memory.origins(idx, orphan, goods_first);
                    if from.is_empty() && matches!(orphan, frames::Orphan::Unnamed | frames::Orphan::Arriving) {
                        // "Colombian cocaine bound for Europe": the goods' demonym names it.
                        let by_demonym = discourse::demonym_origins(
                            &v,
                            c.commodity,
                            c.trigger.0,
                            demonyms.get_or_init(|| discourse::demonyms(kb, entities)),
                        );
                        // "shipped through the port of Guayaquil to Antwerp": with no origin
                        // named or carried, the goods leave from the port or city they pass
                        // first (a region passed, "through Central America", says less).
                        let exits = &t.predicates[c.predicate].exits;
                        let exit = c.via.first().and_then(|&k| v.entity(k)).filter(|&e| kind_among(kb, &entities[e], exits));
                        match by_demonym.is_empty().then_some(exit).flatten() {
                            Some(exit) if orphan == frames::Orphan::Unnamed => (vec![exit], discourse::EXIT),
                            _ => (by_demonym, discourse::DEMONYM),
                        }
                    } else {
                        (from.to_vec(), factor)
                    }
                }
                None => (v.entity(c.subject).map_or_else(Vec::new, |s| each(c.subject, s)), 1.0),
            };
            // A roster's person: the organization is the case's, remembered.
            let objects = match c.orphan {
                Some(frames::Orphan::Group) => operation.group().to_vec(),
                Some(frames::Orphan::Goods) => carried.before(idx).to_vec(),
                _ => each(c.object, o),
            };
            // The qualifiers are the candidate's, read once for all the pairs it gives.
            let read = std::cell::OnceCell::new();
            for (s, o) in origins.into_iter().flat_map(|s| objects.clone().into_iter().map(move |o| (s, o))) {
                if s == o
                    || route(kb, &entities[s], &t.predicates[c.predicate])
                    || route(kb, &entities[o], &t.predicates[c.predicate])
                    || never_subject(kb, &entities[s], &t.predicates[c.predicate])
                    || across_the_law(&entities[s], &entities[o], &t.predicates[c.predicate])
                    || !seen.insert((s, c.predicate, o))
                {
                    continue;
                }
                if t.predicates[c.predicate].symmetric {
                    seen.insert((o, c.predicate, s));
                }
                let (mut qualifiers, confidence) = read.get_or_init(|| qualify::qualifiers(&v, &sentence, c)).clone();
                // A place the flow passes is not also where it starts.
                qualifiers.via.retain(|p| *p != entities[s].id);
                here.push((
                    c.trigger.0,
                    Relation {
                        subject: entities[s].id.clone(),
                        predicate: t.predicates[c.predicate].name.to_owned(),
                        object: entities[o].id.clone(),
                        qualifiers,
                        confidence: (confidence * factor * 100.0).round() / 100.0,
                        evidence: Evidence { text: text[range.clone()].to_owned(), start: range.start, end: range.end },
                    },
                ));
            }
        }
        memory.read(idx, discourse::outlets(&v, &found), discourse::last_places(&v));
        operation.read(idx, &v, &found, &candidates, dates);
        let seized_at = here
            .iter()
            .filter(|(_, r)| r.predicate == "seized")
            .filter_map(|(_, r)| r.qualifiers.place.as_ref())
            .filter_map(|p| entities.iter().position(|e| &e.id == p))
            .fold(Vec::new(), |mut all, e| {
                if !all.contains(&e) {
                    all.push(e);
                }
                all
            });
        memory.seized(idx, seized_at);
        carried.read(idx, goods::moved(&here, entities, kb));
        scratch = v.into_scratch();
        here.sort_by_key(|(at, _)| *at);
        out.extend(here.into_iter().map(|(_, r)| r));
    }
    out
}

/// The entity (an index into `entities`) of the country the document is about
/// (`discover::agencies::document_country`), when it is named in the document.
fn document_country(kb: &KnowledgeBase, entities: &[ExtractedEntity]) -> Option<usize> {
    let known = || entities.iter().enumerate().filter(|(_, e)| e.in_kb).filter_map(|(i, e)| Some((i, e, kb.get(&e.id)?)));
    let iso = crate::discover::agencies::document_country(known().flat_map(|(_, e, k)| std::iter::repeat_n(k, e.mentions.len())))?;
    known().find(|(_, _, k)| k.entity_type == EntityType::Country && k.iso2.as_deref() == Some(iso.as_str())).map(|(i, _, _)| i)
}

/// Is `e` a place of a kind `predicate` never takes as an end (a river for `ships_to`)?
fn route(kb: &KnowledgeBase, e: &ExtractedEntity, predicate: &table::Predicate) -> bool {
    !predicate.not_ends.is_empty() && kind_among(kb, e, &predicate.not_ends)
}

/// Is `e` a place of a kind `predicate` never takes as its subject (a sea for `located_in`)?
fn never_subject(kb: &KnowledgeBase, e: &ExtractedEntity, predicate: &table::Predicate) -> bool {
    kind_among(kb, e, &predicate.not_subjects)
}

/// A state body is a part of no gang, and a gang of no state body: `part_of` joins two state
/// actors or two non-state ones ("De acuerdo con la FGR, … una célula de Los Chapitos" says
/// nothing of the FGR's place).
fn across_the_law(s: &ExtractedEntity, o: &ExtractedEntity, predicate: &table::Predicate) -> bool {
    predicate.name == "part_of" && (s.entity_type == "state_actor") != (o.entity_type == "state_actor")
}

/// Is `e` a knowledge-base entry whose kind is one of `kinds`?
fn kind_among(kb: &KnowledgeBase, e: &ExtractedEntity, kinds: &[&str]) -> bool {
    e.in_kb && kb.get(&e.id).and_then(|k| k.kind.as_deref()).is_some_and(|k| kinds.contains(&k))
}

fn place(ty: EntityType) -> bool {
    matches!(ty, EntityType::Place | EntityType::Country)
}

fn entity_type(name: &str) -> Option<EntityType> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}
