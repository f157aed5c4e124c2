//! Recompute every document's work from the stored signatures, as if the whole store had been
//! ingested again in the same order under `config` — so a changed threshold applies to the
//! documents already stored, not only to new ones.

use crate::error::Result;
use crate::write::best_match;
use crate::{NearDupConfig, Store, lsh};
use nexus_ingest::{LshLayout, Signature};
use rusqlite::params;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RegroupSummary {
    pub documents: u64,
    pub works: u64,
    /// Documents whose work changed.
    pub changed: u64,
}

impl Store {
    pub fn regroup(&mut self, config: NearDupConfig) -> Result<RegroupSummary> {
        let layout = LshLayout::for_threshold(config.threshold);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        lsh::prepare(&tx, &mut self.pending, layout)?;
        lsh::flush(&tx, &mut self.pending)?;
        let mut summary = RegroupSummary::default();
        {
            // In seq order inside one transaction, so every earlier document already carries its
            // new work when a later one looks it up: nothing is held in memory.
            let mut docs = tx.prepare(
                "SELECT d.seq, d.id, d.work_id, s.minhash FROM documents d JOIN signatures s ON s.doc_seq = d.seq ORDER BY d.seq",
            )?;
            let mut update = tx.prepare("UPDATE documents SET work_id = ?2, similarity = ?3 WHERE seq = ?1")?;
            let mut claims = tx.prepare("UPDATE claims SET work_id = ?2 WHERE doc_seq = ?1")?;
            let rows =
                docs.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Vec<u8>>(3)?)))?;
            for row in rows {
                let (seq, id, old_work, bytes) = row?;
                let Some(sig) = Signature::from_bytes(&bytes) else { continue };
                let earlier: Vec<i64> =
                    lsh::candidates(&tx, &self.pending, &sig.band_keys(layout))?.into_iter().filter(|&c| c < seq).collect();
                let (work, similarity) = match best_match(&tx, &earlier, &sig, config.threshold)? {
                    Some((_, work, sim)) => (work, Some(sim)),
                    None => (id, None),
                };
                if work != old_work {
                    summary.changed += 1;
                    // The document's claims move to the new work in the edge summaries too.
                    crate::summaries::remove_doc(&tx, seq, false)?;
                    claims.execute(params![seq, work])?;
                    crate::summaries::add_doc(&tx, seq)?;
                }
                update.execute(params![seq, work, similarity])?;
                summary.documents += 1;
            }
        }
        summary.works = tx.query_row("SELECT count(DISTINCT work_id) FROM documents", [], |r| r.get::<_, i64>(0))? as u64;
        tx.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('near_dup_threshold', ?1)", [config.threshold.to_string()])?;
        tx.commit()?;
        Ok(summary)
    }
}
