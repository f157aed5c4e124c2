//! `nexus claims`, `nexus graph neighbors|path`, `nexus source grade|list` and `nexus entity
//! merge|unmerge|merges`.

use crate::cli::{ClaimsArgs, GradeArgs, MergeArgs, NeighborsArgs, PathArgs, UnmergeArgs};
use crate::cmd_docs::open;
use crate::cmd_entities::resolve;
use crate::cmd_kb::analyst_dirs;
use crate::output::{print_json, table, truncate};
use nexus_kb::KnowledgeBase;
use nexus_store::{ClaimFilter, Edge, EdgeClaims, Reliability, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The store's key of the entity `name` names (as merges read it).
pub(crate) fn key_of(store: &Store, kb: &KnowledgeBase, name: &str) -> anyhow::Result<String> {
    Ok(resolve(store, kb, name)?.0.id)
}

pub(crate) fn kb(db: &Path, dirs: &[PathBuf]) -> KnowledgeBase {
    KnowledgeBase::load(&analyst_dirs(db, dirs)).0
}

/// A store with extracted documents but no claims was extracted before claims were stored.
fn warn_no_claims(store: &Store, db: &Path) -> anyhow::Result<()> {
    let s = store.stats()?;
    if s.claims == 0 && s.extracted_documents > 0 {
        eprintln!("note: no claims are stored; documents extracted before claims existed need `nexus --db {} reextract`", db.display());
    }
    Ok(())
}

pub fn claims(db: &Path, args: ClaimsArgs) -> anyhow::Result<()> {
    let store = open(db)?;
    let needs_kb = args.subject.is_some() || args.object.is_some() || args.entity.is_some();
    let kb = if needs_kb { kb(db, &args.kb) } else { KnowledgeBase::default() };
    let key = |n: &Option<String>| n.as_deref().map(|n| key_of(&store, &kb, n)).transpose();
    let filter = ClaimFilter {
        subject: key(&args.subject)?,
        object: key(&args.object)?,
        entity: key(&args.entity)?,
        predicate: args.predicate,
        min_sources: args.min_sources,
        since: args.since,
        limit: Some(args.limit),
        per_edge: Some(args.per_edge),
    };
    let edges = store.claims(&filter)?;
    if args.json {
        return print_json(&edges);
    }
    warn_no_claims(&store, db)?;
    if edges.is_empty() {
        eprintln!("no claims match");
        return Ok(());
    }
    for e in &edges {
        print_edge_claims(e);
    }
    if edges.len() == args.limit {
        eprintln!("(at most {} edges shown; --limit N shows more)", args.limit);
    }
    Ok(())
}

/// "Sendero Luminoso —operates_in→ VRAEM", read from `from` when given (an edge's other end
/// first when `from` is its object), with support and grades.
pub fn edge_line(e: &Edge, from: Option<&str>) -> String {
    let arrow = if e.symmetric { format!("—{}—", e.predicate) } else { format!("—{}→", e.predicate) };
    let reversed = from.is_some_and(|k| k == e.object) && !e.symmetric;
    let (a, b) = if from.is_some_and(|k| k == e.object) { (&e.object_name, &e.subject_name) } else { (&e.subject_name, &e.object_name) };
    let arrow = if reversed { format!("←{}—", e.predicate) } else { arrow };
    let mut flags = Vec::new();
    if e.conflict {
        flags.push("CONFLICTING FIGURES".to_owned());
    }
    if e.disputed {
        flags.push(format!("DISPUTED by {} work{}", e.denials, plural(e.denials)));
    } else if e.support == 0 {
        flags.push("DENIED".to_owned());
    }
    format!(
        "{a} {arrow} {b}   {} work{} · {} doc{} · {}{} · confidence {}{}{}",
        e.support,
        plural(e.support),
        e.documents,
        plural(e.documents),
        e.reliability.as_str(),
        e.credibility.0,
        e.confidence,
        seen(e),
        if flags.is_empty() { String::new() } else { format!("  [{}]", flags.join("; ")) }
    )
}

fn seen(e: &Edge) -> String {
    match (&e.first_seen, &e.last_seen) {
        (Some(a), Some(b)) if a == b => format!(" · {a}"),
        (Some(a), Some(b)) => format!(" · {a}–{b}"),
        _ => String::new(),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn print_edge_claims(e: &EdgeClaims) {
    println!("{}", edge_line(&e.edge, None));
    for f in &e.edge.figures {
        let values: Vec<String> = f.values.iter().map(|v| format!("{v}")).collect();
        println!(
            "    figures{}: {} {}{}",
            f.date.as_ref().map(|d| format!(" ({d})")).unwrap_or_default(),
            values.join(", "),
            f.unit,
            if f.conflict { "  — differ by more than 10%, all kept" } else { "" }
        );
    }
    for c in &e.claims {
        let publisher = if c.publisher.is_empty() { "—" } else { c.publisher.as_str() };
        let mut marks = Vec::new();
        if c.negated {
            marks.push("denies");
        }
        if c.hedged {
            marks.push("hedged");
        }
        if c.status == Some(nexus_store::ClaimStatus::Confirmed) {
            marks.push("confirmed by an analyst");
        }
        println!(
            "  {} {} {} {}{} {:>3}{}  \"{}\"  (claim {})",
            &c.doc[..8.min(c.doc.len())],
            c.published.as_deref().unwrap_or("----"),
            truncate(publisher, 20),
            c.reliability.as_str(),
            c.credibility.0,
            c.confidence,
            if marks.is_empty() { String::new() } else { format!(" ({})", marks.join(", ")) },
            truncate(&c.evidence, 200),
            c.id
        );
    }
    let hidden = e.edge.claim_count as usize - e.claims.len();
    if hidden > 0 {
        println!("  … {hidden} more claim{} (--per-edge N shows more)", if hidden == 1 { "" } else { "s" });
    }
}

#[derive(Serialize)]
struct Neighbor<'a> {
    depth: usize,
    #[serde(flatten)]
    edge: &'a EdgeClaims,
}

pub fn neighbors(db: &Path, args: NeighborsArgs) -> anyhow::Result<()> {
    let store = open(db)?;
    let kb = kb(db, &args.kb);
    let (e, _) = resolve(&store, &kb, &args.entity.join(" "))?;
    let found = store.neighbors(&e.id, args.depth as usize, args.predicate.as_deref(), args.max_nodes)?;
    if args.json {
        let out: Vec<Neighbor> = found.iter().map(|(depth, edge)| Neighbor { depth: *depth, edge }).collect();
        return print_json(&out);
    }
    warn_no_claims(&store, db)?;
    if found.is_empty() {
        eprintln!("{} ({}) has no relations{}", e.name, e.id, args.predicate.map(|p| format!(" by {p}")).unwrap_or_default());
        return Ok(());
    }
    println!("{} ({}, {})", e.name, e.entity_type, e.id);
    for (depth, edge) in &found {
        let indent = "  ".repeat(*depth);
        println!("{indent}{}", edge_line(&edge.edge, if *depth == 1 { Some(&e.id) } else { None }));
    }
    Ok(())
}

pub fn path(db: &Path, args: PathArgs) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    let kb = kb(db, &args.kb);
    let (a, _) = resolve(&store, &kb, &args.from)?;
    let (b, _) = resolve(&store, &kb, &args.to)?;
    let graph = store.graph(args.predicate.as_deref())?;
    for e in [&a, &b] {
        if graph.node(&e.id).is_none() {
            anyhow::bail!(
                "{} ({}) has no relations{}",
                e.name,
                e.id,
                args.predicate.as_ref().map(|p| format!(" by {p}")).unwrap_or_default()
            );
        }
    }
    let found = graph.path(&a.id, &b.id);
    if args.json {
        print_json(&found)?;
    } else {
        match &found {
            None => eprintln!("no path between {} and {}", a.name, b.name),
            Some(p) => {
                println!(
                    "{} hop{} from {} to {}, cost {:.3} (Σ 1/support)",
                    p.hops.len(),
                    plural(p.hops.len() as u64),
                    a.name,
                    b.name,
                    p.cost
                );
                for h in &p.hops {
                    let (from, to) = (name(&store, &h.from)?, name(&store, &h.to)?);
                    let arrow = if h.forward { format!("—{}→", h.predicate) } else { format!("←{}—", h.predicate) };
                    println!("  {from} {arrow} {to}   ({} work{})", h.support, plural(h.support));
                }
            }
        }
    }
    // No path is an answer, not a failure; but scripts can tell the two apart.
    Ok(if found.is_some() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn name(store: &Store, key: &str) -> anyhow::Result<String> {
    Ok(store.entity_name(key)?.unwrap_or_else(|| key.to_owned()))
}

pub fn grade(db: &Path, args: GradeArgs) -> anyhow::Result<()> {
    let mut store = open(db)?;
    let grade = Reliability::parse(&args.grade).ok_or_else(|| anyhow::anyhow!("'{}' is not a reliability grade (A–F)", args.grade))?;
    let known = store.sources()?;
    let folded = nexus_store::fold(&args.publisher);
    if args.publisher.trim() != nexus_store::DEFAULT_PUBLISHER && !known.iter().any(|s| s.publisher == folded) {
        eprintln!("note: no stored document names the publisher '{}' yet; the grade applies when one does", args.publisher);
    }
    store.grade_source(&args.publisher, grade, args.note.as_deref())?;
    let (g, _) = store.source_grade(&args.publisher)?;
    if args.json {
        return print_json(&serde_json::json!({"publisher": args.publisher.trim(), "reliability": g}));
    }
    println!("{}: reliability {}", args.publisher.trim(), g.as_str());
    Ok(())
}

pub fn sources(db: &Path, json: bool) -> anyhow::Result<()> {
    let store = open(db)?;
    let sources = store.sources()?;
    if json {
        return print_json(&sources);
    }
    let rows: Vec<Vec<String>> = sources
        .iter()
        .map(|s| {
            vec![
                if s.publisher.is_empty() { "(no venue or site)".into() } else { truncate(&s.name, 40) },
                format!("{}{}", s.reliability.as_str(), if s.graded { "" } else { " (default)" }),
                s.documents.to_string(),
                s.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    print!("{}", table(&["PUBLISHER", "RELIABILITY", "DOCUMENTS", "NOTE"], &rows));
    Ok(())
}

pub fn merge(db: &Path, args: MergeArgs) -> anyhow::Result<()> {
    let mut store = open(db)?;
    let kb = kb(db, &[]);
    let (from, into) = (key_of(&store, &kb, &args.from)?, key_of(&store, &kb, &args.into)?);
    // Through the corrections log, so merges are undone and listed like every correction.
    let c = store.correct(&nexus_store::Change::Merge { from, into }, &args.who.name, Some(&args.evidence))?;
    let m = merge_of(&store, &c)?;
    if args.json {
        return print_json(&m);
    }
    println!("merged {} into {} ({}; correction {}); `nexus entity unmerge '{}'` undoes it", m.from, m.into, m.entity_type, c.id, m.from);
    Ok(())
}

/// The merge a merge or split correction made or undid.
fn merge_of(store: &Store, c: &nexus_store::Correction) -> anyhow::Result<nexus_store::MergeRecord> {
    let id = c.after["merge"].as_i64().or(c.before["merge"].as_i64());
    store.merge_history()?.into_iter().find(|m| Some(m.id) == id).ok_or_else(|| anyhow::anyhow!("correction {} names no merge", c.id))
}

pub fn unmerge(db: &Path, args: UnmergeArgs) -> anyhow::Result<()> {
    let mut store = open(db)?;
    // By key first: a merged name resolves to what it was merged into.
    let active = store.merge_history()?.into_iter().filter(|m| m.undone_at.is_none()).collect::<Vec<_>>();
    let from = match active.iter().find(|m| m.from == args.from) {
        Some(m) => m.from.clone(),
        None => {
            let keys = store.find_entities(&args.from)?;
            match active.iter().find(|m| keys.contains(&m.from)) {
                Some(m) => m.from.clone(),
                None => anyhow::bail!("'{}' is not merged into anything (`nexus entity merges` lists the merges)", args.from),
            }
        }
    };
    let c = store.correct(&nexus_store::Change::Split { key: from }, &args.who.name, args.note.as_deref())?;
    let m = merge_of(&store, &c)?;
    if args.json {
        return print_json(&m);
    }
    println!("unmerged {} from {}", m.from, m.into);
    Ok(())
}

pub fn merges(db: &Path, json: bool) -> anyhow::Result<()> {
    let history = open(db)?.merge_history()?;
    if json {
        return print_json(&history);
    }
    let rows: Vec<Vec<String>> = history
        .iter()
        .map(|m| {
            vec![
                m.from.clone(),
                m.into.clone(),
                m.entity_type.clone(),
                m.created_at.clone(),
                m.undone_at.clone().unwrap_or_else(|| "active".into()),
                truncate(&m.evidence, 60),
            ]
        })
        .collect();
    print!("{}", table(&["FROM", "INTO", "TYPE", "DECIDED", "UNDONE", "EVIDENCE"], &rows));
    Ok(())
}
