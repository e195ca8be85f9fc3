//! The legend above the map: its title, pass mark and scores, and the key to its colours.

use std::fmt::Write as _;

use super::words::Words;
use super::{HIGHLIGHT, TEXT_SIZE};
use crate::explore::Exploration;
use crate::glyphs::text_width;
use crate::i18n::Value;
use crate::map::ReplyKind;
use crate::map::cohort::Cohort;
use crate::markup::escape;
use crate::scenario::Scenario;

/// The legend: title, pass mark and scores, and a key of what the colours and strokes
/// mean. Returns the drawing, its height and its width.
pub(super) fn legend(
    scenario: &Scenario,
    report: &Exploration,
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
