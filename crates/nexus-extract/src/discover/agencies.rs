//! State bodies the knowledge base does not hold, found by the head nouns their names are built on
//! (`data/lang/state-actor-heads.tsv`):
//! - Spanish and Portuguese names start with the head and go on with capitalised words and links:
//!   "Fiscalía Provincial Especializada en Delitos de Tráfico Ilícito de Drogas del Callao", "5ª Vara
//!   Federal de Santos", "Secretaria de Segurança Pública do Amazonas";
//! - English names end with it, after capitalised modifiers, or go on with "of"/"for": "Hong Kong
//!   Customs and Excise Department", "U.S. Attorney's Office for the Southern District of
//!   California", "Colombian Air Force";
//! - a demonym makes a lower-case head a body: "Belgian customs", "Dutch police", "policía
//!   ecuatoriana".
//!
//! A name the knowledge base holds under another form is linked to its entry: an entry and a place
//! after it ("Departamento de Estado de los Estados Unidos"), a demonym and a head that only one
//! body of that country carries ("Fiscalía chilena"), an entry's name with words the matcher takes
//! for no particle ("… contra la Droga y el Delito"), or an entry named beside it in parentheses
//! ("National Drug Control Directorate (DNCD)"). A head alone ("la Fiscalía", "the Armed
//! Forces") is a mention of the one body of the document whose name holds it, else of the one body
//! of the country the document is about whose name is the head and the country ("the National
//! Police" in a report on Ecuador); a capitalised head of several words with neither is a body of
//! its own ("Armed Forces"); "the police" alone is nothing. Spans never cross a knowledge-base entry, and stop before one joined by "de"/"of"
//! ("División de Investigaciones Especiales de la DIRANDRO" is a unit of DIRANDRO).

use super::persons::{
    ABBR, AND, CAP, COUNTRY, DEMONYM, DIGIT, FUNCTION, GIVEN, HEAD_START, IN, INITIAL, KILL, KILL_ARMY, KbIndex, LEAD, LINK, Map, POSS, TO,
    UPPER, Words, kb_mention_at, kb_starting, name_words, overlapping,
};
use super::{Context, Found};
use crate::lang::lines;
use crate::matcher::KbMention;
use nexus_kb::EntityType;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Longest name, in words ("Fiscalía Provincial Especializada en Delitos de Tráfico Ilícito de
/// Drogas del Callao" has thirteen).
const MAX_WORDS: usize = 20;
/// Most capitalised modifiers before an English head.
const MAX_MODIFIERS: usize = 6;

const HEAD: u8 = 1;
const HEAD_EN: u8 = 2;
const GEO: u8 = 4;
const LOWER: u8 = 8;
const BARE: u8 = 16;
const SELF: u8 = 32;
const HEADS: u8 = HEAD | HEAD_EN | GEO;

pub fn find(cx: &Context) -> Vec<Found> {
    let a = Agencies { w: &cx.words, kb: &cx.index.persons, lx: lexicon(), cx };
    a.find()
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    /// A name of its own.
    Named,
    /// A head alone: a mention of the body of the document that carries it, if one does.
    Attach,
    /// A capitalised head of several words: that body, or a body of its own.
    Bare,
}

#[derive(Debug)]
struct Span {
    first: usize,
    last: usize,
    /// The head's words.
    head: (usize, usize),
    kind: Kind,
}

struct Agencies<'a> {
    w: &'a Words<'a>,
    kb: &'a KbIndex,
    lx: &'static Lexicon,
    cx: &'a Context<'a>,
}

impl<'a> Agencies<'a> {
    fn find(&self) -> Vec<Found> {
        let w = self.w;
        let mut spans = Vec::new();
        let mut floor = 0;
        let mut i = 0;
        // Only a head's first word starts a span: most words are passed on their class alone.
        while let Some(at) = w.next_with_rare(i, HEAD_START) {
            i = at;
            let capitalised = w.list[i].has(CAP) && !w.list[i].has(UPPER);
            let span = if capitalised {
                self.phrase_at(i, HEADS).and_then(|(len, bits)| self.capitalised(i, len, bits, floor))
            } else if !w.list[i].has(CAP) {
                self.phrase_at(i, LOWER | SELF).and_then(|(len, bits)| self.lower(i, len, bits))
            } else {
                None
            };
            match span {
                Some(s) => {
                    i = s.last + 1;
                    floor = i;
                    spans.push(s);
                }
                None => i += 1,
            }
        }
        self.resolve(spans)
    }

    /// The longest phrase at word `i` with a kind in `kinds` (words one space apart; a possessive
    /// only on the last word read as the owner's: "Division's Section" is two bodies), and its
    /// kinds.
    fn phrase_at(&self, i: usize, kinds: u8) -> Option<(usize, u8)> {
        let w = self.w;
        if !w.is(i, HEAD_START) {
            return None;
        }
        // Without a possessive the folded word is the full one: one look-up.
        let (candidates, via_possessive) = match self.lx.phrases.get(w.folded_full(i)) {
            Some(c) => (c, true),
            None if w.list[i].has(POSS) => (self.lx.phrases.get(w.folded(i))?, false),
            None => return None,
        };
        candidates.iter().find_map(|(rest, bits)| {
            let len = rest.len() + 1;
            // The kinds and the possessive first: they rule out a phrase without reading its words.
            let first_ok = len == 1 || via_possessive || !w.list[i].has(POSS);
            if bits & kinds == 0 || !first_ok || i + len > w.len() {
                return None;
            }
            let fits = rest.iter().enumerate().all(|(n, word)| {
                let j = i + 1 + n;
                w.spaced(j) && (if j + 1 == i + len { w.folded(j) } else { w.folded_full(j) }) == word
            });
            fits.then_some((len, *bits))
        })
    }

    fn is_head(&self, i: usize) -> bool {
        self.phrase_at(i, HEADS).is_some()
    }

    /// Words `first..=last` are a capitalised body of several words by themselves ("Armed
    /// Forces", "Policía Nacional").
    fn bare(&self, first: usize, last: usize) -> bool {
        self.phrase_at(first, BARE).is_some_and(|(len, _)| first + len - 1 == last)
    }

    fn demonym(&self, i: usize) -> Option<usize> {
        if !self.w.is(i, DEMONYM) {
            return None;
        }
        self.kb.demonyms.get(self.w.folded(i)).copied()
    }

    /// A capitalised word that may stand inside a name: not an initial, not a function word unless
    /// a capitalised word follows ("São Paulo", "La Paz").
    fn name_word(&self, i: usize) -> bool {
        let cap = |j: usize| {
            let w = &self.w.list[j];
            w.has(CAP) && !w.has(DIGIT) && !w.has(INITIAL)
        };
        cap(i) && (!self.w.is(i, FUNCTION) || (i + 1 < self.w.len() && self.w.spaced(i + 1) && cap(i + 1) && !self.w.is(i + 1, FUNCTION)))
    }

    fn capitalised(&self, h: usize, len: usize, bits: u8, floor: usize) -> Option<Span> {
        let w = self.w;
        // English heads take modifiers before them; Spanish and Portuguese ones words after them.
        let english = bits & HEAD_EN != 0 && bits & HEAD == 0;
        let modifiers = bits & (HEAD_EN | GEO) != 0;
        let head_last = h + len - 1;
        // Modifiers before the head: capitalised words for English heads ("U.S. Attorney's",
        // "Hong Kong Customs and Excise"), ordinals for all ("5ª Vara").
        let mut first = h;
        while first > floor && h - first < MAX_MODIFIERS && w.spaced(first) {
            let p = first - 1;
            let ordinal = w.list[p].has(DIGIT) && self.w.folded(p).ends_with(['ª', 'º', 'a', 'o']);
            if ordinal {
                first = p;
                break;
            }
            if !modifiers {
                break;
            }
            let word = &w.list[p];
            // "U.S. Attorney's Office", "Ombudsman's Office" are names; "Justice Department's
            // Office", "the DEA's San Diego Field Division" are a body's unit.
            let owner = word.has(POSS) && (p + 1 != h || self.is_head(p) || word.has(UPPER));
            if self.w.is(p, AND) && p > floor && p > 0 && w.spaced(p) && self.name_word(p - 1) {
                if self.is_head(first) || self.demonym(first).is_some() {
                    break;
                }
                first = p;
                continue;
            }
            let modifier = (word.has(CAP) || word.has(ABBR)) && !owner && !self.w.is(p, LEAD);
            if !modifier || self.w.is(p, FUNCTION) || self.foreign_actor(p) {
                break;
            }
            first = p;
        }
        if self.w.is(first, AND) {
            first += 1;
        }
        // A place the modifiers cut in two ("São Paulo State Military Police", "São" being a
        // function word too) is taken whole.
        let s = w.list[first].start;
        if let Some(m) = overlapping(self.cx.kb_mentions, s, s + 1).find(|m| m.start < s && m.end > s)
            && matches!(self.cx.kb.entities()[m.entity].entity_type, EntityType::Place | EntityType::Country)
            && first > floor
        {
            let at = w.list.partition_point(|x| x.start < m.start);
            if at >= floor && w.list.get(at).is_some_and(|x| x.start == m.start) {
                first = at;
            }
        }
        let last = self.continuation(head_last, english);
        let head_only = first == h && last == head_last;
        let bare = self.bare(first, last);
        let kind = if !head_only && !bare {
            Kind::Named
        } else if w.sentence_start(first) {
            // "Police said …": a head opening a sentence with nothing around it is no name.
            return None;
        } else if bare {
            Kind::Bare
        } else {
            Kind::Attach
        };
        let span = Span { first, last, head: (h, head_last), kind };
        self.acceptable(&span, bits).then_some(span)
    }

    /// The last word of the name whose head ends at `head_last`: capitalised words (Spanish and
    /// Portuguese heads), links followed by capitalised words ("de", "of the"), another head
    /// ("Police Force", "Customs and Excise Department"), a lower-case demonym ("Policía
    /// ecuatoriana"). After an English head, capitalised words count only when another head or a
    /// link closes them ("Coast Guard Service", not "Coast Guard Sector").
    fn continuation(&self, head_last: usize, english: bool) -> usize {
        let w = self.w;
        let mut last = head_last;
        let mut pending = false;
        let mut complement = false;
        let mut c = head_last + 1;
        while c < w.len() && c - head_last < MAX_WORDS && w.spaced(c) && !w.list[c - 1].has(POSS) {
            if let Some((len, _)) = self.phrase_at(c, HEADS).filter(|_| w.list[c].has(CAP)) {
                last = c + len - 1;
                pending = false;
                c += len;
                continue;
            }
            if self.name_word(c) {
                // "Policía Nacional Jorge …" ends at the given name; "… de São Paulo" does not.
                if (!complement && self.given(c)) || self.foreign_actor(c) {
                    break;
                }
                if english && !complement {
                    pending = true;
                } else {
                    last = c;
                }
                c += 1;
                continue;
            }
            if pending {
                break;
            }
            if !english && !w.list[c].has(CAP) && self.demonym(c).is_some() {
                last = c;
                break;
            }
            // Links: one to three words, then a capitalised word.
            let mut k = c;
            while k < w.len() && k - c < 3 && (k == c || w.spaced(k)) && !w.list[k].has(CAP) && self.is_link(k) {
                k += 1;
            }
            if k == c || k >= w.len() || !w.spaced(k) || !self.name_word(k) || self.foreign_actor(k) {
                break;
            }
            let and = w.is(c, AND);
            if and && (k != c + 1 || self.is_head(k) || self.demonym(k).is_some() || self.place_at(k) || self.given(k)) {
                break;
            }
            if w.is(c, IN) && !participle(w.folded(c - 1)) {
                break;
            }
            // "Special Force to Combat Drug Trafficking"; "handed by the Navy to Colombia" is not.
            if w.is(c, TO) && (k != c + 1 || self.place_at(k) || self.demonym(k).is_some()) {
                break;
            }
            // "División de Investigaciones Especiales de la DIRANDRO" is a unit of that body, "Field
            // Division and Homeland Security Investigations" two bodies; "Attorney's Office for the
            // Southern District" is one.
            let jurisdiction = (c..k).any(|j| matches!(w.folded(j), "for" | "para"));
            if self.entry_at(k) && !jurisdiction {
                break;
            }
            complement |= !and;
            if english && !complement {
                pending = true;
            } else {
                last = k;
            }
            c = k + 1;
        }
        last
    }

    fn is_link(&self, i: usize) -> bool {
        self.w.is(i, LINK | AND | IN | TO)
    }

    fn given(&self, i: usize) -> bool {
        self.w.is(i, GIVEN)
    }

    /// A knowledge-base mention of an organization, armed group or company covers word `i`.
    fn foreign_actor(&self, i: usize) -> bool {
        let (s, e) = (self.w.list[i].start, self.w.list[i].end);
        overlapping(self.cx.kb_mentions, s, e).any(|m| {
            matches!(self.cx.kb.entities()[m.entity].entity_type, EntityType::CriminalOrg | EntityType::ArmedGroup | EntityType::Company)
        })
    }

    /// A knowledge-base mention of a state body starts at word `i`.
    fn entry_at(&self, i: usize) -> bool {
        kb_starting(self.cx.kb_mentions, self.w.list[i].start)
            .is_some_and(|m| self.cx.kb.entities()[m.entity].entity_type == EntityType::StateActor)
    }

    /// A knowledge-base place or country covers word `i`.
    fn place_at(&self, i: usize) -> bool {
        let (s, e) = (self.w.list[i].start, self.w.list[i].end);
        overlapping(self.cx.kb_mentions, s, e)
            .any(|m| matches!(self.cx.kb.entities()[m.entity].entity_type, EntityType::Place | EntityType::Country))
    }

    /// A lower-case head next to a demonym: "Belgian customs", "Dutch police", "U.S. prosecutors",
    /// "policía ecuatoriana", "aduanas belgas"; or a lower-case phrase that is a body by itself
    /// ("a federal grand jury").
    fn lower(&self, h: usize, len: usize, bits: u8) -> Option<Span> {
        let w = self.w;
        let last = h + len - 1;
        if bits & SELF != 0 {
            let span = Span { first: h, last, head: (h, last), kind: Kind::Named };
            return self.acceptable(&span, bits).then_some(span);
        }
        if bits & LOWER == 0 {
            return None;
        }
        let before = h.checked_sub(1).filter(|&p| w.spaced(h) && w.list[p].has(CAP));
        let modifier = before.filter(|&p| self.demonym(p).is_some() || w.is(p, COUNTRY));
        let after = (last + 1 < w.len() && w.spaced(last + 1) && !w.list[last + 1].has(CAP) && self.demonym(last + 1).is_some())
            .then_some(last + 1);
        let span = match (modifier, after) {
            // A capitalised word before the demonym makes it part of a name ("South American").
            (Some(p), _) if p == 0 || !w.spaced(p) || !w.list[p - 1].has(CAP) || w.sentence_start(p) => {
                Span { first: p, last, head: (h, last), kind: Kind::Named }
            }
            (None, Some(a)) => Span { first: h, last: a, head: (h, last), kind: Kind::Named },
            _ => return None,
        };
        self.acceptable(&span, bits).then_some(span)
    }

    /// No word of the span makes it something else, and the knowledge base does not contradict
    /// it: no entry crosses its edges or is an organization inside it; "Department of Antioquia"
    /// is a place.
    fn acceptable(&self, span: &Span, bits: u8) -> bool {
        let w = self.w;
        // Armies and forces of the people are insurgents ("Ejército del Pueblo Paraguayo"), or parties
        // ("Fuerza Popular").
        let army = (span.first..=span.last).any(|i| matches!(w.folded(i), "army" | "ejercito" | "exercito" | "fuerza" | "forca"));
        for i in span.first..=span.last {
            if w.is(i, KILL) || (army && w.is(i, KILL_ARMY)) {
                return false;
            }
        }
        let (s, e) = (w.list[span.first].start, w.list[span.last].end);
        for m in overlapping(self.cx.kb_mentions, s, e) {
            let t = self.cx.kb.entities()[m.entity].entity_type;
            if m.start < s || m.end > e || matches!(t, EntityType::CriminalOrg | EntityType::ArmedGroup | EntityType::Company) {
                return false;
            }
        }
        if bits & GEO != 0 && span.kind == Kind::Named {
            let specific = (span.first..=span.last)
                .filter(|&i| i < span.head.0 || i > span.head.1)
                .any(|i| !self.is_link(i) && !self.place_at(i) && self.demonym(i).is_none() && w.list[i].has(CAP));
            if !specific {
                return false;
            }
        }
        true
    }

    /// Spans to mentions: linked to a knowledge-base entry where the text names one under another
    /// form, heads alone to the body of the document that carries them.
    fn resolve(&self, spans: Vec<Span>) -> Vec<Found> {
        let w = self.w;
        let kb = self.cx.kb;
        let mut out = Vec::new();
        let mut deferred = Vec::new();
        let mut by_demonym = BodyByHead::default();
        for mut span in spans {
            // A name of the knowledge base the matcher could not read ("Oficina de las Naciones
            // Unidas contra la Droga y el Delito": "contra" is no particle to it).
            let mut entry = None;
            if let Some((last, i)) = self.kb_name_at(span.first).filter(|&(last, _)| last >= span.last) {
                span.last = last;
                span.kind = Kind::Named;
                entry = Some(i);
            }
            let (s, e) = (w.list[span.first].start, w.list[span.last].end);
            if overlapping(self.cx.kb_mentions, s, e).any(|m| m.start == s && m.end == e) {
                continue;
            }
            if entry.is_none()
                && let Some((first, i)) = self.by_possessive(&span)
            {
                out.push(self.found(w.list[first].start, e, Some(i)));
                continue;
            }
            if span.kind != Kind::Named {
                deferred.push(span);
                continue;
            }
            let entry = entry.or_else(|| self.entry_with_place(&span)).or_else(|| self.by_demonym(&span, &mut by_demonym));
            out.push(self.found(s, e, entry));
        }
        self.same_body_in_parentheses(&mut out);
        if deferred.is_empty() {
            out.sort_by_key(|f| f.start);
            return out;
        }
        // The bodies of the document, with the words of their names.
        let mut bodies: Vec<Body> = Vec::new();
        for m in self.cx.kb_mentions.iter().filter(|m| kb.entities()[m.entity].entity_type == EntityType::StateActor) {
            if !bodies.iter().any(|b| b.0 == Some(m.entity)) {
                bodies.push((Some(m.entity), &kb.entities()[m.entity].name, Cow::Borrowed(self.kb.state_words(m.entity))));
            }
        }
        for f in &out {
            let known = |b: &Body| match f.kb_entity {
                Some(i) => b.0 == Some(i),
                None => b.0.is_none() && b.1 == f.name,
            };
            if !bodies.iter().any(known) {
                let names = match f.kb_entity {
                    Some(i) => Cow::Borrowed(self.kb.state_words(i)),
                    None => Cow::Owned(vec![name_words(&f.name)]),
                };
                bodies.push((f.kb_entity, &f.name, names));
            }
        }
        let mut heads = Vec::new();
        let country = std::cell::OnceCell::new();
        // The bodies holding a head and the national body it names, by head: a long report
        // repeats the same few heads.
        let mut holders_of: crate::hash::FxMap<Vec<&str>, (Holders, Option<Option<usize>>)> = Default::default();
        let link = |word: &str| self.word_is(word, LINK);
        for span in deferred {
            let (s, e) = (w.list[span.first].start, w.list[span.last].end);
            let head: Vec<&str> = (span.first..=span.last).map(|i| w.folded_full(i)).collect();
            let (holders, national) = match holders_of.get_mut(&head) {
                Some(known) => known,
                None => holders_of.entry(head.clone()).or_insert((holders_of_head(&bodies, &head, link), None)),
            };
            let found = match *holders {
                Holders::One(b) => {
                    let (entry, name, _) = &bodies[b];
                    Some(Found {
                        start: s,
                        end: e,
                        name: (*name).to_owned(),
                        entity_type: EntityType::StateActor,
                        unnamed: false,
                        kb_entity: *entry,
                    })
                }
                Holders::None => {
                    let national = *national.get_or_insert_with(|| {
                        country.get_or_init(|| self.document_country()).as_deref().and_then(|iso| self.national_body(&head, iso))
                    });
                    match national {
                        Some(i) => Some(self.found(s, e, Some(i))),
                        None if span.kind == Kind::Bare => Some(self.found(s, e, None)),
                        None => None,
                    }
                }
                Holders::Many => None,
            };
            heads.extend(found);
        }
        out.extend(heads);
        out.sort_by_key(|f| f.start);
        out
    }

    fn found(&self, start: usize, end: usize, entry: Option<usize>) -> Found {
        let name = match entry {
            Some(i) => self.cx.kb.entities()[i].name.clone(),
            None => collapse(&self.w.text[start..end]),
        };
        Found { start, end, name, entity_type: EntityType::StateActor, unnamed: false, kb_entity: entry }
    }

    /// The longest name of a state body in the knowledge base that the words from `i` spell, as
    /// (its last word, the entry). Names run on through spaces, dashes and commas, never through a
    /// line break or a sentence mark.
    fn kb_name_at(&self, i: usize) -> Option<(usize, usize)> {
        let w = self.w;
        let names = &self.kb.state_names;
        // Names of several words start with the full word ("attorney's office"); a possessive
        // word whose full form starts no name is read bare, as a name of one word.
        let (names, full) = match names.get(w.folded_full(i)) {
            Some(n) => (n, true),
            None => (w.list[i].has(POSS).then(|| names.get(w.folded(i))).flatten()?, false),
        };
        let single = names.single.map(|entity| (i, entity));
        let second = i + 1;
        if !full || second >= w.len() || w.gap(second).contains(STOPS) {
            return single;
        }
        // The names that go on with the next word: with its possessive, or without it when it
        // ends the name. The longest spelled wins, the first read among the longest.
        let bare = w.list[second].has(POSS).then(|| names.by_second.get(w.folded(second))).flatten();
        let by_full = names.by_second.get(w.folded_full(second)).into_iter().flatten();
        let by_bare = bare.into_iter().flatten().filter(|(_, _, words)| words.len() == 2);
        let mut best: Option<(usize, usize, usize)> = None;
        for (order, entity, words) in by_full.chain(by_bare) {
            let n = words.len();
            if i + n > w.len() || best.is_some_and(|(len, first, _)| n < len || n == len && first < *order) {
                continue;
            }
            let spelled = words.iter().enumerate().skip(2).all(|(k, word)| {
                let j = i + k;
                // The word first: most candidates differ there, and the gap is read char by char.
                let same = w.folded_full(j) == word || (k + 1 == n && w.folded(j) == word);
                same && !w.gap(j).contains(STOPS)
            });
            if spelled {
                best = Some((n, *order, *entity));
            }
        }
        best.map(|(n, _, entity)| (i + n - 1, entity)).or(single)
    }

    /// "Long name (other name)": one body named twice ("Colombian Ombudsman's Office (Defensoría
    /// del Pueblo)", "National Drug Control Directorate (DNCD)", "Receita Federal (Federal Revenue
    /// Service)"). The learned name takes the knowledge-base entry named beside it, or the name
    /// before the parenthesis.
    fn same_body_in_parentheses(&self, out: &mut [Found]) {
        let text = self.w.text;
        let kb = self.cx.kb;
        let mentions = self.cx.kb_mentions;
        let state = |m: &&KbMention| kb.entities()[m.entity].entity_type == EntityType::StateActor;
        // Mentions are sorted and do not overlap: one search finds the one starting or ending at
        // an offset.
        let starting_at = |at: usize| mentions.get(mentions.partition_point(|m| m.start < at)).filter(|m| m.start == at).filter(state);
        let ending_at = |at: usize| mentions.get(mentions.partition_point(|m| m.end < at)).filter(|m| m.end == at).filter(state);
        for n in 0..out.len() {
            let (s, e) = (out[n].start, out[n].end);
            let inner = e + 2;
            if text[e..].starts_with(" (") {
                if let Some(m) = starting_at(inner).filter(|m| text[m.end..].starts_with([')', ',', ';'])) {
                    if out[n].kb_entity.is_none() {
                        out[n] = self.found(s, e, Some(m.entity));
                    }
                    continue;
                }
                let k = out.partition_point(|g| g.start < inner);
                if out.get(k).is_some_and(|g| g.start == inner && text[g.end..].starts_with(')')) {
                    let (name, entry) = (out[n].name.clone(), out[n].kb_entity);
                    let (name, entry) =
                        if entry.is_none() && out[k].kb_entity.is_some() { (out[k].name.clone(), out[k].kb_entity) } else { (name, entry) };
                    for j in [n, k] {
                        out[j].name.clone_from(&name);
                        out[j].kb_entity = entry;
                    }
                    continue;
                }
            }
            if out[n].kb_entity.is_none()
                && s >= 2
                && text[..s].ends_with(" (")
                && text[e..].starts_with(')')
                && let Some(m) = ending_at(s - 2)
            {
                out[n] = self.found(s, e, Some(m.entity));
            }
        }
    }

    /// The state body the span starts with, when places, countries, demonyms and heads are all
    /// that follow it: "Departamento de Estado de los Estados Unidos", "Departamento del Tesoro
    /// estadounidense", "Belgian customs service".
    fn entry_with_place(&self, span: &Span) -> Option<usize> {
        let kb = self.cx.kb;
        let (s, e) = (self.w.list[span.first].start, self.w.list[span.last].end);
        let mut inside = overlapping(self.cx.kb_mentions, s, e);
        let first = inside.next().filter(|m| m.start == s && kb.entities()[m.entity].entity_type == EntityType::StateActor)?;
        let mut covered = first.end;
        for m in inside {
            if !matches!(kb.entities()[m.entity].entity_type, EntityType::Place | EntityType::Country) || !self.only_links(covered, m.start)
            {
                return None;
            }
            covered = m.end;
        }
        self.only_links(covered, e).then_some(first.entity)
    }

    /// The words between byte offsets `from` and `to` are links, demonyms and heads only
    /// ("Belgian customs service" is the Belgian customs).
    fn only_links(&self, from: usize, to: usize) -> bool {
        let w = self.w;
        let at = w.list.partition_point(|x| x.start < from);
        w.list[at..].iter().enumerate().take_while(|(_, x)| x.start < to).all(|(n, _)| {
            let i = at + n;
            self.is_link(i) || self.demonym(i).is_some() || self.phrase_at(i, HEADS | LOWER).is_some()
        })
    }

    /// The country the document is about (`document_country`).
    fn document_country(&self) -> Option<String> {
        document_country(self.cx.kb_mentions.iter().map(|m| &self.cx.kb.entities()[m.entity]))
    }

    /// A folded word of a name (not of the text) has a class in `mask`.
    fn word_is(&self, word: &str, mask: u32) -> bool {
        self.kb.classes.get(word).is_some_and(|c| c & mask != 0)
    }

    /// The one state body of country `iso` whose name is the head with nothing but the country
    /// around it: "National Police" is "Policía Nacional del Ecuador", "Ecuadorian National
    /// Police"; "la Fiscalía" is "Fiscalía de Ecuador". A body that only holds the head inside a
    /// longer name ("Dirección de Antinarcóticos de la Policía Nacional") is another body.
    fn national_body(&self, head: &[&str], iso: &str) -> Option<usize> {
        let country_words = self.kb.country_words.get(iso)?;
        let around = |word: &String| country_words.contains(word) || self.word_is(word, LINK | AND | IN);
        let carries = |name: &Vec<String>| {
            name.len() > head.len()
                && (0..=name.len() - head.len()).any(|at| {
                    let rest = || name[..at].iter().chain(&name[at + head.len()..]);
                    name[at..at + head.len()].iter().zip(head).all(|(a, b)| a == b)
                        && rest().all(around)
                        && rest().any(|w| country_words.contains(w))
                })
        };
        let mut holders = self.kb.state_actors_holding(iso, head.first().copied()).filter(|(_, names)| names.iter().any(carries));
        match (holders.next(), holders.next()) {
            (Some((i, _)), None) => Some(*i),
            _ => None,
        }
    }

    /// The body a country's possessive names ("Colombia's Defense Ministry", "Brazil's Federal
    /// Police", "Ecuador's National Police"): that country's national body of these words, else
    /// its one body whose names carry them. The country is the matcher's reading of the word,
    /// before the span or its first word ("Mexico's Navy"); the body's first word comes with it.
    fn by_possessive(&self, span: &Span) -> Option<(usize, usize)> {
        let w = self.w;
        let first = if w.list[span.first].has(POSS) && span.last > span.first { span.first + 1 } else { span.first };
        let p = first.checked_sub(1)?;
        let owner = &w.list[p];
        if !owner.has(POSS) || w.gap(first) != " " {
            return None;
        }
        let kb = self.cx.kb;
        let country = kb_mention_at(self.cx.kb_mentions, owner.start, owner.end)
            .filter(|m| kb.entities()[m.entity].entity_type == EntityType::Country)?;
        let iso = kb.entities()[country.entity].iso2.as_deref()?;
        let words: Vec<&str> = (first..=span.last).map(|i| w.folded_full(i)).collect();
        let body = self.national_body(&words, iso).or_else(|| body_carrying(self.kb, iso, &words))?;
        Some((first, body))
    }

    /// The one state body of the demonym's country that carries the head ("Fiscalía chilena" →
    /// Ministerio Público de Chile, "Belgian customs" → the Belgian customs administration).
    /// `known`: what this gave before, by country and head.
    fn by_demonym(&self, span: &Span, known: &mut BodyByHead<'a>) -> Option<usize> {
        let w = self.w;
        let (h0, h1) = span.head;
        // The demonym before the head ("Belgian customs") or after the name ("Fiscalía chilena",
        // "Policía Nacional ecuatoriana": the head and its capitalised words, then the demonym).
        let modifier = if span.first + 1 == h0 && span.last == h1 {
            span.first
        } else if span.first == h0 && span.last > h1 && (span.last == h1 + 1 || self.demonym(span.last).is_some()) {
            span.last
        } else {
            return None;
        };
        let iso = match self.demonym(modifier) {
            Some(c) => self.cx.kb.entities()[c].iso2.clone()?,
            None if w.is(modifier, COUNTRY) => country_code(w.folded(modifier))?.to_owned(),
            None => return None,
        };
        if !self.kb.state_actors.contains_key(&iso) {
            return None;
        }
        // The words before a trailing demonym, else the whole head, else its first word
        // ("customs service" → customs).
        // Words named beyond the head must all be in the body's name ("Servicio Forestal chileno"
        // is not Chile's customs service, though both are a "Servicio").
        let named = if modifier == span.last { span.last - 1 } else { h1 };
        let ends: &[usize] = if named > h1 { &[named] } else { &[h1, h0] };
        for &end in ends {
            let key = (iso.clone(), (h0..=end).map(|i| w.folded(i)).collect::<Vec<&str>>());
            let body = match known.get(&key) {
                Some(&body) => body,
                None => {
                    let body = body_carrying(self.kb, &key.0, &key.1);
                    known.insert(key, body);
                    body
                }
            };
            if body.is_some() {
                return body;
            }
        }
        None
    }
}

/// What a knowledge-base name of a state body does not run on through (`Agencies::kb_name_at`).
const STOPS: [char; 7] = ['\n', '.', ';', ':', '(', ')', '"'];

/// The bodies found for a country and a head (`Agencies::by_demonym`).
type BodyByHead<'a> = crate::hash::FxMap<(String, Vec<&'a str>), Option<usize>>;

/// The one state body of country `iso` whose names carry `head`, or whose name begins with it
/// when several carry it ("Policía Nacional" is also in its anti-drug unit's name).
fn body_carrying(kb: &KbIndex, iso: &str, head: &[&str]) -> Option<usize> {
    // Only bodies with a name holding the head's first word may carry it or begin with it.
    let bodies = kb.state_actors_holding(iso, head.first().copied());
    let carries = |names: &[Vec<String>]| names.iter().any(|n| n.windows(head.len()).any(|win| win == head));
    let mut holders = bodies.clone().filter(|(_, names)| carries(names));
    if let (Some((i, _)), None) = (holders.next(), holders.next()) {
        return Some(*i);
    }
    let mut starting = bodies.filter(|(_, names)| names.iter().any(|n| n.len() >= head.len() && n.iter().zip(head).all(|(a, b)| a == b)));
    if let (Some((i, _)), None) = (starting.next(), starting.next()) {
        return Some(*i);
    }
    None
}

/// A state body of the document: its entry (none when learned), its name, the folded words of
/// each of its names.
type Body<'a> = (Option<usize>, &'a str, Cow<'a, [Vec<String>]>);

/// The bodies of the document whose names hold a head: one (its index), none, or several.
#[derive(Clone, Copy)]
enum Holders {
    One(usize),
    None,
    Many,
}

/// A name holds the head as its own, not after a link: "Dirección Antidrogas de la Policía
/// Nacional del Perú" is a unit of the National Police, and "la Policía Nacional" is not it.
fn holders_of_head(bodies: &[Body], head: &[&str], link: impl Fn(&str) -> bool) -> Holders {
    let own = |name: &Vec<String>| name.windows(head.len()).enumerate().any(|(at, win)| win == head && (at == 0 || !link(&name[at - 1])));
    let mut holders = bodies.iter().enumerate().filter(|(_, b)| b.2.iter().any(own));
    match (holders.next(), holders.next()) {
        (Some((b, _)), None) => Holders::One(b),
        (None, _) => Holders::None,
        _ => Holders::Many,
    }
}

/// The ISO code a country modifier stands for.
fn country_code(folded: &str) -> Option<&'static str> {
    match folded {
        "u.s." | "us" | "u.s.a." | "usa" => Some("US"),
        "uk" | "u.k." => Some("GB"),
        _ => None,
    }
}

/// Spanish and Portuguese participles take "en"/"em" inside a name ("Especializada en"); English
/// ones "in" ("Specialized in").
fn participle(folded: &str) -> bool {
    ["ada", "ado", "ida", "ido", "ized", "ised"].iter().any(|s| folded.ends_with(s))
}

/// The text with runs of whitespace made one space.
fn collapse(s: &str) -> String {
    // Most spans are words one space apart: copied as they are. A control byte, or a lead byte
    // of a non-ASCII space (U+0085, U+00A0, U+1680, U+2000–U+3000), is left to the split.
    let b = s.as_bytes();
    let single_spaces = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|p| p == b"  ")
        && !b.iter().any(|&c| c < 0x20 || matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3));
    if single_spaces {
        return s.to_owned();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Lexicon {
    /// First folded word → (the other words, kinds), longest first.
    phrases: Map<Vec<(Vec<String>, u8)>>,
    /// Single words and their classes (kill, link, …).
    words: Vec<(String, u32)>,
}

/// The classes this finder's words give (`persons::word_classes`).
pub(super) fn word_classes() -> Vec<(String, u32)> {
    let lx = lexicon();
    let mut out = lx.words.clone();
    for first in lx.phrases.keys() {
        out.push((first.clone(), HEAD_START));
        if let Some(bare) = first.strip_suffix("'s") {
            out.push((bare.to_owned(), HEAD_START));
        }
    }
    out
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lx = Lexicon { phrases: Map::default(), words: Vec::new() };
        let mut kinds: HashMap<Vec<String>, u8> = HashMap::new();
        for line in lines(include_str!("../../../../data/lang/state-actor-heads.tsv")) {
            let Some((kind, phrase)) = line.split_once('\t') else { continue };
            let folded = crate::fold::fold(phrase.trim());
            let bit = match kind {
                "head" => HEAD,
                "head-en" => HEAD_EN,
                "geo" => GEO,
                "lower" => LOWER,
                "bare" => BARE,
                "self" => SELF,
                _ => {
                    let class = match kind {
                        "kill" => KILL,
                        "kill-army" => KILL_ARMY,
                        "country" => COUNTRY,
                        "link" => LINK,
                        "and" => AND,
                        "in" => IN,
                        "to" => TO,
                        _ => continue,
                    };
                    if !folded.contains(' ') {
                        lx.words.push((folded, class));
                    }
                    continue;
                }
            };
            *kinds.entry(folded.split(' ').map(str::to_owned).collect()).or_default() |= bit;
        }
        for (words, bits) in kinds {
            if let Some((first, rest)) = words.split_first() {
                lx.phrases.entry(first.clone()).or_default().push((rest.to_vec(), bits));
            }
        }
        for list in lx.phrases.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        lx
    })
}

/// The country a document is about, from the knowledge-base entities of its mentions (one item
/// per mention): the one its places and countries lie in at least twice, and twice as often as
/// in any other. A report on Ecuador says "the National Police" and "el país" and means
/// Ecuador's.
pub(crate) fn document_country<'a>(mentioned: impl Iterator<Item = &'a nexus_kb::Entity>) -> Option<String> {
    // Codes are compared packed into a `u64` (0 for one that does not pack): a document names
    // thousands of places of a few countries, and comparing strings cost a `memcmp` call each.
    let pack = |c: &str| match c.len() {
        1..=7 if !c.as_bytes().contains(&0) => crate::hash::tail(c.as_bytes()),
        _ => 0,
    };
    let mut counts: Vec<(u64, &str, usize)> = Vec::new();
    for e in mentioned {
        let iso = match e.entity_type {
            EntityType::Country => e.iso2.as_deref(),
            EntityType::Place => e.country.as_deref(),
            _ => None,
        };
        let Some(iso) = iso.filter(|c| *c != "XX") else { continue };
        let key = pack(iso);
        match counts.iter_mut().find(|(k, c, _)| *k == key && (key != 0 || *c == iso)) {
            Some((_, _, n)) => *n += 1,
            None => counts.push((key, iso, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.2));
    match counts.as_slice() {
        [(_, iso, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, _, m)| *n >= 2 * m) => Some((*iso).to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn collapse_agrees_with_splitting_on_whitespace() {
        let split = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "",
            " ",
            "Policía Nacional",
            "Policía  Nacional",
            " Policía Nacional",
            "Policía Nacional ",
            "Policía\nNacional",
            "Policía\u{a0}Nacional",
            "Policía\u{2009}Nacional",
            "Policía\u{3000}Nacional",
            "Fiscalía General de la Nación",
        ] {
            assert_eq!(super::collapse(s), split(s), "{s:?}");
        }
    }
}
