//! The network figure: the strongest nodes, laid out by [`crate::layout`], coloured by type and
//! sized by weight.

use std::collections::{BTreeSet, HashMap};

use crate::escape::esc;
use crate::fmt::n;
use crate::layout::force_layout;
use crate::model::{NetNode, Network};
use crate::svg::{self, Embed};

const W: f64 = 960.0;
const H: f64 = 640.0;
const MARGIN: f64 = 70.0;
/// Fixed so that one graph always gets one picture.
const SEED: u64 = 0x006e_6578_7573;
const ITERATIONS: usize = 400;

/// The nodes drawn: the `max_nodes` heaviest (ties by id), in id order.
pub fn selected(net: &Network, max_nodes: usize) -> Vec<&NetNode> {
    let mut v: Vec<&NetNode> = net.nodes.iter().collect();
    v.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.id.cmp(&b.id)));
    let mut seen = BTreeSet::new();
    v.retain(|node| seen.insert(node.id.as_str()));
    v.truncate(max_nodes);
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

pub fn render(net: &Network, max_nodes: usize, embed: Embed) -> String {
    let nodes = selected(net, max_nodes);
    let index: HashMap<&str, usize> = nodes.iter().enumerate().map(|(i, node)| (node.id.as_str(), i)).collect();
    let mut edges: Vec<(usize, usize, f64, &str)> = Vec::new();
    for e in &net.edges {
        if let (Some(&a), Some(&b)) = (index.get(e.source.as_str()), index.get(e.target.as_str()))
            && a != b
        {
            edges.push((a, b, e.weight, &e.label));
        }
    }
    edges.sort_by(|x, y| (x.0, x.1, x.3).cmp(&(y.0, y.1, y.3)));
    let simple: Vec<(usize, usize, f64)> = edges.iter().map(|&(a, b, w, _)| (a, b, w)).collect();
    let pos = force_layout(nodes.len(), &simple, SEED, ITERATIONS);
    let at = |i: usize| (MARGIN + pos[i].0 * (W - 2.0 * MARGIN), MARGIN * 0.6 + pos[i].1 * (H - 1.6 * MARGIN));

    let mut out = String::new();
    svg::open(&mut out, W, H, "Network of actors, places and goods", embed);
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n");
    if nodes.is_empty() {
        svg::label(&mut out, W / 2.0, H / 2.0, "middle", 14.0, "No relations to draw.");
        svg::close(&mut out);
        return out;
    }
    let max_w = nodes.iter().map(|node| node.weight).fold(0.0f64, f64::max).max(1e-9);
    let radius = |node: &NetNode| 5.0 + 13.0 * (node.weight.max(0.0) / max_w).sqrt();

    out.push_str("<g stroke=\"#7f8c8d\" stroke-opacity=\"0.55\" fill=\"none\">\n");
    for &(a, b, w, label) in &edges {
        let ((x1, y1), (x2, y2)) = (at(a), at(b));
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"><title>{} — {} — {}</title></line>\n",
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            n(1.0 + 1.5 * (1.0 + w.max(0.0)).ln()),
            esc(&nodes[a].label),
            esc(label),
            esc(&nodes[b].label)
        ));
    }
    out.push_str("</g>\n");
    for (i, node) in nodes.iter().enumerate() {
        let (x, y) = at(i);
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1.5\"><title>{} ({})</title></circle>\n",
            n(x),
            n(y),
            n(radius(node)),
            svg::kind_colour(&node.kind),
            esc(&node.label),
            esc(&svg::human_kind(&node.kind))
        ));
    }
    let mut labels = svg::Labels::new(W, H);
    for (i, node) in nodes.iter().enumerate() {
        let (x, y) = at(i);
        labels.block(x, y, radius(node));
    }
    // Heavier nodes choose their label's spot first.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| nodes[b].weight.total_cmp(&nodes[a].weight).then(a.cmp(&b)));
    for i in order {
        let (x, y) = at(i);
        labels.place(&mut out, x, y, radius(nodes[i]), 12.0, &nodes[i].label);
    }
    let kinds: BTreeSet<&str> = nodes.iter().map(|node| node.kind.as_str()).collect();
    let items: Vec<(String, &str)> = kinds.iter().map(|k| (svg::human_kind(k), svg::kind_colour(k))).collect();
    svg::legend(&mut out, 10.0, H - 10.0 - 18.0 * items.len() as f64, &items);
    svg::close(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NetEdge;

    fn net() -> Network {
        let node =
            |id: &str, w: f64| NetNode { id: id.into(), label: id.to_uppercase(), kind: "criminal_org".into(), weight: w, community: None };
        Network {
            nodes: vec![node("b", 3.0), node("a", 5.0), node("c", 1.0), node("d", 1.0)],
            edges: vec![NetEdge { source: "a".into(), target: "b".into(), label: "allied with".into(), weight: 2.0 }],
        }
    }

    #[test]
    fn caps_by_weight_and_is_deterministic() {
        let g = net();
        let ids: Vec<&str> = selected(&g, 3).iter().map(|node| node.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let mut reordered = net();
        reordered.nodes.reverse();
        assert_eq!(render(&net(), 3, Embed::Inline), render(&reordered, 3, Embed::Inline));
        assert!(!render(&net(), 3, Embed::Inline).contains(">D<"));
    }
}
