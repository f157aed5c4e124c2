//! Relations read from role and unit nouns beside names, with no trigger phrase:
//! "Choneros leader Jorge Luis Zambrano", "its best-known figure, X", "su máximo cabecilla, X"
//! (leads, member_of); "Customs and Border Protection's Air and Marine Operations", "the
//! National Police's anti-drug directorate, DIRANDRO", "la Dirección Antidrogas (DIRANDRO) de
//! la Policía Nacional", "la Policía Nacional, a través de la DIRANDRO" (part_of); "five members
//! of the X gang: A, B and C" (member_of, and leads for the one called its leader); "the Clan
//! del Golfo, considered the main drug-trafficking organization", "Los Lobos, una banda
//! dedicada a la minería ilegal" (engages_in: the activity names the kind of organization).

use super::frames::Candidate;
use super::table::{Cue, Frame};
use super::view::View;
use nexus_kb::EntityType;

const GROUPS: [EntityType; 3] = [EntityType::CriminalOrg, EntityType::ArmedGroup, EntityType::Company];
const STATE: [EntityType; 1] = [EntityType::StateActor];
const PERSON: [EntityType; 1] = [EntityType::Person];
/// Read from how names sit together, weaker than a trigger.
const STRENGTH: f64 = 0.7;
/// Modifiers between a name and its role noun ("the PCC's historic top leader").
const MODIFIERS: usize = 3;

pub fn apply(v: &View, out: &mut Vec<Candidate>) {
    let t = v.t;
    let (Some(leads), Some(member_of), Some(part_of)) =
        (t.id(super::table::Pred::Leads), t.id(super::table::Pred::MemberOf), t.id(super::table::Pred::PartOf))
    else {
        return;
    };
    for i in 0..v.len() {
        // Each rule starts from a name at `i`, or from a member noun, which is a trigger: most
        // tokens are neither.
        if v.toks[i].entity().is_none() && !v.trigger[i] {
            continue;
        }
        if v.fits(i, &GROUPS)
            && let Some((role, person)) = role_after(v, i)
        {
            if role == Cue::RivalRole {
                // "Its older rival, the Comando Vermelho": symmetric, one pair.
                if let Some(conflicts_with) = t.id(super::table::Pred::ConflictsWith) {
                    out.push(Candidate::new(i, conflicts_with, person, (i, person + 1), STRENGTH));
                }
            } else {
                let predicate = if role == Cue::LeaderRole { leads } else { member_of };
                for p in v.list_right(person, &PERSON, 0).0 {
                    out.push(Candidate::new(p, predicate, i, (i, p + 1), STRENGTH));
                }
            }
        }
        if v.fits(i, &GROUPS)
            && let Some(engages_in) = t.id(super::table::Pred::EngagesIn)
        {
            for a in described_activity(v, i) {
                out.push(Candidate::new(i, engages_in, a, (i, a + 1), STRENGTH));
            }
        }
        if v.fits(i, &STATE) {
            for unit in units_of(v, i) {
                out.push(Candidate::new(unit, part_of, i, (i.min(unit), i.max(unit) + 1), STRENGTH));
            }
        }
        if v.fits(i, &GROUPS) {
            for part in parts_of(v, i) {
                out.push(Candidate::new(part, part_of, i, (i.min(part), i.max(part) + 1), STRENGTH));
            }
        }
        // "los ciudadanos" lists are read at the member noun.
        if let Some(n) = member_noun(v, i) {
            members_listed(v, i + n, leads, member_of, out);
        }
    }
}

/// Is token `k` a word (not a name, not punctuation)?
fn word(v: &View, k: usize) -> bool {
    v.toks.get(k).is_some_and(|t| t.entity().is_none() && t.norm.chars().next().is_some_and(char::is_alphabetic))
}

/// The token after a possessive "'s" at `k`, or `k`.
pub(super) fn past_possessive(v: &View, k: usize) -> usize {
    if matches!(v.norms.get(k), Some(&"'") | Some(&"’")) && v.norms.get(k + 1) == Some(&"s") { k + 2 } else { k }
}

/// "<org> ('s) [modifiers] leader [modifiers] (,) <person>": the role and the person; for a
/// rival ("its older rival, the CV"), the other organization.
fn role_after(v: &View, org: usize) -> Option<(Cue, usize)> {
    let mut k = past_possessive(v, org + 1);
    let mut role = None;
    for _ in 0..=MODIFIERS {
        if !word(v, k) || v.trigger[k] {
            return None;
        }
        if v.is(k, Cue::LeaderRole) {
            role = Some(Cue::LeaderRole);
        } else if v.is(k, Cue::MemberRole) {
            role = Some(Cue::MemberRole);
        } else if v.is(k, Cue::RivalRole) {
            role = Some(Cue::RivalRole);
        }
        k += 1;
        if role.is_some() {
            break;
        }
    }
    let role = role?;
    // A rival is another organization; leaders and members are people.
    let target: &[EntityType] = if role == Cue::RivalRole { &GROUPS } else { &PERSON };
    // "su máximo cabecilla histórico, X": Spanish and Portuguese put adjectives after.
    for _ in 0..2 {
        if v.fits(k, target) || v.norms.get(k) == Some(&",") {
            break;
        }
        if !word(v, k) || v.is(k, Cue::Of) || v.trigger[k] {
            return None;
        }
        k += 1;
    }
    if v.norms.get(k) == Some(&",") {
        k += 1;
    }
    if role == Cue::RivalRole && v.is(k, Cue::Article) {
        k += 1;
    }
    (v.fits(k, target) && v.entity(k) != v.entity(org)).then_some((role, k))
}

/// Units of the agency at `i`: "<agency>'s <unit>", "<agency>'s anti-drug directorate,
/// <unit>", "<agency>, a través de la <unit>", and "<unit> (ABBR) de la <agency>" read
/// backwards from the agency.
fn units_of(v: &View, i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let k = past_possessive(v, i + 1);
    if k > i + 1 {
        if v.fits(k, &STATE) {
            out.push(k);
        } else {
            // "the Peruvian National Police's anti-drug directorate, DIRANDRO"
            let head = (k..(k + 4).min(v.len())).take_while(|&j| word(v, j) || v.norms[j] == "-").find(|&j| v.is(j, Cue::UnitHead));
            if let Some(h) = head
                && matches!(v.norms.get(h + 1), Some(&",") | Some(&"("))
                && v.fits(h + 2, &STATE)
            {
                out.push(h + 2);
            }
        }
    }
    // "la Policía Nacional del Perú (PNP), a través de la Dirección Antidrogas"
    let mut after = if v.norms.get(i + 1) == Some(&"(") && v.norms.get(i + 3) == Some(&")") { i + 4 } else { i + 1 };
    if v.norms.get(after) == Some(&",") {
        after += 1;
    }
    if let Some(n) = v.cue_at(after, Cue::Through) {
        let j = v.past_article(after + n);
        if v.fits(j, &STATE) {
            out.push(j);
        }
    }
    // "la Dirección de Investigación Criminal (DIJIN) de la Policía Nacional": the unit
    // stands right before "de", its abbreviation in parentheses between.
    if i >= 2 {
        let mut of = i - 1;
        if v.is(of, Cue::Article) && of > 0 {
            of -= 1;
        }
        if v.is(of, Cue::Of) && of > 0 {
            let mut u = of - 1;
            if v.norms[u] == ")" && u >= 3 && v.norms[u - 2] == "(" && v.fits(u - 1, &STATE) {
                u -= 3;
            }
            if v.fits(u, &STATE) {
                out.push(u);
            }
        }
    }
    out.retain(|&u| v.entity(u) != v.entity(i));
    out
}

/// The length of a member_of noun trigger ("integrantes de", "members of") at `i`.
fn member_noun(v: &View, i: usize) -> Option<usize> {
    if !v.trigger[i] {
        return None;
    }
    let member_of = v.t.id(super::table::Pred::MemberOf)?;
    v.triggers_at(i)
        .into_iter()
        .find(|(_, tr)| v.t.triggers[*tr].predicate == member_of && v.t.triggers[*tr].frame == Frame::Noun)
        .map(|(n, _)| n)
}

/// "cinco integrantes de la organización criminal «Los Estibadores del Norte»: A (41), señalado
/// como cabecilla; B (35), …; y C": every person listed after the colon belongs to the
/// organization, and the one whose description names a leader role leads it.
fn members_listed(v: &View, from: usize, leads: usize, member_of: usize, out: &mut Vec<Candidate>) {
    let Some(colon) = (from..(from + 8).min(v.len())).take_while(|&k| !v.stops(k) || v.norms[k] == ":").find(|&k| v.norms[k] == ":") else {
        members_as_examples(v, from, member_of, out);
        return;
    };
    // The organization's name closes the phrase, quotes aside ("la organización criminal
    // «Los Estibadores del Norte»:").
    let Some(org) = (from..colon).rev().find(|&k| !matches!(v.norms[k], "\"" | "”" | "»" | "'" | "’")).filter(|&k| v.fits(k, &GROUPS))
    else {
        return;
    };
    let people: Vec<usize> = (colon + 1..v.len()).filter(|&k| v.fits(k, &PERSON)).collect();
    for (n, &p) in people.iter().enumerate() {
        // An alias named right after is the same person: describe them together.
        if n > 0 && v.entity(people[n - 1]) == v.entity(p) {
            continue;
        }
        let next = people[n + 1..].iter().copied().find(|&q| v.entity(q) != v.entity(p)).unwrap_or(v.len());
        // "señalado como cabecilla", "apontado como chefe do grupo" (the group itself), but
        // not "jefe de seguridad".
        let of_the_org = |k: usize| (k + 2..(k + 4).min(v.len())).any(|j| v.entity(j) == v.entity(org));
        let described_as_leader =
            (p + 1..next).take_while(|&k| v.norms[k] != ";").any(|k| v.is(k, Cue::LeaderRole) && (!v.is(k + 1, Cue::Of) || of_the_org(k)));
        let predicate = if described_as_leader { leads } else { member_of };
        out.push(Candidate::new(p, predicate, org, (colon, p + 1), STRENGTH));
    }
}

/// How many words may stand between a member noun and its organization ("seis presuntos
/// miembros de la banda criminal Los Lobos").
const MEMBER_OF_REACH: usize = 6;

/// "seis miembros de Los Lobos, entre ellos A y B", "three members of the CJNG, including A",
/// "integrantes do CV, entre eles A": the people named as examples right after the organization
/// a member noun counts belong to it.
fn members_as_examples(v: &View, from: usize, member_of: usize, out: &mut Vec<Candidate>) {
    let Some(org) = (from..(from + MEMBER_OF_REACH).min(v.len())).take_while(|&k| !v.stops(k)).find(|&k| v.fits(k, &GROUPS)) else {
        return;
    };
    let mut k = org + 1;
    while matches!(v.norms.get(k), Some(&"\"") | Some(&"”") | Some(&"»") | Some(&"'") | Some(&"’")) {
        k += 1;
    }
    if v.norms.get(k) != Some(&",") {
        return;
    }
    let Some(n) = v.cue_at(k + 1, Cue::Example) else { return };
    for p in v.list_right(k + 1 + n, &PERSON, 1).0 {
        out.push(Candidate::new(p, member_of, org, (from, p + 1), STRENGTH));
    }
}

/// How far an apposition or predicate describing an organization may run, in tokens.
const DESCRIPTION: usize = 10;

/// "<org>, (considered) the main drug-trafficking organization", "<org> is a drug trafficking
/// group", "<org>, maior organização de tráfico de drogas": activities named right beside an
/// organization noun in an apposition or after a copula describing the organization.
fn described_activity(v: &View, org: usize) -> Vec<usize> {
    let mut k = org + 1;
    if v.norms.get(k) == Some(&"(") {
        let Some(close) = (k..v.len()).find(|&j| v.norms[j] == ")") else { return Vec::new() };
        k = close + 1;
    }
    if v.norms.get(k) == Some(&",") {
        k += 1;
    } else if let Some(n) = v.cue_at(k, Cue::Copula) {
        k += n;
    } else {
        return Vec::new();
    }
    let activity = [EntityType::Activity];
    let mut out = Vec::new();
    for j in k..(k + DESCRIPTION).min(v.len()) {
        // "grew into Colombia's largest drug-trafficking group": a place's genitive only says
        // where the organization stands first.
        let genitive = v.fits(j, &[EntityType::Place, EntityType::Country])
            && matches!(v.norms.get(j + 1), Some(&"'" | &"’"))
            && v.norms.get(j + 2) == Some(&"s");
        if matches!(v.norms[j], "," | ";" | ":" | "." | "(") || (v.toks[j].entity().is_some() && !v.fits(j, &activity) && !genitive) {
            break;
        }
        // "Los Lobos, a rival of the drug-trafficking organization …": another relation's
        // words start; what follows describes its object.
        if v.trigger[j] {
            let engages = v.t.id(super::table::Pred::EngagesIn);
            let hits = v.triggers_at(j);
            if !hits.is_empty() && hits.iter().all(|(_, tr)| Some(v.t.triggers[*tr].predicate) != engages) {
                break;
            }
        }
        if !v.fits(j, &activity) {
            continue;
        }
        // "organización narcotraficante", "drug-trafficking organization", "organização de
        // tráfico de drogas", "banda dedicada a la minería".
        let noun_at = |m: usize| v.is(m, Cue::OrgNoun);
        let beside = noun_at(j + 1)
            || (j >= 1 && noun_at(j - 1))
            || (j >= 2 && noun_at(j - 2) && (v.is(j - 1, Cue::Of) || v.trigger[j - 1]))
            || (j >= 3 && noun_at(j - 3) && v.trigger[j - 2]);
        if beside {
            out.push(j);
        }
    }
    out
}

/// Parts of the organization at `i` named around it: "facciones vinculadas al Tren de Aragua,
/// entre ellas Los Gallegos y Los Malditos", "factions of the Sinaloa Cartel, such as Los
/// Chapitos" (the examples after a part_of noun phrase ending at the organization), and "la
/// subestructura «Juan de Dios Úsuga» del Clan del Golfo", "the Frente 33 of the FARC
/// dissidents", "a facção X do PCC" (a unit noun, the part's name, "of", the organization).
fn parts_of(v: &View, i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if part_noun_before(v, i) {
        let mut k = if v.norms.get(i + 1) == Some(&"(") { v.past_parens(i + 1) } else { i + 1 };
        if v.norms.get(k) == Some(&",")
            && let Some(n) = v.cue_at(k + 1, Cue::Example)
        {
            k += 1 + n;
            out.extend(v.list_right(k, &GROUPS, 2).0);
        }
    }
    if let Some(part) = named_unit_before(v, i) {
        out.push(part);
    }
    // "the Sinaloa Cartel's Los Chapitos faction": a group named after the possessive, its unit
    // noun right after it.
    let k = past_possessive(v, i + 1);
    if k > i + 1 && v.fits(k, &GROUPS) && v.is(k + 1, Cue::UnitHead) {
        out.push(k);
    }
    out.retain(|&p| v.entity(p) != v.entity(i));
    out
}

/// Does a part_of noun phrase ("facciones vinculadas al", "factions of the") end right before
/// the organization at `i`?
fn part_noun_before(v: &View, i: usize) -> bool {
    let Some(part_of) = v.t.id(super::table::Pred::PartOf) else { return false };
    let end = if i > 0 && v.is(i - 1, Cue::Article) { i - 1 } else { i };
    (end.saturating_sub(4)..end).any(|j| {
        v.may_trigger(j)
            && v.triggers_in(j, end)
                .iter()
                .any(|&(n, tr)| j + n == end && v.t.triggers[tr].predicate == part_of && v.t.triggers[tr].frame == Frame::Noun)
    })
}

/// "la subestructura «Juan de Dios Úsuga» del Clan del Golfo", "la facción de Los Chapitos del
/// Cártel de Sinaloa": the organization named right after a unit noun (and "de"), itself
/// followed by "of" and the organization at `i`.
fn named_unit_before(v: &View, i: usize) -> Option<usize> {
    let quote = |k: usize| matches!(v.norms[k], "\"" | "“" | "”" | "«" | "»" | "'" | "‘" | "’");
    let mut k = i.checked_sub(1)?;
    if v.is(k, Cue::Article) {
        k = k.checked_sub(1)?;
    }
    if !v.is(k, Cue::Of) {
        return None;
    }
    let mut part = k.checked_sub(1)?;
    if quote(part) {
        part = part.checked_sub(1)?;
    }
    if !v.fits(part, &GROUPS) {
        return None;
    }
    let mut head = part.checked_sub(1)?;
    if quote(head) {
        head = head.checked_sub(1)?;
    }
    // After "de" the unit noun may open a part_of phrase ("facción de"): with the group after
    // it it names no subject, and is read here.
    if v.is(head, Cue::Of) && head > 0 && v.is(head - 1, Cue::UnitHead) {
        return Some(part);
    }
    (v.is(head, Cue::UnitHead) && !v.trigger[head]).then_some(part)
}
