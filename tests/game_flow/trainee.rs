//! The trainee's own: damaged saves, My progress, and the settings kept in the profile.

use super::*;

#[test]
fn a_trainee_whose_saves_are_both_damaged_is_told_and_can_start_afresh_with_the_files_kept() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut app = app(&scenarios(), data.path());
        sign_in(&mut app, "Dana");
        play(&mut app, "missing_parcel", &[(1, true)]);
    }
    let store = Store::new(data.path());
    let path = store.path_for("Dana");
    for file in [path.clone(), path.with_extension("ron.bak")] {
        if let Ok(text) = std::fs::read_to_string(&file) {
            std::fs::write(&file, &text[..text.len() / 2]).unwrap();
        }
    }
    let mut app = app(&scenarios(), data.path());
    // Still offered on the title, and choosing it says what happened, not parser jargon.
    let offered = |app: &mut App| {
        let world = app.world_mut();
        world
            .query::<&TitleAction>()
            .iter(world)
            .any(|a| *a == TitleAction::ContinueAs("Dana".into()))
    };
    assert!(offered(&mut app), "Dana is still listed");
    send(&mut app, TitleAction::ContinueAs("Dana".into()));
    assert_eq!(screen(&app), Screen::Title);
    let shown = texts(&mut app).join("\n");
    let told = app
        .world()
        .resource::<Locale>()
        .tr("title-damaged", &[("name", "Dana".into())]);
    assert!(shown.contains(&seen(&told)), "{shown}");
    let afresh = {
        let world = app.world_mut();
        let visible = world
            .query_filtered::<&Node, With<AfreshOffer>>()
            .iter(world)
            .any(|n| n.display != Display::None);
        assert!(visible, "the way on is offered");
        world
            .query::<&TitleAction>()
            .iter(world)
            .find(|a| matches!(a, TitleAction::StartAfresh(_)))
            .cloned()
    };
    assert_eq!(afresh, Some(TitleAction::StartAfresh("Dana".into())));
    send(&mut app, TitleAction::StartAfresh("Dana".into()));
    assert_eq!(screen(&app), Screen::Select);
    // The damaged files are kept aside, and the notice says where.
    let kept: Vec<_> = std::fs::read_dir(store.dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    let shown = texts(&mut app).join("\n");
    assert!(
        shown.contains(&kept[0].path().display().to_string()),
        "{shown}"
    );
}

#[test]
fn my_progress_shows_the_rules_over_the_last_calls_and_opens_the_case_to_practise_next() {
    use hold_the_line::game::screens::my_progress::{PractiseNext, RuleRow};
    let (_data, mut app) = signed_in("Rae");
    // One call by the book but cutting in once.
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, false), (1, true), (1, true)],
    );
    send(&mut app, DebriefAction::BackToList);
    assert_eq!(screen(&app), Screen::Select);
    press(&mut app, KeyCode::KeyM);
    app.update();
    assert_eq!(screen(&app), Screen::Progress);
    let rows: Vec<RuleRow> = {
        let world = app.world_mut();
        world.query::<&RuleRow>().iter(world).cloned().collect()
    };
    let vent = rows
        .iter()
        .find(|r| r.rule == "let_them_vent")
        .expect("the interruption's rule is shown");
    assert!(vent.broken >= 1 && vent.followed >= 1, "{vent:?}");
    // The case to practise next exercises the rule broken most, and Enter opens it.
    let next = {
        let world = app.world_mut();
        world
            .query::<&PractiseNext>()
            .iter(world)
            .next()
            .cloned()
            .expect("a case to practise")
    };
    send(&mut app, ProgressAction::OpenCase(next.0.clone()));
    assert_eq!(screen(&app), Screen::Brief);
    assert_eq!(
        app.world()
            .resource::<hold_the_line::game::session::CurrentCase>()
            .0
            .id,
        next.0
    );
}

/// My progress: the rules and the cases each scroll on their own, so scrolling down a long
/// list of rules does not carry the cases out of view with it.
#[test]
fn my_progress_scrolls_its_two_panels_apart() {
    use hold_the_line::game::theme::scroll::Scrollable;
    let (_data, mut app) = signed_in("Zia");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    send(&mut app, DebriefAction::BackToList);
    send(&mut app, SelectAction::ShowProgress);
    assert_eq!(screen(&app), Screen::Progress);
    let world = app.world_mut();
    let panels: Vec<Entity> = world
        .query_filtered::<Entity, With<Scrollable>>()
        .iter(world)
        .collect();
    assert_eq!(
        panels.len(),
        2,
        "one scrolling panel each for the rules and the cases"
    );
    for panel in panels {
        let inside = world.get::<Children>(panel).map_or(0, |c| c.len());
        assert!(inside > 1, "a panel with a title and its rows");
    }
}

/// A woman trainee chooses, on an Arabic or Hebrew case's brief, that the reply cards speak
/// in a woman's words: the choice is saved in her profile and the call's cards use them.
#[test]
fn a_trainee_chooses_that_the_cards_speak_in_a_womans_words_and_it_is_kept() {
    use hold_the_line::game::screens::brief::{SpeakerChoice, SpeakerSwitch};
    use htl_core::scenario::Gender;
    let data = tempfile::tempdir().unwrap();
    let case = "he_technician_no_show";
    let mut app = app_in(&scenarios(), data.path(), Some(Lang::He));
    sign_in(&mut app, "Noa");
    let shown = |app: &mut App| {
        let world = app.world_mut();
        let mut q = world.query_filtered::<&Text, With<SpeakerChoice>>();
        unmarked(&seen(&q.single(world).unwrap().0))
    };
    let row_shown = |app: &mut App| {
        let world = app.world_mut();
        let mut q = world.query_filtered::<&ChildOf, With<SpeakerSwitch>>();
        let parent = q.single(world).unwrap().parent();
        world.get::<Node>(parent).unwrap().display != Display::None
    };
    // An English case words no reply differently: the brief offers no choice.
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    assert!(!row_shown(&mut app));
    send(&mut app, BriefAction::BackToList);
    send(&mut app, SelectAction::OpenCase(case.into()));
    assert!(row_shown(&mut app));
    assert!(shown(&mut app).contains("לשון זכר"), "{}", shown(&mut app));
    send(&mut app, BriefAction::SwitchSpeaker);
    app.update();
    assert!(shown(&mut app).contains("לשון נקבה"), "{}", shown(&mut app));
    let (saved, _) = Store::new(data.path()).open("Noa").unwrap();
    assert_eq!(saved.speaks_as, Some(Gender::Female));
    // The call's cards are the case's words as a woman says them.
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    let scenario = app.world().resource::<LiveCall>().call.scenario().clone();
    let original = app.world().resource::<Cases>().get(case).unwrap().clone();
    let worded: Vec<(String, String)> = original
        .beats
        .iter()
        .zip(&scenario.beats)
        .flat_map(|(a, b)| a.replies.iter().zip(&b.replies))
        .filter_map(|(a, b)| a.as_woman.clone().map(|w| (w, b.text.clone())))
        .collect();
    assert!(worded.len() >= 3, "the case words replies for a woman");
    assert!(worded.iter().all(|(woman, shown)| woman == shown));
}

/// A trainee who needs more time to answer turns it on from the brief: it is saved in their
/// profile, the call runs with the wider windows, and the debrief says it was on.
#[test]
fn more_time_is_chosen_on_the_brief_kept_and_said_on_the_debrief() {
    use hold_the_line::game::screens::brief::MoreTimeLine;
    use htl_core::engine::TimeAllowance;
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(&scenarios(), data.path(), Some(Lang::En));
    sign_in(&mut app, "Rana");
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    let shown = |app: &mut App| {
        let world = app.world_mut();
        let mut q = world.query_filtered::<&Text, With<MoreTimeLine>>();
        unmarked(&seen(&q.single(world).unwrap().0))
    };
    assert!(
        shown(&mut app).contains("as the case sets it"),
        "{}",
        shown(&mut app)
    );
    send(&mut app, BriefAction::SwitchTimeAllowance);
    app.update();
    assert!(shown(&mut app).contains("×1.5"), "{}", shown(&mut app));
    let (saved, _) = Store::new(data.path()).open("Rana").unwrap();
    assert_eq!(saved.time_allowance, TimeAllowance::OneAndAHalf);
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    let call = &app.world().resource::<LiveCall>().call;
    assert_eq!(call.time_allowance(), TimeAllowance::OneAndAHalf);
    let case = app
        .world()
        .resource::<Cases>()
        .get("missing_parcel")
        .unwrap()
        .clone();
    assert_eq!(
        call.timing().pause,
        TimeAllowance::OneAndAHalf.widen(case.timing.pause * 2)
    );
    // Played to the end, and the debrief says the accommodation was on.
    for _ in 0..5_000 {
        if screen(&app) != Screen::Call {
            break;
        }
        let can_answer = app.world().resource::<LiveCall>().call.can_reply() && floor_open(&app);
        if can_answer {
            send(&mut app, CallAction::Voice(Voice::Soft));
            send(&mut app, CallAction::Reply(0));
        } else {
            app.update();
        }
    }
    until(&mut app, "the debrief", |a| screen(a) == Screen::Debrief);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| unmarked(t).contains("More time to answer was on (×1.5)")),
        "the debrief says it"
    );
    let (saved, _) = Store::new(data.path()).open("Rana").unwrap();
    assert_eq!(
        saved.time_allowance,
        TimeAllowance::OneAndAHalf,
        "kept after the call"
    );
}

/// A trainee who reads slowly chooses whole lines on the brief: the choice is kept, and in
/// the call a line the customer has only begun to say is on screen whole; without it, the
/// same moment shows only the first words.
#[test]
fn whole_lines_show_a_line_at_once_while_it_is_being_said() {
    use hold_the_line::game::screens::brief::LinesLine;
    use hold_the_line::game::screens::call::{Bubble, Speaking};
    use htl_core::engine::Phase;
    // The text on screen of the line being said, once the customer is a quarter into it.
    let shown_early = |whole: bool| -> (String, String) {
        let data = tempfile::tempdir().unwrap();
        let mut app = app_in(&scenarios(), data.path(), Some(Lang::En));
        sign_in(&mut app, "Yael");
        send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
        if whole {
            send(&mut app, BriefAction::SwitchLinesAtOnce);
            app.update();
            let world = app.world_mut();
            let mut q = world.query_filtered::<&Text, With<LinesLine>>();
            let said = unmarked(&seen(&q.single(world).unwrap().0));
            assert!(said.contains("whole"), "{said}");
            let (saved, _) = Store::new(data.path()).open("Yael").unwrap();
            assert!(saved.lines_at_once);
        }
        send(&mut app, BriefAction::StartCall);
        send(&mut app, CallAction::BeginCall);
        // The greeting first (the agent speaks first), then the customer's first line.
        for _ in 0..5_000 {
            let phase = app.world().resource::<LiveCall>().call.phase();
            if let Phase::Speaking { progress, .. } = phase
                && (0.2..0.6).contains(&progress)
            {
                break;
            }
            if app.world().resource::<LiveCall>().call.can_reply() && floor_open(&app) {
                send(&mut app, CallAction::Reply(0));
            } else {
                app.update();
            }
        }
        let world = app.world_mut();
        let mut shown = world.query_filtered::<(&Text, &ChildOf), With<Speaking>>();
        let (text, of) = shown.iter(world).next().expect("a line being said");
        let (text, parent) = (text.0.clone(), of.parent());
        let full = world
            .get::<Bubble>(parent)
            .map(|b| b.text.clone())
            .unwrap_or_default();
        (text, full)
    };
    let (early, full) = shown_early(false);
    assert!(
        !full.is_empty() && early.len() < full.len(),
        "{early:?} of {full:?}"
    );
    let (whole, full) = shown_early(true);
    assert_eq!(whole, full);
}
