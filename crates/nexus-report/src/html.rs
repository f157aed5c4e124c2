//! The briefing as one HTML file: inline CSS and inline SVG, no script, no external URL, and a
//! Content-Security-Policy that forbids loading anything should a document's text ever slip
//! through escaping.

use std::collections::BTreeSet;

use crate::Options;
use crate::escape::esc;
use crate::fmt::metric;
use crate::model::{Document, ReportModel, Statement};
use crate::notes::{Notes, sorted_events};
use crate::svg::Embed;
use crate::{map, network, timeline};

const CSS: &str = "\
body{margin:0;background:#f4f3ef;color:#1c2833;font:15px/1.5 'DejaVu Sans',Arial,sans-serif}\
main{max-width:1000px;margin:0 auto;padding:24px 32px 48px;background:#fff}\
h1{font-size:28px;margin:8px 0 4px}h2{font-size:21px;margin:32px 0 8px;border-bottom:2px solid #d5d8dc;padding-bottom:4px}\
h3{font-size:16px;margin:18px 0 6px}.scope{color:#566573;margin:0}\
nav ol{columns:3;padding-left:20px;margin:12px 0}\
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:8px 0}\
th,td{border-bottom:1px solid #e5e7e9;padding:4px 6px;text-align:left;vertical-align:top}\
th{background:#f4f6f6}td.num{text-align:right;font-variant-numeric:tabular-nums}\
figure{margin:12px 0}figure svg{max-width:100%;height:auto;border:1px solid #e5e7e9}\
figcaption{font-size:13px;color:#566573}\
sup.fn{font-size:11px;line-height:0}sup.fn a{color:#1f618d;text-decoration:none}\
ol.notes li,ol.sources li{font-size:13px;margin-bottom:6px}\
.url,code{font-family:'DejaVu Sans Mono',monospace;font-size:12px;color:#566573;word-break:break-all}\
.empty{color:#7f8c8d;font-style:italic}\
@media print{body{background:#fff}main{padding:0}}";

pub fn render(m: &ReportModel, opts: &Options) -> String {
    let notes = Notes::build(m);
    let mut o = String::with_capacity(256 * 1024);
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str(&format!("<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n", esc(&m.title)));
    o.push_str(&format!("<header>\n<h1>{}</h1>\n", esc(&m.title)));
    for line in &m.scope {
        o.push_str(&format!("<p class=\"scope\">{}</p>\n", esc(line)));
    }
    o.push_str("</header>\n<nav><ol>");
    for (id, name) in SECTIONS {
        o.push_str(&format!("<li><a href=\"#{id}\">{name}</a></li>"));
    }
    o.push_str("</ol></nav>\n");

    section(&mut o, "summary");
    if m.summary.is_empty() {
        empty(&mut o);
    }
    for s in &m.summary {
        o.push_str(&format!("<p>{}{}</p>\n", esc(&s.text), marks(&notes, &s.cites)));
    }
    o.push_str("</section>\n");

    section(&mut o, "actors");
    if m.actors.is_empty() {
        empty(&mut o);
    } else {
        let mut cols: Vec<&str> = Vec::new();
        for a in &m.actors {
            for mt in &a.metrics {
                if !cols.contains(&mt.name.as_str()) {
                    cols.push(&mt.name);
                }
            }
        }
        o.push_str("<table>\n<thead><tr><th>Actor</th><th>Type</th><th>Country</th>");
        for c in &cols {
            o.push_str(&format!("<th>{}</th>", esc(c)));
        }
        o.push_str("<th>Community</th><th>Sources</th></tr></thead>\n<tbody>\n");
        for a in &m.actors {
            o.push_str(&format!(
                "<tr><td>{}{}</td><td>{}</td><td>{}</td>",
                esc(&a.name),
                marks(&notes, &a.cites),
                esc(&crate::svg::human_kind(&a.kind)),
                esc(a.country.as_deref().unwrap_or("–"))
            ));
            for c in &cols {
                let v = a.metrics.iter().find(|mt| mt.name == *c).map(|mt| metric(mt.value)).unwrap_or_else(|| "–".into());
                o.push_str(&format!("<td class=\"num\">{}</td>", esc(&v)));
            }
            let community = a.community.map(|c| c.to_string()).unwrap_or_else(|| "–".into());
            o.push_str(&format!("<td class=\"num\">{community}</td><td class=\"num\">{}</td></tr>\n", notes.sources(&a.cites)));
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</section>\n");

    section(&mut o, "network");
    let shown = network::selected(&m.network, opts.max_nodes).len();
    o.push_str("<figure>\n");
    o.push_str(&network::render(&m.network, opts.max_nodes, Embed::Inline));
    o.push_str(&format!(
        "<figcaption>{shown} of {} entities (the strongest by weight), {} relations. Node size: weight; colour: type; line width: sources.</figcaption>\n</figure>\n</section>\n",
        m.network.nodes.len(),
        m.network.edges.len()
    ));

    section(&mut o, "routes");
    o.push_str("<figure>\n");
    o.push_str(&map::render(&m.routes, Embed::Inline));
    o.push_str("<figcaption>Arrows run from origin to destination; shaded countries are those the legs touch.</figcaption>\n</figure>\n");
    if m.routes.is_empty() {
        empty(&mut o);
    } else {
        o.push_str("<table>\n<thead><tr><th>From</th><th>To</th><th>Goods</th><th>Volume</th><th>Sources</th></tr></thead>\n<tbody>\n");
        for r in &m.routes {
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}{}</td></tr>\n",
                esc(&r.from.name),
                esc(&r.to.name),
                esc(map::commodity_name(r)),
                esc(r.volume.as_deref().unwrap_or("–")),
                notes.sources(&r.cites),
                marks(&notes, &r.cites)
            ));
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</section>\n");

    section(&mut o, "timeline");
    let events = sorted_events(m);
    o.push_str("<figure>\n");
    o.push_str(&timeline::render(&events, Embed::Inline));
    o.push_str("<figcaption>Numbers refer to the list below.</figcaption>\n</figure>\n");
    if events.is_empty() {
        empty(&mut o);
    } else {
        o.push_str("<ol class=\"events\">\n");
        for e in &events {
            o.push_str(&format!(
                "<li><strong>{}</strong> — {}: {}{}</li>\n",
                esc(&e.date),
                esc(&crate::svg::human_kind(&e.kind)),
                esc(&e.text),
                marks(&notes, &e.cites)
            ));
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");

    section(&mut o, "nexus");
    if m.nexus.is_empty() {
        empty(&mut o);
    } else {
        o.push_str("<table>\n<thead><tr><th>Armed group</th><th>Relation</th><th>Criminal actor or activity</th><th>Where</th><th>When</th><th>Sources</th></tr></thead>\n<tbody>\n");
        for r in &m.nexus {
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}{}</td></tr>\n",
                esc(&r.armed_group),
                esc(&r.relation),
                esc(&r.counterpart),
                esc(r.place.as_deref().unwrap_or("–")),
                esc(r.period.as_deref().unwrap_or("–")),
                notes.sources(&r.cites),
                marks(&notes, &r.cites)
            ));
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</section>\n");

    section(&mut o, "supply");
    if m.supply_chains.is_empty() {
        empty(&mut o);
    }
    for chain in &m.supply_chains {
        o.push_str(&format!("<h3>{}</h3>\n", esc(&chain.title)));
        statements(&mut o, &notes, &chain.steps, "ol");
    }
    o.push_str("</section>\n");

    section(&mut o, "changes");
    if m.changes.is_empty() {
        empty(&mut o);
    }
    statements(&mut o, &notes, &m.changes, "ul");
    o.push_str("</section>\n");

    section(&mut o, "notes");
    if notes.notes.is_empty() {
        empty(&mut o);
    } else {
        o.push_str("<ol class=\"notes\">\n");
        for (i, note) in notes.notes.iter().enumerate() {
            o.push_str(&format!("<li id=\"fn-{}\">“{}” — ", i + 1, esc(note.sentence)));
            let docs: Vec<String> = note.docs.iter().map(|d| doc_line(d)).collect();
            if docs.is_empty() {
                o.push_str("<span class=\"empty\">document not in the store</span>");
            } else {
                o.push_str(&docs.join("; also in "));
            }
            o.push_str(&format!(" <a href=\"#src-{w}\">[S{w}]</a></li>\n", w = note.work + 1));
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");

    section(&mut o, "sources");
    if notes.works.is_empty() {
        empty(&mut o);
    } else {
        o.push_str(&format!(
            "<p>{} independent source{}; near-duplicate copies of one work are listed together and count once.</p>\n<ol class=\"sources\">\n",
            notes.works.len(),
            if notes.works.len() == 1 { "" } else { "s" }
        ));
        for (i, w) in notes.works.iter().enumerate() {
            o.push_str(&format!("<li id=\"src-{}\">", i + 1));
            if w.docs.is_empty() {
                o.push_str(&format!("<code>{}</code>", esc(w.id)));
            }
            let docs: Vec<String> = w.docs.iter().map(|d| doc_line(d)).collect();
            o.push_str(&docs.join("<br>copy: "));
            o.push_str("</li>\n");
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n</main>\n</body>\n</html>\n");
    o
}

pub(crate) const SECTIONS: [(&str, &str); 10] = [
    ("summary", "Summary"),
    ("actors", "Key actors"),
    ("network", "Network"),
    ("routes", "Route map"),
    ("timeline", "Timeline"),
    ("nexus", "Crime–terror nexus"),
    ("supply", "Supply chains"),
    ("changes", "Changes between periods"),
    ("notes", "Notes"),
    ("sources", "Sources"),
];

fn section(o: &mut String, id: &str) {
    let name = SECTIONS.iter().find(|s| s.0 == id).map(|s| s.1).unwrap_or(id);
    o.push_str(&format!("<section id=\"{id}\">\n<h2>{name}</h2>\n"));
}

fn empty(o: &mut String) {
    o.push_str("<p class=\"empty\">Nothing in the corpus for this scope.</p>\n");
}

fn statements(o: &mut String, notes: &Notes, list: &[Statement], tag: &str) {
    if list.is_empty() {
        return;
    }
    o.push_str(&format!("<{tag}>\n"));
    for s in list {
        o.push_str(&format!("<li>{}{}</li>\n", esc(&s.text), marks(notes, &s.cites)));
    }
    o.push_str(&format!("</{tag}>\n"));
}

fn marks(notes: &Notes, cites: &[String]) -> String {
    let ns = notes.marks(cites);
    if ns.is_empty() {
        return String::new();
    }
    let links: Vec<String> = ns.iter().map(|n| format!("<a href=\"#fn-{n}\">{n}</a>")).collect();
    format!("<sup class=\"fn\">[{}]</sup>", links.join(","))
}

fn doc_line(d: &Document) -> String {
    let mut parts = vec![format!("<cite>{}</cite>", esc(if d.title.is_empty() { &d.id } else { &d.title }))];
    let mut seen = BTreeSet::new();
    for p in [d.publisher.as_deref(), d.date.as_deref()].into_iter().flatten() {
        if !p.trim().is_empty() && seen.insert(p) {
            parts.push(esc(p));
        }
    }
    parts.push(format!("document <code>{}</code>", esc(&d.id)));
    if let Some(loc) = d.location.as_deref().filter(|l| !l.trim().is_empty()) {
        parts.push(format!("<span class=\"url\">{}</span>", esc(loc)));
    }
    parts.join(", ")
}
