//! `hold-the-line check`: every problem in every file, then a one-line summary.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{CheckArgs, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, load_for_command, paths_or_default};
use crate::guidance::Catalogue;
use crate::scenario::{LineCol, Severity};

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
    let Some(library) = load_for_command(&present, scenarios_dir, catalogue, err)? else {
        return Ok(EXIT_USAGE);
    };
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
