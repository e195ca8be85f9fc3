//! The live call screen: the plugin and its system order, the layout, the keys and
//! commands, and the call's life from the first frame to the debrief.

mod cards;
mod conversation;
mod guide;
mod meters;
mod pace;
mod status;

use bevy::input_focus::tab_navigation::TabGroup;
use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;
use htl_core::engine::{Call, Event, Voice};
use htl_core::profile::SessionContext;
use htl_core::scenario::Gender;
use std::sync::Arc;

use crate::game::actions::{UiAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::redraw::NextChange;
use crate::game::screens::shift::{ShiftDesk, ShiftOpening};
use crate::game::session::{CurrentCase, LiveCall, Trainee, finish, next_seed};
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::interaction::Selected;
use crate::game::theme::widgets;
use crate::game::{GameConfig, Screen};

pub use cards::ReplyCard;
pub(crate) use cards::voice_name;
pub use conversation::{Bubble, Speaking};
pub use guide::FirstCallGuide;
pub use status::{CueBar, CueFill, StatusText};

/// The voice the next reply is said in.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChosenVoice(pub Voice);

/// How long the ending stays on screen before the debrief (wall-clock seconds).
const ENDING_HOLD_SECS: f32 = 2.5;

/// The most wall-clock seconds one frame gives the call (a laptop woken from sleep does not
/// find its customer hung up on minutes of dead air).
const LONGEST_STEP: f32 = 5.0;

/// Which beat the reply cards show, and how long the ending has been on screen.
#[derive(Resource, Default)]
struct CallView {
    cards_for_beat: Option<usize>,
    /// The replies on offer when the cards were last laid out.
    offered: Vec<usize>,
    /// Card slot (what key 1-4 presses) → the scenario's reply index.
    card_order: Vec<usize>,
    bubbles: usize,
    ended_for: f32,
    /// The ended call's result is saved (once, as soon as it ends).
    recorded: bool,
}

/// The engine's events not yet shown, taken once a frame for the conversation and the
/// meters; `first` is the index of the first of them in the call's record.
#[derive(Resource, Default)]
struct FreshEvents {
    first: usize,
    events: Vec<Event>,
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ChosenVoice(Voice::Even))
        .init_resource::<meters::ShownMeters>()
        .init_resource::<CallView>()
        .init_resource::<FreshEvents>()
        .add_systems(OnEnter(Screen::Call), (start_call, spawn).chain())
        .add_systems(OnExit(Screen::Call), leave_call)
        .add_systems(
            Update,
            (
                tick,
                shortcuts,
                handle,
                leave_early,
                drive,
                take_fresh_events,
                conversation::show_lines,
                meters::show_flashes,
                conversation::show_speaking,
                meters::show_meters,
                cards::show_cards,
                status::show_status,
                status::show_cue,
                guide::focus_begin,
                meters::age_flashes,
                meters::drop_clipped_flashes,
                end_when_over,
                pace::schedule_redraw,
            )
                .chain()
                .run_if(in_state(Screen::Call)),
        );
}

/// A trainee's first call opens with the guide to the screen (a guest's too: nothing of
/// theirs is kept).
fn first_call(trainee: Option<&Trainee>) -> bool {
    trainee.is_some_and(|t| t.profile.sessions.is_empty())
}

fn start_call(
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

fn leave_call(mut commands: Commands, mut next_change: ResMut<NextChange>) {
    commands.remove_resource::<LiveCall>();
    next_change.0 = None;
}

/// The layout: who and how long on top, the conversation beside the meters, the replies and
/// the voice control below, and the pause overlay over it all.
fn spawn(
    mut commands: Commands,
    fonts: Res<UiFonts>,
    case: Res<CurrentCase>,
    locale: Res<Locale>,
    trainee: Option<Res<Trainee>>,
) {
    let s = &case.0;
    commands.spawn((
        widgets::screen_root("Call screen"),
        DespawnOnExit(Screen::Call),
        TabGroup::new(0),
        children![
            status::top_bar(&fonts, &locale, s),
            (
                Node {
                    flex_grow: 1.0,
                    column_gap: px(16),
                    min_height: px(0),
                    ..default()
                },
                children![
                    conversation::panel(&fonts, &locale, s),
                    meters::panel(&fonts, &locale)
                ],
            ),
            cards::reply_list(),
            cards::voice_row(&fonts, &locale, s),
            status::pause_overlay(&fonts, &locale),
            guide::overlay(&fonts, &locale, first_call(trainee.as_deref())),
        ],
    ));
}

/// The screen's keys: 1-4 answer, S/E/F or the arrows choose the voice, P pauses.
fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    voice: Res<ChosenVoice>,
    view: Res<CallView>,
    live: Res<LiveCall>,
    mut commands: MessageWriter<UiCommand>,
) {
    let Some(keys) = keys else { return };
    if live.guide {
        // Only the guide's own keys: Enter starts the call.
        if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
            commands.write(UiCommand(UiAction::BeginCall));
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
            commands.write(UiCommand(UiAction::Reply(reply)));
        }
    }
    for (key, v) in [
        (KeyCode::KeyS, Voice::Soft),
        (KeyCode::KeyE, Voice::Even),
        (KeyCode::KeyF, Voice::Firm),
    ] {
        if keys.just_pressed(key) {
            commands.write(UiCommand(UiAction::Voice(v)));
        }
    }
    let cycle = |step: i32| {
        let i = Voice::ALL.iter().position(|v| *v == voice.0).unwrap_or(1) as i32;
        Voice::ALL[(i + step).clamp(0, 2) as usize]
    };
    if keys.just_pressed(KeyCode::ArrowLeft) {
        commands.write(UiCommand(UiAction::Voice(cycle(-1))));
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        commands.write(UiCommand(UiAction::Voice(cycle(1))));
    }
    // Not Space: Space presses whichever button has keyboard focus. Esc pauses too: the
    // pause overlay is where the call can be left.
    if keys.any_just_pressed([KeyCode::KeyP, KeyCode::Escape]) {
        commands.write(UiCommand(UiAction::TogglePause));
    }
    if keys.just_pressed(KeyCode::KeyL) && live.call.is_paused() {
        commands.write(UiCommand(UiAction::LeaveCall));
    }
}

/// The screen's commands: a reply, a voice, pause or resume.
#[allow(clippy::too_many_arguments)] // a Bevy system: each parameter is a query or resource
fn handle(
    mut requests: MessageReader<UiCommand>,
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
            if *action == UiAction::BeginCall {
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
            UiAction::Reply(i) => {
                // A refused reply (paused, still talking, no such card) is simply ignored:
                // the cards show when a reply can be given.
                let _ = live.call.respond(*i, voice.0);
            }
            UiAction::Voice(v) => {
                voice.0 = *v;
                for (button, mut selected) in &mut buttons {
                    selected.0 = button.0 == *v;
                }
            }
            UiAction::TogglePause => {
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
            _ => {}
        }
    }
}

/// The trainee leaves the call from the pause overlay: it goes into their history as left,
/// not as a failed attempt, and the case list shows again.
fn leave_early(
    mut requests: MessageReader<UiCommand>,
    live: Res<LiveCall>,
    trainee: Option<ResMut<Trainee>>,
    shift: Option<ResMut<ShiftDesk>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !requests
        .read()
        .any(|UiCommand(a)| *a == UiAction::LeaveCall)
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

/// Counts the wall-clock time the call screen has been open, first thing each frame, so a
/// pause ended this frame is measured to this frame.
fn tick(real: Res<Time<Real>>, mut live: ResMut<LiveCall>) {
    live.open_for += real.delta_secs();
}

/// Gives the engine the time since it last ran, on the wall clock: the window wakes only
/// when something is due (a second or more apart in a silence), while Bevy's game clock
/// counts at most a quarter second per frame. Time behind the guide or paused is never
/// given; a frame after the machine slept gives at most `LONGEST_STEP`. The engine counts
/// whole milliseconds; the rest carries over.
fn drive(mut live: ResMut<LiveCall>) {
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
fn take_fresh_events(mut live: ResMut<LiveCall>, mut fresh: ResMut<FreshEvents>) {
    fresh.first = live.shown;
    fresh.events = live.call.events()[live.shown..].to_vec();
    live.shown = live.call.events().len();
}

/// The moment the call ends, save the result (a game closed during the ending loses
/// nothing); after the ending has been on screen a moment, show the debrief.
#[allow(clippy::too_many_arguments)] // a Bevy system: each parameter is a query or resource
fn end_when_over(
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
