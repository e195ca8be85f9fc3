//! Checks across the files of a library: ids used twice, a case that requires one that is
//! missing or leads back to itself.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::guidance::suggest;
use crate::scenario::check::{Step, walk};
use crate::scenario::code::Code;
use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::load::{Loaded, scan_id};

/// Checks that span files: scenario ids used twice, and prerequisites that name no
/// scenario or go round in a circle. `context` holds the ids of files beside a single file
/// being checked, found by a scan. Every file that parsed is checked, whatever its other
/// errors: one error must not hide another.
pub(crate) fn check_library(loaded: &mut [Loaded], context: &HashMap<String, PathBuf>) {
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
pub(crate) fn leads_back(
    from: &str,
    target: &str,
    requires: &HashMap<String, Vec<String>>,
) -> bool {
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

pub(crate) fn span_at(l: &Loaded, path: &[Step]) -> std::ops::Range<usize> {
    walk(l.tree.as_ref(), path).map_or(0..0, |(node, _)| node.span.clone())
}
