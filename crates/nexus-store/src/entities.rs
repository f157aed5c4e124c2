//! Queries over stored extractions: entities across the corpus (`nexus entities`), one entity's
//! names, surface forms and mentions in context (`nexus entity`).

use crate::Store;
use crate::error::Result;
use crate::extraction::fold;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// One entity across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySummary {
    /// The corpus-wide key: the knowledge-base id, or `type:folded name` for a learned entity.
    pub id: String,
    /// The knowledge-base id, when the entity is in the knowledge base.
    pub kb_id: Option<String>,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub unnamed: bool,
    pub mentions: u64,
    pub documents: u64,
}

/// One mention with the sentence around it.
#[derive(Debug, Clone, Serialize)]
pub struct MentionContext {
    pub doc: String,
    pub title: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// About the sentence that holds the mention, on one line.
    pub snippet: String,
    /// The byte range of the mention in `snippet`.
    pub highlight: (usize, usize),
}

/// Longest stretch of a snippet on either side of its mention, in bytes.
const CONTEXT: usize = 160;

impl Store {
    /// Every entity of the corpus (of one type, when given, as analysts corrected types): most
    /// documents first, then most mentions, then by name.
    pub fn entities(&self, entity_type: Option<&str>, limit: Option<usize>) -> Result<Vec<EntitySummary>> {
        // Counting reads only the covering index (and the few overrides); names are looked up for
        // the entities kept.
        let mut counts = self.conn.prepare(
            "SELECT key, count(*) AS docs, sum(mentions) AS n FROM doc_entities
             WHERE ?1 IS NULL OR coalesce((SELECT o.type FROM entity_type_overrides o WHERE o.key = doc_entities.key), type) = ?1
             GROUP BY key ORDER BY docs DESC, n DESC, key",
        )?;
        let rows = counts.query_map(params![entity_type], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            if limit.is_some_and(|l| out.len() >= l) {
                break;
            }
            let (key, docs, mentions) = row?;
            if let Some(e) = self.describe(&key, docs as u64, mentions as u64)? {
                out.push(e);
            }
        }
        // Ties on both counts are ordered by name, as a reader scans them.
        out.sort_by(|a, b| (b.documents, b.mentions, fold(&a.name)).cmp(&(a.documents, a.mentions, fold(&b.name))));
        Ok(out)
    }

    /// One entity by its key, with its counts; `None` when no document mentions it.
    pub fn entity(&self, key: &str) -> Result<Option<EntitySummary>> {
        let (docs, mentions): (i64, Option<i64>) =
            self.conn
                .query_row("SELECT count(*), sum(mentions) FROM doc_entities WHERE key = ?1", [key], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if docs == 0 {
            return Ok(None);
        }
        self.describe(key, docs as u64, mentions.unwrap_or(0) as u64)
    }

    fn describe(&self, key: &str, documents: u64, mentions: u64) -> Result<Option<EntitySummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, coalesce((SELECT type FROM entity_type_overrides WHERE key = ?1), type), in_kb, unnamed
             FROM doc_entities WHERE key = ?1 LIMIT 1",
        )?;
        Ok(stmt
            .query_row([key], |r| {
                let in_kb: bool = r.get(3)?;
                Ok(EntitySummary {
                    id: key.to_owned(),
                    kb_id: if in_kb { Some(r.get(0)?) } else { None },
                    name: r.get(1)?,
                    entity_type: r.get(2)?,
                    unnamed: r.get(4)?,
                    mentions,
                    documents,
                })
            })
            .optional()?)
    }

    /// Keys of the entities called `name` in some document — by their name or a surface form,
    /// folded (case, accents and spacing ignored) — or by an alias an analyst gave, or whose key
    /// is `name`.
    pub fn find_entities(&self, name: &str) -> Result<Vec<String>> {
        let mut keys: BTreeSet<String> = BTreeSet::new();
        let mut by_name = self
            .conn
            .prepare_cached("SELECT key FROM entity_names WHERE folded = ?1 UNION SELECT key FROM entity_aliases WHERE folded = ?1")?;
        for k in by_name.query_map([fold(name)], |r| r.get(0))? {
            keys.insert(k?);
        }
        for candidate in [name.trim().to_owned(), fold(name)] {
            if self
                .conn
                .prepare_cached("SELECT 1 FROM doc_entities WHERE key = ?1 LIMIT 1")?
                .query_row([&candidate], |_| Ok(()))
                .optional()?
                .is_some()
            {
                keys.insert(candidate);
            }
        }
        Ok(keys.into_iter().collect())
    }

    /// Every folded name, surface form and analyst alias in the corpus with the entity it names
    /// (for suggesting close names when a lookup finds nothing).
    pub fn entity_names(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare("SELECT folded, key FROM entity_names UNION SELECT folded, key FROM entity_aliases")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The distinct texts that mention the entity, most frequent first.
    pub fn surface_forms(&self, key: &str) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.text, count(*) FROM doc_entities e JOIN mentions m ON m.doc_seq = e.doc_seq AND m.key = e.key
             WHERE e.key = ?1 GROUP BY m.text ORDER BY count(*) DESC, m.text",
        )?;
        let rows = stmt.query_map([key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Mentions of the entity with the sentence around each, in store order then text order; at
    /// most `limit`. Mentions in one sentence share one snippet, each with its own highlight.
    pub fn entity_mentions(&self, key: &str, limit: usize) -> Result<Vec<MentionContext>> {
        let mut docs = self.conn.prepare(
            "SELECT d.seq, d.id, d.title FROM doc_entities e JOIN documents d ON d.seq = e.doc_seq WHERE e.key = ?1 ORDER BY d.seq",
        )?;
        let mut text = self.conn.prepare_cached("SELECT text FROM documents WHERE seq = ?1")?;
        let mut mentions =
            self.conn.prepare_cached("SELECT start, end, text FROM mentions WHERE doc_seq = ?1 AND key = ?2 ORDER BY start")?;
        let rows = docs.query_map([key], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, doc, title) = row?;
            let body: String = text.query_row([seq], |r| r.get(0))?;
            let spans: Vec<(usize, usize, String)> = mentions
                .query_map(params![seq, key], |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            // A span outside the text would be corruption; it is left out rather than shown wrong.
            let spans: Vec<(usize, usize, String)> =
                spans.into_iter().take(limit - out.len()).filter(|(s, e, _)| in_text(&body, *s, *e)).collect();
            let mut i = 0;
            while i < spans.len() {
                let sentence = sentence_start(&body, spans[i].0);
                let same = spans[i..].iter().take_while(|m| sentence_start(&body, m.0) == sentence).count();
                let group = &spans[i..i + same];
                let ranges: Vec<(usize, usize)> = group.iter().map(|m| (m.0, m.1)).collect();
                if let Some((snippet, highlights)) = sentence_around(&body, &ranges) {
                    for ((start, end, mention), highlight) in group.iter().zip(highlights) {
                        let (start, end, text) = (*start, *end, mention.clone());
                        out.push(MentionContext {
                            doc: doc.clone(),
                            title: title.clone(),
                            start,
                            end,
                            text,
                            snippet: snippet.clone(),
                            highlight,
                        });
                    }
                }
                i += same;
            }
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }
}

fn in_text(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// The sentence around the `spans` of `text` (sorted, in one sentence), cut to [`CONTEXT`] bytes
/// before the first and after the last at a word boundary with an ellipsis, on one line; and the
/// spans' ranges in it. `None` when a span is not in the text.
pub fn sentence_around(text: &str, spans: &[(usize, usize)]) -> Option<(String, Vec<(usize, usize)>)> {
    let (&(start, _), &(_, end)) = (spans.first()?, spans.last()?);
    if start > end || spans.iter().any(|&(s, e)| !in_text(text, s, e)) {
        return None;
    }
    let mut from = sentence_start(text, start);
    let mut to = sentence_end(text, end);
    let cut_left = start - from > CONTEXT;
    if cut_left {
        from = word_after(text, start - CONTEXT).min(start);
    }
    let cut_right = to - end > CONTEXT;
    if cut_right {
        to = word_before(text, end + CONTEXT).max(end);
    }
    from += text[from..start].len() - text[from..start].trim_start().len();
    to -= text[end..to].len() - text[end..to].trim_end().len();
    let lead = if cut_left { "…" } else { "" };
    // Line breaks and tabs become spaces of the same length, so offsets carry over.
    let snippet = format!("{lead}{}{}", text[from..to].replace(['\n', '\t'], " "), if cut_right { "…" } else { "" });
    let shift = |at: usize| at - from + lead.len();
    Some((snippet, spans.iter().map(|&(s, e)| (shift(s), shift(e))).collect()))
}

/// Where the sentence holding byte `at` starts: after a line break, or after sentence-final
/// punctuation and a space before a capital, digit or quote (so "U.S. officials" and "e.g. the"
/// do not end one).
fn sentence_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            return i + 1;
        }
        if c.is_whitespace() && ends_sentence(&before[..i]) && starts_sentence(&text[i..]) {
            return i + c.len_utf8();
        }
    }
    0
}

/// Where the sentence holding byte `at` ends (after its final punctuation).
fn sentence_end(text: &str, at: usize) -> usize {
    for (i, c) in text[at..].char_indices() {
        let i = at + i;
        if c == '\n' {
            return i;
        }
        if c.is_whitespace() && ends_sentence(&text[..i]) && starts_sentence(&text[i..]) {
            return i;
        }
    }
    text.len()
}

fn ends_sentence(before: &str) -> bool {
    let trimmed = before.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    let Some(last) = trimmed.chars().last() else { return false };
    if !matches!(last, '.' | '!' | '?' | '…') {
        return false;
    }
    // "U.S." or "No." or an initial: a period after a short word with a capital or another period.
    let word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let core = word.trim_end_matches('.');
    !(last == '.' && (core.contains('.') || (core.chars().count() <= 2 && core.chars().next().is_some_and(char::is_uppercase))))
}

fn starts_sentence(after: &str) -> bool {
    after.trim_start().chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '«' | '¿' | '¡' | '('))
}

/// The first word start at or after `at`.
fn word_after(text: &str, at: usize) -> usize {
    let mut i = at;
    while !text.is_char_boundary(i) {
        i += 1;
    }
    match text[i..].find(char::is_whitespace) {
        Some(ws) => i + ws + text[i + ws..].chars().next().map_or(0, char::len_utf8),
        None => i,
    }
}

/// The last word end at or before `at`.
fn word_before(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    text[..i].rfind(char::is_whitespace).unwrap_or(i)
}

/// Close names for an unknown query, best first: names within a small edit distance of it, and
/// names that start with it or contain it as whole words ("usuga david").
pub fn suggest<'a>(query: &str, names: impl IntoIterator<Item = (&'a str, &'a str)>, max: usize) -> Vec<&'a str> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut best: HashMap<&str, f64> = HashMap::new();
    for (folded, key) in names {
        let score = if folded.starts_with(&q) || format!(" {folded} ").contains(&format!(" {q} ")) {
            0.9 + 0.1 * q.len() as f64 / folded.len().max(1) as f64
        } else {
            // One edit per four characters of what was typed.
            let allowed = (q.chars().count() / 4).max(1);
            if q.len().abs_diff(folded.len()) > 2 * allowed {
                continue;
            }
            let d = levenshtein(&q, folded);
            if d > 0 && d <= allowed { 1.0 - d as f64 / q.chars().count().max(folded.chars().count()) as f64 } else { continue }
        };
        let slot = best.entry(key).or_insert(0.0);
        *slot = slot.max(score);
    }
    let mut ranked: Vec<(&str, f64)> = best.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().take(max).map(|(k, _)| k).collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j] + 1).min(row[j + 1] + 1).min(diag + usize::from(ca != *cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_at_their_ends_not_at_abbreviations() {
        let t = "First sentence here. U.S. officials said the Shining Path moved.\nNext one.";
        let at = t.find("Shining").unwrap();
        let (s, r) = sentence_around(t, &[(at, at + "Shining Path".len())]).unwrap();
        assert_eq!(s, "U.S. officials said the Shining Path moved.");
        assert_eq!(&s[r[0].0..r[0].1], "Shining Path");
        let long = format!("{} Callao and\tCallao {}", "word ".repeat(100), "more ".repeat(100));
        let at = long.find("Callao").unwrap();
        let second = long.rfind("Callao").unwrap();
        let (s, r) = sentence_around(&long, &[(at, at + 6), (second, second + 6)]).unwrap();
        assert!(s.starts_with("…word") && s.ends_with("more…") && s.len() < 2 * CONTEXT + 40, "{s}");
        assert!(s.contains("Callao and Callao"), "{s}");
        assert_eq!((&s[r[0].0..r[0].1], &s[r[1].0..r[1].1]), ("Callao", "Callao"));
        assert!(sentence_around("abc", &[(2, 9)]).is_none());
        assert!(sentence_around("abc", &[]).is_none());
    }

    #[test]
    fn suggestions_are_close_names() {
        let names = [("sendero luminoso", "pe-sl"), ("shining path", "pe-sl"), ("senado", "x"), ("cocaine", "cocaine")];
        assert_eq!(suggest("Sendero Luminozo", names, 5), ["pe-sl"]);
        assert_eq!(suggest("sendero", names, 5), ["pe-sl"]);
        assert_eq!(suggest("luminoso", names, 5), ["pe-sl"]);
        assert!(suggest("zzzz", names, 5).is_empty());
    }
}
