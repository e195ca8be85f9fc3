//! Many calls in one process, as on an onboarding PC left running all day: the world does
//! not grow with every call (entities, the conversation's bubbles, the reasons, the
//! debrief's widgets are all let go when their screen closes).

use bevy::prelude::*;
use hold_the_line::game::Screen;
use hold_the_line::game::actions::*;
use hold_the_line::game::session::LiveCall;
use htl_core::engine::Phase;

mod common;
use common::*;

/// Plays one call of `case` from the list to the debrief and back, answering each beat
/// with its first card in the pause.
fn one_call(app: &mut App, case: &str, first: bool) {
    send(app, SelectAction::OpenCase(case.into()));
    send(app, BriefAction::StartCall);
    if first {
        send(app, CallAction::BeginCall);
    }
    assert_eq!(screen(app), Screen::Call);
    while screen(app) == Screen::Call {
        let ready = app
            .world()
            .get_resource::<LiveCall>()
            .is_some_and(|l| l.call.can_reply() && matches!(l.call.phase(), Phase::Waiting { .. }));
        if ready {
            send(app, CallAction::Reply(0));
        } else {
            app.update();
        }
    }
    until(app, "the debrief", |a| screen(a) == Screen::Debrief);
    send(app, DebriefAction::BackToList);
    until(app, "the list", |a| screen(a) == Screen::Select);
}

fn entities(app: &mut App) -> usize {
    app.world_mut().query::<Entity>().iter(app.world()).count()
}

#[test]
fn twenty_calls_leave_the_world_as_big_as_two_did() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Soak");
    for i in 0..2 {
        one_call(&mut app, "missing_parcel", i == 0);
    }
    let settled = entities(&mut app);
    for _ in 0..18 {
        one_call(&mut app, "missing_parcel", false);
    }
    let after = entities(&mut app);
    assert!(
        after <= settled,
        "{settled} entities after two calls, {after} after twenty"
    );
}
