//! `nexus extract` and `nexus eval`.

use crate::cli::{EvalArgs, ExtractArgs};
use crate::cmd_kb::analyst_dirs;
use anyhow::Context;
use nexus_extract::eval::{Counts, DocScore, Gold, score};
use nexus_extract::{Extraction, Extractor};
use nexus_ingest::Document;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The knowledge base (bundled and the analyst's) compiled for extraction; lines that could not
/// be read are reported, the rest is used.
pub(crate) fn extractor(db: &Path, dirs: &[std::path::PathBuf]) -> Extractor {
    let (kb, diags) = nexus_kb::KnowledgeBase::load(&analyst_dirs(db, dirs));
    for d in diags {
        eprintln!("{d}");
    }
    Extractor::new(kb)
}

/// ONTOLOGY.md's `document` object.
#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    authors: &'a [String],
    venue: Option<&'a str>,
    published: Option<&'a str>,
    language: &'a str,
    sha256: &'a str,
    near_duplicate_of: Option<&'a str>,
}

#[derive(Serialize)]
struct Output<'a> {
    document: DocumentOut<'a>,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

/// Documents read before they are extracted together (`nexus_pipeline::extract_all`): enough
/// for a stage-by-stage batch on every core, few enough to keep memory flat.
const DOCUMENTS_AT_ONCE: usize = 64;

pub fn extract(db: &Path, args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let ex = extractor(db, &args.kb);
    let walked = nexus_ingest::expand(&args.paths);
    let mut failed = !walked.errors.is_empty();
    for e in &walked.errors {
        eprintln!("error: {e}");
    }
    let mut out = std::io::stdout().lock();
    let paths: Vec<_> =
        walked.inputs.into_iter().filter_map(|i| if let nexus_ingest::Input::File { path, .. } = i { Some(path) } else { None }).collect();
    for group in paths.chunks(DOCUMENTS_AT_ONCE) {
        let mut docs = Vec::with_capacity(group.len());
        for path in group {
            match nexus_ingest::read_file(path, &nexus_ingest::Options::default()) {
                Ok(d) => docs.push(d),
                Err(e) => {
                    failed |= !e.is_skip();
                    eprintln!("{}: {e}", if e.is_skip() { "skipped" } else { "error" });
                }
            }
        }
        let texts: Vec<_> = docs.iter().map(Document::extraction_text).collect();
        let inputs: Vec<nexus_extract::Input> =
            texts.iter().zip(&docs).map(|(t, d)| nexus_extract::Input { text: t, reference: d.meta.published.as_deref() }).collect();
        let found = nexus_pipeline::extract_all(&ex, &inputs, !args.no_relations);
        for (doc, x) in docs.iter().zip(found) {
            write_one(&mut out, doc, &x.cite(&doc.text), args.json)?;
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// One document's extraction: ONTOLOGY.md's JSON line, or a summary for people to read.
fn write_one(out: &mut impl Write, doc: &Document, x: &Extraction, json: bool) -> anyhow::Result<()> {
    if json {
        let m = &doc.meta;
        let document = DocumentOut {
            id: &doc.id,
            source: &doc.source,
            title: m.title.as_deref(),
            authors: &m.authors,
            venue: m.venue.as_deref(),
            published: m.published.as_deref(),
            language: &doc.language.code,
            sha256: &doc.sha256,
            near_duplicate_of: None,
        };
        serde_json::to_writer(&mut *out, &Output { document, extraction: x })?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{} ({}, {}): {} entities, {} quantities, {} dates",
            doc.source,
            doc.id,
            doc.language.code,
            x.entities.len(),
            x.quantities.len(),
            x.dates.len()
        )?;
        for e in &x.entities {
            let surfaces: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            writeln!(out, "  {:<13} {:<36} {}", e.entity_type, e.name, surfaces.join(" | "))?;
        }
        for q in &x.quantities {
            writeln!(
                out,
                "  quantity      {:<36} {} {} ({:?}{})",
                q.text,
                q.value,
                q.unit,
                q.bound,
                q.commodity.as_ref().map(|c| format!(", {c}")).unwrap_or_default()
            )?;
        }
        for d in &x.dates {
            writeln!(out, "  date          {:<36} {} ({:?})", d.text, d.value, d.precision)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Report {
    categories: BTreeMap<String, Score>,
    entity_types: BTreeMap<String, Score>,
    relation_predicates: BTreeMap<String, Score>,
    documents: Vec<DocScore>,
}

#[derive(Serialize)]
struct Score {
    #[serde(flatten)]
    counts: Counts,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl From<Counts> for Score {
    fn from(counts: Counts) -> Score {
        Score { counts, precision: counts.precision(), recall: counts.recall(), f1: counts.f1() }
    }
}

pub fn eval(db: &Path, args: EvalArgs) -> anyhow::Result<ExitCode> {
    let ex = extractor(db, &args.kb);
    let gold_files: Vec<std::path::PathBuf> = if args.gold.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(&args.gold)
            .with_context(|| format!("{}: cannot read", args.gold.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        v.sort();
        v
    } else {
        vec![args.gold.clone()]
    };
    let mut docs = Vec::new();
    let (mut categories, mut types, mut predicates): (BTreeMap<String, Counts>, BTreeMap<String, Counts>, BTreeMap<String, Counts>) =
        Default::default();
    for gf in gold_files {
        let text = std::fs::read_to_string(&gf).with_context(|| format!("{}: cannot read", gf.display()))?;
        let gold: Gold = serde_json::from_str(&text).with_context(|| format!("{}: not a gold file", gf.display()))?;
        for name in std::iter::once(&gold.doc).chain(&gold.also_applies_to) {
            let path = args.docs.join(name);
            let doc = nexus_ingest::read_file(&path, &nexus_ingest::Options::default())
                .with_context(|| format!("{} (named by {})", path.display(), gf.display()))?;
            let x = ex.extract(&doc.extraction_text(), doc.meta.published.as_deref()).cite(&doc.text);
            let s = score(&gold, name, &x);
            for (k, c) in &s.categories {
                categories.entry(k.clone()).or_default().add(*c);
            }
            for (k, c) in &s.entity_types {
                types.entry(k.clone()).or_default().add(*c);
            }
            for (k, c) in &s.relation_predicates {
                predicates.entry(k.clone()).or_default().add(*c);
            }
            docs.push(s);
        }
    }
    let report = Report {
        categories: categories.into_iter().map(|(k, c)| (k, c.into())).collect(),
        entity_types: types.into_iter().map(|(k, c)| (k, c.into())).collect(),
        relation_predicates: predicates.into_iter().map(|(k, c)| (k, c.into())).collect(),
        documents: docs,
    };
    if args.json {
        crate::output::print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let row = |name: &str, s: &Score| {
        vec![
            name.to_owned(),
            format!("{:.3}", s.precision),
            format!("{:.3}", s.recall),
            format!("{:.3}", s.f1),
            s.counts.tp.to_string(),
            s.counts.fp.to_string(),
            s.counts.fn_.to_string(),
        ]
    };
    // Each breakdown sits under the category it splits: types under `entities_typed`,
    // predicates under `relations`.
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (k, s) in &report.categories {
        rows.push(row(k, s));
        let parts = match k.as_str() {
            "entities_typed" => &report.entity_types,
            "relations" => &report.relation_predicates,
            _ => continue,
        };
        rows.extend(parts.iter().map(|(k, s)| row(&format!("  {k}"), s)));
    }
    print!("{}", crate::output::table(&["CATEGORY", "P", "R", "F1", "TP", "FP", "FN"], &rows));
    for d in &report.documents {
        if d.missed.is_empty() && d.spurious.is_empty() {
            continue;
        }
        println!("\n{}", d.doc);
        for m in &d.missed {
            println!("  missed    {m}");
        }
        for s in &d.spurious {
            println!("  spurious  {s}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
