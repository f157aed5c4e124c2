//! `nexus serve`: one process serving the workbench's JSON API (described by the OpenAPI
//! document at `/api/openapi.json`) and its web UI, over one store.

pub mod assets;
