//! The game in its real redraw mode. The window does not draw every frame: it waits for
//! input or for the wait its `WinitSettings` name, as winit's reactive loop does. These
//! tests run the app the same way, without input, frame after frame of exactly the wait the
//! game asked for, so anything due that would wait for a key press shows up as a test that
//! never gets there (the debrief after a call, the clock, a pause's length).

use std::time::Duration;

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy::winit::{UpdateMode, WinitSettings};
use hold_the_line::game::Screen;
use hold_the_line::game::actions::*;
use hold_the_line::game::session::LiveCall;
use htl_core::engine::{Event, Phase, Voice};

mod common;
use common::*;

/// The wait winit would sleep for before the next frame, with no input.
fn wait_of(app: &App) -> Duration {
    hold_the_line::game::redraw::idle_wait(app.world())
}

/// Runs frames as the window would with nobody touching it, for at most `limit` of wall
/// time, until `done`; returns how long it took and the frames drawn, or None.
fn idle_until(
    app: &mut App,
    limit: Duration,
    done: impl Fn(&App) -> bool,
) -> Option<(Duration, usize)> {
    let (mut elapsed, mut frames) = (Duration::ZERO, 0);
    while elapsed <= limit {
        if done(app) {
            return Some((elapsed, frames));
        }
        let wait = wait_of(app);
        app.insert_resource(TimeUpdateStrategy::ManualDuration(wait));
        app.update();
        elapsed += wait;
        frames += 1;
    }
    None
}

/// A key or a click: the frame it arrives in comes at once (input wakes the window).
fn act<A: ScreenAction>(app: &mut App, action: A) {
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        16,
    )));
    app.world_mut().write_message(UiCommand(action));
    app.update();
    app.update();
}

/// A trainee's first call of the missing-parcel case, begun from behind its guide.
fn in_a_call(data: &std::path::Path, trainee: &str) -> App {
    let mut app = app(&scenarios(), data);
    sign_in(&mut app, trainee);
    act(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    act(&mut app, BriefAction::StartCall);
    act(&mut app, CallAction::BeginCall);
    app
}

fn live(app: &App) -> &LiveCall {
    app.world().resource::<LiveCall>()
}

#[test]
fn after_a_call_ends_the_debrief_comes_without_a_key_press() {
    let data = tempfile::tempdir().unwrap();
    let mut app = in_a_call(data.path(), "Noor");
    assert_eq!(screen(&app), Screen::Call);
    // Each reply waits, hands off, for the customer to finish: the lines must come on
    // their own.
    while !live(&app).call.is_over() {
        let floor = |a: &App| {
            let call = &a.world().resource::<LiveCall>().call;
            call.is_over() || (call.can_reply() && matches!(call.phase(), Phase::Waiting { .. }))
        };
        idle_until(&mut app, Duration::from_secs(60), floor)
            .expect("the customer says their lines and stops without any input");
        if live(&app).call.is_over() {
            break;
        }
        let voice = if live(&app).call.customer_is_loud() {
            Voice::Soft
        } else {
            Voice::Even
        };
        act(&mut app, CallAction::Voice(voice));
        act(&mut app, CallAction::Reply(0));
    }
    let (took, frames) = idle_until(&mut app, Duration::from_secs(20), |a| {
        screen(a) == Screen::Debrief
    })
    .expect("the debrief shows after the ending's hold, with no key pressed");
    assert!(took < Duration::from_secs(6), "{took:?}");
    assert!(frames < 400, "{frames} frames for a {took:?} hold");
}

#[test]
fn a_silent_call_counts_its_seconds_without_input_and_draws_about_once_a_second() {
    let data = tempfile::tempdir().unwrap();
    let mut app = in_a_call(data.path(), "Ali");
    // The pick-up beat: the customer waits for the greeting. Past the cue, the status counts
    // the silence by the second and the meters wait: one frame a second is all it needs.
    idle_until(&mut app, Duration::from_secs(30), |a| {
        a.world().resource::<LiveCall>().call.missed_the_pause()
    })
    .expect("the cue runs out on its own");
    let before = live(&app).call.now();
    let (took, frames) = idle_until(&mut app, Duration::from_secs(5), |a| {
        a.world().resource::<LiveCall>().call.now() >= before + 4_000
    })
    .expect("the clock runs with nobody touching the window");
    // Frames land on the clock's whole seconds: four seconds take at most five.
    assert!(took <= Duration::from_millis(5_100), "{took:?}");
    assert!(
        frames <= 12,
        "{frames} frames for four seconds of a silent call: it should draw when something changes"
    );
}

#[test]
fn a_live_call_draws_no_faster_than_its_words_appear() {
    let data = tempfile::tempdir().unwrap();
    let mut app = in_a_call(data.path(), "Lin");
    act(&mut app, CallAction::Reply(0));
    // The greeting said, the customer shouts her first line: the window wakes for each
    // new word, not for each letter and not at a fixed 30 or 60 frames a second, and never
    // waits for input.
    let speaking = |a: &App| {
        matches!(
            a.world().resource::<LiveCall>().call.phase(),
            Phase::Speaking { .. }
        )
    };
    idle_until(&mut app, Duration::from_secs(10), speaking).expect("she starts talking");
    let line = match live(&app).call.phase() {
        Phase::Speaking { text, .. } => text.to_string(),
        _ => unreachable!(),
    };
    let said_in = Duration::from_millis(u64::from(live(&app).call.current_remaining()));
    let mut waits = Vec::new();
    let mut modes = Vec::new();
    while speaking(&app) && waits.len() < 200 {
        modes.push(app.world().resource::<WinitSettings>().focused_mode);
        waits.push(wait_of(&app));
        app.insert_resource(TimeUpdateStrategy::ManualDuration(*waits.last().unwrap()));
        app.update();
    }
    let words = line.split_whitespace().count();
    // A frame per word, one per second of the clock, and a few for the line's start and end.
    let most = words + said_in.as_secs() as usize + 3;
    assert!(
        waits.len() >= words.min(3) && waits.len() <= most,
        "{} frames to say {words} words in {said_in:?}: one a word, not one a letter",
        waits.len()
    );
    assert!(
        waits.iter().all(|w| *w <= Duration::from_millis(1_000)),
        "the words come steadily: {waits:?}"
    );
    // The waits come from the waker, not from a new update mode each frame: winit draws at
    // once whenever the mode changes, which drew frames back to back.
    assert!(
        modes.windows(2).all(|m| m[0] == m[1]),
        "the update mode changed during a line: {modes:?}"
    );
}

#[test]
fn the_record_says_how_long_a_pause_really_lasted() {
    let data = tempfile::tempdir().unwrap();
    let mut app = in_a_call(data.path(), "Lea");
    act(&mut app, CallAction::TogglePause);
    let paused_at = live(&app).call.now();
    // Ten seconds with nobody at the keyboard: a paused window sleeps between frames.
    idle_until(&mut app, Duration::from_secs(10), |_| false);
    assert_eq!(
        live(&app).call.now(),
        paused_at,
        "the call's clock stood still"
    );
    act(&mut app, CallAction::TogglePause);
    let paused_for = live(&app)
        .call
        .events()
        .iter()
        .find_map(|e| match e {
            Event::Resumed { paused_for, .. } => Some(*paused_for),
            _ => None,
        })
        .expect("the resume is recorded");
    assert!(
        (10_000..=16_000).contains(&paused_for),
        "a ten-second pause is recorded as {paused_for} ms"
    );
}

#[test]
fn a_paused_call_waits_for_input_and_a_resumed_one_wakes_for_what_is_due() {
    let data = tempfile::tempdir().unwrap();
    let mut app = in_a_call(data.path(), "Ada");
    for _ in 0..6 {
        app.update();
    }
    let due = |app: &App| match app.world().resource::<WinitSettings>().focused_mode {
        UpdateMode::Reactive { wait, .. } => Some(wait),
        UpdateMode::Continuous => None,
    };
    assert!(
        due(&app).is_some_and(|w| w <= Duration::from_secs(1)),
        "a live call wakes for its clock at least: {:?}",
        due(&app)
    );
    act(&mut app, CallAction::TogglePause);
    app.update();
    assert_eq!(
        app.world().resource::<WinitSettings>().focused_mode,
        hold_the_line::game::menu_redraw().focused_mode,
        "paused: idle like a menu"
    );
    act(&mut app, CallAction::TogglePause);
    app.update();
    assert!(due(&app).is_some_and(|w| w <= Duration::from_secs(1)));
}
#[test]
fn the_window_draws_every_frame_for_its_first_seconds_then_idles_until_input() {
    use bevy::winit::{UpdateMode, WinitSettings};
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    let mode = |app: &App| app.world().resource::<WinitSettings>().focused_mode;
    // Shaders compile in the background: a window that waited for input after its first
    // frames could stay black.
    assert!(matches!(mode(&app), UpdateMode::Continuous), "launch draws");
    for _ in 0..35 {
        app.update();
    }
    assert!(
        matches!(mode(&app), UpdateMode::Reactive { .. }),
        "an idle title idles"
    );
}

#[test]
fn a_screen_change_draws_at_once_instead_of_waiting_for_the_next_input() {
    use bevy::winit::{UpdateMode, WinitSettings};
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Mo");
    for _ in 0..40 {
        app.update();
    }
    let mode = |app: &App| app.world().resource::<WinitSettings>().focused_mode;
    assert!(
        matches!(mode(&app), UpdateMode::Reactive { .. }),
        "idle list"
    );
    // Esc on the list signs out: the title must come without another key press.
    app.world_mut()
        .write_message(UiCommand(SelectAction::SignOut));
    app.update();
    assert!(
        matches!(mode(&app), UpdateMode::Continuous),
        "the change is drawn straight away"
    );
    for _ in 0..10 {
        app.update();
    }
    assert_eq!(screen(&app), Screen::Title);
}
