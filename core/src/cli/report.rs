//! `hold-the-line report`: what a group of trainees did, from a data folder, as
//! `report.html` and CSV files for the trainer.

use std::io::Write;
use std::path::Path;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, GameOptions, ReportArgs};
use crate::guidance::Catalogue;
use crate::i18n::Lang;
use crate::profile::data_dir;
use crate::report::{self, Filter};
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
        && let Err(why) = report::parse_day(since)
    {
        writeln!(err, "error: --since: {why}")?;
        return Ok(EXIT_USAGE);
    }
    let data = data_dir(options.data_dir.as_deref());
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
    let folder = report::read_data_folder(&data, &scenarios);
    let lang = args.lang.or(options.lang).unwrap_or_else(Lang::from_system);
    let filter = Filter {
        since: args.since.clone(),
        trainee: args.trainee.clone(),
    };
    let built = match report::build(folder, &data, &scenarios, catalogue, filter, lang) {
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
    writeln!(
        out,
        "{} calls, {} trainees, {} skipped files (from {})",
        built.calls.len(),
        built.trainees.len(),
        built.skipped.len(),
        data.display()
    )?;
    for s in &built.skipped {
        writeln!(out, "  skipped {}: {}", s.path.display(), s.why_english())?;
    }
    Ok(EXIT_OK)
}
