//! No press a person makes is lost: keys that arrive together in one slow frame, a click
//! sent with the pointer's move onto a button, a key right after resuming a call.

use bevy::input::ButtonState;
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::ui::Pressed;
use hold_the_line::game::Screen;
use hold_the_line::game::actions::*;
use hold_the_line::game::screens::select::ShownTier;
use hold_the_line::game::session::LiveCall;
use htl_core::engine::{Event, Phase};

mod common;
use common::*;

/// Presses and releases `keys` all within one frame, as a window does when its frames are
/// slower than the typing.
fn tap_together(app: &mut App, keys: &[KeyCode]) {
    for state in [ButtonState::Pressed, ButtonState::Released] {
        for &k in keys {
            app.world_mut().write_message(key(k, state));
        }
    }
    app.update();
}

#[test]
fn a_key_typed_with_the_one_that_leaves_the_debrief_reaches_the_case_list() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Rami");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    assert_eq!(screen(&app), Screen::Debrief);
    // Esc back to the list and 2 for the tier-2 tab, in one frame.
    tap_together(&mut app, &[KeyCode::Escape, KeyCode::Digit2]);
    for _ in 0..4 {
        app.update();
    }
    assert_eq!(screen(&app), Screen::Select);
    assert_eq!(
        app.world().resource::<ShownTier>().0,
        2,
        "the 2 typed with Esc was lost"
    );
}

#[test]
fn a_reply_key_typed_with_the_resume_key_is_answered() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Dina");
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    until(&mut app, "the greeting's turn", |a| {
        a.world().resource::<LiveCall>().call.is_offered(0)
    });
    send(&mut app, CallAction::TogglePause);
    assert!(app.world().resource::<LiveCall>().call.is_paused());
    // P to resume and the card's number 50 ms later: one frame of a paused window.
    let slot = {
        let live = app.world().resource::<LiveCall>();
        live.call
            .reply_order()
            .iter()
            .position(|&r| r == 0)
            .unwrap()
    };
    let card = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ][slot];
    tap_together(&mut app, &[KeyCode::KeyP, card]);
    for _ in 0..3 {
        app.update();
    }
    let live = app.world().resource::<LiveCall>();
    assert!(!live.call.is_paused());
    assert!(
        live.call
            .events()
            .iter()
            .any(|e| matches!(e, Event::Reply { reply: 0, .. })),
        "the reply typed right after resuming was lost"
    );
    assert!(!matches!(live.call.phase(), Phase::Waiting { .. }) || live.call.is_over());
}

#[test]
fn a_click_sent_with_the_move_onto_a_button_presses_it() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    app.init_resource::<bevy::picking::events::PointerState>();
    let quit = {
        let world = app.world_mut();
        let mut q = world.query::<(Entity, &TitleAction)>();
        q.iter(world)
            .find(|(_, a)| **a == TitleAction::Quit)
            .map(|(e, _)| e)
            .expect("the title has a Quit button")
    };
    // What picking leaves when the press lands on the button but the release goes to what
    // was under the pointer the frame before: the button pressed, hovered, no click.
    app.world_mut()
        .entity_mut(quit)
        .insert((Pressed, Hovered(true)));
    let mut cursor = app
        .world()
        .resource::<Messages<UiCommand<TitleAction>>>()
        .get_cursor_current();
    app.update();
    let sent: Vec<UiCommand<TitleAction>> = cursor
        .read(app.world().resource::<Messages<UiCommand<TitleAction>>>())
        .cloned()
        .collect();
    assert!(
        sent.contains(&UiCommand(TitleAction::Quit)),
        "the click was lost: {sent:?}"
    );
    assert!(app.world().get::<Pressed>(quit).is_none(), "left pressed");
}
