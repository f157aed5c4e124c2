//! Choosing the main-content subtree(s) of a page.
//!
//! Semantic containers (`itemprop=articleBody`, `<article>`) win when they are
//! substantial, because publishers mark them deliberately. Otherwise a
//! Readability-style scorer runs: every paragraph-like block adds
//! `1 + commas + min(len/100, 3)` to its parent, half to its grandparent and
//! a decaying share further up; candidates are then scaled by
//! `1 - link density` and the best one, with its well-scoring siblings, is
//! the content.

use crate::arena::{Arena, NO_PARENT, Stats};
use crate::junk;

/// Minimum plain-text length for a semantic container to be trusted.
const MIN_SEMANTIC_LEN: u32 = 250;
/// Minimum paragraph length that contributes to scoring.
const MIN_PARAGRAPH_LEN: u32 = 25;
/// How many ancestor levels receive a paragraph's score.
const SCORE_LEVELS: usize = 5;

/// The outcome: which items to render, in document order, and which items
/// are alive (not boilerplate).
pub(crate) struct Choice {
    pub roots: Vec<usize>,
    pub alive: Vec<bool>,
    pub stats: Stats,
}

/// Runs junk marking and container selection over the arena.
pub(crate) fn choose(arena: &Arena<'_>) -> Choice {
    let n = arena.items.len();
    if n == 0 {
        return Choice { roots: Vec::new(), alive: Vec::new(), stats: Stats::default() };
    }
    let raw = arena.stats(&vec![true; n]);
    let protected = protected_items(arena, &raw);
    let alive = mark_alive(arena, &protected);
    let stats = arena.stats(&alive);
    let roots = pick_roots(arena, &alive, &stats);
    Choice { roots, alive, stats }
}

/// Semantic article containers that are not themselves boilerplate, largest
/// first by plain text.
fn semantic_containers(arena: &Arena<'_>, stats: &Stats, alive: Option<&[bool]>) -> Vec<usize> {
    let mut found: Vec<(u8, u32, usize)> = Vec::new();
    for (i, item) in arena.items.iter().enumerate() {
        if alive.is_some_and(|a| !a[i]) {
            continue;
        }
        let rank = if junk::is_article_body(item.el) {
            0
        } else if item.name() == "article" && !junk::is_teaser_article(item.el) {
            1
        } else {
            continue;
        };
        let plain = stats.plain(i);
        let min = if rank == 0 { MIN_SEMANTIC_LEN / 2 } else { MIN_SEMANTIC_LEN };
        if plain >= min && stats.link_density(i) < 0.5 {
            found.push((rank, plain, i));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    found.into_iter().map(|(_, _, i)| i).collect()
}

/// Items that must not be removed as soft junk: ancestors of substantial
/// semantic containers (`main` included), and wrappers holding at least half
/// of the page's plain text.
fn protected_items(arena: &Arena<'_>, raw: &Stats) -> Vec<bool> {
    let n = arena.items.len();
    let mut protected = vec![false; n];
    let mut anchors = semantic_containers(arena, raw, None);
    for (i, item) in arena.items.iter().enumerate() {
        let is_main = item.name() == "main" || item.el.attr("role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
        if is_main && raw.plain(i) >= MIN_SEMANTIC_LEN {
            anchors.push(i);
        }
    }
    for a in anchors {
        let mut cur = a;
        while cur != NO_PARENT && !protected[cur] {
            protected[cur] = true;
            cur = arena.items[cur].parent;
        }
    }
    let page_plain = raw.plain(0);
    if page_plain > 0 {
        for (i, p) in protected.iter_mut().enumerate() {
            if raw.plain(i) * 2 >= page_plain && raw.link_density(i) < 0.5 {
                *p = true;
            }
        }
    }
    protected
}

/// An item is alive when its parent is alive and it is not unprotected junk.
fn mark_alive(arena: &Arena<'_>, protected: &[bool]) -> Vec<bool> {
    let n = arena.items.len();
    let mut alive = vec![false; n];
    for i in 0..n {
        let item = &arena.items[i];
        let parent_alive = item.parent == NO_PARENT || alive[item.parent];
        alive[i] = parent_alive && (protected[i] || !junk::is_soft_junk(item.el));
    }
    alive
}

/// Chooses the rendered roots: a semantic container, the best-scoring
/// candidate with its siblings, or the whole body as a last resort.
fn pick_roots(arena: &Arena<'_>, alive: &[bool], stats: &Stats) -> Vec<usize> {
    let scores = score(arena, alive, stats);
    let top = best_candidate(&scores);
    if let Some(&sem) = semantic_containers(arena, stats, Some(alive)).first() {
        let accept = match top {
            None => true,
            Some(t) => arena.contains(sem, t) || arena.contains(t, sem) || stats.plain(sem) * 2 >= stats.plain(t),
        };
        if accept {
            return vec![sem];
        }
    }
    match top {
        Some(t) => with_siblings(arena, alive, stats, &scores, t),
        None => vec![0],
    }
}

/// Readability scores for every alive item (`None` = not a candidate).
fn score(arena: &Arena<'_>, alive: &[bool], stats: &Stats) -> Vec<Option<f64>> {
    let n = arena.items.len();
    let mut scores: Vec<Option<f64>> = vec![None; n];
    for (i, &is_alive) in alive.iter().enumerate() {
        if !is_alive || !is_paragraph(arena, stats, i) {
            continue;
        }
        let inline = stats.inline[i];
        let contribution = 1.0 + f64::from(stats.inline_commas[i]) + (f64::from(inline) / 100.0).min(3.0);
        let mut cur = arena.items[i].parent;
        let mut level = 0;
        while cur != NO_PARENT && level < SCORE_LEVELS {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => (l as f64) * 3.0,
            };
            let base = *scores[cur].get_or_insert_with(|| initial_score(arena, cur));
            scores[cur] = Some(base + contribution / divider);
            cur = arena.items[cur].parent;
            level += 1;
        }
    }
    for (i, s) in scores.iter_mut().enumerate() {
        if let Some(v) = s {
            *v *= 1.0 - stats.link_density(i);
        }
    }
    scores
}

/// A block whose own inline text is long enough and not mostly links.
fn is_paragraph(arena: &Arena<'_>, stats: &Stats, i: usize) -> bool {
    let name = arena.items[i].name();
    if !junk::is_block_tag(name) || junk::heading_level(name).is_some() {
        return false;
    }
    let inline = stats.inline[i];
    inline >= MIN_PARAGRAPH_LEN && stats.inline_link[i] * 2 < inline
}

/// Readability's starting score by tag plus class weight.
fn initial_score(arena: &Arena<'_>, i: usize) -> f64 {
    let item = &arena.items[i];
    let tag = match item.name() {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + junk::class_weight(item.el)
}

/// Index of the highest score.
fn best_candidate(scores: &[Option<f64>]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, s) in scores.iter().enumerate() {
        if let Some(v) = *s
            && best.is_none_or(|(_, b)| v > b)
        {
            best = Some((i, v));
        }
    }
    best.map(|(i, _)| i)
}

/// The top candidate plus siblings that look like content (Readability's
/// sibling pass), plus headings that directly precede an included sibling and
/// any notes section.
fn with_siblings(arena: &Arena<'_>, alive: &[bool], stats: &Stats, scores: &[Option<f64>], top: usize) -> Vec<usize> {
    let parent = arena.items[top].parent;
    if parent == NO_PARENT {
        return vec![top];
    }
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let siblings: Vec<usize> = (parent + 1..arena.items.len()).filter(|&i| arena.items[i].parent == parent && alive[i]).collect();
    let mut keep: Vec<bool> = siblings.iter().map(|&s| s == top || sibling_is_content(arena, stats, scores, s, threshold)).collect();
    for k in (0..siblings.len().saturating_sub(1)).rev() {
        if !keep[k] && keep[k + 1] && junk::heading_level(arena.items[siblings[k]].name()).is_some() {
            keep[k] = true;
        }
    }
    siblings.into_iter().zip(keep).filter_map(|(s, k)| k.then_some(s)).collect()
}

/// Readability's sibling rules, plus footnote sections.
fn sibling_is_content(arena: &Arena<'_>, stats: &Stats, scores: &[Option<f64>], s: usize, threshold: f64) -> bool {
    if scores[s].is_some_and(|v| v >= threshold) {
        return true;
    }
    let item = &arena.items[s];
    if junk::is_note_section_attrs(&junk::id_class(item.el)) && stats.total[s] > 0 {
        return true;
    }
    if item.name() != "p" {
        return false;
    }
    let plain = stats.plain(s);
    let density = stats.link_density(s);
    if plain > 80 && density < 0.25 {
        return true;
    }
    plain > 0 && density == 0.0 && ends_sentence(item.node)
}

/// True when the element's text ends like a sentence.
fn ends_sentence(node: ego_tree::NodeRef<'_, scraper::Node>) -> bool {
    scraper::ElementRef::wrap(node).is_some_and(|e| {
        let text: String = e.text().collect();
        text.trim_end().ends_with(['.', '!', '?', '…', ':'])
    })
}

/// Conditional cleaning inside the chosen content: link farms ("Read more"
/// lists, tag clouds) are dropped unless they are a notes section or hold
/// most of the content (a reading-room page *is* a list of links).
pub(crate) fn is_link_farm(arena: &Arena<'_>, stats: &Stats, i: usize, in_notes: bool, root_total: u32) -> bool {
    if in_notes || u64::from(stats.total[i]) * 10 >= u64::from(root_total) * 3 {
        return false;
    }
    let name = arena.items[i].name();
    let density = stats.link_density(i);
    match name {
        "ul" | "ol" | "dl" | "div" | "section" | "table" => stats.total[i] > 0 && density > 0.5,
        "p" => stats.total[i] > 0 && density > 0.8,
        _ => false,
    }
}
