//! The call: the customer's lines over time, the trainee's replies, the meters, and the
//! verdicts they earn. Deterministic: the same scenario, seed and inputs give the same
//! transcript and the same score.
//!
//! - `call`: the state machine (time, beats, whose turn it is, endings);
//! - `events`: what it reports (the event log, the phase, refused replies);
//! - `speech`: the customer's lines as timed segments, seeded wording and pace;
//! - `judge/`: the rules judged from play (timing, voice, dead air), one file each;
//! - `temperament`: how far a verdict moves this customer's meters;
//! - `script`: scripted play for tests, `play` and `explore`.
//!
//! The tally and the score are in `crate::scoring`; the shared words (time, meters, voice)
//! in `crate::vocab`. Both are re-exported here for callers that drive calls.

mod call;
mod events;
mod judge;
pub mod script;
mod speech;
mod temperament;

pub use crate::scoring::{
    BetterReply, Grade, Moment, MomentSource, NotPassed, RuleResult, RuleStatus, Score, ScoreParts,
};
pub use crate::vocab::{
    EndedBy, Meter, MeterDelta, Meters, Millis, TimeAllowance, Verdict, Voice, clock,
};
pub use call::{Call, Cue, OPENING_ALLOWANCE, StateKey};
pub use events::{
    CallError, Choice, Event, LineKind, Outcome, Phase, Reason, ReplyTiming, cut_at, meter_history,
};
/// The ids of the rules the engine judges from play.
pub use judge::rules as rules_judged_from_play;
