//! Reading a tokenized sentence: cue phrases at a position, parentheses, the subject before a
//! trigger and the coordinated list after it. The frames are written with these.

use super::lexicon::Lexicon;
use super::table::{CUES, Cue, Tables};
use super::tokens::Tok;
use nexus_kb::EntityType;
use std::cell::{Cell, OnceCell, RefCell};

pub struct View<'s> {
    pub toks: &'s [Tok<'s>],
    pub norms: Vec<&'s str>,
    /// The document's words: the cue table reads the sentence's into it.
    lex: RefCell<&'s mut Lexicon>,
    /// Token `i` belongs to a trigger phrase: lists and subjects do not run across one.
    pub trigger: Vec<bool>,
    /// Token `i` belongs to a trigger of goods moving (flow, supply, depart, arrive, import).
    pub flow_trigger: Vec<bool>,
    pub t: &'static Tables,
    /// The cue phrases at each token, read once when first asked: the rules ask `cue_at`
    /// some twenty times per token.
    cues: OnceCell<CueTable>,
    /// The buffers of an earlier sentence's cue table, refilled rather than allocated anew.
    spare: Cell<CueTable>,
}

/// The buffers of a sentence's view, handed from one sentence to the next (`View::reusing`,
/// `View::into_scratch`): most sentences read would otherwise allocate four of them.
#[derive(Default)]
pub struct Scratch {
    trigger: Vec<bool>,
    flow_trigger: Vec<bool>,
    cues: CueTable,
}

/// Per token, its word in the document's lexicon, the cue classes with a phrase there (bit
/// `Cue::index`) and the length of the longest phrase of each; and the classes whose longest
/// phrase at one of the four tokens up to it ends there (`View::cue_ends_at`, asked at most
/// tokens a subject or list is sought across).
#[derive(Default)]
struct CueTable {
    ids: Vec<u32>,
    masks: Vec<u64>,
    lens: Vec<[u8; CUES]>,
    ends: Vec<u64>,
    /// The classes with a phrase anywhere in the sentence.
    any: u64,
}

impl CueTable {
    /// The table of `norms`, filled into the buffers of `self`, their words read into `lex`. A
    /// word that starts no cue phrase, most of them, costs one look-up of its facts.
    fn fill(mut self, t: &Tables, norms: &[&str], lex: &mut Lexicon) -> CueTable {
        self.ids.clear();
        self.ids.extend(norms.iter().map(|w| lex.id(w)));
        self.lens.clear();
        self.lens.resize(norms.len(), [0; CUES]);
        self.masks.clear();
        let lens = &mut self.lens;
        self.masks.extend(self.ids.iter().enumerate().map(|(i, &id)| match lex.cue_nodes(id) {
            [] => 0,
            first => t.cues_after(first, &norms[i..], &mut lens[i]),
        }));
        self.any = self.masks.iter().fold(0, |any, &m| any | m);
        self.ends.clear();
        self.ends.resize(norms.len(), 0);
        for (j, &mask) in self.masks.iter().enumerate() {
            let mut bits = mask;
            while bits != 0 {
                let c = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let n = usize::from(self.lens[j][c]);
                if (1..=4).contains(&n) {
                    self.ends[j + n - 1] |= 1 << c;
                }
            }
        }
        self
    }
}

/// How far after a passive verb its agent may stand, in tokens: "capturados el pasado 3 de
/// octubre en Turbo, Apartadó y Necoclí (Antioquia), y en Montería (Córdoba), por uniformados
/// de la DIJIN" puts the when and where first.
const AGENT_REACH: usize = 32;

/// How many tokens may separate two items of one list.
const LIST_GAP: usize = 6;

impl<'s> View<'s> {
    /// The view of `toks`, in the buffers of `scratch`; their words are read into `lex` when
    /// first asked about.
    pub fn reusing(toks: &'s [Tok<'s>], scratch: Scratch, lex: &'s mut Lexicon) -> View<'s> {
        let Scratch { mut trigger, mut flow_trigger, cues } = scratch;
        trigger.clear();
        trigger.resize(toks.len(), false);
        flow_trigger.clear();
        flow_trigger.resize(toks.len(), false);
        View {
            toks,
            norms: toks.iter().map(|t| t.norm.as_ref()).collect(),
            trigger,
            flow_trigger,
            lex: RefCell::new(lex),
            t: Tables::get(),
            cues: OnceCell::new(),
            spare: Cell::new(cues),
        }
    }

    /// The view's buffers, for the next sentence's.
    pub fn into_scratch(self) -> Scratch {
        let cues = self.cues.into_inner().unwrap_or_else(|| self.spare.into_inner());
        Scratch { trigger: self.trigger, flow_trigger: self.flow_trigger, cues }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Length of the longest `cue` phrase starting at token `i`.
    #[inline]
    pub fn cue_at(&self, i: usize, cue: Cue) -> Option<usize> {
        let table = self.table();
        let c = cue.index();
        (table.masks.get(i)? & (1 << c) != 0).then(|| usize::from(table.lens[i][c]))
    }

    /// The cue table, filled when first asked for.
    #[inline]
    fn table(&self) -> &CueTable {
        self.cues.get_or_init(|| self.spare.take().fill(self.t, &self.norms, &mut self.lex.borrow_mut()))
    }

    /// Every trigger phrase of `norms[i..end]` that starts at `i`, as (length in words,
    /// trigger), longest first: `trigger_phrases.matches_at`, trying only the phrases the
    /// lexicon keeps for the word.
    pub fn triggers_in(&self, i: usize, end: usize) -> Vec<(usize, usize)> {
        match self.table().ids.get(i) {
            Some(&id) if i < end => self.lex.borrow_mut().triggers_at(id, &self.norms[i..end]),
            _ => Vec::new(),
        }
    }

    /// `triggers_in` up to the sentence's end.
    pub fn triggers_at(&self, i: usize) -> Vec<(usize, usize)> {
        self.triggers_in(i, self.len())
    }

    /// Has the sentence a `cue` phrase anywhere? Rules that start from one ask once, not at
    /// every token.
    pub fn has_cue(&self, cue: Cue) -> bool {
        self.table().any & (1 << cue.index()) != 0
    }

    /// Can a trigger phrase start at token `i`? Read from the cue table: most tokens are no
    /// trigger's first word, and need no look-up of their own.
    pub fn may_trigger(&self, i: usize) -> bool {
        self.cue_at(i, Cue::TriggerStart).is_some()
    }

    /// Is token `i` a one-word `cue` ("in", "the", "of")?
    pub fn is(&self, i: usize, cue: Cue) -> bool {
        self.cue_at(i, cue) == Some(1)
    }

    /// Does a `cue` phrase end at token `i` (inclusive)?
    #[inline]
    pub fn cue_ends_at(&self, i: usize, cue: Cue) -> bool {
        self.table().ends.get(i).is_some_and(|&m| m & (1 << cue.index()) != 0)
    }

    pub fn fits(&self, i: usize, types: &[EntityType]) -> bool {
        self.toks.get(i).and_then(Tok::entity).is_some_and(|(_, ty)| types.contains(&ty))
    }

    pub fn entity(&self, i: usize) -> Option<usize> {
        self.toks.get(i).and_then(Tok::entity).map(|(e, _)| e)
    }

    /// The token after the parenthesis that opens at `i`.
    pub fn past_parens(&self, i: usize) -> usize {
        let mut depth = 0usize;
        for k in i..self.len() {
            match self.norms[k] {
                "(" | "[" => depth += 1,
                ")" | "]" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return k + 1;
                    }
                }
                _ => {}
            }
        }
        self.len()
    }

    /// The opening parenthesis of the one that closes at `i`.
    fn before_parens(&self, i: usize) -> usize {
        let mut depth = 0usize;
        for k in (0..=i).rev() {
            match self.norms[k] {
                ")" | "]" => depth += 1,
                "(" | "[" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return k;
                    }
                }
                _ => {}
            }
        }
        0
    }

    /// The comma opening a locative aside that the comma at `i` closes ("Madre de Dios, in
    /// Peru's Amazon on the borders of Brazil and Bolivia, has been …"): places named in the
    /// aside say where the subject is, they are not the subject.
    fn aside_open(&self, i: usize) -> Option<usize> {
        if let Some(k) = self.relative_aside_open(i) {
            return Some(k);
        }
        for k in (i.saturating_sub(20)..i).rev() {
            if self.trigger[k] || (self.norms[k] != "," && self.cue_ends_at(k, Cue::ClauseBreak)) {
                return None;
            }
            if self.norms[k] == "," {
                return (k > 0 && (self.cue_at(k + 1, Cue::Locative).is_some() || self.noun_of_aside(k, i) || self.org_apposition(k, i)))
                    .then_some(k);
            }
        }
        None
    }

    /// ", cuyo líder es alias Fito,", ", which is led by X,", ", however,": a clause set off by
    /// commas that opens with a relative pronoun or a clause word describes or qualifies the
    /// name before it, and the verb after the comma at `i` is still that name's. The comma
    /// opening it, with no sentence break between.
    fn relative_aside_open(&self, i: usize) -> Option<usize> {
        let opens = |k: usize| {
            self.norms[k] == "," && (self.cue_at(k + 1, Cue::Relative).is_some() || self.cue_at(k + 1, Cue::ClauseBreak).is_some())
        };
        (i.saturating_sub(20)..i).rev().take_while(|&k| !matches!(self.norms[k], ";" | ":" | "." | "(" | ")")).find(|&k| opens(k))
    }

    /// ", vizinho de Mato Grosso do Sul,", ", neighbour of Brazil,": an aside of one noun and
    /// "of" a name between the commas at `open` and `close` describes the name before it, and
    /// the name inside is not the subject.
    fn noun_of_aside(&self, open: usize, close: usize) -> bool {
        let noun = open + 1;
        let name = self.past_article(noun + 2);
        self.toks.get(noun).is_some_and(|t| t.entity().is_none() && t.norm.chars().all(char::is_alphabetic))
            && self.is(noun + 1, Cue::Of)
            && self.entity(name).is_some()
            && name + 1 == close
    }

    /// ", the largest gang in Ecuador,", ", una de las facciones más violentas del país,",
    /// ", Ecuador's largest criminal group,": an apposition between the commas at `open` and
    /// `close` that describes the organization right before it (an article or a place's
    /// possessive, then an organization noun) names no doer; a place inside says where the
    /// organization is.
    fn org_apposition(&self, open: usize, close: usize) -> bool {
        let orgs = [EntityType::CriminalOrg, EntityType::ArmedGroup];
        let possessive = |k: usize| {
            self.fits(k, &[EntityType::Country, EntityType::Place])
                && matches!(self.norms.get(k + 1), Some(&"'") | Some(&"’"))
                && self.norms.get(k + 2) == Some(&"s")
        };
        open > 0
            && self.fits(open - 1, &orgs)
            && (self.is(open + 1, Cue::Article) || possessive(open + 1))
            && (open + 2..close).any(|k| self.is(k, Cue::OrgNoun))
            && (open + 2..close).all(|k| !self.fits(k, &orgs) && !self.trigger[k])
    }

    /// Does the clause of goods moving end at token `i`: ";", a clause break, or a relative
    /// after a comma (", which links Peru to Rio Branco" starts a clause of its own)?
    pub fn ends_movement(&self, i: usize) -> bool {
        let relative = i > 0 && self.norms[i - 1] == "," && self.cue_at(i, Cue::Relative).is_some();
        self.norms[i] == ";" || self.cue_at(i, Cue::ClauseBreak).is_some() || relative
    }

    pub fn stops(&self, i: usize) -> bool {
        self.trigger[i] || self.ends_clause(i)
    }

    /// Does a clause end at token `i` (a clause break — ";", ":", "which", "mientras" … — or the
    /// sentence's end)? Unlike `stops`, a relation's words do not end it: rules that read a phrase
    /// made of trigger words ("supply routes", "exportação de") ask this.
    pub fn ends_clause(&self, i: usize) -> bool {
        self.cue_at(i, Cue::ClauseBreak).is_some() || matches!(self.norms[i], "." | "!" | "?")
    }

    /// Is token `k` a plain word: in the sentence, no name, letters only?
    pub fn plain_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.entity().is_none() && !t.norm.is_empty() && t.norm.chars().all(char::is_alphabetic))
    }

    /// The nearest entity of `types` before token `before`, within `reach` tokens of the same
    /// clause. A relative pronoun hands over the entity right before it ("the cartel, which
    /// controls …"); an entity just after another trigger is that trigger's object.
    pub fn subject_left(&self, before: usize, types: &[EntityType], reach: usize) -> Option<usize> {
        // "El CJNG … disputa … con Los Caballeros Templarios y con la Familia Michoacana, y cobra
        // cuotas a …": a verb right after ", and" shares the subject of the verb before it.
        if before >= 2 && self.norms[before - 2] == "," && self.is(before - 1, Cue::Coordinator) {
            // Not across a relative clause: "…, where it is taken over by …, and moved into the
            // United States" goes on from the place before "where", which the walk below finds.
            let verb = (0..before - 2)
                .rev()
                .take_while(|&k| self.cue_at(k, Cue::Relative).is_none())
                .find(|&k| self.trigger[k] && (k == 0 || !self.trigger[k - 1]));
            if let Some(s) = verb.and_then(|k| self.subject_left(k, types, reach)) {
                return Some(s);
            }
        }
        let mut i = before;
        let mut steps = 0;
        while i > 0 && steps < reach {
            i -= 1;
            steps += 1;
            if matches!(self.norms[i], ")" | "]") {
                i = self.before_parens(i);
                continue;
            }
            if self.norms[i] == ","
                && let Some(k) = self.aside_open(i)
            {
                i = k;
                continue;
            }
            // "the cartel, which controls …": the entity right before the pronoun. With none
            // there, "que"/"that" only complements a verb ("la Armada informó que incautó"),
            // and the subject of the verb before it is still the one sought.
            // Only punctuation may stand between that entity and the pronoun: in "la PF afirmó
            // que …" the body is the reporter, and the clause after "que" has its own subject.
            if let Some(len) = self.cue_ends_at_len(i, Cue::Relative) {
                let pronoun = i + 1 - len;
                let antecedent = |k: usize| self.fits(k, types) && (k + 1..pronoun).all(|j| matches!(self.norms[j], "," | ")" | "]"));
                if let Some(k) = (i.saturating_sub(3)..i).rev().find(|&k| antecedent(k)).or_else(|| self.apposed_before(i, types)) {
                    // "Os Crias, grupo formado por dissidentes da FDN que …": the group formed.
                    return Some(super::parties::formed_from(self, k, types).unwrap_or(k));
                }
            }
            if self.norms[i] != "," && self.cue_ends_at(i, Cue::ClauseBreak) {
                return None;
            }
            // An entity right after another trigger is that trigger's object ("the Comando
            // Vermelho, rival of the PCC, operates in Rio"), and one right after "replaced" or
            // "than" is compared, not acting.
            let after_trigger = |at: usize| {
                (at.saturating_sub(3)..at).any(|k| self.trigger[k]) && (at.saturating_sub(3)..at).all(|k| self.toks[k].entity().is_none())
            };
            // "en alianza con estructuras como el Clan del Golfo": an example of another
            // trigger's object is that object too.
            let example =
                || self.before_article(i).and_then(|k| Some(k + 1 - self.cue_ends_at_len(k, Cue::Example)?)).is_some_and(after_trigger);
            if !self.fits(i, types) {
                continue;
            }
            // "según la Policía ecuatoriana, han trabajado con …": the source of a report is not
            // the doer of what it reports.
            // A name after "said" that goes on with its own verb ("said Callao ships …") is not
            // a source: only one the clause closes after is.
            let source = self.right_after(i, Cue::Reporting) && self.norms.get(i + 1).is_none_or(|w| matches!(*w, "," | "." | ";" | ")"));
            let compared = i > 0 && (self.cue_ends_at(i - 1, Cue::NotSubject) || self.compared(i - 1));
            if !((after_trigger(i) && !self.named_by_kind(i)) || example() || source || compared) {
                return Some(i);
            }
        }
        None
    }

    /// Is the item at `i` joined to the one before by a word ("Peru and Bolivia", "Perú y en
    /// Bolivia"), not a comma? Up to two articles or in-words may stand between.
    fn after_word_coordinator(&self, i: usize) -> bool {
        let from = self.kind_phrase_start(i).unwrap_or(i);
        let mut k = from;
        while k > 0 && from - k < 2 && (self.is(k - 1, Cue::Article) || self.is(k - 1, Cue::Inside)) {
            k -= 1;
        }
        k > 0 && self.norms[k - 1] != "," && self.is(k - 1, Cue::Coordinator)
    }

    /// "y en las nuevas zonas selváticas del Perú", "e nas áreas de cultivo de Loreto": where
    /// the kind of place (with one qualifier before it) whose "of" names the item at `i` begins.
    fn kind_phrase_start(&self, i: usize) -> Option<usize> {
        // "do Peru": the contraction is both the "of" and an article.
        let of = [i.checked_sub(1), self.before_article(i)].into_iter().flatten().find(|&k| self.is(k, Cue::Of))?;
        let head = (of.saturating_sub(3)..of).rev().take_while(|&k| self.plain_word(k)).find(|&k| self.kind_of_place(k))?;
        let plain = |k: usize| self.plain_word(k) && ![Cue::Article, Cue::Inside, Cue::Coordinator, Cue::Of].iter().any(|&c| self.is(k, c));
        Some(if head > 0 && plain(head - 1) { head - 1 } else { head })
    }

    /// The token before `k`, or before the article right before it ("según la Policía", "como
    /// el Clan del Golfo", "da PF com a Marinha").
    pub fn before_article(&self, k: usize) -> Option<usize> {
        let k = k.checked_sub(1)?;
        if self.is(k, Cue::Article) { k.checked_sub(1) } else { Some(k) }
    }

    /// Token `k`, or the one after it when `k` is an article ("in the Chapare", "da facção").
    pub fn past_article(&self, k: usize) -> usize {
        if self.is(k, Cue::Article) { k + 1 } else { k }
    }

    /// Does a `cue` phrase end right before token `i`, or before its article?
    fn right_after(&self, i: usize, cue: Cue) -> bool {
        self.before_article(i).is_some_and(|k| self.cue_ends_at(k, cue))
    }

    /// Is token `i` the end of a "than" ("que", "do que") that follows a comparative ("más
    /// poderoso que", "maior do que")? Only then is the name after it compared, not acting.
    fn compared(&self, i: usize) -> bool {
        self.cue_ends_at_len(i, Cue::Than)
            .is_some_and(|n| (i.saturating_sub(n + 4)..(i + 1).saturating_sub(n)).any(|k| self.is(k, Cue::Comparative)))
    }

    /// "The department of Madre de Dios has been …", "el departamento de Putumayo": a place
    /// named after its kind and "of" is that place, though "department of" also reads as a
    /// trigger (an agency's department).
    fn named_by_kind(&self, i: usize) -> bool {
        i >= 2
            && self.is(i - 1, Cue::Of)
            && super::attach::place_head(self, i - 2)
            && self.fits(i, &[EntityType::Place, EntityType::Country])
    }

    /// "the PCC, a group that …", "el PCC (…), organización que …": the name a short noun
    /// apposition right before the relative pronoun at `i` describes.
    fn apposed_before(&self, i: usize, types: &[EntityType]) -> Option<usize> {
        let start = i + 1 - self.cue_ends_at_len(i, Cue::Relative)?;
        let comma = (start.saturating_sub(4)..start).rev().find(|&k| self.norms[k] == ",")?;
        if !(comma + 1..start)
            .all(|k| self.toks[k].entity().is_none() && !self.trigger[k] && self.norms[k].chars().all(char::is_alphabetic))
        {
            return None;
        }
        let mut k = comma.checked_sub(1)?;
        if matches!(self.norms[k], ")" | "]") {
            k = self.before_parens(k).checked_sub(1)?;
        }
        self.fits(k, types).then_some(k)
    }

    /// The length of a `cue` phrase ending at token `i` (inclusive).
    fn cue_ends_at_len(&self, i: usize, cue: Cue) -> Option<usize> {
        if !self.cue_ends_at(i, cue) {
            return None;
        }
        (i.saturating_sub(3)..=i).find(|&j| self.cue_at(j, cue) == Some(i - j + 1)).map(|j| i - j + 1)
    }

    /// Entities of `types` coordinated with the one at `i`, going left ("Callao and Paita
    /// ship …"), nearest first.
    pub fn list_left(&self, i: usize, types: &[EntityType]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = i;
        let mut coordinated = false;
        let mut gap = 0;
        while k > 0 && gap <= 3 {
            k -= 1;
            if matches!(self.norms[k], ")" | "]") {
                k = self.before_parens(k);
                continue;
            }
            // "El puerto de Guayaquil, el más importante del país, y Puerto Bolívar": an
            // apposition between two items does not end the list.
            if self.norms[k] == ","
                && coordinated
                && let Some(open) = self.apposition_open(k)
            {
                k = open;
                continue;
            }
            // "que o PCC": right before an item, a word that is both an article and a
            // conjunction (Portuguese "o", Spanish "o" = "or") is the item's article.
            if k + 1 == i && self.is(k, Cue::Article) {
                gap += 1;
                continue;
            }
            // "the FARC dissidents and groups such as the Comandos de la Frontera control":
            // "groups such as" after a coordinator only introduces the next item.
            if let Some(coordinator) = self.kind_before_examples(k) {
                k = coordinator + 1;
                continue;
            }
            if self.cue_ends_at(k, Cue::Coordinator) {
                // A comma alone does not open a list leftwards: "in the middle of South
                // America, Peru supplies …"; "Callao, Paita and Tumbes" starts with a word.
                if out.is_empty() && self.norms[k] == "," {
                    break;
                }
                coordinated = true;
                gap += 1;
                continue;
            }
            if self.fits(k, types) && coordinated {
                // "dissidências das antigas FARC": the item is the name the "of" hangs from.
                k = self.head_of(k, types).unwrap_or(k);
                out.push(k);
                coordinated = false;
                gap = 0;
                continue;
            }
            if self.stops(k) || self.toks[k].entity().is_some() {
                break;
            }
            gap += 1;
        }
        out
    }

    /// "dissidências das antigas FARC", "disidencias de las FARC": the name of `types` that the
    /// "of"-phrase ending in the name at `k` completes — one whose mention leaves "of …" out.
    fn head_of(&self, k: usize, types: &[EntityType]) -> Option<usize> {
        (k.saturating_sub(4)..k.saturating_sub(1)).rev().find(|&j| {
            self.fits(j, types)
                && self.is(j + 1, Cue::Of)
                && (j + 2..k).all(|m| self.toks[m].entity().is_none() && self.norms[m].chars().all(char::is_alphabetic))
        })
    }

    /// "and groups such as", "e grupos criminosos como": an example cue ending at `k` after one
    /// or two words naming a kind of organization, right after a word coordinator. The
    /// coordinator's token.
    fn kind_before_examples(&self, k: usize) -> Option<usize> {
        let n = self.cue_ends_at_len(k, Cue::Example)?;
        let start = (k + 1).checked_sub(n)?;
        (1..=2).find_map(|words| {
            let coordinator = start.checked_sub(words + 1)?;
            let kind = (coordinator + 1..start).all(|j| self.toks[j].entity().is_none() && self.norms[j].chars().all(char::is_alphabetic))
                && (coordinator + 1..start).any(|j| self.is(j, Cue::OrgNoun));
            (kind && self.norms[coordinator] != "," && self.cue_at(coordinator, Cue::Coordinator) == Some(1)).then_some(coordinator)
        })
    }

    /// The comma opening a short apposition that the comma at `close` ends (", the busiest in
    /// the country,", ", el más importante del país,", ", o maior do país,"): an article after
    /// it, a name before it, and no name, trigger or clause break inside.
    fn apposition_open(&self, close: usize) -> Option<usize> {
        for j in (close.saturating_sub(9)..close).rev() {
            if self.norms[j] == "," {
                return (j + 1 < close && j > 0 && self.is(j + 1, Cue::Article) && self.list_head(j - 1)).then_some(j);
            }
            // Not `stops`: "más" folds to Portuguese "mas" ("but"), a clause break.
            // "el más activo del país": a reference back to a name is no name of its own.
            let referred = matches!(self.toks[j].kind, super::tokens::Kind::Entity { anaphor: true, .. });
            let inside = (self.toks[j].entity().is_none() || referred) && !self.trigger[j] && self.cue_at(j, Cue::Relative).is_none();
            if !inside || matches!(self.norms[j], ")" | "]" | "(" | "[" | ";" | ":" | "." | "!" | "?") {
                return None;
            }
        }
        None
    }

    /// Can the entity at `i` head a list item? Not after a preposition other than "of" ("Frente
    /// a Buenaventura, la Armada patrulla …": the place is where the clause happens; "a" is
    /// an article only in Portuguese).
    fn list_head(&self, i: usize) -> bool {
        self.toks[i].entity().is_some()
            && (i == 0
                || self.is(i - 1, Cue::Of)
                || (self.is(i - 1, Cue::Article) && !self.is(i - 1, Cue::Destination))
                || matches!(self.norms[i - 1], "," | "'s"))
    }

    /// Is the entity at `i` only a modifier of a name after it ("the Pacific Coast ports of
    /// Callao")? One or two words, "of", and another entity of the same types.
    fn modifies_next(&self, i: usize, types: &[EntityType]) -> bool {
        (1..=2).any(|n| {
            let of = i + n + 1;
            // "the PF and the Receita Federal": a coordinator joins two names, it modifies neither.
            (i + 1..of).all(|k| {
                self.toks.get(k).is_some_and(|t| t.entity().is_none() && t.norm.chars().all(char::is_alphabetic) && !t.norm.is_empty())
                    && !self.is(k, Cue::Coordinator)
            }) && self.is(of, Cue::Of)
                && (of + 1..(of + 3).min(self.len())).any(|k| self.fits(k, types))
        })
    }

    /// The first entity of `types` within `reach` tokens from `from`, and the entities
    /// coordinated with it ("to Spain and Belgium", "not only the U.S. and Canada, but also
    /// Europe"). Returns the items and the token after the list.
    pub fn list_right(&self, from: usize, types: &[EntityType], reach: usize) -> (Vec<usize>, usize) {
        let mut out: Vec<usize> = Vec::new();
        let mut i = from;
        let mut gap = 0;
        let mut coordinated = false;
        let mut end = from;
        while i < self.len() {
            if matches!(self.norms[i], "(" | "[") {
                i = self.past_parens(i);
                gap += 1;
                continue;
            }
            // "to the ports of the North, such as Belém and Vila do Conde": the examples are
            // items of the list, and the words introducing them do not count as distance.
            if let Some(n) = self.cue_at(i, Cue::Example) {
                coordinated = !out.is_empty();
                i += n;
                continue;
            }
            if !out.is_empty()
                && let Some(n) = self.cue_at(i, Cue::Coordinator)
            {
                coordinated = true;
                i += n;
                gap += 1;
                continue;
            }
            // "e nas novas áreas de cultivo de Loreto": a production word completing a kind of
            // place ("zonas de cultivo") belongs to its noun; it is no verb ending the list.
            if coordinated && i >= 2 && self.trigger[i] && self.is(i - 1, Cue::Of) && self.kind_of_place(i - 2) {
                while i < self.len() && self.trigger[i] && self.toks[i].entity().is_none() {
                    i += 1;
                    gap += 1;
                }
                continue;
            }
            // "chega ao Brasil, que fica perto de Assis Brasil": a relative after a comma opens
            // a clause of its own; the comma did not coordinate.
            if self.stops(i) || self.ends_movement(i) {
                break;
            }
            if !out.is_empty() && !coordinated {
                // Right after an item only a coordinator or the item's own place may follow
                // ("the Urabeños in Colombia, the Sinaloa Cartel in Mexico").
                match self.attached_place(i) {
                    Some(next) => {
                        i = next;
                        continue;
                    }
                    None => break,
                }
            }
            // "the Urabeños in Colombia, the Sinaloa Cartel in Mexico": after a coordinator,
            // another kind of name means the list has ended.
            if coordinated && self.toks[i].entity().is_some() && !self.fits(i, types) {
                break;
            }
            // "Antuérpia, na Bélgica, e Roterdã": ", in <place>," after an item says where the
            // item lies; it is not another item.
            let k = if i > 0 && self.is(i - 1, Cue::Article) { i - 1 } else { i };
            if !out.is_empty() && k >= 2 && self.is(k - 1, Cue::Inside) && self.norms[k - 2] == "," && self.entity(i).is_some() {
                i += 1;
                continue;
            }
            // "Matheus da Silva Rezende, sobrinho de Zinho": a person completing a noun after
            // the comma is named to describe the item before; they are no item of their own.
            if coordinated && self.fits(i, &[EntityType::Person]) && self.noun_completed_by(i).is_some_and(|n| !self.trigger[n]) {
                break;
            }
            if self.fits(i, types) && (out.is_empty() || coordinated) {
                // "… in Colombia and Peru ships", "the PNP, DIRANDRO, seized": the item is the
                // subject of the next verb; not in "produced in Colombia and Peru and shipped",
                // where a word coordinator comes first.
                let starts_clause = !out.is_empty()
                    && !self.after_word_coordinator(i)
                    && (i + 1..(i + 3).min(self.len()))
                        .take_while(|&k| self.norms[k] == "," || self.cue_at(k, Cue::Coordinator).is_none())
                        .any(|k| self.trigger[k]);
                if starts_clause {
                    break;
                }
                if !self.modifies_next(i, types) {
                    out.push(i);
                    end = i + 1;
                    gap = 0;
                    coordinated = false;
                    i += 1;
                    continue;
                }
            }
            // "no VRAEM e nas novas áreas de cultivo de Loreto", "Callao and the ports of
            // Paita": after a coordinator, the kind of place naming the next item is no distance.
            gap = if coordinated && self.kind_of_place(i) { 0 } else { gap + 1 };
            i += 1;
            if gap > if out.is_empty() { reach } else { LIST_GAP } {
                break;
            }
        }
        (out, end)
    }

    /// The common noun the entity at `i` completes by "of", an article allowed between ("nephew
    /// of X", "los hijos de X", "facción del Cártel").
    pub fn noun_completed_by(&self, i: usize) -> Option<usize> {
        let of = self.before_article(i).filter(|&k| self.is(k, Cue::Of))?;
        of.checked_sub(1).filter(|&n| self.toks[n].entity().is_none() && self.norms[n].chars().all(char::is_alphabetic))
    }

    /// Is token `i` a noun for a kind of place, singular or plural ("port", "áreas", "zonas")?
    fn kind_of_place(&self, i: usize) -> bool {
        let w = self.norms[i];
        let head = |w: &str| super::attach::place_noun(self.t, w);
        self.toks[i].entity().is_none() && (head(w) || w.strip_suffix('s').is_some_and(head))
    }

    /// "in (the) <entity>" at `i`: the token after it.
    fn attached_place(&self, i: usize) -> Option<usize> {
        if !self.is(i, Cue::Inside) {
            return None;
        }
        let k = if self.is(i + 1, Cue::Article) { i + 2 } else { i + 1 };
        self.entity(k).map(|_| k + 1)
    }

    /// The first entity of `types` after an agent word ("by", "por", "pela") that follows
    /// token `from` within a few tokens: the doer of a passive or nominal trigger.
    pub fn agent_right(&self, from: usize, types: &[EntityType]) -> Option<usize> {
        let mut i = from;
        // A bare "by" stands near its verb; "in a joint operation of" may come after the when
        // and where of the act.
        while i < self.len() && i < from + AGENT_REACH {
            if let Some(n) = self.cue_at(i, Cue::Agent).filter(|&n| n >= 3 || i < from + 12) {
                return (i + n..(i + n + 3).min(self.len())).find(|&k| self.fits(k, types));
            }
            if self.stops(i) {
                return None;
            }
            i += 1;
        }
        None
    }

    /// The nearest entity of `types` before `before` within `reach` tokens, not past a stop.
    pub fn nearest_left(&self, before: usize, types: &[EntityType], reach: usize) -> Option<usize> {
        (before.saturating_sub(reach)..before).rev().take_while(|&k| !self.stops(k)).find(|&k| self.fits(k, types))
    }

    /// "the Sinaloa Cartel, which is led by …", "o CV, que é chefiado por …": the entity right
    /// before a relative pronoun that stands at most three words before `before` (an auxiliary
    /// between), a comma allowed between them.
    pub fn relative_antecedent(&self, before: usize, types: &[EntityType]) -> Option<usize> {
        let pronoun = (before.saturating_sub(3)..before).rev().find(|&k| self.cue_at(k, Cue::Relative).is_some_and(|n| k + n <= before))?;
        if !(pronoun + 1..before).all(|k| self.plain_word(k) && self.cue_at(k, Cue::ClauseBreak).is_none()) {
            return None;
        }
        let k = if pronoun > 0 && self.norms[pronoun - 1] == "," { pronoun - 1 } else { pronoun };
        (k > 0 && self.fits(k - 1, types)).then(|| k - 1)
    }

    /// Is the trigger at `start..end` in the passive ("was seized", "fue incautada por")?
    pub fn passive(&self, start: usize, end: usize) -> bool {
        let aux_before = (start.saturating_sub(2)..start).any(|k| self.cue_ends_at(k, Cue::Passive));
        aux_before || (end < self.len() && self.cue_at(end, Cue::Agent).is_some())
    }
}
