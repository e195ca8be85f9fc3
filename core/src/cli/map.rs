//! `hold-the-line map CASE`: the case's map as Graphviz DOT.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::play::find_scenario;
use super::{EXIT_OK, EXIT_PROBLEMS, MapArgs};
use crate::explore::explore;
use crate::guidance::Catalogue;

pub(super) fn run(
    args: &MapArgs,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let (library, id) = match find_scenario(&args.scenario, scenarios_dir, catalogue, err)? {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let Some(scenario) = library.get(&id) else {
        return Ok(EXIT_PROBLEMS);
    };
    let report = explore(scenario, catalogue, 1);
    let text = crate::map::dot(scenario, catalogue, &report);
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.dot", scenario.id)));
    if path.as_os_str() == "-" {
        out.write_all(text.as_bytes())?;
        return Ok(EXIT_OK);
    }
    if let Err(e) = std::fs::write(&path, text) {
        writeln!(err, "error: cannot write {}: {e}", path.display())?;
        return Ok(EXIT_PROBLEMS);
    }
    writeln!(
        out,
        "wrote {} ({} beats, {} endings; render it with `dot -Tsvg {} -o {}.svg`)",
        path.display(),
        scenario.beats.len(),
        scenario.endings.len(),
        path.display(),
        scenario.id
    )?;
    Ok(EXIT_OK)
}
