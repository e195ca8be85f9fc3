//! Ids of beats and endings, and the links between them: `next`, `start`.

use std::collections::HashMap;

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::ScenarioFile;
use super::super::locate::Span;
use super::super::model::{BeatIx, EndingIx, Target};
use super::checker::{Checker, Step, Step::*};
use crate::guidance::suggest;

/// Every beat and ending is named, and no name is used twice: beats and endings share
/// one namespace, since `next` may name either.
pub(super) fn unique_ids(c: &mut Checker, file: &ScenarioFile) {
    let mut first: HashMap<&str, Span> = HashMap::new();
    let beats = file.beats.0.iter().map(|(k, _)| k.as_str());
    unique_in(c, &mut first, "beats", beats);
    let endings = file.endings.0.iter().map(|(k, _)| k.as_str());
    unique_in(c, &mut first, "endings", endings);
}

fn unique_in<'f>(
    c: &mut Checker,
    first: &mut HashMap<&'f str, Span>,
    field: &'static str,
    names: impl Iterator<Item = &'f str>,
) {
    for (i, name) in names.enumerate() {
        let span = c.at(&[Field(field), Key(i)]);
        if name.trim().is_empty() {
            c.push(
                Diagnostic::error(Code::EmptyText, "an empty id", span.clone())
                    .label("needs a name")
                    .help("name it, such as \"opening\""),
            );
        }
        if let Some(earlier) = first.get(name) {
            c.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("\"{name}\" is defined twice"),
                    span,
                )
                .label("second definition")
                .related(earlier.clone(), "first defined here")
                .help("beats and endings share one set of names: rename one of them"),
            );
        } else {
            first.insert(name, span);
        }
    }
}

/// There is at least one beat and one ending.
pub(super) fn not_empty(c: &mut Checker, file: &ScenarioFile) {
    if file.beats.0.is_empty() {
        let span = c.at(&[Field("beats")]);
        c.push(
            Diagnostic::error(Code::NoBeats, "the scenario has no beats", span)
                .label("empty")
                .help(
                    "add at least one beat: what the customer says and the replies to choose from",
                ),
        );
    }
    if file.endings.0.is_empty() {
        let span = c.at(&[Field("endings")]);
        c.push(
            Diagnostic::error(Code::NoEndings, "the scenario has no endings", span)
                .label("empty")
                .help("add endings, at least one with kind: Resolved or CallBack"),
        );
    }
}

/// The file's beat and ending names, for looking up what a link names.
pub(super) struct Names<'f> {
    beats: HashMap<&'f str, BeatIx>,
    endings: HashMap<&'f str, EndingIx>,
    file: &'f ScenarioFile,
}

impl<'f> Names<'f> {
    pub(super) fn new(file: &'f ScenarioFile) -> Self {
        // First definition wins for lookups, matching the "defined twice" error.
        let index = |keys: Vec<&'f str>| keys.into_iter().enumerate().rev().map(|(i, k)| (k, i));
        Names {
            beats: index(file.beats.0.iter().map(|(k, _)| k.as_str()).collect()).collect(),
            endings: index(file.endings.0.iter().map(|(k, _)| k.as_str()).collect()).collect(),
            file,
        }
    }

    pub(super) fn ending(&self, name: &str) -> Option<EndingIx> {
        self.endings.get(name).copied()
    }

    pub(super) fn beat_names(&self) -> impl Iterator<Item = &'f str> {
        self.file.beats.0.iter().map(|(k, _)| k.as_str())
    }

    pub(super) fn ending_names(&self) -> impl Iterator<Item = &'f str> {
        self.file.endings.0.iter().map(|(k, _)| k.as_str())
    }

    /// The beat or ending a `next` names, or an error at `path`.
    pub(super) fn resolve(&self, c: &mut Checker, name: &str, path: &[Step]) -> Option<Target> {
        if let Some(&b) = self.beats.get(name) {
            return Some(Target::Beat(b));
        }
        if let Some(&e) = self.endings.get(name) {
            return Some(Target::Ending(e));
        }
        let span = c.at(path);
        let d = Diagnostic::error(
            Code::UnknownTarget,
            format!("no beat or ending is called \"{name}\""),
            span,
        )
        .label("not defined in this file");
        c.push(
            match suggest(name, self.beat_names().chain(self.ending_names())) {
                Some(near) => d.help(format!("did you mean \"{near}\"?")),
                None => d.help(format!(
                    "add a beat or an ending called \"{name}\", or fix the name"
                )),
            },
        );
        None
    }

    /// The beat the call starts at: the one `start` names, or else the first.
    pub(super) fn start(&self, c: &mut Checker, has_beats: bool) -> Option<BeatIx> {
        let Some(name) = &self.file.start else {
            return has_beats.then_some(0);
        };
        if let Some(&b) = self.beats.get(name.as_str()) {
            return Some(b);
        }
        let span = c.at(&[Field("start")]);
        let mut d = Diagnostic::error(
            Code::UnknownTarget,
            format!("no beat is called \"{name}\""),
            span,
        )
        .label("the call starts here");
        if let Some(near) = suggest(name, self.beat_names()) {
            d = d.help(format!("did you mean \"{near}\"?"));
        }
        c.push(d);
        None
    }
}
