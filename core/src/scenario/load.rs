//! Reading scenario files from disk: whatever the bytes, a clear message and never a panic.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use ron::error::{Error as RonError, SpannedError};

use super::chars::{self, Fix};
use super::check::{Step, compile, walk};
use super::code::Code;
use super::diagnostic::{Diagnostic, FileReport, Severity, offset_of};
use super::format::ScenarioFile;
use super::locate::{self, Node};
use super::model::Scenario;
use crate::guidance::{Catalogue, suggest};

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
    tree: Option<Node>,
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

/// The `.ron` files a path stands for: itself, or the ones in a folder and its
/// sub-folders (`tier1/`, `arabic/`), sorted so reports come in a stable order.
pub fn scenario_files(path: &Path) -> Result<Vec<PathBuf>, PathError> {
    Ok(scenario_files_noting(path)?.0)
}

/// As [`scenario_files`], with a note for each thing in the folders that was not read and
/// might have been meant to be: a file that looks like a scenario under another name
/// (`case.ron.bak`, a `.txt` holding `Scenario(`), a link that loops or leads nowhere, a
/// folder that cannot be listed. Names starting with a dot (`.git`, editor files) are
/// passed over without a word, as are other files.
pub fn scenario_files_noting(path: &Path) -> Result<(Vec<PathBuf>, Vec<String>), PathError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        if std::fs::symlink_metadata(path).is_ok() {
            PathError(format!(
                "cannot read {}: it is a link that loops or leads nowhere ({e})",
                path.display()
            ))
        } else {
            PathError(format!("cannot read {}: {}", path.display(), e))
        }
    })?;
    if !meta.is_dir() {
        return Ok((vec![path.to_path_buf()], Vec::new()));
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| PathError(format!("cannot list {}: {}", path.display(), e)))?;
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut visited = HashSet::from([canonical.clone()]);
    walk_folder(
        entries,
        &mut vec![canonical],
        &mut visited,
        &mut files,
        &mut skipped,
    );
    files.sort();
    Ok((files, skipped))
}

/// Whether a file name ends in `.ron`, in any case (`.RON` from a Windows share).
fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
}

/// The `.ron` files directly in a folder, for the ids of a single file's siblings.
fn ron_files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_ron(p) && !crate::shift::is_shift_file(p) && p.is_file())
        .collect();
    files.sort();
    files
}

/// Whether a file that is not `.ron` looks like a scenario: `.ron` inside its name
/// (`case.ron.bak`, `case.ron.txt`), or `Scenario(` near its start.
fn looks_like_scenario(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.contains(".ron") {
        return true;
    }
    let mut head = Vec::new();
    File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok()
        && String::from_utf8_lossy(&head).contains("Scenario(")
}

/// Reads a folder's entries into `files`, going into sub-folders; `ancestors` are the
/// canonical folders above (a link back to one is a loop), `visited` every folder read.
fn walk_folder(
    entries: std::fs::ReadDir,
    ancestors: &mut Vec<PathBuf>,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<String>,
) {
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            skipped.push(format!(
                "skipped {}: a link that loops or leads nowhere",
                path.display()
            ));
            continue;
        };
        if meta.is_dir() {
            let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if ancestors.contains(&canonical) {
                skipped.push(format!(
                    "skipped {}: a folder link that loops back to {}",
                    path.display(),
                    canonical.display()
                ));
                continue;
            }
            if !visited.insert(canonical.clone()) {
                skipped.push(format!(
                    "skipped {}: a link to {}, which is read already",
                    path.display(),
                    canonical.display()
                ));
                continue;
            }
            match std::fs::read_dir(&path) {
                Ok(entries) => {
                    ancestors.push(canonical);
                    walk_folder(entries, ancestors, visited, files, skipped);
                    ancestors.pop();
                }
                Err(e) => skipped.push(format!("skipped {}: cannot list it: {e}", path.display())),
            }
        } else if crate::shift::is_shift_file(&path) {
            // A shift, not a case: `crate::shift` reads it.
        } else if is_ron(&path) {
            if meta.is_file() {
                files.push(path);
            } else {
                skipped.push(format!(
                    "skipped {}: not a regular file (a pipe or device)",
                    path.display()
                ));
            }
        } else if meta.is_file() && looks_like_scenario(&path) {
            skipped.push(format!("skipped {}: not a .ron file", path.display()));
        }
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
    library
        .scenarios
        .sort_by(|a, b| (a.tier, &a.title).cmp(&(b.tier, &b.title)));
    Ok(library)
}

/// The scenario id of a file, by a light scan of its text (see [`scan_id`]); None when the
/// file cannot be read or names no id.
pub fn scan_file_id(path: &Path) -> Option<String> {
    // The id heads the file: the first few kilobytes nearly always hold it.
    let mut head = Vec::new();
    File::open(path)
        .ok()?
        .take(8192)
        .read_to_end(&mut head)
        .ok()?;
    if let Some(id) = scan_id(&String::from_utf8_lossy(&head)) {
        return Some(id);
    }
    if head.len() < 8192 {
        return None;
    }
    let bytes = read_limited(path).ok()?;
    scan_id(&String::from_utf8_lossy(&bytes))
}

/// The scenario's `id: "..."`, found without parsing the file: the first field `id` at the
/// top level of the scenario, skipping comments and texts. It works on a file with syntax
/// errors elsewhere, so a broken file's id is still known.
pub fn scan_id(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut depth = 0i32;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
                continue;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'i' if depth == 1
                && b.get(i + 1) == Some(&b'd')
                && (i == 0 || !ident(b[i - 1]))
                && !b.get(i + 2).is_some_and(|&c| ident(c)) =>
            {
                let rest = text[i + 2..].trim_start().strip_prefix(':')?;
                let rest = rest.trim_start().strip_prefix('"')?;
                let end = rest.find(['"', '\n'])?;
                let id = rest[..end].trim();
                return (!id.is_empty() && !id.contains('\\')).then(|| id.to_string());
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reads and checks one file.
pub fn load_file(path: &Path, catalogue: &Catalogue) -> Loaded {
    match read_limited(path) {
        Ok(bytes) => load_bytes(path, &bytes, catalogue),
        Err(diagnostic) => Loaded::failed(path, String::new(), *diagnostic),
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    // A named pipe or device would block or never end; only plain files are scenarios.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(Box::new(
            Diagnostic::error(
                Code::Unreadable,
                "this is not a regular file (a folder, pipe or device)",
                0..0,
            )
            .help("name a .ron scenario file, or a folder of them"),
        ));
    }
    let file = File::open(path).map_err(|e| {
        Box::new(
            Diagnostic::error(Code::Unreadable, format!("cannot open the file: {e}"), 0..0)
                .help("check the path and the file's permissions"),
        )
    })?;
    let mut bytes = Vec::new();
    // Read one byte past the limit to know whether it was exceeded, whatever the file claims.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Box::new(Diagnostic::error(
                Code::Unreadable,
                format!("cannot read the file: {e}"),
                0..0,
            ))
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // The size on disk, when the file system knows it; "more than" the limit otherwise.
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .ok()
            .filter(|&len| len > MAX_FILE_BYTES)
            .map_or_else(
                || format!("more than {}", human_size(MAX_FILE_BYTES)),
                human_size,
            );
        return Err(Box::new(
            Diagnostic::error(
                Code::TooLarge,
                format!(
                    "the file is {size}, over the {} limit for a scenario",
                    human_size(MAX_FILE_BYTES)
                ),
                0..0,
            )
            .help("a scenario is a few kilobytes of text; is this the right file?"),
        ));
    }
    Ok(bytes)
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// `sha256:<lower-case hex>` of a file's bytes: how session files name the exact version
/// of the scenario a call was played on.
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in digest.iter() {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// The text of a file's bytes, or why they are not text the game reads (over the size
/// limit, UTF-16, binary, invalid UTF-8, a NUL byte), with what of them could be read.
/// Scenarios and shift files are read through it alike.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, (String, Diagnostic)> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((
            String::new(),
            Diagnostic::error(
                Code::TooLarge,
                format!(
                    "the file is {}, over the {} limit",
                    human_size(bytes.len() as u64),
                    human_size(MAX_FILE_BYTES)
                ),
                0..0,
            ),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((
            String::new(),
            Diagnostic::error(Code::NotUtf8, "the file is saved as UTF-16", 0..0)
                .help("save it as UTF-8 (in most editors: Save As, encoding UTF-8)"),
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let at = valid.len();
            let binary = bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0;
            let diagnostic = if binary {
                Diagnostic::error(Code::NotText, "this is not a text file", at..at)
                    .label("binary data starts here")
                    .help("scenario files are plain text (.ron); is this the right file?")
            } else {
                Diagnostic::error(Code::NotUtf8, "the file is not valid UTF-8 text", at..at)
                    .label("this byte is not UTF-8")
                    .help("save the file as UTF-8")
            };
            return Err((valid, diagnostic));
        }
    };
    if let Some(nul) = text.find('\0') {
        return Err((
            text.to_string(),
            Diagnostic::error(Code::NotText, "this is not a text file", nul..nul)
                .label("a NUL byte")
                .help("scenario files are plain text (.ron); is this the right file?"),
        ));
    }
    Ok(text)
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

/// The trainee-facing name of a part of the format, for messages that would otherwise
/// show a Rust type name.
fn item_name(type_name: Option<&str>) -> String {
    match type_name {
        Some("ScenarioFile" | "Scenario") => "the scenario",
        Some("CustomerFile") => "the customer",
        Some("MetersFile") => "the meters",
        Some("TemperamentFile") => "the temperament",
        Some("TimingFile") => "the timing",
        Some("BeatFile") => "a beat",
        Some("ReplyFile") => "a reply",
        Some("BranchFile") => "a branch",
        Some("DeltaFile") => "the meter effects",
        Some("EndingFile") => "an ending",
        Some("ShiftFile" | "Shift") => "the shift",
        Some("PoolFile") => "a pool",
        Some("BreakFile") => "a break",
        Some("FollowUpFile") => "a follow-up",
        Some(other) => return format!("`{other}`"),
        None => "this item",
    }
    .to_string()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// Turns `ron`'s error into a diagnostic with a caret and advice.
pub(crate) fn syntax_diagnostic(text: &str, e: &SpannedError) -> Diagnostic {
    // `ron`'s span runs from where its last step began to where it stopped: the character
    // it could not read is at the span's end or just before it, not at its start (which
    // can be the `/` before it, or the start of the line ends it skipped).
    let ron_start = offset_of(text, e.span.start.line, e.span.start.col);
    let ron_end = offset_of(text, e.span.end.line, e.span.end.col).max(ron_start);
    let unexpected = match e.code {
        RonError::UnexpectedChar(c) => unexpected_char_at(text, ron_start..ron_end, c),
        _ => None,
    };
    if let Some(d) = unexpected
        .and_then(|at| Some((at, chars::named(text[at..].chars().next()?)?)))
        .or_else(|| chars::stray_in(text, ron_start..ron_end))
        .map(|(at, named)| stray_char_diagnostic(at, named))
    {
        return d;
    }
    let start = ron_start;
    let mut end = ron_end;
    if end == start {
        // Point at one character so the caret shows.
        end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    if let Some(d) = quote_or_comma_diagnostic(text, start) {
        return d;
    }
    let (message, help): (String, Option<String>) = match &e.code {
        RonError::Eof => (
            "the file ends in the middle of something".into(),
            Some(
                "a bracket or quote is not closed; check that every ( [ { \" has its partner"
                    .into(),
            ),
        ),
        RonError::ExceededRecursionLimit => (
            "brackets are nested too deeply".into(),
            Some("a scenario needs only a few levels of brackets; is this the right file?".into()),
        ),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let near = suggest(found, expected.iter().copied());
            (
                format!(
                    "`{found}` is not a field of {}",
                    item_name(outer.as_deref())
                ),
                Some(match near {
                    Some(n) => format!("did you mean `{n}`?"),
                    None => format!("the fields here are: {}", expected.join(", ")),
                }),
            )
        }
        RonError::MissingStructField { field, outer } => (
            format!(
                "{} needs `{field}`",
                capitalised(&item_name(outer.as_deref()))
            ),
            Some(format!("add `{field}: ...` (see docs/authoring.md)")),
        ),
        RonError::DuplicateStructField { field, .. } => (
            format!("`{field}` is given twice"),
            Some("keep one of them".into()),
        ),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let near = suggest(found, expected.iter().copied());
            (
                format!("`{found}` is not one of the choices here"),
                Some(match near {
                    Some(n) => format!(
                        "did you mean `{n}`? The choices are: {}",
                        expected.join(", ")
                    ),
                    None => format!("the choices are: {}", expected.join(", ")),
                }),
            )
        }
        RonError::ExpectedComma => (
            "expected a comma".into(),
            Some("items in ( ), [ ] and { } are separated by commas".into()),
        ),
        RonError::ExpectedString => (
            "expected text in double quotes".into(),
            Some("names you choose and all text go in quotes: \"like this\"".into()),
        ),
        RonError::ExpectedIdentifier => (
            "expected a word without quotes".into(),
            Some(
                "fixed words such as Phone, Resolved or take_ownership are written without quotes"
                    .into(),
            ),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            format!(
                "expected {} here, found `{found}`",
                item_name(Some(expected))
            ),
            Some("write just `(` to open it".into()),
        ),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => (
            "expected an opening `(` here".into(),
            Some("each item (the scenario, a beat, a reply, an ending) is written in ( )".into()),
        ),
        RonError::ExpectedArray => (
            "expected a list in [ ] here".into(),
            Some("write the items between [ and ], separated by commas".into()),
        ),
        RonError::ExpectedMap => (
            "expected named items in { } here".into(),
            Some("beats and endings are written as { \"id\": (...), ... }".into()),
        ),
        RonError::TrailingCharacters => (
            "there is more text after the scenario ends".into(),
            Some("a file holds one scenario: remove what follows its closing bracket".into()),
        ),
        RonError::ExpectedAttribute | RonError::ExpectedAttributeEnd => (
            "a `#` here starts nothing RON knows".into(),
            Some("comments in a scenario file start with //, not #".into()),
        ),
        RonError::ExpectedStructLikeEnd => (
            "expected a closing `)`".into(),
            Some("check the item's commas and brackets: each ( needs its )".into()),
        ),
        RonError::ExpectedArrayEnd => (
            "expected a closing `]`".into(),
            Some("items in a list are separated by commas and the list ends with ]".into()),
        ),
        RonError::ExpectedMapEnd => (
            "expected a closing `}`".into(),
            Some("entries are separated by commas and the group ends with }".into()),
        ),
        RonError::ExpectedMapColon => (
            "expected a colon".into(),
            Some("each entry is written \"name\": (...)".into()),
        ),
        RonError::ExpectedStringEnd => (
            "this text has no closing quote".into(),
            Some("end the text with \" on the same line; write \\\" for a quote inside it".into()),
        ),
        RonError::ExpectedInteger | RonError::ExpectedFloat => (
            "expected a number".into(),
            Some("write a number such as 40 or 1.5, without quotes".into()),
        ),
        RonError::ExpectedBoolean => (
            "expected true or false".into(),
            Some("write true or false, without quotes".into()),
        ),
        RonError::ExpectedOption | RonError::ExpectedOptionEnd => (
            "expected a value here".into(),
            Some("write the value itself, or leave the field out".into()),
        ),
        RonError::UnclosedBlockComment => (
            "a /* comment is never closed".into(),
            Some("end it with */".into()),
        ),
        RonError::UnexpectedChar(c) => (
            format!("`{}` cannot be here", c.escape_debug()),
            Some("remove it, or put it inside the text's quotes".into()),
        ),
        RonError::InvalidEscape(_) => (
            "a backslash starts an escape RON does not know".into(),
            Some(
                "inside text write \\\\ for a backslash, \\\" for a quote and \\n for a new line"
                    .into(),
            ),
        ),
        other => (other.to_string(), None),
    };
    // The caret goes on what `ron` could not read: the unexpected character, or the token
    // after the whitespace (and line ends) its span starts with.
    let skipped = &text[ron_start..ron_end];
    let caret = match unexpected {
        Some(at) => one_char(text, at),
        None if !skipped.is_empty()
            && ron_end < text.len()
            && skipped
                .chars()
                .all(|c| c.is_whitespace() || locate::is_ron_whitespace(c)) =>
        {
            one_char(text, ron_end)
        }
        None => (start, end),
    };
    let (start, end, label) = match e.code {
        // Point after the item that needs the comma, where the trainee will type it; the
        // comments a trainer writes between fields are skipped.
        RonError::ExpectedComma => match last_code_char_before(text, start) {
            Some((i, c)) => (i, i + c.len_utf8(), "add a comma after this".to_string()),
            None => (caret.0, caret.1, short_label(&e.code)),
        },
        RonError::ExpectedAttribute if text[..start].ends_with('#') => {
            (start - 1, start, "use // here".to_string())
        }
        _ => (caret.0, caret.1, short_label(&e.code)),
    };
    let mut d = Diagnostic::error(Code::Syntax, message, start..end).label(label);
    if let Some(help) = help {
        d = d.help(help);
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') && trimmed.contains("\":") {
        d = d.help("this looks like JSON; scenario files are RON: `Scenario( id: \"...\", ... )`, see docs/authoring.md");
    }
    d
}

/// A syntax error that is really a look-alike or invisible character: names it, with the
/// caret on it and what to type instead.
fn stray_char_diagnostic(at: usize, named: &chars::Named) -> Diagnostic {
    let label = match named.fix {
        Fix::Delete => "invisible: delete it".to_string(),
        Fix::Type(" ") => "not a plain space".to_string(),
        Fix::Type(plain) => format!("type `{plain}` here"),
    };
    let mut d = Diagnostic::error(
        Code::Syntax,
        format!("found {}, {}", named.looks, named.code_and_name()),
        at..at + named.c.len_utf8(),
    )
    .label(label)
    .help(named.advice());
    if named.fix == Fix::Type("\"") {
        d = d.help("text goes between two straight quotes: \"like this\"");
    }
    d
}

/// The byte range of the character at `at` (empty at the end of the text).
fn one_char(text: &str, at: usize) -> (usize, usize) {
    (
        at,
        text[at..].chars().next().map_or(at, |c| at + c.len_utf8()),
    )
}

/// Where the character `ron` reports as unexpected is: just before the end of its span
/// when `ron` read it (`/` then `c`, where a comment needed a second `/`), or at the end
/// when it only looked at it.
fn unexpected_char_at(text: &str, span: std::ops::Range<usize>, c: char) -> Option<usize> {
    let end = span.end.min(text.len());
    if text.get(span.start.min(end)..end)?.ends_with(c) {
        Some(end - c.len_utf8())
    } else {
        text.get(end..)?.starts_with(c).then_some(end)
    }
}

/// The string literals of `text` up to `end`, as (opening quote, end) byte ranges, skipping
/// comments. Only plain `"..."` strings; enough to tell where a quote went astray.
fn strings_before(text: &str, end: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < end.min(bytes.len()) {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let open = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                out.push(open..i);
            }
            _ => i += 1,
        }
    }
    out
}

/// An unclosed quote, a quote inside text that ends it early, or a decimal comma: what a
/// "comma expected" or "closing bracket expected" at `at` really is.
fn quote_or_comma_diagnostic(text: &str, at: usize) -> Option<Diagnostic> {
    let strings = strings_before(text, at + 1);
    let last = strings.last().filter(|s| s.end <= at + 1);
    if let Some(s) = last {
        let body = &text[s.start..s.end.min(text.len())];
        // A text that runs over a line end and stops right where RON gave up: its closing
        // quote is missing, and the quote RON took as the end opened the next text.
        let ends_here = text[s.end.min(text.len())..at.max(s.end)].trim().is_empty() || s.end > at;
        if body.contains('\n') && ends_here {
            return Some(
                Diagnostic::error(
                    Code::Syntax,
                    "this text has no closing quote",
                    s.start..s.start + 1,
                )
                .label("the text opened here runs on to the next line")
                .help("end the text with \" on the same line")
                .help("to put a quote inside text, write \\\": \"He said \\\"no\\\"\""),
            );
        }
        // `"A "fixture" here"`: the second quote ended the text and a word follows it.
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if s.end == at
            && text[at..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != ',')
            && text[at..line_end].contains('"')
        {
            let quote = s.end - 1;
            return Some(
                Diagnostic::error(
                    Code::Syntax,
                    "a quote inside the text ends it early",
                    quote..quote + 1,
                )
                .label("this quote ends the text")
                .help("to put a quote inside text, write \\\": \"He said \\\"no\\\"\""),
            );
        }
    }
    decimal_comma(text, at)
}

/// `Pause(2,5)`: a comma between digits where RON expected the closing `)`.
fn decimal_comma(text: &str, at: usize) -> Option<Diagnostic> {
    let before = &text[..at];
    let comma = before
        .trim_end()
        .strip_suffix(',')
        .map(str::len)
        .or_else(|| text[at..].starts_with(',').then_some(at))?;
    let whole = before[..comma].trim_end();
    let int_digits = whole.len() - whole.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let after = text[comma + 1..].trim_start();
    let frac: String = after.chars().take_while(char::is_ascii_digit).collect();
    let opened = whole[..whole.len() - int_digits].trim_end().ends_with('(');
    if int_digits == 0 || frac.is_empty() || !opened {
        return None;
    }
    let number = format!("{}.{frac}", &whole[whole.len() - int_digits..]);
    Some(
        Diagnostic::error(
            Code::Syntax,
            format!("write {number}: a decimal point, not a comma"),
            comma..comma + 1,
        )
        .label(format!("write {number}"))
        .help("numbers in a scenario file use a decimal point: 2.5 seconds, not 2,5"),
    )
}

/// Names an invisible character inside the text a check complains about (an id that
/// looks exactly like one that exists), with the caret on it.
fn name_stray_chars(text: &str, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut() {
        if !matches!(
            d.code,
            Code::UnknownTarget
                | Code::UnknownRule
                | Code::UnknownScenario
                | Code::UnknownEndingKind
                | Code::UnknownChannel
                | Code::UnknownTier
                | Code::DuplicateId
                | Code::OddId
        ) {
            continue;
        }
        let Some(written) = text.get(d.span.clone()) else {
            continue;
        };
        let Some((i, named)) = written
            .char_indices()
            .find_map(|(i, c)| chars::named(c).map(|n| (i, n)))
        else {
            continue;
        };
        let cleaned: String = written
            .chars()
            .filter(|&c| chars::named(c).is_none_or(|n| !n.is_invisible()))
            .collect();
        let cleaned = cleaned.trim_matches('"');
        let at = d.span.start + i;
        let whole = std::mem::replace(&mut d.span, at..at + named.c.len_utf8());
        let old_label = std::mem::take(&mut d.label);
        d.message = chars::visible(&d.message);
        d.label = format!("{} here", named.code_and_name());
        d.related.push((whole, old_label));
        // "did you mean "angry"?" for a name that looks exactly like "angry" helps no one.
        d.help.retain(|h| {
            !h.contains(&format!("\"{cleaned}\"")) && !h.contains(&format!("`{cleaned}`"))
        });
        let help = format!(
            "this contains {}, {}; {}",
            named.looks,
            named.code_and_name(),
            named.advice()
        );
        d.help.insert(0, help);
        if named.is_invisible() && !cleaned.is_empty() {
            d.help
                .insert(1, format!("without it, this reads \"{cleaned}\""));
        }
    }
}

/// The last character of code before `pos`, skipping whitespace and `//` comments.
fn last_code_char_before(text: &str, pos: usize) -> Option<(usize, char)> {
    let mut end = pos;
    loop {
        let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start..end];
        let code = &line[..comment_start(line).unwrap_or(line.len())];
        if let Some((i, c)) = code.trim_end().char_indices().next_back() {
            return Some((line_start + i, c));
        }
        if line_start == 0 {
            return None;
        }
        end = line_start - 1;
    }
}

/// Where a `//` comment starts on a line, ignoring `//` inside a string ("https://...").
fn comment_start(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && line[i + 1..].starts_with('/') {
            return Some(i);
        }
    }
    None
}

fn short_label(code: &RonError) -> String {
    match code {
        RonError::Eof => "file ends here".into(),
        RonError::ExceededRecursionLimit => "too deep".into(),
        RonError::NoSuchStructField { .. } => "unknown field".into(),
        RonError::MissingStructField { .. } => "missing a field".into(),
        _ => "here".into(),
    }
}

/// Checks that span files: scenario ids used twice, and prerequisites that name no
/// scenario or go round in a circle. `context` holds the ids of files beside a single file
/// being checked, found by a scan. Every file that parsed is checked, whatever its other
/// errors: one error must not hide another.
fn check_library(loaded: &mut [Loaded], context: &HashMap<String, PathBuf>) {
    let mut first_by_id: HashMap<String, PathBuf> = HashMap::new();
    for l in loaded.iter_mut() {
        let Some(id) = l.id.clone() else { continue };
        let first = first_by_id.get(&id).or_else(|| context.get(&id));
        if let Some(first) = first {
            let span = span_at(l, &[Step::Field("id")]);
            let d = Diagnostic::error(
                Code::DuplicateId,
                format!("scenario id \"{id}\" is already used"),
                span,
            )
            .label("used twice")
            .help(format!(
                "{} has the same id; saves and prerequisites need each id once",
                first.display()
            ));
            l.report.diagnostics.push(d);
        }
        first_by_id
            .entry(id)
            .or_insert_with(|| l.report.path.clone());
    }
    let known: HashSet<String> = first_by_id
        .keys()
        .cloned()
        .chain(context.keys().cloned())
        .collect();
    // Files that did not parse, by the id a scan finds in them: a `requires` naming one
    // should say where it is, not that it does not exist.
    let broken: HashMap<String, PathBuf> = loaded
        .iter()
        .filter(|l| l.id.is_none())
        .filter_map(|l| Some((scan_id(&l.report.source)?, l.report.path.clone())))
        .collect();
    let requires: HashMap<String, Vec<String>> = loaded
        .iter()
        .filter_map(|l| Some((l.id.clone()?, l.requires.clone())))
        .collect();
    for l in loaded.iter_mut() {
        let Some(id) = l.id.clone() else {
            continue;
        };
        for (i, req) in l.requires.clone().iter().enumerate() {
            // Requiring itself is reported by the file's own check.
            if *req == id {
                continue;
            }
            if !known.contains(req) {
                let span = span_at(l, &[Step::Field("requires"), Step::Item(i)]);
                let d = if let Some(path) = broken.get(req) {
                    Diagnostic::error(
                        Code::UnknownScenario,
                        format!(
                            "\"{req}\" is in {}, which has errors: fix it first",
                            path.display()
                        ),
                        span,
                    )
                    .label("that file could not be read")
                    .help("its errors are reported with it; this one goes once it loads")
                } else {
                    let d = Diagnostic::error(
                        Code::UnknownScenario,
                        format!("no scenario has the id \"{req}\""),
                        span,
                    )
                    .label("the case would stay locked for ever");
                    match suggest(req, known.iter().map(String::as_str)) {
                        Some(near) => d.help(format!("did you mean \"{near}\"?")),
                        None => d.help("use the `id` of another scenario file"),
                    }
                };
                l.report.diagnostics.push(d);
            } else if leads_back(req, &id, &requires) {
                let span = span_at(l, &[Step::Field("requires"), Step::Item(i)]);
                l.report.diagnostics.push(
                    Diagnostic::error(
                        Code::RequiresCycle,
                        format!("\"{req}\" requires this scenario in turn"),
                        span,
                    )
                    .label("a circle: neither can ever unlock")
                    .help("remove one of the two prerequisites"),
                );
            }
        }
    }
    for l in loaded.iter_mut() {
        if l.report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
        {
            l.scenario = None;
        }
    }
}

/// Whether following prerequisites from `from` arrives back at `target`.
fn leads_back(from: &str, target: &str, requires: &HashMap<String, Vec<String>>) -> bool {
    let mut stack = vec![from.to_string()];
    let mut seen = HashSet::new();
    while let Some(id) = stack.pop() {
        if id == target {
            return true;
        }
        if seen.insert(id.clone()) {
            stack.extend(requires.get(&id).into_iter().flatten().cloned());
        }
    }
    false
}

fn span_at(l: &Loaded, path: &[Step]) -> std::ops::Range<usize> {
    walk(l.tree.as_ref(), path).map_or(0..0, |(node, _)| node.span.clone())
}
