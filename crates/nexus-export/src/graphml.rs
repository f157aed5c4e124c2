//! GraphML (as Gephi, yEd, Cytoscape and networkx read it). Entities are nodes with their key as
//! id; edges are directed unless their predicate is symmetric (`directed="false"`); `label` and
//! `weight` (support) are the keys Gephi takes for labels and edge weights.

use crate::model::{best_evidence, edge_docs, figures};
use crate::{Result, Snapshot, xml};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::Write;

/// (id, for, name, type) of every attribute key.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("kind", "node", "kind", "string"),
    ("country", "node", "country", "string"),
    ("lat", "node", "latitude", "double"),
    ("lon", "node", "longitude", "double"),
    ("in_kb", "node", "in_kb", "boolean"),
    ("wikidata", "node", "wikidata", "string"),
    ("n_documents", "node", "documents", "long"),
    ("mentions", "node", "mentions", "long"),
    ("n_support", "node", "support", "long"),
    ("n_first_seen", "node", "first_seen", "string"),
    ("n_last_seen", "node", "last_seen", "string"),
    ("e_label", "edge", "label", "string"),
    ("predicate", "edge", "predicate", "string"),
    ("weight", "edge", "weight", "double"),
    ("support", "edge", "support", "long"),
    ("documents", "edge", "documents", "long"),
    ("claims", "edge", "claims", "long"),
    ("denials", "edge", "denials", "long"),
    ("disputed", "edge", "disputed", "boolean"),
    ("first_seen", "edge", "first_seen", "string"),
    ("last_seen", "edge", "last_seen", "string"),
    ("figures", "edge", "figures", "string"),
    ("conflict", "edge", "conflict", "boolean"),
    ("reliability", "edge", "reliability", "string"),
    ("credibility", "edge", "credibility", "int"),
    ("confidence", "edge", "confidence", "int"),
    ("sources", "edge", "sources", "string"),
    ("evidence", "edge", "evidence", "string"),
];

pub fn write(s: &Snapshot, out: &mut dyn Write) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
        ])
        .write_inner_content(|w| {
            for (id, domain, name, ty) in KEYS {
                w.create_element("key")
                    .with_attributes([("id", *id), ("for", *domain), ("attr.name", *name), ("attr.type", *ty)])
                    .write_empty()?;
            }
            w.create_element("graph").with_attributes([("id", "nexus"), ("edgedefault", "directed")]).write_inner_content(|w| {
                for n in &s.nodes {
                    w.create_element("node").with_attribute(("id", xml::attr(&n.key).as_ref())).write_inner_content(|w| {
                        data(w, "label", &n.name)?;
                        data(w, "type", &n.entity_type)?;
                        opt(w, "kind", n.kind.as_deref())?;
                        opt(w, "country", n.country.as_deref())?;
                        opt(w, "lat", n.lat.map(|v| v.to_string()).as_deref())?;
                        opt(w, "lon", n.lon.map(|v| v.to_string()).as_deref())?;
                        data(w, "in_kb", &n.in_kb.to_string())?;
                        opt(w, "wikidata", n.wikidata.as_deref())?;
                        data(w, "n_documents", &n.documents.to_string())?;
                        data(w, "mentions", &n.mentions.to_string())?;
                        data(w, "n_support", &n.support.to_string())?;
                        opt(w, "n_first_seen", n.first_seen.as_deref())?;
                        opt(w, "n_last_seen", n.last_seen.as_deref())
                    })?;
                }
                for (i, ec) in s.edges.iter().enumerate() {
                    let e = &ec.edge;
                    let id = format!("e{i}");
                    let mut el = w.create_element("edge").with_attributes([
                        ("id", id.as_str()),
                        ("source", xml::attr(&e.subject).as_ref()),
                        ("target", xml::attr(&e.object).as_ref()),
                    ]);
                    if e.symmetric {
                        el = el.with_attribute(("directed", "false"));
                    }
                    el.write_inner_content(|w| {
                        data(w, "e_label", &e.predicate)?;
                        data(w, "predicate", &e.predicate)?;
                        data(w, "weight", &e.support.to_string())?;
                        data(w, "support", &e.support.to_string())?;
                        data(w, "documents", &e.documents.to_string())?;
                        data(w, "claims", &e.claim_count.to_string())?;
                        data(w, "denials", &e.denials.to_string())?;
                        data(w, "disputed", &e.disputed.to_string())?;
                        opt(w, "first_seen", e.first_seen.as_deref())?;
                        opt(w, "last_seen", e.last_seen.as_deref())?;
                        let f = figures(e);
                        opt(w, "figures", Some(f.as_str()).filter(|f| !f.is_empty()))?;
                        data(w, "conflict", &e.conflict.to_string())?;
                        data(w, "reliability", e.reliability.as_str())?;
                        data(w, "credibility", &e.credibility.0.to_string())?;
                        data(w, "confidence", &e.confidence.to_string())?;
                        data(w, "sources", &edge_docs(ec).join(" "))?;
                        data(w, "evidence", best_evidence(ec))
                    })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> std::io::Result<()> {
    w.create_element("data").with_attribute(("key", key)).write_text_content(BytesText::new(&xml::text(value)))?;
    Ok(())
}

fn opt<W: Write>(w: &mut Writer<W>, key: &str, value: Option<&str>) -> std::io::Result<()> {
    match value {
        Some(v) => data(w, key, v),
        None => Ok(()),
    }
}
