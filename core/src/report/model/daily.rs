//! Calls and passes per day.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::report::fact::CallFact;

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
    let mut by_day: BTreeMap<Date, (usize, usize)> = BTreeMap::new();
    for c in calls {
        let e = by_day.entry(c.date()).or_default();
        e.0 += 1;
        e.1 += usize::from(c.passed);
    }
    let (Some(&first), Some(&last)) = (by_day.keys().next(), by_day.keys().next_back()) else {
        return Vec::new();
    };
    let span = first
        .until(last)
        .map_or(i64::MAX, |s| i64::from(s.get_days()));
    if span <= MAX_FILLED_DAYS {
        for day in first.series(1.day()).take_while(|d| *d <= last) {
            by_day.entry(day).or_default();
        }
    }
    by_day
        .into_iter()
        .map(|(d, (calls, passes))| DayCount {
            day: d.to_string(),
            calls,
            passes,
        })
        .collect()
}
