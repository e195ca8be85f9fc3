//! Shift files (`*.shift.ron`, kept in `scenarios/shifts/`): reading them, and checking
//! them against the library with the same file:line:col diagnostics as scenarios.
//!
//! A shift names its callers (cases, or pools drawn by the seed), the breaks, and for the
//! cases that can end in a promise or unresolved, which case plays when the promise is kept
//! (`follow_up`) and which when the customer has to call again (`call_back`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::guidance::{Catalogue, suggest};
use crate::scenario::load::{syntax_diagnostic, text_of};
use crate::scenario::locate::{self, Node};
use crate::scenario::{Code, Diagnostic, FileReport, Library, Scenario};
use crate::vocab::{EndingKind, Millis};

/// What ends a shift file's name: `morning.shift.ron`. The scenario loader passes these by.
pub const SHIFT_SUFFIX: &str = ".shift.ron";

/// Whether a path names a shift file.
pub fn is_shift_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().to_lowercase().ends_with(SHIFT_SUFFIX))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Shift")]
struct ShiftFile {
    id: String,
    title: String,
    #[serde(default)]
    brief: String,
    language: String,
    tier: u8,
    starts_at: String,
    minutes: u32,
    callers: Vec<CallerFile>,
    #[serde(default)]
    breaks: Vec<BreakFile>,
    #[serde(default)]
    follow_ups: Vec<FollowUpFile>,
}

#[derive(Debug, Deserialize)]
enum CallerFile {
    Case(String),
    Pool {
        #[serde(default)]
        tier: Option<u8>,
        #[serde(default)]
        lesson: Option<String>,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BreakFile {
    after_minutes: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowUpFile {
    case: String,
    #[serde(default = "default_promise_minutes")]
    promise_minutes: u32,
    #[serde(default)]
    follow_up: Option<String>,
    #[serde(default)]
    call_back: Option<String>,
}

fn default_promise_minutes() -> u32 {
    20
}

/// A shift, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Shift {
    pub id: String,
    pub title: String,
    pub brief: String,
    pub language: String,
    /// The case list offers the shift once this tier is open.
    pub tier: u8,
    /// The clock the trainee sees at the shift's start, in minutes after midnight.
    pub starts_at_min: u32,
    /// Callers arrive over this span.
    pub length: Millis,
    pub callers: Vec<Caller>,
    /// Breaks due this far into the shift (taken once the agent is free).
    pub breaks: Vec<Millis>,
    pub follow_ups: Vec<FollowUp>,
    pub path: Option<PathBuf>,
}

/// One caller in the shift's list.
#[derive(Debug, Clone, PartialEq)]
pub enum Caller {
    Case(String),
    /// A case drawn by the seed from those matching, in the shift's language.
    Pool(Pool),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pool {
    pub tier: Option<u8>,
    /// Cases whose lesson includes this rule.
    pub lesson: Option<String>,
}

impl Pool {
    pub fn matches(&self, scenario: &Scenario, language: &str) -> bool {
        scenario.language == language
            && self.tier.is_none_or(|t| scenario.tier == t)
            && self
                .lesson
                .as_ref()
                .is_none_or(|rule| scenario.lesson.iter().any(|r| r == rule))
    }
}

/// What happens after a case that can end in a promise or unresolved.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub case: String,
    /// When the built-in trainee promises to call back, after the call ends (a trainee
    /// in the game picks their own time).
    pub promise_in: Millis,
    /// Played when the agent calls back as promised.
    pub follow_up: Option<String>,
    /// Played when the customer calls again: the promise was missed, or nothing was solved.
    pub call_back: Option<String>,
}

impl Shift {
    pub fn follow_up_of(&self, case: &str) -> Option<&FollowUp> {
        self.follow_ups.iter().find(|f| f.case == case)
    }

    /// The clock time `at` into the shift, as `HH:MM`.
    pub fn clock(&self, at: Millis) -> String {
        let minutes = self.starts_at_min + at / 60_000;
        format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
    }
}

/// A shift file's report, and the shift when it has no errors.
#[derive(Debug, Clone)]
pub struct LoadedShift {
    pub report: FileReport,
    pub shift: Option<Shift>,
}

/// Reads and checks one shift file against `library` (the cases it may name).
pub fn load_shift(path: &Path, library: &Library, catalogue: &Catalogue) -> LoadedShift {
    let fail = |source: String, d: Diagnostic| {
        let mut report = FileReport::new(path, source);
        report.diagnostics.push(d);
        LoadedShift {
            report,
            shift: None,
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return fail(
                String::new(),
                Diagnostic::error(Code::Unreadable, format!("cannot read the file: {e}"), 0..0),
            );
        }
    };
    // The same checks of size and encoding as a scenario file's.
    let text = match text_of(&bytes) {
        Ok(text) => text.to_string(),
        Err((readable, diagnostic)) => return fail(readable, diagnostic),
    };
    check_text(path, text, library, catalogue)
}

/// Checks a shift's text (the file already read).
pub fn check_text(
    path: &Path,
    text: String,
    library: &Library,
    catalogue: &Catalogue,
) -> LoadedShift {
    let file: ShiftFile = match ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
    {
        Ok(file) => file,
        Err(e) => {
            let d = syntax_diagnostic(&text, &e);
            let mut report = FileReport::new(path, text);
            report.diagnostics.push(d);
            return LoadedShift {
                report,
                shift: None,
            };
        }
    };
    let tree = locate::parse(&text);
    let whole = 0..0;
    let field = |name: &str| -> std::ops::Range<usize> {
        tree.as_ref()
            .and_then(|t| t.field(name))
            .map_or(whole.clone(), |n| n.span.clone())
    };
    let mut out = Vec::new();
    let mut check = Checker {
        library,
        language: &file.language,
        out: &mut out,
    };

    if file.id.trim().is_empty()
        || !file
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        check.out.push(
            Diagnostic::error(
                Code::OddId,
                "a shift id is letters, digits, _ and -",
                field("id"),
            )
            .help("for example \"en_monday_morning\""),
        );
    }
    if file.title.trim().is_empty() {
        check.out.push(Diagnostic::error(
            Code::EmptyText,
            "the shift has no title",
            field("title"),
        ));
    }
    if crate::i18n::Lang::parse(&file.language).is_none() {
        check.out.push(
            Diagnostic::error(
                Code::OddLanguage,
                format!("the game has no language \"{}\"", file.language),
                field("language"),
            )
            .help("use \"en\", \"ar\" or \"he\""),
        );
    }
    let tiers = catalogue.scoring.tiers;
    if file.tier == 0 || file.tier > tiers {
        check.out.push(Diagnostic::error(
            Code::UnknownTier,
            format!("tier {} is not 1 to {tiers}", file.tier),
            field("tier"),
        ));
    }
    let starts_at_min = parse_clock(&file.starts_at);
    if starts_at_min.is_none() {
        check.out.push(
            Diagnostic::error(
                Code::OddTime,
                format!("\"{}\" is not a time of day", file.starts_at),
                field("starts_at"),
            )
            .help("write it as \"HH:MM\", 24-hour: \"09:00\", \"14:30\""),
        );
    }
    if !(10..=8 * 60).contains(&file.minutes) {
        check.out.push(
            Diagnostic::error(
                Code::OutOfRange,
                format!("a shift of {} minutes", file.minutes),
                field("minutes"),
            )
            .help("callers arrive over `minutes`: 10 to 480"),
        );
    }
    if file.callers.is_empty() {
        check.out.push(Diagnostic::error(
            Code::OutOfRange,
            "the shift has no callers",
            field("callers"),
        ));
    }
    let callers_node = tree.as_ref().and_then(|t| t.field("callers"));
    let mut callers = Vec::new();
    for (i, caller) in file.callers.iter().enumerate() {
        let at = callers_node
            .and_then(|n| n.item(i))
            .map_or(whole.clone(), |n| n.span.clone());
        match caller {
            CallerFile::Case(id) => {
                check.case(id, at, "a caller");
                callers.push(Caller::Case(id.clone()));
            }
            CallerFile::Pool { tier, lesson } => {
                let pool = Pool {
                    tier: *tier,
                    lesson: lesson.clone(),
                };
                if let Some(rule) = &pool.lesson
                    && !catalogue.contains(rule)
                {
                    let mut d = Diagnostic::error(
                        Code::UnknownRule,
                        format!("no rule \"{rule}\" in the guidance catalogue"),
                        at.clone(),
                    );
                    if let Some(near) = catalogue.suggest(rule) {
                        d = d.help(format!("did you mean \"{near}\"?"));
                    }
                    check.out.push(d);
                } else if !library
                    .scenarios
                    .iter()
                    .any(|s| pool.matches(s, &file.language))
                {
                    check.out.push(
                        Diagnostic::error(
                            Code::EmptyPool,
                            "no case in the library matches this pool",
                            at.clone(),
                        )
                        .label("empty pool")
                        .help(format!(
                            "a pool draws from cases in the shift's language (\"{}\") with its tier and lesson; loosen it or name a case",
                            file.language
                        )),
                    );
                }
                callers.push(Caller::Pool(pool));
            }
        }
    }
    let follow_node = tree.as_ref().and_then(|t| t.field("follow_ups"));
    let mut follow_ups = Vec::new();
    for (i, f) in file.follow_ups.iter().enumerate() {
        let item = follow_node.and_then(|n| n.item(i));
        let part = |name: &str| {
            item.and_then(|n| n.field(name))
                .or(item)
                .map_or(whole.clone(), |n| n.span.clone())
        };
        check.case(&f.case, part("case"), "a follow-up's case");
        if let Some(id) = &f.follow_up {
            check.case(id, part("follow_up"), "a follow-up");
        }
        if let Some(id) = &f.call_back {
            check.case(id, part("call_back"), "a call-back");
        }
        if f.follow_up.is_none() && f.call_back.is_none() {
            check.out.push(
                Diagnostic::warning(
                    Code::OutOfRange,
                    "this follow-up names neither a `follow_up` nor a `call_back`",
                    item.map_or(whole.clone(), |n| n.span.clone()),
                )
                .help("name the case played when the promise is kept, the one played when the customer calls again, or both"),
            );
        }
        if !(1..=240).contains(&f.promise_minutes) {
            check.out.push(Diagnostic::error(
                Code::OutOfRange,
                format!("a promise due in {} minutes", f.promise_minutes),
                part("promise_minutes"),
            ));
        }
        follow_ups.push(FollowUp {
            case: f.case.clone(),
            promise_in: f.promise_minutes * 60_000,
            follow_up: f.follow_up.clone(),
            call_back: f.call_back.clone(),
        });
    }
    let breaks: Vec<Millis> = file
        .breaks
        .iter()
        .map(|b| b.after_minutes * 60_000)
        .collect();
    for (i, b) in file.breaks.iter().enumerate() {
        if b.after_minutes == 0 || b.after_minutes >= file.minutes.max(1) * 2 {
            let at = tree
                .as_ref()
                .and_then(|t| t.field("breaks"))
                .and_then(|n| n.item(i))
                .map_or(whole.clone(), |n| n.span.clone());
            out.push(Diagnostic::error(
                Code::OutOfRange,
                format!(
                    "a break after {} minutes of a {}-minute shift",
                    b.after_minutes, file.minutes
                ),
                at,
            ));
        }
    }
    let mut shift = Shift {
        id: file.id.clone(),
        title: file.title.clone(),
        brief: file.brief.clone(),
        language: file.language.clone(),
        tier: file.tier,
        starts_at_min: starts_at_min.unwrap_or(0),
        length: file.minutes * 60_000,
        callers,
        breaks,
        follow_ups,
        path: Some(path.to_path_buf()),
    };
    check_promises(&shift, library, tree.as_ref(), &mut out);
    check_loops(&shift, tree.as_ref(), &mut out);
    let mut report = FileReport::new(path, text);
    report.diagnostics = out;
    let ok = !report.has_errors();
    shift.path = Some(path.to_path_buf());
    LoadedShift {
        report,
        shift: ok.then_some(shift),
    }
}

struct Checker<'a> {
    library: &'a Library,
    language: &'a str,
    out: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    /// A case id the shift names: it exists, in the shift's language.
    fn case(&mut self, id: &str, at: std::ops::Range<usize>, what: &str) {
        match self.library.get(id) {
            None => {
                let mut d = Diagnostic::error(
                    Code::UnknownScenario,
                    format!("{what} names the case \"{id}\", which the library does not have"),
                    at,
                )
                .label("no such case");
                if let Some(near) =
                    suggest(id, self.library.scenarios.iter().map(|s| s.id.as_str()))
                {
                    d = d.help(format!("did you mean \"{near}\"?"));
                } else {
                    d = d.help("`hold-the-line library` lists every case id");
                }
                self.out.push(d);
            }
            Some(s) if s.language != self.language => self.out.push(
                Diagnostic::error(
                    Code::OtherLanguage,
                    format!(
                        "the case \"{id}\" is in \"{}\", the shift in \"{}\"",
                        s.language, self.language
                    ),
                    at,
                )
                .help("a shift is taken in one language: name a case in its language"),
            ),
            Some(_) => {}
        }
    }
}

/// Every caller the shift names that can end with a promised call-back has a follow-up.
fn check_promises(
    shift: &Shift,
    library: &Library,
    tree: Option<&Node>,
    out: &mut Vec<Diagnostic>,
) {
    let promises = |s: &Scenario| s.endings.iter().any(|e| e.kind == EndingKind::CallBack);
    let mut named: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let callers_node = tree.and_then(|t| t.field("callers"));
    for (i, caller) in shift.callers.iter().enumerate() {
        if let Caller::Case(id) = caller {
            let at = callers_node
                .and_then(|n| n.item(i))
                .map_or(0..0, |n| n.span.clone());
            named.push((id.clone(), at));
        }
    }
    // A follow-up or call-back case may end in a new promise: the story ends there.
    for (id, at) in named {
        let Some(s) = library.get(&id) else { continue };
        let has = shift
            .follow_up_of(&id)
            .is_some_and(|f| f.follow_up.is_some());
        if promises(s) && !has {
            out.push(
                Diagnostic::error(
                    Code::NoFollowUp,
                    format!("\"{id}\" can end with a promised call-back, and the shift has no follow-up for it"),
                    at,
                )
                .label("its promise could never come due")
                .help(format!(
                    "add `(case: \"{id}\", follow_up: \"...\", call_back: \"...\")` to `follow_ups`"
                )),
            );
        }
    }
}

/// A follow-up or call-back that leads back to a case before it: the customer would call
/// for ever.
fn check_loops(shift: &Shift, tree: Option<&Node>, out: &mut Vec<Diagnostic>) {
    let follow_node = tree.and_then(|t| t.field("follow_ups"));
    for (i, start) in shift.follow_ups.iter().enumerate() {
        let mut seen = HashSet::from([start.case.as_str()]);
        let mut frontier = vec![start];
        let mut looped = None;
        while let Some(f) = frontier.pop() {
            for next in [&f.follow_up, &f.call_back].into_iter().flatten() {
                if !seen.insert(next.as_str()) {
                    if next == &start.case {
                        looped = Some(next.clone());
                    }
                    continue;
                }
                if let Some(more) = shift.follow_up_of(next) {
                    frontier.push(more);
                }
            }
        }
        if let Some(id) = looped {
            let at = follow_node
                .and_then(|n| n.item(i))
                .map_or(0..0, |n| n.span.clone());
            out.push(
                Diagnostic::error(
                    Code::FollowUpLoop,
                    format!("the follow-ups of \"{id}\" lead back to it"),
                    at,
                )
                .help("a follow-up or call-back case must not have the first case as its own follow-up"),
            );
        }
    }
}

/// `HH:MM`, 24-hour, as minutes after midnight.
fn parse_clock(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && text.len() == 5).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_is_two_digit_hours_and_minutes() {
        assert_eq!(parse_clock("09:05"), Some(545));
        assert_eq!(parse_clock("9:05"), None);
        assert_eq!(parse_clock("24:00"), None);
        assert_eq!(parse_clock("12:60"), None);
    }
}
