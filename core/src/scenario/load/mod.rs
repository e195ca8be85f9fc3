//! Reading scenario files from disk: whatever the bytes, a clear message and never a panic.

mod folder;
mod id_scan;
mod read;
mod syntax;

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use ron::error::{Error as RonError, SpannedError};

use super::chars::{self, Fix};
use super::check::compile;
use super::code::Code;
use super::diagnostic::{Diagnostic, FileReport, offset_of};
use super::format::ScenarioFile;
use super::locate::{self, Node};
use super::model::Scenario;
use crate::guidance::{Catalogue, suggest};

use super::check::library::check_library;
use folder::*;
pub use folder::{scenario_files, scenario_files_noting};
pub use id_scan::{scan_file_id, scan_id, scan_tier};
pub use read::content_hash;
pub(crate) use read::text_of;
use read::*;
pub(crate) use syntax::syntax_diagnostic;
use syntax::*;

/// Scenario files are a few kilobytes; anything over this is not one. The limit keeps a
/// stray video or database dump from being read into memory.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One file's outcome: its report, and the scenario when it has no errors.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub report: FileReport,
    pub scenario: Option<Scenario>,
    /// The scenario's id once the file parsed, even when other errors keep it from playing:
    /// other files' `requires` and duplicate ids are checked against it all the same.
    pub id: Option<String>,
    /// The scenario's prerequisites once the file parsed, checked against other files even
    /// when this file has other errors.
    pub requires: Vec<String>,
    /// The file's syntax tree, for pointing a cross-file diagnostic at its place.
    pub(crate) tree: Option<Node>,
}

impl Loaded {
    /// A file that could not be read or parsed: its one diagnostic, nothing else known.
    fn failed(path: &Path, source: String, diagnostic: Diagnostic) -> Loaded {
        let mut report = FileReport::new(path, source);
        report.diagnostics.push(diagnostic);
        Loaded {
            report,
            scenario: None,
            id: None,
            requires: Vec::new(),
            tree: None,
        }
    }
}

/// Every scenario found under some paths, and a report for every file read.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Playable scenarios, sorted by tier then title.
    pub scenarios: Vec<Scenario>,
    /// One per file, in path order, with or without diagnostics.
    pub reports: Vec<FileReport>,
    /// What was found in the folders and not read, and why ("skipped X: not a .ron
    /// file"): files that look like scenarios under another name, links that loop.
    pub skipped: Vec<String>,
}

impl Library {
    pub fn errors(&self) -> usize {
        self.reports.iter().map(FileReport::errors).sum()
    }

    pub fn warnings(&self) -> usize {
        self.reports.iter().map(FileReport::warnings).sum()
    }

    pub fn get(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Files that failed to load, with their reports: the game lists them instead of
    /// letting them vanish.
    pub fn broken(&self) -> impl Iterator<Item = &FileReport> {
        self.reports.iter().filter(|r| r.has_errors())
    }
}

/// Why a set of paths could not even be looked at (exit code 2 in `check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError(pub String);

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Loads every scenario under `paths` (files or folders), then checks what spans files:
/// duplicate ids and prerequisites. For a single file named on its own, the `.ron` files
/// beside it are scanned for their ids only (not parsed or checked: a scan is a few
/// microseconds a file), so its `requires` can be resolved and an id a sibling already
/// uses is reported.
pub fn load_paths(paths: &[PathBuf], catalogue: &Catalogue) -> Result<Library, PathError> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    // (canonical path, path as found) of the files beside a single file.
    let mut siblings: Vec<(PathBuf, PathBuf)> = Vec::new();
    for path in paths {
        let (found, notes) = scenario_files_noting(path)?;
        skipped.extend(notes);
        if path.is_file()
            && let Some(parent) = path.parent()
        {
            // A bare file name's folder is the current one.
            let dir = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            // One canonical folder for all the siblings, not one look-up each.
            let canonical_dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            for sibling in ron_files_in(dir) {
                if let Some(name) = sibling.file_name() {
                    siblings.push((canonical_dir.join(name), sibling));
                }
            }
        }
        files.extend(found);
    }
    // The same file named twice (or through two paths) is checked once, not reported as
    // a duplicate of itself.
    let canonical = |f: &PathBuf| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(canonical(f)));
    // Siblings that are checked themselves take part in full, not as context.
    let mut context: HashMap<String, PathBuf> = HashMap::new();
    let mut context_seen = HashSet::new();
    for (key, sibling) in siblings {
        if seen.contains(&key) || !context_seen.insert(key) {
            continue;
        }
        if let Some(id) = scan_file_id(&sibling) {
            context.entry(id).or_insert(sibling);
        }
    }
    let mut loaded: Vec<Loaded> = files.iter().map(|f| load_file(f, catalogue)).collect();
    check_library(&mut loaded, &context);
    // Report each file's problems top to bottom, as an editor would list them.
    for l in &mut loaded {
        l.report.diagnostics.sort_by_key(|d| d.span.start);
    }
    let mut library = Library {
        skipped,
        ..Library::default()
    };
    for l in loaded {
        if let (Some(s), false) = (l.scenario, l.report.has_errors()) {
            library.scenarios.push(s);
        }
        library.reports.push(l.report);
    }
    library.scenarios.sort_by_cached_key(|s| s.list_key(None));
    Ok(library)
}

/// Reads and checks one file.
pub fn load_file(path: &Path, catalogue: &Catalogue) -> Loaded {
    match read_limited(path) {
        Ok(bytes) => load_bytes(path, &bytes, catalogue),
        Err(diagnostic) => Loaded::failed(path, String::new(), *diagnostic),
    }
}

/// Checks a file's bytes: text encoding first, then RON syntax, then meaning.
pub fn load_bytes(path: &Path, bytes: &[u8], catalogue: &Catalogue) -> Loaded {
    let source_hash = content_hash(bytes);
    let fail = |source: String, diagnostic: Diagnostic| Loaded::failed(path, source, diagnostic);
    let text = match text_of(bytes) {
        Ok(text) => text,
        Err((readable, diagnostic)) => return fail(readable, diagnostic),
    };
    if only_comments(text) {
        return fail(
            text.to_string(),
            Diagnostic::error(Code::EmptyFile, "the file has no scenario in it", 0..0)
                .help("start from docs/scenario-template.ron, which explains every field"),
        );
    }
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let file: ScenarioFile = match options.from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let syntax = syntax_diagnostic(text, &e);
            let mut loaded = fail(text.to_string(), syntax.clone());
            // A misspelt rule elsewhere in the file is said at the same time.
            loaded
                .report
                .diagnostics
                .extend(super::check::unparsed::unknown_rules(
                    text,
                    catalogue,
                    syntax.span.clone(),
                ));
            return loaded;
        }
    };
    let tree = locate::parse(text);
    let (scenario, mut diagnostics) = compile(&file, tree.as_ref(), catalogue);
    name_stray_chars(text, &mut diagnostics);
    let mut report = FileReport::new(path, text.to_string());
    report.diagnostics = diagnostics;
    Loaded {
        scenario: scenario.map(|mut s| {
            s.path = Some(path.to_path_buf());
            s.source_hash = Some(source_hash);
            s
        }),
        report,
        id: Some(file.id.clone()).filter(|id| !id.trim().is_empty()),
        requires: file.requires.clone(),
        tree,
    }
}

/// Whether the text is blank or holds nothing but `//` comments.
fn only_comments(text: &str) -> bool {
    text.lines()
        .all(|line| line.split("//").next().unwrap_or("").trim().is_empty())
}
