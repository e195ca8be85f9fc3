//! Reads a data folder for the report: the profiles and every session file, into neutral
//! [`CallFact`]s, and a [`Skipped`] entry (with why) for every file that cannot be used.
//!
//! The data folder's side of a report: which files are which. The files themselves are read
//! by their formats' own readers: session files by [`SessionFile`] (every version this
//! build knows; fields it does not know are ignored, so newer files still load), profiles by
//! `profile::read_profile_or_backup` (the file, else the backup the game keeps).
//! Nothing here writes, renames or repairs: a report never changes the data it reads.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use super::fact::{
    BrokenMoment, CallFact, DataFolder, Origin, ReplyFact, RuleFact, SkipReason, Skipped,
    TraineeFact, case_from_library, in_name_order, sort_calls,
};
use crate::profile::{
    Profile, ProfileRead, ProfilesEntry, RecordedMoment, SessionFile, TraineeEntry,
    TranscriptEvent, beat_starts, exchange_at, list_profiles, list_trainee_folder, pauses,
    read_profile_or_backup, slug,
};
use crate::scenario::Scenario;
use crate::vocab::Verdict;
use crate::vocab::stamp::{self, Timestamp};

/// Session and profile files are a few hundred kilobytes at most; anything bigger is not one.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads `<data>/profiles/`: profiles and session files. A folder that does not exist is
/// an empty data folder, not an error. `scenarios` gives known cases their tier and title.
pub fn read_data_folder(data_dir: &Path, scenarios: &[Scenario]) -> DataFolder {
    let mut out = DataFolder::default();
    let mut trainees: BTreeMap<String, TraineeFact> = BTreeMap::new();
    let Some(entries) = list_profiles(&data_dir.join("profiles")) else {
        return out;
    };
    for (path, kind) in &entries {
        let path = path.as_path();
        match kind {
            ProfilesEntry::TraineeFolder => read_trainee_folder(path, scenarios, &mut out),
            ProfilesEntry::Profile => {
                // The profile module reads profiles: the file, else the backup the game keeps.
                let read = match read_profile_or_backup(path) {
                    ProfileRead::File(p) if p.name.trim().is_empty() => {
                        ProfileRead::Unreadable("the profile has no name".into())
                    }
                    read => read,
                };
                match read {
                    ProfileRead::File(p) => add_profile(&mut trainees, p),
                    ProfileRead::Backup { profile, why } => {
                        out.skipped
                            .push(Skipped::file(path, SkipReason::ProfileFromBackup, why));
                        add_profile(&mut trainees, profile);
                    }
                    ProfileRead::Unreadable(why) => {
                        out.skipped
                            .push(Skipped::file(path, SkipReason::Profile, why));
                    }
                }
            }
            // The previous good copy of a profile: read only when the profile itself is not.
            ProfilesEntry::Backup => {}
            ProfilesEntry::SetAside => {
                out.skipped
                    .push(Skipped::file(path, SkipReason::SetAside, ""));
            }
            ProfilesEntry::Unfinished => {
                out.skipped
                    .push(Skipped::file(path, SkipReason::Unfinished, ""));
            }
            ProfilesEntry::Other => {
                out.skipped
                    .push(Skipped::file(path, SkipReason::Foreign, ""));
            }
        }
    }
    for call in &out.calls {
        add_trainee(&mut trainees, call.trainee.clone(), None);
    }
    sort_calls(&mut out.calls);
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
    sort_calls(&mut out.calls);
    (out.calls, out.skipped)
}

/// A trainee as their profile knows them: their tiers and the calls they left.
fn add_profile(trainees: &mut BTreeMap<String, TraineeFact>, profile: Profile) {
    let left = profile
        .sessions
        .iter()
        .filter(|s| s.left)
        .map(|s| s.finished.clone())
        .collect();
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

/// A trainee's folder: its session files and shift records read, the rest skipped with why.
fn read_trainee_folder(folder: &Path, scenarios: &[Scenario], out: &mut DataFolder) {
    let Some(entries) = list_trainee_folder(folder) else {
        out.skipped.push(Skipped::file(
            folder,
            SkipReason::Unreadable,
            "the folder cannot be listed",
        ));
        return;
    };
    // Folders first (the game makes none here), then the files in name order.
    let (folders, files): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|(_, kind)| *kind == TraineeEntry::Folder);
    for (path, _) in folders {
        out.skipped
            .push(Skipped::file(&path, SkipReason::Folder, ""));
    }
    for (path, _) in files {
        read_session_or_skip(&path, scenarios, out);
    }
}

fn read_session_or_skip(path: &Path, scenarios: &[Scenario], out: &mut DataFolder) {
    let name = crate::profile::file_name(path);
    // A file the profile lists is read whatever it is called; only a session file is one.
    if !name.ends_with(".json") {
        let reason = if name.ends_with(".tmp") {
            SkipReason::Unfinished
        } else {
            SkipReason::NotSession
        };
        out.skipped.push(Skipped::file(path, reason, ""));
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
        Err((reason, detail)) => out.skipped.push(Skipped::file(path, reason, detail)),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let size = fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_FILE_BYTES {
        return Err(format!("{size} bytes: too big to be a session or profile"));
    }
    fs::read(path).map_err(|e| e.to_string())
}

/// A session file, read by the format's own reader ([`SessionFile`]), as a call fact.
fn read_session(path: &Path, scenarios: &[Scenario]) -> Result<CallFact, (SkipReason, String)> {
    let bytes = read_bytes(path).map_err(|e| (SkipReason::Unreadable, e))?;
    let file =
        SessionFile::from_json(&bytes, path).map_err(|e| (SkipReason::Session, e.reason()))?;
    call_of_session(file, scenarios, Origin::File(path.to_path_buf()))
        .map_err(|e| (SkipReason::Session, e))
}

/// What a report takes of a session: its events typed where a figure reads them.
fn call_of_session(
    file: SessionFile,
    scenarios: &[Scenario],
    origin: Origin,
) -> Result<CallFact, String> {
    check_session(&file)?;
    let finished_at = finished_at(&file.finished)?;
    // Events of kinds added later read as `Other`; a known kind with a part missing makes
    // the session unusable, as a figure from it would be wrong.
    let events: Vec<TranscriptEvent> = file
        .events()
        .collect::<Result<_, _>>()
        .map_err(|e| format!("an event of its transcript cannot be read: {e}"))?;
    let beat_starts = beat_starts(&events);
    let mut rules = Vec::new();
    for r in &file.score.rules {
        let moments: Vec<RecordedMoment> = r
            .read_moments()
            .collect::<Result<_, _>>()
            .map_err(|e| format!("a moment of rule {} cannot be read: {e}", r.rule))?;
        rules.push(RuleFact {
            broken_at: moments
                .into_iter()
                .filter(|m| m.verdict == Verdict::Broken)
                .map(|m| BrokenMoment {
                    exchange: exchange_at(m.at, &beat_starts),
                    what: m.what(),
                    beat: m.beat,
                    note: m.note,
                })
                .collect(),
            rule: r.rule.clone(),
            followed: r.followed,
            broken: r.broken,
        });
    }
    let (pauses, paused_ms) = pauses(&events);
    // The replies as the session recorded them, typed: the same list the xAPI statements
    // are made from, so the folder and the LRS agree by construction.
    let replies = file
        .choices
        .iter()
        .map(|c| ReplyFact {
            beat: c.beat.clone(),
            reply: c.reply,
            text: c.text.clone(),
            voice: Some(c.voice),
            timing: c.timing.keyword().to_string(),
        })
        .collect();
    let (title, tier, language) = case_from_library(scenarios, &file.scenario, file.title);
    Ok(CallFact {
        trainee: file.profile.trim().to_string(),
        title,
        tier,
        language,
        case: file.scenario,
        finished: file.finished,
        finished_at,
        seed: file.seed,
        total: file.score.total,
        passed: file.score.passed,
        grade: format!("{:?}", file.score.grade),
        rules,
        replies,
        pauses,
        paused_ms,
        time_allowance: file.time_allowance,
        origin,
    })
}

/// What makes a session that parsed still unusable: a figure from it would be wrong. (A
/// finishing time that is not a time is found where it is read.)
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
    Ok(())
}

/// When a call finished, from its recorded stamp.
pub(crate) fn finished_at(text: &str) -> Result<Timestamp, String> {
    stamp::read(text).map_err(|e| format!("its finishing time \"{text}\" is not a time: {e}"))
}
