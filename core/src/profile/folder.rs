//! What each file under a data folder's `profiles/` is, told by its name: the one listing of
//! that folder, for the store (which profiles exist, a trainee's session files) and the
//! trainer report (which files it reads, and which it lists as skipped with why).
//!
//! ```text
//! profiles/
//!   noor.ron                       a profile
//!   noor.ron.bak                   its previous good copy
//!   noor.ron.damaged-20261122T...  a damaged copy, set aside on sign-in
//!   noor.ron.tmp                   a save that did not finish
//!   noor/                          the trainee's folder
//!     20261122T153000-case.json    a session file (or a shift record, `-shift-`)
//! ```

use std::fs;
use std::path::{Path, PathBuf};

/// A file or folder directly under `profiles/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfilesEntry {
    /// `NAME/`: a trainee's session files.
    TraineeFolder,
    /// `NAME.ron`.
    Profile,
    /// `NAME.ron.bak`: read only when the profile itself is not.
    Backup,
    /// `NAME.ron.damaged-STAMP`: kept for a trainer, never read.
    SetAside,
    /// `*.tmp`: a save cut short.
    Unfinished,
    /// Anything else: not the game's.
    Other,
}

/// A file or folder inside a trainee's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraineeEntry {
    /// `*.json`: a session file, or a shift record (the content tells).
    Recorded,
    /// `*.tmp`: a write cut short.
    Unfinished,
    /// A file of another kind.
    Other,
    /// A folder: the game makes none here.
    Folder,
}

/// Every entry of `profiles_dir`, sorted by path; None when the folder cannot be listed
/// (it does not exist yet, on a machine where nobody has played).
pub fn list_profiles(profiles_dir: &Path) -> Option<Vec<(PathBuf, ProfilesEntry)>> {
    Some(
        sorted_paths(profiles_dir)?
            .into_iter()
            .map(|path| {
                let kind = if path.is_dir() {
                    ProfilesEntry::TraineeFolder
                } else {
                    profiles_entry(&file_name(&path))
                };
                (path, kind)
            })
            .collect(),
    )
}

/// What a file directly under `profiles/` is, by its name.
pub fn profiles_entry(name: &str) -> ProfilesEntry {
    if name.ends_with(".ron") {
        ProfilesEntry::Profile
    } else if name.ends_with(".ron.bak") {
        ProfilesEntry::Backup
    } else if name.contains(".ron.damaged-") {
        ProfilesEntry::SetAside
    } else if name.ends_with(".tmp") {
        ProfilesEntry::Unfinished
    } else {
        ProfilesEntry::Other
    }
}

/// The profile stem a profile or its backup belongs to (`noor` for `noor.ron.bak`).
pub fn profile_stem(name: &str) -> Option<&str> {
    name.strip_suffix(".ron.bak")
        .or_else(|| name.strip_suffix(".ron"))
}

/// Every entry of a trainee's folder, sorted by path; None when it cannot be listed.
pub fn list_trainee_folder(folder: &Path) -> Option<Vec<(PathBuf, TraineeEntry)>> {
    Some(
        sorted_paths(folder)?
            .into_iter()
            .map(|path| {
                let name = file_name(&path);
                let kind = if path.is_dir() {
                    TraineeEntry::Folder
                } else if name.ends_with(".json") {
                    TraineeEntry::Recorded
                } else if name.ends_with(".tmp") {
                    TraineeEntry::Unfinished
                } else {
                    TraineeEntry::Other
                };
                (path, kind)
            })
            .collect(),
    )
}

/// The session files (and shift records) of a trainee's folder, sorted.
pub fn recorded_files(folder: &Path) -> Vec<PathBuf> {
    list_trainee_folder(folder)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, kind)| *kind == TraineeEntry::Recorded)
        .map(|(path, _)| path)
        .collect()
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sorted_paths(dir: &Path) -> Option<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    Some(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_file_the_game_leaves_is_told_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = dir.path();
        for file in [
            "noor.ron",
            "noor.ron.bak",
            "noor.ron.damaged-20261122T153000",
            "noor.ron.tmp",
            "notes.txt",
            "noor/20261122T153000-missing_parcel.json",
            "noor/20261122T153000-missing_parcel.json.tmp",
            "noor/notes.txt",
            "noor/old/x.json",
        ] {
            let path = profiles.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "").unwrap();
        }
        let kinds: Vec<(String, ProfilesEntry)> = list_profiles(profiles)
            .unwrap()
            .into_iter()
            .map(|(p, k)| (file_name(&p), k))
            .collect();
        assert_eq!(
            kinds,
            [
                ("noor".to_string(), ProfilesEntry::TraineeFolder),
                ("noor.ron".into(), ProfilesEntry::Profile),
                ("noor.ron.bak".into(), ProfilesEntry::Backup),
                (
                    "noor.ron.damaged-20261122T153000".into(),
                    ProfilesEntry::SetAside
                ),
                ("noor.ron.tmp".into(), ProfilesEntry::Unfinished),
                ("notes.txt".into(), ProfilesEntry::Other),
            ]
        );
        assert_eq!(profile_stem("noor.ron.bak"), Some("noor"));
        assert_eq!(profile_stem("noor.ron.damaged-1"), None);
        let inside: Vec<(String, TraineeEntry)> = list_trainee_folder(&profiles.join("noor"))
            .unwrap()
            .into_iter()
            .map(|(p, k)| (file_name(&p), k))
            .collect();
        assert_eq!(
            inside,
            [
                (
                    "20261122T153000-missing_parcel.json".to_string(),
                    TraineeEntry::Recorded
                ),
                (
                    "20261122T153000-missing_parcel.json.tmp".into(),
                    TraineeEntry::Unfinished
                ),
                ("notes.txt".into(), TraineeEntry::Other),
                ("old".into(), TraineeEntry::Folder),
            ]
        );
        assert_eq!(recorded_files(&profiles.join("noor")).len(), 1);
        assert!(list_profiles(&profiles.join("nobody")).is_none());
    }
}
