//! Knowledge-base mentions: one Aho-Corasick automaton over the folded names of every entry
//! (leftmost-longest, so "Clan del Golfo" beats "Golfo"), one over acronyms in the original case
//! ("PCC", "ELN" — never "pcc" inside a word), both at word boundaries; then the rules that keep
//! common words out: proper-noun types must be capitalised in the text, and entries marked
//! ambiguous (cities, "Ene", "Paita") need support from the document.

use crate::fold::{Folded, fold};
use crate::hash::FxMap;
use crate::lang::{common_city_word, definite_article, function_word, geographic_head, name_particle, port_noun};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use nexus_kb::{Entity, EntityType, KnowledgeBase};

mod names;

/// How far around an ambiguous name context is looked for, in bytes.
const CUE_WINDOW: usize = 60;
/// Cities this large are taken without their country being mentioned.
const BIG_CITY: u64 = 1_000_000;

/// One mention of a knowledge-base entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbMention {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
}

/// A name or acronym match before resolution; `folded` is its span in the folded text for name
/// matches.
struct Span<'m> {
    start: usize,
    end: usize,
    folded: Option<(usize, usize)>,
    candidates: &'m Candidates,
}

/// The spans in the folded text of the words that may be demonyms (`Names::find_watching`).
type MaybeDemonyms = Vec<(usize, usize)>;

/// The countries a document gives evidence of: how often each is named (by the number of its
/// ISO code), and where (start in the text, code number), in order.
struct Evidence {
    counts: Vec<usize>,
    at: Vec<(usize, u16)>,
}

impl Evidence {
    /// The range of `at` in the sentence around `start..end`. A report on several countries
    /// names each where it speaks of it: "Chilean prosecutors … in Santiago" is Chile's Santiago
    /// in a report that names Mexico more often.
    fn in_sentence(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let (from, to) = (crate::text::sentence_start(text, start), crate::text::sentence_end(text, end));
        (self.at.partition_point(|&(at, _)| at < from), self.at.partition_point(|&(at, _)| at < to))
    }
}

/// How a name or acronym was last read (`Matcher::find`): the address of its candidates, its
/// span, what it resolved to and its `title_cased`, when that was read.
#[derive(Clone, Default)]
struct LastRead {
    key: usize,
    start: usize,
    end: usize,
    entity: Option<usize>,
    title: Option<bool>,
}

/// The entries a name or acronym names.
struct Candidates {
    entries: Vec<usize>,
    /// `resolve` reads the surface alone for these entries (`context_free`).
    context_free: bool,
    /// The countries of the entries, by code number, when there are several: a mention's
    /// sentence can tell them apart (`Evidence::in_sentence`).
    countries: Vec<u16>,
    /// The number of the country a capitalised mention says the document is about
    /// (`evidence_of`), when there is one.
    country: Option<u16>,
    /// The name or acronym is one word (no ' ' or '-'), and so is its surface (folding makes and
    /// removes neither): `title_cased` of it is `capitalised`, read without a scan for separators.
    one_word: bool,
}

pub struct Matcher {
    fuzzy: crate::fuzzy::FuzzyNames,
    names: names::Names,
    /// For each name, the entries it names.
    name_entities: Vec<Candidates>,
    acronyms: AhoCorasick,
    acronym_entities: Vec<Candidates>,
    /// Where acronyms can start (`matches_from_first_bytes`).
    acronym_starts: Starts,
    /// Entry index to its ISO country code's number in `country_codes` (its own, for countries):
    /// the countries a document mentions are counted in a vector indexed by it, not a map hashed
    /// per candidate.
    country_of: Vec<Option<u16>>,
    country_codes: Vec<String>,
    /// Per entry whose names have a lower-case link ("Gracias a Dios") or, for people and groups,
    /// open with a lower-case word ("camarada José", `lower_led`), its names folded, in `names()`
    /// order; empty for the others. Only those can be `cased_as_named` where they are
    /// not title-cased.
    lower_linked: Vec<Vec<String>>,
    /// Folded demonyms ("colombian", "peruano") to the number of their ISO country code: "the
    /// Colombian departments of Nariño and Cauca" supports Colombian readings of ambiguous names.
    demonyms: FxMap<String, u16>,
    /// Two-word activity names, folded ("illegal logging", "mineria ilegal"), for names a list
    /// elides: "illegal mining, logging and fishing" also names illegal logging.
    activity_pairs: FxMap<String, usize>,
    /// The demonyms as bits: most words are none, and the bit says so for less than the map;
    /// with the names' first segments, for the name search's first test of a word.
    demonym_bits: names::Watched,
    /// Per entry, its kind as `resolve` reads it: read from the entry's string once.
    kinds: Vec<Kind>,
}

/// The kinds of entry `resolve` tells apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    RiverOrValley,
    City,
    Sea,
    Other,
}

impl Kind {
    fn of(e: &Entity) -> Kind {
        match e.kind.as_deref() {
            Some("river" | "valley") => Kind::RiverOrValley,
            Some("city") => Kind::City,
            Some("sea") => Kind::Sea,
            _ => Kind::Other,
        }
    }
}

impl Matcher {
    pub fn new(kb: &KnowledgeBase) -> Matcher {
        let (name_patterns, name_entities) = name_table(kb);
        let mut acronyms: FxMap<String, Vec<usize>> = FxMap::default();
        for (i, e) in kb.entities().iter().enumerate() {
            for a in &e.acronyms {
                if a.chars().count() >= 2 {
                    push_unique(acronyms.entry(a.clone()).or_default(), i);
                }
                if let Some(t) = title_acronym(a) {
                    push_unique(acronyms.entry(t).or_default(), i);
                }
            }
        }
        let (acronym_patterns, acronym_entities): (Vec<String>, Vec<Vec<usize>>) = acronyms.into_iter().unzip();
        let build = |p: &[String], kind: AhoCorasickKind, start: StartKind| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(kind))
                .start_kind(start)
                .dense_depth(3)
                .build(p)
                .expect("patterns are plain strings")
        };
        let mut country_codes: Vec<String> = Vec::new();
        let mut numbers: FxMap<String, u16> = FxMap::default();
        let mut code_of = |iso: &str| match numbers.get(iso) {
            Some(&n) => n,
            None => {
                let n = u16::try_from(country_codes.len()).expect("fewer than 65,536 country codes");
                numbers.insert(iso.to_owned(), n);
                country_codes.push(iso.to_owned());
                n
            }
        };
        let country_of: Vec<Option<u16>> = kb
            .entities()
            .iter()
            .map(|e| if e.entity_type == EntityType::Country { e.iso2.as_deref() } else { e.country.as_deref() }.map(&mut code_of))
            .collect();
        let mut demonyms = FxMap::default();
        for e in kb.entities().iter().filter(|e| e.entity_type == EntityType::Country) {
            if let Some(iso) = &e.iso2 {
                for d in e.demonyms.values().flatten() {
                    demonyms.insert(fold(d), code_of(iso));
                }
            }
        }
        let mut activity_pairs = FxMap::default();
        for (i, e) in kb.entities().iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Activity) {
            for n in e.names().map(fold).filter(|n| n.split(' ').count() == 2) {
                activity_pairs.entry(n).or_insert(i);
            }
        }
        let candidates = |lists: Vec<Vec<usize>>, names: &[String]| {
            let list = |(entries, name): (Vec<usize>, &String)| Candidates {
                context_free: context_free(kb, &entries),
                countries: {
                    let mut codes: Vec<u16> = entries.iter().filter_map(|&i| country_of[i]).collect();
                    codes.sort_unstable();
                    codes.dedup();
                    if codes.len() > 1 { codes } else { Vec::new() }
                },
                country: evidence_of(kb, &entries).and_then(|i| country_of[i]).filter(|&c| country_codes[usize::from(c)] != "XX"),
                one_word: !name.bytes().any(|b| b == b' ' || b == b'-'),
                entries,
            };
            lists.into_iter().zip(names).map(list).collect()
        };
        let name_index = names::Names::new(name_patterns.iter().map(String::as_str));
        let demonym_bits = name_index.watched(demonyms.keys().map(String::as_bytes));
        Matcher {
            kinds: kb.entities().iter().map(Kind::of).collect(),
            name_entities: candidates(name_entities, &name_patterns),
            acronym_entities: candidates(acronym_entities, &acronym_patterns),
            activity_pairs,
            fuzzy: crate::fuzzy::FuzzyNames::new(kb),
            demonym_bits,
            demonyms,
            names: name_index,
            // Acronyms are few: a DFA builds in milliseconds and searches several times faster.
            acronym_starts: Starts::new(acronym_patterns.iter().map(String::as_bytes)),
            // Searched anchored only (`matches_from_first_bytes`).
            acronyms: build(&acronym_patterns, AhoCorasickKind::DFA, StartKind::Anchored),
            country_of,
            country_codes,
            // A capitalised word is no link: its first byte says so before `lower_link` counts chars.
            lower_linked: kb
                .entities()
                .iter()
                .map(|e| {
                    let linked = e.names().any(|n| {
                        name_words(n)
                            .enumerate()
                            .any(|(k, w)| !w.as_bytes()[0].is_ascii_uppercase() && (lower_link(w) || k == 0 && lower_led(e.entity_type)))
                    });
                    if linked { e.names().map(fold).collect() } else { Vec::new() }
                })
                .collect(),
        }
    }

    /// Every knowledge-base mention in `text`, sorted, non-overlapping.
    pub fn find(&self, kb: &KnowledgeBase, text: &str) -> Vec<KbMention> {
        self.find_each(kb, &[text]).pop().unwrap_or_default()
    }

    /// `find` on each of several documents, step by step: every document goes through a step
    /// before any goes through the next. Together the steps' code is larger than the
    /// instruction cache; a document of a few kilobytes would run each cold (see
    /// `Extractor::extract_batch`). Each document gets exactly what `find` gives it alone.
    pub fn find_each<'t>(&self, kb: &KnowledgeBase, texts: &[&'t str]) -> Vec<Vec<KbMention>> {
        let folded: Vec<Folded> = texts.iter().map(|t| Folded::new(t)).collect();
        let words: Vec<names::Words> = folded.iter().map(|f| self.names.words(&f.text)).collect();
        // The words that may be demonyms, noted by the name search as it reads them.
        let found: Vec<(Vec<names::Found>, MaybeDemonyms)> = folded
            .iter()
            .zip(&words)
            .map(|(f, w)| {
                let mut demonym_words = Vec::new();
                let found = self.names.find_watching(w, 0..f.text.len(), Some((&self.demonym_bits, &mut demonym_words)));
                (found, demonym_words)
            })
            .collect();
        let spans: Vec<(Vec<Span>, MaybeDemonyms)> = found
            .into_iter()
            .zip(texts.iter().zip(folded.iter().zip(&words)))
            .map(|((found, demonym_words), (text, (f, w)))| (self.spans(f, w, text, found), demonym_words))
            .collect();
        let countries: Vec<Evidence> = spans
            .iter()
            .zip(texts.iter().zip(&folded))
            .map(|((spans, demonym_words), (text, f))| self.countries_mentioned(kb, text, f, demonym_words, spans))
            .collect();
        let resolved: Vec<Vec<KbMention>> = spans
            .into_iter()
            .zip(&countries)
            .zip(texts.iter().zip(folded.iter().zip(&words)))
            .map(|(((spans, _), evidence), (text, (f, w)))| self.resolve_spans(kb, text, f, w, spans, evidence))
            .collect();
        // The fuzzy look-ups of the whole batch: reports repeat one another's capitalised phrases
        // too ("Armed Forces", "Defensoría del Pueblo"), and a look-up depends on the phrase alone.
        // Room for a few dozen a document: rehashing cost more than the look-ups.
        let mut looked_up: FxMap<&'t str, Option<usize>> = FxMap::with_capacity_and_hasher(32 * texts.len(), Default::default());
        resolved.into_iter().zip(texts).map(|(out, text)| self.completed(kb, text, out, &mut looked_up)).collect()
    }

    /// The name and acronym matches of a document, sorted and non-overlapping, from the name
    /// search's `found`.
    fn spans<'m>(&'m self, folded: &Folded, words: &names::Words, text: &str, found: Vec<names::Found>) -> Vec<Span<'m>> {
        let found = self.past_articles(folded, words, text, found);
        let names = self.spans_of(folded, text, found);
        let acronyms: Vec<Span> = matches_from_first_bytes(&self.acronyms, &self.acronym_starts, text)
            .filter(|m| at_word_boundary(text, m.start(), m.end()))
            .map(|m| Span { start: m.start(), end: m.end(), folded: None, candidates: &self.acronym_entities[m.pattern().as_usize()] })
            .collect();
        // Both lists are sorted by start: merged by (start, longest first), a name before an
        // acronym of the same span, the first of overlapping spans kept.
        let mut spans: Vec<Span> = Vec::with_capacity(names.len() + acronyms.len());
        let key = |r: &Span| (r.start, std::cmp::Reverse(r.end));
        let (mut names, mut acronyms) = (names.into_iter().peekable(), acronyms.into_iter().peekable());
        while let Some(r) = match (names.peek(), acronyms.peek()) {
            (Some(n), Some(a)) if key(a) < key(n) => acronyms.next(),
            (Some(_), _) => names.next(),
            (None, _) => acronyms.next(),
        } {
            // "US$", "R$": a currency sign, not the country.
            if !text[r.end..].starts_with('$') && spans.last().is_none_or(|l| r.start >= l.end) {
                spans.push(r);
            }
        }
        spans
    }

    /// The mentions the spans resolve to, sorted by start; where a longest name does not
    /// stand, the names inside it.
    fn resolve_spans(
        &self,
        kb: &KnowledgeBase,
        text: &str,
        folded: &Folded,
        words: &names::Words,
        spans: Vec<Span>,
        evidence: &Evidence,
    ) -> Vec<KbMention> {
        let countries = &evidence.counts[..];
        // A report names the same entries again and again: where the surface alone decides
        // (`context_free`), a name or acronym read as it was last time resolves as it did then;
        // elsewhere its case (`title_cased`) is what it was then. The last reading of each is
        // kept in a table direct-mapped by the candidates' address (a collision forgets one,
        // never errs), cheaper than hashing the surface.
        let slots = (spans.len() / 4).next_power_of_two().clamp(64, 4096);
        let shift = 64 - slots.trailing_zeros();
        let mut last = vec![LastRead::default(); slots];
        // Readings an earlier mention's own sentence settled ("hacia Valencia (España)"), by the
        // candidates' address: evidence for later mentions of the name that have none.
        let mut settled: FxMap<usize, usize> = FxMap::default();
        let mut resolve = |span: &Span| {
            let key = std::ptr::from_ref(span.candidates) as usize;
            let slot = &mut last[((key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize];
            let same = slot.key == key && text[slot.start..slot.end] == text[span.start..span.end];
            if same && span.candidates.context_free {
                return slot.entity;
            }
            let title = match slot.title {
                Some(t) if same => std::cell::OnceCell::from(t),
                _ => std::cell::OnceCell::new(),
            };
            let earlier = if span.candidates.entries.len() > 1 { settled.get(&key).copied() } else { None };
            let (entity, by_sentence) = self.resolve(kb, text, span.start, span.end, span.candidates, evidence, earlier, &title);
            *slot = LastRead { key, start: span.start, end: span.end, entity, title: title.get().copied() };
            if let Some(e) = entity.filter(|_| by_sentence) {
                settled.insert(key, e);
            }
            entity
        };
        let mut out = Vec::with_capacity(spans.len());
        for span in spans {
            if let Some(entity) = resolve(&span) {
                // An acronym read in title case ("Farc", "Dian") may be a name or a word: it
                // stands when the document names the entry's country.
                let surface = &text[span.start..span.end];
                if span.folded.is_none() && title_only(&kb.entities()[entity], surface) && !self.in_document(entity, countries) {
                    continue;
                }
                out.push(KbMention { entity, start: span.start, end: span.end });
                continue;
            }
            // The longest name did not stand (its capitals, its context): the names inside it may.
            let Some((fs, fe)) = span.folded else { continue };
            for inner in self.inner_spans(folded, words, text, fs, fe) {
                if let Some(entity) = resolve(&inner) {
                    out.push(KbMention { entity, start: inner.start, end: inner.end });
                }
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    /// The resolved mentions with what they leave to find: towns named after countries
    /// dropped, activities a list elides and capitalised phrases the fuzzy names know added.
    /// `looked_up` holds the fuzzy look-ups made so far, by phrase.
    fn completed<'t>(
        &self,
        kb: &KnowledgeBase,
        text: &'t str,
        mut out: Vec<KbMention>,
        looked_up: &mut FxMap<&'t str, Option<usize>>,
    ) -> Vec<KbMention> {
        drop_towns_named_after_countries(kb, text, &mut out);
        let elided = self.elided_activities(kb, text, &out);
        out.extend(elided);
        let mut taken: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
        taken.sort_unstable();
        // A report repeats its capitalised phrases ("Attorney General's Office"): each distinct
        // one is looked up once a batch.
        for (start, end) in crate::fuzzy::capitalised_runs(text, &taken, name_particle) {
            let span = &text[start..end];
            if crate::fuzzy::too_short(span) {
                continue;
            }
            if let Some(entity) = *looked_up.entry(span).or_insert_with(|| self.fuzzy.lookup(span)) {
                out.push(KbMention { entity, start, end });
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    /// Activities a list names by eliding the shared word of a two-word name: "illegal mining,
    /// logging and fishing" (English, the modifier first), "minería ilegal, tala y pesca" (the
    /// modifier last). Each list item must make a known activity name with that word.
    fn elided_activities(&self, kb: &KnowledgeBase, text: &str, found: &[KbMention]) -> Vec<KbMention> {
        let mut out = Vec::new();
        for m in found.iter().filter(|m| kb.entities()[m.entity].entity_type == EntityType::Activity) {
            let surface = fold(&text[m.start..m.end]);
            let Some((first, last)) = surface.split_once(' ').filter(|(_, l)| !l.contains(' ')) else { continue };
            let mut pos = m.end;
            loop {
                // The next item: ", word", ", and word", " and word".
                let rest = &text[pos..];
                let conj = |r: &'_ str| ["and ", "or ", "y ", "e ", "o ", "ou "].iter().find_map(|c| r.strip_prefix(c)).map(str::len);
                let after = match rest.strip_prefix(", ") {
                    Some(r) => conj(r).unwrap_or(r.len()),
                    None => match rest.strip_prefix(' ').and_then(conj) {
                        Some(n) => n,
                        None => break,
                    },
                };
                let word_start = text.len() - after;
                let word_len = text[word_start..].find(|c: char| !c.is_alphabetic() && c != '-').unwrap_or(after);
                let word_end = word_start + word_len;
                let next = found.partition_point(|f| f.start < word_start);
                let covered = found[next.saturating_sub(1)..].iter().take(2).any(|f| f.start < word_end && word_start < f.end);
                if word_len == 0 || covered {
                    break;
                }
                let word = fold(&text[word_start..word_end]);
                // Joined by `concat`, not formatted.
                let hit = self
                    .activity_pairs
                    .get(&[first, " ", &word].concat())
                    .or_else(|| self.activity_pairs.get(&[&word, " ", last].concat()));
                let Some(&entity) = hit else { break };
                out.push(KbMention { entity, start: word_start, end: word_end });
                pos = word_end;
            }
        }
        out
    }

    /// Name matches at word boundaries in `range` of the folded text.
    fn name_spans<'m>(&'m self, folded: &Folded, words: &names::Words, text: &str, range: std::ops::Range<usize>) -> Vec<Span<'m>> {
        self.spans_of(folded, text, self.names.find(words, range))
    }

    /// A name opening with an article ("La Mara", "the United Nations", "La Oficina") gives way
    /// to a longer one that starts at its next word and runs past it ("la Mara Salvatrucha",
    /// "the United Nations Office on Drugs and Crime", "La Oficina de Control de Activos
    /// Extranjeros"): the search took the name at the article and never read the longer one.
    /// An article capitalised inside a sentence is the name's own ("Colombia's La Guajira
    /// peninsula"). Names the longer one covers are dropped.
    fn past_articles(&self, folded: &Folded, words: &names::Words, text: &str, found: Vec<names::Found>) -> Vec<names::Found> {
        let f_text = &folded.text;
        let mut out: Vec<names::Found> = Vec::with_capacity(found.len());
        for f in found {
            if out.last().is_some_and(|l| f.start < l.raw_end) {
                continue;
            }
            let first_end = words.run_end(f.start);
            let longer = (first_end < f.end && definite_article(&f_text[f.start..first_end]))
                .then(|| folded.original_span(f.start, first_end, text).0)
                .filter(|&at| !text[at..].starts_with(char::is_uppercase) || sentence_initial(text, at))
                .and_then(|_| words.next_start(first_end, f_text.len()))
                .and_then(|next| self.names.longest_from(words, next, f_text.len()))
                .filter(|g| g.end > f.end);
            out.push(longer.unwrap_or(f));
        }
        out
    }

    /// The spans of name matches in the folded text.
    fn spans_of<'m>(&'m self, folded: &Folded, text: &str, found: Vec<names::Found>) -> Vec<Span<'m>> {
        let span = |f: names::Found| {
            let (start, end) = folded.original_span(f.start, f.end, text);
            Span { start, end, folded: Some((f.start, f.end)), candidates: &self.name_entities[f.name] }
        };
        found.into_iter().map(span).collect()
    }

    /// Names inside a rejected match: shorter ones at its start ("Manabí" of "Manabí province"),
    /// then those from its second word on ("Netherlands" of "the Netherlands").
    fn inner_spans<'m>(&'m self, folded: &Folded, words: &names::Words, text: &str, fs: usize, fe: usize) -> Vec<Span<'m>> {
        let mut out: Vec<Span> =
            self.name_spans(folded, words, text, fs..fe - 1).into_iter().filter(|s| s.folded.is_some_and(|f| f.0 == fs)).take(1).collect();
        let from = out.first().and_then(|s| s.folded).map_or(fs, |f| f.1);
        if let Some(next_word) = folded.text[from..fe].find(' ').map(|i| from + i + 1) {
            out.extend(self.name_spans(folded, words, text, next_word..fe));
        }
        out
    }

    /// How often the document names each country (capitalised) or refers to it by demonym, by
    /// the number of its ISO code, and where. `maybe_demonyms` are the words of the folded text
    /// whose `demonym_bits` are set.
    fn countries_mentioned(
        &self,
        kb: &KnowledgeBase,
        text: &str,
        folded: &Folded,
        maybe_demonyms: &[(usize, usize)],
        spans: &[Span],
    ) -> Evidence {
        let mut counts = vec![0; self.country_codes.len()];
        let mut at = Vec::with_capacity(spans.len() / 2);
        for span in spans {
            // Most names tell no country: theirs is read before their case.
            let Some(c) = span.candidates.country else { continue };
            if !capitalised(&text[span.start..span.end]) {
                continue;
            }
            // An acronym in title case ("Dian") needs the country: it cannot be the evidence.
            if span.folded.is_none() && span.candidates.entries.iter().all(|&i| title_only(&kb.entities()[i], &text[span.start..span.end]))
            {
                continue;
            }
            counts[usize::from(c)] += 1;
            at.push((span.start, c));
        }
        // Most words cannot be demonyms: their bit said so before the map is hashed.
        let mut demonyms = Vec::new();
        for &(start, end) in maybe_demonyms {
            if let Some(&c) = self.demonyms.get(&folded.text[start..end]) {
                counts[usize::from(c)] += 1;
                demonyms.push((folded.original_span(start, end, text).0, c));
            }
        }
        // Both lists are in text order: merged, not sorted.
        if !demonyms.is_empty() {
            let names = std::mem::take(&mut at);
            at.reserve(names.len() + demonyms.len());
            let (mut n, mut d) = (names.into_iter().peekable(), demonyms.into_iter().peekable());
            while let Some(next) = match (n.peek(), d.peek()) {
                (Some(a), Some(b)) if b < a => d.next(),
                (Some(_), _) => n.next(),
                (None, _) => d.next(),
            } {
                at.push(next);
            }
        }
        Evidence { counts, at }
    }

    /// The entry a span names, if one stands, and whether the evidence of its own sentence
    /// chose it among entries of several countries (a reading later mentions lean to).
    /// `earlier` is the reading an earlier sentence settled for these candidates.
    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        kb: &KnowledgeBase,
        text: &str,
        start: usize,
        end: usize,
        candidates: &Candidates,
        evidence: &Evidence,
        earlier: Option<usize>,
        title: &std::cell::OnceCell<bool>,
    ) -> (Option<usize>, bool) {
        let countries = &evidence.counts[..];
        let their_countries = &candidates.countries;
        let (one_word, candidates) = (candidates.one_word, candidates.entries.as_slice());
        let entities = kb.entities();
        let surface = &text[start..end];
        // What the surface says is the same for every candidate: read it once, when needed
        // (`title`, `title_cased` of the surface, may be known already).
        let inside = std::cell::OnceCell::new();
        let title_cased = || *title.get_or_init(|| if one_word { capitalised(surface) } else { title_cased(surface) });
        let inside_a_name = || *inside.get_or_init(|| inside_a_name(text, start, end));
        let common = std::cell::OnceCell::new();
        let common_word = || *common.get_or_init(|| common_city_word(&fold(surface)));
        let mut plausible = candidates.iter().copied().filter(|&i| {
            let e = &entities[i];
            // A generated city is read by its own name, which opens with a capital: "rio Negro"
            // is the river, not the town of Rio Negro.
            (!proper_noun(e.entity_type)
                || (title_cased() && (self.kinds[i] != Kind::City || capitalised(surface)))
                || (!self.lower_linked[i].is_empty() && cased_as_named(e, &self.lower_linked[i], surface)))
                && (!e.ambiguous
                    || ((!proper_noun(e.entity_type) || !inside_a_name())
                        && self.supported(e, i, text, start, end, countries, &common_word)))
        });
        // One candidate (most names) needs no ranking: skip the keys and their country look-up.
        if candidates.len() == 1 {
            return (plausible.next(), false);
        }
        let (first, second) = (plausible.next(), plausible.next());
        let (Some(first), Some(second)) = (first, second) else { return (first, false) };
        // A country's name means the country ("Panama", not Panamá province); an article before
        // a name a sea shares means the sea ("o Atlântico", not the Colombian department); then
        // prefer entries in the countries the document talks about most, evidence in the
        // mention's own sentence weighing `NEAR_WEIGHT` times more, curated entries over
        // generated cities, and larger cities.
        let after_article = || {
            text[..start].strip_suffix(' ').and_then(|t| t.rsplit([' ', '\n']).next()).is_some_and(|w| definite_article(&w.to_lowercase()))
        };
        // The evidence in the mention's sentence, found once, and only where it can change the
        // reading: when the document names the countries of two candidates.
        let contested = their_countries.iter().filter(|&&c| countries[usize::from(c)] > 0).nth(1).is_some();
        let in_sentence = std::cell::OnceCell::new();
        let near = |c: u16| {
            contested && {
                let &(from, to) = in_sentence.get_or_init(|| evidence.in_sentence(text, start, end));
                evidence.at[from..to].iter().any(|&(at, code)| code == c && at != start)
            }
        };
        let score = |i: usize| {
            self.country_of[i].map_or(0, |c| match countries[usize::from(c)] {
                0 => 0,
                n if near(c) => n + NEAR_WEIGHT,
                n if earlier == Some(i) => n + SETTLED_WEIGHT,
                n => n,
            })
        };
        let best = [first, second].into_iter().chain(plausible).max_by_key(|&i| {
            let e = &entities[i];
            let country = e.entity_type == EntityType::Country;
            let kind = self.kinds[i];
            let sea = kind == Kind::Sea && after_article();
            let curated = kind != Kind::City;
            (country, sea, score(i), curated, e.population.unwrap_or(0))
        });
        let settled = best.is_some_and(|b| self.country_of[b].is_some_and(|c| countries[usize::from(c)] > 0 && near(c)));
        (best, settled)
    }

    /// An ambiguous name counts when the document supports it: a river cue nearby for rivers and
    /// valleys, its country named in the document (or a very large city) otherwise.
    /// `common_word` is `common_city_word` of the folded surface, read once per span.
    #[allow(clippy::too_many_arguments)]
    fn supported(
        &self,
        e: &Entity,
        i: usize,
        text: &str,
        start: usize,
        end: usize,
        countries: &[usize],
        common_word: &impl Fn() -> bool,
    ) -> bool {
        if !proper_noun(e.entity_type) {
            // "gold", "Mercury", "Coffee": the common noun is written in lower case; a capital
            // mid-sentence makes it a name.
            return !capitalised(&text[start..end]) || sentence_initial(text, start);
        }
        match self.kinds[i] {
            Kind::RiverOrValley => cue_near(text, start, end),
            Kind::City if e.population.is_some_and(|p| p >= BIG_CITY) => true,
            Kind::City => self.in_document(i, countries) && !(common_word() && (sentence_initial(text, start) || ends_a_name(text, start))),
            _ => {
                self.in_document(i, countries)
                    || e.entity_type == EntityType::Country
                    || (e.kind.as_deref() == Some("port") && after_port_noun(text, start))
            }
        }
    }

    /// Entry `i` has a country and the document mentions it (`countries`, by code number).
    fn in_document(&self, i: usize, countries: &[usize]) -> bool {
        self.country_of[i].is_some_and(|c| countries[usize::from(c)] > 0)
    }
}

/// A country's name written as "<name>, <region of another country>" is a town of that region
/// ("Argelia, Cauca" is a Colombian municipality, not Algeria; "Venecia, Antioquia" is not
/// Venezuela's neighbour): the country reading goes. A list that runs on after the region to
/// another name ("Peru, Cauca and Nariño") keeps it.
fn drop_towns_named_after_countries(kb: &KnowledgeBase, text: &str, found: &mut Vec<KbMention>) {
    let entities = kb.entities();
    let town = |pair: &[KbMention]| {
        // Most pairs of mentions are not two bytes apart: told before their entries are read.
        if pair[1].start.checked_sub(pair[0].end) != Some(2) {
            return false;
        }
        let (country, region) = (&entities[pair[0].entity], &entities[pair[1].entity]);
        // It runs on to another name ("and Nariño"), not to a phrase of its own ("y en El
        // Plateado", "and then").
        let runs_on = || {
            let rest = text[pair[1].end..].trim_start_matches([',', ' ']);
            ["and ", "or ", "y ", "e ", "o ", "ou ", "& "]
                .iter()
                .find_map(|c| rest.strip_prefix(c))
                .is_some_and(|next| next.trim_start().starts_with(char::is_uppercase))
        };
        country.entity_type == EntityType::Country
            && region.entity_type == EntityType::Place
            && region.kind.as_deref() == Some("region")
            && region.country.is_some()
            && region.country != country.iso2
            && &text[pair[0].end..pair[1].start] == ", "
            && !runs_on()
    };
    let towns: Vec<usize> = found.windows(2).enumerate().filter(|(_, pair)| town(pair)).map(|(i, _)| i).collect();
    for i in towns.into_iter().rev() {
        found.remove(i);
    }
}

/// The folded names of the knowledge base, each with the entries it names.
fn name_table(kb: &KnowledgeBase) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut names: FxMap<String, Vec<usize>> = FxMap::default();
    for (i, e) in kb.entities().iter().enumerate() {
        // A generated city is matched by its primary name: GeoNames' alternate names are
        // mostly exonyms in other languages, and they would triple the table.
        let own: Box<dyn Iterator<Item = &str>> =
            if e.kind.as_deref() == Some("city") { Box::new(std::iter::once(e.name.as_str())) } else { Box::new(e.names()) };
        for n in own {
            let f = fold(n);
            if f.chars().count() >= 2 {
                push_unique(names.entry(f).or_default(), i);
            }
        }
    }
    names.into_iter().unzip()
}

/// The entry whose country a capitalised mention of these candidates is evidence of: a country
/// among them, or else the one entry of a name that can only be read one way ("Polícia Federal",
/// "Guayaquil" say the document is about Brazil, Ecuador), or else the first of a name whose
/// readings all lie in one country, one of them unambiguous ("Rio de Janeiro": the city, the
/// state and the port are all Brazil's; "Tumaco": the town and its port are Colombia's).
fn evidence_of(kb: &KnowledgeBase, candidates: &[usize]) -> Option<usize> {
    let entities = kb.entities();
    let country = candidates.iter().copied().find(|&i| entities[i].entity_type == EntityType::Country);
    let unambiguous = |i: usize| !entities[i].ambiguous && entities[i].entity_type != EntityType::Commodity;
    let one_reading = || match *candidates {
        [i] if unambiguous(i) => Some(i),
        _ => None,
    };
    let one_country = || {
        let first = *candidates.first()?;
        let home = entities[first].country.as_deref()?;
        (candidates.iter().all(|&i| entities[i].entity_type == EntityType::Place && entities[i].country.as_deref() == Some(home))
            && candidates.iter().any(|&i| unambiguous(i)))
        .then_some(first)
    };
    country.or_else(one_reading).or_else(one_country)
}

/// Whether `resolve` reads nothing but the surface for these candidates (and the countries, the
/// same throughout a document): no candidate is ambiguous (whose support is read around the
/// name), and no sea is ranked among others (after an article or not).
fn context_free(kb: &KnowledgeBase, candidates: &[usize]) -> bool {
    let entities = kb.entities();
    candidates.iter().all(|&i| !entities[i].ambiguous)
        && (candidates.len() == 1 || !candidates.iter().any(|&i| entities[i].kind.as_deref() == Some("sea")))
}

fn push_unique(v: &mut Vec<usize>, i: usize) {
    if !v.contains(&i) {
        v.push(i);
    }
}

/// Names of organizations, people and places are capitalised in text; commodities and
/// activities are not ("cocaine", "illegal mining").
/// The press of the region writes acronyms of four letters or more that are said as words in
/// title case ("las Farc", "la Sedena", "a Funai", "la Dirandro"): that form too, unless it is an
/// ordinary word.
fn title_acronym(a: &str) -> Option<String> {
    if a.len() < 4 || !a.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let t = format!("{}{}", &a[..1], a[1..].to_ascii_lowercase());
    let folded = t.to_ascii_lowercase();
    (!function_word(&folded) && !common_city_word(&folded)).then_some(t)
}

/// `surface` is an acronym of `e` in the title case `title_acronym` adds, not a form the entry
/// itself lists.
fn title_only(e: &Entity, surface: &str) -> bool {
    let b = surface.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && !e.acronyms.iter().any(|a| a == surface)
        && !e.names().any(|n| n == surface)
}

fn proper_noun(t: EntityType) -> bool {
    !matches!(t, EntityType::Commodity | EntityType::Activity)
}

fn capitalised(s: &str) -> bool {
    // Most words start with an ASCII byte other than the apostrophe: read it, not a char.
    match s.as_bytes().first() {
        None => return false,
        Some(&b) if b.is_ascii() && b != b'\'' => return b.is_ascii_uppercase() || b.is_ascii_digit(),
        _ => {}
    }
    // "'Ndrangheta": an elided article before the capital.
    s.trim_start_matches(['\'', '’']).chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Every word of a proper name is capitalised but its particles ("Ciudad del Este", "Clan del
/// Golfo") and heads, geographic or of a kind of group or facility ("the Mantaro river", "the
/// Sinaloa cartel"): "El segundo" is not the town of El Segundo. Spanish and Portuguese put the
/// head first in lower case ("el río Paraná", "o rio Solimões", "el cártel de Sinaloa"): that
/// name is read whole, not as the state its second word also names.
fn title_cased(s: &str) -> bool {
    // One word, most matches: title-cased exactly when capitalised. (Bytes, not chars: both
    // separators are ASCII.)
    let b = s.as_bytes();
    let separator = |c: u8| c == b' ' || c == b'-';
    if !b.iter().any(|&c| separator(c)) {
        return capitalised(s);
    }
    // Most names of several words open every word with an ASCII capital or digit: title-cased,
    // read in one pass over the bytes before the words are split and their heads looked up.
    let capital = |c: u8| c.is_ascii_uppercase() || c.is_ascii_digit();
    if b.first().is_some_and(|&c| capital(c)) && b.windows(2).all(|w| !separator(w[0]) || separator(w[1]) || capital(w[1])) {
        return true;
    }
    title_cased_by_words(s)
}

/// `title_cased` of several words, word by word.
fn title_cased_by_words(s: &str) -> bool {
    let mut words = name_words(s).peekable();
    let head_first = words.peek().is_some_and(|w| !capitalised(w) && folded_head(w));
    if head_first {
        words.next();
    }
    (capitalised(s) || head_first && name_words(s).skip(1).find(|w| !name_particle(w)).is_some_and(capitalised))
        && words.all(|w| capitalised(w) || name_particle(w) || folded_head(w))
}

/// The words of a name, `s.split([' ', '-'])` without the empty pieces, found on bytes: both
/// separators are ASCII, so no char is decoded.
fn name_words(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while b.get(at).is_some_and(|&c| c == b' ' || c == b'-') {
            at += 1;
        }
        let start = at;
        while b.get(at).is_some_and(|&c| c != b' ' && c != b'-') {
            at += 1;
        }
        s.get(start..at).filter(|w| !w.is_empty())
    })
}

/// `geographic_head` of the folded word, without folding a copy of a word that is folded already
/// (lower-case ASCII, most words).
fn folded_head(w: &str) -> bool {
    let head = |f: &str| geographic_head(f) || crate::lang::name_head(f);
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { head(w) } else { head(&fold(w)) }
}

/// The surface is capitalised wherever one of the entry's own names is, but for the short
/// lower-case links a name has ("Gracias a Dios", "Côte d'Ivoire"): those are part of the name,
/// not a sign that a common phrase was matched. Lower-case nouns ("Pacific route") stay out: there
/// the capitalised part is the name.
/// `folds` are the entry's names folded, in `names()` order.
fn cased_as_named(e: &Entity, folds: &[String], surface: &str) -> bool {
    let lead = lower_led(e.entity_type);
    if !capitalised(surface) && !lead {
        return false;
    }
    let words = name_words;
    let folded = fold(surface);
    e.names().zip(folds).filter(|(_, f)| **f == folded).map(|(n, _)| n).any(|n| {
        words(n).count() == words(surface).count()
            && words(surface).any(capitalised)
            && words(n)
                .zip(words(surface))
                .enumerate()
                .all(|(k, (n, s))| capitalised(s) || (n == s && (lower_link(n) || k == 0 && lead && !capitalised(n))))
    })
}

/// People and groups are named after a lower-case word the knowledge base writes so: a nom de
/// guerre ("camarada José"), an Arabic article ("al-Qaeda"), the article of an acronym ("las
/// Farc"). Places and bodies are not: "aeropuerto de Lima" stays the airport cue before a city.
fn lower_led(t: EntityType) -> bool {
    matches!(t, EntityType::Person | EntityType::CriminalOrg | EntityType::ArmedGroup)
}

/// A short lower-case word inside a name ("a", "de"), or an elided article before a capital
/// ("d'Ivoire", "l'Aquila").
fn lower_link(w: &str) -> bool {
    let elided = w.split_once(['\'', '’']).is_some_and(|(art, rest)| art.chars().count() == 1 && capitalised(rest));
    elided || (w.chars().count() <= 3 && w.chars().all(char::is_lowercase))
}

/// A capitalised word right before or after the name (not a function word), or a particle and a
/// capitalised word after it: the name is part of a longer one ("Marcelo Cícero", "Lima Barreto",
/// "Centro de Detenção Provisória") and an ambiguous entry should not be read there.
fn inside_a_name(text: &str, start: usize, end: usize) -> bool {
    let name_word = |w: &str| capitalised(w) && w.chars().all(char::is_alphabetic) && !function_word(w);
    let before = text[..start].strip_suffix(' ').map(word_before);
    let (next, rest) = text[end..].strip_prefix(' ').map(word_after).unzip();
    // The word after a particle is read only after one.
    let then = || rest.flatten().map(|r| word_after(r).0);
    // A conjunction joins two names ("Nariño and Cauca"); it does not make one.
    let joins_a_name = |w: &str| name_particle(w) && !matches!(w, "and" | "y" | "e");
    before.is_some_and(name_word) || next.is_some_and(name_word) || (next.is_some_and(joins_a_name) && then().is_some_and(name_word))
}

/// What `t.rsplit([' ', '\n', '(', '"', '“']).next()` gives, read back byte by byte: the stops
/// are ASCII bytes but the quote, whose last byte (0x9c, a continuation byte) ends only it.
fn word_before(t: &str) -> &str {
    let b = t.as_bytes();
    let mut i = b.len();
    while i > 0 {
        match b[i - 1] {
            b' ' | b'\n' | b'(' | b'"' => break,
            0x9c if i >= 3 && b[i - 3..i - 1] == [0xe2, 0x80] => break,
            _ => i -= 1,
        }
    }
    t.get(i..).unwrap_or_default()
}

/// The first piece of `t.split([' ', '\n', ',', '.', ';', ':', ')', '"', '”'])` and the text after
/// its stop (none when there is no stop), read byte by byte.
fn word_after(t: &str) -> (&str, Option<&str>) {
    let b = t.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let stop = match c {
            b' ' | b'\n' | b',' | b'.' | b';' | b':' | b')' | b'"' => 1,
            0xe2 if b.get(i + 1..i + 3) == Some(&[0x80, 0x9d]) => 3,
            _ => continue,
        };
        return (t.get(..i).unwrap_or_default(), t.get(i + stop..));
    }
    (t, None)
}

/// Capitalised only because a sentence or line starts there ("Much of the cocaine…").
fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '“', '\'', '‘', '(', '¿', '¡']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n'])
}

/// What evidence of a country in a mention's own sentence weighs, against one elsewhere in the
/// document: enough that "Chilean prosecutors … in Santiago" is Chile's Santiago in a report
/// that names Mexico twice, not so much that a demonym beside a place outweighs a report's
/// subject ("o Ministério Público do Amazonas … grupos armados colombianos" in a report on Brazil).
const NEAR_WEIGHT: usize = 3;
/// What a reading an earlier mention's sentence settled weighs for a later mention: less than the
/// later mention's own sentence ("Putumayo" in a paragraph on Peru, then in one on Colombia).
const SETTLED_WEIGHT: usize = 2;

/// The word ends a longer name: a capitalised word and a particle before it ("Europa del Este",
/// "Defensoría del Pueblo").
fn ends_a_name(text: &str, start: usize) -> bool {
    let mut words = text[..start].trim_end().rsplit(' ');
    let particle = words.next().is_some_and(|w| name_particle(w) && !matches!(w, "and" | "y" | "e"));
    particle && words.next().is_some_and(|w| capitalised(w) && !function_word(w))
}

/// Where patterns can start: their first bytes, their first two (any second byte for a pattern
/// of one byte) and, hashed, their first three.
struct Starts {
    first: [bool; 256],
    /// The lowest and highest first byte, when every first byte is ASCII (acronyms': capitals and
    /// a digit): `next_first` tests eight bytes at a time for that range with a few adds and
    /// masks, and looks up only the bytes in it.
    range: Option<(u8, u8)>,
    /// One bit per pair of bytes, the first as the high byte.
    pairs: Vec<u64>,
    /// The patterns of one byte, and of two (one bit per pair): no third byte need follow them.
    whole_firsts: [bool; 256],
    whole_pairs: Vec<u64>,
    /// One bit per hash of the first three bytes of the longer patterns (`triple_bit`).
    triples: Vec<u64>,
}

/// log2 of the bits of `Starts::triples`: a few hundred acronyms set one in a hundred.
const TRIPLE_BITS: u32 = 16;

fn triple_bit(a: u8, b: u8, c: u8) -> usize {
    (u32::from_le_bytes([a, b, c, 0]).wrapping_mul(0x9e37_79b1) >> (32 - TRIPLE_BITS)) as usize
}

fn has_bit(bits: &[u64], i: usize) -> bool {
    bits[i / 64] >> (i % 64) & 1 != 0
}

impl Starts {
    fn new<'a>(patterns: impl IntoIterator<Item = &'a [u8]>) -> Starts {
        let mut s = Starts {
            first: [false; 256],
            range: None,
            pairs: vec![0; 1 << 10],
            whole_firsts: [false; 256],
            whole_pairs: vec![0; 1 << 10],
            triples: vec![0; 1 << (TRIPLE_BITS - 6)],
        };
        let set = |bits: &mut [u64], i: usize| bits[i / 64] |= 1 << (i % 64);
        for p in patterns {
            let Some(&b) = p.first() else { continue };
            s.first[usize::from(b)] = true;
            let seconds = match p.get(1) {
                Some(&c) => usize::from(c)..usize::from(c) + 1,
                None => 0..256,
            };
            for pair in seconds.map(|c| usize::from(b) << 8 | c) {
                set(&mut s.pairs, pair);
            }
            match *p {
                [_] => s.whole_firsts[usize::from(b)] = true,
                [_, c] => set(&mut s.whole_pairs, usize::from(b) << 8 | usize::from(c)),
                [_, c, d, ..] => set(&mut s.triples, triple_bit(b, c, d)),
                [] => {}
            }
        }
        let firsts = (1..=255u8).filter(|&b| s.first[usize::from(b)]);
        if !s.first[0] && firsts.clone().all(|b| b.is_ascii()) {
            s.range = firsts.clone().min().zip(firsts.max());
        }
        s
    }

    /// The first byte at or after `from` that is some pattern's first byte (`text::next_in`).
    #[inline]
    fn next_first(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let Some((lo, hi)) = self.range else { return crate::text::next_in(bytes, from, &self.first) };
        let mut at = from;
        while let Some(chunk) = bytes.get(at..at + 8).and_then(|c| c.first_chunk::<8>()) {
            // The bytes in the range, in order: most chunks of prose have none.
            let mut hits = crate::text::swar::ascii_in_range(u64::from_le_bytes(*chunk), lo, hi);
            while hits != 0 {
                let i = at + (hits.trailing_zeros() / 8) as usize;
                if self.first[usize::from(bytes[i])] {
                    return Some(i);
                }
                hits &= hits - 1;
            }
            at += 8;
        }
        bytes.get(at..)?.iter().position(|&b| self.first[usize::from(b)]).map(|n| at + n)
    }

    /// Whether a pattern may start at `at`, whose byte is a first byte: one of one byte starts
    /// with it, or the pair there is some pattern's and either one of two bytes or the hash of
    /// the three bytes there is some longer pattern's (or the text ends first).
    fn may_start_at(&self, bytes: &[u8], at: usize) -> bool {
        let b = bytes[at];
        if self.whole_firsts[usize::from(b)] {
            return true;
        }
        let Some(&c) = bytes.get(at + 1) else { return true };
        let pair = usize::from(b) << 8 | usize::from(c);
        if !has_bit(&self.pairs, pair) {
            return false;
        }
        has_bit(&self.whole_pairs, pair) || bytes.get(at + 2).is_none_or(|&d| has_bit(&self.triples, triple_bit(b, c, d)))
    }
}

/// The leftmost-longest matches of `ac` in `text`, as `find_iter` gives them, but searched only
/// where a pattern can start (`starts`, the patterns' first bytes and pairs): from each such byte
/// the longest match starting there is the leftmost-longest match, and the search goes on after
/// it, as `find_iter`'s does. For acronyms, whose first bytes (capitals) are a few percent of
/// prose, an anchored search there costs far less than running the automaton over every byte, and
/// most capitals ("The", "In") go on with a byte no acronym has second, or with two no acronym
/// has next. `ac` must support anchored searches.
fn matches_from_first_bytes<'t>(ac: &'t AhoCorasick, starts: &'t Starts, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            at = starts.next_first(bytes, at)?;
            if !starts.may_start_at(bytes, at) {
                at += 1;
                continue;
            }
            let input = aho_corasick::Input::new(text).span(at..text.len()).anchored(aho_corasick::Anchored::Yes);
            match ac.find(input) {
                Some(m) => {
                    at = m.end();
                    return Some(m);
                }
                None => at += 1,
            }
        }
        None
    })
}

fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The words before `start` are a port noun and "of"/"de"/"do"/"da"/"del" ("the port of
/// Santos", "el puerto de Esmeraldas").
fn after_port_noun(text: &str, start: usize) -> bool {
    let mut before = text[..start].rsplit(' ');
    // The piece after the last space is empty: the name starts right after it.
    let (Some(""), Some(link), Some(noun)) = (before.next(), before.next(), before.next()) else { return false };
    matches!(link, "of" | "de" | "do" | "da" | "del") && port_noun(&fold(noun))
}

fn cue_near(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(CUE_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CUE_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = fold(&text[from..to]);
    window.split(|c: char| !c.is_alphanumeric()).any(geographic_head)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Searching only from the patterns' first bytes finds what `find_iter` finds, including where
    /// a match inside a word hides one that starts later, and where a longer pattern fails.
    #[test]
    fn name_words_split_as_the_char_pattern_does() {
        for t in ["", "-", "Lima", " a  b-c--d ", "Côte d'Ivoire", "Guinea-Bissau- ", "São Paulo"] {
            let want: Vec<&str> = t.split([' ', '-']).filter(|w| !w.is_empty()).collect();
            assert_eq!(super::name_words(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    /// Names whose every word opens with an ASCII capital or digit are title-cased word by word
    /// too, as `title_cased` reads them without splitting them.
    #[test]
    fn capitalised_words_are_title_cased() {
        for t in ["São Paulo", "Rio De Janeiro", "Guinea-Bissau", "Foo-", "A B C D E F G H", "1st Front", "Costa Rica 2", "PCC-RJ"] {
            assert!(super::title_cased(t), "{t:?}");
            assert!(super::title_cased_by_words(t), "{t:?}");
        }
        for t in ["Rio de Janeiro", "el río Paraná", "Côte d'Ivoire", "the Sinaloa cartel", "Lima province", "La Paz-el Alto"] {
            assert_eq!(super::title_cased(t), super::title_cased_by_words(t), "{t:?}");
        }
    }

    #[test]
    fn byte_scans_split_as_the_char_patterns_do() {
        for t in ["", "a", "x Lima", "(Cali", "“Bogotá", "el “Chapo” Guzmán, y", "Sr.Ruiz; Quito) de", "a\nb\"c”d: e", "é”"] {
            assert_eq!(super::word_before(t), t.rsplit([' ', '\n', '(', '"', '“']).next().unwrap_or_default(), "{t:?}");
            let mut split = t.split([' ', '\n', ',', '.', ';', ':', ')', '"', '”']);
            let (first, rest) = super::word_after(t);
            assert_eq!(Some(first), split.next(), "{t:?}");
            assert_eq!(rest.map(|r| super::word_after(r).0), split.next(), "{t:?}");
        }
    }

    #[test]
    fn first_byte_search_is_find_iter() {
        let patterns = ["PCC", "PC", "CCA", "CJNG", "AB CD", "D", "DEA", "S.D. Fla.", "UIF-Perú", "Perú", "1st"];
        let build = |start| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .start_kind(start)
                .build(patterns)
                .expect("plain strings")
        };
        let (anchored, unanchored) = (build(StartKind::Anchored), build(StartKind::Unanchored));
        let starts = Starts::new(patterns.map(str::as_bytes));
        for text in [
            "",
            "the PCC and the CJNG, with DEA agents",
            "xPCCA PCCA PCC PC CCA",
            "AB CDEA; AB CD EA; DDEA",
            "S.D. Fla. and S.D. Flb. in Perú and UIF-Perú, the 1st",
            "PCPCPCC CJN CJNGG ABCD D",
            "D",
            "xD",
            "The Dutch DEA, In PC: DE D.",
            "Bogotá: 2 or 1? Both @ BOGOTÁ; then PCC, In a long run of lower-case words, D",
        ] {
            let got: Vec<_> = matches_from_first_bytes(&anchored, &starts, text).map(|m| (m.start(), m.end(), m.pattern())).collect();
            let want: Vec<_> = unanchored.find_iter(text).map(|m| (m.start(), m.end(), m.pattern())).collect();
            assert_eq!(got, want, "{text:?}");
            // The first bytes are ASCII: found eight bytes at a time, as the table finds them.
            assert!(starts.range.is_some());
            for from in 0..=text.len() {
                assert_eq!(
                    starts.next_first(text.as_bytes(), from),
                    crate::text::next_in(text.as_bytes(), from, &starts.first),
                    "{text:?} {from}"
                );
            }
        }
    }
}
