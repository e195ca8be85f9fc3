//! The data of the game's "My progress" screen: a trainee's rules over their last calls,
//! their best score and attempts per case, and which case to practise next.

use super::fact::CallFact;
use super::model::{self, Counts};
use crate::guidance::{Catalogue, Measured, ids};
use crate::profile::Profile;
use crate::scenario::{Line, Scenario};
use crate::tiers::Progression;

/// How many of the trainee's most recent calls the rules are counted over.
pub const RECENT_CALLS: usize = 10;

/// A rule over the trainee's last calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTally {
    pub rule: String,
    pub followed: usize,
    pub broken: usize,
}

/// A case the trainee has played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseProgress {
    pub case: String,
    /// None until a call of it was played to the end.
    pub best_score: Option<u8>,
    pub attempts: u32,
    pub passed: bool,
    /// Calls of it the trainee left before they ended (not attempts).
    pub left: u32,
}

/// What "My progress" shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraineeProgress {
    /// Every rule judged in the last `RECENT_CALLS` calls, in catalogue order.
    pub rules: Vec<RuleTally>,
    /// The rule broken most in those calls (None when none was broken).
    pub weakest: Option<String>,
    /// Per case played (the profile's record: every attempt, whatever files are kept), in
    /// the library's order, then cases it no longer has.
    pub cases: Vec<CaseProgress>,
    /// An open case that exercises the weakest rule, one not yet passed when there is one.
    pub practise_next: Option<String>,
}

impl TraineeProgress {
    /// `calls`: the trainee's calls in the order played (see `load::read_trainee_calls`);
    /// `scenarios` in the case list's order.
    pub fn of(
        profile: &Profile,
        calls: &[CallFact],
        scenarios: &[Scenario],
        catalogue: &Catalogue,
    ) -> TraineeProgress {
        let rule_order: Vec<String> = catalogue.rules.iter().map(|r| r.id.clone()).collect();
        let recent: Vec<&CallFact> = calls
            .iter()
            .skip(calls.len().saturating_sub(RECENT_CALLS))
            .collect();
        let counts: Vec<(String, Counts)> = model::rule_counts(&recent, &rule_order);
        let weakest = model::weakest(&counts);
        let mut cases: Vec<CaseProgress> = Vec::new();
        let known = |id: &str| {
            scenarios
                .iter()
                .position(|s| s.id == id)
                .unwrap_or(usize::MAX)
        };
        for (id, record) in &profile.cases {
            if record.attempts > 0 || record.left > 0 {
                cases.push(CaseProgress {
                    case: id.clone(),
                    best_score: record.best_score.filter(|_| record.attempts > 0),
                    attempts: record.attempts,
                    passed: record.passed(),
                    left: record.left,
                });
            }
        }
        cases.sort_by(|a, b| {
            known(&a.case)
                .cmp(&known(&b.case))
                .then(a.case.cmp(&b.case))
        });
        let practise_next = weakest
            .as_deref()
            .and_then(|rule| practise_next(profile, rule, scenarios, catalogue));
        TraineeProgress {
            rules: counts
                .into_iter()
                .map(|(rule, c)| RuleTally {
                    rule,
                    followed: c.followed,
                    broken: c.broken,
                })
                .collect(),
            weakest,
            cases,
            practise_next,
        }
    }
}

/// The open case that exercises `rule`: one not yet passed first, then the list's order.
pub fn practise_next(
    profile: &Profile,
    rule: &str,
    scenarios: &[Scenario],
    catalogue: &Catalogue,
) -> Option<String> {
    let progression = Progression::new(scenarios, profile, &catalogue.scoring);
    scenarios
        .iter()
        .filter(|s| progression.can_play(s) && exercises(s, rule, catalogue))
        .min_by_key(|s| profile.passed(&s.id))
        .map(|s| s.id.clone())
}

/// Whether playing `scenario` can follow or break `rule`: a reply names it, or, for a rule
/// judged from timing and voice, the case gives the moment for it (dead air can happen in
/// any case; venting, the pause and a raised voice need a customer who raises theirs).
pub fn exercises(scenario: &Scenario, rule: &str, catalogue: &Catalogue) -> bool {
    let tagged = scenario.beats.iter().any(|b| {
        b.replies
            .iter()
            .any(|r| r.follows.iter().chain(&r.breaks).any(|id| id == rule))
    });
    if tagged {
        return true;
    }
    let from_play = catalogue
        .get(rule)
        .is_some_and(|r| r.measured == Measured::Play);
    if !from_play {
        return false;
    }
    rule == ids::NO_DEAD_AIR
        || scenario.beats.iter().any(|b| {
            b.lines
                .iter()
                .any(|l| matches!(l, Line::Speech { intensity, .. } if intensity.is_loud()))
        })
}
