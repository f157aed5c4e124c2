//! Every kind of bad input gets a message naming the file and the problem; the good files are
//! ingested; what was stored before is untouched; the exit status says something failed.

mod common;
use common::*;
use std::path::Path;

const GOOD: &str = "Peruvian police seized two tons of cocaine at the port of Callao on Monday, hidden in a container of asparagus bound for Antwerp, officials said.";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn pdf_bytes() -> Vec<u8> {
    let spec = nexus_pdfgen::DocSpec {
        title: "Cocaine routes".into(),
        authors: vec!["Ana Torres".into()],
        date: Some("2023-01-05".into()),
        running_header: Some("Andean Review".into()),
        paragraphs: vec![GOOD.repeat(12); 4],
        ..Default::default()
    };
    nexus_pdfgen::render_pdf(&spec)
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir(&d).unwrap();
    let db = dir.path().join("n.db");

    // A store with something in it already, which no later failure may damage.
    write(dir.path(), "before.txt", GOOD.as_bytes());
    assert_eq!(run(nexus(&db).arg("ingest").arg(dir.path().join("before.txt"))).code, 0);
    let before = json(nexus(&db).args(["docs", "--json"]));

    let pdf = pdf_bytes();
    write(&d, "good.txt", format!("{GOOD} More follows about Paita.").as_bytes());
    write(&d, "good.pdf", &pdf);
    write(&d, "zero.txt", b"");
    write(&d, "blank.txt", b"  \n\n\t \n");
    write(&d, "binary.txt", &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]);
    write(&d, "truncated.pdf", &pdf[..pdf.len() / 3]);
    // A header and then noise: no object, stream or cross-reference table survives.
    let mut corrupt = b"%PDF-1.4\n".to_vec();
    corrupt.extend(pdf.iter().enumerate().map(|(i, b)| b.wrapping_mul(31).wrapping_add(i as u8)));
    write(&d, "corrupt.pdf", &corrupt);
    write(&d, "fake.pdf", b"this is not a pdf at all");
    let mut invalid = format!("{GOOD} Según la policía, el cargamento salió del Callao. ").into_bytes();
    invalid.insert(20, 0xFF);
    write(&d, "invalid-utf8.txt", &invalid);
    let long_line = "cocaine seizure Callao Antwerp container ".repeat(10 * 1024 * 1024 / 40);
    write(&d, "long-line.txt", long_line.as_bytes());
    write(
        &d,
        "scripts.html",
        format!(
            "<html><head><script>{}</script><style>p{{}}</style></head><body><script>alert(1)</script></body></html>",
            "var x = 1;".repeat(5000)
        )
        .as_bytes(),
    );
    write(&d, "slides.pptx", b"PK\x03\x04 not supported");
    std::os::unix::fs::symlink(&d, d.join("loop")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();

    let r = run(nexus(&db).arg("ingest").arg(&d).arg(dir.path().join("does-not-exist.txt")));
    assert_ne!(r.code, 0, "failures must make the exit status non-zero");
    let expect = [
        ("zero.txt", "empty file"),
        ("blank.txt", "no text"),
        ("binary.txt", "binary content"),
        ("truncated.pdf", "PDF"),
        ("corrupt.pdf", "PDF"),
        ("fake.pdf", "not a PDF"),
        ("scripts.html", "no text"),
        ("slides.pptx", "unsupported file type '.pptx'"),
        ("loop", "symbolic link loop"),
        ("dangling.txt", "does not exist"),
        ("does-not-exist.txt", "does not exist"),
        ("invalid-utf8.txt", "invalid UTF-8"),
    ];
    for (file, problem) in expect {
        assert!(
            r.stderr.lines().any(|l| l.contains(file) && l.contains(problem)),
            "no message naming {file} and '{problem}' in:\n{}",
            r.stderr
        );
    }
    let docs = json(nexus(&db).args(["docs", "--json"]));
    let names: Vec<&str> = docs.as_array().unwrap().iter().filter_map(|d| d["source"].as_str()).collect();
    for good in ["before.txt", "good.txt", "good.pdf", "invalid-utf8.txt", "long-line.txt"] {
        assert!(names.iter().any(|n| n.ends_with(good)), "{good} not ingested: {names:?}\n{}", r.stderr);
    }
    // The earlier document is exactly as it was.
    let first = &docs.as_array().unwrap()[0];
    assert_eq!(first, &before.as_array().unwrap()[0]);
    let store = nexus_store::Store::open_existing(&db).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    assert!(r.stderr.contains("failed"), "{}", r.stderr);
}

/// Root reads any file, so the unreadable case runs the binary as `nobody` through setpriv.
#[test]
fn unreadable_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("secret.txt"), GOOD).unwrap();
    std::fs::write(d.join("open.txt"), format!("{GOOD} Second.")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(d.join("secret.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o777)).unwrap();
    let db = d.join("n.db");
    let is_root = std::fs::read(d.join("secret.txt")).is_ok();
    let mut cmd = if is_root {
        if std::process::Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("SKIPPED: running as root without setpriv; cannot make a file unreadable");
            return;
        }
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_nexus"), "--db"])
            .arg(&db)
            .stdin(std::process::Stdio::null());
        c
    } else {
        nexus(&db)
    };
    let r = run(cmd.arg("ingest").arg(d.join("secret.txt")).arg(d.join("open.txt")));
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.lines().any(|l| l.contains("secret.txt") && l.contains("cannot read") && l.contains("ermission denied")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ingested 1"), "{}", r.stderr);
}
