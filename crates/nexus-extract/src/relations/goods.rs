//! Goods and their flows as report prose tells them beyond one plain phrase: a trigger with an
//! adverb inside ("leaves mainly from", "tem origem principalmente na", "sale sobre todo
//! desde"), goods referred back to the sentence before ("Smaller quantities leave from
//! Paranaguá", "El resto sale por Guayaquil"), and a sale of goods to an organization ("sold
//! cocaine to the Sinaloa Cartel"), which makes seller and buyer cooperate.

use super::frames::{Candidate, Orphan, strength, with_coordinated};
use super::table::Cue;
use super::view::View;
use nexus_kb::EntityType;

/// How many words after a trigger's first word are read when adverbs are skipped.
const WINDOW: usize = 8;
/// How many adverbs (cue `adverb`) a trigger phrase may have between its words.
const ADVERBS: usize = 2;

/// Does the sentence hold an adverb a trigger phrase could have inside it (not at its start)?
pub fn has_adverb(v: &View) -> bool {
    v.has_cue(Cue::Adverb) && (1..v.len()).any(|k| v.cue_at(k, Cue::Adverb).is_some())
}

/// The trigger phrases starting at token `i`, as (length in tokens, trigger), longest first.
/// A phrase may have up to two adverbs between its words ("leaves mainly from", "tem origem
/// principalmente na", "is bound mostly for"): read with them skipped, it is taken when it is
/// longer than any phrase read plainly, and its span covers the adverbs.
pub fn triggers_at(v: &View, i: usize) -> Vec<(usize, usize)> {
    let t = v.t;
    // No trigger's first word at `i`: no phrase, tolerant or not, starts here.
    if !v.may_trigger(i) {
        return Vec::new();
    }
    let plain = v.triggers_at(i);
    // An adverb within reach first: the cue table answers that without a look-up.
    let last = (i + WINDOW).min(v.len());
    if !(i + 1..last).any(|k| v.cue_at(k, Cue::Adverb).is_some()) || !t.trigger_phrases.may_start(v.norms[i]) {
        return plain;
    }
    let (mut words, mut at) = (Vec::with_capacity(WINDOW), Vec::with_capacity(WINDOW));
    let (mut k, mut skipped) = (i, 0);
    while k < last {
        if let Some(n) = v.cue_at(k, Cue::Adverb).filter(|_| k > i && skipped < ADVERBS) {
            skipped += 1;
            k += n;
            continue;
        }
        words.push(v.norms[k]);
        at.push(k);
        k += 1;
    }
    let longest = plain.first().map_or(0, |&(n, _)| n);
    let tolerant: Vec<(usize, usize)> = t
        .trigger_phrases
        .matches_at(&words)
        .into_iter()
        .filter(|&(n, _)| n > longest && at[n - 1] + 1 - i > n)
        .map(|(n, tr)| (at[n - 1] + 1 - i, tr))
        .collect();
    if tolerant.is_empty() { plain } else { tolerant }
}

/// How many tokens after the opening phrase the flow's words may start.
const OPENING_GAP: usize = 4;

/// Does the sentence open with the goods referred back, the trigger at `start` following
/// shortly with no name between: "Smaller quantities leave from …", "El resto sale por …",
/// "A carga segue para …"? Such a flow carries what the sentence before moved.
pub fn referred_back(v: &View, start: usize) -> bool {
    let remainder = [0, v.past_article(0)].into_iter().find_map(|k| v.cue_at(k, Cue::Remainder).map(|n| k + n));
    let Some(end) = remainder.or_else(|| v.cue_at(0, Cue::Goods)) else { return false };
    end <= start && start - end <= OPENING_GAP && (end..start).all(|k| v.toks[k].entity().is_none())
}

/// The origins of a flow with no goods and no destination named, in a sentence that refers
/// back to the goods (`referred_back`): each exports what the sentence before moved. The
/// candidate's object is the origin itself until the main loop puts the goods there
/// (`Orphan::Goods`).
pub fn carried_exports(v: &View, start: usize, end: usize, origins: &[usize], out: &mut Vec<Candidate>) {
    let Some(exports) = v.t.id(super::table::Pred::Exports) else { return };
    if !referred_back(v, start) {
        return;
    }
    for &o in origins {
        let mut c = Candidate::new(o, exports, o, (start, end), strength(o.saturating_sub(end)));
        c.orphan = Some(Orphan::Goods);
        out.push(c);
    }
}

/// The goods flows of the sentence before: what a sentence referring back to them carries.
#[derive(Default)]
pub struct Carried {
    goods: Option<(usize, Vec<usize>)>,
}

impl Carried {
    /// The goods (entity indices) the flows of sentence `idx - 1` moved.
    pub fn before(&self, idx: usize) -> &[usize] {
        self.goods.as_ref().filter(|(at, _)| at + 1 == idx).map_or(&[], |(_, g)| g.as_slice())
    }

    /// Sentence `idx`, read: the goods its flows moved (`ships_to` commodities, `exports` objects).
    pub fn read(&mut self, idx: usize, goods: Vec<usize>) {
        self.goods = (!goods.is_empty()).then_some((idx, goods));
    }
}

/// How many tokens may stand between a verb of selling and the goods it sells ("sold large
/// quantities of cocaine").
const GOODS_GAP: usize = 4;
/// How far after the buyer word the buyer may be named ("to Mexican cartels, including the
/// Sinaloa Cartel").
const BUYER_REACH: usize = 6;
/// How far back the seller may stand, in tokens.
const SELLER_REACH: usize = 40;

/// "… and sold cocaine to Mexican cartels, including the Sinaloa Cartel", "vendía cocaína al
/// Cártel de Sinaloa", "vendia cocaína para o PCC": the seller, the subject before the verb,
/// cooperates with the buyer named after the goods and a buyer word. Only with the goods
/// between: "sold to" alone may sell anything, a gang's rival territory included.
pub fn sale(v: &View, predicate: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let p = &v.t.predicates[predicate];
    let commodity = [EntityType::Commodity];
    let Some(goods) = (end..(end + GOODS_GAP).min(v.len()))
        .take_while(|&k| v.toks[k].entity().is_none() || v.fits(k, &commodity))
        .find(|&k| v.fits(k, &commodity))
    else {
        return;
    };
    // "cocaine and heroin to …": past the goods listed.
    let mut after = goods + 1;
    while v.fits(after, &commodity) || (v.is(after, Cue::Coordinator) && v.fits(after + 1, &commodity)) {
        after += 1;
    }
    let Some(n) = v.cue_at(after, Cue::Buyer) else { return };
    let (buyers, _) = v.list_right(after + n, &p.object, BUYER_REACH);
    let Some(seller) = v.subject_left(start, &p.subject, SELLER_REACH) else { return };
    super::frames::pairs(&with_coordinated(v, seller, &p.subject), &buyers, predicate, (start, end), out, v);
}

/// The goods (entity indices) the flows among `found` (a sentence's relations) moved: the
/// commodity of each `ships_to`, the object of each `exports`. Not goods the knowledge base
/// knows as cover loads ("containers of sugar, coffee and frozen chicken bound for Antwerp"):
/// what refers back to a shipment means the drugs, not what hid them; with only cover loads
/// named for the flow, the goods seized in the same sentence are what it moved ("seized 20
/// tonnes of cocaine in Santos, much of it hidden in containers of sugar bound for Antwerp").
pub fn moved(found: &[(usize, super::Relation)], entities: &[crate::ExtractedEntity], kb: &nexus_kb::KnowledgeBase) -> Vec<usize> {
    let cover = |e: usize| entities[e].in_kb && kb.get(&entities[e].id).and_then(|k| k.kind.as_deref()) == Some("concealment");
    let goods = |predicates: &[&str]| {
        let mut out: Vec<usize> = Vec::new();
        let mut flows = false;
        for (_, r) in found {
            let id = match r.predicate.as_str() {
                "ships_to" => r.qualifiers.commodity.as_deref(),
                p if predicates.contains(&p) => Some(r.object.as_str()),
                _ => None,
            };
            flows |= r.predicate == "ships_to" || r.predicate == "exports";
            if let Some(e) = id.and_then(|id| entities.iter().position(|e| e.id == id))
                && !cover(e)
                && !out.contains(&e)
            {
                out.push(e);
            }
        }
        (out, flows)
    };
    match goods(&["exports"]) {
        (out, true) if out.is_empty() => goods(&["exports", "seized"]).0,
        (out, _) => out,
    }
}

/// Could a sentence (lower-cased) refer back to goods (`referred_back`)? Its first word may
/// open a remainder or goods phrase, or be an article before one. A sentence with a single
/// mention is read after a flow only then.
pub fn may_refer_back(lower: &str) -> bool {
    let t = super::table::Tables::get();
    let first = lower.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    [Cue::Remainder, Cue::Goods, Cue::Article].iter().any(|&c| t.cue(c).may_start(first))
}

/// How far before an origin phrase the goods and their relative clause may start, in tokens.
const RELATIVE_REACH: usize = 20;

/// "A cocaína que sai pelo Nordeste tem origem na Bolívia", "La cocaína que llega a Valencia
/// proviene de Colombia", "The cocaine that leaves through Santos originates in Bolivia": goods
/// whose relative clause moves them through a place, then a phrase naming where they leave
/// from (the trigger at `start`). The places of that clause are where the goods go from there.
pub fn relative_clause_places(v: &View, start: usize, places: &[EntityType]) -> Vec<usize> {
    let stop = |k: usize| v.norms[k] == "(" || v.ends_clause(k);
    let Some(rel) = (start.saturating_sub(RELATIVE_REACH)..start)
        .rev()
        .take_while(|&k| !stop(k))
        .find(|&k| v.cue_at(k, Cue::Relative) == Some(1) && k > 0 && v.fits(k - 1, &[EntityType::Commodity]))
    else {
        return Vec::new();
    };
    let Some(verb) = (rel + 1..start).find(|&k| v.flow_trigger[k]) else { return Vec::new() };
    let after = (verb..start).find(|&k| !v.flow_trigger[k]).unwrap_or(start);
    v.list_right(after, places, 4).0.into_iter().filter(|&p| p < start).collect()
}
