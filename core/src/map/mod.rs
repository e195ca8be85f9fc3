//! A case's map: every beat, every reply as an arrow to where it leads, every ending, with
//! `explore`'s figures on it (the best path bold, replies on no passing path dashed, beats
//! no path enters flagged) and, in the trainer report, how a cohort played it.
//!
//! `arrows` is the one reading of the case both drawings share; `svg` draws it (laid out by
//! `layout`), `dot` writes it as Graphviz DOT for a trainer's own tools.

mod cohort;
mod dot;
pub mod layout;
pub mod on_disk;
mod svg;

pub use cohort::Cohort;
pub use dot::dot;
pub use svg::{SvgOptions, svg};

use std::collections::HashSet;

use crate::engine::script;
use crate::explore::Exploration;
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

    pub(crate) fn colour(self) -> &'static str {
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
pub fn arrows(scenario: &Scenario, catalogue: &Catalogue, report: &Exploration) -> Vec<Arrow> {
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

/// The first words of a beat's first spoken line, for its box.
pub(crate) fn first_words(lines: &[Line], most: usize) -> String {
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

pub(crate) fn condition(c: Condition) -> String {
    match c {
        Condition::TrustAtLeast(n) => format!("trust ≥ {n}"),
        Condition::TrustBelow(n) => format!("trust < {n}"),
        Condition::AngerAtLeast(n) => format!("anger ≥ {n}"),
        Condition::AngerBelow(n) => format!("anger < {n}"),
        Condition::PatienceAtLeast(n) => format!("patience ≥ {n}"),
        Condition::PatienceBelow(n) => format!("patience < {n}"),
    }
}

pub(crate) fn node(target: Target) -> String {
    match target {
        Target::Beat(b) => format!("b{b}"),
        Target::Ending(e) => format!("e{e}"),
    }
}
