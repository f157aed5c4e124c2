//! How the words of a route mark its destination: verbs of going that reach their end only
//! at an until-word ("desce o rio Solimões até Manaus", "continues downriver as far as
//! Asunción"), and the noun of a kind of place before the name ("toward the Honduran
//! department of Gracias a Dios"), which is a word of another frame and would stop the list.

use super::table::{Cue, Frame};
use super::view::View;
use nexus_kb::EntityType;

/// How many words may stand between a to-word and the kind of place that the name follows
/// ("the Honduran department of"): an article and one qualifier.
const NOUN_WORDS: usize = 2;

/// May the to-word at token `i` mark where the movement of frame `frame` ends? For a verb of
/// going (`Frame::Until`) only an until-word does: "desce a hidrovia … até portos do Uruguai"
/// goes down the waterway and ends at the ports.
pub fn may_end(v: &View, frame: Frame, i: usize) -> bool {
    frame != Frame::Until || v.cue_at(i, Cue::Until).is_some()
}

/// "toward the Honduran department of Gracias a Dios", "hacia el departamento de Gracias a
/// Dios", "para o estado do Amazonas": where the place after a to-word (token `from`) is
/// introduced by a kind of place and "of", the token of the name; else `from`. A kind of place
/// that is no trigger word lets the list read on by itself.
pub fn past_place_noun(v: &View, from: usize, places: &[EntityType]) -> usize {
    if let Some(k) = possessed_place(v, from, places) {
        return k;
    }
    let head = (from..(from + NOUN_WORDS + 1).min(v.len()))
        .take_while(|&k| v.toks[k].entity().is_none() && v.norms[k].chars().all(char::is_alphabetic))
        .find(|&k| super::attach::place_head(v, k));
    let Some(head) = head.filter(|&h| v.trigger[h]) else { return from };
    let name = v.cue_at(head + 1, Cue::Of).map(|n| head + 1 + n);
    match name {
        Some(k) if v.fits(k, places) => k,
        Some(k) if v.is(k, Cue::Article) && v.fits(k + 1, places) => k + 1,
        _ => from,
    }
}

/// The items of a list with each possessive place replaced by the place it owns ("from La
/// Guajira and from Venezuela's Falcón coast": Falcón).
pub fn owned(v: &View, items: Vec<usize>, places: &[EntityType]) -> Vec<usize> {
    items.into_iter().map(|k| possessed_place(v, k, places).unwrap_or(k)).collect()
}

/// "from Venezuela's Falcón coast", "from Brazil's Pará state": the place a possessive place
/// right at `from` (or after an article) owns is the end; the owner only says where it lies.
fn possessed_place(v: &View, from: usize, places: &[EntityType]) -> Option<usize> {
    let k = v.past_article(from);
    let owner = v.fits(k, places) && matches!(v.norms.get(k + 1), Some(&"'") | Some(&"’")) && v.norms.get(k + 2) == Some(&"s");
    (owner && v.fits(k + 3, places)).then_some(k + 3)
}

/// Does token `i` open the next movement after a verb of going's (`Frame::Until`, trigger
/// ending at `end`)? "desce o rio até Manaus e, de lá, segue para Belém": the second verb's
/// places are its own, whatever words stand before them.
/// "con destino a Lomé, y … 480 kilos … que seguiría para Algeciras": so does a destination
/// phrase's (`Frame::Supply`).
pub fn next_verb(v: &View, frame: Frame, end: usize, i: usize) -> bool {
    matches!(frame, Frame::Until | Frame::Supply) && i >= end && v.flow_trigger[i]
}

/// How many of the `items` of a list read from token `from` come before a via-word ("até
/// Manaus, passando por municípios como Tefé e Coari"): those after it are passed through,
/// not ends.
pub fn before_via(v: &View, from: usize, items: &[usize]) -> usize {
    items.iter().position(|&k| (from..k).any(|j| v.cue_at(j, Cue::Via).is_some())).unwrap_or(items.len())
}

/// How far before a flow's words the place of a seizure may stand, in tokens.
const SEIZED_REACH: usize = 15;
/// How many words may stand between a seizure verb and its place ("found at the port of").
const SEIZED_PLACE_WORDS: usize = 5;

/// "480 quilos foram encontrados no Porto de Natal em uma carga que seguiria para Algeciras",
/// "seized at Callao in a container bound for Rotterdam": goods seized at a place on their way
/// to another left from there. The nearest place before the flow's words (token `start`), in
/// its clause and with no other movement between, when a seizure verb stands right before it.
pub fn seized_at(v: &View, start: usize, places: &[EntityType]) -> Option<usize> {
    let p = (start.saturating_sub(SEIZED_REACH)..start)
        .rev()
        .take_while(|&k| !v.flow_trigger[k] && !matches!(v.norms[k], "." | ";") && v.cue_at(k, Cue::ClauseBreak).is_none())
        .find(|&k| v.fits(k, places))?;
    let seized = v.t.id(super::table::Pred::Seized)?;
    let last = (p.saturating_sub(SEIZED_PLACE_WORDS)..p).rev().take_while(|&k| v.toks[k].entity().is_none()).find(|&k| v.trigger[k])?;
    // The trigger's first word: "seized at" is marked on both.
    let verb = (0..=last).rev().take_while(|&k| v.trigger[k]).last().unwrap_or(last);
    let said = v.triggers_at(verb).iter().any(|&(_, tr)| v.t.triggers[tr].predicate == seized);
    (said && (verb + 1..p).any(|k| v.is(k, Cue::Locative))).then_some(p)
}

/// "dentro da Terra Indígena Vale do Javari", "cerca de Iquitos", "perto de Tabatinga": does a
/// locative of two or three words, ending in its "of", end right before token `k`? The place
/// after it is where something happens, not the complement of a noun.
pub fn locative_of(v: &View, k: usize) -> bool {
    (k.saturating_sub(3)..k.saturating_sub(1)).any(|j| v.cue_at(j, Cue::Locative) == Some(k - j))
}

/// How many words (an article, "main") may stand between a causative verb and the outlet phrase.
const CAUSATIVE_GAP: usize = 3;

/// "Ecuador produces almost no coca, but … its container terminals have made it the main
/// departure point for cocaine bound for Europe", "sus puertos lo han convertido en el principal
/// punto de salida": a causative verb ending a few words before the outlet phrase at `start`
/// makes its pronoun that place, and the pronoun stands for the place that opens the sentence
/// (after an article at most). Any other opening names nothing.
pub fn made_it(v: &View, start: usize, places: &[EntityType]) -> Option<usize> {
    let said = (start.saturating_sub(CAUSATIVE_GAP + 4)..start).any(|j| {
        v.cue_at(j, Cue::Causative).is_some_and(|n| j + n <= start && start - (j + n) <= CAUSATIVE_GAP)
            && (j + 1..start).all(|k| v.toks[k].entity().is_none())
    });
    let first = v.past_article(0);
    (said && first < start && v.fits(first, places)).then_some(first)
}

/// How many tokens an apposition between a flow's origin and its verb may take.
const APPOSITION_TOKENS: usize = 10;

/// "a Terra Indígena Vale do Javari, a segunda maior do Brasil, abastece mercados em Tabatinga",
/// "Madre de Dios, the epicentre of illegal mining in Peru, supplies …": where a comma right
/// before the flow's words (token `start`) closes an apposition to a place (", the …", ", a …"),
/// the token its opening comma stands at, so that the origin is sought before it: a place inside
/// the apposition only describes the one before. Else `start`.
pub fn past_apposition(v: &View, start: usize, places: &[EntityType]) -> usize {
    if start < 2 || v.norms[start - 1] != "," {
        return start;
    }
    let close = start - 1;
    let Some(open) = (close.saturating_sub(APPOSITION_TOKENS)..close).rev().find(|&j| v.norms[j] == ",") else { return start };
    let plain = (open + 1..close).all(|k| {
        !v.trigger[k]
            && !matches!(v.norms[k], "(" | ")" | ";" | ":")
            && v.cue_at(k, Cue::ClauseBreak).is_none()
            && v.cue_at(k, Cue::Relative).is_none()
    });
    let apposed = open > 0 && v.is(open + 1, Cue::Article) && v.fits(open - 1, places);
    if plain && apposed { open } else { start }
}
