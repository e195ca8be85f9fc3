//! The case select screen: the plugin, the layout (header, notice, tier tabs, case list),
//! keys and commands (switch tier, open a case, sign out).

mod list;
mod tabs;

use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::i18n::Messages;

use crate::game::actions::{SelectAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::screens::shift::ShiftDesk;
use crate::game::session::next_seed;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::theme::palette;
use crate::game::theme::scroll::ScrollSystems;
use crate::game::theme::widgets::{self, size};
use crate::game::{GameConfig, Screen};
use htl_core::shift::ShiftRun;

pub use list::CaseCard;

/// The tier the list shows.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownTier(pub u8);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ShownTier(1))
        .add_systems(OnEnter(Screen::Select), (tabs::choose_tier, spawn).chain())
        .add_systems(
            Update,
            (
                // A key's command is handled in the frame it is pressed, not the next one
                // (which, on an idle list, would wait for more input).
                shortcuts,
                handle,
                // The focus moves before the list scrolls to follow it.
                list::arrows_move_focus.before(ScrollSystems),
                list::show_more_below.after(ScrollSystems),
                (tabs::refresh_tabs, list::rebuild_list).run_if(
                    resource_changed::<ShownTier>
                        .or_else(resource_exists_and_changed::<Cases>)
                        .or_else(any_match_filter::<Added<list::CaseList>>),
                ),
            )
                .chain()
                .run_if(in_state(Screen::Select)),
        );
}

fn spawn(
    mut commands: Commands,
    mut trainee: ResMut<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
    locale: Res<Locale>,
) {
    let who = if trainee.guest {
        locale.t("select-guest")
    } else {
        locale.tr(
            "select-signed-in",
            &[("name", trainee.profile.name.clone().into())],
        )
    };
    let notice = trainee.notice.take();
    let progress = cases.progression(&trainee.profile);
    let top_bar = (
        Node {
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            ..default()
        },
        children![
            widgets::header(locale.t("select-title"), who),
            (
                Node {
                    column_gap: px(12),
                    ..default()
                },
                Children::spawn((
                    SpawnIter(
                        cases
                            .shift_for(locale.lang, &trainee.profile)
                            .map(|s| {
                                widgets::button(
                                    locale.t("select-shift"),
                                    SelectAction::OpenShift(s.id.clone()),
                                )
                            })
                            .into_iter(),
                    ),
                    Spawn(widgets::button(
                        locale.t("select-progress"),
                        SelectAction::ShowProgress
                    )),
                    Spawn(widgets::button(
                        locale.t("select-sign-out"),
                        SelectAction::SignOut
                    )),
                )),
            ),
        ],
    );
    let keys_hint = widgets::text(
        locale.tr(
            "select-keys",
            &[(
                "rule",
                progress
                    .rule_text(Messages::for_screen(), locale.lang)
                    .into(),
            )],
        ),
        size::SMALL,
        palette::TEXT_FAINT,
    );
    let tabs = tabs::tier_tabs(&locale, &progress, shown.0);
    // The notice shows only when there is one, between the top bar and the tabs.
    let notice = notice.map(|notice| widgets::notice(notice.text(&locale)));
    commands.spawn((
        widgets::screen_root("Case select screen"),
        DespawnOnExit(Screen::Select),
        TabGroup::new(0),
        Children::spawn((
            Spawn(top_bar),
            SpawnIter(notice.into_iter()),
            Spawn(tabs),
            Spawn(keys_hint),
            Spawn(list::case_list()),
            Spawn(list::more_below(&locale)),
        )),
    ));
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    locale: Res<Locale>,
    mut commands: MessageWriter<UiCommand<SelectAction>>,
) {
    let Some(keys) = keys else { return };
    if keys.just_pressed(KeyCode::KeyS)
        && let Some(shift) = cases.shift_for(locale.lang, &trainee.profile)
    {
        commands.write(UiCommand(SelectAction::OpenShift(shift.id.clone())));
    }
    for (key, tier) in [
        (KeyCode::Digit1, 1),
        (KeyCode::Digit2, 2),
        (KeyCode::Digit3, 3),
        (KeyCode::Digit4, 4),
    ] {
        if keys.just_pressed(key) {
            commands.write(UiCommand(SelectAction::ShowTier(tier)));
        }
    }
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(SelectAction::SignOut));
    }
    if keys.just_pressed(KeyCode::KeyM) {
        commands.write(UiCommand(SelectAction::ShowProgress));
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand<SelectAction>>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    config: Res<GameConfig>,
    mut shown: ResMut<ShownTier>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        match action {
            // Only a real change is written, so the list is not rebuilt for nothing.
            SelectAction::ShowTier(tier) if shown.0 != *tier => shown.0 = *tier,
            SelectAction::OpenCase(id) => {
                if let Some(scenario) = cases.playable(id, &trainee.profile) {
                    commands.insert_resource(CurrentCase(scenario));
                    next.set(Screen::Brief);
                }
            }
            SelectAction::SignOut => {
                commands.remove_resource::<CurrentCase>();
                next.set(Screen::Title);
            }
            SelectAction::ShowProgress => next.set(Screen::Progress),
            SelectAction::OpenShift(id) => {
                if let Some(shift) = cases.open_shift(id, &trainee.profile) {
                    let run = ShiftRun::new(
                        shift,
                        cases.scenarios.iter().map(|s| s.as_ref()),
                        &cases.catalogue.scoring.shift,
                        next_seed(&config),
                    );
                    commands.insert_resource(ShiftDesk::new(run));
                    next.set(Screen::Shift);
                }
            }
            // The tier already shown.
            SelectAction::ShowTier(_) => {}
        }
    }
}
