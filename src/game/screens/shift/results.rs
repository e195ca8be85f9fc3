//! How the shift went: the measures a supervisor reads at the end of a day (calls handled,
//! handle time, first-contact resolution, call-backs kept, service level), the agent's
//! strain and composure, each call's score with the strain after it (a chart), the rule
//! broken most, and whether the shift passed and what to work on. The figures come from
//! `htl_core::shift::summarise`; this screen only shows them.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::shift::{ShiftShortfall, summarise};

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
    let policy = run.policy();
    let verdict = locale.t(if s.passed {
        "shift-result-passed"
    } else {
        "shift-result-not-passed"
    });
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
    let why: Vec<String> = s
        .shortfalls
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
        .collect();
    // Each call: its score as a bar (green passed, red not) and the strain after it (a
    // thin amber bar beside it), in the order taken.
    let bars: Vec<(u8, bool, u32)> = run
        .calls()
        .iter()
        .map(|c| (c.score, c.passed, c.strain_after))
        .collect();
    let chart_caption = locale.t("shift-result-chart");
    commands
        .spawn((
            widgets::screen_root("Shift results"),
            DespawnOnExit(Screen::ShiftResults),
            TabGroup::new(0),
        ))
        .with_children(|root| {
            root.spawn(widgets::header(
                locale.t("shift-result-title"),
                run.shift().title.clone(),
            ));
            // The figures scroll (larger text, a long list of what to improve); the way
            // back stays on screen under them.
            let body = scroll::scroll_panel(
                Node {
                    flex_grow: 1.0,
                    flex_direction: FlexDirection::Column,
                    row_gap: px(16),
                    ..default()
                },
                Scrollable { arrow_keys: true },
            );
            root.spawn((body, Name::new("Shift figures")))
                .with_children(|root| {
                    root.spawn(widgets::bold(
                        verdict,
                        size::TITLE,
                        if s.passed {
                            palette::GOOD
                        } else {
                            palette::BAD
                        },
                    ));
                    root.spawn(Node {
                        flex_direction: FlexDirection::Column,
                        row_gap: px(6),
                        ..default()
                    })
                    .with_children(|p| {
                        for line in lines {
                            p.spawn(widgets::text(line, size::BODY, palette::TEXT));
                        }
                    });
                    // The chart: one column per call, its score as a bar (green passed, red not)
                    // with the number under it, and the strain after it as a thin amber bar.
                    root.spawn((
                        Node {
                            flex_direction: FlexDirection::Column,
                            row_gap: px(6),
                            align_self: AlignSelf::FlexStart,
                            ..widgets::panel()
                        },
                        Name::new("Scores and strain, call by call"),
                    ))
                    .with_children(|panel| {
                        panel.spawn(widgets::text(chart_caption, size::SMALL, palette::TEXT_DIM));
                        panel
                            .spawn(Node {
                                align_items: AlignItems::FlexEnd,
                                column_gap: px(14),
                                height: px(CHART + 24.0),
                                ..default()
                            })
                            .with_children(|chart| {
                                for (score, passed, strain) in bars {
                                    chart
                                        .spawn(Node {
                                            flex_direction: FlexDirection::Column,
                                            align_items: AlignItems::Center,
                                            row_gap: px(4),
                                            ..default()
                                        })
                                        .with_children(|column| {
                                            column
                                                .spawn(Node {
                                                    align_items: AlignItems::FlexEnd,
                                                    column_gap: px(3),
                                                    height: px(CHART),
                                                    ..default()
                                                })
                                                .with_children(|pair| {
                                                    pair.spawn((
                                                        Node {
                                                            width: px(22),
                                                            height: px((CHART * f32::from(score)
                                                                / 100.0)
                                                                .max(2.0)),
                                                            ..default()
                                                        },
                                                        BackgroundColor(if passed {
                                                            palette::GOOD
                                                        } else {
                                                            palette::BAD
                                                        }),
                                                    ));
                                                    pair.spawn((
                                                        Node {
                                                            width: px(7),
                                                            height: px((CHART
                                                                * strain.min(100) as f32
                                                                / 100.0)
                                                                .max(2.0)),
                                                            ..default()
                                                        },
                                                        BackgroundColor(palette::WARN),
                                                    ));
                                                });
                                            column.spawn(widgets::text(
                                                score.to_string(),
                                                size::SMALL,
                                                palette::TEXT,
                                            ));
                                        });
                                }
                            });
                    });
                    if !why.is_empty() {
                        root.spawn(widgets::bold(
                            locale.t("shift-result-why"),
                            size::LARGE,
                            palette::TEXT,
                        ));
                        for line in why {
                            root.spawn(widgets::text(line, size::BODY, palette::WARN));
                        }
                    }
                });
            root.spawn(Node {
                align_items: AlignItems::Center,
                column_gap: px(16),
                flex_wrap: FlexWrap::Wrap,
                ..default()
            })
            .with_children(|row| {
                row.spawn((
                    widgets::button(
                        locale.t("shift-result-back"),
                        ShiftResultsAction::BackToList,
                    ),
                    AutoFocus,
                ));
                row.spawn((
                    ScrollHint,
                    widgets::text(locale.t("scroll-hint"), size::SMALL, palette::TEXT_DIM),
                ));
            });
        });
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
