//! Errors: `ServerError` for starting the server, `ApiError` for one request (a status and
//! `{"error": message}`).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use nexus_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    #[error("binding to {0} (not loopback) needs a token")]
    NoToken(std::net::SocketAddr),
    #[error("no random numbers for a token: {0}")]
    Random(String),
}

/// A failed request.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match &e {
            StoreError::NoSuchDocument(_)
            | StoreError::UnknownEntity(_)
            | StoreError::UnknownClaim(_)
            | StoreError::UnknownTarget(_)
            | StoreError::NoSuchCorrection(_) => ApiError::not_found(e.to_string()),
            StoreError::UnknownType(_) | StoreError::EmptyText(_) | StoreError::SelfMerge(_) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
            }
            StoreError::Unchanged(_) | StoreError::AlreadyUndone { .. } | StoreError::CannotUndo { .. } => {
                ApiError::new(StatusCode::CONFLICT, e.to_string())
            }
            StoreError::AmbiguousId { .. } | StoreError::EmptyQuery | StoreError::BadQuery { .. } => ApiError::bad_request(e.to_string()),
            _ => {
                tracing::error!("{e}");
                ApiError::internal(e.to_string())
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(serde_json::json!({ "error": self.message }))).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
