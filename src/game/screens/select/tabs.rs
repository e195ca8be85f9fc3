//! The tier tabs of the case list: which tier opens first, each tab's label (progress, or
//! locked), and which tab shows as chosen.

use bevy::prelude::*;
use htl_core::profile::Profile;
use htl_core::progress;
use htl_core::scenario::Scenario;

use super::ShownTier;
use crate::game::actions::UiAction;
use crate::game::cases::Cases;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::interaction::Selected;
use crate::game::theme::widgets;

/// A tier tab.
#[derive(Component)]
pub(super) struct TierTab(u8);

/// Opens on the highest tier the trainee can play, where their next case is.
pub(super) fn choose_tier(
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    mut shown: ResMut<ShownTier>,
    current: Option<Res<CurrentCase>>,
) {
    if let Some(current) = current {
        shown.0 = current.0.tier;
        return;
    }
    let plain = cases.plain();
    shown.0 = (1..=4)
        .rev()
        .find(|&t| {
            progress::tier_open(&plain, &trainee.profile, t) && plain.iter().any(|s| s.tier == t)
        })
        .unwrap_or(1);
}

/// The row of tabs, one per tier.
pub(super) fn tier_tabs(
    fonts: &UiFonts,
    plain: &[Scenario],
    profile: &Profile,
    shown: u8,
) -> impl Bundle {
    let tabs: Vec<_> = (1..=4u8)
        .map(|tier| {
            (
                widgets::button(
                    fonts,
                    tab_label(tier, plain, profile),
                    UiAction::ShowTier(tier),
                ),
                TierTab(tier),
                Selected(tier == shown),
            )
        })
        .collect();
    (
        Node {
            column_gap: px(10),
            ..default()
        },
        Children::spawn(SpawnIter(tabs.into_iter())),
    )
}

/// A tier tab's label: how far the trainee is through it, or that it is locked.
fn tab_label(tier: u8, plain: &[Scenario], profile: &Profile) -> String {
    if !progress::tier_open(plain, profile, tier) {
        return format!("Tier {tier}  (locked)");
    }
    let in_tier = plain.iter().filter(|s| s.tier == tier);
    let count = in_tier.clone().count();
    let passed = in_tier.filter(|s| profile.passed(&s.id)).count();
    format!("Tier {tier}  ({passed}/{count} passed)")
}

/// Marks the shown tier's tab; the library may have been reloaded, so the counts are
/// refreshed too.
pub(super) fn refresh_tabs(
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
    mut tabs: Query<(&TierTab, &mut Selected, &Children)>,
    mut labels: Query<&mut Text>,
) {
    let plain = cases.plain();
    for (tab, mut selected, children) in &mut tabs {
        selected.0 = tab.0 == shown.0;
        let label = tab_label(tab.0, &plain, &trainee.profile);
        for &child in children {
            if let Ok(mut text) = labels.get_mut(child)
                && text.0 != label
            {
                text.0 = label.clone();
            }
        }
    }
}
