//! My progress, from the case list: the trainee's rules over their last calls (followed
//! against broken, the one they break most marked), their best score and attempts per case,
//! and the case to practise next. The figures come from `htl_core::report::TraineeProgress`;
//! this screen only shows them. Keyboard: Enter opens the suggested case, Esc goes back.
//! This file: the plugin, the layout with the suggestion, and the keys and commands; the
//! rules, cases and shifts panels are in `panels.rs`.

mod panels;

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::report::{TraineeProgress, load::read_trainee_calls};
use htl_core::scenario::Scenario;

use crate::game::Screen;
use crate::game::actions::{ProgressAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// A rule's row, for tests: its id, followed and broken counts.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct RuleRow {
    pub rule: String,
    pub followed: usize,
    pub broken: usize,
}

/// The suggested case's button, for tests.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct PractiseNext(pub String);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Progress), spawn)
        .add_systems(
            Update,
            (shortcuts, handle)
                .chain()
                .run_if(in_state(Screen::Progress)),
        );
}

fn spawn(mut commands: Commands, locale: Res<Locale>, trainee: Res<Trainee>, cases: Res<Cases>) {
    let scenarios: Vec<Scenario> = cases.scenarios.iter().map(|s| (**s).clone()).collect();
    let (calls, _) = read_trainee_calls(trainee.store.dir(), &trainee.profile, &scenarios);
    let progress = TraineeProgress::of(&trainee.profile, &calls, &scenarios, &cases.catalogue);
    let title_of = |id: &str| cases.title_of(id);
    let rule_name = |id: &str| cases.catalogue.rule_name(locale.lang, id);

    let top_bar = (
        Node {
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            ..default()
        },
        children![
            widgets::header(locale.t("progress-title"), trainee.profile.name.clone()),
            widgets::button(locale.t("progress-back"), ProgressAction::BackToList),
        ],
    );

    // Practise next: the case and why, or why there is none.
    let next: Vec<_> = match (&progress.practise_next, &progress.weakest) {
        (Some(case), Some(rule)) => vec![(
            Node {
                align_items: AlignItems::Center,
                column_gap: px(16),
                ..default()
            },
            children![
                widgets::paragraph(
                    locale.tr(
                        "progress-next-why",
                        &[
                            ("title", title_of(case).into()),
                            ("rule", rule_name(rule).into()),
                        ],
                    ),
                    size::BODY,
                    palette::TEXT,
                ),
                (
                    widgets::button(
                        locale.t("progress-next-open"),
                        ProgressAction::OpenCase(case.clone()),
                    ),
                    PractiseNext(case.clone()),
                    AutoFocus,
                ),
            ],
        )],
        _ => Vec::new(),
    };
    let next_empty = next.is_empty().then(|| {
        let id = if calls.is_empty() && progress.cases.is_empty() {
            "progress-empty"
        } else {
            "progress-no-next"
        };
        widgets::text(locale.t(id), size::BODY, palette::TEXT_DIM)
    });
    let next_panel = widgets::titled_panel(
        widgets::panel(),
        widgets::bold(locale.t("progress-next"), size::LARGE, palette::ACCENT),
        (
            SpawnIter(next.into_iter()),
            SpawnIter(next_empty.into_iter()),
        ),
    );

    // The rules over the last calls read (at most `RECENT_CALLS`), the cases, the shifts.
    let shown_calls = calls.len().min(htl_core::report::trainee::RECENT_CALLS);
    let rules_panel = panels::rules_panel(&locale, &cases, &progress, shown_calls);
    let cases_panel = panels::cases_panel(&locale, &cases, &progress);
    let shifts_line = panels::shifts_line(&locale, &cases, &trainee);

    commands.spawn((
        widgets::screen_root("Progress screen"),
        DespawnOnExit(Screen::Progress),
        TabGroup::new(0),
        Children::spawn((
            Spawn(top_bar),
            Spawn(next_panel),
            SpawnIter(shifts_line.into_iter()),
            Spawn((
                Node {
                    flex_grow: 1.0,
                    min_height: px(0),
                    column_gap: px(16),
                    align_items: AlignItems::Start,
                    ..default()
                },
                children![rules_panel, cases_panel],
            )),
        )),
    ));
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut commands: MessageWriter<UiCommand<ProgressAction>>,
) {
    let Some(keys) = keys else { return };
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(ProgressAction::BackToList));
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand<ProgressAction>>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        match action {
            ProgressAction::BackToList => next.set(Screen::Select),
            ProgressAction::OpenCase(id) => {
                if let Some(scenario) = cases.playable(id, &trainee.profile) {
                    commands.insert_resource(CurrentCase(scenario));
                    next.set(Screen::Brief);
                }
            }
        }
    }
}
