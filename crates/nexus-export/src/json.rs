//! Node-link JSON (the layout of networkx's `node_link_data` and d3): nodes, links with every
//! claim and its evidence, and the documents cited.

use crate::{Result, Snapshot};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    nodes: &'a [crate::Node],
    links: &'a [nexus_store::EdgeClaims],
    documents: &'a [nexus_store::DocCitation],
}

pub fn write(s: &Snapshot, out: &mut dyn Write) -> Result<()> {
    let doc = NodeLink { directed: true, multigraph: true, nodes: &s.nodes, links: &s.edges, documents: &s.documents };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}
