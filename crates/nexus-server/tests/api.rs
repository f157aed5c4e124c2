//! Every endpoint of the workbench API against the Router (tower's `oneshot`), over a store
//! ingested from the demo corpus plus two documents written here (one hostile, one Spanish);
//! bad input everywhere; the token; and one request to the real server on 127.0.0.1:0.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use nexus_server::{AppState, Config};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tower::ServiceExt;

/// A document whose text is markup that would run if anything rendered it as HTML.
const HOSTILE: &str = "Forum watch: Xylophonist network\n\n\
Analysts quoted a post that read <script>alert(1)</script> before it was removed. \
Another embedded <img src=x onerror=alert(document.cookie)> in its signature. \
The Xylophonist network moved cocaine from Colombia to Antwerp, according to Belgian customs.\n";

const SPANISH: &str = "Informe sobre el Clan del Golfo\n\n\
La Policía Nacional de Colombia incautó 2,3 toneladas de cocaína en Turbo, Antioquia, en marzo de 2021. \
Según la Fiscalía, el Clan del Golfo envía cocaína desde Colombia hacia España a través de Panamá.\n";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The store every read test shares, built once per test run under the target's temp folder.
fn store() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("nexus-server-api");
        let _ = std::fs::remove_dir_all(&dir);
        let extra = dir.join("extra");
        std::fs::create_dir_all(&extra).expect("test folder");
        std::fs::write(extra.join("xylophonist-forum.txt"), HOSTILE).expect("hostile document");
        std::fs::write(extra.join("es-clan-del-golfo.txt"), SPANISH).expect("Spanish document");
        let db = dir.join("api.db");
        let kb = nexus_kb::KnowledgeBase::load(&[]).0;
        let ex = nexus_extract::Extractor::new(kb);
        let walked = nexus_ingest::expand(&[repo().join("corpus/demo"), extra]);
        let s = nexus_pipeline::run(&db, walked.inputs, walked.errors, &Default::default(), Some(&ex), &mut nexus_pipeline::Quiet)
            .expect("ingest");
        assert_eq!(s.failed, 0, "{s:?}");
        db
    })
}

/// A copy of the shared store for tests that write.
fn scratch(name: &str) -> PathBuf {
    let src = store();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("nexus-server-api-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let db = dir.join("api.db");
    std::fs::copy(src, &db).expect("copy store");
    db
}

fn app_with(db: &Path, edit: impl FnOnce(&mut Config)) -> (Router, AppState) {
    let mut config = Config::new(db.to_path_buf(), "127.0.0.1:0".parse().expect("address"));
    config.analyst = "tester".into();
    edit(&mut config);
    let state = AppState::new(&config).expect("state");
    (nexus_server::router(state.clone()), state)
}

fn app() -> Router {
    app_with(store(), |_| {}).0
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn error(&self) -> String {
        self.json()["error"].as_str().unwrap_or_else(|| panic!("no error message: {}", String::from_utf8_lossy(&self.body))).to_owned()
    }
}

async fn send(app: &Router, method: Method, uri: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Reply {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = app.clone().oneshot(req.body(Body::from(body)).expect("request")).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.expect("body").to_bytes().to_vec();
    Reply { status, headers, body }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Method::GET, uri, &[], Vec::new()).await
}

async fn post_json(app: &Router, uri: &str, body: &Value) -> Reply {
    send(app, Method::POST, uri, &[("content-type", "application/json")], body.to_string().into_bytes()).await
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn stats_and_openapi() {
    let app = app();
    let r = get(&app, "/api/stats").await;
    assert_eq!(r.status, StatusCode::OK);
    let s = r.json();
    assert!(s["documents"].as_u64().expect("documents") >= 33, "{s}");
    assert!(s["claims"].as_u64().expect("claims") > 100 && s["edges"].as_u64().expect("edges") > 50, "{s}");
    assert!(s["languages"]["es"].as_u64().expect("es") >= 10, "{s}");
    let doc = get(&app, "/api/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    // Every documented GET without path parameters answers (the router and the document agree).
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        if ops.get("get").is_some() && !path.contains('{') {
            assert_eq!(get(&app, path).await.status, StatusCode::OK, "{path}");
        }
    }
}

#[tokio::test]
async fn search_with_facets_and_bad_parameters() {
    let app = app();
    let r = get(&app, "/api/search?q=cocaine&limit=5").await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["query"], "cocaine");
    assert!(!v["documents"].as_array().expect("documents").is_empty());
    assert!(v["documents"].as_array().expect("documents").len() <= 5);
    assert!(v["entities"].as_array().expect("entities").iter().any(|e| e["key"] == "cocaine"), "{v}");
    assert!(v["facets"]["language"]["en"].as_u64().is_some_and(|n| n > 3), "{}", v["facets"]);
    assert!(v["facets"]["type"]["commodity"].as_u64().is_some(), "{}", v["facets"]);
    assert!(v["facets"]["year"].as_object().is_some_and(|y| !y.is_empty()));
    for c in v["claims"].as_array().expect("claims") {
        assert!(c["sentence"].as_str().is_some_and(|s| !s.is_empty()) && c["subject"]["key"].is_string(), "{c}");
    }
    // Facets narrow: Spanish documents only.
    let es = get(&app, "/api/search?q=coca%C3%ADna&lang=es").await.json();
    assert!(es["documents"].as_array().expect("documents").iter().all(|d| d["lang"] == "es"), "{es}");
    assert!(!es["documents"].as_array().expect("documents").is_empty());
    // Countries come from the knowledge base.
    let co = get(&app, "/api/search?q=&type=country&country=CO").await.json();
    assert!(co["entities"].as_array().expect("entities").iter().any(|e| e["key"] == "co"), "{co}");
    assert!(co["facets"]["country"]["CO"].as_u64().is_some(), "{}", co["facets"]);
    // The empty query lists the top items.
    let top = get(&app, "/api/search").await.json();
    assert!(!top["entities"].as_array().expect("entities").is_empty() && !top["documents"].as_array().expect("docs").is_empty());
    for bad in
        ["/api/search?limit=abc", "/api/search?since=last+year", "/api/search?type=wizard", "/api/search?bogus=1", "/api/search?q=%22%22"]
    {
        let r = get(&app, bad).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(!r.error().is_empty());
    }
}

#[tokio::test]
async fn entities_profiles_and_mentions() {
    let app = app();
    let list = get(&app, "/api/entities?type=armed_group&limit=3").await.json();
    let items = list["items"].as_array().expect("items");
    assert!(list["total"].as_u64().expect("total") >= items.len() as u64 && items.len() == 3);
    assert!(items.iter().all(|e| e["type"] == "armed_group"));
    let page2 = get(&app, "/api/entities?type=armed_group&limit=3&offset=3").await.json();
    assert_ne!(page2["items"][0]["key"], items[0]["key"]);
    let p = get(&app, "/api/entities/pe-sendero-luminoso").await;
    assert_eq!(p.status, StatusCode::OK);
    let p = p.json();
    assert_eq!((p["name"].as_str(), p["country"].as_str()), (Some("Sendero Luminoso"), Some("PE")));
    assert!(p["aliases"].as_array().expect("aliases").iter().any(|a| a == "Shining Path"), "{}", p["aliases"]);
    let rel = p["relations"].as_array().expect("relations");
    assert!(!rel.is_empty());
    for r in rel {
        assert!(r["works"].as_u64().is_some_and(|w| w >= 1));
        let ev = r["evidence"].as_array().expect("evidence");
        assert!(!ev.is_empty() && ev.iter().all(|e| e["sentence"].as_str().is_some_and(|s| !s.is_empty()) && e["doc_id"].is_string()));
        assert!(r["status"].is_null());
    }
    assert!(p["places"].as_array().expect("places").iter().any(|x| x["key"] == "pe-vraem"), "{}", p["places"]);
    assert!(p["notes"].as_array().is_some_and(Vec::is_empty) && p["merged_from"].as_array().is_some());
    // A learned key (type:name) travels URL-encoded.
    // (People the knowledge base holds have plain ids: take a learned one.)
    let people = get(&app, "/api/entities?type=person&limit=100").await.json();
    let key = people["items"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(|p| p["key"].as_str())
        .find(|k| k.contains(':') && k.contains(' '))
        .expect("a learned person")
        .to_owned();
    assert_eq!(get(&app, &format!("/api/entities/{}", enc(&key))).await.status, StatusCode::OK);
    // Mentions: character offsets into the sentence.
    let m = get(&app, "/api/entities/co/mentions?limit=5").await.json();
    let m = m.as_array().expect("mentions");
    assert!(!m.is_empty() && m.len() <= 5);
    for x in m {
        let chars: Vec<char> = x["sentence"].as_str().expect("sentence").chars().collect();
        let (s, e) = (x["start"].as_u64().expect("start") as usize, x["end"].as_u64().expect("end") as usize);
        assert!(s < e && e <= chars.len(), "{x}");
    }
    for unknown in ["/api/entities/no-such-entity", "/api/entities/no-such-entity/mentions", "/api/entities/%2E%2E%2Fetc"] {
        let r = get(&app, unknown).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{unknown}");
        assert!(!r.error().is_empty());
    }
    assert_eq!(get(&app, "/api/entities?limit=-1").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(get(&app, "/api/entities?type=dragon").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn graph_is_aggregated_and_cut() {
    let app = app();
    let g = get(&app, "/api/graph?limit=5").await.json();
    let nodes = g["nodes"].as_array().expect("nodes");
    assert!(nodes.len() <= 5 && !nodes.is_empty());
    assert_eq!(g["truncated"], true);
    assert!(g["total_nodes"].as_u64().expect("total") > 5);
    let ids: Vec<&str> = nodes.iter().filter_map(|n| n["id"].as_str()).collect();
    for e in g["edges"].as_array().expect("edges") {
        assert!(ids.contains(&e["source"].as_str().expect("source")) && ids.contains(&e["target"].as_str().expect("target")));
        assert!(e["support"].as_u64().is_some_and(|s| s >= 1));
    }
    let c = get(&app, "/api/graph?center=pe-vraem&depth=2&limit=40").await.json();
    let nodes = c["nodes"].as_array().expect("nodes");
    assert_eq!(nodes[0]["id"], "pe-vraem", "the centre comes first");
    assert!(nodes.len() <= 40 && c["edges"].as_array().is_some_and(|e| !e.is_empty()));
    let typed = get(&app, "/api/graph?center=pe-vraem&type=armed_group").await.json();
    assert!(typed["nodes"].as_array().expect("nodes").iter().all(|n| n["type"] == "armed_group" || n["id"] == "pe-vraem"), "{typed}");
    let since = get(&app, "/api/graph?since=2024").await.json();
    assert!(since["edges"].as_array().expect("edges").iter().all(|e| e["last_seen"].as_str().is_some_and(|l| l >= "2024")));
    assert_eq!(get(&app, "/api/graph?center=nobody").await.status, StatusCode::NOT_FOUND);
    for bad in ["/api/graph?depth=3", "/api/graph?limit=x", "/api/graph?until=2024-13", "/api/graph?min_support=-2"] {
        assert_eq!(get(&app, bad).await.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn map_timeline_and_countries() {
    let app = app();
    let m = get(&app, "/api/map").await.json();
    let places = m["places"].as_array().expect("places");
    assert!(places.len() > 20 && places.iter().all(|p| p["lat"].is_f64() && p["lon"].is_f64()));
    let routes = m["routes"].as_array().expect("routes");
    assert!(!routes.is_empty(), "{m}");
    for r in routes {
        assert_eq!(r["predicate"], "ships_to");
        assert!(r["from"]["lat"].is_f64() && r["to"]["lon"].is_f64() && r["support"].as_u64().is_some_and(|s| s >= 1));
        assert!(r["claim_ids"].as_array().is_some_and(|c| !c.is_empty()));
    }
    let cocaine = get(&app, "/api/map?commodity=cocaine").await.json();
    assert!(cocaine["routes"].as_array().expect("routes").iter().all(|r| r["commodity_key"] == "cocaine"));
    let by_name = get(&app, "/api/map?entity=Colombia").await.json();
    assert!(by_name["places"].as_array().expect("places").iter().any(|p| p["key"] == "co"), "names resolve");
    assert_eq!(get(&app, "/api/map?entity=atlantis-nowhere").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/api/map?since=soon").await.status, StatusCode::BAD_REQUEST);

    let t = get(&app, "/api/timeline?limit=50").await.json();
    let items = t["items"].as_array().expect("items");
    assert!(!items.is_empty() && items.len() <= 50);
    let dates: Vec<&str> = items.iter().filter_map(|i| i["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by date");
    assert!(items.iter().all(|i| i["sentence"].is_string() && i["subject"]["key"].is_string() && i["precision"].is_string()));
    let window = get(&app, "/api/timeline?since=2020&until=2022").await.json();
    assert!(window["items"].as_array().expect("items").iter().all(|i| i["date"].as_str().is_some_and(|d| ("2020".."2023").contains(&d))));
    let sl = get(&app, "/api/timeline?entity=pe-sendero-luminoso").await.json();
    assert!(!sl["items"].as_array().expect("items").is_empty());
    assert_eq!(get(&app, "/api/timeline?entity=nobody-at-all").await.status, StatusCode::NOT_FOUND);

    let geo = get(&app, "/api/geo/countries").await;
    assert_eq!(geo.status, StatusCode::OK);
    let geo = geo.json();
    assert_eq!(geo["type"], "FeatureCollection");
    assert!(geo["features"].as_array().expect("features").iter().any(|f| f["properties"]["iso2"] == "CO"));
}

#[tokio::test]
async fn documents_come_back_as_plain_json_text() {
    let app = app();
    let list = get(&app, "/api/docs?limit=100").await.json();
    assert!(list["total"].as_u64().expect("total") >= 33);
    let items = list["items"].as_array().expect("items");
    let hostile = items.iter().find(|d| d["title"].as_str().is_some_and(|t| t.contains("Xylophonist"))).expect("hostile document listed");
    let id = hostile["id"].as_str().expect("id");
    let r = get(&app, &format!("/api/docs/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers[header::CONTENT_TYPE].to_str().expect("type").starts_with("application/json"));
    assert_eq!(r.headers["x-content-type-options"], "nosniff");
    let d = r.json();
    let text = d["text"].as_str().expect("text");
    assert!(text.contains("<script>alert(1)</script>") && text.contains("<img src=x onerror="), "markup kept as text: {text}");
    // The raw body has the markup only inside JSON strings: no HTML is produced.
    assert!(!String::from_utf8_lossy(&r.body).starts_with('<'));

    // Offsets are characters: slicing the text's characters gives the mention.
    let spanish = items.iter().find(|d| d["title"].as_str().is_some_and(|t| t.contains("Clan del Golfo"))).expect("Spanish document");
    let d = get(&app, &format!("/api/docs/{}", spanish["id"].as_str().expect("id"))).await.json();
    let chars: Vec<char> = d["text"].as_str().expect("text").chars().collect();
    let mentions = d["mentions"].as_array().expect("mentions");
    assert!(!mentions.is_empty());
    let surfaces: Vec<String> = mentions
        .iter()
        .map(|m| chars[m["start"].as_u64().expect("start") as usize..m["end"].as_u64().expect("end") as usize].iter().collect())
        .collect();
    assert!(surfaces.iter().any(|s| s == "Policía Nacional de Colombia" || s == "cocaína"), "{surfaces:?}");
    for c in d["claims"].as_array().expect("claims") {
        let (s, e) = (c["start"].as_u64().expect("start") as usize, c["end"].as_u64().expect("end") as usize);
        assert!(s < e && e <= chars.len());
    }

    let near = items.iter().find(|d| d["id"] != d["work"]).expect("a near-duplicate in the demo corpus");
    let nd = get(&app, &format!("/api/docs/{}", near["id"].as_str().expect("id"))).await.json();
    assert!(nd["duplicates"].as_array().is_some_and(|d| !d.is_empty()));

    for unknown in ["/api/docs/0000000000000000", "/api/docs/zzz", "/api/docs/..%2F..%2FCargo.toml"] {
        assert_eq!(get(&app, unknown).await.status, StatusCode::NOT_FOUND, "{unknown}");
    }
    assert_eq!(get(&app, "/api/docs?offset=x").await.status, StatusCode::BAD_REQUEST);
    let sources = get(&app, "/api/sources").await.json();
    assert!(sources.as_array().is_some_and(|s| s.iter().any(|x| x["reliability"] == "F" && x["documents"].is_u64())));
}

#[tokio::test]
async fn the_page_and_its_files() {
    let app = app();
    let r = get(&app, "/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_SECURITY_POLICY], nexus_server::CSP);
    assert_eq!(
        nexus_server::CSP,
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'"
    );
    assert_eq!(r.headers["x-content-type-options"], "nosniff");
    assert!(r.headers[header::CONTENT_TYPE].to_str().expect("type").starts_with("text/html"));
    assert!(String::from_utf8_lossy(&r.body).contains("<html"));
    let lib = get(&app, "/vendor/leaflet.js").await;
    assert_eq!(lib.status, StatusCode::OK);
    assert!(lib.headers[header::CACHE_CONTROL].to_str().expect("cache").contains("max-age"));
    for bad in
        ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/vendor/../../Cargo.toml", "/..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "/api/nothing-here"]
    {
        let r = get(&app, bad).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
        assert!(!r.error().is_empty());
        assert!(r.headers.contains_key(header::CONTENT_SECURITY_POLICY));
    }
}

#[tokio::test]
async fn uploads_are_limited_sanitized_and_ingested() {
    let db = scratch("upload");
    let (app, state) = app_with(&db, |c| c.max_upload = 4096);
    let big = vec![b'a'; 5000];
    let r = send(&app, Method::POST, "/api/upload?name=big.txt", &[], big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(!r.error().is_empty());
    let missing = send(&app, Method::POST, "/api/upload", &[], b"text".to_vec()).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    let dots = send(&app, Method::POST, "/api/upload?name=..%2F..", &[], b"text".to_vec()).await;
    assert_eq!(dots.status, StatusCode::BAD_REQUEST);

    let text = "Report on the Tren de Aragua\n\nThe Tren de Aragua extorts migrants in Santiago, Chile, police said in 2023.\n";
    let r = send(&app, Method::POST, "/api/upload?name=..%2F..%2Fnexus-traversal-probe.txt", &[], text.as_bytes().to_vec()).await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    let job = r.json()["job"].as_str().expect("job id").to_owned();
    let mut done = Value::Null;
    for _ in 0..600 {
        let j = get(&app, &format!("/api/jobs/{job}")).await.json();
        if j["state"] == "done" || j["state"] == "failed" {
            done = j;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(done["state"], "done", "{done}");
    assert_eq!((done["added"].as_u64(), done["total"].as_u64(), done["done"].as_u64()), (Some(1), Some(1), Some(1)));
    assert_eq!(done["file"], "nexus-traversal-probe.txt");
    let id = done["docs"][0].as_str().expect("stored document");
    let d = get(&app, &format!("/api/docs/{id}")).await.json();
    let path = PathBuf::from(d["path"].as_str().expect("path"));
    assert_eq!(path.file_name().and_then(|n| n.to_str()), Some("nexus-traversal-probe.txt"));
    assert!(path.starts_with(state.uploads.path()), "written inside the upload folder: {}", path.display());
    // The name is unusual so that a stray file of the same name beside the temporary folder
    // (in /tmp) cannot fail the test.
    assert!(
        !state.uploads.path().join("../../nexus-traversal-probe.txt").exists()
            && !state.uploads.path().join("../nexus-traversal-probe.txt").exists()
    );
    // The same bytes again: a duplicate; an unsupported file: an error for that file.
    let again = send(&app, Method::POST, "/api/upload?name=copy.txt", &[], text.as_bytes().to_vec()).await.json();
    let bin = send(&app, Method::POST, "/api/upload?name=blob.exe", &[], vec![0u8, 1, 2, 3, 0, 0, 7]).await.json();
    for (j, want) in [(again, "dup"), (bin, "err")] {
        let id = j["job"].as_str().expect("job").to_owned();
        let mut last = Value::Null;
        for _ in 0..600 {
            last = get(&app, &format!("/api/jobs/{id}")).await.json();
            if last["state"] == "done" || last["state"] == "failed" {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        match want {
            "dup" => assert_eq!(last["duplicates"], 1, "{last}"),
            _ => assert!(last["errors"][0]["file"] == "blob.exe" && last["errors"][0]["error"].is_string(), "{last}"),
        }
    }
    assert_eq!(get(&app, "/api/jobs/ffffffffffffffff").await.status, StatusCode::NOT_FOUND);
    let stats = get(&app, "/api/stats").await.json();
    assert!(stats["documents"].as_u64().expect("documents") >= 34);
}

#[tokio::test]
async fn corrections_and_grades_through_the_writer() {
    let db = scratch("corrections");
    let (app, _) = app_with(&db, |_| {});
    let note = post_json(&app, "/api/corrections", &json!({"kind": "note", "target": "pe-sendero-luminoso", "text": "<b>check</b>"})).await;
    assert_eq!(note.status, StatusCode::OK);
    let note = note.json();
    assert_eq!((note["kind"].as_str(), note["who"].as_str()), (Some("note"), Some("tester")));
    let set = post_json(
        &app,
        "/api/corrections",
        &json!({"kind": "set_type", "key": "pe-sendero-luminoso", "type": "criminal_org", "who": "ana", "note": "a faction"}),
    )
    .await
    .json();
    assert_eq!(set["who"], "ana");
    let p = get(&app, "/api/entities/pe-sendero-luminoso").await.json();
    assert_eq!(p["type"], "criminal_org");
    assert_eq!(p["notes"][0]["text"], "<b>check</b>");
    // Confirm one of its claims: the relation carries the status, the document too.
    let claim = p["relations"][0]["evidence"][0]["claim_id"].as_str().expect("a claim").to_owned();
    let doc = p["relations"][0]["evidence"][0]["doc_id"].as_str().expect("a document").to_owned();
    assert_eq!(post_json(&app, "/api/corrections", &json!({"kind": "confirm_claim", "claim_id": claim})).await.status, StatusCode::OK);
    let p = get(&app, "/api/entities/pe-sendero-luminoso").await.json();
    assert_eq!(p["relations"][0]["status"], "confirmed");
    let d = get(&app, &format!("/api/docs/{doc}")).await.json();
    assert!(d["claims"].as_array().expect("claims").iter().any(|c| c["id"] == claim.as_str() && c["status"] == "confirmed"));
    // Undo the type change.
    let undone = post_json(&app, &format!("/api/corrections/{}/undo", set["id"]), &json!({"who": "bo"})).await.json();
    assert_eq!((undone["undone_by"].as_str(), undone["undone_at"].is_string()), (Some("bo"), true));
    assert_eq!(get(&app, "/api/entities/pe-sendero-luminoso").await.json()["type"], "armed_group");
    let again = send(&app, Method::POST, &format!("/api/corrections/{}/undo", set["id"]), &[], Vec::new()).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let log = get(&app, "/api/corrections?target=pe-sendero-luminoso").await.json();
    assert_eq!(log.as_array().map(Vec::len), Some(2));
    assert!(get(&app, "/api/corrections").await.json().as_array().is_some_and(|l| l.len() == 3));

    // Bad input.
    let r = send(&app, Method::POST, "/api/corrections", &[("content-type", "application/json")], b"{\"kind\": ".to_vec()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.error().contains("JSON"));
    for (body, status) in [
        (json!({"kind": "explode"}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"kind": "note", "target": "pe-sendero-luminoso"}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!(["merge"]), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"kind": "set_type", "key": "pe-sendero-luminoso", "type": "wizard"}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"kind": "reject_claim", "claim_id": "0000000000000000"}), StatusCode::NOT_FOUND),
        (json!({"kind": "merge", "from": "nobody-here", "into": "pe-sendero-luminoso"}), StatusCode::NOT_FOUND),
    ] {
        let r = post_json(&app, "/api/corrections", &body).await;
        assert_eq!(r.status, status, "{body}: {}", String::from_utf8_lossy(&r.body));
        assert!(!r.error().is_empty());
    }
    assert_eq!(send(&app, Method::POST, "/api/corrections/999/undo", &[], Vec::new()).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, Method::POST, "/api/corrections/abc/undo", &[], Vec::new()).await.status, StatusCode::BAD_REQUEST);
    let huge = vec![b' '; nexus_server::JSON_LIMIT + 10];
    assert_eq!(
        send(&app, Method::POST, "/api/corrections", &[("content-type", "application/json")], huge).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );

    // Grades.
    let put = |body: Value| {
        let app = app.clone();
        async move {
            send(&app, Method::PUT, "/api/sources/InSight%20Crime", &[("content-type", "application/json")], body.to_string().into_bytes())
                .await
        }
    };
    let g = put(json!({"reliability": "B", "note": "long record"})).await;
    assert_eq!(g.status, StatusCode::OK);
    let g = g.json();
    assert_eq!(
        (g["reliability"].as_str(), g["set_by_analyst"].as_bool(), g["note"].as_str()),
        (Some("B"), Some(true), Some("long record"))
    );
    assert!(get(&app, "/api/sources").await.json().as_array().is_some_and(|s| s.iter().any(|x| x["publisher"] == "insight crime")));
    assert_eq!(put(json!({"reliability": "Z"})).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(put(json!({"grade": "A"})).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let plain = send(&app, Method::PUT, "/api/sources/x", &[], b"{\"reliability\": \"A\"}".to_vec()).await;
    assert_eq!(plain.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_token_is_required_beyond_loopback() {
    let (app, _) = app_with(store(), |c| {
        c.bind = "0.0.0.0:0".parse().expect("address");
        c.token = Some("s3cret-token".into());
    });
    for uri in ["/api/stats", "/", "/vendor/leaflet.js", "/api/openapi.json"] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{uri}");
        assert!(!r.error().is_empty());
    }
    let bad = send(&app, Method::GET, "/api/stats", &[("authorization", "Bearer s3cret-tokeN")], Vec::new()).await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    let short = send(&app, Method::GET, "/api/stats", &[("authorization", "Bearer s3cret")], Vec::new()).await;
    assert_eq!(short.status, StatusCode::UNAUTHORIZED);
    let ok = send(&app, Method::GET, "/api/stats", &[("authorization", "Bearer s3cret-token")], Vec::new()).await;
    assert_eq!(ok.status, StatusCode::OK);
    let cookie = send(&app, Method::GET, "/api/stats", &[("cookie", "theme=dark; nexus_token=s3cret-token")], Vec::new()).await;
    assert_eq!(cookie.status, StatusCode::OK);
    let wrong_cookie = send(&app, Method::GET, "/", &[("cookie", "nexus_token=nope")], Vec::new()).await;
    assert_eq!(wrong_cookie.status, StatusCode::UNAUTHORIZED);
    let login = get(&app, "/?token=s3cret-token").await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert_eq!(login.headers[header::LOCATION], "/");
    let set = login.headers[header::SET_COOKIE].to_str().expect("cookie");
    assert!(set.starts_with("nexus_token=s3cret-token") && set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
    assert_eq!(get(&app, "/?token=guess").await.status, StatusCode::UNAUTHORIZED);

    // serve() refuses a public bind without a token.
    let mut config = Config::new(store().to_path_buf(), "0.0.0.0:0".parse().expect("address"));
    config.token = None;
    assert!(matches!(nexus_server::serve(config, |_| {}), Err(nexus_server::ServerError::NoToken(_))));
}

#[test]
fn the_real_server_answers_over_tcp() {
    use std::io::{Read, Write};
    let config = Config::new(store().to_path_buf(), "127.0.0.1:0".parse().expect("address"));
    let state = AppState::new(&config).expect("state");
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind(config.bind).await.expect("bind");
            addr_tx.send(listener.local_addr().expect("address")).expect("send address");
            nexus_server::run(listener, state, async {
                let _ = stopped.await;
            })
            .await
            .expect("serve");
        });
    });
    let addr = addr_rx.recv_timeout(std::time::Duration::from_secs(30)).expect("listening");
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(30))).expect("timeout");
    write!(s, "GET /api/stats HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").expect("request");
    let mut reply = String::new();
    s.read_to_string(&mut reply).expect("reply");
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(reply.contains("\"documents\":") && reply.to_ascii_lowercase().contains("content-security-policy"), "{reply}");
    stop.send(()).expect("stop");
    server.join().expect("server thread");
}

/// The response cache: a repeated GET is the same bytes without a read; the server's own write
/// is seen by the next GET; a write by another connection (here a second pipeline run on the
/// same file, as `nexus ingest` while serving) is seen once the data_version watcher notices.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cached_answers_follow_every_write() {
    let db = scratch("cache");
    let (app, state) = app_with(&db, |_| {});
    let uri = "/api/entities/pe-sendero-luminoso";
    let first = get(&app, uri).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(!state.cache.is_empty(), "the answer is kept");
    let second = get(&app, uri).await;
    assert_eq!((second.status, &second.body), (StatusCode::OK, &first.body));
    assert_eq!(second.headers.get(header::CONTENT_TYPE), first.headers.get(header::CONTENT_TYPE));
    // Concurrent misses of one key: one answer for all, and no lock left behind.
    let graph = "/api/graph?center=pe-sendero-luminoso";
    let many = futures_join(&app, graph, 8).await;
    assert!(many.iter().all(|b| b == &many[0]) && state.cache.in_flight() == 0);
    // Parameters in another order are the same answer; errors are not kept.
    assert_eq!(get(&app, "/api/search?limit=5&q=cocaine").await.body, get(&app, "/api/search?q=cocaine&limit=5").await.body);
    let (kept, _) = state.cache.len();
    assert_eq!(get(&app, "/api/entities/no-such-entity").await.status, StatusCode::NOT_FOUND);
    assert_eq!(state.cache.len().0, kept, "a 404 is not kept");

    // The server's own write: seen by the very next GET.
    assert_eq!(first.json()["type"], "armed_group");
    let set = post_json(&app, "/api/corrections", &json!({"kind": "set_type", "key": "pe-sendero-luminoso", "type": "criminal_org"})).await;
    assert_eq!(set.status, StatusCode::OK);
    assert_eq!(get(&app, uri).await.json()["type"], "criminal_org");
    let undo = post_json(&app, &format!("/api/corrections/{}/undo", set.json()["id"]), &json!({})).await;
    assert_eq!(undo.status, StatusCode::OK);
    assert_eq!(get(&app, uri).await.json()["type"], "armed_group");

    // Another connection's ingest into the same file.
    let before = get(&app, "/api/stats").await.json();
    let docs = before["documents"].as_u64().expect("a document count");
    let dir = db.parent().expect("scratch folder").join("more");
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("late.txt"), "A late report\n\nThe Xylophonist network moved cocaine through Rotterdam in 2024.\n")
        .expect("document");
    let walked = nexus_ingest::expand(&[dir]);
    let s = nexus_pipeline::run(&db, walked.inputs, walked.errors, &Default::default(), None, &mut nexus_pipeline::Quiet).expect("ingest");
    assert_eq!(s.failed, 0, "{s:?}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let now = get(&app, "/api/stats").await.json();
        if now["documents"].as_u64() == Some(docs + 1) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the other connection's ingest never showed: {now}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// `n` concurrent GETs of `uri`: their bodies.
async fn futures_join(app: &Router, uri: &str, n: usize) -> Vec<Vec<u8>> {
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let (app, uri) = (app.clone(), uri.to_owned());
            tokio::spawn(async move { get(&app, &uri).await })
        })
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        let r = t.await.expect("request task");
        assert_eq!(r.status, StatusCode::OK);
        out.push(r.body);
    }
    out
}
