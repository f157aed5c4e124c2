//! What places are given to, read from how a sentence opens: "No Acre e em Rondônia, a
//! extração ilegal de madeira e o garimpo ilegal se sobrepõem …" (each place engages_in each
//! activity); and the activities a list goes on with after one that takes a complement ("la
//! extorsión a comerciantes y transportistas, el secuestro y el sicariato").

use super::frames::Candidate;
use super::production::tight_list;
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

const PLACES: [EntityType; 2] = [EntityType::Place, EntityType::Country];
const STRENGTH: f64 = 0.7;

pub fn apply(v: &View, out: &mut Vec<Candidate>) {
    let Some(engages_in) = v.t.id(super::table::Pred::EngagesIn) else { return };
    continued_list(v, engages_in, out);
    // A place listed after "between" names the stretch the noun before it is: that noun is the
    // subject when it is a name ("the Triple Frontier between …"), else there is none.
    out.retain_mut(|c| {
        if c.predicate != engages_in {
            return true;
        }
        match between_at(v, c.subject) {
            None => true,
            Some(b) => named_before_between(v, b).inspect(|&k| c.subject = k).is_some(),
        }
    });
    if let Some((places, activities)) = fronted_places(v) {
        for &p in &places {
            for &a in &activities {
                out.push(Candidate::new(p, engages_in, a, (0, a + 1), STRENGTH));
            }
        }
    }
}

/// "In Colombia and Peru, illegal mining now rivals …", "En el Cauca, la minería ilegal y la
/// extorsión financian …": a sentence that opens with "in <places>," and goes on with
/// activities as its subject says those places host them. Only that shape: an activity that
/// is not the first thing after the comma ("la lucha contra la minería ilegal") is not
/// said to happen there.
fn fronted_places(v: &View) -> Option<(Vec<usize>, Vec<usize>)> {
    if !v.is(0, Cue::Inside) {
        return None;
    }
    let first = if v.is(1, Cue::Article) { 2 } else { 1 };
    let places = tight_list(v, first, &PLACES, 0);
    let last = *places.last()?;
    if places[0] != first || v.norms.get(last + 1) != Some(&",") {
        return None;
    }
    let start = if v.is(last + 2, Cue::Article) { last + 3 } else { last + 2 };
    if !v.fits(start, &[EntityType::Activity]) {
        return None;
    }
    let (activities, after) = v.list_right(start, &[EntityType::Activity], 1);
    // The subject is followed by its verb (or by the goods it names: "garimpo ilegal de
    // ouro"), not by a comma opening a list of other things.
    let next = v.toks.get(after)?;
    let verb = next.entity().is_none() && next.norm.chars().next().is_some_and(char::is_alphabetic);
    (verb || v.fits(after, &[EntityType::Commodity])).then_some((places, activities))
}

/// How many words (joining words aside) may describe an activity of a list before the next one ("la extorsión a
/// comerciantes y transportistas, el secuestro"; "trafficking in women for sexual
/// exploitation"): a longer stretch has left the list.
const COMPLEMENT: usize = 6;

/// Kinds of name a complement of an activity may hold ("extortion of shopkeepers in Lima",
/// "smuggling of gold to Dubai"); a person or organization after it starts something else.
const IN_COMPLEMENT: [EntityType; 3] = [EntityType::Place, EntityType::Country, EntityType::Commodity];

/// "Se financian con el tráfico de drogas, la extorsión a comerciantes y transportistas, el
/// secuestro y el sicariato": the frames' list of objects ends at the first activity that
/// takes a complement; the activities after it, up to the end of the clause, are given to the
/// same subject by the same trigger.
fn continued_list(v: &View, engages_in: usize, out: &mut Vec<Candidate>) {
    let mut last: Vec<(usize, (usize, usize), usize)> = Vec::new();
    for c in out.iter().filter(|c| c.predicate == engages_in && c.orphan.is_none() && c.object >= c.trigger.1) {
        match last.iter_mut().find(|(s, t, _)| *s == c.subject && *t == c.trigger) {
            Some(l) => l.2 = l.2.max(c.object),
            None => last.push((c.subject, c.trigger, c.object)),
        }
    }
    for (subject, trigger, from) in last {
        for k in activities_after(v, from) {
            out.push(Candidate::new(subject, engages_in, k, trigger, STRENGTH));
        }
    }
}

/// The activities after the activity at `from` in its clause, each within `COMPLEMENT` tokens
/// of the one before.
fn activities_after(v: &View, from: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let (mut k, mut gap) = (from + 1, 0);
    while k < v.len() && gap <= COMPLEMENT {
        if matches!(v.norms[k], "(" | "[") {
            k = v.past_parens(k);
            gap += 1;
            continue;
        }
        if v.stops(k) {
            break;
        }
        match v.toks[k].entity() {
            Some((_, EntityType::Activity)) => {
                found.push(k);
                gap = 0;
            }
            Some((_, ty)) if !IN_COMPLEMENT.contains(&ty) => break,
            // Joining words do not lengthen the complement.
            None if v.is(k, Cue::Coordinator) || v.is(k, Cue::Article) => {}
            _ => gap += 1,
        }
        k += 1;
    }
    found
}

/// "A Tríplice Fronteira entre Foz do Iguaçu, Ciudad del Este e Puerto Iguazú é um polo de
/// contrabando", "the border between Peru and Bolivia is a hub of smuggling": places listed
/// after "between" say which stretch the noun before them is; that noun, not each place, is
/// what the sentence describes. The token of the "between" word the subject is listed after.
fn between_at(v: &View, subject: usize) -> Option<usize> {
    if !v.fits(subject, &PLACES) {
        return None;
    }
    // Back over the list the subject is an item of: places, articles and coordinators.
    let mut k = subject;
    while k > 0 && (v.fits(k - 1, &PLACES) || v.is(k - 1, Cue::Coordinator) || v.is(k - 1, Cue::Article)) {
        k -= 1;
    }
    (k > 0 && v.is(k - 1, Cue::Between)).then(|| k - 1)
}

/// "the Triple Frontier between Brazil, Paraguay and Argentina", "a Tríplice Fronteira entre
/// …": the place named right before the "between" word at `b`, which the list after it bounds.
fn named_before_between(v: &View, b: usize) -> Option<usize> {
    let k = b.checked_sub(1)?;
    v.fits(k, &PLACES).then_some(k)
}
