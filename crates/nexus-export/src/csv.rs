//! Entities and links as two CSV files, for i2 Analyst's Notebook and Maltego. Each link row
//! repeats both ends' id, label and type, so the links file alone also fits the one-sheet import
//! both tools offer (one row per link, an entity at each end).
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
//! carriage return) get a leading `'`, as OWASP advises: document text is untrusted, and these
//! files are opened in Excel as often as imported.

use crate::model::{best_evidence, edge_docs, figures};
use crate::{Result, Snapshot};
use std::borrow::Cow;
use std::io::Write;

pub const ENTITY_HEADERS: &[&str] = &[
    "id",
    "label",
    "type",
    "kind",
    "country",
    "latitude",
    "longitude",
    "in_kb",
    "wikidata",
    "unnamed",
    "documents",
    "mentions",
    "support",
    "first_seen",
    "last_seen",
];

pub const LINK_HEADERS: &[&str] = &[
    "link_id",
    "source_id",
    "source_label",
    "source_type",
    "link_type",
    "target_id",
    "target_label",
    "target_type",
    "directed",
    "support",
    "documents",
    "claims",
    "denials",
    "disputed",
    "first_seen",
    "last_seen",
    "figures",
    "conflict",
    "reliability",
    "credibility",
    "confidence",
    "sources",
    "evidence",
];

/// A text cell that no spreadsheet runs as a formula.
pub fn cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { Cow::Owned(format!("'{s}")) } else { Cow::Borrowed(s) }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn write_entities(s: &Snapshot, out: &mut dyn Write) -> Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(ENTITY_HEADERS)?;
    for n in &s.nodes {
        w.write_record([
            cell(&n.key).as_ref(),
            cell(&n.name).as_ref(),
            &n.entity_type,
            cell(n.kind.as_deref().unwrap_or("")).as_ref(),
            n.country.as_deref().unwrap_or(""),
            &opt(&n.lat),
            &opt(&n.lon),
            &n.in_kb.to_string(),
            n.wikidata.as_deref().unwrap_or(""),
            &n.unnamed.to_string(),
            &n.documents.to_string(),
            &n.mentions.to_string(),
            &n.support.to_string(),
            n.first_seen.as_deref().unwrap_or(""),
            n.last_seen.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_links(s: &Snapshot, out: &mut dyn Write) -> Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(LINK_HEADERS)?;
    for (i, ec) in s.edges.iter().enumerate() {
        let e = &ec.edge;
        let ty = |k: &str| s.node(k).map_or("", |n| n.entity_type.as_str()).to_owned();
        w.write_record([
            format!("e{i}").as_str(),
            cell(&e.subject).as_ref(),
            cell(&e.subject_name).as_ref(),
            &ty(&e.subject),
            &e.predicate,
            cell(&e.object).as_ref(),
            cell(&e.object_name).as_ref(),
            &ty(&e.object),
            &(!e.symmetric).to_string(),
            &e.support.to_string(),
            &e.documents.to_string(),
            &e.claim_count.to_string(),
            &e.denials.to_string(),
            &e.disputed.to_string(),
            e.first_seen.as_deref().unwrap_or(""),
            e.last_seen.as_deref().unwrap_or(""),
            &figures(e),
            &e.conflict.to_string(),
            e.reliability.as_str(),
            &e.credibility.0.to_string(),
            &e.confidence.to_string(),
            &edge_docs(ec).join(" "),
            cell(best_evidence(ec)).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
