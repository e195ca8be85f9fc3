//! Problems found in a scenario file, with where they are and what to do, rendered the
//! way rustc renders its errors (by `codespan-reporting`).

use std::path::{Path, PathBuf};

// codespan's own diagnostic type, under a name that does not clash with ours.
use codespan_reporting::diagnostic::{
    Diagnostic as CodespanDiagnostic, Label, Severity as CodespanSeverity,
};
use codespan_reporting::term::{self, Config};
use serde::Serialize;

use super::code::Code;
use super::locate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, searchable name for the kind of problem (`unknown-rule`).
    pub code: Code,
    pub message: String,
    /// The byte range the caret points at (empty when the problem is the whole file).
    #[serde(skip)]
    pub span: Span,
    /// Text beside the caret.
    pub label: String,
    /// Other places that explain the problem ("first defined here").
    #[serde(skip)]
    pub related: Vec<(Span, String)>,
    /// "help: ..." lines: what to do about it.
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            label: String::new(),
            related: Vec::new(),
            help: Vec::new(),
        }
    }

    pub fn warning(code: Code, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, span)
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }
}

/// One file's text and everything found wrong with it.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    /// The text as read (empty when the file could not be read as text).
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each line of `source` starts, indexed once when first needed: a file with
    /// thousands of diagnostics must not be rescanned for each.
    lines: std::sync::OnceLock<Vec<usize>>,
}

/// A 1-based line and column (in characters), as editors count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl FileReport {
    pub fn new(path: &Path, source: String) -> FileReport {
        FileReport {
            path: path.to_path_buf(),
            source,
            diagnostics: Vec::new(),
            lines: std::sync::OnceLock::new(),
        }
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// Where a diagnostic points, as line and column.
    pub fn line_col(&self, diagnostic: &Diagnostic) -> LineCol {
        line_col_in(&self.source, self.line_starts(), diagnostic.span.start)
    }

    /// Where each line of the source starts (byte offsets; the first is 0).
    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(self.source.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// Every diagnostic rendered like rustc: header, `--> file:line:col`, the source line and
    /// a caret under the spot, then help lines. `color` adds terminal colours.
    ///
    /// The source lines are shown as a terminal can take them: control characters as their
    /// pictures (`␀`), invisible ones as `◌` so a caret on one shows, and a line longer
    /// than [`MAX_SHOWN_COLUMNS`] clipped around the caret with `…`. Lines and columns in
    /// the header are the file's own.
    pub fn render(&self, color: bool) -> String {
        let name = self.path.display().to_string();
        let config = Config::default();
        let mut out = Vec::new();
        for diagnostic in &self.diagnostics {
            let file = ShownFile::new(&name, &self.source, self.line_starts(), diagnostic);
            let report = self.to_codespan(diagnostic, &file);
            if color {
                let mut buffer = codespan_reporting::term::termcolor::Buffer::ansi();
                if term::emit_to_write_style(&mut buffer, &config, &file, &report).is_ok() {
                    out.extend_from_slice(buffer.as_slice());
                    continue;
                }
            }
            match term::emit_into_string(&config, &file, &report) {
                Ok(text) => out.extend_from_slice(text.as_bytes()),
                // A span past the end of the text: say it without the snippet.
                Err(_) => out.extend_from_slice(
                    format!(
                        "{}: {}: {}\n",
                        severity_word(diagnostic.severity),
                        name,
                        shown_text(&diagnostic.message)
                    )
                    .as_bytes(),
                ),
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    fn to_codespan(&self, diagnostic: &Diagnostic, file: &ShownFile) -> CodespanDiagnostic<()> {
        let severity = match diagnostic.severity {
            Severity::Error => CodespanSeverity::Error,
            Severity::Warning => CodespanSeverity::Warning,
        };
        let clamp = |span: &Span| {
            let end = span.end.clamp(file.base, file.stop);
            let start = span.start.clamp(file.base, end);
            file.map[start - file.base]..file.map[end - file.base]
        };
        let mut labels = vec![
            Label::primary((), clamp(&diagnostic.span)).with_message(diagnostic.label.clone()),
        ];
        labels.extend(
            diagnostic
                .related
                .iter()
                .map(|(span, text)| Label::secondary((), clamp(span)).with_message(text.clone())),
        );
        CodespanDiagnostic::new(severity)
            .with_code(diagnostic.code.as_str())
            .with_message(shown_text(&diagnostic.message))
            .with_labels(labels)
            .with_notes(
                diagnostic
                    .help
                    .iter()
                    .map(|h| format!("help: {}", shown_text(h)))
                    .collect(),
            )
    }
}

/// The widest source line shown in a rendered report, in characters; longer ones are
/// clipped around the caret.
pub const MAX_SHOWN_COLUMNS: usize = 120;

/// How a character is shown in a rendered report, when not as itself.
fn shown_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some('\u{25CC}'),
        _ if super::chars::named(c).is_some_and(|n| n.is_invisible()) => Some('\u{25CC}'),
        _ => None,
    }
}

/// A message or help line with its control characters shown as pictures.
fn shown_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => c,
            _ if c.is_control() => shown_char(c).unwrap_or('\u{FFFD}'),
            _ => c,
        })
        .collect()
}

/// The lines one diagnostic shows, as shown, with where each of their bytes went, and the
/// real line and column of the places the diagnostic labels. Only the lines its labels
/// cover are prepared, so a file's thousandth diagnostic costs what its first did.
struct ShownFile<'a> {
    name: &'a str,
    text: String,
    line_starts: Vec<usize>,
    /// The real source's bytes shown: `base..stop`, whole lines.
    base: usize,
    stop: usize,
    /// The real line index of the first line shown.
    first_line: usize,
    /// `map[i - base]`: the shown offset of byte `i` of the real source (`stop` too).
    map: Vec<usize>,
    /// Shown offset → the real line and column, for the `-->` header.
    places: Vec<(usize, LineCol)>,
}

impl<'a> ShownFile<'a> {
    fn new(
        name: &'a str,
        source: &str,
        real_lines: &[usize],
        diagnostic: &Diagnostic,
    ) -> ShownFile<'a> {
        let spans: Vec<&Span> = std::iter::once(&diagnostic.span)
            .chain(diagnostic.related.iter().map(|(s, _)| s))
            .collect();
        let focus: Vec<usize> = spans.iter().map(|s| s.start.min(source.len())).collect();
        let line_of = |offset: usize| {
            real_lines
                .binary_search(&offset)
                .unwrap_or_else(|next| next - 1)
        };
        let first_line = spans
            .iter()
            .map(|s| line_of(s.start.min(source.len())))
            .min()
            .unwrap_or(0);
        let last_line = spans
            .iter()
            .map(|s| line_of(s.end.min(source.len()).max(s.start.min(source.len()))))
            .max()
            .unwrap_or(0);
        let base = real_lines[first_line];
        let stop = real_lines
            .get(last_line + 1)
            .copied()
            .unwrap_or(source.len());
        let shown = &source[base..stop];
        let mut text = String::with_capacity(shown.len());
        let mut map = vec![0; shown.len() + 1];
        let mut line_start = 0;
        for line in shown.split_inclusive('\n') {
            let chars: Vec<(usize, char)> = line
                .char_indices()
                .map(|(i, c)| (line_start + i, c))
                .collect();
            let visible = chars
                .iter()
                .filter(|(_, c)| !matches!(c, '\n' | '\r'))
                .count();
            let (from, to) = if visible > MAX_SHOWN_COLUMNS {
                let caret = focus
                    .iter()
                    .map(|f| f.saturating_sub(base))
                    .find(|&f| f >= line_start && f < line_start + line.len())
                    .map_or(0, |f| chars.iter().take_while(|(i, _)| *i < f).count());
                let from = caret
                    .saturating_sub(MAX_SHOWN_COLUMNS / 2)
                    .min(visible - MAX_SHOWN_COLUMNS);
                (from, from + MAX_SHOWN_COLUMNS)
            } else {
                (0, usize::MAX)
            };
            if from > 0 {
                text.push('…');
            }
            let mut clipped_end = false;
            for (n, &(i, c)) in chars.iter().enumerate() {
                let is_end = matches!(c, '\n' | '\r');
                if !is_end && n >= to && !clipped_end {
                    clipped_end = true;
                    let at = text.len();
                    text.push('…');
                    map[i..i + c.len_utf8()].fill(at);
                    continue;
                }
                let at = if !is_end && (n < from || n >= to) {
                    // Clipped: points at the `…` on its side, the last thing shown.
                    text.len() - '…'.len_utf8()
                } else {
                    let at = text.len();
                    text.push(shown_char(c).unwrap_or(c));
                    at
                };
                map[i..i + c.len_utf8()].fill(at);
            }
            line_start += line.len();
        }
        map[shown.len()] = text.len();
        let places = focus
            .iter()
            .map(|&f| {
                (
                    map[f.clamp(base, stop) - base],
                    line_col_in(source, real_lines, f),
                )
            })
            .collect();
        let line_starts = codespan_reporting::files::line_starts(&text).collect();
        ShownFile {
            name,
            text,
            line_starts,
            base,
            stop,
            first_line,
            map,
            places,
        }
    }
}

impl<'a> codespan_reporting::files::Files<'a> for ShownFile<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.text)
    }

    fn line_index(
        &'a self,
        (): (),
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self
            .line_starts
            .binary_search(&byte_index)
            .unwrap_or_else(|next| next - 1))
    }

    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        let start = *self.line_starts.get(line_index).ok_or(
            codespan_reporting::files::Error::LineTooLarge {
                given: line_index,
                max: self.line_starts.len() - 1,
            },
        )?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Ok(start..end)
    }

    fn line_number(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        // The gutter numbers the file's own lines, not the few shown.
        Ok(self.first_line + line_index + 1)
    }

    fn location(
        &'a self,
        (): (),
        byte_index: usize,
    ) -> Result<codespan_reporting::files::Location, codespan_reporting::files::Error> {
        let place = self
            .places
            .iter()
            .find(|(at, _)| *at == byte_index)
            .map(|(_, lc)| *lc)
            .unwrap_or_else(|| {
                let shown = line_col(&self.text, byte_index);
                LineCol {
                    line: self.first_line + shown.line,
                    column: shown.column,
                }
            });
        Ok(codespan_reporting::files::Location {
            line_number: place.line,
            column_number: place.column,
        })
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// [`line_col`] with the source's line starts already known.
fn line_col_in(source: &str, line_starts: &[usize], offset: usize) -> LineCol {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = line_starts
        .binary_search(&offset)
        .unwrap_or_else(|next| next - 1);
    LineCol {
        line: line + 1,
        column: source[line_starts[line]..offset].chars().count() + 1,
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_col(source: &str, offset: usize) -> LineCol {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line,
        column: source[line_start..offset].chars().count() + 1,
    }
}

/// Byte offset of a 1-based line and character column (as `ron` reports them).
pub fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match source[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return source.len(),
        }
    }
    let line_text = source[line_start..].split('\n').next().unwrap_or("");
    line_start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_and_offset_agree_with_multibyte_text() {
        let src = "ab\nשלום x\n";
        let offset = src.find('x').unwrap();
        let lc = line_col(src, offset);
        assert_eq!(lc, LineCol { line: 2, column: 6 });
        assert_eq!(offset_of(src, 2, 6), offset);
    }

    #[test]
    fn renders_file_line_and_caret() {
        let mut report = FileReport::new(Path::new("s.ron"), "(\n  next: \"nowhere\",\n)".into());
        report.diagnostics.push(
            Diagnostic::error(
                Code::UnknownTarget,
                "no beat or ending is called `nowhere`",
                10..19,
            )
            .label("not defined")
            .help("add a beat called \"nowhere\""),
        );
        let text = report.render(false);
        assert!(text.contains("error[unknown-target]"), "{text}");
        assert!(text.contains("s.ron:2:9"), "{text}");
        assert!(text.contains("^^^^^^^^^"), "{text}");
        assert!(text.contains("help: add a beat"), "{text}");
    }
}
