//! Endings: how the call can finish.

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::{EndingFile, ScenarioFile};
use super::super::model::{Ending, EndingKind};
use super::checker::{Checker, Step::*};
use crate::guidance::suggest;

/// Each ending: a known kind, its text, the customer's last words.
pub(super) fn endings(c: &mut Checker, file: &ScenarioFile) -> Vec<Ending> {
    let mut endings = Vec::new();
    for (i, (id, ending)) in file.endings.0.iter().enumerate() {
        let kind = kind(c, ending, i);
        c.check_text(
            &ending.text,
            "the ending's text",
            &[Field("endings"), Entry(i), Field("text")],
        );
        let lines = c.check_lines(
            &ending.customer,
            &[Field("endings"), Entry(i), Field("customer")],
            "the ending",
        );
        endings.push(Ending {
            id: id.clone(),
            kind,
            text: ending.text.clone(),
            lines,
        });
    }
    endings
}

/// The i-th ending's kind (Unresolved when it is not one).
fn kind(c: &mut Checker, ending: &EndingFile, i: usize) -> EndingKind {
    if let Some(&k) = EndingKind::ALL
        .iter()
        .find(|k| k.keyword() == ending.kind.0)
    {
        return k;
    }
    let span = c.at(&[Field("endings"), Entry(i), Field("kind")]);
    let mut d = Diagnostic::error(
        Code::UnknownEndingKind,
        format!("there is no ending kind `{}`", ending.kind.0),
        span,
    )
    .label("not an ending kind");
    if let Some(near) = suggest(&ending.kind.0, EndingKind::ALL.iter().map(|k| k.keyword())) {
        d = d.help(format!("did you mean `{near}`?"));
    }
    c.push(d.help("kinds are Resolved, CallBack, Supervisor, HungUp and Unresolved"));
    EndingKind::Unresolved
}

/// A case about a request for a supervisor (its lesson, or a reply that follows or breaks
/// `supervisor_request`) needs a `Handover` ending: the guidance says to help first and,
/// when the customer still insists, agree and prepare the handover, and that must pass.
pub(super) fn handover_offered(c: &mut Checker, file: &ScenarioFile, endings: &[Ending]) {
    const RULE: &str = "supervisor_request";
    let tagged = file.lesson.iter().any(|k| k.0 == RULE)
        || file.beats.0.iter().any(|(_, beat)| {
            beat.replies
                .iter()
                .any(|r| r.follows.iter().chain(&r.breaks).any(|k| k.0 == RULE))
        });
    if !tagged || endings.iter().any(|e| e.kind == EndingKind::Handover) {
        return;
    }
    let span = c.at(&[Field("endings")]);
    c.push(
        Diagnostic::warning(
            Code::NoHandover,
            "the case is about a request for a supervisor but has no `Handover` ending",
            span,
        )
        .label("agreeing and preparing the handover, as the guidance teaches, cannot pass")
        .help("add an ending of kind `Handover` and lead the reply that agrees and briefs the supervisor to it"),
    );
}
