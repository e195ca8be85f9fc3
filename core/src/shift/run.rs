//! A shift in progress: the clock, the queue, promises coming due and customers calling
//! again. The game and the headless trainees drive it the same way:
//!
//! 1. ask [`ShiftRun::next`] what is next (a caller, a promised call-back, a break, nothing
//!    until some time, or the end of the shift);
//! 2. take it ([`ShiftRun::answer`]): the case comes back as met, its opening meters moved
//!    by the wait or by how the customer's last call went, with the reasons to show;
//! 3. play the call through the engine, then [`ShiftRun::end_call`] with it;
//! 4. after-call work ([`ShiftRun::after_call`]): how it ended, any promise and its time.
//!
//! The shift's clock runs with the calls (a call's own clock), after-call work and breaks;
//! waiting for the next caller moves it on at once. Everything is decided by the shift, the
//! policy and the seed, so a shift replays exactly.

use std::collections::HashMap;
use std::sync::Arc;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::file::{Caller, Shift};
use crate::engine::{Call, Event};
use crate::guidance::ShiftPolicy;
use crate::scenario::{Intensity, Scenario};
use crate::vocab::{EndingKind, MeterDelta, Meters, Millis, Note};

/// Why a call is on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    /// A customer calling for the first time today.
    First,
    /// The agent calling back, as promised.
    FollowUp,
    /// A customer calling again: their call-back never came, or nothing was solved.
    CallBack,
}

/// What the agent should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// A promised call-back is due (index into [`ShiftRun::promises`]).
    Promise(usize),
    /// Callers are waiting: answer the one who waited longest.
    Caller,
    /// A scheduled break is due and nobody is waiting.
    Break,
    /// Nobody waits: the next thing happens at this time.
    Idle(Millis),
    /// Everyone was answered and every promise settled.
    Over,
}

/// A caller in the queue, or due to arrive.
#[derive(Debug, Clone)]
struct Waiting {
    case: String,
    arrives: Millis,
    kind: CallKind,
    /// The call this one follows (for a call-back).
    of: Option<usize>,
    /// Where the customer starts, when a last call decides it.
    carried: Option<(Meters, MeterDelta, Note)>,
}

/// A promise made on a call: a call-back at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// The call it was made on.
    pub call: usize,
    /// The case played when it is kept.
    pub case: Option<String>,
    pub due: Millis,
    /// Written down in after-call work: only then is it in the queue as a task.
    pub recorded: bool,
    pub kept: bool,
    pub missed: bool,
}

/// What the agent took and how the customer starts.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The case as met: its opening meters are where this customer starts.
    pub scenario: Arc<Scenario>,
    /// Why the meters start there, for [`Call::note_opening`].
    pub opening: Vec<(MeterDelta, Note)>,
    pub kind: CallKind,
    pub of: Option<usize>,
    pub waited: Millis,
}

/// One call of the shift, once its after-call work is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftCall {
    pub case: String,
    pub kind: CallKind,
    /// The call this one follows (a kept promise or a customer calling again).
    pub callback_of: Option<usize>,
    /// The first call of its customer's chain.
    pub first_of_chain: usize,
    pub arrived: Millis,
    pub answered: Millis,
    pub waited: Millis,
    pub talk: Millis,
    pub after_call: Millis,
    pub after_call_skipped: bool,
    pub score: u8,
    pub passed: bool,
    pub ending: Option<EndingKind>,
    pub opening: Meters,
    pub closing: Meters,
    pub strain_before: u32,
    pub strain_after: u32,
    /// Rules broken on the call, by id, once per moment.
    pub broken: Vec<String>,
}

impl ShiftCall {
    pub fn handle(&self) -> Millis {
        self.talk + self.after_call
    }

    pub fn was_hard(&self, policy: &ShiftPolicy) -> bool {
        self.strain_after.saturating_sub(self.strain_before) >= policy.strain.hard_call
    }
}

/// After-call work, as the trainee did it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AfterCall {
    /// How long it took (0 when skipped).
    pub took: Millis,
    /// Skipped: nothing written down.
    pub skipped: bool,
    /// How the trainee says the call ended.
    pub noted_ending: Option<EndingKind>,
    /// The call-back promised, as a time on the shift's clock, when written down.
    pub promise_due: Option<Millis>,
}

/// A caller who hung up in the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Abandoned {
    pub case: String,
    pub arrived: Millis,
    pub gave_up: Millis,
}

/// A break the agent took.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BreakTaken {
    pub at: Millis,
    pub length: Millis,
    pub scheduled: bool,
}

struct InCall {
    answered: Answered,
    at: Millis,
    strain_before: u32,
}

pub struct ShiftRun {
    shift: Arc<Shift>,
    policy: ShiftPolicy,
    cases: HashMap<String, Arc<Scenario>>,
    now: Millis,
    /// Callers not yet answered, arrived or due to arrive, in arrival order.
    waiting: Vec<Waiting>,
    promises: Vec<Promise>,
    calls: Vec<ShiftCall>,
    in_call: Option<InCall>,
    /// The call whose after-call work is still to do.
    after_call_due: Option<usize>,
    strain: u32,
    strain_over_time: Vec<(Millis, u32)>,
    breaks_due: Vec<Millis>,
    breaks: Vec<BreakTaken>,
    abandoned: Vec<Abandoned>,
}

impl ShiftRun {
    /// Starts a shift: draws the pools and the arrival times from `seed`.
    pub fn new<'a>(
        shift: Arc<Shift>,
        library: impl IntoIterator<Item = &'a Scenario>,
        policy: &ShiftPolicy,
        seed: u64,
    ) -> ShiftRun {
        let library: Vec<&Scenario> = library.into_iter().collect();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let sequels: Vec<&str> = shift
            .follow_ups
            .iter()
            .flat_map(|f| [f.follow_up.as_deref(), f.call_back.as_deref()])
            .flatten()
            .collect();
        let playable = |s: &Scenario| {
            !sequels.contains(&s.id.as_str())
                && (!s.endings.iter().any(|e| e.kind == EndingKind::CallBack)
                    || shift
                        .follow_up_of(&s.id)
                        .is_some_and(|f| f.follow_up.is_some()))
        };
        let mut used: Vec<String> = shift
            .callers
            .iter()
            .filter_map(|c| match c {
                Caller::Case(id) => Some(id.clone()),
                Caller::Pool(_) => None,
            })
            .collect();
        let mut ids = Vec::new();
        for caller in &shift.callers {
            match caller {
                Caller::Case(id) => ids.push(id.clone()),
                Caller::Pool(pool) => {
                    let matching: Vec<&Scenario> = library
                        .iter()
                        .copied()
                        .filter(|s| pool.matches(s, &shift.language) && playable(s))
                        .collect();
                    let fresh: Vec<&&Scenario> =
                        matching.iter().filter(|s| !used.contains(&s.id)).collect();
                    let pick = if fresh.is_empty() {
                        (!matching.is_empty())
                            .then(|| matching[rng.random_range(0..matching.len())])
                    } else {
                        Some(*fresh[rng.random_range(0..fresh.len())])
                    };
                    if let Some(s) = pick {
                        used.push(s.id.clone());
                        ids.push(s.id.clone());
                    }
                }
            }
        }
        let spacing = shift.length / (ids.len().max(1) as Millis);
        let waiting = ids
            .into_iter()
            .enumerate()
            .map(|(i, case)| {
                let jitter = if i == 0 || spacing < 3 {
                    0
                } else {
                    rng.random_range(0..spacing / 2)
                };
                Waiting {
                    case,
                    arrives: i as Millis * spacing + jitter,
                    kind: CallKind::First,
                    of: None,
                    carried: None,
                }
            })
            .collect();
        let cases = library
            .iter()
            .map(|s| (s.id.clone(), Arc::new((*s).clone())))
            .collect();
        ShiftRun {
            breaks_due: shift.breaks.clone(),
            shift,
            policy: policy.clone(),
            cases,
            now: 0,
            waiting,
            promises: Vec::new(),
            calls: Vec::new(),
            in_call: None,
            after_call_due: None,
            strain: 0,
            strain_over_time: vec![(0, 0)],
            breaks: Vec::new(),
            abandoned: Vec::new(),
        }
    }

    // ----- reading the shift -----

    pub fn shift(&self) -> &Shift {
        &self.shift
    }

    pub fn policy(&self) -> &ShiftPolicy {
        &self.policy
    }

    pub fn now(&self) -> Millis {
        self.now
    }

    pub fn strain(&self) -> u32 {
        self.strain
    }

    pub fn strain_over_time(&self) -> &[(Millis, u32)] {
        &self.strain_over_time
    }

    pub fn calls(&self) -> &[ShiftCall] {
        &self.calls
    }

    pub fn promises(&self) -> &[Promise] {
        &self.promises
    }

    pub fn abandoned(&self) -> &[Abandoned] {
        &self.abandoned
    }

    pub fn breaks(&self) -> &[BreakTaken] {
        &self.breaks
    }

    /// Callers in the queue now.
    pub fn queue_len(&self) -> usize {
        self.waiting
            .iter()
            .filter(|w| w.arrives <= self.now)
            .count()
    }

    /// How long the caller who has waited longest has waited.
    pub fn longest_wait(&self) -> Millis {
        self.waiting
            .iter()
            .filter(|w| w.arrives <= self.now)
            .map(|w| self.now - w.arrives)
            .max()
            .unwrap_or(0)
    }

    /// Promises written down and not yet settled, for the queue panel.
    pub fn open_tasks(&self) -> impl Iterator<Item = (usize, &Promise)> {
        self.promises
            .iter()
            .enumerate()
            .filter(|(_, p)| p.recorded && !p.kept && !p.missed && p.case.is_some())
    }

    /// Whether a promise's call-back can be made now (from its grace before the time given).
    pub fn promise_open(&self, i: usize) -> bool {
        self.promises.get(i).is_some_and(|p| {
            p.recorded
                && !p.kept
                && !p.missed
                && p.case.is_some()
                && self.now + self.grace() >= p.due
        })
    }

    /// The call waiting for its after-call work, if any.
    pub fn after_call_due(&self) -> Option<&ShiftCall> {
        self.after_call_due.and_then(|i| self.calls.get(i))
    }

    pub fn in_call(&self) -> bool {
        self.in_call.is_some()
    }

    fn grace(&self) -> Millis {
        self.policy.promise_grace_s * 1000
    }

    /// What the agent should do now.
    pub fn next(&self) -> Next {
        if let Some((i, _)) = self
            .open_tasks()
            .filter(|(i, _)| self.promise_open(*i))
            .min_by_key(|(_, p)| p.due)
        {
            return Next::Promise(i);
        }
        // A scheduled break is taken once the queue is empty: the queue pays for it
        // only in the callers who arrive during it.
        if self.breaks_due.first().is_some_and(|&at| at <= self.now) && self.queue_len() == 0 {
            return Next::Break;
        }
        if self.queue_len() > 0 {
            return Next::Caller;
        }
        match self.next_event() {
            Some(at) => Next::Idle(at),
            None => Next::Over,
        }
    }

    /// When the next thing happens on its own: an arrival, a recorded promise opening, a
    /// promise missed, a break due.
    fn next_event(&self) -> Option<Millis> {
        let grace = self.grace();
        let arrivals = self.waiting.iter().map(|w| w.arrives);
        // A written-down promise opens its grace before the time given; any promise is
        // missed at the end of its grace after it.
        let promises = self
            .promises
            .iter()
            .filter(|p| !p.kept && !p.missed && p.case.is_some())
            .flat_map(|p| {
                let opens = p.recorded.then(|| p.due.saturating_sub(grace));
                opens.into_iter().chain([p.due + grace])
            });
        let pending = arrivals.chain(promises).filter(|&t| t > self.now).min()?;
        // A break is waited for only while the shift has more to come.
        let breaks = self
            .breaks_due
            .iter()
            .copied()
            .filter(|&t| t > self.now)
            .min();
        Some(breaks.map_or(pending, |b| b.min(pending)))
    }

    // ----- driving the shift -----

    /// Lets the clock run to `at` with nobody on the line: callers arrive, give up, and
    /// promises pass.
    pub fn wait_until(&mut self, at: Millis) {
        if at > self.now {
            let minutes = (at - self.now) / 60_000;
            self.recover(minutes * self.policy.strain.recovery_per_minute);
            self.now = at;
        }
        self.settle();
    }

    /// Takes a break: the queue waits.
    pub fn take_break(&mut self) {
        let length = self.policy.strain.break_s * 1000;
        let scheduled = self.breaks_due.first().is_some_and(|&at| at <= self.now);
        if scheduled {
            self.breaks_due.remove(0);
        }
        self.breaks.push(BreakTaken {
            at: self.now,
            length,
            scheduled,
        });
        self.now += length;
        self.recover(self.policy.strain.break_relief);
        self.settle();
    }

    /// Skips a scheduled break that is due.
    pub fn skip_break(&mut self) {
        if self.breaks_due.first().is_some_and(|&at| at <= self.now) {
            self.breaks_due.remove(0);
        }
    }

    /// Answers the caller who waited longest. None when nobody waits.
    pub fn answer(&mut self) -> Option<Answered> {
        self.settle();
        let i = self
            .waiting
            .iter()
            .enumerate()
            .filter(|(_, w)| w.arrives <= self.now)
            .min_by_key(|(_, w)| w.arrives)?
            .0;
        let w = self.waiting.remove(i);
        let waited = self.now - w.arrives;
        let scenario = self.cases.get(&w.case)?.clone();
        let mut opening = Vec::new();
        let mut meters = scenario.customer.meters;
        if let Some((carried, delta, note)) = w.carried {
            // Said as a move from where their last call left them, which is what the
            // trainee saw last.
            let start = within_reach(add(carried, delta), &scenario);
            opening.push((diff(start, carried), note));
            meters = start;
        }
        let wait = self.policy.wait.delta((waited / 1000) as u32);
        if !wait.is_zero() {
            let after = within_reach(add(meters, wait), &scenario);
            opening.push((
                diff(after, meters),
                Note::Waited {
                    minutes: waited / 60_000,
                },
            ));
            meters = after;
        }
        Some(self.begin(scenario, meters, opening, w.kind, w.of, waited))
    }

    /// Makes a promised call-back. None when it cannot be made now.
    pub fn call_back(&mut self, promise: usize) -> Option<Answered> {
        if !self.promise_open(promise) {
            return None;
        }
        let p = &self.promises[promise];
        let of = p.call;
        let scenario = self.cases.get(p.case.as_deref()?)?.clone();
        self.promises[promise].kept = true;
        // They start where the last call left them, as relaxed as the case's own opening,
        // and the better for the promise kept.
        let last = self.calls[of].closing;
        let own = scenario.customer.meters;
        let rested = Meters {
            patience: own.patience.max(last.patience),
            ..last
        };
        let meters = within_reach(add(rested, self.policy.kept_promise), &scenario);
        let opening = vec![(diff(meters, last), Note::CalledBackAsPromised)];
        Some(self.begin(scenario, meters, opening, CallKind::FollowUp, Some(of), 0))
    }

    fn begin(
        &mut self,
        scenario: Arc<Scenario>,
        meters: Meters,
        opening: Vec<(MeterDelta, Note)>,
        kind: CallKind,
        of: Option<usize>,
        waited: Millis,
    ) -> Answered {
        let scenario = if meters == scenario.customer.meters {
            scenario
        } else {
            let mut met = (*scenario).clone();
            met.customer.meters = meters;
            Arc::new(met)
        };
        let opening = opening.into_iter().filter(|(d, _)| !d.is_zero()).collect();
        let answered = Answered {
            scenario,
            opening,
            kind,
            of,
            waited,
        };
        self.in_call = Some(InCall {
            answered: answered.clone(),
            at: self.now,
            strain_before: self.strain,
        });
        answered
    }

    /// The call on the line has ended: its talk time runs the clock, its loud lines add
    /// to the agent's strain.
    pub fn end_call(&mut self, call: &Call) {
        let Some(InCall {
            answered,
            at,
            strain_before,
        }) = self.in_call.take()
        else {
            return;
        };
        let talk = call.now();
        let s = self.policy.strain;
        let added: u32 = call
            .events()
            .iter()
            .map(|e| match e {
                Event::CustomerLine {
                    intensity: Intensity::Raised,
                    ..
                } => s.per_raised_line,
                Event::CustomerLine {
                    intensity: Intensity::Shout,
                    ..
                } => s.per_shouted_line,
                _ => 0,
            })
            .sum();
        self.strain = (self.strain + added).min(100);
        self.now = at + talk;
        self.strain_over_time.push((self.now, self.strain));
        let score = call.score();
        let of = answered.of;
        let first_of_chain = of.map_or(self.calls.len(), |i| self.calls[i].first_of_chain);
        let broken = call
            .events()
            .iter()
            .filter_map(|e| match e {
                Event::Rule {
                    rule,
                    verdict: crate::vocab::Verdict::Broken,
                    ..
                } => Some(rule.clone()),
                _ => None,
            })
            .collect();
        self.calls.push(ShiftCall {
            case: answered.scenario.id.clone(),
            kind: answered.kind,
            callback_of: of,
            first_of_chain,
            arrived: at - answered.waited,
            answered: at,
            waited: answered.waited,
            talk,
            after_call: 0,
            after_call_skipped: true,
            score: score.total,
            passed: score.passed,
            ending: score.outcome,
            opening: answered.scenario.customer.meters,
            closing: call.meters(),
            strain_before,
            strain_after: self.strain,
            broken,
        });
        self.after_call_due = Some(self.calls.len() - 1);
    }

    /// After-call work for the call just ended: the clock runs on by its time; a promise
    /// made on the call is set (written down, it is a task in the queue; not written down,
    /// it is still owed), and a customer left unresolved will call again.
    pub fn after_call(&mut self, work: AfterCall) {
        let Some(i) = self.after_call_due.take() else {
            return;
        };
        let took = if work.skipped { 0 } else { work.took };
        self.now += took;
        self.recover(took / 60_000 * self.policy.strain.recovery_per_minute);
        let call = &mut self.calls[i];
        call.after_call = took;
        call.after_call_skipped = work.skipped;
        let case = call.case.clone();
        let ending = call.ending;
        let follow = self.shift.follow_up_of(&case).cloned();
        match ending {
            // A promise the shift has no follow-up case for (a call-back case's new
            // commitment) ends the customer's story within the shift.
            Some(EndingKind::CallBack)
                if follow.as_ref().is_some_and(|f| f.follow_up.is_some()) =>
            {
                let recorded = !work.skipped && work.promise_due.is_some();
                let due = work
                    .promise_due
                    .filter(|_| recorded)
                    .unwrap_or(self.now + follow.as_ref().map_or(20 * 60_000, |f| f.promise_in));
                self.promises.push(Promise {
                    call: i,
                    case: follow.as_ref().and_then(|f| f.follow_up.clone()),
                    due,
                    recorded,
                    kept: false,
                    missed: false,
                });
            }
            // A call left before its end is as unresolved as one that ended so: the
            // customer calls again.
            Some(EndingKind::Unresolved | EndingKind::HungUp) | None => {
                if let Some(again) = follow.and_then(|f| f.call_back) {
                    let closing = self.calls[i].closing;
                    self.waiting.push(Waiting {
                        case: again,
                        arrives: self.now + self.policy.call_again_after_s * 1000,
                        kind: CallKind::CallBack,
                        of: Some(i),
                        carried: Some((closing, self.policy.unresolved_again, Note::CalledAgain)),
                    });
                    self.waiting.sort_by_key(|w| w.arrives);
                }
            }
            _ => {}
        }
        self.settle();
    }

    /// Callers who waited too long hang up; promises past their grace are missed, and
    /// their customers will call again.
    fn settle(&mut self) {
        let abandon = self.policy.abandon_after_s * 1000;
        let now = self.now;
        let (gone, stay): (Vec<Waiting>, Vec<Waiting>) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|w| w.kind == CallKind::First && w.arrives + abandon <= now);
        self.waiting = stay;
        self.abandoned.extend(gone.into_iter().map(|w| Abandoned {
            case: w.case,
            arrived: w.arrives,
            gave_up: w.arrives + abandon,
        }));
        let grace = self.grace();
        let again = self.policy.call_again_after_s * 1000;
        for p in 0..self.promises.len() {
            let promise = &self.promises[p];
            if promise.kept || promise.missed || promise.case.is_none() || promise.due + grace > now
            {
                continue;
            }
            self.promises[p].missed = true;
            let call = self.promises[p].call;
            let missed_at = self.promises[p].due + grace;
            if let Some(case) = self
                .shift
                .follow_up_of(&self.calls[call].case)
                .and_then(|f| f.call_back.clone())
            {
                self.waiting.push(Waiting {
                    case,
                    arrives: missed_at + again,
                    kind: CallKind::CallBack,
                    of: Some(call),
                    carried: Some((
                        self.calls[call].closing,
                        self.policy.missed_promise,
                        Note::PromiseMissed,
                    )),
                });
            }
        }
        self.waiting.sort_by_key(|w| w.arrives);
    }

    fn recover(&mut self, by: u32) {
        if by > 0 && self.strain > 0 {
            self.strain = self.strain.saturating_sub(by);
            self.strain_over_time.push((self.now, self.strain));
        }
    }
}

/// However angry they start, a customer starts short of their limit and with some
/// patience left: a call the trainee cannot open without the customer hanging up teaches
/// nothing.
fn within_reach(m: Meters, scenario: &Scenario) -> Meters {
    let own = scenario.customer.meters;
    let limit = scenario.customer.temperament.limit;
    Meters {
        anger: m.anger.min((limit - 10).max(own.anger)),
        trust: m.trust,
        patience: m.patience.max(10.min(own.patience)),
    }
}

fn add(m: Meters, d: MeterDelta) -> Meters {
    Meters {
        anger: (m.anger + d.anger).clamp(0, 100),
        trust: (m.trust + d.trust).clamp(0, 100),
        patience: (m.patience + d.patience).clamp(0, 100),
    }
}

fn diff(to: Meters, from: Meters) -> MeterDelta {
    MeterDelta {
        anger: to.anger - from.anger,
        trust: to.trust - from.trust,
        patience: to.patience - from.patience,
    }
}
