//! My progress, from the case list: the trainee's rules over their last calls (followed
//! against broken, the one they break most marked), their best score and attempts per case,
//! and the case to practise next. The figures come from `htl_core::report::TraineeProgress`;
//! this screen only shows them. Keyboard: Enter opens the suggested case, Esc goes back.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::report::{TraineeProgress, load::read_trainee_calls};
use htl_core::scenario::Scenario;

use crate::game::Screen;
use crate::game::actions::{UiAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::scroll::{Scrollable, scroll_panel};
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

/// The bar's width for the most calls a rule was judged in.
const BAR: f32 = 140.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Progress), spawn)
        .add_systems(
            Update,
            (shortcuts, handle)
                .chain()
                .run_if(in_state(Screen::Progress)),
        );
}

fn spawn(
    mut commands: Commands,
    fonts: Res<UiFonts>,
    locale: Res<Locale>,
    trainee: Res<Trainee>,
    cases: Res<Cases>,
) {
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
            widgets::header(
                &fonts,
                locale.t("progress-title"),
                trainee.profile.name.clone()
            ),
            widgets::button(&fonts, locale.t("progress-back"), UiAction::BackToList),
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
                    &fonts,
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
                        &fonts,
                        locale.t("progress-next-open"),
                        UiAction::OpenCase(case.clone()),
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
        widgets::text(&fonts, locale.t(id), size::BODY, palette::TEXT_DIM)
    });
    let next_panel = (
        Node { ..widgets::panel() },
        BackgroundColor(palette::PANEL),
        Children::spawn((
            Spawn(widgets::bold(
                &fonts,
                locale.t("progress-next"),
                size::LARGE,
                palette::ACCENT,
            )),
            SpawnIter(next.into_iter()),
            SpawnIter(next_empty.into_iter()),
        )),
    );

    // The rules: a bar per rule, followed then broken, as long as the calls judged it.
    let most = progress
        .rules
        .iter()
        .map(|r| r.followed + r.broken)
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let rule_rows: Vec<_> = progress
        .rules
        .iter()
        .map(|r| {
            let weakest = progress.weakest.as_deref() == Some(r.rule.as_str());
            let name = if weakest {
                locale.tr("progress-weakest", &[("rule", rule_name(&r.rule).into())])
            } else {
                rule_name(&r.rule)
            };
            let colour = if weakest {
                palette::WARN
            } else {
                palette::TEXT
            };
            (
                RuleRow {
                    rule: r.rule.clone(),
                    followed: r.followed,
                    broken: r.broken,
                },
                Node {
                    align_items: AlignItems::Center,
                    column_gap: px(10),
                    ..default()
                },
                children![
                    // The name takes the room the bar and the counts leave (it wraps);
                    // the bar and the counts keep their size, so the bars line up and
                    // "followed 11 · broken 2" stays on one line on a small screen.
                    (
                        Node {
                            flex_grow: 1.0,
                            flex_basis: px(0),
                            min_width: px(0),
                            ..default()
                        },
                        children![widgets::paragraph(&fonts, name, size::SMALL, colour)],
                    ),
                    (
                        Node {
                            align_items: AlignItems::Center,
                            column_gap: px(10),
                            flex_shrink: 0.0,
                            ..default()
                        },
                        children![
                            (
                                Node {
                                    width: px(BAR),
                                    height: px(10),
                                    ..default()
                                },
                                BackgroundColor(palette::BUTTON_DISABLED),
                                children![
                                    (
                                        Node {
                                            width: px(BAR * r.followed as f32 / most),
                                            height: percent(100),
                                            ..default()
                                        },
                                        BackgroundColor(palette::GOOD),
                                    ),
                                    (
                                        Node {
                                            width: px(BAR * r.broken as f32 / most),
                                            height: percent(100),
                                            ..default()
                                        },
                                        BackgroundColor(palette::BAD),
                                    ),
                                ],
                            ),
                            (
                                widgets::text(
                                    &fonts,
                                    locale.tr(
                                        "progress-rule-counts",
                                        &[
                                            ("followed", r.followed.into()),
                                            ("broken", r.broken.into()),
                                        ],
                                    ),
                                    size::SMALL,
                                    palette::TEXT_DIM,
                                ),
                                TextLayout::default().with_no_wrap(),
                            ),
                        ],
                    ),
                ],
            )
        })
        .collect();
    let rules_empty = rule_rows.is_empty().then(|| {
        widgets::text(
            &fonts,
            locale.t("progress-empty"),
            size::BODY,
            palette::TEXT_DIM,
        )
    });
    let shown_calls = calls.len().min(htl_core::report::trainee::RECENT_CALLS);
    // Each panel scrolls on its own (the wheel scrolls the one under the pointer; the
    // arrow keys the rules, the longer of the two).
    let rules_panel = (
        half_panel(true),
        BackgroundColor(palette::PANEL),
        Children::spawn((
            Spawn(widgets::bold(
                &fonts,
                locale.tr("progress-rules", &[("count", shown_calls.into())]),
                size::LARGE,
                palette::TEXT,
            )),
            SpawnIter(rule_rows.into_iter()),
            SpawnIter(rules_empty.into_iter()),
        )),
    );

    // The cases played: best score, attempts, passed.
    let case_rows: Vec<_> = progress
        .cases
        .iter()
        .map(|c| {
            let state = locale.t(if c.passed {
                "progress-passed"
            } else {
                "progress-not-passed"
            });
            // A case only ever left has no score to show: it says so instead of "best 0".
            let line = match c.best_score {
                Some(best) => locale.tr(
                    "progress-case-line",
                    &[
                        ("title", title_of(&c.case).into()),
                        ("score", best.into()),
                        ("attempts", c.attempts.into()),
                        ("state", state.into()),
                    ],
                ),
                None => locale.tr(
                    "progress-case-left",
                    &[("title", title_of(&c.case).into()), ("left", c.left.into())],
                ),
            };
            widgets::paragraph(
                &fonts,
                line,
                size::SMALL,
                if c.passed {
                    palette::TEXT
                } else {
                    palette::TEXT_DIM
                },
            )
        })
        .collect();
    let cases_panel = (
        half_panel(false),
        BackgroundColor(palette::PANEL),
        Children::spawn((
            Spawn(widgets::bold(
                &fonts,
                locale.t("progress-cases"),
                size::LARGE,
                palette::TEXT,
            )),
            SpawnIter(case_rows.into_iter()),
        )),
    );

    // The last shifts worked, newest first, in a line.
    let shifts: Vec<String> = trainee
        .profile
        .shifts
        .iter()
        .rev()
        .take(3)
        .map(|s| {
            let title = cases
                .shifts
                .iter()
                .find(|x| x.id == s.shift)
                .map_or_else(|| s.shift.clone(), |x| x.title.clone());
            let result = locale.t(if s.passed {
                "shift-passed"
            } else {
                "shift-not-passed"
            });
            locale.tr(
                "progress-shift",
                &[
                    ("title", title.into()),
                    (
                        "day",
                        s.finished
                            .get(..10)
                            .unwrap_or(&s.finished)
                            .to_string()
                            .into(),
                    ),
                    ("result", result.into()),
                    ("calls", s.calls.into()),
                ],
            )
        })
        .collect();
    let shifts_line = (!shifts.is_empty()).then(|| {
        widgets::paragraph(
            &fonts,
            locale.tr("progress-shifts", &[("shifts", shifts.join(" · ").into())]),
            size::BODY,
            palette::TEXT_DIM,
        )
    });

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

/// One of the two panels side by side: an equal half of the row, scrolling on its own
/// (`arrow_keys`: whether the arrow keys scroll it too).
fn half_panel(arrow_keys: bool) -> impl Bundle {
    scroll_panel(
        Node {
            flex_grow: 1.0,
            flex_basis: px(0),
            max_height: percent(100),
            ..widgets::panel()
        },
        Scrollable { arrow_keys },
    )
}

fn shortcuts(keys: Option<Res<ButtonInput<KeyCode>>>, mut commands: MessageWriter<UiCommand>) {
    let Some(keys) = keys else { return };
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(UiAction::BackToList));
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        match action {
            UiAction::BackToList => next.set(Screen::Select),
            UiAction::OpenCase(id) => {
                if let Some(scenario) = cases.playable(id, &trainee.profile) {
                    commands.insert_resource(CurrentCase(scenario));
                    next.set(Screen::Brief);
                }
            }
            _ => {}
        }
    }
}
