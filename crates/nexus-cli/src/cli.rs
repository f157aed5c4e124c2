//! Every command and flag, defined once; `--help` is generated from these doc comments.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// nexus: turn open-source reporting on organized crime and terrorism into a corpus an analyst can query.
#[derive(Debug, Parser)]
#[command(name = "nexus", version, propagate_version = true)]
pub struct Cli {
    /// The store: an SQLite file, created on first ingest.
    #[arg(long, global = true, env = "NEXUS_DB", default_value = "nexus.db")]
    pub db: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest the bundled demo corpus into the store and show what is in it.
    Demo(DemoArgs),
    /// Read files, directories (recursively) or `-` (standard input) into the store.
    Ingest(IngestArgs),
    /// List stored documents.
    Docs(JsonFlag),
    /// Show one document: metadata by default, or its text, or everything as JSON.
    Doc(DocArgs),
    /// Full-text search, ranked, accent- and case-insensitive.
    Search(SearchArgs),
    /// Counts: documents, works, languages, formats, extracted entities, quantities and dates.
    Stats(JsonFlag),
    /// Every entity the stored documents mention, with its mention and document counts.
    Entities(EntitiesArgs),
    /// One entity by name, alias or id (case- and accent-insensitive): what the knowledge base
    /// knows of it and every mention in context.
    Entity(EntityArgs),
    /// Run extraction again over every stored document with the current knowledge base.
    Reextract(ReextractArgs),
    /// Recompute near-duplicate works for every stored document under a (new) threshold.
    Regroup(RegroupArgs),
    /// The knowledge base of organizations, places, commodities and activities.
    #[command(subcommand)]
    Kb(KbCommand),
    /// Extract entities, quantities and dates from files or directories (no store needed).
    Extract(ExtractArgs),
    /// Score extraction against gold files (precision, recall, F1; misses per document).
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// One JSON object per document (JSON Lines), as ONTOLOGY.md specifies.
    #[arg(long)]
    pub json: bool,
    /// Your own knowledge-base directories (repeatable).
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A directory of gold files (*.json), or one gold file.
    #[arg(long)]
    pub gold: PathBuf,
    /// The directory holding the documents the gold files name.
    #[arg(long)]
    pub docs: PathBuf,
    #[arg(long)]
    pub json: bool,
    /// Your own knowledge-base directories (repeatable).
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Validate the bundled knowledge base and your own files; errors as file:line.
    Check(KbArgs),
}

#[derive(Debug, Args)]
pub struct KbArgs {
    /// A directory of your own .jsonl/.tsv files (repeatable); a `kb/` folder beside the store is
    /// read too when it exists.
    #[arg(long = "kb")]
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The corpus to ingest; the one bundled with the source tree by default.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/demo"))]
    pub corpus: PathBuf,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, directories or `-`.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Estimated Jaccard similarity of word shingles at which two documents are one work.
    #[arg(long, default_value_t = 0.5, value_parser = parse_unit)]
    pub near_dup_threshold: f64,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = 128 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Print the summary as JSON on standard output.
    #[arg(long)]
    pub json: bool,
    /// Store documents without extracting entities, quantities and dates (faster; `nexus
    /// reextract` or a later ingest of the same files adds them).
    #[arg(long)]
    pub no_extract: bool,
    /// Your own knowledge-base directories for extraction (repeatable).
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only entities of this type (criminal_org, armed_group, state_actor, company, person,
    /// country, place, commodity, activity).
    #[arg(long = "type", value_parser = parse_entity_type)]
    pub entity_type: Option<String>,
    /// At most this many entities.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EntityArgs {
    /// A name, alias, acronym or id; several words are one name.
    #[arg(required = true)]
    pub name: Vec<String>,
    /// At most this many mentions in context.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
    /// Your own knowledge-base directories (repeatable).
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// Your own knowledge-base directories (repeatable).
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
    /// Print the summary as JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RegroupArgs {
    /// Estimated Jaccard similarity of word shingles at which two documents are one work.
    #[arg(long, default_value_t = 0.5, value_parser = parse_unit)]
    pub near_dup_threshold: f64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DocArgs {
    /// A document id, or a unique prefix of one.
    pub id: String,
    /// Print only the stored text.
    #[arg(long, conflicts_with = "json")]
    pub text: bool,
    /// Print the document, text, notes and metadata as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words (all must match), "quoted phrases", prefix*, OR, NOT.
    #[arg(required = true)]
    pub query: Vec<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

/// An ontology entity type; the message for anything else lists them.
fn parse_entity_type(s: &str) -> Result<String, String> {
    serde_json::from_value::<nexus_kb::EntityType>(serde_json::Value::String(s.to_owned()))
        .map(|t| t.as_str().to_owned())
        .map_err(|e| e.to_string())
}

fn parse_unit(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if (0.0..=1.0).contains(&v) && v > 0.0 { Ok(v) } else { Err(format!("{v} is not in (0, 1]")) }
}
