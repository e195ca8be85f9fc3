//! Reads a data folder for the report: the profiles and every session file, into neutral
//! [`CallFact`]s, and a [`Skipped`] entry (with why) for every file that cannot be used.
//!
//! All file reading for reports happens here and nowhere else. The session file format is
//! being extended, so session files are read through this module's own structs that take
//! only the fields a report needs and ignore the rest: a file with new fields still loads.
//! Nothing here writes, renames or repairs: a report never changes the data it reads.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use crate::i18n::{Lang, Messages, args};
use crate::profile::{Profile, slug};
use crate::scenario::Scenario;
use crate::vocab::{Millis, Note, Voice};

/// Session and profile files are a few hundred kilobytes at most; anything bigger is not one.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// One finished call, as the report needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct CallFact {
    /// The trainee's name as they signed in.
    pub trainee: String,
    /// The scenario id.
    pub case: String,
    /// The case's title: the library's when the case is known, else the file's.
    pub title: String,
    /// The case's tier and language, from the library; None for a case it does not have.
    pub tier: Option<u8>,
    pub language: Option<String>,
    /// When it finished, as the file says (RFC 3339), and the same as a time.
    pub finished: String,
    pub finished_at: SystemTime,
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
    pub time_allowance: crate::vocab::TimeAllowance,
    /// The session file it came from.
    pub file: PathBuf,
}

impl CallFact {
    /// The UTC date it finished, `YYYY-MM-DD`.
    pub fn day(&self) -> String {
        day_of(self.finished_at)
    }

    /// Days since 1970-01-01 (UTC) of when it finished.
    pub fn day_number(&self) -> i64 {
        day_number(self.finished_at)
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
    /// What the trainee did, typed, when the file says it in a form this version knows.
    pub what: Option<Note>,
    /// The same in English, as the file has it.
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

/// A trainee known from a profile file (or only from their session files).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TraineeFact {
    pub name: String,
    /// Tiers the profile records as opened; None when no profile could be read.
    pub unlocked_tiers: Option<BTreeSet<u8>>,
    /// When each call the trainee left before it ended was left (RFC 3339), from the
    /// profile: left calls have no session file and are not sent to an LRS.
    pub left: Vec<String>,
}

/// A file that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
    /// What the reader said (a parse error, an I/O error), in English; may be empty.
    pub detail: String,
}

impl Skipped {
    pub(crate) fn new(path: &Path, reason: SkipReason, detail: impl Into<String>) -> Skipped {
        Skipped {
            path: path.to_path_buf(),
            reason,
            detail: detail.into(),
        }
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

/// Why a file in the data folder was not used.
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

/// Everything read from a data folder.
#[derive(Debug, Clone, Default)]
pub struct DataFolder {
    /// Every call, in the order they finished (then by file).
    pub calls: Vec<CallFact>,
    /// Every trainee, by name (case as written), sorted case-insensitively.
    pub trainees: Vec<TraineeFact>,
    pub skipped: Vec<Skipped>,
    /// Every shift worked (`*-shift-*.json`), in the order they finished.
    pub shifts: Vec<crate::shift::ShiftRecord>,
}

/// Reads `<data>/profiles/`: profiles and session files. A folder that does not exist is
/// an empty data folder, not an error. `scenarios` gives known cases their tier and title.
pub fn read_data_folder(data_dir: &Path, scenarios: &[Scenario]) -> DataFolder {
    let dir = data_dir.join("profiles");
    let mut out = DataFolder::default();
    let mut trainees: BTreeMap<String, TraineeFact> = BTreeMap::new();
    let Ok(entries) = fs::read_dir(&dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in &paths {
        let name = file_name(path);
        if path.is_dir() {
            for file in sorted_files(path, &mut out.skipped) {
                read_session_or_skip(&file, scenarios, &mut out);
            }
        } else if name.ends_with(".ron") {
            match read_profile_file(path) {
                Ok(p) => add_profile(&mut trainees, p),
                Err(why) => {
                    // The game keeps the previous good copy beside it: use it for the tier.
                    let backup = read_profile_file(&path.with_extension("ron.bak")).ok();
                    let reason = match backup {
                        Some(_) => SkipReason::ProfileFromBackup,
                        None => SkipReason::Profile,
                    };
                    out.skipped.push(Skipped::new(path, reason, why));
                    if let Some(p) = backup {
                        add_profile(&mut trainees, p);
                    }
                }
            }
        } else if name.ends_with(".ron.bak") {
            // The previous good copy of a profile: read only when the profile itself is not.
        } else if name.contains(".ron.damaged-") {
            out.skipped
                .push(Skipped::new(path, SkipReason::SetAside, ""));
        } else if name.ends_with(".tmp") {
            out.skipped
                .push(Skipped::new(path, SkipReason::Unfinished, ""));
        } else {
            out.skipped
                .push(Skipped::new(path, SkipReason::Foreign, ""));
        }
    }
    for call in &out.calls {
        add_trainee(&mut trainees, call.trainee.clone(), None);
    }
    out.calls
        .sort_by(|a, b| a.finished_at.cmp(&b.finished_at).then(a.file.cmp(&b.file)));
    out.trainees = in_name_order(trainees);
    out.shifts
        .sort_by(|a, b| a.finished.cmp(&b.finished).then(a.id.cmp(&b.id)));
    out
}

/// The session files a profile lists, for one trainee's own screen: their calls, and the
/// files that could not be used. Files the profile lists that are missing are skipped.
pub fn read_trainee_calls(
    profiles_dir: &Path,
    profile: &Profile,
    scenarios: &[Scenario],
) -> (Vec<CallFact>, Vec<Skipped>) {
    let mut out = DataFolder::default();
    for session in profile.sessions.iter().filter(|s| !s.file.is_empty()) {
        read_session_or_skip(&profiles_dir.join(&session.file), scenarios, &mut out);
    }
    out.calls
        .sort_by(|a, b| a.finished_at.cmp(&b.finished_at).then(a.file.cmp(&b.file)));
    (out.calls, out.skipped)
}

/// Trainees are one per name, as profiles are: the same slug is the same trainee.
/// The trainees in name order, as a trainer looks them up: letter case aside, then exactly.
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

/// A trainee as their profile knows them: their tiers and the calls they left.
fn add_profile(trainees: &mut BTreeMap<String, TraineeFact>, profile: ProfileFile) {
    let left = profile.left();
    let key = slug(&profile.name);
    add_trainee(trainees, profile.name, Some(profile.unlocked_tiers));
    if let Some(t) = trainees.get_mut(&key) {
        t.left = left;
    }
}

fn add_trainee(
    trainees: &mut BTreeMap<String, TraineeFact>,
    name: String,
    tiers: Option<BTreeSet<u8>>,
) {
    let entry = trainees.entry(slug(&name)).or_insert_with(|| TraineeFact {
        name: name.trim().to_string(),
        unlocked_tiers: None,
        left: Vec::new(),
    });
    if let Some(tiers) = tiers {
        entry.unlocked_tiers = Some(tiers);
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The files of a trainee's folder, sorted; folders inside it are skipped with why.
fn sorted_files(dir: &Path, skipped: &mut Vec<Skipped>) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        skipped.push(Skipped::new(
            dir,
            SkipReason::Unreadable,
            "the folder cannot be listed",
        ));
        return Vec::new();
    };
    let mut files = Vec::new();
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            skipped.push(Skipped::new(&path, SkipReason::Folder, ""));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn read_session_or_skip(path: &Path, scenarios: &[Scenario], out: &mut DataFolder) {
    let name = file_name(path);
    if !name.ends_with(".json") {
        let reason = if name.ends_with(".tmp") {
            SkipReason::Unfinished
        } else {
            SkipReason::NotSession
        };
        out.skipped.push(Skipped::new(path, reason, ""));
        return;
    }
    // A shift's record sits beside the trainee's session files. Its name has `-shift-` in
    // it, as may a session of a case whose id does, so the content decides.
    if name.contains("-shift-")
        && let Ok(record) = crate::shift::ShiftRecord::read(path)
        && record.format == crate::shift::SHIFT_FORMAT
    {
        out.shifts.push(record);
        return;
    }
    match read_session(path, scenarios) {
        Ok(fact) => out.calls.push(fact),
        Err((reason, detail)) => out.skipped.push(Skipped::new(path, reason, detail)),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let size = fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_FILE_BYTES {
        return Err(format!("{size} bytes: too big to be a session or profile"));
    }
    fs::read(path).map_err(|e| e.to_string())
}

/// The fields of a profile a report needs.
#[derive(Deserialize)]
struct ProfileFile {
    name: String,
    #[serde(default)]
    unlocked_tiers: BTreeSet<u8>,
    #[serde(default)]
    sessions: Vec<ProfileSession>,
}

/// A line of a profile's call history: only whether it was left, and when.
#[derive(Deserialize)]
struct ProfileSession {
    #[serde(default)]
    finished: String,
    #[serde(default)]
    left: bool,
}

impl ProfileFile {
    fn left(&self) -> Vec<String> {
        self.sessions
            .iter()
            .filter(|s| s.left)
            .map(|s| s.finished.clone())
            .collect()
    }
}

fn read_profile_file(path: &Path) -> Result<ProfileFile, String> {
    let bytes = read_bytes(path)?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    let mut profile: ProfileFile = ron::Options::default()
        .from_str(&text)
        .map_err(|e| format!("{}: {}", e.span, e.code))?;
    if profile.name.trim().is_empty() {
        return Err("the profile has no name".into());
    }
    profile.unlocked_tiers.insert(1);
    Ok(profile)
}

// What a report takes of a session file. Unknown fields are ignored (serde's default), so
// files from newer versions with more fields still load.

#[derive(Deserialize)]
struct SessionFile {
    profile: String,
    scenario: String,
    #[serde(default)]
    title: String,
    finished: String,
    #[serde(default)]
    seed: u64,
    #[serde(default)]
    time_allowance: crate::vocab::TimeAllowance,
    score: ScoreFile,
    #[serde(default)]
    transcript: Vec<EventFile>,
}

#[derive(Deserialize)]
struct ScoreFile {
    total: u8,
    passed: bool,
    #[serde(default)]
    grade: String,
    #[serde(default)]
    rules: Vec<RuleFile>,
}

#[derive(Deserialize)]
struct RuleFile {
    rule: String,
    followed: usize,
    broken: usize,
    #[serde(default)]
    moments: Vec<MomentFile>,
}

#[derive(Deserialize)]
struct MomentFile {
    #[serde(default)]
    at: Millis,
    verdict: String,
    #[serde(default)]
    beat: String,
    #[serde(default)]
    note: String,
    /// Kept loose: a note kind this version does not know still leaves the English note.
    #[serde(default)]
    what: serde_json::Value,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum EventFile {
    BeatStarted {
        at: Millis,
    },
    Reply {
        beat: String,
        reply: usize,
        #[serde(default)]
        text: String,
        #[serde(default)]
        voice: Option<Voice>,
        #[serde(default)]
        timing: String,
    },
    Resumed {
        #[serde(default)]
        paused_for: u64,
    },
    /// Every other event (lines, meters, pauses, the ending, and kinds added later).
    #[serde(other)]
    Other,
}

fn read_session(path: &Path, scenarios: &[Scenario]) -> Result<CallFact, (SkipReason, String)> {
    let bytes = read_bytes(path).map_err(|e| (SkipReason::Unreadable, e))?;
    let file: SessionFile =
        serde_json::from_slice(&bytes).map_err(|e| (SkipReason::Session, e.to_string()))?;
    check_session(&file).map_err(|e| (SkipReason::Session, e))?;
    let finished_at = finished_at(&file.finished).map_err(|e| (SkipReason::Session, e))?;
    let beat_starts: Vec<Millis> = file
        .transcript
        .iter()
        .filter_map(|e| match e {
            EventFile::BeatStarted { at } => Some(*at),
            _ => None,
        })
        .collect();
    let rules = file
        .score
        .rules
        .into_iter()
        .map(|r| RuleFact {
            broken_at: r
                .moments
                .into_iter()
                .filter(|m| m.verdict == "Broken")
                .map(|m| BrokenMoment {
                    exchange: beat_starts.iter().filter(|t| **t <= m.at).count(),
                    beat: m.beat,
                    what: serde_json::from_value(m.what).ok(),
                    note: m.note,
                })
                .collect(),
            rule: r.rule,
            followed: r.followed,
            broken: r.broken,
        })
        .collect();
    let (pauses, paused_ms) = file
        .transcript
        .iter()
        .filter_map(|e| match e {
            EventFile::Resumed { paused_for } => Some(*paused_for),
            _ => None,
        })
        .fold((0, 0), |(n, ms), p| (n + 1, ms + p));
    let replies = file
        .transcript
        .into_iter()
        .filter_map(|e| match e {
            EventFile::Reply {
                beat,
                reply,
                text,
                voice,
                timing,
            } => Some(ReplyFact {
                beat,
                reply,
                text,
                voice,
                timing,
            }),
            _ => None,
        })
        .collect();
    let known = scenarios.iter().find(|s| s.id == file.scenario);
    Ok(CallFact {
        trainee: file.profile.trim().to_string(),
        title: known.map_or(file.title, |s| s.title.clone()),
        tier: known.map(|s| s.tier),
        language: known.map(|s| s.language.clone()),
        case: file.scenario,
        finished: file.finished,
        finished_at,
        seed: file.seed,
        total: file.score.total,
        passed: file.score.passed,
        grade: file.score.grade,
        rules,
        replies,
        pauses,
        paused_ms,
        time_allowance: file.time_allowance,
        file: path.to_path_buf(),
    })
}

/// What makes a session that parsed still unusable: a figure from it would be wrong.
fn check_session(file: &SessionFile) -> Result<(), String> {
    if file.profile.trim().is_empty() {
        return Err("it names no trainee".into());
    }
    if file.scenario.trim().is_empty() {
        return Err("it names no case".into());
    }
    if file.score.total > 100 {
        return Err(format!("its score {} is over 100", file.score.total));
    }
    finished_at(&file.finished).map(|_| ())
}

pub(crate) fn finished_at(text: &str) -> Result<SystemTime, String> {
    humantime::parse_rfc3339(text)
        .or_else(|_| humantime::parse_rfc3339_weak(text))
        .map_err(|e| format!("its finishing time \"{text}\" is not a time: {e}"))
}

/// Days since 1970-01-01, UTC.
pub fn day_number(at: SystemTime) -> i64 {
    match at.duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() / 86_400) as i64,
        Err(e) => -((e.duration().as_secs() / 86_400) as i64) - 1,
    }
}

/// The UTC date of a time, `YYYY-MM-DD`.
pub fn day_of(at: SystemTime) -> String {
    let midnight =
        UNIX_EPOCH + std::time::Duration::from_secs(day_number(at).max(0) as u64 * 86_400);
    humantime::format_rfc3339_seconds(midnight).to_string()[..10].to_string()
}

/// Parses `YYYY-MM-DD` as the start of that day (UTC).
pub fn parse_day(text: &str) -> Result<SystemTime, String> {
    let text = text.trim();
    let well_formed = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!(
            "\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01"
        ));
    }
    humantime::parse_rfc3339(&format!("{text}T00:00:00Z"))
        .map_err(|_| format!("\"{text}\" is not a date in the calendar (YYYY-MM-DD)"))
}
