//! The store's schema, as an ordered list of migrations. `PRAGMA user_version` records how many
//! have run; each runs in its own transaction, so a store is always at one whole version.

/// Migration `i` takes a store from version `i` to `i + 1`. Append only: never edit a released one.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5];

/// Work a migration needs beyond SQL, run in its transaction right after it: v4 folds each
/// document's publisher into its claims (folding is Rust's) and builds the edge summaries.
pub(crate) fn after(tx: &rusqlite::Connection, version: i64) -> crate::Result<()> {
    if version == 3 {
        crate::summaries::fill_publishers(tx)?;
        crate::summaries::rebuild(tx)?;
    }
    Ok(())
}

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

/// What extraction found in each document (issue 3). An `extractions` row marks a document as
/// extracted (even when it found nothing), and every other row here references it, so a
/// document's extraction is present whole or not at all. Every key starts with `doc_seq`, so
/// replacing one document's extraction touches one contiguous range of each table.
const V2: &str = r#"
CREATE TABLE extractions (
    doc_seq      INTEGER PRIMARY KEY REFERENCES documents(seq),
    extracted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- One row per entity a document mentions. `key` names the entity across the corpus: its
-- knowledge-base id, or `type:folded name` for an entity learned from the document itself.
-- `mentions` is the number of its rows in `mentions`, kept here so counting needs no scan of them.
CREATE TABLE doc_entities (
    doc_seq  INTEGER NOT NULL REFERENCES extractions(doc_seq),
    key      TEXT NOT NULL,
    id       TEXT NOT NULL,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    in_kb    INTEGER NOT NULL,
    unnamed  INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_seq, key)
) WITHOUT ROWID;
-- Covers `nexus entities`: mention and document counts per entity, by type, without the table.
CREATE INDEX doc_entities_key ON doc_entities(key, type, mentions);

CREATE TABLE mentions (
    doc_seq INTEGER NOT NULL REFERENCES extractions(doc_seq),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    key     TEXT NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (doc_seq, start, end, key)
) WITHOUT ROWID;

-- The folded (lowercase, accentless) name and surface forms of each entity in each document:
-- how `nexus entity NAME` finds an entity whatever the case, accents or spelling used.
CREATE TABLE entity_names (
    doc_seq INTEGER NOT NULL REFERENCES extractions(doc_seq),
    key     TEXT NOT NULL,
    folded  TEXT NOT NULL,
    PRIMARY KEY (doc_seq, key, folded)
) WITHOUT ROWID;
CREATE INDEX entity_names_folded ON entity_names(folded, key);

CREATE TABLE quantities (
    doc_seq   INTEGER NOT NULL REFERENCES extractions(doc_seq),
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     REAL NOT NULL,
    unit      TEXT NOT NULL,
    bound     TEXT NOT NULL,
    commodity TEXT,
    PRIMARY KEY (doc_seq, start, end)
) WITHOUT ROWID;

CREATE TABLE dates (
    doc_seq   INTEGER NOT NULL REFERENCES extractions(doc_seq),
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     TEXT NOT NULL,
    precision TEXT NOT NULL,
    PRIMARY KEY (doc_seq, start, end)
) WITHOUT ROWID;
"#;

/// Claims, sources and merges (issue 4). A claim is one relation instance the extractor found in
/// one sentence of one document; it hangs off the document's `extractions` row and is replaced
/// with the rest of the extraction. Graph edges are not stored: they are aggregated from claims
/// when queried (see `graph`), so nothing but a document's own rows changes when it is
/// (re-)extracted, and a regroup or a merge needs no rebuild.
const V3: &str = r#"
-- `subject`/`object` are entity keys (as in `doc_entities`), ends of a symmetric predicate in
-- sorted order. `id` is a hash of the document id, predicate, ends and sentence span, so the same
-- claim read again gets the same id. `work_id` copies the document's (kept by `regroup`), so
-- corroboration is counted from the claim indexes alone. `start`/`end` is the sentence (the
-- evidence), read from the stored text when queried. `seen` is the claim's date qualifier, else
-- the document's date. `qualifiers` is the full set, with entity ids replaced by keys.
CREATE TABLE claims (
    doc_seq    INTEGER NOT NULL REFERENCES extractions(doc_seq),
    id         TEXT NOT NULL,
    work_id    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    predicate  TEXT NOT NULL,
    object     TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    confidence REAL NOT NULL,
    hedged     INTEGER NOT NULL,
    negated    INTEGER NOT NULL,
    value      REAL,
    unit       TEXT,
    bound      TEXT,
    date       TEXT,
    seen       TEXT,
    qualifiers TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (doc_seq, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX claims_id ON claims(id);
-- One entity's claims from either end; and, covering, the support of every edge (distinct works)
-- without reading the table.
CREATE INDEX claims_subject ON claims(subject, predicate, object, work_id, negated);
CREATE INDEX claims_object ON claims(object, predicate, subject, work_id, negated);

-- An analyst's reliability grade (Admiralty A–F) for a publisher: a document's venue, else its
-- site, folded. `publisher = '*'` is the default for publishers not graded (F when absent).
CREATE TABLE sources (
    publisher   TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    note        TEXT,
    graded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;

-- Merge decisions: `from_key` is read as `into_key` by every graph and claim query. Claims keep
-- the keys they were written with, so a merge changes no other row and undoing it (`undone_at`)
-- restores exactly what was there; the history stays, with the evidence for each decision.
CREATE TABLE entity_merges (
    id         INTEGER PRIMARY KEY,
    from_key   TEXT NOT NULL,
    into_key   TEXT NOT NULL,
    type       TEXT NOT NULL,
    evidence   TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at  TEXT
);
CREATE UNIQUE INDEX entity_merges_active ON entity_merges(from_key) WHERE undone_at IS NULL;
"#;

/// Edge summaries (issue 4, look-ups at scale). One entity's edges were aggregated from all their
/// claims on every query, which a hub entity (in a third of the documents) made take a second.
/// These tables are maintained per document, in the savepoint or transaction that writes or
/// replaces its claims (and by `regroup` for a document whose work changes), so a document
/// touches only the rows of the edges it has claims on; `Store::check` compares them with the
/// claims. Keys are the stored keys: merges are still applied when queried.
const V4: &str = r#"
-- The document's publisher (venue, else site), folded; NULL when it names neither. A copy, like
-- `work_id`, so the best claims of an edge are ranked from one index without the documents.
ALTER TABLE claims ADD COLUMN publisher TEXT;
-- An edge's claims best first (affirming first, then by the extractor's confidence), covering
-- what ranking them by graded confidence needs.
CREATE INDEX claims_rank ON claims(subject, predicate, object, negated, confidence DESC, doc_seq, start, hedged, publisher);
CREATE INDEX claims_seen ON claims(subject, predicate, object, seen) WHERE seen IS NOT NULL;
-- `negated` is in the columns so that the partial index covers the figures query.
CREATE INDEX claims_figures ON claims(subject, predicate, object, negated, unit, date, value)
    WHERE negated = 0 AND value IS NOT NULL AND unit IS NOT NULL;

-- Claims of each edge in each work: affirming and negated. Support is the number of rows with
-- affirming > 0; a row goes when both reach 0.
CREATE TABLE edge_works (
    subject   TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object    TEXT NOT NULL,
    work_id   TEXT NOT NULL,
    affirming INTEGER NOT NULL,
    negated   INTEGER NOT NULL,
    PRIMARY KEY (subject, predicate, object, work_id)
) WITHOUT ROWID;

-- Affirming claims of each edge per independent source: the folded publisher, or U+001F and the
-- work for a document that names none (as `graph::aggregate` counts them).
CREATE TABLE edge_sources (
    subject   TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object    TEXT NOT NULL,
    source    TEXT NOT NULL,
    affirming INTEGER NOT NULL,
    PRIMARY KEY (subject, predicate, object, source)
) WITHOUT ROWID;

-- One row per stored edge (keys as written): support and denials in works, works that only deny
-- it, documents, claims, affirming and affirming-unhedged claims, independent sources, and the
-- best extractor confidence of its affirming-unhedged, affirming-hedged and negated claims.
CREATE TABLE edges (
    subject      TEXT NOT NULL,
    predicate    TEXT NOT NULL,
    object       TEXT NOT NULL,
    support      INTEGER NOT NULL,
    denials      INTEGER NOT NULL,
    denied_only  INTEGER NOT NULL,
    documents    INTEGER NOT NULL,
    claims       INTEGER NOT NULL,
    affirming    INTEGER NOT NULL,
    unhedged     INTEGER NOT NULL,
    publishers   INTEGER NOT NULL,
    max_unhedged REAL,
    max_hedged   REAL,
    max_negated  REAL,
    PRIMARY KEY (subject, object, predicate)
) WITHOUT ROWID;
-- An entity's edges from either end, most supported first, covering.
CREATE INDEX edges_subject ON edges(subject, support DESC, object, predicate, denials, denied_only, documents, claims, affirming,
                                    unhedged, publishers, max_unhedged, max_hedged, max_negated);
CREATE INDEX edges_object ON edges(object, support DESC, subject, predicate, denials, denied_only, documents, claims, affirming,
                                   unhedged, publishers, max_unhedged, max_hedged, max_negated);
"#;

/// Analyst corrections (the web workbench): an append-only log of who changed what, when, from
/// what to what, and the state those changes leave. Every state row is keyed by what extraction
/// reproduces — entity keys and claim ids — never by row ids a re-extraction renumbers, so a
/// correction holds across `reextract` and re-ingest. Each state row names the correction that
/// set it, which is how an undo knows whether a later correction has superseded it.
const V5: &str = r#"
-- `change` is the request as JSON (`corrections::Change`); `before`/`after` the state it
-- replaced and set. `merge_id` is the merge a merge or split correction made or undid.
CREATE TABLE corrections (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    who       TEXT NOT NULL,
    kind      TEXT NOT NULL,
    target    TEXT NOT NULL,
    change    TEXT NOT NULL,
    before    TEXT NOT NULL,
    after     TEXT NOT NULL,
    note      TEXT,
    merge_id  INTEGER REFERENCES entity_merges(id),
    undone_at TEXT,
    undone_by TEXT
);
CREATE INDEX corrections_target ON corrections(target, id);

-- The type an analyst gave an entity key, read instead of the extracted one everywhere.
CREATE TABLE entity_type_overrides (
    key           TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    correction_id INTEGER NOT NULL REFERENCES corrections(id)
) WITHOUT ROWID;

-- Names an analyst gave an entity; `folded` as `entity_names` folds, so look-ups find them.
CREATE TABLE entity_aliases (
    key           TEXT NOT NULL,
    folded        TEXT NOT NULL,
    alias         TEXT NOT NULL,
    correction_id INTEGER NOT NULL REFERENCES corrections(id),
    PRIMARY KEY (key, folded)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_folded ON entity_aliases(folded, key);

-- A claim an analyst confirmed or rejected. Rejected claims are left out of every read and of
-- the edge summaries (the edge is recomputed when a review changes).
CREATE TABLE claim_reviews (
    claim_id      TEXT PRIMARY KEY,
    status        TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
    correction_id INTEGER NOT NULL REFERENCES corrections(id)
) WITHOUT ROWID;

-- Notes on an entity key, a claim id or a document id; undoing the correction deletes the row.
CREATE TABLE analyst_notes (
    correction_id INTEGER PRIMARY KEY REFERENCES corrections(id),
    target        TEXT NOT NULL,
    text          TEXT NOT NULL
);
CREATE INDEX analyst_notes_target ON analyst_notes(target, correction_id);
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// A store written at version 1 (before extraction) opens, migrates and keeps its documents,
    /// which have no extraction until one is stored for them.
    #[test]
    fn a_version_1_store_migrates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(V1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO documents(id, sha256, source, format, encoding, bytes, language, language_name, language_confidence, text, chars, work_id)
             VALUES ('0123456789abcdef', '0123456789abcdef00', 'a.txt', 'txt', 'utf-8', 30, 'en', 'English', 1.0,
                     'Police in Lima seized cocaine.', 30, '0123456789abcdef');
             INSERT INTO document_paths VALUES (1, 'a.txt');
             INSERT INTO signatures VALUES (1, x'00');
             INSERT INTO documents_fts(rowid, title, text) SELECT seq, '', text FROM documents;",
        )
        .unwrap();
        drop(conn);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.extracted_documents, stats.entities), (1, 0, 0));
        assert_eq!(store.check().unwrap(), Vec::<String>::new());
        let ex = nexus_extract::Extractor::new(nexus_kb::KnowledgeBase::load(&[]).0);
        let input = &store.extraction_inputs(0, 10, 1 << 20).unwrap()[0];
        let x = ex.extract(&input.text, None);
        store.replace_extraction("0123456789abcdef", &x).unwrap();
        let stats = store.stats().unwrap();
        assert_eq!(stats.extracted_documents, 1);
        assert!(stats.entities >= 2, "{stats:?}");
        assert_eq!(store.find_entities("lima").unwrap(), store.find_entities("LIMA").unwrap());
    }
}
