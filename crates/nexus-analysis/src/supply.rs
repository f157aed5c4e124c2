//! Supply chains: for each commodity, its flows from production through export, ports and transit
//! to destination markets, rebuilt from `produces`, `exports`, `ships_to`, `traffics` and
//! `seized` claims and their qualifiers.
//!
//! A `ships_to` claim belongs to the commodity its `commodity` qualifier names. One that names
//! none ("Peru supplies the U.S. and Canada") is given to what its origin is said to export
//! (`exports` claims), else to what it produces or traffics — flagged as inferred
//! ([`CommodityBasis`]), never silently. Organizations are tied to a leg when a claim places them
//! at either end of it, or in the country of that end (`operates_in`); their `traffics` claims
//! for the commodity are added to the tie.

use crate::data::{Ctx, Edge};
use crate::model::{ChainNode, CommodityBasis, Leg, Link, Market, OrgTie, Role, SupplyChain};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An unqualified flow is given to its origin's commodities only when there are at most this many.
pub const MAX_INFERRED: usize = 3;

/// (origin, destination), its claims, how it was tied to the commodity.
type LegClaims = ((u32, u32), Vec<u32>, CommodityBasis);

/// Organizations tied to one leg, at most.
pub const MAX_TIES: usize = 10;

pub(crate) fn chains(ctx: &Ctx) -> crate::Result<Vec<SupplyChain>> {
    let by = |p: &str| -> Vec<&Edge> { ctx.edges_of(p).collect() };
    let (produces, exports, traffics, seized, ships, operates) =
        (by("produces"), by("exports"), by("traffics"), by("seized"), by("ships_to"), by("operates_in"));
    let in_scope: std::collections::HashSet<u32> = ctx.edges.iter().flat_map(|e| e.claims.iter().copied()).collect();

    // What each origin exports, and produces or traffics: the fallback commodities of its flows.
    let mut exported: HashMap<u32, BTreeSet<u32>> = HashMap::new();
    for e in &exports {
        exported.entry(e.s).or_default().insert(e.o);
    }
    let mut produced: HashMap<u32, BTreeSet<u32>> = HashMap::new();
    for e in produces.iter().chain(&traffics) {
        produced.entry(e.s).or_default().insert(e.o);
    }
    // ships_to claims by (origin, destination, commodity): (claims, stated by any).
    let mut legs: BTreeMap<(u32, u32, u32), (Vec<u32>, CommodityBasis)> = BTreeMap::new();
    for e in &ships {
        for &c in &e.claims {
            if !in_scope.contains(&c) {
                continue;
            }
            let q = ctx.qualifiers(c);
            let stated = q.get("commodity").and_then(|v| v.as_str()).and_then(|k| ctx.key_index(k));
            let targets: Vec<(u32, CommodityBasis)> = match stated {
                Some(k) => vec![(k, CommodityBasis::Stated)],
                // Inferred only when the origin's goods are few enough to say which (an origin said
                // to export or produce many things leaves its unqualified flows unassigned).
                None => match exported.get(&e.s).filter(|s| s.len() <= MAX_INFERRED) {
                    Some(set) => set.iter().map(|&k| (k, CommodityBasis::OriginExports)).collect(),
                    None if exported.contains_key(&e.s) => vec![],
                    None => produced
                        .get(&e.s)
                        .filter(|s| s.len() <= MAX_INFERRED)
                        .into_iter()
                        .flatten()
                        .map(|&k| (k, CommodityBasis::OriginProduces))
                        .collect(),
                },
            };
            for (k, basis) in targets {
                let entry = legs.entry((e.s, e.o, k)).or_insert((Vec::new(), basis));
                entry.0.push(c);
                if basis == CommodityBasis::Stated {
                    entry.1 = CommodityBasis::Stated;
                }
            }
        }
    }
    let mut commodities: BTreeSet<u32> = legs.keys().map(|&(_, _, k)| k).collect();
    for e in produces.iter().chain(&exports).chain(&traffics).chain(&seized) {
        if ctx.type_of(e.o) == "commodity" {
            commodities.insert(e.o);
        }
    }
    let mut operates_at: HashMap<u32, Vec<&Edge>> = HashMap::new();
    for e in &operates {
        if ctx.is_org(e.s) {
            operates_at.entry(e.o).or_default().push(e);
        }
    }

    // Commodities by the support of everything said of their flows; only the first `limit` built.
    let mut legs_of: HashMap<u32, Vec<LegClaims>> = HashMap::new();
    for ((o, d, k), (claims, basis)) in legs {
        legs_of.entry(k).or_default().push(((o, d), claims, basis));
    }
    // Statements about each commodity, by predicate.
    let mut about: HashMap<u32, [Vec<&Edge>; 4]> = HashMap::new();
    for (i, list) in [&produces, &exports, &traffics, &seized].into_iter().enumerate() {
        for &e in list {
            about.entry(e.o).or_default()[i].push(e);
        }
    }
    let mut traffics_of: HashMap<(u32, u32), &Edge> = HashMap::new();
    for &e in &traffics {
        traffics_of.insert((e.s, e.o), e);
    }
    let mut ranked: Vec<(u64, u32)> = commodities
        .iter()
        .map(|&k| {
            let s = about.get(&k).into_iter().flatten().flatten().map(|e| e.support).sum::<u64>()
                + legs_of.get(&k).into_iter().flatten().map(|(_, c, _)| ctx.support(c)).sum::<u64>();
            (s, k)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(ctx.scan.key(a.1).cmp(ctx.scan.key(b.1))));
    ranked.truncate(ctx.opts.limit);

    let mut out = Vec::new();
    for (support, k) in ranked {
        let of = |i: usize| -> Vec<Edge> { about.get(&k).map(|a| a[i].iter().map(|&e| e.clone()).collect()).unwrap_or_default() };
        let (prod, exp, traf, seiz) = (of(0), of(1), of(2), of(3));
        let mut chain_legs = legs_of.remove(&k).unwrap_or_default();
        // Roles of the places in the chain.
        let mut roles: BTreeMap<u32, BTreeSet<Role>> = BTreeMap::new();
        let mut via_places: BTreeSet<String> = BTreeSet::new();
        for e in &prod {
            roles.entry(e.s).or_default().insert(Role::Production);
        }
        for e in &exp {
            roles.entry(e.s).or_default().insert(Role::Export);
        }
        let senders: BTreeSet<u32> = chain_legs.iter().map(|((o, _), _, _)| *o).collect();
        for ((o, d), claims, _) in &chain_legs {
            roles.entry(*o).or_default().insert(Role::Export);
            let r = roles.entry(*d).or_default();
            r.insert(if senders.contains(d) { Role::Transit } else { Role::Market });
            for &c in claims {
                for v in ctx.qualifiers(c).get("via").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str()) {
                    via_places.insert(v.to_owned());
                }
            }
        }
        for e in &seiz {
            for &c in &e.claims {
                if let Some(p) = ctx.qualifiers(c).get("place").and_then(|v| v.as_str()).and_then(|p| ctx.key_index(p)) {
                    roles.entry(p).or_default().insert(Role::Seizure);
                }
            }
        }
        for (&place, r) in roles.iter_mut() {
            if matches!(ctx.kind_of(place), Some("port" | "airport")) && (r.contains(&Role::Export) || r.contains(&Role::Transit)) {
                r.insert(Role::Port);
            }
        }
        let mut nodes: Vec<ChainNode> =
            roles.iter().map(|(&p, r)| ChainNode { place: ctx.entity(p), roles: r.iter().copied().collect() }).collect();
        for v in &via_places {
            let place = ctx.entity_by_key(v);
            match nodes.iter_mut().find(|n| n.place.key == *v) {
                Some(n) if !n.roles.contains(&Role::Transit) => n.roles.push(Role::Transit),
                Some(_) => {}
                None => nodes.push(ChainNode { place, roles: vec![Role::Transit] }),
            }
        }
        nodes.sort_by(|a, b| a.roles.cmp(&b.roles).then(a.place.key.cmp(&b.place.key)));

        // Legs, most supported first.
        let mut built: Vec<Leg> = Vec::new();
        chain_legs.sort_by_cached_key(|((o, d), claims, _)| {
            (std::cmp::Reverse(ctx.support(claims)), ctx.scan.key(*o).to_owned(), ctx.scan.key(*d).to_owned())
        });
        let mut market_acc: BTreeMap<u32, (u64, u64, BTreeMap<String, f64>)> = BTreeMap::new();
        for ((o, d), claims, basis) in &chain_legs {
            let m = market_acc.entry(*d).or_default();
            m.0 += 1;
            m.1 += ctx.support(claims);
            for (unit, max) in ctx.figure_max(claims) {
                *m.2.entry(unit).or_default() += max;
            }
            if built.len() >= ctx.opts.limit {
                continue;
            }
            let link = ctx.link(claims)?;
            let mut via: BTreeSet<String> = BTreeSet::new();
            let mut methods: BTreeSet<String> = BTreeSet::new();
            for &c in claims {
                let q = ctx.qualifiers(c);
                via.extend(q.get("via").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str()).map(str::to_owned));
                if let Some(m) = q.get("method").and_then(|v| v.as_str()) {
                    methods.insert(m.to_owned());
                }
            }
            built.push(Leg {
                origin: ctx.entity(*o),
                destination: ctx.entity(*d),
                origin_roles: roles.get(o).map(|r| r.iter().copied().collect()).unwrap_or_default(),
                destination_roles: roles.get(d).map(|r| r.iter().copied().collect()).unwrap_or_default(),
                via: via.iter().map(|v| ctx.entity_by_key(v)).collect(),
                methods: methods.into_iter().collect(),
                basis: *basis,
                link,
                organizations: ties(ctx, &[*o, *d], k, &operates_at, &traffics_of)?,
            });
        }
        let mut markets: Vec<Market> = market_acc
            .into_iter()
            .filter(|(d, _)| roles.get(d).is_some_and(|r| r.contains(&Role::Market)))
            .map(|(d, (legs, support, stated_volume))| Market { place: ctx.entity(d), rank: 0, legs, support, stated_volume })
            .collect();
        markets.sort_by(|a, b| {
            (b.support, b.legs)
                .cmp(&(a.support, a.legs))
                .then(b.stated_volume.values().sum::<f64>().total_cmp(&a.stated_volume.values().sum::<f64>()))
                .then(a.place.key.cmp(&b.place.key))
        });
        markets.truncate(ctx.opts.limit);
        for (i, m) in markets.iter_mut().enumerate() {
            m.rank = i as u32 + 1;
        }
        let links = |list: &[Edge]| -> crate::Result<Vec<Link>> {
            let mut v: Vec<&Edge> = list.iter().collect();
            v.sort_by_key(|e| std::cmp::Reverse(e.support));
            v.into_iter().take(ctx.opts.limit).map(|e| ctx.edge_link(e)).collect()
        };
        out.push(SupplyChain {
            commodity: ctx.entity(k),
            support,
            nodes,
            production: links(&prod)?,
            exports: links(&exp)?,
            legs: built,
            markets,
            traffickers: links(&traf)?,
            seizures: links(&seiz)?,
        });
    }
    Ok(out)
}

/// Organizations placed at the ends of a leg (or in the countries of its ends), with their
/// `traffics` claims for the commodity.
fn ties(
    ctx: &Ctx,
    ends: &[u32],
    commodity: u32,
    operates_at: &HashMap<u32, Vec<&Edge>>,
    traffics: &HashMap<(u32, u32), &Edge>,
) -> crate::Result<Vec<OrgTie>> {
    // (support, organization, place, operates_in edge, traffics edge)
    let mut found: Vec<(u64, u32, u32, &Edge, Option<&Edge>)> = Vec::new();
    let mut seen: BTreeSet<(u32, u32)> = BTreeSet::new();
    for &end in ends {
        let places: Vec<u32> = std::iter::once(end).chain(ctx.country_key(end)).collect();
        for place in places {
            for e in operates_at.get(&place).into_iter().flatten() {
                if seen.insert((e.s, place)) {
                    let t = traffics.get(&(e.s, commodity)).copied();
                    found.push((e.support + t.map_or(0, |t| t.support), e.s, place, e, t));
                }
            }
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(ctx.scan.key(a.1).cmp(ctx.scan.key(b.1))).then(ctx.scan.key(a.2).cmp(ctx.scan.key(b.2))));
    found
        .into_iter()
        .take(MAX_TIES)
        .map(|(_, org, place, e, t)| {
            let mut links = vec![ctx.edge_link(e)?];
            if let Some(t) = t {
                links.push(ctx.edge_link(t)?);
            }
            Ok(OrgTie { organization: ctx.entity(org), at: ctx.entity(place), links })
        })
        .collect()
}
