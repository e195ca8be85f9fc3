//! The desk between calls, laid out: the shift's clock, the queue with the call-backs
//! promised, the calls so far with their scores, the agent's strain, and what to do next;
//! laid out again when the desk changes in place.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::shift::{CallKind, Next};

use super::{DeskNext, ShiftDesk, minutes, next_action};
use crate::game::Screen;
use crate::game::actions::DeskAction;
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// The desk's root, despawned when the desk is laid out again.
#[derive(Component)]
pub(super) struct DeskRoot;

/// The desk: the clock on top, the queue beside the calls so far, the strain below, and the
/// main button with the break beside it.
pub(super) fn spawn(
    mut commands: Commands,
    locale: Res<Locale>,
    cases: Res<Cases>,
    desk: Res<ShiftDesk>,
) {
    let run = &desk.run;
    let shift = run.shift();
    let clock = shift.clock(run.now());
    let top_bar = (
        Node {
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            ..default()
        },
        children![
            widgets::header(
                shift.title.clone(),
                locale.tr(
                    "shift-clock",
                    &[
                        ("clock", clock.into()),
                        ("calls", (run.calls().len() + 1).into()),
                    ],
                ),
            ),
            widgets::button(locale.t("shift-leave"), DeskAction::Leave),
        ],
    );

    // The queue: who waits, for how long, and the call-backs promised.
    let waiting = locale.tr("shift-waiting", &[("count", run.queue_len().into())]);
    let longest = locale.tr(
        "shift-longest-wait",
        &[("wait", minutes(run.longest_wait()).into())],
    );
    let late = run.longest_wait() > run.policy().answer_within_s * 1000;
    let tasks: Vec<String> = run
        .open_tasks()
        .map(|(_, p)| {
            locale.tr(
                "shift-task",
                &[
                    ("title", cases.title_of(&run.calls()[p.call].case).into()),
                    ("due", shift.clock(p.due).into()),
                ],
            )
        })
        .collect();
    let tasks_heading = locale.t("shift-tasks");
    let no_tasks = locale.t("shift-no-tasks");

    // The calls so far, in order, with their scores.
    let rows: Vec<(String, bool)> = run
        .calls()
        .iter()
        .map(|c| {
            let mut title = cases.title_of(&c.case);
            match c.kind {
                CallKind::FollowUp => {
                    title = format!("{title} ({})", locale.t("shift-kind-follow-up"))
                }
                CallKind::CallBack => {
                    title = format!("{title} ({})", locale.t("shift-kind-call-back"))
                }
                CallKind::First => {}
            }
            let result = locale.t(if c.passed {
                "shift-passed"
            } else {
                "shift-not-passed"
            });
            (
                locale.tr(
                    "shift-call-row",
                    &[
                        ("clock", shift.clock(c.answered).into()),
                        ("title", title.into()),
                        ("score", c.score.into()),
                        ("result", result.into()),
                    ],
                ),
                c.passed,
            )
        })
        .collect();
    let calls_heading = locale.t("shift-calls");
    let no_calls = locale.t("shift-no-calls");
    let strain = run.strain();
    let strain_text = locale.tr("shift-strain", &[("strain", strain.into())]);
    let strain_hint = locale.t("shift-strain-hint");
    let (action, label) = next_action(run);
    let primary = locale.t(label);
    let break_label = locale.t("shift-take-break");
    let can_break = !matches!(run.next(), Next::Over | Next::Break);
    commands
        .spawn((
            widgets::screen_root("Shift desk"),
            DespawnOnExit(Screen::Shift),
            DeskRoot,
            TabGroup::new(0),
        ))
        .with_children(|root| {
            root.spawn(top_bar);
            if !shift.brief.is_empty() && run.calls().is_empty() {
                root.spawn(widgets::paragraph(
                    shift.brief.clone(),
                    size::BODY,
                    palette::TEXT_DIM,
                ));
            }
            root.spawn(Node {
                column_gap: px(16),
                flex_grow: 1.0,
                min_height: px(0),
                ..default()
            })
            .with_children(|columns| {
                columns
                    .spawn((
                        Node {
                            flex_direction: FlexDirection::Column,
                            row_gap: px(10),
                            flex_basis: px(0),
                            flex_grow: 1.0,
                            ..widgets::panel()
                        },
                        Name::new("Queue"),
                    ))
                    .with_children(|p| {
                        p.spawn(widgets::bold(
                            locale.t("shift-queue"),
                            size::LARGE,
                            palette::TEXT,
                        ));
                        p.spawn(widgets::bold(waiting, size::LARGE, palette::TEXT));
                        p.spawn(widgets::text(
                            longest,
                            size::BODY,
                            if late {
                                palette::WARN
                            } else {
                                palette::TEXT_DIM
                            },
                        ));
                        p.spawn(widgets::bold(tasks_heading, size::BODY, palette::TEXT));
                        if tasks.is_empty() {
                            p.spawn(widgets::text(no_tasks, size::SMALL, palette::TEXT_FAINT));
                        }
                        for task in tasks {
                            p.spawn(widgets::text(task, size::BODY, palette::ACCENT));
                        }
                    });
                columns
                    .spawn((
                        Node {
                            flex_direction: FlexDirection::Column,
                            row_gap: px(8),
                            flex_basis: px(0),
                            flex_grow: 1.0,
                            overflow: Overflow::clip(),
                            ..widgets::panel()
                        },
                        Name::new("Calls so far"),
                    ))
                    .with_children(|p| {
                        p.spawn(widgets::bold(calls_heading, size::LARGE, palette::TEXT));
                        if rows.is_empty() {
                            p.spawn(widgets::text(no_calls, size::SMALL, palette::TEXT_FAINT));
                        }
                        // The latest calls, newest last, as many as fit.
                        let skip = rows.len().saturating_sub(8);
                        for (row, passed) in rows.into_iter().skip(skip) {
                            p.spawn(widgets::text(
                                row,
                                size::BODY,
                                if passed { palette::GOOD } else { palette::BAD },
                            ));
                        }
                    });
            });
            // The agent's strain, as a bar and in words.
            root.spawn(Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(6),
                ..default()
            })
            .with_children(|p| {
                p.spawn(widgets::text(strain_text, size::BODY, palette::TEXT));
                p.spawn((
                    Node {
                        width: px(400),
                        height: px(10),
                        ..default()
                    },
                    BackgroundColor(palette::PANEL_RAISED),
                ))
                .with_children(|track| {
                    track.spawn((
                        Node {
                            width: percent(strain.min(100) as f32),
                            height: percent(100),
                            ..default()
                        },
                        BackgroundColor(if strain >= 50 {
                            palette::BAD
                        } else {
                            palette::WARN
                        }),
                    ));
                });
                p.spawn(widgets::text(strain_hint, size::SMALL, palette::TEXT_FAINT));
            });
            root.spawn(Node {
                column_gap: px(12),
                ..default()
            })
            .with_children(|row| {
                row.spawn((widgets::button(primary, action), DeskNext, AutoFocus));
                if can_break {
                    row.spawn(widgets::button(break_label, DeskAction::Break));
                }
            });
        });
}

/// The desk changes in place (a break, a wait): lay it out again.
pub(super) fn respawn_on_change(
    mut commands: Commands,
    desk: Res<ShiftDesk>,
    roots: Query<Entity, With<DeskRoot>>,
    locale: Res<Locale>,
    cases: Res<Cases>,
) {
    if !desk.is_changed() || desk.is_added() {
        return;
    }
    for root in &roots {
        commands.entity(root).despawn();
    }
    spawn(commands, locale, cases, desk);
}
