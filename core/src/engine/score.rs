//! The score: 0-100 from the outcome, the conduct (rules followed against rules broken,
//! each moment weighed by its rule) and the customer's mood at the end, with a breakdown a
//! trainee can read line by line.

use serde::{Deserialize, Serialize};

use super::call::{Call, EndedBy};
use super::{Millis, Verdict};
use crate::scenario::{EndingKind, Reply, Scenario};

/// Points for how the call ended (× the ending's outcome factor).
pub const OUTCOME_POINTS: f64 = 40.0;
/// Points for conduct: followed / (followed + 2 × broken), by rule weight.
pub const CONDUCT_POINTS: f64 = 40.0;
/// Points for the customer's mood at the end: low anger, high trust.
pub const MOOD_POINTS: f64 = 20.0;
/// A broken rule counts this many times its weight against the followed ones.
pub const BROKEN_FACTOR: u32 = 2;
/// And costs this many conduct points per unit of weight outright, so a mistake followed
/// by a long recovery never outscores a clean call.
pub const BROKEN_PENALTY: f64 = 2.0;

/// One time a rule was followed or broken.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moment {
    pub at: Millis,
    pub rule: String,
    pub verdict: Verdict,
    /// The beat it happened in.
    pub beat: String,
    /// The reply that followed or broke it, when it came from a reply.
    pub reply: Option<String>,
    /// What the trainee did, in words.
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Followed,
    Broken,
    /// Followed at some moments, broken at others.
    Mixed,
    NotExercised,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleResult {
    pub rule: String,
    pub summary: String,
    pub status: RuleStatus,
    pub followed: usize,
    pub broken: usize,
    pub moments: Vec<Moment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
    F,
}

impl Grade {
    pub fn of(total: u8) -> Grade {
        match total {
            90.. => Grade::A,
            80.. => Grade::B,
            70.. => Grade::C,
            60.. => Grade::D,
            _ => Grade::F,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::F => "F",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreParts {
    pub outcome: f64,
    pub conduct: f64,
    pub mood: f64,
}

/// A better reply the trainee could have chosen at a choice point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BetterReply {
    pub at: Millis,
    pub beat: String,
    pub chosen: String,
    pub better: String,
    /// Why it is better: the rules it follows that the chosen one did not, and so on.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub total: u8,
    pub grade: Grade,
    pub passed: bool,
    /// Why the call did not pass (None when it passed).
    pub not_passed: Option<String>,
    pub pass_mark: u8,
    /// The ending's id, or None while the call goes on.
    pub ending: Option<String>,
    pub outcome: Option<EndingKind>,
    pub ended_by: Option<EndedBy>,
    pub parts: ScoreParts,
    pub followed_weight: u32,
    pub broken_weight: u32,
    /// Every rule in the catalogue, in catalogue order.
    pub rules: Vec<RuleResult>,
    pub better_replies: Vec<BetterReply>,
}

/// The conduct share: 1 when nothing was broken, falling fast with each mistake.
pub fn conduct_share(followed: u32, broken: u32) -> f64 {
    let denominator = followed + BROKEN_FACTOR * broken;
    if denominator == 0 {
        0.0
    } else {
        f64::from(followed) / f64::from(denominator)
    }
}

/// Conduct points: the share of good moments, less a flat cost for each mistake.
pub fn conduct_points(followed: u32, broken: u32) -> f64 {
    (CONDUCT_POINTS * conduct_share(followed, broken) - BROKEN_PENALTY * f64::from(broken)).max(0.0)
}

/// The total from the three parts, rounded and clamped to 0-100.
pub fn total_of(
    outcome: Option<EndingKind>,
    followed: u32,
    broken: u32,
    anger: i32,
    trust: i32,
) -> (u8, ScoreParts) {
    let parts = ScoreParts {
        outcome: OUTCOME_POINTS * outcome.map_or(0.0, EndingKind::outcome_factor),
        conduct: conduct_points(followed, broken),
        mood: MOOD_POINTS * f64::from((100 - anger) + trust) / 200.0,
    };
    let total = (parts.outcome + parts.conduct + parts.mood)
        .round()
        .clamp(0.0, 100.0) as u8;
    (total, parts)
}

/// A core rule (the four the game is known for) broken more often than this fails the
/// call, whatever the points: a habit of shouting back must not pass on good content.
pub const CORE_BREAKS_ALLOWED: usize = 1;

/// Why a finished call does not pass, in words a trainee reads on the debrief; None when it
/// passes. The one place the pass rule lives: settled ending, pass mark, core rules.
pub fn why_not_passed(
    total: u8,
    pass_mark: u8,
    outcome: Option<EndingKind>,
    core_breaks: &[(&str, usize)],
) -> Option<String> {
    if !outcome.is_some_and(EndingKind::settles) {
        return Some("A call passes only when it is resolved or a call-back is agreed.".into());
    }
    if let Some((summary, times)) = core_breaks
        .iter()
        .find(|(_, times)| *times > CORE_BREAKS_ALLOWED)
    {
        return Some(format!(
            "You broke the core rule \"{summary}\" {times} times; a call passes only when \
             each core rule is broken at most once."
        ));
    }
    if total < pass_mark {
        return Some(format!("{total} is below the pass mark of {pass_mark}."));
    }
    None
}

impl Score {
    pub(super) fn of(call: &Call) -> Score {
        let scenario = call.scenario();
        let catalogue = call.catalogue();
        let tally = call.tally();
        let outcome = call.outcome();
        let kind = outcome.map(|o| scenario.endings[o.ending].kind);
        let meters = call.meters();
        let (total, parts) = total_of(
            kind,
            tally.followed_weight,
            tally.broken_weight,
            meters.anger,
            meters.trust,
        );
        let rules: Vec<RuleResult> = catalogue
            .rules
            .iter()
            .enumerate()
            .map(|(i, rule)| {
                let [followed, broken] = tally.per_rule[i];
                let status = match (followed, broken) {
                    (0, 0) => RuleStatus::NotExercised,
                    (_, 0) => RuleStatus::Followed,
                    (0, _) => RuleStatus::Broken,
                    _ => RuleStatus::Mixed,
                };
                RuleResult {
                    rule: rule.id.clone(),
                    summary: rule.summary.clone(),
                    status,
                    followed: usize::from(followed),
                    broken: usize::from(broken),
                    moments: call
                        .moments()
                        .iter()
                        .filter(|m| m.rule == rule.id)
                        .cloned()
                        .collect(),
                }
            })
            .collect();
        let core_breaks: Vec<(&str, usize)> = catalogue
            .rules
            .iter()
            .zip(&rules)
            .filter(|(rule, _)| rule.core)
            .map(|(rule, result): (_, &RuleResult)| (rule.summary.as_str(), result.broken))
            .collect();
        let not_passed = why_not_passed(total, scenario.pass_mark, kind, &core_breaks);
        Score {
            total,
            grade: Grade::of(total),
            passed: not_passed.is_none(),
            not_passed,
            pass_mark: scenario.pass_mark,
            ending: outcome.map(|o| scenario.endings[o.ending].id.clone()),
            outcome: kind,
            ended_by: outcome.map(|o| o.by),
            parts,
            followed_weight: tally.followed_weight,
            broken_weight: tally.broken_weight,
            rules,
            better_replies: better_replies(call),
        }
    }

    pub fn rule(&self, id: &str) -> Option<&RuleResult> {
        self.rules.iter().find(|r| r.rule == id)
    }
}

/// A reply's worth by the rubric: the weight of the rules it follows, minus twice the
/// weight of those it breaks.
pub fn rubric_value(reply: &Reply, catalogue: &crate::guidance::Catalogue) -> i64 {
    let weight = |id: &String| catalogue.get(id).map_or(0, |r| i64::from(r.weight));
    reply.follows.iter().map(weight).sum::<i64>()
        - i64::from(BROKEN_FACTOR) * reply.breaks.iter().map(weight).sum::<i64>()
}

/// At each choice point, the best reply by the rubric when it beats the one chosen.
fn better_replies(call: &Call) -> Vec<BetterReply> {
    let scenario: &Scenario = call.scenario();
    let catalogue = call.catalogue();
    call.choices()
        .iter()
        .filter_map(|choice| {
            let beat = &scenario.beats[choice.beat];
            let chosen = &beat.replies[choice.reply];
            let chosen_value = rubric_value(chosen, catalogue);
            let (best_index, best) = beat
                .replies
                .iter()
                .enumerate()
                .max_by_key(|(i, r)| (rubric_value(r, catalogue), std::cmp::Reverse(*i)))?;
            if best_index == choice.reply || rubric_value(best, catalogue) <= chosen_value {
                return None;
            }
            let gained: Vec<&str> = best
                .follows
                .iter()
                .filter(|r| !chosen.follows.contains(r))
                .filter_map(|r| catalogue.get(r).map(|r| r.summary.as_str()))
                .collect();
            let avoided: Vec<&str> = chosen
                .breaks
                .iter()
                .filter(|r| !best.breaks.contains(r))
                .filter_map(|r| catalogue.get(r).map(|r| r.summary.as_str()))
                .collect();
            let mut why = Vec::new();
            if !avoided.is_empty() {
                why.push(format!("it doesn't break: {}", avoided.join("; ")));
            }
            if !gained.is_empty() {
                why.push(format!("it follows: {}", gained.join("; ")));
            }
            Some(BetterReply {
                at: choice.at,
                beat: beat.id.clone(),
                chosen: chosen.text.clone(),
                better: best.text.clone(),
                why: why.join("; "),
            })
        })
        .collect()
}
