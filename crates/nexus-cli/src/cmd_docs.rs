//! `nexus docs`, `nexus doc`, `nexus stats`.

use crate::cli::{DocArgs, RegroupArgs};
use crate::output::{human_bytes, print_json, table, truncate};
use anyhow::Context;
use nexus_store::Store;
use std::path::Path;

pub fn open(db: &Path) -> anyhow::Result<Store> {
    Store::open_existing(db).with_context(|| format!("cannot open the store at {}", db.display()))
}

pub fn list(db: &Path, json: bool) -> anyhow::Result<()> {
    let docs = open(db)?.docs()?;
    if json {
        return print_json(&docs);
    }
    let rows: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            let title = d.title.clone().unwrap_or_else(|| {
                format!("({})", Path::new(&d.source).file_name().map_or(d.source.clone(), |f| f.to_string_lossy().into_owned()))
            });
            vec![
                d.id.clone(),
                d.language.clone(),
                d.published.clone().unwrap_or_else(|| "-".into()),
                human_bytes(d.bytes),
                d.work[..8.min(d.work.len())].to_owned(),
                truncate(&d.authors.join("; "), 24),
                truncate(d.venue.as_deref().unwrap_or("-"), 16),
                truncate(&title, 70),
            ]
        })
        .collect();
    print!("{}", table(&["ID", "LANG", "DATE", "SIZE", "WORK", "AUTHORS", "VENUE", "TITLE"], &rows));
    Ok(())
}

pub fn show(db: &Path, args: DocArgs) -> anyhow::Result<()> {
    let doc = open(db)?.doc(&args.id)?;
    if args.json {
        return print_json(&doc);
    }
    if args.text {
        println!("{}", doc.text);
        return Ok(());
    }
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    println!("id:         {}", doc.id);
    println!("title:      {}", opt(&doc.meta.title));
    println!("authors:    {}", if doc.meta.authors.is_empty() { "-".into() } else { doc.meta.authors.join("; ") });
    println!("published:  {}", opt(&doc.meta.published));
    println!(
        "venue:      {}{}{}",
        opt(&doc.meta.venue),
        doc.meta.volume.as_ref().map(|v| format!(", vol. {v}")).unwrap_or_default(),
        doc.meta.number.as_ref().map(|n| format!(", no. {n}")).unwrap_or_default()
    );
    println!("site:       {}", opt(&doc.meta.site));
    println!("language:   {} ({}, {:.2})", doc.language, doc.language_name, doc.language_confidence);
    println!("format:     {} ({}), {}", doc.format, doc.encoding, human_bytes(doc.bytes));
    println!("sha256:     {}", doc.sha256);
    for p in &doc.paths {
        println!("path:       {p}");
    }
    println!("work:       {} ({} source{})", doc.work, doc.work_members.len() + 1, if doc.work_members.is_empty() { "" } else { "s" });
    for m in &doc.work_members {
        println!("  same work: {} {}{}", m.id, m.source, m.similarity.map(|s| format!(" (similarity {s:.2})")).unwrap_or_default());
    }
    println!("notes:      {}", doc.notes.len());
    for w in &doc.warnings {
        println!("warning:    {w}");
    }
    println!("ingested:   {}", doc.ingested_at);
    println!("text:       {} characters; `nexus doc {} --text` prints it", doc.text.chars().count(), &doc.id[..8]);
    Ok(())
}

pub fn stats(db: &Path, json: bool) -> anyhow::Result<()> {
    let s = open(db)?.stats()?;
    if json {
        return print_json(&s);
    }
    let list = |v: &[(String, u64)]| v.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ");
    println!("store:        {} (schema v{})", db.display(), s.schema_version);
    println!("documents:    {}", s.documents);
    println!("works:        {} ({} with near-duplicates)", s.works, s.near_duplicate_works);
    println!("paths:        {}", s.paths);
    println!("size:         {} read, {} characters of text", human_bytes(s.bytes), s.chars);
    println!("note marks:   {}", s.notes);
    println!("languages:    {}", list(&s.languages));
    println!("formats:      {}", list(&s.formats));
    println!("extracted:    {} of {} documents", s.extracted_documents, s.documents);
    println!("entities:     {} ({} mentions)", s.entities, s.mentions);
    println!("quantities:   {}", s.quantities);
    println!("dates:        {}", s.dates);
    println!("claims:       {}", s.claims);
    Ok(())
}

pub fn regroup(db: &Path, args: RegroupArgs) -> anyhow::Result<()> {
    let summary = open(db)?.regroup(nexus_store::NearDupConfig { threshold: args.near_dup_threshold })?;
    if args.json {
        return print_json(&summary);
    }
    println!(
        "{} documents in {} works at threshold {} ({} changed work)",
        summary.documents, summary.works, args.near_dup_threshold, summary.changed
    );
    Ok(())
}
