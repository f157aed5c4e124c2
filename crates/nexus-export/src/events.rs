//! Events — seizures, arrests, killings, indictments — one row each, in the manner of ACLED's
//! event data: date and its precision, actors, event type, place with coordinates and geo
//! precision, quantity, sources and source count.
//!
//! An event is the claims of one predicate with the same ends, date, place and figure: two works
//! reporting "the police seized 7.6 t of cocaine in Paita in September 2014" are one event with
//! two sources; a different date, place or figure is another event. The date is the claim's own
//! date, else its document's (`date_source` says which).

use crate::csv::cell;
use crate::{Node, Result, Snapshot, dates};
use nexus_store::Claim;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The predicates that are events, with ACLED-style event types.
pub const EVENT_TYPES: &[(&str, &str)] =
    &[("seized", "Seizure"), ("arrested", "Arrest"), ("killed", "Killing"), ("indicted", "Indictment")];

pub const HEADERS: &[&str] = &[
    "event_id",
    "event_date",
    "year",
    "date_precision",
    "time_precision",
    "date_source",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_id",
    "actor1_type",
    "actor2",
    "actor2_id",
    "actor2_type",
    "iso",
    "country",
    "location",
    "location_id",
    "latitude",
    "longitude",
    "geo_precision",
    "quantity",
    "unit",
    "bound",
    "commodity",
    "hedged",
    "source",
    "source_documents",
    "source_count",
    "confidence",
    "notes",
];

#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Key<'a> {
    date: Option<&'a str>,
    predicate: &'a str,
    subject: &'a str,
    object: &'a str,
    place: Option<&'a str>,
    /// The figure, as written (values are compared exactly, units too).
    quantity: Option<String>,
}

pub fn write(s: &Snapshot, out: &mut dyn Write) -> Result<()> {
    let mut events: BTreeMap<Key, Vec<&Claim>> = BTreeMap::new();
    for ec in &s.edges {
        if !EVENT_TYPES.iter().any(|(p, _)| *p == ec.edge.predicate) {
            continue;
        }
        for c in ec.claims.iter().filter(|c| !c.negated) {
            let key = Key {
                date: c.seen.as_deref(),
                predicate: &ec.edge.predicate,
                subject: &ec.edge.subject,
                object: &ec.edge.object,
                place: c.qualifiers.get("place").and_then(|p| p.as_str()),
                quantity: c.quantity.as_ref().map(|q| format!("{} {}", q.value, q.unit)),
            };
            events.entry(key).or_default().push(c);
        }
    }
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADERS)?;
    for (k, claims) in &events {
        let first = claims[0];
        let event_type = EVENT_TYPES.iter().find(|(p, _)| *p == k.predicate).map_or("", |(_, t)| t);
        let (a1, a2) = (s.node(k.subject), s.node(k.object));
        let seizure = k.predicate == "seized";
        let place = k.place.and_then(|p| s.place(p));
        let precision = match (first.date.is_some(), first.qualifiers.pointer("/date/precision").and_then(|p| p.as_str())) {
            (true, Some(p)) => Some(p.to_owned()),
            _ => k.date.and_then(dates::precision).map(str::to_owned),
        };
        let works: BTreeSet<&str> = claims.iter().map(|c| c.work.as_str()).collect();
        let docs: BTreeSet<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
        let publishers: BTreeSet<&str> = claims.iter().map(|c| c.publisher.as_str()).filter(|p| !p.is_empty()).collect();
        let id = uuid::Uuid::new_v5(
            &crate::stix::namespace(),
            format!(
                "event|{}|{}|{}|{}|{}|{}",
                k.predicate,
                k.subject,
                k.object,
                opt(k.date),
                opt(k.place),
                k.quantity.as_deref().unwrap_or("")
            )
            .as_bytes(),
        );
        let name = |n: Option<&Node>, key: &str| n.map_or_else(|| key.to_owned(), |n| n.name.clone());
        let (actor2, actor2_id, actor2_type) =
            if seizure { (String::new(), "", "") } else { (name(a2, k.object), k.object, a2.map_or("", |n| n.entity_type.as_str())) };
        w.write_record([
            &id.simple().to_string()[..16],
            k.date.and_then(dates::start).as_deref().unwrap_or(""),
            k.date.map_or("", |d| d.get(..4).unwrap_or("")),
            precision.as_deref().unwrap_or(""),
            precision.as_deref().map_or("", time_precision),
            match (first.date.is_some(), k.date.is_some()) {
                (true, _) => "claim",
                (false, true) => "document",
                _ => "",
            },
            event_type,
            if seizure { cell(&name(a2, k.object)).into_owned() } else { String::new() }.as_str(),
            cell(&name(a1, k.subject)).as_ref(),
            cell(k.subject).as_ref(),
            a1.map_or("", |n| n.entity_type.as_str()),
            cell(&actor2).as_ref(),
            cell(actor2_id).as_ref(),
            actor2_type,
            place.and_then(|p| p.country.as_deref()).unwrap_or(""),
            place.and_then(|p| p.country.as_deref()).and_then(|c| s.country_name(c)).unwrap_or(""),
            place.map_or(String::new(), |p| cell(&p.name).into_owned()).as_str(),
            cell(k.place.unwrap_or("")).as_ref(),
            &place.and_then(|p| p.lat).map(|v| v.to_string()).unwrap_or_default(),
            &place.and_then(|p| p.lon).map(|v| v.to_string()).unwrap_or_default(),
            place.filter(|p| p.lat.is_some()).map_or("", geo_precision),
            &first.quantity.as_ref().map(|q| q.value.to_string()).unwrap_or_default(),
            first.quantity.as_ref().map_or("", |q| q.unit.as_str()),
            first.quantity.as_ref().and_then(|q| q.bound.as_deref()).unwrap_or(""),
            if seizure { cell(k.object).into_owned() } else { String::new() }.as_str(),
            &claims.iter().all(|c| c.hedged).to_string(),
            cell(&publishers.into_iter().collect::<Vec<_>>().join("; ")).as_ref(),
            &docs.into_iter().collect::<Vec<_>>().join(" "),
            &works.len().to_string(),
            &claims.iter().map(|c| c.confidence).max().unwrap_or(0).to_string(),
            cell(&first.evidence).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn opt(s: Option<&str>) -> &str {
    s.unwrap_or("")
}

/// ACLED's time precision: 1 the day is known, 2 the week or a few days, 3 only the month or a
/// longer period.
fn time_precision(precision: &str) -> &'static str {
    match precision {
        "day" => "1",
        _ => "3",
    }
}

/// ACLED's geo precision: 1 the town (or a point in it) is known, 2 a region near or part of
/// which, 3 only a larger area (a province, a country, a world region).
fn geo_precision(place: &Node) -> &'static str {
    match (place.entity_type.as_str(), place.kind.as_deref()) {
        ("country", _) => "3",
        (_, Some("town" | "city" | "port" | "airport" | "prison" | "border_crossing" | "district" | "island")) => "1",
        (_, Some("continent" | "world_region" | "sea")) => "3",
        _ => "2",
    }
}
