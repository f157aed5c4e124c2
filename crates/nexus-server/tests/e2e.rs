//! The workbench end to end: the demo corpus (and one hostile document) ingested into a temporary
//! store, `nexus serve` on 127.0.0.1:0, and `web/e2e/workbench.mjs` driving Debian's headless
//! Chromium through it with playwright-core (installed by build.rs from web/package-lock.json).
//! The walk searches, opens an entity, expands a node in the graph, draws the map, applies
//! corrections, and opens the hostile document; then this test re-extracts every document while
//! the server runs and a second walk checks the corrections still show. Screenshots of every
//! step are kept in `CARGO_TARGET_TMPDIR/screenshots`.
//!
//! Without /usr/bin/chromium (or NEXUS_CHROMIUM) or `node`, the test says SKIPPED and passes, unless
//! NEXUS_INSTALL_BROWSER=1 lets it run `scripts/install_chromium.sh` first.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use nexus_extract::Extractor;
use nexus_pipeline::{Options, Quiet};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

fn node_works() -> bool {
    Command::new("node").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// A document whose text is markup that would run if the UI ever parsed text as HTML.
const HOSTILE: &str = "Xylophonist report\n\n\
Analysts quoted a forum post that read <script>alert('xss')</script> before it was removed. \
Another post embedded <img src=x onerror=alert(document.cookie)> and a link <a href=\"javascript:alert(1)\">here</a>. \
The Xylophonist network moved cocaine from Colombia to Antwerp, according to Belgian customs, \
and the Clan del Golfo supplied it in 2021.\n";

fn extractor() -> Extractor {
    let (kb, diags) = nexus_kb::KnowledgeBase::load(&[]);
    assert!(diags.is_empty(), "bundled knowledge base: {diags:?}");
    Extractor::new(kb)
}

/// Ingest `paths` into `db`; how many documents were new.
fn ingest(db: &Path, paths: &[PathBuf], extractor: &Extractor) -> usize {
    let walked = nexus_ingest::expand(paths);
    let summary = nexus_pipeline::run(db, walked.inputs, walked.errors, &Options::default(), Some(extractor), &mut Quiet).expect("ingest");
    assert_eq!(summary.failed, 0, "{summary:?}");
    summary.ingested
}

/// `node web/e2e/workbench.mjs BASE SHOTS PHASE`, killed after `limit`; its output is echoed.
fn walk(base: &str, shots: &Path, phase: &str, browser: &Path, limit: Duration) -> Result<(), String> {
    let script = repo_root().join("web/e2e/workbench.mjs");
    let mut child = Command::new("node")
        .arg(&script)
        .arg(base)
        .arg(shots)
        .arg(phase)
        .env("NODE_PATH", env!("NEXUS_WEB_NODE_MODULES"))
        .env("NEXUS_CHROMIUM", browser)
        .env("NEXUS_E2E_QUERY", "Sendero")
        .env("NEXUS_E2E_HOSTILE", "Xylophonist")
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting node {}: {e}", script.display()))?;
    nexus_testkit::wait_for(&mut child, limit, &format!("workbench.mjs {phase}"))
}

#[test]
fn the_workbench_end_to_end_in_headless_chromium() {
    let Some(browser) = nexus_testkit::browser::find_or_install() else {
        eprintln!(
            "SKIPPED: no /usr/bin/chromium (run scripts/install_chromium.sh as root, set NEXUS_INSTALL_BROWSER=1, or set NEXUS_CHROMIUM)"
        );
        return;
    };
    if !node_works() {
        eprintln!("SKIPPED: no `node` on PATH (Node.js runs web/e2e/workbench.mjs)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("e2e.db");
    let extra = dir.path().join("extra");
    std::fs::create_dir_all(&extra).expect("extra dir");
    std::fs::write(extra.join("xylophonist-forum.txt"), HOSTILE).expect("write hostile document");
    let extractor = extractor();
    let sources = [repo_root().join("corpus/demo"), extra];
    assert!(ingest(&db, &sources, &extractor) > 20);

    let server = start_server(&db);
    let base = server.base.clone();
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    std::fs::create_dir_all(&shots).expect("screenshot dir");
    println!("workbench at {base}; screenshots in {}", shots.display());

    walk(&base, &shots, "main", &browser, Duration::from_secs(300)).expect("the workbench walk");

    // Extraction runs again over every stored document while the server is up, then the
    // files are ingested again: corrections are the analyst's and must survive both.
    let summary = nexus_pipeline::reextract(&db, &extractor, &Options::default(), &mut Quiet).expect("reextract");
    assert!(summary.documents > 20, "{summary:?}");
    // And the same files ingested again, from another connection while the server runs.
    ingest(&db, &sources, &extractor);

    walk(&base, &shots, "recheck", &browser, Duration::from_secs(120)).expect("the corrections survive re-extraction and re-ingest");
    drop(server);

    let mut pngs: Vec<_> = std::fs::read_dir(&shots)
        .expect("screenshots")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pngs.sort();
    assert!(pngs.len() >= 12, "screenshots: {pngs:?}");
    println!("screenshots ({}) in {}", pngs.len(), shots.display());
}

// ---- the server, on a runtime of its own ----

/// `nexus serve` on 127.0.0.1:0 in a thread; stopped (gracefully) when dropped.
struct Server {
    base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn start_server(db: &Path) -> Server {
    let config = nexus_server::Config::new(db.to_path_buf(), "127.0.0.1:0".parse().expect("address"));
    let state = nexus_server::AppState::new(&config).expect("server state over the store");
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind(config.bind).await.expect("bind 127.0.0.1:0");
            addr_tx.send(listener.local_addr().expect("bound address")).expect("test waits for the address");
            nexus_server::run(listener, state, async {
                let _ = stopped.await;
            })
            .await
            .expect("server runs");
        });
    });
    let addr = addr_rx.recv_timeout(Duration::from_secs(30)).expect("the server listens");
    Server { base: format!("http://{addr}"), stop: Some(stop), thread: Some(thread) }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
