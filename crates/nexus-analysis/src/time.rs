//! Time: a timeline of dated claims, and what changed between two periods.
//!
//! The timeline holds claims with a date of their own (the `date` qualifier: "in September 2014,
//! DIRANDRO seized …"), grouped into one entry per (subject, predicate, object, date) with its
//! support in works. Changes compare the claims *seen* (their date, else their document's) before
//! a split date with those seen on or after it: edges affirmed in one period only, and the
//! organizations, armed groups, companies and persons that appear or vanish.

use crate::data::{Ctx, Edge, on_or_after, year};
use crate::model::{Changes, EntityRef, Link, Period, TimelineEntry};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub(crate) fn timeline(ctx: &Ctx) -> crate::Result<Vec<TimelineEntry>> {
    let mut groups: BTreeMap<(u32, u16, u32, u32), Vec<u32>> = BTreeMap::new();
    for e in &ctx.edges {
        for &c in &e.claims {
            if let Some(d) = ctx.scan.claims[c as usize].date {
                groups.entry((e.s, e.p, e.o, d)).or_default().push(c);
            }
        }
    }
    // The best supported, latest first when they tie; shown oldest first.
    // (support, date, (subject, predicate, object, date))
    type Event<'d> = (u64, &'d str, (u32, u16, u32, u32));
    let mut chosen: Vec<Event> =
        groups.iter().map(|(k, claims)| (ctx.support(claims), ctx.scan.string(k.3), *k)).filter(|(s, _, _)| *s > 0).collect();
    chosen.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(a.1)).then(a.2.cmp(&b.2)));
    chosen.truncate(ctx.opts.timeline_limit);
    chosen.sort_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)).then(a.2.cmp(&b.2)));
    chosen
        .into_iter()
        .map(|(_, date, k)| {
            let claims = &groups[&k];
            let precision = claims
                .iter()
                .find_map(|&c| ctx.qualifiers(c).get("date").and_then(|d| d.get("precision")).and_then(|p| p.as_str()).map(str::to_owned))
                .unwrap_or_else(|| match date.len() {
                    4 => "year".into(),
                    7 => "month".into(),
                    _ => "day".into(),
                });
            Ok(TimelineEntry { date: date.to_owned(), precision, link: ctx.link(claims)? })
        })
        .collect()
}

/// The default split: the median year in which claims were seen, so each period holds about half
/// of them (one later when the median is the first year; none when they span one year).
pub(crate) fn default_split(ctx: &Ctx) -> Option<String> {
    let mut years: Vec<i32> =
        ctx.claims.iter().filter_map(|&c| ctx.scan.claims[c as usize].seen).filter_map(|s| year(ctx.scan.string(s))).collect();
    years.sort_unstable();
    let (lo, hi) = (*years.first()?, *years.last()?);
    let median = years[years.len() / 2];
    (hi > lo).then(|| format!("{:04}", median.max(lo + 1)))
}

pub(crate) fn changes(ctx: &Ctx, split: &str) -> crate::Result<Changes> {
    let in_edges: HashSet<u32> = ctx.edges.iter().flat_map(|e| e.claims.iter().copied()).collect();
    let (mut before, mut after): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for &c in &ctx.claims {
        if !in_edges.contains(&c) {
            continue;
        }
        let Some(seen) = ctx.scan.claims[c as usize].seen.map(|s| ctx.scan.string(s)) else { continue };
        // A date less precise than the split (2014 against 2014-06) may lie on either side: it
        // counts as after, as the store's `--since` reads it.
        if on_or_after(seen, split) { after.push(c) } else { before.push(c) }
    }
    let (eb, ea) = (ctx.aggregate(&before), ctx.aggregate(&after));
    let period = |claims: &[u32], edges: &[Edge]| {
        let seen: Vec<&str> = claims.iter().filter_map(|&c| ctx.scan.claims[c as usize].seen).map(|s| ctx.scan.string(s)).collect();
        Period {
            from: seen.iter().min().map(|s| s.to_string()),
            to: seen.iter().max().map(|s| s.to_string()),
            claims: claims.len() as u64,
            edges: edges.len() as u64,
        }
    };
    let keys = |edges: &[Edge]| -> HashSet<(u32, u16, u32)> { edges.iter().map(|e| (e.s, e.p, e.o)).collect() };
    let (kb, ka) = (keys(&eb), keys(&ea));
    let diff = |from: &[Edge], other: &HashSet<(u32, u16, u32)>| -> crate::Result<BTreeMap<String, Vec<Link>>> {
        let mut by: BTreeMap<String, Vec<&Edge>> = BTreeMap::new();
        for e in from.iter().filter(|e| !other.contains(&(e.s, e.p, e.o))) {
            by.entry(ctx.scan.predicate(e.p).to_owned()).or_default().push(e);
        }
        let mut out = BTreeMap::new();
        for (p, mut v) in by {
            v.sort_by(|a, b| {
                b.support.cmp(&a.support).then((ctx.scan.key(a.s), ctx.scan.key(a.o)).cmp(&(ctx.scan.key(b.s), ctx.scan.key(b.o))))
            });
            out.insert(p, v.into_iter().take(ctx.opts.limit).map(|e| ctx.edge_link(e)).collect::<crate::Result<Vec<_>>>()?);
        }
        Ok(out)
    };
    let new_edges = diff(&ea, &kb)?;
    let vanished_edges = diff(&eb, &ka)?;
    let receivers =
        |edges: &[Edge]| -> BTreeSet<u32> { edges.iter().filter(|e| ctx.scan.predicate(e.p) == "ships_to").map(|e| e.o).collect() };
    let (rb, ra) = (receivers(&eb), receivers(&ea));
    let mut new_markets: Vec<EntityRef> = ra.difference(&rb).take(ctx.opts.limit).map(|&k| ctx.entity(k)).collect();
    new_markets.sort();
    // Actors: organizations, armed groups, companies and persons, by their support in the period.
    let actors = |edges: &[Edge]| -> HashMap<u32, u64> {
        let mut m: HashMap<u32, u64> = HashMap::new();
        for e in edges {
            for k in [e.s, e.o] {
                if matches!(ctx.type_of(k), "criminal_org" | "armed_group" | "company" | "person") {
                    *m.entry(k).or_default() += e.support;
                }
            }
        }
        m
    };
    let (ab, aa) = (actors(&eb), actors(&ea));
    let only = |a: &HashMap<u32, u64>, b: &HashMap<u32, u64>| -> Vec<EntityRef> {
        let mut v: Vec<(u64, u32)> = a.iter().filter(|(k, _)| !b.contains_key(k)).map(|(&k, &s)| (s, k)).collect();
        v.sort_by(|x, y| y.0.cmp(&x.0).then(ctx.scan.key(x.1).cmp(ctx.scan.key(y.1))));
        v.into_iter().take(ctx.opts.limit).map(|(_, k)| ctx.entity(k)).collect()
    };
    Ok(Changes {
        before: period(&before, &eb),
        after: period(&after, &ea),
        new_alliances: new_edges.get("cooperates_with").cloned().unwrap_or_default(),
        new_routes: new_edges.get("ships_to").cloned().unwrap_or_default(),
        new_markets,
        appeared: only(&aa, &ab),
        vanished: only(&ab, &aa),
        new_edges,
        vanished_edges,
    })
}
