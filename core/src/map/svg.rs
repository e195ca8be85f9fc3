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

use std::collections::HashMap;
use std::fmt::Write as _;

use super::cohort::Cohort;
use super::layout::{Rect, place};
use super::{Arrow, ReplyKind, arrows, first_words};
use crate::explore::Report;
use crate::glyphs::text_width;
use crate::guidance::Catalogue;
use crate::i18n::{Lang, Messages, Value, args, ending_kind_text};
use crate::markup::escape;
use crate::scenario::{Condition, Scenario, Target};

const FONT: &str = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', sans-serif";
const MARGIN: f64 = 24.0;
const PAD: f64 = 8.0;
const ID_SIZE: f64 = 13.0;
const TEXT_SIZE: f64 = 12.0;
const LINE: f64 = 16.0;
const BOX_MIN: f64 = 120.0;
const WRAP: f64 = 200.0;
const HIGHLIGHT: &str = "#ffe082";

/// Words wrapped greedily to `width` px, at most `lines` lines (an ellipsis when cut).
fn wrap(text: &str, width: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, TEXT_SIZE, false) > width && !current.is_empty() {
            out.push(std::mem::replace(&mut current, word.to_string()));
            if out.len() == lines {
                current.clear();
                if let Some(last) = out.last_mut() {
                    last.push_str(" …");
                }
                break;
            }
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// What one box says, line by line: (text, bold, colour).
struct BoxText {
    lines: Vec<(String, bool, &'static str)>,
    title: String,
}

impl BoxText {
    fn size(&self) -> (f64, f64) {
        let widest = self
            .lines
            .iter()
            .map(|(t, bold, _)| text_width(t, if *bold { ID_SIZE } else { TEXT_SIZE }, *bold))
            .fold(0.0, f64::max);
        (
            (widest + 2.0 * PAD).max(BOX_MIN).ceil(),
            (self.lines.len() as f64 * LINE + 2.0 * PAD).ceil(),
        )
    }
}

struct Words<'a> {
    messages: &'a Messages,
    lang: Lang,
}

impl Words<'_> {
    fn get(&self, id: &str) -> String {
        self.messages.get(self.lang, id)
    }

    fn with(&self, id: &str, pairs: &[(&str, Value)]) -> String {
        self.messages.text(self.lang, id, Some(&args(pairs)))
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
    report: &Report,
    options: SvgOptions,
) -> String {
    let SvgOptions {
        lang,
        cohort,
        id_prefix: p,
    } = options;
    let words = Words {
        messages: Messages::plain(),
        lang,
    };
    let case_rtl = Lang::parse(&scenario.language).is_some_and(Lang::is_rtl);
    let beats = scenario.beats.len();
    let never: Vec<&str> = report
        .beats_never_entered
        .iter()
        .map(String::as_str)
        .collect();

    // What each box says.
    let mut texts: Vec<BoxText> = Vec::new();
    for (b, beat) in scenario.beats.iter().enumerate() {
        let mut lines = Vec::new();
        let id_line = if b == scenario.start {
            format!("{} · {}", beat.id, words.get("map-start"))
        } else {
            beat.id.clone()
        };
        lines.push((id_line, true, "#263238"));
        let first = first_words(&beat.lines, 40);
        if first.is_empty() {
            lines.push((words.get("map-agent-first"), false, "#546e7a"));
        } else {
            for l in wrap(&first, WRAP, 2) {
                lines.push((l, false, "#37474f"));
            }
        }
        let unreached = never.contains(&beat.id.as_str());
        if unreached {
            lines.push((words.get("map-unreached"), false, "#b71c1c"));
        }
        texts.push(BoxText {
            lines,
            title: first,
        });
    }
    for ending in &scenario.endings {
        let kind = ending_kind_text(words.messages, lang, ending.kind);
        let verdict = words.get(if ending.kind.settles() {
            "map-ending-passes"
        } else {
            "map-ending-fails"
        });
        texts.push(BoxText {
            lines: vec![
                (ending.id.clone(), true, "#263238"),
                (kind.clone(), false, "#37474f"),
                (verdict, false, "#37474f"),
            ],
            title: kind,
        });
    }
    let node = |t: Target| match t {
        Target::Beat(b) => b,
        Target::Ending(e) => beats + e,
    };

    // Where the boxes go.
    let all = arrows(scenario, catalogue, report);
    let edges: Vec<(usize, usize)> = all.iter().map(|a| (a.beat, node(a.to))).collect();
    let sizes: Vec<(f64, f64)> = texts.iter().map(BoxText::size).collect();
    let placed = place(&sizes, &edges, case_rtl);

    // The legend, above the map.
    let legend = legend(scenario, report, &words, cohort);
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
    let mut labels = String::new();
    s.push_str("<g class=\"arrows\" fill=\"none\">\n");
    let starts = spread(&all, &boxes, &node, true);
    let ends = spread(&all, &boxes, &node, false);
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
            escape(&reply_title(arrow, reply, catalogue, &words, times))
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
            let _ = write!(label, " · {}", condition_words(c, &words));
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

    // Boxes.
    for (n, (text, rect)) in texts.iter().zip(&boxes).enumerate() {
        let (class, id, fill, stroke, dashed, stroke_width) = if n < beats {
            let beat = &scenario.beats[n];
            let unreached = never.contains(&beat.id.as_str());
            (
                "beat",
                format!("{p}beat-{}", beat.id),
                "#ffffff",
                if unreached { "#c62828" } else { "#455a64" },
                unreached,
                if n == scenario.start { 2.5 } else { 1.2 },
            )
        } else {
            let ending = &scenario.endings[n - beats];
            (
                "ending",
                format!("{p}ending-{}", ending.id),
                if ending.kind.settles() {
                    "#c8e6c9"
                } else {
                    "#eceff1"
                },
                "#607d8b",
                false,
                1.2,
            )
        };
        let _ = write!(
            s,
            "<g class=\"{class}\" id=\"{}\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"{}/>",
            escape(&id),
            escape(&text.title),
            rect.x,
            rect.y,
            rect.w,
            rect.h,
            if dashed {
                " stroke-dasharray=\"6 4\""
            } else {
                ""
            }
        );
        for (k, (line, bold, colour)) in text.lines.iter().enumerate() {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{colour}\"{}{}>{}</text>",
                rect.x + rect.w / 2.0,
                rect.y + PAD + LINE * (k as f64 + 0.75),
                if *bold {
                    format!(" font-weight=\"bold\" font-size=\"{ID_SIZE}\"")
                } else {
                    String::new()
                },
                // The page around an inline map may run the other way: say it.
                if case_rtl && !*bold {
                    " direction=\"rtl\""
                } else {
                    " direction=\"ltr\""
                },
                escape(line)
            );
        }
        s.push_str("</g>\n");
    }
    let _ = writeln!(s, "<g class=\"labels\">\n{labels}</g>");
    s.push_str("</svg>\n");
    s
}

/// A branch's condition in the reader's words: "trust < 35".
fn condition_words(c: Condition, words: &Words) -> String {
    let (meter, sign, n) = match c {
        Condition::TrustAtLeast(n) => ("meter-trust", "≥", n),
        Condition::TrustBelow(n) => ("meter-trust", "<", n),
        Condition::AngerAtLeast(n) => ("meter-anger", "≥", n),
        Condition::AngerBelow(n) => ("meter-anger", "<", n),
        Condition::PatienceAtLeast(n) => ("meter-patience", "≥", n),
        Condition::PatienceBelow(n) => ("meter-patience", "<", n),
    };
    format!("{} {sign} {n}", words.get(meter))
}

fn kind_name(kind: ReplyKind) -> &'static str {
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

/// A reply arrow's tooltip: its number and words, the rules it follows and breaks, and how
/// often the cohort chose it.
fn reply_title(
    arrow: &Arrow,
    reply: &crate::scenario::Reply,
    catalogue: &Catalogue,
    words: &Words,
    times: Option<usize>,
) -> String {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| catalogue.rule_name(words.lang, id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut title = words.with(
        "map-reply-title",
        &[
            ("number", Value::from(arrow.reply + 1)),
            ("text", Value::from(reply.text.clone())),
        ],
    );
    if !reply.follows.is_empty() {
        title.push('\n');
        title.push_str(&words.with(
            "map-follows",
            &[("rules", Value::from(names(&reply.follows)))],
        ));
    }
    if !reply.breaks.is_empty() {
        title.push('\n');
        title.push_str(&words.with(
            "map-breaks",
            &[("rules", Value::from(names(&reply.breaks)))],
        ));
    }
    if let Some(n) = times {
        title.push('\n');
        title.push_str(&words.with("map-chosen", &[("times", Value::from(n))]));
    }
    title
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
fn loop_depth(
    all: &[Arrow],
    placed: &super::layout::Placed,
    node: &dyn Fn(Target) -> usize,
) -> f64 {
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

/// The legend: title, pass mark and scores, and a key of what the colours and strokes
/// mean. Returns the drawing, its height and its width.
fn legend(
    scenario: &Scenario,
    report: &Report,
    words: &Words,
    cohort: Option<&Cohort>,
) -> (String, f64, f64) {
    let rtl = words.lang.is_rtl();
    let score = |p: &Option<crate::explore::PathResult>| {
        p.as_ref().map_or("-".to_string(), |p| p.score.to_string())
    };
    let title = format!("{} ({})", scenario.title, scenario.id);
    let mut scores = words.with(
        "map-scores",
        &[
            ("pass", Value::from(scenario.pass_mark)),
            ("best", Value::from(score(&report.best))),
            ("worst", Value::from(score(&report.worst))),
        ],
    );
    if report.partial {
        let _ = write!(scores, " ({})", words.get("map-explored-in-part"));
    }
    // Key items: (sample, words).
    let line = |colour: &str, width: f64, dash: bool, under: bool| {
        format!(
            "{}<line x1=\"0\" y1=\"0\" x2=\"28\" y2=\"0\" stroke=\"{colour}\" stroke-width=\"{width}\"{}/>",
            if under {
                format!(
                    "<line x1=\"0\" y1=\"0\" x2=\"28\" y2=\"0\" stroke=\"{HIGHLIGHT}\" stroke-width=\"{:.1}\"/>",
                    width + 7.0
                )
            } else {
                String::new()
            },
            if dash {
                " stroke-dasharray=\"7 5\""
            } else {
                ""
            }
        )
    };
    let mut items: Vec<(String, String)> = vec![
        (line(ReplyKind::Right.colour(), 2.0, false, false), words.get("map-key-right")),
        (line(ReplyKind::Mixed.colour(), 2.0, false, false), words.get("map-key-mixed")),
        (line(ReplyKind::Wrong.colour(), 2.0, false, false), words.get("map-key-wrong")),
        (line(ReplyKind::Neutral.colour(), 2.0, false, false), words.get("map-key-neutral")),
        (line("#455a64", 3.5, false, true), words.get("map-key-best")),
        (line("#455a64", 1.5, true, false), words.get("map-key-never-passes")),
        (
            "<rect x=\"0\" y=\"-7\" width=\"28\" height=\"14\" rx=\"4\" fill=\"#c8e6c9\" stroke=\"#607d8b\"/>".into(),
            words.get("map-ending-passes"),
        ),
    ];
    if let Some(c) = cohort {
        items.push((
            line("#455a64", 8.0, false, false),
            words.with("map-cohort", &[("calls", Value::from(c.calls))]),
        ));
        if c.most_chosen_wrong.is_some() {
            items.push((
                "<rect x=\"4\" y=\"-8\" width=\"20\" height=\"16\" rx=\"8\" fill=\"#c62828\"/><text x=\"14\" y=\"4\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">!</text>".into(),
                words.get("map-key-most-chosen-wrong"),
            ));
        }
    }
    let title_w = text_width(&title, 16.0, true);
    let scores_w = text_width(&scores, TEXT_SIZE, false);
    let item_w: Vec<f64> = items
        .iter()
        .map(|(_, t)| 28.0 + 6.0 + text_width(t, TEXT_SIZE, false) + 18.0)
        .collect();
    let key_w: f64 = item_w.iter().sum();
    let width = title_w.max(scores_w).max(key_w).ceil();
    // Right to left, a text's start is its right end: every line starts at the reading edge.
    let dir = if rtl { " direction=\"rtl\"" } else { "" };
    let edge = if rtl { width } else { 0.0 };
    let mut g = String::new();
    let _ = writeln!(
        g,
        "<text x=\"{edge:.1}\" y=\"16\" font-size=\"16\" font-weight=\"bold\" fill=\"#263238\"{dir}>{}</text>",
        escape(&title)
    );
    let _ = writeln!(
        g,
        "<text x=\"{edge:.1}\" y=\"38\" fill=\"#37474f\"{dir}>{}</text>",
        escape(&scores)
    );
    // The key runs in the reading direction: each item's sample, then its words.
    let mut x = 0.0;
    for ((sample, text), w) in items.iter().zip(&item_w) {
        let (sample_x, text_x) = if rtl {
            (width - x - 28.0, width - x - 34.0)
        } else {
            (x, x + 34.0)
        };
        let _ = writeln!(
            g,
            "<g transform=\"translate({sample_x:.1},58)\">{sample}</g><text x=\"{text_x:.1}\" y=\"62\" fill=\"#37474f\"{dir}>{}</text>",
            escape(text)
        );
        x += w;
    }
    (g, 70.0, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_lines_inside_the_width_and_marks_a_cut() {
        let lines = wrap(
            "I have been waiting for my parcel for two weeks and nobody can tell me where it is",
            150.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(text_width(&lines[0], TEXT_SIZE, false) <= 150.0);
    }
}
