//! Semantic checks: everything `ron` cannot know. Each problem points at the item it is
//! about, and every problem in the file is reported at once.
//!
//! The checker is a row of passes over the parsed file, run in the order `compile`
//! lists them. Each pass reports into a shared `Checker` and returns the checked value
//! it is about, so later passes and the finished `Scenario` can use it. The order is the
//! order of the diagnostics in a report: roughly the order of the fields in a file.

mod beats;
mod checker;
mod customer;
mod endings;
mod graph;
mod header;
pub(crate) mod library;
mod lines;
mod names;
mod replies;
mod rules;
pub mod unparsed;
mod unsaid;

pub use checker::Step;
pub(super) use checker::walk;

use super::diagnostic::Diagnostic;
use super::format::ScenarioFile;
use super::locate::Node;
use super::model::Scenario;
use crate::guidance::Catalogue;
use checker::Checker;
use checker::Step::Field;
use names::Names;

/// Checks a parsed scenario file. Returns the playable scenario when there are no errors,
/// and every diagnostic found either way.
pub fn compile(
    file: &ScenarioFile,
    root: Option<&Node>,
    catalogue: &Catalogue,
) -> (Option<Scenario>, Vec<Diagnostic>) {
    let mut c = Checker::new(root, catalogue);
    // The scenario's own fields first, as they head the file.
    header::identity(&mut c, file);
    // The tier before the pass mark, whose default depends on it.
    let tier = header::tier(&mut c, file);
    // The channel now, though only timing uses it, to report it where it is written.
    let channel = header::channel(&mut c, file);
    header::language(&mut c, file);
    header::dialect(&mut c, file);
    let pass_mark = header::pass_mark(&mut c, file, tier);
    // Only the scenario itself here; other files' ids are checked by `load`.
    header::requires(&mut c, file);
    // The lesson names rules, which the catalogue knows; nothing else depends on it.
    let lesson = c.lesson(&file.lesson, &[Field("lesson")]);
    // Ids before anything that links: every `next` below is looked up in them.
    names::unique_ids(&mut c, file);
    names::not_empty(&mut c, file);
    let names = Names::new(file);
    // Endings before the customer, whose give-up endings must not settle the call.
    let endings = endings::endings(&mut c, file);
    let customer = customer::customer(&mut c, file, &names, &endings);
    // Timing here, after the customer, keeps the order reports have always had.
    let timing = header::timing(&mut c, file, channel);
    c.dead_air = Some(timing.dead_air);
    // Beats once every name a `next` may use is known.
    let mut beats = beats::beats(&mut c, file, &names);
    endings::handover_offered(&mut c, file, &endings);
    // Then when each card may appear, which needs the beat's lines and the replies.
    unsaid::appear_with_what_they_answer(&mut c, file, &mut beats);
    // The start after the beats: without any, there is nowhere to start.
    let start = names.start(&mut c, !beats.is_empty());

    // The reachability checks need the beats and endings to link up; other errors (a tier,
    // a meter, a rule id) do not stop them, so a trainer sees every problem at once.
    if c.links_broken() || endings.is_empty() {
        return (None, c.diagnostics);
    }
    let Some(start) = start else {
        return (None, c.diagnostics);
    };
    let scenario = Scenario {
        id: file.id.clone(),
        title: file.title.clone(),
        brief: file.brief.clone(),
        tier,
        channel,
        language: file.language.clone(),
        dialect: file.dialect.clone(),
        pass_mark,
        requires: file.requires.clone(),
        lesson,
        customer,
        start,
        beats,
        endings,
        timing,
        path: None,
        source_hash: None,
    };
    // Reachability last: it walks the finished scenario.
    graph::check(&mut c, &scenario);
    let scenario = (!c.has_errors()).then_some(scenario);
    (scenario, c.diagnostics)
}
