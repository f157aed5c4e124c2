//! The store's schema, as an ordered list of migrations. `PRAGMA user_version` records how many
//! have run; each runs in its own transaction, so a store is always at one whole version.

/// Migration `i` takes a store from version `i` to `i + 1`. Append only: never edit a released one.
pub const MIGRATIONS: &[&str] = &[V1];

const V1: &str = r#"
CREATE TABLE documents (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    sha256              TEXT NOT NULL UNIQUE,
    source              TEXT NOT NULL,
    format              TEXT NOT NULL,
    encoding            TEXT NOT NULL,
    bytes               INTEGER NOT NULL,
    title               TEXT,
    authors             TEXT NOT NULL DEFAULT '[]',
    published           TEXT,
    venue               TEXT,
    volume              TEXT,
    number              TEXT,
    site                TEXT,
    language            TEXT NOT NULL,
    language_name       TEXT NOT NULL,
    language_confidence REAL NOT NULL,
    text                TEXT NOT NULL,
    chars               INTEGER NOT NULL,
    work_id             TEXT NOT NULL,
    similarity          REAL,
    warnings            TEXT NOT NULL DEFAULT '[]',
    ingested_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_work ON documents(work_id);

-- Every path a document's bytes were found at; a copy under another name adds a row here only.
CREATE TABLE document_paths (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    path    TEXT NOT NULL,
    PRIMARY KEY (doc_seq, path)
) WITHOUT ROWID;

CREATE TABLE notes (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    label   TEXT NOT NULL,
    PRIMARY KEY (doc_seq, start)
) WITHOUT ROWID;

CREATE TABLE signatures (
    doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq),
    minhash BLOB NOT NULL
);

-- LSH band keys; their meaning depends on the layout recorded in settings.
CREATE TABLE lsh (
    key     INTEGER NOT NULL,
    doc_seq INTEGER NOT NULL,
    PRIMARY KEY (key, doc_seq)
) WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
"#;
