use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a nexus store (not an SQLite database)")]
    NotADatabase { path: PathBuf },
    #[error("{path}: written by a newer nexus (schema version {found}, this build knows up to {known})")]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("{path}: cannot open the store: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("no document with id '{0}'")]
    NoSuchDocument(String),
    #[error("the id prefix '{prefix}' matches {count} documents; give more digits")]
    AmbiguousId { prefix: String, count: usize },
    #[error("search query has nothing to search for")]
    EmptyQuery,
    #[error("cannot search for '{query}': {message}")]
    BadQuery { query: String, message: String },
    #[error("no entity with key '{0}' in the store")]
    UnknownEntity(String),
    #[error("no claim with id '{0}' in the store")]
    UnknownClaim(String),
    #[error("no entity, claim or document '{0}' in the store to attach a note to")]
    UnknownTarget(String),
    #[error("'{0}' is not an entity type (criminal_org, armed_group, state_actor, company, person, country, place, commodity, activity)")]
    UnknownType(String),
    #[error("the {0} is empty")]
    EmptyText(&'static str),
    #[error("cannot merge '{0}' into itself")]
    SelfMerge(String),
    #[error("nothing to change: {0}")]
    Unchanged(String),
    #[error("no correction {0}")]
    NoSuchCorrection(i64),
    #[error("correction {id} was undone already (at {at})")]
    AlreadyUndone { id: i64, at: String },
    #[error("correction {id} cannot be undone: {reason}")]
    CannotUndo { id: i64, reason: String },
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("store: corrupt value in column {column}: {message}")]
    Corrupt { column: &'static str, message: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;
