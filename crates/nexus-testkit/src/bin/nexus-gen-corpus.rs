//! Write a synthetic corpus for benchmarks: `nexus-gen-corpus --docs 100000 --words 400 --out DIR`;
//! `--relations` adds sentences relating knowledge-base names (organizations, state bodies,
//! countries, places, commodities), so extraction finds entities and claims in it.

use clap::Parser;
use nexus_kb::EntityType;
use std::path::PathBuf;

#[derive(Parser)]
struct Args {
    /// Number of documents.
    #[arg(long)]
    docs: usize,
    /// Approximate words per document.
    #[arg(long, default_value_t = 400)]
    words: usize,
    /// Every Nth document is a near-duplicate of the previous one (0 for none).
    #[arg(long, default_value_t = 10)]
    near_dup_every: usize,
    /// State relations between knowledge-base names in every document.
    #[arg(long)]
    relations: bool,
    #[arg(long)]
    out: PathBuf,
}

/// Names from the bundled knowledge base that extraction reads without context: not marked
/// ambiguous, no parentheses; at most `max` of each list.
fn names() -> nexus_testkit::reports::Names {
    let (kb, _) = nexus_kb::KnowledgeBase::load(&[]);
    let mut n = nexus_testkit::reports::Names::default();
    for e in kb.entities() {
        if e.ambiguous || e.name.contains(['(', ')']) || e.name.split_whitespace().count() > 5 {
            continue;
        }
        let list = match e.entity_type {
            EntityType::CriminalOrg | EntityType::ArmedGroup if n.orgs.len() < 150 => &mut n.orgs,
            EntityType::StateActor if n.states.len() < 80 => &mut n.states,
            EntityType::Country if n.countries.len() < 60 => &mut n.countries,
            EntityType::Place if e.lat.is_some() && e.kind.as_deref() != Some("city") && n.places.len() < 200 => &mut n.places,
            EntityType::Commodity if n.commodities.len() < 20 => &mut n.commodities,
            _ => continue,
        };
        list.push(e.name.clone());
    }
    n
}

fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let paths = if a.relations {
        nexus_testkit::reports::write_corpus(&a.out, a.docs, a.words, a.near_dup_every, &names())?
    } else {
        nexus_testkit::write_corpus(&a.out, a.docs, a.words, a.near_dup_every)?
    };
    let bytes: u64 = paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    eprintln!("wrote {} documents, {} bytes, into {}", paths.len(), bytes, a.out.display());
    Ok(())
}
