//! A trainee's way through the tiers, and how long the group took to open each one.

use std::collections::BTreeSet;

use super::median;
use crate::guidance::Policy;
use crate::profile::Profile;
use crate::report::fact::CallFact;
use crate::scenario::Scenario;
use crate::tiers::open_earned_tiers;

/// When a trainee opened a tier: after how many calls, and how many days after their first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierReached {
    pub tier: u8,
    pub calls: usize,
    pub days: i64,
}

/// A trainee's way through the tiers, replayed from their calls under the mastery rule.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    pub reached: Vec<TierReached>,
    /// The highest tier open to them: from the replay, or their profile's when higher.
    pub tier: u8,
}

/// Replays `calls` (one trainee's, in order) through the tier rule: when each tier opened.
/// `profile_tiers` (what their profile records) raises the current tier when it is higher,
/// e.g. when older session files are gone.
pub fn journey(
    calls: &[&CallFact],
    scenarios: &[Scenario],
    policy: &Policy,
    profile_tiers: Option<&BTreeSet<u8>>,
) -> Journey {
    let mut profile = Profile::new("replay");
    let mut reached = Vec::new();
    let first_day = calls.first().map(|c| c.day_number()).unwrap_or(0);
    for (i, call) in calls.iter().enumerate() {
        if call.passed {
            profile.cases.entry(call.case.clone()).or_default().passes += 1;
        }
        for tier in open_earned_tiers(scenarios, policy, &mut profile) {
            reached.push(TierReached {
                tier,
                calls: i + 1,
                days: call.day_number() - first_day,
            });
        }
    }
    let replayed = profile.unlocked_tiers.iter().max().copied().unwrap_or(1);
    let recorded = profile_tiers
        .and_then(|t| t.iter().max().copied())
        .unwrap_or(1);
    Journey {
        reached,
        tier: replayed.max(recorded),
    }
}

/// How long the group took to open one tier, over the trainees who did.
#[derive(Debug, Clone, PartialEq)]
pub struct TierStep {
    pub tier: u8,
    pub trainees: usize,
    pub median_calls: Option<f64>,
    pub median_days: Option<f64>,
}

/// From first call to each tier above the first: how many trainees opened it, and the
/// median calls and days it took them.
pub fn tier_steps(journeys: &[Journey], tiers: u8) -> Vec<TierStep> {
    (2..=tiers)
        .map(|tier| {
            let reached: Vec<&TierReached> = journeys
                .iter()
                .filter_map(|j| j.reached.iter().find(|r| r.tier == tier))
                .collect();
            TierStep {
                tier,
                trainees: reached.len(),
                median_calls: median(reached.iter().map(|r| r.calls as f64).collect()),
                median_days: median(reached.iter().map(|r| r.days as f64).collect()),
            }
        })
        .collect()
}
