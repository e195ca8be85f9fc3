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

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use serde::Serialize;

use crate::engine::script::{Step, When, finish_reply};
use crate::engine::{Call, Grade, StateKey, Voice};
use crate::guidance::{Catalogue, ids};
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

/// Trainees who game the score, each one habit of a bored trainee who has worked out how a
/// call is scored. The explorer searches the replies; the habit fixes timing and voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Adversary {
    /// Cuts in on every calm opening line (talking over an explanation is not a core
    /// rule) and waits out outbursts, always in a firm voice: rude wherever rudeness is cheap.
    RudeAgent,
    /// Answers in the pause but always in a firm voice, betting that right words outweigh
    /// the tone.
    ShoutBackEveryBeat,
    /// Lets every silence run to 0.1 s before it becomes dead air (9.9 s on the phone, 29.9 s
    /// in chat, twice that before the first reply): never prompt, late every time.
    JustUnderDeadAir,
    /// Spends each core rule's forgiven slip: interrupts one outburst, raises their voice to
    /// one loud customer, picks one reply dodging ownership and one making an excuse, each
    /// exactly once (as many of the four as the case allows), otherwise by the book (in the
    /// pause, soft to a loud customer, a reply that breaks no rule).
    EachCoreRuleOnce,
    /// Never reads the cards: always picks the one with the most words, by the book otherwise.
    MostWords,
    /// Never reads the cards: always picks the one with the most characters, by the book
    /// otherwise.
    MostCharacters,
}

impl Adversary {
    pub const ALL: [Adversary; 6] = [
        Adversary::RudeAgent,
        Adversary::ShoutBackEveryBeat,
        Adversary::JustUnderDeadAir,
        Adversary::EachCoreRuleOnce,
        Adversary::MostWords,
        Adversary::MostCharacters,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Adversary::RudeAgent => "rude agent",
            Adversary::ShoutBackEveryBeat => "shouting back every beat",
            Adversary::JustUnderDeadAir => "just under dead air",
            Adversary::EachCoreRuleOnce => "each core rule once",
            Adversary::MostWords => "most words",
            Adversary::MostCharacters => "most characters",
        }
    }

    /// How this trainee games the score, in a line for the docs.
    pub fn describe(self) -> &'static str {
        match self {
            Adversary::RudeAgent => {
                "cuts in on every calm opening line and waits out outbursts, always in a firm voice"
            }
            Adversary::ShoutBackEveryBeat => "answers in the pause, always in a firm voice",
            Adversary::JustUnderDeadAir => {
                "answers 0.1 s before the silence becomes dead air (9.9 s on the phone, 29.9 s in chat, twice that before the first reply), soft to a loud customer"
            }
            Adversary::EachCoreRuleOnce => {
                "breaks each core rule exactly once (interrupts one outburst, raises their voice to one loud customer, picks one reply dodging ownership and one making an excuse), otherwise by the book"
            }
            Adversary::MostWords => {
                "always picks the reply with the most words, by the book otherwise"
            }
            Adversary::MostCharacters => {
                "always picks the reply with the most characters, by the book otherwise"
            }
        }
    }
}

/// The best an adversarial trainee reaches on a case.
#[derive(Debug, Clone, Serialize)]
pub struct AdversaryResult {
    pub adversary: Adversary,
    /// The highest-scoring path this trainee can play (None if they never finish a call).
    pub best: Option<PathResult>,
    /// Some path this trainee can play passes.
    pub passed: bool,
    /// The best passing path, when it is not `best` (the best-scoring path fails on a
    /// condition other than the score, such as a core rule broken twice).
    pub passing: Option<PathResult>,
    /// The core rules `best` breaks, each with how often.
    pub core_breaks: Vec<(String, usize)>,
    /// This trainee's search hit the budget: `best` is the best found, and `passed: false`
    /// means only that no passing path was found.
    pub partial: bool,
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
    /// How far the path meets its player's aim, ranked before the score (for
    /// `Adversary::EachCoreRuleOnce`, the core rules broken; 0 for everyone else).
    #[serde(skip)]
    aim: u8,
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
    /// The best each adversarial trainee reaches, in `Adversary::ALL` order.
    pub adversaries: Vec<AdversaryResult>,
    /// States expanded (choice points explored), over all manners and adversaries.
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
    /// empty, an ending not reached is not proven unreachable, `winnable: false` means
    /// no passing path was found, and an adversary's `passed: false` means no passing path
    /// of theirs was found: see each [`AdversaryResult::partial`]).
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

impl Report {
    /// How much of a partial search was done, for the CLI and the library table: "explored N
    /// states of at least M (budget ...); K beats not reached yet".
    pub fn coverage(&self) -> String {
        format!(
            "explored {} states of at least {} (budget {} states, {} MiB); {} beat{} not reached yet",
            self.states,
            self.states_at_least,
            self.budget.states,
            self.budget.bytes / (1024 * 1024),
            self.beats_not_reached,
            if self.beats_not_reached == 1 { "" } else { "s" },
        )
    }
}

/// How much work the explorer may do before it stops and reports a partial result. The
/// states are shared between the plays searched (the five manners, then the adversarial
/// trainees), each play getting an equal share of what the plays before it left unused;
/// the bytes bound the table of known states, which is held for one play at a time, so
/// memory stays near `bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Budget {
    /// States expanded, over all manners and adversaries together.
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
    /// Who is being played: a manner's or an adversary's label.
    pub play: &'static str,
    /// States expanded so far, over all manners and adversaries.
    pub states: usize,
    /// Estimated bytes the current play's table of states holds.
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
    /// The best passing path.
    best_pass: Option<PathResult>,
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
            best_pass: None,
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
        let higher = |a: &PathResult, b: &PathResult| {
            (a.aim, a.score, std::cmp::Reverse(a.mistakes))
                > (b.aim, b.score, std::cmp::Reverse(b.mistakes))
        };
        if better(&other.best, &self.best, higher) {
            self.best = other.best.clone();
        }
        if better(&other.best_pass, &self.best_pass, higher) {
            self.best_pass = other.best_pass.clone();
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

    /// Merges in the future of a child reached by `step`. A child's path is copied only
    /// when it wins.
    fn merge(&mut self, child: &Future, step: Step) {
        let higher = |a: &PathResult, b: &PathResult| {
            (a.aim, a.score, std::cmp::Reverse(a.mistakes))
                > (b.aim, b.score, std::cmp::Reverse(b.mistakes))
        };
        let lower = |a: &PathResult, b: &PathResult| {
            (a.score, std::cmp::Reverse(a.mistakes)) < (b.score, std::cmp::Reverse(b.mistakes))
        };
        let forgiving =
            |a: &PathResult, b: &PathResult| (a.mistakes, a.score) > (b.mistakes, b.score);
        // The child's paths are one step shorter than they will be.
        let shorter = |a: &PathResult, b: &PathResult| {
            let rank = |p: &PathResult, extra: usize| {
                (
                    !p.passed,
                    !p.outcome.settles(),
                    p.steps.len() + extra,
                    std::cmp::Reverse(p.score),
                )
            };
            rank(a, 1) < rank(b, 0)
        };
        take(&mut self.best, &child.best, step, higher);
        take(&mut self.best_pass, &child.best_pass, step, higher);
        take(&mut self.worst, &child.worst, step, lower);
        take(&mut self.shortest, &child.shortest, step, shorter);
        take(&mut self.forgiving, &child.forgiving, step, forgiving);
        self.any_pass |= child.any_pass;
        self.endings |= child.endings;
        self.paths = self.paths.saturating_add(child.paths).min(PATH_CAP);
    }
}

/// Puts `candidate`, reached by `step`, in `slot` when it wins.
fn take(
    slot: &mut Option<PathResult>,
    candidate: &Option<PathResult>,
    step: Step,
    wins: impl Fn(&PathResult, &PathResult) -> bool,
) {
    if better(candidate, slot, wins) {
        let mut path = candidate.clone().expect("a winner");
        path.steps.insert(0, step);
        *slot = Some(path);
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

/// Who plays the call: a manner for the whole call, or an adversarial trainee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Play {
    Manner(Manner),
    Adversary(Adversary),
}

impl Play {
    fn label(self) -> &'static str {
        match self {
            Play::Manner(manner) => manner.label(),
            Play::Adversary(adversary) => adversary.label(),
        }
    }
}

/// When a reply is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// A second into the pause after the customer stops.
    Pause,
    /// Halfway through the customer's current line, or at once when they are not speaking.
    Interrupt,
    /// Halfway through a calm opening line; in the pause when the beat opens loud.
    CutInWhenCalm,
    /// Halfway through the beat's first loud line; not a move in a beat without one.
    IntoOutburst,
    /// 0.1 s before the silence becomes dead air.
    JustUnderDeadAir,
    /// After the silence has become dead air.
    Late,
}

/// In which voice a reply is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VoiceRule {
    /// Soft to a loud customer, else even.
    ByTheBook,
    Even,
    Firm,
    /// Firm to a loud customer; not a move when the customer is not loud.
    FirmIfLoud,
}

/// How one reply is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct How {
    timing: Timing,
    voice: VoiceRule,
}

const BY_THE_BOOK: How = How {
    timing: Timing::Pause,
    voice: VoiceRule::ByTheBook,
};

impl Manner {
    fn how(self) -> How {
        let (timing, voice) = match self {
            Manner::ByTheBook => (Timing::Pause, VoiceRule::ByTheBook),
            Manner::Interrupt => (Timing::Interrupt, VoiceRule::ByTheBook),
            Manner::ShoutBack => (Timing::Pause, VoiceRule::Firm),
            Manner::Slow => (Timing::Late, VoiceRule::Even),
            Manner::Hostile => (Timing::Interrupt, VoiceRule::Firm),
        };
        How { timing, voice }
    }
}

/// What came of trying to play a reply.
enum Acted {
    Played(Step),
    /// The call ended while waiting to reply.
    Ended,
    /// The move does not apply here (no outburst to cut into, no loud customer to shout at).
    NotAMove,
}

struct Explorer<'a, 'p> {
    scenario: &'a Scenario,
    play: Play,
    /// Catalogue indexes of the core rules.
    core: Vec<usize>,
    /// Catalogue indexes of `let_them_vent` and `lower_your_voice`.
    vent: Option<usize>,
    lower_voice: Option<usize>,
    memo: HashMap<(StateKey, Vec<u8>), std::rc::Rc<Future>>,
    rules_exercised: Vec<bool>,
    /// Best score reached through each (beat, reply).
    reply_best: HashMap<(usize, usize), Option<u8>>,
    reply_passes: HashSet<(usize, usize)>,
    beats_entered: Vec<bool>,
    /// Beats some path enters with no rule broken yet.
    beats_entered_clean: Vec<bool>,
    expanded: usize,
    partial: bool,
    /// This play's share of the state budget, and the byte budget.
    max_states: usize,
    max_bytes: usize,
    /// Estimated bytes held by `memo`.
    bytes: usize,
    /// A state could not be remembered within the byte budget: expand no more.
    full: bool,
    /// Hashes of states the budget kept from being expanded (a lower bound on the rest).
    cut_off: HashSet<u64>,
    /// States expanded by the plays before this one, for progress.
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
    // The key's own size, its visit counts and core-rule tallies, the shared future (with
    // its reference counts), the paths, and the hash table's slot overhead.
    std::mem::size_of::<(StateKey, Vec<u8>)>()
        + key.1.capacity()
        + 64
        + std::mem::size_of::<std::rc::Rc<Future>>()
        + 2 * std::mem::size_of::<usize>()
        + std::mem::size_of::<Future>()
        + path(&future.best)
        + path(&future.best_pass)
        + path(&future.worst)
        + path(&future.shortest)
        + path(&future.forgiving)
        + 16
}

/// The limits one play is searched under: its share of the budget, the clock, the progress line.
struct Limits<'p> {
    max_states: usize,
    max_bytes: usize,
    states_before: usize,
    started: Instant,
    progress: &'p mut dyn FnMut(&Progress),
}

/// What the plays searched so far have used of the budget, and how many are still to come.
struct Spent {
    states: usize,
    cut_off: usize,
    peak_bytes: usize,
    partial: bool,
    plays_left: usize,
}

impl Spent {
    /// Searches one play from the start of `call` with an equal share of the states the plays
    /// before it left unused, and adds what it used. The explorer comes back with its findings
    /// (its table of states already freed, so one play's table is held at a time).
    #[allow(clippy::too_many_arguments)] // the search's inputs, each used once
    fn search<'a, 'p>(
        &mut self,
        scenario: &'a Scenario,
        catalogue: &Catalogue,
        play: Play,
        call: Call,
        budget: Budget,
        started: Instant,
        progress: &'p mut dyn FnMut(&Progress),
    ) -> (Future, Explorer<'a, 'p>) {
        let limits = Limits {
            max_states: (budget.states.saturating_sub(self.states) / self.plays_left.max(1)).max(1),
            max_bytes: budget.bytes,
            states_before: self.states,
            started,
            progress,
        };
        self.plays_left = self.plays_left.saturating_sub(1);
        let mut explorer = Explorer::new(scenario, catalogue, play, limits);
        let future = explorer.run(call);
        self.states += explorer.expanded;
        self.cut_off += explorer.cut_off.len();
        self.peak_bytes = self.peak_bytes.max(explorer.bytes);
        self.partial |= explorer.partial;
        explorer.memo = HashMap::new();
        explorer.cut_off = HashSet::new();
        (future, explorer)
    }
}

impl<'a, 'p> Explorer<'a, 'p> {
    fn new(
        scenario: &'a Scenario,
        catalogue: &Catalogue,
        play: Play,
        limits: Limits<'p>,
    ) -> Explorer<'a, 'p> {
        Explorer {
            scenario,
            play,
            core: (0..catalogue.rules.len())
                .filter(|&i| catalogue.rules[i].core)
                .collect(),
            vent: catalogue
                .rules
                .iter()
                .position(|r| r.id == ids::LET_THEM_VENT),
            lower_voice: catalogue
                .rules
                .iter()
                .position(|r| r.id == ids::LOWER_YOUR_VOICE),
            memo: HashMap::new(),
            rules_exercised: vec![false; catalogue.rules.len()],
            reply_best: HashMap::new(),
            reply_passes: HashSet::new(),
            beats_entered: vec![false; scenario.beats.len()],
            beats_entered_clean: vec![false; scenario.beats.len()],
            expanded: 0,
            partial: false,
            max_states: limits.max_states,
            max_bytes: limits.max_bytes,
            bytes: 0,
            full: false,
            cut_off: HashSet::new(),
            states_before: limits.states_before,
            started: limits.started,
            progress: limits.progress,
        }
    }

    /// Explores the whole call from its start.
    fn run(&mut self, call: Call) -> Future {
        let mut visits = vec![0u8; self.scenario.beats.len()];
        visits[self.scenario.start] = 1;
        let future = self.visit(call, &mut visits);
        (*future).clone()
    }
}

/// Explores a scenario within [`Budget::DEFAULT`]. `seed` fixes wording and jitter;
/// verdicts never depend on it.
pub fn explore(scenario: &Scenario, catalogue: &Catalogue, seed: u64) -> Report {
    explore_with(scenario, catalogue, seed, Budget::DEFAULT, &mut |_| {})
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
) -> Report {
    let started = Instant::now();
    let shared_scenario = std::sync::Arc::new(scenario.clone());
    let shared_catalogue = std::sync::Arc::new(catalogue.clone());
    let mut rules_exercised = vec![false; catalogue.rules.len()];
    let mut beats_entered = vec![false; scenario.beats.len()];
    let mut total = Future::empty();
    let mut tolerance = Vec::new();
    let mut by_the_book = None;
    let mut shout_back = None;
    // Every manner is searched, then every adversary but the one shouting back on every
    // beat, who plays the shouting-back manner. Each play gets an equal share of the states
    // the plays before it left unused.
    let mut spent = Spent {
        states: 0,
        cut_off: 0,
        peak_bytes: 0,
        partial: false,
        plays_left: Manner::ALL.len() + Adversary::ALL.len() - 1,
    };
    let new_call = || Call::unrecorded(shared_scenario.clone(), shared_catalogue.clone(), seed);
    for manner in Manner::ALL {
        let (future, mut explorer) = spent.search(
            scenario,
            catalogue,
            Play::Manner(manner),
            new_call(),
            budget,
            started,
            &mut *progress,
        );
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
    let mut adversaries = Vec::new();
    for adversary in Adversary::ALL {
        let (future, cut_short) = match (adversary, &shout_back) {
            // Shouting back on every beat is the shouting-back manner: no need to play it twice.
            (Adversary::ShoutBackEveryBeat, Some((future, cut_short))) => {
                (future.clone(), *cut_short)
            }
            _ => {
                let (future, explorer) = spent.search(
                    scenario,
                    catalogue,
                    Play::Adversary(adversary),
                    new_call(),
                    budget,
                    started,
                    &mut *progress,
                );
                (future, explorer.partial)
            }
        };
        adversaries.push(adversary_result(
            adversary, future, cut_short, scenario, catalogue, seed,
        ));
    }

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

fn adversary_result(
    adversary: Adversary,
    future: Future,
    partial: bool,
    scenario: &Scenario,
    catalogue: &Catalogue,
    seed: u64,
) -> AdversaryResult {
    let core_breaks = future.best.as_ref().map_or_else(Vec::new, |best| {
        let (call, _) = crate::engine::script::run(scenario, catalogue, seed, &best.steps);
        let score = call.score();
        catalogue
            .rules
            .iter()
            .filter(|r| r.core)
            .filter_map(|r| {
                let broken = score.rule(&r.id).map_or(0, |x| x.broken);
                (broken > 0).then(|| (r.id.clone(), broken))
            })
            .collect()
    });
    let passed = match (&future.best, &future.best_pass) {
        // An adversary with an aim passes only while meeting it as far as the case allows.
        (Some(best), Some(pass)) => pass.aim == best.aim,
        _ => false,
    };
    let passing = future
        .best_pass
        .filter(|_| passed && future.best.as_ref().is_some_and(|b| !b.passed));
    AdversaryResult {
        adversary,
        best: future.best,
        passed,
        passing,
        core_breaks,
        partial,
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
    fn visit(&mut self, call: Call, visits: &mut Vec<u8>) -> std::rc::Rc<Future> {
        if call.is_over() {
            return std::rc::Rc::new(self.terminal(&call));
        }
        let key = (call.state_key(), visits.clone());
        if let Some(known) = self.memo.get(&key) {
            return std::rc::Rc::clone(known);
        }
        if self.expanded >= self.max_states || self.full {
            self.partial = true;
            if self.cut_off.len() < CUTOFF_MEMORY {
                use std::hash::{BuildHasher, BuildHasherDefault};
                let hasher =
                    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
                self.cut_off.insert(hasher.hash_one(&key));
            }
            return std::rc::Rc::new(Future::empty());
        }
        self.expanded += 1;
        if self.expanded.is_multiple_of(4096) {
            (self.progress)(&Progress {
                play: self.play.label(),
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
        for (how, replies) in self.moves(&call) {
            // Wait once for every reply given this way.
            let mut waited = call.clone();
            let (when, voice) = match wait(&mut waited, how) {
                Acted::Played(Step { when, voice, .. }) => (when, voice),
                Acted::NotAMove => continue,
                Acted::Ended => {
                    // The customer gave up before the reply could be given.
                    let end = self.terminal(&waited);
                    for reply in replies {
                        let step = Step {
                            reply,
                            when: When::Pause,
                            voice: Voice::Even,
                        };
                        future.merge(&end, step);
                    }
                    continue;
                }
            };
            for reply in replies {
                let mut next = waited.clone();
                if next.respond(reply, voice).is_err() {
                    continue;
                }
                finish_reply(&mut next);
                let step = Step { reply, when, voice };
                self.follow(&mut future, next, step, beat, visits);
            }
        }
        // Past the byte budget a state is not remembered (the search is partial by then),
        // so the table never outgrows the budget, whatever the depth of the stack.
        let size = entry_bytes(&key, &future);
        let future = std::rc::Rc::new(future);
        if self.bytes + size <= self.max_bytes {
            self.bytes += size;
            self.memo.insert(key, std::rc::Rc::clone(&future));
        } else {
            self.partial = true;
            self.full = true;
        }
        future
    }

    /// Follows one reply into its future and merges that into `future`.
    fn follow(
        &mut self,
        future: &mut Future,
        next: Call,
        step: Step,
        beat: usize,
        visits: &mut Vec<u8>,
    ) {
        let reply = step.reply;
        {
            if self.play == Play::Adversary(Adversary::EachCoreRuleOnce)
                && self.core.iter().any(|&i| next.tally().of_rule(i)[1] > 1)
            {
                // This trainee breaks each core rule once, never twice.
                return;
            }
            let child = if next.is_over() {
                std::rc::Rc::new(self.terminal(&next))
            } else if visits[next.beat()] >= MAX_VISITS {
                // Round in circles: not a way to finish the call.
                std::rc::Rc::new(Future::empty())
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
    }

    /// How this player may answer at this choice point, each with the replies they may give
    /// that way.
    fn moves(&self, call: &Call) -> Vec<(How, Vec<usize>)> {
        let replies = call.replies();
        let each = |how: How| vec![(how, (0..replies.len()).collect::<Vec<_>>())];
        let most = |len: fn(&str) -> usize| {
            let top = replies.iter().map(|r| len(&r.text)).max().unwrap_or(0);
            let longest = (0..replies.len())
                .filter(|&r| len(&replies[r].text) == top)
                .collect();
            vec![(BY_THE_BOOK, longest)]
        };
        match self.play {
            Play::Manner(manner) => each(manner.how()),
            Play::Adversary(Adversary::RudeAgent) => each(How {
                timing: Timing::CutInWhenCalm,
                voice: VoiceRule::Firm,
            }),
            Play::Adversary(Adversary::ShoutBackEveryBeat) => each(Manner::ShoutBack.how()),
            Play::Adversary(Adversary::JustUnderDeadAir) => each(How {
                timing: Timing::JustUnderDeadAir,
                voice: VoiceRule::ByTheBook,
            }),
            Play::Adversary(Adversary::EachCoreRuleOnce) => {
                // A slip already spent is not offered again.
                let spent =
                    |rule: Option<usize>| rule.is_some_and(|i| call.tally().of_rule(i)[1] > 0);
                let mut timings = vec![Timing::Pause];
                if !spent(self.vent) {
                    timings.push(Timing::IntoOutburst);
                }
                let mut voices = vec![VoiceRule::ByTheBook];
                if !spent(self.lower_voice) {
                    voices.push(VoiceRule::FirmIfLoud);
                }
                // By the book otherwise: a reply that breaks a rule only as a slip still to
                // spend (whatever else it breaks), else one that breaks none; any reply where
                // every card breaks something.
                let core = |id: &str| {
                    self.core
                        .iter()
                        .any(|&i| call.catalogue().rules[i].id == id && !spent(Some(i)))
                };
                let mut allowed: Vec<usize> = (0..replies.len())
                    .filter(|&r| {
                        let breaks = &replies[r].breaks;
                        breaks.is_empty() || breaks.iter().any(|b| core(b))
                    })
                    .collect();
                if allowed.is_empty() {
                    allowed = (0..replies.len()).collect();
                }
                timings
                    .into_iter()
                    .flat_map(|timing| voices.iter().map(move |&voice| How { timing, voice }))
                    .map(|how| (how, allowed.clone()))
                    .collect()
            }
            Play::Adversary(Adversary::MostWords) => most(|t| t.split_whitespace().count()),
            Play::Adversary(Adversary::MostCharacters) => most(|t| t.chars().count()),
        }
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
            aim: if self.play == Play::Adversary(Adversary::EachCoreRuleOnce) {
                self.core
                    .iter()
                    .filter(|&&i| call.tally().of_rule(i)[1] > 0)
                    .count() as u8
            } else {
                0
            },
        };
        if matches!(self.play, Play::Adversary(_)) {
            // An adversary's search wants only its best paths.
            return Future {
                any_pass: result.passed,
                endings: 1u64 << outcome.ending.min(63),
                paths: 1,
                best_pass: result.passed.then(|| result.clone()),
                best: Some(result),
                ..Future::empty()
            };
        }
        Future {
            any_pass: result.passed,
            forgiving: result.passed.then(|| result.clone()),
            endings: 1u64 << outcome.ending.min(63),
            paths: 1,
            best_pass: result.passed.then(|| result.clone()),
            best: Some(result.clone()),
            worst: Some(result.clone()),
            shortest: Some(result),
        }
    }
}

/// Plays one reply in a manner. Returns the step as `play` would write it, or None when the
/// call ended while waiting to reply.
fn act(call: &mut Call, reply: usize, manner: Manner) -> Option<Step> {
    match act_how(call, reply, manner.how()) {
        Acted::Played(step) => Some(step),
        Acted::Ended | Acted::NotAMove => None,
    }
}

/// Plays one reply, waiting and speaking as `how` says.
fn act_how(call: &mut Call, reply: usize, how: How) -> Acted {
    let (when, voice) = match wait(call, how) {
        Acted::Played(Step { when, voice, .. }) => (when, voice),
        other => return other,
    };
    if call.respond(reply, voice).is_err() {
        return Acted::NotAMove;
    }
    finish_reply(call);
    Acted::Played(Step { reply, when, voice })
}

/// Waits as `how` says and picks the voice: a step with its reply still to choose (0).
fn wait(call: &mut Call, how: How) -> Acted {
    use crate::engine::Phase;
    finish_reply(call);
    let timing = call.timing();
    let speaking = |call: &Call| match call.phase() {
        Phase::Speaking { intensity, .. } => Some(intensity.is_loud()),
        _ => None,
    };
    let in_the_pause = |call: &mut Call| {
        call.advance_to_floor();
        call.advance(1_000.min(timing.pause));
        When::Pause
    };
    // Whoever speaks before the customer is done speaks once there is a card to say: not
    // over a reaction to the last reply, before the beat's cards are on offer.
    let beat_began = call.now();
    if !matches!(
        how.timing,
        Timing::Pause | Timing::JustUnderDeadAir | Timing::Late
    ) {
        call.advance_until_offered(None);
    }
    let when = match how.timing {
        Timing::Pause => in_the_pause(call),
        Timing::Interrupt => {
            if speaking(call).is_some() {
                call.advance(call.current_remaining() / 2);
                When::Interrupt
            } else {
                // With nothing to interrupt at this beat, it is the same as answering at once.
                When::AfterStart(0)
            }
        }
        Timing::CutInWhenCalm => {
            if speaking(call) == Some(false) && !call.is_mid_outburst() {
                call.advance(call.current_remaining() / 2);
                When::Interrupt
            } else {
                in_the_pause(call)
            }
        }
        Timing::IntoOutburst => {
            let start = beat_began;
            let mut skipped = false;
            loop {
                match speaking(call) {
                    Some(true) => break,
                    _ if call.is_over() || !call.can_reply() => return Acted::NotAMove,
                    _ if matches!(call.phase(), Phase::Waiting { .. }) => {
                        return Acted::NotAMove;
                    }
                    _ => {
                        let remaining = call.current_remaining();
                        if remaining == 0 {
                            return Acted::NotAMove;
                        }
                        call.advance(remaining);
                        skipped = true;
                    }
                }
            }
            call.advance(call.current_remaining() / 2);
            if skipped {
                When::AfterStart(call.now() - start)
            } else {
                When::Interrupt
            }
        }
        Timing::JustUnderDeadAir => {
            let wait = timing.dead_air.saturating_sub(100);
            call.advance_to_floor();
            call.advance(wait);
            When::AfterStop(wait)
        }
        Timing::Late => {
            call.advance_to_floor();
            call.advance(timing.dead_air + 500);
            When::Late
        }
    };
    if call.is_over() {
        return Acted::Ended;
    }
    let loud = call.customer_is_loud();
    let voice = match how.voice {
        VoiceRule::ByTheBook if loud => Voice::Soft,
        VoiceRule::ByTheBook | VoiceRule::Even => Voice::Even,
        VoiceRule::Firm => Voice::Firm,
        VoiceRule::FirmIfLoud if loud => Voice::Firm,
        VoiceRule::FirmIfLoud => return Acted::NotAMove,
    };
    Acted::Played(Step {
        reply: 0,
        when,
        voice,
    })
}
