//! `nexus serve`: one process serving the workbench's JSON API (described by the OpenAPI
//! document at `/api/openapi.json`) and its web UI, over one store.
//!
//! Why axum on tokio: the UI polls and fans out requests (graph, map, profile at once) and an
//! upload must not block reads, so the server is asynchronous; axum is tokio's own small router
//! (no macros, tower middleware for the token and headers). SQLite is synchronous: reads run on a
//! pool of read-only connections in `spawn_blocking`, writes on one writer thread (`writer`).

pub mod api;
pub mod assets;
mod auth;
pub mod cache;
pub mod config;
pub mod error;
mod extract;
mod geo;
pub mod jobs;
mod openapi;
mod pool;
pub mod state;
mod web;
mod writer;

pub use auth::COOKIE;
pub use config::{Config, DEFAULT_MAX_UPLOAD, random_token};
pub use error::{ApiError, ServerError};
pub use openapi::document as openapi_document;
pub use state::AppState;
pub use web::CSP;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use std::future::Future;
use std::net::SocketAddr;

/// Largest JSON body a write endpoint reads (uploads have their own limit).
pub const JSON_LIMIT: usize = 256 * 1024;

/// The whole application: API routes, the UI's files, the token check and the security headers.
pub fn router(state: AppState) -> Router {
    let mut app = Router::new();
    for (_, path, route) in api::routes() {
        let route = if path == "/api/upload" {
            route.layer(DefaultBodyLimit::max(usize::try_from(state.max_upload).unwrap_or(usize::MAX).saturating_add(1)))
        } else {
            route
        };
        app = app.route(path, route);
    }
    app.route("/", get(web::index))
        .route("/{*path}", get(web::asset))
        .layer(DefaultBodyLimit::max(JSON_LIMIT))
        // Inside the token check: a request without the token never reaches a kept answer.
        .layer(from_fn_with_state(state.clone(), cache::respond))
        .layer(from_fn_with_state(state.clone(), auth::require_token))
        .layer(from_fn(web::security_headers))
        .with_state(state)
}

/// Serve on `listener` until `shutdown` completes, finishing requests in flight.
pub async fn run(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await?;
    Ok(())
}

/// Ctrl-C, or SIGTERM where there is one (a service manager's stop).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Start the server described by `config` on a runtime of its own and serve until Ctrl-C;
/// `ready` is called with the bound address once it listens. A non-loopback bind needs a token.
pub fn serve(config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    if config.needs_token() && config.token.as_deref().is_none_or(str::is_empty) {
        return Err(ServerError::NoToken(config.bind));
    }
    let state = AppState::new(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().thread_name("nexus-serve").build()?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(config.bind).await.map_err(|source| ServerError::Bind { addr: config.bind, source })?;
        ready(listener.local_addr()?);
        run(listener, state, stop_signal()).await
    })
}
