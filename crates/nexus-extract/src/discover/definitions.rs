//! Names the text itself defines, made mentions of the entity they name:
//! - acronyms: "First Capital Command (PCC)", "CJNG (Cártel Jalisco Nueva Generación)", "(DEA, por
//!   sus siglas en inglés)": the acronym, there and wherever it recurs later, names the entity of
//!   the long form (a knowledge-base entry, a name another finder learned, or a new entity typed
//!   by the long form's head word: "División de Investigación … (DIVIAC)" is an agency). Its
//!   letters must be the initials of the long form, or syllables of it ("Secretaría Nacional
//!   Antidrogas (Senad)"), unless the text says the acronym is the English one;
//! - translations: "the 33rd Front (Frente 33)" — one entity under both names;
//! - aliases: "X, also known as Y", "X, alias 'Y'", "X (41), alias 'Y'", "conocido como",
//!   "vulgo"…, and a quoted nickname right after a person ("Víctor Quispe Palomino, 'camarada
//!   José'"): Y, and Y wherever it recurs, is X;
//! - agencies named only by an acronym after a description: "prosecutors' offices for
//!   environmental crimes (FEMA)", "the anti-drug directorate, DIRANDRO".
//!
//! What this returns wins over the knowledge base where they overlap (`discover::merge`), so it
//! never claims a span inside a longer mention.

use super::cue_names::vocab::{self, Kind};
use super::cue_names::words::*;
use super::cue_names::{self, Hit};
use super::{Context, Found};
use crate::fold::fold;
use crate::matcher::KbMention;
use nexus_kb::{EntityType, KnowledgeBase};

/// Longest parenthesis read, in bytes.
const MAX_PAREN: usize = 160;
/// Longest long form, in words.
const MAX_LONG: usize = 14;
/// Most words between a role and the comma before an alias phrase ("chefe da facção na Rocinha").
const ROLE_REACH: usize = 6;

/// Who a mention names.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Kb(usize),
    Learned { name: String, ty: EntityType, kb: Option<usize> },
}

impl Who {
    fn ty(&self, kb: &KnowledgeBase) -> EntityType {
        match self {
            Who::Kb(i) => kb.entities()[*i].entity_type,
            Who::Learned { ty, .. } => *ty,
        }
    }

    fn mention(&self, kb: &KnowledgeBase, start: usize, end: usize) -> Found {
        match self {
            Who::Kb(i) => {
                let e = &kb.entities()[*i];
                Found { start, end, name: e.name.clone(), entity_type: e.entity_type, unnamed: false, kb_entity: Some(*i) }
            }
            Who::Learned { name, ty, kb } => Found { start, end, name: name.clone(), entity_type: *ty, unnamed: false, kb_entity: *kb },
        }
    }

    fn of(f: &Found) -> Who {
        match f.kb_entity {
            Some(i) => Who::Kb(i),
            None => Who::Learned { name: f.name.clone(), ty: f.entity_type, kb: None },
        }
    }

    /// A new entity named `name`: the knowledge-base entry of that name if there is one.
    fn named(cx: &Context, name: &str, ty: EntityType) -> Who {
        match cue_names::kb_lookup(cx, name) {
            Some(i) => Who::Kb(i),
            None => Who::Learned { name: name.to_owned(), ty, kb: None },
        }
    }
}

/// A mention's span and who it names.
type Span = (usize, usize, Who);

/// The order of `Known::spans`: by start, the longer first.
fn by_start(s: &Span) -> (usize, std::cmp::Reverse<usize>) {
    (s.0, std::cmp::Reverse(s.1))
}

/// The mentions already found: knowledge-base and learned, sorted by start.
struct Known {
    spans: Vec<(usize, usize, Who)>,
    /// Indices of `spans` sorted by end.
    by_end: Vec<usize>,
    /// The longest span, to bound searches by start.
    longest: usize,
}

impl Known {
    fn new(cx: &Context, found: &[Found]) -> Known {
        let kb = cx.kb_mentions;
        let disjoint = kb.iter().all(|m| m.start < m.end) && kb.windows(2).all(|w| w[0].end <= w[1].start);
        let (spans, by_end) = if disjoint { Known::merged(kb, found) } else { Known::sorted(kb, found) };
        let longest = spans.iter().map(|s| s.1 - s.0).max().unwrap_or(0);
        Known { spans, by_end, longest }
    }

    /// The spans by start (the longer first), and their indices by end: a stable sort of the
    /// knowledge-base mentions followed by the learned ones.
    fn sorted(kb: &[KbMention], found: &[Found]) -> (Vec<Span>, Vec<usize>) {
        let mut spans: Vec<Span> = kb.iter().map(|m| (m.start, m.end, Who::Kb(m.entity))).collect();
        spans.extend(found.iter().map(|f| (f.start, f.end, Who::of(f))));
        spans.sort_by_key(by_start);
        let mut by_end: Vec<usize> = (0..spans.len()).collect();
        by_end.sort_by_key(|&i| (spans[i].1, spans[i].0));
        (spans, by_end)
    }

    /// What `sorted` gives, when the knowledge-base mentions are sorted, disjoint and not empty,
    /// so in order by start and by end alike: only the few learned spans are sorted, and merged
    /// in (after the knowledge-base ones of the same key, as the stable sort leaves them).
    fn merged(kb: &[KbMention], found: &[Found]) -> (Vec<Span>, Vec<usize>) {
        let mut learned: Vec<Span> = found.iter().map(|f| (f.start, f.end, Who::of(f))).collect();
        learned.sort_by_key(by_start);
        let n = kb.len() + learned.len();
        // Each learned span goes after the knowledge-base ones not after it by start (found by a
        // binary search: they are sorted), which are copied in runs.
        let (mut spans, mut kb_at, mut learned_at) =
            (Vec::with_capacity(n), Vec::with_capacity(kb.len()), Vec::with_capacity(learned.len()));
        let start_key = |s: usize, e: usize| (s, std::cmp::Reverse(e));
        let mut k = 0;
        let mut push_kb = |spans: &mut Vec<Span>, to: usize, k: &mut usize| {
            for m in &kb[*k..to] {
                kb_at.push(spans.len());
                spans.push((m.start, m.end, Who::Kb(m.entity)));
            }
            *k = to;
        };
        for l in learned {
            let to = k + kb[k..].partition_point(|m| start_key(m.start, m.end) <= start_key(l.0, l.1));
            push_kb(&mut spans, to, &mut k);
            learned_at.push(spans.len());
            spans.push(l);
        }
        push_kb(&mut spans, kb.len(), &mut k);
        // By end, then start, then index: the stable sort's order. The knowledge-base spans are
        // in that order already; each learned one goes after those before it.
        let key = |i: usize| (spans[i].1, spans[i].0, i);
        learned_at.sort_unstable_by_key(|&i| key(i));
        let mut by_end = Vec::with_capacity(n);
        let mut k = 0;
        for l in learned_at {
            let to = k + kb_at[k..].partition_point(|&i| key(i) < key(l));
            by_end.extend_from_slice(&kb_at[k..to]);
            by_end.push(l);
            k = to;
        }
        by_end.extend_from_slice(&kb_at[k..]);
        (spans, by_end)
    }

    /// The mention that ends at `end`: the longest, as the merge keeps the longer.
    fn ending_at(&self, end: usize) -> Option<&(usize, usize, Who)> {
        let i = self.by_end.partition_point(|&i| self.spans[i].1 < end);
        self.by_end.get(i).map(|&i| &self.spans[i]).filter(|s| s.1 == end)
    }

    fn exactly(&self, start: usize, end: usize) -> Option<&Who> {
        self.overlaps(start, end).find(|s| s.0 == start && s.1 == end).map(|s| &s.2)
    }

    fn overlaps(&self, start: usize, end: usize) -> impl Iterator<Item = &(usize, usize, Who)> {
        let lo = self.spans.partition_point(|s| s.0 + self.longest <= start);
        let hi = self.spans.partition_point(|s| s.0 < end).max(lo);
        self.spans[lo..hi].iter().filter(move |s| s.0 < end && start < s.1)
    }

    /// A defined name may take this span: the mentions overlapping it have exactly its span, or
    /// lie inside it and name no actor ("El Chino" is an alias, not the city of Chino inside it).
    fn clear(&self, kb: &KnowledgeBase, start: usize, end: usize) -> bool {
        self.overlaps(start, end).all(|s| (s.0 == start && s.1 == end) || (start <= s.0 && s.1 <= end && !actor_type(s.2.ty(kb))))
    }
}

/// A surface the text defined and where its definition ends: later occurrences name `who`.
struct Def {
    surface: String,
    who: Who,
    from: usize,
}

struct Out<'a> {
    cx: &'a Context<'a>,
    found: Vec<Found>,
    /// The spans of `found`, start → end: they never overlap.
    taken: std::collections::BTreeMap<usize, usize>,
    defs: Vec<Def>,
    /// Learned names (type, folded name) the text says are another entity.
    renames: Vec<((EntityType, String), Who)>,
}

impl Out<'_> {
    fn push(&mut self, who: &Who, start: usize, end: usize) -> bool {
        // The spans do not overlap: only the last one starting before `end` can reach `start`.
        if end <= start || self.taken.range(..end).next_back().is_some_and(|(_, &e)| e > start) {
            return false;
        }
        self.found.push(who.mention(self.cx.kb, start, end));
        self.taken.insert(start, end);
        true
    }

    fn define(&mut self, who: &Who, start: usize, end: usize) {
        if self.push(who, start, end) {
            let surface = &self.cx.text[start..end];
            // The first definition of a surface counts; later ones add nothing to search for.
            if !self.defs.iter().any(|d| d.surface == surface && &d.who == who) {
                self.defs.push(Def { surface: surface.to_owned(), who: who.clone(), from: end });
            }
        }
    }
}

pub fn find(cx: &Context, found: &[Found]) -> Vec<Found> {
    find_each(&[(cx, found)]).pop().unwrap_or_default()
}

/// `find` on each of several documents (a context and what the finders found there), step by
/// step: every document goes through a kind of definition before any goes through the next.
/// Together the steps' code is larger than the instruction cache (see
/// `Extractor::extract_batch`). Each document gets exactly what `find` gives it alone.
pub fn find_each(docs: &[(&Context, &[Found])]) -> Vec<Vec<Found>> {
    let known: Vec<Known> = docs.iter().map(|&(cx, found)| Known::new(cx, found)).collect();
    let mut outs: Vec<Out> = docs
        .iter()
        .map(|&(cx, _)| Out { cx, found: Vec::new(), taken: Default::default(), defs: Vec::new(), renames: Vec::new() })
        .collect();
    // Each step written out, not called through a table: the steps stay inlined.
    let each = || known.iter().zip(docs);
    for (known, out) in each().map(|(k, _)| k).zip(&mut outs) {
        parentheses(known, out);
    }
    for (known, out) in each().map(|(k, _)| k).zip(&mut outs) {
        aliases(known, &out.cx.cue_scan().hits, out);
    }
    for ((known, &(_, found)), out) in each().zip(&mut outs) {
        nicknames(known, found, out);
    }
    for (known, out) in each().map(|(k, _)| k).zip(&mut outs) {
        apposed_acronyms(known, out);
    }
    for ((known, &(_, found)), out) in each().zip(&mut outs) {
        recurrences(known, found, out);
    }
    outs.into_iter()
        .map(|out| {
            let mut found = out.found;
            found.sort_by_key(|f| f.start);
            found
        })
        .collect()
}

/// Every parenthesis that defines something: "Long Form (ACR)", "ACR (Long Form)", "Name
/// (Translation)", "description (ACR)".
fn parentheses(known: &Known, out: &mut Out) {
    let text = out.cx.text;
    // `memchr` (already built for aho-corasick) runs over the text a vector at a time, where
    // `match_indices` reads a word or two a step: most of the text has no parenthesis.
    for p in memchr::memchr_iter(b'(', text.as_bytes()) {
        let inner_start = p + 1;
        let window = &text[inner_start..floor(text, inner_start + MAX_PAREN)];
        let Some(q) = window.find([')', '(', '\n']).filter(|&q| window[q..].starts_with(')')) else { continue };
        let inner_end = inner_start + q;
        let inner = &text[inner_start..inner_end];
        if inner.is_empty() || inner.trim() != inner {
            continue;
        }
        let before = text[..p].strip_suffix(' ').map_or(p, str::len);
        // "(ACR)", "(ACR, por sus siglas en inglés)", "(por sus siglas en inglés, ACR)".
        let (token, english) = match inner.split_once([',', ';', ':']) {
            None => ((inner_start, inner_end), false),
            Some((a, b)) => {
                let b_start = inner_start + a.len() + 1 + (b.len() - b.trim_start().len());
                let a_span = (inner_start, inner_start + a.len());
                let b_span = (b_start, inner_end);
                match (phrase(text, b_span), phrase(text, a_span)) {
                    (Some(k), _) => (a_span, k == Kind::English),
                    (None, Some(k)) => (b_span, k == Kind::English),
                    _ => continue,
                }
            }
        };
        let acr = &text[token.0..token.1];
        if let Some(letters) = acronym(acr) {
            if !long_form(known, out, before, token, &letters, english) {
                description(known, out, before, token);
            }
            continue;
        }
        if token == (inner_start, inner_end) && !translation(known, out, before, token) {
            expansion(known, out, before, token);
        }
    }
}

/// The kind of the parenthesis phrase that `span` is ("por sus siglas en inglés").
fn phrase(text: &str, span: (usize, usize)) -> Option<Kind> {
    vocab::get().paren_phrase(&text[span.0..span.1])
}

/// "Long Form (ACR)": the long form is the mention ending before the parenthesis when the
/// acronym fits it (or is its listed acronym, or the text says it is English), else the
/// capitalised words before it that the acronym fits, typed by their head word.
fn long_form(known: &Known, out: &mut Out, end: usize, acr: (usize, usize), letters: &[char], english: bool) -> bool {
    let cx = out.cx;
    let text = cx.text;
    let acr_text = &text[acr.0..acr.1];
    if let Some((s, e, who)) = known.ending_at(end) {
        let (s, e, who) = (*s, *e, who.clone());
        let ty = who.ty(cx.kb);
        let listed = matches!(who, Who::Kb(i) if cx.kb.entities()[i].acronyms.iter().any(|a| a == acr_text));
        // A one-word name has no initials ("Paranaguá (PR)" names the state, not the port). An
        // acronym in the name's other language has its initials in another order: "Technical
        // Agency for Criminal Investigation (ATIC)". The words are read only when they decide.
        let fitting = || {
            let words = words_of(text, s, end);
            let reordered = || {
                letters.len() >= 3
                    && acr_text.chars().filter(|c| c.is_uppercase()).count() == letters.len()
                    && known.overlaps(acr.0, acr.1).next().is_none()
                    && letters.iter().all(|l| words.iter().any(|w| !w.optional && w.initial == *l))
            };
            words.len() >= 2 && (fits(letters, &words) || english || reordered())
        };
        if listed || (actor_type(ty) && fitting()) {
            out.define(&who, acr.0, acr.1);
            rename_if_learned(known, out, acr, &who);
            return true;
        }
        // A learned name in another language before an acronym the knowledge base knows: "Drug
        // Control Police (PCD)" is the entry of "PCD".
        if let (Who::Learned { name, ty: lty, .. }, Some(Who::Kb(k))) = (&who, known.exactly(acr.0, acr.1))
            && cx.kb.entities()[*k].entity_type == *lty
            && actor_type(*lty)
        {
            let kb_who = Who::Kb(*k);
            out.renames.push(((*lty, fold(name)), kb_who.clone()));
            out.push(&kb_who, s, e);
            out.define(&kb_who, acr.0, acr.1);
            return true;
        }
    }
    // Unknown capitalised words: the longest run the acronym fits.
    let run = capitalised_run(known, cx.kb, text, end);
    for (i, &(s, _)) in run.iter().enumerate() {
        if run.len() - i < 2 || !capitalised(&text[s..word_end(text, s)]) || function_word(&text[s..word_end(text, s)]) {
            continue;
        }
        // Read (folded, one allocation a word) only for a run the cheap tests leave.
        let words = words_of(text, s, end);
        if !(fits(letters, &words) || english) {
            continue;
        }
        let Some(ty) = type_long_form(&words) else { return false };
        let name = &text[s..end];
        let who = Who::named(cx, name, ty);
        // The long form is a mention too, unless it holds knowledge-base mentions (a place in
        // an agency's name) that it would erase.
        if known.overlaps(s, end).next().is_none() {
            out.push(&who, s, end);
        }
        out.define(&who, acr.0, acr.1);
        return true;
    }
    false
}

/// An acronym the text defines that another finder had learned as a name of its own joins the
/// long form's entity (its other mentions too).
fn rename_if_learned(known: &Known, out: &mut Out, span: (usize, usize), who: &Who) {
    if let Some(Who::Learned { name, ty, .. }) = known.exactly(span.0, span.1) {
        let from = Who::Learned { name: name.clone(), ty: *ty, kb: None };
        if &from != who {
            out.renames.push(((*ty, fold(name)), who.clone()));
        }
    }
}

/// "prosecutors' offices for environmental crimes (FEMA)": a lower-case description with the
/// head noun of a state body names an agency known only by its acronym.
fn description(known: &Known, out: &mut Out, end: usize, acr: (usize, usize)) {
    let cx = out.cx;
    let text = cx.text;
    let acr_text = &text[acr.0..acr.1];
    if acr_text.chars().filter(|c| c.is_uppercase()).count() < 2 || known.overlaps(acr.0, acr.1).next().is_some() {
        return;
    }
    if described_agency(text, end) {
        let who = Who::named(cx, acr_text, EntityType::StateActor);
        out.define(&who, acr.0, acr.1);
    }
}

/// Up to six lower-case words ending at `end`, in one clause, hold a state body's head noun.
fn described_agency(text: &str, end: usize) -> bool {
    let mut at = end;
    let mut heads = Vec::new();
    for _ in 0..6 {
        let ws = word_start(text, at);
        if ws == at {
            break;
        }
        let w = text[ws..at].trim_end_matches(['\'', '’']);
        if capitalised(w) && !sentence_initial(text, ws) {
            break;
        }
        heads.push(w.to_owned());
        match text[..ws].strip_suffix(' ') {
            Some(b) => at = b.trim_end_matches(['\'', '’']).len(),
            None => break,
        }
        if text[..at].ends_with([',', ';', '.', '(']) {
            break;
        }
    }
    let words: Vec<&str> = heads.iter().map(String::as_str).collect();
    type_of_words(&words, false) == Some(EntityType::StateActor)
}

/// "the Peruvian National Police's anti-drug directorate, DIRANDRO, reported": an acronym apposed
/// to a description of a state body, when nothing else names it.
fn apposed_acronyms(known: &Known, out: &mut Out) {
    let cx = out.cx;
    let text = cx.text;
    for c in commas_before_capitals(&cx.words) {
        if text.as_bytes().get(c + 1) != Some(&b' ') {
            continue;
        }
        let s = c + 2;
        // Cheap first: two capitals.
        if !text.as_bytes().get(s).is_some_and(u8::is_ascii_uppercase) || !text.as_bytes().get(s + 1).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let Some((_, e)) = word_at(text, s) else { continue };
        let acr = &text[s..e];
        if acronym(acr).is_none() || acr.chars().filter(|c| c.is_uppercase()).count() < 2 || known.overlaps(s, e).next().is_some() {
            continue;
        }
        // An apposition closes; a list goes on ("the police, DEA, FBI and HSI").
        let rest = &text[e..];
        let closes = match rest.chars().next() {
            Some('.' | ';' | ':' | ')') | None => true,
            Some(',') => next_word(text, e + 1).is_some_and(|(ws, we)| {
                let w = &text[ws..we];
                !capitalised(w) && !["and", "y", "e", "or", "o", "ou"].contains(&w)
            }),
            _ => false,
        };
        if closes && described_agency(text, c) {
            let who = Who::named(cx, acr, EntityType::StateActor);
            out.define(&who, s, e);
        }
    }
}

/// Where a comma may be followed by a space and a capital: from the capitalised words when the
/// words have their classes (a capital after a space starts a word), else every comma.
fn commas_before_capitals(words: &super::persons::Words) -> Vec<usize> {
    let bytes = words.text.as_bytes();
    if !words.has_classes() {
        return words.text.match_indices(',').map(|(c, _)| c).collect();
    }
    let mut commas = Vec::new();
    for &n in words.capitals() {
        let s = words.list[n].start;
        if s >= 2 && bytes[s - 2..s] == *b", " {
            commas.push(s - 2);
        }
    }
    commas
}

/// "the 33rd Front (Frente 33)", "the Gulf Clan (Clan del Golfo)": a mention and, in
/// parentheses, exactly another of the same type are one entity.
fn translation(known: &Known, out: &mut Out, end: usize, inner: (usize, usize)) -> bool {
    let kb = out.cx.kb;
    let Some(b) = known.exactly(inner.0, inner.1).cloned() else { return false };
    let Some((a_start, a_end, a)) = known.ending_at(end).cloned() else { return false };
    if a == b || a.ty(kb) != b.ty(kb) || !actor_type(a.ty(kb)) {
        return false;
    }
    match (&a, &b) {
        (_, Who::Learned { name, ty, .. }) => {
            out.push(&a, inner.0, inner.1);
            out.renames.push(((*ty, fold(name)), a.clone()));
            true
        }
        (Who::Learned { name, ty, .. }, Who::Kb(_)) => {
            out.push(&b, a_start, a_end);
            out.renames.push(((*ty, fold(name)), b.clone()));
            true
        }
        _ => false,
    }
}

/// "CJNG (Cártel Jalisco Nueva Generación)", "MPCP (Militarized Communist Party of Peru)": an
/// acronym before a capitalised long form it fits.
fn expansion(known: &Known, out: &mut Out, end: usize, inner: (usize, usize)) {
    let cx = out.cx;
    let text = cx.text;
    let ws = word_start(text, end);
    let acr = &text[ws..end];
    let Some(letters) = acronym(acr).filter(|_| acr.chars().filter(|c| c.is_uppercase()).count() >= 2) else { return };
    let long = &text[inner.0..inner.1];
    let words = words_of(text, inner.0, inner.1);
    if words.len() < 2 || !capitalised(long) || words.iter().any(|w| w.initial.is_ascii_digit()) || !fits(&letters, &words) {
        return;
    }
    // Every word of a name is capitalised but its particles.
    if long.split(' ').any(|w| !(capitalised(w) || name_particle(w) || function_word(w))) {
        return;
    }
    if let Some((_, _, who)) = known.ending_at(inner.1).filter(|(s, _, _)| *s == inner.0) {
        let who = who.clone();
        out.define(&who, ws, end);
        return;
    }
    if let Some(who) = known.exactly(ws, end).cloned() {
        if known.overlaps(inner.0, inner.1).next().is_none() {
            out.push(&who, inner.0, inner.1);
        }
        return;
    }
    let Some(ty) = type_long_form(&words) else { return };
    let who = Who::named(cx, long, ty);
    if known.overlaps(inner.0, inner.1).next().is_none() {
        out.push(&who, inner.0, inner.1);
    }
    out.define(&who, ws, end);
}

/// "X, also known as Y", "X (41), alias 'Y'", "X, conocido como Y": Y names X's entity.
fn aliases(known: &Known, hits: &[Hit], out: &mut Out) {
    let v = vocab::get();
    let text = out.cx.text;
    for h in hits {
        if !v.pattern_cues[h.pattern].iter().any(|&c| v.cues[c].kind == Kind::Alias) {
            continue;
        }
        let x_end = subject_end(text, h.start);
        let Some((_, _, who)) = known.ending_at(x_end) else {
            nicknamed(known, h, out);
            role_nicknamed(known, h, x_end, out);
            continue;
        };
        if !actor_type(who.ty(out.cx.kb)) {
            // A place closing the role's words: "O chefe da facção na Rocinha, conhecido como …".
            role_nicknamed(known, h, x_end, out);
            continue;
        }
        let who = who.clone();
        if let Some((s, e)) = alias_name(text, h.end)
            && known.clear(out.cx.kb, s, e)
            && !matches!(known.exactly(s, e), Some(Who::Kb(_)))
        {
            rename_if_learned(known, out, (s, e), &who);
            out.define(&who, s, e);
        }
    }
}

/// "capturaron a alias 'Chucky'", "vulgo Marcola": a nickname cue with no name before it names
/// a person by the nickname alone.
fn nicknamed(known: &Known, h: &Hit, out: &mut Out) {
    let v = vocab::get();
    let text = out.cx.text;
    if !v.pattern_cues[h.pattern].iter().any(|&c| v.cues[c].kind == Kind::Nickname) {
        return;
    }
    // The cue in lower case, after a word that is no name ("a", "capturado"): "Alias" opening a
    // sentence is a heading or a name more often than a cue.
    let before = text[..h.start].trim_end_matches(' ');
    if !text[h.start..].starts_with(|c: char| c.is_lowercase()) || capitalised(&before[word_start(before, before.len())..]) {
        return;
    }
    person_by_nickname(known, h, out);
}

/// The nickname after the cue `h`, where nothing else claims it, as a person of its own.
fn person_by_nickname(known: &Known, h: &Hit, out: &mut Out) {
    let text = out.cx.text;
    if let Some((s, e)) = alias_name(text, h.end).filter(|&(s, e)| nickname(&text[s..e]))
        && known.clear(out.cx.kb, s, e)
        && known.exactly(s, e).is_none()
    {
        let who = Who::Learned { name: text[s..e].to_owned(), ty: EntityType::Person, kb: None };
        out.define(&who, s, e);
    }
}

/// "O chefe da facção na Rocinha, conhecido como 'Peixe'", "the gang's leader, known as 'El
/// Viejo'": an alias phrase after a person's role or title, with no name before it, names that
/// person by the nickname alone. The role is the head of the words before the comma: their last
/// word, or the word before a link ("chefe da facção"), in lower case.
fn role_nicknamed(known: &Known, h: &Hit, x_end: usize, out: &mut Out) {
    use super::persons::{CAP, LINK, ROLE, TITLE};
    let text = out.cx.text;
    let w = &out.cx.words;
    if !text[x_end..h.start].starts_with(',') || !text[h.start..].starts_with(|c: char| c.is_lowercase()) {
        return;
    }
    let last = w.list.partition_point(|x| x.end <= x_end);
    let floor = last.saturating_sub(ROLE_REACH);
    let head = (floor..last).rev().find(|&i| w.is(i, ROLE | TITLE) && !w.list[i].has(CAP) && (i + 1 == last || w.is(i + 1, LINK)));
    let Some(head) = head else { return };
    // The role and the cue are in one clause.
    if text[w.list[head].end..x_end].contains(['.', ';', ':', '\n', '(', ')']) {
        return;
    }
    person_by_nickname(known, h, out);
}

/// "Víctor Quispe Palomino, 'camarada José'": a quoted nickname right after a person; and the
/// Brazilian press's nickname with an article, set off by commas: "Luís Antônio da Silva Braga,
/// o Zinho, …", "Marcos Willians Herbas Camacho, o Marcola."
fn nicknames(known: &Known, found: &[Found], out: &mut Out) {
    let text = out.cx.text;
    for f in found.iter().filter(|f| f.entity_type == EntityType::Person) {
        let rest = &text[f.end..];
        let Some(r) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" (")) else { continue };
        let at = text.len() - r.len();
        let nick = if r.starts_with(QUOTE_CHARS) {
            quoted(text, at).filter(|&(s, e)| nickname(&text[s..e]))
        } else if rest.starts_with(", ") {
            article_nickname(out, at)
        } else {
            None
        };
        if let Some((s, e)) = nick {
            let who = Who::of(f);
            if known.clear(out.cx.kb, s, e) && !matches!(known.exactly(s, e), Some(Who::Kb(_))) {
                out.define(&who, s, e);
            }
        }
    }
}

/// "o Zinho," at `at`: a Portuguese article, then one or two capitalised words that are no
/// acronym, title or role, closed by a comma, a period or a semicolon. Names of things take
/// the article too ("o Rio", "a Polícia Federal"): those are claimed by other mentions, which
/// the caller checks.
fn article_nickname(out: &Out, at: usize) -> Option<(usize, usize)> {
    use super::persons::{ROLE, TITLE};
    let text = out.cx.text;
    let (a, ae) = word_at(text, at)?;
    if !matches!(&text[a..ae], "o" | "a") {
        return None;
    }
    let (s, mut e) = next_word(text, ae)?;
    let plain = |w: &str| capitalised(w) && !function_word(w) && w.chars().skip(1).any(char::is_lowercase);
    if !plain(&text[s..e]) {
        return None;
    }
    if let Some((_, e2)) = next_word(text, e).filter(|&(s2, e2)| capitalised(&text[s2..e2]) && !function_word(&text[s2..e2])) {
        e = e2;
    }
    if !text[e..].starts_with([',', '.', ';']) {
        return None;
    }
    let w = &out.cx.words;
    let first = w.list.partition_point(|x| x.start < s);
    if (first..w.list.len()).take_while(|&i| w.list[i].end <= e).any(|i| w.is(i, ROLE | TITLE)) {
        return None;
    }
    Some((s, e))
}

/// A quotation that can be a nickname: capitalised words, but for function words and one
/// leading lower-case word ("camarada José", "el Mono"), ending capitalised: not a quoted remark.
fn nickname(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    words.len() <= 4
        && words.last().is_some_and(|w| capitalised(w))
        && words.iter().enumerate().all(|(i, w)| capitalised(w) || function_word(w) || i == 0)
        && !s.contains(['!', '?'])
}

/// Where the subject of an alias phrase ends: before ", ", " (", an age ("(41), ", ", 44, ").
fn subject_end(text: &str, cue: usize) -> usize {
    let mut t = text[..cue].trim_end_matches(' ');
    t = t.strip_suffix(',').or_else(|| t.strip_suffix('(')).unwrap_or(t).trim_end_matches(' ');
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(u) = t.strip_suffix(')') {
        if let Some(open) = u.rfind('(').filter(|&o| digits(&u[o + 1..])) {
            t = u[..open].trim_end_matches(' ');
        }
    } else {
        let n = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=3).contains(&n)
            && let Some(u) = t[..t.len() - n].strip_suffix(", ")
        {
            t = u;
        }
    }
    t.len()
}

/// The name after an alias phrase ending at `at`: quoted ("alias 'Fito'", "alias el 'Chapo'"),
/// or capitalised words ("also known as the Urabeños", "conocido como Los Rastrojos").
fn alias_name(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut at = at + text[at..].strip_prefix(' ').map(|_| 1)?;
    if let Some((s, e)) = word_at(text, at) {
        // A leading article is not the name ("the Urabeños"), a plural one is ("Los Rastrojos").
        if ["the", "el", "la", "o", "a"].contains(&&text[s..e]) && text[e..].starts_with(' ') {
            let next = &text[e + 1..];
            if next.starts_with(QUOTE_CHARS) || next.starts_with(|c: char| c.is_uppercase()) {
                at = e + 1;
            }
        }
    }
    if text[at..].starts_with(QUOTE_CHARS) {
        return quoted(text, at);
    }
    let (s, mut e) = word_at(text, at)?;
    let w = &text[s..e];
    if !capitalised(w) || function_word(w) && !["Los", "Las", "Os", "As", "El", "La"].contains(&w) {
        return None;
    }
    let mut count = 1;
    while count < 5 {
        let Some((s2, e2)) = next_word(text, e) else { break };
        let w2 = &text[s2..e2];
        if capitalised(w2) && !function_word(w2) {
            e = e2;
        } else if name_particle(w2) && !["y", "e", "and"].contains(&w2) {
            match next_word(text, e2) {
                Some((s3, e3)) if capitalised(&text[s3..e3]) && !function_word(&text[s3..e3]) => e = e3,
                _ => break,
            }
        } else {
            break;
        }
        count += 1;
    }
    Some((s, e))
}

const QUOTE_CHARS: [char; 7] = ['"', '“', '\'', '‘', '«', '”', '’'];

/// The text of a quotation opening at `at`, without its quotes and the punctuation inside them
/// ("Otoniel," → Otoniel): one to five words.
fn quoted(text: &str, at: usize) -> Option<(usize, usize)> {
    let open = text[at..].chars().next()?;
    let close: &[char] = match open {
        '"' => &['"', '”'],
        '“' => &['”', '"'],
        '\'' => &['\'', '’'],
        '‘' => &['’', '\''],
        '«' => &['»'],
        _ => return None,
    };
    let s = at + open.len_utf8();
    let window = &text[s..floor(text, s + 60)];
    let mut q = window.find(close)?;
    // An apostrophe inside a word is not the closing quote ("'Ndrangheta's'").
    while window[q..].chars().nth(1).is_some_and(char::is_alphanumeric) {
        q += window[q..].chars().next().map_or(1, char::len_utf8);
        q += window[q..].find(close)?;
    }
    let inner = window[..q].trim_end_matches([',', '.', ';']);
    let words = inner.split(' ').count();
    if inner.is_empty() || inner.contains('\n') || words > 5 || !inner.starts_with(char::is_alphabetic) || inner.trim() != inner {
        return None;
    }
    Some((s, s + inner.len()))
}

/// Later occurrences of every defined surface (case-sensitive, whole words, not inside a longer
/// mention), and the other mentions of learned names the text said are another entity.
fn recurrences(known: &Known, found: &[Found], out: &mut Out) {
    let text = out.cx.text;
    let defs = std::mem::take(&mut out.defs);
    // Where each surface occurs, found once from its first definition: a long report defines
    // the same acronym again and again, and searching the rest of the text from each definition
    // is quadratic. Many surfaces are found in one pass for all. A surface whose
    // occurrences can overlap ("ABA") is searched from each definition, as before.
    let mut slot: crate::hash::FxMap<&str, usize> = Default::default();
    let (mut surfaces, mut firsts) = (Vec::new(), Vec::new());
    for d in defs.iter().filter(|d| !self_overlapping(&d.surface)) {
        let n = *slot.entry(d.surface.as_str()).or_insert_with(|| {
            surfaces.push(d.surface.as_str());
            firsts.push(d.from);
            surfaces.len() - 1
        });
        firsts[n] = firsts[n].min(d.from);
    }
    let mut occurrences: Vec<Vec<usize>> = vec![Vec::new(); surfaces.len()];
    let from = firsts.iter().copied().min().unwrap_or(text.len());
    // The words' pass pays in any text; the automaton, which searches every byte, in a long one.
    let one_pass = surfaces.len() >= ONE_PASS_SURFACES
        && (at_word_starts(&out.cx.words, &surfaces, &firsts, &mut occurrences)
            || text.len() - from >= ONE_PASS_BYTES
                && aho_corasick::AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(&surfaces).is_ok_and(|ac| {
                    for m in ac.find_overlapping_iter(&text[from..]) {
                        let (n, at) = (m.pattern().as_usize(), from + m.start());
                        if at >= firsts[n] {
                            occurrences[n].push(at);
                        }
                    }
                    occurrences.iter_mut().for_each(|o| o.sort_unstable());
                    true
                }));
    if !one_pass {
        for (n, surface) in surfaces.iter().enumerate() {
            occurrences[n] = text[firsts[n]..].match_indices(surface).map(|(at, _)| firsts[n] + at).collect();
        }
    }
    for d in &defs {
        let surface = d.surface.as_str();
        let own: Vec<usize>;
        let starts: &[usize] = match slot.get(surface) {
            Some(&n) => &occurrences[n][occurrences[n].partition_point(|&at| at < d.from)..],
            None => {
                own = text[d.from..].match_indices(surface).map(|(at, _)| d.from + at).collect();
                &own
            }
        };
        for &s in starts {
            let e = s + surface.len();
            if boundary_before(text, s) && boundary_after(text, e) && known.clear(out.cx.kb, s, e) {
                out.push(&d.who, s, e);
            }
        }
    }
    let renames = std::mem::take(&mut out.renames);
    // Folding a name allocates: only the names of a type some rename has are folded (most
    // documents rename nothing).
    for f in found.iter().filter(|f| renames.iter().any(|((ty, _), _)| *ty == f.entity_type)) {
        let key = (f.entity_type, fold(&f.name));
        if let Some((_, who)) = renames.iter().find(|(k, _)| *k == key) {
            out.push(who, f.start, f.end);
        }
    }
    out.defs = defs;
}

/// From this many surfaces, one pass over the words costs less than a search each (a shorter
/// document defines fewer); where that pass cannot serve, one automaton does, in this much text.
const ONE_PASS_SURFACES: usize = 4;
const ONE_PASS_BYTES: usize = 64 * 1024;

/// The occurrences of `surfaces` (each from its `firsts`) that can stand as a mention: those at a
/// word boundary (`boundary_before`) and followed by one (`boundary_after`), found from the
/// finders' words instead of searching every byte. Such an occurrence starts where a letter or
/// digit follows no letter, digit or hyphen: at a word's start or after an apostrophe or period
/// inside it; and the run of letters and digits there is the surface's first one. Other
/// occurrences may be left out: the caller drops them. False, with nothing found, when a surface
/// does not start with a letter or digit.
fn at_word_starts(words: &super::persons::Words, surfaces: &[&str], firsts: &[usize], occurrences: &mut [Vec<usize>]) -> bool {
    let run_end = |s: &str, from: usize| s[from..].char_indices().find(|(_, c)| !c.is_alphanumeric()).map_or(s.len(), |(i, _)| from + i);
    let mut by_run: crate::hash::FxMap<&str, Vec<usize>> = Default::default();
    let mut first_bytes = [false; 256];
    // The byte lengths of the first runs (63 for any longer): a run of another length is passed
    // without hashing it.
    let mut lens = 0u64;
    // The first two bytes of the first runs, their low six bits each, as bits of a 4 Ki-bit set
    // (any second byte after a first run of one byte): a plain word of a capital no surface
    // starts with is passed on them. On the stack: a document defines few surfaces, and a zeroed
    // allocation of a larger set cost more than the pass.
    let pair = |first: u8, second: u8| usize::from(first & 63) << 6 | usize::from(second & 63);
    let mut pairs = [0u64; 1 << 6];
    for (n, surface) in surfaces.iter().enumerate() {
        let run = run_end(surface, 0);
        if run == 0 {
            return false;
        }
        by_run.entry(&surface[..run]).or_default().push(n);
        let b = surface.as_bytes();
        first_bytes[usize::from(b[0])] = true;
        lens |= 1 << run.min(63);
        let seconds = if run == 1 { 0..=63 } else { b[1]..=b[1] };
        for second in seconds {
            let k = pair(b[0], second);
            pairs[k >> 6] |= 1 << (k & 63);
        }
    }
    let text = words.text;
    let bytes = text.as_bytes();
    let from = firsts.iter().copied().min().unwrap_or(text.len());
    // The run of letters and digits at `p`, its end read already (`run`) or not.
    let mut at = |p: usize, run: Option<usize>| {
        if run.is_some_and(|end| lens & (1 << (end - p).min(63)) == 0) {
            return;
        }
        // `boundary_before` and `run_end`, ASCII bytes by table.
        let before = p.checked_sub(1).map(|q| bytes[q]);
        if before.is_some_and(|b| if b < 0x80 { b.is_ascii_alphanumeric() || b == b'-' } else { !boundary_before(text, p) }) {
            return;
        }
        let end = run.unwrap_or_else(|| {
            let mut end = p;
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            if bytes.get(end).is_some_and(|&b| b >= 0x80) { run_end(text, end) } else { end }
        });
        if lens & (1 << (end - p).min(63)) == 0 {
            return;
        }
        let Some(ns) = by_run.get(&text[p..end]) else { return };
        for &n in ns {
            if p >= firsts[n] && text[p..].starts_with(surfaces[n]) {
                occurrences[n].push(p);
            }
        }
    };
    // Most words start with a byte no surface starts with. When no surface starts with an ASCII
    // lower-case letter, a plain word (ASCII) can hold one only if it is capitalised (`CAPITAL`)
    // or starts with a digit (`ODD`, as every word that is not plain): the others are skipped by
    // their classes.
    let capitals = first_bytes.iter().zip(0..=u8::MAX).all(|(&first, b)| !first || !b.is_ascii_lowercase());
    let skip = capitals && words.has_classes();
    let mut k = words.list.partition_point(|w| w.full_end <= from);
    while let Some(w) = words.list.get(k) {
        if skip {
            match words.next_with(k, super::persons::CAPITAL | super::persons::ODD) {
                Some(next) if next > k => {
                    k = next;
                    continue;
                }
                Some(_) => {}
                None => break,
            }
        }
        k += 1;
        // A plain word is the run of letters and digits there.
        if first_bytes[usize::from(bytes[w.start])] {
            let plain = w.has(super::persons::PLAIN);
            let k = pair(bytes[w.start], bytes.get(w.start + 1).copied().unwrap_or(0));
            if !plain || pairs[k >> 6] >> (k & 63) & 1 != 0 {
                at(w.start, plain.then_some(w.full_end));
            }
        }
        if !w.has(super::persons::PLAIN) {
            // Inside the word, a letter or digit after a char that is none (a hyphen, an
            // apostrophe, a period). Only the bytes a surface starts with are looked at, and the
            // chars there decoded: no surface starts with a UTF-8 continuation byte, so each of
            // them starts a char.
            let word = &text[w.start..w.full_end];
            for (k, &b) in word.as_bytes().iter().enumerate().skip(1) {
                if first_bytes[usize::from(b)]
                    && word[k..].chars().next().is_some_and(char::is_alphanumeric)
                    && !word[..k].chars().next_back().is_some_and(char::is_alphanumeric)
                {
                    at(w.start + k, None);
                }
            }
        }
    }
    true
}

/// Two occurrences of `s` can overlap: some proper prefix of it is also a suffix.
fn self_overlapping(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len()).any(|k| b[..k] == b[b.len() - k..])
}

fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn actor_type(t: EntityType) -> bool {
    matches!(t, EntityType::CriminalOrg | EntityType::ArmedGroup | EntityType::StateActor | EntityType::Company | EntityType::Person)
}

/// An acronym's letters, folded, when `token` looks like one: "PCC", "CE-VRAEM", "UIF-Perú",
/// "DTVMs" (capitals count), or a capitalised syllable acronym "Senad", "Fiocruz" (every letter).
fn acronym(token: &str) -> Option<Vec<char>> {
    if token.is_ascii() {
        return ascii_acronym(token.as_bytes());
    }
    let n = token.chars().count();
    let first = token.chars().next()?;
    if !(2..=15).contains(&n) || !first.is_uppercase() || !token.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '&')) {
        return None;
    }
    let caps = token.chars().filter(|c| c.is_uppercase()).count();
    let letters: Vec<char> = if caps >= 2 {
        token.chars().filter(|c| c.is_uppercase()).flat_map(char::to_lowercase).collect()
    } else if (3..=8).contains(&n) && token.chars().skip(1).all(char::is_lowercase) {
        fold(token).chars().collect()
    } else {
        return None;
    };
    let letters: String = letters.into_iter().collect();
    Some(fold(&letters).chars().collect())
}

/// `acronym` of an ASCII token, read as bytes: folding is lower-casing there, and no letters
/// are collected, folded and split again.
fn ascii_acronym(token: &[u8]) -> Option<Vec<char>> {
    let n = token.len();
    let first = *token.first()?;
    if !(2..=15).contains(&n)
        || !first.is_ascii_uppercase()
        || !token.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'&'))
    {
        return None;
    }
    let caps = token.iter().filter(|b| b.is_ascii_uppercase()).count();
    if caps >= 2 {
        Some(token.iter().filter(|b| b.is_ascii_uppercase()).map(|b| char::from(b.to_ascii_lowercase())).collect())
    } else if (3..=8).contains(&n) && token[1..].iter().all(u8::is_ascii_lowercase) {
        Some(token.iter().map(|b| char::from(b.to_ascii_lowercase())).collect())
    } else {
        None
    }
}

/// One word of a long form, folded.
#[derive(Debug)]
struct Word {
    initial: char,
    rest: Vec<char>,
    /// A function word: may be skipped freely.
    optional: bool,
    folded: String,
}

fn words_of(text: &str, start: usize, end: usize) -> Vec<Word> {
    text[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_LONG + 1)
        .filter_map(|w| {
            let folded = fold(w);
            let mut chars = folded.chars();
            let initial = chars.next()?;
            let optional = !capitalised(w) && (function_word(w) || name_particle(w));
            Some(Word { initial, rest: chars.collect(), optional, folded })
        })
        .collect()
}

/// The acronym's letters are the long form's initials, in order, each word giving its initial
/// and perhaps more of its letters ("SEnad" from Secretaría…), the first word giving the first;
/// function words may be skipped, and one other word when the acronym has four letters or more.
fn fits(letters: &[char], words: &[Word]) -> bool {
    if letters.is_empty() || words.is_empty() || words.len() > MAX_LONG || letters.len() > 16 {
        return false;
    }
    let skips = usize::from(letters.len() >= 4);
    fit(letters, words, skips, true)
}

fn fit(l: &[char], w: &[Word], skips: usize, first: bool) -> bool {
    let Some((head, tail)) = w.split_first() else {
        return l.is_empty();
    };
    if l.is_empty() {
        return w.iter().filter(|x| !x.optional).count() <= skips;
    }
    if !first && (if head.optional { fit(l, tail, skips, false) } else { skips > 0 && fit(l, tail, skips - 1, false) }) {
        return true;
    }
    if head.initial != l[0] {
        return false;
    }
    let mut pos = 0;
    let mut k = 1;
    loop {
        if fit(&l[k..], tail, skips, false) {
            return true;
        }
        if k >= l.len() {
            return false;
        }
        match head.rest[pos..].iter().position(|&c| c == l[k]) {
            Some(j) => {
                pos += j + 1;
                k += 1;
            }
            None => return false,
        }
    }
}

/// The words before `end` that may form a long form: capitalised words and the function words
/// between them, in one line, not inside an actor another mention names; at most `MAX_LONG`.
fn capitalised_run(known: &Known, kb: &KnowledgeBase, text: &str, end: usize) -> Vec<(usize, usize)> {
    let mut run = Vec::new();
    let mut at = end;
    while run.len() < MAX_LONG {
        let ws = word_start(text, at);
        if ws == at {
            break;
        }
        let w = &text[ws..at];
        if !(capitalised(w) || function_word(w) || name_particle(w)) {
            break;
        }
        if known.overlaps(ws, at).any(|s| actor_type(s.2.ty(kb))) {
            break;
        }
        run.push((ws, at));
        if sentence_initial(text, ws) {
            break;
        }
        // One space, or a comma inside a name ("Valle de los Ríos Apurímac, Ene y Mantaro").
        match text[..ws].strip_suffix(' ') {
            Some(b) => at = b.len(),
            None => break,
        }
    }
    run.reverse();
    run
}

/// The type a long form's words give: an armed group's word, an organization cue or a state
/// body's head ("Cártel …", "… Cartel", "Unidad …", "… Police"), or a weak head with a word
/// that types it ("Grupo de Inteligencia…", "Special Operations Group"). The head is the first
/// word, or in an English name (no Spanish or Portuguese particles) also the last: "Centro de
/// Innovación Marina" is not a navy.
fn type_long_form(words: &[Word]) -> Option<EntityType> {
    let w: Vec<&str> = words.iter().filter(|w| !w.optional).map(|w| w.folded.as_str()).collect();
    let romance = words.iter().any(|w| w.optional && vocab::get().romance.contains(w.folded.as_str()));
    let ends: Vec<&str> = w.first().into_iter().chain(w.last().filter(|_| !romance)).copied().collect();
    type_of_heads(&w, &ends)
}

fn type_of_words(words: &[&str], ends_only: bool) -> Option<EntityType> {
    let ends: Vec<&str> = if ends_only { words.first().into_iter().chain(words.last()).copied().collect() } else { words.to_vec() };
    type_of_heads(words, &ends)
}

/// The type given by the head words `ends` among `words`.
fn type_of_heads(words: &[&str], ends: &[&str]) -> Option<EntityType> {
    let v = vocab::get();
    let cues = |w: &str| -> Vec<&vocab::Cue> {
        v.by_word.get(fold(w).as_str()).map(|cs| cs.iter().map(|&c| &v.cues[c]).collect()).unwrap_or_default()
    };
    let has = |kind: Kind, ty: EntityType| words.iter().any(|w| cues(w).iter().any(|c| c.kind == kind && c.ty == Some(ty)));
    if has(Kind::Modifier, EntityType::ArmedGroup) {
        return Some(EntityType::ArmedGroup);
    }
    for w in ends {
        if let Some(c) = cues(w).into_iter().find(|c| matches!(c.kind, Kind::Pre | Kind::Post) && !c.weak && c.one.is_none()) {
            return c.ty;
        }
    }
    if ends.iter().any(|w| cues(w).iter().any(|c| c.kind == Kind::Head && !c.weak)) {
        return Some(EntityType::StateActor);
    }
    if ends.iter().any(|w| cues(w).iter().any(|c| c.kind == Kind::Head && c.weak)) {
        if has(Kind::Modifier, EntityType::StateActor) {
            return Some(EntityType::StateActor);
        }
        if has(Kind::Modifier, EntityType::CriminalOrg) {
            return Some(EntityType::CriminalOrg);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Merging the learned spans into the sorted, disjoint knowledge-base ones gives the order
    /// the stable sorts give, ties included (equal spans, equal starts or ends).
    #[test]
    fn merged_spans_are_the_sorted_ones() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let mut kb = Vec::new();
            let mut at = 0;
            for entity in 0..next(12) as usize {
                let start = at + next(3) as usize;
                let end = start + 1 + next(4) as usize;
                kb.push(KbMention { entity, start, end });
                at = end;
            }
            let found: Vec<Found> = (0..next(10))
                .map(|k| {
                    let start = next(at as u64 + 2) as usize;
                    let end = start + 1 + next(5) as usize;
                    let kb_entity = (k % 3 == 0).then_some(k as usize);
                    Found { start, end, name: format!("n{k}"), entity_type: EntityType::Person, unnamed: false, kb_entity }
                })
                .collect();
            if kb.is_empty() {
                continue;
            }
            let (a, b) = (Known::merged(&kb, &found), Known::sorted(&kb, &found));
            assert_eq!(a, b, "{kb:?} {found:?}");
        }
    }

    /// The occurrences found from the words are those of a byte search that can stand as a
    /// mention.
    #[test]
    fn occurrences_at_word_starts_are_the_searched_ones_at_boundaries() {
        let base = "The Sinaloa Cartel -Los Zetas- and Los Zetas' men (U.S. D.E.A.) met O'Brien’s FARC-EP, \
            the EP, EPs and -EP; Clan Úsuga, Clan Úsuga's, ÚsugaClan, Úsuga-led; Ελλάδα, Ελλάδας; A. A-B a.A \
            Os Crias Os Criass 'Los Zetas' «Clan» U.S.A. US U.S.";
        let surfaces =
            ["Los Zetas", "U.S.", "D.E.A.", "Brien", "FARC-EP", "EP", "Clan", "Clan Úsuga", "Úsuga", "Ελλάδα", "A", "Os Crias", "S"];
        let kb = super::super::persons::KbIndex::new(&KnowledgeBase::load(&[]).0);
        let texts = [base.to_owned(), base.replace(' ', "-"), base.replace(' ', "'"), base.repeat(3), base.to_lowercase()];
        let classified = texts.iter().map(|t| (t, super::super::persons::Words::classified(t, &kb)));
        for (text, words) in texts.iter().map(|t| (t, super::super::persons::Words::new(t))).chain(classified) {
            let text = text.as_str();
            for first in [0, 40, 200] {
                let firsts = vec![first.min(text.len()); surfaces.len()];
                let mut found = vec![Vec::new(); surfaces.len()];
                assert!(at_word_starts(&words, &surfaces, &firsts, &mut found));
                for (n, surface) in surfaces.iter().enumerate() {
                    let want: Vec<usize> = text[firsts[n]..]
                        .match_indices(surface)
                        .map(|(at, _)| firsts[n] + at)
                        .filter(|&s| boundary_before(text, s) && boundary_after(text, s + surface.len()))
                        .collect();
                    let got: Vec<usize> =
                        found[n].iter().copied().filter(|&s| boundary_before(text, s) && boundary_after(text, s + surface.len())).collect();
                    assert_eq!(got, want, "{surface:?} in {text:?}");
                    assert!(!want.is_empty() || first > 0 || text.contains('\''), "{surface:?}");
                }
            }
        }
    }
}
