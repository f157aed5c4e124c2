//! The ingest pipeline: inputs → (parallel) read, hash, convert, sign, extract → (one writer)
//! store; and `reextract`, which runs extraction again over the stored documents.
//!
//! Conversion and extraction are pure and run on every core; writing is serial because SQLite
//! has one writer. Batches are bounded in count and bytes and at most two are in flight, so
//! memory stays flat however large the corpus. Each batch is written in one transaction (a
//! savepoint per document, its extraction inside it), so a document is always stored whole or
//! not at all. Bytes already stored (with their extraction, when extracting) are recognised by
//! hash before conversion, so a re-run after a crash skips straight to the documents that are
//! missing.

mod extract;

pub use extract::extract_all;
use nexus_extract::{Extraction, Extractor};
use nexus_ingest::{Document, Format, IngestError, Input, Signature};
use nexus_store::{AddOutcome, ExtractionCounts, ExtractionInput, NearDupConfig, Store, StoreError, Writer};
use rayon::prelude::*;
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

#[derive(Debug, Clone)]
pub struct Options {
    pub convert: nexus_ingest::Options,
    pub near_dup: NearDupConfig,
    /// Largest batch handed to the converters, in files and in bytes.
    pub batch_files: usize,
    pub batch_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            convert: nexus_ingest::Options::default(),
            near_dup: NearDupConfig::default(),
            batch_files: 64,
            batch_bytes: 32 * 1024 * 1024,
        }
    }
}

/// What happened to one input.
#[derive(Debug)]
pub enum Event {
    /// `extracted`: its extraction was stored in this run (with a new document, or for stored bytes
    /// that had none).
    Stored {
        source: String,
        outcome: AddOutcome,
        warnings: Vec<String>,
        extracted: bool,
    },
    Skipped(IngestError),
    Failed(String),
}

/// Hooks for progress display; the pipeline itself prints nothing.
pub trait Observer {
    fn started(&mut self, _inputs: usize, _bytes: u64) {}
    fn advanced(&mut self, _bytes: u64) {}
    fn event(&mut self, _event: &Event) {}
}

/// An observer that ignores everything.
pub struct Quiet;
impl Observer for Quiet {}

#[derive(Debug, Default, Clone, Serialize, PartialEq)]
pub struct Summary {
    /// New documents stored (near-duplicates included).
    pub ingested: usize,
    /// Inputs whose bytes were already stored.
    pub duplicates: usize,
    /// New documents that joined an existing work.
    pub near_duplicates: usize,
    pub skipped: usize,
    pub failed: usize,
    /// Documents whose extraction was stored (new ones, and stored ones that had none).
    pub extracted: usize,
    pub bytes: u64,
    pub seconds: f64,
}

/// One input after the parallel stage.
enum Prepared {
    Known { sha256: String, source: String },
    Ready(Box<(Document, Signature, Option<Extraction>)>),
    Skip(IngestError),
    Fail(String),
}

/// Ingest `inputs` (with `walk_errors` already found while listing them) into the store at `db`,
/// extracting each new document with `extractor` when one is given (built once by the caller, since
/// compiling the knowledge base costs more than extracting a document).
pub fn run(
    db: &Path,
    inputs: Vec<Input>,
    walk_errors: Vec<IngestError>,
    opts: &Options,
    extractor: Option<&Extractor>,
    observer: &mut dyn Observer,
) -> Result<Summary, StoreError> {
    let started = Instant::now();
    let mut store = Store::open(db)?;
    let mut summary = Summary::default();
    for e in walk_errors {
        record(&mut summary, Event::Failed(e.to_string()), observer);
    }
    let total: u64 = inputs.iter().map(|i| if let Input::File { size, .. } = i { *size } else { 0 }).sum();
    observer.started(inputs.len(), total);
    let batches = batch(inputs, opts);
    let (tx, rx) = sync_channel::<Vec<(u64, Prepared)>>(1);
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let reader = Store::open_existing(db)?;
        scope.spawn(move || {
            for b in batches {
                let loaded: Vec<(u64, Loaded)> = b.into_par_iter().map(|input| load(input, &opts.convert)).collect();
                let checked: Vec<(u64, Loaded)> =
                    loaded.into_iter().map(|(size, l)| (size, mark_known(&reader, l, extractor.is_some()))).collect();
                let mut prepared: Vec<(u64, Prepared)> = checked.into_par_iter().map(|(size, l)| (size, prepare(l))).collect();
                if let Some(ex) = extractor {
                    extract_prepared(&mut prepared, ex);
                }
                if tx.send(prepared).is_err() {
                    return;
                }
            }
        });
        for batch in rx {
            let mut writer = store.writer(opts.near_dup)?;
            let mut events = Vec::with_capacity(batch.len());
            for (size, prepared) in batch {
                events.push((size, store_one(&mut writer, prepared)));
            }
            // Report only what is committed: a crash before this line loses the batch, and a re-run redoes it.
            writer.commit()?;
            for (size, event) in events {
                summary.bytes += size;
                observer.advanced(size);
                record(&mut summary, event, observer);
            }
        }
        Ok(())
    })?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn record(summary: &mut Summary, event: Event, observer: &mut dyn Observer) {
    if let Event::Stored { extracted: true, .. } = &event {
        summary.extracted += 1;
    }
    match &event {
        Event::Stored { outcome: AddOutcome::Added { .. }, .. } => summary.ingested += 1,
        Event::Stored { outcome: AddOutcome::NearDuplicate { .. }, .. } => {
            summary.ingested += 1;
            summary.near_duplicates += 1;
        }
        Event::Stored { outcome: AddOutcome::Duplicate { .. }, .. } => summary.duplicates += 1,
        Event::Skipped(_) => summary.skipped += 1,
        Event::Failed(_) => summary.failed += 1,
    }
    observer.event(&event);
}

/// Group inputs so that no batch holds more than the configured files or bytes.
fn batch(inputs: Vec<Input>, opts: &Options) -> Vec<Vec<Input>> {
    let mut out = vec![Vec::new()];
    let mut bytes = 0;
    for input in inputs {
        let size = if let Input::File { size, .. } = &input { *size } else { 0 };
        let last = out.last().map_or(0, Vec::len);
        if last >= opts.batch_files.max(1) || (last > 0 && bytes + size > opts.batch_bytes) {
            out.push(Vec::new());
            bytes = 0;
        }
        bytes += size;
        if let Some(b) = out.last_mut() {
            b.push(input);
        }
    }
    out.retain(|b| !b.is_empty());
    out
}

/// One input's bytes, read and hashed, before conversion.
enum Loaded {
    /// `format` is `None` for standard input, which is sniffed.
    Bytes {
        source: String,
        bytes: Vec<u8>,
        sha256: String,
        format: Option<Format>,
    },
    Known {
        source: String,
        sha256: String,
    },
    Error(IngestError),
}

fn load(input: Input, opts: &nexus_ingest::Options) -> (u64, Loaded) {
    let (source, size, read) = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            let r = std::io::stdin().lock().read_to_end(&mut buf).map(|_| buf);
            ("-".to_owned(), 0, r.map(|bytes| (bytes, None)).map_err(|e| IngestError::Read { path: PathBuf::from("-"), source: e }))
        }
        Input::File { path, size } => {
            (path.display().to_string(), size, nexus_ingest::read_bytes(&path, opts).map(|(bytes, f)| (bytes, Some(f))))
        }
    };
    let loaded = match read {
        Ok((bytes, format)) => Loaded::Bytes { sha256: nexus_ingest::fingerprint::sha256_hex(&bytes), source, bytes, format },
        Err(e) => Loaded::Error(e),
    };
    (size, loaded)
}

fn prepare(loaded: Loaded) -> Prepared {
    match loaded {
        Loaded::Error(e) => classify(e),
        Loaded::Known { source, sha256 } => Prepared::Known { sha256, source },
        Loaded::Bytes { source, bytes, format, .. } => match nexus_ingest::convert(&bytes, &source, format) {
            Ok(doc) => {
                let sig = Signature::of_text(&doc.extraction_text());
                Prepared::Ready(Box::new((doc, sig, None)))
            }
            Err(e) => classify(e),
        },
    }
}

/// Extract every converted document of a batch (`extract_all`: stage-by-stage batches on every
/// core), each citing its evidence from its stored text.
fn extract_prepared(prepared: &mut [(u64, Prepared)], extractor: &Extractor) {
    let docs: Vec<&Document> = prepared.iter().filter_map(|(_, p)| if let Prepared::Ready(b) = p { Some(&b.0) } else { None }).collect();
    let texts: Vec<_> = docs.iter().map(|d| d.extraction_text()).collect();
    let inputs: Vec<nexus_extract::Input> =
        texts.iter().zip(&docs).map(|(t, d)| nexus_extract::Input { text: t, reference: d.meta.published.as_deref() }).collect();
    let found: Vec<Extraction> = extract_all(extractor, &inputs, true).into_iter().zip(&docs).map(|(x, d)| x.cite(&d.text)).collect();
    let ready = prepared.iter_mut().filter_map(|(_, p)| if let Prepared::Ready(b) = p { Some(b) } else { None });
    for (b, x) in ready.zip(found) {
        b.2 = Some(x);
    }
}

fn classify(e: IngestError) -> Prepared {
    if e.is_skip() { Prepared::Skip(e) } else { Prepared::Fail(e.to_string()) }
}

/// Bytes stored already need no conversion, only their path recorded — unless we extract and
/// they were stored without an extraction, which this run then adds.
fn mark_known(reader: &Store, l: Loaded, extracting: bool) -> Loaded {
    match l {
        Loaded::Bytes { source, sha256, .. }
            if if extracting { reader.has_extraction_for(&sha256) } else { reader.has_sha256(&sha256) }.unwrap_or(false) =>
        {
            Loaded::Known { source, sha256 }
        }
        other => other,
    }
}

fn store_one(writer: &mut Writer, prepared: Prepared) -> Event {
    match prepared {
        Prepared::Skip(e) => Event::Skipped(e),
        Prepared::Fail(msg) => Event::Failed(msg),
        Prepared::Known { sha256, source } => match writer.add_path(&sha256, &source) {
            Ok(new_path) => {
                let id = sha256[..16].to_owned();
                Event::Stored { source, outcome: AddOutcome::Duplicate { id, new_path }, warnings: Vec::new(), extracted: false }
            }
            Err(e) => Event::Failed(format!("{source}: {e}")),
        },
        Prepared::Ready(boxed) => {
            let (doc, sig, x) = *boxed;
            let stored = writer.add(&doc, &sig, x.as_ref()).and_then(|outcome| {
                let extracted = match (&outcome, &x) {
                    (_, None) => false,
                    (AddOutcome::Duplicate { .. }, Some(x)) => writer.add_missing_extraction(&doc.sha256, x)?,
                    (_, Some(_)) => true,
                };
                Ok((outcome, extracted))
            });
            match stored {
                Ok((outcome, extracted)) => Event::Stored { source: doc.source, outcome, warnings: doc.warnings, extracted },
                Err(e) => Event::Failed(format!("{}: {e}", doc.source)),
            }
        }
    }
}

#[derive(Debug, Default, Clone, Serialize, PartialEq)]
pub struct ReextractSummary {
    pub documents: usize,
    /// Rows stored for the new extractions (entities are counted per document).
    #[serde(flatten)]
    pub rows: ExtractionCounts,
    pub seconds: f64,
}

/// Run `extractor` again over every stored document and replace each document's extraction in a
/// transaction of its own (after the knowledge base or the extractor changed). Extraction runs
/// in parallel a batch ahead of the writer; the observer counts documents, not bytes. A kill
/// leaves every document with its old extraction or its new one; a re-run redoes them all.
pub fn reextract(db: &Path, extractor: &Extractor, opts: &Options, observer: &mut dyn Observer) -> Result<ReextractSummary, StoreError> {
    let started = Instant::now();
    let mut store = Store::open_existing(db)?;
    let total = store.stats()?.documents;
    observer.started(total as usize, total);
    let mut summary = ReextractSummary::default();
    let (tx, rx) = sync_channel::<Result<Vec<(ExtractionInput, Extraction)>, StoreError>>(1);
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let reader = Store::open_existing(db)?;
        scope.spawn(move || {
            let mut after = 0;
            loop {
                let batch = match reader.extraction_inputs(after, opts.batch_files.max(1), opts.batch_bytes) {
                    Ok(b) if b.is_empty() => return,
                    Ok(b) => b,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                };
                after = batch.last().map_or(after, |d| d.seq);
                let inputs: Vec<nexus_extract::Input> =
                    batch.iter().map(|d| nexus_extract::Input { text: &d.text, reference: d.published.as_deref() }).collect();
                let found = extract_all(extractor, &inputs, true);
                let done: Vec<(ExtractionInput, Extraction)> = batch.into_iter().zip(found).collect();
                if tx.send(Ok(done)).is_err() {
                    return;
                }
            }
        });
        for batch in rx {
            for (doc, x) in batch? {
                summary.rows += store.replace_extraction(&doc.id, &x)?;
                summary.documents += 1;
                observer.advanced(1);
            }
        }
        Ok(())
    })?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}
