//! Extraction: from one document's clean text (and the knowledge base), the entities it
//! mentions, with exact byte spans. A pure function of (text, knowledge base): no store, no
//! clock, no I/O; it never fails on a document.
//!
//! So far: fold the text and match the knowledge base (`matcher`), group the mentions into
//! entities (`entities`). Quantities, dates and relations are the next stages.

pub mod entities;
mod fold;
pub mod matcher;

pub use entities::{ExtractedEntity, Mention};
pub use matcher::Matcher;
