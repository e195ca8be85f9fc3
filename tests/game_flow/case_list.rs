//! The case list: broken files shown with their errors, the keyboard's walk, small screens.

use super::*;

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
    hold_the_line::game::cases::wait_for_library(app.world_mut());
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
fn the_arrow_keys_walk_the_case_list_and_the_focused_case_opens() {
    let (_data, mut app) = signed_in("Kai");
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
    send(&mut app, SelectAction::ShowTier(2));
    app.update();
    assert_eq!(broken_cards(&mut app), 1, "once, on tier 2");
}

#[test]
fn back_from_a_brief_the_keyboard_is_on_the_case_just_opened_and_the_first_arrow_moves() {
    let (_data, mut app) = signed_in("Lou");
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
fn the_case_list_leaves_room_for_the_focus_ring_it_clips() {
    use hold_the_line::game::theme::interaction::FOCUS_RING_REACH;
    let (_data, mut app) = signed_in("Ring");
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
