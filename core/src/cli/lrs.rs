//! `hold-the-line lrs setup|status|send`: configure the learning record store, see what
//! waits in the outbox, send it now.

use std::io::Write;
use std::path::Path;

use clap::{Args, Subcommand};

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};
use crate::lrs::{self, ENV_ENDPOINT, LrsConfig, Outbox};

#[derive(Debug, Args)]
pub struct LrsArgs {
    #[command(subcommand)]
    pub command: LrsCommand,
}

#[derive(Debug, Subcommand)]
pub enum LrsCommand {
    /// Save the LRS's endpoint, key and secret in the data folder (lrs.ron). The
    /// HOLD_THE_LINE_LRS_ENDPOINT, _KEY and _SECRET environment variables, when set, are
    /// used instead.
    Setup(SetupArgs),
    /// Is an LRS configured, and what waits in the outbox (how many, since when, the
    /// last error).
    Status,
    /// Send what the outbox holds now; says how many were sent and why any were kept.
    Send,
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// The xAPI endpoint, e.g. https://lrs.example.com/xAPI/ (statements go to
    /// ENDPOINT/statements).
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// The key (Basic auth user name) the LRS gave for this app.
    #[arg(long)]
    pub key: String,
    /// The secret (Basic auth password).
    #[arg(long)]
    pub secret: String,
    /// The account home page trainees are named under [default:
    /// https://hold-the-line.example/trainees].
    #[arg(long, value_name = "URL")]
    pub home_page: Option<String>,
    /// Try the LRS first (ENDPOINT/about and a one-statement query with the key and
    /// secret); nothing is saved if it fails.
    #[arg(long)]
    pub check: bool,
}

pub fn run(
    args: &LrsArgs,
    data_dir: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    match &args.command {
        LrsCommand::Setup(setup) => run_setup(setup, data_dir, out, err),
        LrsCommand::Status => status(data_dir, out, err),
        LrsCommand::Send => send(data_dir, out, err),
    }
}

fn run_setup(
    args: &SetupArgs,
    data_dir: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut config = match LrsConfig::new(&args.endpoint, &args.key, &args.secret) {
        Ok(config) => config,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    if let Some(home_page) = &args.home_page {
        match lrs::normalise_endpoint(home_page) {
            Ok(_) => config.home_page = Some(home_page.trim().to_string()),
            Err(_) => {
                writeln!(
                    err,
                    "error: the home page \"{home_page}\" is not an http(s) URL"
                )?;
                return Ok(EXIT_USAGE);
            }
        }
    }
    if args.check {
        match lrs::check(&config) {
            Ok(report) => match report.versions {
                Some(versions) => writeln!(
                    out,
                    "The LRS at {} answers (xAPI {}) and accepts the key and secret.",
                    config.endpoint,
                    versions.join(", ")
                )?,
                None => writeln!(
                    out,
                    "The LRS at {} accepts the key and secret.",
                    config.endpoint
                )?,
            },
            Err(problem) => {
                writeln!(err, "error: {problem}")?;
                writeln!(
                    err,
                    "Nothing was saved. Run it again without --check to save it anyway."
                )?;
                return Ok(EXIT_PROBLEMS);
            }
        }
    }
    match config.save(data_dir) {
        Ok(path) => {
            writeln!(out, "Saved {}.", path.display())?;
            writeln!(
                out,
                "Each finished call is now queued and sent to {}.",
                config.endpoint
            )?;
            if std::env::var_os(ENV_ENDPOINT).is_some() {
                writeln!(
                    out,
                    "note: {ENV_ENDPOINT} is set, and the environment wins over this file."
                )?;
            }
            Ok(EXIT_OK)
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(EXIT_PROBLEMS)
        }
    }
}

fn status(data_dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let mut code = EXIT_OK;
    match LrsConfig::load(data_dir) {
        Ok(Some((config, source))) => {
            writeln!(out, "LRS:      {} (from {source})", config.endpoint)?;
            writeln!(out, "key:      {}", config.key)?;
        }
        Ok(None) => writeln!(
            out,
            "LRS:      not configured: calls are not sent (hold-the-line lrs setup)"
        )?,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            code = EXIT_PROBLEMS;
        }
    }
    let outbox = Outbox::new(data_dir);
    match outbox.entries() {
        Ok(entries) => {
            write!(out, "queued:   {}", entries.len())?;
            if let Some(oldest) = entries.iter().map(|e| e.queued.as_str()).min() {
                write!(out, " (oldest queued {oldest})")?;
            }
            writeln!(out)?;
            let unreadable = outbox.unreadable().unwrap_or(0);
            if unreadable > 0 {
                writeln!(
                    out,
                    "          and {unreadable} unreadable line(s) kept in {}",
                    outbox.path().display()
                )?;
            }
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            code = EXIT_PROBLEMS;
        }
    }
    let status = outbox.status();
    if let Some(at) = &status.last_attempt {
        writeln!(out, "last try: {at}")?;
    }
    if let Some(at) = &status.last_delivery {
        writeln!(
            out,
            "last delivery: {at} ({} delivered in all)",
            status.delivered
        )?;
    }
    if let Some(error) = &status.last_error {
        writeln!(out, "last error: {error}")?;
    }
    Ok(code)
}

fn send(data_dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let report = lrs::flush(data_dir);
    if report.problem.is_some() {
        writeln!(err, "{}", capitalised(&report.to_string()))?;
        Ok(EXIT_PROBLEMS)
    } else {
        writeln!(out, "{}", capitalised(&report.to_string()))?;
        Ok(EXIT_OK)
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    }) + "."
}
