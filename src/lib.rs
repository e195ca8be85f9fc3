//! Hold the Line, the game: Bevy screens and plugins that show and drive `htl_core`.
//!
//! `game` holds one plugin per screen or feature; `run_game` opens the window.

pub mod game;

use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use htl_core::cli::GameOptions;

use game::{GameConfig, HoldTheLinePlugin};

/// Opens the game window and runs until the trainee quits.
pub fn run_game(options: GameOptions) -> ExitCode {
    let config = GameConfig {
        scenarios_dir: options
            .scenarios
            .clone()
            .unwrap_or_else(game::cases::default_dir),
        data_dir: htl_core::profile::data_dir(options.data_dir.as_deref()),
        // Screenshots and demos replay the same call: HOLD_THE_LINE_SEED fixes the seed.
        fixed_seed: std::env::var("HOLD_THE_LINE_SEED")
            .ok()
            .and_then(|s| s.parse().ok()),
        lang: options.lang,
    };
    let mut app = windowed_app(config);
    if let Some(path) = &options.script {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                app.add_plugins(game::script::plugin(game::script::Script::from_text(&text)));
            }
            Err(e) => {
                eprintln!(
                    "hold-the-line: cannot read the script {}: {e}",
                    path.display()
                );
                return ExitCode::from(2);
            }
        }
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// The game in its window, as a trainee runs it (the same builder for the benchmark that
/// measures a live call under a real renderer).
pub fn windowed_app(config: GameConfig) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Hold the Line".into(),
                    name: Some("hold-the-line".into()),
                    resolution: WindowResolution::new(1280, 720),
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "wgpu=error,naga=warn,bevy_render=warn".into(),
                ..default()
            }),
    )
    .add_plugins(bevy::input_focus::tab_navigation::TabNavigationPlugin)
    .insert_resource(ClearColor(game::theme::palette::BACKGROUND))
    .add_plugins((HoldTheLinePlugin { config }, game::window::plugin))
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn((Name::new("Camera"), Camera2d));
    });
    app
}
