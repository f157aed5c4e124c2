//! Where places lie and who holds them, read from how a sentence describes a place: "the VRAEM
//! remains the single largest coca-producing zone in Peru", "La Pampa, the largest mining area
//! in Madre de Dios" (located_in); "the last redoubt of the Shining Path", "bastión del Clan
//! del Golfo" (the organization operates_in the place).

use super::attach::{contains, in_place, place_head};
use super::frames::Candidate;
use super::table::Cue;
use super::view::View;
use crate::ExtractedEntity;
use nexus_kb::{EntityType, KnowledgeBase};

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];
const PLACES: [EntityType; 2] = [EntityType::Place, EntityType::Country];
const STRENGTH: f64 = 0.7;
/// Words between "is the" and the place noun ("single largest coca-producing").
const DESCRIPTION: usize = 7;
/// Words a description may run on after its place noun ("zona con mayor producción de …").
const HEAD_TAIL: usize = 4;
/// How far back the place a stronghold phrase describes may stand, in tokens.
const HOLDER_REACH: usize = 30;

pub fn apply(v: &View, kb: &KnowledgeBase, entities: &[ExtractedEntity], out: &mut Vec<Candidate>) {
    let (Some(located_in), Some(operates_in)) = (v.t.id(super::table::Pred::LocatedIn), v.t.id(super::table::Pred::OperatesIn)) else {
        return;
    };
    // Every rule here places something in a place the sentence names: with none, none applies.
    if !v.toks.iter().any(|t| t.entity().is_some_and(|(_, ty)| PLACES.contains(&ty))) {
        return;
    }
    for i in 0..v.len() {
        if v.fits(i, &[EntityType::Place])
            && let Some(k) = described_in(v, i)
            && v.entity(k) != v.entity(i)
            && contains(kb, entities, v.entity(k), v.entity(i)) != Some(false)
        {
            out.push(Candidate::new(i, located_in, k, (i, k + 1), STRENGTH));
        }
        // "La Penitenciaría del Litoral, en Guayaquil, fue …": a place set off by commas; an
        // acronym or a state's code may stand in parentheses after either ("el Complejo
        // Penitenciario (Compaj), em Manaus,", "Pecém, em São Gonçalo do Amarante (CE),").
        let comma = if v.norms.get(i + 1) == Some(&"(") { v.past_parens(i + 1) } else { i + 1 };
        if v.fits(i, &[EntityType::Place])
            && v.norms.get(comma) == Some(&",")
            && let Some(k) = in_place(v, comma + 1)
            && matches!(v.norms.get(after_parens(v, k + 1)), None | Some(&",") | Some(&".") | Some(&";"))
            // "in Tumaco, in Buenaventura and in Cali" lists places; it does not nest them.
            && !lists_places(v, after_parens(v, k + 1) + 1)
            && v.entity(k) != v.entity(i)
            && contains(kb, entities, v.entity(k), v.entity(i)) != Some(false)
        {
            out.push(Candidate::new(i, located_in, k, (i, k + 1), STRENGTH - 0.1));
            for j in kinds_listed(v, i) {
                if v.entity(j) != v.entity(k) && contains(kb, entities, v.entity(k), v.entity(j)) != Some(false) {
                    out.push(Candidate::new(j, located_in, k, (j, k + 1), STRENGTH - 0.15));
                }
            }
        }
        if let Some(n) = v.cue_at(i, Cue::Stronghold) {
            let (orgs, after) = v.list_right(i + n, &ORGS, 5);
            if orgs.is_empty() {
                continue;
            }
            // "El principal bastión del ELN es Arauca": the place the copula names comes first.
            if let Some(place) = named_after(v, after).or_else(|| v.subject_left(i, &PLACES, HOLDER_REACH)) {
                for o in orgs {
                    out.push(Candidate::new(o, operates_in, place, (i, i + n), STRENGTH));
                }
            }
        }
    }
    // The rules below start from a stronghold or presence noun: most sentences have neither.
    let (strongholds, presences) = (v.has_cue(Cue::StrongholdNoun), v.has_cue(Cue::Presence));
    for i in (0..v.len()).filter(|_| strongholds || presences) {
        if let Some((org, place)) = stronghold_noun(v, i) {
            out.push(Candidate::new(org, operates_in, place, (i, i + 1), STRENGTH));
        }
        if let Some(org) = presence_of(v, i) {
            for place in presence_places(v, org + 1) {
                out.push(Candidate::new(org, operates_in, place, (i, place + 1), STRENGTH));
            }
        }
    }
    if let Some((place, orgs)) = fronted_place(v) {
        for o in orgs {
            out.push(Candidate::new(o, operates_in, place, (0, place + 1), STRENGTH));
        }
    }
}

/// "nas províncias de A e B, no departamento de C,", "the states of A and B, in the north,":
/// the earlier items of a list after a plural kind of place, which the place set off after
/// the last item (at `last`) holds too. Not "el puerto de Guayaquil y Puerto Bolívar, en El
/// Oro": without the plural noun, ", in C," places only the last item.
fn kinds_listed(v: &View, last: usize) -> Vec<usize> {
    let items = v.list_left(last, &[EntityType::Place]);
    let Some(&first) = items.last() else { return items };
    let of = if first > 0 && v.is(first - 1, Cue::Article) { first - 1 } else { first };
    if of >= 2 && v.is(of - 1, Cue::Of) && plural_place_head(v, of - 2) { items } else { Vec::new() }
}

/// Is token `k` the plural of a noun naming a kind of place ("provinces", "ciudades", "cities")?
fn plural_place_head(v: &View, k: usize) -> bool {
    let Some(w) = v.norms.get(k) else { return false };
    let head = |sg: &str| super::attach::place_noun(v.t, sg);
    let ies = w.strip_suffix("ies").map(|stem| format!("{stem}y"));
    w.strip_suffix('s').is_some_and(head) || w.strip_suffix("es").is_some_and(head) || ies.as_deref().is_some_and(head)
}

/// "… in Buenaventura and in Cali": after the comma at `k - 1`, another "in <place>" goes on.
/// Not "…, na terça-feira": the next "in" must name a place.
fn lists_places(v: &View, k: usize) -> bool {
    in_place(v, k).is_some() || (v.is(k, Cue::Coordinator) && in_place(v, k + 1).is_some())
}

/// The token at `k`, or the one after the parentheses that open there.
fn after_parens(v: &View, k: usize) -> usize {
    if v.norms.get(k) == Some(&"(") { v.past_parens(k) } else { k }
}

/// "No Ceará, o CV divide o território …", "In Colombia, the Gulf Clan controls …": a sentence
/// that opens with exactly "in <place>," and goes on with an organization as its subject says
/// the organization acts there. Only that shape: a place named anywhere else, or an
/// organization that is not the first thing after the comma ("la presencia del grupo"), says
/// nothing about where it operates.
fn fronted_place(v: &View) -> Option<(usize, Vec<usize>)> {
    if !v.is(0, Cue::Inside) {
        return None;
    }
    let place = if v.is(1, Cue::Article) { 2 } else { 1 };
    // "Em Cruzeiro do Sul (AC), na região do Juruá, …": a state's code, and where the place
    // lies, may stand before the comma that ends the fronted phrase.
    let mut comma = if v.norms.get(place + 1) == Some(&"(") { v.past_parens(place + 1) } else { place + 1 };
    if !v.fits(place, &PLACES) || v.norms.get(comma) != Some(&",") {
        return None;
    }
    if let Some(k) = in_place(v, comma + 1).filter(|&k| v.norms.get(k + 1) == Some(&",")) {
        comma = k + 1;
    }
    let mut org = if v.is(comma + 1, Cue::Article) { comma + 2 } else { comma + 1 };
    // "Em X, a disputa entre o CV e a facção B13 provocou …": the parties of a rivalry or an
    // alliance (a trigger of two or more words right before the first of them).
    let words = (org..v.len()).take_while(|&j| v.trigger[j] && v.toks[j].entity().is_none()).count();
    let parties = words >= 2;
    if parties {
        org = v.past_article(org + words);
    }
    // "En Ecuador, bandas como Los Choneros y Los Lobos han pasado …": the subject is a kind of
    // group and the examples that name its members.
    if let Some(at) = examples_of_groups(v, org) {
        org = v.past_article(at);
    }
    // "En Chile, la presencia del grupo se detectó …": the organization whose presence it is.
    if let Some(j) = presence_of(v, org) {
        org = j;
    }
    if !v.fits(org, &ORGS) {
        return None;
    }
    let (orgs, after) = subject_list(v, org);
    // "la lucha contra la MS-13": one party is what is acted on, not who acts.
    if parties && orgs.len() < 2 {
        return None;
    }
    // The subject is followed by its verb, not by a comma opening a list of places; a short
    // aside about the last item (", aliado do PCC,") may come between.
    let next = v.toks.get(past_aside(v, after))?;
    (next.entity().is_none() && next.norm.chars().next().is_some_and(char::is_alphabetic)).then_some((place, orgs))
}

/// The organizations coordinated from `first` ("el Clan del Golfo, las disidencias de las FARC y
/// el ELN (…)") and the token after them. Here the list is the subject, so the verb right
/// after its last item does not end it early.
fn subject_list(v: &View, first: usize) -> (Vec<usize>, usize) {
    // Past an acronym in parentheses, or the "de las FARC" that a name ("las disidencias")
    // leaves outside its mention.
    let past = |k: usize| {
        if v.norms.get(k) == Some(&"(") {
            return v.past_parens(k);
        }
        let word = if v.is(k, Cue::Of) && v.is(k + 1, Cue::Article) { k + 2 } else { k + 1 };
        // The group after "of" may be a name of its own ("las FARC") or a word the matcher left.
        let named = |t: &super::tokens::Tok| t.entity().is_some() || t.norm.chars().all(char::is_alphanumeric) && !t.norm.is_empty();
        if v.is(k, Cue::Of) && v.toks.get(word).is_some_and(named) { word + 1 } else { k }
    };
    let (mut orgs, mut after) = (vec![first], past(first + 1));
    while let Some(n) = v.cue_at(after, Cue::Coordinator) {
        let mut j = v.past_article(after + n);
        // "e a facção acreana Bonde dos 13": a kind of group and a word may stand before a name.
        if let Some(k) = (j + 1..(j + 3).min(v.len())).find(|&k| v.fits(k, &ORGS))
            && (j..k).all(|m| v.toks[m].entity().is_none() && v.norms[m].chars().all(char::is_alphabetic))
            && (j..k).any(|m| v.is(m, Cue::OrgNoun))
        {
            j = k;
        }
        if !v.fits(j, &ORGS) {
            break;
        }
        orgs.push(j);
        after = past(j + 1);
    }
    (orgs, after)
}

/// Words a short aside about a name may hold (", aliado do PCC,", ", a rival of the CV,").
const ASIDE: usize = 5;

/// The token after a short aside opening with the comma at `at` (or `at` itself): a few words,
/// at most one name and no place, up to the comma that closes it.
fn past_aside(v: &View, at: usize) -> usize {
    if v.norms.get(at) != Some(&",") {
        return at;
    }
    let close = (at + 1..(at + ASIDE + 2).min(v.len())).find(|&k| v.norms[k] == ",");
    let Some(close) = close else { return at };
    let names = (at + 1..close).filter(|&k| v.toks[k].entity().is_some()).count();
    let plain =
        (at + 1..close).all(|k| !v.fits(k, &PLACES) && (v.toks[k].entity().is_some() || v.norms[k].chars().all(char::is_alphabetic)));
    if close > at + 1 && names <= 1 && plain { close + 1 } else { at }
}

/// Words a sentence's subject may take before the organizations it names: "bandas como",
/// "criminal groups such as", "grupos criminosos como". A noun for a kind of group (and a word
/// beside it) then an example word; the token after the example word.
fn examples_of_groups(v: &View, from: usize) -> Option<usize> {
    (from + 1..(from + 4).min(v.len())).find_map(|j| {
        let n = v.cue_at(j, Cue::Example)?;
        let words = (from..j).all(|k| v.toks[k].entity().is_none() && v.toks[k].norm.chars().all(char::is_alphabetic));
        (words && (from..j).any(|k| v.is(k, Cue::OrgNoun))).then_some(j + n)
    })
}

/// "<place> is|remains (the) … zone in <place>" or "<place>, the … area in <place>": the
/// place that holds the first. The description is words only (and the goods it makes), and
/// ends in a noun naming a kind of place.
fn described_in(v: &View, i: usize) -> Option<usize> {
    let mut k = i + 1;
    if v.norms.get(k) == Some(&"(") {
        k = (k..v.len()).find(|&j| v.norms[j] == ")")? + 1;
    }
    if v.norms.get(k) == Some(&",") && v.cue_at(k + 1, Cue::Copula).is_some() {
        // "the VRAEM, known by its acronym, remains the …" (the aside already skipped)
        k += 1 + v.cue_at(k + 1, Cue::Copula)?;
    } else if v.norms.get(k) == Some(&",") {
        k += 1;
        if !v.is(k, Cue::Article) && !matches!(v.norms.get(k), Some(&"un") | Some(&"una") | Some(&"um") | Some(&"uma") | Some(&"an")) {
            return None;
        }
    } else {
        k += v.cue_at(k, Cue::Copula)?;
    }
    let goods = [EntityType::Commodity, EntityType::Activity];
    // "la zona con mayor producción de hoja de coca del Perú": after the place noun, what it
    // is known for may come before "of <place>".
    let mut head = false;
    for step in 0..DESCRIPTION + HEAD_TAIL {
        let tok = v.toks.get(k)?;
        if step >= DESCRIPTION && !head {
            return None;
        }
        head |= place_head(v, k);
        if head && (v.is(k + 1, Cue::Inside) || v.is(k + 1, Cue::Of)) {
            let j = if v.is(k + 2, Cue::Article) { k + 3 } else { k + 2 };
            if v.fits(j, &PLACES) {
                return Some(j);
            }
            if place_head(v, k) {
                return None;
            }
        }
        let word = tok.entity().is_none() && tok.norm.chars().next().is_some_and(char::is_alphanumeric);
        if !(word || v.fits(k, &goods) || tok.norm == "-") || v.cue_at(k, Cue::ClauseBreak).is_some() {
            return None;
        }
        k += 1;
    }
    None
}

/// How far after the organization a presence noun names the "in <place>" may start, in tokens.
const PRESENCE_REACH: usize = 8;

/// "presence of (the) <organization>", "la presencia del grupo", "a atuação do PCC": the
/// organization's token, for the presence noun at `i`.
fn presence_of(v: &View, i: usize) -> Option<usize> {
    let n = v.cue_at(i, Cue::Presence)?;
    if !v.is(i + n, Cue::Of) {
        return None;
    }
    let org = if v.is(i + n + 1, Cue::Article) { i + n + 2 } else { i + n + 1 };
    v.fits(org, &ORGS).then_some(org)
}

/// The places after a presence noun's organization: the first "in <places>" of the clause,
/// past a vague "in the north," that names none ("se detectó primero en el norte, en Arica y
/// Tarapacá"). Another name, or the end of the clause, ends the search.
fn presence_places(v: &View, from: usize) -> Vec<usize> {
    let from = if v.norms.get(from) == Some(&"(") { v.past_parens(from) } else { from };
    let mut j = from;
    while j < v.len() && j < from + PRESENCE_REACH {
        if v.toks[j].entity().is_some() || v.stops(j) {
            return Vec::new();
        }
        if let Some(k) = in_place(v, j) {
            return v.list_right(k, &PLACES, 0).0;
        }
        j += 1;
    }
    Vec::new()
}

/// The place a copula at `k` names: "… is Arauca", "… es el Chapare", "… é Ponta Porã".
fn named_after(v: &View, k: usize) -> Option<usize> {
    let k = if v.norms.get(k) == Some(&"(") { v.past_parens(k) } else { k };
    let n = v.cue_at(k, Cue::Copula)?;
    let place = v.past_article(k + n);
    v.fits(place, &PLACES).then_some(place)
}

/// Words that may stand between an article and a stronghold's organization ("a key ELN
/// stronghold", "its main stronghold").
const STRONGHOLD_WORDS: usize = 2;

/// A stronghold noun at `i` with its organization beside it, no "of" between: "the ELN's main
/// stronghold is Arauca", "Arauca is an ELN stronghold", "Arauca, a key ELN stronghold,", "the
/// Sinaloa Cartel stronghold of Culiacán". The organization's and the place's tokens.
fn stronghold_noun(v: &View, i: usize) -> Option<(usize, usize)> {
    if !v.is(i, Cue::StrongholdNoun) {
        return None;
    }
    // "the ELN's main stronghold is …": the organization before a genitive, a word or two apart.
    let plain = |k: usize| v.toks[k].entity().is_none() && v.norms[k].chars().all(char::is_alphabetic) && !v.is(k, Cue::Article);
    let words = (i.saturating_sub(STRONGHOLD_WORDS)..i).rev().take_while(|&k| plain(k) && v.norms[k] != "s").count();
    let s = i - words;
    if s >= 3 && v.norms[s - 1] == "s" && matches!(v.norms[s - 2], "'" | "’") && v.fits(s - 3, &ORGS) {
        return named_after(v, i + 1).map(|place| (s - 3, place));
    }
    // "the ELN stronghold": the organization right before the noun.
    let org = i.checked_sub(1).filter(|&k| v.fits(k, &ORGS))?;
    if v.is(i + 1, Cue::Of) {
        let place = v.past_article(i + 2);
        return v.fits(place, &PLACES).then_some((org, place));
    }
    let words = (org.saturating_sub(STRONGHOLD_WORDS)..org).rev().take_while(|&k| plain(k)).count();
    let article = (org - words).checked_sub(1).filter(|&k| v.is(k, Cue::Article) || v.norms[k] == "an")?;
    let before = article.checked_sub(1)?;
    // "Arauca, an ELN stronghold," or "Arauca is an ELN stronghold".
    let place = if v.norms[before] == "," {
        before.checked_sub(1)?
    } else {
        let len = (before.saturating_sub(3)..=before).find(|&j| v.cue_at(j, Cue::Copula) == Some(before - j + 1))?;
        len.checked_sub(1)?
    };
    let place = if v.norms[place] == ")" { (0..place).rev().find(|&m| v.norms[m] == "(")?.checked_sub(1)? } else { place };
    v.fits(place, &PLACES).then_some((org, place))
}
