//! `hold-the-line report`: what a group of trainees did, from a data folder (or, with
//! `--lrs`, from the statements in the learning record store), as `report.html` and CSV
//! files for the trainer.

use std::io::Write;
use std::path::Path;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, GameOptions, ReportArgs};
use crate::guidance::Catalogue;
use crate::i18n::Lang;
use crate::lrs::{self, LrsConfig, Problem};
use crate::profile::data_dir;
use crate::report::{self, Filter, Origin};
use crate::scenario::load_paths;

pub(super) fn run(
    args: &ReportArgs,
    options: &GameOptions,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    // Check the date before reading anything: a typo should not cost a folder scan.
    if let Some(since) = &args.since
        && let Err(why) = crate::vocab::stamp::read_day(since)
    {
        writeln!(err, "error: --since: {why}")?;
        return Ok(EXIT_USAGE);
    }
    let data = data_dir(options.data_dir.as_deref());
    // With --lrs, the LRS must be set up before anything is read.
    let lrs_config = if args.lrs {
        match LrsConfig::load(&data) {
            Ok(Some((config, _))) => Some(config),
            Ok(None) => {
                writeln!(err, "error: --lrs: {}", Problem::NotConfigured)?;
                return Ok(EXIT_USAGE);
            }
            Err(e) => {
                writeln!(err, "error: --lrs: {e}")?;
                return Ok(EXIT_USAGE);
            }
        }
    } else {
        None
    };
    // Cases the library has get their tier and title; without a library every case is
    // reported under its id.
    let scenarios = match load_paths(
        std::slice::from_ref(&scenarios_dir.to_path_buf()),
        catalogue,
    ) {
        Ok(library) => library.scenarios,
        Err(e) => {
            writeln!(
                err,
                "note: no scenario library ({e}); cases are shown by id, without tiers (give --scenarios DIR)"
            )?;
            Vec::new()
        }
    };
    let (folder, source, statements) = match &lrs_config {
        Some(config) => {
            // Every statement, whatever --since: a trainee's tier is replayed from their
            // first call, and xAPI's `since` is when the LRS stored a statement, not when
            // the call was played. --since narrows the report below, as for a folder.
            let fetched = match lrs::fetch_statements(config, None, lrs::MAX_STATEMENTS) {
                Ok(fetched) => fetched,
                Err(problem) => {
                    writeln!(
                        err,
                        "error: cannot read the calls from the LRS: {problem}\nNothing was written."
                    )?;
                    return Ok(EXIT_PROBLEMS);
                }
            };
            if fetched.cut {
                writeln!(
                    err,
                    "warning: the LRS holds more than {} statements; only the {} it listed first (the most recently stored) were read, so older calls are missing from this report",
                    lrs::MAX_STATEMENTS,
                    lrs::MAX_STATEMENTS
                )?;
            }
            let folder = report::read_statements(&fetched.statements, &config.endpoint, &scenarios);
            (
                folder,
                Origin::Lrs(config.endpoint.clone()),
                Some(fetched.statements.len()),
            )
        }
        None => (
            report::read_data_folder(&data, &scenarios),
            Origin::File(data.clone()),
            None,
        ),
    };
    let lang = args.lang.or(options.lang).unwrap_or_else(Lang::from_system);
    let filter = Filter {
        since: args.since.clone(),
        trainee: args.trainee.clone(),
    };
    let built = match report::build(folder, source, &scenarios, catalogue, filter, lang) {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_PROBLEMS);
        }
    };
    let written = report::write(&built, catalogue, &args.out)?;
    writeln!(
        out,
        "wrote {} and {} CSV files in {}",
        written.html.display(),
        written.csv.len(),
        args.out.display()
    )?;
    match statements {
        Some(statements) => writeln!(
            out,
            "{} calls, {} trainees, {} skipped (from {statements} statements in the LRS at {})",
            built.calls.len(),
            built.trainees.len(),
            built.skipped.len(),
            built.source
        )?,
        None => writeln!(
            out,
            "{} calls, {} trainees, {} skipped files (from {})",
            built.calls.len(),
            built.trainees.len(),
            built.skipped.len(),
            data.display()
        )?,
    }
    for s in &built.skipped {
        writeln!(out, "  skipped {}: {}", s.origin, s.why_english())?;
    }
    Ok(EXIT_OK)
}
