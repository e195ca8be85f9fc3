//! The tier tabs of the case list: which tier opens first, each tab's label (progress, or
//! locked), and which tab shows as chosen.

use bevy::prelude::*;
use htl_core::tiers::{Progression, TierStatus};

use super::ShownTier;
use crate::game::actions::SelectAction;
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, Trainee};
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
    shown.0 = cases.progression(&trainee.profile).starting_tier();
}

/// The row of tabs, one per tier.
pub(super) fn tier_tabs(locale: &Locale, progress: &Progression, shown: u8) -> impl Bundle {
    let tabs: Vec<_> = progress
        .tier_numbers()
        .map(|tier| {
            (
                widgets::button(
                    tab_label(locale, progress.tier(tier)),
                    SelectAction::ShowTier(tier),
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
fn tab_label(locale: &Locale, status: TierStatus) -> String {
    if !status.open {
        return locale.tr("tab-locked", &[("tier", status.tier.into())]);
    }
    locale.tr(
        "tab-open",
        &[
            ("tier", status.tier.into()),
            ("passed", status.passed.into()),
            ("cases", status.cases.into()),
        ],
    )
}

/// Marks the shown tier's tab; the library may have been reloaded, so the counts are
/// refreshed too.
pub(super) fn refresh_tabs(
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
    locale: Res<Locale>,
    mut tabs: Query<(&TierTab, &mut Selected, &Children)>,
    mut labels: Query<&mut Text>,
) {
    let progress = cases.progression(&trainee.profile);
    for (tab, mut selected, children) in &mut tabs {
        selected.0 = tab.0 == shown.0;
        let label = tab_label(&locale, progress.tier(tab.0));
        for &child in children {
            if let Ok(mut text) = labels.get_mut(child)
                && text.0 != label
            {
                text.0 = label.clone();
            }
        }
    }
}
