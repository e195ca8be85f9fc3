//! The game without a window: title → case select → brief → call → debrief, driven through
//! the same commands buttons and keys send, with the real scenario files, checking what the
//! screens show and what is saved.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::ui_widgets::Activate;
use hold_the_line::game::Screen;
use hold_the_line::game::actions::UiAction;
use hold_the_line::game::cases::Cases;
use hold_the_line::game::locale::Locale;
use hold_the_line::game::screens::brief::PastAttempts;
use hold_the_line::game::screens::call::{CueBar, CueFill, FirstCallGuide};
use hold_the_line::game::screens::debrief::{BetterReplyNote, ScoreText, TierAnnouncement};
use hold_the_line::game::screens::select::CaseCard;
use hold_the_line::game::screens::title::AfreshOffer;
use hold_the_line::game::session::{LiveCall, Trainee};
use htl_core::engine::{Phase, RuleStatus, Voice};
use htl_core::i18n::Lang;
use htl_core::profile::Store;

mod common;
use common::*;

#[test]
fn a_new_hire_plays_a_case_start_to_finish_and_it_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    assert_eq!(screen(&app), Screen::Title);

    // An empty name is refused with a message, not a crash.
    send(&mut app, UiAction::SignIn);
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
    send(&mut app, UiAction::ShowTier(2));
    let locked: Vec<bool> = {
        let world = app.world_mut();
        let mut q = world.query::<&CaseCard>();
        q.iter(world).map(|c| c.locked).collect()
    };
    assert!(!locked.is_empty() && locked.iter().all(|l| *l));
    // A locked case cannot be opened.
    send(&mut app, UiAction::OpenCase("terms_not_clear".into()));
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
    send(&mut app, UiAction::BackToList);
    assert_eq!(screen(&app), Screen::Select);

    // Opening the case again, the brief lists the attempt.
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
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
fn mistakes_show_on_the_debrief_with_a_better_reply() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Sam");
    // Interrupt the venting, make an excuse, then recover.
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (3, false), (1, true), (1, true), (1, true)],
    );
    let lines = rule_lines(&mut app);
    let status = |rule: &str| lines.iter().find(|l| l.rule == rule).map(|l| l.status);
    assert!(
        matches!(
            status("let_them_vent"),
            Some(RuleStatus::Broken | RuleStatus::Mixed)
        ),
        "{lines:?}"
    );
    assert_eq!(status("no_excuses"), Some(RuleStatus::Broken));
    let notes: Vec<String> = {
        let world = app.world_mut();
        let mut q = world.query::<&BetterReplyNote>();
        q.iter(world).map(|n| n.0.clone()).collect()
    };
    assert!(
        notes.iter().any(|n| n.starts_with("I'm so sorry")),
        "{notes:?}"
    );
}

#[test]
fn buttons_send_their_action_when_activated() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    let practice = {
        let world = app.world_mut();
        let mut q = world.query::<(Entity, &UiAction)>();
        q.iter(world)
            .find(|(_, a)| **a == UiAction::Practice)
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
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Ari");
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
        send(&mut app, UiAction::BackToList);
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
fn a_broken_scenario_is_listed_with_its_diagnostic_and_the_rest_still_play() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(scenarios()).unwrap() {
        let path = entry.unwrap().path();
        // The cases only: the shifts in `shifts/` are not needed here.
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(
        dir.path().join("t1_broken.ron"),
        "Scenario(id: \"broken\", title: \"Oops\"",
    )
    .unwrap();
    let mut app = app(dir.path(), data.path());
    let cases = app.world().resource::<hold_the_line::game::cases::Cases>();
    assert_eq!(cases.broken.len(), 1);
    assert_eq!(cases.broken[0].line, 1, "{:?}", cases.broken[0]);
    let english = Locale::starting(Some(Lang::En));
    assert!(
        cases.broken[0].summary(&english).starts_with("Line 1"),
        "{:?}",
        cases.broken[0]
    );
    sign_in(&mut app, "Lee");
    let names: Vec<String> = {
        let world = app.world_mut();
        let mut q = world.query::<&Name>();
        q.iter(world).map(|n| n.to_string()).collect()
    };
    assert!(
        names.iter().any(|n| n == "Broken file t1_broken.ron"),
        "{names:?}"
    );
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, true), (1, true), (1, true)],
    );
}

#[test]
fn pausing_stops_the_clock() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Kim");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
    send(&mut app, UiAction::TogglePause);
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
fn a_broken_edit_keeps_the_last_good_version_playable() {
    use hold_the_line::game::cases::Cases;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t1_missing_parcel.ron");
    std::fs::copy(scenarios().join("t1_missing_parcel.ron"), &file).unwrap();
    let catalogue = std::sync::Arc::new(htl_core::guidance::Catalogue::builtin());
    let mut cases = Cases::load(dir.path(), catalogue);
    assert_eq!(cases.scenarios.len(), 1);
    let generation = cases.generation;

    // The trainer saves a typo.
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        good.replace("follows: [greeting]", "follows: [greting]"),
    )
    .unwrap();
    cases.reload();
    assert!(cases.generation > generation);
    assert_eq!(
        cases.scenarios.len(),
        1,
        "the last good version stays playable"
    );
    assert_eq!(cases.broken.len(), 1);
    assert!(cases.broken[0].stale_version_kept);
    assert!(
        cases.broken[0]
            .problem
            .contains("there is no guidance rule `greting`"),
        "{:?}",
        cases.broken[0]
    );

    // Fixed: the diagnostic goes away and the edit is what plays.
    std::fs::write(
        &file,
        good.replace("Dana Whitfield", "Dana Whitfield-Jones"),
    )
    .unwrap();
    cases.reload();
    assert!(cases.broken.is_empty());
    assert_eq!(cases.scenarios[0].customer.name, "Dana Whitfield-Jones");
}

#[test]
fn the_conversation_keeps_the_latest_lines_on_screen_all_call_long() {
    use hold_the_line::game::screens::call::{Bubble, ReplyCard};
    use htl_core::engine::Event;
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Kim");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
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
            send(&mut app, UiAction::Voice(Voice::Soft));
            send(&mut app, UiAction::Reply(0));
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

/// A key press as the window would deliver it, so the input systems see it as a real one.

fn focused_case(app: &App) -> Option<String> {
    let focused = app
        .world()
        .resource::<bevy::input_focus::InputFocus>()
        .get()?;
    app.world()
        .get::<CaseCard>(focused)
        .map(|card| card.id.clone())
}

#[test]
fn the_arrow_keys_walk_the_case_list_and_the_focused_case_opens() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Kai");
    app.update();
    let first = focused_case(&app).expect("the first case has the focus on arrival");
    press(&mut app, KeyCode::ArrowDown);
    let second = focused_case(&app).expect("the focus stays on a case");
    assert_ne!(second, first);
    press(&mut app, KeyCode::ArrowUp);
    assert_eq!(focused_case(&app).as_deref(), Some(first.as_str()));
    // Past the end of the list the focus stays on the last case.
    for _ in 0..20 {
        press(&mut app, KeyCode::ArrowDown);
    }
    let last = focused_case(&app).expect("still on a case");
    assert_ne!(last, first);
    // Enter activates the focused button (Bevy's button widget does that); the card opens.
    let focused = app
        .world()
        .resource::<bevy::input_focus::InputFocus>()
        .get()
        .unwrap();
    app.world_mut().trigger(Activate { entity: focused });
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Brief);
    let current = app
        .world()
        .resource::<hold_the_line::game::session::CurrentCase>();
    assert_eq!(current.0.id, last);
}

fn lang(app: &App) -> Lang {
    app.world().resource::<Locale>().lang
}

#[test]
fn a_language_picked_on_the_title_is_kept_for_the_trainee_unless_the_command_line_forces_one() {
    let data = tempfile::tempdir().unwrap();
    let mut first = app_in(&scenarios(), data.path(), None);
    send(&mut first, UiAction::SetLanguage(Lang::He));
    assert_eq!(lang(&first), Lang::He);
    assert_eq!(
        screen(&first),
        Screen::Title,
        "the title is redrawn in Hebrew"
    );
    send(&mut first, UiAction::ContinueAs("Maya".into()));
    assert_eq!(screen(&first), Screen::Select);
    let (saved, _) = Store::new(data.path()).open("Maya").unwrap();
    assert_eq!(saved.language, Some(Lang::He));

    // Next time, with no flag: Maya's Hebrew comes back when she signs in.
    let mut again = app_in(&scenarios(), data.path(), None);
    send(&mut again, UiAction::ContinueAs("Maya".into()));
    assert_eq!(lang(&again), Lang::He);

    // --lang en outranks the saved choice, and does not overwrite it.
    let mut forced = app_in(&scenarios(), data.path(), Some(Lang::En));
    send(&mut forced, UiAction::ContinueAs("Maya".into()));
    assert_eq!(lang(&forced), Lang::En);
    let (saved, _) = Store::new(data.path()).open("Maya").unwrap();
    assert_eq!(saved.language, Some(Lang::He));
}

#[test]
fn in_arabic_the_trainees_cases_come_first_and_every_screen_runs_right_to_left() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(&scenarios(), data.path(), Some(Lang::Ar));
    send(&mut app, UiAction::ContinueAs("Lina".into()));
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
    send(&mut english, UiAction::ContinueAs("Lina".into()));
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

/// Every `Text` on screen now, as a reader sees it: without the right-to-left mark the
/// game puts before each message in Arabic and Hebrew (it draws as nothing).
fn texts(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    let mut q = world.query::<&Text>();
    q.iter(world).map(|t| seen(&t.0)).collect()
}

fn seen(text: &str) -> String {
    text.trim_start_matches('\u{200F}').to_string()
}

/// The text of the label inside the button that sends `action`.
fn button_label(app: &mut App, action: &UiAction) -> String {
    let world = app.world_mut();
    let mut buttons = world.query::<(&UiAction, &Children)>();
    let children: Vec<Entity> = buttons
        .iter(world)
        .find(|(a, _)| *a == action)
        .map(|(_, c)| c.to_vec())
        .unwrap_or_else(|| panic!("a button for {action:?}"));
    children
        .iter()
        .find_map(|&c| world.get::<Text>(c).map(|t| seen(&t.0)))
        .expect("a label")
}

/// Without the invisible direction marks, to compare what a message says.
fn unmarked(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
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
        button_label(&mut app, &UiAction::SignIn),
        m.get(Lang::En, "title-sign-in")
    );
    send(&mut app, UiAction::SetLanguage(Lang::Ar));
    assert_eq!(screen(&app), Screen::Title);
    for (action, id) in [
        (UiAction::SignIn, "title-sign-in"),
        (UiAction::Practice, "title-guest"),
        (UiAction::Quit, "title-quit"),
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
            button_label(&mut app, &UiAction::SetLanguage(lang)),
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

/// The English messages a screen could show, as (id, text with `{$arg}` where a value goes).
fn english_messages() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/locales/en");
    let m = htl_core::i18n::Messages::plain();
    let mut out = Vec::new();
    for file in ["ui.ftl", "engine.ftl", "guidance.ftl"] {
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        for line in source.lines() {
            let Some((id, _)) = line.split_once(" = ").or_else(|| line.split_once(" =")) else {
                continue;
            };
            // Stock lines are the customer's (scenario data), spoken in the scenario's language.
            if id.is_empty()
                || id.starts_with(['#', ' '])
                || id.starts_with("stock-")
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                continue;
            }
            out.push((id.to_string(), m.get(Lang::En, id)));
        }
    }
    out
}

/// Texts on screen that are still English words of the game: a message shown as it is, or
/// a message's wording around its values ("Signed in as ..."). Scenario data (the case's
/// own words, in English here) and digits are not the game's words and are left alone.
fn english_left(shown: &[String], english: &[(String, String)], data: &str) -> Vec<String> {
    let mut found = Vec::new();
    for text in shown {
        let text = unmarked(text);
        for (id, message) in english {
            if message.contains('{') {
                // The wording between the values, where it says something.
                for piece in message.split(['{', '}']) {
                    let letters = piece.chars().filter(|c| c.is_alphabetic()).count();
                    if piece.starts_with('$') || letters < 5 || data.contains(piece) {
                        continue;
                    }
                    if text.contains(piece) {
                        found.push(format!("{id} ({piece:?}) in {text:?}"));
                    }
                }
            } else if text == *message && !data.contains(message.as_str()) {
                found.push(format!("{id} in {text:?}"));
            }
        }
    }
    found
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

    send(&mut app, UiAction::SetLanguage(Lang::He));
    problems.extend(check(&mut app, "title"));
    sign_in(&mut app, "Dana");
    problems.extend(check(&mut app, "case list"));
    send(&mut app, UiAction::ShowTier(2));
    problems.extend(check(&mut app, "case list, tier 2"));
    send(&mut app, UiAction::ShowTier(1));
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    problems.extend(check(&mut app, "brief"));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
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
            send(&mut app, UiAction::TogglePause);
            problems.extend(check(&mut app, "call, paused"));
            send(&mut app, UiAction::TogglePause);
            paused = true;
        }
        if can_reply && answered == 0 && speaking {
            // Cut in while they speak.
            send(&mut app, UiAction::Reply(2));
            answered += 1;
        } else if can_reply && answered > 0 && (waiting_long || answered > 1) && floor_open(&app) {
            send(&mut app, UiAction::Voice(Voice::Soft));
            send(&mut app, UiAction::Reply(0));
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

#[test]
fn a_call_can_be_left_from_the_pause_and_counts_as_left_not_as_a_failed_attempt() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Omar");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
    assert_eq!(screen(&app), Screen::Call);
    // Leaving is on the pause overlay: a running call is not left by one key.
    send(&mut app, UiAction::LeaveCall);
    assert_eq!(screen(&app), Screen::Call);
    press(&mut app, KeyCode::Escape);
    assert!(app.world().resource::<LiveCall>().call.is_paused());
    send(&mut app, UiAction::LeaveCall);
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
fn a_finished_call_is_saved_the_moment_it_ends_not_when_the_debrief_shows() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Ines");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
    for reply in [1, 1, 1, 1, 1] {
        until(&mut app, "the customer to finish", floor_open);
        send(&mut app, UiAction::Reply(reply - 1));
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
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Tom");
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
fn a_broken_file_shows_once_on_the_tab_of_the_tier_it_is_for() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for case in ["t1_missing_parcel.ron", "t2_match_outage.ron"] {
        std::fs::copy(scenarios().join(case), dir.path().join(case)).unwrap();
    }
    std::fs::write(
        dir.path().join("t2_broken.ron"),
        "Scenario(id: \"broken\", title: \"Oops\", tier: 2, channel: Phone",
    )
    .unwrap();
    let mut app = app(dir.path(), data.path());
    sign_in(&mut app, "Rae");
    let broken_cards = |app: &mut App| {
        let world = app.world_mut();
        let mut q = world.query::<&Name>();
        q.iter(world)
            .filter(|n| n.as_str() == "Broken file t2_broken.ron")
            .count()
    };
    assert_eq!(broken_cards(&mut app), 0, "not on tier 1");
    send(&mut app, UiAction::ShowTier(2));
    app.update();
    assert_eq!(broken_cards(&mut app), 1, "once, on tier 2");
}

#[test]
fn a_new_hires_first_call_waits_behind_a_guide_to_the_screen_and_later_calls_do_not() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "First Timer");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
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
    send(&mut app, UiAction::Reply(0));
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
    send(&mut app, UiAction::BackToList);
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    assert!(!guide_shown(&mut app));
    until(&mut app, "the clock to run", |a| {
        a.world().resource::<LiveCall>().call.now() > 0
    });
}

#[test]
fn the_cue_bar_runs_out_in_the_pause_and_the_status_says_when_it_was_missed() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Cue Watcher");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
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
    send(&mut app, UiAction::Reply(0));
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
            .query::<&UiAction>()
            .iter(world)
            .any(|a| *a == UiAction::ContinueAs("Dana".into()))
    };
    assert!(offered(&mut app), "Dana is still listed");
    send(&mut app, UiAction::ContinueAs("Dana".into()));
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
            .query::<&UiAction>()
            .iter(world)
            .find(|a| matches!(a, UiAction::StartAfresh(_)))
            .cloned()
    };
    assert_eq!(afresh, Some(UiAction::StartAfresh("Dana".into())));
    send(&mut app, UiAction::StartAfresh("Dana".into()));
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
fn the_debrief_says_when_the_words_were_right_but_the_moment_was_not_and_shows_the_cut() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Cut In");
    // The book's replies, but the third said over the customer.
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, false), (1, true), (1, true)],
    );
    let shown = texts(&mut app).join("\n");
    let locale = app.world().resource::<Locale>();
    let same = seen(&locale.t("better-title-same"));
    assert!(shown.contains(&same), "{shown}");
    let how = locale.t("how-in-the-pause");
    assert!(
        shown.contains(&seen(&locale.tr("better-same", &[("how", how.into())]))),
        "{shown}"
    );
    // The line they were saying shows as far as it was heard.
    let marker = locale.tr(
        "transcript-cut",
        &[("heard", "".into()), ("rest", "".into())],
    );
    let marker = seen(&marker);
    // Without the isolation marks Fluent puts around the (empty) arguments.
    let head = marker
        .split(';')
        .next()
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(shown.contains(&head), "{head:?} in {shown}");
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

#[test]
fn back_from_a_brief_the_keyboard_is_on_the_case_just_opened_and_the_first_arrow_moves() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Lou");
    app.update();
    press(&mut app, KeyCode::ArrowDown);
    press(&mut app, KeyCode::ArrowDown);
    let opened = focused_case(&app).expect("a case has the focus");
    let focused = app
        .world()
        .resource::<bevy::input_focus::InputFocus>()
        .get()
        .unwrap();
    app.world_mut().trigger(Activate { entity: focused });
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Brief);
    press(&mut app, KeyCode::Escape);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Select);
    assert_eq!(focused_case(&app).as_deref(), Some(opened.as_str()));
    press(&mut app, KeyCode::ArrowDown);
    let next = focused_case(&app).expect("still on a case");
    assert_ne!(next, opened, "the first Down moves on");
    press(&mut app, KeyCode::ArrowUp);
    assert_eq!(focused_case(&app).as_deref(), Some(opened.as_str()));
}

#[test]
fn my_progress_shows_the_rules_over_the_last_calls_and_opens_the_case_to_practise_next() {
    use hold_the_line::game::screens::progress::{PractiseNext, RuleRow};
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Rae");
    // One call by the book but cutting in once.
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, false), (1, true), (1, true)],
    );
    send(&mut app, UiAction::BackToList);
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
    send(&mut app, UiAction::OpenCase(next.0.clone()));
    assert_eq!(screen(&app), Screen::Brief);
    assert_eq!(
        app.world()
            .resource::<hold_the_line::game::session::CurrentCase>()
            .0
            .id,
        next.0
    );
}

#[test]
fn the_case_list_leaves_room_for_the_focus_ring_it_clips() {
    use hold_the_line::game::theme::interaction::FOCUS_RING_REACH;
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Ring");
    app.update();
    let world = app.world_mut();
    // The list that holds the focused first card clips its overflow: its padding must hold
    // the ring drawn around the card.
    let focused = world
        .resource::<bevy::input_focus::InputFocus>()
        .get()
        .expect("the first card has the focus");
    let list = world.get::<ChildOf>(focused).unwrap().parent();
    let node = world.get::<Node>(list).unwrap();
    assert!(
        node.overflow.y != OverflowAxis::Visible,
        "the list scrolls and clips"
    );
    for side in [node.padding.top, node.padding.left, node.padding.right] {
        assert!(
            matches!(side, Val::Px(p) if p >= FOCUS_RING_REACH),
            "{side:?} leaves no room for the ring"
        );
    }
}

#[test]
fn on_an_800_by_600_screen_small_text_stays_readable() {
    use bevy::window::WindowResized;
    use hold_the_line::game::theme::widgets::size;
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    app.add_message::<WindowResized>()
        .init_resource::<UiScale>()
        .add_plugins(hold_the_line::game::window::plugin);
    app.world_mut().write_message(WindowResized {
        window: Entity::PLACEHOLDER,
        width: 800.0,
        height: 600.0,
    });
    app.update();
    let scale = app.world().resource::<UiScale>().0;
    // Hints, chart legends and notes are the small size: at least 13 px on screen.
    assert!(size::SMALL * scale >= 13.0, "{} px", size::SMALL * scale);
    // And the layout still shrinks for the small screen.
    assert!(scale < 1.0, "{scale}");
}

/// Said over, the customer's line is the one labelled "cut off"; their retort after it says
/// it came after being cut in on.
#[test]
fn the_line_said_over_is_labelled_cut_off_not_the_retort() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Cy");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
    until(&mut app, "the greeting", |a| {
        a.world().resource::<LiveCall>().call.can_reply()
    });
    send(&mut app, UiAction::Reply(0));
    until(&mut app, "the first outburst, card on offer", |a| {
        let call = &a.world().resource::<LiveCall>().call;
        matches!(call.phase(), Phase::Speaking { .. }) && call.is_offered(0)
    });
    let said_over = match app.world().resource::<LiveCall>().call.phase() {
        Phase::Speaking { text, .. } => text.to_string(),
        _ => unreachable!(),
    };
    send(&mut app, UiAction::Reply(0));
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
        send(&mut app, UiAction::OpenCase(case.into()));
        assert_eq!(screen(&app), Screen::Brief, "{case} opens");
        send(&mut app, UiAction::StartCall);
        assert_eq!(screen(&app), Screen::Call, "{case} starts");
        send(&mut app, UiAction::BeginCall);
        // Both cases open with the agent's greeting.
        until(&mut app, "the greeting's turn", |a| {
            a.world().resource::<LiveCall>().call.can_reply()
        });
        send(&mut app, UiAction::Reply(0));
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

/// Whether a node paints something (a line of the chart): every node has a background
/// colour, most of them transparent.
fn drawn(world: &World, node: Entity) -> bool {
    world
        .get::<BackgroundColor>(node)
        .is_some_and(|bg| bg.0.alpha() > 0.0)
}

/// The debrief chart's 0/50/100 labels sit in a gutter of their own beside the plot, so no
/// line of the chart crosses them.
#[test]
fn the_charts_labels_are_beside_its_lines_not_under_them() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Ike");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    let world = app.world_mut();
    let chart = world
        .query::<(Entity, &Name)>()
        .iter(world)
        .find(|(_, n)| n.as_str() == "Timeline chart")
        .map(|(e, _)| e)
        .expect("the debrief has its chart");
    let label = world
        .query::<(Entity, &Text)>()
        .iter(world)
        .find(|(e, t)| {
            t.0 == "50" && {
                // Inside the chart.
                let mut at = *e;
                let mut inside = false;
                while let Some(parent) = world.get::<ChildOf>(at).map(ChildOf::parent) {
                    if parent == chart {
                        inside = true;
                        break;
                    }
                    at = parent;
                }
                inside
            }
        })
        .map(|(e, _)| e)
        .expect("the chart labels 50");
    // The chart's child that holds the label draws no line.
    let mut band = label;
    while world.get::<ChildOf>(band).map(ChildOf::parent) != Some(chart) {
        band = world.get::<ChildOf>(band).unwrap().parent();
    }
    let lines_beside_label = world
        .get::<Children>(band)
        .unwrap()
        .iter()
        .filter(|c| drawn(world, *c))
        .count();
    assert_eq!(lines_beside_label, 0, "a line is drawn across the labels");
    // The lines are in another child of the chart, set off by the gutter.
    let plot = world
        .get::<Children>(chart)
        .unwrap()
        .iter()
        .find(|c| {
            *c != band
                && world
                    .get::<Children>(*c)
                    .is_some_and(|k| k.iter().any(|l| drawn(world, l)))
        })
        .expect("the plot");
    let node = world.get::<Node>(plot).unwrap();
    assert!(
        matches!(node.left, Val::Px(p) if p >= 24.0),
        "the plot leaves the labels their room: {:?}",
        node.left
    );
}

/// "grade A" stays on one line under the score whatever the score and the screen: the
/// score's column keeps its width and the grade does not wrap.
#[test]
fn the_grade_under_the_score_never_wraps() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Uma");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    let world = app.world_mut();
    let score = world
        .query_filtered::<Entity, With<ScoreText>>()
        .single(world)
        .unwrap();
    let column = world.get::<ChildOf>(score).unwrap().parent();
    assert_eq!(world.get::<Node>(column).unwrap().flex_shrink, 0.0);
    let grade = world
        .get::<Children>(column)
        .unwrap()
        .iter()
        .find(|c| *c != score)
        .unwrap();
    assert!(unmarked(&world.get::<Text>(grade).unwrap().0).contains("grade A"));
    assert_eq!(
        world.get::<TextLayout>(grade).unwrap().linebreak,
        bevy::text::LineBreak::NoWrap
    );
}

/// My progress: the rules and the cases each scroll on their own, so scrolling down a long
/// list of rules does not carry the cases out of view with it.
#[test]
fn my_progress_scrolls_its_two_panels_apart() {
    use hold_the_line::game::theme::scroll::Scrollable;
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, "Zia");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    send(&mut app, UiAction::BackToList);
    send(&mut app, UiAction::ShowProgress);
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
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    assert!(!row_shown(&mut app));
    send(&mut app, UiAction::BackToList);
    send(&mut app, UiAction::OpenCase(case.into()));
    assert!(row_shown(&mut app));
    assert!(shown(&mut app).contains("לשון זכר"), "{}", shown(&mut app));
    send(&mut app, UiAction::SwitchSpeaker);
    app.update();
    assert!(shown(&mut app).contains("לשון נקבה"), "{}", shown(&mut app));
    let (saved, _) = Store::new(data.path()).open("Noa").unwrap();
    assert_eq!(saved.speaks_as, Some(Gender::Female));
    // The call's cards are the case's words as a woman says them.
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
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
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
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
    send(&mut app, UiAction::SwitchTimeAllowance);
    app.update();
    assert!(shown(&mut app).contains("×1.5"), "{}", shown(&mut app));
    let (saved, _) = Store::new(data.path()).open("Rana").unwrap();
    assert_eq!(saved.time_allowance, TimeAllowance::OneAndAHalf);
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
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
            send(&mut app, UiAction::Voice(Voice::Soft));
            send(&mut app, UiAction::Reply(0));
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
        send(&mut app, UiAction::OpenCase("missing_parcel".into()));
        if whole {
            send(&mut app, UiAction::SwitchLinesAtOnce);
            app.update();
            let world = app.world_mut();
            let mut q = world.query_filtered::<&Text, With<LinesLine>>();
            let said = unmarked(&seen(&q.single(world).unwrap().0));
            assert!(said.contains("whole"), "{said}");
            let (saved, _) = Store::new(data.path()).open("Yael").unwrap();
            assert!(saved.lines_at_once);
        }
        send(&mut app, UiAction::StartCall);
        send(&mut app, UiAction::BeginCall);
        // The greeting first (the agent speaks first), then the customer's first line.
        for _ in 0..5_000 {
            let phase = app.world().resource::<LiveCall>().call.phase();
            if let Phase::Speaking { progress, .. } = phase
                && (0.2..0.6).contains(&progress)
            {
                break;
            }
            if app.world().resource::<LiveCall>().call.can_reply() && floor_open(&app) {
                send(&mut app, UiAction::Reply(0));
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

/// A trainee who cannot tell red from green reads the call all the same: each meter says
/// its name and its value in words and figures, and each reason for a move says which way
/// it went with a sign ("-5 anger"), not only with its colour.
#[test]
fn the_meters_and_their_reasons_read_without_colour() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(&scenarios(), data.path(), Some(Lang::En));
    sign_in(&mut app, "Omar");
    send(&mut app, UiAction::OpenCase("missing_parcel".into()));
    send(&mut app, UiAction::StartCall);
    send(&mut app, UiAction::BeginCall);
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
            send(&mut app, UiAction::Voice(Voice::Soft));
            send(&mut app, UiAction::Reply(0));
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
