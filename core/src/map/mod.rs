//! A case's map: every beat, every reply as an arrow to where it leads, every ending, with
//! `explore`'s figures on it (the best path bold, replies on no passing path dashed, beats
//! no path enters flagged), written as Graphviz DOT for a trainer's own tools
//! (`hold-the-line map CASE --format dot`).

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::engine::script;
use crate::explore::Report;
use crate::guidance::Catalogue;
use crate::scenario::{Condition, Line, Reply, Scenario, Target};

/// What a reply teaches, as its arrow's colour says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyKind {
    /// Follows rules and breaks none.
    Right,
    /// Follows some and breaks some.
    Mixed,
    /// Breaks rules and follows none.
    Wrong,
    /// Tagged with no rule.
    Neutral,
}

impl ReplyKind {
    pub fn of(reply: &Reply) -> ReplyKind {
        match (reply.follows.is_empty(), reply.breaks.is_empty()) {
            (false, true) => ReplyKind::Right,
            (false, false) => ReplyKind::Mixed,
            (true, false) => ReplyKind::Wrong,
            (true, true) => ReplyKind::Neutral,
        }
    }

    fn colour(self) -> &'static str {
        match self {
            ReplyKind::Right => "#2e7d32",
            ReplyKind::Mixed => "#ef6c00",
            ReplyKind::Wrong => "#c62828",
            ReplyKind::Neutral => "#616161",
        }
    }
}

/// One arrow of the map: a reply (or one of its branches) from its beat to where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrow {
    pub beat: usize,
    /// 0-based; the map labels it 1-based, as `play` numbers it.
    pub reply: usize,
    pub to: Target,
    /// The branch condition this arrow takes, None for the reply's `next`.
    pub when: Option<Condition>,
    pub kind: ReplyKind,
    /// On the best path explore found.
    pub best: bool,
    /// On no passing path.
    pub never_passes: bool,
}

/// Every arrow of a case, in beat and reply order (a reply's branches before its `next`).
pub fn arrows(scenario: &Scenario, catalogue: &Catalogue, report: &Report) -> Vec<Arrow> {
    let best: HashSet<(usize, usize)> = report
        .best
        .as_ref()
        .map(|path| {
            let (call, _) = script::run(scenario, catalogue, 1, &path.steps);
            call.choices().iter().map(|c| (c.beat, c.reply)).collect()
        })
        .unwrap_or_default();
    let dead: HashSet<(&str, usize)> = report
        .never_worth_choosing
        .iter()
        .map(|r| (r.beat.as_str(), r.number - 1))
        .collect();
    let mut out = Vec::new();
    for (b, beat) in scenario.beats.iter().enumerate() {
        for (r, reply) in beat.replies.iter().enumerate() {
            let on_best = best.contains(&(b, r));
            let never_passes = dead.contains(&(beat.id.as_str(), r));
            let kind = ReplyKind::of(reply);
            for (when, to) in reply
                .branches
                .iter()
                .map(|(c, t)| (Some(*c), *t))
                .chain(std::iter::once((None, reply.next)))
            {
                out.push(Arrow {
                    beat: b,
                    reply: r,
                    to,
                    when,
                    kind,
                    best: on_best,
                    never_passes,
                });
            }
        }
    }
    out
}

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

/// The first words of a beat's first spoken line, for its box.
fn first_words(lines: &[Line], most: usize) -> String {
    let Some(text) = lines.iter().find_map(|l| match l {
        Line::Speech { variants, .. } => variants.first(),
        Line::Pause(_) => None,
    }) else {
        return String::new();
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > most {
        format!("{} …", words[..most].join(" "))
    } else {
        words.join(" ")
    }
}

fn condition(c: Condition) -> String {
    match c {
        Condition::TrustAtLeast(n) => format!("trust ≥ {n}"),
        Condition::TrustBelow(n) => format!("trust < {n}"),
        Condition::AngerAtLeast(n) => format!("anger ≥ {n}"),
        Condition::AngerBelow(n) => format!("anger < {n}"),
        Condition::PatienceAtLeast(n) => format!("patience ≥ {n}"),
        Condition::PatienceBelow(n) => format!("patience < {n}"),
    }
}

fn node(target: Target) -> String {
    match target {
        Target::Beat(b) => format!("b{b}"),
        Target::Ending(e) => format!("e{e}"),
    }
}

/// The case as Graphviz DOT: beats as boxes, endings as rounded boxes (green when they can
/// pass), replies as numbered arrows coloured by what they teach, the best path bold,
/// replies on no passing path dashed, beats no path enters outlined in red, and a legend
/// with the pass mark and the best and worst scores. Arabic and Hebrew cases run right to
/// left.
pub fn dot(scenario: &Scenario, catalogue: &Catalogue, report: &Report) -> String {
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
