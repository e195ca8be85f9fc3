//! The map as one self-contained SVG: beats as boxes (their id and the customer's first
//! words), endings as filled boxes (green when they can pass), replies as numbered arrows
//! coloured by what they teach, explore's best path highlighted, replies on no passing path
//! dashed, beats no path enters outlined in red, and a legend in the reader's language.
//! With a cohort, each arrow is as wide as the share of calls that took it and the wrong
//! reply chosen most is marked.
//!
//! Every element a test or a reader needs is named: `g.beat#beat-ID`, `g.ending#ending-ID`,
//! `g.arrow` with `data-beat`, `data-reply` (1-based), `data-to` and, with a cohort,
//! `data-chosen`. The text names the shipped Noto faces, so every glyph draws where they
//! are installed (the package installs them; see `assets/fonts/README.md`).
//!
//! The drawing is shared out by job: `text` says what each box holds, `boxes` draws them,
//! `edges` draws the reply arrows and their numbers, `legend` the key above the map, and
//! `words` puts the tooltips in the reader's language.

mod boxes;
mod edges;
mod legend;
mod text;
mod words;

use std::fmt::Write as _;

use super::cohort::Cohort;
use super::layout::{Rect, place};
use super::{ReplyKind, arrows};
use crate::explore::Exploration;
use crate::guidance::Catalogue;
use crate::i18n::{Lang, Messages};
use crate::markup::escape;
use crate::scenario::{Scenario, Target};
use boxes::draw_boxes;
use edges::{draw_arrows, kind_name, loop_depth};
use legend::legend;
use text::{BoxText, box_texts};
use words::Words;

const FONT: &str = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', sans-serif";
const MARGIN: f64 = 24.0;
const PAD: f64 = 8.0;
const ID_SIZE: f64 = 13.0;
const TEXT_SIZE: f64 = 12.0;
const LINE: f64 = 16.0;
const BOX_MIN: f64 = 120.0;
const WRAP: f64 = 200.0;
const HIGHLIGHT: &str = "#ffe082";

/// What every part of the drawing reads: the case, the reader's words and what the map marks.
struct Drawing<'a> {
    scenario: &'a Scenario,
    catalogue: &'a Catalogue,
    words: Words<'a>,
    cohort: Option<&'a Cohort>,
    /// Put before every id in the drawing.
    p: &'a str,
    /// The case reads right to left.
    case_rtl: bool,
    /// The beats no path enters.
    never: Vec<&'a str>,
}

impl Drawing<'_> {
    /// The box a target is drawn in: beats first, then endings.
    fn node(&self, t: Target) -> usize {
        match t {
            Target::Beat(b) => b,
            Target::Ending(e) => self.scenario.beats.len() + e,
        }
    }
}

/// How to draw a map.
#[derive(Debug, Clone, Copy)]
pub struct SvgOptions<'a> {
    /// The language of the legend, the endings' kinds and the tooltips.
    pub lang: Lang,
    /// How a group played the case: arrows as wide as their share of its calls.
    pub cohort: Option<&'a Cohort>,
    /// Put before every id in the drawing, so several maps can share one HTML page.
    pub id_prefix: &'a str,
}

impl SvgOptions<'_> {
    /// A map on its own, worded in the case's own language (English for a tag the game
    /// does not speak): what `map`, `map --all` and the hot reload draw.
    pub fn for_case(scenario: &Scenario) -> SvgOptions<'static> {
        SvgOptions::plain(Lang::parse(&scenario.language).unwrap_or(Lang::En))
    }

    /// A map on its own, in `lang`.
    pub fn plain(lang: Lang) -> SvgOptions<'static> {
        SvgOptions {
            lang,
            cohort: None,
            id_prefix: "",
        }
    }
}

/// The case's map as SVG.
pub fn svg(
    scenario: &Scenario,
    catalogue: &Catalogue,
    report: &Exploration,
    options: SvgOptions,
) -> String {
    let SvgOptions {
        lang,
        cohort,
        id_prefix: p,
    } = options;
    let drawing = Drawing {
        scenario,
        catalogue,
        words: Words {
            messages: Messages::plain(),
            lang,
        },
        cohort,
        p,
        case_rtl: Lang::parse(&scenario.language).is_some_and(Lang::is_rtl),
        never: report
            .beats_never_entered
            .iter()
            .map(String::as_str)
            .collect(),
    };
    let case_rtl = drawing.case_rtl;

    // What each box says.
    let texts = box_texts(&drawing);
    let node = |t: Target| drawing.node(t);

    // Where the boxes go.
    let all = arrows(scenario, catalogue, report);
    let edges: Vec<(usize, usize)> = all.iter().map(|a| (a.beat, node(a.to))).collect();
    let sizes: Vec<(f64, f64)> = texts.iter().map(BoxText::size).collect();
    let placed = place(&sizes, &edges, case_rtl);

    // The legend, above the map.
    let legend = legend(scenario, report, &drawing.words, cohort);
    let legend_height = legend.1;
    let top = MARGIN + legend_height + 16.0;
    let below = loop_depth(&all, &placed, &node);
    let width = (placed.width + 2.0 * MARGIN)
        .max(legend.2 + 2.0 * MARGIN)
        .ceil();
    let height = (top + placed.height + below + MARGIN).ceil();
    // Right to left: the whole map hangs from the right edge.
    let shift_x = if case_rtl {
        width - MARGIN - placed.width
    } else {
        MARGIN
    };
    let offset = |r: Rect| Rect {
        x: r.x + shift_x,
        y: r.y + top,
        ..r
    };
    let boxes: Vec<Rect> = placed.boxes.iter().map(|r| offset(*r)).collect();

    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\" font-size=\"{TEXT_SIZE}\" role=\"img\" aria-labelledby=\"{p}map-title\" lang=\"{}\" direction=\"ltr\">",
        lang.code(),
    );
    let _ = writeln!(
        s,
        "<title id=\"{p}map-title\">{}</title>",
        escape(&format!("{} ({})", scenario.title, scenario.id))
    );
    // Pointing at a beat dims every arrow but the ones that leave or enter it, so a trainer
    // can follow one moment's replies through a busy case (in a browser; a picture in an
    // <img> stays as drawn).
    s.push_str("<style>\n");
    for beat in &scenario.beats {
        let id = escape(&beat.id);
        let _ = writeln!(
            s,
            "svg:has(#{p}beat-{id}:hover) g.arrow:not([data-beat=\"{id}\"]):not([data-to=\"{id}\"]) {{ opacity: 0.12; }}"
        );
    }
    s.push_str("</style>\n<defs>\n");
    for kind in [
        ReplyKind::Right,
        ReplyKind::Mixed,
        ReplyKind::Wrong,
        ReplyKind::Neutral,
    ] {
        let _ = writeln!(
            s,
            "<marker id=\"{p}head-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
            kind_name(kind),
            kind.colour()
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(
        s,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    // The legend hangs from the reading edge of its language.
    let legend_x = if lang.is_rtl() {
        width - MARGIN - legend.2
    } else {
        MARGIN
    };
    let _ = writeln!(
        s,
        "<g class=\"legend\" transform=\"translate({legend_x:.1},{MARGIN:.1})\">\n{}</g>",
        legend.0
    );

    // Arrows under the boxes; their numbers on top of both.
    let labels = draw_arrows(&mut s, &drawing, &all, &placed, &boxes, (shift_x, top));

    // Boxes.
    draw_boxes(&mut s, &drawing, &texts, &boxes);
    let _ = writeln!(s, "<g class=\"labels\">\n{labels}</g>");
    s.push_str("</svg>\n");
    s
}
