//! The response cache of the read API: every successful `GET /api/*` answer (but job progress)
//! kept as the bytes sent, keyed by path and sorted query string, so a repeated request costs a
//! look-up and no query or JSON work.
//!
//! Invariant: an answer is served only while the store generation it was read under is the
//! current one. The generation is taken *before* the handler reads, and bumped (a) by the writer
//! after every write task commits and before its caller (or the upload's job) learns it finished,
//! and (b) by a watcher thread when SQLite's `PRAGMA data_version` changes on its own read-only
//! connection, i.e. when another connection or process (`nexus ingest` on the same file)
//! committed. So after one of the server's own writes returns no older answer is served, and a
//! write from elsewhere is seen within `POLL` (plus the request in flight).

use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hashlink::LruCache;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

/// How often the watcher asks SQLite whether another connection committed.
pub const POLL: Duration = Duration::from_millis(250);
/// Bounds of the cache: answers kept, and their bytes in total. An answer larger than an
/// eighth of the bytes is not kept.
pub const MAX_ENTRIES: usize = 4096;
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// The store's generation: what cached answers are valid for.
#[derive(Clone, Default)]
pub struct Generation(Arc<AtomicU64>);

impl Generation {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// The store changed: every answer cached so far is stale.
    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    /// Watch `db` for commits by other connections (another process included) with
    /// `PRAGMA data_version` every `POLL`, bumping on a change; stops when the generation is
    /// dropped. A failed check bumps too (better a miss than a stale answer).
    pub fn watch(&self, db: PathBuf) -> std::io::Result<()> {
        let weak: Weak<AtomicU64> = Arc::downgrade(&self.0);
        // Opened and read now, so a commit between start and the first check is seen.
        let mut conn = nexus_store::Store::open_read_only(&db).map_err(|e| tracing::warn!("cache watcher: {e}")).ok();
        let mut last = conn.as_ref().and_then(|c| c.data_version().ok());
        std::thread::Builder::new().name("nexus-data-version".into()).spawn(move || {
            loop {
                std::thread::sleep(POLL);
                let Some(g) = weak.upgrade() else { return };
                if conn.is_none() {
                    conn = nexus_store::Store::open_read_only(&db).map_err(|e| tracing::warn!("cache watcher: {e}")).ok();
                }
                let now = conn.as_ref().map(nexus_store::Store::data_version);
                match now {
                    Some(Ok(v)) => {
                        if last.is_some_and(|l| l != v) {
                            g.fetch_add(1, Ordering::SeqCst);
                        }
                        last = Some(v);
                    }
                    Some(Err(e)) => {
                        tracing::warn!("cache watcher: {e}");
                        g.fetch_add(1, Ordering::SeqCst);
                        (conn, last) = (None, None);
                    }
                    None => {
                        g.fetch_add(1, Ordering::SeqCst);
                        last = None;
                    }
                }
            }
        })?;
        Ok(())
    }
}

struct Entry {
    generation: u64,
    headers: HeaderMap,
    body: Bytes,
}

struct Inner {
    map: LruCache<String, Entry>,
    bytes: usize,
}

/// A bounded LRU map of answers (entries and total bytes).
pub struct ResponseCache {
    inner: Mutex<Inner>,
    max_bytes: usize,
    /// Keys being answered now: a second request for one waits for the first answer instead of
    /// running the same queries again (200 connections starting cold would otherwise queue
    /// thousands of copies of the same profile behind the read pool).
    flights: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl Default for ResponseCache {
    fn default() -> ResponseCache {
        ResponseCache::new(MAX_ENTRIES, MAX_BYTES)
    }
}

impl ResponseCache {
    pub fn new(max_entries: usize, max_bytes: usize) -> ResponseCache {
        ResponseCache {
            inner: Mutex::new(Inner { map: LruCache::new(max_entries.max(1)), bytes: 0 }),
            max_bytes,
            flights: Mutex::new(HashMap::new()),
        }
    }

    /// The answer kept for `key` if it was read under `generation`.
    pub fn get(&self, key: &str, generation: u64) -> Option<(HeaderMap, Bytes)> {
        let mut m = self.inner.lock().ok()?;
        let e = m.map.get(key)?;
        (e.generation == generation).then(|| (e.headers.clone(), e.body.clone()))
    }

    pub fn put(&self, key: String, generation: u64, headers: HeaderMap, body: Bytes) {
        if body.len() > self.max_bytes / 8 {
            return;
        }
        let Ok(mut m) = self.inner.lock() else { return };
        let size = key.len() + body.len();
        if let Some(old) = m.map.remove(&key) {
            m.bytes -= key.len() + old.body.len();
        }
        while m.bytes + size > self.max_bytes || m.map.len() >= m.map.capacity() {
            match m.map.remove_lru() {
                Some((k, old)) => m.bytes -= k.len() + old.body.len(),
                None => break,
            }
        }
        m.bytes += size;
        m.map.insert(key, Entry { generation, headers, body });
    }

    /// Answers kept, and their bytes.
    pub fn len(&self) -> (usize, usize) {
        self.inner.lock().map(|m| (m.map.len(), m.bytes)).unwrap_or((0, 0))
    }

    /// Keys being answered now.
    pub fn in_flight(&self) -> usize {
        self.flights.lock().map(|f| f.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len().0 == 0
    }
}

/// Which requests are cached: reads of the API whose answer depends on the store alone (job
/// progress lives in memory and moves without a write).
fn cacheable(method: &Method, path: &str) -> bool {
    method == Method::GET && path.starts_with("/api/") && !path.starts_with("/api/jobs/")
}

/// The path and its query's parameters in sorted order (`b=1&a=2` and `a=2&b=1` are one answer).
pub fn key(uri: &Uri) -> String {
    let mut params: Vec<&str> = uri.query().unwrap_or("").split('&').filter(|p| !p.is_empty()).collect();
    params.sort_unstable();
    format!("{}?{}", uri.path(), params.join("&"))
}

/// The middleware, inside the token check: serve a kept answer, else run the handler and keep a
/// `200` answer (errors are never kept).
pub async fn respond(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if !cacheable(req.method(), req.uri().path()) {
        return next.run(req).await;
    }
    let key = key(req.uri());
    // Taken before the handler reads: an answer read before a write is filed under the old one.
    let generation = st.generation.get();
    if let Some((headers, body)) = st.cache.get(&key, generation) {
        let mut res = Body::from(body).into_response();
        *res.headers_mut() = headers;
        return res;
    }
    // Held until this request ends, even if it is dropped (the client went away).
    let flight = Flight::take(&st.cache, &key);
    let _guard = match &flight {
        Some(f) => Some(f.lock.lock().await),
        None => None,
    };
    // Another request for the same key may have answered while this one waited.
    let generation = st.generation.get();
    if flight.is_some()
        && let Some((headers, body)) = st.cache.get(&key, generation)
    {
        let mut res = Body::from(body).into_response();
        *res.headers_mut() = headers;
        return res;
    }
    let res = next.run(req).await;
    keep(&st, key, generation, res).await
}

/// One request's share of the lock of a key in flight; the key's entry is removed when the last
/// request holding or waiting for it ends.
struct Flight<'a> {
    cache: &'a ResponseCache,
    key: String,
    lock: Arc<tokio::sync::Mutex<()>>,
}

impl<'a> Flight<'a> {
    fn take(cache: &'a ResponseCache, key: &str) -> Option<Flight<'a>> {
        let mut f = cache.flights.lock().ok()?;
        let lock = Arc::clone(f.entry(key.to_owned()).or_default());
        Some(Flight { cache, key: key.to_owned(), lock })
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        if let Ok(mut f) = self.cache.flights.lock()
            && Arc::strong_count(&self.lock) == 2
        {
            f.remove(&self.key);
        }
    }
}

/// Keep a `200` answer (errors are never kept).
async fn keep(st: &AppState, key: String, generation: u64, res: Response) -> Response {
    if res.status() != StatusCode::OK {
        return res;
    }
    let (parts, body) = res.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => return crate::error::ApiError::internal(format!("answer lost: {e}")).into_response(),
    };
    st.cache.put(key, generation, parts.headers.clone(), body.clone());
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_parameters() {
        let a: Uri = "/api/search?q=x&limit=20".parse().expect("uri");
        let b: Uri = "/api/search?limit=20&q=x&".parse().expect("uri");
        assert_eq!(key(&a), key(&b));
        assert_ne!(key(&a), key(&"/api/search?q=y&limit=20".parse().expect("uri")));
    }

    #[test]
    fn bounded_by_entries_and_bytes() {
        let c = ResponseCache::new(3, 800);
        for i in 0..5 {
            c.put(format!("k{i}"), 0, HeaderMap::new(), Bytes::from(vec![b'x'; 10]));
        }
        assert_eq!(c.len().0, 3);
        assert!(c.get("k0", 0).is_none() && c.get("k4", 0).is_some());
        assert!(c.get("k4", 1).is_none(), "another generation");
        // The byte bound: ten answers of 100 bytes do not fit in 800.
        let c = ResponseCache::new(100, 800);
        for i in 0..10 {
            c.put(format!("b{i}"), 0, HeaderMap::new(), Bytes::from(vec![b'x'; 90]));
        }
        let (n, bytes) = c.len();
        assert!(n < 10 && bytes <= 800, "{n} {bytes}");
        assert!(c.get("b9", 0).is_some() && c.get("b0", 0).is_none());
        c.put("big".into(), 0, HeaderMap::new(), Bytes::from(vec![b'x'; 101]));
        assert!(c.get("big", 0).is_none(), "over an eighth of the bytes: not kept");
    }
}
