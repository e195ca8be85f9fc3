//! The trainers' and tests' tools: `check`, `play`, `explore`, `rules`, `library`, `report`,
//! `lrs`.
//! None of them opens a window. `hold-the-line` with no subcommand opens the game; the
//! binary parses arguments here and hands the game its options.

mod check;
mod explore;
mod library;
mod lrs;
mod map;
pub use map::index_and_maps as map_files;

pub use explore::write_report as write_explore_report;
pub use library::markdown as library_markdown;
pub use library::{LanguageCoverage, RuleCoverage, rule_coverage};
pub use lrs::{LrsArgs, LrsCommand, SetupArgs};
mod play;
mod report;
mod shift;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::guidance::Catalogue;
use crate::i18n::Lang;

/// Exit code: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: the input has problems (errors in a scenario, a script that cannot run).
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code: the command was used wrongly (bad flag, missing path).
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "hold-the-line",
    version,
    about = "Hold the Line: practise calls with angry customers.",
    long_about = "Hold the Line: practise calls with angry customers.\n\nWith no command, opens the game. The commands are tools for trainers and tests; none of them opens a window."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub game: GameOptions,
}

/// Options for the game window (used when no command is given).
#[derive(Debug, Clone, Default, Args)]
pub struct GameOptions {
    /// Use the scenarios in this folder instead of the library in ./scenarios (the game
    /// plays them; `play` looks ids up there).
    #[arg(long, value_name = "DIR", global = true)]
    pub scenarios: Option<PathBuf>,
    /// Keep profiles and saved progress in this folder (default: the platform's data
    /// folder; the HOLD_THE_LINE_DATA environment variable also sets it).
    #[arg(long, value_name = "DIR", env = "HOLD_THE_LINE_DATA", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Play a script of steps in the game window (screenshots, demos); see README.
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
    /// The game's language: en, ar or he (default: the trainee's saved choice, else the
    /// system's language from LC_ALL, LC_MESSAGES or LANG, else English).
    #[arg(long, value_name = "LANG", env = "HOLD_THE_LINE_LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag).ok_or_else(|| {
        format!("\"{tag}\" is not a language the game speaks: use en (English), ar (Arabic) or he (Hebrew)")
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and report every problem with its file, line and column.
    /// Files over 1 MiB are refused unread (a scenario is a few kilobytes).
    Check(CheckArgs),
    /// Play a scenario headless from a script of choices and print the transcript and score.
    Play(PlayArgs),
    /// Walk every path through scenarios: winnable? best and worst score, endings, dead replies.
    Explore(ExploreArgs),
    /// Print the guidance rules the game scores.
    Rules(RulesArgs),
    /// Print the table of scenarios with their tiers, rules and explore figures.
    Library(LibraryArgs),
    /// Write a report for trainers from the data folder: report.html (opens offline,
    /// prints) and CSV files for a spreadsheet.
    Report(ReportArgs),
    /// Send results to a learning record store (xAPI): setup, status, send.
    Lrs(lrs::LrsArgs),
    /// Draw a case's map: every beat, every reply as a numbered arrow to where it leads,
    /// every ending, with explore's best path bold (Graphviz DOT).
    Map(MapArgs),
    /// Play a whole shift (a run of calls against a clock: queue, after-call work,
    /// promised call-backs, customers calling again) with a built-in trainee, and print
    /// the shift's measures and whether it passed.
    Shift(ShiftArgs),
}

#[derive(Debug, Args)]
pub struct ShiftArgs {
    /// A shift file (`*.shift.ron`), or the id of a shift in the scenarios folder.
    pub shift: String,
    /// Who works the shift: guidance (explore's best path each call, after-call work done,
    /// promises kept), rude, slow, firm, or forgetful (keeps no promise).
    #[arg(long, value_enum, default_value_t = crate::shift::ShiftTrainee::Guidance)]
    pub trainee: crate::shift::ShiftTrainee,
    /// Fixes the arrivals, the pools' draws and the customers' wording.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// A scenario file, or the id of a scenario in the scenarios folder.
    #[arg(required_unless_present = "all")]
    pub scenario: Option<String>,
    /// Write a map of every case of the scenarios folder into DIR, and an index
    /// (README.md) listing them.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["scenario", "out"])]
    pub all: Option<PathBuf>,
    /// Where to write it (default: CASE_ID.svg, or CASE_ID.dot, in the working folder;
    /// `-` prints it).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The map's format: svg (a self-contained picture for any browser, laid out and
    /// labelled in the case's language) or dot (Graphviz DOT for a trainer's own tools).
    #[arg(long, value_enum, default_value_t = MapFormat::Svg)]
    pub format: MapFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MapFormat {
    Svg,
    Dot,
}

impl MapFormat {
    pub fn extension(self) -> &'static str {
        match self {
            MapFormat::Svg => "svg",
            MapFormat::Dot => "dot",
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scenario files or folders [default: scenarios/]
    pub paths: Vec<PathBuf>,
    /// Print diagnostics as JSON, one object per file.
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct PlayArgs {
    /// A scenario file, or the id of a scenario in the scenarios folder.
    pub scenario: String,
    /// The script: steps `REPLY[@WHEN][:VOICE]`, separated by commas or spaces.
    /// WHEN: pause (default), interrupt, late, +SECONDS after they stop, tSECONDS after the
    /// beat starts. VOICE: soft, even (default), firm. Example: "1:soft, 2@interrupt, 3@+4".
    /// The named moments and +SECONDS mean the same on every seed; tSECONDS does not (how
    /// long the customer talks varies with the seed's wording).
    #[arg(long, short, value_name = "STEPS")]
    pub choices: String,
    /// Seed for the customer's wording and pacing. With the named moments it never changes
    /// a verdict.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print the transcript and score as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExploreArgs {
    /// Scenario files or folders [default: scenarios/]
    pub paths: Vec<PathBuf>,
    /// Print each scenario's report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print a Markdown table (as in docs/authoring.md).
    #[arg(long)]
    pub markdown: bool,
    /// Print how a call is scored and how tiers open, from the catalogue's scoring policy,
    /// in Markdown (as in docs/authoring.md).
    #[arg(long, conflicts_with = "markdown")]
    pub scoring: bool,
}

#[derive(Debug, Args)]
pub struct LibraryArgs {
    /// Scenario folder [default: scenarios/]
    pub path: Option<PathBuf>,
    /// Write the Markdown table to this file instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only calls finished on or after this day (UTC), written YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only this trainee (the name they signed in with).
    #[arg(long, value_name = "NAME")]
    pub trainee: Option<String>,
    /// The folder to write report.html and the CSV files into (created when missing).
    #[arg(long, value_name = "DIR", default_value = "report")]
    pub out: PathBuf,
    /// The report's language: en, ar or he (default: the system's, as for the game).
    /// The data folder is --data-dir (or HOLD_THE_LINE_DATA, or the platform's).
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Read the calls from the learning record store (the statements every PC sent)
    /// instead of the data folder: the LRS set up with `lrs setup` in the data folder, or
    /// the HOLD_THE_LINE_LRS_* environment variables.
    #[arg(long)]
    pub lrs: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
            }
        }
    }
}

/// The default scenario folder: `scenarios/` in the working directory, else beside the
/// executable (the portable archive), else the installed library
/// (`/usr/share/hold-the-line/scenarios` beside `/usr/bin`, as the Debian package lays it out).
/// `scenarios/` when none exists, so the message names the folder a user would expect.
pub fn default_scenarios_dir() -> PathBuf {
    installed_candidates(std::env::current_exe().ok().as_deref())
        .into_iter()
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("scenarios"))
}

/// Where a library is looked for, in order, for an executable at `exe`.
pub fn installed_candidates(exe: Option<&Path>) -> Vec<PathBuf> {
    let mut candidates = vec![PathBuf::from("scenarios")];
    if let Some(dir) = exe.and_then(Path::parent) {
        candidates.push(dir.join("scenarios"));
        if let Some(prefix) = dir.parent() {
            candidates.push(prefix.join("share").join("hold-the-line").join("scenarios"));
        }
    }
    candidates
}

/// Runs a command, writing to `out` and `err`; returns the process exit code.
pub fn run(
    command: Command,
    options: &GameOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let catalogue = Catalogue::builtin();
    let scenarios_dir = options
        .scenarios
        .clone()
        .unwrap_or_else(default_scenarios_dir);
    let result = match command {
        Command::Check(args) => check::run(&args, &scenarios_dir, &catalogue, out, err),
        Command::Play(args) => play::run(&args, &scenarios_dir, &catalogue, out, err),
        Command::Explore(args) => explore::run(&args, &scenarios_dir, &catalogue, out, err),
        Command::Rules(args) => rules(&args, &catalogue, out),
        Command::Map(args) => map::run(&args, &scenarios_dir, &catalogue, out, err),
        Command::Shift(args) => shift::run(&args, &scenarios_dir, &catalogue, out, err),
        Command::Library(args) => library::run(&args, &scenarios_dir, &catalogue, out, err),
        Command::Report(args) => report::run(&args, options, &scenarios_dir, &catalogue, out, err),
        Command::Lrs(args) => lrs::run(
            &args,
            &crate::profile::data_dir(options.data_dir.as_deref()),
            out,
            err,
        ),
    };
    match result {
        Ok(code) => code,
        // Output closed early (`| head`, a pager quit): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "hold-the-line: {e}");
            EXIT_PROBLEMS
        }
    }
}

/// Parses arguments the way the binary does, for tests: Ok(exit code) or the usage error.
pub fn run_args<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match Cli::try_parse_from(args) {
        Ok(Cli {
            command: Some(command),
            game,
        }) => run(command, &game, out, err),
        Ok(Cli { command: None, .. }) => {
            let _ = writeln!(
                err,
                "hold-the-line: no command given (the game opens without one)"
            );
            EXIT_USAGE
        }
        Err(e) => {
            let _ = write!(err, "{}", e.render());
            if e.use_stderr() { EXIT_USAGE } else { EXIT_OK }
        }
    }
}

fn rules(args: &RulesArgs, catalogue: &Catalogue, out: &mut dyn Write) -> std::io::Result<u8> {
    if args.markdown {
        write!(out, "{}", catalogue.markdown_table())?;
        return Ok(EXIT_OK);
    }
    if args.scoring {
        write!(out, "{}", catalogue.scoring.markdown())?;
        return Ok(EXIT_OK);
    }
    for group in &catalogue.groups {
        writeln!(out, "{}", group.title)?;
        for rule in catalogue.rules.iter().filter(|r| r.group == group.id) {
            let star = if rule.core { "*" } else { " " };
            writeln!(out, "  {star} {:<22} {}", rule.id, rule.summary)?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "* the four core rules. Details: hold-the-line rules --markdown"
    )?;
    Ok(EXIT_OK)
}

/// Loads the scenarios a command works on; a path that cannot be read is a usage error
/// (exit 2), reported here. Files with errors still come back, with their reports.
fn load_for_command(
    paths: &[PathBuf],
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    err: &mut dyn Write,
) -> std::io::Result<Option<crate::scenario::Library>> {
    let paths = paths_or_default(paths, scenarios_dir);
    match crate::scenario::load_paths(&paths, catalogue) {
        Ok(library) => {
            for note in &library.skipped {
                writeln!(err, "note: {note}")?;
            }
            Ok(Some(library))
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            if paths.len() == 1 && paths[0] == scenarios_dir {
                let here = std::env::current_dir()
                    .map(|d| d.display().to_string())
                    .unwrap_or_else(|_| "the current folder".into());
                writeln!(
                    err,
                    "help: with no paths, the `{}` folder is read, relative to {here}; run from the project folder, or give --scenarios DIR",
                    scenarios_dir.display()
                )?;
            } else {
                writeln!(
                    err,
                    "usage: give scenario files, or folders of .ron scenarios"
                )?;
            }
            Ok(None)
        }
    }
}

/// The paths a command works on: those given, or the scenarios folder.
fn paths_or_default(paths: &[PathBuf], scenarios_dir: &Path) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![scenarios_dir.to_path_buf()]
    } else {
        paths.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_installed_binary_finds_the_library_the_package_put_beside_it() {
        let found = installed_candidates(Some(Path::new("/usr/bin/hold-the-line")));
        assert_eq!(
            found,
            vec![
                PathBuf::from("scenarios"),
                PathBuf::from("/usr/bin/scenarios"),
                PathBuf::from("/usr/share/hold-the-line/scenarios"),
            ]
        );
        // The portable archive: the library beside the executable.
        let found = installed_candidates(Some(Path::new("/opt/htl/hold-the-line")));
        assert_eq!(found[1], PathBuf::from("/opt/htl/scenarios"));
    }

    #[test]
    fn lang_picks_the_games_language_and_refuses_one_it_does_not_speak() {
        let cli = Cli::try_parse_from(["hold-the-line", "--lang", "ar-EG"]).unwrap();
        assert_eq!(cli.game.lang, Some(Lang::Ar));
        let err = Cli::try_parse_from(["hold-the-line", "--lang", "fr"]).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("en (English), ar (Arabic) or he (Hebrew)"),
            "{text}"
        );
    }
}
