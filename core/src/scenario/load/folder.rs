//! Which files a path holds: a file, or a folder walked with its sub-folders, skipping what
//! is plainly not a scenario and saying so.

#[allow(unused_imports)]
use super::*;

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
pub(super) fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
}

/// The `.ron` files directly in a folder, for the ids of a single file's siblings.
pub(super) fn ron_files_in(dir: &Path) -> Vec<PathBuf> {
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
pub(super) fn looks_like_scenario(path: &Path) -> bool {
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
pub(super) fn walk_folder(
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
