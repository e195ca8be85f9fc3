//! The call screen's keys and commands: 1-4 answer, the voice keys, pause and resume, the
//! guide's Enter, and leaving a paused call early.

use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;
use htl_core::engine::Voice;

use super::{CallView, ChosenVoice, cards, guide, status};
use crate::game::Screen;
use crate::game::actions::{CallAction, UiCommand};
use crate::game::screens::shift::ShiftDesk;
use crate::game::session::{LiveCall, Trainee};
use crate::game::theme::interaction::Selected;

/// The screen's keys: 1-4 answer, S/E/F or the arrows choose the voice, P pauses.
pub(super) fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    voice: Res<ChosenVoice>,
    view: Res<CallView>,
    live: Res<LiveCall>,
    mut commands: MessageWriter<UiCommand<CallAction>>,
) {
    let Some(keys) = keys else { return };
    if live.guide {
        // Only the guide's own keys: Enter starts the call.
        if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
            commands.write(UiCommand(CallAction::BeginCall));
        }
        return;
    }
    let replies = [
        (KeyCode::Digit1, KeyCode::Numpad1),
        (KeyCode::Digit2, KeyCode::Numpad2),
        (KeyCode::Digit3, KeyCode::Numpad3),
        (KeyCode::Digit4, KeyCode::Numpad4),
    ];
    for (slot, (a, b)) in replies.into_iter().enumerate() {
        if keys.any_just_pressed([a, b])
            && let Some(&reply) = view.card_order.get(slot)
        {
            commands.write(UiCommand(CallAction::Reply(reply)));
        }
    }
    for (key, v) in [
        (KeyCode::KeyS, Voice::Soft),
        (KeyCode::KeyE, Voice::Even),
        (KeyCode::KeyF, Voice::Firm),
    ] {
        if keys.just_pressed(key) {
            commands.write(UiCommand(CallAction::Voice(v)));
        }
    }
    let cycle = |step: i32| {
        let i = Voice::ALL.iter().position(|v| *v == voice.0).unwrap_or(1) as i32;
        Voice::ALL[(i + step).clamp(0, 2) as usize]
    };
    if keys.just_pressed(KeyCode::ArrowLeft) {
        commands.write(UiCommand(CallAction::Voice(cycle(-1))));
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        commands.write(UiCommand(CallAction::Voice(cycle(1))));
    }
    // Not Space: Space presses whichever button has keyboard focus. Esc pauses too: the
    // pause overlay is where the call can be left.
    if keys.any_just_pressed([KeyCode::KeyP, KeyCode::Escape]) {
        commands.write(UiCommand(CallAction::TogglePause));
    }
    if keys.just_pressed(KeyCode::KeyL) && live.call.is_paused() {
        commands.write(UiCommand(CallAction::LeaveCall));
    }
}

/// The screen's commands: a reply, a voice, pause or resume.
#[allow(clippy::too_many_arguments)] // a Bevy system: each parameter is a query or resource
pub(super) fn handle(
    mut requests: MessageReader<UiCommand<CallAction>>,
    mut live: ResMut<LiveCall>,
    mut voice: ResMut<ChosenVoice>,
    mut buttons: Query<(&cards::VoiceButton, &mut Selected)>,
    mut overlay: Query<&mut Node, (With<status::PauseOverlay>, Without<guide::FirstCallGuide>)>,
    mut guide: Query<&mut Node, (With<guide::FirstCallGuide>, Without<status::PauseOverlay>)>,
    resume: Query<Entity, With<status::ResumeButton>>,
    focus: Option<ResMut<InputFocus>>,
) {
    let mut focus = focus;
    for UiCommand(action) in requests.read() {
        if live.guide {
            if *action == CallAction::BeginCall {
                live.guide = false;
                live.started = std::time::SystemTime::now();
                for mut node in &mut guide {
                    node.display = Display::None;
                }
                if let Some(focus) = focus.as_mut() {
                    focus.clear();
                }
            }
            // Nothing else until the call begins: no reply, no pause.
            continue;
        }
        match action {
            CallAction::Reply(i) => {
                // A refused reply (paused, still talking, no such card) is simply ignored:
                // the cards show when a reply can be given.
                let _ = live.call.respond(*i, voice.0);
            }
            CallAction::Voice(v) => {
                voice.0 = *v;
                for (button, mut selected) in &mut buttons {
                    selected.0 = button.0 == *v;
                }
            }
            CallAction::TogglePause => {
                let paused = !live.call.is_paused();
                if paused {
                    live.call.pause();
                    live.paused_at = Some(live.open_for);
                } else {
                    let since = live.paused_at.take().unwrap_or(live.open_for);
                    let ms = ((live.open_for - since) * 1000.0).round() as u32;
                    live.call.resume_after(ms);
                }
                for mut node in &mut overlay {
                    node.display = if paused { Display::Flex } else { Display::None };
                }
                // Enter or Space resumes from the keyboard, as P does.
                if let Some(focus) = focus.as_mut() {
                    match resume.iter().next().filter(|_| paused) {
                        Some(button) => focus.set(button, FocusCause::Navigated),
                        None => focus.clear(),
                    }
                }
            }
            // The call has begun already.
            CallAction::BeginCall => {}
            // `leave_early` ends the call.
            CallAction::LeaveCall => {}
        }
    }
}

/// The trainee leaves the call from the pause overlay: it goes into their history as left,
/// not as a failed attempt, and the case list shows again.
pub(super) fn leave_early(
    mut requests: MessageReader<UiCommand<CallAction>>,
    live: Res<LiveCall>,
    trainee: Option<ResMut<Trainee>>,
    shift: Option<ResMut<ShiftDesk>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !requests
        .read()
        .any(|UiCommand(a)| *a == CallAction::LeaveCall)
    {
        return;
    }
    // Only a paused call is left (the button is on the pause overlay); an ended one is
    // already recorded and goes to its debrief.
    if !live.call.is_paused() || live.call.is_over() {
        return;
    }
    if let Some(mut trainee) = trainee {
        let (id, seed) = (live.call.scenario().id.clone(), live.call.seed());
        trainee.profile.record_left(&id, seed);
        trainee.save();
    }
    // A call left in a shift still took its time: after-call work follows, as after any call.
    if let Some(mut desk) = shift {
        desk.run.end_call(&live.call);
        // Kept in the profile as left, with no session file of its own.
        desk.log.sessions.push(None);
        next.set(Screen::AfterCall);
        return;
    }
    next.set(Screen::Select);
}
