//! A flat, pre-order index of the body's elements with text statistics.
//!
//! Scoring needs per-element totals (text length, link text, commas) and
//! parent links. Computing them recursively would overflow the stack on
//! pathological pages (100k nested `<div>`s), so the tree is flattened once
//! by an explicit-stack walk; because parents precede children in pre-order,
//! totals are then summed bottom-up by a single reverse sweep.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;
use scraper::node::Element;

use crate::junk;

/// Marker for "no parent" (the root item).
pub(crate) const NO_PARENT: usize = usize::MAX;

/// One element of the body that survived hard-junk removal.
pub(crate) struct Item<'a> {
    pub node: NodeRef<'a, Node>,
    pub el: &'a Element,
    pub parent: usize,
    /// Inside an `<a>` (its own text counts as link text).
    pub in_link: bool,
    /// Characters of direct text children.
    pub own_len: u32,
    /// Commas in direct text children.
    pub own_commas: u32,
}

impl Item<'_> {
    pub fn name(&self) -> &str {
        self.el.name()
    }
}

/// The flattened body plus a lookup from tree ids to item indices.
pub(crate) struct Arena<'a> {
    pub items: Vec<Item<'a>>,
    pub index: HashMap<NodeId, usize>,
}

/// Subtree totals for every item, given which items are alive.
#[derive(Default)]
pub(crate) struct Stats {
    /// All text characters in the subtree.
    pub total: Vec<u32>,
    /// Text characters inside links.
    pub link: Vec<u32>,
    /// Text up to the next nested block element (the "paragraph" text).
    pub inline: Vec<u32>,
    /// Link text within `inline`.
    pub inline_link: Vec<u32>,
    /// Commas within `inline`.
    pub inline_commas: Vec<u32>,
}

impl Stats {
    /// Non-link characters of item `i`.
    pub fn plain(&self, i: usize) -> u32 {
        self.total[i].saturating_sub(self.link[i])
    }

    /// Share of item `i`'s text that sits inside links (0 when empty).
    pub fn link_density(&self, i: usize) -> f64 {
        if self.total[i] == 0 { 0.0 } else { f64::from(self.link[i]) / f64::from(self.total[i]) }
    }
}

impl<'a> Arena<'a> {
    /// Flattens the subtree under `root` (normally `<body>`), skipping hard
    /// junk entirely.
    pub fn build(root: NodeRef<'a, Node>) -> Self {
        let mut arena = Arena { items: Vec::new(), index: HashMap::new() };
        let mut stack: Vec<(NodeRef<'a, Node>, usize, bool)> = vec![(root, NO_PARENT, false)];
        while let Some((node, parent, in_link)) = stack.pop() {
            match node.value() {
                Node::Element(el) => {
                    if parent != NO_PARENT && junk::is_hard_junk(el) {
                        continue;
                    }
                    let idx = arena.items.len();
                    let link = in_link || el.name() == "a";
                    arena.items.push(Item { node, el, parent, in_link: link, own_len: 0, own_commas: 0 });
                    arena.index.insert(node.id(), idx);
                    for child in node.children().rev() {
                        stack.push((child, idx, link));
                    }
                }
                Node::Text(text) if parent != NO_PARENT => {
                    let item = &mut arena.items[parent];
                    let (len, commas) = measure(text);
                    item.own_len = item.own_len.saturating_add(len);
                    item.own_commas = item.own_commas.saturating_add(commas);
                }
                _ => {}
            }
        }
        arena
    }

    /// Sums statistics bottom-up over the alive items only.
    pub fn stats(&self, alive: &[bool]) -> Stats {
        let n = self.items.len();
        let mut s = Stats { total: vec![0; n], link: vec![0; n], inline: vec![0; n], inline_link: vec![0; n], inline_commas: vec![0; n] };
        for (i, item) in self.items.iter().enumerate() {
            if !alive[i] {
                continue;
            }
            s.total[i] = item.own_len;
            s.inline[i] = item.own_len;
            s.inline_commas[i] = item.own_commas;
            if item.in_link {
                s.link[i] = item.own_len;
                s.inline_link[i] = item.own_len;
            }
        }
        for i in (0..n).rev() {
            let p = self.items[i].parent;
            if !alive[i] || p == NO_PARENT {
                continue;
            }
            s.total[p] = s.total[p].saturating_add(s.total[i]);
            s.link[p] = s.link[p].saturating_add(s.link[i]);
            if !junk::is_block_tag(self.items[i].name()) {
                s.inline[p] = s.inline[p].saturating_add(s.inline[i]);
                s.inline_link[p] = s.inline_link[p].saturating_add(s.inline_link[i]);
                s.inline_commas[p] = s.inline_commas[p].saturating_add(s.inline_commas[i]);
            }
        }
        s
    }

    /// True when item `a` is `b` or one of its ancestors.
    pub fn contains(&self, a: usize, b: usize) -> bool {
        let mut cur = b;
        while cur != NO_PARENT {
            if cur == a {
                return true;
            }
            // Pre-order: an ancestor always has a smaller index.
            if cur < a {
                return false;
            }
            cur = self.items[cur].parent;
        }
        false
    }
}

/// Character count of the trimmed text and its commas (Latin and CJK forms).
fn measure(text: &str) -> (u32, u32) {
    let trimmed = text.trim();
    let mut len: u32 = 0;
    let mut commas: u32 = 0;
    for c in trimmed.chars() {
        len = len.saturating_add(1);
        if matches!(c, ',' | '，' | '、') {
            commas = commas.saturating_add(1);
        }
    }
    (len, commas)
}
