//! Built-in trainees who play a whole shift headless (`hold-the-line shift`): one who
//! follows the guidance, and the habits a shift must not reward. Each call is played on
//! the path `explore` finds for that habit, on the case as this customer meets it (after
//! their wait, or where their last call left them).

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::file::Shift;
use super::run::{AfterCall, Answered, Next, ShiftRun};
use super::summary::{ShiftSummary, summarise};
use crate::engine::Call;
use crate::engine::script::{finish_reply, perform};
use crate::explore::{Adversary, PathResult, explore};
use crate::guidance::Catalogue;
use crate::scenario::Library;
use crate::vocab::{EndingKind, Meters, Millis};

/// How a built-in trainee works a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum ShiftTrainee {
    /// Each call on explore's best path; after-call work done, promises written down and
    /// kept on time, the scheduled breaks taken.
    Guidance,
    /// Explore's rude agent on every call: cuts in where it is cheap, always firm.
    Rude,
    /// Lets every silence run to just under dead air, and is slow at after-call work.
    Slow,
    /// Answers in the pause, always in a firm voice.
    Firm,
    /// Plays like the guidance, but writes no promise down and so keeps none.
    Forgetful,
}

impl ShiftTrainee {
    pub const ALL: [ShiftTrainee; 5] = [
        ShiftTrainee::Guidance,
        ShiftTrainee::Rude,
        ShiftTrainee::Slow,
        ShiftTrainee::Firm,
        ShiftTrainee::Forgetful,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ShiftTrainee::Guidance => "guidance",
            ShiftTrainee::Rude => "rude",
            ShiftTrainee::Slow => "slow",
            ShiftTrainee::Firm => "firm",
            ShiftTrainee::Forgetful => "forgetful",
        }
    }

    /// After-call work: noting the ending and any promise.
    fn after_call_time(self) -> Millis {
        match self {
            ShiftTrainee::Slow => 150_000,
            _ => 45_000,
        }
    }

    fn path(
        self,
        scenario: &crate::scenario::Scenario,
        catalogue: &Catalogue,
        seed: u64,
    ) -> Option<PathResult> {
        let report = explore(scenario, catalogue, seed);
        let adversary = |a: Adversary| {
            report
                .adversaries
                .iter()
                .find(|r| r.adversary == a)
                .and_then(|r| r.best.clone())
        };
        match self {
            ShiftTrainee::Guidance | ShiftTrainee::Forgetful => report.best,
            ShiftTrainee::Rude => adversary(Adversary::RudeAgent),
            ShiftTrainee::Slow => adversary(Adversary::JustUnderDeadAir),
            ShiftTrainee::Firm => adversary(Adversary::ShoutBackEveryBeat),
        }
    }
}

/// A shift played to its end.
pub struct PlayedShift {
    pub run: ShiftRun,
    pub summary: ShiftSummary,
}

/// Plays `shift` from start to end as `trainee`.
pub fn play_shift(
    shift: Arc<Shift>,
    library: &Library,
    catalogue: &Catalogue,
    trainee: ShiftTrainee,
    seed: u64,
) -> PlayedShift {
    let mut run = ShiftRun::new(shift, &library.scenarios, &catalogue.scoring.shift, seed);
    let shared = Arc::new(catalogue.clone());
    let mut paths: HashMap<(String, Meters), Option<PathResult>> = HashMap::new();
    // A shift ends; the bound only keeps a wrong policy from looping for ever.
    for _ in 0..10_000 {
        let answered = match run.next() {
            Next::Over => break,
            Next::Idle(at) => {
                run.wait_until(at);
                continue;
            }
            Next::Break => {
                run.take_break();
                continue;
            }
            Next::Promise(i) => run.call_back(i),
            Next::Caller => run.answer(),
        };
        let Some(answered) = answered else { break };
        let key = (
            answered.scenario.id.clone(),
            answered.scenario.customer.meters,
        );
        let path = paths
            .entry(key)
            .or_insert_with(|| trainee.path(&answered.scenario, catalogue, seed))
            .clone();
        let call = play_call(&answered, shared.clone(), path.as_ref(), seed);
        run.end_call(&call);
        let took = trainee.after_call_time();
        let promise_due = (call.outcome().is_some()
            && call.score().outcome == Some(EndingKind::CallBack)
            && trainee != ShiftTrainee::Forgetful)
            .then(|| {
                let case = &answered.scenario.id;
                let promise_in = run
                    .shift()
                    .follow_up_of(case)
                    .map_or(20 * 60_000, |f| f.promise_in);
                run.now() + took + promise_in
            });
        run.after_call(AfterCall {
            took,
            skipped: false,
            noted_ending: call.score().outcome,
            promise_due,
        });
    }
    let summary = summarise(&run);
    PlayedShift { run, summary }
}

/// One call on `path`; a call the path leaves unfinished runs on until the customer ends it.
fn play_call(
    answered: &Answered,
    catalogue: Arc<Catalogue>,
    path: Option<&PathResult>,
    seed: u64,
) -> Call {
    let mut call = Call::new(answered.scenario.clone(), catalogue, seed);
    call.note_opening(&answered.opening);
    for &step in path.map(|p| p.steps.as_slice()).unwrap_or_default() {
        if perform(&mut call, step).is_err() {
            break;
        }
    }
    finish_reply(&mut call);
    let mut guard = 0;
    while !call.is_over() && guard < 3_600 {
        call.advance(1_000);
        guard += 1;
    }
    call
}
