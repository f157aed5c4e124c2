//! The briefing (issue 5): a [`ReportModel`] rendered as one self-contained HTML file or as
//! Markdown with SVG figures beside it. Figures are drawn here — network layout, map
//! projection, timeline — so the report needs no script and no network to open.
//!
//! Output is a pure function of the model and the options: no clock, no randomness beyond a
//! fixed seed, no hash-map order. Every string in the model is untrusted document text and is
//! escaped on the way out ([`escape`]).

pub mod escape;
mod fmt;
mod from_analysis;
mod geo;
mod html;
pub mod layout;
mod map;
mod markdown;
pub mod model;
mod network;
mod notes;
mod svg;
mod timeline;

pub use from_analysis::model_from;
pub use model::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// The network figure draws at most this many nodes, the heaviest.
    pub max_nodes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_nodes: 40 }
    }
}

/// The briefing as one HTML document.
pub fn html(model: &ReportModel, opts: &Options) -> String {
    html::render(model, opts)
}

/// The briefing as Markdown. With `figure_stem`, it links `{stem}.network.svg`,
/// `{stem}.routes.svg` and `{stem}.timeline.svg`, which [`figures`] returns for the caller to
/// write beside it.
pub fn markdown(model: &ReportModel, opts: &Options, figure_stem: Option<&str>) -> String {
    markdown::render(model, opts, figure_stem)
}

/// A standalone SVG figure and the suffix of its file name (`network`, `routes`, `timeline`).
pub struct Figure {
    pub name: &'static str,
    pub svg: String,
}

pub fn figures(model: &ReportModel, opts: &Options) -> Vec<Figure> {
    let events = notes::sorted_events(model);
    vec![
        Figure { name: "network", svg: network::render(&model.network, opts.max_nodes, svg::Embed::Standalone) },
        Figure { name: "routes", svg: map::render(&model.routes, svg::Embed::Standalone) },
        Figure { name: "timeline", svg: timeline::render(&events, svg::Embed::Standalone) },
    ]
}
