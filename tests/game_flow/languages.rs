//! Arabic and Hebrew: the language kept, right to left, and no English left on a screen.

use super::*;

#[test]
fn a_language_picked_on_the_title_is_kept_for_the_trainee_unless_the_command_line_forces_one() {
    let data = tempfile::tempdir().unwrap();
    let mut first = app_in(&scenarios(), data.path(), None);
    send(&mut first, TitleAction::SetLanguage(Lang::He));
    assert_eq!(lang(&first), Lang::He);
    assert_eq!(
        screen(&first),
        Screen::Title,
        "the title is redrawn in Hebrew"
    );
    send(&mut first, TitleAction::ContinueAs("Maya".into()));
    assert_eq!(screen(&first), Screen::Select);
    let (saved, _) = Store::new(data.path()).open("Maya").unwrap();
    assert_eq!(saved.language, Some(Lang::He));

    // Next time, with no flag: Maya's Hebrew comes back when she signs in.
    let mut again = app_in(&scenarios(), data.path(), None);
    send(&mut again, TitleAction::ContinueAs("Maya".into()));
    assert_eq!(lang(&again), Lang::He);

    // --lang en outranks the saved choice, and does not overwrite it.
    let mut forced = app_in(&scenarios(), data.path(), Some(Lang::En));
    send(&mut forced, TitleAction::ContinueAs("Maya".into()));
    assert_eq!(lang(&forced), Lang::En);
    let (saved, _) = Store::new(data.path()).open("Maya").unwrap();
    assert_eq!(saved.language, Some(Lang::He));
}

#[test]
fn in_arabic_the_trainees_cases_come_first_and_every_screen_runs_right_to_left() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(&scenarios(), data.path(), Some(Lang::Ar));
    send(&mut app, TitleAction::ContinueAs("Lina".into()));
    assert_eq!(screen(&app), Screen::Select);
    let first_of_tier_1 = {
        let cases = app.world().resource::<Cases>();
        let first = cases.scenarios.iter().find(|s| s.tier == 1).unwrap();
        (first.id.clone(), first.language.clone())
    };
    assert_eq!(first_of_tier_1.1, "ar", "{first_of_tier_1:?}");
    // "Next case" follows the same order: from the first Arabic case to the next one.
    let directions = |app: &mut App| {
        let world = app.world_mut();
        let mut q = world.query::<&Node>();
        q.iter(world).map(|n| n.direction).collect::<Vec<_>>()
    };
    let on_list = directions(&mut app);
    assert!(!on_list.is_empty());
    assert!(on_list.iter().all(|d| *d == bevy::ui::InlineDirection::Rtl));
    play(&mut app, &first_of_tier_1.0, &[(1, true)]);
    let in_call = directions(&mut app);
    assert!(in_call.iter().all(|d| *d == bevy::ui::InlineDirection::Rtl));

    // The same screens in English run left to right, English cases first.
    let english_data = tempfile::tempdir().unwrap();
    let mut english = app_in(&scenarios(), english_data.path(), Some(Lang::En));
    send(&mut english, TitleAction::ContinueAs("Lina".into()));
    let cases = english.world().resource::<Cases>();
    assert_eq!(
        cases
            .scenarios
            .iter()
            .find(|s| s.tier == 1)
            .unwrap()
            .language,
        "en"
    );
    assert!(
        directions(&mut english)
            .iter()
            .all(|d| *d == bevy::ui::InlineDirection::Ltr)
    );
}

#[test]
fn in_arabic_the_title_the_tier_tabs_and_the_debrief_speak_arabic() {
    use hold_the_line::game::screens::title::LanguageButton;
    use hold_the_line::game::theme::interaction::Selected;
    use htl_core::i18n::{Messages, args};
    let m = Messages::for_screen();
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    assert_eq!(
        button_label(&mut app, &TitleAction::SignIn),
        m.get(Lang::En, "title-sign-in")
    );
    send(&mut app, TitleAction::SetLanguage(Lang::Ar));
    assert_eq!(screen(&app), Screen::Title);
    for (action, id) in [
        (TitleAction::SignIn, "title-sign-in"),
        (TitleAction::Practice, "title-guest"),
        (TitleAction::Quit, "title-quit"),
    ] {
        let label = button_label(&mut app, &action);
        assert_eq!(label, m.get(Lang::Ar, id));
        assert_ne!(label, m.get(Lang::En, id));
    }
    assert!(texts(&mut app).contains(&m.get(Lang::Ar, "app-title")));
    // The picker: each language in its own name, Arabic marked as the one spoken.
    let picker: Vec<(Lang, bool)> = {
        let world = app.world_mut();
        let mut q = world.query::<(&LanguageButton, &Selected)>();
        q.iter(world).map(|(b, s)| (b.0, s.0)).collect()
    };
    assert_eq!(picker.len(), 3);
    assert!(picker.iter().all(|&(lang, on)| on == (lang == Lang::Ar)));
    for lang in Lang::ALL {
        assert_eq!(
            button_label(&mut app, &TitleAction::SetLanguage(lang)),
            lang.native_name()
        );
    }

    // The case list's tier tabs.
    sign_in(&mut app, "Huda");
    let shown = texts(&mut app);
    let tab1 = m.text(
        Lang::Ar,
        "tab-open",
        Some(&args(&[
            ("tier", 1.into()),
            ("passed", 0.into()),
            (
                "cases",
                app.world()
                    .resource::<hold_the_line::game::cases::Cases>()
                    .scenarios
                    .iter()
                    .filter(|s| s.tier == 1)
                    .count()
                    .into(),
            ),
        ])),
    );
    let tab2 = m.text(Lang::Ar, "tab-locked", Some(&args(&[("tier", 2.into())])));
    for tab in [tab1, tab2] {
        assert!(
            shown.iter().any(|t| unmarked(t) == unmarked(&tab)),
            "{tab} not in {shown:?}"
        );
    }
    assert!(!shown.iter().any(|t| t.starts_with("Tier ")), "{shown:?}");
    assert!(shown.contains(&m.get(Lang::Ar, "select-title")));

    // The debrief's headings and buttons.
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, true), (1, true), (1, true)],
    );
    let shown = texts(&mut app);
    for id in [
        "checklist-title",
        "chart-title",
        "transcript-title",
        "chart-legend",
        "debrief-retry",
        "back-to-list",
        "debrief-passed",
    ] {
        let arabic = m.get(Lang::Ar, id);
        assert!(
            shown.iter().any(|t| t.contains(&arabic)),
            "{id}: {arabic} not in {shown:?}"
        );
    }
}

#[test]
fn in_hebrew_no_screen_shows_the_games_english_words() {
    use hold_the_line::game::session::Finished;
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    let english = english_messages();
    assert!(english.len() > 100, "{}", english.len());
    // Everything the scenarios themselves say (titles, briefs, lines, replies, names).
    let catalogue = htl_core::guidance::Catalogue::builtin();
    let library = htl_core::scenario::load_paths(&[scenarios()], &catalogue).unwrap();
    let scenario_data: String = library.scenarios.iter().map(|s| format!("{s:?}")).collect();
    let mut problems: Vec<String> = Vec::new();
    let check = |app: &mut App, at: &str| -> Vec<String> {
        let shown = texts(app);
        assert!(!shown.is_empty());
        english_left(&shown, &english, &scenario_data)
            .into_iter()
            .map(|p| format!("{at}: {p}"))
            .collect()
    };
    // The check finds English where there is English.
    assert!(
        !check(&mut app, "title in English").is_empty(),
        "the check sees the English title"
    );

    send(&mut app, TitleAction::SetLanguage(Lang::He));
    problems.extend(check(&mut app, "title"));
    sign_in(&mut app, "Dana");
    problems.extend(check(&mut app, "case list"));
    send(&mut app, SelectAction::ShowTier(2));
    problems.extend(check(&mut app, "case list, tier 2"));
    send(&mut app, SelectAction::ShowTier(1));
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    problems.extend(check(&mut app, "brief"));
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    assert_eq!(screen(&app), Screen::Call);
    problems.extend(check(&mut app, "call"));
    // Through a call: interrupt once, leave a silence once, pause once, then answer well.
    let mut frame = 0;
    let mut answered = 0;
    let mut paused = false;
    while screen(&app) == Screen::Call && frame < 5_000 {
        frame += 1;
        if frame % 7 == 0 {
            problems.extend(check(&mut app, "call"));
        }
        let (can_reply, waiting_long, speaking) = {
            let call = &app.world().resource::<LiveCall>().call;
            (
                call.can_reply(),
                matches!(call.phase(), Phase::Waiting { silent_for, .. } if silent_for > 4_000),
                matches!(call.phase(), Phase::Speaking { .. }),
            )
        };
        if !paused && frame == 20 {
            send(&mut app, CallAction::TogglePause);
            problems.extend(check(&mut app, "call, paused"));
            send(&mut app, CallAction::TogglePause);
            paused = true;
        }
        if can_reply && answered == 0 && speaking {
            // Cut in while they speak.
            send(&mut app, CallAction::Reply(2));
            answered += 1;
        } else if can_reply && answered > 0 && (waiting_long || answered > 1) && floor_open(&app) {
            send(&mut app, CallAction::Voice(Voice::Soft));
            send(&mut app, CallAction::Reply(0));
            answered += 1;
        } else {
            // Between answers, and into a silence before the second one.
            app.update();
        }
    }
    until(&mut app, "the debrief", |a| screen(a) == Screen::Debrief);
    problems.extend(check(&mut app, "debrief"));
    assert!(
        !app.world().resource::<Finished>().score.rules.is_empty(),
        "the debrief has a checklist to word"
    );
    assert!(
        problems.is_empty(),
        "English left:\n{}",
        problems.join("\n")
    );
}
