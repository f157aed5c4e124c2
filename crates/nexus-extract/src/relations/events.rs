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
//!
//! A roster of the people charged or held ("The defendants are A; B; …", "Los señalados son:"
//! and a bulleted list: trigger frame `roster`) restates the document's case: its people take
//! the doers named first (the lead: "La Fiscalía imputó cargos a seis integrantes …"),
//! wherever the roster stands, unless another agency or another year is named in its sentence.

use super::frames::{Candidate, Orphan, with_coordinated};
use super::table::{Cue, Frame};
use super::view::View;
use crate::dates::DateMention;
use nexus_kb::EntityType;

/// The predicates whose doer is an operation's agency.
const EVENTS: [&str; 2] = ["arrested", "seized"];
/// The predicate of charges, whose doers (prosecutors, grand juries) are remembered apart.
const CHARGES: &str = "indicted";
/// How many sentences after the operation's agency was last named a passive still takes it.
const WINDOW: usize = 6;
/// How much a relation read through the memory is trusted, against one stated outright.
pub const CARRIED: f64 = 0.8;
/// How far back the doer of an active arrest or seizure may stand, in tokens.
const SUBJECT_REACH: usize = 40;

const STATE: [EntityType; 1] = [EntityType::StateActor];

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
    // "se hallaron 1,6 toneladas escondidas en contenedores de banano": what hides the goods
    // was not seized.
    for o in objects.into_iter().filter(|&o| !(hides(v, o) || (told(o) && v.fits(o, &[EntityType::Commodity])))) {
        let mut c = Candidate::new(start, predicate, o, (start, end), super::frames::strength(o.abs_diff(start)));
        c.orphan = Some(Orphan::Doer);
        out.push(c);
    }
}

/// "Durante la intervención se detuvo a tres personas", "se decomisaron 56 kilos": Spanish
/// states an act with an impersonal "se" and names no doer; it is the passive's reading. Not
/// the pronominal verb, whose "de" brings the goods: "la Guardia Civil se incautó de 8
/// toneladas" is active, its doer before.
pub fn impersonal(v: &View, predicate: usize, start: usize, end: usize) -> bool {
    end - start == 1 && start > 0 && v.norms[start - 1] == "se" && !v.is(end, Cue::Of) && EVENTS.contains(&v.t.predicates[predicate].name)
}

/// Who else may stand before an act's verb: a gang, a company or a person there did it (or
/// suffered it), and the act is not the operation's.
const NOT_DOERS: [EntityType; 4] = [EntityType::CriminalOrg, EntityType::ArmedGroup, EntityType::Company, EntityType::Person];

/// "Los efectivos aprehendieron a cuatro personas: …", "Officers arrested two men, A and B",
/// "Entre los detenidos figura X": an active act whose doer is a common noun ("the officers",
/// "os agentes") or left out names no agency; like an agentless passive, its `objects` take
/// the document's operation agency. Not when a gang, company or person stands before the verb.
pub fn subjectless(v: &View, predicate: usize, objects: &[usize], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !EVENTS.contains(&v.t.predicates[predicate].name) || v.subject_left(start, &NOT_DOERS, SUBJECT_REACH).is_some() {
        return;
    }
    for &o in objects.iter().filter(|&&o| !hides(v, o)) {
        let mut c = Candidate::new(start, predicate, o, (start, end), super::frames::strength(o.saturating_sub(end)));
        c.orphan = Some(Orphan::Doer);
        out.push(c);
    }
}

/// "se hallaron 1,6 toneladas escondidas en contenedores de banano": goods after a concealment
/// phrase ("hidden in", "escondidas en") hide what was seized, named or not; they were not it.
fn hides(v: &View, o: usize) -> bool {
    super::frames::concealed(v, o) || (o.saturating_sub(4)..o).any(|j| v.cue_at(j, Cue::Concealment).is_some_and(|n| n > 1 && j + n <= o))
}

/// The doers of one kind of act in the document.
#[derive(Debug, Default)]
struct Doers {
    all: Vec<usize>,
    /// By entity index: is it one of `all`? Every sentence read asks whether it names one.
    known: Vec<bool>,
    /// The doers of the first sentence that named any.
    lead: Vec<usize>,
    /// A second operation, by other agencies, was told: no passive is attributed any more.
    ambiguous: bool,
    /// The last sentence that named one of the doers.
    last_seen: usize,
    /// The year the sentence naming the lead was dated by, if any.
    year: Option<String>,
}

impl Doers {
    fn live(&self, idx: usize) -> bool {
        !self.ambiguous && !self.all.is_empty() && idx.saturating_sub(self.last_seen) <= WINDOW
    }

    /// Learn the doers `here` of sentence `v`.
    fn learn(&mut self, idx: usize, here: Vec<usize>, v: &View, dates: &[DateMention]) {
        if here.is_empty() && self.all.is_empty() {
            return;
        }
        if !here.is_empty() {
            if self.all.is_empty() {
                self.year = dates.first().and_then(|d| d.value.get(..4)).map(str::to_owned);
                self.lead = here.clone();
            } else if !here.iter().all(|e| self.all.contains(e)) && !self.named_in(v) {
                self.ambiguous = true;
            }
            for e in here {
                if !self.all.contains(&e) {
                    self.all.push(e);
                    if self.known.len() <= e {
                        self.known.resize(e + 1, false);
                    }
                    self.known[e] = true;
                }
            }
        }
        if self.named_in(v) {
            self.last_seen = idx;
        }
    }

    /// Does `v` name one of the doers? The sentence's tokens are read, not the doers: these may
    /// be many.
    fn named_in(&self, v: &View) -> bool {
        v.toks.iter().any(|t| t.entity().is_some_and(|(e, _)| self.known.get(e).copied().unwrap_or(false)))
    }
}

/// The agencies of the document's one operation, and of its charges.
#[derive(Debug, Default)]
pub struct Operation {
    acts: Doers,
    charges: Doers,
    /// A roster announced by a sentence ending in its colon ("Los señalados son:"): its
    /// predicate, and the last sentence that announced or continued it.
    roster: Option<(usize, usize)>,
    /// The organization the first charge or act gave its people as members ("imputó cargos a
    /// seis presuntos integrantes del Clan del Golfo"): a roster's people are those members.
    group: Option<Vec<usize>>,
    /// The case's people were told arrested by a named agency without their names ("Los
    /// procesados fueron capturados … por uniformados de la DIJIN"): a roster of them lists
    /// people that agency arrested.
    case_arrested: bool,
}

impl Operation {
    /// May sentence `idx` take a doer from the memory (before reading its words)?
    pub fn live(&self, idx: usize) -> bool {
        self.acts.live(idx) || self.roster.is_some_and(|(_, at)| at + 1 == idx)
    }

    /// The doers for candidate `c` of sentence `idx` (`v`, dated by `dates`): an agentless
    /// passive's or a roster's.
    pub fn doers(&self, idx: usize, c: &Candidate, v: &View, dates: &[DateMention]) -> &[usize] {
        let charges = v.t.predicates[c.predicate].name == CHARGES;
        let memory = if charges { &self.charges } else { &self.acts };
        let (doers, guarded) = match c.orphan {
            Some(Orphan::Roster) => (&memory.lead, false),
            _ => (&memory.all, true),
        };
        // A bulleted roster item describes its person ("- A, quien, según la Fiscalía, …"): only
        // agencies before the person say the act is another's.
        let item = c.orphan == Some(Orphan::Roster) && v.norms.first().is_some_and(|w| BULLETS.contains(w));
        let upto = if item { c.object } else { v.len() };
        let other_agency = (0..upto).any(|k| v.fits(k, &STATE) && v.entity(k).is_some_and(|e| !doers.contains(&e)));
        let other_year = dates.iter().any(|d| memory.year.as_deref() != d.value.get(..4));
        if other_agency || other_year || (guarded && !memory.live(idx)) { &[] } else { doers }
    }

    /// Learn from sentence `idx` the agencies that acted as doers of its arrests, seizures and
    /// charges: the subjects of the candidates read, and the subject before an active verb
    /// even when it names no object ("destruiu 27 balsas e prendeu seis pessoas").
    pub fn read(&mut self, idx: usize, v: &View, found: &[(usize, usize, Vec<usize>)], candidates: &[Candidate], dates: &[DateMention]) {
        let t = v.t;
        let act = |p: usize| EVENTS.contains(&t.predicates[p].name);
        let charge = |p: usize| t.predicates[p].name == CHARGES;
        let add = |k: usize, here: &mut Vec<usize>| {
            if let Some(e) = v.entity(k).filter(|_| v.fits(k, &STATE))
                && !here.contains(&e)
            {
                here.push(e);
            }
        };
        let (mut acts, mut charges) = (Vec::new(), Vec::new());
        for c in candidates.iter().filter(|c| c.orphan.is_none()) {
            let here = if act(c.predicate) {
                &mut acts
            } else if charge(c.predicate) {
                &mut charges
            } else {
                continue;
            };
            add(c.subject, here);
            if let Some(a) = acting_through(v, c.subject) {
                add(a, here);
            }
        }
        for (start, end, triggers) in found {
            let verbs = || triggers.iter().filter(|&&tr| t.triggers[tr].frame == Frame::Verb).map(|&tr| t.triggers[tr].predicate);
            let here = if verbs().any(act) {
                &mut acts
            } else if verbs().any(charge) {
                &mut charges
            } else {
                continue;
            };
            if v.passive(*start, *end) {
                // "Los procesados fueron capturados … por la DIJIN": the agent acted.
                if let Some(a) = v.agent_right(*end, &STATE) {
                    for k in v.list_right(a, &STATE, 1).0 {
                        add(k, here);
                    }
                    self.case_arrested |= case_people(v, *start, *end);
                }
                continue;
            }
            for k in active_doers(v, *start) {
                add(k, here);
            }
        }
        // "La Policía desarticuló una red", "a PF deflagrou uma operação", "agents raided …": the
        // operation's agency, before its arrests and seizures are told without it.
        if v.has_cue(Cue::OperationVerb) {
            for (k, n) in (0..v.len()).filter_map(|k| v.cue_at(k, Cue::OperationVerb).map(|n| (k, n))) {
                if v.passive(k, k + n) {
                    continue;
                }
                for d in active_doers(v, k) {
                    add(d, &mut acts);
                }
            }
        }
        let first = self.acts.all.is_empty() && self.charges.all.is_empty() && !(acts.is_empty() && charges.is_empty());
        if first {
            self.group = Some(members_of(v, found));
        }
        self.acts.learn(idx, acts, v, dates);
        self.charges.learn(idx, charges, v, dates);
    }

    /// The organizations a roster's people are members of (see `group`).
    pub fn group(&self) -> &[usize] {
        self.group.as_deref().unwrap_or_default()
    }

    /// Note whether sentence `idx` announces a roster in its last words ("Los señalados
    /// son:"), or continues one as an item of a bulleted list; give each item its person.
    pub fn roster_items(&mut self, idx: usize, v: &View, out: &mut Vec<Candidate>) {
        self.bullets(idx, v, out);
        // The people of a roster of charges were told arrested before: the arrest is theirs.
        if let Some(arrested) = v.t.id(super::table::Pred::Arrested).filter(|_| self.case_arrested) {
            let people: Vec<Candidate> =
                out.iter().filter(|c| c.orphan == Some(Orphan::Roster) && c.predicate != arrested).cloned().collect();
            for mut c in people {
                c.predicate = arrested;
                out.push(c);
            }
        }
        // Each person of a roster is a member of the case's organization.
        if let Some(member_of) = v.t.id(super::table::Pred::MemberOf).filter(|_| !self.group().is_empty()) {
            let people: Vec<usize> = out.iter().filter(|c| c.orphan == Some(Orphan::Roster)).map(|c| c.object).collect();
            for k in people {
                let mut c = Candidate::new(k, member_of, k, (k, k + 1), 0.85);
                c.orphan = Some(Orphan::Group);
                out.push(c);
            }
        }
    }

    fn bullets(&mut self, idx: usize, v: &View, out: &mut Vec<Candidate>) {
        let continued = self.roster.filter(|&(_, at)| at + 1 == idx && v.len() > 1 && BULLETS.contains(&v.norms[0]));
        self.roster = None;
        if let Some((predicate, _)) = continued {
            if let Some(k) = (1..v.len().min(3)).find(|&k| v.fits(k, &v.t.predicates[predicate].object)) {
                out.push(roster_candidate(predicate, k, (0, 1)));
            }
            self.roster = Some((predicate, idx));
            return;
        }
        let t = v.t;
        let last = v.len().saturating_sub(1);
        if v.len() < 2 || v.norms[last] != ":" {
            return;
        }
        for i in 0..last {
            for (n, tr) in v.triggers_at(i) {
                if i + n == last && t.triggers[tr].frame == Frame::Roster {
                    self.roster = Some((t.triggers[tr].predicate, idx));
                }
            }
        }
    }
}

/// "Los procesados fueron capturados por …", "The defendants were arrested by …": an arrest in
/// the passive whose people are a definite noun phrase opening the sentence, no one named
/// before the verb nor after it.
fn case_people(v: &View, start: usize, end: usize) -> bool {
    let arrest = v.triggers_in(start, end).iter().any(|(_, tr)| v.t.predicates[v.t.triggers[*tr].predicate].name == "arrested");
    let named = (0..v.len()).any(|k| v.fits(k, &[EntityType::Person]));
    arrest && !named && v.is(0, Cue::Article) && (1..start).all(|k| v.toks[k].entity().is_none())
}

/// The words that open the items of a bulleted list.
const BULLETS: [&str; 4] = ["-", "•", "*", "–"];

fn roster_candidate(predicate: usize, person: usize, trigger: (usize, usize)) -> Candidate {
    let mut c = Candidate::new(trigger.0, predicate, person, trigger, 0.85);
    c.orphan = Some(Orphan::Roster);
    c
}

/// "The defendants are A, 44, of Culiacán, the alleged plaza manager; B, 38, who allegedly
/// brokered …; and C": the people listed after the words, the first of each item (an item's
/// description may name others), each once. The doer is the document's (`Operation::doers`).
pub fn roster(v: &View, predicate: usize, end: usize, out: &mut Vec<Candidate>) {
    let people = &v.t.predicates[predicate].object;
    let from = if v.norms.get(end) == Some(&":") { end + 1 } else { end };
    // The list starts right after the words, or after a naming word and its quote ("figura
    // alias «el Gordo»").
    let lead = |k: usize| v.is(k, Cue::Naming) || matches!(v.norms[k], "\"" | "“" | "«" | "'");
    if !(from..(from + 3).min(v.len())).take_while(|&k| v.fits(k, people) || lead(k)).any(|k| v.fits(k, people)) {
        return;
    }
    for k in super::agents::people_listed(v, from, people) {
        out.push(roster_candidate(predicate, k, (end - 1, end)));
    }
}

/// "charged seven alleged members and associates of the Sinaloa Cartel", "imputó cargos a seis
/// presuntos integrantes del Clan del Golfo": the organizations after a member noun that
/// follows an act or charge verb closely, its people unnamed.
fn members_of(v: &View, found: &[(usize, usize, Vec<usize>)]) -> Vec<usize> {
    let t = v.t;
    let orgs = [EntityType::CriminalOrg, EntityType::ArmedGroup];
    let is = |tr: usize, frame: Frame, names: &[&str]| {
        t.triggers[tr].frame == frame && names.contains(&t.predicates[t.triggers[tr].predicate].name)
    };
    let verb = found.iter().find(|(_, _, trs)| trs.iter().any(|&tr| is(tr, Frame::Verb, &["arrested", "indicted"])));
    let Some(&(_, verb_end, _)) = verb else {
        return Vec::new();
    };
    for (start, end, trs) in found {
        if *start < verb_end || *start > verb_end + MEMBER_REACH || !trs.iter().any(|&tr| is(tr, Frame::Noun, &["member_of"])) {
            continue;
        }
        // "members of the Sinaloa Cartel", not "members of the cartel, A and B".
        if (verb_end..*start).any(|k| v.toks[k].entity().is_some()) {
            return Vec::new();
        }
        return v.list_right(*end, &orgs, 4).0.into_iter().filter_map(|k| v.entity(k)).collect();
    }
    Vec::new()
}

/// How many tokens may stand between an act's verb and the member noun of its count ("charged
/// seven alleged members and associates of").
const MEMBER_REACH: usize = 6;

/// The agencies that did the act of the active verb at `start`: the doer before it with those
/// coordinated with it, the agency it acts through, and one joined before it ("junto con").
fn active_doers(v: &View, start: usize) -> Vec<usize> {
    let Some(s) = doer_left(v, start) else { return Vec::new() };
    let mut doers = with_coordinated(v, s, &STATE);
    let first = doers.iter().copied().min().unwrap_or(s);
    doers.extend(acting_through(v, s));
    doers.extend(joined_before(v, first));
    doers
}

/// The doer before an active act at `start`: the nearest agency before it, but not one after
/// "in" ("A federal grand jury in the Southern District of California returned …": the court
/// is where it sits).
fn doer_left(v: &View, start: usize) -> Option<usize> {
    let mut from = start;
    for _ in 0..3 {
        let s = v.subject_left(from, &STATE, SUBJECT_REACH)?;
        let mut k = s;
        if k > 0 && v.is(k - 1, Cue::Article) {
            k -= 1;
        }
        if k == 0 || !v.cue_ends_at(k - 1, Cue::Locative) {
            return Some(s);
        }
        from = k - 1;
    }
    None
}

/// "la Fiscalía Especializada (FEMA) de Madre de Dios, junto con la PNP y la Marina, destruyó":
/// the agency before a with-phrase ("junto con", "together with", "em conjunto com") that
/// opens the doers at `first` is the act's first doer.
fn joined_before(v: &View, first: usize) -> Option<usize> {
    let cooperates = v.t.id(super::table::Pred::CooperatesWith)?;
    let mut k = first.checked_sub(1)?;
    if v.is(k, Cue::Article) {
        k = k.checked_sub(1)?;
    }
    let with = (k.saturating_sub(3)..=k)
        .find(|&j| v.trigger[j] && v.triggers_at(j).iter().any(|&(n, tr)| j + n == k + 1 && v.t.triggers[tr].predicate == cooperates))?;
    let mut a = with.checked_sub(1)?;
    if v.norms[a] == "," {
        a = a.checked_sub(1)?;
    }
    // "(FEMA) de Madre de Dios": the agency's seat after its name.
    if a >= 2 && v.fits(a, &[EntityType::Place]) && v.is(a - 1, Cue::Of) {
        a -= 2;
    }
    if v.norms[a] == ")" && a >= 3 && v.norms[a - 2] == "(" {
        a -= 3;
    }
    v.fits(a, &STATE).then_some(a)
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
