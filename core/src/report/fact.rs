//! What a report knows of a recorded call, whichever side it was read from: a data folder
//! (`load.rs`, the session files) or a learning record store (`from_statements.rs`, the
//! xAPI statements). Both sides make the same [`CallFact`]s, enrich them from the library
//! the same way and put them in the same order, so every figure is the same for the same
//! calls by construction.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Messages, args};
use crate::profile::slug;
use crate::scenario::Scenario;
use crate::vocab::stamp::{self, Timestamp};
use crate::vocab::{Note, TimeAllowance, Voice};

/// Where a call, or something that could not be used, was read from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A file or folder of the data folder.
    File(PathBuf),
    /// The learning record store's address that lists it (`<endpoint>statements?...`).
    Lrs(String),
}

impl Origin {
    /// The file, for one read from the data folder.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::File(path) => Some(path),
            Origin::Lrs(_) => None,
        }
    }

    /// As a trainer reads it: a file relative to `data_dir` when it lies inside it, an
    /// address as it is.
    pub fn shown(&self, data_dir: Option<&Path>) -> String {
        match self {
            Origin::File(path) => data_dir
                .and_then(|dir| path.strip_prefix(dir).ok())
                .unwrap_or(path)
                .display()
                .to_string(),
            Origin::Lrs(address) => address.clone(),
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown(None))
    }
}

/// One finished call, as the report needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct CallFact {
    /// The trainee's name as they signed in.
    pub trainee: String,
    /// The scenario id.
    pub case: String,
    /// The case's title: the library's when the case is known, else the recorded one.
    pub title: String,
    /// The case's tier and language, from the library; None for a case it does not have.
    pub tier: Option<u8>,
    pub language: Option<String>,
    /// When it finished, as recorded (RFC 3339), and the same as a time.
    pub finished: String,
    pub finished_at: Timestamp,
    pub seed: u64,
    pub total: u8,
    pub passed: bool,
    pub grade: String,
    /// Every rule the score lists, with its counts and the moments it was broken.
    pub rules: Vec<RuleFact>,
    /// The replies chosen, in order.
    pub replies: Vec<ReplyFact>,
    /// How often the trainee paused the call, and for how long in all (wall-clock ms).
    pub pauses: u32,
    pub paused_ms: u64,
    /// The trainee's "more time" accommodation on this call.
    pub time_allowance: TimeAllowance,
    /// Where it was read from.
    pub origin: Origin,
}

impl CallFact {
    /// The UTC date it finished, `YYYY-MM-DD`.
    pub fn day(&self) -> String {
        self.date().to_string()
    }

    /// The UTC date it finished.
    pub fn date(&self) -> jiff::civil::Date {
        stamp::utc_day(self.finished_at)
    }

    /// Days since 1970-01-01 (UTC) of when it finished.
    pub fn day_number(&self) -> i64 {
        stamp::day_number(self.finished_at)
    }

    pub fn known_case(&self) -> bool {
        self.tier.is_some()
    }

    /// Times any rule was broken in this call.
    pub fn breaks(&self) -> usize {
        self.rules.iter().map(|r| r.broken).sum()
    }

    pub fn rule(&self, id: &str) -> Option<&RuleFact> {
        self.rules.iter().find(|r| r.rule == id)
    }
}

/// A case as the library has it today, for a call recorded with `recorded_title`: the
/// title, tier and language a [`CallFact`] carries. A case the library no longer has keeps
/// its recorded title and no tier.
pub(super) fn case_from_library(
    scenarios: &[Scenario],
    case: &str,
    recorded_title: String,
) -> (String, Option<u8>, Option<String>) {
    match scenarios.iter().find(|s| s.id == case) {
        Some(known) => (
            known.title.clone(),
            Some(known.tier),
            Some(known.language.clone()),
        ),
        None => (recorded_title, None, None),
    }
}

/// The one order of calls: as they finished; at the same second by trainee, case and
/// where they were read from.
pub(super) fn sort_calls(calls: &mut [CallFact]) {
    calls.sort_by(|a, b| {
        a.finished_at
            .cmp(&b.finished_at)
            .then_with(|| slug(&a.trainee).cmp(&slug(&b.trainee)))
            .then_with(|| a.case.cmp(&b.case))
            .then_with(|| a.origin.cmp(&b.origin))
    });
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleFact {
    pub rule: String,
    pub followed: usize,
    pub broken: usize,
    /// The moments this rule was broken.
    pub broken_at: Vec<BrokenMoment>,
}

/// One time a rule was broken: where in the call, and what the trainee did.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenMoment {
    pub beat: String,
    /// Which exchange of the call (1 for the first beat played), counted from the
    /// transcript's beat starts; 0 when the transcript has none.
    pub exchange: usize,
    /// What the trainee did, typed, when the record says it in a form this version knows.
    pub what: Option<Note>,
    /// The same in English, as recorded.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReplyFact {
    pub beat: String,
    /// 0-based index into the beat's replies.
    pub reply: usize,
    pub text: String,
    pub voice: Option<Voice>,
    pub timing: String,
}

/// A trainee known from a profile file (or only from their calls).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TraineeFact {
    pub name: String,
    /// Tiers the profile records as opened; None when no profile could be read.
    pub unlocked_tiers: Option<BTreeSet<u8>>,
    /// When each call the trainee left before it ended was left (RFC 3339), from the
    /// profile: left calls have no session file and are not sent to an LRS.
    pub left: Vec<String>,
}

/// The trainees in name order, as a trainer looks them up: letter case aside, then exactly.
/// Trainees are one per name, as profiles are: the same slug is the same trainee.
pub(super) fn in_name_order(trainees: BTreeMap<String, TraineeFact>) -> Vec<TraineeFact> {
    let mut list: Vec<TraineeFact> = trainees.into_values().collect();
    list.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.name.cmp(&b.name))
    });
    list
}

/// Something that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub origin: Origin,
    pub reason: SkipReason,
    /// What the reader said (a parse error, an I/O error), in English; may be empty.
    pub detail: String,
}

impl Skipped {
    pub(crate) fn new(origin: Origin, reason: SkipReason, detail: impl Into<String>) -> Skipped {
        Skipped {
            origin,
            reason,
            detail: detail.into(),
        }
    }

    /// A file of the data folder that was not used.
    pub(crate) fn file(path: &Path, reason: SkipReason, detail: impl Into<String>) -> Skipped {
        Skipped::new(Origin::File(path.to_path_buf()), reason, detail)
    }

    /// Why, in `lang`.
    pub fn why(&self, messages: &Messages, lang: Lang) -> String {
        let a = args(&[("detail", self.detail.clone().into())]);
        messages.text(lang, self.reason.message_id(), Some(&a))
    }

    /// Why, in English (for the terminal).
    pub fn why_english(&self) -> String {
        self.why(Messages::plain(), Lang::En)
    }
}

/// Why something in the data folder or the LRS was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// A profile that cannot be read (its trainee's sessions still count).
    Profile,
    /// The same, and its backup gave the trainee's tier.
    ProfileFromBackup,
    /// `NAME.ron.damaged-STAMP`: set aside by the game after a recovery.
    SetAside,
    /// A `.tmp` file left by an interrupted write.
    Unfinished,
    /// Something the game never writes.
    Foreign,
    /// A file in a trainee's folder that is not `.json`.
    NotSession,
    /// A folder inside a trainee's folder.
    Folder,
    /// The file or folder cannot be read at all (permissions, size).
    Unreadable,
    /// A `.json` file that is not a session this version can read.
    Session,
    /// Statements in the LRS that are not the game's (`report --lrs`).
    Statements,
    /// A call in the LRS whose statements cannot be used (`report --lrs`).
    Call,
}

impl SkipReason {
    /// The message id in `assets/locales/*/report.ftl`.
    pub fn message_id(self) -> &'static str {
        match self {
            SkipReason::Profile => "report-skip-profile",
            SkipReason::ProfileFromBackup => "report-skip-profile-backup",
            SkipReason::SetAside => "report-skip-set-aside",
            SkipReason::Unfinished => "report-skip-unfinished",
            SkipReason::Foreign => "report-skip-foreign",
            SkipReason::NotSession => "report-skip-not-session",
            SkipReason::Folder => "report-skip-folder",
            SkipReason::Unreadable => "report-skip-unreadable",
            SkipReason::Session => "report-skip-session",
            SkipReason::Statements => "report-skip-statements",
            SkipReason::Call => "report-skip-call",
        }
    }
}

/// Everything read from a data folder or an LRS.
#[derive(Debug, Clone, Default)]
pub struct DataFolder {
    /// Every call, in [`sort_calls`] order.
    pub calls: Vec<CallFact>,
    /// Every trainee, by name (case as written), sorted case-insensitively.
    pub trainees: Vec<TraineeFact>,
    pub skipped: Vec<Skipped>,
    /// Every shift worked (`*-shift-*.json`), in the order they finished.
    pub shifts: Vec<crate::shift::ShiftRecord>,
}
