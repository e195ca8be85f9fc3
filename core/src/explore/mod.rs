//! Walks every path through a scenario, to tell a trainer in a second whether it is fair.
//!
//! The explorer tries every reply at every choice point, once for each manner of playing
//! the whole call: by the book (in the pause, a soft voice to a loud customer),
//! interrupting, shouting back, leaving dead air, and interrupting while shouting. The
//! best path comes from playing by the book; the other manners show how forgiving the case
//! is ("still passes when the trainee interrupts every time?") and reach the endings a
//! careless trainee meets. Paths that reach the same state (beat, meters, tallies, beats
//! visited) share their future, so each state is expanded once. A path may come back to a
//! beat once (a recovery after a mistake), not more.
//!
//! Beside the manners, the explorer plays adversarial trainees (`Adversary`): a bored
//! trainee who has learnt how the score works and games it one way (rude only where it is
//! cheap, answering a hair before dead air, spending each core rule's one forgiven slip, the
//! wordiest card). For each it finds the best score that trainee can reach, searching the
//! replies while the adversary's habit fixes timing and voice, and whether it passes.
//!
//! Every play, manner or adversary, is searched within one stated [`Budget`] of states and
//! bytes. A search that runs out reports what it found and claims nothing it did not prove.

mod budget;
mod paths_ahead;
mod player;
mod probes;
mod result;
mod search;
mod visits;

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use serde::Serialize;

use crate::engine::script::{Step, When, finish_reply};
use crate::engine::{Call, Grade, StateKey, Voice};
use crate::guidance::{Catalogue, ids};
use crate::scenario::{EndingKind, Scenario};

pub use budget::*;
pub use paths_ahead::PATH_CAP;
use paths_ahead::*;
use player::*;
pub use player::{Adversary, Manner};
use probes::*;
pub use result::*;
use search::*;
use visits::Visits;

/// Explores a scenario within [`Budget::DEFAULT`]. `seed` fixes wording and jitter;
/// verdicts never depend on it.
pub fn explore(scenario: &Scenario, catalogue: &Catalogue, seed: u64) -> Exploration {
    explore_with(scenario, catalogue, seed, Budget::DEFAULT, &mut |_| {})
}

/// Searches only the adversarial trainees within `budget`: what `check` warns from. The
/// same searches as [`explore_with`]'s adversaries, without the five manners a full
/// exploration also plays (the trainee shouting back on every beat is the shouting-back
/// manner, searched here for that one alone), so each gets a larger share of the budget.
pub fn adversaries_with(
    scenario: &Scenario,
    catalogue: &Catalogue,
    seed: u64,
    budget: Budget,
) -> Vec<AdversaryResult> {
    let mut searches = Searches::new(scenario, catalogue, seed, budget, Adversary::ALL.len());
    let mut quiet = |_: &Progress| {};
    let (future, explorer) = searches.play(Play::Manner(Manner::ShoutBack), &mut quiet);
    let shout_back = (future, explorer.partial);
    drop(explorer);
    searches.adversaries(&shout_back, &mut quiet)
}

/// One exploration's searches: the case, the clock, the budget and what the plays so far
/// have used of it. Each play gets an equal share of the states the plays before it left
/// unused.
struct Searches<'a> {
    scenario: &'a Scenario,
    catalogue: &'a Catalogue,
    /// The same case and catalogue shared, for the calls each play starts from.
    shared_scenario: std::sync::Arc<Scenario>,
    shared_catalogue: std::sync::Arc<Catalogue>,
    seed: u64,
    budget: Budget,
    started: Instant,
    spent: Spent,
}

impl<'a> Searches<'a> {
    /// Searches for `plays` plays, starting the clock now.
    fn new(
        scenario: &'a Scenario,
        catalogue: &'a Catalogue,
        seed: u64,
        budget: Budget,
        plays: usize,
    ) -> Searches<'a> {
        Searches {
            scenario,
            catalogue,
            shared_scenario: std::sync::Arc::new(scenario.clone()),
            shared_catalogue: std::sync::Arc::new(catalogue.clone()),
            seed,
            budget,
            started: Instant::now(),
            spent: Spent {
                states: 0,
                cut_off: 0,
                peak_bytes: 0,
                partial: false,
                plays_left: plays,
            },
        }
    }

    /// Searches `play` from the start of the call.
    fn play<'p>(
        &mut self,
        play: Play,
        progress: &'p mut dyn FnMut(&Progress),
    ) -> (PathsAhead, Explorer<'a, 'p>) {
        let call = Call::unrecorded(
            self.shared_scenario.clone(),
            self.shared_catalogue.clone(),
            self.seed,
        );
        self.spent.search(
            self.scenario,
            self.catalogue,
            play,
            call,
            self.budget,
            self.started,
            progress,
        )
    }

    /// Every adversary's search and result; `shout_back` is the shouting-back manner's
    /// (future, search cut short), which the trainee shouting back on every beat plays.
    fn adversaries(
        &mut self,
        shout_back: &(PathsAhead, bool),
        progress: &mut dyn FnMut(&Progress),
    ) -> Vec<AdversaryResult> {
        let mut adversaries = Vec::new();
        for adversary in Adversary::ALL {
            let (future, cut_short) = if adversary == Adversary::ShoutBackEveryBeat {
                // Shouting back on every beat is the shouting-back manner: no need to play it twice.
                (shout_back.0.clone(), shout_back.1)
            } else {
                let (future, explorer) = self.play(Play::Adversary(adversary), &mut *progress);
                (future, explorer.partial)
            };
            adversaries.push(adversary_result(
                adversary,
                future,
                cut_short,
                self.scenario,
                self.catalogue,
                self.seed,
            ));
        }
        adversaries
    }
}

/// Explores a scenario within `budget`, calling `progress` now and then (every few
/// thousand states) on a long search. The budget covers every play: the five manners and
/// the adversarial trainees.
pub fn explore_with(
    scenario: &Scenario,
    catalogue: &Catalogue,
    seed: u64,
    budget: Budget,
    progress: &mut dyn FnMut(&Progress),
) -> Exploration {
    // Every manner is searched, then every adversary but the one shouting back on every
    // beat, who plays the shouting-back manner.
    let mut searches = Searches::new(
        scenario,
        catalogue,
        seed,
        budget,
        Manner::ALL.len() + Adversary::ALL.len() - 1,
    );
    let mut rules_exercised = vec![false; catalogue.rules.len()];
    let mut beats_entered = vec![false; scenario.beats.len()];
    let mut total = PathsAhead::empty();
    let mut tolerance = Vec::new();
    let mut by_the_book = None;
    let mut shout_back = None;
    for manner in Manner::ALL {
        let (future, mut explorer) = searches.play(Play::Manner(manner), &mut *progress);
        for (seen, now) in rules_exercised.iter_mut().zip(&explorer.rules_exercised) {
            *seen |= *now;
        }
        for (seen, now) in beats_entered.iter_mut().zip(&explorer.beats_entered) {
            *seen |= *now;
        }
        tolerance.push(Tolerance {
            manner,
            passable: future.any_pass,
            best: future.best.as_ref().map(|b| b.score),
        });
        if manner == Manner::ShoutBack {
            shout_back = Some((future.clone(), explorer.partial));
        }
        if manner == Manner::ByTheBook {
            total = future.clone();
            by_the_book = Some((
                std::mem::take(&mut explorer.reply_best),
                std::mem::take(&mut explorer.reply_passes),
                std::mem::take(&mut explorer.beats_entered_clean),
            ));
        } else {
            // Best and shortest come from playing by the book; the rest from every manner.
            let best = total.best.clone();
            let best_pass = total.best_pass.clone();
            let shortest = total.shortest.clone();
            total.merge_all(&future);
            total.best = best;
            total.best_pass = best_pass;
            total.shortest = shortest;
        }
    }
    let shout_back = shout_back.expect("the shouting-back manner is one of Manner::ALL");
    let adversaries = searches.adversaries(&shout_back, progress);
    let Searches {
        shared_scenario,
        shared_catalogue,
        started,
        spent,
        ..
    } = searches;

    let Spent {
        states,
        cut_off,
        peak_bytes,
        partial,
        ..
    } = spent;
    let endings = scenario
        .endings
        .iter()
        .enumerate()
        .map(|(i, e)| EndingReach {
            id: e.id.clone(),
            kind: e.kind,
            reachable: total.endings & (1u64 << i.min(63)) != 0,
        })
        .collect();
    let mut never_worth_choosing = Vec::new();
    // A partial search cannot show that a reply never leads to a pass.
    if let Some((reply_best, reply_passes, entered_clean)) =
        by_the_book.as_ref().filter(|_| !partial)
    {
        for (b, beat) in scenario.beats.iter().enumerate() {
            for (r, reply) in beat.replies.iter().enumerate() {
                if reply_best.contains_key(&(b, r)) && !reply_passes.contains(&(b, r)) {
                    never_worth_choosing.push(ReplyRef {
                        beat: beat.id.clone(),
                        number: r + 1,
                        text: reply.text.clone(),
                        looks_good: !reply.follows.is_empty()
                            && reply.breaks.is_empty()
                            && entered_clean[b],
                    });
                }
            }
        }
    }
    let (exercised, mut not_exercised): (Vec<_>, Vec<_>) = catalogue
        .rules
        .iter()
        .zip(&rules_exercised)
        .partition(|(_, seen)| **seen);
    let not_reached: Vec<String> = scenario
        .beats
        .iter()
        .zip(&beats_entered)
        .filter(|(_, entered)| !**entered)
        .map(|(b, _)| b.id.clone())
        .collect();
    if partial {
        not_exercised.clear();
    }
    Exploration {
        scenario: scenario.id.clone(),
        title: scenario.title.clone(),
        tier: scenario.tier,
        pass_mark: scenario.pass_mark,
        winnable: total.any_pass,
        best: total.best.as_ref().map(Kept::finished),
        worst: total.worst.as_ref().map(Kept::finished),
        shortest_resolving: total.shortest.as_ref().map(Kept::finished),
        endings,
        forgiveness: total.forgiving.as_ref().map(|p| p.mistakes),
        most_forgiving: total.forgiving.as_ref().map(Kept::finished),
        tolerance,
        never_worth_choosing,
        rules_not_exercised: not_exercised
            .into_iter()
            .map(|(r, _)| r.id.clone())
            .collect(),
        rules_exercised: exercised.into_iter().map(|(r, _)| r.id.clone()).collect(),
        beats_not_reached: not_reached.len(),
        beats_never_entered: if partial { Vec::new() } else { not_reached },
        longest_card: play_longest_card(shared_scenario, shared_catalogue, seed),
        adversaries,
        states,
        states_at_least: states + cut_off,
        paths_exact: !partial && total.paths < PATH_CAP,
        paths: total.paths,
        partial,
        budget,
        peak_bytes,
        micros: started.elapsed().as_micros(),
    }
}
