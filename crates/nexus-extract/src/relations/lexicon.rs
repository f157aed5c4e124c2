//! The folded words of one document, each given a small id the first time it is read, with
//! the facts the rules ask of every token worked out once per word: documents repeat their
//! words, and a token then costs one hash where it cost one look-up per question.

use super::table::{Candidate, PhraseSet, Tables, pack};
use crate::hash::FxMap;
use std::ops::Range;

/// A trigger phrase that may start at a word (`PhraseSet::candidates`).
pub type TriggerCandidate = Candidate<'static, usize>;

/// A document's words and their facts; built afresh for each document (`relations::find`),
/// reused from one sentence to the next.
pub struct Lexicon {
    t: &'static Tables,
    /// Words of up to seven bytes, packed with their length into a `u64`; longer ones as strings.
    short: FxMap<u64, u32>,
    long: FxMap<String, u32>,
    /// By id.
    words: Vec<Facts>,
    /// The ranges of `Facts`, in one buffer each.
    cue_nodes: Vec<u32>,
    triggers: Vec<TriggerCandidate>,
}

/// What a word is to the relation tables.
struct Facts {
    /// The cue-trie nodes one step from its root along the word (`Tables::cue_first_nodes`).
    cue_nodes: Range<u32>,
    /// The trigger phrases that may start with the word, read when first asked: most words
    /// are never asked.
    triggers: Option<Range<u32>>,
}

/// The id of every word that starts no phrase: it has no facts.
const NONE: u32 = 0;

/// Room for the words a document's relation sentences hold that may start a phrase: most
/// documents never grow the maps.
const WORDS: usize = 512;

impl Lexicon {
    pub fn new(t: &'static Tables) -> Lexicon {
        let mut words = Vec::with_capacity(WORDS);
        words.push(Facts { cue_nodes: 0..0, triggers: Some(0..0) });
        Lexicon {
            t,
            short: FxMap::with_capacity_and_hasher(WORDS, Default::default()),
            long: FxMap::default(),
            words,
            cue_nodes: Vec::with_capacity(WORDS),
            triggers: Vec::new(),
        }
    }

    /// The id of `word` (folded), added with its facts if new. Words no cue or trigger phrase
    /// can start with, most of them, are told by their shape and share `NONE` unhashed: the
    /// lexicon holds only the words the tables may know.
    #[inline]
    pub fn id(&mut self, word: &str) -> u32 {
        if !self.t.may_start_phrase(word) {
            return NONE;
        }
        let Lexicon { t, short, long, words, cue_nodes, .. } = self;
        let mut add = || {
            let at = cue_nodes.len() as u32;
            t.cue_first_nodes(word, cue_nodes);
            words.push(Facts { cue_nodes: at..cue_nodes.len() as u32, triggers: None });
            (words.len() - 1) as u32
        };
        match short_key(word) {
            // A look-up first: `entry` costs more, and most words are in already.
            Some(k) => match short.get(&k) {
                Some(&id) => id,
                None => *short.entry(k).or_insert_with(add),
            },
            None => match long.get(word) {
                Some(&id) => id,
                None => {
                    let id = add();
                    long.insert(word.to_owned(), id);
                    id
                }
            },
        }
    }

    /// The cue-trie nodes one step from the root along word `id`.
    #[inline]
    pub fn cue_nodes(&self, id: u32) -> &[u32] {
        let r = &self.words[id as usize].cue_nodes;
        &self.cue_nodes[r.start as usize..r.end as usize]
    }

    /// Every trigger phrase that starts `words`, whose first word is word `id`, as (length in
    /// words, trigger), longest first (`PhraseSet::matches_at`).
    pub fn triggers_at(&mut self, id: u32, words: &[&str]) -> Vec<(usize, usize)> {
        let r = match &self.words[id as usize].triggers {
            Some(r) => r.clone(),
            None => {
                let at = self.triggers.len() as u32;
                if let Some(first) = words.first() {
                    self.t.trigger_phrases.candidates(first, &mut self.triggers);
                }
                let r = at..self.triggers.len() as u32;
                self.words[id as usize].triggers = Some(r.clone());
                r
            }
        };
        PhraseSet::matches_among(&self.triggers[r.start as usize..r.end as usize], words)
    }
}

/// `word` packed with its length, if it has at most seven bytes: distinct words, distinct keys.
#[inline]
fn short_key(word: &str) -> Option<u64> {
    let n = word.len();
    if n > 7 {
        return None;
    }
    pack(word).map(|k| k | (n as u64) << 56)
}
