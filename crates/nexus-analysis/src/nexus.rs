//! The crime–terror nexus: for each armed group, the criminal economies it taxes, runs, traffics
//! or cooperates in, where it operates and which criminal organizations operate there too; for
//! each place where an armed group operates, who meets there and in what. Scored as written in
//! ARCHITECTURE.md ("The nexus score"):
//!
//! - a link's strength σ = h · (1 + ln support), h = ½ when every claim of it is hedged, else 1;
//! - an armed group: x = Σ_economies w·σ + ½ Σ_(place, criminal org there) min(σ_group→place,
//!   σ_org→place), with w = 1 for `taxes`, `traffics` and `cooperates_with` a criminal
//!   organization, ¾ for `engages_in`;
//! - a place: x = Σ_(armed group, criminal org both there) min(σ, σ) + ½ Σ_(armed groups there)
//!   Σ_economies w·σ + ½ Σ_(its own engages_in) σ;
//! - score = round(100 · (1 − e^(−x/4))): 0 with no tie, 22 for one single-source `taxes`, 63
//!   for x = 4, approaching 100.

use crate::data::{Ctx, Edge};
use crate::model::{ArmedGroupNexus, Copresence, Link, Nexus, PlaceNexus};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The x at which the score is 63 (1 − 1/e).
pub const SCALE: f64 = 4.0;

pub fn score(x: f64) -> u32 {
    (100.0 * (1.0 - (-x / SCALE).exp())).round() as u32
}

/// The weight of an economy link by predicate.
fn weight(p: &str) -> f64 {
    match p {
        "engages_in" => 0.75,
        _ => 1.0,
    }
}

pub(crate) fn nexus(ctx: &Ctx) -> crate::Result<Nexus> {
    let strength = |e: &Edge| -> f64 {
        let hedged = e.claims.iter().map(|&c| &ctx.scan.claims[c as usize]).filter(|c| !c.negated).all(|c| c.hedged);
        (if hedged { 0.5 } else { 1.0 }) * (1.0 + (e.support.max(1) as f64).ln())
    };
    // σ of every edge the scores read, computed once.
    let mut sigmas: HashMap<(u32, u16, u32), f64> = HashMap::new();
    // Per armed group: its economy edges and places; per place: who operates there.
    let mut economies: BTreeMap<u32, Vec<&Edge>> = BTreeMap::new();
    let mut places_of: BTreeMap<u32, Vec<&Edge>> = BTreeMap::new();
    let mut armed_at: BTreeMap<u32, Vec<&Edge>> = BTreeMap::new();
    let mut criminal_at: HashMap<u32, Vec<&Edge>> = HashMap::new();
    let mut hosts: HashMap<u32, Vec<&Edge>> = HashMap::new();
    for e in &ctx.edges {
        let p = ctx.scan.predicate(e.p);
        let (ts, to) = (ctx.type_of(e.s), ctx.type_of(e.o));
        let used = match p {
            "taxes" | "engages_in" | "traffics" if ts == "armed_group" => {
                economies.entry(e.s).or_default().push(e);
                true
            }
            "cooperates_with" if ts == "armed_group" && to == "criminal_org" => {
                economies.entry(e.s).or_default().push(e);
                true
            }
            "cooperates_with" if to == "armed_group" && ts == "criminal_org" => {
                economies.entry(e.o).or_default().push(e);
                true
            }
            "operates_in" if ts == "armed_group" => {
                places_of.entry(e.s).or_default().push(e);
                armed_at.entry(e.o).or_default().push(e);
                true
            }
            "operates_in" if ts == "criminal_org" => {
                criminal_at.entry(e.o).or_default().push(e);
                true
            }
            "engages_in" if ctx.is_place(e.s) => {
                hosts.entry(e.s).or_default().push(e);
                true
            }
            _ => false,
        };
        if used {
            sigmas.insert((e.s, e.p, e.o), strength(e));
        }
    }
    let sigma = |e: &Edge| -> f64 { sigmas[&(e.s, e.p, e.o)] };
    let econ_x = |g: u32| -> f64 { economies.get(&g).into_iter().flatten().map(|e| weight(ctx.scan.predicate(e.p)) * sigma(e)).sum() };

    // Armed groups, scored.
    let groups: BTreeSet<u32> = economies.keys().chain(places_of.keys()).copied().collect();
    let mut scored: Vec<(f64, u32)> = groups
        .iter()
        .map(|&g| {
            let co: f64 = places_of
                .get(&g)
                .into_iter()
                .flatten()
                .flat_map(|at| criminal_at.get(&at.o).into_iter().flatten().map(move |o| (at, o)))
                .map(|(at, o)| sigma(at).min(sigma(o)))
                .sum();
            (econ_x(g) + 0.5 * co, g)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(ctx.scan.key(a.1).cmp(ctx.scan.key(b.1))));
    let limit = ctx.opts.limit;
    let links = |list: Option<&Vec<&Edge>>| -> crate::Result<Vec<Link>> {
        let mut v: Vec<&Edge> = list.into_iter().flatten().copied().collect();
        v.sort_by(|a, b| b.support.cmp(&a.support).then(ctx.scan.key(a.o).cmp(ctx.scan.key(b.o))));
        v.into_iter().take(limit).map(|e| ctx.edge_link(e)).collect()
    };
    let mut armed_groups = Vec::new();
    for &(raw, g) in scored.iter().take(limit) {
        let economies_l = links(economies.get(&g))?;
        let places_l = links(places_of.get(&g))?;
        let mut co: Vec<(&Edge, u32)> = places_of
            .get(&g)
            .into_iter()
            .flatten()
            .flat_map(|at| criminal_at.get(&at.o).into_iter().flatten().map(move |o| (*o, at.o)))
            .collect();
        co.sort_by(|a, b| b.0.support.cmp(&a.0.support).then(ctx.scan.key(a.0.s).cmp(ctx.scan.key(b.0.s))));
        let mut copresent = Vec::new();
        for (o, place) in co.into_iter().take(limit) {
            copresent.push(Copresence { organization: ctx.entity(o.s), place: ctx.entity(place), link: ctx.edge_link(o)? });
        }
        let first_seen = economies_l.iter().chain(&places_l).filter_map(|l| l.first_seen.clone()).min();
        armed_groups.push(ArmedGroupNexus {
            group: ctx.entity(g),
            score: score(raw),
            raw,
            economies: economies_l,
            places: places_l,
            copresent,
            first_seen,
        });
    }

    // Places where an armed group operates, scored.
    let mut scored: Vec<(f64, u32)> = armed_at
        .iter()
        .map(|(&p, armed)| {
            let crim = criminal_at.get(&p).map(Vec::as_slice).unwrap_or_default();
            let pairs: f64 = armed.iter().flat_map(|a| crim.iter().map(move |o| sigma(a).min(sigma(o)))).sum();
            let econ: f64 = armed.iter().map(|a| econ_x(a.s)).sum();
            let own: f64 = hosts.get(&p).into_iter().flatten().map(|e| sigma(e)).sum();
            (pairs + 0.5 * econ + 0.5 * own, p)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(ctx.scan.key(a.1).cmp(ctx.scan.key(b.1))));
    let mut places = Vec::new();
    for &(raw, p) in scored.iter().take(limit) {
        let armed = armed_at.get(&p);
        let mut activity: Vec<&Edge> = hosts.get(&p).cloned().unwrap_or_default();
        for a in armed.into_iter().flatten() {
            activity.extend(economies.get(&a.s).into_iter().flatten());
        }
        let armed_l = {
            let mut v: Vec<&Edge> = armed.into_iter().flatten().copied().collect();
            v.sort_by(|a, b| b.support.cmp(&a.support).then(ctx.scan.key(a.s).cmp(ctx.scan.key(b.s))));
            v.into_iter().take(limit).map(|e| ctx.edge_link(e)).collect::<crate::Result<Vec<Link>>>()?
        };
        let crim_l = {
            let mut v: Vec<&Edge> = criminal_at.get(&p).into_iter().flatten().copied().collect();
            v.sort_by(|a, b| b.support.cmp(&a.support).then(ctx.scan.key(a.s).cmp(ctx.scan.key(b.s))));
            v.into_iter().take(limit).map(|e| ctx.edge_link(e)).collect::<crate::Result<Vec<Link>>>()?
        };
        places.push(PlaceNexus {
            place: ctx.entity(p),
            score: score(raw),
            raw,
            armed_groups: armed_l,
            criminal_orgs: crim_l,
            activities: links(Some(&activity))?,
        });
    }
    Ok(Nexus { armed_groups, places })
}
