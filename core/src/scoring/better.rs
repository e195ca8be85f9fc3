//! "A better reply here": at each choice point, the reply the rubric prefers to the one
//! chosen, and why.

use serde::Serialize;

use super::tally::{Chosen, Moment, MomentSource};
use crate::guidance::Catalogue;
use crate::guidance::ids;
use crate::scenario::{Reply, Scenario};
use crate::vocab::{Millis, Verdict};

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
    /// The words chosen were already the best here: only how they were said was wrong.
    pub same_words: bool,
    /// How to say it: what the moment or the voice of the chosen reply got wrong.
    pub delivery: Delivery,
}

/// How a reply should have been said, where the way it was said broke a rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Delivery {
    /// It was said over the customer, or too late: say it in the pause.
    pub in_the_pause: bool,
    /// It was said firmly to a loud customer: say it softly (in a chat, warmly).
    pub softly: bool,
}

impl Delivery {
    pub fn is_fine(self) -> bool {
        !self.in_the_pause && !self.softly
    }

    /// What the moments judged at the instant of a reply say about how it was said.
    fn of(at: Millis, moments: &[Moment]) -> Delivery {
        let broke = |rule: &str, sources: &[MomentSource]| {
            moments.iter().any(|m| {
                m.at == at
                    && m.verdict == Verdict::Broken
                    && m.rule == rule
                    && sources.contains(&m.source)
            })
        };
        let timing = [MomentSource::Timing, MomentSource::Silence];
        Delivery {
            in_the_pause: broke(ids::LET_THEM_VENT, &timing)
                || broke(ids::ANSWER_IN_THE_PAUSE, &timing)
                || broke(ids::NO_DEAD_AIR, &timing),
            softly: broke(ids::LOWER_YOUR_VOICE, &[MomentSource::Voice]),
        }
    }

    /// In English, for the `why` of a reply whose delivery broke a rule.
    fn english(self) -> String {
        match (self.in_the_pause, self.softly) {
            (true, true) => "in the pause, softly".into(),
            (true, false) => "in the pause".into(),
            (false, true) => "softly".into(),
            (false, false) => String::new(),
        }
    }
}

/// A reply's worth by the rubric: the weight of the rules it follows, minus the policy's
/// broken factor times the weight of those it breaks.
pub fn rubric_value(reply: &Reply, catalogue: &Catalogue) -> i64 {
    let weight = |id: &String| catalogue.get(id).map_or(0, |r| i64::from(r.weight));
    reply.follows.iter().map(weight).sum::<i64>()
        - i64::from(catalogue.scoring.broken_factor) * reply.breaks.iter().map(weight).sum::<i64>()
}

/// At each choice point, the best reply by the rubric when it beats the one chosen, and
/// how to say it when the moment or the voice broke a rule (from the call's `moments`; a
/// call kept without them gets words only). The right words said wrongly get a note too:
/// "the same words, in the pause, softly".
pub(super) fn better_replies(
    scenario: &Scenario,
    catalogue: &Catalogue,
    chosen: &[Chosen],
    moments: &[Moment],
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
            let delivery = Delivery::of(choice.at, moments);
            let same_words =
                best_index == choice.reply || rubric_value(best, catalogue) <= picked_value;
            if same_words {
                return (!delivery.is_fine()).then(|| BetterReply {
                    at: choice.at,
                    beat: beat.id.clone(),
                    chosen: picked.text.clone(),
                    better: picked.text.clone(),
                    why: format!("the same words, {}", delivery.english()),
                    follows: Vec::new(),
                    avoids: Vec::new(),
                    same_words: true,
                    delivery,
                });
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
            if !delivery.is_fine() {
                why.push(format!("said {}", delivery.english()));
            }
            Some(BetterReply {
                at: choice.at,
                beat: beat.id.clone(),
                chosen: picked.text.clone(),
                better: best.text.clone(),
                why: why.join("; "),
                follows,
                avoids,
                same_words: false,
                delivery,
            })
        })
        .collect()
}
