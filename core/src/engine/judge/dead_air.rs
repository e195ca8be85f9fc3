//! Don't leave them waiting, in silence: each time the silence reaches the scenario's
//! dead-air limit again, the rule is broken (and the customer says so).

use crate::guidance::ids::NO_DEAD_AIR;
use crate::scoring::MomentSource;
use crate::vocab::{Millis, Note, Verdict};

use super::Judgement;

pub(in crate::engine) const RULE: &str = NO_DEAD_AIR;

/// The verdict on the `strike`-th dead air of a beat (1 for the first).
pub(in crate::engine) fn strike(dead_air: Millis, strike: u32) -> Judgement {
    let seconds = dead_air * strike / 1000;
    Judgement::new(
        NO_DEAD_AIR,
        Verdict::Broken,
        Note::Silence { seconds },
        MomentSource::Silence,
    )
}
