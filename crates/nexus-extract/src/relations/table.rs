//! The relation vocabulary of `data/relations/`, compiled once: the predicates and the types
//! their ends take, the trigger phrases with their frames, and the small cue classes.

use crate::hash::{FxMap, FxSet};
use crate::lang::lines;
use nexus_kb::EntityType;
use std::sync::OnceLock;

/// One predicate of ONTOLOGY.md.
#[derive(Debug)]
pub struct Predicate {
    pub name: &'static str,
    pub symmetric: bool,
    pub subject: Vec<EntityType>,
    pub object: Vec<EntityType>,
    /// Knowledge-base place kinds that are never an end ("river", "corridor" for `ships_to`:
    /// goods move along them, not from or to them).
    pub not_ends: Vec<&'static str>,
    /// Knowledge-base place kinds that are never the subject ("sea", "world_region" for
    /// `located_in`: an ocean or a region spanning countries lies in no one place).
    pub not_subjects: Vec<&'static str>,
    /// Knowledge-base place kinds a flow with no origin named starts from when it passes there
    /// first ("port", "city" for `ships_to`: "shipped through the port of Guayaquil to Antwerp").
    pub exits: Vec<&'static str>,
}

/// How the ends of a relation are found around its trigger (see `triggers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    Verb,
    Noun,
    Between,
    Flow,
    Supply,
    Depart,
    Arrive,
    Import,
    /// "Callao is the main outlet", "a point of departure for": the subject is where goods
    /// leave from (see `discourse`).
    Outlet,
    /// "Panama is a transit point for cocaine bound for Europe": like `Outlet`, but a place
    /// goods pass through does not export them.
    Transit,
    /// "Switzerland and India are the main destinations of Peruvian gold": the places joined
    /// to the words by a copula are destinations; the origin is found beside the goods.
    Destinations,
    /// "The defendants are A; B; …", "Los señalados son:" and a bulleted list: the people
    /// listed are the objects, the document's doer of the act the subject (`events`).
    Roster,
    /// "Los Choneros and Los Lobos are fighting over", "o PCC e o CV disputam": a reciprocal
    /// predicate after coordinated subjects relates each pair of them (`mutual`).
    Mutual,
    /// "desce o rio Solimões até Manaus", "descendía por la hidrovía hasta Asunción": a verb of
    /// going whose destination only an until-word marks (`routes`); other to-words after it
    /// ("desce a hidrovia") name the way, not the end.
    Until,
    /// "sold cocaine to the Sinaloa Cartel", "vendía cocaína al Cártel de Sinaloa": a sale of
    /// goods to an organization makes seller and buyer cooperate (`goods`).
    Sale,
    /// "las disidencias al mando de alias Iván Mordisco", "Los Choneros, cuyo líder es alias
    /// Fito": the subject right after the words, the object before them (`agents::under`).
    Under,
}

impl Frame {
    pub fn moves_goods(self) -> bool {
        matches!(
            self,
            Frame::Flow
                | Frame::Supply
                | Frame::Depart
                | Frame::Arrive
                | Frame::Import
                | Frame::Outlet
                | Frame::Transit
                | Frame::Destinations
                | Frame::Until
        )
    }
}

#[derive(Debug)]
pub struct Trigger {
    pub predicate: usize,
    pub frame: Frame,
}

/// A phrase as folded words; a word ending in `*` matches any word it begins.
#[derive(Debug, Clone)]
pub struct Phrase {
    words: Vec<String>,
}

impl Phrase {
    fn parse(s: &str) -> Phrase {
        // Folded as the tokens are, so "más" in a data file stays Spanish "más".
        Phrase { words: s.split_whitespace().map(super::tokens::fold_word).collect() }
    }

    fn word_matches(pattern: &str, word: &str) -> bool {
        match pattern.strip_suffix('*') {
            Some(stem) => word.starts_with(stem),
            None => pattern == word,
        }
    }
}

/// Words as map keys: those of up to eight bytes packed into a `u64`, hashed with one multiply
/// and compared in one step (no `memcmp` call per look-up); longer ones as strings. The first
/// words of phrases are looked up at every token.
#[derive(Debug)]
struct WordMap<V> {
    short: FxMap<u64, V>,
    long: FxMap<String, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap { short: FxMap::default(), long: FxMap::default() }
    }
}

/// `word` as a little-endian `u64`, zero-padded, if it has at most eight bytes. (No word holds a
/// NUL byte, so the padding cannot be confused with the word.)
#[inline]
pub(super) fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    let n = b.len();
    let four = |i: usize| b.get(i..i + 4).and_then(|w| w.first_chunk::<4>()).map_or(0, |w| u64::from(u32::from_le_bytes(*w)));
    let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    match n {
        0 => Some(0),
        1..=3 => Some(at(0) | at(n / 2) << (8 * (n / 2)) | at(n - 1) << (8 * (n - 1))),
        4..=8 => Some(four(0) | four(n - 4) << (8 * (n - 4))),
        _ => None,
    }
}

impl<V> WordMap<V> {
    #[inline]
    fn get(&self, word: &str) -> Option<&V> {
        match pack(word) {
            Some(k) => self.short.get(&k),
            None => self.long.get(word),
        }
    }

    fn entry(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        match pack(word) {
            Some(k) => self.short.entry(k).or_default(),
            None => self.long.entry(word.to_owned()).or_default(),
        }
    }
}

/// Phrases indexed by their first word, or by the first bytes of its stem ("incaut*"), so a
/// lookup at a word reads only the phrases that can start there.
#[derive(Debug, Default)]
pub struct PhraseSet<V> {
    exact: WordMap<Vec<(Phrase, V)>>,
    /// Keyed by stem prefixes of up to `STEM_KEY` bytes: packed, hashed without a string.
    stems: WordMap<Vec<(Phrase, V)>>,
    /// The shapes of the exact first words, and the first two bytes of the stem keys: most
    /// words are rejected by these without hashing.
    exact_shapes: Shapes,
    stem_pairs: Pairs,
    /// Bit `n` set: some stem key is `n` bytes long (1 to `STEM_KEY`), the prefixes worth a lookup.
    stem_key_lens: u8,
}

fn has_byte(set: &[u64; 4], word: &str) -> bool {
    word.as_bytes().first().is_some_and(|&b| set[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
}

fn add_byte(set: &mut [u64; 4], word: &str) {
    if let Some(&b) = word.as_bytes().first() {
        set[usize::from(b >> 6)] |= 1 << (b & 63);
    }
}

/// The first two bytes of a set of prefixes (a one-byte prefix stands for every second byte).
#[derive(Debug, Clone)]
struct Pairs(Box<[[u64; 4]; 256]>);

impl Default for Pairs {
    fn default() -> Pairs {
        Pairs(Box::new([[0; 4]; 256]))
    }
}

impl Pairs {
    fn add(&mut self, prefix: &str) {
        match *prefix.as_bytes() {
            // An empty prefix begins every word but the empty one.
            [] => self.0.iter_mut().for_each(|row| *row = [u64::MAX; 4]),
            [b] => self.0[usize::from(b)] = [u64::MAX; 4],
            [b0, b1, ..] => self.0[usize::from(b0)][usize::from(b1 >> 6)] |= 1 << (b1 & 63),
        }
    }

    /// Could `word` begin with one of the prefixes? (A one-byte word only with a one-byte prefix.)
    #[inline]
    fn may_begin(&self, word: &str) -> bool {
        match *word.as_bytes() {
            [] => false,
            [b] => self.0[usize::from(b)] == [u64::MAX; 4],
            [b0, b1, ..] => self.0[usize::from(b0)][usize::from(b1 >> 6)] & (1 << (b1 & 63)) != 0,
        }
    }
}

/// How many leading bytes of a stem index it (stems are at least this long, or indexed whole).
const STEM_KEY: usize = 3;

fn stem_key(word: &str) -> &str {
    let mut end = STEM_KEY.min(word.len());
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

impl<V: Copy> PhraseSet<V> {
    fn insert(&mut self, phrase: Phrase, value: V) {
        match phrase.words.first() {
            Some(w) if w.ends_with('*') => {
                let key = stem_key(w.trim_end_matches('*')).to_owned();
                self.stem_pairs.add(&key);
                self.stem_key_lens |= 1 << key.len();
                self.stems.entry(&key).push((phrase, value));
            }
            Some(w) => {
                self.exact_shapes.add(w);
                self.exact.entry(w).push((phrase, value));
            }
            None => {}
        }
    }

    /// Call `f` on each phrase that may start at `first`: those under it exactly, then those
    /// under its 1-, 2- and 3-byte stem keys; with each, how many of its leading words are known
    /// to match (the first of an exact one is `first` itself). Loops rather than an iterator
    /// chain: this runs for every word of every sentence read.
    fn each_candidate<'a>(&'a self, first: &str, mut f: impl FnMut(&'a (Phrase, V), usize)) {
        if self.exact_shapes.may_hold(first)
            && let Some(list) = self.exact.get(first)
        {
            list.iter().for_each(|c| f(c, 1));
        }
        if self.stem_pairs.may_begin(first) {
            for n in 1..=STEM_KEY.min(first.len()) {
                if self.stem_key_lens & (1 << n) != 0
                    && first.is_char_boundary(n)
                    && let Some(list) = self.stems.get(&first[..n])
                {
                    list.iter().for_each(|c| f(c, 0));
                }
            }
        }
    }

    /// Does `p` start `words`, its first `known` words known to match?
    fn matches(p: &Phrase, words: &[&str], known: usize) -> bool {
        p.words.len() <= words.len() && p.words.iter().zip(words).skip(known).all(|(pat, w)| Phrase::word_matches(pat, w))
    }

    /// The phrases whose first word matches `first`, appended to `out` in the order `matches_at`
    /// tries them, each with its one word known to match: a document's lexicon keeps them per
    /// word (`lexicon::Lexicon`), and a phrase's first word is compared once per word, not once
    /// per token.
    pub fn candidates<'a>(&'a self, first: &str, out: &mut Vec<Candidate<'a, V>>) {
        self.each_candidate(first, |c, known| {
            if known >= 1 || c.0.words.first().is_some_and(|w| Phrase::word_matches(w, first)) {
                let words = &c.0.words;
                let next = words.get(1).and_then(|w| w.as_bytes().first()).copied().filter(|&b| b != b'*');
                out.push(Candidate { phrase: c, len: words.len(), next });
            }
        });
    }

    /// `matches_at`, trying only `candidates`, those `candidates` gave for `words[0]`.
    pub fn matches_among(candidates: &[Candidate<V>], words: &[&str]) -> Vec<(usize, V)> {
        let mut out: Vec<(usize, V)> = Vec::new();
        // Most phrases differ from the words at the first byte of their second word: compared
        // before the words are.
        let second = words.get(1).and_then(|w| w.as_bytes().first()).copied();
        for c in candidates {
            if c.len > words.len() || (c.next.is_some() && c.next != second) {
                continue;
            }
            let (p, v) = c.phrase;
            if Self::matches(p, words, 1) {
                out.push((c.len, *v));
            }
        }
        out.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
        out
    }

    /// Every phrase that starts at `words[0]`, as (length in words, value), longest first.
    pub fn matches_at(&self, words: &[&str]) -> Vec<(usize, V)> {
        let Some(first) = words.first() else { return Vec::new() };
        let mut out: Vec<(usize, V)> = Vec::new();
        self.each_candidate(first, |(p, v), known| {
            if Self::matches(p, words, known) {
                out.push((p.words.len(), *v));
            }
        });
        out.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
        out
    }

    /// Can a phrase start with `word`? A cheap test before building a window of words.
    pub fn may_start(&self, word: &str) -> bool {
        (self.exact_shapes.may_hold(word) && self.exact.get(word).is_some())
            || (self.stem_pairs.may_begin(word)
                && (1..=STEM_KEY.min(word.len()))
                    .any(|n| self.stem_key_lens & (1 << n) != 0 && word.is_char_boundary(n) && self.stems.get(&word[..n]).is_some()))
    }

    /// The values of every phrase that may start at `first` (its first word matches; the rest
    /// is not checked), or-ed together as bits: which sets are worth asking about this word.
    fn bits_at(&self, first: &str) -> u64
    where
        V: Into<u64>,
    {
        let mut bits = 0;
        self.each_candidate(first, |&(_, v), _| bits |= 1 << v.into());
        bits
    }

    /// The length of the longest phrase at `words[0]`, if any.
    pub fn longest_at(&self, words: &[&str]) -> Option<usize> {
        let first = words.first()?;
        let mut longest = None;
        self.each_candidate(first, |(p, _), known| {
            if Self::matches(p, words, known) {
                longest = longest.max(Some(p.words.len()));
            }
        });
        longest
    }
}

/// A phrase whose first word matches a word (`PhraseSet::candidates`), with its length in words
/// and the first byte its second word must begin with (none when it has no second word, or
/// one that is the bare stem `*`).
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a, V> {
    phrase: &'a (Phrase, V),
    len: usize,
    next: Option<u8>,
}

/// The (first byte, length) shapes of a set of words: a word of a shape no member has is
/// rejected with two loads, before any hashing. Lengths from 31 bytes share one bit.
#[derive(Debug, Clone)]
pub struct Shapes {
    lens_by_first: Box<[u32; 256]>,
    /// An empty word is a member (entity tokens have no word).
    empty: bool,
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes { lens_by_first: Box::new([0; 256]), empty: false }
    }
}

impl Shapes {
    pub fn add(&mut self, word: &str) {
        match word.as_bytes().first() {
            Some(&b) => self.lens_by_first[usize::from(b)] |= 1 << word.len().min(31),
            None => self.empty = true,
        }
    }

    /// Could `word` be one of the words added?
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&b) => self.lens_by_first[usize::from(b)] & (1 << word.len().min(31)) != 0,
            None => self.empty,
        }
    }
}

/// A set of words the rules ask about at every token: most words are rejected by their shape.
#[derive(Debug, Default)]
pub struct WordSet {
    words: FxSet<&'static str>,
    shapes: Shapes,
}

impl WordSet {
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.words.contains(word)
    }
}

impl Extend<&'static str> for WordSet {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, words: I) {
        for w in words {
            self.shapes.add(w);
            self.words.insert(w);
        }
    }
}

/// Every cue phrase in one trie of words: a walk from a token finds the longest phrase of each
/// class there at once, reading each following word once (a bucket per first word would try
/// the 37 phrases that start with "the" one by one).
#[derive(Debug, Default)]
struct CueTrie {
    nodes: Vec<CueNode>,
    /// The shapes of the exact first words, and the first two bytes of the first stems: most
    /// tokens start no cue phrase.
    first_shapes: Shapes,
    first_stems: Pairs,
    /// The root's stems of two bytes or more by their first two bytes (the root holds the
    /// trigger stems too, over a hundred: a word is compared with those that can begin it).
    root_stems: FxMap<[u8; 2], Vec<(String, usize)>>,
    /// The root's stems shorter than two bytes.
    root_short_stems: Vec<(String, usize)>,
}

#[derive(Debug, Default)]
struct CueNode {
    /// Bit `Cue::index` set: a phrase of that class ends here.
    ends: u64,
    exact: WordMap<usize>,
    /// First bytes of the `exact` words: most words are rejected without hashing.
    exact_first: [u64; 4],
    /// Words ending in `*`, without it: any word they begin goes on to the node.
    stems: Vec<(String, usize)>,
    stem_first: [u64; 4],
}

impl CueTrie {
    fn insert(&mut self, phrase: &Phrase, cue: Cue) {
        if phrase.words.is_empty() {
            return;
        }
        if self.nodes.is_empty() {
            self.nodes.push(CueNode::default());
        }
        let mut at = 0;
        match phrase.words[0].strip_suffix('*') {
            Some(stem) => self.first_stems.add(stem),
            None => self.first_shapes.add(&phrase.words[0]),
        }
        for w in &phrase.words {
            let stem = w.strip_suffix('*');
            let found = match stem {
                Some(stem) => self.nodes[at].stems.iter().find(|(s, _)| s == stem).map(|&(_, n)| n),
                None => self.nodes[at].exact.get(w).copied(),
            };
            at = match found {
                Some(n) => n,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(CueNode::default());
                    let node = &mut self.nodes[at];
                    match stem {
                        Some(stem) => {
                            add_byte(&mut node.stem_first, stem);
                            node.stems.push((stem.to_owned(), n));
                            match (at, stem.as_bytes()) {
                                (0, &[b0, b1, ..]) => self.root_stems.entry([b0, b1]).or_default().push((stem.to_owned(), n)),
                                (0, _) => self.root_short_stems.push((stem.to_owned(), n)),
                                _ => {}
                            }
                        }
                        None => {
                            add_byte(&mut node.exact_first, w);
                            *node.exact.entry(w) = n;
                        }
                    }
                    n
                }
            };
        }
        self.nodes[at].ends |= 1 << cue.index();
    }

    /// Walk on from `node` (reached through `depth` words) along `words[depth..]`, recording in
    /// `lens` and `mask` the phrases that end on the way.
    fn walk(&self, node: usize, words: &[&str], depth: usize, lens: &mut [u8; CUES], mask: &mut u64) {
        let mut ends = self.nodes[node].ends;
        let len = depth.min(usize::from(u8::MAX)) as u8;
        while ends != 0 {
            let c = ends.trailing_zeros() as usize;
            if *mask & (1 << c) == 0 || lens[c] < len {
                lens[c] = len;
            }
            *mask |= 1 << c;
            ends &= ends - 1;
        }
        let Some(word) = words.get(depth) else { return };
        self.step(node, word, |next| self.walk(next, words, depth + 1, lens, mask));
    }

    /// Call `f` with each node `word` leads to from `node`.
    #[inline]
    fn step(&self, node: usize, word: &str, mut f: impl FnMut(usize)) {
        let n = &self.nodes[node];
        if has_byte(&n.exact_first, word)
            && let Some(&next) = n.exact.get(word)
        {
            f(next);
        }
        if !has_byte(&n.stem_first, word) {
            return;
        }
        if node != 0 {
            for (stem, next) in &n.stems {
                if begins(word, stem) {
                    f(*next);
                }
            }
        } else if self.first_stems.may_begin(word) {
            // Stems shorter than two bytes are few; the others by the word's first two bytes.
            for (stem, next) in &self.root_short_stems {
                if begins(word, stem) {
                    f(*next);
                }
            }
            if let [b0, b1, ..] = *word.as_bytes()
                && let Some(stems) = self.root_stems.get(&[b0, b1])
            {
                for (stem, next) in stems {
                    if word.starts_with(stem.as_str()) {
                        f(*next);
                    }
                }
            }
        }
    }
}

/// Does `word` begin with `stem`? The first bytes are compared inline: most stems tried differ
/// there, and a `starts_with` calls `memcmp`.
#[inline]
fn begins(word: &str, stem: &str) -> bool {
    match stem.as_bytes().first() {
        None => true,
        Some(b) => word.as_bytes().first() == Some(b) && word.starts_with(stem),
    }
}

/// The predicates the rules name, looked up once when the tables load (`Tables::id`): the
/// rules ask for them in every sentence.
#[derive(Debug, Clone, Copy)]
pub enum Pred {
    EngagesIn,
    LocatedIn,
    OperatesIn,
    ConflictsWith,
    CooperatesWith,
    Leads,
    Taxes,
    Killed,
    Seized,
    Exports,
    PartOf,
    Arrested,
    Indicted,
    Produces,
    ShipsTo,
    Traffics,
    MemberOf,
}

/// The names of `Pred`'s predicates, in its order.
const PRED_NAMES: [&str; 17] = [
    "engages_in",
    "located_in",
    "operates_in",
    "conflicts_with",
    "cooperates_with",
    "leads",
    "taxes",
    "killed",
    "seized",
    "exports",
    "part_of",
    "arrested",
    "indicted",
    "produces",
    "ships_to",
    "traffics",
    "member_of",
];

/// The cue classes of `cues.tsv`, numbered densely: the number is the index of the class in
/// per-token tables and bit masks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cue {
    Hedge = 0,
    Negation = 1,
    Passive = 2,
    Agent = 3,
    Origin = 4,
    Destination = 5,
    Via = 6,
    Concealment = 7,
    Locative = 8,
    Coordinator = 9,
    NotSubject = 10,
    ClauseBreak = 11,
    Relative = 12,
    AnaphorCountry = 13,
    AnaphorOrg = 14,
    AnaphorPlace = 15,
    Naming = 16,
    PlaceHead = 17,
    Inside = 18,
    Article = 19,
    Of = 20,
    Rank1 = 21,
    Rank2 = 22,
    Rank3 = 23,
    /// Any rank past the third.
    Rank4 = 24,
    LeaderRole = 25,
    MemberRole = 26,
    UnitHead = 27,
    Through = 28,
    Stronghold = 29,
    Copula = 30,
    Possessive = 31,
    OrgNoun = 32,
    AnaphorOrgs = 33,
    RivalRole = 34,
    FromThere = 35,
    Example = 36,
    Reporting = 37,
    Goods = 38,
    Based = 39,
    Where = 40,
    Period = 41,
    Than = 42,
    Comparative = 43,
    Between = 44,
    Until = 45,
    Presence = 46,
    Causative = 47,
    Control = 48,
    Trade = 49,
    Levied = 50,
    Pair = 51,
    Adverb = 52,
    Remainder = 53,
    Buyer = 54,
    OtherPlaces = 55,
    StrongholdNoun = 56,
    Neighbor = 57,
    PlaceAdverbEn = 58,
    PlaceAdverbEs = 59,
    PlaceAdverbPt = 60,
    OperationVerb = 61,
    /// Not a class of `cues.tsv`: the first word of a trigger phrase, marked by the cue walk so
    /// the trigger scan looks up only the tokens where a trigger may start.
    TriggerStart = 62,
}

/// How many cue classes there are, ranks included: the size of a per-token cache.
pub const CUES: usize = 63;
const _: () = assert!(CUES < 64, "cue masks are u64 with one bit kept for 'not yet read'");

impl Cue {
    /// A dense index for caches.
    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The class of rank `r` ("main" is 1, "second" 2 …); ranks past the third share one.
    pub fn rank(r: u32) -> Option<Cue> {
        Some(match r {
            0 => return None,
            1 => Cue::Rank1,
            2 => Cue::Rank2,
            3 => Cue::Rank3,
            _ => Cue::Rank4,
        })
    }

    fn parse(role: &str) -> Option<Cue> {
        Some(match role {
            "hedge" => Cue::Hedge,
            "negation" => Cue::Negation,
            "passive" => Cue::Passive,
            "agent" => Cue::Agent,
            "origin" => Cue::Origin,
            "destination" => Cue::Destination,
            "via" => Cue::Via,
            "concealment" => Cue::Concealment,
            "locative" => Cue::Locative,
            "coordinator" => Cue::Coordinator,
            "not_subject" => Cue::NotSubject,
            "clause_break" => Cue::ClauseBreak,
            "relative" => Cue::Relative,
            "anaphor_country" => Cue::AnaphorCountry,
            "anaphor_org" => Cue::AnaphorOrg,
            "anaphor_place" => Cue::AnaphorPlace,
            "naming" => Cue::Naming,
            "place_head" => Cue::PlaceHead,
            "inside" => Cue::Inside,
            "article" => Cue::Article,
            "of" => Cue::Of,
            "leader_role" => Cue::LeaderRole,
            "member_role" => Cue::MemberRole,
            "unit_head" => Cue::UnitHead,
            "through" => Cue::Through,
            "stronghold" => Cue::Stronghold,
            "copula" => Cue::Copula,
            "possessive" => Cue::Possessive,
            "org_noun" => Cue::OrgNoun,
            "anaphor_orgs" => Cue::AnaphorOrgs,
            "rival_role" => Cue::RivalRole,
            "from_there" => Cue::FromThere,
            "example" => Cue::Example,
            "reporting" => Cue::Reporting,
            "goods" => Cue::Goods,
            "based" => Cue::Based,
            "where" => Cue::Where,
            "period" => Cue::Period,
            "than" => Cue::Than,
            "comparative" => Cue::Comparative,
            "between" => Cue::Between,
            "until" => Cue::Until,
            "presence" => Cue::Presence,
            "causative" => Cue::Causative,
            "control" => Cue::Control,
            "trade" => Cue::Trade,
            "levied" => Cue::Levied,
            "pair" => Cue::Pair,
            "adverb" => Cue::Adverb,
            "remainder" => Cue::Remainder,
            "buyer" => Cue::Buyer,
            "other_places" => Cue::OtherPlaces,
            "stronghold_noun" => Cue::StrongholdNoun,
            "neighbor" => Cue::Neighbor,
            "place_adverb_en" => Cue::PlaceAdverbEn,
            "place_adverb_es" => Cue::PlaceAdverbEs,
            "place_adverb_pt" => Cue::PlaceAdverbPt,
            "operation_verb" => Cue::OperationVerb,
            r => Cue::rank(r.strip_prefix("rank")?.parse().ok()?)?,
        })
    }
}

pub struct Tables {
    pub predicates: Vec<Predicate>,
    pub triggers: Vec<Trigger>,
    pub trigger_phrases: PhraseSet<usize>,
    /// By `Cue::index`.
    cues: Vec<PhraseSet<()>>,
    /// Every cue phrase at once, valued by its `Cue::index`: one look-up per word says which
    /// cue classes can start there, so the frames' questions about the others cost nothing.
    cue_starts: PhraseSet<u8>,
    /// Every cue phrase at once: one walk per token finds the longest phrase of each class
    /// there (`cues_at`).
    cue_trie: CueTrie,
    /// The words that gate a sentence (`gates`): first the last word of every anaphor phrase
    /// (a stem without its `*`), then the longest word of each outlet trigger and "from there"
    /// cue (words of three letters or more). One automaton: a sentence is read once for both.
    gate_words: aho_corasick::AhoCorasick,
    /// How many of `gate_words` are anaphor heads (they come first).
    anaphor_heads: usize,
    /// The three anaphor classes in one set: one look-up per word rejects most.
    pub anaphors: PhraseSet<()>,
    /// The last words of the `AnaphorOrgs` phrases ("both groups", "las dos organizaciones"):
    /// a sentence holding none of them holds no such phrase. `None` when one is a stem.
    pub anaphor_orgs_heads: Option<WordSet>,
    /// The last words of the phrases of `anaphors` ("the country", "el grupo"): none in a
    /// sentence, no anaphor in it. `None` when one is a stem.
    pub anaphor_last_words: Option<WordSet>,
    /// The one-word place adverbs ("there", "allí", "lá") with the "in" of their language, by
    /// class in the order English, Spanish, Portuguese: compared directly, without a look-up per
    /// word of every sentence (`there`).
    place_adverbs: Vec<(Cue, String, &'static str)>,
    /// The shapes of the place adverbs, and the first bytes of those that are stems: most words
    /// are rejected by these alone (every word of every sentence read is asked).
    place_adverb_shapes: Shapes,
    place_adverb_first: [u64; 4],
    /// Each predicate's index by its name.
    predicate_names: FxMap<&'static str, usize>,
    /// By `Pred`: the index of the predicate, if the data has it.
    ids: [Option<usize>; PRED_NAMES.len()],
}

/// The longest word of a phrase, if it has one of three letters or more.
fn key_word(phrase: &Phrase) -> Option<String> {
    phrase.words.iter().map(|w| w.trim_end_matches('*')).filter(|w| w.len() > 2).max_by_key(|w| w.len()).map(str::to_owned)
}

impl Tables {
    pub fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(Tables::load)
    }

    fn load() -> Tables {
        let mut predicates = Vec::new();
        for line in lines(include_str!("../../../../data/relations/predicates.tsv")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (name, symmetric, subject, object) = match cols[..] {
                [name, symmetric, subject, object, ..] if cols.len() <= 7 => (name, symmetric, subject, object),
                _ => panic!("predicates.tsv: bad line {line:?}"),
            };
            let kinds = |k: usize| cols.get(k).map_or_else(Vec::new, |c| c.split(',').filter(|k| !k.is_empty()).map(leak).collect());
            predicates.push(Predicate {
                name: leak(name),
                symmetric: symmetric == "yes",
                subject: types(subject),
                object: types(object),
                not_ends: kinds(4),
                not_subjects: kinds(5),
                exits: kinds(6),
            });
        }
        let mut predicate_names = FxMap::default();
        for (i, p) in predicates.iter().enumerate() {
            predicate_names.entry(p.name).or_insert(i);
        }
        let mut triggers = Vec::new();
        let mut trigger_phrases = PhraseSet::default();
        let mut discourse_words = Vec::new();
        let mut trigger_starts = Vec::new();
        for line in lines(include_str!("../../../../data/relations/triggers.tsv")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [predicate, frame, phrases] = cols[..] else { panic!("triggers.tsv: bad line {line:?}") };
            let predicate = predicates
                .iter()
                .position(|p| p.name == predicate)
                .unwrap_or_else(|| panic!("triggers.tsv: unknown predicate {predicate}"));
            let frame = match frame {
                "verb" => Frame::Verb,
                "noun" => Frame::Noun,
                "between" => Frame::Between,
                "flow" => Frame::Flow,
                "supply" => Frame::Supply,
                "depart" => Frame::Depart,
                "arrive" => Frame::Arrive,
                "import" => Frame::Import,
                "outlet" => Frame::Outlet,
                "transit" => Frame::Transit,
                "destinations" => Frame::Destinations,
                "roster" => Frame::Roster,
                "mutual" => Frame::Mutual,
                "until" => Frame::Until,
                "sale" => Frame::Sale,
                "under" => Frame::Under,
                f => panic!("triggers.tsv: unknown frame {f}"),
            };
            triggers.push(Trigger { predicate, frame });
            for p in phrases.split(" | ") {
                let phrase = Phrase::parse(p);
                if matches!(frame, Frame::Outlet | Frame::Transit) {
                    discourse_words.extend(key_word(&phrase));
                }
                trigger_starts.extend(phrase.words.first().cloned());
                trigger_phrases.insert(phrase, triggers.len() - 1);
            }
        }
        let mut cues: Vec<PhraseSet<()>> = (0..CUES).map(|_| PhraseSet::default()).collect();
        // Only first words matter to `cues_starting`: one entry per (first word, cue class).
        let mut cue_starts = PhraseSet::default();
        let mut cue_trie = CueTrie::default();
        let mut cue_firsts: std::collections::HashSet<(String, usize)> = std::collections::HashSet::new();
        let mut heads: Vec<String> = Vec::new();
        let mut anaphors = PhraseSet::default();
        let mut anaphor_orgs_heads = Some(WordSet::default());
        let mut anaphor_last_words = Some(WordSet::default());
        let mut place_adverbs = Vec::new();
        for line in lines(include_str!("../../../../data/relations/cues.tsv")) {
            let Some((role, phrases)) = line.split_once('\t') else { panic!("cues.tsv: bad line {line:?}") };
            let cue = Cue::parse(role).unwrap_or_else(|| panic!("cues.tsv: unknown role {role}"));
            let set = &mut cues[cue.index()];
            for p in phrases.split(" | ") {
                let phrase = Phrase::parse(p);
                if cue == Cue::FromThere {
                    discourse_words.extend(key_word(&phrase));
                }
                if matches!(cue, Cue::AnaphorCountry | Cue::AnaphorOrg | Cue::AnaphorPlace)
                    && let Some(last) = phrase.words.last()
                {
                    heads.push(last.trim_end_matches('*').to_owned());
                    add_last_word(&mut anaphor_last_words, last);
                    anaphors.insert(phrase.clone(), ());
                }
                if cue == Cue::AnaphorOrgs
                    && let Some(last) = phrase.words.last()
                {
                    add_last_word(&mut anaphor_orgs_heads, last);
                }
                if let Some(first) = phrase.words.first()
                    && cue_firsts.insert((first.clone(), cue.index()))
                {
                    cue_starts.insert(Phrase { words: vec![first.clone()] }, cue.index() as u8);
                }
                cue_trie.insert(&phrase, cue);
                let language_in = match cue {
                    Cue::PlaceAdverbEn => Some("in"),
                    Cue::PlaceAdverbEs => Some("en"),
                    Cue::PlaceAdverbPt => Some("em"),
                    _ => None,
                };
                if let Some(language_in) = language_in
                    && let [word] = &phrase.words[..]
                {
                    place_adverbs.push((cue, word.clone(), language_in));
                }
                set.insert(phrase, ());
            }
        }
        for first in trigger_starts {
            cue_trie.insert(&Phrase { words: vec![first] }, Cue::TriggerStart);
        }
        // A DFA: it reads every byte of nearly every sentence, where the default NFA costs
        // several times more per byte (and a SIMD search, leftmost-first, as much as the DFA).
        let anaphor_heads = heads.len();
        let gate_words = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(heads.iter().chain(&discourse_words))
            .expect("plain words");
        place_adverbs.sort_by_key(|(cue, _, _)| cue.index());
        let (mut place_adverb_shapes, mut place_adverb_first) = (Shapes::default(), [0; 4]);
        for (_, word, _) in &place_adverbs {
            match word.strip_suffix('*') {
                Some(stem) => add_byte(&mut place_adverb_first, stem),
                None => place_adverb_shapes.add(word),
            }
        }
        Tables {
            predicates,
            triggers,
            trigger_phrases,
            cues,
            cue_starts,
            cue_trie,
            gate_words,
            anaphor_heads,
            anaphors,
            anaphor_orgs_heads,
            anaphor_last_words,
            place_adverbs,
            place_adverb_shapes,
            place_adverb_first,
            ids: PRED_NAMES.map(|n| predicate_names.get(n).copied()),
            predicate_names,
        }
    }

    /// Could the ASCII sentence `lower` (lower-cased) hold an anaphor ("the country" and its
    /// kin), and — asked only when `discourse` — an outlet phrase or a "from there"? Without
    /// one of their words, it cannot. (Words folded from accented ones are not found here, but
    /// a sentence holding one is not ASCII and is read anyway.)
    pub fn gates(&self, lower: &str, discourse: bool) -> (bool, bool) {
        let (mut anaphor, mut outlet) = (false, false);
        for m in self.gate_words.find_overlapping_iter(lower) {
            if m.pattern().as_usize() < self.anaphor_heads {
                anaphor = true;
            } else {
                outlet = true;
            }
            if anaphor && (outlet || !discourse) {
                break;
            }
        }
        (anaphor, outlet)
    }

    pub fn cue(&self, c: Cue) -> &PhraseSet<()> {
        &self.cues[c.index()]
    }

    /// Is `word` by itself a phrase of cue class `c`? For rules that read words before a
    /// `View` exists; a view's `is` also asks that no longer phrase starts there.
    pub fn is_word(&self, c: Cue, word: &str) -> bool {
        self.cue(c).longest_at(&[word]).is_some()
    }

    /// The "in" of the language of the place adverb `word` is ("there" gives "in"), if it is one.
    #[inline]
    pub fn place_adverb(&self, word: &str) -> Option<&'static str> {
        if !self.place_adverb_shapes.may_hold(word) && !has_byte(&self.place_adverb_first, word) {
            return None;
        }
        self.place_adverbs.iter().find(|(_, pattern, _)| Phrase::word_matches(pattern, word)).map(|&(_, _, language_in)| language_in)
    }

    /// Bit `Cue::index` set: some phrase of that cue class starts with `word`.
    pub fn cues_starting(&self, word: &str) -> u64 {
        self.cue_starts.bits_at(word)
    }

    /// The cue classes with a phrase at `words[0]` (bit `Cue::index`), and in `lens` the length
    /// of the longest phrase of each of them.
    pub fn cues_at(&self, words: &[&str], lens: &mut [u8; CUES]) -> u64 {
        let mut mask = 0;
        let trie = &self.cue_trie;
        let may_start = |w: &str| trie.first_shapes.may_hold(w) || trie.first_stems.may_begin(w);
        if !trie.nodes.is_empty() && words.first().is_some_and(|w| may_start(w)) {
            self.cue_trie.walk(0, words, 0, lens, &mut mask);
        }
        mask
    }

    /// The nodes of the cue trie one word from its root along `word`, appended to `out`: where
    /// the phrases that start with `word` go on (`cues_after`). Most words lead nowhere.
    pub fn cue_first_nodes(&self, word: &str, out: &mut Vec<u32>) {
        let trie = &self.cue_trie;
        if !trie.nodes.is_empty() && (trie.first_shapes.may_hold(word) || trie.first_stems.may_begin(word)) {
            trie.step(0, word, |n| out.push(n as u32));
        }
    }

    /// Could a cue or trigger phrase start with `word`? Told by its shape and first bytes
    /// alone; when not, `cue_first_nodes` and `trigger_phrases.candidates` give nothing.
    #[inline]
    pub fn may_start_phrase(&self, word: &str) -> bool {
        let (trie, p) = (&self.cue_trie, &self.trigger_phrases);
        trie.first_shapes.may_hold(word)
            || trie.first_stems.may_begin(word)
            || p.exact_shapes.may_hold(word)
            || p.stem_pairs.may_begin(word)
    }

    /// `cues_at`, from the nodes `cue_first_nodes` gave for `words[0]`.
    pub fn cues_after(&self, first: &[u32], words: &[&str], lens: &mut [u8; CUES]) -> u64 {
        let mut mask = 0;
        for &n in first {
            self.cue_trie.walk(n as usize, words, 1, lens, &mut mask);
        }
        mask
    }

    /// The index of the predicate called `name`: one hash look-up, the rules ask by name in
    /// every sentence (and some at every token of a type).
    /// The index of predicate `p`, if the data has it.
    #[inline]
    pub fn id(&self, p: Pred) -> Option<usize> {
        self.ids[p as usize]
    }

    pub fn predicate(&self, name: &str) -> Option<usize> {
        self.predicate_names.get(name).copied()
    }

    /// The rank a phrase at `words[0]` states, with its length in words.
    pub fn rank_at(&self, words: &[&str]) -> Option<(u32, usize)> {
        (1..=3).rev().filter_map(|r| self.cue(Cue::rank(r)?).longest_at(words).map(|n| (r, n))).max_by_key(|(_, n)| *n)
    }
}

/// A phrase's last word into the set of such words, which is given up (`None`) once one is a
/// stem: a stem's words cannot be listed.
fn add_last_word(set: &mut Option<WordSet>, last: &str) {
    if last.ends_with('*') {
        *set = None;
    } else if let Some(words) = set {
        words.extend([leak(last)]);
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn types(list: &str) -> Vec<EntityType> {
    list.split(',')
        .map(|t| {
            serde_json::from_value(serde_json::Value::String(t.trim().to_owned()))
                .unwrap_or_else(|_| panic!("predicates.tsv: unknown type {t}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_tables_load() {
        let t = Tables::get();
        assert_eq!(t.predicates.len(), 17);
        let seized = t.predicate("seized").expect("seized");
        let hits = t.trigger_phrases.matches_at(&["incautaron", "dos"]);
        assert!(hits.iter().any(|(n, tr)| *n == 1 && t.triggers[*tr].predicate == seized));
        assert_eq!(t.rank_at(&["number", "one", "producer"]), Some((1, 2)));
        assert!(t.cue(Cue::Agent).longest_at(&["por", "la", "policia"]) == Some(2));
    }
}
