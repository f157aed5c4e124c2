//! Documents in, clean text and metadata out.
//!
//! `walk` turns command-line paths into inputs; `convert` turns one input's bytes into a
//! [`Document`] (decode → format converter → clean → header → footnotes → language); `fingerprint`
//! gives the identities the store deduplicates on. Nothing here touches the store or the clock:
//! converting the same bytes always gives the same document.

mod abbrev;
mod clean;
pub mod convert;
pub mod dates;
mod decode;
mod error;
pub mod fingerprint;
pub mod footnotes;
mod header;
mod language;
mod markdown;
mod model;
pub mod walk;

pub use convert::{Options, convert, read_bytes, read_file, strip_markers};
pub use error::IngestError;
pub use fingerprint::{LshLayout, Signature};
pub use model::{Document, Format, Language, Metadata, NoteRef};
pub use walk::{Input, Walked, expand};
