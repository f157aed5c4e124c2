//! The near-duplicate index. Band keys are random, so inserting them into a B-tree as documents
//! arrive would touch most of its pages on every commit. Instead they collect in memory and are
//! written sorted, in bulk; the `lsh_indexed_upto` watermark in `settings` says which documents
//! the table covers. Signatures are committed with their documents, so after a crash the keys
//! of the documents above the watermark are recomputed from them: the index is derived state.

use crate::error::Result;
use nexus_ingest::{LshLayout, Signature};
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use std::collections::HashMap;

/// Buffered rows before a flush: bounds memory (~40 bytes a row) and amortises the bulk write.
const FLUSH_ROWS: usize = 400_000;

/// The documents behind one band key: almost always one, so no allocation for it.
#[derive(Debug)]
enum Docs {
    One(i64),
    Many(Vec<i64>),
}

impl Docs {
    fn as_slice(&self) -> &[i64] {
        match self {
            Docs::One(seq) => std::slice::from_ref(seq),
            Docs::Many(seqs) => seqs,
        }
    }
}

#[derive(Debug, Default)]
pub struct Pending {
    by_key: HashMap<i64, Docs>,
    rows: usize,
    /// The highest document the buffer covers.
    upto: i64,
    /// The layout the buffer and watermark were checked against, once per store handle.
    pub(crate) layout: Option<LshLayout>,
}

impl Pending {
    pub fn insert(&mut self, keys: &[i64], seq: i64) {
        for &k in keys {
            self.by_key
                .entry(k)
                .and_modify(|docs| match docs {
                    Docs::One(first) => *docs = Docs::Many(vec![*first, seq]),
                    Docs::Many(seqs) => seqs.push(seq),
                })
                .or_insert(Docs::One(seq));
        }
        self.rows += keys.len();
        self.upto = self.upto.max(seq);
    }

    pub fn candidates<'a>(&'a self, keys: &'a [i64]) -> impl Iterator<Item = i64> + 'a {
        keys.iter().filter_map(|k| self.by_key.get(k)).flat_map(Docs::as_slice).copied()
    }

    pub fn is_full(&self) -> bool {
        self.rows >= FLUSH_ROWS
    }

    fn clear(&mut self) {
        self.by_key.clear();
        self.rows = 0;
    }
}

/// Documents the persisted index covers.
pub fn watermark(conn: &Connection) -> Result<i64> {
    let v: Option<String> = conn.query_row("SELECT value FROM settings WHERE key = 'lsh_indexed_upto'", [], |r| r.get(0)).optional()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Make the layout current and load into `pending` the keys of documents stored since the last
/// flush (after a crash, or by another process), so candidates are never missed.
pub fn prepare(conn: &Connection, pending: &mut Pending, layout: LshLayout) -> Result<()> {
    if pending.layout == Some(layout) {
        return Ok(());
    }
    let want = format!("{}x{}", layout.bands, layout.rows);
    let have: Option<String> = conn.query_row("SELECT value FROM settings WHERE key = 'lsh_layout'", [], |r| r.get(0)).optional()?;
    if have.as_deref() != Some(want.as_str()) {
        // Keys of another layout mean nothing now: start the index again from the signatures.
        conn.execute("DELETE FROM lsh", [])?;
        conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('lsh_layout', ?1), ('lsh_indexed_upto', '0')", [&want])?;
    }
    pending.clear();
    let from = watermark(conn)?;
    pending.upto = from;
    let mut stmt = conn.prepare("SELECT doc_seq, minhash FROM signatures WHERE doc_seq > ?1 ORDER BY doc_seq")?;
    let rows = stmt.query_map([from], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    for row in rows {
        let (seq, bytes) = row?;
        if let Some(sig) = Signature::from_bytes(&bytes) {
            pending.insert(&sig.band_keys(layout), seq);
        }
    }
    pending.layout = Some(layout);
    Ok(())
}

/// Stored documents sharing a band key with `keys`, persisted or pending.
pub fn candidates(conn: &Connection, pending: &Pending, keys: &[i64]) -> Result<Vec<i64>> {
    let placeholders = vec!["?"; keys.len()].join(",");
    let mut stmt = conn.prepare_cached(&format!("SELECT DISTINCT doc_seq FROM lsh WHERE key IN ({placeholders})"))?;
    let mut seqs: Vec<i64> = stmt.query_map(params_from_iter(keys), |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    seqs.extend(pending.candidates(keys));
    seqs.sort_unstable();
    seqs.dedup();
    Ok(seqs)
}

/// Write the buffered keys sorted (each B-tree page touched once) and move the watermark, in the
/// caller's transaction.
pub fn flush(conn: &Connection, pending: &mut Pending) -> Result<()> {
    if pending.rows > 0 {
        let mut rows: Vec<(i64, i64)> = pending.by_key.iter().flat_map(|(&k, docs)| docs.as_slice().iter().map(move |&s| (k, s))).collect();
        rows.sort_unstable();
        let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO lsh(key, doc_seq) VALUES (?1, ?2)")?;
        for (k, s) in rows {
            insert.execute(params![k, s])?;
        }
    }
    conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('lsh_indexed_upto', ?1)", [pending.upto.to_string()])?;
    pending.clear();
    Ok(())
}
