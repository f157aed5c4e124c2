//! GEXF 1.3, dynamic: every node and edge has a spell from the start of the period it was first
//! seen in to the end of the period it was last seen in (a claim's date, else its document's), so
//! Gephi's timeline plays the graph; an element seen at no date has no spell and is always shown.
//! Symmetric predicates are undirected edges; `kind` is the predicate, so Gephi keeps parallel
//! edges of different predicates apart.

use crate::model::{best_evidence, edge_docs, figures};
use crate::{Result, Snapshot, dates, xml};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::Write;

const NODE_ATTRS: &[(&str, &str)] = &[
    ("type", "string"),
    ("kind", "string"),
    ("country", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("in_kb", "boolean"),
    ("wikidata", "string"),
    ("documents", "long"),
    ("mentions", "long"),
    ("support", "long"),
    ("first_seen", "string"),
    ("last_seen", "string"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("predicate", "string"),
    ("support", "long"),
    ("documents", "long"),
    ("claims", "long"),
    ("denials", "long"),
    ("disputed", "boolean"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("figures", "string"),
    ("conflict", "boolean"),
    ("reliability", "string"),
    ("credibility", "integer"),
    ("confidence", "integer"),
    ("sources", "string"),
    ("evidence", "string"),
];

pub fn write(s: &Snapshot, out: &mut dyn Write) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator").write_text_content(BytesText::new("nexus"))?;
                w.create_element("description")
                    .write_text_content(BytesText::new("Entities and relations aggregated from claims in source documents"))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([("defaultedgetype", "directed"), ("mode", "dynamic"), ("timeformat", "date")])
                .write_inner_content(|w| {
                    for (class, attrs) in [("node", NODE_ATTRS), ("edge", EDGE_ATTRS)] {
                        w.create_element("attributes").with_attributes([("class", class), ("mode", "static")]).write_inner_content(
                            |w| {
                                for (id, ty) in attrs {
                                    w.create_element("attribute")
                                        .with_attributes([("id", *id), ("title", *id), ("type", *ty)])
                                        .write_empty()?;
                                }
                                Ok(())
                            },
                        )?;
                    }
                    w.create_element("nodes").write_inner_content(|w| {
                        for n in &s.nodes {
                            let values = [
                                ("type", Some(n.entity_type.clone())),
                                ("kind", n.kind.clone()),
                                ("country", n.country.clone()),
                                ("latitude", n.lat.map(|v| v.to_string())),
                                ("longitude", n.lon.map(|v| v.to_string())),
                                ("in_kb", Some(n.in_kb.to_string())),
                                ("wikidata", n.wikidata.clone()),
                                ("documents", Some(n.documents.to_string())),
                                ("mentions", Some(n.mentions.to_string())),
                                ("support", Some(n.support.to_string())),
                                ("first_seen", n.first_seen.clone()),
                                ("last_seen", n.last_seen.clone()),
                            ];
                            w.create_element("node")
                                .with_attributes([("id", xml::attr(&n.key).as_ref()), ("label", xml::attr(&n.name).as_ref())])
                                .write_inner_content(|w| {
                                    attvalues(w, &values)?;
                                    spells(w, n.first_seen.as_deref(), n.last_seen.as_deref())
                                })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, ec) in s.edges.iter().enumerate() {
                            let e = &ec.edge;
                            let f = figures(e);
                            let values = [
                                ("predicate", Some(e.predicate.clone())),
                                ("support", Some(e.support.to_string())),
                                ("documents", Some(e.documents.to_string())),
                                ("claims", Some(e.claim_count.to_string())),
                                ("denials", Some(e.denials.to_string())),
                                ("disputed", Some(e.disputed.to_string())),
                                ("first_seen", e.first_seen.clone()),
                                ("last_seen", e.last_seen.clone()),
                                ("figures", Some(f).filter(|f| !f.is_empty())),
                                ("conflict", Some(e.conflict.to_string())),
                                ("reliability", Some(e.reliability.as_str().to_owned())),
                                ("credibility", Some(e.credibility.0.to_string())),
                                ("confidence", Some(e.confidence.to_string())),
                                ("sources", Some(edge_docs(ec).join(" "))),
                                ("evidence", Some(best_evidence(ec).to_owned())),
                            ];
                            let id = format!("e{i}");
                            let weight = e.support.max(1).to_string();
                            w.create_element("edge")
                                .with_attributes([
                                    ("id", id.as_str()),
                                    ("source", xml::attr(&e.subject).as_ref()),
                                    ("target", xml::attr(&e.object).as_ref()),
                                    ("type", if e.symmetric { "undirected" } else { "directed" }),
                                    ("label", e.predicate.as_str()),
                                    ("kind", e.predicate.as_str()),
                                    ("weight", weight.as_str()),
                                ])
                                .write_inner_content(|w| {
                                    attvalues(w, &values)?;
                                    spells(w, e.first_seen.as_deref(), e.last_seen.as_deref())
                                })?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

fn attvalues<W: Write>(w: &mut Writer<W>, values: &[(&str, Option<String>)]) -> std::io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (id, v) in values {
            if let Some(v) = v {
                w.create_element("attvalue").with_attributes([("for", *id), ("value", xml::attr(v).as_ref())]).write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// One spell over the periods of the first and last dates seen, when they are dates.
fn spells<W: Write>(w: &mut Writer<W>, first: Option<&str>, last: Option<&str>) -> std::io::Result<()> {
    let (Some(start), Some(end)) = (first.and_then(dates::start), last.and_then(dates::end)) else { return Ok(()) };
    w.create_element("spells").write_inner_content(|w| {
        w.create_element("spell").with_attributes([("start", start.as_str()), ("end", end.as_str())]).write_empty()?;
        Ok(())
    })?;
    Ok(())
}
