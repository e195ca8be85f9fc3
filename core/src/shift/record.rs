//! A shift as saved: one JSON document per shift worked, beside the trainee's session files
//! (`<data>/profiles/<slug>/<stamp>-shift-<id>.json`), and a line in the profile. Each call
//! of the shift is also saved as any call is, its session file saying where it sat in the
//! shift (`ShiftPlace`). The format is documented in `docs/session-format.md`.

use std::path::PathBuf;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::run::{Abandoned, BreakTaken, CallKind, Promise, ShiftCall, ShiftRun};
use super::summary::{ShiftSummary, summarise};
use crate::profile::{Profile, ProfileError, ShiftPlace, Store, slug, write_atomically};
use crate::vocab::{Millis, stamp};

/// The `format` field of every shift record.
pub const SHIFT_FORMAT: &str = "hold-the-line-shift";
/// The version of the shift record this build writes.
pub const SHIFT_SCHEMA: u32 = 1;

/// What the game keeps about a shift while it is worked: its id, when it started and the
/// session file of each call.
#[derive(Debug, Clone)]
pub struct ShiftLog {
    pub id: Uuid,
    pub started: SystemTime,
    /// Each call's session file (relative to the data folder's `profiles/`), in order;
    /// None for a guest's call or one that could not be saved.
    pub sessions: Vec<Option<String>>,
}

impl ShiftLog {
    pub fn start() -> ShiftLog {
        ShiftLog {
            id: Uuid::new_v4(),
            started: SystemTime::now(),
            sessions: Vec::new(),
        }
    }

    /// Where the call the run just ended sits in the shift, for its session file.
    pub fn place_of_last(&self, run: &ShiftRun) -> Option<ShiftPlace> {
        let position = run.calls().len().checked_sub(1)?;
        let call = &run.calls()[position];
        Some(ShiftPlace {
            run: self.id,
            shift: run.shift().id.clone(),
            position,
            kind: kind_word(call.kind).into(),
            callback_of: call.callback_of,
        })
    }
}

fn kind_word(kind: CallKind) -> &'static str {
    match kind {
        CallKind::First => "first",
        CallKind::FollowUp => "follow_up",
        CallKind::CallBack => "call_back",
    }
}

/// One call of a saved shift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedShiftCall {
    #[serde(flatten)]
    pub call: ShiftCall,
    /// Its session file, when it was saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

/// A shift as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftRecord {
    /// `hold-the-line-shift`.
    pub format: String,
    pub schema: u32,
    pub id: Uuid,
    pub profile: String,
    /// The shift's id and title as it was worked.
    pub shift: String,
    pub title: String,
    pub language: String,
    /// RFC 3339, UTC.
    pub started: String,
    pub finished: String,
    /// The clock the trainee saw at the start, `HH:MM`.
    pub starts_at: String,
    pub summary: ShiftSummary,
    pub calls: Vec<RecordedShiftCall>,
    pub promises: Vec<Promise>,
    pub abandoned: Vec<Abandoned>,
    pub breaks: Vec<BreakTaken>,
    /// The agent's strain over the shift: (shift time in ms, strain 0-100).
    pub strain: Vec<(Millis, u32)>,
}

impl ShiftRecord {
    pub fn of(run: &ShiftRun, log: &ShiftLog, profile: &str) -> ShiftRecord {
        let shift = run.shift();
        ShiftRecord {
            format: SHIFT_FORMAT.into(),
            schema: SHIFT_SCHEMA,
            id: log.id,
            profile: profile.into(),
            shift: shift.id.clone(),
            title: shift.title.clone(),
            language: shift.language.clone(),
            started: stamp::to_seconds(stamp::from_system(log.started)),
            finished: stamp::now(),
            starts_at: shift.clock(0),
            summary: summarise(run),
            calls: run
                .calls()
                .iter()
                .enumerate()
                .map(|(i, c)| RecordedShiftCall {
                    call: c.clone(),
                    session: log.sessions.get(i).cloned().flatten(),
                })
                .collect(),
            promises: run.promises().to_vec(),
            abandoned: run.abandoned().to_vec(),
            breaks: run.breaks().to_vec(),
            strain: run.strain_over_time().to_vec(),
        }
    }

    /// Reads a saved shift; the error says which file and what is wrong with it.
    pub fn read(path: &std::path::Path) -> Result<ShiftRecord, String> {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("a shift record is plain data")
    }
}

/// A shift worked, as the profile lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftEntry {
    pub shift: String,
    pub finished: String,
    pub passed: bool,
    pub calls: usize,
    /// The record's file, relative to `profiles/`.
    pub file: String,
}

/// Saves a finished shift: its record beside the trainee's session files, and a line in
/// the profile (saved too). Returns the record's path.
pub fn save_shift(
    store: &Store,
    profile: &mut Profile,
    record: &ShiftRecord,
) -> Result<PathBuf, ProfileError> {
    let file = format!(
        "{}/{}-shift-{}.json",
        slug(&profile.name),
        crate::profile::file_stamp(),
        record.shift
    );
    let path = store.dir().join(&file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    write_atomically(&path, &record.to_json())?;
    profile.shifts.push(ShiftEntry {
        shift: record.shift.clone(),
        finished: record.finished.clone(),
        passed: record.summary.passed,
        calls: record.calls.len(),
        file,
    });
    store.save(profile)?;
    Ok(path)
}
