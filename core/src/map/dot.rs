//! The map as Graphviz DOT, for a trainer's own tools (`map --format dot`).

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{arrows, condition, first_words, node};
use crate::explore::Exploration;
use crate::guidance::Catalogue;
use crate::scenario::Scenario;

/// Text inside a DOT double-quoted string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The case as Graphviz DOT: beats as boxes, endings as rounded boxes (green when they can
/// pass), replies as numbered arrows coloured by what they teach, the best path bold,
/// replies on no passing path dashed, beats no path enters outlined in red, and a legend
/// with the pass mark and the best and worst scores. Arabic and Hebrew cases run right to
/// left.
pub fn dot(scenario: &Scenario, catalogue: &Catalogue, report: &Exploration) -> String {
    let rtl = crate::i18n::Lang::parse(&scenario.language).is_some_and(crate::i18n::Lang::is_rtl);
    let mut s = String::new();
    let _ = writeln!(s, "digraph {} {{", quoted(&scenario.id));
    let _ = writeln!(
        s,
        "  graph [rankdir={}, fontname=\"Noto Sans\", labelloc=t, label={}];",
        if rtl { "RL" } else { "LR" },
        quoted(&format!("{} ({})", scenario.title, scenario.id))
    );
    let _ = writeln!(
        s,
        "  node [fontname=\"Noto Sans\", shape=box, style=\"rounded\"];\n  edge [fontname=\"Noto Sans\"];"
    );
    let never: HashSet<&str> = report
        .beats_never_entered
        .iter()
        .map(String::as_str)
        .collect();
    for (b, beat) in scenario.beats.iter().enumerate() {
        let unreached = never.contains(beat.id.as_str());
        let words = first_words(&beat.lines, 6);
        let mut label = if words.is_empty() {
            // A beat with no lines: the agent speaks first (the greeting).
            format!("{}\n(the agent speaks first)", beat.id)
        } else {
            format!("{}\n{words}", beat.id)
        };
        if unreached {
            label.push_str("\n(no path enters it)");
        }
        let _ = writeln!(
            s,
            "  b{b} [label={}{}{}];",
            quoted(&label),
            if b == scenario.start {
                ", penwidth=2"
            } else {
                ""
            },
            if unreached {
                ", color=\"#c62828\", style=\"rounded,dashed\""
            } else {
                ""
            }
        );
    }
    for (e, ending) in scenario.endings.iter().enumerate() {
        let passes = ending.kind.settles();
        let _ = writeln!(
            s,
            "  e{e} [label={}, shape=box, style=\"rounded,filled\", fillcolor=\"{}\"];",
            quoted(&format!("{}\n{}", ending.id, ending.kind.keyword())),
            if passes { "#c8e6c9" } else { "#eeeeee" }
        );
    }
    for arrow in arrows(scenario, catalogue, report) {
        let mut label = (arrow.reply + 1).to_string();
        if let Some(c) = arrow.when {
            let _ = write!(label, " if {}", condition(c));
        }
        let mut style = Vec::new();
        if arrow.never_passes {
            style.push("dashed");
        }
        if arrow.when.is_some() {
            style.push("dotted");
        }
        let _ = writeln!(
            s,
            "  b{} -> {} [label={}, color=\"{}\", fontcolor=\"{}\", penwidth={}{}];",
            arrow.beat,
            node(arrow.to),
            quoted(&label),
            arrow.kind.colour(),
            arrow.kind.colour(),
            if arrow.best { 3 } else { 1 },
            if style.is_empty() {
                String::new()
            } else {
                format!(", style=\"{}\"", style.join(","))
            }
        );
    }
    let score = |p: &Option<crate::explore::PathResult>| {
        p.as_ref().map_or("-".into(), |p| p.score.to_string())
    };
    let _ = writeln!(
        s,
        "  legend [shape=note, label={}];",
        quoted(&format!(
            "pass mark {}\nbest {}, worst {}{}\nbold: the best path; dashed: on no passing path\ngreen: right; orange: mixed; red: wrong",
            scenario.pass_mark,
            score(&report.best),
            score(&report.worst),
            if report.partial {
                " (explored in part)"
            } else {
                ""
            }
        ))
    );
    s.push_str("}\n");
    s
}
