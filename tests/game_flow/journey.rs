//! A trainee's way through the game: a case played and saved, tiers opened, the learning
//! record queued, buttons and keys doing what they say.

use super::*;

#[test]
fn a_new_hire_plays_a_case_start_to_finish_and_it_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    assert_eq!(screen(&app), Screen::Title);

    // An empty name is refused with a message, not a crash.
    send(&mut app, TitleAction::SignIn);
    assert_eq!(screen(&app), Screen::Title);
    sign_in(&mut app, "Noor");

    // Tier 1 is open; the case list shows its cases.
    let cards: Vec<CaseCard> = {
        let world = app.world_mut();
        let mut q = world.query::<&CaseCard>();
        q.iter(world).cloned().collect()
    };
    assert!(cards.len() >= 5, "{cards:?}");
    assert!(cards.iter().all(|c| !c.locked));
    // Tier 2 is locked until enough of tier 1 is passed.
    send(&mut app, SelectAction::ShowTier(2));
    let locked: Vec<bool> = {
        let world = app.world_mut();
        let mut q = world.query::<&CaseCard>();
        q.iter(world).map(|c| c.locked).collect()
    };
    assert!(!locked.is_empty() && locked.iter().all(|l| *l));
    // A locked case cannot be opened.
    send(&mut app, SelectAction::OpenCase("terms_not_clear".into()));
    assert_eq!(screen(&app), Screen::Select);

    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, true), (1, true), (1, true)],
    );
    let score = app
        .world()
        .resource::<hold_the_line::game::session::Finished>()
        .score
        .clone();
    assert!(score.passed, "{score:?}");
    let shown = {
        let world = app.world_mut();
        let mut q = world.query_filtered::<&Text, With<ScoreText>>();
        q.single(world).unwrap().0.clone()
    };
    assert_eq!(shown, score.total.to_string());
    let lines = rule_lines(&mut app);
    assert!(
        lines
            .iter()
            .any(|l| l.rule == "let_them_vent" && l.status == RuleStatus::Followed)
    );
    assert!(
        lines.iter().all(|l| l.status == RuleStatus::Followed),
        "{lines:?}"
    );

    // Saved: reopening the profile finds the result tomorrow.
    let store = Store::new(data.path());
    let (profile, notice) = store.open("Noor").unwrap();
    assert!(notice.is_none());
    let case = profile.case("missing_parcel").unwrap();
    assert_eq!(case.attempts, 1);
    assert_eq!(case.best_score, Some(score.total));
    assert_eq!(profile.sessions.len(), 1);
    assert!(store.dir().join(&profile.sessions[0].file).is_file());

    // Back to the list: the card shows the best result.
    send(&mut app, DebriefAction::BackToList);
    assert_eq!(screen(&app), Screen::Select);

    // Opening the case again, the brief lists the attempt.
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    assert_eq!(screen(&app), Screen::Brief);
    let attempts = {
        let world = app.world_mut();
        let mut q = world.query_filtered::<&Text, With<PastAttempts>>();
        q.single(world).unwrap().0.clone()
    };
    assert!(
        attempts.contains(&format!("{} (passed)", score.total)),
        "{attempts}"
    );
}

#[test]
fn buttons_send_their_action_when_activated() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    let practice = {
        let world = app.world_mut();
        let mut q = world.query::<(Entity, &TitleAction)>();
        q.iter(world)
            .find(|(_, a)| **a == TitleAction::Practice)
            .map(|(e, _)| e)
            .unwrap()
    };
    app.world_mut().trigger(Activate { entity: practice });
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Select);
    assert!(app.world().resource::<Trainee>().guest);
}

#[test]
fn passing_three_onboarding_cases_opens_tier_two_and_says_so() {
    let (data, mut app) = signed_in("Ari");
    let catalogue = htl_core::guidance::Catalogue::builtin();
    let library = htl_core::scenario::load_paths(&[scenarios()], &catalogue).unwrap();
    let mut announced = Vec::new();
    let mut passed = 0;
    for s in library.scenarios.iter().filter(|s| s.tier == 1) {
        // The explorer's best path, played through the UI.
        let best = htl_core::explore::explore(s, &catalogue, 1).best.unwrap();
        let steps: Vec<(usize, bool)> = best.steps.iter().map(|st| (st.reply + 1, true)).collect();
        play(&mut app, &s.id, &steps);
        if app
            .world()
            .resource::<hold_the_line::game::session::Finished>()
            .score
            .passed
        {
            passed += 1;
        }
        let world = app.world_mut();
        let mut q = world.query::<&TierAnnouncement>();
        announced.extend(q.iter(world).flat_map(|a| a.0.clone()));
        send(&mut app, DebriefAction::BackToList);
        if passed == 3 {
            break;
        }
    }
    assert_eq!(passed, 3);
    assert_eq!(announced, vec![2], "tier 2 announced exactly once");
    let store = Store::new(data.path());
    assert!(store.open("Ari").unwrap().0.unlocked_tiers.contains(&2));
}

#[test]
fn a_finished_call_is_saved_the_moment_it_ends_not_when_the_debrief_shows() {
    let (data, mut app) = at_brief("Ines", "missing_parcel");
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    for reply in [1, 1, 1, 1, 1] {
        until(&mut app, "the customer to finish", floor_open);
        send(&mut app, CallAction::Reply(reply - 1));
    }
    until(&mut app, "the end of the call", |a| {
        a.world()
            .get_resource::<LiveCall>()
            .is_some_and(|l| l.call.is_over())
    });
    app.update();
    // Still showing the ending: a game killed now must not lose the call.
    assert_eq!(screen(&app), Screen::Call);
    let (saved, _) = Store::new(data.path()).open("Ines").unwrap();
    assert_eq!(saved.case("missing_parcel").map(|c| c.attempts), Some(1));
    until(&mut app, "the debrief", |a| screen(a) == Screen::Debrief);
    let (saved, _) = Store::new(data.path()).open("Ines").unwrap();
    assert_eq!(
        saved.sessions.len(),
        1,
        "saved once, not again for the debrief"
    );
}

#[test]
fn after_a_pass_the_keyboard_starts_on_next_case() {
    use hold_the_line::game::screens::debrief::NextCaseButton;
    use hold_the_line::game::session::Finished;
    let (_data, mut app) = signed_in("Tom");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    assert!(app.world().resource::<Finished>().score.passed);
    app.update();
    let focused = app
        .world()
        .resource::<bevy::input_focus::InputFocus>()
        .get()
        .expect("a button has the focus");
    assert!(app.world().get::<NextCaseButton>(focused).is_some());
}

#[test]
fn with_a_learning_record_store_configured_a_finished_call_is_queued_and_nothing_waits_for_it() {
    use htl_core::lrs::{LrsConfig, Outbox};
    let data = tempfile::tempdir().unwrap();
    // An LRS nobody answers on (a closed loopback port).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    LrsConfig::new(
        &format!("http://127.0.0.1:{port}/xAPI/"),
        "trainer",
        "secret",
    )
    .unwrap()
    .save(data.path())
    .unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Sami");
    let started = std::time::Instant::now();
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, true), (1, true), (1, true)],
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    // The call's statements wait in the outbox for the LRS, on disk, with their ids.
    let queued = Outbox::new(data.path()).entries().unwrap();
    assert!(
        queued.len() >= 3,
        "attempted, answered, passed: {}",
        queued.len()
    );
    // And the session file the statements came from is the versioned format.
    let store = Store::new(data.path());
    let folder = store.dir().join(htl_core::profile::slug("Sami"));
    let file = std::fs::read_dir(folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let session = htl_core::profile::SessionFile::read(&file).unwrap();
    assert_eq!(session.ui_language, Some(Lang::En));
}
