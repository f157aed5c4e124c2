//! The second party of what organizations and agencies do together or against each other, when
//! the sentence names it away from the verb:
//!
//! - a relative clause after a with/of-word: "o CV divide o território com a GDE, com a qual
//!   mantém uma rivalidade violenta", "la FDN, facción local de la que fue aliado", "the
//!   Zetas, with which it has long been at war" (the antecedent and the clause's subject);
//! - a contest for control whose other side comes after the contested things: "the CJNG
//!   disputes control of Colima and Michoacán with the Sinaloa Cartel", "disputa el control de
//!   Rosario con Los Monos";
//! - a partner beside the doer of a seizure or an arrest: "the DEA, in a joint operation with
//!   the Colombian police, seized …", "En operación conjunta con la Armada, la Policía incautó
//!   …" (the partner seized too);
//! - a "between" phrase over a plural anaphor: "a rivalidade entre os dois grupos", "la guerra
//!   entre ambos grupos" (every pair of the organizations named before).
//!
//! Vocabulary: `data/relations/parties.tsv`.

use super::frames::Candidate;
use super::table::{Cue, Frame, Shapes, WordSet};
use super::view::View;
use crate::hash::FxMap;
use nexus_kb::EntityType;
use std::sync::OnceLock;

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];
const STATE: [EntityType; 1] = [EntityType::StateActor];
/// Read from how the parties sit around the words, weaker than a trigger beside them.
const STRENGTH: f64 = 0.7;

/// A set of phrases, each a list of folded words, indexed by first and by last word: the rules
/// ask at every token, and most tokens start or end none.
#[derive(Default)]
struct Phrases {
    by_first: FxMap<&'static str, Vec<Vec<&'static str>>>,
    by_last: FxMap<&'static str, Vec<Vec<&'static str>>>,
    firsts: Shapes,
    lasts: Shapes,
}

impl Phrases {
    fn extend(&mut self, phrases: impl Iterator<Item = Vec<&'static str>>) {
        for p in phrases.filter(|p| !p.is_empty()) {
            self.firsts.add(p[0]);
            self.lasts.add(p[p.len() - 1]);
            self.by_last.entry(p[p.len() - 1]).or_default().push(p.clone());
            self.by_first.entry(p[0]).or_default().push(p);
        }
    }

    /// The length of the longest phrase starting at token `i`.
    fn at(&self, v: &View, i: usize) -> Option<usize> {
        let first = v.norms.get(i)?;
        if !self.firsts.may_hold(first) {
            return None;
        }
        let candidates = self.by_first.get(first)?;
        candidates.iter().filter(|p| v.norms.get(i..i + p.len()) == Some(&p[..])).map(Vec::len).max()
    }

    /// The length of the longest phrase ending at token `i` (inclusive).
    fn ending_at(&self, v: &View, i: usize) -> Option<usize> {
        let last = v.norms.get(i)?;
        if !self.lasts.may_hold(last) {
            return None;
        }
        let candidates = self.by_last.get(last)?;
        candidates.iter().filter(|p| p.len() <= i + 1 && v.norms[i + 1 - p.len()..=i] == p[..]).map(Vec::len).max()
    }
}

/// The word classes of `parties.tsv`.
#[derive(Default)]
struct Words {
    relative_with: WordSet,
    relative_word: WordSet,
    conflicts: WordSet,
    cooperates: WordSet,
    dispute_verb: Phrases,
    control_noun: WordSet,
    against_with: WordSet,
    joint_with: Phrases,
    member_source: Phrases,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut w = Words::default();
        for line in crate::lang::lines(include_str!("../../../../data/relations/parties.tsv")) {
            let Some((role, list)) = line.split_once('\t') else { panic!("parties.tsv: bad line {line:?}") };
            let items = list.split(" | ").map(str::trim);
            match role {
                "relative_with" => w.relative_with.extend(items),
                "relative_word" => w.relative_word.extend(items),
                "reciprocal_conflicts" => w.conflicts.extend(items),
                "reciprocal_cooperates" => w.cooperates.extend(items),
                "dispute_verb" => w.dispute_verb.extend(items.map(|p| p.split(' ').collect())),
                "control_noun" => w.control_noun.extend(items),
                "against_with" => w.against_with.extend(items),
                "joint_with" => w.joint_with.extend(items.map(|p| p.split(' ').collect())),
                "member_source" => w.member_source.extend(items.map(|p| p.split(' ').collect())),
                r => panic!("parties.tsv: unknown role {r}"),
            }
        }
        w
    })
}

pub fn apply(v: &View, out: &mut Vec<Candidate>) {
    let (Some(conflicts), Some(cooperates)) = (v.t.id(super::table::Pred::ConflictsWith), v.t.id(super::table::Pred::CooperatesWith))
    else {
        return;
    };
    let w = words();
    // Both readings pair two different organizations: a sentence naming fewer has none.
    let mut orgs = (0..v.len()).filter(|&k| v.fits(k, &ORGS)).filter_map(|k| v.entity(k));
    let two = orgs.next().is_some_and(|first| orgs.any(|e| e != first));
    for i in (0..v.len()).filter(|_| two) {
        if let Some((a, b, reciprocal)) = relative_party(v, w, i) {
            let predicate = if w.conflicts.contains(v.norms[reciprocal]) { conflicts } else { cooperates };
            out.push(Candidate::new(a, predicate, b, (reciprocal, reciprocal + 1), STRENGTH));
        }
        if let Some((a, b)) = contested_control(v, w, i) {
            out.push(Candidate::new(a, conflicts, b, (i, i + 1), STRENGTH));
        }
    }
    joint_doers(v, w, out);
}

/// How many tokens a relative clause may run before its reciprocal word ("com a qual mantém
/// uma rivalidade violenta", "with which it has long been at war").
const CLAUSE_REACH: usize = 7;

/// "…, com a qual mantém uma rivalidade", "…, del que fue aliado hasta 2018": at token `i` a
/// with/of-word, an optional article and a relative pronoun; in the clause after, a word of
/// rivalry or alliance. The parties are the antecedent and the clause's subject — named inside
/// the clause ("con la que el CJNG mantiene una guerra") or else the first organization of the
/// sentence, whose clause the relative completes. Returns both and the reciprocal word's token.
fn relative_party(v: &View, w: &Words, i: usize) -> Option<(usize, usize, usize)> {
    if !w.relative_with.contains(v.norms[i]) {
        return None;
    }
    let pronoun = v.past_article(i + 1);
    if !v.norms.get(pronoun).is_some_and(|p| w.relative_word.contains(p)) {
        return None;
    }
    let antecedent = antecedent(v, i)?;
    let mut inside = None;
    let reciprocal = (pronoun + 1..(pronoun + 1 + CLAUSE_REACH).min(v.len()))
        .take_while(|&k| !matches!(v.norms[k], "," | "(") && !v.ends_clause(k))
        .inspect(|&k| {
            if inside.is_none() && v.fits(k, &ORGS) {
                inside = Some(k);
            }
        })
        .find(|&k| w.conflicts.contains(v.norms[k]) || w.cooperates.contains(v.norms[k]))?;
    let other = inside.or_else(|| (0..antecedent).find(|&k| v.fits(k, &ORGS)))?;
    (v.entity(other) != v.entity(antecedent)).then_some((other, antecedent, reciprocal))
}

/// How many plain words a short apposition may hold before the relative ("…(FDN), facção local
/// da qual"): a kind of organization and its qualifiers.
const APPOSITION: usize = 3;

/// The organization a relative after the with-word at `with` speaks of: named right before
/// (after a comma or a parenthesis), or described by a short apposition with an organization
/// noun that follows it ("a Família do Norte (FDN), facção local da qual …").
fn antecedent(v: &View, with: usize) -> Option<usize> {
    let mut k = with.checked_sub(1)?;
    if v.norms[k] != "," {
        // "facção local da qual": back over the apposition's words to its comma.
        let start = (k.saturating_sub(APPOSITION)..=k).rev().take_while(|&j| plain(v, j)).last()?;
        if !(start..=k).any(|j| v.is(j, Cue::OrgNoun)) {
            return None;
        }
        k = start.checked_sub(1)?;
        if v.norms[k] != "," {
            return None;
        }
    }
    k = k.checked_sub(1)?;
    if v.norms[k] == ")" {
        k = (k.saturating_sub(6)..k).rev().find(|&j| v.norms[j] == "(")?.checked_sub(1)?;
    }
    v.fits(k, &ORGS).then_some(k)
}

/// A word with no name in it and no relation's words.
fn plain(v: &View, k: usize) -> bool {
    v.plain_word(k) && !v.trigger[k]
}

/// How far after the control noun the with-word naming the other side may stand ("control of
/// the cocaine routes of Colima and Michoacán with the Sinaloa Cartel").
const CONTESTED_REACH: usize = 14;
/// How far before the verb of contending its subject may stand, in tokens.
const SUBJECT_REACH: usize = 8;

/// "the CJNG disputes control of Colima and Michoacán with the Sinaloa Cartel", "disputa el
/// control de Rosario con Los Monos", "luta pelo controle do Solimões com a FDN": a verb of
/// contending at `i`, a control noun right after it, and a with-word naming an organization
/// after the contested things. The subject before the verb and that organization.
fn contested_control(v: &View, w: &Words, i: usize) -> Option<(usize, usize)> {
    let n = w.dispute_verb.at(v, i)?;
    let mut k = i + n;
    if v.is(k, Cue::Article) || v.is(k, Cue::Possessive) {
        k += 1;
    }
    if !v.norms.get(k).is_some_and(|c| w.control_noun.contains(c)) {
        return None;
    }
    let with = (k + 1..(k + 1 + CONTESTED_REACH).min(v.len()))
        .take_while(|&j| v.norms[j] != "(" && !v.ends_clause(j))
        .find(|&j| w.against_with.contains(v.norms[j]))?;
    let other = v.past_article(with + 1);
    if !v.fits(other, &ORGS) {
        return None;
    }
    let subject = v.subject_left(i, &ORGS, SUBJECT_REACH)?;
    (v.entity(subject) != v.entity(other)).then_some((subject, other))
}

/// "the DEA, in a joint operation with the Colombian National Police, seized …", "En operación
/// conjunta con la Armada, la Policía Nacional incautó …": a seizure or an arrest whose doer
/// has a partner named after a joint-action phrase in an aside between the doer and the verb,
/// or opening the sentence before the doer; each partner is given the same act.
fn joint_doers(v: &View, w: &Words, out: &mut Vec<Candidate>) {
    let acts: Vec<usize> = ["seized", "arrested"].iter().filter_map(|p| v.t.predicate(p)).collect();
    let mut added = Vec::new();
    for c in out.iter().filter(|c| acts.contains(&c.predicate) && c.orphan.is_none() && c.subject < c.trigger.0) {
        if !v.fits(c.subject, &STATE) {
            continue;
        }
        let after = if v.norms.get(c.subject + 1) == Some(&"(") { v.past_parens(c.subject + 1) } else { c.subject + 1 };
        // An aside after the doer, closed before the verb; or a phrase opening the sentence,
        // closed before the doer.
        let aside = if v.norms.get(after) == Some(&",") { partners(v, w, after + 1, c.trigger.0) } else { Vec::new() };
        let fronted = partners(v, w, 0, c.subject);
        for p in aside.into_iter().chain(fronted) {
            if v.entity(p) != v.entity(c.subject) {
                let mut copy = c.clone();
                copy.subject = p;
                added.push(copy);
            }
        }
    }
    out.extend(added);
}

/// The partners named after a joint-action phrase at `from`, in a stretch ending in a comma
/// before `until` with no other name or relation's words after them.
fn partners(v: &View, w: &Words, from: usize, until: usize) -> Vec<usize> {
    let Some(n) = w.joint_with.at(v, from) else { return Vec::new() };
    let (items, after) = v.list_right(from + n, &STATE, 2);
    let closes = (after..until).find(|&k| v.norms[k] == ",");
    let clean = closes.is_some_and(|c| (after..c).all(|k| !v.stops(k) && v.toks[k].entity().is_none()));
    if !clean || items.iter().any(|&k| k >= until) {
        return Vec::new();
    }
    items
}

/// "Os Crias, grupo formado por dissidentes da FDN que …", "a gang made up of former members of
/// the PCC that …": the relative after the organization at `k` speaks of the people named before
/// its "of" — and so of the group they formed, named before a comma and the words describing it.
/// That group's token, when the sentence reads so.
pub fn formed_from(v: &View, k: usize, types: &[EntityType]) -> Option<usize> {
    let of = v.before_article(k)?;
    if !v.is(of, Cue::Of) {
        return None;
    }
    let noun_end = of.checked_sub(1)?;
    let n = words().member_source.ending_at(v, noun_end)?;
    // Back over the describing words ("grupo formado por", "a gang made up of") to the comma.
    let mut j = noun_end + 1 - n;
    let mut steps = 0;
    while j > 0 && v.norms[j - 1] != "," {
        j -= 1;
        steps += 1;
        if steps > 5 || v.toks[j].entity().is_some() || !v.norms[j].chars().all(|c| c.is_alphabetic() || c == '-') {
            return None;
        }
    }
    let mut head = j.checked_sub(2)?;
    if v.norms[head] == ")" {
        head = (head.saturating_sub(6)..head).rev().find(|&m| v.norms[m] == "(")?.checked_sub(1)?;
    }
    v.fits(head, types).then_some(head)
}

/// "a rivalidade entre os dois grupos", "the war between both groups", "la alianza entre ambas
/// organizaciones": a symmetric "between" phrase whose one item is the token at `at` standing for
/// several organizations (`anaphora::plural_orgs`). The pair (at, at) reads, through that token,
/// as every pair of the organizations it stands for.
pub fn between_each(v: &View, at: usize, out: &mut Vec<Candidate>) {
    let Some(end) = v.before_article(at).map(|k| k + 1) else { return };
    for start in end.saturating_sub(4)..end {
        for (n, tr) in v.triggers_at(start) {
            let trigger = &v.t.triggers[tr];
            if start + n == end && trigger.frame == Frame::Between && v.t.predicates[trigger.predicate].symmetric {
                out.push(Candidate::new(at, trigger.predicate, at, (start, end), STRENGTH));
            }
        }
    }
}
