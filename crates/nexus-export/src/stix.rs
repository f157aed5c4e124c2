//! A STIX 2.1 bundle. Entities become the SDOs that fit them: criminal organizations and armed
//! groups threat-actors, state actors, companies and people identities, countries and places
//! locations (only those with a country or coordinates: a location must have one), activities
//! attack-patterns (what a threat-actor "uses"), commodities a custom `x-nexus-commodity` object
//! (STIX has no object for goods). Edges become relationships, with the spec's vocabulary where it
//! has the relation (`located-at`, `uses`) and the predicate, lowercase and hyphenated, otherwise.
//! Each source document is a report whose `object_refs` are what its claims state and whose
//! external reference cites the document (its path or URL and SHA-256).
//!
//! Ids are UUIDv5 of the entity key (or edge, or document id) in a fixed namespace, and every
//! timestamp comes from the dates the claims were seen or the documents published, never the
//! clock, so the same store gives the same bundle. Intrusion-sets are not used: STIX defines them
//! for intrusion campaigns, and nothing the extractor reads is one.

use crate::model::best_evidence;
use crate::{Node, Result, Snapshot, dates};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use uuid::Uuid;

/// The timestamp of objects no date is known for (STIX requires one).
const UNDATED: &str = "2000-01-01T00:00:00.000Z";

/// The namespace of every UUIDv5 nexus writes.
pub fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:nexus:stix")
}

fn stix_id(ty: &str, key: &str) -> String {
    format!("{ty}--{}", Uuid::new_v5(&namespace(), format!("{ty}|{key}").as_bytes()))
}

/// The STIX type of an entity, when it can be one.
fn sdo_type(n: &Node) -> Option<&'static str> {
    match n.entity_type.as_str() {
        "criminal_org" | "armed_group" => Some("threat-actor"),
        "state_actor" | "company" | "person" => Some("identity"),
        "country" | "place" if n.country.is_some() || n.lat.is_some() => Some("location"),
        "activity" => Some("attack-pattern"),
        "commodity" => Some("x-nexus-commodity"),
        _ => None,
    }
}

fn relationship_type(predicate: &str, source_type: &str, target_type: &str) -> String {
    match (predicate, source_type, target_type) {
        ("operates_in", _, "location") => "located-at".into(),
        ("engages_in", "threat-actor", "attack-pattern") => "uses".into(),
        _ => predicate.replace('_', "-"),
    }
}

/// created, modified: the start of the first period seen and the end of the last.
fn times(first: Option<&str>, last: Option<&str>) -> (String, String) {
    let created = first.and_then(dates::timestamp_start).unwrap_or_else(|| UNDATED.to_owned());
    let modified = last.and_then(dates::timestamp_end).filter(|m| *m >= created).unwrap_or_else(|| created.clone());
    (created, modified)
}

/// A URL as a URI: characters a URI may not hold percent-encoded (a document's source is
/// untrusted text).
fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The properties nexus adds to STIX objects, declared (as STIX 2.1 asks) by an extension
/// definition in the bundle.
const PROPERTIES: &[&str] = &[
    "x_nexus_key",
    "x_nexus_type",
    "x_nexus_support",
    "x_nexus_predicate",
    "x_nexus_denials",
    "x_nexus_disputed",
    "x_nexus_reliability",
    "x_nexus_credibility",
];

fn extension_id() -> String {
    stix_id("extension-definition", "nexus")
}

fn extension_definition(producer: &str) -> Value {
    let mut o = common("extension-definition", &extension_id(), UNDATED, UNDATED, producer);
    o.insert("name".into(), json!("nexus"));
    o.insert(
        "description".into(),
        json!(
            "Claims aggregated by nexus: the entity key and type, support (distinct works affirming), denials, \
               dispute, and the Admiralty reliability (A-F) and credibility (1-6) of a relation; commodities as objects."
        ),
    );
    o.insert(
        "schema".into(),
        json!(
            "x_nexus_key: string; x_nexus_type: string; x_nexus_support, x_nexus_denials, x_nexus_credibility: integer; \
               x_nexus_disputed: boolean; x_nexus_predicate, x_nexus_reliability: string; x-nexus-commodity: name"
        ),
    );
    o.insert("version".into(), json!("1.0.0"));
    o.insert("extension_types".into(), json!(["toplevel-property-extension", "new-sdo"]));
    o.insert("extension_properties".into(), json!(PROPERTIES));
    Value::Object(o)
}

/// Mark an object as using the extension: as a new object type, or for its `x_nexus_` properties.
fn extend(o: &mut Map<String, Value>, new_sdo: bool) {
    let kind = if new_sdo { "new-sdo" } else { "toplevel-property-extension" };
    o.insert("extensions".into(), json!({ extension_id(): {"extension_type": kind} }));
}

fn common(ty: &str, id: &str, created: &str, modified: &str, producer: &str) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("type".into(), json!(ty));
    o.insert("spec_version".into(), json!("2.1"));
    o.insert("id".into(), json!(id));
    o.insert("created".into(), json!(created));
    o.insert("modified".into(), json!(modified));
    o.insert("created_by_ref".into(), json!(producer));
    o
}

fn sdo(n: &Node, ty: &str, producer: &str) -> Value {
    let (created, modified) = times(n.first_seen.as_deref(), n.last_seen.as_deref());
    let mut o = common(ty, &stix_id(ty, &n.key), &created, &modified, producer);
    o.insert("name".into(), json!(n.name));
    match (ty, n.entity_type.as_str()) {
        ("threat-actor", "criminal_org") => {
            o.insert("threat_actor_types".into(), json!(["crime-syndicate"]));
        }
        ("identity", "person") => {
            o.insert("identity_class".into(), json!("individual"));
        }
        ("identity", "state_actor") => {
            o.insert("identity_class".into(), json!("organization"));
            o.insert("sectors".into(), json!(["government"]));
        }
        ("identity", _) => {
            o.insert("identity_class".into(), json!("organization"));
        }
        ("location", _) => {
            if let Some(c) = &n.country {
                o.insert("country".into(), json!(c));
            }
            if let (Some(lat), Some(lon)) = (n.lat, n.lon) {
                o.insert("latitude".into(), json!(lat));
                o.insert("longitude".into(), json!(lon));
            }
        }
        _ => {}
    }
    if let Some(kind) = &n.kind {
        o.insert("description".into(), json!(kind));
    }
    if let Some(q) = &n.wikidata {
        o.insert(
            "external_references".into(),
            json!([{"source_name": "wikidata", "external_id": q, "url": format!("https://www.wikidata.org/wiki/{}", uri(q))}]),
        );
    }
    o.insert("x_nexus_key".into(), json!(n.key));
    o.insert("x_nexus_type".into(), json!(n.entity_type));
    o.insert("x_nexus_support".into(), json!(n.support));
    extend(&mut o, ty.starts_with("x-"));
    Value::Object(o)
}

/// The bundle as a JSON value.
pub fn bundle(s: &Snapshot) -> Value {
    let producer = stix_id("identity", "nexus");
    let mut objects: Vec<Value> = Vec::new();
    let mut me = common("identity", &producer, UNDATED, UNDATED, &producer);
    me.remove("created_by_ref");
    me.insert("name".into(), json!("nexus"));
    me.insert("identity_class".into(), json!("system"));
    objects.push(Value::Object(me));
    objects.push(extension_definition(&producer));

    // Entities, by key.
    let mut ids: BTreeMap<&str, (String, &'static str)> = BTreeMap::new();
    for n in &s.nodes {
        if let Some(ty) = sdo_type(n) {
            ids.insert(&n.key, (stix_id(ty, &n.key), ty));
            objects.push(sdo(n, ty, &producer));
        }
    }
    // Relationships, and what each document states.
    let mut stated: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for ec in &s.edges {
        let e = &ec.edge;
        let (Some((sid, sty)), Some((oid, oty))) = (ids.get(e.subject.as_str()), ids.get(e.object.as_str())) else { continue };
        let id = stix_id("relationship", &format!("{}|{}|{}", e.subject, e.predicate, e.object));
        let (created, modified) = times(e.first_seen.as_deref(), e.last_seen.as_deref());
        let mut o = common("relationship", &id, &created, &modified, &producer);
        o.insert("relationship_type".into(), json!(relationship_type(&e.predicate, sty, oty)));
        o.insert("source_ref".into(), json!(sid));
        o.insert("target_ref".into(), json!(oid));
        if let (Some(a), Some(b)) =
            (e.first_seen.as_deref().and_then(dates::timestamp_start), e.last_seen.as_deref().and_then(dates::timestamp_end))
            && b > a
        {
            o.insert("start_time".into(), json!(a));
            o.insert("stop_time".into(), json!(b));
        }
        o.insert("confidence".into(), json!(e.confidence));
        let evidence = best_evidence(ec);
        if !evidence.is_empty() {
            o.insert("description".into(), json!(evidence));
        }
        o.insert("x_nexus_predicate".into(), json!(e.predicate));
        o.insert("x_nexus_support".into(), json!(e.support));
        o.insert("x_nexus_denials".into(), json!(e.denials));
        o.insert("x_nexus_disputed".into(), json!(e.disputed));
        o.insert("x_nexus_reliability".into(), json!(e.reliability.as_str()));
        o.insert("x_nexus_credibility".into(), json!(e.credibility.0));
        extend(&mut o, false);
        objects.push(Value::Object(o));
        for c in &ec.claims {
            stated.entry(c.doc.as_str()).or_default().extend([id.clone(), sid.clone(), oid.clone()]);
        }
    }
    // A report per document that states something exported.
    for d in &s.documents {
        let Some(refs) = stated.get(d.id.as_str()) else { continue };
        let published = d.published.as_deref().and_then(dates::timestamp_start).unwrap_or_else(|| UNDATED.to_owned());
        let mut o = common("report", &stix_id("report", &d.id), &published, &published, &producer);
        o.insert("name".into(), json!(d.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or(&d.source)));
        o.insert("published".into(), json!(published));
        o.insert("report_types".into(), json!(["threat-report"]));
        o.insert("object_refs".into(), json!(refs));
        let mut cite = Map::new();
        cite.insert("source_name".into(), json!(if d.publisher.is_empty() { "source document" } else { d.publisher.as_str() }));
        cite.insert("description".into(), json!(d.source));
        cite.insert("external_id".into(), json!(d.id));
        if d.source.starts_with("http://") || d.source.starts_with("https://") {
            cite.insert("url".into(), json!(uri(&d.source)));
        }
        cite.insert("hashes".into(), json!({"SHA-256": d.sha256}));
        o.insert("external_references".into(), json!([cite]));
        objects.push(Value::Object(o));
    }
    let all: Vec<&str> = objects.iter().filter_map(|o| o["id"].as_str()).collect();
    json!({"type": "bundle", "id": stix_id("bundle", &all.join(" ")), "objects": objects})
}

pub fn write(s: &Snapshot, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, &bundle(s))?;
    out.write_all(b"\n")?;
    Ok(())
}
