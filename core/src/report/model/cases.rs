//! Each case across the group: pass rate, scores, and the replies chosen at each choice point.

use std::collections::BTreeMap;

use super::{CaseResult, PlayedCase, case_results};
use crate::report::fact::CallFact;
use crate::scenario::Scenario;

/// How often one reply was chosen at a choice point.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyCount {
    /// 0-based, as the scenario lists them (the game shows them shuffled).
    pub reply: usize,
    pub text: String,
    pub follows: Vec<String>,
    pub breaks: Vec<String>,
    pub chosen: usize,
}

/// A choice point of a case and what the group chose there.
#[derive(Debug, Clone, PartialEq)]
pub struct BeatChoices {
    pub beat: String,
    /// Replies chosen here in all.
    pub chosen: usize,
    pub replies: Vec<ReplyCount>,
    /// The reply that breaks a rule and was chosen most (at least once): what to teach.
    pub tempting: Option<usize>,
}

/// One case across the group.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStats {
    pub case: PlayedCase,
    pub trainees: usize,
    pub calls: usize,
    pub passes: usize,
    pub trainees_passed: usize,
    /// Mean attempts to the first pass, over the trainees who passed.
    pub attempts_to_first_pass: Option<f64>,
    /// Means over the trainees who played it.
    pub mean_first: f64,
    pub mean_best: f64,
    pub beats: Vec<BeatChoices>,
}

impl CaseStats {
    pub fn pass_rate(&self) -> f64 {
        if self.calls == 0 {
            0.0
        } else {
            self.passes as f64 / self.calls as f64
        }
    }
}

/// Per case: pass rate, attempts to first pass, first and best score, and the replies
/// chosen at each choice point (the library's beats in order, replies as it lists them).
pub fn case_stats(
    calls: &[CallFact],
    cases: &[PlayedCase],
    scenarios: &[Scenario],
) -> Vec<CaseStats> {
    cases
        .iter()
        .map(|case| {
            let mine: Vec<&CallFact> = calls.iter().filter(|c| c.case == case.id).collect();
            let mut by_trainee: BTreeMap<String, Vec<&CallFact>> = BTreeMap::new();
            for c in &mine {
                by_trainee
                    .entry(crate::profile::slug(&c.trainee))
                    .or_default()
                    .push(c);
            }
            let results: Vec<CaseResult> = by_trainee
                .values()
                .filter_map(|calls| case_results(calls).remove(&case.id))
                .collect();
            let firsts: Vec<f64> = results
                .iter()
                .filter_map(|r| r.first_pass_at.map(|n| n as f64))
                .collect();
            let mean = |values: &[f64]| {
                (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
            };
            let scenario = scenarios.iter().find(|s| s.id == case.id);
            CaseStats {
                case: case.clone(),
                trainees: results.len(),
                calls: mine.len(),
                passes: mine.iter().filter(|c| c.passed).count(),
                trainees_passed: firsts.len(),
                attempts_to_first_pass: mean(&firsts),
                mean_first: mean(
                    &results
                        .iter()
                        .map(|r| f64::from(r.first))
                        .collect::<Vec<_>>(),
                )
                .unwrap_or(0.0),
                mean_best: mean(
                    &results
                        .iter()
                        .map(|r| f64::from(r.best))
                        .collect::<Vec<_>>(),
                )
                .unwrap_or(0.0),
                beats: beat_choices(&mine, scenario),
            }
        })
        .collect()
}

fn beat_choices(calls: &[&CallFact], scenario: Option<&Scenario>) -> Vec<BeatChoices> {
    // Counted per (beat, reply) from every reply event.
    let mut counts: BTreeMap<(String, usize), (usize, String)> = BTreeMap::new();
    let mut seen_order: Vec<String> = Vec::new();
    for call in calls {
        for r in &call.replies {
            let entry = counts
                .entry((r.beat.clone(), r.reply))
                .or_insert((0, r.text.clone()));
            entry.0 += 1;
            if !seen_order.contains(&r.beat) {
                seen_order.push(r.beat.clone());
            }
        }
    }
    let mut beats: Vec<BeatChoices> = Vec::new();
    let mut add = |beat: String, mut replies: Vec<ReplyCount>| {
        for ((b, reply), (n, text)) in &counts {
            if *b == beat && !replies.iter().any(|r| r.reply == *reply) {
                // A reply the library's version of the case no longer has.
                replies.push(ReplyCount {
                    reply: *reply,
                    text: text.clone(),
                    follows: Vec::new(),
                    breaks: Vec::new(),
                    chosen: *n,
                });
            }
        }
        let chosen: usize = replies.iter().map(|r| r.chosen).sum();
        if chosen == 0 || replies.len() < 2 {
            return; // Not played, or not a choice.
        }
        let tempting = replies
            .iter()
            .filter(|r| !r.breaks.is_empty() && r.chosen > 0)
            .max_by(|a, b| a.chosen.cmp(&b.chosen).then(b.reply.cmp(&a.reply)))
            .map(|r| r.reply);
        beats.push(BeatChoices {
            beat,
            chosen,
            replies,
            tempting,
        });
    };
    match scenario {
        Some(s) => {
            for beat in &s.beats {
                let replies = beat
                    .replies
                    .iter()
                    .enumerate()
                    .map(|(i, r)| ReplyCount {
                        reply: i,
                        text: r.text.clone(),
                        follows: r.follows.clone(),
                        breaks: r.breaks.clone(),
                        chosen: counts.get(&(beat.id.clone(), i)).map_or(0, |c| c.0),
                    })
                    .collect();
                add(beat.id.clone(), replies);
            }
            // Beats the library's version no longer has.
            for beat in seen_order.iter().filter(|b| s.beat_index(b).is_none()) {
                add(beat.clone(), Vec::new());
            }
        }
        None => {
            for beat in seen_order {
                add(beat, Vec::new());
            }
        }
    }
    beats
}
