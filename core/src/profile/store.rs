//! The profiles of one data folder: listing them, signing in (recovering a damaged file
//! from its backup, or starting afresh with the damaged files kept), saving atomically, and
//! recording a finished call's session file.

use std::fs;
use std::path::{Path, PathBuf};

use super::folder::{ProfilesEntry, file_name, list_profiles, profile_stem, recorded_files};
use super::{
    Notice, Profile, ProfileError, ReadError, SessionContext, SessionFile, SessionSummary,
    file_stamp, read_profile, slug, upgrade, write_atomically,
};
use crate::engine::Call;

/// Profiles in one data folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("profiles"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_for(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{}.ron", slug(name)))
    }

    pub(super) fn backup_for(path: &Path) -> PathBuf {
        path.with_extension("ron.bak")
    }

    /// The names of the profiles saved here, the most recently saved first.
    pub fn names(&self) -> Vec<String> {
        let Some(entries) = list_profiles(&self.dir) else {
            return Vec::new();
        };
        // A profile whose file is damaged or missing is still listed through its backup,
        // so the trainee can pick it and have it recovered on sign-in.
        let stems: std::collections::BTreeSet<String> = entries
            .iter()
            .filter(|(_, kind)| matches!(kind, ProfilesEntry::Profile | ProfilesEntry::Backup))
            .filter_map(|(path, _)| profile_stem(&file_name(path)).map(str::to_string))
            .collect();
        let mut found: Vec<(std::time::SystemTime, String)> = stems
            .iter()
            .filter_map(|stem| {
                let path = self.dir.join(format!("{stem}.ron"));
                let backup = Self::backup_for(&path);
                // A profile whose file and backup are both damaged is listed too, under the
                // name its file still shows, so signing in says what happened and offers a
                // fresh start instead of the trainee silently vanishing.
                let (name, file) = match read_profile(&path) {
                    Ok(profile) => (profile.name, path),
                    Err(_) => match read_profile(&backup) {
                        Ok(profile) => (profile.name, backup),
                        Err(_) => {
                            let file = if path.exists() { path } else { backup };
                            // Only a name that leads back to this file: the one the file
                            // still shows, else the one its session files record.
                            let name = damaged_name(&file)
                                .filter(|n| slug(n) == *stem)
                                .or_else(|| self.name_from_sessions(stem))?;
                            (name, file)
                        }
                    },
                };
                let saved = fs::metadata(&file)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::SystemTime::UNIX_EPOCH);
                Some((saved, name))
            })
            .collect();
        // Most recently saved first: on a shared PC, yesterday's trainees are at the top.
        found.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase()))
        });
        let mut names: Vec<String> = Vec::with_capacity(found.len());
        for (_, name) in found {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// Opens a trainee's profile, or creates it on first sign-in. A damaged file is
    /// recovered from its backup (with a notice); if both are unreadable, an error, and the
    /// files are left alone.
    pub fn open(&self, name: &str) -> Result<(Profile, Option<Notice>), ProfileError> {
        let path = self.path_for(name);
        let backup = Self::backup_for(&path);
        if !path.exists() && !backup.exists() {
            return Ok((Profile::new(name), None));
        }
        let primary = if path.exists() {
            read_profile(&path)
        } else {
            Err(ReadError::Damaged("the file is missing".into()))
        };
        match primary {
            Ok(profile) => Ok((upgrade(profile), None)),
            Err(ReadError::TooNew(schema)) => Err(ProfileError::TooNew { path, schema }),
            Err(ReadError::Damaged(reason)) => match read_profile(&backup) {
                Ok(profile) => {
                    let kept = if path.exists() {
                        let kept = path.with_extension(format!("ron.damaged-{}", file_stamp()));
                        fs::rename(&path, &kept)?;
                        kept
                    } else {
                        path.clone()
                    };
                    Ok((
                        upgrade(profile),
                        Some(Notice::RecoveredFromBackup {
                            damaged_kept_at: kept,
                            reason,
                        }),
                    ))
                }
                Err(ReadError::TooNew(schema)) => Err(ProfileError::TooNew {
                    path: backup,
                    schema,
                }),
                Err(ReadError::Damaged(_)) => Err(ProfileError::Unreadable { path, reason }),
            },
        }
    }

    /// Starts a fresh profile under a name whose file and backup are both unreadable: the
    /// damaged files are moved aside (never deleted) and kept for a trainer to look at, and
    /// the trainee's session files stay where they are. Returns the new profile and where
    /// the damaged files went.
    pub fn start_afresh(&self, name: &str) -> Result<(Profile, Vec<PathBuf>), ProfileError> {
        let path = self.path_for(name);
        let backup = Self::backup_for(&path);
        let stamp = file_stamp();
        let mut kept = Vec::new();
        for file in [&path, &backup] {
            if file.exists() {
                let aside = PathBuf::from(format!("{}.damaged-{stamp}", file.display()));
                fs::rename(file, &aside)?;
                kept.push(aside);
            }
        }
        let profile = self.rebuilt_from_sessions(name);
        self.save(&profile)?;
        Ok((profile, kept))
    }

    /// A profile rebuilt from the trainee's session files (`NAME/*.json`), which outlive a
    /// damaged profile: every finished call, its attempts, passes and best score per case,
    /// in the order they were played. Tiers are opened by the caller, who has the library
    /// (`tiers::open_earned_tiers`). Unreadable session files are skipped (and kept).
    pub fn rebuilt_from_sessions(&self, name: &str) -> Profile {
        let mut profile = Profile::new(name);
        let folder = self.dir.join(slug(name));
        let mut sessions: Vec<(String, SessionFile)> = recorded_files(&folder)
            .into_iter()
            .filter_map(|path| {
                let session = SessionFile::read(&path).ok()?;
                let file = format!("{}/{}", slug(name), file_name(&path));
                Some((file, session))
            })
            .collect();
        sessions.sort_by(|a, b| a.1.finished.cmp(&b.1.finished).then(a.0.cmp(&b.0)));
        for (file, session) in sessions {
            if profile.language.is_none() {
                profile.language = session.ui_language;
            }
            // The accommodation in force on the latest call is the trainee's setting.
            profile.time_allowance = session.time_allowance;
            let call = SessionSummary {
                scenario: session.scenario,
                finished: session.finished,
                score: session.score.total,
                passed: session.score.passed,
                seed: session.seed,
                file,
                left: false,
            };
            profile.record_result(call, session.score.grade);
        }
        profile
    }

    /// The trainee's name as their session files record it, for a profile whose file and
    /// backup are both unreadable down to the name.
    fn name_from_sessions(&self, stem: &str) -> Option<String> {
        recorded_files(&self.dir.join(stem))
            .into_iter()
            .find_map(|path| SessionFile::read(&path).ok())
            .map(|s| s.profile)
            .filter(|n| slug(n) == stem)
    }

    /// Saves a profile atomically, keeping the previous version as the backup.
    pub fn save(&self, profile: &Profile) -> Result<(), ProfileError> {
        fs::create_dir_all(&self.dir)?;
        let path = self.path_for(&profile.name);
        let text = ron::ser::to_string_pretty(profile, ron::ser::PrettyConfig::default())
            .map_err(|e| ProfileError::Io(std::io::Error::other(e.to_string())))?;
        // Only a file that reads back is worth keeping as the last good copy.
        if path.exists() && read_profile(&path).is_ok() {
            fs::rename(&path, Self::backup_for(&path))?;
        }
        write_atomically(&path, text.as_bytes())?;
        Ok(())
    }

    /// Writes a finished session's file (see [`SessionFile`]) and records it in the profile
    /// (which the caller then saves). Returns the session file's path.
    pub fn record_session(
        &self,
        profile: &mut Profile,
        call: &Call,
    ) -> Result<PathBuf, ProfileError> {
        self.record_session_with(profile, call, &SessionContext::default())
            .map(|(path, _)| path)
    }

    /// [`Store::record_session`] with what the game knows beyond the call (when it
    /// started, the UI language); also returns the session as written, for the learning
    /// record store (`lrs::enqueue_session`).
    pub fn record_session_with(
        &self,
        profile: &mut Profile,
        call: &Call,
        context: &SessionContext,
    ) -> Result<(PathBuf, SessionFile), ProfileError> {
        let score = call.score();
        let scenario = call.scenario();
        let session = SessionFile::from_call(&profile.name, profile.language, call, context);
        let stem = format!("{}/{}-{}", slug(&profile.name), file_stamp(), scenario.id);
        let mut file = format!("{stem}.json");
        if self.dir.join(&file).exists() {
            // Two calls of a case recorded in the same second: never overwrite the first.
            let id = session.id.unwrap_or_default().simple().to_string();
            file = format!("{stem}-{}.json", &id[..8]);
        }
        let path = self.dir.join(&file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        write_atomically(&path, &session.to_json())?;
        profile.record(&scenario.id, &score, call.seed(), file);
        Ok((path, session))
    }
}

/// The trainee's name as a damaged profile file still shows it (`name: "..."`), when the
/// file can be read as text at all.
fn damaged_name(path: &Path) -> Option<String> {
    let text = String::from_utf8_lossy(&fs::read(path).ok()?).into_owned();
    let start = text.find("name:")? + "name:".len();
    let rest = text[start..].trim_start().strip_prefix('"')?;
    let name = &rest[..rest.find('"')?];
    (!name.trim().is_empty() && !name.contains('\\')).then(|| name.trim().to_string())
}
