//! The call screen: the clock, the conversation, the cue, the guide, leaving, the meters.

use super::*;

#[test]
fn pausing_stops_the_clock() {
    let (_data, mut app) = at_brief("Kim", "missing_parcel");
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    send(&mut app, CallAction::TogglePause);
    let before = app.world().resource::<LiveCall>().call.now();
    for _ in 0..300 {
        app.update();
    }
    let call = &app.world().resource::<LiveCall>().call;
    assert!(call.is_paused());
    assert_eq!(call.now(), before, "30 s paused and the clock did not move");
    assert!(
        call.events()
            .iter()
            .all(|e| !matches!(e, htl_core::engine::Event::Rule { .. }))
    );
}

#[test]
fn the_conversation_keeps_the_latest_lines_on_screen_all_call_long() {
    use hold_the_line::game::screens::call::{Bubble, ReplyCard};
    use htl_core::engine::Event;
    let (_data, mut app) = at_brief("Kim", "missing_parcel");
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    let mut card_orders = Vec::new();
    for _ in 0..5_000 {
        if screen(&app) != Screen::Call {
            break;
        }
        let (lines, order, can_answer) = {
            let call = &app.world().resource::<LiveCall>().call;
            let lines = call
                .events()
                .iter()
                .filter(|e| matches!(e, Event::CustomerLine { .. } | Event::Reply { .. }))
                .count();
            // The call's shuffled order, a card that came on offer later after the others.
            let mut order = call.reply_order();
            order.sort_by_key(|&i| call.replies()[i].after);
            (lines, order, floor_open(&app) && call.can_reply())
        };
        let world = app.world_mut();
        let shown = world.query::<&Bubble>().iter(world).count();
        assert_eq!(shown, lines.min(6), "{lines} lines so far");
        if can_answer {
            // The cards are laid out in the call's shuffled order.
            let mut cards = world.query::<(&ReplyCard, &ChildOf)>();
            let parent = cards.iter(world).next().map(|(_, of)| of.parent());
            if let Some(parent) = parent {
                let children: Vec<Entity> = world.get::<Children>(parent).unwrap().to_vec();
                let laid_out: Vec<usize> = children
                    .iter()
                    .filter_map(|&c| world.get::<ReplyCard>(c).map(|card| card.0))
                    .collect();
                assert_eq!(laid_out, order);
                card_orders.push(order);
            }
            send(&mut app, CallAction::Voice(Voice::Soft));
            send(&mut app, CallAction::Reply(0));
        } else {
            app.update();
        }
    }
    assert_eq!(screen(&app), Screen::Debrief);
    // Over a whole call the right answer does not sit in the same place every time.
    assert!(
        card_orders.iter().any(|o| o[0] != 0),
        "cards never shuffled: {card_orders:?}"
    );
}

#[test]
fn a_call_can_be_left_from_the_pause_and_counts_as_left_not_as_a_failed_attempt() {
    let (data, mut app) = at_brief("Omar", "missing_parcel");
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    assert_eq!(screen(&app), Screen::Call);
    // Leaving is on the pause overlay: a running call is not left by one key.
    send(&mut app, CallAction::LeaveCall);
    assert_eq!(screen(&app), Screen::Call);
    press(&mut app, KeyCode::Escape);
    assert!(app.world().resource::<LiveCall>().call.is_paused());
    send(&mut app, CallAction::LeaveCall);
    app.update();
    assert_eq!(screen(&app), Screen::Select);
    let (saved, _) = Store::new(data.path()).open("Omar").unwrap();
    let case = saved
        .case("missing_parcel")
        .expect("the call is in the history");
    assert_eq!((case.attempts, case.left), (0, 1));
    assert!(saved.sessions.last().unwrap().left);
}

#[test]
fn a_new_hires_first_call_waits_behind_a_guide_to_the_screen_and_later_calls_do_not() {
    let (_data, mut app) = at_brief("First Timer", "missing_parcel");
    send(&mut app, BriefAction::StartCall);
    let guide_shown = |app: &mut App| {
        let world = app.world_mut();
        let mut q = world.query_filtered::<&Node, With<FirstCallGuide>>();
        q.iter(world).any(|n| n.display != Display::None)
    };
    assert!(guide_shown(&mut app), "the first call opens with the guide");
    // The clock waits and keys do nothing while the guide is read.
    for _ in 0..50 {
        app.update();
    }
    send(&mut app, CallAction::Reply(0));
    let live = app.world().resource::<LiveCall>();
    assert_eq!(live.call.now(), 0, "the call has not begun");
    assert!(live.call.choices().is_empty());
    // Every point of the guide is there, in the trainee's language.
    let shown = texts(&mut app).join("\n");
    let locale = app.world().resource::<Locale>();
    for id in [
        "onboard-title",
        "onboard-cards",
        "onboard-cue",
        "onboard-start",
    ] {
        assert!(shown.contains(&seen(&locale.t(id))), "{id} missing");
    }
    // Enter begins the call.
    press(&mut app, KeyCode::Enter);
    app.update();
    assert!(!guide_shown(&mut app));
    until(&mut app, "the clock to run", |a| {
        a.world().resource::<LiveCall>().call.now() > 0
    });
    // Once a call is in the history, the next one starts straight away.
    until(&mut app, "the call to end", |a| {
        screen(a) == Screen::Debrief
    });
    send(&mut app, DebriefAction::BackToList);
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    send(&mut app, BriefAction::StartCall);
    assert!(!guide_shown(&mut app));
    until(&mut app, "the clock to run", |a| {
        a.world().resource::<LiveCall>().call.now() > 0
    });
}

#[test]
fn the_cue_bar_runs_out_in_the_pause_and_the_status_says_when_it_was_missed() {
    let (_data, mut app) = at_brief("Cue Watcher", "missing_parcel");
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    let bar = |app: &mut App| {
        let world = app.world_mut();
        let visible = world
            .query_filtered::<&Visibility, With<CueBar>>()
            .iter(world)
            .any(|v| *v != Visibility::Hidden);
        let width = world
            .query_filtered::<&Node, With<CueFill>>()
            .iter(world)
            .map(|n| n.width)
            .next();
        (visible, width)
    };
    // Answer the greeting; then the customer talks, and there is no cue.
    until(&mut app, "the first cue", floor_open);
    send(&mut app, CallAction::Reply(0));
    until(&mut app, "the customer to talk", |a| {
        matches!(
            a.world().resource::<LiveCall>().call.phase(),
            Phase::Speaking { .. }
        )
    });
    app.update();
    assert!(!bar(&mut app).0, "no cue while the customer talks");
    until(&mut app, "the customer to finish", floor_open);
    app.update();
    let (visible, full) = bar(&mut app);
    assert!(visible, "the cue shows when they stop");
    for _ in 0..5 {
        app.update();
    }
    let (_, later) = bar(&mut app);
    assert!(
        matches!((full, later), (Some(Val::Percent(a)), Some(Val::Percent(b))) if b < a),
        "{full:?} then {later:?}"
    );
    until(&mut app, "the cue to pass", |a| {
        a.world().resource::<LiveCall>().call.missed_the_pause()
    });
    app.update();
    assert!(!bar(&mut app).0);
    let status = texts(&mut app).join("\n");
    let missed = app
        .world()
        .resource::<Locale>()
        .tr("status-silence", &[("seconds", 0.into())]);
    let head = seen(&missed);
    let head = head.split(':').next().unwrap();
    assert!(status.contains(head), "{status}");
}

/// Said over, the customer's line is the one labelled "cut off"; their retort after it says
/// it came after being cut in on.
#[test]
fn the_line_said_over_is_labelled_cut_off_not_the_retort() {
    let (_data, mut app) = at_brief("Cy", "missing_parcel");
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    until(&mut app, "the greeting", |a| {
        a.world().resource::<LiveCall>().call.can_reply()
    });
    send(&mut app, CallAction::Reply(0));
    until(&mut app, "the first outburst, card on offer", |a| {
        let call = &a.world().resource::<LiveCall>().call;
        matches!(call.phase(), Phase::Speaking { .. }) && call.is_offered(0)
    });
    let said_over = match app.world().resource::<LiveCall>().call.phase() {
        Phase::Speaking { text, .. } => text.to_string(),
        _ => unreachable!(),
    };
    send(&mut app, CallAction::Reply(0));
    until(&mut app, "the retort", |a| {
        a.world()
            .resource::<LiveCall>()
            .call
            .events()
            .iter()
            .any(|e| {
                matches!(
                    e,
                    htl_core::engine::Event::CustomerLine {
                        kind: htl_core::engine::LineKind::Retort,
                        ..
                    }
                )
            })
    });
    app.update();
    app.update();
    // The label's bubble holds the line that was said over.
    let world = app.world_mut();
    let mut labels = world.query::<(&Text, &ChildOf)>();
    let bubble = labels
        .iter(world)
        .find(|(t, _)| unmarked(&t.0) == "Dana Whitfield (cut off)")
        .map(|(_, parent)| parent.parent());
    let all: Vec<String> = labels
        .iter(world)
        .map(|(t, _)| format!("{:?}", t.0))
        .collect();
    let bubble = bubble.unwrap_or_else(|| panic!("a line is labelled cut off: {all:?}"));
    let children: Vec<Entity> = world.get::<Children>(bubble).unwrap().iter().collect();
    let words: Vec<String> = children
        .iter()
        .filter_map(|c| world.get::<Text>(*c).map(|t| seen(&t.0)))
        .collect();
    assert!(
        words
            .iter()
            .any(|w| !w.is_empty() && !w.contains("cut off") && said_over.starts_with(w.as_str())),
        "the cut-off label sits on another line: {words:?}, said over: {said_over}"
    );
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| unmarked(t) == "Dana Whitfield (after you cut in)"),
        "{shown:?}"
    );
}

/// In Arabic and Hebrew the screen words the customer's verbs by their gender: Noura is
/// talking (تتكلّم / تفرّغ غضبها), not "he is talking"; Ronen in Hebrew is "מדבר".
#[test]
fn the_status_line_agrees_with_the_customers_gender() {
    use hold_the_line::game::screens::call::StatusText;
    let data = tempfile::tempdir().unwrap();
    for (lang, case, name, his, hers) in [
        (
            Lang::Ar,
            "ar_callback_not_hold",
            "نورة",
            ["يتكلّم", "يفرّغ غضبه"],
            ["تتكلّم", "تفرّغ غضبها"],
        ),
        (
            Lang::He,
            "he_technician_no_show",
            "מיכל",
            ["מדבר/ת", "מוציא/ה"],
            ["מדברת", "מוציאה קיטור"],
        ),
    ] {
        let mut app = app_in(&scenarios(), data.path(), Some(lang));
        sign_in(&mut app, &format!("Agent {case}"));
        send(&mut app, SelectAction::OpenCase(case.into()));
        assert_eq!(screen(&app), Screen::Brief, "{case} opens");
        send(&mut app, BriefAction::StartCall);
        assert_eq!(screen(&app), Screen::Call, "{case} starts");
        send(&mut app, CallAction::BeginCall);
        // Both cases open with the agent's greeting.
        until(&mut app, "the greeting's turn", |a| {
            a.world().resource::<LiveCall>().call.can_reply()
        });
        send(&mut app, CallAction::Reply(0));
        until(&mut app, "the customer talking", |a| {
            a.world()
                .get_resource::<LiveCall>()
                .is_some_and(|l| matches!(l.call.phase(), Phase::Speaking { .. }))
        });
        app.update();
        let status = {
            let world = app.world_mut();
            let mut q = world.query_filtered::<&Text, With<StatusText>>();
            unmarked(&seen(&q.single(world).unwrap().0))
        };
        assert!(status.contains(name), "{status}");
        assert!(hers.iter().any(|w| status.contains(w)), "{status}");
        assert!(!his.iter().any(|w| status.contains(w)), "{status}");
    }
}

/// A trainee who cannot tell red from green reads the call all the same: each meter says
/// its name and its value in words and figures, and each reason for a move says which way
/// it went with a sign ("-5 anger"), not only with its colour.
#[test]
fn the_meters_and_their_reasons_read_without_colour() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(&scenarios(), data.path(), Some(Lang::En));
    sign_in(&mut app, "Omar");
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    // Greet, then answer the outbursts softly in the pause: the meters move, and each move
    // is listed with its reason while it is fresh.
    let signed_reason = |t: &String| {
        let t = t.trim_start();
        (t.starts_with('-') || t.starts_with('+'))
            && t[1..].starts_with(|c: char| c.is_ascii_digit())
            && (t.contains("anger") || t.contains("trust") || t.contains("patience"))
    };
    let mut seen_signed = false;
    let mut replies = 0;
    for _ in 0..5_000 {
        if replies == 3 {
            break;
        }
        if app.world().resource::<LiveCall>().call.can_reply() && floor_open(&app) {
            send(&mut app, CallAction::Voice(Voice::Soft));
            send(&mut app, CallAction::Reply(0));
            replies += 1;
        } else {
            app.update();
        }
        let shown: Vec<String> = texts(&mut app).iter().map(|t| unmarked(t)).collect();
        seen_signed |= shown.iter().any(signed_reason);
    }
    assert!(
        seen_signed,
        "no reason said which way a meter moved in words"
    );
    let shown: Vec<String> = texts(&mut app).iter().map(|t| unmarked(t)).collect();
    let meters = app.world().resource::<LiveCall>().call.meters();
    for (name, value) in [
        ("Anger", meters.anger),
        ("Trust", meters.trust),
        ("Patience", meters.patience),
    ] {
        assert!(
            shown.iter().any(|t| t == name),
            "no {name} label in {shown:?}"
        );
        assert!(
            shown.iter().any(|t| t == &value.to_string()),
            "{name} {value} is not written out: {shown:?}"
        );
    }
}
