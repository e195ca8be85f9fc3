//! Reachability: unreachable beats and endings, beats that cannot reach any ending, and
//! whether any path settles the call. Conditions are ignored here (every branch counts as
//! possible); `explore` plays the meters out to see which paths really open.

use std::collections::{HashSet, VecDeque};

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::model::{Scenario, Target};
use super::checker::{Checker, Step::*};

/// Which beats and endings a path from the start reaches.
struct Reached {
    beats: Vec<bool>,
    endings: Vec<bool>,
}

pub(super) fn check(c: &mut Checker, s: &Scenario) {
    let reached = reach(s);
    unreachable(c, s, &reached);
    no_way_out(c, s, &reached);
    resolution(c, s, &reached);
}

/// Breadth first from the start; the engine can also end the call at the anger or
/// patience limit.
fn reach(s: &Scenario) -> Reached {
    let mut seen = vec![false; s.beats.len()];
    let mut ending_seen = vec![false; s.endings.len()];
    let mut queue = VecDeque::from([s.start]);
    seen[s.start] = true;
    while let Some(b) = queue.pop_front() {
        for reply in &s.beats[b].replies {
            for target in reply.targets() {
                match target {
                    Target::Beat(next) if !seen[next] => {
                        seen[next] = true;
                        queue.push_back(next);
                    }
                    Target::Ending(e) => ending_seen[e] = true,
                    _ => {}
                }
            }
        }
    }
    ending_seen[s.customer.temperament.at_limit] = true;
    ending_seen[s.customer.temperament.out_of_patience] = true;
    Reached {
        beats: seen,
        endings: ending_seen,
    }
}

/// A warning for each beat, then each ending, that no path reaches.
fn unreachable(c: &mut Checker, s: &Scenario, reached: &Reached) {
    let beats = s.beats.iter().map(|b| b.id.as_str());
    never_reached(c, "beat", "beats", beats, &reached.beats);
    let endings = s.endings.iter().map(|e| e.id.as_str());
    never_reached(c, "ending", "endings", endings, &reached.endings);
}

fn never_reached<'s>(
    c: &mut Checker,
    what: &str,
    field: &'static str,
    ids: impl Iterator<Item = &'s str>,
    seen: &[bool],
) {
    for (i, id) in ids.enumerate() {
        if !seen[i] {
            let span = c.at(&[Field(field), Key(i)]);
            c.push(
                Diagnostic::warning(
                    Code::Unreachable,
                    format!("{what} \"{id}\" can never be reached"),
                    span,
                )
                .label("no reply leads here")
                .help("point a reply's `next` at it, or remove it"),
            );
        }
    }
}

/// Beats from which no ending can be reached: the call would go round for ever.
fn no_way_out(c: &mut Checker, s: &Scenario, reached: &Reached) {
    let can_end = can_end(s);
    for (b, beat) in s.beats.iter().enumerate() {
        if reached.beats[b] && !can_end[b] && !beat.replies.is_empty() {
            let span = c.at(&[Field("beats"), Key(b)]);
            c.push(
                Diagnostic::error(Code::NoWayOut, format!("from beat \"{}\" no ending can be reached", beat.id), span)
                    .label("every reply leads back into the conversation")
                    .help("give one of the replies here, or in the beats it leads to, an ending as `next`"),
            );
        }
    }
}

/// For each beat, whether some path from it reaches an ending (a fixed point, growing
/// backwards from the replies that lead straight to one).
fn can_end(s: &Scenario) -> Vec<bool> {
    let mut can_end = vec![false; s.beats.len()];
    loop {
        let mut changed = false;
        for (b, beat) in s.beats.iter().enumerate() {
            if can_end[b] {
                continue;
            }
            let reaches = beat
                .replies
                .iter()
                .flat_map(|r| r.targets())
                .any(|t| match t {
                    Target::Ending(_) => true,
                    Target::Beat(next) => can_end[next],
                });
            if reaches {
                can_end[b] = true;
                changed = true;
            }
        }
        if !changed {
            return can_end;
        }
    }
}

/// Some reachable reply must lead to an ending, and one such ending must settle the call.
fn resolution(c: &mut Checker, s: &Scenario, reached: &Reached) {
    let reply_endings: HashSet<usize> = s
        .beats
        .iter()
        .enumerate()
        .filter(|(b, _)| reached.beats[*b])
        .flat_map(|(_, beat)| beat.replies.iter().flat_map(|r| r.targets()))
        .filter_map(|t| match t {
            Target::Ending(e) => Some(e),
            Target::Beat(_) => None,
        })
        .collect();
    if reply_endings.is_empty() && s.beats.iter().any(|b| !b.replies.is_empty()) {
        let span = c.at(&[Field("endings")]);
        c.push(
            Diagnostic::error(
                Code::NoEndingReachable,
                "no reply leads to any ending",
                span,
            )
            .label("the call can only end by the customer giving up")
            .help("point some reply's `next` at an ending"),
        );
    } else if !reply_endings.iter().any(|&e| s.endings[e].kind.settles()) {
        let span = c.at(&[Field("endings")]);
        c.push(
            Diagnostic::error(Code::NoResolution, "no path resolves the call", span)
                .label("no reachable ending is Resolved or CallBack")
                .help("add an ending with kind: Resolved (or CallBack) and lead a reply to it"),
        );
    }
}
