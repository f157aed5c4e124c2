#![allow(dead_code)]

use nexus_report::{Actor, Document, Event, Evidence, NetEdge, NetNode, Network, NexusRow, Place, ReportModel, RouteLeg, Statement};

/// A model built by hand from the two seed documents (`../shared/seeds`), one work in two copies.
pub fn seed_model() -> ReportModel {
    serde_json::from_str(include_str!("../fixtures/seed_model.json")).expect("fixture parses")
}

pub const SCRIPT: &str = "<script>alert(1)</script>";
pub const ATTR: &str = "\" onerror=\"alert(2)";

/// Every string a document can reach, holding markup that must come out as text.
pub fn hostile_model() -> ReportModel {
    let evil = |s: &str| format!("{s} {SCRIPT} {ATTR} </style><img src=x onerror=alert(3)> & 'q'");
    let place =
        |name: &str, lat: f64, lon: f64| Place { name: evil(name), lat: Some(lat), lon: Some(lon), country: Some("PE\"><script>".into()) };
    let cites = vec!["e1".to_string()];
    ReportModel {
        title: evil("Title"),
        scope: vec![evil("Scope")],
        summary: vec![Statement { text: evil("Summary"), cites: cites.clone() }],
        actors: vec![Actor {
            name: evil("Actor"),
            kind: evil("kind"),
            country: Some(evil("cc")),
            metrics: vec![nexus_report::Metric { name: evil("metric"), value: 1.0 }],
            community: Some(1),
            cites: cites.clone(),
        }],
        network: Network {
            nodes: vec![
                NetNode { id: "a".into(), label: evil("Node A"), kind: evil("kind"), weight: 2.0, community: None },
                NetNode { id: "b".into(), label: evil("Node B"), kind: "armed_group".into(), weight: 1.0, community: None },
            ],
            edges: vec![NetEdge { source: "a".into(), target: "b".into(), label: evil("edge"), weight: 1.0 }],
        },
        routes: vec![RouteLeg {
            from: place("From", -12.0, -77.0),
            to: place("To", 50.0, 4.0),
            commodity: Some(evil("goods")),
            volume: Some(evil("volume")),
            weight: 1.0,
            support: 1,
            cites: cites.clone(),
        }],
        timeline: vec![
            Event { date: evil("2014"), kind: evil("kind"), text: evil("Event"), cites: cites.clone() },
            Event { date: "2015-02-03".into(), kind: evil("kind"), text: evil("Event"), cites: cites.clone() },
        ],
        nexus: vec![NexusRow {
            armed_group: evil("Group"),
            relation: evil("taxes"),
            counterpart: evil("trade"),
            place: Some(evil("place")),
            period: Some(evil("period")),
            support: 1,
            cites: cites.clone(),
        }],
        supply_chains: vec![nexus_report::SupplyChain {
            title: evil("Chain"),
            steps: vec![Statement { text: evil("Step"), cites: cites.clone() }],
        }],
        changes: vec![Statement { text: evil("Change"), cites }],
        evidence: vec![Evidence { id: "e1".into(), doc: "d1".into(), sentence: evil("Sentence") }],
        documents: vec![Document {
            id: "d1".into(),
            title: evil("Doc title"),
            publisher: Some(evil("Publisher")),
            location: Some(format!("javascript:alert(4) {ATTR}")),
            date: Some(evil("2015")),
            work: "d1".into(),
        }],
    }
}
