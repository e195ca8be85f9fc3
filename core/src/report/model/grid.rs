//! The cohort grid: each trainee's results on each case played.

use std::collections::BTreeMap;

use super::{PlayedCase, calls_of, journey};
use crate::guidance::Policy;
use crate::report::fact::{CallFact, TraineeFact};
use crate::scenario::Scenario;

/// One trainee's results on one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseResult {
    pub attempts: usize,
    pub passes: usize,
    pub first: u8,
    pub best: u8,
    /// The attempt (1 for the first) that first passed.
    pub first_pass_at: Option<usize>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.passes > 0
    }
}

/// A trainee's results per case, from their calls in order.
pub fn case_results(calls: &[&CallFact]) -> BTreeMap<String, CaseResult> {
    let mut out: BTreeMap<String, CaseResult> = BTreeMap::new();
    for call in calls {
        let r = out.entry(call.case.clone()).or_insert(CaseResult {
            attempts: 0,
            passes: 0,
            first: call.total,
            best: call.total,
            first_pass_at: None,
        });
        r.attempts += 1;
        r.best = r.best.max(call.total);
        if call.passed {
            r.passes += 1;
            r.first_pass_at.get_or_insert(r.attempts);
        }
    }
    out
}

/// A row of the cohort grid: one trainee, their tier, and a cell per case.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub trainee: String,
    pub tier: u8,
    pub calls: usize,
    pub passes: usize,
    /// One per case of `cases_played`, None where they never played it.
    pub cells: Vec<Option<CaseResult>>,
}

/// Trainees x cases. `calls` is what the report covers; `all_calls` every call read (the
/// current tier counts every call, whatever the period shown).
pub fn cohort_grid(
    calls: &[CallFact],
    all_calls: &[CallFact],
    trainees: &[TraineeFact],
    cases: &[PlayedCase],
    scenarios: &[Scenario],
    policy: &Policy,
) -> Vec<GridRow> {
    trainees
        .iter()
        .map(|t| {
            let mine = calls_of(calls, &t.name);
            let results = case_results(&mine);
            let all = calls_of(all_calls, &t.name);
            GridRow {
                trainee: t.name.clone(),
                tier: journey(&all, scenarios, policy, t.unlocked_tiers.as_ref()).tier,
                calls: mine.len(),
                passes: mine.iter().filter(|c| c.passed).count(),
                cells: cases.iter().map(|c| results.get(&c.id).copied()).collect(),
            }
        })
        .collect()
}
