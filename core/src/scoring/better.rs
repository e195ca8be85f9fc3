//! "A better reply here": at each choice point, the reply the rubric prefers to the one
//! chosen, and why.

use serde::Serialize;

use super::tally::Chosen;
use crate::guidance::Catalogue;
use crate::scenario::{Reply, Scenario};
use crate::vocab::Millis;

/// A better reply the trainee could have chosen at a choice point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BetterReply {
    pub at: Millis,
    pub beat: String,
    pub chosen: String,
    pub better: String,
    /// Why it is better: the rules it follows that the chosen one did not, and so on.
    /// In English; `follows` and `avoids` say the same by rule id, for other languages.
    pub why: String,
    /// The rules the better reply follows that the chosen one did not (ids).
    pub follows: Vec<String>,
    /// The rules the chosen reply broke that the better one does not (ids).
    pub avoids: Vec<String>,
}

/// A reply's worth by the rubric: the weight of the rules it follows, minus the policy's
/// broken factor times the weight of those it breaks.
pub fn rubric_value(reply: &Reply, catalogue: &Catalogue) -> i64 {
    let weight = |id: &String| catalogue.get(id).map_or(0, |r| i64::from(r.weight));
    reply.follows.iter().map(weight).sum::<i64>()
        - i64::from(catalogue.scoring.broken_factor) * reply.breaks.iter().map(weight).sum::<i64>()
}

/// At each choice point, the best reply by the rubric when it beats the one chosen.
pub(super) fn better_replies(
    scenario: &Scenario,
    catalogue: &Catalogue,
    chosen: &[Chosen],
) -> Vec<BetterReply> {
    chosen
        .iter()
        .filter_map(|choice| {
            let beat = &scenario.beats[choice.beat];
            let picked = &beat.replies[choice.reply];
            let picked_value = rubric_value(picked, catalogue);
            let (best_index, best) = beat
                .replies
                .iter()
                .enumerate()
                .max_by_key(|(i, r)| (rubric_value(r, catalogue), std::cmp::Reverse(*i)))?;
            if best_index == choice.reply || rubric_value(best, catalogue) <= picked_value {
                return None;
            }
            let summaries = |ids: &[String]| -> Vec<&str> {
                ids.iter()
                    .filter_map(|r| catalogue.get(r).map(|r| r.summary.as_str()))
                    .collect()
            };
            let follows: Vec<String> = best
                .follows
                .iter()
                .filter(|r| !picked.follows.contains(r) && catalogue.get(r).is_some())
                .cloned()
                .collect();
            let avoids: Vec<String> = picked
                .breaks
                .iter()
                .filter(|r| !best.breaks.contains(r) && catalogue.get(r).is_some())
                .cloned()
                .collect();
            let gained = summaries(&follows);
            let avoided = summaries(&avoids);
            let mut why = Vec::new();
            if !avoided.is_empty() {
                why.push(format!("it doesn't break: {}", avoided.join("; ")));
            }
            if !gained.is_empty() {
                why.push(format!("it follows: {}", gained.join("; ")));
            }
            Some(BetterReply {
                at: choice.at,
                beat: beat.id.clone(),
                chosen: picked.text.clone(),
                better: best.text.clone(),
                why: why.join("; "),
                follows,
                avoids,
            })
        })
        .collect()
}
