//! Pronouns across sentences: "It", "They", "Ela" opening a sentence right before its verb stand
//! for the organization(s) that opened the sentence before ("Under his leadership the
//! organization grew … It controlled departure points …"); a possessive opening a sentence after
//! one that named two or more organizations side by side stands for each of them ("the Mara
//! Salvatrucha and its rival Barrio 18 … Their income depends on extortion").
//!
//! Only the sentence just before is read, and only its opening subject (for pronouns) or a
//! list of organizations with nothing but coordinators between them (for possessives): with
//! another organization in view the reading is a guess, and nothing is made.

use super::table::{Cue, Tables, WordSet};
use super::tokens::{Kind, Span, Tok};
use nexus_kb::EntityType;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

const ORGS: [EntityType; 2] = [EntityType::CriminalOrg, EntityType::ArmedGroup];

/// How many words may come before the name that opens a sentence ("Under his leadership the
/// organization grew …").
const SUBJECT_LEAD: usize = 3;

/// The word classes of `data/relations/anaphora.tsv`.
#[derive(Default)]
struct Words {
    singular: WordSet,
    plural: WordSet,
    possessive: WordSet,
    link_verb: WordSet,
    link_to: WordSet,
    clitic: WordSet,
    object: WordSet,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut w = Words::default();
        for line in crate::lang::lines(include_str!("../../../../data/relations/anaphora.tsv")) {
            let Some((role, list)) = line.split_once('\t') else { panic!("anaphora.tsv: bad line {line:?}") };
            let set = match role {
                "subject_singular" => &mut w.singular,
                "subject_plural" => &mut w.plural,
                "plural_possessive" => &mut w.possessive,
                "link_verb" => &mut w.link_verb,
                "link_to" => &mut w.link_to,
                "object_clitic" => &mut w.clitic,
                "object_pronoun" => &mut w.object,
                r => panic!("anaphora.tsv: unknown role {r}"),
            };
            set.extend(list.split(" | ").map(str::trim));
        }
        w
    })
}

/// The organizations that opened the sentence before: what a pronoun opening the next one
/// stands for. Read from the sentence's tokens when it was tokenized (so "the organization"
/// counts as its antecedent), else from its mentions.
#[derive(Default)]
pub struct Topic {
    idx: usize,
    orgs: Vec<(usize, EntityType)>,
}

impl Topic {
    /// The organizations that opened sentence `idx - 1`, if it was read.
    pub fn before(&self, idx: usize) -> &[(usize, EntityType)] {
        if self.idx + 1 == idx { &self.orgs } else { &[] }
    }

    /// Add the organizations that opened sentence `idx - 1` through an anaphor ("It
    /// controlled …") to `subjects`, the names "the group" prefers in sentence `idx`.
    pub fn extend_subjects(&self, idx: usize, subjects: &mut Vec<Span>) {
        for &(entity, ty) in self.before(idx) {
            if !subjects.iter().any(|m| m.entity == entity) {
                subjects.push(Span { start: 0, end: 0, entity, ty });
            }
        }
    }

    /// Sentence `idx`'s opening organizations, from its tokens.
    pub fn read_toks(&mut self, idx: usize, toks: &[Tok]) {
        self.idx = idx;
        self.orgs = opening(toks);
    }

    /// Sentence `idx`'s opening organizations, from the document's mentions (a sentence not
    /// tokenized: one mention and no anaphor).
    pub fn read_spans(&mut self, idx: usize, text: &str, range: Range<usize>, mentions: &[Span]) {
        self.idx = idx;
        self.orgs.clear();
        let first = mentions.partition_point(|m| m.start < range.start);
        let Some(m) = mentions.get(first).filter(|m| m.end <= range.end && ORGS.contains(&m.ty)) else { return };
        let lead = &text[range.start..m.start];
        if lead.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() <= SUBJECT_LEAD
            && !lead.contains([',', ':', ';'])
            && !super::anaphora::genitive(&text[m.end..range.end])
        {
            self.orgs.push((m.entity, m.ty));
        }
    }
}

/// The entities opening `toks` — after at most a few words and no clause punctuation — and
/// those coordinated with the first ("Los Rastrojos y el Clan del Golfo …"), if all are
/// organizations.
fn opening(toks: &[Tok]) -> Vec<(usize, EntityType)> {
    let t = Tables::get();
    let Some(k) = toks.iter().position(|x| x.entity().is_some()) else { return Vec::new() };
    let lead = toks[..k].iter().filter(|x| matches!(x.kind, Kind::Word)).count();
    // "the AUC's demobilization": the name is no subject.
    let genitive = toks.get(k + 1).is_some_and(|x| matches!(x.norm.as_ref(), "'" | "’"));
    if lead > SUBJECT_LEAD || genitive || toks[..k].iter().any(|x| matches!(x.norm.as_ref(), "," | ":" | ";")) {
        return Vec::new();
    }
    let joins = |w: &str| t.is_word(Cue::Coordinator, w) || t.is_word(Cue::Article, w);
    let mut out: Vec<(usize, EntityType)> = Vec::new();
    let mut j = k;
    while let Some(e) = toks.get(j).and_then(Tok::entity) {
        if !out.iter().any(|(x, _)| *x == e.0) {
            out.push(e);
        }
        let next = (j + 1..toks.len()).find(|&n| toks[n].entity().is_some() || !joins(&toks[n].norm));
        match next {
            Some(n) if n > j + 1 && toks[n].entity().is_some() => j = n,
            _ => break,
        }
    }
    if out.iter().all(|(_, ty)| ORGS.contains(ty)) { out } else { Vec::new() }
}

/// Replace a pronoun opening `toks` right before a trigger ("It controlled", "They also tax")
/// with the organization(s) `topic` holds; "it" only for exactly one. Returns the token's index
/// and every organization it stands for.
pub fn pronoun_subject(toks: &mut [Tok], topic: &[(usize, EntityType)]) -> Option<(usize, Vec<usize>)> {
    let t = Tables::get();
    let w = words();
    let k = toks.iter().position(|x| !matches!(x.kind, Kind::Punct))?;
    let word = toks[k].norm.as_ref();
    let fits = (w.singular.contains(word) && topic.len() == 1) || (w.plural.contains(word) && !topic.is_empty());
    if !fits || !matches!(toks[k].kind, Kind::Word) {
        return None;
    }
    let norms: Vec<&str> = toks.iter().map(|x| x.norm.as_ref()).collect();
    // The verb right after, or after one adverb ("It also controls").
    let verb = (k + 1..(k + 3).min(toks.len()))
        .take_while(|&j| matches!(toks[j].kind, Kind::Word))
        .any(|j| !t.trigger_phrases.matches_at(&norms[j..]).is_empty());
    if !verb {
        return None;
    }
    let (e, ty) = topic[0];
    toks[k].kind = Kind::Entity { entity: e, ty, anaphor: true };
    toks[k].norm = Cow::Borrowed("");
    Some((k, topic.iter().map(|(e, _)| *e).collect()))
}

/// Does `text[range]` open with a word `pronoun_subject` reads? A cheap test before tokenizing.
pub fn opens_with_pronoun(text: &str, range: Range<usize>) -> bool {
    let w = words();
    let first = text[range].split(|c: char| !c.is_alphabetic()).find(|x| !x.is_empty()).unwrap_or("");
    let first = crate::fold::fold(first);
    w.singular.contains(first.as_str()) || w.plural.contains(first.as_str())
}

/// A plural possessive opening `text[range]` ("Their income …", "Sus ingresos …") and the
/// organizations it stands for: those the sentence `previous` names side by side, two or more,
/// with nothing but coordinators, articles, possessives and rival nouns between them, and no
/// other name among them.
pub fn plural_possessive(text: &str, range: Range<usize>, previous: Range<usize>, mentions: &[Span]) -> Option<(Range<usize>, Vec<Span>)> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '«')).len();
    let word_len = s[lead..].find(|c: char| !c.is_alphabetic()).unwrap_or(s.len() - lead);
    if !words().possessive.contains(crate::fold::fold(&s[lead..lead + word_len]).as_str()) {
        return None;
    }
    let orgs = side_by_side(text, previous, mentions)?;
    let at = range.start + lead;
    Some((at..at + word_len, orgs))
}

/// The organizations `text[range]` names side by side (see `plural_possessive`), if two or more.
fn side_by_side(text: &str, range: Range<usize>, mentions: &[Span]) -> Option<Vec<Span>> {
    let t = Tables::get();
    let first = mentions.partition_point(|m| m.start < range.start);
    let inside: Vec<&Span> = mentions[first..].iter().take_while(|m| m.start < range.end).filter(|m| m.end <= range.end).collect();
    let from = inside.iter().position(|m| ORGS.contains(&m.ty))?;
    let to = inside.iter().rposition(|m| ORGS.contains(&m.ty))?;
    let joins = |w: &str| [Cue::Coordinator, Cue::Article, Cue::Possessive, Cue::RivalRole].iter().any(|&c| t.is_word(c, w));
    let mut out: Vec<Span> = Vec::new();
    let mut end = inside[from].start;
    for m in &inside[from..=to] {
        if m.start < end {
            continue; // a name inside the one before
        }
        if !ORGS.contains(&m.ty) {
            return None;
        }
        let gap = crate::fold::fold(&text[end..m.start]);
        if !gap.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).all(joins) {
            return None;
        }
        if !out.iter().any(|x| x.entity == m.entity) {
            out.push(**m);
        }
        end = m.end;
    }
    (out.len() >= 2).then_some(out)
}

/// Is `word` a verb that links an organization to something (`link_verb`)?
pub fn link_verb(word: &str) -> bool {
    words().link_verb.contains(word)
}

/// Is `word` what introduces the thing linked to (`link_to`)?
pub fn link_to(word: &str) -> bool {
    words().link_to.contains(word)
}

/// Replace an object pronoun of a link verb — a clitic right before it ("la Policía los
/// vincula con …") or "it"/"them" right after it ("prosecutors linked it to …") — with the one
/// organization `topic` holds, when the verb's complement follows ("con", "to").
pub fn object_pronoun(toks: &mut [Tok], topic: &[(usize, EntityType)]) -> bool {
    let [(e, ty)] = topic else { return false };
    let w = words();
    let word = |k: usize| toks.get(k).filter(|x| matches!(x.kind, Kind::Word)).map(|x| x.norm.as_ref());
    let hit = (0..toks.len()).find_map(|k| {
        let verb = word(k).is_some_and(|x| w.link_verb.contains(x));
        if !verb {
            return None;
        }
        let before = k
            .checked_sub(1)
            .filter(|&b| word(b).is_some_and(|x| w.clitic.contains(x)) && word(k + 1).is_some_and(|x| w.link_to.contains(x)));
        let after =
            Some(k + 1).filter(|&a| word(a).is_some_and(|x| w.object.contains(x)) && word(k + 2).is_some_and(|x| w.link_to.contains(x)));
        before.or(after)
    });
    let Some(k) = hit else { return false };
    toks[k].kind = Kind::Entity { entity: *e, ty: *ty, anaphor: true };
    toks[k].norm = Cow::Borrowed("");
    true
}
