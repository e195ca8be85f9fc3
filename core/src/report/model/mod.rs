//! The report's figures: pure functions over [`CallFact`]s (and the library, for tiers and
//! the replies each choice point offers). No files, no wording: `html` and `csv` show these.
//!
//! One file per family of figures: `journey` (tiers opened), `grid` (trainees x cases),
//! `rules` (the heatmap and the weakest rule), `cases` (each case and its choice points),
//! `daily` (calls per day) and `trainee` (one trainee's section); the small shared types
//! live here.

mod cases;
mod daily;
mod grid;
mod journey;
mod rules;
mod trainee;

pub use cases::{BeatChoices, CaseStats, ReplyCount, case_stats};
pub use daily::{DayCount, daily};
pub use grid::{CaseResult, GridRow, case_results, cohort_grid};
pub use journey::{Journey, TierReached, TierStep, journey, tier_steps};
pub use rules::{Heatmap, RuleRow, Typical, rule_counts, rule_heatmap, weakest};
pub use trainee::{RuleTrend, TraineeReport, Trend, trainee_report};

use std::collections::BTreeSet;

use super::fact::CallFact;
use crate::scenario::Scenario;

/// A case some call played: known to the library (tier, language) or not.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayedCase {
    pub id: String,
    pub title: String,
    pub tier: Option<u8>,
    pub language: Option<String>,
}

/// Followed and broken counts of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub followed: usize,
    pub broken: usize,
}

impl Counts {
    pub fn judged(self) -> usize {
        self.followed + self.broken
    }

    /// Broken as a share of every time the rule was judged (0 when never judged).
    pub fn broken_share(self) -> f64 {
        if self.judged() == 0 {
            0.0
        } else {
            self.broken as f64 / self.judged() as f64
        }
    }

    fn add(&mut self, followed: usize, broken: usize) {
        self.followed += followed;
        self.broken += broken;
    }
}

/// The cases the calls played: the library's in its order (tier, then title), then the
/// unknown ones by id.
pub fn cases_played(calls: &[CallFact], scenarios: &[Scenario]) -> Vec<PlayedCase> {
    let played: BTreeSet<&str> = calls.iter().map(|c| c.case.as_str()).collect();
    let mut out: Vec<PlayedCase> = scenarios
        .iter()
        .filter(|s| played.contains(s.id.as_str()))
        .map(|s| PlayedCase {
            id: s.id.clone(),
            title: s.title.clone(),
            tier: Some(s.tier),
            language: Some(s.language.clone()),
        })
        .collect();
    for id in played {
        if !scenarios.iter().any(|s| s.id == id) {
            let title = calls
                .iter()
                .rev()
                .find(|c| c.case == id)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            out.push(PlayedCase {
                id: id.to_string(),
                title,
                tier: None,
                language: None,
            });
        }
    }
    out
}

/// The calls of one trainee (same name, ignoring case and surrounding spaces).
pub fn calls_of<'a>(calls: &'a [CallFact], trainee: &str) -> Vec<&'a CallFact> {
    let key = crate::profile::slug(trainee);
    calls
        .iter()
        .filter(|c| crate::profile::slug(&c.trainee) == key)
        .collect()
}

pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
