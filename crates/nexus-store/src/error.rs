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
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("store: corrupt value in column {column}: {message}")]
    Corrupt { column: &'static str, message: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;
