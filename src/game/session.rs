//! Who is playing and what they are playing: the signed-in trainee (or a guest), the case
//! chosen, the call in progress and the last result.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use htl_core::end_of_call::{self, Keeper};
use htl_core::engine::{Call, Score};
use htl_core::profile::{Notice, Profile, ProfileError, SessionContext, Store};
use htl_core::scenario::Scenario;

use super::cases::Cases;
use super::locale::Locale;
use super::{GameConfig, Screen};

#[derive(Resource)]
pub struct Trainee {
    pub store: Store,
    /// The trainee's progress. A guest's is kept in memory only.
    pub profile: Profile,
    pub guest: bool,
    /// Shown once on the case list: a recovered save, a failed save.
    pub notice: Option<TraineeNotice>,
}

/// Something the case list tells the trainee once, worded in the language of the moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraineeNotice {
    /// The progress file was damaged and restored from its backup.
    Recovered {
        reason: String,
        damaged_kept_at: PathBuf,
    },
    /// The progress could not be saved (the system's reason).
    SaveFailed(String),
    /// The call's results could not be queued for the learning record store.
    LrsProblem(String),
    /// The file and its backup were both damaged; a fresh profile was started and the
    /// damaged files kept aside.
    StartedAfresh { kept: Vec<PathBuf> },
}

impl TraineeNotice {
    /// In the language of `locale`.
    pub fn text(&self, locale: &Locale) -> String {
        match self {
            // Plain words: the parser's reason (line, column, "unexpected end of RON") is
            // for a trainer, in the damaged file kept beside it, not for the trainee.
            TraineeNotice::Recovered {
                damaged_kept_at, ..
            } => locale.tr(
                "notice-recovered",
                &[("path", damaged_kept_at.display().to_string().into())],
            ),
            TraineeNotice::StartedAfresh { kept } => {
                let paths: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
                locale.tr(
                    "notice-started-afresh",
                    &[("paths", paths.join(", ").into())],
                )
            }
            TraineeNotice::LrsProblem(error) => {
                locale.tr("notice-lrs-problem", &[("error", error.clone().into())])
            }
            TraineeNotice::SaveFailed(error) => {
                locale.tr("notice-save-failed", &[("error", error.clone().into())])
            }
        }
    }
}

impl Trainee {
    /// Signs in by name: loads the profile (recovering a damaged one) or creates it.
    pub fn sign_in(store: Store, name: &str) -> Result<Trainee, ProfileError> {
        let (profile, notice) = store.open(name)?;
        let trainee = Trainee {
            store,
            profile,
            guest: false,
            notice: notice.map(|n| match n {
                Notice::RecoveredFromBackup {
                    damaged_kept_at,
                    reason,
                } => TraineeNotice::Recovered {
                    reason,
                    damaged_kept_at,
                },
            }),
        };
        // Create the file at once, so the name is offered under "Continue" next time.
        trainee.store.save(&trainee.profile)?;
        Ok(trainee)
    }

    /// Starts afresh under a name whose saved files are both unreadable (moved aside): the
    /// profile is rebuilt from the trainee's session files, and the tiers those calls earned
    /// in `cases` are opened again.
    pub fn start_afresh(store: Store, name: &str, cases: &Cases) -> Result<Trainee, ProfileError> {
        let (mut profile, kept) = store.start_afresh(name)?;
        let opened = htl_core::tiers::open_earned_tiers(
            cases.scenarios.iter().map(|s| s.as_ref()),
            &cases.catalogue.scoring,
            &mut profile,
        );
        // The fresh profile is saved already; a failure to save the tiers is said, not fatal.
        let notice = match (!opened.is_empty()).then(|| store.save(&profile)) {
            Some(Err(e)) => TraineeNotice::SaveFailed(e.to_string()),
            _ => TraineeNotice::StartedAfresh { kept },
        };
        Ok(Trainee {
            store,
            profile,
            guest: false,
            notice: Some(notice),
        })
    }

    /// Keeps a change to the profile (a guest's stays in memory); a failure to save is told
    /// on the case list rather than lost.
    pub fn save(&mut self) {
        if !self.guest
            && let Err(e) = self.store.save(&self.profile)
        {
            self.notice = Some(TraineeNotice::SaveFailed(e.to_string()));
        }
    }

    pub fn guest(store: Store) -> Trainee {
        Trainee {
            store,
            profile: Profile::new("Guest"),
            guest: true,
            notice: None,
        }
    }
}

/// The case the trainee opened.
#[derive(Resource, Clone)]
pub struct CurrentCase(pub Arc<Scenario>);

/// The call in progress.
#[derive(Resource)]
pub struct LiveCall {
    pub call: Call,
    /// How many of the call's events the screen has shown.
    pub shown: usize,
    /// Milliseconds of frame time not yet given to the engine (it counts whole ms).
    pub carry: f32,
    /// Seconds the call screen has been open, paused or not, and when the pause began: the
    /// engine's clock stops while paused, so the game measures how long for the record.
    pub open_for: f32,
    pub paused_at: Option<f32>,
    /// `open_for` when the engine's clock was last given time.
    pub clock_at: f32,
    /// The first call's guide is showing: the call waits to begin.
    pub guide: bool,
    /// When the call began on the wall clock (after the guide), for the session file.
    pub started: std::time::SystemTime,
}

/// The last finished call, for the debrief.
#[derive(Resource)]
pub struct Finished {
    pub call: Call,
    pub score: Score,
    /// Tiers this result opened, to announce.
    pub opened_tiers: Vec<u8>,
    /// Where the session was saved, or why it was not.
    pub saved: Result<Option<PathBuf>, String>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, send_waiting_results).add_systems(
        OnExit(Screen::Title),
        adopt_profile_language.before(super::cases::order_cases),
    );
}

/// When a trainee signs in: a language just picked is saved in their profile; otherwise the
/// language they saved before is spoken, unless the command line forced one.
fn adopt_profile_language(trainee: Option<ResMut<Trainee>>, mut locale: ResMut<Locale>) {
    let Some(mut trainee) = trainee else {
        return;
    };
    if locale.picked {
        if trainee.profile.language != Some(locale.lang) {
            trainee.profile.language = Some(locale.lang);
            trainee.save();
        }
    } else if !locale.forced
        && let Some(saved) = trainee.profile.language
    {
        locale.lang = saved;
    }
}

/// Results an earlier run left in the outbox (the learning record store was down, the game
/// was closed mid-send) go out now, on their own thread: nothing waits for the network.
fn send_waiting_results(config: Res<GameConfig>) {
    let data = htl_core::profile::data_dir(Some(&config.data_dir));
    if matches!(htl_core::lrs::LrsConfig::load(&data), Ok(Some(_))) {
        drop(htl_core::lrs::spawn_flush(data));
    }
}

/// After statements were queued for the learning record store: send them now on another
/// thread, or tell the trainee once what is wrong with the set-up.
pub fn send_when_queued(
    queued: Result<htl_core::lrs::Enqueued, htl_core::lrs::LrsError>,
    data_dir: &std::path::Path,
    trainee: &mut Trainee,
) {
    match queued {
        Ok(htl_core::lrs::Enqueued::Queued(_)) => {
            drop(htl_core::lrs::spawn_flush(data_dir.to_path_buf()));
        }
        Ok(htl_core::lrs::Enqueued::Off) => {}
        Err(e) => trainee.notice = Some(TraineeNotice::LrsProblem(e.to_string())),
    }
}

/// A new seed per call unless the config fixes one; the seed is saved with the session.
pub fn next_seed(config: &GameConfig) -> u64 {
    config.fixed_seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    })
}

/// Records a finished call (`htl_core::end_of_call`: session file, profile, the LRS outbox,
/// tiers), then sends what was queued on another thread. Returns the result for the
/// debrief; a failed save is reported, never hidden.
pub fn finish(
    call: Call,
    trainee: &mut Trainee,
    cases: &Cases,
    context: &SessionContext,
    data_dir: &std::path::Path,
) -> Finished {
    let keeper = if trainee.guest {
        Keeper::Guest
    } else {
        Keeper::Trainee(&trainee.store)
    };
    let ended = end_of_call::record(
        &call,
        &mut trainee.profile,
        keeper,
        cases.scenarios.iter().map(|s| s.as_ref()),
        &cases.catalogue.scoring,
        context,
        data_dir,
    );
    send_when_queued(ended.queued, data_dir, trainee);
    Finished {
        call,
        score: ended.score,
        opened_tiers: ended.opened_tiers,
        saved: ended.saved,
    }
}
