//! `nexus analyze`: central actors and brokers, supply chains, the crime–terror nexus and change
//! over time, as tables or as the JSON the report reads.

use crate::cli::AnalyzeArgs;
use crate::cmd_docs::open;
use crate::cmd_entities::resolve;
use crate::cmd_kb::analyst_dirs;
use crate::output::{print_json, table, truncate};
use anyhow::Context;
use nexus_analysis::{Analysis, Link, Options};
use nexus_kb::KnowledgeBase;
use std::path::Path;

pub fn run(db: &Path, args: AnalyzeArgs) -> anyhow::Result<()> {
    let store = open(db)?;
    let kb = KnowledgeBase::load(&analyst_dirs(db, &args.kb)).0;
    let focus = args.focus.as_deref().map(|n| resolve(&store, &kb, n).map(|r| r.0.id)).transpose()?;
    let opts = Options {
        focus,
        focus_depth: args.depth,
        since: args.since,
        until: args.until,
        split: args.split,
        min_sources: args.min_sources,
        window_years: Some(args.window),
        limit: args.limit,
        ..Default::default()
    };
    let a = nexus_analysis::analyze(&store, &kb, &opts).with_context(|| format!("cannot analyze {}", db.display()))?;
    if args.json {
        return print_json(&a);
    }
    if a.summary.edges == 0 {
        eprintln!("note: no edges in scope (no claims stored, or none in the window, focus or --min-sources)");
        return Ok(());
    }
    print!("{}", human(&a));
    Ok(())
}

/// "[2 works, 3 docs] hedged" — how a statement is supported.
fn support(l: &Link) -> String {
    let mut s = format!("{} work{}", l.support, if l.support == 1 { "" } else { "s" });
    if l.documents != l.support {
        s.push_str(&format!(", {} docs", l.documents));
    }
    if l.hedged {
        s.push_str(", hedged");
    }
    if l.denials > 0 {
        s.push_str(&format!(", denied by {}", l.denials));
    }
    s
}

fn figures(l: &Link) -> String {
    l.figures
        .iter()
        .map(|f| {
            let v = if f.min == f.max { format!("{}", f.max) } else { format!("{}–{}", f.min, f.max) };
            let date = f.date.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
            format!("{v} {}{date}", f.unit)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn human(a: &Analysis) -> String {
    let s = &a.summary;
    let mut out = format!(
        "{} edges between {} entities from {} claims in {} documents ({} works){}\n",
        s.edges,
        s.entities,
        s.claims,
        s.documents,
        s.works,
        match (&s.first_seen, &s.last_seen) {
            (Some(f), Some(l)) => format!(", seen {f} to {l}"),
            _ => String::new(),
        }
    );
    if let Some(f) = &a.scope.focus {
        out.push_str(&format!("focus: {} ({} hops)\n", f.name, a.scope.focus_depth));
    }

    out.push_str("\nTop actors\n");
    let rows: Vec<Vec<String>> = a
        .actors
        .iter()
        .take(20)
        .map(|x| {
            let mut flags = Vec::new();
            if x.community_broker {
                flags.push("community broker");
            }
            if x.crime_terror_broker {
                flags.push("crime–terror broker");
            }
            vec![
                x.rank.to_string(),
                truncate(&x.entity.name, 32),
                x.entity.entity_type.clone(),
                x.degree.to_string(),
                x.betweenness.map_or("–".into(), |b| format!("{b:.3}")),
                format!("{:.3}", x.eigenvector),
                x.community.map_or("–".into(), |c| c.to_string()),
                flags.join(", "),
            ]
        })
        .collect();
    out.push_str(&table(&["#", "ENTITY", "TYPE", "DEGREE", "BETWEENNESS", "EIGENVECTOR", "COMMUNITY", "BROKER"], &rows));
    out.push_str(&format!(
        "({} communities{}; betweenness {})\n",
        a.communities.len(),
        s.modularity.map(|m| format!(", modularity {m:.2}")).unwrap_or_default(),
        s.betweenness
    ));

    for c in a.supply_chains.iter().filter(|c| !c.legs.is_empty()).take(5) {
        out.push_str(&format!("\nSupply chain: {}\n", c.commodity.name));
        let rows: Vec<Vec<String>> = c
            .legs
            .iter()
            .take(25)
            .map(|l| {
                let orgs: Vec<&str> = l.organizations.iter().map(|t| t.organization.name.as_str()).collect();
                vec![
                    truncate(&l.origin.name, 24),
                    truncate(&l.destination.name, 24),
                    support(&l.link),
                    figures(&l.link),
                    format!("{:?}", l.basis).to_lowercase(),
                    truncate(&orgs.join(", "), 40),
                ]
            })
            .collect();
        out.push_str(&table(&["FROM", "TO", "SUPPORT", "VOLUME", "COMMODITY", "ORGANIZATIONS"], &rows));
        let markets: Vec<String> = c.markets.iter().take(10).map(|m| format!("{}. {}", m.rank, m.place.name)).collect();
        if !markets.is_empty() {
            out.push_str(&format!("markets: {}\n", markets.join(", ")));
        }
    }

    if !a.nexus.armed_groups.is_empty() {
        out.push_str("\nCrime–terror nexus: armed groups\n");
        let rows: Vec<Vec<String>> = a
            .nexus
            .armed_groups
            .iter()
            .take(15)
            .map(|g| {
                let econ: Vec<String> = g.economies.iter().map(|l| format!("{} {}", l.predicate, l.object.name)).collect();
                let places: Vec<&str> = g.places.iter().map(|l| l.object.name.as_str()).collect();
                vec![
                    truncate(&g.group.name, 28),
                    g.score.to_string(),
                    truncate(&econ.join("; "), 48),
                    truncate(&places.join(", "), 32),
                    g.first_seen.clone().unwrap_or_else(|| "–".into()),
                ]
            })
            .collect();
        out.push_str(&table(&["ARMED GROUP", "SCORE", "ECONOMIES", "WHERE", "SINCE"], &rows));
    }
    if !a.nexus.places.is_empty() {
        out.push_str("\nCrime–terror nexus: places\n");
        let rows: Vec<Vec<String>> = a
            .nexus
            .places
            .iter()
            .take(15)
            .map(|p| {
                let names = |v: &[Link]| v.iter().map(|l| l.subject.name.as_str()).collect::<Vec<_>>().join(", ");
                let acts: Vec<String> = p.activities.iter().map(|l| l.object.name.clone()).collect();
                vec![
                    truncate(&p.place.name, 24),
                    p.score.to_string(),
                    truncate(&names(&p.armed_groups), 32),
                    truncate(&names(&p.criminal_orgs), 32),
                    truncate(&acts.join(", "), 32),
                ]
            })
            .collect();
        out.push_str(&table(&["PLACE", "SCORE", "ARMED GROUPS", "CRIMINAL ORGANIZATIONS", "ACTIVITIES"], &rows));
    }

    if let Some(ch) = &a.changes {
        out.push_str(&format!(
            "\nChanges: before {} ({} claims) → from {} ({} claims)\n",
            a.scope.split.as_deref().unwrap_or("?"),
            ch.before.claims,
            a.scope.split.as_deref().unwrap_or("?"),
            ch.after.claims
        ));
        let count = |m: &std::collections::BTreeMap<String, Vec<Link>>| {
            m.iter().map(|(p, v)| format!("{p} {}", v.len())).collect::<Vec<_>>().join(", ")
        };
        out.push_str(&format!("  new edges: {}\n", count(&ch.new_edges)));
        out.push_str(&format!("  vanished edges: {}\n", count(&ch.vanished_edges)));
        let line = |label: &str, v: Vec<String>| {
            if v.is_empty() { String::new() } else { format!("  {label}: {}\n", truncate(&v.join(", "), 160)) }
        };
        out.push_str(&line("new alliances", ch.new_alliances.iter().map(|l| format!("{} – {}", l.subject.name, l.object.name)).collect()));
        out.push_str(&line("new routes", ch.new_routes.iter().map(|l| format!("{} → {}", l.subject.name, l.object.name)).collect()));
        out.push_str(&line("new markets", ch.new_markets.iter().map(|e| e.name.clone()).collect()));
        out.push_str(&line("appeared", ch.appeared.iter().map(|e| e.name.clone()).collect()));
        out.push_str(&line("vanished", ch.vanished.iter().map(|e| e.name.clone()).collect()));
    }
    out.push_str("\n(--json gives every statement with its citations: claim, document, sentence)\n");
    out
}
