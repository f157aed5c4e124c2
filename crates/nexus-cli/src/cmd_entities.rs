//! `nexus entities` and `nexus entity`.

use crate::cli::{EntitiesArgs, EntityAction, EntityArgs};
use crate::cmd_docs::open;
use crate::cmd_kb::analyst_dirs;
use crate::output::{highlight, print_json, table, truncate};
use nexus_kb::{Entity, KnowledgeBase};
use nexus_store::{AnalystNote, EdgeClaims, EntitySummary, MentionContext, Store, fold};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;

pub fn list(db: &Path, args: EntitiesArgs) -> anyhow::Result<()> {
    let store = open(db)?;
    let entities = store.entities(args.entity_type.as_deref(), args.limit)?;
    warn_unextracted(&store, db)?;
    if args.json {
        return print_json(&entities);
    }
    if entities.is_empty() {
        eprintln!("no entities{}", args.entity_type.map(|t| format!(" of type {t}")).unwrap_or_default());
        return Ok(());
    }
    print!("{}", entity_table(&entities));
    Ok(())
}

/// The `nexus entities` table, also shown by `nexus demo`.
pub fn entity_table(entities: &[EntitySummary]) -> String {
    let rows: Vec<Vec<String>> = entities
        .iter()
        .map(|e| {
            vec![
                truncate(&e.name, 40),
                e.entity_type.clone(),
                e.kb_id.clone().unwrap_or_else(|| "—".into()),
                e.mentions.to_string(),
                e.documents.to_string(),
            ]
        })
        .collect();
    table(&["NAME", "TYPE", "KB ID", "MENTIONS", "DOCUMENTS"], &rows)
}

/// Counts that leave documents out are misleading unless the reader knows.
fn warn_unextracted(store: &Store, db: &Path) -> anyhow::Result<()> {
    let s = store.stats()?;
    if s.extracted_documents < s.documents {
        let missing = s.documents - s.extracted_documents;
        eprintln!(
            "note: {missing} of {} documents have no extraction yet; `nexus --db {} reextract` extracts them",
            s.documents,
            db.display()
        );
    }
    Ok(())
}

#[derive(Serialize)]
struct Surface {
    text: String,
    count: u64,
}

/// What `nexus entity --json` prints.
#[derive(Serialize)]
struct EntityOut {
    /// The store's key: the knowledge-base id, or `type:folded name` for a learned entity.
    id: String,
    kb_id: Option<String>,
    name: String,
    #[serde(rename = "type")]
    entity_type: String,
    unnamed: bool,
    wikidata: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    /// The knowledge base's names for it (accent variants of one name shown once).
    aliases: Vec<String>,
    acronyms: Vec<String>,
    /// The distinct texts that mention it in the corpus, most frequent first.
    surface_forms: Vec<Surface>,
    mentions: u64,
    documents: u64,
    contexts: Vec<MentionContext>,
    /// Other entities with the same name; `nexus entity ID` shows one of them.
    also: Vec<EntitySummary>,
    /// Its edges in the graph, most supported first, each with its best claim.
    relations: Vec<EdgeClaims>,
    /// Analysts' notes on it (`nexus correct note`), oldest first.
    notes: Vec<AnalystNote>,
}

/// `nexus entity NAME` or one of its actions (merge, unmerge, merges).
pub fn entity(db: &Path, args: EntityArgs) -> anyhow::Result<()> {
    match args.action {
        Some(EntityAction::Merge(a)) => crate::cmd_graph::merge(db, a),
        Some(EntityAction::Unmerge(a)) => crate::cmd_graph::unmerge(db, a),
        Some(EntityAction::Merges(a)) => crate::cmd_graph::merges(db, a.json),
        None => show(db, args),
    }
}

/// The entity `query` names, as merges read it: by name, alias, acronym or id, in the store or the
/// knowledge base, whatever the case and accents; the one the corpus mentions most first, then
/// the others with that name. An unknown name is an error with the closest names.
pub fn resolve(store: &Store, kb: &KnowledgeBase, query: &str) -> anyhow::Result<(EntitySummary, Vec<EntitySummary>)> {
    let merges = store.merges()?;
    let mut keys: BTreeSet<String> = store.find_entities(query)?.into_iter().collect();
    keys.extend(kb_matches(kb, query).into_iter().map(|e| e.id.clone()));
    let keys: BTreeSet<String> = keys.iter().map(|k| merges.canonical(k).to_owned()).collect();
    if keys.is_empty() {
        anyhow::bail!("no entity called '{query}' in the store or the knowledge base{}", did_you_mean(store, kb, query)?);
    }
    // The one the corpus talks about most; an exact name before an alias, then by id.
    let q = fold(query);
    let mut found: Vec<EntitySummary> =
        keys.iter().map(|k| summary(store, kb, k)).collect::<anyhow::Result<Vec<_>>>()?.into_iter().flatten().collect();
    found.sort_by(|a, b| {
        (b.documents, b.mentions, fold(&b.name) == q).cmp(&(a.documents, a.mentions, fold(&a.name) == q)).then(a.id.cmp(&b.id))
    });
    let mut found = found.into_iter();
    let Some(e) = found.next() else { anyhow::bail!("no entity called '{query}'") };
    Ok((e, found.collect()))
}

pub fn show(db: &Path, args: EntityArgs) -> anyhow::Result<()> {
    let query = args.name.join(" ");
    let store = open(db)?;
    let (kb, _) = KnowledgeBase::load(&analyst_dirs(db, &args.kb));
    let (e, also) = resolve(&store, &kb, &query)?;
    let entry = e.kb_id.as_deref().and_then(|id| kb.get(id));
    let mut aliases: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::from([fold(&e.name)]);
    // The knowledge base's names, then those analysts added (`nexus correct alias`).
    let added = store.analyst_aliases(&e.id)?;
    for name in entry.into_iter().flat_map(Entity::names).chain(added.iter().map(String::as_str)) {
        if seen.insert(fold(name)) {
            aliases.push(name.to_owned());
        }
    }
    let out = EntityOut {
        surface_forms: store.surface_forms(&e.id)?.into_iter().map(|(text, count)| Surface { text, count }).collect(),
        contexts: store.entity_mentions(&e.id, args.limit)?,
        id: e.id.clone(),
        kb_id: e.kb_id.clone(),
        name: e.name.clone(),
        entity_type: e.entity_type.clone(),
        unnamed: e.unnamed,
        wikidata: entry.and_then(|k| k.wikidata.clone()),
        kind: entry.and_then(|k| k.kind.clone()),
        country: entry.and_then(|k| k.country.clone()),
        aliases,
        acronyms: entry.map(|k| k.acronyms.clone()).unwrap_or_default(),
        mentions: e.mentions,
        documents: e.documents,
        also,
        relations: store.edges_of(&e.id, None)?,
        notes: store.entity_notes(&e.id)?,
    };
    if args.json {
        return print_json(&out);
    }
    print_entity(&out);
    warn_unextracted(&store, db)?;
    Ok(())
}

fn print_entity(e: &EntityOut) {
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    println!("{}  ({}{})", e.name, e.entity_type, if e.unnamed { ", unnamed" } else { "" });
    match &e.kb_id {
        Some(id) => println!("kb id:      {id}"),
        None => println!("kb id:      —  (learned from the documents; id {})", e.id),
    }
    if e.kb_id.is_some() {
        println!("wikidata:   {}", or_dash(&e.wikidata));
    }
    if let Some(kind) = &e.kind {
        println!("kind:       {kind}{}", e.country.as_ref().map(|c| format!(" ({c})")).unwrap_or_default());
    }
    if !e.aliases.is_empty() {
        println!("aliases:    {}", e.aliases.join("; "));
    }
    if !e.acronyms.is_empty() {
        println!("acronyms:   {}", e.acronyms.join(", "));
    }
    if !e.surface_forms.is_empty() {
        let forms: Vec<String> = e.surface_forms.iter().map(|s| format!("{} ×{}", s.text, s.count)).collect();
        println!("seen as:    {}", forms.join("; "));
    }
    println!("mentions:   {} in {} document{}", e.mentions, e.documents, if e.documents == 1 { "" } else { "s" });
    for n in &e.notes {
        println!("note:       {} ({}, {}; correction {})", n.text, n.who, n.at, n.correction);
    }
    for other in &e.also {
        println!(
            "also:       {} ({}, {}; {} documents) — `nexus entity '{}'`",
            other.name, other.entity_type, other.id, other.documents, other.id
        );
    }
    if !e.relations.is_empty() {
        println!("\nrelations:  {} (`nexus claims --entity '{}'` shows their claims)", e.relations.len(), e.id);
        for r in e.relations.iter().take(RELATIONS_SHOWN) {
            println!("  {}", crate::cmd_graph::edge_line(&r.edge, Some(&e.id)));
            if let Some(c) = r.claims.first() {
                println!("      {}  \"{}\"", &c.doc[..8.min(c.doc.len())], truncate(&c.evidence, 160));
            }
        }
        if e.relations.len() > RELATIONS_SHOWN {
            println!("  … {} more (--json shows all)", e.relations.len() - RELATIONS_SHOWN);
        }
    }
    // Mentions in one sentence are shown once, all highlighted.
    let mut i = 0;
    while i < e.contexts.len() {
        let c = &e.contexts[i];
        if i == 0 || e.contexts[i - 1].doc != c.doc {
            println!("\n{}  {}", c.doc, c.title.as_deref().unwrap_or("(untitled)"));
        }
        let same = e.contexts[i..].iter().take_while(|o| o.doc == c.doc && o.snippet == c.snippet).count();
        let marks: Vec<(usize, usize)> = e.contexts[i..i + same].iter().map(|o| o.highlight).collect();
        println!("    {}", highlight(&c.snippet, &marks));
        i += same;
    }
    let shown = e.contexts.len() as u64;
    if shown < e.mentions {
        println!("\n… {} more mention{} (--limit N shows more)", e.mentions - shown, if e.mentions - shown == 1 { "" } else { "s" });
    }
}

/// Relations listed by `nexus entity` before the mentions.
const RELATIONS_SHOWN: usize = 20;

/// The entity `key` as the corpus knows it, or as the knowledge base does when no document
/// mentions it (zero counts).
fn summary(store: &Store, kb: &KnowledgeBase, key: &str) -> anyhow::Result<Option<EntitySummary>> {
    if let Some(e) = store.entity(key)? {
        return Ok(Some(e));
    }
    Ok(kb.get(key).map(|k| EntitySummary {
        id: k.id.clone(),
        kb_id: Some(k.id.clone()),
        name: k.name.clone(),
        entity_type: k.entity_type.as_str().to_owned(),
        unnamed: false,
        mentions: 0,
        documents: 0,
    }))
}

/// Knowledge-base entries whose id, name, alias or acronym is `query`, folded.
fn kb_matches<'a>(kb: &'a KnowledgeBase, query: &str) -> Vec<&'a Entity> {
    let q = fold(query);
    kb.entities()
        .iter()
        .filter(|e| fold(&e.id) == q || e.names().chain(e.acronyms.iter().map(String::as_str)).any(|n| fold(n) == q))
        .collect()
}

/// "; did you mean: …?" with the closest names in the corpus and the knowledge base, or nothing.
fn did_you_mean(store: &Store, kb: &KnowledgeBase, query: &str) -> anyhow::Result<String> {
    let corpus = store.entity_names()?;
    let kb_names: Vec<(String, &str)> = kb
        .entities()
        .iter()
        .flat_map(|e| e.names().chain(e.acronyms.iter().map(String::as_str)).map(move |n| (fold(n), e.id.as_str())))
        .collect();
    let names = corpus.iter().map(|(n, k)| (n.as_str(), k.as_str())).chain(kb_names.iter().map(|(n, k)| (n.as_str(), *k)));
    let mut shown = Vec::new();
    for key in nexus_store::suggest(query, names, 5) {
        if let Some(e) = summary(store, kb, key)? {
            shown.push(format!("{} ({})", e.name, e.entity_type));
        }
    }
    Ok(if shown.is_empty() { String::new() } else { format!("; did you mean: {}?", shown.join(", ")) })
}
