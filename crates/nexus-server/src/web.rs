//! The UI's files (embedded, see `assets`) and the headers every response carries: a strict
//! Content-Security-Policy (no inline script, nothing from elsewhere), `nosniff`, no framing.
//! Document text is untrusted; the API returns it as JSON strings and the page cannot run
//! anything it did not load from here.

use crate::assets;
use crate::error::ApiError;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
                       connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

pub async fn index() -> Response {
    serve("index.html")
}

pub async fn asset(uri: axum::http::Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    if path.starts_with("api/") || path == "api" {
        return ApiError::not_found(format!("no endpoint /{path}")).into_response();
    }
    serve(path)
}

/// An embedded file by its served path; anything else is 404 (there is no file system behind).
fn serve(path: &str) -> Response {
    let Some((bytes, media_type)) = assets::get(path) else {
        return ApiError::not_found("no such file").into_response();
    };
    // The vendored libraries change only with web/package-lock.json; our own files with any build.
    let cache = if path.starts_with("vendor/") { "public, max-age=86400" } else { "no-cache" };
    ([(header::CONTENT_TYPE, media_type), (header::CACHE_CONTROL, cache)], bytes).into_response()
}
