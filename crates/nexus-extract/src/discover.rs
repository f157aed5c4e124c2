//! Entities the knowledge base does not hold, learned from the document itself: people,
//! agencies and organizations found by capitalisation and cue words, unnamed actors ("a
//! Peruvian family-clan"), and the acronyms and aliases the text defines ("First Capital
//! Command (PCC)", "alias 'Comrade José'"). Each finder reads the text and the knowledge-base
//! mentions and returns `Found` mentions; `merge` settles overlaps with the knowledge base.
//!
//! Every rule here is a pattern of how reports write names, with its vocabulary in
//! `data/lang/`; none names a particular group.

pub mod agencies;
pub mod cue_names;
pub mod definitions;
pub mod persons;
pub mod places;
pub mod unnamed;

use crate::matcher::KbMention;
use nexus_kb::{EntityType, KnowledgeBase};

/// What the finders read from the knowledge base: built once with the extractor, since an index
/// costs far more than a document.
pub struct Index {
    persons: persons::KbIndex,
    names: cue_names::KbIndex,
}

impl Index {
    pub fn new(kb: &KnowledgeBase) -> Index {
        Index { persons: persons::KbIndex::new(kb), names: cue_names::KbIndex::new(kb) }
    }
}

/// What every finder reads: the document, the knowledge base and its mentions there, and the
/// document's words, read once for all finders.
pub struct Context<'a> {
    pub text: &'a str,
    pub kb: &'a KnowledgeBase,
    /// Knowledge-base mentions, sorted by start, non-overlapping.
    pub kb_mentions: &'a [KbMention],
    index: &'a Index,
    words: persons::Words<'a>,
    cue_scan: std::cell::OnceCell<cue_names::Scan>,
}

impl<'a> Context<'a> {
    /// `index` must be built from `kb`.
    pub fn new(text: &'a str, kb: &'a KnowledgeBase, index: &'a Index, kb_mentions: &'a [KbMention]) -> Context<'a> {
        let words = persons::Words::classified(text, &index.persons);
        Context { text, kb, kb_mentions, index, words, cue_scan: std::cell::OnceCell::new() }
    }

    /// The words of the quantity and date vocabularies, the runs of digits and the language
    /// guess, from the finders' word scan (for `quantities::lex::DocLex`).
    pub(crate) fn vocabulary_words(&self) -> (crate::quantities::lex::DocWords, u8) {
        self.words.vocabulary_words()
    }

    /// The cue vocabulary's phrases in the text, for `cue_names` and `definitions`.
    fn cue_scan(&self) -> &cue_names::Scan {
        self.cue_scan.get_or_init(|| cue_names::Scan::from_words(&self.words))
    }
}

/// One mention of an entity learned from the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// The entity's name: mentions with the same type and folded name are one entity.
    pub name: String,
    pub entity_type: EntityType,
    /// A descriptive name for an actor the text does not name ("Mexican narco-traffickers").
    pub unnamed: bool,
    /// Set when the mention names a knowledge-base entry (an acronym the text defines for it).
    pub kb_entity: Option<usize>,
}

/// Every learned mention of each document, merged with its knowledge-base mentions: the
/// knowledge-base mentions that stand, and the learned ones that stand, both sorted by start.
/// Each finder reads every document before the next one starts (see `Extractor::extract_batch`).
pub fn find_each(contexts: &[Context]) -> Vec<(Vec<KbMention>, Vec<Found>)> {
    // Places first: among learned names of one span, the earlier found wins, and a noun for a
    // kind of place says more than a name's shape ("the town of San Martín").
    let mut found: Vec<Vec<Found>> = contexts.iter().map(places::find).collect();
    for (f, p) in found.iter_mut().zip(persons::find_each(contexts)) {
        f.extend(p);
    }
    let finders: [fn(&Context) -> Vec<Found>; 3] = [agencies::find, cue_names::find, unnamed::find];
    for (k, finder) in finders.into_iter().enumerate() {
        // The cue scan `cue_names` and `definitions` read (built at its first use), a step of
        // its own before them.
        if k == 1 {
            contexts.iter().for_each(|cx| _ = cx.cue_scan());
        }
        for (f, cx) in found.iter_mut().zip(contexts) {
            f.extend(finder(cx));
        }
    }
    let docs: Vec<(&Context, &[Found])> = contexts.iter().zip(&found).map(|(cx, f)| (cx, f.as_slice())).collect();
    let defined = definitions::find_each(&docs);
    contexts.iter().zip(found).zip(defined).map(|((cx, f), d)| merge(cx.kb, cx.kb_mentions, f, d)).collect()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Settle overlaps. What the text defines wins over the knowledge base on the same span (the
/// document says what its acronym means). A learned name that strictly contains knowledge-base
/// mentions replaces them — "Atlantic Cartel" is not the Atlantic, "Arley de Jesús Durango
/// Higuita" is not the state of Durango, "Dirección contra el Terrorismo" names no act of
/// terrorism — except the places inside an agency's name ("Fiscalía de Chile" also names
/// Chile); a learned name that only partly overlaps one yields to the
/// knowledge base. Among learned mentions the longer wins, then the earlier.
fn merge(kb: &KnowledgeBase, kb_mentions: &[KbMention], found: Vec<Found>, defined: Vec<Found>) -> (Vec<KbMention>, Vec<Found>) {
    let mut kb_keep = vec![true; kb_mentions.len()];
    let mut kept: Vec<Found> = Vec::new();
    let span = |f: &Found| (f.start, f.end);
    // Knowledge-base mentions are sorted by start and no name is this long: the ones that can
    // overlap a span lie in a window found by two binary searches, not a scan of all of them.
    const LONGEST: usize = 512;
    let sorted = kb_mentions.is_sorted_by_key(|m| m.start);
    let window = |s: usize, e: usize| {
        if !sorted {
            return 0..kb_mentions.len();
        }
        kb_mentions.partition_point(|m| m.start + LONGEST <= s)..kb_mentions.partition_point(|m| m.start < e)
    };
    // Spans already claimed, start → end, merged where they overlap.
    let mut claimed: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    // Claimed spans are disjoint: the ones a span overlaps are the last ones starting before its
    // end, taken one by one (a span merged in reaches no other).
    let claim = |claimed: &mut std::collections::BTreeMap<usize, usize>, (s, e): (usize, usize)| {
        let (mut s, mut e) = (s, e);
        while let Some((cs, ce)) = claimed.range(..e).next_back().map(|(a, b)| (*a, *b)).filter(|&(_, ce)| ce > s) {
            claimed.remove(&cs);
            s = s.min(cs);
            e = e.max(ce);
        }
        claimed.insert(s, e);
    };
    let is_claimed = |claimed: &std::collections::BTreeMap<usize, usize>, (s, e): (usize, usize)| {
        claimed.range(..e).next_back().is_some_and(|(_, ce)| *ce > s)
    };
    for f in &defined {
        for k in window(f.start, f.end) {
            let m = &kb_mentions[k];
            if overlaps(span(f), (m.start, m.end)) {
                kb_keep[k] = false;
            }
        }
        claim(&mut claimed, span(f));
    }
    // The learned mentions by length, then start, then the order found (as a stable sort leaves
    // them): the keys are sorted, not the mentions, which are large to move.
    let mut order: Vec<_> = found.iter().enumerate().map(|(n, f)| (std::cmp::Reverse(f.end - f.start), f.start, n)).collect();
    order.sort_unstable();
    let mut learned: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    'candidates: for f in order.into_iter().filter_map(|(_, _, n)| learned[n].take()) {
        if is_claimed(&claimed, span(&f)) {
            continue;
        }
        let mut inside = Vec::new();
        for k in window(f.start, f.end).filter(|k| kb_keep[*k]) {
            let m = &kb_mentions[k];
            if !overlaps(span(&f), (m.start, m.end)) {
                continue;
            }
            let strictly_contains = f.start <= m.start && m.end <= f.end && (f.end - f.start) > (m.end - m.start);
            if !strictly_contains {
                continue 'candidates;
            }
            let t = kb.entities()[m.entity].entity_type;
            if f.entity_type != EntityType::StateActor || !matches!(t, EntityType::Country | EntityType::Place) {
                inside.push(k);
            }
        }
        for k in inside {
            kb_keep[k] = false;
        }
        claim(&mut claimed, span(&f));
        kept.push(f);
    }
    kept.extend(defined);
    kept.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let kb_out = kb_mentions.iter().zip(kb_keep).filter(|(_, keep)| *keep).map(|(m, _)| m.clone()).collect();
    (kb_out, kept)
}
