//! What a shift came to: the measures a call-centre supervisor reads at the end of a day
//! (calls handled, handle time, first-contact resolution, service level, promises kept),
//! the agent's strain and composure, and whether the shift passed by the policy's rules.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::run::{CallKind, ShiftCall, ShiftRun};
use crate::guidance::ShiftPolicy;

/// Why a shift did not pass, one per rule missed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum ShiftShortfall {
    CallsPassed {
        share: f64,
        needed: f64,
    },
    PromisesKept {
        share: f64,
        needed: f64,
    },
    ServiceLevel {
        share: f64,
        needed: f64,
    },
    FirstContactResolution {
        share: f64,
        needed: f64,
    },
    /// No call was handled at all.
    NoCalls,
}

impl ShiftShortfall {
    /// In English, for the CLI and the records.
    pub fn text(&self) -> String {
        let pct = |x: f64| format!("{:.0} %", x * 100.0);
        match *self {
            ShiftShortfall::CallsPassed { share, needed } => {
                format!("{} of calls passed, {} needed", pct(share), pct(needed))
            }
            ShiftShortfall::PromisesKept { share, needed } => {
                format!(
                    "{} of promised call-backs made on time, {} needed",
                    pct(share),
                    pct(needed)
                )
            }
            ShiftShortfall::ServiceLevel { share, needed } => {
                format!(
                    "{} of callers answered in time, {} needed",
                    pct(share),
                    pct(needed)
                )
            }
            ShiftShortfall::FirstContactResolution { share, needed } => format!(
                "{} of first calls needed no call again, {} needed",
                pct(share),
                pct(needed)
            ),
            ShiftShortfall::NoCalls => "no call was handled".into(),
        }
    }
}

/// Conduct after a hard call against the rest of the shift (seed 003: composure).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Composure {
    /// Calls that came straight after a hard one, and their average score.
    pub after_hard: usize,
    pub after_hard_score: f64,
    /// Every other call, and their average score.
    pub others: usize,
    pub others_score: f64,
}

impl Composure {
    /// Conduct dropped after hard calls by more than a grade's width.
    pub fn dropped(&self) -> bool {
        self.others_score - self.after_hard_score >= 10.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleCount {
    pub rule: String,
    pub times: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftSummary {
    pub shift: String,
    pub calls_handled: usize,
    pub calls_passed: usize,
    /// First calls whose customer did not have to call again, 0-1.
    pub first_contact_resolution: f64,
    /// Customers who called again.
    pub repeat_calls: usize,
    pub promises_made: usize,
    pub promises_kept: usize,
    /// Talk plus after-call work, over the calls handled.
    pub average_handle_s: f64,
    pub longest_wait_s: f64,
    /// Callers answered within the policy's target, over callers answered and abandoned.
    pub service_level: f64,
    pub abandoned: usize,
    pub after_call_skipped: usize,
    pub breaks: usize,
    pub peak_strain: u32,
    pub hard_calls: usize,
    pub composure: Option<Composure>,
    /// The rule broken most across the shift.
    pub most_broken: Option<RuleCount>,
    /// How long the shift ran, from the first caller to the last after-call work.
    pub length_s: f64,
    pub passed: bool,
    pub shortfalls: Vec<ShiftShortfall>,
}

/// The summary of a shift run to its end (or as far as it has got).
pub fn summarise(run: &ShiftRun) -> ShiftSummary {
    let policy: &ShiftPolicy = run.policy();
    let calls = run.calls();
    let handled = calls.len();
    let passed = calls.iter().filter(|c| c.passed).count();
    let firsts: Vec<usize> = (0..handled)
        .filter(|&i| calls[i].kind == CallKind::First)
        .collect();
    let called_again = |first: usize| {
        calls
            .iter()
            .any(|c| c.kind == CallKind::CallBack && c.first_of_chain == first)
    };
    let resolved_first = firsts.iter().filter(|&&i| !called_again(i)).count();
    let repeat_calls = calls
        .iter()
        .filter(|c| c.kind == CallKind::CallBack)
        .count();
    let promises_made = run.promises().len();
    let promises_kept = run.promises().iter().filter(|p| p.kept).count();
    let inbound: Vec<&ShiftCall> = calls
        .iter()
        .filter(|c| c.kind != CallKind::FollowUp)
        .collect();
    let target = policy.answer_within_s * 1000;
    let in_time = inbound.iter().filter(|c| c.waited <= target).count();
    let offered = inbound.len() + run.abandoned().len();
    let service_level = share(in_time, offered);
    let longest_wait = inbound
        .iter()
        .map(|c| c.waited)
        .chain(run.abandoned().iter().map(|a| a.gave_up - a.arrived))
        .max()
        .unwrap_or(0);
    let average_handle_s = if handled == 0 {
        0.0
    } else {
        calls.iter().map(|c| f64::from(c.handle())).sum::<f64>() / handled as f64 / 1000.0
    };
    let hard: Vec<bool> = calls.iter().map(|c| c.was_hard(policy)).collect();
    let (mut after, mut others) = (Vec::new(), Vec::new());
    for (i, c) in calls.iter().enumerate() {
        if i > 0 && hard[i - 1] {
            after.push(f64::from(c.score));
        } else {
            others.push(f64::from(c.score));
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let composure = (!after.is_empty() && !others.is_empty()).then(|| Composure {
        after_hard: after.len(),
        after_hard_score: mean(&after),
        others: others.len(),
        others_score: mean(&others),
    });
    let mut broken: BTreeMap<&str, usize> = BTreeMap::new();
    for rule in calls.iter().flat_map(|c| &c.broken) {
        *broken.entry(rule).or_default() += 1;
    }
    let most_broken = broken
        .iter()
        .max_by_key(|(rule, n)| (**n, std::cmp::Reverse(**rule)))
        .map(|(rule, &times)| RuleCount {
            rule: rule.to_string(),
            times,
        });
    let fcr = share(resolved_first, firsts.len());
    let pass = policy.pass;
    let mut shortfalls = Vec::new();
    if handled == 0 {
        shortfalls.push(ShiftShortfall::NoCalls);
    }
    let calls_share = share(passed, handled);
    if handled > 0 && calls_share < pass.calls_passed {
        shortfalls.push(ShiftShortfall::CallsPassed {
            share: calls_share,
            needed: pass.calls_passed,
        });
    }
    let kept_share = share(promises_kept, promises_made);
    if promises_made > 0 && kept_share < pass.promises_kept {
        shortfalls.push(ShiftShortfall::PromisesKept {
            share: kept_share,
            needed: pass.promises_kept,
        });
    }
    if offered > 0 && service_level < pass.service_level {
        shortfalls.push(ShiftShortfall::ServiceLevel {
            share: service_level,
            needed: pass.service_level,
        });
    }
    if !firsts.is_empty() && fcr < pass.first_contact_resolution {
        shortfalls.push(ShiftShortfall::FirstContactResolution {
            share: fcr,
            needed: pass.first_contact_resolution,
        });
    }
    ShiftSummary {
        shift: run.shift().id.clone(),
        calls_handled: handled,
        calls_passed: passed,
        first_contact_resolution: fcr,
        repeat_calls,
        promises_made,
        promises_kept,
        average_handle_s,
        longest_wait_s: f64::from(longest_wait) / 1000.0,
        service_level,
        abandoned: run.abandoned().len(),
        after_call_skipped: calls.iter().filter(|c| c.after_call_skipped).count(),
        breaks: run.breaks().len(),
        peak_strain: run
            .strain_over_time()
            .iter()
            .map(|(_, s)| *s)
            .max()
            .unwrap_or(0),
        hard_calls: hard.iter().filter(|h| **h).count(),
        composure,
        most_broken,
        length_s: f64::from(run.now()) / 1000.0,
        passed: shortfalls.is_empty(),
        shortfalls,
    }
}

/// A share, 1 when there is nothing to count (no promise made is no promise broken).
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}
