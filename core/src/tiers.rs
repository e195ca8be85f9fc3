//! Which cases a trainee may play: the mastery rule that opens tiers, prerequisites, and the
//! next case to offer. One type answers every progression question the game and the tools
//! ask, under the catalogue's policy; the game words the answers.

use crate::guidance::Policy;
use crate::i18n::{Lang, Messages, args};
use crate::profile::Profile;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Open,
    Locked(Lock),
}

/// Why a case is locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lock {
    /// Its tier is not open yet: `more` cases of tier `below` still to pass.
    Tier { tier: u8, below: u8, more: usize },
    /// Cases to pass first, by title (or id, when the library no longer has them).
    Requires(Vec<String>),
}

impl Lock {
    /// The reason in `lang`.
    pub fn text(&self, messages: &Messages, lang: Lang) -> String {
        match self {
            Lock::Tier { tier, below, more } => {
                let a = args(&[
                    ("more", (*more).into()),
                    ("below", (*below).into()),
                    ("tier", (*tier).into()),
                ]);
                messages.text(lang, "lock-tier", Some(&a))
            }
            Lock::Requires(titles) => {
                // Titles may end in their own punctuation ("Supervisor. Now."): no second
                // full stop.
                let list = titles.join(", ");
                let stop = if list.ends_with(['.', '!', '?', '؟']) {
                    ""
                } else {
                    "."
                };
                let a = args(&[("cases", list.into())]);
                format!("{}{stop}", messages.text(lang, "lock-requires", Some(&a)))
            }
        }
    }

    /// The reason in English.
    pub fn english(&self) -> String {
        self.text(Messages::plain(), Lang::En)
    }
}

/// How far a trainee is through one tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierStatus {
    pub tier: u8,
    pub open: bool,
    /// Cases of the tier the library has, and how many of them the trainee passed.
    pub cases: usize,
    pub passed: usize,
    /// Passes in this tier that open the next.
    pub needed: usize,
}

/// A trainee's progress through a library.
pub struct Progression<'s, 'p> {
    scenarios: Vec<&'s Scenario>,
    profile: &'p Profile,
    policy: &'p Policy,
}

impl<'s, 'p> Progression<'s, 'p> {
    /// `scenarios` in the order the case list shows them.
    pub fn new(
        scenarios: impl IntoIterator<Item = &'s Scenario>,
        profile: &'p Profile,
        policy: &'p Policy,
    ) -> Progression<'s, 'p> {
        Progression {
            scenarios: scenarios.into_iter().collect(),
            profile,
            policy,
        }
    }

    /// The tier rule in `lang`, for the case list.
    pub fn rule_text(&self, messages: &Messages, lang: Lang) -> String {
        // What this library asks: a trainer's folder with one case per tier opens the next
        // tier with one pass, and the rule says so.
        let passes = self
            .tier_numbers()
            .filter(|&t| t < self.policy.tiers && self.in_tier(t).next().is_some())
            .map(|t| self.needed(t))
            .max()
            .unwrap_or(self.policy.passes_to_open_next_tier);
        let a = args(&[("passes", passes.into())]);
        messages.text(lang, "tier-rule", Some(&a))
    }

    /// The tiers a case may have, 1 to the policy's highest.
    pub fn tier_numbers(&self) -> impl DoubleEndedIterator<Item = u8> + use<> {
        1..=self.policy.tiers
    }

    /// Whether a tier is open: tier 1 always; the next when enough of the one below are
    /// passed. A tier once opened stays open, even if the library changes.
    pub fn tier_open(&self, tier: u8) -> bool {
        tier <= 1
            || self.profile.unlocked_tiers.contains(&tier)
            || (self.tier_open(tier - 1) && self.passed_in(tier - 1) >= self.needed(tier - 1))
    }

    pub fn tier(&self, tier: u8) -> TierStatus {
        TierStatus {
            tier,
            open: self.tier_open(tier),
            cases: self.in_tier(tier).count(),
            passed: self.passed_in(tier),
            needed: self.needed(tier),
        }
    }

    /// Whether a case can be played, and if not, what opens it.
    pub fn access(&self, scenario: &Scenario) -> Access {
        if !self.tier_open(scenario.tier) {
            let below = scenario.tier - 1;
            let more = self.needed(below).saturating_sub(self.passed_in(below));
            return Access::Locked(Lock::Tier {
                tier: scenario.tier,
                below,
                more,
            });
        }
        let missing: Vec<String> = scenario
            .requires
            .iter()
            .filter(|id| !self.profile.passed(id))
            .map(|id| {
                self.scenarios
                    .iter()
                    .find(|s| s.id == **id)
                    .map_or_else(|| id.clone(), |s| s.title.clone())
            })
            .collect();
        if missing.is_empty() {
            Access::Open
        } else {
            Access::Locked(Lock::Requires(missing))
        }
    }

    pub fn can_play(&self, scenario: &Scenario) -> bool {
        self.access(scenario) == Access::Open
    }

    /// The next playable case after `id` in list order: what "Next case" offers and opens.
    pub fn next_case(&self, id: &str) -> Option<&'s Scenario> {
        self.scenarios
            .iter()
            .skip_while(|s| s.id != id)
            .skip(1)
            .find(|s| self.can_play(s))
            .copied()
    }

    /// The tier the case list opens on: the highest open tier that has cases.
    pub fn starting_tier(&self) -> u8 {
        self.tier_numbers()
            .rev()
            .find(|&t| self.tier_open(t) && self.in_tier(t).next().is_some())
            .unwrap_or(1)
    }

    /// Tiers the profile has earned but not yet recorded as opened, in order; for the game
    /// to record (`open_earned_tiers`) and announce once. Only tiers the library has cases
    /// in: a trainer's folder of tier-1 cases opens no empty tier 2, 3 or 4 to announce
    /// (an empty tier still lets the one above it open, so a folder may skip a tier).
    pub fn newly_earned_tiers(&self) -> Vec<u8> {
        self.tier_numbers()
            .skip(1)
            .filter(|t| {
                !self.profile.unlocked_tiers.contains(t)
                    && self.in_tier(*t).next().is_some()
                    && self.tier_open(*t)
            })
            .collect()
    }

    fn in_tier(&self, tier: u8) -> impl Iterator<Item = &&'s Scenario> {
        self.scenarios.iter().filter(move |s| s.tier == tier)
    }

    /// Passes needed in `tier` to open `tier + 1`, given the cases the library has.
    fn needed(&self, tier: u8) -> usize {
        self.policy
            .passes_to_open_next_tier
            .min(self.in_tier(tier).count())
    }

    fn passed_in(&self, tier: u8) -> usize {
        self.in_tier(tier)
            .filter(|s| self.profile.passed(&s.id))
            .count()
    }
}

/// Records every tier the profile has earned as opened and returns those newly opened, to
/// announce.
pub fn open_earned_tiers<'a>(
    scenarios: impl IntoIterator<Item = &'a Scenario>,
    policy: &Policy,
    profile: &mut Profile,
) -> Vec<u8> {
    let opened = Progression::new(scenarios, profile, policy).newly_earned_tiers();
    profile.unlocked_tiers.extend(&opened);
    opened
}
