//! What the game's headless tests share: the app under `MinimalPlugins` with 100 ms frames,
//! signing in, sending the commands buttons and keys send, key presses, and playing a case
//! through the UI.
#![allow(dead_code)] // each test file uses its own share of these

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::text::EditableText;
use bevy::time::TimeUpdateStrategy;
use hold_the_line::game::actions::*;
use hold_the_line::game::screens::debrief::RuleLine;
use hold_the_line::game::screens::title::NameField;
use hold_the_line::game::session::LiveCall;
use hold_the_line::game::{GameConfig, HoldTheLinePlugin, Screen};
use htl_core::engine::{Phase, Voice};
use htl_core::i18n::Lang;

pub fn scenarios() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// Frames of 100 ms of game time each.
pub fn app(scenarios_dir: &Path, data_dir: &Path) -> App {
    app_in(scenarios_dir, data_dir, Some(Lang::En))
}

/// The game with `--lang` set to `forced` (None: as if no flag was given).
pub fn app_in(scenarios_dir: &Path, data_dir: &Path, forced: Option<Lang>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            100,
        )))
        .add_plugins(HoldTheLinePlugin {
            config: GameConfig {
                scenarios_dir: scenarios_dir.to_path_buf(),
                data_dir: data_dir.to_path_buf(),
                fixed_seed: Some(7),
                lang: forced,
            },
        });
    app.update();
    app
}

pub fn send<A: ScreenAction>(app: &mut App, action: A) {
    app.world_mut().write_message(UiCommand(action));
    app.update();
    app.update();
}

pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

pub fn type_name(app: &mut App, name: &str) {
    let world = app.world_mut();
    let mut fields = world.query_filtered::<&mut EditableText, With<NameField>>();
    let mut field = fields.single_mut(world).expect("one name field");
    *field = EditableText::new(name);
}

/// A trainee's first minutes, the start of most tests: a fresh data folder (kept while the
/// returned guard lives), the game on the real case library, and `name` signed in.
pub fn signed_in(name: &str) -> (tempfile::TempDir, App) {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios(), data.path());
    sign_in(&mut app, name);
    (data, app)
}

/// [`signed_in`], with `case`'s brief open.
pub fn at_brief(name: &str, case: &str) -> (tempfile::TempDir, App) {
    let (data, mut app) = signed_in(name);
    send(&mut app, SelectAction::OpenCase(case.into()));
    assert_eq!(screen(&app), Screen::Brief, "{case} opens on its brief");
    (data, app)
}

pub fn sign_in(app: &mut App, name: &str) {
    type_name(app, name);
    send(app, TitleAction::SignIn);
    assert_eq!(screen(app), Screen::Select);
}

/// Runs frames until `done` holds (or fails after a long while).
pub fn until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..5_000 {
        if done(app) {
            return;
        }
        app.update();
    }
    panic!("timed out waiting for {what}");
}

pub fn floor_open(app: &App) -> bool {
    app.world()
        .get_resource::<LiveCall>()
        .is_some_and(|l| matches!(l.call.phase(), Phase::Waiting { .. }) || l.call.is_over())
}

/// Plays a case through the UI: each step a reply number (1-based) and whether to wait for
/// the customer to finish.
pub fn play(app: &mut App, case: &str, steps: &[(usize, bool)]) {
    send(app, SelectAction::OpenCase(case.into()));
    assert_eq!(screen(app), Screen::Brief);
    send(app, BriefAction::StartCall);
    assert_eq!(screen(app), Screen::Call);
    // A trainee's first call opens with the guide to the screen.
    send(app, CallAction::BeginCall);
    for &(reply, wait) in steps {
        until(app, "the customer's turn to end", |a| {
            a.world()
                .get_resource::<LiveCall>()
                .is_some_and(|l| l.call.can_reply())
        });
        if wait {
            until(app, "the customer to finish", floor_open);
        } else {
            until(app, "the customer to talk with the card on offer", |a| {
                a.world().get_resource::<LiveCall>().is_some_and(|l| {
                    matches!(l.call.phase(), Phase::Speaking { .. }) && l.call.is_offered(reply - 1)
                })
            });
        }
        let loud = app.world().resource::<LiveCall>().call.customer_is_loud();
        send(
            app,
            CallAction::Voice(if loud && wait {
                Voice::Soft
            } else {
                Voice::Even
            }),
        );
        send(app, CallAction::Reply(reply - 1));
    }
    until(app, "the debrief", |a| screen(a) == Screen::Debrief);
}

pub fn rule_lines(app: &mut App) -> Vec<RuleLine> {
    let world = app.world_mut();
    let mut q = world.query::<&RuleLine>();
    q.iter(world).cloned().collect()
}

/// A key going down or up, as the window sends it.
pub fn key(key: KeyCode, state: bevy::input::ButtonState) -> bevy::input::keyboard::KeyboardInput {
    use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
    KeyboardInput {
        key_code: key,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    }
}

/// Presses and releases `key`, a frame each.
pub fn press(app: &mut App, key_code: KeyCode) {
    use bevy::input::ButtonState;
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(key(key_code, state));
        app.update();
    }
}
