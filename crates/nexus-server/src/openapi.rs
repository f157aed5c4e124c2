//! The OpenAPI 3.1 document served at `/api/openapi.json`. A test checks that its paths and
//! methods are exactly the router's (`api::routes`).

use axum::Json;
use serde_json::{Map, Value, json};
use std::sync::OnceLock;

/// A parameter: (name, where: "query"|"path", schema type, description).
type Param = (&'static str, &'static str, &'static str, &'static str);

fn op(summary: &str, params: &[Param], body: Option<Value>, ok: (&str, &str)) -> Value {
    let parameters: Vec<Value> = params
        .iter()
        .map(|(name, at, ty, desc)| json!({"name": name, "in": at, "required": *at == "path", "description": desc, "schema": {"type": ty}}))
        .collect();
    let err = json!({"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let mut o = json!({
        "summary": summary,
        "parameters": parameters,
        "responses": {
            ok.0: {"description": ok.1, "content": {"application/json": {"schema": {"type": if ok.0 == "200" || ok.0 == "202" { "object" } else { "string" }}}}},
            "400": err.clone(), "401": err.clone(), "404": err.clone(), "500": err,
        },
    });
    if let Some(b) = body {
        o["requestBody"] = b;
    }
    o
}

fn json_body(schema: Value) -> Value {
    json!({"required": true, "content": {"application/json": {"schema": schema}}})
}

const DATES: [Param; 2] =
    [("since", "query", "string", "ISO date prefix, inclusive"), ("until", "query", "string", "ISO date prefix, inclusive")];

fn build() -> Value {
    let key: Param = ("key", "path", "string", "entity key (URL-encoded)");
    let limit: Param = ("limit", "query", "integer", "at most this many");
    let offset: Param = ("offset", "query", "integer", "skip this many");
    let ty: Param = ("type", "query", "string", "entity type (ONTOLOGY.md)");
    let country: Param = ("country", "query", "string", "ISO 3166-1 alpha-2");
    let mut paths = Map::new();
    let mut add = |path: &str, method: &str, v: Value| {
        let slot = paths.entry(path.to_owned()).or_insert_with(|| json!({}));
        slot[method] = v;
    };
    add("/api/openapi.json", "get", op("This document", &[], None, ("200", "OpenAPI 3.1")));
    add("/api/stats", "get", op("Corpus counts", &[], None, ("200", "{documents, works, entities, claims, edges, languages}")));
    add(
        "/api/search",
        "get",
        op(
            "Documents, entities and claims with facets (type, country, language, year)",
            &[
                ("q", "query", "string", "full-text query; empty lists top items"),
                ty,
                country,
                ("lang", "query", "string", "language code"),
                DATES[0],
                DATES[1],
                limit,
            ],
            None,
            ("200", "{query, documents, entities, claims, facets}"),
        ),
    );
    add("/api/entities", "get", op("Entities, most documents first", &[ty, country, limit, offset], None, ("200", "{total, items}")));
    add(
        "/api/entities/{key}",
        "get",
        op("An entity's profile: relations with evidence, timeline, places", &[key], None, ("200", "profile")),
    );
    add("/api/entities/{key}/mentions", "get", op("Mentions in context (character offsets)", &[key, limit], None, ("200", "array")));
    add(
        "/api/graph",
        "get",
        op(
            "The graph aggregated on the server: at most `limit` nodes, best supported first",
            &[
                ("center", "query", "string", "entity key to centre on"),
                ("depth", "query", "integer", "1 or 2"),
                ("predicate", "query", "string", "only this predicate"),
                ty,
                DATES[0],
                DATES[1],
                ("min_support", "query", "integer", "at least this many works"),
                limit,
            ],
            None,
            ("200", "{nodes, edges, truncated, total_nodes}"),
        ),
    );
    add(
        "/api/map",
        "get",
        op(
            "Places with coordinates and routes (ships_to) with volumes",
            &[("entity", "query", "string", "entity key"), ("commodity", "query", "string", "commodity key"), DATES[0], DATES[1]],
            None,
            ("200", "{places, routes}"),
        ),
    );
    add("/api/geo/countries", "get", op("Country outlines (GeoJSON FeatureCollection)", &[], None, ("200", "GeoJSON")));
    add(
        "/api/timeline",
        "get",
        op(
            "Dated claims, oldest first",
            &[("entity", "query", "string", "entity key"), DATES[0], DATES[1], limit],
            None,
            ("200", "{items}"),
        ),
    );
    add("/api/docs", "get", op("Documents in store order", &[limit, offset], None, ("200", "{total, items}")));
    add(
        "/api/docs/{id}",
        "get",
        op(
            "A document with its text, mentions and claims (character offsets)",
            &[("id", "path", "string", "document id")],
            None,
            ("200", "document"),
        ),
    );
    add("/api/sources", "get", op("Publishers and their reliability grades", &[], None, ("200", "array")));
    add(
        "/api/sources/{publisher}",
        "put",
        op(
            "Grade a publisher (Admiralty A–F)",
            &[("publisher", "path", "string", "publisher name, or * for the default")],
            Some(json_body(json!({"type": "object", "required": ["reliability"],
                "properties": {"reliability": {"type": "string", "enum": ["A", "B", "C", "D", "E", "F"]}, "note": {"type": "string"}}}))),
            ("200", "the source row"),
        ),
    );
    add("/api/jobs/{id}", "get", op("An upload's ingest progress", &[("id", "path", "string", "job id")], None, ("200", "job")));
    add(
        "/api/upload",
        "post",
        op(
            "Upload one file (raw body) to ingest in the background",
            &[("name", "query", "string", "the file's name (only its base name is kept)")],
            Some(json!({"required": true, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}})),
            ("202", "{job}"),
        ),
    );
    crate::api::corrections::document(&mut add);
    json!({
        "openapi": "3.1.0",
        "info": {"title": "nexus workbench API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "JSON API of `nexus serve`. Errors are {\"error\": message}."},
        "paths": paths,
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
                "Correction": {"type": "object", "properties": {
                    "id": {"type": "integer"}, "at": {"type": "string"}, "who": {"type": "string"}, "kind": {"type": "string"},
                    "target": {"type": "string"}, "before": {}, "after": {}, "note": {"type": ["string", "null"]},
                    "undone_at": {"type": ["string", "null"]}, "undone_by": {"type": ["string", "null"]}}},
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}, "cookie": {"type": "apiKey", "in": "cookie", "name": "nexus_token"}},
        },
        "security": [{}, {"bearer": []}, {"cookie": []}],
    })
}

pub fn document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(build)
}

pub async fn handler() -> Json<Value> {
    Json(document().clone())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// Every route of the router is documented, and the document lists nothing else.
    #[test]
    fn document_lists_every_route() {
        let routes: BTreeSet<(String, String)> = crate::api::routes().iter().map(|(m, p, _)| (p.to_string(), m.to_string())).collect();
        let doc = super::document();
        let mut documented = BTreeSet::new();
        for (path, ops) in doc["paths"].as_object().expect("paths") {
            for method in ops.as_object().expect("operations").keys() {
                documented.insert((path.clone(), method.clone()));
            }
        }
        assert_eq!(routes, documented);
        assert_eq!(doc["openapi"], "3.1.0");
    }
}
