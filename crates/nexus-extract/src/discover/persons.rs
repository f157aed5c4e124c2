//! People's names the knowledge base does not hold ("Dairo Antonio Úsuga David", "Peter R. de
//! Vries", `Ismael "El Mayo" Zambada`): a run of capitalised words, with name particles and initials
//! inside, is a name when it starts with a common given name (`data/lang/given-names.txt`), follows
//! a title or a role ("Judge", "el narcotraficante"; `data/lang/person-cues.tsv`), or is followed by
//! an age or an alias ("Juan Pérez, 45,", "…, alias"). Places, bodies and events named after people
//! ("San Pedro Sula", "Frente Carolina Ramírez", "Operation Osiris") are kept out by stop words next
//! to the run; a capitalised Spanish or Portuguese title before one word ("Capitán Bado") names a
//! person only when that word is the surname of a name found in full, and a title-case headline
//! only the start of a name the body writes. A surname alone ("Úsuga", "Lizárraga Beltrán") is a
//! mention of the full name it ends, when only one name in the document ends so; the full names
//! the knowledge base matched count too ("Iván Duque … Duque").
//!
//! The word scanner and the knowledge-base index below the finder are shared with `agencies` and
//! `unnamed`: one pass over the text, folded words in one buffer, no allocation per word.

use super::{Context, Found};
use crate::fold::alphanumeric;
use crate::lang::lines;
use crate::matcher::KbMention;
use nexus_kb::{EntityType, KnowledgeBase};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Most words a name has, particles and initials aside ("Jobanis de Jesús Ávila Villadiego").
const MAX_NAME_WORDS: usize = 5;
/// Most words of a nickname written inside a name (`Joaquín "El Chapo" Guzmán`).
const MAX_NICKNAME_WORDS: usize = 4;
/// Longest headline looked for on either side of a word, in bytes.
const HEADLINE: usize = 200;

/// The nearest character boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub fn find(cx: &Context) -> Vec<Found> {
    find_each(std::slice::from_ref(cx)).pop().unwrap_or_default()
}

/// `find` on each of several documents in two steps: the names of every document are read
/// before any document's surnames, the two steps' code being larger than the instruction
/// cache (see `Extractor::extract_batch`). Each document gets exactly what `find` gives it alone.
pub fn find_each(contexts: &[Context]) -> Vec<Vec<Found>> {
    let finders: Vec<Finder> = contexts
        .iter()
        .map(|cx| Finder { w: &cx.words, kb: &cx.index.persons, lx: lexicon(), mentions: cx.kb_mentions, entities: cx.kb.entities() })
        .collect();
    let names: Vec<Vec<Name>> = finders.iter().map(Finder::names).collect();
    finders.iter().zip(names).map(|(f, names)| f.with_surnames(names)).collect()
}

/// A run of capitalised words; `quote` is a nickname written inside it, left out of the name.
struct Run {
    first: usize,
    last: usize,
    quote: Option<(usize, usize)>,
}

/// An accepted name: its span, its text, and the indices of its name words (no particles,
/// initials or nickname).
struct Name {
    start: usize,
    end: usize,
    name: String,
    folded: String,
    words: Vec<usize>,
    /// A single word after a capitalised Spanish or Portuguese title: a name only as the surname
    /// of a full name of the document.
    weak: bool,
    /// On a line in title case ("Jorge Rafaat Killed In Paraguay Ambush"), where a name's end is
    /// unknown: a name only as the start of a name the body writes.
    heading: bool,
    /// The knowledge-base person a name stands for: one the knowledge base matched (whose
    /// surname then names it alone), or a found name that is its surname.
    kb: Option<usize>,
}

#[derive(Clone, Copy, PartialEq)]
enum Cue {
    None,
    /// A title, role or demonym right before the name: a single surname is enough.
    Before,
}

struct Finder<'a> {
    w: &'a Words<'a>,
    kb: &'a KbIndex,
    lx: &'static Lexicon,
    mentions: &'a [KbMention],
    entities: &'a [nexus_kb::Entity],
}

impl Finder<'_> {
    /// The candidate names, each run of capitalised words read once.
    fn names(&self) -> Vec<Name> {
        let words = self.w;
        let mut names = Vec::new();
        let (mut i, mut cursor) = (0, 0);
        while let Some(at) = words.next_capital_with(&mut cursor, i, NAMEY) {
            let run = self.run(at);
            names.extend(self.candidate(&run));
            i = run.last + 1;
        }
        names
    }

    fn class(&self, i: usize) -> u32 {
        self.w.class(i)
    }

    fn is(&self, i: usize, class: u32) -> bool {
        self.w.is(i, class)
    }

    /// A word that can be part of a name: capitalised with lower-case letters ("Úsuga", "McAllister"),
    /// or an initial ("R."). Acronyms and headings in capitals are not names.
    fn namey(&self, i: usize) -> bool {
        self.w.list[i].namey()
    }

    fn particle(&self, i: usize) -> bool {
        !self.w.list[i].has(CAP) && self.is(i, PARTICLE)
    }

    /// A capitalised function word that is not a particle ("In", "The", "Em") ends a run: inside a
    /// name particles are lower case, and "De", "Van" are Belgian and Dutch particles.
    fn splits(&self, i: usize) -> bool {
        self.class(i) & (FUNCTION | PARTICLE) == FUNCTION
    }

    fn given(&self, i: usize) -> bool {
        self.is(i, GIVEN)
    }

    #[inline]
    fn title(&self, i: usize) -> bool {
        self.is(i, TITLE) || self.w.list[i].has(HYPHEN) && self.hyphenated_title(i)
    }

    /// "Then-President", "ex-presidente": the title is the last part. Out of line: few words
    /// have a hyphen.
    #[inline(never)]
    fn hyphenated_title(&self, i: usize) -> bool {
        self.w.folded(i).rsplit('-').next().is_some_and(|t| word_classes().get(t).is_some_and(|c| c & TITLE != 0))
    }

    /// Word `i` stands on a short line of four words or more with no lower-case word but function
    /// words: a headline in title case. Only `HEADLINE` bytes around the word are looked at.
    fn title_case_line(&self, i: usize) -> bool {
        let w = self.w;
        let text = w.text;
        let at = w.list[i].start;
        let (lo, hi) = (floor_boundary(text, at.saturating_sub(HEADLINE)), floor_boundary(text, (at + HEADLINE).min(text.len())));
        let Some(from) = text[lo..at].rfind('\n').map(|n| lo + n + 1).or((lo == 0).then_some(0)) else { return false };
        let Some(to) = text[at..hi].find('\n').map(|n| at + n).or((hi == text.len()).then_some(hi)) else { return false };
        let first = w.list.partition_point(|x| x.start < from);
        let mut count = 0;
        for (j, x) in w.list[first..].iter().enumerate().take_while(|(_, x)| x.start < to) {
            if !x.has(CAP) && !x.has(DIGIT) && !self.is(first + j, FUNCTION | PARTICLE | LINK) {
                return false;
            }
            count += 1;
        }
        count >= 4
    }

    /// A title of several words ends at word `i` ("Secretary of State").
    fn title_phrase_ends(&self, i: usize) -> bool {
        let w = self.w;
        if i < 2 || !self.is(i, PHRASE_END) {
            return false;
        }
        // Joined by `concat` (one allocation of the summed length), not formatted.
        let phrase = [w.folded(i - 2), " ", w.folded(i - 1), " ", w.folded(i)].concat();
        self.lx.titles.contains(phrase.as_str())
    }

    fn stop(&self, i: usize) -> bool {
        self.is(i, STOP)
    }

    /// Words that may open a run without being part of the name in it: "Then", "The", "Colombian",
    /// "Ecuador's".
    fn skippable(&self, i: usize) -> bool {
        self.is(i, LEAD | FUNCTION | DEMONYM) || self.w.list[i].has(POSS)
    }

    /// The run of capitalised words from `first`: words one space apart, particles between
    /// capitalised words, initials with their period, and a quoted nickname after a given name.
    fn run(&self, first: usize) -> Run {
        let w = self.w;
        let mut run = Run { first, last: first, quote: None };
        let mut saw_given = self.given(first);
        loop {
            let j = run.last + 1;
            if j >= w.len() {
                break;
            }
            let gap = w.gap_bytes(j);
            if gap == b" " || (gap == b". " && w.list[run.last].has(INITIAL)) {
                if self.namey(j) {
                    if self.splits(j) {
                        break;
                    }
                    saw_given |= self.given(j);
                    run.last = j;
                    continue;
                }
                let mut k = j;
                while k < w.len() && k - j < 3 && self.particle(k) && (k == j || w.spaced(k)) {
                    k += 1;
                }
                if k > j && k < w.len() && w.spaced(k) && self.namey(k) && !self.splits(k) {
                    run.last = k;
                    continue;
                }
                break;
            }
            if saw_given
                && run.quote.is_none()
                && opens_quote(w.gap(j))
                && let Some((a, b, next)) = self.nickname(j)
            {
                run.quote = Some((a, b));
                run.last = next;
                continue;
            }
            break;
        }
        run
    }

    /// A nickname in quotes starting at word `j`, closed and followed by a capitalised word:
    /// (first, last, the word after).
    fn nickname(&self, j: usize) -> Option<(usize, usize, usize)> {
        let w = self.w;
        for k in j..(j + MAX_NICKNAME_WORDS).min(w.len()) {
            if k > j && !w.spaced(k) {
                return None;
            }
            let next = k + 1;
            if next < w.len() && closes_quote(w.gap(next)) && self.namey(next) {
                return Some((j, k, next));
            }
        }
        None
    }

    fn candidate(&self, run: &Run) -> Option<Name> {
        let w = self.w;
        let (first, last) = (run.first, run.last);
        // One word is a name only after a title or a role (below: a title in the run leaves no
        // word after it, nor do leading connectors, and a word with none before it is no name).
        // Most runs are one capitalised word with none: this settles them first.
        if first == last && !self.cue_before(first) {
            return None;
        }
        // Quoted words, or words after "alias", are an alias or the name of a thing: the
        // definitions finder's. (A quote opening the run is enough: `quoted` asks for it too.)
        let opened = w.text[..w.list[first].start].ends_with(is_quote);
        let after_alias = first > 0 && self.is(first - 1, ALIAS);
        if opened || after_alias {
            return None;
        }
        let in_quote = |i: usize| run.quote.is_some_and(|(a, b)| a <= i && i <= b);
        // The name starts after the last title in the run, else after its leading connectors,
        // demonyms and possessives.
        let mut k = first;
        let mut cue = Cue::None;
        let mut cue_at = None;
        for i in first..=last {
            if !in_quote(i) && (self.title(i) || self.title_phrase_ends(i)) {
                k = i + 1;
                cue = Cue::Before;
                cue_at = Some(i);
            }
        }
        if cue == Cue::None {
            while k <= last && self.skippable(k) {
                k += 1;
            }
        }
        if cue == Cue::None
            && let Some(after) = self.past_place_of_office(k, last)
        {
            k = after;
            cue = Cue::Before;
            cue_at = Some(after - 1);
        }
        if k > last || self.particle(k) || w.list[k].has(INITIAL) {
            // "Fiscal General de la Nación": after a title, a particle is no name.
            return None;
        }
        if cue == Cue::None && self.cue_before(k) {
            cue = Cue::Before;
            cue_at = k.checked_sub(1);
        }
        // One word is a name only after a title or a role.
        if k == last && cue == Cue::None {
            return None;
        }
        // "Frente Carolina Ramírez", "la operación Juan", "San Pedro Sula": a name after a stop
        // word names something else; "Dutch national Ramon Verhulst" is a person.
        let before = k.checked_sub(1).filter(|&b| b >= first || w.spaced(k));
        if cue == Cue::None && before.is_some_and(|b| self.stop(b)) {
            return None;
        }
        let after = (last + 1 < w.len() && w.spaced(last + 1) && !w.list[last + 1].has(CAP)).then_some(last + 1);
        if after.is_some_and(|a| self.stop(a)) {
            return None;
        }
        let name_words = || (k..=last).filter(|&i| !in_quote(i) && self.namey(i) && !w.list[i].has(INITIAL));
        let count = name_words().count();
        if count == 0 || count > MAX_NAME_WORDS || name_words().any(|i| self.is(i, STOP | DEMONYM)) {
            return None;
        }
        let names: Vec<usize> = name_words().collect();
        if names.len() >= 2 && self.kb.countries.contains(w.folded(last)) {
            return None;
        }
        let surname = |n: usize| names.len().checked_sub(n).is_some_and(|at| self.is(names[at], SURNAME));
        // A known surname makes a name of a run with no particle; "Couto de Magalhães", "Cercado de
        // Lima" are as often rivers and districts.
        let particles = (k..=last).any(|i| self.particle(i));
        let signal =
            self.given(k) || cue == Cue::Before || self.cue_after(last) || (names.len() >= 2 && !particles && (surname(1) || surname(2)));
        if !signal || (names.len() == 1 && (cue != Cue::Before || k != first && !self.title(k - 1))) {
            return None;
        }
        if names.len() == 1 && self.is(k, FUNCTION | LEAD) {
            return None;
        }
        let (start, end) = (w.list[k].start, w.list[last].end);
        // About the span's length: folding keeps most words' bytes.
        let mut folded = String::with_capacity(w.list[last].end - w.list[k].start);
        w.join_folded((k..=last).filter(|&i| !in_quote(i)), &mut folded);
        // "Pedro Juan Caballero" the town, "Costa Rican" the demonym.
        if !self.plausible_against_kb(start, end, last) || self.kb.place_names.contains(&folded) || self.kb.demonyms.contains_key(&folded) {
            return None;
        }
        let name = match run.quote {
            Some((a, b)) if a > k => {
                let before = w.text[start..w.list[a].start].trim_end_matches(|c: char| c.is_whitespace() || is_quote(c));
                let after = w.text[w.list[b].end..end].trim_start_matches(|c: char| c.is_whitespace() || is_quote(c) || c == '.');
                format!("{before} {after}")
            }
            _ => w.text[start..end].to_owned(),
        };
        // "Judge Irizarry", "el presidente Noboa", "Gen. Ruiz" name a person; "Capitán Bado" a town.
        let weak = names.len() == 1 && cue_at.is_some_and(|c| w.list[c].has(CAP) && !self.is(c, TITLE_EN) && w.gap_bytes(c + 1) != b". ");
        let heading = names.len() >= 2 && self.title_case_line(k);
        Some(Name { start, end, name, folded, words: names, weak, heading, kb: None })
    }

    /// The run opens with the place of an office named before it: "el exgobernador de Tamaulipas
    /// Tomás Yarrington", "the mayor of Guayaquil Aquiles Álvarez". The place is a knowledge-base
    /// place or country from word `k`, after "de"/"of" and a title or role in lower case; the
    /// name is the words after it (their first index).
    fn past_place_of_office(&self, k: usize, last: usize) -> Option<usize> {
        let w = self.w;
        // Every word of the run may have been skipped (`k == last + 1`, possibly past the end).
        if k < 2 || k > last || !self.is(k - 1, LINK) || !w.spaced(k) || !w.spaced(k - 1) {
            return None;
        }
        let office = k - 2;
        if w.list[office].has(CAP) || !(self.title(office) || self.is(office, ROLE)) {
            return None;
        }
        let start = w.list[k].start;
        let place = kb_starting(self.mentions, start)
            .filter(|m| matches!(self.entities[m.entity].entity_type, EntityType::Place | EntityType::Country))?;
        let after = k + w.list[k..=last].iter().position(|x| x.start >= place.end)?;
        w.spaced(after).then_some(after)
    }

    /// A title, role or demonym right before word `k` ("President", "el narcotraficante", "o
    /// motorista", "los ciudadanos bolivianos"), or an abbreviated title ("Dr.", "Gen."). Roles count
    /// in lower case only: capitalised, they begin the names of bodies ("National Police").
    fn cue_before(&self, k: usize) -> bool {
        let w = self.w;
        if k == 0 {
            return false;
        }
        let b = k - 1;
        // The word's classes read once for all the tests below.
        let class = self.class(b);
        match w.gap_bytes(k) {
            b". " => return class & TITLE != 0,
            b" " | b", " => {}
            _ => return false,
        }
        let cap = w.list[b].has(CAP);
        if class & TITLE != 0 || (class & DEMONYM != 0 && !cap) || w.list[b].has(HYPHEN) && self.hyphenated_title(b) {
            return true;
        }
        // Roles of one to three words, the last in lower case.
        if cap {
            return false;
        }
        if class & ROLE != 0 {
            return true;
        }
        if class & PHRASE_END == 0 {
            return false;
        }
        // A phrase of two or three words ends here only if the word before is inside one: "by"
        // and "por" end phrases ("arrested by", "capturado por") and come before most names.
        if b == 0 || !w.spaced(b) || !self.lx.phrase_inner.contains(w.folded(b - 1)) {
            return false;
        }
        let mut phrase = String::new();
        for n in 0..3 {
            let Some(i) = b.checked_sub(n) else { break };
            if n > 0 && !w.spaced(i + 1) {
                break;
            }
            if n == 0 {
                phrase.push_str(w.folded(i));
            } else {
                phrase.insert(0, ' ');
                phrase.insert_str(0, w.folded(i));
            }
            if self.lx.roles.contains(phrase.as_str()) || self.lx.titles.contains(phrase.as_str()) {
                return true;
            }
        }
        false
    }

    /// An age or an alias right after the run: "Juan Pérez, 45,", "…, de 46 años", "… (41)",
    /// "…, alias", "… conocido como".
    fn cue_after(&self, last: usize) -> bool {
        let w = self.w;
        let rest = &w.text[w.list[last].full_end..];
        if let Some(r) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" (")) {
            let r = r.strip_prefix("de ").unwrap_or(r);
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&digits) {
                let tail = &r[digits..];
                let unit = [",", ")", ";", " años", " anos", " years", " year", "-year-old"];
                if unit.iter().any(|u| tail.starts_with(u)) {
                    return true;
                }
            }
        }
        let next = last + 1;
        if next >= w.len() || !matches!(w.gap_bytes(next), b" " | b", " | b" (") {
            return false;
        }
        let one = w.folded(next);
        if self.is(next, ALIAS) {
            return true;
        }
        if next + 1 < w.len() && w.spaced(next + 1) && self.is(next, ALIAS_START) {
            let mut two = String::with_capacity(32);
            two.push_str(one);
            two.push(' ');
            two.push_str(w.folded(next + 1));
            if self.lx.alias.contains(two.as_str()) {
                return true;
            }
            if next + 2 < w.len() && w.spaced(next + 2) {
                two.push(' ');
                two.push_str(w.folded(next + 2));
                return self.lx.alias.contains(two.as_str());
            }
        }
        false
    }

    /// The knowledge base does not contradict a name at `start..end`: no entry crosses its edges
    /// or is the whole of it, no organization or agency is inside it, and it does not end with a
    /// country ("Santiago Chile").
    fn plausible_against_kb(&self, start: usize, end: usize, last: usize) -> bool {
        let last_start = self.w.list[last].start;
        for m in overlapping(self.mentions, start, end) {
            if m.start < start || m.end > end || (m.start == start && m.end == end) {
                return false;
            }
            match self.entities[m.entity].entity_type {
                EntityType::CriminalOrg | EntityType::ArmedGroup | EntityType::StateActor | EntityType::Company => return false,
                EntityType::Country if m.start >= last_start => return false,
                _ => {}
            }
        }
        true
    }

    /// The knowledge-base people the document names by two name words or more ("Ismael Zambada
    /// García", "Iván Duque"), as names whose surnames name them later ("Zambada", "Duque").
    /// Nicknames' articles are not name words: "El Mayo" lends no "Mayo".
    fn known_people(&self) -> Vec<Name> {
        let w = self.w;
        let mut out = Vec::new();
        for m in self.mentions.iter().filter(|m| self.entities[m.entity].entity_type == EntityType::Person) {
            let from = w.list.partition_point(|x| x.start < m.start);
            let span = from..from + w.list[from..].iter().take_while(|x| x.end <= m.end).count();
            let words: Vec<usize> =
                span.clone().filter(|&i| self.namey(i) && !w.list[i].has(INITIAL) && !self.is(i, FUNCTION | STOP)).collect();
            if words.len() < 2 {
                continue;
            }
            let mut folded = String::with_capacity(m.end - m.start);
            w.join_folded(span, &mut folded);
            let name = self.entities[m.entity].name.clone();
            out.push(Name { start: m.start, end: m.end, name, folded, words, weak: false, heading: false, kb: Some(m.entity) });
        }
        out
    }

    /// The names, with later mentions by surname alone: the last word of a name, its last two
    /// words or its penultimate word when it has three or more (Hispanic double surnames:
    /// "Úsuga" of "Dairo Antonio Úsuga David"); when two names share the word, the one the
    /// document names first (`first_introduced`). A
    /// surname that is also a place, a given name, or part of a longer capitalised run is left
    /// alone. A single surname after a title ("Judge Irizarry") takes the full name it ends.
    fn with_surnames(&self, mut names: Vec<Name>) -> Vec<Found> {
        let w = self.w;
        // A name on a title-case line stands as the start of a name of the body, cut to the words
        // they share ("Jorge Rafaat Killed" → "Jorge Rafaat" of Jorge Rafaat Toumani).
        // The body's names by their first word: a heading shares two words or more only with
        // the names it shares the first with.
        let mut body: crate::hash::FxMap<&str, Vec<usize>> = Default::default();
        if names.iter().any(|n| n.heading) {
            for (b, name) in names.iter().enumerate().filter(|(_, n)| !n.heading) {
                if let Some(&first) = name.words.first() {
                    body.entry(w.folded(first)).or_default().push(b);
                }
            }
        }
        for n in 0..names.len() {
            if !names[n].heading {
                continue;
            }
            let words: Vec<&str> = names[n].words.iter().map(|&i| w.folded(i)).collect();
            let shared = |b: usize| names[b].words.iter().zip(&words).take_while(|(i, f)| w.folded(**i) == **f).count();
            let same_first = words.first().and_then(|f| body.get(f)).map_or(&[][..], Vec::as_slice);
            match same_first.iter().map(|&b| (shared(b), b)).filter(|&(k, _)| k >= 2).max() {
                Some((k, b)) => {
                    let last = names[n].words[k - 1];
                    names[n].end = w.list[last].end;
                    names[n].words.truncate(k);
                    names[n].name = names[b].name.clone();
                    names[n].folded = names[b].folded.clone();
                }
                None => names[n].weak = true,
            }
        }
        let known = self.known_people();
        let kb_names = known.len();
        names.splice(0..0, known);
        let mut keys: Map<Option<usize>> = Map::default();
        // Longer names first: a run that is the end of a longer name ("Lizárraga Beltrán" of
        // "Héctor Armando Lizárraga Beltrán") is a mention of it, not a name of its own.
        let mut order: Vec<usize> = (0..names.len()).filter(|&n| names[n].words.len() >= 2 && !names[n].weak).collect();
        order.sort_by_key(|&n| std::cmp::Reverse(names[n].words.len()));
        let mut suffix_of = Vec::new();
        let mut first_seen: Map<usize> = Map::default();
        for n in &names {
            match first_seen.get_mut(n.folded.as_str()) {
                Some(at) => *at = (*at).min(n.start),
                None => _ = first_seen.insert(n.folded.clone(), n.start),
            }
        }
        // The keys are built in one buffer and copied only when new.
        let mut key = String::new();
        for n in order {
            let name = &names[n];
            let f = |at: usize| w.folded(name.words[at]);
            let len = name.words.len();
            key.clear();
            w.join_folded(name.words.iter().copied(), &mut key);
            if let Some(Some(longer)) = keys.get(key.as_str())
                && names[*longer].words.len() > len
            {
                suffix_of.push((n, *longer));
                continue;
            }
            let mut add = |key: &str| match keys.get_mut(key) {
                Some(slot) => {
                    if let Some(other) = *slot
                        && names[other].folded != name.folded
                    {
                        *slot = first_introduced(w.text, &first_seen, &names, other, n);
                    }
                }
                None => _ = keys.insert(key.to_owned(), Some(n)),
            };
            let given = |at: usize| self.given(name.words[at]);
            if !given(len - 1) {
                add(f(len - 1));
            }
            if len >= 3 {
                // The last two words end the full key.
                add(&key[key.len() - f(len - 2).len() - 1 - f(len - 1).len()..]);
                if !given(len - 2) {
                    add(f(len - 2));
                }
            }
        }
        for (n, longer) in suffix_of {
            names[n].name = names[longer].name.clone();
            names[n].kb = names[longer].kb;
        }
        // A weak single word stands only as the surname of a full name; `weak` now means dropped.
        for n in names.iter_mut().filter(|n| n.words.len() == 1) {
            n.weak &= keys.get(w.folded(n.words[0])).copied().flatten().is_none();
        }
        // The knowledge base's own mentions stand as they are: only their surnames are new.
        let found = |names: Vec<Name>| names.into_iter().skip(kb_names).filter(|n| !n.weak).map(|n| person(n.start, n.end, n.name, n.kb));
        if keys.is_empty() {
            return found(names).collect();
        }
        let full_name = |key: &str| keys.get(key).copied().flatten();
        let first_words: Set = keys.keys().map(|k| k.split(' ').next().unwrap_or(k).to_owned()).collect();
        // The first and last bytes and the length (up to 31) of each first word, as bits: most
        // words are passed on them without hashing. (The first byte and length alone let through
        // half the capitalised words of a text with many names.)
        let shape = |f: &[u8]| match f {
            [a, .., z] => (usize::from(a << 3 ^ z), f.len() & 31),
            _ => (usize::from(f.first().copied().unwrap_or(0)), f.len()),
        };
        let mut shapes = [0u32; 256];
        for (b, len) in first_words.iter().map(|f| shape(f.as_bytes())) {
            shapes[b] |= 1 << len;
        }
        let starts_key = |i: usize| {
            let (b, len) = shape(w.folded_bytes(i));
            shapes[b] >> len & 1 != 0 && first_words.contains(w.folded(i))
        };
        let mut renamed = Vec::new();
        for (n, name) in names.iter().enumerate() {
            if let [only] = name.words[..]
                && let Some(full) = full_name(w.folded(only))
            {
                renamed.push((n, names[full].name.clone(), names[full].kb));
            }
        }
        for (n, full, kb) in renamed {
            names[n].name = full;
            names[n].kb = kb;
        }
        let mut spans: Vec<(usize, usize)> = names.iter().filter(|n| !n.weak).map(|n| (n.start, n.end)).collect();
        spans.sort_unstable();
        let covered = |s: usize, e: usize| {
            let at = spans.partition_point(|&(_, se)| se <= s);
            spans.get(at).is_some_and(|&(ss, _)| ss < e)
        };
        let mut refs = Vec::new();
        let mut pair = String::new();
        let (mut i, mut cursor) = (0, 0);
        while let Some(at) = w.next_capital_with(&mut cursor, i, NAMEY) {
            i = at;
            // Only words that begin a key can be a surname: a cheap test first.
            if w.list[i].has(INITIAL) || !starts_key(i) {
                i += 1;
                continue;
            }
            if covered(w.list[i].start, w.list[i].end) || quoted(w, i, i) {
                i += 1;
                continue;
            }
            let spaced_namey = |j: usize| j < w.len() && w.spaced(j) && self.namey(j);
            let prev_blocks =
                i > 0 && w.spaced(i) && (self.namey(i - 1) || self.particle(i - 1)) && !self.title(i - 1) && !self.skippable(i - 1);
            if prev_blocks {
                i += 1;
                continue;
            }
            if spaced_namey(i + 1) {
                pair.clear();
                pair.push_str(w.folded(i));
                pair.push(' ');
                pair.push_str(w.folded(i + 1));
                if let Some(n) = full_name(&pair).filter(|_| !spaced_namey(i + 2)) {
                    refs.push((w.list[i].start, w.list[i + 1].end, n));
                    i += 2;
                } else {
                    i += 1;
                }
                continue;
            }
            let f = w.folded(i);
            let (s, e) = (w.list[i].start, w.list[i].end);
            if let Some(n) = full_name(f)
                && !self.given(i)
                && !self.kb.places.contains(f)
                && overlapping(self.mentions, s, e).next().is_none()
            {
                refs.push((s, e, n));
            }
            i += 1;
        }
        let mut out: Vec<Found> = refs.into_iter().map(|(s, e, n)| person(s, e, names[n].name.clone(), names[n].kb)).collect();
        out.extend(found(names));
        out.sort_by_key(|f| f.start);
        out
    }
}

fn person(start: usize, end: usize, name: String, kb_entity: Option<usize>) -> Found {
    Found { start, end, name, entity_type: EntityType::Person, unnamed: false, kb_entity }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»')
}

fn opens_quote(gap: &str) -> bool {
    matches!(gap, " \"" | " “" | " '" | " ‘" | " «")
}

fn closes_quote(gap: &str) -> bool {
    matches!(gap, "\" " | "” " | "' " | "’ " | "» ")
}

/// Words `first..=last` stand in quotes: an alias or the name of a thing ("Juan de Dios Úsuga"
/// the structure), which the definitions finder reads.
fn quoted(w: &Words, first: usize, last: usize) -> bool {
    let before = w.text[..w.list[first].start].chars().next_back();
    let after = w.text[w.list[last].full_end..].chars().next();
    before.is_some_and(is_quote) && after.is_some_and(is_quote)
}

/// Knowledge-base mentions overlapping `start..end` (mentions are sorted and do not overlap).
pub(super) fn overlapping(mentions: &[KbMention], start: usize, end: usize) -> impl Iterator<Item = &KbMention> {
    let from = mentions.partition_point(|m| m.end <= start);
    mentions[from..].iter().take_while(move |m| m.start < end)
}

/// The knowledge-base mention that starts at byte `at`, if one does.
pub(super) fn kb_starting(mentions: &[KbMention], at: usize) -> Option<&KbMention> {
    mentions.get(mentions.partition_point(|m| m.start < at)).filter(|m| m.start == at)
}

/// The knowledge-base mention of exactly `start..end`, if there is one.
pub(super) fn kb_mention_at(mentions: &[KbMention], start: usize, end: usize) -> Option<&KbMention> {
    kb_starting(mentions, start).filter(|m| m.end == end)
}

/// The person finder's vocabulary.
struct Lexicon {
    given: Set,
    titles_en: Set,
    surnames: Set,
    titles: Set,
    roles: Set,
    alias: Set,
    leads: Set,
    stops: Set,
    function: Set,
    particles: Set,
    /// The words of titles and roles of several words, but their last ("minister" of "prime
    /// minister", "capturado" of "capturado por").
    phrase_inner: Set,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lx = Lexicon {
            given: Set::default(),
            titles_en: Set::default(),
            surnames: Set::default(),
            titles: Set::default(),
            roles: Set::default(),
            alias: Set::default(),
            leads: Set::default(),
            stops: Set::default(),
            function: function_words().clone(),
            particles: Set::default(),
            phrase_inner: Set::default(),
        };
        for line in lines(include_str!("../../../../data/lang/given-names.txt")) {
            lx.given.extend(line.split_whitespace().map(crate::fold::fold));
        }
        for line in lines(include_str!("../../../../data/lang/surnames.txt")) {
            lx.surnames.extend(line.split_whitespace().map(crate::fold::fold));
        }
        for line in lines(include_str!("../../../../data/lang/person-cues.tsv")) {
            let Some((kind, phrase)) = line.split_once('\t') else { continue };
            let set = match kind {
                "title" => &mut lx.titles,
                "title-en" => &mut lx.titles_en,
                "role" => &mut lx.roles,
                "alias" => &mut lx.alias,
                "lead" => &mut lx.leads,
                "stop" => &mut lx.stops,
                _ => continue,
            };
            set.insert(crate::fold::fold(phrase.trim()));
        }
        lx.titles.extend(lx.titles_en.iter().cloned());
        for phrase in lx.titles.iter().chain(&lx.roles) {
            if let Some((inner, _)) = phrase.rsplit_once(' ') {
                lx.phrase_inner.extend(inner.split(' ').map(str::to_owned));
            }
        }
        // Words of institutions and state bodies are never part of a person's name.
        for line in lines(include_str!("../../../../data/lang/institution-words.txt")) {
            lx.stops.insert(crate::fold::fold(line));
        }
        for line in lines(include_str!("../../../../data/lang/state-actor-heads.tsv")) {
            if let Some(("head" | "head-en" | "geo", phrase)) = line.split_once('\t') {
                let words = phrase.split(' ').map(crate::fold::fold);
                lx.stops.extend(words.filter(|w| !lx.function.contains(w)));
            }
        }
        // "of", "the", "and", "y", "e", "el" join the names of places and bodies, not of people.
        lx.particles = lines(include_str!("../../../../data/lang/name-particles.txt"))
            .filter(|p| !matches!(*p, "of" | "the" | "and" | "y" | "e" | "el"))
            .map(str::to_owned)
            .collect();
        lx
    })
}

/// Sets and maps of folded words (`crate::hash`): the finders look up most words of a document.
pub(super) type Set = crate::hash::FxSet<String>;
pub(super) type Map<V> = crate::hash::FxMap<String, V>;

/// Word → classes, looked up for every word of a document. The Fx hash's low bits, which pick
/// the bucket, depend mostly on a word's first bytes; in this large table (every given name and
/// surname) that made look-ups probe 2.5 groups on average. Its well-mixed high bits are turned
/// down into the low ones here.
pub(super) type ClassMap = std::collections::HashMap<String, u32, Spread>;

#[derive(Default, Clone, Copy)]
pub(super) struct Spread;

pub(super) struct SpreadHasher(crate::hash::FxHasher);

impl std::hash::BuildHasher for Spread {
    type Hasher = SpreadHasher;
    fn build_hasher(&self) -> SpreadHasher {
        SpreadHasher(crate::hash::Fx.build_hasher())
    }
}

impl std::hash::Hasher for SpreadHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0.write_u8(b);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0.finish().rotate_left(26)
    }
}

/// Function words of English, Spanish and Portuguese (`data/lang/function-words.tsv`), folded.
pub(super) fn function_words() -> &'static Set {
    static WORDS: OnceLock<Set> = OnceLock::new();
    WORDS.get_or_init(|| crate::lang::function_words().map(crate::fold::fold).collect())
}

/// Abbreviations that end in a period without ending a sentence ("Dr.", "No.", "Gen."), folded.
fn abbreviations() -> &'static Set {
    static WORDS: OnceLock<Set> = OnceLock::new();
    WORDS.get_or_init(|| {
        lines(include_str!("../../../../data/lang/abbreviations.tsv")).filter_map(|l| l.split('\t').nth(1)).map(crate::fold::fold).collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Words, shared with `agencies` and `unnamed`.

// What a word is to the finders: one lookup per word, in `KbIndex::classes`.
pub(super) const GIVEN: u32 = 1;
pub(super) const SURNAME: u32 = 1 << 1;
pub(super) const TITLE: u32 = 1 << 2;
pub(super) const ROLE: u32 = 1 << 3;
pub(super) const ALIAS: u32 = 1 << 4;
pub(super) const LEAD: u32 = 1 << 5;
pub(super) const STOP: u32 = 1 << 6;
pub(super) const FUNCTION: u32 = 1 << 7;
pub(super) const PARTICLE: u32 = 1 << 8;
/// A demonym of a knowledge-base country.
pub(super) const DEMONYM: u32 = 1 << 9;
/// The first word of a state body's head noun (`agencies`).
pub(super) const HEAD_START: u32 = 1 << 10;
pub(super) const LINK: u32 = 1 << 11;
pub(super) const AND: u32 = 1 << 12;
pub(super) const IN: u32 = 1 << 13;
pub(super) const KILL: u32 = 1 << 14;
pub(super) const KILL_ARMY: u32 = 1 << 15;
pub(super) const COUNTRY: u32 = 1 << 16;
/// The first word of a group noun (`unnamed`).
pub(super) const GROUP_START: u32 = 1 << 17;
pub(super) const GROUP_LINK: u32 = 1 << 18;
/// "to" in "Special Force to Combat Drug Trafficking" (`agencies`).
pub(super) const TO: u32 = 1 << 19;
/// An English title, capitalised before a surname alone ("Judge Irizarry").
pub(super) const TITLE_EN: u32 = 1 << 20;
/// The last word of a title or role of several words ("prime minister", "drug lord").
pub(super) const PHRASE_END: u32 = 1 << 21;
/// The first word of an alias cue of several words ("conocido como").
pub(super) const ALIAS_START: u32 = 1 << 22;
/// A word of the quantity finder's vocabulary (`quantities::lex().words`), ASCII.
const QUANTITY_WORD: u32 = 1 << 23;
/// A word of the date finder's vocabulary (`dates::word_set`), ASCII.
const DATE_WORD: u32 = 1 << 24;

/// The first word of a cue phrase (`cue_names::vocab`), ASCII lower case.
pub(super) const CUE_START: u32 = 1 << 25;
/// A noun for a kind of place, folded (`places`: "the town of …", "el municipio de …").
pub(super) const PLACE_NOUN: u32 = 1 << 26;
/// Not a word of a vocabulary: the word's shape, set by the scan. A word that can be part of a
/// person's name: capitalised with lower-case letters ("Úsuga", "McAllister"), or an initial.
const NAMEY: u32 = 1 << 27;
/// Not a word of a vocabulary either, set by the scan: the word is not `PLAIN`, holds an ASCII
/// digit, or has a hyphen in the gap before it or right after it. The passes that read a plain
/// word off its classes alone (`vocabulary_words`, `cue_names::Scan::from_words`) skip to these.
pub(super) const ODD: u32 = 1 << 28;
/// A plural article that may open a name ("los", "os"; `cue_names::vocab`), in any case.
pub(super) const ARTICLE: u32 = 1 << 29;
/// Not a word of a vocabulary either: the word's first letter is a capital (`CAP`).
pub(super) const CAPITAL: u32 = 1 << 30;
/// A function word the language guess counts (`quantities::lex::LangCount`), folded.
const LANG_WORD: u32 = 1 << 31;

/// The vocabularies of the quantity and date finders, in `DocLex::words` order.
fn lex_sets() -> [&'static crate::quantities::lex::WordSet; 2] {
    [&crate::quantities::lex().words, crate::dates::word_set()]
}

/// The classes of every word of the three finders' vocabularies (demonyms aside: they come with
/// the knowledge base).
pub(super) fn word_classes() -> &'static ClassMap {
    static CLASSES: OnceLock<ClassMap> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let lx = lexicon();
        let mut classes = ClassMap::default();
        for (set, class) in [
            (&lx.given, GIVEN),
            (&lx.surnames, SURNAME),
            (&lx.titles, TITLE),
            (&lx.titles_en, TITLE | TITLE_EN),
            (&lx.roles, ROLE),
            (&lx.alias, ALIAS),
            (&lx.leads, LEAD),
            (&lx.stops, STOP),
            (&lx.function, FUNCTION),
            (&lx.particles, PARTICLE),
        ] {
            for word in set.iter().filter(|w| !w.contains(' ')) {
                *classes.entry(word.clone()).or_default() |= class;
            }
        }
        for phrase in lx.titles.iter().chain(&lx.roles) {
            if let Some((_, last)) = phrase.rsplit_once(' ') {
                *classes.entry(last.to_owned()).or_default() |= PHRASE_END;
            }
        }
        for phrase in &lx.alias {
            if let Some((first, _)) = phrase.split_once(' ') {
                *classes.entry(first.to_owned()).or_default() |= ALIAS_START;
            }
        }
        for (word, class) in super::agencies::word_classes().into_iter().chain(super::unnamed::word_classes()) {
            *classes.entry(word).or_default() |= class;
        }
        classes
    })
}

/// `ClassMap`'s words of up to eight bytes, keyed by their bytes packed into a `u64` (zero
/// padded; no word holds a NUL): the scan looks up every word of a document, and most are this
/// short, so a look-up is one multiply and a key compare in an open-addressed table instead of
/// hashing bytes and comparing strings. Longer words go to the `ClassMap`.
pub(super) struct PackedClasses {
    /// Packed words and their classes, side by side (one look-up, one bounds check); the key 0
    /// (class 0) marks an empty slot. A power of two, at most a quarter full: whether a word's
    /// home slot settles its look-up follows no pattern the branch predictor learns, and half
    /// full it did not for one word in four or so (some 4,500 words: 512 KiB).
    slots: Vec<(u64, u32)>,
    shift: u32,
}

impl PackedClasses {
    fn new(map: &ClassMap) -> PackedClasses {
        PackedClasses::from_keys(map.iter().filter_map(|(w, &c)| Some((pack(w.as_bytes())?, c))).collect())
    }

    /// The first eight bytes of `map`'s longer words, packed, each with the class 1: a word of
    /// the text whose first eight bytes are not among them is in no class, without hashing it.
    fn long_prefixes(map: &ClassMap) -> PackedClasses {
        let mut keys: Vec<u64> = map.keys().filter(|w| w.len() > 8).filter_map(|w| pack(w.as_bytes().get(..8)?)).collect();
        keys.sort_unstable();
        keys.dedup();
        PackedClasses::from_keys(keys.into_iter().map(|k| (k, 1)).collect())
    }

    /// The table of the (distinct, non-zero) `short` keys.
    fn from_keys(short: Vec<(u64, u32)>) -> PackedClasses {
        let bits = (short.len() * 4).max(16).next_power_of_two().trailing_zeros();
        let mut table = PackedClasses { slots: vec![(0, 0); 1 << bits], shift: 64 - bits };
        for (key, class) in short {
            let mut at = table.slot(key);
            while table.slots[at].0 != 0 {
                at = (at + 1) & (table.slots.len() - 1);
            }
            table.slots[at] = (key, class);
        }
        table
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The classes of a packed word (0 when it is in no table).
    #[inline]
    fn get(&self, key: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = self.slot(key);
        // The home slot settles most look-ups, a hit or an empty slot (class 0) alike: one
        // branch (`k == key || k == 0` as one test), not one for each, as whether a word is in
        // the table follows no pattern.
        let (k, class) = self.slots[at];
        if (k ^ key).min(k) == 0 {
            return class;
        }
        loop {
            at = (at + 1) & mask;
            match self.slots[at] {
                (k, class) if k == key => return class,
                (0, _) => return 0,
                _ => {}
            }
        }
    }
}

/// A word of one to eight bytes, none NUL, packed little-endian into a `u64`: never 0.
#[inline]
fn pack(word: &[u8]) -> Option<u64> {
    match word.len() {
        1..=7 if !word.contains(&0) => Some(crate::hash::tail(word)),
        8 if !word.contains(&0) => word.first_chunk::<8>().map(|w| u64::from_le_bytes(*w)),
        _ => None,
    }
}

/// The classes a word scan looks words up in: the packed short words and the map for the rest.
#[derive(Clone, Copy)]
struct Vocabulary<'v> {
    packed: &'v PackedClasses,
    /// `PackedClasses::long_prefixes` of `map`.
    prefixes: &'v PackedClasses,
    map: &'v ClassMap,
}

impl Vocabulary<'_> {
    #[inline(always)]
    fn get(&self, word: &str) -> u32 {
        self.get_bytes(word.as_bytes(), || word)
    }

    /// `get` of the word `b`, with its text (`word`) made only for the long words the map holds:
    /// the packed words are read as bytes, with no char boundary checks.
    #[inline]
    fn get_bytes<'w>(&self, b: &[u8], word: impl FnOnce() -> &'w str) -> u32 {
        // Words of the text hold no NUL, so the check in `pack` is left out here.
        match b.len() {
            1..=7 => self.packed.get(crate::hash::tail(b)),
            8 => b.first_chunk::<8>().map_or(0, |w| self.packed.get(u64::from_le_bytes(*w))),
            // Most longer words are in no class: their first eight bytes say so.
            _ => match b.first_chunk::<8>() {
                Some(w) if self.prefixes.get(u64::from_le_bytes(*w)) != 0 => self.map.get(word()).copied().unwrap_or(0),
                _ => 0,
            },
        }
    }
}

/// The first letter is a capital.
pub(super) const CAP: u16 = 1;
/// Two letters or more, none lower case: an acronym or a heading.
pub(super) const UPPER: u16 = 2;
/// Starts with a digit ("5ª", "2023").
pub(super) const DIGIT: u16 = 4;
/// Ends in a possessive "'s", which `end` leaves out.
pub(super) const POSS: u16 = 8;
/// One capital letter and a period ("R." of "Peter R. de Vries"); the period is not in the word.
pub(super) const INITIAL: u16 = 16;
/// Has an inner hyphen ("Then-President", "narco-traffickers").
pub(super) const HYPHEN: u16 = 32;
/// Letters and periods ("U.S."), periods included.
pub(super) const ABBR: u16 = 64;
/// The folded word is the text itself (lower-case ASCII): `folded` points into the text.
const IN_TEXT: u16 = 128;
/// Letters and digits only, all ASCII (no joiner, no period): the word is exactly the run of
/// letters and digits every other word scan of the document reads there.
pub(super) const PLAIN: u16 = 256;
/// Holds an ASCII digit: every ASCII digit of the text is inside a word, so the runs of digits
/// are read off these words alone (`vocabulary_words`).
const DIGITS: u16 = 512;

/// One word: letters and digits, with inner hyphens and apostrophes ("narco-traffickers",
/// "O'Brien", "Attorney's").
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub start: usize,
    /// The end without a possessive "'s".
    pub end: usize,
    /// The end with it.
    pub full_end: usize,
    /// The folded word, in the text (`IN_TEXT`) or in `Words::folded`, and the end of its
    /// possessive there.
    folded: (usize, usize),
    folded_full: usize,
    pub flags: u16,
}

impl Word {
    #[inline]
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// A word that can be part of a person's name (`NAMEY`).
    #[inline]
    fn namey(&self) -> bool {
        self.has(INITIAL) || (self.has(CAP) && !self.has(UPPER) && !self.has(DIGIT) && !self.has(ABBR))
    }
}

/// The words of a text, with their case- and accent-folded forms.
pub(super) struct Words<'a> {
    pub text: &'a str,
    /// Folded forms of the words that are not lower-case ASCII already.
    folded: String,
    pub list: Vec<Word>,
    /// Each word's classes (`word_classes` and demonyms); none for `Words::new`.
    classes: Vec<u32>,
    /// The indices of the words with the class `CAPITAL`, in order (`next_capital_with`).
    capitals: Vec<usize>,
}

// Byte classes of the word scanner: bits for letters and digits, values for the rest.
const SEPARATOR: u8 = 0;
const LOWER_LETTER: u8 = 1;
const UPPER_LETTER: u8 = 2;
const DIGIT_CHAR: u8 = 4;
const ASCII_ALNUM: u8 = LOWER_LETTER | UPPER_LETTER | DIGIT_CHAR;
/// "-" and "'": inside a word when a letter or digit follows.
const JOINER: u8 = 8;
const NON_ASCII: u8 = 16;

/// The class of each byte for the word scanner.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER_LETTER
        } else if c.is_ascii_uppercase() {
            UPPER_LETTER
        } else if c.is_ascii_digit() {
            DIGIT_CHAR
        } else if c == b'-' || c == b'\'' {
            JOINER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

impl<'a> Words<'a> {
    /// The words of `text` with their classes in the finders' vocabulary.
    pub fn classified(text: &'a str, kb: &KbIndex) -> Words<'a> {
        Words::read(text, Some(Vocabulary { packed: &kb.packed, prefixes: &kb.long_prefixes, map: &kb.classes }))
    }

    #[inline]
    pub fn class(&self, i: usize) -> u32 {
        self.classes.get(i).copied().unwrap_or(0)
    }

    #[inline]
    pub fn is(&self, i: usize, class: u32) -> bool {
        self.class(i) & class != 0
    }

    /// The first word at or after `from` with a class in `mask`: a tight scan of the classes,
    /// for finders that start only at such words (most words of a document are in no class).
    #[inline]
    pub fn next_with(&self, from: usize, mask: u32) -> Option<usize> {
        // An indexed loop: fewer instructions a word than `position` here (measured).
        let rest = self.classes.get(from..)?;
        let mut n = 0;
        while n < rest.len() {
            if rest[n] & mask != 0 {
                return Some(from + n);
            }
            n += 1;
        }
        None
    }

    /// `next_with` for a class few words have: eight words at a time.
    #[inline]
    pub fn next_with_rare(&self, from: usize, mask: u32) -> Option<usize> {
        let rest = self.classes.get(from..)?;
        // Eight words at a time, or-ed without a branch each: most runs of eight have none.
        let mut at = 0;
        for chunk in rest.chunks_exact(8) {
            if chunk.iter().fold(0, |m, c| m | c) & mask != 0 {
                break;
            }
            at += 8;
        }
        rest[at..].iter().position(|c| c & mask != 0).map(|n| from + at + n)
    }

    /// `next_with` for a `mask` only capitalised words have (`CAPITAL`, `NAMEY`): the capitalised
    /// words from `*cursor` on are visited instead of every word, and the cursor moved past those
    /// before `from`. Calls in order of `from` with one cursor visit each capitalised word once.
    #[inline]
    pub fn next_capital_with(&self, cursor: &mut usize, from: usize, mask: u32) -> Option<usize> {
        while let Some(&k) = self.capitals.get(*cursor) {
            if k >= from && self.class(k) & mask != 0 {
                return Some(k);
            }
            *cursor += 1;
        }
        None
    }

    /// The indices of the capitalised words (class `CAPITAL`), in order; none for `Words::new`.
    pub fn capitals(&self) -> &[usize] {
        &self.capitals
    }

    /// Read the words of `text`: one pass, ASCII bytes by table, other characters decoded.
    pub fn new(text: &'a str) -> Words<'a> {
        Words::read(text, None)
    }

    /// Read the words of `text`, and their classes in `vocabulary` when given.
    fn read(text: &'a str, vocabulary: Option<Vocabulary>) -> Words<'a> {
        let bytes = text.as_bytes();
        let mut out = Read {
            // The words not folded in the text already (capitalised ones, mostly): room for a
            // quarter of the text, so that the string is seldom grown and copied as it fills.
            folded: String::with_capacity(text.len() / 4),
            list: Vec::with_capacity(text.len() / 4 + 1),
            classes: Vec::with_capacity(if vocabulary.is_some() { text.len() / 4 + 1 } else { 0 }),
            capitals: Vec::with_capacity(if vocabulary.is_some() { text.len() / 16 + 1 } else { 0 }),
        };
        let mut i = 0;
        // A hyphen in the gap before the next word (`ODD`).
        let mut gap_hyphen = false;
        while i < bytes.len() {
            // Skip to the next letter or digit: ASCII separators by table; a joiner joins nothing
            // at the start of a word.
            // Most words follow one space, and many a separator and a space (", ", ". ", ") "):
            // read those gaps and the byte after them here, the call below only for other gaps.
            i = match bytes.get(i..i + 2) {
                Some(&[b' ', n]) if BYTE_CLASS[usize::from(n)] & ASCII_ALNUM != 0 => i + 1,
                Some(&[g, b' '])
                    if BYTE_CLASS[usize::from(g)] == SEPARATOR
                        && bytes.get(i + 2).is_some_and(|&n| BYTE_CLASS[usize::from(n)] & ASCII_ALNUM != 0) =>
                {
                    i + 2
                }
                _ => {
                    let to = skip_separators(bytes, i);
                    gap_hyphen |= super::cue_names::gap_has_hyphen(&bytes[i..to]);
                    to
                }
            };
            let Some(&b) = bytes.get(i) else { break };
            let first = if b.is_ascii() {
                char::from(b)
            } else {
                let Some(c) = text[i..].chars().next() else { break };
                if !alphanumeric(c) {
                    i += c.len_utf8();
                    continue;
                }
                c
            };
            let start = i;
            i += first.len_utf8();
            let lead = BYTE_CLASS[usize::from(b)];
            match if lead & ASCII_ALNUM != 0 { lower_ascii_tail(bytes, start) } else { None } {
                // The bulk of prose: an ASCII word of lower-case letters and digits after its first
                // letter or digit, ending at a separator, is plain; lower case (or a number, "2023",
                // "10kg"), it is folded already.
                Some((end, tail, key)) if lead != UPPER_LETTER => {
                    let digits = if (lead | tail) & DIGIT_CHAR != 0 { DIGITS } else { 0 };
                    let digit = if lead == DIGIT_CHAR { DIGIT } else { 0 };
                    if let Some(v) = vocabulary {
                        // A separator follows the word: only a digit or the gap before makes it odd.
                        let odd = if digits != 0 || gap_hyphen { ODD } else { 0 };
                        let class = if key != 0 { v.packed.get(key) } else { v.get_bytes(&bytes[start..end], || &text[start..end]) };
                        out.classes.push(odd | class);
                    }
                    out.list.push(Word {
                        start,
                        end,
                        full_end: end,
                        folded: (start, end),
                        folded_full: end,
                        flags: PLAIN | IN_TEXT | digits | digit,
                    });
                    i = end;
                }
                // Capitalised likewise; one capital and a period is an initial ("R."), read below.
                Some((end, tail, key)) if !(end == i && bytes.get(end) == Some(&b'.')) => {
                    read_capitalised(text, (start, end), tail, key, gap_hyphen, vocabulary, &mut out);
                    i = end;
                }
                _ => i = read_word(text, start, first, gap_hyphen, vocabulary, &mut out),
            }
            gap_hyphen = false;
        }
        let Read { folded, list, classes, capitals } = out;
        Words { text, folded, list, classes, capitals }
    }

    /// The words carry their classes (`classified`), which the passes that skip by class read.
    pub fn has_classes(&self) -> bool {
        self.classes.len() == self.list.len()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The words of the quantity and date vocabularies (`quantities::lex::DocLex::words`) and
    /// the language guess (`quantities::lex::guess_lang`), from this scan: a plain word is the
    /// token `WordSet::scan` and the run `guess_lang` read there, and its classes say whether it
    /// is in either vocabulary; any other word is read as they would read it, within its span
    /// (every run of letters and digits lies inside one word).
    pub fn vocabulary_words(&self) -> (crate::quantities::lex::DocWords, u8) {
        use crate::quantities::lex::{DocWords, LangCount, Tok, WordSet, lang_sample_end};
        let sets = lex_sets();
        // Reserved: a few kilobytes of a report hold some ten words of each vocabulary and a few
        // dozen runs of digits, which grown from empty were copied four or five times.
        let mut out = [(); 2].map(|_| Vec::with_capacity(self.text.len() / 256 + 8));
        let mut digit_runs = Vec::with_capacity(self.text.len() / 64 + 8);
        let bytes = self.text.as_bytes();
        let (sample, mut lang) = (lang_sample_end(self.text), LangCount::default());
        let skip = self.has_classes();
        // The words before `cut` lie inside the language sample; the one at `cut` may cross its end.
        let cut = self.list.partition_point(|w| w.full_end <= sample);
        // The plain words inside the sample the guess counts, in a pass of their own: a short
        // document lies all inside the sample, and its function words are many.
        let mut count = |w: &Word| {
            if w.has(PLAIN) {
                lang.add_at(self.text, w.start, w.full_end);
            }
        };
        if skip {
            // Over the classes (four bytes a word), reading only the words that are function words.
            for (k, &class) in self.classes[..cut].iter().enumerate() {
                if class & LANG_WORD != 0 {
                    count(&self.list[k]);
                }
            }
        } else {
            self.list[..cut].iter().for_each(count);
        }
        let mut i = 0;
        while let Some(w) = self.list.get(i) {
            // A plain word with no digit adds nothing here unless it is in a vocabulary: on to the
            // next word that is one, or that crosses the sample's end.
            if skip && i != cut {
                let limit = if i < cut { cut } else { self.len() };
                let next = self.next_with(i, ODD | QUANTITY_WORD | DATE_WORD).unwrap_or(self.len()).min(limit);
                if next > i {
                    i = next;
                    continue;
                }
            }
            let k = i;
            i += 1;
            if w.has(DIGITS) {
                let mut at = w.start;
                while let Some(n) = bytes[at..w.full_end].iter().position(u8::is_ascii_digit) {
                    let start = at + n;
                    at = bytes[start..w.full_end].iter().position(|b| !b.is_ascii_digit()).map_or(w.full_end, |n| start + n);
                    digit_runs.push((start, at));
                }
            }
            // Plain words inside the sample were counted above.
            if w.start < sample && !(w.has(PLAIN) && w.full_end <= sample) {
                crate::text::alphanumeric_runs(&self.text[w.start..w.full_end.min(sample)]).for_each(|r| lang.add(r));
            }
            if !w.has(PLAIN) {
                WordSet::scan_range(self.text, w.start, w.full_end, sets, |n, tok, v| out[n].push((tok, v)));
                continue;
            }
            // `WordSet::scan` skips runs that start with a digit, and folds no token this long.
            let class = self.class(k);
            if class & (QUANTITY_WORD | DATE_WORD) == 0 || w.has(DIGIT) || w.full_end - w.start > 64 {
                continue;
            }
            let tok = Tok { start: w.start, end: w.full_end };
            for (n, bit) in [QUANTITY_WORD, DATE_WORD].into_iter().enumerate() {
                if class & bit != 0
                    && let Some(v) = sets[n].get(self.folded(k))
                {
                    out[n].push((tok, v));
                }
            }
        }
        (DocWords { vocabulary: out, digit_runs }, lang.guess())
    }

    /// The folded word, without a possessive.
    #[inline]
    pub fn folded(&self, i: usize) -> &str {
        let w = &self.list[i];
        let (a, b) = w.folded;
        if w.has(IN_TEXT) { &self.text[a..b] } else { &self.folded[a..b] }
    }

    /// `folded` as bytes, read without the char boundary checks of a `str` slice: for a word's
    /// shape (its first byte and length).
    #[inline]
    pub fn folded_bytes(&self, i: usize) -> &[u8] {
        let w = &self.list[i];
        let (a, b) = w.folded;
        let from = if w.has(IN_TEXT) { self.text.as_bytes() } else { self.folded.as_bytes() };
        from.get(a..b).unwrap_or_default()
    }

    /// The folded words `words`, joined by single spaces, appended to `out`: a name's key.
    pub fn join_folded(&self, words: impl IntoIterator<Item = usize>, out: &mut String) {
        for (k, i) in words.into_iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(self.folded(i));
        }
    }

    /// The folded word with its possessive ("attorney's").
    #[inline]
    pub fn folded_full(&self, i: usize) -> &str {
        let w = &self.list[i];
        if w.has(IN_TEXT) { &self.text[w.folded.0..w.folded_full] } else { &self.folded[w.folded.0..w.folded_full] }
    }

    /// The gap before word `i` is one space (`gap(i) == " "`), read without slicing the text.
    #[inline]
    pub fn spaced(&self, i: usize) -> bool {
        let from = i.checked_sub(1).map_or(0, |p| self.list[p].full_end);
        self.list[i].start == from + 1 && self.text.as_bytes()[from] == b' '
    }

    /// The text between word `i - 1` (with its possessive) and word `i`; before the first word, the
    /// text before it.
    #[inline]
    pub fn gap(&self, i: usize) -> &str {
        let from = i.checked_sub(1).map_or(0, |p| self.list[p].full_end);
        &self.text[from..self.list[i].start]
    }

    /// `gap` as bytes, read without the char boundary checks of a `str` slice: for comparing
    /// with ASCII gaps.
    #[inline]
    pub fn gap_bytes(&self, i: usize) -> &[u8] {
        let from = i.checked_sub(1).map_or(0, |p| self.list[p].full_end);
        self.text.as_bytes().get(from..self.list[i].start).unwrap_or_default()
    }

    /// Word `i` starts a sentence or a line: a line break or a sentence-ending mark comes before it,
    /// the mark not being the period of an initial or an abbreviation ("Dr.", "No.").
    pub fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let gap = self.gap(i);
        if matches!(gap, " " | ", " | "-" | " (") {
            return false;
        }
        if gap.contains('\n') {
            return true;
        }
        let mark = gap.trim_end_matches(|c: char| c.is_whitespace() || is_quote(c) || matches!(c, '(' | '[' | '-' | '–' | '—' | '•'));
        let prev = &self.list[i - 1];
        let abbreviation = mark.starts_with('.') && (prev.has(INITIAL) || prev.has(ABBR) || abbreviations().contains(self.folded(i - 1)));
        mark.ends_with(['.', '!', '?', ':']) && !abbreviation
    }
}

/// What `Words::read` builds, handed whole to the readers it keeps out of line.
struct Read {
    folded: String,
    list: Vec<Word>,
    classes: Vec<u32>,
    capitals: Vec<usize>,
}

/// The capitalised ASCII word `start..end` of `text`, lower-case letters or digits after its
/// capital (`lower_ascii_tail`'s `tail` and `key`): plain and namey. Kept out of line, as
/// `read_word`, so that the lower-case words of `Words::read` keep its registers.
#[inline(never)]
fn read_capitalised(
    text: &str,
    (start, end): (usize, usize),
    tail: u8,
    key: u64,
    gap_hyphen: bool,
    vocabulary: Option<Vocabulary>,
    out: &mut Read,
) {
    let Read { folded, list, classes, capitals } = out;
    let digits = if tail & DIGIT_CHAR != 0 { DIGITS } else { 0 };
    // Only the capital needs folding: the tail is lower case or digits already.
    let from = folded.len();
    folded.push(char::from(text.as_bytes()[start].to_ascii_lowercase()));
    folded.push_str(&text[start + 1..end]);
    let to = folded.len();
    if let Some(v) = vocabulary {
        let odd = if digits != 0 || gap_hyphen { ODD } else { 0 };
        capitals.push(list.len());
        // The key with its capital lowered (ASCII: one bit).
        let class = if key != 0 { v.packed.get(key | 0x20) } else { v.get_bytes(&folded.as_bytes()[from..to], || &folded[from..to]) };
        // Capitalised, with lower-case letters or digits after: namey.
        classes.push(odd | class | NAMEY | CAPITAL);
    }
    list.push(Word { start, end, full_end: end, folded: (from, to), folded_full: to, flags: PLAIN | CAP | digits });
}

/// The word at `start`, whose first char is `first`, that the fast paths of `Words::read` do not
/// read: with a joiner, a period, a capital after its first letter or a character other than
/// ASCII; its end is returned. Kept out of line: a few words in a hundred come here, and the
/// loop of the lower-case words keeps its registers.
#[inline(never)]
fn read_word(text: &str, start: usize, first: char, gap_hyphen: bool, vocabulary: Option<Vocabulary>, out: &mut Read) -> usize {
    let Read { folded, list, classes, capitals } = out;
    let bytes = text.as_bytes();
    let alnum_at = |i: usize| match bytes.get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[i..].chars().next().is_some_and(alphanumeric),
        None => false,
    };
    let mut i = start + first.len_utf8();
    let mut ascii = first.is_ascii();
    let mut apostrophe = None;
    let mut hyphen = false;
    // Whether an ASCII letter is lower or upper case, and whether there is a digit: the classes
    // of the ASCII letters and digits, or-ed as they are read.
    let mut case = BYTE_CLASS[usize::from(bytes[start])] & ASCII_ALNUM;
    loop {
        // Runs of ASCII letters and digits in a tight loop; joiners and other characters
        // below it.
        let class = loop {
            let class = bytes.get(i).map_or(SEPARATOR, |&b| BYTE_CLASS[usize::from(b)]);
            if class & ASCII_ALNUM == 0 {
                break class;
            }
            case |= class;
            i += 1;
        };
        let Some(&b) = bytes.get(i) else { break };
        match class {
            JOINER if alnum_at(i + 1) => {
                if b == b'\'' {
                    apostrophe = Some(i);
                } else {
                    hyphen = true;
                }
                i += 1;
            }
            NON_ASCII => {
                let Some(c) = text[i..].chars().next() else { break };
                if alphanumeric(c) {
                    ascii = false;
                    i += c.len_utf8();
                } else if c == '’' && alnum_at(i + c.len_utf8()) {
                    apostrophe = Some(i);
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    // The letters are counted, once the word's end is known, only where none is lower case.
    let (lower, upper) = (case & LOWER_LETTER != 0, case & UPPER_LETTER != 0);
    let letters = if lower { 0 } else { bytes[start..i].iter().filter(|b| b.is_ascii_alphabetic()).count() };
    let mut word = Word { start, end: i, full_end: i, folded: (0, 0), folded_full: 0, flags: if hyphen { HYPHEN } else { 0 } };
    if case & DIGIT_CHAR != 0 {
        word.flags |= DIGITS;
    }
    if let Some(a) = apostrophe.filter(|&a| matches!(&text[a..i], "'s" | "’s")) {
        word.end = a;
        word.flags |= POSS;
    }
    // "U.S.", "E.U.A.": single capitals with periods. One capital and a period is an initial.
    if first.is_uppercase() && i == start + first.len_utf8() && bytes.get(i) == Some(&b'.') {
        let mut j = i + 1;
        while let Some(d) = text.get(j..).and_then(|t| t.chars().next()).filter(|d| d.is_uppercase()) {
            if bytes.get(j + d.len_utf8()) != Some(&b'.') {
                break;
            }
            j += d.len_utf8() + 1;
        }
        if j > i + 1 {
            word.end = j;
            word.full_end = j;
            word.flags |= ABBR | UPPER;
            i = j;
        } else {
            word.flags |= INITIAL;
        }
    }
    if ascii && !hyphen && apostrophe.is_none() && !word.has(ABBR) {
        word.flags |= PLAIN;
    }
    let counts = (ascii && !word.has(POSS)).then_some((letters, lower));
    flags(text, &mut word, first, counts);
    let bare = if ascii && !upper && !word.has(ABBR) && (!word.has(POSS) || text.as_bytes()[word.end] == b'\'') {
        word.flags |= IN_TEXT;
        word.folded = (word.start, word.end);
        word.folded_full = word.full_end;
        &text[word.start..word.end]
    } else {
        fold_word(text, &mut word, ascii, folded);
        &folded[word.folded.0..word.folded.1]
    };
    if let Some(v) = vocabulary {
        let odd = !word.has(PLAIN) || word.has(DIGITS) || gap_hyphen || bytes.get(word.full_end) == Some(&b'-');
        let shape = if word.namey() { NAMEY } else { 0 } | if odd { ODD } else { 0 } | if word.has(CAP) { CAPITAL } else { 0 };
        if word.has(CAP) {
            capitals.push(list.len());
        }
        classes.push(v.get(bare) | shape);
    }
    list.push(word);
    i
}

/// The flags of `word` from its first character and, for ASCII words, the letters the scan
/// counted and whether one was lower case.
fn flags(text: &str, word: &mut Word, first: char, counts: Option<(usize, bool)>) {
    if first.is_ascii() {
        if first.is_ascii_uppercase() {
            word.flags |= CAP;
        } else if first.is_ascii_digit() {
            word.flags |= DIGIT;
        }
    } else if first.is_uppercase() {
        word.flags |= CAP;
    } else if first.is_numeric() {
        word.flags |= DIGIT;
    }
    // Past a lower-case letter the word is not upper case, however many letters follow.
    let (letters, lower) = counts.unwrap_or_else(|| {
        let mut letters = 0;
        for c in text[word.start..word.end].chars().filter(|c| c.is_alphabetic()) {
            if c.is_lowercase() {
                return (letters + 1, true);
            }
            letters += 1;
        }
        (letters, false)
    });
    if letters >= 2 && !lower {
        word.flags |= UPPER;
    }
}

/// The first letter, digit or other character at or after `i`: ASCII separators and joiners
/// skipped by table. Kept out of line: inlined into `Words::read`, its loop kept a handful of
/// derived counters in step and cost twice as much, depending on what else the crate held.
#[inline(never)]
fn skip_separators(bytes: &[u8], i: usize) -> usize {
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest.iter().position(|&b| !matches!(BYTE_CLASS[usize::from(b)], SEPARATOR | JOINER)).unwrap_or(rest.len())
}

/// The end of the word whose first byte (an ASCII letter or digit) is at `start`, when the rest
/// of it is lower-case ASCII letters and digits up to a separator (or the end): no capital,
/// joiner or other character in it or after it.
/// With it, whether the rest holds a digit (`DIGIT_CHAR`, else 0), and the word's bytes packed
/// as `PackedClasses` keys them when it is at most eight bytes long (else 0).
/// The first eight bytes are read as one word and tested together (most words end within
/// them), which also gives the key; longer words go on byte by byte.
#[inline]
fn lower_ascii_tail(bytes: &[u8], start: usize) -> Option<(usize, u8, u64)> {
    use crate::text::swar::{HIGH, seven_bit_in_range};
    let Some(w) = bytes.get(start..start + 8).and_then(|w| w.first_chunk::<8>()).map(|w| u64::from_le_bytes(*w)) else {
        let (end, case) = lower_ascii_run(bytes, start + 1)?;
        return Some((end, case & DIGIT_CHAR, 0));
    };
    // Tested on the low seven bits; a non-ASCII byte is told by its high bit, once.
    let low = w & !HIGH;
    let lower = seven_bit_in_range(low, b'a', b'z');
    let digit = seven_bit_in_range(low, b'0', b'9');
    // The bytes after the first that are not lower-case letters or digits (nor ASCII at all).
    let other = !((lower | digit) & !w) & HIGH & !0x80;
    if other == 0 {
        let (end, case) = lower_ascii_run(bytes, start + 8)?;
        let digits = if digit & !0x80 != 0 { DIGIT_CHAR } else { case & DIGIT_CHAR };
        return Some((end, digits, if end == start + 8 { w } else { 0 }));
    }
    let n = other.trailing_zeros() / 8;
    let end = start + n as usize;
    // Only a separator may end the word here: a capital, joiner or other character fails it.
    let ends = bytes.get(end).is_some_and(|&b| BYTE_CLASS[usize::from(b)] == SEPARATOR);
    let kept = (1u64 << (8 * n)) - 1;
    ends.then_some((end, if digit & kept & !0x80 != 0 { DIGIT_CHAR } else { 0 }, w & kept))
}

/// `lower_ascii_tail` byte by byte from `i`: the end and the or-ed byte classes.
fn lower_ascii_run(bytes: &[u8], mut i: usize) -> Option<(usize, u8)> {
    let mut case = 0;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        if class & ASCII_ALNUM == 0 {
            return (class == SEPARATOR && case & UPPER_LETTER == 0).then_some((i, case));
        }
        case |= class;
        i += 1;
    }
    (case & UPPER_LETTER == 0).then_some((i, case))
}

/// Fold `word` into `folded`, with its possessive as "'s".
fn fold_word(text: &str, word: &mut Word, ascii: bool, folded: &mut String) {
    let bare = &text[word.start..word.end];
    let from = folded.len();
    if ascii {
        folded.push_str(bare);
        folded[from..].make_ascii_lowercase();
    } else {
        fold_into(bare, folded);
    }
    let to = folded.len();
    if word.has(POSS) {
        folded.push_str("'s");
    }
    word.folded = (from, to);
    word.folded_full = folded.len();
}

/// Append `s` folded as `crate::fold::fold` folds it; its ASCII letters (most of the word,
/// "Apurímac") lowered here rather than in a call each.
fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            crate::fold::fold_char_into(c, out);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What the finders read from the knowledge base, built once per knowledge base.

pub(super) struct KbIndex {
    /// Folded word → its classes: the finders' vocabularies and this knowledge base's demonyms.
    pub classes: ClassMap,
    /// `classes`' words of up to eight bytes, packed, for the word scan.
    packed: PackedClasses,
    /// The first eight bytes of `classes`' longer words (`PackedClasses::long_prefixes`).
    long_prefixes: PackedClasses,
    /// Folded demonym ("peruvian", "peruanos", "belgas") → the country's entry.
    pub demonyms: Map<usize>,
    /// Folded one-word names of places and countries: a surname that is one ("Lima", "Santos")
    /// is not read alone as a person.
    pub places: Set,
    /// Folded one-word names of countries: a person's name does not end with one ("Assis Brasil").
    pub countries: Set,
    /// Folded names of places and countries: a run that is one ("Pedro Juan Caballero") is no
    /// person even where the matcher, lacking support, left it out.
    pub place_names: Set,
    /// First folded word of a state body's name → the names it starts.
    pub state_names: Map<StateNames>,
    /// Folded names and acronyms of armed groups → the entry ("farc", "fuerzas armadas
    /// revolucionarias de colombia").
    pub armed_groups: Map<usize>,
    /// Entry → the folded words of each of its names, for state bodies.
    pub state_words: HashMap<usize, Vec<Vec<String>>>,
    /// ISO code → state bodies of that country, with the folded words of each of their names.
    pub state_actors: Map<Vec<(usize, Vec<Vec<String>>)>>,
    /// ISO code → the folded words of the (first) country of that code's names and demonyms.
    pub country_words: Map<Vec<String>>,
    /// ISO code → folded word → the positions in `state_actors` of that code of the bodies with
    /// a name holding the word, ascending: a head is looked for in those only, not in every name
    /// of every body of the country.
    state_actors_by_word: Map<Map<Vec<usize>>>,
}

impl KbIndex {
    pub(super) fn new(kb: &KnowledgeBase) -> KbIndex {
        let mut index = KbIndex {
            classes: word_classes().clone(),
            packed: PackedClasses { slots: Vec::new(), shift: 0 },
            long_prefixes: PackedClasses { slots: Vec::new(), shift: 0 },
            demonyms: Map::default(),
            places: Set::default(),
            countries: Set::default(),
            place_names: Set::default(),
            state_names: Map::default(),
            state_actors: Map::default(),
            armed_groups: Map::default(),
            state_words: HashMap::new(),
            country_words: Map::default(),
            state_actors_by_word: Map::default(),
        };
        // Plain ASCII words are looked up once, here, for the cue scan and the quantity and date
        // finders too.
        let cues = super::cue_names::vocab::get();
        for word in &cues.first_words {
            *index.classes.entry(word.clone()).or_default() |= CUE_START;
        }
        // The ASCII words the language guess counts, folded (it counts some in lower case or
        // capitalised only: the class is a first test, `LangCount::add` the second).
        for word in crate::quantities::lex::LANG_WORDS.iter().filter(|w| w.is_ascii()) {
            *index.classes.entry(word.to_ascii_lowercase()).or_default() |= LANG_WORD;
        }
        for article in &cues.articles {
            *index.classes.entry(crate::fold::fold(article.trim_end())).or_default() |= ARTICLE;
        }
        for noun in super::places::nouns() {
            *index.classes.entry(crate::fold::fold(noun)).or_default() |= PLACE_NOUN;
        }
        for (set, class) in lex_sets().into_iter().zip([QUANTITY_WORD, DATE_WORD]) {
            for word in set.keys().filter(|w| w.is_ascii()) {
                *index.classes.entry(word.to_owned()).or_default() |= class;
            }
        }
        // The order in which state bodies' names of several words were read (`StateNames`).
        let mut state_order = 0;
        for (i, e) in kb.entities().iter().enumerate() {
            match e.entity_type {
                EntityType::Country => {
                    for d in e.demonyms.values().flatten() {
                        let d = crate::fold::fold(d);
                        *index.classes.entry(d.clone()).or_default() |= DEMONYM;
                        index.demonyms.entry(d).or_insert(i);
                    }
                    index.add_places(e.names());
                    index.countries.extend(e.names().filter(|n| !n.contains(' ')).map(crate::fold::fold));
                    if let Some(iso) = &e.iso2 {
                        index.country_words.entry(iso.clone()).or_insert_with(|| {
                            e.names().chain(e.demonyms.values().flatten().map(String::as_str)).flat_map(name_words).collect()
                        });
                    }
                }
                EntityType::Place if e.kind.as_deref() == Some("city") => index.add_places(std::iter::once(e.name.as_str())),
                EntityType::Place => index.add_places(e.names()),
                EntityType::ArmedGroup => {
                    for n in e.names().chain(e.acronyms.iter().map(String::as_str)) {
                        index.armed_groups.entry(name_words(n).join(" ")).or_insert(i);
                    }
                }
                EntityType::StateActor => {
                    for n in e.names() {
                        let words = name_words(n);
                        let Some(first) = words.first() else { continue };
                        let names = index.state_names.entry(first.clone()).or_default();
                        match words.get(1) {
                            None => names.single = names.single.or(Some(i)),
                            Some(second) => {
                                names.by_second.entry(second.clone()).or_default().push((state_order, i, words));
                                state_order += 1;
                            }
                        }
                    }
                    let names: Vec<Vec<String>> = e.names().map(name_words).collect();
                    if let Some(c) = &e.country {
                        index.state_actors.entry(c.clone()).or_default().push((i, names.clone()));
                    }
                    index.state_words.insert(i, names);
                }
                _ => {}
            }
        }
        for (iso, bodies) in &index.state_actors {
            let by_word: &mut Map<Vec<usize>> = index.state_actors_by_word.entry(iso.clone()).or_default();
            for (at, (_, names)) in bodies.iter().enumerate() {
                for word in names.iter().flatten() {
                    let holders = by_word.entry(word.clone()).or_default();
                    if holders.last() != Some(&at) {
                        holders.push(at);
                    }
                }
            }
        }
        index.packed = PackedClasses::new(&index.classes);
        index.long_prefixes = PackedClasses::long_prefixes(&index.classes);
        // Built with the extractor, not by the first document that asks whether a word starts a
        // sentence.
        abbreviations();
        index
    }
}

/// The names of state bodies that start with one folded word (`KbIndex::state_names`), split by
/// their second word: a head word such as "policía" starts dozens of names, of which the word
/// after it in the text leaves a few.
#[derive(Default)]
pub(super) struct StateNames {
    /// The first body with a name of this one word.
    pub single: Option<usize>,
    /// Second folded word → the names of two words or more that go on with it, in the order they
    /// were read: (that order among all such names, the entry, the folded words of the name).
    pub by_second: Map<Vec<(usize, usize, Vec<String>)>>,
}

impl KbIndex {
    /// The folded words of each name of state body `i`.
    pub fn state_words(&self, i: usize) -> &[Vec<String>] {
        self.state_words.get(&i).map_or(&[], Vec::as_slice)
    }

    /// The state bodies of country `iso` (`state_actors`, in order) whose names may hold words
    /// starting with `first`: those with a name holding `first`, all of them without a word.
    pub fn state_actors_holding<'s>(
        &'s self,
        iso: &str,
        first: Option<&str>,
    ) -> impl Iterator<Item = &'s (usize, Vec<Vec<String>>)> + Clone + 's {
        let bodies = self.state_actors.get(iso).map_or(&[][..], Vec::as_slice);
        let positions = first.map(|w| self.state_actors_by_word.get(iso).and_then(|m| m.get(w)).map_or(&[][..], Vec::as_slice));
        let all = if positions.is_none() { bodies } else { &[][..] };
        positions.unwrap_or(&[]).iter().map(move |&at| &bodies[at]).chain(all)
    }

    fn add_places<'a>(&mut self, names: impl Iterator<Item = &'a str>) {
        for n in names {
            let f = crate::fold::fold(n);
            if !f.contains(' ') {
                self.places.insert(f.clone());
            }
            self.place_names.insert(f);
        }
    }
}

/// The folded words of a name as `Words` reads them ("U.S.", "Attorney's" whole).
pub(super) fn name_words(name: &str) -> Vec<String> {
    let w = Words::new(name);
    (0..w.len()).map(|i| w.folded_full(i).to_owned()).collect()
}

/// Which of two full names sharing a surname a bare surname means: the one the document names
/// first, when the other comes in a later sentence. Reports name their subject first and then tell
/// relatives and namesakes apart by full name ("his brother, Juan de Dios Úsuga"), keeping the
/// bare surname for the subject; two names introduced together ("Jorge Quispe Mamani and Rosa
/// Quispe Huanca") leave it open.
fn first_introduced(text: &str, first_seen: &Map<usize>, names: &[Name], a: usize, b: usize) -> Option<usize> {
    let at = |n: usize| first_seen.get(&names[n].folded).copied().unwrap_or(names[n].start);
    let (early, late) = if at(a) <= at(b) { (a, b) } else { (b, a) };
    let between = text.get(at(early)..at(late))?;
    (between.contains('\n') || between.contains(". ")).then_some(early)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text that takes every way the word scans part: hyphens and apostrophes at a word's edges
    /// and inside, periods of abbreviations, digits, accents, typographic quotes and dashes,
    /// non-Latin letters, phrases of the cue vocabulary and words of the quantity and date ones.
    const TRICKY: &str = "The Sinaloa Cartel -Los Zetas- and Los Pelusos' men (U.S. D.E.A.) seized 3.5 tons, \
        about two million dollars, on 5 March 2024; known as 'El Chapo' — alias «Don» — of the Clan \
        Úsuga-led network. O'Brien’s narco-traffickers, the Kavač clan's 1st-Front, thirty-five \
        kilos; a.k.a. «Tren de Aragua», mid-2023, ~40%, las FARC-EP y el Cártel do Golfo, à la \
        Ελλάδα 12kg--the end-- -- 'tis -x x- Os Crias- March-April, 5-year-old kilo's; \
        banda criminal Los Lobos, grupo formado por, la organización criminal, facción conocida como";

    /// Every ASCII word of letters the language guess counts has the class `LANG_WORD`: a word
    /// added three times makes a guess only if it was counted.
    #[test]
    fn lang_words_are_the_counted_words() {
        use crate::quantities::lex::{ANY, LangCount};
        let letters: Vec<u8> = (b'a'..=b'z').chain(b'A'..=b'Z').collect();
        let classes = kb_index().classes;
        for len in 1..=4u32 {
            for mut n in 0..letters.len().pow(len) {
                let mut word = Vec::with_capacity(4);
                for _ in 0..len {
                    word.push(letters[n % letters.len()]);
                    n /= letters.len();
                }
                let w = std::str::from_utf8(&word).unwrap_or_default();
                let mut count = LangCount::default();
                (0..3).for_each(|_| count.add(w));
                if count.guess() != ANY {
                    let class = classes.get(&w.to_ascii_lowercase()).copied().unwrap_or(0);
                    assert!(class & LANG_WORD != 0, "{w}");
                }
            }
        }
    }

    fn kb_index() -> KbIndex {
        KbIndex::new(&KnowledgeBase::load(&[]).0)
    }

    /// The packed table gives every word the classes the map gives it, and none to others.
    #[test]
    fn packed_classes_are_the_map() {
        let kb = kb_index();
        let v = Vocabulary { packed: &kb.packed, prefixes: &kb.long_prefixes, map: &kb.classes };
        for (word, &class) in &kb.classes {
            assert_eq!(v.get(word), class, "{word}");
        }
        for word in ["zzqx", "a", "thethe", "kilogramx", "qwertyui", "é"] {
            assert_eq!(v.get(word), kb.classes.get(word).copied().unwrap_or(0), "{word}");
        }
    }

    /// The capitalised words visited in order give what the scan of every word's classes gives.
    #[test]
    fn next_capital_with_is_next_with() {
        let kb = kb_index();
        let text = format!("{TRICKY} R. de Vries, Ángel Úsuga. ÉL Dr. Ruiz U.S. 5ª Vara");
        let words = Words::classified(&text, &kb);
        for mask in [NAMEY, CAPITAL, NAMEY | CAPITAL] {
            for step in 1..4 {
                let (mut cursor, mut from) = (0, 0);
                while from <= words.len() {
                    assert_eq!(words.next_capital_with(&mut cursor, from, mask), words.next_with(from, mask), "{mask} {from}");
                    from += step;
                }
            }
        }
        assert!(words.capitals().iter().all(|&k| words.is(k, CAPITAL)));
        assert_eq!(words.capitals().len(), (0..words.len()).filter(|&k| words.is(k, CAPITAL)).count());
    }

    /// The eight-bytes-at-once `lower_ascii_tail` reads every word as the byte-by-byte run
    /// does, and its key is the word packed.
    #[test]
    fn lower_ascii_tail_is_the_byte_run() {
        let texts = [
            "a",
            "ab cd",
            "abcdefg h",
            "abcdefgh",
            "abcdefgh.",
            "abcdefghi j",
            "x1y2z3w4v5 u",
            "ab-cd",
            "abC d",
            "ab\u{e9}c d",
            "a7 b",
            "Ab. cd",
            "q'r s",
            "A",
            "ab\ncd",
        ];
        for text in texts.iter().flat_map(|t| [t.to_string(), format!("{t}{}", " tail of text")]) {
            let bytes = text.as_bytes();
            let got = lower_ascii_tail(bytes, 0);
            let want = lower_ascii_run(bytes, 1).map(|(end, case)| (end, case & DIGIT_CHAR, super::pack(&bytes[..end]).unwrap_or(0)));
            // The key is left out (0) only where fewer than eight bytes follow the start.
            assert_eq!(
                got.map(|(e, c, k)| (e, c, if bytes.len() >= 8 { k } else { 0 })),
                want.map(|(e, c, k)| (e, c, if bytes.len() >= 8 { k } else { 0 })),
                "{text:?}"
            );
        }
    }

    /// The quantity and date words read off the finders' scan are `WordSet::scan`'s.
    #[test]
    fn vocabulary_words_are_the_word_sets_scan() {
        let kb = kb_index();
        let mut texts = vec![TRICKY.to_owned(), TRICKY.replace(' ', "-"), TRICKY.replace(' ', "'"), TRICKY.to_uppercase()];
        // Past the language sample, where the pass skips by class.
        let pad = "word ".repeat(4_000);
        texts.extend(texts.clone().iter().map(|t| format!("{pad}{t}")));
        for text in texts.iter().map(String::as_str).chain(TRICKY.char_indices().map(|(i, _)| &TRICKY[i..])) {
            let words = Words::classified(text, &kb);
            let mut want = [Vec::new(), Vec::new()];
            crate::quantities::lex::WordSet::scan(text, lex_sets(), |n, tok, v| want[n].push((tok, v)));
            let (got, lang) = words.vocabulary_words();
            assert_eq!((&got.vocabulary, lang), (&want, crate::quantities::lex::guess_lang(text)), "{text:?}");
            assert_eq!(got.digit_runs, crate::text::digit_runs(text).collect::<Vec<_>>(), "{text:?}");
            assert!(!want[0].is_empty() || text.len() < 400);
        }
        // The language guess reads the first 20,000 bytes: cut anywhere in a word.
        let long = format!("{} {}", "the and of el la los que ".repeat(300), TRICKY.repeat(40));
        for k in (0..80).filter(|&k| long.is_char_boundary(k)) {
            let text = &long[k..];
            let (_, lang) = Words::classified(text, &kb).vocabulary_words();
            assert_eq!(lang, crate::quantities::lex::guess_lang(text), "{k}");
        }
    }

    /// The cue scan read off the finders' scan is the one read from the text.
    #[test]
    fn cue_scan_from_words_is_the_text_scan() {
        use super::super::cue_names::Scan;
        let kb = kb_index();
        let texts = [TRICKY.to_owned(), TRICKY.replace(' ', "-"), TRICKY.replace(' ', "'"), TRICKY.to_uppercase(), TRICKY.to_lowercase()];
        for text in texts.iter().map(String::as_str).chain(TRICKY.char_indices().map(|(i, _)| &TRICKY[i..])) {
            let (a, b) = (Scan::new(text), Scan::from_words(&Words::classified(text, &kb)));
            let spans = |s: &Scan| s.hits.iter().map(|h| (h.start, h.end, h.pattern)).collect::<Vec<_>>();
            assert_eq!(spans(&a), spans(&b), "{text:?}");
            assert_eq!(a.articles, b.articles, "{text:?}");
        }
        assert!(!Scan::new(TRICKY).hits.is_empty() && !Scan::new(TRICKY).articles.is_empty());
    }

    #[test]
    fn words_keep_offsets_possessives_initials_and_abbreviations() {
        let t = "U.S. Judge Dora L. Irizarry's ruling. Then narco-traffickers met O'Brien.";
        let w = Words::new(t);
        let surfaces: Vec<&str> = w.list.iter().map(|x| &t[x.start..x.end]).collect();
        assert_eq!(surfaces, ["U.S.", "Judge", "Dora", "L", "Irizarry", "ruling", "Then", "narco-traffickers", "met", "O'Brien"]);
        assert!(w.list[0].has(ABBR));
        assert!(w.list[3].has(INITIAL));
        assert!(w.list[4].has(POSS));
        assert_eq!(w.folded_full(4), "irizarry's");
        assert!(w.sentence_start(6));
        assert!(!w.sentence_start(4), "the period of an initial ends no sentence");
        assert_eq!(w.folded(1), "judge");
    }

    #[test]
    fn folding_matches_the_crate_fold() {
        let t = "ÚSUGA São Ñandú Çé";
        let w = Words::new(t);
        for (i, x) in w.list.iter().enumerate() {
            assert_eq!(w.folded(i), crate::fold::fold(&t[x.start..x.end]));
        }
    }
}
