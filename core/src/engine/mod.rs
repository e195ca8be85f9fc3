//! The call: the customer's lines over time, the trainee's replies, the meters, and the
//! score against the guidance. Deterministic: the same scenario, seed and inputs give the
//! same transcript and the same score.

mod call;
mod score;
pub mod script;

use serde::{Deserialize, Serialize};

pub use call::{
    Call, CallError, Choice, EndedBy, Event, LineKind, Outcome, Phase, Reason, ReplyTiming,
    StateKey,
};
pub use score::{BetterReply, Grade, Moment, RuleResult, RuleStatus, Score, ScoreParts};

/// Engine time: milliseconds since the call started. Integers keep replays exact.
pub type Millis = u32;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Meters {
    /// 0 calm to 100 furious; at the customer's limit they give up.
    pub anger: i32,
    /// 0 none to 100 full: gates offers ("only accepts if trust is high enough").
    pub trust: i32,
    /// 100 relaxed to 0 done waiting; drained by silence, holds and interruptions.
    pub patience: i32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeterDelta {
    pub anger: i32,
    pub trust: i32,
    pub patience: i32,
}

impl MeterDelta {
    pub fn is_zero(self) -> bool {
        self == MeterDelta::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Meter {
    Anger,
    Trust,
    Patience,
}

impl Meter {
    pub const ALL: [Meter; 3] = [Meter::Anger, Meter::Trust, Meter::Patience];

    pub fn label(self) -> &'static str {
        match self {
            Meter::Anger => "anger",
            Meter::Trust => "trust",
            Meter::Patience => "patience",
        }
    }

    pub fn of(self, m: Meters) -> i32 {
        match self {
            Meter::Anger => m.anger,
            Meter::Trust => m.trust,
            Meter::Patience => m.patience,
        }
    }

    pub fn of_delta(self, d: MeterDelta) -> i32 {
        match self {
            Meter::Anger => d.anger,
            Meter::Trust => d.trust,
            Meter::Patience => d.patience,
        }
    }

    /// Whether a rise in this meter is good for the call.
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Meter::Anger)
    }
}

/// How the trainee says a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Voice {
    /// Lower and slower than the customer: calms a shouting customer over their next lines.
    Soft,
    /// An ordinary speaking voice.
    Even,
    /// Raised and firm: against a shouting customer it is shouting back.
    Firm,
}

impl Voice {
    pub const ALL: [Voice; 3] = [Voice::Soft, Voice::Even, Voice::Firm];

    pub fn label(self) -> &'static str {
        match self {
            Voice::Soft => "soft",
            Voice::Even => "even",
            Voice::Firm => "firm",
        }
    }

    pub fn parse(word: &str) -> Option<Voice> {
        match word.to_ascii_lowercase().as_str() {
            "soft" | "s" => Some(Voice::Soft),
            "even" | "e" => Some(Voice::Even),
            "firm" | "f" => Some(Voice::Firm),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Followed,
    Broken,
}

/// Formats engine time as `m:ss.t`.
pub fn clock(ms: Millis) -> String {
    let tenths = ms / 100;
    format!("{}:{:02}.{}", tenths / 600, (tenths / 10) % 60, tenths % 10)
}
