//! The briefing as Markdown (CommonMark with GFM tables and footnotes). Figures are separate
//! SVG files ([`crate::figures`]) that the text links when the caller names them.

use crate::escape::md;
use crate::fmt::metric;
use crate::model::{Document, ReportModel, Statement};
use crate::notes::{Notes, sorted_events};
use crate::{Options, map, network};

pub fn render(m: &ReportModel, opts: &Options, figure_stem: Option<&str>) -> String {
    let notes = Notes::build(m);
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n", md(&m.title)));
    for line in &m.scope {
        o.push_str(&format!("{}  \n", md(line)));
    }
    if !m.scope.is_empty() {
        o.push('\n');
    }

    heading(&mut o, "summary");
    if m.summary.is_empty() {
        empty(&mut o);
    }
    for s in &m.summary {
        o.push_str(&format!("{}{}\n\n", md(&s.text), marks(&notes, &s.cites)));
    }

    heading(&mut o, "actors");
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
        let mut head = vec!["Actor".to_string(), "Type".into(), "Country".into()];
        head.extend(cols.iter().map(|c| md(c)));
        head.extend(["Community".into(), "Sources".into()]);
        let mut align = vec![false, false, false];
        align.extend(cols.iter().map(|_| true));
        align.extend([true, true]);
        table_head(&mut o, &head, &align);
        for a in &m.actors {
            let mut row = vec![
                format!("{}{}", md(&a.name), marks(&notes, &a.cites)),
                md(&crate::svg::human_kind(&a.kind)),
                md(a.country.as_deref().unwrap_or("–")),
            ];
            for c in &cols {
                row.push(md(&a.metrics.iter().find(|mt| mt.name == *c).map(|mt| metric(mt.value)).unwrap_or_else(|| "–".into())));
            }
            row.push(a.community.map(|c| c.to_string()).unwrap_or_else(|| "–".into()));
            row.push(notes.sources(&a.cites).to_string());
            table_row(&mut o, &row);
        }
        o.push('\n');
    }

    heading(&mut o, "network");
    figure(&mut o, figure_stem, "network", "Network of actors, places and goods");
    let shown = network::selected(&m.network, opts.max_nodes);
    o.push_str(&format!("{} of {} entities, {} relations.\n\n", shown.len(), m.network.nodes.len(), m.network.edges.len()));
    let labels: std::collections::HashMap<&str, &str> = m.network.nodes.iter().map(|n| (n.id.as_str(), n.label.as_str())).collect();
    let mut edges: Vec<_> = m.network.edges.iter().collect();
    edges.sort_by(|a, b| {
        b.weight.total_cmp(&a.weight).then_with(|| (&a.source, &a.label, &a.target).cmp(&(&b.source, &b.label, &b.target)))
    });
    for e in edges.iter().take(opts.max_nodes) {
        let name = |id: &str| md(labels.get(id).copied().unwrap_or(id));
        o.push_str(&format!("- {} — {} — {} ({})\n", name(&e.source), md(&e.label), name(&e.target), metric(e.weight)));
    }
    if !edges.is_empty() {
        o.push('\n');
    }

    heading(&mut o, "routes");
    figure(&mut o, figure_stem, "routes", "Route map");
    if m.routes.is_empty() {
        empty(&mut o);
    } else {
        let head: Vec<String> = ["From", "To", "Goods", "Volume", "Sources"].iter().map(|s| s.to_string()).collect();
        table_head(&mut o, &head, &[false, false, false, false, true]);
        for r in &m.routes {
            table_row(
                &mut o,
                &[
                    md(&r.from.name),
                    md(&r.to.name),
                    md(map::commodity_name(r)),
                    md(r.volume.as_deref().unwrap_or("–")),
                    format!("{}{}", notes.sources(&r.cites), marks(&notes, &r.cites)),
                ],
            );
        }
        o.push('\n');
    }

    heading(&mut o, "timeline");
    figure(&mut o, figure_stem, "timeline", "Timeline of events");
    let events = sorted_events(m);
    if events.is_empty() {
        empty(&mut o);
    }
    for (i, e) in events.iter().enumerate() {
        o.push_str(&format!(
            "{}. **{}** — {}: {}{}\n",
            i + 1,
            md(&e.date),
            md(&crate::svg::human_kind(&e.kind)),
            md(&e.text),
            marks(&notes, &e.cites)
        ));
    }
    if !events.is_empty() {
        o.push('\n');
    }

    heading(&mut o, "nexus");
    if m.nexus.is_empty() {
        empty(&mut o);
    } else {
        let head: Vec<String> =
            ["Armed group", "Relation", "Criminal actor or activity", "Where", "When", "Sources"].iter().map(|s| s.to_string()).collect();
        table_head(&mut o, &head, &[false, false, false, false, false, true]);
        for r in &m.nexus {
            table_row(
                &mut o,
                &[
                    md(&r.armed_group),
                    md(&r.relation),
                    md(&r.counterpart),
                    md(r.place.as_deref().unwrap_or("–")),
                    md(r.period.as_deref().unwrap_or("–")),
                    format!("{}{}", notes.sources(&r.cites), marks(&notes, &r.cites)),
                ],
            );
        }
        o.push('\n');
    }

    heading(&mut o, "supply");
    if m.supply_chains.is_empty() {
        empty(&mut o);
    }
    for chain in &m.supply_chains {
        o.push_str(&format!("### {}\n\n", md(&chain.title)));
        statements(&mut o, &notes, &chain.steps, true);
    }

    heading(&mut o, "changes");
    if m.changes.is_empty() {
        empty(&mut o);
    }
    statements(&mut o, &notes, &m.changes, false);

    heading(&mut o, "notes");
    if notes.notes.is_empty() {
        empty(&mut o);
    }
    for (i, note) in notes.notes.iter().enumerate() {
        let docs: Vec<String> = note.docs.iter().map(|d| doc_line(d)).collect();
        let docs = if docs.is_empty() { "document not in the store".to_string() } else { docs.join("; also in ") };
        o.push_str(&format!("[^{}]: “{}” — {} \\[S{}\\]\n", i + 1, md(note.sentence), docs, note.work + 1));
    }
    if !notes.notes.is_empty() {
        o.push('\n');
    }

    heading(&mut o, "sources");
    if notes.works.is_empty() {
        empty(&mut o);
    } else {
        o.push_str(&format!(
            "{} independent source{}; near-duplicate copies of one work are listed together and count once\\.\n\n",
            notes.works.len(),
            if notes.works.len() == 1 { "" } else { "s" }
        ));
        for (i, w) in notes.works.iter().enumerate() {
            let docs: Vec<String> = w.docs.iter().map(|d| doc_line(d)).collect();
            let text = if docs.is_empty() { md(w.id) } else { docs.join("; copy: ") };
            o.push_str(&format!("- S{}\\. {}\n", i + 1, text));
        }
        o.push('\n');
    }
    o
}

fn heading(o: &mut String, id: &str) {
    let name = crate::html::SECTIONS.iter().find(|s| s.0 == id).map(|s| s.1).unwrap_or(id);
    o.push_str(&format!("## {name}\n\n"));
}

fn empty(o: &mut String) {
    o.push_str("*Nothing in the corpus for this scope\\.*\n\n");
}

fn figure(o: &mut String, stem: Option<&str>, name: &str, alt: &str) {
    if let Some(stem) = stem {
        // Angle brackets let the path hold spaces; the characters they cannot hold are replaced.
        let path: String =
            format!("{stem}.{name}.svg").chars().map(|c| if matches!(c, '<' | '>' | '\n' | '\r' | '\\') { '_' } else { c }).collect();
        o.push_str(&format!("![{alt}](<{path}>)\n\n"));
    }
}

fn statements(o: &mut String, notes: &Notes, list: &[Statement], numbered: bool) {
    for (i, s) in list.iter().enumerate() {
        let bullet = if numbered { format!("{}.", i + 1) } else { "-".into() };
        o.push_str(&format!("{bullet} {}{}\n", md(&s.text), marks(notes, &s.cites)));
    }
    if !list.is_empty() {
        o.push('\n');
    }
}

fn marks(notes: &Notes, cites: &[String]) -> String {
    notes.marks(cites).iter().map(|n| format!("[^{n}]")).collect()
}

fn table_head(o: &mut String, head: &[String], right: &[bool]) {
    o.push_str(&format!("| {} |\n|", head.join(" | ")));
    for &r in right {
        o.push_str(if r { " ---: |" } else { " --- |" });
    }
    o.push('\n');
}

fn table_row(o: &mut String, cells: &[String]) {
    o.push_str(&format!("| {} |\n", cells.join(" | ")));
}

fn doc_line(d: &Document) -> String {
    let mut parts = vec![format!("*{}*", md(if d.title.is_empty() { &d.id } else { &d.title }))];
    for p in [d.publisher.as_deref(), d.date.as_deref()].into_iter().flatten() {
        if !p.trim().is_empty() {
            parts.push(md(p));
        }
    }
    parts.push(format!("document {}", md(&d.id)));
    if let Some(loc) = d.location.as_deref().filter(|l| !l.trim().is_empty()) {
        parts.push(md(loc));
    }
    parts.join(", ")
}
