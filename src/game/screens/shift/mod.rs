//! Shift mode in the game: the desk between calls (the queue, promised call-backs, the
//! calls so far and the agent's strain), after-call work (`after_call.rs`) and the shift's
//! results (`results.rs`). `htl_core::shift::ShiftRun` decides everything: who is next,
//! how long they waited, where a customer starts; these screens show it and pass the
//! trainee's choices on. This file: the shift's state, the plugin, and the desk's keys and
//! commands; the desk's layout is in `desk.rs`.

mod after_call;
mod desk;
mod results;

use bevy::prelude::*;
use htl_core::shift::{Next, ShiftLog, ShiftRecord, ShiftRun, save_shift};
use htl_core::vocab::{MeterDelta, Millis, Note};

use crate::game::actions::{DeskAction, UiCommand};
use crate::game::session::{CurrentCase, Trainee, TraineeNotice, send_when_queued};
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

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((after_call::plugin, results::plugin))
        .add_systems(OnEnter(Screen::Shift), desk::spawn)
        .add_systems(
            Update,
            (shortcuts, handle, desk::respawn_on_change)
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
fn next_action(run: &ShiftRun) -> (DeskAction, &'static str) {
    match run.next() {
        Next::Promise(i) => (DeskAction::CallBack(i), "shift-call-back"),
        Next::Caller => (DeskAction::Answer, "shift-answer"),
        Next::Break => (DeskAction::Break, "shift-break-due"),
        Next::Idle(_) => (DeskAction::Wait, "shift-wait"),
        Next::Over => (DeskAction::Results, "shift-results"),
    }
}

/// The desk's keys: Enter does what the main button does, B takes a break, Esc leaves.
fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    desk: Res<ShiftDesk>,
    mut commands: MessageWriter<UiCommand<DeskAction>>,
) {
    let Some(keys) = keys else { return };
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        commands.write(UiCommand(next_action(&desk.run).0));
    }
    if keys.just_pressed(KeyCode::KeyB) {
        commands.write(UiCommand(DeskAction::Break));
    }
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(DeskAction::Leave));
    }
}

/// The desk's commands: answer, call back, a break, a wait, the results, leaving.
fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand<DeskAction>>,
    mut desk: ResMut<ShiftDesk>,
    mut trainee: Option<ResMut<Trainee>>,
    config: Res<GameConfig>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        let answered = match action {
            DeskAction::Answer => desk.run.answer(),
            DeskAction::CallBack(i) => desk.run.call_back(*i),
            DeskAction::Break => {
                if !matches!(desk.run.next(), Next::Over) {
                    desk.run.take_break();
                }
                None
            }
            DeskAction::Wait => {
                if let Next::Idle(at) = desk.run.next() {
                    desk.run.wait_until(at);
                }
                None
            }
            DeskAction::Results => {
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
            DeskAction::Leave => {
                commands.remove_resource::<ShiftDesk>();
                next.set(Screen::Select);
                None
            }
        };
        if let Some(answered) = answered {
            commands.insert_resource(CurrentCase(answered.scenario));
            commands.insert_resource(ShiftOpening(answered.opening));
            next.set(Screen::Brief);
        }
    }
}
