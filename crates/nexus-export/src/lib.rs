//! Exports of the graph the store aggregates from claims: GraphML and GEXF for Gephi, CSV for
//! i2 Analyst's Notebook and Maltego, an ACLED-style events table, node-link JSON and a STIX 2.1
//! bundle.
//!
//! Every format is written from one [`Snapshot`] read from the store, to any `io::Write`, in a
//! deterministic order (entities by key, edges by subject, predicate and object, claims by
//! document and offset), so the same store gives the same bytes. Document text is untrusted:
//! XML goes through quick-xml's writer, CSV through the `csv` crate and JSON through serde_json,
//! never through string formatting.

pub mod csv;
mod dates;
pub mod events;
pub mod gexf;
pub mod graphml;
pub mod json;
mod model;
mod output;
pub mod stix;
mod xml;

pub use model::{Node, Options, Snapshot};
pub use output::{write_atomic, write_atomic_files};

use std::io::Write;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] nexus_store::StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Csv(#[from] ::csv::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

pub type Result<T> = std::result::Result<T, ExportError>;

/// The formats written to one stream. CSV for i2 and Maltego is two files (see [`csv`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    GraphMl,
    Gexf,
    Events,
    Json,
    Stix,
}

/// Write `snapshot` as `format` to `out`.
pub fn write(snapshot: &Snapshot, format: Format, out: &mut dyn Write) -> Result<()> {
    match format {
        Format::GraphMl => graphml::write(snapshot, out),
        Format::Gexf => gexf::write(snapshot, out),
        Format::Events => events::write(snapshot, out),
        Format::Json => json::write(snapshot, out),
        Format::Stix => stix::write(snapshot, out),
    }
}
