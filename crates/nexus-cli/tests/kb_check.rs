//! `nexus kb check`: the bundled knowledge base passes; an analyst's bad file fails with file:line.

mod common;
use common::*;

#[test]
fn kb_check_passes_on_the_bundled_kb_and_names_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let ok = run(nexus(&db).args(["kb", "check"]));
    assert_eq!(ok.code, 0, "{}{}", ok.stdout, ok.stderr);
    assert!(ok.stderr.contains("0 errors"), "{}", ok.stderr);

    // A `kb/` folder beside the store is read without being named.
    let mine = dir.path().join("kb");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("local.jsonl"), "{\"id\":\"pe-los-pulpos-copy\",\"type\":\"criminal_org\",\"name\":\"Los Pulpos del Norte\",\"country\":\"PE\"}\n{\"id\":\"x\",\"type\":\"gang\",\"name\":\"X\"}\n").unwrap();
    let bad = run(nexus(&db).args(["kb", "check"]));
    assert_eq!(bad.code, 1, "{}{}", bad.stdout, bad.stderr);
    assert!(bad.stdout.lines().any(|l| l.contains("local.jsonl:2: error:") && l.contains("unknown variant `gang`")), "{}", bad.stdout);
    assert!(bad.stderr.contains("1 error"), "{}", bad.stderr);
    let missing = run(nexus(&db).args(["kb", "check", "--kb", "/no/such/dir"]));
    assert!(missing.code != 0 && missing.stderr.contains("/no/such/dir: not a directory"), "{}", missing.stderr);
}
