//! `nexus export` through the binary: every format to a file and to standard output, CSV into a
//! directory, and a failed write that leaves the old file as it was.

mod common;
use common::*;

#[test]
fn export_writes_every_format_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let s = json(nexus(&db).args(["ingest", "--json"]).arg(demo_corpus()));
    assert_eq!(s["extracted"], s["ingested"], "{s}");
    for (format, starts) in [("graphml", "<?xml"), ("gexf", "<?xml"), ("events", "event_id,"), ("json", "{"), ("stix", "{")] {
        let path = dir.path().join(format!("out.{format}"));
        let out = nexus(&db).args(["export", "--format", format, "--out"]).arg(&path).output().unwrap();
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with(starts), "{format}");
        // Standard output gets the same bytes.
        let out = nexus(&db).args(["export", "--format", format]).output().unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), written, "{format}");
    }
    let csv = dir.path().join("csv");
    let out = nexus(&db).args(["export", "--format", "csv", "--out"]).arg(&csv).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(csv.join("entities.csv")).unwrap().starts_with("id,label,type,"));
    assert!(std::fs::read_to_string(csv.join("links.csv")).unwrap().starts_with("link_id,source_id,"));
    let out = nexus(&db).args(["export", "--format", "csv"]).output().unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--out DIRECTORY"));

    // A store that cannot be read leaves the file at --out untouched and no temporary beside it.
    let path = dir.path().join("out.gexf");
    let before = std::fs::read(&path).unwrap();
    let broken = dir.path().join("broken.db");
    std::fs::write(&broken, b"not a database").unwrap();
    let out = nexus(&broken).args(["export", "--format", "gexf", "--out"]).arg(&path).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let stray: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with(".nexus-export"))
        .collect();
    assert!(stray.is_empty());
}
