//! Beats: what the customer says, and the replies the trainee chooses from.

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::{BeatFile, ScenarioFile};
use super::super::model::Beat;
use super::checker::{Checker, Step::*};
use super::names::Names;

pub(super) fn beats(c: &mut Checker, file: &ScenarioFile, names: &Names) -> Vec<Beat> {
    file.beats
        .0
        .iter()
        .enumerate()
        .map(|(b, (id, beat))| self::beat(c, names, b, id, beat))
        .collect()
}

/// The b-th beat: its lines (spoken, interrupted, met with silence), and replies, of
/// which it needs at least one.
fn beat(c: &mut Checker, names: &Names, b: usize, id: &str, beat: &BeatFile) -> Beat {
    let lines = c.check_lines(
        &beat.customer,
        &[Field("beats"), Entry(b), Field("customer")],
        "the beat",
    );
    let when_interrupted = c.check_lines(
        &beat.when_interrupted,
        &[Field("beats"), Entry(b), Field("when_interrupted")],
        "when_interrupted",
    );
    let when_silent = c.check_lines(
        &beat.when_silent,
        &[Field("beats"), Entry(b), Field("when_silent")],
        "when_silent",
    );
    if beat.replies.is_empty() {
        let span = c.at(&[Field("beats"), Key(b)]);
        c.push(
            Diagnostic::error(
                Code::NoWayOut,
                format!("beat \"{id}\" has no replies"),
                span,
            )
            .label("the trainee would be stuck here")
            .help("add replies, each with a `next` beat or ending"),
        );
    }
    let replies = beat
        .replies
        .iter()
        .enumerate()
        .map(|(r, reply)| {
            let path = [Field("beats"), Entry(b), Field("replies"), Item(r)];
            c.reply(names, reply, &path)
        })
        .collect();
    Beat {
        id: id.to_string(),
        lines,
        replies,
        when_interrupted,
        when_silent,
    }
}
