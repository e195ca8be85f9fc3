//! One trainee's section: their rule trend, weakest rule, scores and pauses.

use std::collections::BTreeMap;

use super::{Counts, Journey, rule_counts, weakest};
use crate::report::fact::CallFact;

/// A rule in one trainee's calls: in the earlier half and in the more recent half.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleTrend {
    pub rule: String,
    pub earlier: Counts,
    pub recent: Counts,
}

/// Whether a rule is broken less often lately than before: a change of more than five
/// points in the broken share counts, smaller ones are noise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Better,
    Worse,
    Same,
}

impl RuleTrend {
    /// None when either half judged the rule zero times.
    pub fn trend(&self) -> Option<Trend> {
        if self.earlier.judged() == 0 || self.recent.judged() == 0 {
            return None;
        }
        let (before, now) = (self.earlier.broken_share(), self.recent.broken_share());
        Some(if now + 0.05 < before {
            Trend::Better
        } else if now > before + 0.05 {
            Trend::Worse
        } else {
            Trend::Same
        })
    }
}

/// One trainee's section.
#[derive(Debug, Clone, PartialEq)]
pub struct TraineeReport {
    pub name: String,
    pub calls: usize,
    pub passes: usize,
    /// Scores in the order played.
    pub scores: Vec<u8>,
    /// Breaks per call, in the order played.
    pub breaks: Vec<usize>,
    pub rules: Vec<RuleTrend>,
    pub weakest: Option<String>,
    pub journey: Journey,
    /// Pauses over these calls, and their length in all (wall-clock ms).
    pub pauses: u32,
    pub paused_ms: u64,
    /// Calls the trainee left before they ended, in the same period.
    pub left: usize,
    /// Calls played with more time to answer (an accommodation), by allowance.
    pub more_time: BTreeMap<crate::vocab::TimeAllowance, usize>,
}

/// A trainee's section: the rule trend (earlier half of their calls against the recent
/// half; with one call, all of it is recent) and their weakest rule over these calls.
pub fn trainee_report(
    name: &str,
    calls: &[&CallFact],
    journey: Journey,
    rule_order: &[String],
    left: usize,
) -> TraineeReport {
    let split = calls.len() / 2;
    let (earlier, recent) = calls.split_at(split);
    let all = rule_counts(calls, rule_order);
    let earlier_counts = rule_counts(earlier, rule_order);
    let recent_counts = rule_counts(recent, rule_order);
    let find = |list: &[(String, Counts)], id: &str| {
        list.iter()
            .find(|(r, _)| r == id)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    };
    TraineeReport {
        name: name.to_string(),
        calls: calls.len(),
        passes: calls.iter().filter(|c| c.passed).count(),
        scores: calls.iter().map(|c| c.total).collect(),
        breaks: calls.iter().map(|c| c.breaks()).collect(),
        rules: all
            .iter()
            .map(|(rule, _)| RuleTrend {
                rule: rule.clone(),
                earlier: find(&earlier_counts, rule),
                recent: find(&recent_counts, rule),
            })
            .collect(),
        weakest: weakest(&all),
        journey,
        pauses: calls.iter().map(|c| c.pauses).sum(),
        paused_ms: calls.iter().map(|c| c.paused_ms).sum(),
        left,
        more_time: calls
            .iter()
            .filter(|c| !c.time_allowance.is_standard())
            .fold(BTreeMap::new(), |mut m, c| {
                *m.entry(c.time_allowance).or_insert(0) += 1;
                m
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trend(earlier: (usize, usize), recent: (usize, usize)) -> Option<Trend> {
        RuleTrend {
            rule: "r".to_string(),
            earlier: Counts {
                followed: earlier.0,
                broken: earlier.1,
            },
            recent: Counts {
                followed: recent.0,
                broken: recent.1,
            },
        }
        .trend()
    }

    #[test]
    fn a_trend_needs_more_than_five_points_and_both_halves() {
        // Broken 5 of 10, then 1 of 10: better.
        assert_eq!(trend((5, 5), (9, 1)), Some(Trend::Better));
        // Broken 1 of 10, then 5 of 10: worse.
        assert_eq!(trend((9, 1), (5, 5)), Some(Trend::Worse));
        // 10% then 14%, and 14% then 10%: within five points, the same.
        assert_eq!(trend((9, 1), (86, 14)), Some(Trend::Same));
        assert_eq!(trend((86, 14), (9, 1)), Some(Trend::Same));
        // Either half never judged the rule: no trend.
        assert_eq!(trend((0, 0), (3, 1)), None);
        assert_eq!(trend((3, 1), (0, 0)), None);
    }
}
