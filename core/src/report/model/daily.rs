//! Calls and passes per day.

use std::collections::BTreeMap;

use crate::report::fact::CallFact;
use crate::report::load::day_of;

/// Calls and passes on one day (UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    pub day: String,
    pub calls: usize,
    pub passes: usize,
}

/// Calls and passes per day, from the first day to the last; days with no calls are
/// included (as zeros) when the span is at most `MAX_FILLED_DAYS`.
pub fn daily(calls: &[CallFact]) -> Vec<DayCount> {
    const MAX_FILLED_DAYS: i64 = 120;
    let mut by_day: BTreeMap<i64, (usize, usize)> = BTreeMap::new();
    for c in calls {
        let e = by_day.entry(c.day_number()).or_default();
        e.0 += 1;
        e.1 += usize::from(c.passed);
    }
    let (Some(&first), Some(&last)) = (by_day.keys().next(), by_day.keys().next_back()) else {
        return Vec::new();
    };
    if last - first <= MAX_FILLED_DAYS {
        for d in first..=last {
            by_day.entry(d).or_default();
        }
    }
    by_day
        .into_iter()
        .map(|(d, (calls, passes))| DayCount {
            day: day_of(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(d.max(0) as u64 * 86_400),
            ),
            calls,
            passes,
        })
        .collect()
}
