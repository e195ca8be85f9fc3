//! What every pass shares: the diagnostics found so far, the file's tree to point into,
//! the rule catalogue, and paths into the file.

use super::super::code::Code;
use super::super::diagnostic::{Diagnostic, Severity};
use super::super::locate::{Node, Span};
use crate::guidance::Catalogue;
use crate::vocab::Millis;

/// One step of a path into the file: `[Field("beats"), Entry(3), Field("replies"), Item(0)]`.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    Field(&'a str),
    Item(usize),
    /// The value of the i-th map entry.
    Entry(usize),
    /// The key of the i-th map entry.
    Key(usize),
}

/// `path` with `more` steps on the end.
pub(super) fn join<'a>(path: &[Step<'a>], more: &[Step<'a>]) -> Vec<Step<'a>> {
    let mut p = path.to_vec();
    p.extend_from_slice(more);
    p
}

pub(super) struct Checker<'a> {
    pub(super) root: Option<&'a Node>,
    pub(super) catalogue: &'a Catalogue,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// The call's dead-air limit once `timing` is read: no written pause may reach it.
    pub(super) dead_air: Option<Millis>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(root: Option<&'a Node>, catalogue: &'a Catalogue) -> Self {
        Checker {
            root,
            catalogue,
            diagnostics: Vec::new(),
            dead_air: None,
        }
    }

    /// The span of the item at `path`, or of the deepest part of it that is written in the
    /// file (a defaulted field points at its parent).
    pub(super) fn at(&self, path: &[Step]) -> Span {
        walk(self.root, path).map_or(0..0, |(node, _)| node.span.clone())
    }

    /// Like `at`, but inside a variant such as `Pause(0.0)` points at the value.
    pub(super) fn payload_at(&self, path: &[Step]) -> Span {
        walk(self.root, path).map_or(0..0, |(node, _)| node.payload().span.clone())
    }

    /// Whether the whole of `path` is written in the file (not defaulted).
    pub(super) fn is_written(&self, path: &[Step]) -> bool {
        matches!(walk(self.root, path), Some((_, true)))
    }

    pub(super) fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub(super) fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Whether an error so far leaves the beats and endings unable to link up.
    pub(super) fn links_broken(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.code.breaks_links())
    }

    /// Warns when the game's fonts cannot draw a character of `text`: on screen it would be
    /// an empty box.
    pub(super) fn check_drawable(&mut self, text: &str, span: Span) {
        let missing = crate::glyphs::undrawable(text);
        let Some(&first) = missing.first() else {
            return;
        };
        let named: Vec<String> = missing
            .iter()
            .map(|c| format!("\"{c}\" (U+{:04X})", u32::from(*c)))
            .collect();
        self.push(
            Diagnostic::warning(
                Code::Undrawable,
                format!("the game cannot draw {}", named.join(", ")),
                span,
            )
            .label(format!("U+{:04X} would show as an empty box", u32::from(first)))
            .help("use letters, digits and punctuation of Latin, Arabic or Hebrew script (emoji and other scripts are not in the game's fonts)"),
        );
    }

    pub(super) fn check_text(&mut self, text: &str, what: &str, path: &[Step]) {
        let span = self.at(path);
        self.check_drawable(text, span);
        if text.trim().is_empty() {
            let span = self.at(path);
            self.push(
                Diagnostic::error(Code::EmptyText, format!("{what} is empty"), span)
                    .label("nothing to show here")
                    .help(format!("write {what}, or remove the entry")),
            );
        }
    }

    pub(super) fn check_percent(&mut self, value: i64, what: &str, path: &[Step]) -> i32 {
        if !(0..=100).contains(&value) {
            let span = self.at(path);
            self.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("{what} is {value}, outside 0 to 100"),
                    span,
                )
                .label("meters run from 0 to 100")
                .help("use a value from 0 (none) to 100 (full)"),
            );
        }
        value.clamp(0, 100) as i32
    }
}

/// Follows `path` from the root as far as the file goes: the deepest node found, and
/// whether the whole path was found.
pub(in crate::scenario) fn walk<'n>(
    root: Option<&'n Node>,
    path: &[Step],
) -> Option<(&'n Node, bool)> {
    let mut node = root?;
    for step in path {
        let next = match *step {
            Step::Field(name) => node.field(name),
            Step::Item(i) => node.item(i),
            Step::Entry(i) => node.entry(i).map(|(_, v)| v),
            Step::Key(i) => node.entry(i).map(|(k, _)| k),
        };
        match next {
            Some(n) => node = n,
            None => return Some((node, false)),
        }
    }
    Some((node, true))
}

/// The node of the v-th variant inside a `Shout([..])` line (None for a single text).
pub(super) fn locate_variant<'n>(
    root: Option<&'n Node>,
    path: &[Step],
    v: usize,
) -> Option<&'n Node> {
    match walk(root, path)? {
        (node, true) => node.payload().item(v),
        _ => None,
    }
}

pub(super) fn seconds_to_ms(seconds: f64) -> Millis {
    (seconds.clamp(0.0, 3600.0) * 1000.0).round() as Millis
}
