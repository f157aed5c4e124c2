//! Extractors whose rejections are the API's JSON errors (axum's own answer in plain text):
//! bad query parameters → 400; a bad JSON body → 400, 415 or 422 as axum classifies it; a body
//! over the limit → 413.

use crate::error::ApiError;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// Query parameters.
pub struct Q<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state).await.map(|Query(v)| Q(v)).map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// Path parameters.
pub struct P<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for P<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state).await.map(|Path(v)| P(v)).map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// A JSON body.
pub struct J<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for J<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        axum::Json::<T>::from_request(req, state).await.map(|axum::Json(v)| J(v)).map_err(|e| ApiError::new(e.status(), e.body_text()))
    }
}

/// A raw body (uploads).
pub struct Body(pub axum::body::Bytes);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        axum::body::Bytes::from_request(req, state).await.map(Body).map_err(|e| ApiError::new(e.status(), e.body_text()))
    }
}
