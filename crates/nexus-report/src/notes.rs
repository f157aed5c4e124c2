//! Footnotes and sources. A footnote is one sentence of one work: the same sentence in two
//! near-duplicate copies is one note naming both documents, and a statement's source count is
//! the number of distinct works among its notes.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Document, Event, ReportModel};

pub struct Note<'a> {
    pub sentence: &'a str,
    /// Index into [`Notes::works`].
    pub work: usize,
    /// Documents of the work that carry the sentence, in citation order.
    pub docs: Vec<&'a Document>,
}

pub struct Work<'a> {
    pub id: &'a str,
    /// Every document of the work: cited copies first, then the rest by id.
    pub docs: Vec<&'a Document>,
}

/// Footnote numbers (1-based) in the order the report first cites them.
pub struct Notes<'a> {
    by_evidence: HashMap<&'a str, usize>,
    pub notes: Vec<Note<'a>>,
    pub works: Vec<Work<'a>>,
}

impl<'a> Notes<'a> {
    pub fn build(m: &'a ReportModel) -> Notes<'a> {
        let docs: HashMap<&str, &Document> = m.documents.iter().map(|d| (d.id.as_str(), d)).collect();
        let evidence: HashMap<&str, _> = m.evidence.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut notes = Notes { by_evidence: HashMap::new(), notes: Vec::new(), works: Vec::new() };
        let mut note_key: HashMap<(String, String), usize> = HashMap::new();
        let mut work_index: HashMap<&str, usize> = HashMap::new();
        for cites in cites_in_order(m) {
            for id in cites {
                let Some(ev) = evidence.get(id.as_str()) else { continue };
                if notes.by_evidence.contains_key(ev.id.as_str()) {
                    continue;
                }
                let doc = docs.get(ev.doc.as_str()).copied();
                let work_id: &str = match doc {
                    Some(d) if !d.work.is_empty() => &d.work,
                    _ => &ev.doc,
                };
                let w = *work_index.entry(work_id).or_insert_with(|| {
                    notes.works.push(Work { id: work_id, docs: Vec::new() });
                    notes.works.len() - 1
                });
                let key = (work_id.to_string(), normalize(&ev.sentence));
                let n = *note_key.entry(key).or_insert_with(|| {
                    notes.notes.push(Note { sentence: &ev.sentence, work: w, docs: Vec::new() });
                    notes.notes.len()
                });
                if let Some(d) = doc {
                    let note = &mut notes.notes[n - 1];
                    if !note.docs.iter().any(|x| x.id == d.id) {
                        note.docs.push(d);
                    }
                    if !notes.works[w].docs.iter().any(|x| x.id == d.id) {
                        notes.works[w].docs.push(d);
                    }
                }
                notes.by_evidence.insert(&ev.id, n);
            }
        }
        // Uncited copies of cited works, so a reader sees every document a source stands for.
        let mut rest: BTreeMap<&str, &Document> = BTreeMap::new();
        for d in &m.documents {
            rest.insert(&d.id, d);
        }
        for work in &mut notes.works {
            for d in rest.values() {
                let wid = if d.work.is_empty() { d.id.as_str() } else { d.work.as_str() };
                if wid == work.id && !work.docs.iter().any(|x| x.id == d.id) {
                    work.docs.push(d);
                }
            }
        }
        notes
    }

    /// The footnote numbers of `cites`, ascending and distinct.
    pub fn marks(&self, cites: &[String]) -> Vec<usize> {
        let mut v: Vec<usize> = cites.iter().filter_map(|c| self.by_evidence.get(c.as_str()).copied()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Distinct works among `cites`.
    pub fn sources(&self, cites: &[String]) -> usize {
        let mut w: Vec<usize> = self.marks(cites).iter().map(|&n| self.notes[n - 1].work).collect();
        w.sort_unstable();
        w.dedup();
        w.len()
    }
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Events by date, then kind and text: the chart's and the list's order.
pub fn sorted_events(m: &ReportModel) -> Vec<&Event> {
    let mut v: Vec<&Event> = m.timeline.iter().collect();
    v.sort_by(|a, b| (&a.date, &a.kind, &a.text).cmp(&(&b.date, &b.kind, &b.text)));
    v
}

/// Every statement's citations in the order the sections show them.
fn cites_in_order(m: &ReportModel) -> Vec<&Vec<String>> {
    let mut v: Vec<&Vec<String>> = Vec::new();
    v.extend(m.summary.iter().map(|s| &s.cites));
    v.extend(m.actors.iter().map(|a| &a.cites));
    v.extend(m.routes.iter().map(|r| &r.cites));
    v.extend(sorted_events(m).into_iter().map(|e| &e.cites));
    v.extend(m.nexus.iter().map(|r| &r.cites));
    for chain in &m.supply_chains {
        v.extend(chain.steps.iter().map(|s| &s.cites));
    }
    v.extend(m.changes.iter().map(|s| &s.cites));
    v
}
