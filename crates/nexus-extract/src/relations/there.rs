//! Place adverbs that refer back: "The group set up labs in the Chapare. It still operates there",
//! "Los Rastrojos llegaron a Cúcuta. Allí controlan el contrabando", "O CV chegou a Tabatinga e
//! atua lá". The adverb stands for the place named last before it (in its sentence, or else in
//! the sentence before): it becomes "in <place>", so the rules that read "operates in <place>"
//! read it too. Not "from there" ("desde allí", "daí"), which the flows read (`discourse`), and
//! not the "there" of "there are".

use super::table::{Cue, Tables};
use super::tokens::{Kind, Span, Tok};
use nexus_kb::EntityType;
use std::borrow::Cow;
use std::ops::Range;

/// Replace the first place adverb of `toks` (a sentence in `text`) by "in" and the place named
/// last before it since the start of `previous` (the sentence before). `mentions` are the
/// document's, sorted by start.
pub fn substitute(toks: &mut Vec<Tok>, text: &str, previous: Range<usize>, mentions: &[Span]) {
    let t = Tables::get();
    let is = |k: usize, c: Cue| toks.get(k).is_some_and(|x| t.is_word(c, &x.norm));
    let Some((k, word)) = (0..toks.len()).filter(|&k| matches!(toks[k].kind, Kind::Word)).find_map(|k| {
        let word = adverb(t, &toks[k], text)?;
        let refers = !(k > 0 && (is(k - 1, Cue::Origin) || is(k - 1, Cue::Via)))
            && !is(k + 1, Cue::Copula)
            && !is(k + 1, Cue::Passive)
            && toks.get(k + 1).is_none_or(|x| t.cue(Cue::FromThere).longest_at(&[toks[k].norm.as_ref(), x.norm.as_ref()]).is_none());
        refers.then_some((k, word))
    }) else {
        return;
    };
    let at = toks[k].start;
    let from = if previous.is_empty() { at } else { previous.start };
    let first = mentions.partition_point(|m| m.start < from);
    let Some(place) =
        mentions[first..].iter().take_while(|m| m.end <= at).filter(|m| matches!(m.ty, EntityType::Place | EntityType::Country)).last()
    else {
        return;
    };
    let (start, end) = (toks[k].start, toks[k].end);
    toks.splice(
        k..k + 1,
        [
            Tok { kind: Kind::Word, start, end: start, norm: Cow::Borrowed(word) },
            Tok { kind: Kind::Entity { entity: place.entity, ty: place.ty, anaphor: true }, start, end, norm: Cow::Borrowed("") },
        ],
    );
}

/// The "in" of the language of a place adverb at `tok`, if it is one (`place_adverb` cues by
/// language; Portuguese "lá" folds to the article "la", so its accent is read).
fn adverb(t: &Tables, tok: &Tok, text: &str) -> Option<&'static str> {
    // Bytes matched, not strings compared: this is asked at every word of every sentence read.
    let word = if matches!(tok.norm.as_bytes(), [b'l', b'a']) {
        if &text[tok.start..tok.end] == "lá" { "la" } else { return None }
    } else {
        tok.norm.as_ref()
    };
    t.place_adverb(word)
}
