//! Mentions grouped into the document's entities, in the shape of ONTOLOGY.md.

use crate::discover::Found;
use crate::fold::fold;
use crate::matcher::KbMention;
use nexus_kb::{EntityType, KnowledgeBase};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedEntity {
    /// The knowledge-base id.
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: &'static str,
    pub in_kb: bool,
    pub unnamed: bool,
    pub mentions: Vec<Mention>,
}

/// Which entity a mention belongs to: a knowledge-base entry, or a learned name's type and
/// folded name (borrowed from the learned mention's key).
#[derive(Clone, Copy)]
enum Key<'a> {
    Kb(usize),
    Learned(EntityType, &'a str),
}

/// One entity per knowledge-base entry mentioned and per learned name (type and folded name),
/// in order of first mention; mentions in text order.
pub fn group(kb: &KnowledgeBase, text: &str, mentions: &[KbMention], learned: &[Found]) -> Vec<ExtractedEntity> {
    // The known people the document names, each name folded once, when a learned person needs them.
    let known_people = std::cell::OnceCell::new();
    let known_people = || {
        known_people.get_or_init(|| {
            let mut people: Vec<usize> =
                mentions.iter().map(|m| m.entity).filter(|&i| kb.entities()[i].entity_type == EntityType::Person).collect();
            people.sort_unstable();
            people.dedup();
            people.iter().flat_map(|&i| kb.entities()[i].names().map(move |n| (i, fold(n)))).collect::<Vec<(usize, String)>>()
        })
    };
    // Each learned mention's knowledge-base entry, or else its folded name.
    let learned_keys: Vec<Result<usize, String>> = learned
        .iter()
        .map(|f| match f.kb_entity {
            Some(i) => Ok(i),
            None if f.entity_type == EntityType::Person => {
                let folded = fold(&f.name);
                kb.person_named(&folded).or_else(|| surname_of(known_people(), &folded)).ok_or(folded)
            }
            None => Err(fold(&f.name)),
        })
        .collect();
    // Every mention as (start, end, source): a knowledge-base mention's index, or a learned
    // one's after them; in text order, the longer first, a knowledge-base mention first on a tie.
    let kb_spans = mentions.iter().enumerate().map(|(k, m)| (m.start, m.end, k));
    let learned_spans = learned.iter().enumerate().map(|(k, f)| (f.start, f.end, mentions.len() + k));
    let mut all = in_text_order(kb_spans, learned_spans, mentions.len() + learned.len());
    // The entity of a mention's source.
    let key_of = |source: usize| match source.checked_sub(mentions.len()) {
        None => Key::Kb(mentions[source].entity),
        Some(k) => match &learned_keys[k] {
            Ok(i) => Key::Kb(*i),
            Err(folded) => Key::Learned(learned[k].entity_type, folded),
        },
    };
    // Each entity's first mention (its source) and number of mentions, in order of first
    // mention; each mention's source is replaced by its entity's slot there.
    // Reserved for the entities of a report (a few dozen), which grown from empty it was copied
    // several times.
    let mut firsts: Vec<(usize, usize)> = Vec::with_capacity(all.len().min(64));
    // Sized for every mention its own entity (up to a long report's entities): grown from
    // empty it was rehashed several times per document. Entries and learned names apart: most
    // mentions are of entries, and an index is hashed and compared cheaper than a `Key`.
    let mut entries: crate::hash::FxMap<usize, usize> =
        crate::hash::FxMap::with_capacity_and_hasher(all.len().min(1024), Default::default());
    let mut names: crate::hash::FxMap<(EntityType, &str), usize> =
        crate::hash::FxMap::with_capacity_and_hasher(learned.len().min(1024), Default::default());
    for a in &mut all {
        let new = || {
            firsts.push((a.2, 0));
            firsts.len() - 1
        };
        let slot = match key_of(a.2) {
            Key::Kb(i) => *entries.entry(i).or_insert_with(new),
            Key::Learned(t, folded) => *names.entry((t, folded)).or_insert_with(new),
        };
        firsts[slot].1 += 1;
        a.2 = slot;
    }
    // Each entity's list made to its size once rather than grown by doubling (a long report
    // names one entry hundreds of times).
    let mut out: Vec<ExtractedEntity> = firsts
        .iter()
        .map(|&(source, n)| match key_of(source) {
            Key::Kb(i) => {
                let e = &kb.entities()[i];
                let (id, name) = (e.id.clone(), e.name.clone());
                ExtractedEntity {
                    id,
                    name,
                    entity_type: e.entity_type.as_str(),
                    in_kb: true,
                    unnamed: false,
                    mentions: Vec::with_capacity(n),
                }
            }
            Key::Learned(t, folded) => {
                // A learned key's first mention is a learned one.
                let f = &learned[source - mentions.len()];
                ExtractedEntity {
                    id: learned_id(t, folded),
                    name: f.name.clone(),
                    entity_type: t.as_str(),
                    in_kb: false,
                    unnamed: f.unnamed,
                    mentions: Vec::with_capacity(n),
                }
            }
        })
        .collect();
    for (start, end, slot) in all {
        out[slot].mentions.push(Mention { text: text[start..end].to_owned(), start, end });
    }
    out
}

/// The spans of `a` then `b` (start, end, source) as a stable sort by start, the longer first,
/// puts them. Each list comes in text order (`discover::find_each`), mostly in that order already: it
/// is then merged, not sorted.
fn in_text_order(
    a: impl Iterator<Item = (usize, usize, usize)> + Clone,
    b: impl Iterator<Item = (usize, usize, usize)> + Clone,
    len: usize,
) -> Vec<(usize, usize, usize)> {
    let key = |s: (usize, usize, usize)| (s.0, std::cmp::Reverse(s.1));
    let mut all = Vec::with_capacity(len);
    if a.clone().is_sorted_by_key(key) && b.clone().is_sorted_by_key(key) {
        let (mut a, mut b) = (a.peekable(), b.peekable());
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            // On a tie the first list's span goes first, as a stable sort leaves it.
            let next = if key(*y) < key(*x) { b.next() } else { a.next() };
            all.extend(next);
        }
        all.extend(a);
        all.extend(b);
    } else {
        all.extend(a);
        all.extend(b);
        all.sort_by_key(|s| key(*s));
    }
    all
}

/// The one known person (entry, folded name) whose name ends with `folded` ("Guzmán López" after
/// "Joaquín Guzmán López"). A person named in full around a nickname ("Ismael 'El Mayo'
/// Zambada", read as "Ismael Zambada") is found by `person_named` before this.
fn surname_of(known: &[(usize, String)], folded: &str) -> Option<usize> {
    // The byte before the suffix is read first: it rejects most names without a compare.
    let ends_with = |n: &str| n.len() > folded.len() && n.as_bytes()[n.len() - folded.len() - 1] == b' ' && n.ends_with(folded);
    let mut hits = known.iter().filter(|(_, n)| ends_with(n)).map(|&(i, _)| i);
    let first = hits.next()?;
    hits.all(|i| i == first).then_some(first)
}

/// A stable id for an entity the knowledge base does not hold: its type and folded name, so the
/// same name in two documents is the same id ("doc:criminal_org:los-lobos").
fn learned_id(t: EntityType, folded: &str) -> String {
    // Written into one string made to its size, not formatted from a second one.
    let prefix = ["doc:", t.as_str(), ":"];
    let mut id = String::with_capacity(prefix.iter().map(|p| p.len()).sum::<usize>() + folded.len());
    id.extend(prefix);
    let slug_start = id.len();
    for w in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if id.len() > slug_start {
            id.push('-');
        }
        id.push_str(w);
    }
    id
}

#[cfg(test)]
mod tests {
    /// Merged or sorted, the spans come out as the stable sort of both lists put them.
    #[test]
    fn in_text_order_is_the_stable_sort() {
        let lists: [&[(usize, usize)]; 4] = [&[(0, 5), (3, 4), (3, 9), (7, 8)], &[(1, 2), (3, 9), (3, 4), (7, 8)], &[], &[(3, 4)]];
        for a in lists {
            for b in lists {
                let a_spans = a.iter().enumerate().map(|(k, &(s, e))| (s, e, k));
                let b_spans = b.iter().enumerate().map(|(k, &(s, e))| (s, e, a.len() + k));
                let mut want: Vec<_> = a_spans.clone().chain(b_spans.clone()).collect();
                want.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
                assert_eq!(super::in_text_order(a_spans, b_spans, a.len() + b.len()), want, "{a:?} {b:?}");
            }
        }
    }
}
