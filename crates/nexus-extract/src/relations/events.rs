//! Who carried out an arrest or a seizure the sentence states in the passive with no agent
//! ("Four people were arrested", "Foram apreendidos 11 quilos de ouro", "fueron detenidos cinco
//! integrantes"): the agency the document named as the doer of its operation.
//!
//! A report of an operation names its lead agency once ("The Federal Police seized 1.9 tonnes")
//! and then tells the arrests and seizures without it. The memory keeps the agencies that acted
//! as doers of arrests and seizures, and gives them to such a passive only when the reading is
//! safe: one operation (a later doer that is not named beside the first is another operation,
//! and the memory then gives nothing for the rest of the document), a doer named in the last
//! few sentences, no other agency named in the passive's own sentence, and no year in it but
//! the operation's.

use super::frames::{Candidate, Orphan, with_coordinated};
use super::table::Cue;
use super::view::View;
use crate::dates::DateMention;
use nexus_kb::EntityType;

/// The predicates whose doer is an operation's agency.
const EVENTS: [&str; 2] = ["arrested", "seized"];
/// How many sentences after the operation's agency was last named a passive still takes it.
const WINDOW: usize = 6;
/// How much a relation read through the memory is trusted, against one stated outright.
pub const CARRIED: f64 = 0.8;
/// How far back the doer of an active arrest or seizure may stand, in tokens.
const SUBJECT_REACH: usize = 40;

const STATE: [EntityType; 1] = [EntityType::StateActor];

/// The agencies of the document's one operation.
#[derive(Debug, Default)]
pub struct Operation {
    doers: Vec<usize>,
    /// A second operation, by other agencies, was told: no passive is attributed any more.
    ambiguous: bool,
    /// The last sentence that named one of the doers.
    last_seen: usize,
    /// The year the sentences naming the doers were dated by, if any.
    year: Option<String>,
}

/// "were arrested", "foram apreendidos" with no agent after them: one candidate per object,
/// its subject the trigger's first token and its doer left to the document's memory.
pub fn agentless(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let p = &v.t.predicates[predicate];
    if !EVENTS.contains(&p.name) {
        return;
    }
    let mut objects = match v.nearest_left(start, &p.object, 12) {
        Some(o) => with_coordinated(v, o, &p.object),
        None => v.list_right(end, &p.object, 12).0,
    };
    if objects.is_empty() {
        objects = super::agents::listed_after_colon(v, end, &p.object).0;
    }
    // "The drugs were found …": definite goods opening the sentence are those whose seizure
    // the text has told; the passive restates it.
    let told = |o: usize| o == 0 || (o == 1 && v.is(0, Cue::Article));
    for o in objects.into_iter().filter(|&o| !(told(o) && v.fits(o, &[EntityType::Commodity]))) {
        let mut c = Candidate::new(start, predicate, o, (start, end), super::frames::strength(o.abs_diff(start)));
        c.orphan = Some(Orphan::Doer);
        out.push(c);
    }
}

impl Operation {
    /// May sentence `idx` take the operation's doers (before reading its words)?
    pub fn live(&self, idx: usize) -> bool {
        !self.ambiguous && !self.doers.is_empty() && idx.saturating_sub(self.last_seen) <= WINDOW
    }

    /// The doers for an agentless passive in sentence `idx` (`v`, dated by `dates`).
    pub fn doers(&self, idx: usize, v: &View, dates: &[DateMention]) -> &[usize] {
        let other_agency = (0..v.len()).any(|k| v.fits(k, &STATE) && v.entity(k).is_some_and(|e| !self.doers.contains(&e)));
        let other_year = dates.iter().any(|d| self.year.as_deref() != d.value.get(..4));
        if !self.live(idx) || other_agency || other_year { &[] } else { &self.doers }
    }

    /// Learn from sentence `idx` the agencies that acted as doers of its arrests and seizures:
    /// the subjects of the candidates read, and the subject before an active arrest or seizure
    /// verb even when it names no object ("destruiu 27 balsas e prendeu seis pessoas").
    pub fn read(&mut self, idx: usize, v: &View, found: &[(usize, usize, Vec<usize>)], candidates: &[Candidate], dates: &[DateMention]) {
        let t = v.t;
        let event = |p: usize| EVENTS.contains(&t.predicates[p].name);
        let mut here: Vec<usize> = Vec::new();
        let add = |k: usize, here: &mut Vec<usize>| {
            if let Some(e) = v.entity(k).filter(|_| v.fits(k, &STATE))
                && !here.contains(&e)
            {
                here.push(e);
            }
        };
        for c in candidates.iter().filter(|c| c.orphan.is_none() && event(c.predicate)) {
            add(c.subject, &mut here);
            if let Some(a) = acting_through(v, c.subject) {
                add(a, &mut here);
            }
        }
        for (start, end, triggers) in found {
            if !triggers.iter().any(|&tr| event(t.triggers[tr].predicate)) || v.passive(*start, *end) {
                continue;
            }
            if let Some(s) = v.subject_left(*start, &STATE, SUBJECT_REACH) {
                for k in with_coordinated(v, s, &STATE).into_iter().chain(acting_through(v, s)) {
                    add(k, &mut here);
                }
            }
        }
        let named = |e: usize| (0..v.len()).any(|k| v.entity(k) == Some(e));
        if !here.is_empty() {
            if self.doers.is_empty() {
                self.year = dates.first().and_then(|d| d.value.get(..4)).map(str::to_owned);
            } else if !here.iter().all(|e| self.doers.contains(e)) && !self.doers.iter().any(|&e| named(e)) {
                self.ambiguous = true;
            }
            for e in here {
                if !self.doers.contains(&e) {
                    self.doers.push(e);
                }
            }
        }
        if self.doers.iter().any(|&e| named(e)) {
            self.last_seen = idx;
        }
    }
}

/// "la PNP, a través de la DIRANDRO, incautó", "the Federal Police, through its anti-drug
/// unit …": the agency that acted through the unit at `s`, which acted too.
fn acting_through(v: &View, s: usize) -> Option<usize> {
    let mut k = s.checked_sub(1)?;
    if v.is(k, Cue::Article) {
        k = k.checked_sub(1)?;
    }
    let j = (k.saturating_sub(3)..=k).find(|&j| v.cue_at(j, Cue::Through) == Some(k - j + 1))?;
    let mut a = j.checked_sub(1)?;
    if v.norms[a] == "," {
        a = a.checked_sub(1)?;
    }
    // "la Policía Nacional del Perú (PNP), a través de …"
    if v.norms[a] == ")" && a >= 3 && v.norms[a - 2] == "(" {
        a -= 3;
    }
    v.fits(a, &STATE).then_some(a)
}
