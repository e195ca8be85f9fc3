//! More time to answer (WCAG 2.2.1, "timing adjustable"): an accommodation a trainee or their
//! trainer sets per profile. It widens the two windows a call is timed by, the pause after
//! the customer stops (a reply in it is "in the pause") and the dead-air limit; nothing else
//! is scored differently. It is not a hidden easy mode: every call records it, the debrief
//! and the trainer report show it, and its xAPI statements carry it.

use serde::{Deserialize, Serialize};

use super::Millis;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum TimeAllowance {
    /// The case's own windows.
    #[default]
    #[serde(rename = "x1")]
    Standard,
    /// Half as long again.
    #[serde(rename = "x1.5")]
    OneAndAHalf,
    /// Twice as long.
    #[serde(rename = "x2")]
    Double,
}

impl TimeAllowance {
    pub const ALL: [TimeAllowance; 3] = [
        TimeAllowance::Standard,
        TimeAllowance::OneAndAHalf,
        TimeAllowance::Double,
    ];

    /// The windows' length against the case's, in per cent.
    pub fn percent(self) -> u32 {
        match self {
            TimeAllowance::Standard => 100,
            TimeAllowance::OneAndAHalf => 150,
            TimeAllowance::Double => 200,
        }
    }

    /// The factor as a number (1, 1.5, 2), as xAPI and the report write it.
    pub fn factor(self) -> f64 {
        f64::from(self.percent()) / 100.0
    }

    /// The allowance with this factor, if it is one of the three.
    pub fn from_factor(factor: f64) -> Option<TimeAllowance> {
        TimeAllowance::ALL
            .into_iter()
            .find(|a| (a.factor() - factor).abs() < 1e-9)
    }

    /// A window of `ms` under this allowance.
    pub fn widen(self, ms: Millis) -> Millis {
        // u64 so a long chat window doubled cannot overflow.
        (u64::from(ms) * u64::from(self.percent()) / 100).min(u64::from(Millis::MAX)) as Millis
    }

    /// "x1", "x1.5", "x2": the session file's and the spreadsheets' word.
    pub fn keyword(self) -> &'static str {
        match self {
            TimeAllowance::Standard => "x1",
            TimeAllowance::OneAndAHalf => "x1.5",
            TimeAllowance::Double => "x2",
        }
    }

    /// The factor as words show it after "×": "1", "1.5", "2".
    pub fn factor_text(self) -> &'static str {
        &self.keyword()[1..]
    }

    /// The next setting, for a switch that cycles x1 -> x1.5 -> x2 -> x1.
    pub fn next(self) -> TimeAllowance {
        match self {
            TimeAllowance::Standard => TimeAllowance::OneAndAHalf,
            TimeAllowance::OneAndAHalf => TimeAllowance::Double,
            TimeAllowance::Double => TimeAllowance::Standard,
        }
    }

    pub fn is_standard(&self) -> bool {
        *self == TimeAllowance::Standard
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widening_scales_the_window_and_reads_back_from_its_factor() {
        assert_eq!(TimeAllowance::Standard.widen(5_000), 5_000);
        assert_eq!(TimeAllowance::OneAndAHalf.widen(5_000), 7_500);
        assert_eq!(TimeAllowance::Double.widen(30_000), 60_000);
        assert_eq!(TimeAllowance::Double.widen(Millis::MAX), Millis::MAX);
        for a in TimeAllowance::ALL {
            assert_eq!(TimeAllowance::from_factor(a.factor()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.keyword())
            );
        }
        assert_eq!(TimeAllowance::from_factor(3.0), None);
        assert_eq!(TimeAllowance::Double.next(), TimeAllowance::Standard);
        assert_eq!(TimeAllowance::OneAndAHalf.factor_text(), "1.5");
    }
}
