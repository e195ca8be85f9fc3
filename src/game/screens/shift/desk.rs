//! The desk between calls, laid out: the shift's clock, the queue with the call-backs
//! promised, the calls so far with their scores, the agent's strain, and what to do next;
//! laid out again when the desk changes in place.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::shift::{CallKind, Next, ShiftRun};

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
    let brief = (!shift.brief.is_empty() && run.calls().is_empty())
        .then(|| widgets::paragraph(shift.brief.clone(), size::BODY, palette::TEXT_DIM));
    commands.spawn((
        widgets::screen_root("Shift desk"),
        DespawnOnExit(Screen::Shift),
        DeskRoot,
        TabGroup::new(0),
        Children::spawn((
            Spawn(top_bar(&locale, run)),
            SpawnIter(brief.into_iter()),
            Spawn((
                Node {
                    column_gap: px(16),
                    flex_grow: 1.0,
                    min_height: px(0),
                    ..default()
                },
                children![
                    queue_panel(&locale, &cases, run),
                    calls_panel(&locale, &cases, run)
                ],
            )),
            Spawn(strain_meter(&locale, run)),
            Spawn(next_buttons(&locale, run)),
        )),
    ));
}

/// The shift's title and clock, and the way out.
fn top_bar(locale: &Locale, run: &ShiftRun) -> impl Bundle {
    let shift = run.shift();
    let clock = shift.clock(run.now());
    (
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
    )
}

/// A column of the desk: a titled panel that shares the row with the other.
fn desk_column(name: &'static str, row_gap: f32) -> impl Bundle {
    (
        Name::new(name),
        Node {
            row_gap: px(row_gap),
            flex_basis: px(0),
            flex_grow: 1.0,
            overflow: Overflow::clip(),
            ..widgets::panel()
        },
    )
}

/// The queue: who waits, for how long, and the call-backs promised.
fn queue_panel(locale: &Locale, cases: &Cases, run: &ShiftRun) -> impl Bundle {
    let shift = run.shift();
    let waiting = locale.tr("shift-waiting", &[("count", run.queue_len().into())]);
    let longest = locale.tr(
        "shift-longest-wait",
        &[("wait", minutes(run.longest_wait()).into())],
    );
    let late = run.longest_wait() > run.policy().answer_within_s * 1000;
    let tasks: Vec<_> = run
        .open_tasks()
        .map(|(_, p)| {
            let task = locale.tr(
                "shift-task",
                &[
                    ("title", cases.title_of(&run.calls()[p.call].case).into()),
                    ("due", shift.clock(p.due).into()),
                ],
            );
            widgets::text(task, size::BODY, palette::ACCENT)
        })
        .collect();
    let no_tasks = tasks
        .is_empty()
        .then(|| widgets::text(locale.t("shift-no-tasks"), size::SMALL, palette::TEXT_FAINT));
    let longest_colour = if late {
        palette::WARN
    } else {
        palette::TEXT_DIM
    };
    widgets::titled_panel(
        desk_column("Queue", 10.0),
        widgets::panel_heading(locale.t("shift-queue")),
        (
            Spawn(widgets::bold(waiting, size::LARGE, palette::TEXT)),
            Spawn(widgets::text(longest, size::BODY, longest_colour)),
            Spawn(widgets::bold(
                locale.t("shift-tasks"),
                size::BODY,
                palette::TEXT,
            )),
            SpawnIter(no_tasks.into_iter()),
            SpawnIter(tasks.into_iter()),
        ),
    )
}

/// The calls so far, in order, with their scores: the latest, newest last, as many as fit.
fn calls_panel(locale: &Locale, cases: &Cases, run: &ShiftRun) -> impl Bundle {
    let shift = run.shift();
    let rows: Vec<_> = run
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
            let row = locale.tr(
                "shift-call-row",
                &[
                    ("clock", shift.clock(c.answered).into()),
                    ("title", title.into()),
                    ("score", c.score.into()),
                    ("result", result.into()),
                ],
            );
            let colour = if c.passed {
                palette::GOOD
            } else {
                palette::BAD
            };
            widgets::text(row, size::BODY, colour)
        })
        .collect();
    let no_calls = rows
        .is_empty()
        .then(|| widgets::text(locale.t("shift-no-calls"), size::SMALL, palette::TEXT_FAINT));
    let skip = rows.len().saturating_sub(8);
    widgets::titled_panel(
        desk_column("Calls so far", 8.0),
        widgets::panel_heading(locale.t("shift-calls")),
        (
            SpawnIter(no_calls.into_iter()),
            SpawnIter(rows.into_iter().skip(skip)),
        ),
    )
}

/// The agent's strain, as a bar and in words.
fn strain_meter(locale: &Locale, run: &ShiftRun) -> impl Bundle {
    let strain = run.strain();
    let bar_colour = if strain >= 50 {
        palette::BAD
    } else {
        palette::WARN
    };
    (
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(6),
            ..default()
        },
        children![
            widgets::text(
                locale.tr("shift-strain", &[("strain", strain.into())]),
                size::BODY,
                palette::TEXT,
            ),
            (
                Node {
                    width: px(400),
                    height: px(10),
                    ..default()
                },
                BackgroundColor(palette::PANEL_RAISED),
                children![(
                    Node {
                        width: percent(strain.min(100) as f32),
                        height: percent(100),
                        ..default()
                    },
                    BackgroundColor(bar_colour),
                )],
            ),
            widgets::text(
                locale.t("shift-strain-hint"),
                size::SMALL,
                palette::TEXT_FAINT
            ),
        ],
    )
}

/// What to do next (answer, call back, wait, the results), focused, and a break beside it
/// while one can be taken.
fn next_buttons(locale: &Locale, run: &ShiftRun) -> impl Bundle {
    let (action, label) = next_action(run);
    let can_break = !matches!(run.next(), Next::Over | Next::Break);
    let take_break =
        can_break.then(|| widgets::button(locale.t("shift-take-break"), DeskAction::Break));
    (
        Node {
            column_gap: px(12),
            ..default()
        },
        Children::spawn((
            Spawn((
                widgets::button(locale.t(label), action),
                DeskNext,
                AutoFocus,
            )),
            SpawnIter(take_break.into_iter()),
        )),
    )
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
