//! Shift mode: a day at the desk. A shift is a run of calls against a clock: callers queue
//! and wait (and start angrier for it), after-call work takes time, promised call-backs
//! come due, and customers whose promise was missed or whose problem was not solved call
//! again, starting from how their last call ended. The agent's own strain rises with
//! abusive callers and falls with a break.
//!
//! - `file`: the `*.shift.ron` format, read and checked against the library;
//! - `run`: the shift in progress, driven the same way by the game and the headless trainees;
//! - `summary`: the measures at the end and the pass rules of the policy;
//! - `trainee`: built-in trainees that play a whole shift for `hold-the-line shift` and tests.

mod file;
mod record;
mod run;
mod summary;
mod trainee;

pub use file::{
    Caller, FollowUp, LoadedShift, Pool, SHIFT_SUFFIX, Shift, check_text, is_shift_file, load_shift,
};
pub use record::{
    RecordedShiftCall, SHIFT_FORMAT, SHIFT_SCHEMA, ShiftEntry, ShiftLog, ShiftRecord, save_shift,
};
pub use run::{
    Abandoned, AfterCall, Answered, BreakTaken, CallKind, Next, Promise, ShiftCall, ShiftRun,
};
pub use summary::{Composure, RuleCount, ShiftShortfall, ShiftSummary, summarise};
pub use trainee::{PlayedShift, ShiftTrainee, play_shift};

use std::path::{Path, PathBuf};

/// The shift files under `paths`: each path that is one, and those in folders and their
/// sub-folders, sorted.
pub fn shift_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            // Links are followed no deeper than a library ever nests.
            if path.is_dir() && depth < 8 {
                walk(&path, out, depth + 1);
            } else if is_shift_file(&path) && path.is_file() {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out, 0);
        } else if is_shift_file(path) {
            out.push(path.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Reads and checks every shift under `paths` against `library`; two shifts with one id
/// are both reported.
pub fn load_shifts(
    paths: &[PathBuf],
    library: &crate::scenario::Library,
    catalogue: &crate::guidance::Catalogue,
) -> Vec<LoadedShift> {
    let mut loaded: Vec<LoadedShift> = shift_files(paths)
        .iter()
        .map(|p| load_shift(p, library, catalogue))
        .collect();
    let ids: Vec<Option<String>> = loaded
        .iter()
        .map(|l| l.shift.as_ref().map(|s| s.id.clone()))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        if let Some(first) = ids[..i].iter().position(|other| other.as_ref() == Some(id)) {
            let other = loaded[first].report.path.display().to_string();
            let report = &mut loaded[i].report;
            let quoted = format!("\"{id}\"");
            let at = report.source.find(&quoted).unwrap_or(0);
            report.diagnostics.push(
                crate::scenario::Diagnostic::error(
                    crate::scenario::Code::DuplicateId,
                    format!("the shift id \"{id}\" is used by {other} too"),
                    at..at + quoted.len(),
                )
                .help("give each shift its own id"),
            );
            loaded[i].shift = None;
        }
    }
    loaded
}
