//! Which cases a trainee may play: the mastery rule that opens tiers, in one place.

use crate::profile::Profile;
use crate::scenario::Scenario;

/// Cases of a tier to pass before the next tier opens (or all of them, if the tier has
/// fewer). Shown to the trainee on the case list.
pub const PASSES_TO_OPEN_NEXT_TIER: usize = 3;

/// The rule in words, for the case list.
pub fn rule_text() -> String {
    format!("Pass {PASSES_TO_OPEN_NEXT_TIER} cases of a tier to open the next one.")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Open,
    /// Why it is locked, in words for the trainee.
    Locked(String),
}

/// Passes needed in `tier` to open `tier + 1`, given the cases the library has.
fn needed(scenarios: &[Scenario], tier: u8) -> usize {
    let in_tier = scenarios.iter().filter(|s| s.tier == tier).count();
    PASSES_TO_OPEN_NEXT_TIER.min(in_tier)
}

fn passed_in(scenarios: &[Scenario], profile: &Profile, tier: u8) -> usize {
    scenarios
        .iter()
        .filter(|s| s.tier == tier && profile.passed(&s.id))
        .count()
}

/// Whether a tier is open: tier 1 always; the next when enough of the one below are passed.
/// A tier once opened stays open, even if the library changes.
pub fn tier_open(scenarios: &[Scenario], profile: &Profile, tier: u8) -> bool {
    tier <= 1
        || profile.unlocked_tiers.contains(&tier)
        || (tier_open(scenarios, profile, tier - 1)
            && passed_in(scenarios, profile, tier - 1) >= needed(scenarios, tier - 1))
}

/// Whether a case can be played, and if not, what opens it.
pub fn access(scenario: &Scenario, scenarios: &[Scenario], profile: &Profile) -> Access {
    if !tier_open(scenarios, profile, scenario.tier) {
        let below = scenario.tier - 1;
        let need = needed(scenarios, below);
        let have = passed_in(scenarios, profile, below);
        return Access::Locked(format!(
            "Pass {} more tier {below} case{} to open tier {}.",
            need.saturating_sub(have),
            if need.saturating_sub(have) == 1 {
                ""
            } else {
                "s"
            },
            scenario.tier
        ));
    }
    let missing: Vec<&str> = scenario
        .requires
        .iter()
        .filter(|id| !profile.passed(id))
        .map(|id| {
            scenarios
                .iter()
                .find(|s| s.id == **id)
                .map_or(id.as_str(), |s| s.title.as_str())
        })
        .collect();
    if missing.is_empty() {
        Access::Open
    } else {
        // Titles may end in their own punctuation ("Supervisor. Now."): no second full stop.
        let list = missing.join(", ");
        let stop = if list.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        Access::Locked(format!("Pass first: {list}{stop}"))
    }
}

/// Opens every tier the profile has earned and returns those newly opened, to announce.
pub fn open_earned_tiers(scenarios: &[Scenario], profile: &mut Profile) -> Vec<u8> {
    let mut opened = Vec::new();
    for tier in 2..=4 {
        if !profile.unlocked_tiers.contains(&tier) && tier_open(scenarios, profile, tier) {
            profile.unlocked_tiers.insert(tier);
            opened.push(tier);
        }
    }
    opened
}
