//! Every command and flag, defined once; `--help` is generated from these doc comments.

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// knows of it, its relations and every mention in context; or merge two entities.
    Entity(EntityArgs),
    /// Relation claims with their evidence sentences and sources, grouped into edges with their
    /// corroboration (works), figures and grades.
    Claims(ClaimsArgs),
    /// Correct what extraction got wrong: an entity's type, an alias, a claim confirmed or
    /// rejected, a note. Logged (`nexus corrections`), undoable, and kept through re-extraction.
    #[command(subcommand)]
    Correct(CorrectCommand),
    /// The log of analyst corrections (merges included), or undo one.
    Corrections(CorrectionsArgs),
    /// The graph of entities and relations across documents.
    #[command(subcommand)]
    Graph(GraphCommand),
    /// Sources (publishers) and their reliability grades.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Analyze the graph: central actors and brokers, supply chains per commodity, the
    /// crime–terror nexus, and what changed over time — every statement with its sources.
    Analyze(AnalyzeArgs),
    /// The briefing: one self-contained HTML file (or Markdown with SVG figures beside it) with
    /// the summary, key actors, network, route map, timeline, crime–terror nexus and supply
    /// chains, every statement footnoted to its sentences and documents.
    Report(ReportArgs),
    /// Export the graph: GraphML or GEXF (Gephi), CSV (i2 Analyst's Notebook, Maltego), events
    /// (ACLED-style CSV), node-link JSON or a STIX 2.1 bundle.
    Export(ExportArgs),
    /// Run extraction again over every stored document with the current knowledge base.
    Reextract(ReextractArgs),
    /// Recompute near-duplicate works for every stored document under a (new) threshold.
    Regroup(RegroupArgs),
    /// The knowledge base of organizations, places, commodities and activities.
    #[command(subcommand)]
    Kb(KbCommand),
    /// Extract entities, relations, quantities and dates from files or directories (no store needed).
    Extract(ExtractArgs),
    /// Score extraction against gold files (precision, recall, F1 per category, entity type and
    /// predicate; misses per document).
    Eval(EvalArgs),
    /// The workbench: a web UI and JSON API over the store (search, entity profiles, graph,
    /// map, timeline, uploads, corrections), on 127.0.0.1:8080 by default.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Anything but a loopback address requires a token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,
    /// The token clients must present (generated and printed when binding beyond loopback without one).
    #[arg(long, env = "NEXUS_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Who corrections are recorded as when the UI names nobody (default: $USER).
    #[arg(long)]
    pub analyst: Option<String>,
    /// Largest upload accepted, in bytes.
    #[arg(long, default_value_t = 50 * 1024 * 1024)]
    pub max_upload: u64,
    /// Your own knowledge-base directories for extracting uploads (repeatable).
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
    /// Read-only database connections for concurrent reads.
    #[arg(long, default_value_t = 4)]
    pub readers: usize,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// One JSON object per document (JSON Lines), as ONTOLOGY.md specifies.
    #[arg(long)]
    pub json: bool,
    /// Entities, quantities and dates only: skip the relations, about half the work.
    #[arg(long)]
    pub no_relations: bool,
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
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct EntityArgs {
    #[command(subcommand)]
    pub action: Option<EntityAction>,
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

#[derive(Debug, Subcommand)]
pub enum EntityAction {
    /// Read entity FROM as entity INTO from now on (same type only); undo with `unmerge`.
    Merge(MergeArgs),
    /// Undo the merge of an entity; the decision stays in the history.
    Unmerge(UnmergeArgs),
    /// Every merge decision, undone ones included.
    Merges(JsonFlag),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The entity that is to read as the other (name, alias or id).
    pub from: String,
    /// The entity it is.
    pub into: String,
    /// Why: what shows they are one (kept with the decision).
    #[arg(long, required = true)]
    pub evidence: String,
    #[command(flatten)]
    pub who: Who,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct UnmergeArgs {
    /// The merged entity, by the key `nexus entity merges` shows or a name.
    pub from: String,
    #[command(flatten)]
    pub who: Who,
    /// Why (kept in the corrections log).
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// Who makes a correction.
#[derive(Debug, Args)]
pub struct Who {
    /// Your name, for the corrections log.
    #[arg(long = "who", env = "USER", default_value = "analyst")]
    pub name: String,
}

#[derive(Debug, Subcommand)]
pub enum CorrectCommand {
    /// Give an entity (and every entity merged with it) another type.
    SetType(SetTypeArgs),
    /// Another name the entity is found by.
    Alias(AliasArgs),
    /// Mark a claim confirmed (by its id, as `nexus claims --json` shows it).
    Confirm(ClaimIdArgs),
    /// Leave a claim out of every view, export and analysis.
    Reject(ClaimIdArgs),
    /// Attach a note to an entity (name or key), a claim id or a document id.
    Note(NoteArgs),
}

/// What every correction takes besides its own arguments.
#[derive(Debug, Args)]
pub struct CorrectionFlags {
    #[command(flatten)]
    pub who: Who,
    /// Why (kept in the corrections log).
    #[arg(long)]
    pub note: Option<String>,
    /// Print the logged correction as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SetTypeArgs {
    /// The entity: name, alias or key.
    pub entity: String,
    /// One of criminal_org, armed_group, state_actor, company, person, country, place,
    /// commodity, activity.
    #[arg(value_name = "TYPE")]
    pub entity_type: String,
    #[command(flatten)]
    pub flags: CorrectionFlags,
}

#[derive(Debug, Args)]
pub struct AliasArgs {
    /// The entity: name, alias or key.
    pub entity: String,
    pub alias: String,
    #[command(flatten)]
    pub flags: CorrectionFlags,
}

#[derive(Debug, Args)]
pub struct ClaimIdArgs {
    pub claim_id: String,
    #[command(flatten)]
    pub flags: CorrectionFlags,
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// An entity (name, alias or key), a claim id or a document id.
    pub target: String,
    /// The note; several words are one note.
    #[arg(required = true)]
    pub text: Vec<String>,
    #[command(flatten)]
    pub flags: CorrectionFlags,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CorrectionsArgs {
    #[command(subcommand)]
    pub action: Option<CorrectionsAction>,
    /// Only corrections of this entity key, claim id or document id.
    #[arg(long)]
    pub target: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum CorrectionsAction {
    /// Undo a correction by its id; it stays in the log, marked undone.
    Undo(UndoArgs),
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    pub id: i64,
    #[command(flatten)]
    pub who: Who,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Only what lies within --depth hops of this entity (name, alias, acronym or id).
    #[arg(long)]
    pub focus: Option<String>,
    /// Hops around --focus.
    #[arg(long, default_value_t = 2)]
    pub depth: usize,
    /// Only claims seen on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): the claim's date,
    /// else its document's; undated claims are left out.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<String>,
    /// Only claims seen on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<String>,
    /// Compare the claims seen before this date with those seen on or after it (default: the
    /// median year in which claims were seen).
    #[arg(long, value_parser = parse_date)]
    pub split: Option<String>,
    /// Only edges that at least this many independent works support.
    #[arg(long, default_value_t = 1)]
    pub min_sources: u64,
    /// Centrality per window of this many years.
    #[arg(long, default_value_t = 5)]
    pub window: u32,
    /// At most this many rows per list (actors, legs, markets, nexus rows, changes).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Everything as one JSON object (the report's input).
    #[arg(long)]
    pub json: bool,
    /// Your own knowledge-base directories (repeatable), for names, countries and kinds.
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where to write it (whole or not at all); `-` for standard output.
    #[arg(long, default_value = "nexus-report.html")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Only what lies within two hops of this entity or country (name, alias, acronym or id).
    #[arg(long)]
    pub focus: Option<String>,
    /// Only claims seen on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<String>,
    /// Only claims seen on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<String>,
    /// The report's title (default: "Briefing", or "Briefing: FOCUS").
    #[arg(long)]
    pub title: Option<String>,
    /// Your own knowledge-base directories (repeatable), for names, countries and coordinates.
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Html,
    Md,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// A file (written whole or not at all), or `-` for standard output (the default). For
    /// `csv`, a directory that gets `entities.csv` and `links.csv`.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Only edges that at least this many independent works affirm (0 adds edges only denied).
    #[arg(long, default_value_t = 1)]
    pub min_sources: u64,
    /// Only this predicate (operates_in, traffics, ships_to, …).
    #[arg(long, value_parser = parse_predicate)]
    pub predicate: Option<String>,
    /// Your own knowledge-base directories (repeatable), for countries and coordinates.
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GraphML, for Gephi, yEd, Cytoscape.
    Graphml,
    /// GEXF 1.3 with time spells, for Gephi's timeline.
    Gexf,
    /// entities.csv and links.csv, for i2 Analyst's Notebook and Maltego.
    Csv,
    /// Seizures, arrests, killings and indictments, one row each, ACLED-style.
    Events,
    /// Nodes, links with every claim, and the documents cited.
    Json,
    /// A STIX 2.1 bundle.
    Stix,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Only edges with this subject (name, alias or id; either end of a symmetric predicate).
    #[arg(long)]
    pub subject: Option<String>,
    /// Only edges with this object.
    #[arg(long)]
    pub object: Option<String>,
    /// Only edges with this entity at either end.
    #[arg(long)]
    pub entity: Option<String>,
    /// Only this predicate (operates_in, traffics, ships_to, …).
    #[arg(long, value_parser = parse_predicate)]
    pub predicate: Option<String>,
    /// Only edges that at least this many independent works (near-duplicates count once) support.
    #[arg(long, default_value_t = 0)]
    pub min_sources: u64,
    /// Only claims seen on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): the claim's date,
    /// else its document's.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<String>,
    /// At most this many edges, most supported first.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// At most this many claims per edge, best first.
    #[arg(long, default_value_t = 5)]
    pub per_edge: usize,
    #[arg(long)]
    pub json: bool,
    /// Your own knowledge-base directories (repeatable), for resolving names.
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum GraphCommand {
    /// The entities related to ENTITY, up to --depth hops away, with each edge's support.
    Neighbors(NeighborsArgs),
    /// The best-supported path between two entities (cost: Σ 1/support over its edges).
    Path(PathArgs),
}

#[derive(Debug, Args)]
pub struct NeighborsArgs {
    /// A name, alias, acronym or id; several words are one name.
    #[arg(required = true)]
    pub entity: Vec<String>,
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=6))]
    pub depth: u64,
    #[arg(long, value_parser = parse_predicate)]
    pub predicate: Option<String>,
    /// Expand at most this many entities.
    #[arg(long, default_value_t = 200)]
    pub max_nodes: usize,
    #[arg(long)]
    pub json: bool,
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// From: a name, alias, acronym or id (quote names of several words).
    pub from: String,
    /// To.
    pub to: String,
    /// Only edges of this predicate.
    #[arg(long, value_parser = parse_predicate)]
    pub predicate: Option<String>,
    #[arg(long)]
    pub json: bool,
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Set a publisher's reliability on the Admiralty scale: A completely reliable, B usually
    /// reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged.
    /// PUBLISHER `*` sets the default for every publisher not graded.
    Grade(GradeArgs),
    /// Publishers (venue, else site) with their documents and grades.
    List(JsonFlag),
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// A venue or site as `nexus source list` shows it, or `*`.
    pub publisher: String,
    /// A–F.
    #[arg(value_parser = parse_grade)]
    pub grade: String,
    /// Why (kept with the grade).
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub json: bool,
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

/// A predicate of the ontology; the message for anything else lists them.
fn parse_predicate(s: &str) -> Result<String, String> {
    if nexus_extract::relations::predicates().any(|p| p == s) {
        Ok(s.to_owned())
    } else {
        Err(format!("unknown predicate '{s}'; one of: {}", nexus_extract::relations::predicates().collect::<Vec<_>>().join(", ")))
    }
}

fn parse_date(s: &str) -> Result<String, String> {
    nexus_store::check_date(s).map(|_| s.to_owned()).map_err(|_| format!("'{s}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"))
}

fn parse_grade(s: &str) -> Result<String, String> {
    nexus_store::Reliability::parse(s)
        .map(|g| g.as_str().to_owned())
        .ok_or_else(|| format!("'{s}' is not a reliability grade; use A, B, C, D, E or F (Admiralty scale)"))
}

fn parse_unit(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if (0.0..=1.0).contains(&v) && v > 0.0 { Ok(v) } else { Err(format!("{v} is not in (0, 1]")) }
}
