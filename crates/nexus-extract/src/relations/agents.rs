//! Who acted, when the plain active clause does not say: a trigger phrase that is itself
//! passive ("led by", "liderado por", "chefiada pela"), and a doer named between a verb and
//! its objects ("arrested two men, identified by the DNCD as A and B"), and people listed after
//! a colon ("prendeu quatro integrantes do PCC: A, B, C e D"), and words that put the doer
//! after them with no agent word ("al mando de", "under the command of", "cuyo líder es").

use super::frames::{Candidate, pairs, with_coordinated};
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

/// How many tokens after a passive phrase its agent may stand ("led by figures such as X").
const AGENT_REACH: usize = 5;
/// How far before a passive phrase the thing acted on may stand, in tokens.
const OBJECT_REACH: usize = 12;

/// A trigger phrase ending in an agent word ("led by", "encabezada por") puts the doer after
/// it and what is acted on before it: read it so and return true. When no doer of the
/// subject's type follows, return false and let the active reading try ("financed by drug
/// trafficking" names the activity, not a doer). Symmetric predicates read the same either way.
pub fn passive_phrase(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) -> bool {
    let p = &v.t.predicates[predicate];
    if end - start < 2 || p.symmetric || v.t.cue(Cue::Agent).longest_at(&v.norms[end - 1..end]).is_none() {
        return false;
    }
    let gap = |k: usize| v.toks[k].entity().is_none() && !v.trigger[k] && !matches!(v.norms[k], "." | ";" | ":");
    let Some(agent) = doer_after(v, &p.subject, end, gap) else {
        return false;
    };
    let agents = v.list_right(agent, &p.subject, 1).0;
    if let Some(open) = aside_before_auxiliary(v, start) {
        // "The coalition, formed in 2023 by rival gangs including G9, is led by X": what the
        // verb acts on stands right before the aside, or goes unnamed.
        if open > 0 && v.fits(open - 1, &p.object) {
            pairs(&agents, &with_coordinated(v, open - 1, &p.object), predicate, (start, end), out, v);
        }
        return true;
    }
    if let Some(o) = v.nearest_left(start, &p.object, OBJECT_REACH).or_else(|| v.relative_antecedent(start, &p.object)) {
        let o = apposed_head(v, o, &p.object).unwrap_or(o);
        pairs(&agents, &with_coordinated(v, o, &p.object), predicate, (start, end), out, v);
    }
    true
}

/// ", is led by", ", es liderado por": an auxiliary right after a comma closes an aside, and the
/// comma that opens it (in the same clause), if any.
fn aside_before_auxiliary(v: &View, start: usize) -> Option<usize> {
    let close = start.checked_sub(2).filter(|&c| v.norms[c] == "," && v.cue_ends_at(start - 1, Cue::Passive))?;
    (close.saturating_sub(OBJECT_REACH * 2)..close).rev().take_while(|&k| !v.stops(k)).find(|&k| v.norms[k] == ",")
}

/// "Los Chapitos, facción del Cártel de Sinaloa encabezada por …": a passive right after
/// "<noun> of <O>" acts on the noun, and a noun set off after a name by a comma is that name.
fn apposed_head(v: &View, o: usize, types: &[EntityType]) -> Option<usize> {
    let noun = v.noun_completed_by(o)?;
    let comma = noun.checked_sub(1).filter(|&c| v.norms[c] == ",")?;
    comma.checked_sub(1).filter(|&h| v.fits(h, types))
}

/// "las disidencias al mando de alias Iván Mordisco", "a cell under the command of X", "Los
/// Choneros, cuyo líder es alias Fito, …" (`Frame::Under`): words that put the doer right after
/// them and what is acted on before them, with no agent word. Only an alias cue or a title may
/// stand between the words and the doer, in the same clause.
pub fn under(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let p = &v.t.predicates[predicate];
    let gap = |k: usize| v.toks[k].entity().is_none() && !v.trigger[k] && v.norms[k].chars().all(char::is_alphabetic);
    let Some(doer) = doer_after(v, &p.subject, end, gap) else {
        return;
    };
    let doers = v.list_right(doer, &p.subject, 1).0;
    if let Some(o) = v.nearest_left(start, &p.object, OBJECT_REACH) {
        pairs(&doers, &with_coordinated(v, head_before_of(v, o, &p.object).unwrap_or(o), &p.object), predicate, (start, end), out, v);
    }
}

/// The first entity of `types` within `AGENT_REACH` tokens after `end`, with only tokens `gap`
/// allows before it: the doer that passive and command words put after them. A name after
/// "of" completes another noun, which is the doer: "led by the sons of X" is not led by X.
fn doer_after(v: &View, types: &[EntityType], end: usize, gap: impl Fn(usize) -> bool) -> Option<usize> {
    (end..(end + AGENT_REACH).min(v.len())).take_while(|&k| v.fits(k, types) || gap(k) && !v.is(k, Cue::Of)).find(|&k| v.fits(k, types))
}

/// "las disidencias de las FARC al mando de …": the entity `o` completes, by "of", the entity
/// before it, which is what the words are about.
fn head_before_of(v: &View, o: usize, types: &[EntityType]) -> Option<usize> {
    let of = v.before_article(o).filter(|&k| v.is(k, Cue::Of))?;
    of.checked_sub(1).filter(|&h| v.fits(h, types))
}

/// "Dominican authorities arrested two men, identified by the DNCD as A and B": with no
/// subject named before the verb, an agent ("by the DNCD") between the verb and its first
/// object is the doer.
pub fn agent_before(v: &View, types: &[EntityType], end: usize, first_object: usize) -> Option<usize> {
    v.agent_right(end, types).filter(|&a| a < first_object)
}

/// How many tokens a colon may stand after a verb for the people listed after it to be its
/// objects ("detained five alleged members of the X gang: …").
const COLON_REACH: usize = 12;

/// The people of a list starting at token `from`, each once, up to the sentence's end: "A
/// (41), señalado como cabecilla; B (35), operario de …; y C" — each item names its person
/// first and describes them after; a trigger in the description ends the item, not the list.
/// Without a semicolon the list is one item, and the first trigger ends it. Shared by the
/// colon lists here and the rosters of `events`.
pub(super) fn people_listed(v: &View, from: usize, types: &[EntityType]) -> Vec<usize> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    let mut described = false;
    for k in from..v.len() {
        match v.norms[k] {
            "." => break,
            ";" => described = false,
            _ if v.trigger[k] => described = true,
            _ => {}
        }
        if described {
            continue;
        }
        if let Some(e) = v.entity(k).filter(|_| v.fits(k, types))
            && !seen.contains(&e)
        {
            seen.push(e);
            out.push(k);
        }
    }
    out
}

/// "A Polícia Federal prendeu quatro integrantes do PCC: A, 39 anos, …; B, 28; e C": with no
/// person right after the verb, the people listed after a colon that follows it, each once.
/// Only for people: a colon before places or goods opens anything.
pub fn listed_after_colon(v: &View, end: usize, types: &[EntityType]) -> (Vec<usize>, usize) {
    if types != [EntityType::Person] {
        return (Vec::new(), end);
    }
    let Some(colon) =
        (end..(end + COLON_REACH).min(v.len())).take_while(|&k| !matches!(v.norms[k], ";" | ".")).find(|&k| v.norms[k] == ":")
    else {
        return (Vec::new(), end);
    };
    let out = people_listed(v, colon + 1, types);
    let after = out.last().map_or(end, |&k| k + 1);
    (out, after)
}

/// How many words may count the people before their names ("dois homens", "three men").
const COUNTED: usize = 3;
/// How far a description may run between two people of an apposed list, in tokens.
const DESCRIPTION: usize = 16;

/// "A Polícia Federal prendeu dois homens, A, de 36 anos, funcionário de uma transportadora, e
/// B, de 49, que …", "arrested two men, A, 41, a boat captain, and B": the first person is
/// apposed to a counted noun right after the verb, and the next is joined by "and" after a
/// description of the first; each may be described. Stops at a clause break or a relative
/// pronoun, so people named inside a "who …" clause are not listed.
pub fn described_people(v: &View, end: usize, first: usize, types: &[EntityType]) -> Vec<usize> {
    let counted = first > end + 1
        && first - end <= COUNTED + 1
        && v.norms[first - 1] == ","
        && (end..first - 1).all(|k| v.toks[k].entity().is_none() && v.norms[k].chars().all(char::is_alphanumeric));
    if types != [EntityType::Person] || !counted {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut last = first;
    for k in first + 1..v.len().min(first + 1 + DESCRIPTION * 4) {
        // A description may hold a relation's words ("motorista de uma transportadora"); a
        // clause of its own ends the list.
        let clause = v.cue_at(k, Cue::ClauseBreak).is_some() || v.cue_at(k, Cue::Relative).is_some();
        if clause || matches!(v.norms[k], ";" | "." | "!" | "?") || k > last + DESCRIPTION {
            break;
        }
        // "…, e B": a coordinating word right before, after a comma.
        let joined = k >= 2 && v.norms[k - 2] == "," && v.is(k - 1, Cue::Coordinator) && v.norms[k - 1] != ",";
        if v.fits(k, types) && joined && v.entity(k) != v.entity(first) {
            out.push(k);
            last = k;
        } else if v.toks[k].entity().is_some() && v.fits(k, types) {
            break;
        }
    }
    out
}
