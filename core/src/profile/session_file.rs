//! The session file: one JSON document per finished call, kept under
//! `<data>/profiles/<slug>/` for trainers, reports and learning records. Its format is
//! documented in `docs/session-format.md`.
//!
//! Version 2 keeps every field of version 1 where it was (`schema`, `profile`, `scenario`,
//! `title`, `finished`, `seed`, `score`, `transcript`) and adds what a report or an xAPI
//! statement needs to stand on its own after the scenario is edited: an id, when the call
//! started and how long it took, the case (with a hash of the scenario file), the UI
//! language, and every choice with its timing, voice and verdicts. Version 1 files still
//! load: what they lack is None, or derived from their transcript.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::transcript::TranscriptEvent;
use crate::engine::{Call, Event, Grade, ReplyTiming};
use crate::i18n::Lang;
use crate::scenario::{Channel, Scenario};
use crate::vocab::{TimeAllowance, Verdict, Voice, stamp};

/// The `format` field of every session file this game writes (from version 2 on).
pub const SESSION_FORMAT: &str = "hold-the-line-session";
/// The newest session file version this build reads, and the one it writes.
pub const SESSION_SCHEMA: u32 = 2;

/// A finished call as saved: who played what, when, every choice, the score and the
/// whole transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionFile {
    /// `hold-the-line-session`; absent in version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The version of this format: 1 or 2.
    pub schema: u32,
    /// The session's UUID (also the xAPI registration). None in version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    /// The trainee's name as they signed in.
    pub profile: String,
    /// The scenario (case) id.
    pub scenario: String,
    /// The case's title when it was played.
    pub title: String,
    /// When the call started (RFC 3339, UTC). None in version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// When the call was recorded (RFC 3339, UTC, whole seconds).
    pub finished: String,
    /// How long the call ran on its own clock, pauses left out, in milliseconds. Derived
    /// from the transcript's end in version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    pub seed: u64,
    /// The case as it was when played. None in version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<RecordedCase>,
    /// The language the game's screens were in. None in version 1 (and when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_language: Option<Lang>,
    /// Where the call sat in a shift, when it was taken in one; absent otherwise (and in
    /// files written before shifts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift: Option<ShiftPlace>,
    /// The trainee's "more time" accommodation ("x1.5", "x2"), when it was on; absent for
    /// the case's own windows (and in files written before it existed).
    #[serde(default, skip_serializing_if = "TimeAllowance::is_standard")]
    pub time_allowance: TimeAllowance,
    pub score: RecordedScore,
    /// Every reply the trainee chose, in order. Derived from the transcript in version 1.
    #[serde(default)]
    pub choices: Vec<RecordedChoice>,
    /// The engine's event log, as `hold-the-line play --json` prints it.
    pub transcript: Vec<Value>,
}

/// Where a call sat in a shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftPlace {
    /// The shift record's `id` (one per shift worked).
    pub run: Uuid,
    /// The shift's id (`en_saturday_evening`).
    pub shift: String,
    /// The call's place in the shift, from 0.
    pub position: usize,
    /// `first`, `follow_up` (the agent calling back as promised) or `call_back` (the
    /// customer calling again).
    pub kind: String,
    /// The position of the call this one follows, for a follow-up or a call-back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_of: Option<usize>,
}

/// The case a session was played on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedCase {
    pub id: String,
    pub title: String,
    pub tier: u8,
    /// The case's language tag (`en`, `ar`, `he`).
    pub language: String,
    pub channel: Channel,
    /// `sha256:<hex>` of the scenario file's bytes as played; None when the scenario did
    /// not come from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

/// The score as saved: the fields a reader needs, typed; everything else the engine wrote
/// (parts, weights, better replies) kept as it was in `rest`, so a file read and written
/// again is unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedScore {
    pub total: u8,
    pub grade: Grade,
    pub passed: bool,
    #[serde(default)]
    pub pass_mark: Option<u8>,
    /// Why it did not pass, in English.
    #[serde(default)]
    pub not_passed: Option<String>,
    /// The ending's id.
    #[serde(default)]
    pub ending: Option<String>,
    #[serde(default)]
    pub rules: Vec<RecordedRule>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// One rule's result in a saved score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedRule {
    pub rule: String,
    pub followed: usize,
    pub broken: usize,
    /// Each moment the rule was judged (`at`, `verdict`, `beat`, `reply`, `note`, ...).
    #[serde(default)]
    pub moments: Vec<Value>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// A reply the trainee chose, with when and how they said it and what the rules made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedChoice {
    /// Milliseconds into the call (its own clock).
    pub at_ms: u64,
    /// The beat's id.
    pub beat: String,
    /// 0-based index into the beat's replies, in the scenario file's order.
    pub reply: usize,
    /// The reply's words as said.
    pub text: String,
    pub voice: Voice,
    pub timing: ReplyTiming,
    /// The verdicts passed on this reply, in the order they were judged.
    pub verdicts: Vec<RecordedVerdict>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedVerdict {
    pub rule: String,
    pub verdict: Verdict,
}

/// What the game knows about a call that the call itself does not: when it started and the
/// language the screens were in. Both optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionContext {
    /// When the call started (wall clock). Default: the end less the call's own time and
    /// its pauses.
    pub started: Option<SystemTime>,
    /// The UI language. Default: the trainee's saved choice.
    pub ui_language: Option<Lang>,
    /// Where the call sat in a shift.
    pub shift: Option<ShiftPlace>,
}

/// Why a session file could not be read.
#[derive(Debug)]
pub enum SessionFileError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Not JSON, or cut short, or a session file with a field missing or of the wrong kind.
    Damaged { path: PathBuf, reason: String },
    /// JSON, but not a Hold the Line session file.
    Foreign { path: PathBuf, reason: String },
    /// Written by a newer version of the game.
    TooNew { path: PathBuf, schema: u32 },
}

impl std::fmt::Display for SessionFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionFileError::Io { path, error } => {
                write!(f, "cannot read {}: {error}", path.display())
            }
            SessionFileError::Damaged { path, reason } => {
                write!(f, "{} is a damaged session file ({reason})", path.display())
            }
            SessionFileError::Foreign { path, reason } => write!(
                f,
                "{} is not a Hold the Line session file ({reason})",
                path.display()
            ),
            SessionFileError::TooNew { path, schema } => write!(
                f,
                "{} was written by a newer version of Hold the Line (session format {schema}, this version reads up to {SESSION_SCHEMA}); update the game to read it",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SessionFileError {}

impl SessionFileError {
    /// What is wrong, without the path: for a list that already names the file.
    pub fn reason(&self) -> String {
        match self {
            SessionFileError::Io { error, .. } => error.to_string(),
            SessionFileError::Damaged { reason, .. } => format!("damaged: {reason}"),
            SessionFileError::Foreign { reason, .. } => {
                format!("not a Hold the Line session file: {reason}")
            }
            SessionFileError::TooNew { schema, .. } => format!(
                "written by a newer version of Hold the Line (session format {schema}, this version reads up to {SESSION_SCHEMA}); update the game to read it"
            ),
        }
    }
}

impl SessionFile {
    /// The session file for a finished call, finished now.
    pub fn from_call(
        profile: &str,
        ui_language: Option<Lang>,
        call: &Call,
        context: &SessionContext,
    ) -> SessionFile {
        let finished = SystemTime::now();
        let scenario = call.scenario();
        let duration_ms = call_duration(call.events());
        let paused: u64 = call
            .events()
            .iter()
            .map(|e| match e {
                Event::Resumed { paused_for, .. } => u64::from(*paused_for),
                _ => 0,
            })
            .sum();
        let started = context.started.unwrap_or_else(|| {
            finished
                .checked_sub(Duration::from_millis(duration_ms + paused))
                .unwrap_or(finished)
        });
        let score = serde_json::to_value(call.score()).expect("a score is plain data");
        let score: RecordedScore =
            serde_json::from_value(score).expect("a score reads back as a recorded score");
        let transcript: Vec<Value> = call
            .events()
            .iter()
            .map(|e| serde_json::to_value(e).expect("an event is plain data"))
            .collect();
        SessionFile {
            format: Some(SESSION_FORMAT.to_string()),
            schema: SESSION_SCHEMA,
            id: Some(Uuid::new_v4()),
            profile: profile.to_string(),
            scenario: scenario.id.clone(),
            title: scenario.title.clone(),
            started: Some(stamp::to_millis(stamp::from_system(started))),
            finished: stamp::to_seconds(stamp::from_system(finished)),
            duration_ms: Some(duration_ms),
            seed: call.seed(),
            case: Some(RecordedCase::of(scenario)),
            ui_language: context.ui_language.or(ui_language),
            shift: context.shift.clone(),
            time_allowance: call.time_allowance(),
            score,
            choices: choices_from(&transcript),
            transcript,
        }
    }

    /// The file's JSON, as written to disk.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("a session file is plain data")
    }

    /// Reads a session file of any version this build knows (1 or 2).
    pub fn read(path: &Path) -> Result<SessionFile, SessionFileError> {
        let bytes = std::fs::read(path).map_err(|error| SessionFileError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        SessionFile::from_json(&bytes, path)
    }

    /// Reads a session file's bytes; `path` is only for messages.
    pub fn from_json(bytes: &[u8], path: &Path) -> Result<SessionFile, SessionFileError> {
        let damaged = |reason: String| SessionFileError::Damaged {
            path: path.to_path_buf(),
            reason,
        };
        let foreign = |reason: &str| SessionFileError::Foreign {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        };
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            if e.is_eof() {
                damaged(format!(
                    "it ends too early, at line {}: cut short?",
                    e.line()
                ))
            } else {
                damaged(format!("not valid JSON: {e}"))
            }
        })?;
        let Value::Object(object) = &value else {
            return Err(foreign("it is JSON, but not an object"));
        };
        match object.get("format") {
            None => {}
            Some(Value::String(format)) if format == SESSION_FORMAT => {}
            Some(other) => {
                return Err(foreign(&format!(
                    "its format is {other}, not \"{SESSION_FORMAT}\""
                )));
            }
        }
        let schema = match object.get("schema") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(_) => return Err(damaged("`schema` is not a version number".into())),
            None if object.contains_key("format") => {
                return Err(damaged("it has no `schema` version".into()));
            }
            None => return Err(foreign("it has no `format` or `schema` field")),
        };
        let Some(schema) = schema
            .and_then(|s| u32::try_from(s).ok())
            .filter(|&s| s >= 1)
        else {
            return Err(damaged("`schema` is not a version number".into()));
        };
        if schema > SESSION_SCHEMA {
            return Err(SessionFileError::TooNew {
                path: path.to_path_buf(),
                schema,
            });
        }
        if !object.contains_key("format") && !object.contains_key("transcript") {
            return Err(foreign("it has neither `format` nor `transcript`"));
        }
        let mut file: SessionFile =
            serde_json::from_value(value).map_err(|e| damaged(e.to_string()))?;
        if schema < 2 {
            file.upgrade_from_v1();
        }
        Ok(file)
    }

    /// Fills in what a version 1 file can tell from its transcript.
    fn upgrade_from_v1(&mut self) {
        if self.choices.is_empty() {
            self.choices = choices_from(&self.transcript);
        }
        if self.duration_ms.is_none() {
            self.duration_ms = self
                .transcript
                .iter()
                .rev()
                .find(|e| e.get("type").and_then(Value::as_str) == Some("ended"))
                .or_else(|| self.transcript.last())
                .and_then(|e| e.get("at"))
                .and_then(Value::as_u64);
        }
    }

    /// Whether `scenario` is the very file this session was played on: Some(true) when
    /// the hashes match, Some(false) when it has been edited since, None when either side
    /// has no hash (a version 1 file, a scenario not loaded from a file).
    pub fn same_scenario_file(&self, scenario: &Scenario) -> Option<bool> {
        let recorded = self.case.as_ref()?.hash.as_ref()?;
        let now = scenario.source_hash.as_ref()?;
        Some(recorded == now)
    }
}

impl RecordedCase {
    pub fn of(scenario: &Scenario) -> RecordedCase {
        RecordedCase {
            id: scenario.id.clone(),
            title: scenario.title.clone(),
            tier: scenario.tier,
            language: scenario.language.clone(),
            channel: scenario.channel,
            hash: scenario.source_hash.clone(),
        }
    }
}

/// How long the call ran on its own clock: to its end, or its last event.
fn call_duration(events: &[Event]) -> u64 {
    events
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Ended { at, .. } => Some(*at),
            _ => None,
        })
        .or_else(|| events.last().map(Event::at))
        .map_or(0, u64::from)
}

fn choices_from(transcript: &[Value]) -> Vec<RecordedChoice> {
    let mut choices: Vec<RecordedChoice> = Vec::new();
    let mut open = false;
    for event in transcript.iter().map(TranscriptEvent::deserialize) {
        match event {
            // A reply needs its moment, voice and a timing this version knows.
            Ok(TranscriptEvent::Reply {
                at: Some(at),
                beat,
                reply,
                text,
                voice: Some(voice),
                timing,
            }) => {
                let Ok(timing) = ReplyTiming::deserialize(Value::String(timing)) else {
                    continue;
                };
                choices.push(RecordedChoice {
                    at_ms: at,
                    beat,
                    reply,
                    text,
                    voice,
                    timing,
                    verdicts: Vec::new(),
                });
                open = true;
            }
            Ok(TranscriptEvent::Rule { at, rule, verdict }) => {
                if let Some(last) = choices.last_mut().filter(|c| open && c.at_ms == at) {
                    last.verdicts.push(RecordedVerdict { rule, verdict });
                } else {
                    open = false;
                }
            }
            _ => {}
        }
    }
    choices
}
