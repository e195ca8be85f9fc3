//! `hold-the-line check`: every problem in every file, then a one-line summary.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{CheckArgs, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, load_for_command, paths_or_default};
use crate::guidance::Catalogue;
use crate::scenario::{Code, Diagnostic, Library, LineCol, Severity};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    label: &'a str,
    help: &'a [String],
    #[serde(flatten)]
    at: LineCol,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: String,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

pub(super) fn run(
    args: &CheckArgs,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    // A path that does not exist is a usage error, but the paths that do are still checked,
    // so one typo does not hide every other file's problems.
    let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| std::fs::metadata(p).is_ok());
    for path in &missing {
        // A link that loops (or leads nowhere) exists, but cannot be followed.
        let why = if std::fs::symlink_metadata(path).is_ok() {
            "it is a link that loops or leads nowhere"
        } else {
            "there is no such file or folder"
        };
        writeln!(err, "error: cannot read {}: {why}", path.display())?;
    }
    if !missing.is_empty() && present.is_empty() {
        return Ok(EXIT_USAGE);
    }
    // Shift files are checked against the cases: those given beside them, else the library.
    let (shifts, cases): (Vec<PathBuf>, Vec<PathBuf>) = present
        .iter()
        .cloned()
        .partition(|p| crate::shift::is_shift_file(p));
    let mut library = if cases.is_empty() && !shifts.is_empty() {
        crate::scenario::Library::default()
    } else {
        let Some(library) = load_for_command(&cases, scenarios_dir, catalogue, err)? else {
            return Ok(EXIT_USAGE);
        };
        library
    };
    warn_where_gameable(&mut library, catalogue);
    let shift_paths = if cases.is_empty() && shifts.is_empty() {
        paths_or_default(&args.paths, scenarios_dir)
    } else {
        present.clone()
    };
    // Found once; `load_shifts` given the files themselves walks no folder again.
    let shift_files = crate::shift::shift_files(&shift_paths);
    let shift_reports: Vec<_> = if shift_files.is_empty() {
        Vec::new()
    } else if library.scenarios.is_empty() {
        let cases = crate::scenario::load_paths(&[scenarios_dir.to_path_buf()], catalogue)
            .unwrap_or_default();
        crate::shift::load_shifts(&shift_files, &cases, catalogue)
    } else {
        crate::shift::load_shifts(&shift_files, &library, catalogue)
    };
    library
        .reports
        .extend(shift_reports.into_iter().map(|l| l.report));
    if library.reports.is_empty() {
        let shown: Vec<String> = paths_or_default(&args.paths, scenarios_dir)
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        writeln!(
            err,
            "error: no scenario files (*.ron) in {}",
            shown.join(", ")
        )?;
        return Ok(EXIT_USAGE);
    }
    if args.json {
        let files: Vec<JsonFile> = library
            .reports
            .iter()
            .map(|r| JsonFile {
                path: r.path.display().to_string(),
                errors: r.errors(),
                warnings: r.warnings(),
                diagnostics: r
                    .diagnostics
                    .iter()
                    .map(|d| JsonDiagnostic {
                        severity: d.severity,
                        code: d.code.as_str(),
                        message: &d.message,
                        label: &d.label,
                        help: &d.help,
                        at: r.line_col(d),
                    })
                    .collect(),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &files)?;
        writeln!(out)?;
    } else {
        let color = args.color.enabled();
        for report in &library.reports {
            write!(out, "{}", report.render(color))?;
        }
        let files = library.reports.len();
        writeln!(
            out,
            "checked {files} file{}: {} error{}, {} warning{}",
            plural(files),
            library.errors(),
            plural(library.errors()),
            library.warnings(),
            plural(library.warnings()),
        )?;
    }
    Ok(if !missing.is_empty() {
        EXIT_USAGE
    } else if library.errors() > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Plays `explore`'s adversarial trainees against every case that loaded (a few
/// milliseconds a case, within a small budget) and warns, on the case's id, where one of them passes: a case a
/// bored trainee can pass by gaming the score teaches the wrong lesson, and `check` saying
/// "0 warnings" about it would tell its author the case is done.
fn warn_where_gameable(library: &mut Library, catalogue: &Catalogue) {
    // A tenth of explore's default budget: milliseconds for a hand-written case, and a
    // generated 2,000-beat graph does not hold `check` up for seconds. A pass found within
    // it is a pass; a search cut short warns about nothing it did not find.
    let budget = crate::explore::Budget {
        states: 20_000,
        bytes: 32 * 1024 * 1024,
    };
    // Each case on its own, so the cores share them out.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = library.scenarios.len().div_ceil(threads).max(1);
    let reports: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = library
            .scenarios
            .chunks(chunk)
            .map(|cases| {
                scope.spawn(move || {
                    cases
                        .iter()
                        .map(|s| crate::explore::adversaries_with(s, catalogue, 1, budget))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("an explorer thread"))
            .collect()
    });
    for (scenario, adversaries) in library.scenarios.iter().zip(reports) {
        let passing: Vec<_> = adversaries.iter().filter(|a| a.passed).collect();
        if passing.is_empty() {
            continue;
        }
        let Some(file) = library
            .reports
            .iter_mut()
            .find(|r| scenario.path.as_deref() == Some(r.path.as_path()))
        else {
            continue;
        };
        let quoted = format!("\"{}\"", scenario.id);
        let at = file.source.find(&quoted).unwrap_or(0);
        let names: Vec<String> = passing
            .iter()
            .map(|a| {
                let how = a
                    .passing
                    .as_ref()
                    .or(a.best.as_ref())
                    .map(|p| format!(" ({}, via {})", p.score, p.script()))
                    .unwrap_or_default();
                format!("{}{how}", a.adversary.label())
            })
            .collect();
        let mut warning = Diagnostic::warning(
            Code::Gameable,
            format!(
                "a trainee gaming the score passes this case: {}",
                names.join("; ")
            ),
            at..at + quoted.len(),
        )
        .label("gameable")
        .help("replay the path with `hold-the-line play ID --choices ...` and see what it gets away with");
        for a in &passing {
            warning = warning.help(format!(
                "{}: {}",
                a.adversary.label(),
                a.adversary.describe()
            ));
        }
        file.diagnostics.push(
            warning.help(
                "usual fixes: a tempting wrong reply as long as the right one; fewer beats where a late or firm answer costs nothing; a lower pass mark is not one",
            ),
        );
    }
}
