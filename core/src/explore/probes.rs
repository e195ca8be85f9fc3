//! Single plays outside the search: an adversary's result, and the wordiest card played
//! whole.

#[allow(unused_imports)]
use super::*;

pub(super) fn adversary_result(
    adversary: Adversary,
    future: PathsAhead,
    partial: bool,
    scenario: &Scenario,
    catalogue: &Catalogue,
    seed: u64,
) -> AdversaryResult {
    let best = future.best.as_ref().map(Kept::finished);
    let core_breaks = best.as_ref().map_or_else(Vec::new, |best| {
        // The tally's counts, not a whole score: building one copies every moment of the
        // path, thousands in a long case.
        let (call, _) = crate::engine::script::run(scenario, catalogue, seed, &best.steps);
        catalogue
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.core)
            .filter_map(|(i, r)| {
                let broken = usize::from(call.tally().of_rule(i)[1]);
                (broken > 0).then(|| (r.id.clone(), broken))
            })
            .collect()
    });
    let passed = match (&best, &future.best_pass) {
        // An adversary with an aim passes only while meeting it as far as the case allows.
        (Some(best), Some(pass)) => pass.aim == best.aim,
        _ => false,
    };
    let passing = future
        .best_pass
        .as_ref()
        .filter(|_| passed && best.as_ref().is_some_and(|b| !b.passed))
        .map(Kept::finished);
    AdversaryResult {
        adversary,
        best,
        passed,
        passing,
        core_breaks,
        partial,
    }
}

/// Plays the call picking the longest reply every time, by the book otherwise.
pub(super) fn play_longest_card(
    scenario: std::sync::Arc<Scenario>,
    catalogue: std::sync::Arc<Catalogue>,
    seed: u64,
) -> LongestCard {
    let longest = |replies: &[crate::scenario::Reply]| {
        // The first of equally long replies, as a trainee reading top-down would.
        (0..replies.len())
            .rev()
            .max_by_key(|&i| replies[i].text.chars().count())
    };
    let mut choice_points = 0;
    let mut longest_is_right = 0;
    for beat in &scenario.beats {
        let right = beat.replies.iter().any(|r| r.breaks.is_empty());
        let wrong = beat.replies.iter().any(|r| !r.breaks.is_empty());
        if right && wrong {
            choice_points += 1;
            if longest(&beat.replies).is_some_and(|i| beat.replies[i].breaks.is_empty()) {
                longest_is_right += 1;
            }
        }
    }
    let mut call = Call::unrecorded(scenario.clone(), catalogue, seed);
    // Each beat may be entered a few times (recoveries); a path that circles is cut off.
    for _ in 0..scenario.beats.len() * usize::from(MAX_VISITS + 1) {
        if call.is_over() {
            break;
        }
        let Some(pick) = longest(call.replies()) else {
            break;
        };
        if act(&mut call, pick, Manner::ByTheBook).is_none() {
            break;
        }
    }
    let score = call.score();
    LongestCard {
        score: score.total,
        passed: call.is_over() && score.passed,
        ending: call
            .outcome()
            .map(|o| scenario.endings[o.ending].id.clone()),
        choice_points,
        longest_is_right,
    }
}
