//! The end of a call, written once for the game, the command line and the tests: the call
//! goes into the trainee's session file and profile, its learning records are queued for
//! the learning record store (on disk, before anything is sent), the tiers it earned open,
//! and the profile is saved again. Nothing here waits for the network: sending the queue is
//! the caller's (`lrs::spawn_flush`).

use std::path::{Path, PathBuf};

use crate::engine::{Call, Score};
use crate::guidance::Policy;
use crate::lrs::{self, Enqueued, LrsError};
use crate::profile::{Profile, SessionContext, Store};
use crate::scenario::Scenario;
use crate::tiers::open_earned_tiers;

/// Who the call is recorded for.
#[derive(Clone, Copy)]
pub enum Keeper<'a> {
    /// A signed-in trainee: a session file, the profile saved, statements queued.
    Trainee(&'a Store),
    /// A guest: the call counts for this sitting only; nothing is written.
    Guest,
}

/// What recording a call did, for the debrief.
#[derive(Debug)]
pub struct EndOfCall {
    pub score: Score,
    /// Tiers this call opened, to announce.
    pub opened_tiers: Vec<u8>,
    /// The session file written (None for a guest), or why the call or the profile could
    /// not be saved: said on the debrief, never hidden.
    pub saved: Result<Option<PathBuf>, String>,
    /// Whether the call's statements wait in the outbox; an error is a set-up problem to
    /// tell the trainee once. `Off` for a guest and when no store is configured.
    pub queued: Result<Enqueued, LrsError>,
}

/// Records a finished call for `keeper` (see the module's comment for the order).
pub fn record<'a>(
    call: &Call,
    profile: &mut Profile,
    keeper: Keeper<'_>,
    scenarios: impl IntoIterator<Item = &'a Scenario>,
    policy: &Policy,
    context: &SessionContext,
    data_dir: &Path,
) -> EndOfCall {
    let score = call.score();
    let (saved, queued) = match keeper {
        Keeper::Guest => {
            profile.record(&call.scenario().id, &score, call.seed(), String::new());
            (Ok(None), Ok(Enqueued::Off))
        }
        Keeper::Trainee(store) => match store.record_session_with(profile, call, context) {
            // Queued as soon as the session file exists, so nothing is lost if the send
            // fails or the game closes.
            Ok((path, session)) => (Ok(Some(path)), lrs::enqueue_session(data_dir, &session)),
            Err(e) => (Err(e.to_string()), Ok(Enqueued::Off)),
        },
    };
    let opened_tiers = open_earned_tiers(scenarios, policy, profile);
    let saved = match (saved, keeper) {
        (Ok(path), Keeper::Trainee(store)) => {
            store.save(profile).map(|_| path).map_err(|e| e.to_string())
        }
        (other, _) => other,
    };
    EndOfCall {
        score,
        opened_tiers,
        saved,
        queued,
    }
}
