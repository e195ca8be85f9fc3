//! How the shift went: the measures a supervisor reads at the end of a day (calls handled,
//! handle time, first-contact resolution, call-backs kept, service level), the agent's
//! strain and composure, each call's score with the strain after it (a chart), the rule
//! broken most, and whether the shift passed and what to work on. The figures come from
//! `htl_core::shift::summarise`; this screen only shows them.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::shift::{ShiftRun, ShiftShortfall, ShiftSummary, summarise};

use super::{ShiftDesk, minutes};
use crate::game::Screen;
use crate::game::actions::{ShiftResultsAction, UiCommand};
use crate::game::locale::Locale;
use crate::game::theme::palette;
use crate::game::theme::scroll::{self, ScrollHint, Scrollable};
use crate::game::theme::widgets::{self, size};

/// The chart's height for a score of 100 or a strain of 100.
const CHART: f32 = 120.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::ShiftResults), spawn)
        .add_systems(
            Update,
            (shortcuts, handle)
                .chain()
                .run_if(in_state(Screen::ShiftResults)),
        );
}

/// "80%": the sign against the number, so right to left it stays on the number's side.
fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn spawn(
    mut commands: Commands,
    locale: Res<Locale>,
    desk: Res<ShiftDesk>,
    cases: Res<crate::game::cases::Cases>,
) {
    let run = &desk.run;
    let s = summarise(run);
    let verdict = locale.t(if s.passed {
        "shift-result-passed"
    } else {
        "shift-result-not-passed"
    });
    let verdict_colour = if s.passed {
        palette::GOOD
    } else {
        palette::BAD
    };
    let figures = measure_lines(&locale, &cases, run, &s)
        .into_iter()
        .map(|line| widgets::text(line, size::BODY, palette::TEXT));
    let why = shortfalls(&locale, &s);
    let why_heading =
        (!why.is_empty()).then(|| widgets::panel_heading(locale.t("shift-result-why")));
    let why_lines = why
        .into_iter()
        .map(|line| widgets::text(line, size::BODY, palette::WARN));
    // The figures scroll (larger text, a long list of what to improve); the way back stays
    // on screen under them.
    let body = (
        scroll::scroll_panel(
            Node {
                flex_grow: 1.0,
                flex_direction: FlexDirection::Column,
                row_gap: px(16),
                ..default()
            },
            Scrollable { arrow_keys: true },
        ),
        Name::new("Shift figures"),
        Children::spawn((
            Spawn(widgets::bold(verdict, size::TITLE, verdict_colour)),
            Spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(6),
                    ..default()
                },
                Children::spawn(SpawnIter(figures)),
            )),
            Spawn(call_chart(&locale, run)),
            SpawnIter(why_heading.into_iter()),
            SpawnIter(why_lines),
        )),
    );
    let way_back = (
        Node {
            align_items: AlignItems::Center,
            column_gap: px(16),
            flex_wrap: FlexWrap::Wrap,
            ..default()
        },
        children![
            (
                widgets::button(
                    locale.t("shift-result-back"),
                    ShiftResultsAction::BackToList
                ),
                AutoFocus,
            ),
            (
                ScrollHint,
                widgets::text(locale.t("scroll-hint"), size::SMALL, palette::TEXT_DIM),
            ),
        ],
    );
    commands.spawn((
        widgets::screen_root("Shift results"),
        DespawnOnExit(Screen::ShiftResults),
        TabGroup::new(0),
        children![
            widgets::header(locale.t("shift-result-title"), run.shift().title.clone()),
            body,
            way_back,
        ],
    ));
}

/// The day's measures in words: calls, handle time, first-contact resolution, service
/// level, promises, abandoned calls, strain, composure and the rule broken most.
fn measure_lines(
    locale: &Locale,
    cases: &crate::game::cases::Cases,
    run: &ShiftRun,
    s: &ShiftSummary,
) -> Vec<String> {
    let policy = run.policy();
    let mut lines = vec![
        locale.tr(
            "shift-result-handled",
            &[
                ("handled", s.calls_handled.into()),
                ("passed", s.calls_passed.into()),
            ],
        ),
        locale.tr(
            "shift-result-handle-time",
            &[("time", minutes((s.average_handle_s * 1000.0) as u32).into())],
        ),
        locale.tr(
            "shift-result-fcr",
            &[
                ("share", pct(s.first_contact_resolution).into()),
                ("repeats", s.repeat_calls.into()),
            ],
        ),
        locale.tr(
            "shift-result-service",
            &[
                ("seconds", policy.answer_within_s.into()),
                ("share", pct(s.service_level).into()),
                ("wait", minutes((s.longest_wait_s * 1000.0) as u32).into()),
            ],
        ),
    ];
    if s.promises_made > 0 {
        lines.push(locale.tr(
            "shift-result-promises",
            &[
                ("kept", s.promises_kept.into()),
                ("made", s.promises_made.into()),
            ],
        ));
    }
    if s.abandoned > 0 {
        lines.push(locale.tr("shift-result-abandoned", &[("count", s.abandoned.into())]));
    }
    lines.push(locale.tr(
        "shift-result-strain",
        &[
            ("peak", s.peak_strain.into()),
            ("hard", s.hard_calls.into()),
            ("breaks", s.breaks.into()),
        ],
    ));
    if let Some(c) = s.composure {
        lines.push(locale.tr(
            "shift-result-composure",
            &[
                ("after", format!("{:.0}", c.after_hard_score).into()),
                ("others", format!("{:.0}", c.others_score).into()),
            ],
        ));
        if c.dropped() {
            lines.push(locale.t("shift-result-composure-dropped"));
        }
    }
    if let Some(rule) = &s.most_broken {
        lines.push(locale.tr(
            "shift-result-rule",
            &[
                (
                    "rule",
                    cases.catalogue.rule_name(locale.lang, &rule.rule).into(),
                ),
                ("times", rule.times.into()),
            ],
        ));
    }
    lines
}

/// Why the shift did not pass, one line per measure short of its mark.
fn shortfalls(locale: &Locale, s: &ShiftSummary) -> Vec<String> {
    s.shortfalls
        .iter()
        .map(|f| match *f {
            ShiftShortfall::CallsPassed { share, needed } => locale.tr(
                "shift-shortfall-calls",
                &[("share", pct(share).into()), ("needed", pct(needed).into())],
            ),
            ShiftShortfall::PromisesKept { share, needed } => locale.tr(
                "shift-shortfall-promises",
                &[("share", pct(share).into()), ("needed", pct(needed).into())],
            ),
            ShiftShortfall::ServiceLevel { share, needed } => locale.tr(
                "shift-shortfall-service",
                &[("share", pct(share).into()), ("needed", pct(needed).into())],
            ),
            ShiftShortfall::FirstContactResolution { share, needed } => locale.tr(
                "shift-shortfall-fcr",
                &[("share", pct(share).into()), ("needed", pct(needed).into())],
            ),
            ShiftShortfall::NoCalls => locale.t("shift-shortfall-none"),
        })
        .collect()
}

/// The chart: one column per call in the order taken, its score as a bar (green passed,
/// red not) with the number under it, and the strain after it as a thin amber bar.
fn call_chart(locale: &Locale, run: &ShiftRun) -> impl Bundle {
    let columns: Vec<_> = run
        .calls()
        .iter()
        .map(|c| call_column(c.score, c.passed, c.strain_after))
        .collect();
    (
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(6),
            align_self: AlignSelf::FlexStart,
            ..widgets::panel()
        },
        Name::new("Scores and strain, call by call"),
        children![
            widgets::text(
                locale.t("shift-result-chart"),
                size::SMALL,
                palette::TEXT_DIM
            ),
            (
                Node {
                    align_items: AlignItems::FlexEnd,
                    column_gap: px(14),
                    height: px(CHART + 24.0),
                    ..default()
                },
                Children::spawn(SpawnIter(columns.into_iter())),
            ),
        ],
    )
}

/// One call on the chart: its score bar and strain bar side by side, the score under them.
fn call_column(score: u8, passed: bool, strain: u32) -> impl Bundle {
    let bar = |value: f32| px((CHART * value / 100.0).max(2.0));
    (
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(4),
            ..default()
        },
        children![
            (
                Node {
                    align_items: AlignItems::FlexEnd,
                    column_gap: px(3),
                    height: px(CHART),
                    ..default()
                },
                children![
                    (
                        Node {
                            width: px(22),
                            height: bar(f32::from(score)),
                            ..default()
                        },
                        BackgroundColor(if passed { palette::GOOD } else { palette::BAD }),
                    ),
                    (
                        Node {
                            width: px(7),
                            height: bar(strain.min(100) as f32),
                            ..default()
                        },
                        BackgroundColor(palette::WARN),
                    ),
                ],
            ),
            widgets::text(score.to_string(), size::SMALL, palette::TEXT),
        ],
    )
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut commands: MessageWriter<UiCommand<ShiftResultsAction>>,
) {
    let Some(keys) = keys else { return };
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Escape]) {
        commands.write(UiCommand(ShiftResultsAction::BackToList));
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand<ShiftResultsAction>>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        if *action == ShiftResultsAction::BackToList {
            commands.remove_resource::<ShiftDesk>();
            next.set(Screen::Select);
        }
    }
}
