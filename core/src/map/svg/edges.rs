//! The reply arrows: their paths (forward through the layout's bends, or looping back under
//! the boxes), where they fan out from and into each box, and their numbered pills.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::words::{condition_words, reply_title};
use super::{Drawing, HIGHLIGHT};
use crate::glyphs::text_width;
use crate::map::layout::{Placed, Rect};
use crate::map::{Arrow, ReplyKind};
use crate::markup::escape;
use crate::scenario::{Scenario, Target};

/// Draws every arrow into `s` (its path and tooltip) and returns their numbered pills, to be
/// drawn on top of the boxes. `shift` moves the layout's bends as its boxes were moved.
pub(super) fn draw_arrows(
    s: &mut String,
    drawing: &Drawing,
    all: &[Arrow],
    placed: &Placed,
    boxes: &[Rect],
    (shift_x, top): (f64, f64),
) -> String {
    let scenario = drawing.scenario;
    let catalogue = drawing.catalogue;
    let words = &drawing.words;
    let cohort = drawing.cohort;
    let p = drawing.p;
    let case_rtl = drawing.case_rtl;
    let lang = words.lang;
    let node = |t: Target| drawing.node(t);
    let mut labels = String::new();
    s.push_str("<g class=\"arrows\" fill=\"none\">\n");
    let starts = spread(all, boxes, &node, true);
    let ends = spread(all, boxes, &node, false);
    for (i, arrow) in all.iter().enumerate() {
        let from = boxes[arrow.beat];
        let to_id = node(arrow.to);
        let to = boxes[to_id];
        let beat = &scenario.beats[arrow.beat];
        let reply = &beat.replies[arrow.reply];
        let forward = placed.column[to_id] > placed.column[arrow.beat];
        let (d, label_at) = if forward {
            let start = (if case_rtl { from.x } else { from.right() }, starts[i]);
            let end = (if case_rtl { to.right() } else { to.x }, ends[i]);
            let mut points = vec![start];
            if let Some(bends) = placed.bends.get(&(arrow.beat, to_id)) {
                points.extend(bends.iter().map(|(x, y)| (x + shift_x, y + top)));
            }
            points.push(end);
            curve(&points)
        } else {
            // Back to an earlier column, or within one: a loop under the two boxes.
            let depth = from.bottom().max(to.bottom()) + 48.0 + 12.0 * (i % 3) as f64;
            let (sx, sy) = (from.x + from.w * 0.6, from.bottom());
            let (tx, ty) = (to.x + to.w * 0.4, to.bottom());
            (
                format!("M{sx:.1},{sy:.1} C{sx:.1},{depth:.1} {tx:.1},{depth:.1} {tx:.1},{ty:.1}"),
                // The curve's lowest point (t = 0.5).
                ((sx + tx) / 2.0, 0.125 * (sy + ty) + 0.75 * depth),
            )
        };
        let times = cohort.map(|c| c.times(&beat.id, arrow.reply));
        let stroke = match cohort {
            Some(c) => c.width(&beat.id, arrow.reply),
            None if arrow.best => 3.5,
            None => 1.5,
        };
        let tempting = cohort
            .and_then(|c| c.most_chosen_wrong.as_ref())
            .is_some_and(|(b, r)| *b == beat.id && *r == arrow.reply);
        let _ = write!(
            s,
            "<g class=\"arrow{}{}\" data-beat=\"{}\" data-reply=\"{}\" data-to=\"{}\" data-kind=\"{}\"{}>",
            if arrow.best { " best" } else { "" },
            if arrow.never_passes {
                " never-passes"
            } else {
                ""
            },
            escape(&beat.id),
            arrow.reply + 1,
            escape(&target_id(scenario, arrow.to)),
            kind_name(arrow.kind),
            times.map_or(String::new(), |n| format!(" data-chosen=\"{n}\"")),
        );
        let _ = write!(
            s,
            "<title>{}</title>",
            escape(&reply_title(arrow, reply, catalogue, words, times))
        );
        if arrow.best {
            let _ = write!(
                s,
                "<path d=\"{d}\" stroke=\"{HIGHLIGHT}\" stroke-width=\"{:.1}\" stroke-linecap=\"round\"/>",
                stroke + 7.0
            );
        }
        let _ = writeln!(
            s,
            "<path d=\"{d}\" stroke=\"{}\" stroke-width=\"{stroke:.1}\"{} marker-end=\"url(#{p}head-{})\"/></g>",
            arrow.kind.colour(),
            if arrow.never_passes {
                " stroke-dasharray=\"7 5\""
            } else {
                ""
            },
            kind_name(arrow.kind)
        );
        let mut label = (arrow.reply + 1).to_string();
        if let Some(c) = arrow.when {
            let _ = write!(label, " · {}", condition_words(c, words));
        }
        if let (Some(n), Some(c)) = (times, cohort) {
            let _ = write!(
                label,
                " · {}%",
                (100.0 * n as f64 / c.calls.max(1) as f64).round()
            );
        }
        if tempting {
            label = format!("! {label}");
        }
        labels.push_str(&pill(
            &label,
            label_at,
            arrow.kind.colour(),
            tempting,
            lang.is_rtl(),
        ));
    }
    s.push_str("</g>\n");
    labels
}

pub(super) fn kind_name(kind: ReplyKind) -> &'static str {
    match kind {
        ReplyKind::Right => "right",
        ReplyKind::Mixed => "mixed",
        ReplyKind::Wrong => "wrong",
        ReplyKind::Neutral => "neutral",
    }
}

fn target_id(scenario: &Scenario, target: Target) -> String {
    match target {
        Target::Beat(b) => scenario.beats[b].id.clone(),
        Target::Ending(e) => scenario.endings[e].id.clone(),
    }
}

/// Where each arrow leaves (or enters) its box: spread along the box's side in the order
/// of the other ends, so arrows fan out instead of starting at one point.
fn spread(
    all: &[Arrow],
    boxes: &[Rect],
    node: &dyn Fn(Target) -> usize,
    leaving: bool,
) -> Vec<f64> {
    let mut by_box: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, a) in all.iter().enumerate() {
        let at = if leaving { a.beat } else { node(a.to) };
        by_box.entry(at).or_default().push(i);
    }
    let mut y = vec![0.0; all.len()];
    for (at, mut list) in by_box {
        let other = |i: usize| {
            let a = &all[i];
            let o = if leaving { node(a.to) } else { a.beat };
            boxes[o].centre_y()
        };
        list.sort_by(|a, b| other(*a).total_cmp(&other(*b)).then(a.cmp(b)));
        let rect = boxes[at];
        let n = list.len() as f64;
        for (k, i) in list.into_iter().enumerate() {
            y[i] = rect.y + rect.h * (k as f64 + 1.0) / (n + 1.0);
        }
    }
    y
}

/// A smooth path through `points`, leaving and entering each horizontally, and the point
/// where its number sits (on the first stretch, past the fan-out).
fn curve(points: &[(f64, f64)]) -> (String, (f64, f64)) {
    let mut d = format!("M{:.1},{:.1}", points[0].0, points[0].1);
    for pair in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let mid = (x0 + x1) / 2.0;
        let _ = write!(d, " C{mid:.1},{y0:.1} {mid:.1},{y1:.1} {x1:.1},{y1:.1}");
    }
    let ((x0, y0), (x1, y1)) = (points[0], points[1]);
    // The cubic above at t = 0.4.
    let t: f64 = 0.4;
    let mid = (x0 + x1) / 2.0;
    let bez = |p0: f64, p1: f64, p2: f64, p3: f64| {
        let u = 1.0 - t;
        u * u * u * p0 + 3.0 * u * u * t * p1 + 3.0 * u * t * t * p2 + t * t * t * p3
    };
    (d, (bez(x0, mid, mid, x1), bez(y0, y0, y1, y1)))
}

/// How far the loops of backward arrows reach below the boxes.
pub(super) fn loop_depth(all: &[Arrow], placed: &Placed, node: &dyn Fn(Target) -> usize) -> f64 {
    let backward = all
        .iter()
        .any(|a| placed.column[node(a.to)] <= placed.column[a.beat]);
    if backward { 84.0 } else { 0.0 }
}

/// An arrow's number in a small white pill with the arrow's colour as its border.
fn pill(label: &str, (x, y): (f64, f64), colour: &str, strong: bool, rtl: bool) -> String {
    let w = text_width(label, 11.0, true) + 10.0;
    format!(
        "<g class=\"number\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"16\" rx=\"8\" fill=\"{}\" stroke=\"{colour}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"{}\" direction=\"{}\">{}</text></g>\n",
        x - w / 2.0,
        y - 8.0,
        if strong { colour } else { "#ffffff" },
        y + 4.0,
        if strong { "#ffffff" } else { colour },
        if rtl { "rtl" } else { "ltr" },
        escape(label)
    )
}
