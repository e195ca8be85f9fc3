//! A shift in progress: the clock, the queue, promises coming due and customers calling
//! again. The game and the headless trainees drive it the same way:
//!
//! 1. ask [`ShiftRun::next`] what is next (a caller, a promised call-back, a break, nothing
//!    until some time, or the end of the shift);
//! 2. take it ([`ShiftRun::answer`]): the case comes back as met, its opening meters moved
//!    by the wait or by how the customer's last call went, with the reasons to show;
//! 3. play the call through the engine, then [`ShiftRun::end_call`] with it;
//! 4. after-call work ([`ShiftRun::after_call`]): how it ended, any promise and its time.
//!
//! The shift's clock runs with the calls (a call's own clock), after-call work and breaks;
//! waiting for the next caller moves it on at once. Everything is decided by the shift, the
//! policy and the seed, so a shift replays exactly.
//!
//! The work is shared out by job: `start` draws the day's callers, `read` answers what the
//! shift looks like now and what is next, `clock` lets time pass (waiting, breaks, callers
//! giving up and promises missed), `answer` puts a caller or a call-back on the line, and
//! `wrap_up` ends a call and does its after-call work.

mod answer;
mod clock;
mod read;
mod start;
mod wrap_up;

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::file::Shift;
use crate::guidance::ShiftPolicy;
use crate::scenario::Scenario;
use crate::vocab::{EndingKind, MeterDelta, Meters, Millis, Note};

/// Why a call is on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    /// A customer calling for the first time today.
    First,
    /// The agent calling back, as promised.
    FollowUp,
    /// A customer calling again: their call-back never came, or nothing was solved.
    CallBack,
}

/// What the agent should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// A promised call-back is due (index into [`ShiftRun::promises`]).
    Promise(usize),
    /// Callers are waiting: answer the one who waited longest.
    Caller,
    /// A scheduled break is due and nobody is waiting.
    Break,
    /// Nobody waits: the next thing happens at this time.
    Idle(Millis),
    /// Everyone was answered and every promise settled.
    Over,
}

/// A caller in the queue, or due to arrive.
#[derive(Debug, Clone)]
struct Waiting {
    case: String,
    arrives: Millis,
    kind: CallKind,
    /// The call this one follows (for a call-back).
    of: Option<usize>,
    /// Where the customer starts, when a last call decides it.
    carried: Option<(Meters, MeterDelta, Note)>,
}

/// A promise made on a call: a call-back at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// The call it was made on.
    pub call: usize,
    /// The case played when it is kept.
    pub case: Option<String>,
    pub due: Millis,
    /// Written down in after-call work: only then is it in the queue as a task.
    pub recorded: bool,
    pub kept: bool,
    pub missed: bool,
}

/// What the agent took and how the customer starts.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The case as met: its opening meters are where this customer starts.
    pub scenario: Arc<Scenario>,
    /// Why the meters start there, for [`Call::note_opening`](crate::engine::Call::note_opening).
    pub opening: Vec<(MeterDelta, Note)>,
    pub kind: CallKind,
    pub of: Option<usize>,
    pub waited: Millis,
}

/// One call of the shift, once its after-call work is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftCall {
    pub case: String,
    pub kind: CallKind,
    /// The call this one follows (a kept promise or a customer calling again).
    pub callback_of: Option<usize>,
    /// The first call of its customer's chain.
    pub first_of_chain: usize,
    pub arrived: Millis,
    pub answered: Millis,
    pub waited: Millis,
    pub talk: Millis,
    pub after_call: Millis,
    pub after_call_skipped: bool,
    pub score: u8,
    pub passed: bool,
    pub ending: Option<EndingKind>,
    pub opening: Meters,
    pub closing: Meters,
    pub strain_before: u32,
    pub strain_after: u32,
    /// Rules broken on the call, by id, once per moment.
    pub broken: Vec<String>,
}

impl ShiftCall {
    pub fn handle(&self) -> Millis {
        self.talk + self.after_call
    }

    pub fn was_hard(&self, policy: &ShiftPolicy) -> bool {
        self.strain_after.saturating_sub(self.strain_before) >= policy.strain.hard_call
    }
}

/// After-call work, as the trainee did it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AfterCall {
    /// How long it took (0 when skipped).
    pub took: Millis,
    /// Skipped: nothing written down.
    pub skipped: bool,
    /// How the trainee says the call ended.
    pub noted_ending: Option<EndingKind>,
    /// The call-back promised, as a time on the shift's clock, when written down.
    pub promise_due: Option<Millis>,
}

/// A caller who hung up in the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Abandoned {
    pub case: String,
    pub arrived: Millis,
    pub gave_up: Millis,
}

/// A break the agent took.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BreakTaken {
    pub at: Millis,
    pub length: Millis,
    pub scheduled: bool,
}

struct InCall {
    answered: Answered,
    at: Millis,
    strain_before: u32,
}

pub struct ShiftRun {
    shift: Arc<Shift>,
    policy: ShiftPolicy,
    cases: HashMap<String, Arc<Scenario>>,
    now: Millis,
    /// Callers not yet answered, arrived or due to arrive, in arrival order.
    waiting: Vec<Waiting>,
    promises: Vec<Promise>,
    calls: Vec<ShiftCall>,
    in_call: Option<InCall>,
    /// The call whose after-call work is still to do.
    after_call_due: Option<usize>,
    strain: u32,
    strain_over_time: Vec<(Millis, u32)>,
    breaks_due: Vec<Millis>,
    breaks: Vec<BreakTaken>,
    abandoned: Vec<Abandoned>,
}
