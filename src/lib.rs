//! The Hold the Line game: Bevy screens and plugins that show and drive `htl_core`.

use std::process::ExitCode;

use htl_core::cli::GameOptions;

pub fn run_game(_options: GameOptions) -> ExitCode {
    eprintln!("the game window is not built yet");
    ExitCode::FAILURE
}
