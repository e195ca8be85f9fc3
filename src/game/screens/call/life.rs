//! The call's life, from the first frame to the debrief: starting it on entering the
//! screen, the wall clock driving the engine each frame, the fresh events taken for the
//! panels, and the end (saved at once, then the debrief or after-call work).

use bevy::prelude::*;
use htl_core::engine::{Call, Voice};
use htl_core::profile::SessionContext;
use htl_core::scenario::Gender;
use std::sync::Arc;

use super::{CallView, ChosenVoice, ENDING_HOLD_SECS, FreshEvents, first_call, meters};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::redraw::NextChange;
use crate::game::screens::shift::{ShiftDesk, ShiftOpening};
use crate::game::session::{CurrentCase, LiveCall, Trainee, finish, next_seed};
use crate::game::{GameConfig, Screen};

/// The most wall-clock seconds one frame gives the call (a laptop woken from sleep does not
/// find its customer hung up on minutes of dead air).
const LONGEST_STEP: f32 = 5.0;

/// On entering the screen: the call itself, in the trainee's words and with their time to
/// answer, and the screen's state fresh.
pub(super) fn start_call(
    mut commands: Commands,
    case: Res<CurrentCase>,
    cases: Res<Cases>,
    config: Res<GameConfig>,
    trainee: Option<Res<Trainee>>,
    opening: Option<Res<ShiftOpening>>,
) {
    // The cards in the trainee's own words: a woman's where the case words them.
    let scenario = match crate::game::screens::brief::speaks_as(trainee.as_deref()) {
        Gender::Female if case.0.has_woman_wording() => Arc::new(case.0.spoken_by(Gender::Female)),
        _ => case.0.clone(),
    };
    // More time to answer, when the trainee has it: widened windows, recorded with the call.
    let allowance = crate::game::screens::brief::time_allowance(trainee.as_deref());
    let mut call = Call::new(scenario, cases.catalogue.clone(), next_seed(&config))
        .with_time_allowance(allowance);
    // In a shift: why this customer starts where they do (their wait, a missed promise).
    if let Some(opening) = opening {
        call.note_opening(&opening.0);
        commands.remove_resource::<ShiftOpening>();
    }
    // Every call starts fresh: meters shown where the customer starts, an even voice.
    commands.insert_resource(meters::ShownMeters::starting(&call));
    commands.insert_resource(ChosenVoice(Voice::Even));
    commands.insert_resource(CallView::default());
    commands.insert_resource(FreshEvents::default());
    commands.insert_resource(LiveCall {
        call,
        shown: 0,
        carry: 0.0,
        open_for: 0.0,
        clock_at: 0.0,
        paused_at: None,
        guide: first_call(trainee.as_deref()),
        started: std::time::SystemTime::now(),
    });
}

/// On leaving the screen: the call is gone, and nothing is due to redraw for it.
pub(super) fn leave_call(mut commands: Commands, mut next_change: ResMut<NextChange>) {
    commands.remove_resource::<LiveCall>();
    next_change.0 = None;
}

/// Counts the wall-clock time the call screen has been open, first thing each frame, so a
/// pause ended this frame is measured to this frame.
pub(super) fn tick(real: Res<Time<Real>>, mut live: ResMut<LiveCall>) {
    live.open_for += real.delta_secs();
}

/// Gives the engine the time since it last ran, on the wall clock: the window wakes only
/// when something is due (a second or more apart in a silence), while Bevy's game clock
/// counts at most a quarter second per frame. Time behind the guide or paused is never
/// given; a frame after the machine slept gives at most `LONGEST_STEP`. The engine counts
/// whole milliseconds; the rest carries over.
pub(super) fn drive(mut live: ResMut<LiveCall>) {
    let step = (live.open_for - live.clock_at).clamp(0.0, LONGEST_STEP);
    live.clock_at = live.open_for;
    if live.guide || live.call.is_paused() || live.call.is_over() {
        return;
    }
    let total = live.carry + step * 1000.0;
    let whole = total.floor();
    live.carry = total - whole;
    live.call.advance(whole as u32);
}

/// Takes the events the engine recorded since the last frame, for the systems that show them.
pub(super) fn take_fresh_events(mut live: ResMut<LiveCall>, mut fresh: ResMut<FreshEvents>) {
    fresh.first = live.shown;
    fresh.events = live.call.events()[live.shown..].to_vec();
    live.shown = live.call.events().len();
}

/// The moment the call ends, save the result (a game closed during the ending loses
/// nothing); after the ending has been on screen a moment, show the debrief.
#[allow(clippy::too_many_arguments)] // a Bevy system: each parameter is a query or resource
pub(super) fn end_when_over(
    mut commands: Commands,
    real: Res<Time<Real>>,
    live: Res<LiveCall>,
    mut view: ResMut<CallView>,
    trainee: Option<ResMut<Trainee>>,
    cases: Res<Cases>,
    locale: Res<Locale>,
    config: Res<GameConfig>,
    mut shift: Option<ResMut<ShiftDesk>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !live.call.is_over() {
        return;
    }
    if !view.recorded {
        view.recorded = true;
        if let Some(desk) = shift.as_deref_mut() {
            desk.run.end_call(&live.call);
        }
        let place = shift.as_deref().and_then(|d| d.log.place_of_last(&d.run));
        if let Some(mut trainee) = trainee {
            let context = SessionContext {
                started: Some(live.started),
                ui_language: Some(locale.lang),
                shift: place,
            };
            let data = htl_core::profile::data_dir(Some(&config.data_dir));
            let finished = finish(live.call.clone(), &mut trainee, &cases, &context, &data);
            if let Some(desk) = shift.as_deref_mut() {
                // The session file, relative to the profiles folder, for the shift's record.
                let file = finished
                    .saved
                    .as_ref()
                    .ok()
                    .and_then(Option::as_ref)
                    .and_then(|p| {
                        p.strip_prefix(trainee.store.dir())
                            .ok()
                            .map(|p| p.to_string_lossy().into_owned())
                    });
                desk.log.sessions.push(file);
            }
            commands.insert_resource(finished);
        }
    }
    // Wall-clock: the window redraws when the hold runs out (see `pace`), and a frame
    // after a long wait must count all of it.
    view.ended_for += real.delta_secs();
    if view.ended_for < ENDING_HOLD_SECS {
        return;
    }
    // In a shift the next thing is after-call work; the shift's results come at its end.
    next.set(if shift.is_some() {
        Screen::AfterCall
    } else {
        Screen::Debrief
    });
}
