//! What a trainee who uses a screen reader or larger text relies on, in the game without a
//! window: every button named by its words (in the language of the moment), each customer
//! line read whole with its language, the conversation a polite live region, the meters as
//! meters with their values and the reason they last moved; and a text size kept per
//! trainee that grows every text.

use accesskit::{Live, Role};
use bevy::a11y::AccessibilityNode;
use bevy::input::ButtonState;
use bevy::prelude::*;
use bevy::text::RemSize;
use bevy::ui::widget::Label;
use bevy::ui_widgets::Button;
use hold_the_line::game::Screen;
use hold_the_line::game::actions::*;
use hold_the_line::game::screens::call::{Bubble, Speaking};
use hold_the_line::game::session::LiveCall;
use htl_core::engine::{Phase, Voice};
use htl_core::i18n::Lang;
use htl_core::profile::{Store, TextSize};

mod common;
use common::*;

/// Each button's name for a screen reader, beside the words it shows.
fn buttons(app: &mut App) -> Vec<(String, String)> {
    let world = app.world_mut();
    let mut q = world.query_filtered::<(Entity, Option<&AccessibleLabel>), With<Button>>();
    let found: Vec<(Entity, Option<String>)> = q
        .iter(world)
        .map(|(e, l)| (e, l.map(|l| l.0.clone())))
        .collect();
    let mut texts = world.query::<&Text>();
    let mut children = world.query::<&Children>();
    found
        .into_iter()
        .map(|(button, name)| {
            let mut words = Vec::new();
            let mut stack = vec![button];
            while let Some(e) = stack.pop() {
                if let Ok(t) = texts.get(world, e)
                    && !t.0.trim().is_empty()
                {
                    words.push(t.0.trim().to_string());
                }
                if let Ok(kids) = children.get(world, e) {
                    stack.extend(kids.iter().rev());
                }
            }
            // What is read has no direction marks: they only lay the text out.
            let words: String = words
                .join(" ")
                .chars()
                .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}'))
                .collect();
            (name.unwrap_or_default(), words)
        })
        .collect()
}

#[test]
fn every_button_is_named_by_its_words_and_renamed_in_a_new_language() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(&scenarios(), data.path(), None);
    send(&mut app, TitleAction::SetLanguage(Lang::En));
    let english = buttons(&mut app);
    assert!(english.len() >= 5, "{english:?}");
    for (name, words) in &english {
        assert_eq!(name, words, "a button is read otherwise than it shows");
    }
    assert!(
        english
            .iter()
            .any(|(n, _)| n.contains("Practise as a guest"))
    );
    send(&mut app, TitleAction::SetLanguage(Lang::Ar));
    let arabic = buttons(&mut app);
    for (name, words) in &arabic {
        assert_eq!(
            name, words,
            "a button kept its old name after the language changed"
        );
    }
    assert!(
        !arabic
            .iter()
            .any(|(n, _)| n.contains("Practise as a guest")),
        "{arabic:?}"
    );
}

#[test]
fn in_a_call_a_reader_hears_lines_whole_cards_with_their_keys_and_the_meters() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(&scenarios(), data.path(), Some(Lang::Ar));
    sign_in(&mut app, "Huda");
    send(&mut app, SelectAction::OpenCase("ar_no_callback".into()));
    send(&mut app, BriefAction::StartCall);
    send(&mut app, CallAction::BeginCall);
    assert_eq!(screen(&app), Screen::Call);

    // The conversation is a log a reader follows without being moved to it.
    {
        let world = app.world_mut();
        let mut q = world.query::<&AccessibilityNode>();
        let log = q
            .iter(world)
            .find(|n| n.role() == Role::Log)
            .expect("the conversation is a log");
        assert_eq!(log.live(), Some(Live::Polite));
    }

    // A customer line being revealed word by word is read whole, in Arabic, from its start.
    let mut heard_early = false;
    let mut moved = false;
    for _ in 0..5_000 {
        let live = app.world().resource::<LiveCall>();
        if let Phase::Speaking { progress, .. } = live.call.phase()
            && (0.1..0.5).contains(&progress)
        {
            let world = app.world_mut();
            let mut speaking = world.query_filtered::<(&Text, &ChildOf), With<Speaking>>();
            let Some((shown, bubble)) = speaking
                .iter(world)
                .map(|(t, c)| (t.0.clone(), c.parent()))
                .next()
            else {
                app.update();
                continue;
            };
            let mut lines = world.query::<(&Bubble, &AccessibilityNode, &AccessibleLabel)>();
            let (line, node, label) = lines.get(world, bubble).expect("the line is read");
            assert_eq!(
                node.language(),
                Some("ar-EG"),
                "a Cairo caller is read as Egyptian Arabic"
            );
            assert!(label.0.ends_with(&line.text), "{} / {}", label.0, line.text);
            assert!(
                shown.len() < line.text.len(),
                "the line was not yet all shown"
            );
            // Its words are not read a second time as they appear.
            let mut labelled = world.query_filtered::<(), (With<Speaking>, With<Label>)>();
            assert_eq!(labelled.iter(world).count(), 0);
            heard_early = true;
        }
        if app.world().resource::<LiveCall>().call.can_reply() && floor_open(&app) {
            if heard_early {
                // The cards are named with their number key first.
                let named = buttons(&mut app);
                let cards: Vec<_> = named
                    .iter()
                    .filter(|(n, _)| n.starts_with(|c: char| c.is_ascii_digit()))
                    .collect();
                assert!(cards.len() >= 2, "{named:?}");
                for (name, words) in &cards {
                    assert_eq!(name, words);
                    assert!(name.chars().nth(1) == Some(' '), "{name}");
                }
            }
            send(&mut app, CallAction::Voice(Voice::Soft));
            send(&mut app, CallAction::Reply(0));
            moved = true;
            if heard_early {
                break;
            }
        } else {
            app.update();
        }
    }
    assert!(heard_early && moved, "no line was heard while it was said");
    for _ in 0..10 {
        app.update();
    }
    // The meters are meters, with the engine's values and a reason for the last move.
    let meters = app.world().resource::<LiveCall>().call.meters();
    let world = app.world_mut();
    let mut q = world.query::<(&AccessibilityNode, &AccessibleLabel)>();
    let read: Vec<(String, Option<f64>, Option<String>)> = q
        .iter(world)
        .filter(|(n, _)| n.role() == Role::Meter)
        .map(|(n, l)| {
            (
                l.0.clone(),
                n.numeric_value(),
                n.description().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(read.len(), 3, "{read:?}");
    let values: Vec<f64> = read.iter().filter_map(|r| r.1).collect();
    assert_eq!(
        values,
        [meters.anger, meters.trust, meters.patience].map(f64::from)
    );
    assert!(
        read.iter()
            .any(|r| r.2.as_ref().is_some_and(|d| !d.is_empty())),
        "no meter says why it moved: {read:?}"
    );
    assert!(
        read.iter().all(|r| !r.0.is_empty() && !r.0.is_ascii()),
        "{read:?}"
    );
}

/// Holds Ctrl and types `key`, as a trainee would.
fn ctrl(app: &mut App, key: KeyCode) {
    app.world_mut()
        .write_message(common::key(KeyCode::ControlLeft, ButtonState::Pressed));
    app.update();
    press(app, key);
    app.world_mut()
        .write_message(common::key(KeyCode::ControlLeft, ButtonState::Released));
    app.update();
}

fn rem(app: &App) -> f32 {
    app.world().resource::<RemSize>().0
}

#[test]
fn text_size_grows_every_text_and_is_kept_for_the_trainee() {
    let data = tempfile::tempdir().unwrap();
    let mut app = common::app(&scenarios(), data.path());
    let standard = rem(&app);
    // Enlarged on the title, before signing in: the new trainee keeps it.
    ctrl(&mut app, KeyCode::Equal);
    ctrl(&mut app, KeyCode::Equal);
    assert_eq!(rem(&app), standard * 1.5);
    sign_in(&mut app, "Noa");
    let (saved, _) = Store::new(data.path()).open("Noa").unwrap();
    assert_eq!(saved.text_size, TextSize::new(150));
    // The brief's switch steps it on; Ctrl and - steps back.
    send(&mut app, SelectAction::OpenCase("missing_parcel".into()));
    send(&mut app, BriefAction::SwitchTextSize);
    assert_eq!(rem(&app), standard * 1.75);
    let line = {
        use hold_the_line::game::screens::brief::TextSizeLine;
        let world = app.world_mut();
        let mut q = world.query_filtered::<&Text, With<TextSizeLine>>();
        q.single(world).unwrap().0.clone()
    };
    assert!(line.contains("175"), "{line}");
    ctrl(&mut app, KeyCode::Minus);
    assert_eq!(rem(&app), standard * 1.5);
    // Every text is sized in rem, so all of them follow.
    {
        let world = app.world_mut();
        let mut q = world.query::<&TextFont>();
        for font in q.iter(world) {
            assert!(
                matches!(font.font_size, FontSize::Rem(_)),
                "a text ignores the text size: {:?}",
                font.font_size
            );
        }
    }
    // Another day, another window: the trainee's size comes back when they sign in.
    drop(app);
    let mut app = common::app(&scenarios(), data.path());
    assert_eq!(rem(&app), standard);
    sign_in(&mut app, "Noa");
    assert_eq!(rem(&app), standard * 1.5);
    // Ctrl and 0: back to 100 %, saved.
    ctrl(&mut app, KeyCode::Digit0);
    assert_eq!(rem(&app), standard);
    let (saved, _) = Store::new(data.path()).open("Noa").unwrap();
    assert!(saved.text_size.is_standard());
}

#[test]
fn the_debriefs_verdicts_are_words_not_only_colours_in_every_language() {
    use hold_the_line::game::locale::Locale;
    use hold_the_line::game::screens::debrief::RuleLine;
    use htl_core::engine::RuleStatus;
    for lang in [Lang::En, Lang::Ar, Lang::He] {
        let data = tempfile::tempdir().unwrap();
        let mut app = app_in(&scenarios(), data.path(), Some(lang));
        sign_in(&mut app, "Sam");
        // Interrupt the venting, make an excuse, then recover: broken and followed rules.
        play(
            &mut app,
            "missing_parcel",
            &[(1, true), (3, false), (1, true), (1, true), (1, true)],
        );
        let locale = *app.world().resource::<Locale>();
        let word = |status: RuleStatus| {
            locale.t(match status {
                RuleStatus::Followed => "mark-followed",
                RuleStatus::Broken => "mark-broken",
                _ => "mark-mixed",
            })
        };
        let words = [
            word(RuleStatus::Followed),
            word(RuleStatus::Broken),
            word(RuleStatus::Mixed),
        ];
        assert!(
            words[0] != words[1] && words[1] != words[2] && words[0] != words[2],
            "{lang:?}: {words:?}"
        );
        let world = app.world_mut();
        let mut lines = world.query::<(Entity, &RuleLine)>();
        let lines: Vec<(Entity, RuleStatus)> =
            lines.iter(world).map(|(e, l)| (e, l.status)).collect();
        let mut statuses: Vec<RuleStatus> = lines.iter().map(|l| l.1).collect();
        statuses.dedup();
        assert!(
            statuses.contains(&RuleStatus::Broken) && statuses.contains(&RuleStatus::Followed),
            "{statuses:?}"
        );
        let mut children = world.query::<&Children>();
        let mut texts = world.query::<&Text>();
        for (line, status) in lines {
            // The first words of a rule's line are its verdict, in words.
            let mut first = None;
            let mut stack = vec![line];
            while let Some(e) = stack.pop() {
                if let Ok(t) = texts.get(world, e) {
                    first = Some(t.0.clone());
                    break;
                }
                if let Ok(kids) = children.get(world, e) {
                    stack.extend(kids.iter().rev());
                }
            }
            assert_eq!(first, Some(word(status)), "{lang:?}");
        }
    }
}
