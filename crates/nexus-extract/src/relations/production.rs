//! Where goods are made, read from the words around a production trigger: the grower named
//! after a producer noun ("coca growers in the Chapare", "productores de cocaína del Chapare")
//! and goods described before their participle ("a cannabis variety grown in Paraguay",
//! "maconha de alta potência produzida na Colômbia").

use super::frames::Candidate;
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

/// How many plain words may describe the goods before their participle ("maconha de alto teor
/// de THC cultivada"): a longer stretch is rarely one noun phrase.
const DESCRIPTION_GAP: usize = 5;

/// Plural endings of agent nouns ("producers", "growers", "productores", "cultivadoras").
const AGENT_ENDINGS: [&str; 3] = ["ers", "ores", "oras"];

/// Does token `noun` hold a bare plural agent noun opening a phrase at `first` ("com
/// produtores de", "from cocaine producers")? Growers spoken of that way are someone's
/// trading partners; with an article or number ("Paraguay, the main producer of cannabis in
/// South America", "the three coca producers") the noun describes a name before it instead.
pub(super) fn bare_producers(v: &View, first: usize, noun: usize) -> bool {
    let Some(w) = v.norms.get(noun) else { return false };
    let agent = w.chars().count() > 4 && w.ends_with('s') && AGENT_ENDINGS.iter().any(|e| w.ends_with(e));
    if !agent || first == 0 {
        return false;
    }
    let before = v.norms[first - 1];
    // A singular article ("a", "o") before a plural noun is a preposition: "a productores".
    let article = v.is(first - 1, Cue::Article) && (before == "the" || before.ends_with('s'));
    let word = before.chars().all(char::is_alphabetic) && v.toks[first - 1].entity().is_none();
    word && !article && !NUMBERS.contains(&before)
}

/// The first place of the list at `at`, and those joined to it only by coordinators, articles
/// and "in" ("in Colombia, Peru and Bolivia", "no VRAEM e em Loreto"), or past an aside
/// between commas after the coordinator ("en Colombia y, en menor medida, en el Perú"): a
/// place further on, after other words ("grown in Paraguay, police in Brazil said"), is not one of
/// them.
pub(super) fn tight_list(v: &View, at: usize, places: &[EntityType], reach: usize) -> Vec<usize> {
    let (all, _) = v.list_right(at, places, reach);
    let mut out: Vec<usize> = Vec::new();
    for k in all {
        let joined = out.last().is_none_or(|&prev| (prev + 1..k).all(|j| joining(v, j)));
        if !joined {
            break;
        }
        out.push(k);
    }
    if let Some(&last) = out.last()
        && let Some(next) = past_aside(v, last + 1)
        && v.fits(next, places)
    {
        out.extend(tight_list(v, next, places, 0));
    }
    out
}

/// Is token `j` a coordinator, an article or "in"?
fn joining(v: &View, j: usize) -> bool {
    [Cue::Coordinator, Cue::Article, Cue::Inside].iter().any(|&c| v.is(j, c))
}

/// How many words an aside between two items of a list may have ("to a lesser extent",
/// "cada vez más", "em menor escala").
const ASIDE: usize = 4;

/// "y, en menor medida, en el Perú": a word coordinator at `from`, a short aside of plain
/// words between commas, then "in" and an article at most; the token after them.
fn past_aside(v: &View, from: usize) -> Option<usize> {
    if v.norms.get(from).is_none_or(|w| *w == ",") || !v.is(from, Cue::Coordinator) || v.norms.get(from + 1) != Some(&",") {
        return None;
    }
    let close = (from + 2..(from + 3 + ASIDE).min(v.len())).find(|&j| v.norms[j] == ",")?;
    let plain = (from + 2..close).all(|j| v.toks[j].entity().is_none() && !v.trigger[j] && v.norms[j].chars().all(char::is_alphabetic));
    if close == from + 2 || !plain {
        return None;
    }
    let mut at = close + 1;
    if v.is(at, Cue::Inside) {
        at += 1;
    }
    if v.is(at, Cue::Article) {
        at += 1;
    }
    Some(at)
}

/// Number words that determine a plural noun ("the three producers", "os três produtores").
const NUMBERS: [&str; 9] = ["two", "three", "four", "dos", "tres", "cuatro", "dois", "duas", "quatro"];

/// The places right after token `after` when a from-word, "in" or "of" joins them to the goods
/// a producer noun names: "cocaine producers in the Chapare", "produtores de cocaína do
/// Chapare", "growers of coca from the Yungas and the Chapare".
pub(super) fn producer_place(v: &View, after: usize, places: &[EntityType]) -> Vec<usize> {
    // One adjective may follow the goods: "la producción de fentanilo ilícito en México".
    let after = if adjective(v, after) { after + 1 } else { after };
    let joined = [Cue::Inside, Cue::Of, Cue::Origin].iter().find_map(|&c| v.cue_at(after, c));
    let Some(n) = joined else { return Vec::new() };
    let mut at = v.past_article(after + n);
    // "en el departamento de Putumayo"
    if super::attach::place_head(v, at) && v.is(at + 1, Cue::Of) {
        at += 2;
    }
    if !v.fits(at, places) {
        return Vec::new();
    }
    tight_list(v, at, places, 0)
}

/// The goods a participle at `start` describes: the word right before it, or goods a few
/// plain words before ("a cannabis variety produced in", "cocaína de alta pureza producida
/// en"). Only goods: an organization or place before the words is not described by them.
pub(super) fn described_goods(v: &View, start: usize, goods: &[EntityType]) -> Option<usize> {
    if start > 0 && v.fits(start - 1, goods) {
        return Some(start - 1);
    }
    if !goods.iter().all(|t| *t == EntityType::Commodity) {
        return None;
    }
    let from = start.saturating_sub(DESCRIPTION_GAP + 1);
    let k = (from..start).rev().find(|&k| v.toks[k].entity().is_some())?;
    let plain = (k + 1..start).all(|j| !v.trigger[j] && v.norms[j].chars().all(char::is_alphabetic) && !v.stops(j));
    (plain && v.fits(k, goods)).then_some(k)
}

/// Endings of nouns naming the making itself ("production", "cultivation", "producción",
/// "produção" folded to "producao", "cultivo"): like a bare producer noun, such a noun takes
/// the place after its goods ("the cultivation of coca in Putumayo", "los cultivos de coca en
/// el Cauca"), article or not.
const MAKING_ENDINGS: [&str; 8] = ["tion", "tions", "cion", "ciones", "cao", "coes", "ivo", "ivos"];

/// Is the place after the goods of trigger `start..end` where they are made? For a bare plural
/// producer noun or a noun naming the making, followed by "of"/"de".
pub(super) fn place_after_goods(v: &View, start: usize, end: usize) -> bool {
    let making = v.norms.get(start).is_some_and(|w| MAKING_ENDINGS.iter().any(|s| w.ends_with(s)));
    bare_producers(v, start, start) || (making && end > start + 1 && v.is(end - 1, Cue::Of))
}

/// "coca bush cultivation in Colombia, Peru and Bolivia": a trigger ending in "in" right after
/// the goods; the places after it make them.
pub(super) fn goods_before_in(
    v: &View,
    start: usize,
    end: usize,
    goods: &[EntityType],
    places: &[EntityType],
) -> Option<(usize, Vec<usize>)> {
    if start == 0 || end < start + 2 || !v.is(end - 1, Cue::Inside) || !v.fits(start - 1, goods) {
        return None;
    }
    let at = v.past_article(end);
    let makers = tight_list(v, at, places, 0);
    (!makers.is_empty() && makers[0] == at).then_some((start - 1, makers))
}

/// A plain word at `k` that is no entity, trigger or joining word: an adjective after goods.
fn adjective(v: &View, k: usize) -> bool {
    let plain = v.norms.get(k).is_some_and(|w| w.chars().count() > 3 && w.chars().all(char::is_alphabetic));
    plain
        && v.toks[k].entity().is_none()
        && !v.trigger[k]
        && ![Cue::Inside, Cue::Of, Cue::Origin, Cue::Coordinator, Cue::Article].iter().any(|&c| v.cue_at(k, c).is_some())
}

/// "Tibú in Norte de Santander and Tumaco in Nariño have the largest areas under coca": a
/// maker found before its trigger is the last of a chain of places joined by "in" and word
/// coordinators; each place of the chain makes the goods too (a place and the region that
/// holds it). Commas are not crossed: "In Colombia, Bolivia …" fronts a place that is not a
/// maker.
pub fn apply(v: &View, out: &mut Vec<Candidate>) {
    let Some(produces) = v.t.id(super::table::Pred::Produces) else { return };
    let places = v.t.predicates[produces].subject.clone();
    let mut more = Vec::new();
    for c in out.iter().filter(|c| c.predicate == produces && c.orphan.is_none()) {
        let chain = if c.subject < c.trigger.0 { chained_left(v, c.subject, &places) } else { Vec::new() };
        for k in chain.into_iter().chain(apposed_place(v, c.trigger.0, &places)) {
            if !out.iter().chain(&more).any(|o: &Candidate| o.predicate == produces && o.subject == k && o.object == c.object) {
                more.push(Candidate::new(k, produces, c.object, c.trigger, c.strength));
            }
        }
    }
    out.extend(more);
}

/// The places before the one at `at` joined to it by "in", articles and word coordinators
/// only.
fn chained_left(v: &View, at: usize, places: &[EntityType]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut k = at;
    while k > 0 {
        k -= 1;
        let joining = v.norms[k] != "," && (v.is(k, Cue::Inside) || v.is(k, Cue::Coordinator) || v.is(k, Cue::Article));
        if v.fits(k, places) {
            found.push(k);
        } else if !joining {
            break;
        }
    }
    // A chain that opens the sentence with "in" ("In Colombia and Peru …") is fronted, not
    // named as the makers.
    if v.is(k, Cue::Inside) && k == 0 {
        return Vec::new();
    }
    found
}

/// How many plain words may open an apposition before its production noun ("la zona con mayor").
const APPOSITION: usize = 4;

/// "El VRAEM, la zona con mayor producción de hoja de coca del Perú", "the Chapare, the area
/// with the largest cultivation of coca": the place a production noun's apposition describes —
/// a comma, an article and a few plain words before the trigger at `start`.
fn apposed_place(v: &View, start: usize, places: &[EntityType]) -> Option<usize> {
    let making = v.norms.get(start).is_some_and(|w| MAKING_ENDINGS.iter().any(|s| w.ends_with(s)));
    if !making {
        return None;
    }
    let comma = (start.saturating_sub(APPOSITION + 2)..start).rev().find(|&k| v.norms[k] == ",")?;
    let plain = (comma + 2..start).all(|k| v.toks[k].entity().is_none() && !v.trigger[k] && v.norms[k].chars().all(char::is_alphabetic));
    if comma == 0 || !v.is(comma + 1, Cue::Article) || !plain {
        return None;
    }
    let mut k = comma - 1;
    if matches!(v.norms[k], ")" | "]") {
        k = (0..k).rev().find(|&j| matches!(v.norms[j], "(" | "["))?.checked_sub(1)?;
    }
    v.fits(k, places).then_some(k)
}

/// Read from how a crop is named, weaker than a trigger.
const CROP_STRENGTH: f64 = 0.8;

/// "los cultivos de coca en el Chapare", "as plantações de coca no Peru": the knowledge base
/// names the crop itself ("cultivos de coca" is coca leaf), so no trigger stands before the
/// goods. A commodity mention that opens with a noun of making and "of" is grown in the places
/// joined right after it.
pub fn crops(v: &View, text: &str, out: &mut Vec<Candidate>) {
    let Some(produces) = v.t.id(super::table::Pred::Produces) else { return };
    let places = v.t.predicates[produces].subject.clone();
    for k in 0..v.len() {
        if !v.fits(k, &[EntityType::Commodity]) || !names_crop(text.get(v.toks[k].start..v.toks[k].end).unwrap_or("")) {
            continue;
        }
        for g in producer_place(v, k + 1, &places) {
            out.push(Candidate::new(g, produces, k, (k, k + 1), CROP_STRENGTH));
        }
    }
}

/// Does a mention's surface open with a noun of making and "of" ("cultivos de", "plantações de")?
fn names_crop(surface: &str) -> bool {
    let mut words = surface.split_whitespace().map(crate::fold::fold);
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    MAKING_ENDINGS.iter().any(|e| first.ends_with(e)) && matches!(second.as_str(), "de" | "of" | "da" | "do")
}
