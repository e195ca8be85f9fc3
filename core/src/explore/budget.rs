//! What a search is given (states and bytes) and what it tells while it runs.

#[allow(unused_imports)]
use super::*;

/// How much work the explorer may do before it stops and reports a partial result. The
/// states are shared between the plays searched (the five manners, then the adversarial
/// trainees), each play getting an equal share of what the plays before it left unused;
/// the bytes bound the table of known states, which is held for one play at a time, so
/// memory stays near `bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Budget {
    /// States expanded, over all manners and adversaries together.
    pub states: usize,
    /// Estimated bytes of the table of explored states (paths included).
    pub bytes: usize,
}

impl Budget {
    /// 200,000 states and 256 MiB: about two seconds on a laptop; every case in the library
    /// needs a small fraction of it.
    pub const DEFAULT: Budget = Budget {
        states: 200_000,
        bytes: 256 * 1024 * 1024,
    };
}

impl Default for Budget {
    fn default() -> Self {
        Budget::DEFAULT
    }
}

/// Where a long search has got to, for a progress line.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Who is being played: a manner's or an adversary's label.
    pub play: &'static str,
    /// States expanded so far, over all manners and adversaries.
    pub states: usize,
    /// Estimated bytes the current play's table of states holds.
    pub bytes: usize,
    pub elapsed: std::time::Duration,
}
