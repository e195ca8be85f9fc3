//! Saved progress, one profile per trainee name, so a shared onboarding PC works.
//!
//! Each profile is a RON file in `<data>/profiles/`, written atomically (temp file, fsync,
//! rename, fsync the folder) with the previous good copy kept beside it as `.bak`. A damaged
//! file is recovered from that copy and the trainee is told; the damaged file is moved aside,
//! never deleted, and progress is never silently reset. Each finished session is also written
//! as its own JSON file (`session_file.rs`, documented in `docs/session-format.md`) for
//! trainers, reports and learning records.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::{Grade, Score};
use crate::i18n::Lang;
use crate::scenario::Gender;

mod folder;
mod session_file;
mod store;
mod text_size;
mod transcript;

pub(crate) use folder::file_name;
pub use folder::{
    ProfilesEntry, TraineeEntry, list_profiles, list_trainee_folder, profile_stem, recorded_files,
};
pub use session_file::{
    RecordedCase, RecordedChoice, RecordedRule, RecordedScore, RecordedVerdict, SESSION_FORMAT,
    SESSION_SCHEMA, SessionContext, SessionFile, SessionFileError, ShiftPlace,
};
pub use store::Store;
pub use text_size::TextSize;
pub use transcript::{RecordedMoment, TranscriptEvent, beat_starts, exchange_at, pauses};

/// The version of the profile file this build writes. Older files are read and upgraded;
/// newer ones are refused rather than overwritten.
pub const SCHEMA_VERSION: u32 = 1;

/// Where saves live: the `--data-dir` option or `HOLD_THE_LINE_DATA`, else the platform's
/// data folder (`~/.local/share/hold-the-line` on Linux, `%APPDATA%` on Windows).
pub fn data_dir(overridden: Option<&Path>) -> PathBuf {
    if let Some(dir) = overridden {
        return dir.to_path_buf();
    }
    directories::ProjectDirs::from("", "", "hold-the-line")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("hold-the-line-data"))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub schema: u32,
    /// The name the trainee signed in with.
    pub name: String,
    pub created: String,
    /// Per scenario id.
    #[serde(default)]
    pub cases: BTreeMap<String, CaseRecord>,
    /// Tiers this trainee has opened, so a newly opened one is announced once.
    #[serde(default)]
    pub unlocked_tiers: BTreeSet<u8>,
    /// Every finished session, newest last.
    #[serde(default)]
    pub sessions: Vec<SessionSummary>,
    /// The UI language the trainee chose; None until they choose (the system's is used).
    /// Older saves have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// How the reply cards speak for the trainee in Arabic and Hebrew, whose first-person
    /// forms follow the speaker's gender; None until they choose (a man's words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaks_as: Option<Gender>,
    /// Every shift worked, newest last (see `crate::shift::save_shift`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shifts: Vec<crate::shift::ShiftEntry>,
    /// More time to answer (an accommodation): every call this trainee plays widens its
    /// pause window and dead-air limit by it, and records it. Absent: the cases' own.
    #[serde(
        default,
        skip_serializing_if = "crate::vocab::TimeAllowance::is_standard"
    )]
    pub time_allowance: crate::vocab::TimeAllowance,
    /// Show each of the customer's lines whole as soon as they start saying it (and without
    /// the shake of a shouted line) instead of word by word: for trainees who read slowly or
    /// use a screen reader. Display only; the call's timing is the same.
    #[serde(default, skip_serializing_if = "is_false")]
    pub lines_at_once: bool,
    /// How large this trainee's text is drawn (100-200 %). Display only.
    #[serde(default, skip_serializing_if = "TextSize::is_standard")]
    pub text_size: TextSize,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub attempts: u32,
    pub passes: u32,
    pub best_score: Option<u8>,
    pub best_grade: Option<Grade>,
    pub last_played: Option<String>,
    /// Calls the trainee left before they ended: not attempts, and not failures.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub left: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl CaseRecord {
    pub fn passed(&self) -> bool {
        self.passes > 0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub scenario: String,
    pub finished: String,
    pub score: u8,
    pub passed: bool,
    pub seed: u64,
    /// The session's full record, relative to the profile's folder (empty when none).
    pub file: String,
    /// Left by the trainee before it ended: no score, not a failed attempt.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub left: bool,
}

impl Profile {
    pub fn new(name: &str) -> Profile {
        Profile {
            schema: SCHEMA_VERSION,
            name: name.trim().to_string(),
            created: now(),
            cases: BTreeMap::new(),
            unlocked_tiers: BTreeSet::from([1]),
            sessions: Vec::new(),
            language: None,
            speaks_as: None,
            shifts: Vec::new(),
            time_allowance: Default::default(),
            lines_at_once: false,
            text_size: TextSize::STANDARD,
        }
    }

    pub fn case(&self, id: &str) -> Option<&CaseRecord> {
        self.cases.get(id)
    }

    pub fn passed(&self, id: &str) -> bool {
        self.cases.get(id).is_some_and(CaseRecord::passed)
    }

    /// Records a call the trainee left before it ended (not yet saved): kept in the history
    /// as left, never as a failed attempt.
    pub fn record_left(&mut self, scenario: &str, seed: u64) {
        let when = now();
        let case = self.cases.entry(scenario.to_string()).or_default();
        case.left += 1;
        case.last_played = Some(when.clone());
        self.sessions.push(SessionSummary {
            scenario: scenario.to_string(),
            finished: when,
            score: 0,
            passed: false,
            seed,
            file: String::new(),
            left: true,
        });
    }

    /// Records a finished call's result (not yet saved).
    pub fn record(&mut self, scenario: &str, score: &Score, seed: u64, file: String) {
        let call = SessionSummary {
            scenario: scenario.to_string(),
            finished: now(),
            score: score.total,
            passed: score.passed,
            seed,
            file,
            left: false,
        };
        self.record_result(call, score.grade);
    }

    /// Counts a finished call in its case's record (an attempt, a pass, the best score and
    /// grade, when) and adds it to the history.
    fn record_result(&mut self, call: SessionSummary, grade: Grade) {
        let case = self.cases.entry(call.scenario.clone()).or_default();
        case.attempts += 1;
        if call.passed {
            case.passes += 1;
        }
        if case.best_score.is_none_or(|best| call.score > best) {
            case.best_score = Some(call.score);
            case.best_grade = Some(grade);
        }
        case.last_played = Some(call.finished.clone());
        self.sessions.push(call);
    }
}

/// The current time as an RFC 3339 string (UTC, whole seconds).
pub use crate::vocab::stamp::now;

/// A profile file name for a trainee's name: letters and digits kept (lower case), every other
/// character spelled as hex so two different names never share a file, in any script.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == ' ' || c == '-' || c == '_' {
            out.push('-');
        } else {
            out.push_str(&format!("_{:x}", c as u32));
        }
    }
    out
}

/// What loading found, beyond the profile itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The profile file was damaged; the backup was used. The damaged file was kept.
    RecoveredFromBackup {
        damaged_kept_at: PathBuf,
        reason: String,
    },
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Notice::RecoveredFromBackup {
                damaged_kept_at,
                reason,
            } => format!(
                "Your progress file was damaged ({reason}), so it was restored from the last good copy. \
                 Anything from your very last session may be missing. The damaged file is kept at {}.",
                damaged_kept_at.display()
            ),
        }
    }
}

#[derive(Debug)]
pub enum ProfileError {
    /// Neither the file nor its backup could be read. Nothing was changed on disk.
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    /// Written by a newer version of the game: refused rather than overwritten.
    TooNew {
        path: PathBuf,
        schema: u32,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::Unreadable { path, reason } => write!(
                f,
                "the progress file {} and its backup cannot be read ({reason}); they have been left as they are",
                path.display()
            ),
            ProfileError::TooNew { path, schema } => write!(
                f,
                "{} was saved by a newer version of Hold the Line (format {schema}, this version reads up to {SCHEMA_VERSION}); update the game to use it",
                path.display()
            ),
            ProfileError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ProfileError {}

impl From<std::io::Error> for ProfileError {
    fn from(e: std::io::Error) -> Self {
        ProfileError::Io(e)
    }
}

enum ReadError {
    Damaged(String),
    TooNew(u32),
}

/// A profile read for a report, which never changes the data it reads: its own file, else
/// the previous good copy the game keeps beside it (`NAME.ron.bak`), else why neither reads.
#[derive(Debug)]
pub enum ProfileRead {
    File(Profile),
    /// The file cannot be read (`why`); its backup gave the profile.
    Backup {
        profile: Profile,
        why: String,
    },
    Unreadable(String),
}

/// Reads the profile at `path` as [`ProfileRead`] says, without recovering anything.
pub fn read_profile_or_backup(path: &Path) -> ProfileRead {
    let why = match read_profile(path) {
        Ok(profile) => return ProfileRead::File(upgrade(profile)),
        Err(e) => e.to_string(),
    };
    match read_profile(&Store::backup_for(path)) {
        Ok(profile) => ProfileRead::Backup {
            profile: upgrade(profile),
            why,
        },
        Err(_) => ProfileRead::Unreadable(why),
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Damaged(why) => f.write_str(why),
            ReadError::TooNew(schema) => write!(
                f,
                "written by a newer version of Hold the Line (profile format {schema}, this version reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

/// A profile is a few kilobytes; a file far bigger is not one.
const MAX_PROFILE_BYTES: u64 = 16 * 1024 * 1024;

fn read_profile(path: &Path) -> Result<Profile, ReadError> {
    let size = fs::metadata(path)
        .map_err(|e| ReadError::Damaged(e.to_string()))?
        .len();
    if size > MAX_PROFILE_BYTES {
        return Err(ReadError::Damaged(format!(
            "{size} bytes: too big to be a profile"
        )));
    }
    let text = fs::read_to_string(path).map_err(|e| ReadError::Damaged(e.to_string()))?;
    // Read the version first, so a newer format is refused rather than called damaged.
    #[derive(Deserialize)]
    struct Version {
        schema: u32,
    }
    let options = ron::Options::default();
    if let Ok(Version { schema }) = options.from_str::<Version>(&text)
        && schema > SCHEMA_VERSION
    {
        return Err(ReadError::TooNew(schema));
    }
    options
        .from_str::<Profile>(&text)
        .map_err(|e| ReadError::Damaged(format!("{}: {}", e.span, e.code)))
}

/// Brings an older profile up to the current schema.
fn upgrade(mut profile: Profile) -> Profile {
    profile.schema = SCHEMA_VERSION;
    profile.unlocked_tiers.insert(1);
    profile
}

/// A time stamp safe in file names: 20261122T153000.
pub(crate) fn file_stamp() -> String {
    now()
        .replace(['-', ':'], "")
        .trim_end_matches('Z')
        .to_string()
}

/// Temp file in the same folder, fsync, rename over the target, fsync the folder: after a
/// crash the file is either the old version or the new one, never half of each.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = path.with_extension(format!(
        "{}.tmp",
        path.extension().and_then(|e| e.to_str()).unwrap_or("")
    ));
    {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    // Make the rename itself durable. Opening a folder to sync it is not possible on
    // Windows, where the rename is already durable once it returns.
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    let _ = dir;
    Ok(())
}
