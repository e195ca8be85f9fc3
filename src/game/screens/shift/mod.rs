//! Shift mode in the game: the desk between calls (the queue, promised call-backs, the
//! calls so far and the agent's strain), after-call work (`after_call.rs`) and the shift's
//! results (`results.rs`). `htl_core::shift::ShiftRun` decides everything: who is next,
//! how long they waited, where a customer starts; these screens show it and pass the
//! trainee's choices on.

mod after_call;
mod results;

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::shift::{CallKind, Next, ShiftLog, ShiftRecord, ShiftRun, save_shift};
use htl_core::vocab::{MeterDelta, Millis, Note};

use crate::game::actions::{UiAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, Trainee, TraineeNotice, send_when_queued};
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};
use crate::game::{GameConfig, Screen};

pub use after_call::AfterCallDraft;

/// The shift being worked, from the case list's "Take a shift" to its results.
#[derive(Resource)]
pub struct ShiftDesk {
    pub run: ShiftRun,
    /// Its id, start and each call's session file, for the shift's record.
    pub log: ShiftLog,
}

impl ShiftDesk {
    pub fn new(run: ShiftRun) -> ShiftDesk {
        ShiftDesk {
            run,
            log: ShiftLog::start(),
        }
    }
}

/// Why the next call's customer starts where they do (their wait, a missed promise): the
/// call screen logs it so the meters show it.
#[derive(Resource, Debug, Clone, Default)]
pub struct ShiftOpening(pub Vec<(MeterDelta, Note)>);

/// The desk's main button: what the queue says to do now.
#[derive(Component)]
pub struct DeskNext;

#[derive(Component)]
struct DeskRoot;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((after_call::plugin, results::plugin))
        .add_systems(OnEnter(Screen::Shift), spawn)
        .add_systems(
            Update,
            (shortcuts, handle, respawn_on_change)
                .chain()
                .run_if(in_state(Screen::Shift)),
        );
}

/// `m:ss`.
pub fn minutes(ms: Millis) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

/// What the main button does now, and its words.
fn next_action(run: &ShiftRun) -> (UiAction, &'static str) {
    match run.next() {
        Next::Promise(i) => (UiAction::ShiftCallBack(i), "shift-call-back"),
        Next::Caller => (UiAction::ShiftAnswer, "shift-answer"),
        Next::Break => (UiAction::ShiftBreak, "shift-break-due"),
        Next::Idle(_) => (UiAction::ShiftWait, "shift-wait"),
        Next::Over => (UiAction::ShiftResults, "shift-results"),
    }
}

fn spawn(
    mut commands: Commands,
    fonts: Res<UiFonts>,
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
                &fonts,
                shift.title.clone(),
                locale.tr(
                    "shift-clock",
                    &[
                        ("clock", clock.into()),
                        ("calls", (run.calls().len() + 1).into()),
                    ],
                ),
            ),
            widgets::button(&fonts, locale.t("shift-leave"), UiAction::LeaveShift),
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
    let f = fonts.clone();
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
                    &f,
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
                            &f,
                            locale.t("shift-queue"),
                            size::LARGE,
                            palette::TEXT,
                        ));
                        p.spawn(widgets::bold(&f, waiting, size::LARGE, palette::TEXT));
                        p.spawn(widgets::text(
                            &f,
                            longest,
                            size::BODY,
                            if late {
                                palette::WARN
                            } else {
                                palette::TEXT_DIM
                            },
                        ));
                        p.spawn(widgets::bold(&f, tasks_heading, size::BODY, palette::TEXT));
                        if tasks.is_empty() {
                            p.spawn(widgets::text(
                                &f,
                                no_tasks,
                                size::SMALL,
                                palette::TEXT_FAINT,
                            ));
                        }
                        for task in tasks {
                            p.spawn(widgets::text(&f, task, size::BODY, palette::ACCENT));
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
                        p.spawn(widgets::bold(&f, calls_heading, size::LARGE, palette::TEXT));
                        if rows.is_empty() {
                            p.spawn(widgets::text(
                                &f,
                                no_calls,
                                size::SMALL,
                                palette::TEXT_FAINT,
                            ));
                        }
                        // The latest calls, newest last, as many as fit.
                        let skip = rows.len().saturating_sub(8);
                        for (row, passed) in rows.into_iter().skip(skip) {
                            p.spawn(widgets::text(
                                &f,
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
                p.spawn(widgets::text(&f, strain_text, size::BODY, palette::TEXT));
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
                p.spawn(widgets::text(
                    &f,
                    strain_hint,
                    size::SMALL,
                    palette::TEXT_FAINT,
                ));
            });
            root.spawn(Node {
                column_gap: px(12),
                ..default()
            })
            .with_children(|row| {
                row.spawn((widgets::button(&f, primary, action), DeskNext, AutoFocus));
                if can_break {
                    row.spawn(widgets::button(&f, break_label, UiAction::ShiftBreak));
                }
            });
        });
}

/// The desk changes in place (a break, a wait): lay it out again.
fn respawn_on_change(
    mut commands: Commands,
    desk: Res<ShiftDesk>,
    roots: Query<Entity, With<DeskRoot>>,
    fonts: Res<UiFonts>,
    locale: Res<Locale>,
    cases: Res<Cases>,
) {
    if !desk.is_changed() || desk.is_added() {
        return;
    }
    for root in &roots {
        commands.entity(root).despawn();
    }
    spawn(commands, fonts, locale, cases, desk);
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    desk: Res<ShiftDesk>,
    mut commands: MessageWriter<UiCommand>,
) {
    let Some(keys) = keys else { return };
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        commands.write(UiCommand(next_action(&desk.run).0));
    }
    if keys.just_pressed(KeyCode::KeyB) {
        commands.write(UiCommand(UiAction::ShiftBreak));
    }
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(UiAction::LeaveShift));
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand>,
    mut desk: ResMut<ShiftDesk>,
    mut trainee: Option<ResMut<Trainee>>,
    config: Res<GameConfig>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        let answered = match action {
            UiAction::ShiftAnswer => desk.run.answer(),
            UiAction::ShiftCallBack(i) => desk.run.call_back(*i),
            UiAction::ShiftBreak => {
                if !matches!(desk.run.next(), Next::Over) {
                    desk.run.take_break();
                }
                None
            }
            UiAction::ShiftWait => {
                if let Next::Idle(at) = desk.run.next() {
                    desk.run.wait_until(at);
                }
                None
            }
            UiAction::ShiftResults => {
                // Saved as soon as it is over, like a call, before the results show.
                if let Some(trainee) = trainee.as_deref_mut()
                    && !trainee.guest
                {
                    let record = ShiftRecord::of(&desk.run, &desk.log, &trainee.profile.name);
                    let store = trainee.store.clone();
                    if let Err(e) = save_shift(&store, &mut trainee.profile, &record) {
                        trainee.notice = Some(TraineeNotice::SaveFailed(e.to_string()));
                    }
                    // Its closing statements join the calls' in the outbox, sent as they are.
                    let data = htl_core::profile::data_dir(Some(&config.data_dir));
                    send_when_queued(htl_core::lrs::enqueue_shift(&data, &record), &data, trainee);
                }
                next.set(Screen::ShiftResults);
                None
            }
            UiAction::LeaveShift => {
                commands.remove_resource::<ShiftDesk>();
                next.set(Screen::Select);
                None
            }
            _ => None,
        };
        if let Some(answered) = answered {
            commands.insert_resource(CurrentCase(answered.scenario));
            commands.insert_resource(ShiftOpening(answered.opening));
            next.set(Screen::Brief);
        }
    }
}
