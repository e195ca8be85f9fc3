//! What the customer says: lines of speech with their variants, and pauses between them.

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::{LineFile, Text};
use super::super::model::{Intensity, Line};
use super::checker::{Checker, Step, join, locate_variant, seconds_to_ms};

impl Checker<'_> {
    /// A list of lines (a beat's, a reaction, an ending's last words); `what` names it in
    /// messages.
    pub(super) fn check_lines(
        &mut self,
        lines: &[LineFile],
        path: &[Step],
        what: &str,
    ) -> Vec<Line> {
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let line_path = join(path, &[Step::Item(i)]);
            let (intensity, text) = match line {
                LineFile::Shout(t) => (Intensity::Shout, t),
                LineFile::Raised(t) => (Intensity::Raised, t),
                LineFile::Even(t) => (Intensity::Even, t),
                LineFile::Quiet(t) => (Intensity::Quiet, t),
                LineFile::Pause(seconds) => {
                    let edge = (i == 0 || i + 1 == lines.len()).then_some(i == 0);
                    out.push(self.pause(*seconds, &line_path, edge, what));
                    continue;
                }
            };
            self.speech(text, &line_path, what);
            out.push(Line::Speech {
                intensity,
                variants: text.0.clone(),
            });
        }
        out
    }

    /// A pause of 0.5 to 30 seconds, between lines: `edge` is Some(true) at the start of
    /// the list, Some(false) at its end.
    fn pause(&mut self, seconds: f64, path: &[Step], edge: Option<bool>, what: &str) -> Line {
        if !(seconds.is_finite() && (0.5..=30.0).contains(&seconds)) {
            let span = self.payload_at(path);
            self.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("a pause of {seconds} seconds is not allowed"),
                    span,
                )
                .label("seconds of silence")
                .help("write a pause between 0.5 and 30 seconds, such as Pause(2.5)"),
            );
        } else if let Some(limit) = self
            .dead_air
            .filter(|&limit| seconds_to_ms(seconds) >= limit)
        {
            // A written silence as long as dead air would be the customer waiting on the
            // trainee, and a reply deep into it would still count as "in the pause".
            let span = self.payload_at(path);
            self.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!(
                        "a pause of {seconds} seconds is as long as this call's dead-air limit ({} s)",
                        limit / 1000
                    ),
                    span,
                )
                .label("longer than a pause can be")
                .help("shorten the pause, or raise `timing: (dead_air: ...)` if this call really allows longer silences"),
            );
        } else if let Some(at_start) = edge {
            let span = self.at(path);
            self.push(
                Diagnostic::warning(
                    Code::PauseAtEdge,
                    format!(
                        "a pause at the {} of {what} does nothing",
                        if at_start { "start" } else { "end" }
                    ),
                    span,
                )
                .label("pauses belong between lines")
                .help("the pause after the last line is timed by the game; remove this one"),
            );
        }
        Line::Pause(seconds_to_ms(seconds))
    }

    /// A line of speech: at least one wording, none of them blank.
    fn speech(&mut self, text: &Text, path: &[Step], what: &str) {
        if text.0.is_empty() {
            let span = self.payload_at(path);
            self.push(
                Diagnostic::error(Code::EmptyText, "a line with no variants", span)
                    .label("empty list")
                    .help("give at least one wording: Shout([\"first\", \"second\"])"),
            );
        }
        for (v, variant) in text.0.iter().enumerate() {
            if variant.trim().is_empty() {
                // A list of variants points at the empty one, a single text at itself.
                let span = locate_variant(self.root, path, v)
                    .map(|n| n.span.clone())
                    .unwrap_or_else(|| self.payload_at(path));
                self.push(
                    Diagnostic::error(Code::EmptyText, format!("a line of {what} is empty"), span)
                        .label("no words")
                        .help("write what the customer says, or remove the line"),
                );
            }
            let span = locate_variant(self.root, path, v)
                .map(|n| n.span.clone())
                .unwrap_or_else(|| self.payload_at(path));
            self.check_drawable(variant, span);
        }
    }
}
