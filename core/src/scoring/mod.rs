//! Scoring: the tally of verdicts a call builds, and the score computed from it under the
//! catalogue's policy. Nothing here needs a live call: a recorded call's moments, ending and
//! final meters are enough to score it again.

mod better;
mod score;
mod tally;

pub use better::{BetterReply, Delivery, rubric_value};
pub use score::{Grade, Headline, NotPassed, Record, RuleResult, RuleStatus, Score, ScoreParts};
pub use tally::{Chosen, Moment, MomentSource, Tally};
