//! `hold-the-line`: with no command, the game; with a command, a trainer's or test tool.

use std::process::ExitCode;

use clap::Parser;
use htl_core::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let code = cli::run(
                command,
                &cli.game,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            ExitCode::from(code)
        }
        None => hold_the_line::run_game(cli.game),
    }
}
