//! Maps kept beside a scenarios folder, rewritten when a trainer saves a case (the game's
//! hot reload, `--features dev`, calls this after every reload).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{SvgOptions, svg};
use crate::guidance::Catalogue;
use crate::scenario::Scenario;

/// Where the maps of `scenarios_dir` live: the repository's `docs/maps` when it sits beside
/// the folder (so the library's maps stay current), else a `maps` folder beside it.
pub fn folder_beside(scenarios_dir: &Path) -> PathBuf {
    let parent = scenarios_dir.parent().unwrap_or(Path::new("."));
    let docs = parent.join("docs").join("maps");
    if docs.is_dir() {
        docs
    } else {
        parent.join("maps")
    }
}

/// Rewrites `CASE_ID.svg` in `dir` for each case whose file changed after `since` (in the
/// case's own language), and returns the files written.
pub fn rewrite_changed<'a>(
    scenarios: impl IntoIterator<Item = &'a Scenario>,
    catalogue: &Catalogue,
    dir: &Path,
    since: SystemTime,
) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for scenario in scenarios {
        let changed = scenario
            .path
            .as_deref()
            .and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
            .is_some_and(|modified| modified > since);
        if !changed {
            continue;
        }
        std::fs::create_dir_all(dir)?;
        let report = crate::explore::explore(scenario, catalogue, 1);
        let path = dir.join(format!("{}.svg", scenario.id));
        std::fs::write(
            &path,
            svg(scenario, catalogue, &report, SvgOptions::for_case(scenario)),
        )?;
        written.push(path);
    }
    Ok(written)
}
