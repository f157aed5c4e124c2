//! `nexus correct …` and `nexus corrections [undo]`: analyst corrections through the store's
//! logged API (`Store::correct`), the same calls the web workbench makes.

use crate::cli::{CorrectCommand, CorrectionFlags, CorrectionsAction, CorrectionsArgs};
use crate::cmd_docs::open;
use crate::cmd_graph::{kb, key_of};
use crate::output::{print_json, table, truncate};
use nexus_store::{Change, Correction, Store, StoreError};
use std::path::Path;

/// The entity key a name, alias or key names (as merges read it); a key the store has is taken
/// as is, so a merged key can still be named.
fn entity_key(store: &Store, db: &Path, name: &str) -> anyhow::Result<String> {
    if store.entity(name)?.is_some() {
        return Ok(name.to_owned());
    }
    key_of(store, &kb(db, &[]), name)
}

pub fn correct(db: &Path, command: CorrectCommand) -> anyhow::Result<()> {
    let mut store = open(db)?;
    let (change, flags): (Change, CorrectionFlags) = match command {
        CorrectCommand::SetType(a) => (Change::SetType { key: entity_key(&store, db, &a.entity)?, r#type: a.entity_type }, a.flags),
        CorrectCommand::Alias(a) => (Change::AddAlias { key: entity_key(&store, db, &a.entity)?, alias: a.alias }, a.flags),
        CorrectCommand::Confirm(a) => (Change::ConfirmClaim { claim_id: a.claim_id }, a.flags),
        CorrectCommand::Reject(a) => (Change::RejectClaim { claim_id: a.claim_id }, a.flags),
        CorrectCommand::Note(a) => {
            let text = a.text.join(" ");
            // A claim or document id, or an entity key as given; else the entity the name names.
            match store.correct(&Change::Note { target: a.target.clone(), text: text.clone() }, &a.flags.who.name, a.flags.note.as_deref())
            {
                Err(StoreError::UnknownTarget(_)) => (Change::Note { target: entity_key(&store, db, &a.target)?, text }, a.flags),
                done => return report(done?, a.flags.json),
            }
        }
    };
    let c = store.correct(&change, &flags.who.name, flags.note.as_deref())?;
    report(c, flags.json)
}

/// A logged correction, as JSON or one line with how to undo it.
pub fn report(c: Correction, json: bool) -> anyhow::Result<()> {
    if json {
        return print_json(&c);
    }
    println!("correction {}: {} {} {}; `nexus corrections undo {}` undoes it", c.id, c.kind, c.target, c.after, c.id);
    Ok(())
}

pub fn corrections(db: &Path, args: CorrectionsArgs) -> anyhow::Result<()> {
    if let Some(CorrectionsAction::Undo(u)) = args.action {
        let c = open(db)?.undo_correction(u.id, &u.who.name)?;
        if u.json {
            return print_json(&c);
        }
        println!("undid correction {} ({} {}); it stays in the log, marked undone", c.id, c.kind, c.target);
        return Ok(());
    }
    let store = open(db)?;
    // An entity may be named; a claim or document id (or a key) is taken as it is.
    let target = match args.target {
        Some(t) if store.corrections(Some(&t))?.is_empty() => Some(entity_key(&store, db, &t).unwrap_or(t)),
        other => other,
    };
    let log = store.corrections(target.as_deref())?;
    if args.json {
        return print_json(&log);
    }
    if log.is_empty() {
        eprintln!("no corrections{}", target.map(|t| format!(" of {t}")).unwrap_or_default());
        return Ok(());
    }
    let rows: Vec<Vec<String>> = log
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                c.at.clone(),
                c.who.clone(),
                c.kind.clone(),
                truncate(&c.target, 40),
                truncate(&c.after.to_string(), 50),
                match (&c.undone_at, &c.undone_by) {
                    (Some(at), Some(by)) => format!("undone {at} by {by}"),
                    (Some(at), None) => format!("undone {at}"),
                    _ => "in force".into(),
                },
                truncate(c.note.as_deref().unwrap_or(""), 40),
            ]
        })
        .collect();
    print!("{}", table(&["ID", "AT", "WHO", "KIND", "TARGET", "AFTER", "STATE", "NOTE"], &rows));
    Ok(())
}
