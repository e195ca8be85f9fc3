//! The scenario library as the game sees it: the playable cases, and the files that failed
//! to load with their diagnostics (shown on the case list instead of vanishing).
//!
//! With the `dev` feature the folder is watched: an edited file is reloaded, a broken edit
//! shows its diagnostic while the last good version stays playable.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bevy::prelude::*;
use htl_core::guidance::Catalogue;
use htl_core::i18n::Lang;
use htl_core::profile::Profile;
use htl_core::scenario::load::scan_tier;
use htl_core::scenario::{FileReport, Scenario, load_paths};
use htl_core::shift::{Shift, load_shifts};
use htl_core::tiers::Progression;

use super::Screen;
use super::actions::{TitleAction, UiCommand};
use super::locale::Locale;

/// A file that did not load, or whose latest edit did not.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenFile {
    pub path: PathBuf,
    /// Where the first error is (0 when the problem is the whole file).
    pub line: usize,
    pub column: usize,
    /// The first error and its first hint, as the checker words it (trainer-facing, English).
    pub problem: String,
    /// The tier the file says it is, when that much can be read: its card shows on that
    /// tier's tab (on tier 1 when it cannot be read).
    pub tier: Option<u8>,
    pub errors: usize,
    /// True when an earlier version of the file is still playable.
    pub stale_version_kept: bool,
}

impl BrokenFile {
    /// A file's first error and its first hint, as full sentences for its card.
    fn of(report: &FileReport, tier: Option<u8>, stale_version_kept: bool) -> BrokenFile {
        let first = report
            .diagnostics
            .iter()
            .find(|d| d.severity == htl_core::scenario::Severity::Error);
        let at = first.map(|d| report.line_col(d));
        let problem = first.map_or_else(String::new, |d| {
            let mut text = d.message.clone();
            if let Some(help) = d.help.first() {
                text.push_str(&format!(" ({help})"));
            }
            if !text.ends_with(['.', '!', '?']) {
                text.push('.');
            }
            text
        });
        BrokenFile {
            path: report.path.clone(),
            line: at.as_ref().map_or(0, |a| a.line),
            column: at.as_ref().map_or(0, |a| a.column),
            problem,
            tier: tier.or_else(|| scan_tier(&report.source)),
            errors: report.errors(),
            stale_version_kept,
        }
    }

    /// Whether its card belongs on the tab of `tier`: its own tier, or tier 1 when the file
    /// does not say (so each broken file shows once).
    pub fn shown_on(&self, tier: u8, tiers: u8) -> bool {
        match self.tier {
            Some(t) if (1..=tiers).contains(&t) => t == tier,
            _ => tier == 1,
        }
    }

    /// Where the problem is and what it is, in the locale's words around the checker's.
    pub fn summary(&self, locale: &Locale) -> String {
        if self.line == 0 {
            return self.problem.clone();
        }
        locale.tr(
            "broken-at",
            &[
                ("line", self.line.into()),
                ("column", self.column.into()),
                ("problem", self.problem.clone().into()),
            ],
        )
    }
}

#[derive(Resource, Debug, Clone)]
pub struct Cases {
    pub dir: PathBuf,
    pub catalogue: Arc<Catalogue>,
    /// Playable cases in list order (see `put_first`).
    pub scenarios: Vec<Arc<Scenario>>,
    pub broken: Vec<BrokenFile>,
    /// Shifts (`*.shift.ron`) that checked clean against these cases; a broken one is in
    /// `broken` with its diagnostic.
    pub shifts: Vec<Arc<Shift>>,
    /// Bumped whenever the library changes, so screens can redraw.
    pub generation: u64,
    /// Cases in this language come first in each tier.
    first_language: Lang,
}

impl Cases {
    /// Loads every scenario in `dir`. A missing folder gives an empty library with a note,
    /// never a crash.
    pub fn load(dir: &Path, catalogue: Arc<Catalogue>) -> Cases {
        let mut cases = Cases {
            dir: dir.to_path_buf(),
            catalogue,
            scenarios: Vec::new(),
            broken: Vec::new(),
            shifts: Vec::new(),
            generation: 0,
            first_language: Lang::En,
        };
        cases.reload();
        cases
    }

    /// Reads the folder again. Files that now fail but loaded before keep their last good
    /// version, flagged with the new diagnostic.
    pub fn reload(&mut self) {
        let previous = std::mem::take(&mut self.scenarios);
        self.broken.clear();
        match load_paths(std::slice::from_ref(&self.dir), &self.catalogue) {
            Ok(library) => {
                for report in library.broken() {
                    let kept = previous
                        .iter()
                        .find(|s| s.path.as_deref() == Some(report.path.as_path()));
                    if let Some(old) = kept
                        && !library.scenarios.iter().any(|s| s.id == old.id)
                    {
                        self.scenarios.push(Arc::clone(old));
                    }
                    self.broken.push(BrokenFile::of(
                        report,
                        scan_tier(&report.source),
                        kept.is_some(),
                    ));
                }
                let shifts =
                    load_shifts(std::slice::from_ref(&self.dir), &library, &self.catalogue);
                self.shifts = Vec::new();
                for loaded in shifts {
                    match loaded.shift {
                        Some(shift) => self.shifts.push(Arc::new(shift)),
                        None => self
                            .broken
                            .push(BrokenFile::of(&loaded.report, None, false)),
                    }
                }
                self.scenarios
                    .extend(library.scenarios.into_iter().map(Arc::new));
            }
            Err(e) => self.broken.push(BrokenFile {
                path: self.dir.clone(),
                line: 0,
                column: 0,
                problem: e.to_string(),
                tier: None,
                errors: 1,
                stale_version_kept: false,
            }),
        }
        self.sort();
        self.generation += 1;
    }

    /// Puts the cases in list order: by tier, the trainee's language first, then by title.
    /// The case list and "Next case" both follow it.
    pub fn put_first(&mut self, lang: Lang) {
        self.first_language = lang;
        self.sort();
    }

    fn sort(&mut self) {
        let lang = self.first_language;
        self.scenarios
            .sort_by_cached_key(|s| s.list_key(Some(lang)));
    }

    /// The shift a trainee may take: one in their language when there is one, else any,
    /// once its tier is open to them.
    pub fn shift_for(&self, lang: Lang, profile: &Profile) -> Option<Arc<Shift>> {
        let mut open: Vec<&Arc<Shift>> = self
            .shifts
            .iter()
            .filter(|s| shift_is_open(s, profile))
            .collect();
        open.sort_by_key(|s| (Lang::parse(&s.language) != Some(lang), s.tier, s.id.clone()));
        open.first().map(|s| Arc::clone(s))
    }

    /// Shift `id`, when this trainee may take it (its tier is open to them).
    pub fn open_shift(&self, id: &str, profile: &Profile) -> Option<Arc<Shift>> {
        self.shifts
            .iter()
            .find(|s| s.id == id && shift_is_open(s, profile))
            .cloned()
    }

    /// A case's title, or its id when the library no longer has it.
    pub fn title_of(&self, id: &str) -> String {
        self.get(id)
            .map_or_else(|| id.to_string(), |s| s.title.clone())
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Scenario>> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Case `id`, when this trainee may open it (it is in the library and not locked): what
    /// the case list and My progress both ask before showing a brief.
    pub fn playable(&self, id: &str, profile: &Profile) -> Option<Arc<Scenario>> {
        self.get(id)
            .filter(|s| self.progression(profile).can_play(s))
            .cloned()
    }

    /// A trainee's progress through this library, under the catalogue's policy: the one
    /// place the game asks what is open, what is locked and what comes next.
    pub fn progression<'a>(&'a self, profile: &'a Profile) -> Progression<'a, 'a> {
        Progression::new(
            self.scenarios.iter().map(|s| s.as_ref()),
            profile,
            &self.catalogue.scoring,
        )
    }
}

/// Where the scenarios are when no folder is given: as for the command-line tools
/// (`scenarios/` here, beside the executable, or the installed library), else the source
/// tree's (a `cargo run` from another folder).
pub fn default_dir() -> PathBuf {
    let exe = std::env::current_exe().ok();
    htl_core::cli::installed_candidates(exe.as_deref())
        .into_iter()
        .chain([PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios")])
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("scenarios"))
}

/// The case library being read on a thread of its own, so the first frame does not wait
/// for it: it was most of what the game did before its first frame (`cargo bench --bench
/// app`: about 30 of 40-60 ms). It is put in place as soon as the thread is done, and
/// waited for at once when something needs it: a command on the title screen (signing in
/// opens tiers from it) or any screen after the title.
#[derive(Resource)]
pub struct LibraryLoading(Option<std::thread::JoinHandle<Cases>>);

impl LibraryLoading {
    pub fn start(dir: PathBuf, catalogue: Arc<Catalogue>) -> LibraryLoading {
        let thread = std::thread::Builder::new()
            .name("case library".into())
            .spawn(move || Cases::load(&dir, catalogue))
            .expect("a thread to read the case library");
        LibraryLoading(Some(thread))
    }
}

/// Puts the library in place once it is read, or waits for it now that it is needed.
fn finish_loading(world: &mut World) {
    let Some(loading) = world.get_resource::<LibraryLoading>() else {
        return;
    };
    let done = loading.0.as_ref().is_none_or(|t| t.is_finished());
    let on_title = world
        .get_resource::<State<Screen>>()
        .is_none_or(|s| *s.get() == Screen::Title);
    let asked = world
        .get_resource::<Messages<UiCommand<TitleAction>>>()
        .is_some_and(|m| !m.is_empty());
    if done || !on_title || asked {
        wait_for_library(world);
    }
}

/// The library in place now, waiting for its thread if it is still reading.
pub fn wait_for_library(world: &mut World) {
    if let Some(mut loading) = world.remove_resource::<LibraryLoading>()
        && let Some(thread) = loading.0.take()
    {
        let cases = thread
            .join()
            .expect("reading the case library never panics: a bad file is a diagnostic");
        world.insert_resource(cases);
    }
}

pub(super) fn plugin(app: &mut App) {
    // Before anything in the frame can ask for the library.
    // An exclusive system: only while there is a library to wait for, not every frame.
    app.add_systems(
        First,
        finish_loading.run_if(resource_exists::<LibraryLoading>),
    );
    // Between signing in and the case list, so the list is built with the trainee's
    // language's cases first (after `session::adopt_profile_language`).
    app.add_systems(OnExit(Screen::Title), order_cases);
    #[cfg(feature = "dev")]
    app.add_systems(Update, watch_folder.run_if(resource_exists::<Cases>));
}

/// The trainee's language first within each tier (the list and "Next case" follow this
/// order); tiers count cases in every language alike.
pub(super) fn order_cases(locale: Res<Locale>, mut cases: ResMut<Cases>) {
    // The case list is built after this, in the new order: flagging the library as changed
    // would only rebuild it a frame later and lose the keyboard focus.
    cases.bypass_change_detection().put_first(locale.lang);
}

/// The newest modification time among the `.ron` files of the folder and its sub-folders
/// (where the library reads cases and shifts) and their count, to notice edits, new files
/// and deletions.
pub fn folder_stamp(dir: &Path) -> (Option<SystemTime>, usize) {
    fn walk(dir: &Path, depth: usize, stamp: &mut (Option<SystemTime>, usize)) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                // As deep as any library is laid out; a link that loops stops here.
                if depth < 8 {
                    walk(&path, depth + 1, stamp);
                }
            } else if path.extension().is_some_and(|x| x == "ron") {
                stamp.1 += 1;
                let modified = entry.metadata().and_then(|m| m.modified()).ok();
                stamp.0 = stamp.0.max(modified);
            }
        }
    }
    let mut stamp = (None, 0);
    walk(dir, 0, &mut stamp);
    stamp
}

/// Polls the folder twice a second. Polling a handful of small files is cheaper and more
/// predictable than a file-system watcher, and works the same on every platform.
#[cfg(feature = "dev")]
fn watch_folder(
    time: Res<Time<Real>>,
    mut cases: ResMut<Cases>,
    mut last: Local<Option<(Option<SystemTime>, usize)>>,
    mut since: Local<f32>,
) {
    *since += time.delta_secs();
    if *since < 0.5 {
        return;
    }
    *since = 0.0;
    let stamp = folder_stamp(&cases.dir);
    match *last {
        None => *last = Some(stamp),
        Some(previous) if previous != stamp => {
            *last = Some(stamp);
            cases.reload();
            info!(
                "scenarios reloaded: {} playable, {} with errors",
                cases.scenarios.len(),
                cases.broken.len()
            );
            // The trainer's map of each case they just saved, drawn again.
            let maps = htl_core::map::on_disk::folder_beside(&cases.dir);
            let since = previous.0.unwrap_or(SystemTime::UNIX_EPOCH);
            match htl_core::map::on_disk::rewrite_changed(
                cases.scenarios.iter().map(|s| s.as_ref()),
                &cases.catalogue,
                &maps,
                since,
            ) {
                Ok(written) => {
                    for path in written {
                        info!("map rewritten: {}", path.display());
                    }
                }
                Err(e) => warn!("maps not rewritten in {}: {e}", maps.display()),
            }
        }
        _ => {}
    }
}

/// A shift is open once its tier is (tier 1 from the start).
fn shift_is_open(shift: &Shift, profile: &Profile) -> bool {
    shift.tier <= 1 || profile.unlocked_tiers.contains(&shift.tier)
}
