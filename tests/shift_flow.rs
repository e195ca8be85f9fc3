//! A shift in the game without a window: the case list offers it once tier 2 is open, the
//! desk takes callers in turn, each call goes through the brief and the call screen, after-
//! call work writes a promise into the queue, the promise comes due as a call-back, and the
//! results close the shift. Driven by the same commands the buttons and keys send.

use bevy::prelude::*;
use hold_the_line::game::Screen;
use hold_the_line::game::actions::*;
use hold_the_line::game::screens::shift::{DeskNext, ShiftDesk};
use hold_the_line::game::session::{LiveCall, Trainee};
use htl_core::engine::{Event, Voice};
use htl_core::shift::CallKind;
use htl_core::vocab::{EndingKind, Note};

mod common;
use common::*;

fn has_action<A: ScreenAction>(app: &mut App, wanted: impl Fn(&A) -> bool) -> bool {
    let world = app.world_mut();
    let mut q = world.query::<&A>();
    q.iter(world).any(wanted)
}

fn desk_next(app: &mut App) -> DeskAction {
    let world = app.world_mut();
    let mut q = world.query_filtered::<&DeskAction, With<DeskNext>>();
    q.single(world).expect("the desk's main button").clone()
}

fn texts(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    let mut q = world.query::<&Text>();
    q.iter(world).map(|t| t.0.clone()).collect()
}

/// From the desk: take the next call (waiting for it if nobody is in the queue yet).
fn take_next_call(app: &mut App) {
    for _ in 0..20 {
        let action = desk_next(app);
        let call = matches!(action, DeskAction::Answer | DeskAction::CallBack(_));
        send(app, action);
        if call {
            assert_eq!(screen(app), Screen::Brief);
            return;
        }
    }
    panic!("no caller came");
}

/// Leaves the call on the line from the pause, as a trainee may.
fn leave_call(app: &mut App) {
    send(app, CallAction::TogglePause);
    send(app, CallAction::LeaveCall);
    assert_eq!(screen(app), Screen::AfterCall);
}

/// Plays replies (0-based indices, each in the pause, softly to a loud customer).
fn play_replies(app: &mut App, replies: &[usize]) {
    for &reply in replies {
        until(app, "the customer to finish", |a| {
            floor_open(a) && a.world().resource::<LiveCall>().call.can_reply()
        });
        let loud = app.world().resource::<LiveCall>().call.customer_is_loud();
        send(
            app,
            CallAction::Voice(if loud { Voice::Soft } else { Voice::Even }),
        );
        send(app, CallAction::Reply(reply));
    }
    until(app, "after-call work", |a| screen(a) == Screen::AfterCall);
}

#[test]
fn a_shift_from_the_case_list_through_calls_after_call_work_and_a_kept_promise_to_its_results() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Dana");
    // Tier 1 only: no shift on offer, and asking for one does nothing.
    assert!(!has_action(&mut app, |a| matches!(
        a,
        SelectAction::OpenShift(_)
    )));
    send(
        &mut app,
        SelectAction::OpenShift("en_saturday_evening".into()),
    );
    assert_eq!(screen(&app), Screen::Select);

    // Tier 2 open: the case list offers the shift in the trainee's language.
    app.world_mut()
        .resource_mut::<Trainee>()
        .profile
        .unlocked_tiers
        .insert(2);
    send(&mut app, SelectAction::ShowProgress);
    send(&mut app, ProgressAction::BackToList);
    assert!(has_action(&mut app, |a: &SelectAction| *a
        == SelectAction::OpenShift("en_saturday_evening".into())));
    send(
        &mut app,
        SelectAction::OpenShift("en_saturday_evening".into()),
    );
    assert_eq!(screen(&app), Screen::Shift);
    assert_eq!(desk_next(&mut app), DeskAction::Answer);
    assert!(texts(&mut app).iter().any(|t| t == "1 caller waiting"));

    // The first caller: in a shift the brief has no way back to the list.
    take_next_call(&mut app);
    assert!(!has_action(&mut app, |a: &BriefAction| *a == BriefAction::BackToList));
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    leave_call(&mut app);
    send(&mut app, AfterCallAction::Skip);
    assert_eq!(screen(&app), Screen::Shift);

    // The second: the outage caller, played by the book to a promised call-back.
    take_next_call(&mut app);
    send(&mut app, BriefAction::StartCall);
    assert_eq!(
        app.world().resource::<LiveCall>().call.scenario().id,
        "match_outage"
    );
    play_replies(&mut app, &[2, 0, 2, 2, 1]);
    let sessions = app.world().resource::<Trainee>().profile.sessions.len();
    assert!(sessions >= 1, "the call is recorded as any call is");
    // After-call work: the ending and the promise, written down.
    send(&mut app, AfterCallAction::NoteEnding(EndingKind::CallBack));
    send(&mut app, AfterCallAction::PromiseIn(Some(60)));
    send(&mut app, AfterCallAction::Save);
    assert_eq!(screen(&app), Screen::Shift);
    {
        let desk = app.world().resource::<ShiftDesk>();
        let calls = desk.run.calls();
        assert_eq!(calls[1].ending, Some(EndingKind::CallBack));
        assert!(!calls[1].after_call_skipped && calls[0].after_call_skipped);
        assert_eq!(desk.run.open_tasks().count(), 1);
    }
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Call back about")),
        "the promise is a task in the queue"
    );

    // Every other caller, left early, until the promise comes due.
    let mut follow_up = None;
    for _ in 0..12 {
        take_next_call(&mut app);
        send(&mut app, BriefAction::StartCall);
        let call = &app.world().resource::<LiveCall>().call;
        if call.scenario().id == "match_outage_follow_up" {
            // The customer starts where the first call left them, and the meters say why.
            let desk = app.world().resource::<ShiftDesk>();
            assert_eq!(call.meters().anger, desk.run.calls()[1].closing.anger);
            assert!(call.events().iter().any(|e| matches!(
                e,
                Event::Meter { at: 0, reason, .. } if reason.what == Note::CalledBackAsPromised
            )));
            follow_up = Some(());
            leave_call(&mut app);
            send(&mut app, AfterCallAction::Skip);
            break;
        }
        leave_call(&mut app);
        send(&mut app, AfterCallAction::Skip);
    }
    assert!(follow_up.is_some(), "the promised call-back came due");

    // The results: the promise kept, and back to the list.
    let results = desk_next(&mut app);
    assert_eq!(results, DeskAction::Results);
    send(&mut app, results);
    assert_eq!(screen(&app), Screen::ShiftResults);
    {
        let desk = app.world().resource::<ShiftDesk>();
        let s = htl_core::shift::summarise(&desk.run);
        assert_eq!((s.promises_made, s.promises_kept), (1, 1));
        assert!(
            desk.run
                .calls()
                .iter()
                .any(|c| c.kind == CallKind::FollowUp)
        );
    }
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Call-backs made on time: 1 of 1")
    );
    send(&mut app, ShiftResultsAction::BackToList);
    assert_eq!(screen(&app), Screen::Select);
    assert!(app.world().get_resource::<ShiftDesk>().is_none());

    // Saved: the shift's record and a line in the profile; each played call's session
    // file says where it sat in the shift.
    let store = htl_core::profile::Store::new(data.path());
    let (profile, _) = store.open("Dana").unwrap();
    assert_eq!(profile.shifts.len(), 1);
    let entry = &profile.shifts[0];
    assert_eq!(entry.shift, "en_saturday_evening");
    let record = htl_core::shift::ShiftRecord::read(&store.dir().join(&entry.file)).unwrap();
    assert_eq!(record.format, htl_core::shift::SHIFT_FORMAT);
    assert_eq!(record.calls.len(), entry.calls);
    assert_eq!(
        (record.summary.promises_made, record.summary.promises_kept),
        (1, 1)
    );
    let played = &record.calls[1];
    assert_eq!(played.call.case, "match_outage");
    let session =
        htl_core::profile::SessionFile::read(&store.dir().join(played.session.as_ref().unwrap()))
            .unwrap();
    let place = session.shift.expect("the call's place in the shift");
    assert_eq!(
        (place.run, place.position, place.kind.as_str()),
        (record.id, 1, "first")
    );
    // A call left early has no session file of its own.
    assert!(record.calls[0].session.is_none());
}
