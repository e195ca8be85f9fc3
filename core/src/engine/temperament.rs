//! The meter arithmetic: how much a verdict moves the customer, given their temperament and
//! whether the trainee's words were heard in full.

use crate::scenario::Temperament;
use crate::vocab::{MeterDelta, Verdict};

/// How much of a reply's good effect reaches the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Landing {
    Full,
    /// Said over the customer: its good effects land at half strength, its bad ones in full.
    Half,
}

impl Landing {
    pub(super) fn apply(self, delta: MeterDelta) -> MeterDelta {
        if self == Landing::Full {
            return delta;
        }
        let half = |v: i32, good: bool| {
            if good {
                (f64::from(v) * 0.5).round() as i32
            } else {
                v
            }
        };
        MeterDelta {
            anger: half(delta.anger, delta.anger < 0),
            trust: half(delta.trust, delta.trust > 0),
            patience: half(delta.patience, delta.patience > 0),
        }
    }
}

/// Applies the temperament: anger rises × escalation, falls × calming; a trigger rule broken
/// or a soother followed counts twice.
pub(super) fn scaled(
    t: &Temperament,
    base: MeterDelta,
    rule: Option<(&str, Verdict)>,
) -> MeterDelta {
    let (trigger, soother) = match rule {
        Some((id, Verdict::Broken)) => (t.triggers.iter().any(|r| r == id), false),
        Some((id, Verdict::Followed)) => (false, t.soothers.iter().any(|r| r == id)),
        None => (false, false),
    };
    let emphasis = if trigger || soother { 2.0 } else { 1.0 };
    let anger = if base.anger > 0 {
        f64::from(base.anger) * t.escalation * if trigger { emphasis } else { 1.0 }
    } else {
        f64::from(base.anger) * t.calming * if soother { emphasis } else { 1.0 }
    };
    // Trust and patience: a trigger doubles a loss, a soother doubles a gain.
    let emphasised = |v: i32| {
        f64::from(v)
            * if (v < 0 && trigger) || (v > 0 && soother) {
                emphasis
            } else {
                1.0
            }
    };
    MeterDelta {
        anger: anger.round() as i32,
        trust: emphasised(base.trust).round() as i32,
        patience: emphasised(base.patience).round() as i32,
    }
}
