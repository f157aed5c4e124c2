//! What every part of the analysis reads: the claims in scope (one scan of the store, then the
//! window and focus applied), their edges with support in works, and the helpers that turn claims
//! into cited statements.

use crate::Options;
use crate::model::{Citation, EntityRef, FigureStat, Link};
use nexus_kb::{EntityType, KnowledgeBase};
use nexus_store::{CONFLICT_TOLERANCE, ClaimScan, Store};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// An edge: the in-scope claims of one (subject, predicate, object), with its support.
#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub s: u32,
    pub p: u16,
    pub o: u32,
    /// Indices into `scan.claims`.
    pub claims: Vec<u32>,
    /// Distinct works among its affirming claims.
    pub support: u64,
}

pub(crate) struct Ctx<'a> {
    pub store: &'a Store,
    pub kb: &'a KnowledgeBase,
    pub opts: &'a Options,
    pub scan: ClaimScan,
    types: HashMap<String, String>,
    /// Types analysts set (`nexus correct set-type`), read before the knowledge base's.
    overrides: HashMap<String, String>,
    keys: HashMap<String, u32>,
    /// Claims in scope (window and focus), indices into `scan.claims`.
    pub claims: Vec<u32>,
    /// Edges with at least `min_sources` affirming works, sorted by (subject, predicate, object).
    pub edges: Vec<Edge>,
    refs: RefCell<HashMap<u32, EntityRef>>,
    pub cited: RefCell<BTreeSet<u32>>,
    /// Statements already built from a whole edge (one edge is cited from many places).
    links: RefCell<HashMap<(u32, u16, u32), Link>>,
    pub focus: Option<u32>,
}

/// Is the ISO date prefix `date` on or after `since`, compared at the coarser precision?
pub(crate) fn on_or_after(date: &str, since: &str) -> bool {
    let n = date.len().min(since.len());
    date[..n] >= since[..n]
}

pub(crate) fn on_or_before(date: &str, until: &str) -> bool {
    let n = date.len().min(until.len());
    date[..n] <= until[..n]
}

pub(crate) fn year(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

impl<'a> Ctx<'a> {
    pub fn load(store: &'a Store, kb: &'a KnowledgeBase, opts: &'a Options) -> crate::Result<Ctx<'a>> {
        let scan = store.claim_scan()?;
        let types = store.entity_types()?;
        let overrides = store.type_overrides()?;
        let keys = scan.keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u32)).collect();
        let mut ctx = Ctx {
            store,
            kb,
            opts,
            scan,
            types,
            overrides,
            keys,
            claims: Vec::new(),
            edges: Vec::new(),
            refs: RefCell::default(),
            cited: RefCell::default(),
            links: RefCell::default(),
            focus: None,
        };
        if let Some(f) = &opts.focus {
            ctx.focus = Some(ctx.key_index(f).ok_or_else(|| crate::Error::UnknownFocus(f.clone()))?);
        }
        // The window: claims seen in it (claims without a date are outside every window).
        let windowed = opts.since.is_some() || opts.until.is_some();
        ctx.claims = (0..ctx.scan.claims.len() as u32)
            .filter(|&i| {
                if !windowed {
                    return true;
                }
                let Some(seen) = ctx.scan.claims[i as usize].seen.map(|s| ctx.scan.string(s)) else { return false };
                opts.since.as_deref().is_none_or(|d| on_or_after(seen, d)) && opts.until.as_deref().is_none_or(|d| on_or_before(seen, d))
            })
            .collect();
        ctx.edges = ctx.aggregate(&ctx.claims);
        if let Some(focus) = ctx.focus {
            // Keep what lies within `focus_depth` hops of the focus.
            let mut adj: HashMap<u32, Vec<u32>> = HashMap::new();
            for e in &ctx.edges {
                adj.entry(e.s).or_default().push(e.o);
                adj.entry(e.o).or_default().push(e.s);
            }
            let mut reached: HashSet<u32> = HashSet::from([focus]);
            let mut frontier = vec![focus];
            for _ in 0..opts.focus_depth {
                let mut next = Vec::new();
                for n in frontier {
                    for &m in adj.get(&n).into_iter().flatten() {
                        if reached.insert(m) {
                            next.push(m);
                        }
                    }
                }
                frontier = next;
            }
            ctx.edges.retain(|e| reached.contains(&e.s) && reached.contains(&e.o));
            let kept: HashSet<u32> = ctx.edges.iter().flat_map(|e| e.claims.iter().copied()).collect();
            ctx.claims.retain(|c| kept.contains(c));
        }
        Ok(ctx)
    }

    /// Claims grouped into edges with at least `min_sources` affirming works.
    pub fn aggregate(&self, claims: &[u32]) -> Vec<Edge> {
        let mut groups: HashMap<(u32, u16, u32), Vec<u32>> = HashMap::new();
        for &i in claims {
            let c = &self.scan.claims[i as usize];
            groups.entry((c.subject, c.predicate, c.object)).or_default().push(i);
        }
        let mut edges: Vec<Edge> = groups
            .into_iter()
            .map(|((s, p, o), claims)| {
                let support = self.support(&claims);
                Edge { s, p, o, claims, support }
            })
            .filter(|e| e.support >= self.opts.min_sources.max(1))
            .collect();
        // Interned indices follow the store's scan order, so this order is the same for the same
        // store; outputs sort by their own keys where order shows.
        edges.sort_unstable_by_key(|e| (e.s, e.p, e.o));
        edges
    }

    /// Distinct works among the affirming claims.
    pub fn support(&self, claims: &[u32]) -> u64 {
        let works: HashSet<u32> = claims
            .iter()
            .map(|&i| &self.scan.claims[i as usize])
            .filter(|c| !c.negated)
            .map(|c| self.scan.docs[c.doc as usize].work)
            .collect();
        works.len() as u64
    }

    pub fn key_index(&self, key: &str) -> Option<u32> {
        self.keys.get(key).copied()
    }

    /// An entity named by key (a qualifier's place or via), whether or not a claim has it at an
    /// end.
    pub fn entity_by_key(&self, key: &str) -> EntityRef {
        match self.key_index(key) {
            Some(i) => self.entity(i),
            None => {
                let e = self.kb.get(key);
                EntityRef {
                    key: key.to_owned(),
                    name: self
                        .store
                        .entity_name(key)
                        .ok()
                        .flatten()
                        .or_else(|| e.map(|e| e.name.clone()))
                        .unwrap_or_else(|| key.to_owned()),
                    entity_type: match self.overrides.get(key) {
                        Some(t) => t.clone(),
                        None => e.map_or_else(
                            || self.types.get(key).cloned().unwrap_or_else(|| "place".into()),
                            |e| e.entity_type.as_str().to_owned(),
                        ),
                    },
                    country: e.and_then(|e| match e.entity_type {
                        EntityType::Country => e.iso2.clone().or_else(|| Some(e.id.to_ascii_uppercase())),
                        _ => e.country.clone().filter(|c| c != "XX"),
                    }),
                }
            }
        }
    }

    pub fn predicate_index(&self, p: &str) -> Option<u16> {
        self.scan.predicates.iter().position(|x| x == p).map(|i| i as u16)
    }

    /// Edges of one predicate.
    pub fn edges_of<'b>(&'b self, predicate: &str) -> impl Iterator<Item = &'b Edge> + 'b {
        let p = self.predicate_index(predicate);
        self.edges.iter().filter(move |e| Some(e.p) == p)
    }

    /// The type of an entity key: an analyst's, else the knowledge base's, else the stored
    /// extractions', else the `type:` prefix of a learned key.
    pub fn type_of(&self, key: u32) -> &str {
        let k = self.scan.key(key);
        if let Some(t) = self.overrides.get(k) {
            return t;
        }
        if let Some(e) = self.kb.get(k) {
            return e.entity_type.as_str();
        }
        if let Some(t) = self.types.get(k) {
            return t;
        }
        k.split_once(':').map_or("unknown", |(t, _)| t)
    }

    pub fn is_place(&self, key: u32) -> bool {
        matches!(self.type_of(key), "place" | "country")
    }

    pub fn is_org(&self, key: u32) -> bool {
        matches!(self.type_of(key), "criminal_org" | "armed_group" | "company")
    }

    /// ISO 3166-1 alpha-2 of an entity: a country's own code, else its home country.
    pub fn country_of(&self, key: u32) -> Option<String> {
        let e = self.kb.get(self.scan.key(key))?;
        match e.entity_type {
            EntityType::Country => e.iso2.clone().or_else(|| Some(e.id.to_ascii_uppercase())),
            _ => e.country.clone().filter(|c| c != "XX"),
        }
    }

    /// The key index of the country an entity lies in (not itself), when a claim names it.
    pub fn country_key(&self, key: u32) -> Option<u32> {
        if self.type_of(key) == "country" {
            return None;
        }
        let iso = self.country_of(key)?.to_ascii_lowercase();
        self.key_index(&iso)
    }

    pub fn kind_of(&self, key: u32) -> Option<&str> {
        self.kb.get(self.scan.key(key)).and_then(|e| e.kind.as_deref())
    }

    /// An entity as statements name it (its name in the store, else the knowledge base's).
    pub fn entity(&self, key: u32) -> EntityRef {
        if let Some(r) = self.refs.borrow().get(&key) {
            return r.clone();
        }
        let k = self.scan.key(key);
        let name =
            self.store.entity_name(k).ok().flatten().or_else(|| self.kb.get(k).map(|e| e.name.clone())).unwrap_or_else(|| k.to_owned());
        let r = EntityRef { key: k.to_owned(), name, entity_type: self.type_of(key).to_owned(), country: self.country_of(key) };
        self.refs.borrow_mut().insert(key, r.clone());
        r
    }

    /// A statement from some claims of one (subject, predicate, object), with its citations.
    pub fn link(&self, claims: &[u32]) -> crate::Result<Link> {
        let first = &self.scan.claims[claims[0] as usize];
        let affirming: Vec<&nexus_store::ScanClaim> =
            claims.iter().map(|&i| &self.scan.claims[i as usize]).filter(|c| !c.negated).collect();
        let works: BTreeSet<u32> = affirming.iter().map(|c| self.scan.docs[c.doc as usize].work).collect();
        let denying: BTreeSet<u32> = claims
            .iter()
            .map(|&i| &self.scan.claims[i as usize])
            .filter(|c| c.negated)
            .map(|c| self.scan.docs[c.doc as usize].work)
            .filter(|w| !works.contains(w))
            .collect();
        let docs: BTreeSet<u32> = claims.iter().map(|&i| self.scan.claims[i as usize].doc).collect();
        let seen: Vec<&str> = claims.iter().filter_map(|&i| self.scan.claims[i as usize].seen).map(|s| self.scan.string(s)).collect();
        // Figures by (unit, date), every value kept.
        // (unit, date) → (values, bounds)
        type Figures = BTreeMap<(String, Option<String>), (Vec<f64>, BTreeSet<String>)>;
        let mut figures: Figures = BTreeMap::new();
        for c in &affirming {
            if let (Some(v), Some(u)) = (c.value, c.unit) {
                let f = figures.entry((self.scan.string(u).to_owned(), c.date.map(|d| self.scan.string(d).to_owned()))).or_default();
                f.0.push(v);
                if let Some(b) = c.bound {
                    f.1.insert(self.scan.string(b).to_owned());
                }
            }
        }
        let figures = figures
            .into_iter()
            .map(|((unit, date), (mut values, bounds))| {
                values.sort_by(f64::total_cmp);
                values.dedup();
                let (min, max) = (values[0], values[values.len() - 1]);
                FigureStat {
                    unit,
                    date,
                    min,
                    max,
                    conflict: max > min.abs() * (1.0 + CONFLICT_TOLERANCE) + f64::EPSILON,
                    values,
                    bounds: bounds.into_iter().collect(),
                }
            })
            .collect();
        Ok(Link {
            subject: self.entity(first.subject),
            predicate: self.scan.predicate(first.predicate).to_owned(),
            object: self.entity(first.object),
            support: works.len() as u64,
            documents: docs.len() as u64,
            hedged: !affirming.is_empty() && affirming.iter().all(|c| c.hedged),
            denials: denying.len() as u64,
            first_seen: seen.iter().min().map(|s| s.to_string()),
            last_seen: seen.iter().max().map(|s| s.to_string()),
            figures,
            citations: self.citations(claims)?,
        })
    }

    /// Σ over (unit, date) of the largest figure affirming claims state, per unit.
    pub fn figure_max(&self, claims: &[u32]) -> BTreeMap<String, f64> {
        let mut groups: BTreeMap<(u32, Option<u32>), f64> = BTreeMap::new();
        for &i in claims {
            let c = &self.scan.claims[i as usize];
            if let (false, Some(v), Some(u)) = (c.negated, c.value, c.unit) {
                let m = groups.entry((u, c.date)).or_insert(f64::MIN);
                *m = m.max(v);
            }
        }
        let mut out: BTreeMap<String, f64> = BTreeMap::new();
        for ((u, _), v) in groups {
            *out.entry(self.scan.string(u).to_owned()).or_default() += v;
        }
        out
    }

    pub fn edge_link(&self, e: &Edge) -> crate::Result<Link> {
        if let Some(l) = self.links.borrow().get(&(e.s, e.p, e.o)) {
            return Ok(l.clone());
        }
        let l = self.link(&e.claims)?;
        self.links.borrow_mut().insert((e.s, e.p, e.o), l.clone());
        Ok(l)
    }

    /// At most `max_citations` claims: affirming before denying, one per work before a second of
    /// any, the extractor's most confident first, then by document and offset.
    fn citations(&self, claims: &[u32]) -> crate::Result<Vec<Citation>> {
        let mut order: Vec<u32> = claims.to_vec();
        let key = |i: &u32| {
            let c = &self.scan.claims[*i as usize];
            (c.negated, std::cmp::Reverse((c.confidence * 1000.0) as i64), &self.scan.docs[c.doc as usize].id, c.start)
        };
        order.sort_by(|a, b| key(a).cmp(&key(b)));
        let mut works: HashSet<u32> = HashSet::new();
        let (first, rest): (Vec<u32>, Vec<u32>) =
            order.into_iter().partition(|&i| works.insert(self.scan.docs[self.scan.claims[i as usize].doc as usize].work));
        let mut out = Vec::new();
        for i in first.into_iter().chain(rest).take(self.opts.max_citations.max(1)) {
            let c = &self.scan.claims[i as usize];
            let doc = &self.scan.docs[c.doc as usize];
            self.cited.borrow_mut().insert(c.doc);
            out.push(Citation {
                claim: c.id.clone(),
                document: doc.id.clone(),
                work: self.scan.works[doc.work as usize].clone(),
                start: c.start as usize,
                end: c.end as usize,
                evidence: self.store.quote_span(doc.seq, c.start as usize, c.end as usize)?,
                hedged: c.hedged,
                negated: c.negated,
                seen: c.seen.map(|s| self.scan.string(s).to_owned()),
            });
        }
        Ok(out)
    }

    /// A claim's qualifiers as JSON (empty object when it has none).
    pub fn qualifiers(&self, claim: u32) -> serde_json::Value {
        self.scan.claims[claim as usize]
            .qualifiers
            .as_deref()
            .and_then(|q| serde_json::from_str(q).ok())
            .unwrap_or_else(|| serde_json::Value::Object(Default::default()))
    }
}
