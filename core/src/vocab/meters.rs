//! The customer's three meters and changes to them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Meters {
    /// 0 calm to 100 furious; at the customer's limit they give up.
    pub anger: i32,
    /// 0 none to 100 full: gates offers ("only accepts if trust is high enough").
    pub trust: i32,
    /// 100 relaxed to 0 done waiting; drained by silence, holds and interruptions.
    pub patience: i32,
}

impl Meters {
    /// One meter's value.
    pub fn get(self, meter: Meter) -> i32 {
        match meter {
            Meter::Anger => self.anger,
            Meter::Trust => self.trust,
            Meter::Patience => self.patience,
        }
    }

    /// One meter's slot, to change it.
    pub fn slot(&mut self, meter: Meter) -> &mut i32 {
        match meter {
            Meter::Anger => &mut self.anger,
            Meter::Trust => &mut self.trust,
            Meter::Patience => &mut self.patience,
        }
    }
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

    /// One meter's change.
    pub fn get(self, meter: Meter) -> i32 {
        match meter {
            Meter::Anger => self.anger,
            Meter::Trust => self.trust,
            Meter::Patience => self.patience,
        }
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
        m.get(self)
    }

    pub fn of_delta(self, d: MeterDelta) -> i32 {
        d.get(self)
    }

    /// Whether a rise in this meter is good for the call.
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Meter::Anger)
    }
}
