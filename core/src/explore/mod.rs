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

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use serde::Serialize;

use crate::engine::script::{Step, When, finish_reply};
use crate::engine::{Call, Grade, StateKey, Voice};
use crate::guidance::Catalogue;
use crate::scenario::{EndingKind, Scenario};

/// The manners a whole call is played in, each isolating one way of getting it wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Manner {
    /// In the pause after the customer stops; soft to a loud customer, else even.
    ByTheBook,
    /// Halfway through the customer's first line (soft to a loud customer, else even).
    Interrupt,
    /// In the pause, in a firm (raised) voice.
    ShoutBack,
    /// After the silence has become dead air.
    Slow,
    /// Interrupting, in a firm voice: everything the four rules warn against.
    Hostile,
}

impl Manner {
    pub const ALL: [Manner; 5] = [
        Manner::ByTheBook,
        Manner::Interrupt,
        Manner::ShoutBack,
        Manner::Slow,
        Manner::Hostile,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Manner::ByTheBook => "by the book",
            Manner::Interrupt => "interrupting",
            Manner::ShoutBack => "shouting back",
            Manner::Slow => "leaving dead air",
            Manner::Hostile => "interrupting and shouting",
        }
    }
}

/// Whether the case can still be passed when every reply is given in one manner.
#[derive(Debug, Clone, Serialize)]
pub struct Tolerance {
    pub manner: Manner,
    pub passable: bool,
    /// The best score reachable in this manner.
    pub best: Option<u8>,
}

/// A path through the call, in `play --choices` syntax, with its result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathResult {
    pub score: u8,
    pub grade: Grade,
    pub passed: bool,
    pub ending: String,
    pub outcome: EndingKind,
    pub mistakes: u16,
    pub steps: Vec<Step>,
}

impl PathResult {
    /// The path as a `--choices` argument.
    pub fn script(&self) -> String {
        self.steps
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReplyRef {
    pub beat: String,
    /// 1-based, as the game and `play` number them.
    pub number: usize,
    pub text: String,
    /// True when the reply follows rules, breaks none, and sits in a beat a trainee can reach
    /// without a mistake: a reply meant to be good that cannot lead to a pass, which is
    /// likely a wiring mistake. (A good reply in a recovery beat, reached only after a
    /// mistake, may rightly fail to rescue a hard case.)
    pub looks_good: bool,
}

/// A trainee who ignores the words and always picks the longest card, with timing and voice
/// by the book. If that passes, the cards give the answer away.
#[derive(Debug, Clone, Serialize)]
pub struct LongestCard {
    pub score: u8,
    pub passed: bool,
    /// The ending reached, if the call ended.
    pub ending: Option<String>,
    /// Beats that offer both a reply breaking no rule and one breaking some rule.
    pub choice_points: usize,
    /// Of those, the beats where the longest reply is one that breaks no rule.
    pub longest_is_right: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EndingReach {
    pub id: String,
    pub kind: EndingKind,
    pub reachable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scenario: String,
    pub title: String,
    pub tier: u8,
    pub pass_mark: u8,
    /// Some path passes.
    pub winnable: bool,
    pub best: Option<PathResult>,
    pub worst: Option<PathResult>,
    /// The passing (or failing that, settling) path with the fewest replies.
    pub shortest_resolving: Option<PathResult>,
    pub endings: Vec<EndingReach>,
    /// The most rule breaks a path can have and still pass: how forgiving the case is.
    pub forgiveness: Option<u16>,
    /// The passing path with the most rule breaks.
    pub most_forgiving: Option<PathResult>,
    /// For each manner of play, whether the case can still be passed.
    pub tolerance: Vec<Tolerance>,
    /// Replies on no passing path.
    pub never_worth_choosing: Vec<ReplyRef>,
    /// Catalogue rules no path exercises.
    pub rules_not_exercised: Vec<String>,
    /// Beats no explored path enters: the graph links them, but the meters never let a
    /// call get there (a branch condition that never holds, or anger always at the limit).
    pub beats_never_entered: Vec<String>,
    /// Rules some path exercises.
    pub rules_exercised: Vec<String>,
    /// How far "always pick the longest card" gets: a tell a trainer should remove.
    pub longest_card: LongestCard,
    /// States expanded (choice points explored), over all manners.
    pub states: usize,
    /// A lower bound on the states there are: `states` when the search was complete, else
    /// `states` plus the distinct states the budget kept the search from expanding.
    pub states_at_least: usize,
    /// Distinct paths (choice sequences) found, capped at [`PATH_CAP`].
    pub paths: u64,
    /// `paths` is the exact count: the search was complete and the count under the cap.
    /// Otherwise there are at least `paths` (more than [`PATH_CAP`] when it is the cap).
    pub paths_exact: bool,
    /// The search hit its budget. Then every figure covers only the paths explored: the
    /// best and worst are the best and worst found, and nothing is claimed never to happen
    /// (`beats_never_entered`, `never_worth_choosing` and `rules_not_exercised` are left
    /// empty, an ending not reached is not proven unreachable, and `winnable: false` means
    /// no passing path was found).
    pub partial: bool,
    /// Beats the explored paths did not enter; when the search was complete these are the
    /// `beats_never_entered`, else they are merely not reached yet.
    pub beats_not_reached: usize,
    /// The budget the search ran under.
    pub budget: Budget,
    /// The most memory the search's table of states held at once, estimated, in bytes.
    pub peak_bytes: usize,
    pub micros: u128,
}

/// How much work the explorer may do before it stops and reports a partial result. The
/// states are shared equally between the five manners; the bytes bound the table of known
/// states, which is held for one manner at a time, so memory stays near `bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Budget {
    /// States expanded, over all five manners together.
    pub states: usize,
    /// Estimated bytes of the table of explored states (paths included).
    pub bytes: usize,
}

impl Budget {
    /// 200,000 states and 256 MiB: about two seconds on a laptop; every case in the library
    /// needs a small fraction of it.
    pub const DEFAULT: Budget = Budget {
        states: 200_000,
        bytes: 256 * 1024 * 1024,
    };
}

impl Default for Budget {
    fn default() -> Self {
        Budget::DEFAULT
    }
}

/// Where a long search has got to, for a progress line.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub manner: Manner,
    /// States expanded so far, over all manners.
    pub states: usize,
    /// Estimated bytes the current manner's table of states holds.
    pub bytes: usize,
    pub elapsed: std::time::Duration,
}

/// Path counts stop here: past it, "more than 10^15 paths" says all there is to say.
pub const PATH_CAP: u64 = 1_000_000_000_000_000;
/// How many distinct cut-off states are remembered to give a lower bound on the states.
const CUTOFF_MEMORY: usize = 1 << 20;
/// How many times one path may enter the same beat: once, plus one return after a mistake.
pub const MAX_VISITS: u8 = 2;

#[derive(Debug, Clone)]
struct Future {
    best: Option<PathResult>,
    worst: Option<PathResult>,
    shortest: Option<PathResult>,
    any_pass: bool,
    /// The passing path with the most mistakes.
    forgiving: Option<PathResult>,
    endings: u64,
    paths: u64,
}

impl Future {
    fn empty() -> Future {
        Future {
            best: None,
            worst: None,
            shortest: None,
            any_pass: false,
            forgiving: None,
            endings: 0,
            paths: 0,
        }
    }

    /// Merges in another future from the same point.
    fn merge_all(&mut self, other: &Future) {
        // On equal scores the path with fewer mistakes is the one to show.
        if better(&other.best, &self.best, |a, b| {
            (a.score, std::cmp::Reverse(a.mistakes)) > (b.score, std::cmp::Reverse(b.mistakes))
        }) {
            self.best = other.best.clone();
        }
        if better(&other.worst, &self.worst, |a, b| {
            (a.score, std::cmp::Reverse(a.mistakes)) < (b.score, std::cmp::Reverse(b.mistakes))
        }) {
            self.worst = other.worst.clone();
        }
        if better(&other.shortest, &self.shortest, shorter_resolution) {
            self.shortest = other.shortest.clone();
        }
        self.any_pass |= other.any_pass;
        if better(&other.forgiving, &self.forgiving, |a, b| {
            (a.mistakes, a.score) > (b.mistakes, b.score)
        }) {
            self.forgiving = other.forgiving.clone();
        }
        self.endings |= other.endings;
        self.paths = self.paths.saturating_add(other.paths).min(PATH_CAP);
    }

    /// Merges in the future of a child reached by `step`.
    fn merge(&mut self, child: &Future, step: Step) {
        let prefix = |p: &Option<PathResult>| {
            p.clone().map(|mut p| {
                p.steps.insert(0, step);
                p
            })
        };
        self.merge_all(&Future {
            best: prefix(&child.best),
            worst: prefix(&child.worst),
            shortest: prefix(&child.shortest),
            forgiving: prefix(&child.forgiving),
            ..child.clone()
        });
    }
}

fn better(
    candidate: &Option<PathResult>,
    current: &Option<PathResult>,
    wins: impl Fn(&PathResult, &PathResult) -> bool,
) -> bool {
    match (candidate, current) {
        (Some(_), None) => true,
        (Some(a), Some(b)) => wins(a, b),
        _ => false,
    }
}

/// Passing beats settling beats neither; then fewer steps; then the higher score.
fn shorter_resolution(a: &PathResult, b: &PathResult) -> bool {
    let rank = |p: &PathResult| {
        (
            !p.passed,
            !p.outcome.settles(),
            p.steps.len(),
            std::cmp::Reverse(p.score),
        )
    };
    rank(a) < rank(b)
}

struct Explorer<'a, 'p> {
    scenario: &'a Scenario,
    manner: Manner,
    memo: HashMap<(StateKey, Vec<u8>), Future>,
    rules_exercised: Vec<bool>,
    /// Best score reached through each (beat, reply).
    reply_best: HashMap<(usize, usize), Option<u8>>,
    reply_passes: HashSet<(usize, usize)>,
    beats_entered: Vec<bool>,
    /// Beats some path enters with no rule broken yet.
    beats_entered_clean: Vec<bool>,
    expanded: usize,
    partial: bool,
    /// This manner's share of the state budget, and the byte budget.
    max_states: usize,
    max_bytes: usize,
    /// Estimated bytes held by `memo`.
    bytes: usize,
    /// A state could not be remembered within the byte budget: expand no more.
    full: bool,
    /// Hashes of states the budget kept from being expanded (a lower bound on the rest).
    cut_off: HashSet<u64>,
    /// States expanded by the manners before this one, for progress.
    states_before: usize,
    started: Instant,
    progress: &'p mut dyn FnMut(&Progress),
}

/// An estimate of the bytes a memo entry holds, heap included.
fn entry_bytes(key: &(StateKey, Vec<u8>), future: &Future) -> usize {
    let path = |p: &Option<PathResult>| {
        p.as_ref().map_or(0, |p| {
            std::mem::size_of::<PathResult>()
                + p.steps.capacity() * std::mem::size_of::<Step>()
                + p.ending.capacity()
        })
    };
    // The key's own size, its visit counts and core-rule tallies, the future, the paths,
    // and the hash table's slot overhead.
    std::mem::size_of::<(StateKey, Vec<u8>)>()
        + key.1.capacity()
        + 64
        + std::mem::size_of::<Future>()
        + path(&future.best)
        + path(&future.worst)
        + path(&future.shortest)
        + path(&future.forgiving)
        + 16
}

/// Explores a scenario within [`Budget::DEFAULT`]. `seed` fixes wording and jitter;
/// verdicts never depend on it.
pub fn explore(scenario: &Scenario, catalogue: &Catalogue, seed: u64) -> Report {
    explore_with(scenario, catalogue, seed, Budget::DEFAULT, &mut |_| {})
}

/// Explores a scenario within `budget`, calling `progress` now and then (every few
/// thousand states) on a long search.
pub fn explore_with(
    scenario: &Scenario,
    catalogue: &Catalogue,
    seed: u64,
    budget: Budget,
    progress: &mut dyn FnMut(&Progress),
) -> Report {
    let started = Instant::now();
    let share = (budget.states / Manner::ALL.len()).max(1);
    let mut peak_bytes = 0;
    let mut cut_off = 0;
    let shared_scenario = std::sync::Arc::new(scenario.clone());
    let shared_catalogue = std::sync::Arc::new(catalogue.clone());
    let mut rules_exercised = vec![false; catalogue.rules.len()];
    let mut beats_entered = vec![false; scenario.beats.len()];
    let mut total = Future::empty();
    let mut states = 0;
    let mut partial = false;
    let mut tolerance = Vec::new();
    let mut by_the_book = None;
    for manner in Manner::ALL {
        let mut explorer = Explorer {
            scenario,
            manner,
            memo: HashMap::new(),
            rules_exercised: vec![false; catalogue.rules.len()],
            reply_best: HashMap::new(),
            reply_passes: HashSet::new(),
            beats_entered: vec![false; scenario.beats.len()],
            beats_entered_clean: vec![false; scenario.beats.len()],
            expanded: 0,
            partial: false,
            max_states: share,
            max_bytes: budget.bytes,
            bytes: 0,
            full: false,
            cut_off: HashSet::new(),
            states_before: states,
            started,
            progress: &mut *progress,
        };
        let call = Call::unrecorded(shared_scenario.clone(), shared_catalogue.clone(), seed);
        let mut visits = vec![0u8; scenario.beats.len()];
        visits[scenario.start] = 1;
        let future = explorer.visit(call, &mut visits);
        for (seen, now) in rules_exercised.iter_mut().zip(&explorer.rules_exercised) {
            *seen |= *now;
        }
        for (seen, now) in beats_entered.iter_mut().zip(&explorer.beats_entered) {
            *seen |= *now;
        }
        states += explorer.expanded;
        cut_off += explorer.cut_off.len();
        peak_bytes = peak_bytes.max(explorer.bytes);
        partial |= explorer.partial;
        // Only the replies' verdicts are kept from here on: free the table of states now,
        // so one manner's table is held at a time.
        explorer.memo = HashMap::new();
        explorer.cut_off = HashSet::new();
        tolerance.push(Tolerance {
            manner,
            passable: future.any_pass,
            best: future.best.as_ref().map(|b| b.score),
        });
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
            let shortest = total.shortest.clone();
            total.merge_all(&future);
            total.best = best;
            total.shortest = shortest;
        }
    }

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
    Report {
        scenario: scenario.id.clone(),
        title: scenario.title.clone(),
        tier: scenario.tier,
        pass_mark: scenario.pass_mark,
        winnable: total.any_pass,
        best: total.best,
        worst: total.worst,
        shortest_resolving: total.shortest,
        endings,
        forgiveness: total.forgiving.as_ref().map(|p| p.mistakes),
        most_forgiving: total.forgiving.clone(),
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

/// Plays the call picking the longest reply every time, by the book otherwise.
fn play_longest_card(
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

impl Explorer<'_, '_> {
    /// The future of a call at a choice point (the start of a beat). `visits` counts how
    /// often this path has entered each beat.
    fn visit(&mut self, call: Call, visits: &mut Vec<u8>) -> Future {
        if call.is_over() {
            return self.terminal(&call);
        }
        let key = (call.state_key(), visits.clone());
        if let Some(known) = self.memo.get(&key) {
            return known.clone();
        }
        if self.expanded >= self.max_states || self.full {
            self.partial = true;
            if self.cut_off.len() < CUTOFF_MEMORY {
                use std::hash::{BuildHasher, BuildHasherDefault};
                let hasher =
                    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
                self.cut_off.insert(hasher.hash_one(&key));
            }
            return Future::empty();
        }
        self.expanded += 1;
        if self.expanded.is_multiple_of(4096) {
            (self.progress)(&Progress {
                manner: self.manner,
                states: self.states_before + self.expanded,
                bytes: self.bytes,
                elapsed: self.started.elapsed(),
            });
        }
        let mut future = Future::empty();
        let beat = call.beat();
        self.beats_entered[beat] = true;
        if call.mistakes() == 0 {
            self.beats_entered_clean[beat] = true;
        }
        for reply in 0..call.replies().len() {
            let mut next = call.clone();
            let Some(step) = act(&mut next, reply, self.manner) else {
                // The customer gave up before the reply could be given.
                let end = self.terminal(&next);
                future.merge(
                    &end,
                    Step {
                        reply,
                        when: When::Pause,
                        voice: Voice::Even,
                    },
                );
                continue;
            };
            let child = if next.is_over() {
                self.terminal(&next)
            } else if visits[next.beat()] >= MAX_VISITS {
                // Round in circles: not a way to finish the call.
                Future::empty()
            } else {
                let entered = next.beat();
                visits[entered] += 1;
                let child = self.visit(next, visits);
                visits[entered] -= 1;
                child
            };
            if let Some(best) = child.best.as_ref() {
                let slot = self.reply_best.entry((beat, reply)).or_insert(None);
                *slot = (*slot).max(Some(best.score));
            }
            if child.any_pass {
                self.reply_passes.insert((beat, reply));
            }
            future.merge(&child, step);
        }
        // Past the byte budget a state is not remembered (the search is partial by then),
        // so the table never outgrows the budget, whatever the depth of the stack.
        let size = entry_bytes(&key, &future);
        if self.bytes + size <= self.max_bytes {
            self.bytes += size;
            self.memo.insert(key, future.clone());
        } else {
            self.partial = true;
            self.full = true;
        }
        future
    }

    fn terminal(&mut self, call: &Call) -> Future {
        for rule in call.exercised_rules() {
            self.rules_exercised[rule] = true;
        }
        let Some(outcome) = call.outcome() else {
            return Future::empty();
        };
        let score = call.score();
        let ending = &self.scenario.endings[outcome.ending];
        let result = PathResult {
            score: score.total,
            grade: score.grade,
            passed: score.passed,
            ending: ending.id.clone(),
            outcome: ending.kind,
            mistakes: call.mistakes(),
            steps: Vec::new(),
        };
        Future {
            any_pass: result.passed,
            forgiving: result.passed.then(|| result.clone()),
            endings: 1u64 << outcome.ending.min(63),
            paths: 1,
            best: Some(result.clone()),
            worst: Some(result.clone()),
            shortest: Some(result),
        }
    }
}

/// Plays one reply in a manner. Returns the step as `play` would write it, or None when the
/// call ended while waiting to reply.
fn act(call: &mut Call, reply: usize, manner: Manner) -> Option<Step> {
    finish_reply(call);
    let timing = call.scenario().timing;
    let (when, voice) = match manner {
        Manner::ByTheBook | Manner::ShoutBack => {
            call.advance_to_floor();
            call.advance(1_000.min(timing.pause));
            let voice = match manner {
                Manner::ShoutBack => Voice::Firm,
                _ if call.customer_is_loud() => Voice::Soft,
                _ => Voice::Even,
            };
            (When::Pause, voice)
        }
        Manner::Interrupt | Manner::Hostile => {
            let speaking = matches!(call.phase(), crate::engine::Phase::Speaking { .. });
            if speaking {
                call.advance(call.current_remaining() / 2);
            }
            // Interrupting alone keeps the voice by the book, to isolate that one mistake.
            let voice = match manner {
                Manner::Hostile => Voice::Firm,
                _ if call.customer_is_loud() => Voice::Soft,
                _ => Voice::Even,
            };
            // With nothing to interrupt at this beat, it is the same as answering at once.
            let when = if speaking {
                When::Interrupt
            } else {
                When::AfterStart(0)
            };
            (when, voice)
        }
        Manner::Slow => {
            call.advance_to_floor();
            call.advance(timing.dead_air + 500);
            (When::Late, Voice::Even)
        }
    };
    if call.is_over() {
        return None;
    }
    call.respond(reply, voice).ok()?;
    finish_reply(call);
    Some(Step { reply, when, voice })
}
