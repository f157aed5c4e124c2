//! Who "the group", "la organización", "its" stand for, across sentences.
//!
//! A sentence whose verb has no subject ("No Paraguai, está presente em Pedro Juan Caballero",
//! "Opera desde Tumaco") continues the organization that opened the sentences before, when
//! they opened with exactly one.
//!
//! "Todos estos grupos", "both groups" stand for every organization the sentence before named
//! (two at least); the relation is read once and given to each.
//!
//! A possessive opening a sentence ("Its historic leader, X", "Su máximo cabecilla, X", "Seu
//! fundador, X") stands for the organization the sentences before it spoke of — but only when
//! they named exactly one: with two in view the reading is a guess, and no relation is made.

use super::table::{Cue, Tables};
use super::tokens::{Kind, Span, Tok};
use nexus_kb::EntityType;
use std::borrow::Cow;
use std::ops::Range;

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];

/// The organization a sentence-opening possessive in `text[range]` stands for: the one
/// organization mentioned in `before` (the previous sentences), if exactly one is.
pub fn possessive_antecedent(text: &str, range: Range<usize>, before: Range<usize>, mentions: &[Span]) -> Option<(Range<usize>, Span)> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '«')).len();
    let word_len = s[lead..].find(|c: char| !c.is_alphabetic()).unwrap_or(s.len() - lead);
    let word = crate::fold::fold(&s[lead..lead + word_len]);
    Tables::get().cue(Cue::Possessive).longest_at(&[word.as_str()])?;
    let first = mentions.partition_point(|m| m.start < before.start);
    let mut found: Option<Span> = None;
    for m in mentions[first..].iter().take_while(|m| m.start < before.end).filter(|m| ORGS.contains(&m.ty)) {
        match found {
            Some(f) if f.entity != m.entity => return None,
            _ => found = Some(*m),
        }
    }
    let at = range.start + lead;
    found.map(|m| (at..at + word_len, m))
}

/// What a possessive's organization may be read into: "its leader, X", "its members", "its
/// armed wing", "its older rival, the CV". Other frames would take it as the subject of anything the sentence says ("Its
/// leader was arrested in coordination with the police" is no alliance).
pub const POSSESSIVE_READS: [&str; 4] = ["leads", "member_of", "part_of", "conflicts_with"];

/// May a candidate be read through the possessive at token `k`? The reads above, and the
/// organization's income named by the possessive's own noun ("Its income comes from
/// extortion", "Sus ingresos provienen de la extorsión", "Suas receitas vêm do tráfico"): the
/// trigger starts right after the possessive, so the organization is what earns.
pub fn possessive_reads(predicate: &str, subject: usize, object: usize, trigger: usize, k: usize) -> bool {
    let through = subject == k || object == k;
    !through || POSSESSIVE_READS.contains(&predicate) || (predicate == "engages_in" && subject == k && trigger == k + 1)
}

/// Put the antecedent in place of the possessive's token; the token's index.
pub fn substitute(toks: &mut [Tok], word: Range<usize>, m: Span) -> Option<usize> {
    let k = toks.iter().position(|t| t.start == word.start && t.end == word.end && matches!(t.kind, Kind::Word))?;
    toks[k].kind = Kind::Entity { entity: m.entity, ty: m.ty, anaphor: true };
    toks[k].norm = Cow::Borrowed("");
    Some(k)
}

/// How many words may come before the name that opens a sentence ("Since then the PCC …").
const SUBJECT_LEAD: usize = 3;

/// The names that open the sentences `sentences` (each the first mention of its sentence, with
/// at most a few words before it): the subjects a definite anaphor in the next sentence most
/// likely stands for ("Catatumbo has seen … massacres in La Gabarra and Tibú. The region …").
pub fn subjects(text: &str, sentences: &[Range<usize>], mentions: &[Span], out: &mut Vec<Span>) {
    out.clear();
    for r in sentences.iter().filter(|r| !r.is_empty()) {
        let first = mentions.partition_point(|m| m.start < r.start);
        let Some(m) = mentions.get(first).filter(|m| m.end <= r.end) else { continue };
        // Words are counted only until there are too many: a first name late in a long
        // sentence is no subject, whatever stands before it.
        let lead =
            text[r.start..m.start].split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(SUBJECT_LEAD + 1).count();
        let clause = || text[r.start..m.start].contains([',', ':', ';']);
        if lead <= SUBJECT_LEAD && !clause() && !genitive(&text[m.end..r.end]) {
            out.push(*m);
            // "Los Rastrojos y el Clan del Golfo se disputan …": a coordinated subject is two
            // candidates, not one.
            let mut prev = *m;
            for n in mentions[first + 1..].iter().take_while(|n| n.end <= r.end) {
                // A name inside the one before ("Valley of the Apurímac" and "Apurímac").
                if n.start < prev.end {
                    continue;
                }
                let gap = crate::fold::fold(&text[prev.end..n.start]);
                let joined = gap.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).all(|w| {
                    matches!(w, "and" | "y" | "e" | "or" | "o" | "ou" | "&" | "the" | "el" | "la" | "los" | "las" | "a" | "os" | "as")
                });
                if !joined {
                    break;
                }
                out.push(*n);
                prev = *n;
            }
        }
    }
}

/// Does `after` (the text right after a name) open with a genitive "'s"? "After the AUC's
/// demobilization, …": the name only qualifies the noun that follows, which is the subject.
pub fn genitive(after: &str) -> bool {
    ["'s ", "’s ", "' ", "’ "].iter().any(|g| after.starts_with(g))
}

/// The one entity of `types` among `subjects`, if exactly one.
pub fn one_subject<'a>(subjects: &'a [Span], types: &[EntityType]) -> Option<&'a Span> {
    let mut fitting = subjects.iter().filter(|m| types.contains(&m.ty));
    let first = fitting.next()?;
    fitting.all(|m| m.entity == first.entity).then_some(first)
}

/// How many words may stand between a fronted phrase's comma (or the sentence start) and the
/// verb of a sentence without a subject ("está presente em").
const VERB_LEAD: usize = 1;

/// Give a sentence that opens with its verb — after at most a fronted phrase closed by a comma
/// ("No Paraguai, está presente em …") — the one organization that opened the sentences before
/// as its subject: a token of no width at the sentence start. Nothing is named before the verb
/// outside the fronted phrase, so no stated subject is overridden.
pub fn zero_subject(toks: &mut Vec<Tok>, subjects: &[Span], at: usize) -> bool {
    let Some(m) = one_subject(subjects, &ORGS).copied() else { return false };
    let t = Tables::get();
    let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_ref()).collect();
    let Some(verb) = (0..toks.len()).find(|&k| !norms[k].is_empty() && !t.trigger_phrases.matches_at(&norms[k..]).is_empty()) else {
        return false;
    };
    let fronted = (0..verb).rev().find(|&k| norms[k] == ",").map_or(0, |k| k + 1);
    // "Sus ingresos provienen de …" with no one organization for "Sus": a guess, not a subject.
    let possessive = |k: usize| t.is_word(Cue::Possessive, norms[k]);
    let opens = verb - fronted <= VERB_LEAD
        && (fronted..verb).all(|k| toks[k].entity().is_none() && matches!(toks[k].kind, Kind::Word) && !possessive(k));
    // A fronted phrase names a place or a time, not a doer: "Según la DEA, opera …" is hedged
    // speech with its own subject in view.
    let fronted_clean =
        (0..fronted).all(|k| !toks[k].entity().is_some_and(|(_, ty)| !matches!(ty, EntityType::Place | EntityType::Country)));
    if !opens || !fronted_clean {
        return false;
    }
    toks.insert(0, Tok { kind: Kind::Entity { entity: m.entity, ty: m.ty, anaphor: true }, start: at, end: at, norm: Cow::Borrowed("") });
    true
}

/// Replace the first "all these groups" / "ambos grupos" phrase in `toks` with one token for
/// the organizations named in `previous` (the sentence before), when it named two or more; a
/// phrase for exactly two ("both armed groups", "os dois grupos") with fewer there stands for
/// the last two organizations named within `PAIR_REACH` bytes before the sentence, and with
/// more for none.
/// Returns the token's index and every organization it stands for.
pub fn plural_orgs(toks: &mut Vec<Tok>, previous: Range<usize>, mentions: &[Span]) -> Option<(usize, Vec<usize>)> {
    let t = Tables::get();
    // No last word of a phrase in the sentence: no phrase either, whatever came before.
    if t.anaphor_orgs_heads.as_ref().is_some_and(|heads| !toks.iter().any(|x| heads.contains(&x.norm))) {
        return None;
    }
    let set = t.cue(Cue::AnaphorOrgs);
    let first = mentions.partition_point(|m| m.start < previous.start);
    let mut named: Vec<Span> = Vec::new();
    for m in mentions[first..].iter().take_while(|m| m.end <= previous.end).filter(|m| ORGS.contains(&m.ty)) {
        if !named.iter().any(|x| x.entity == m.entity) {
            named.push(*m);
        }
    }
    // Fewer than two organizations to stand for, even for "both groups": no phrase need be sought.
    if named.len() < 2 && last_two(mentions, previous.end).len() < 2 {
        return None;
    }
    // One list of the sentence's words for every start: a list per token cost more than the
    // look-ups.
    let words: Vec<&str> = toks.iter().map(|t| t.norm.as_ref()).collect();
    let (i, n) = (0..words.len())
        .find_map(|i| if words[i].is_empty() { None } else { set.longest_at(&words[i..(i + 4).min(words.len())]).map(|n| (i, n)) })?;
    drop(words);
    let pair = t.cue(Cue::Pair).longest_at(&[toks[i].norm.as_ref(), toks.get(i + 1).map_or("", |t| t.norm.as_ref())]).is_some();
    if pair && named.len() < 2 {
        named = last_two(mentions, previous.end);
    }
    // "ambas organizaciones" after a sentence naming five: which two is not said.
    if pair && named.len() > 2 {
        return None;
    }
    if named.len() < 2 {
        return None;
    }
    let (start, end) = (toks[i].start, toks[i + n - 1].end);
    let m = named[0];
    toks.splice(i..i + n, [Tok { kind: Kind::Entity { entity: m.entity, ty: m.ty, anaphor: true }, start, end, norm: Cow::Borrowed("") }]);
    Some((i, named.iter().map(|m| m.entity).collect()))
}

/// How far back "both groups" looks for the two organizations it names, in bytes: about two
/// paragraphs of report prose.
const PAIR_REACH: usize = 1500;

/// The last two distinct organizations named before byte `end` (within `PAIR_REACH`), the
/// earlier first.
fn last_two(mentions: &[Span], end: usize) -> Vec<Span> {
    let stop = mentions.partition_point(|m| m.start < end);
    let mut two: Vec<Span> = Vec::new();
    for m in mentions[..stop].iter().rev().take_while(|m| m.start + PAIR_REACH >= end).filter(|m| ORGS.contains(&m.ty)) {
        if !two.iter().any(|x| x.entity == m.entity) {
            two.push(*m);
            if two.len() == 2 {
                break;
            }
        }
    }
    two.reverse();
    two
}
