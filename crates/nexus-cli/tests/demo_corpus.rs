//! The bundled demo corpus, end to end through the binary: every format and encoding, works,
//! boilerplate, footnotes, search, idempotent re-runs.

mod common;
use common::*;
use serde_json::Value;

fn ingest_demo(db: &std::path::Path) -> Value {
    json(nexus(db).arg("ingest").arg("--json").arg(demo_corpus()))
}

fn docs(db: &std::path::Path) -> Vec<Value> {
    json(nexus(db).args(["docs", "--json"])).as_array().cloned().unwrap_or_default()
}

fn by_file<'a>(docs: &'a [Value], name: &str) -> &'a Value {
    docs.iter().find(|d| d["source"].as_str().is_some_and(|s| s.ends_with(name))).unwrap_or_else(|| panic!("{name} not stored"))
}

fn text(db: &std::path::Path, id: &Value) -> String {
    run(nexus(db).args(["doc", "--text"]).arg(id.as_str().unwrap())).stdout
}

#[test]
fn demo_corpus_ingests_whole_and_idempotently() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let files = std::fs::read_dir(demo_corpus()).unwrap().count() as u64;
    assert!(files >= 25, "the demo corpus needs at least 25 documents, has {files}");
    let s = ingest_demo(&db);
    assert_eq!((s["ingested"].as_u64(), s["failed"].as_u64(), s["skipped"].as_u64()), (Some(files), Some(0), Some(0)), "{s}");
    assert!(s["near_duplicates"].as_u64().unwrap() >= 1, "{s}");
    let again = ingest_demo(&db);
    assert_eq!((again["ingested"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(files)), "{again}");

    let docs = docs(&db);
    let langs = |code: &str| docs.iter().filter(|d| d["language"] == code).count();
    assert!(langs("en") >= 10 && langs("es") >= 5 && langs("pt") >= 5, "en {} es {} pt {}", langs("en"), langs("es"), langs("pt"));
    for f in ["pdf", "html", "txt", "md"] {
        assert!(docs.iter().any(|d| d["format"] == f), "no {f} document");
    }
}

#[test]
fn works_boilerplate_encodings_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ingest_demo(&db);
    let docs = docs(&db);

    // The wire story and its scraped repost are one work; an independent piece on the same events is not.
    let wire = by_file(&docs, "en-03-antwerp-wire.html");
    let repost = by_file(&docs, "en-04-antwerp-wire-repost.txt");
    let independent = by_file(&docs, "en-05-rotterdam-independent.txt");
    assert_eq!(wire["work"], repost["work"]);
    assert_ne!(wire["work"], independent["work"]);
    let works: std::collections::HashSet<&str> = docs.iter().filter_map(|d| d["work"].as_str()).collect();
    assert_eq!(works.len(), docs.len() - 1, "exactly one near-duplicate pair in the demo corpus");

    // Navigation, cookie banners and share buttons never reach the text.
    let page = text(&db, &by_file(&docs, "en-02-guayaquil-ports.html")["id"]);
    for junk in ["cookie", "Share on", "Subscribe", "Related stories", "function("] {
        assert!(!page.contains(junk), "boilerplate '{junk}' in text:\n{page}");
    }
    assert!(page.contains("Guayaquil"));
    let meta = json(nexus(&db).args(["doc", "--json"]).arg(by_file(&docs, "en-02-guayaquil-ports.html")["id"].as_str().unwrap()));
    assert!(meta["title"].as_str().is_some_and(|t| !t.contains('|')), "{}", meta["title"]);
    assert_eq!(meta["published"].as_str().map(|p| &p[..4]), Some("2024"));

    // Legacy encodings are decoded, not mangled.
    for f in ["es-06-bolivia-chapare.txt", "es-07-tren-de-aragua.txt", "pt-05-lavagem-dinheiro.txt", "en-12-catatumbo-eln.txt"] {
        let t = text(&db, &by_file(&docs, f)["id"]);
        assert!(!t.contains('\u{FFFD}') && !t.contains("Ã") && !t.starts_with('\u{FEFF}'), "{f} decoded badly");
    }
    let chapare = json(nexus(&db).args(["doc", "--json"]).arg(by_file(&docs, "es-06-bolivia-chapare.txt")["id"].as_str().unwrap()));
    assert_eq!(chapare["encoding"], "windows-1252");
    assert!(chapare["text"].as_str().unwrap().contains("ó"));

    // Footnote marks are recorded and point at digits in the stored text.
    let analysis = json(nexus(&db).args(["doc", "--json"]).arg(by_file(&docs, "en-01-vraem-nexus.txt")["id"].as_str().unwrap()));
    let body = analysis["text"].as_str().unwrap();
    let notes = analysis["notes"].as_array().unwrap();
    assert!(notes.len() >= 6, "{notes:?}");
    for n in notes {
        let (s, e) = (n["start"].as_u64().unwrap() as usize, n["end"].as_u64().unwrap() as usize);
        assert_eq!(&body[s..e], n["label"].as_str().unwrap());
    }
    assert!(!analysis["authors"].as_array().unwrap().is_empty() && analysis["title"].is_string());

    // PDFs keep their information dictionary and lose their running headers.
    for d in docs.iter().filter(|d| d["format"] == "pdf") {
        let full = json(nexus(&db).args(["doc", "--json"]).arg(d["id"].as_str().unwrap()));
        assert!(full["title"].is_string() && !full["authors"].as_array().unwrap().is_empty(), "{}", d["source"]);
        assert!(!full["text"].as_str().unwrap().contains("Vol. "), "running header left in {}", d["source"]);
    }
}

#[test]
fn search_finds_without_accents_and_lists_match() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ingest_demo(&db);
    let hits = json(nexus(&db).args(["search", "Apurimac", "--json"]));
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    let h = &hits[0];
    let snippet = h["snippet"].as_str().unwrap();
    let r = &h["highlights"][0];
    assert_eq!(&snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize].to_lowercase(), "apurímac");
    let plain = run(nexus(&db).args(["search", "guayaquil"]));
    assert_eq!(plain.code, 0);
    assert!(plain.stdout.contains("**Guayaquil**"), "{}", plain.stdout);
    let stats = json(nexus(&db).args(["stats", "--json"]));
    assert_eq!(stats["documents"].as_u64(), Some(docs(&db).len() as u64));
    let table = run(nexus(&db).arg("docs"));
    assert!(table.stdout.starts_with("ID") && table.stdout.lines().count() == docs(&db).len() + 1);
}

#[test]
fn stdin_is_a_source() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut child = nexus(&db)
        .args(["ingest", "-", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"<html><body><article><p>Colombian police seized cocaine in Buenaventura, officials said on Tuesday in Bogota.</p></article></body></html>").unwrap();
    let out = child.wait_with_output().unwrap();
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["ingested"], 1);
    let d = &docs(&db)[0];
    assert_eq!((d["source"].as_str(), d["format"].as_str()), (Some("-"), Some("html")));
}

#[test]
fn regroup_splits_and_rejoins_the_wire_pair() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ingest_demo(&db);
    let before = json(nexus(&db).args(["stats", "--json"]));
    let strict = json(nexus(&db).args(["regroup", "--near-dup-threshold", "0.99", "--json"]));
    assert_eq!(strict["works"].as_u64(), before["documents"].as_u64(), "{strict}");
    assert_eq!(strict["changed"], 1);
    let again = json(nexus(&db).args(["regroup", "--json"]));
    assert_eq!(again["works"], before["works"]);
    let bad = run(nexus(&db).args(["regroup", "--near-dup-threshold", "1.5"]));
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

/// The README's first command, and the promise that a piped run draws no progress bar.
#[test]
fn demo_command_ingests_and_shows_the_corpus_quietly_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let r = run(nexus(&db).arg("demo"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("documents:") && r.stdout.contains("nexus --db"), "{}", r.stdout);
    assert!(r.stdout.contains("the entities most documents mention") && r.stdout.contains("cocaine"), "{}", r.stdout);
    assert!(r.stderr.contains("ingested 31"), "{}", r.stderr);
    assert!(!r.stderr.contains('\r') && !r.stderr.contains("\x1b["), "progress bar drawn on a pipe: {:?}", r.stderr);
    let again = run(nexus(&db).arg("demo"));
    assert!(again.stderr.contains("ingested 0") && again.stderr.contains("31 duplicates"), "{}", again.stderr);
}
