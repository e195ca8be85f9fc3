//! The search: every reply at every choice point, states shared through a memo, within
//! the budget.

#[allow(unused_imports)]
use super::*;

/// Below this much stack left, the next level of the search runs on a new segment ...
const STACK_RED_ZONE: usize = 128 * 1024;
/// ... of this size (a level takes a few KiB: the call cloned twice, the paths ahead).
const STACK_GROWTH: usize = 4 * 1024 * 1024;

pub(super) struct Explorer<'a, 'p> {
    pub(super) scenario: &'a Scenario,
    pub(super) play: Play,
    /// Catalogue indexes of the core rules.
    pub(super) core: Vec<usize>,
    /// Catalogue indexes of `let_them_vent` and `lower_your_voice`.
    pub(super) vent: Option<usize>,
    pub(super) lower_voice: Option<usize>,
    pub(super) memo: HashMap<(StateKey, u128), std::rc::Rc<PathsAhead>>,
    pub(super) rules_exercised: Vec<bool>,
    /// Best score reached through each (beat, reply).
    pub(super) reply_best: HashMap<(usize, usize), Option<u8>>,
    pub(super) reply_passes: HashSet<(usize, usize)>,
    pub(super) beats_entered: Vec<bool>,
    /// Beats some path enters with no rule broken yet.
    pub(super) beats_entered_clean: Vec<bool>,
    pub(super) expanded: usize,
    pub(super) partial: bool,
    /// This play's share of the state budget, and the byte budget.
    pub(super) max_states: usize,
    pub(super) max_bytes: usize,
    /// Estimated bytes held by `memo`.
    pub(super) bytes: usize,
    /// A state could not be remembered within the byte budget: expand no more.
    pub(super) full: bool,
    /// Hashes of states the budget kept from being expanded (a lower bound on the rest).
    pub(super) cut_off: HashSet<u64>,
    /// States expanded by the plays before this one, for progress.
    pub(super) states_before: usize,
    pub(super) started: Instant,
    pub(super) progress: &'p mut dyn FnMut(&Progress),
}

/// An estimate of the bytes a memo entry holds, heap included.
pub(super) fn entry_bytes(future: &PathsAhead) -> usize {
    // A path's steps are shared with the child's it was made from: one new link each.
    let path = |p: &Option<Kept>| {
        p.as_ref().map_or(0, |p| {
            std::mem::size_of::<Kept>() + SharedSteps::LINK_BYTES + p.ending.capacity()
        })
    };
    // The key's own size (its visits a fingerprint) and core-rule tallies, the shared future
    // (with its reference counts), the paths, and the hash table's slot overhead.
    std::mem::size_of::<(StateKey, u128)>()
        + 64
        + std::mem::size_of::<std::rc::Rc<PathsAhead>>()
        + 2 * std::mem::size_of::<usize>()
        + std::mem::size_of::<PathsAhead>()
        + path(&future.best)
        + path(&future.best_pass)
        + path(&future.worst)
        + path(&future.shortest)
        + path(&future.forgiving)
        + 16
}

/// The limits one play is searched under: its share of the budget, the clock, the progress line.
pub(super) struct Limits<'p> {
    pub(super) max_states: usize,
    pub(super) max_bytes: usize,
    pub(super) states_before: usize,
    pub(super) started: Instant,
    pub(super) progress: &'p mut dyn FnMut(&Progress),
}

/// What the plays searched so far have used of the budget, and how many are still to come.
pub(super) struct Spent {
    pub(super) states: usize,
    pub(super) cut_off: usize,
    pub(super) peak_bytes: usize,
    pub(super) partial: bool,
    pub(super) plays_left: usize,
}

impl Spent {
    /// Searches one play from the start of `call` with an equal share of the states the plays
    /// before it left unused, and adds what it used. The explorer comes back with its findings
    /// (its table of states already freed, so one play's table is held at a time).
    #[allow(clippy::too_many_arguments)] // the search's inputs, each used once
    pub(super) fn search<'a, 'p>(
        &mut self,
        scenario: &'a Scenario,
        catalogue: &Catalogue,
        play: Play,
        call: Call,
        budget: Budget,
        started: Instant,
        progress: &'p mut dyn FnMut(&Progress),
    ) -> (PathsAhead, Explorer<'a, 'p>) {
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
    pub(super) fn new(
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
    pub(super) fn run(&mut self, call: Call) -> PathsAhead {
        let mut visits = Visits::new(self.scenario.beats.len(), self.scenario.start);
        let future = self.visit(call, &mut visits);
        (*future).clone()
    }
}

impl Explorer<'_, '_> {
    /// The future of a call at a choice point (the start of a beat). `visits` counts how
    /// often this path has entered each beat.
    pub(super) fn visit(&mut self, call: Call, visits: &mut Visits) -> std::rc::Rc<PathsAhead> {
        if call.is_over() {
            return std::rc::Rc::new(self.terminal(&call));
        }
        let key = (call.state_key(), visits.fingerprint());
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
            return std::rc::Rc::new(PathsAhead::empty());
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
        let mut future = PathsAhead::empty();
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
        let size = entry_bytes(&future);
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
    pub(super) fn follow(
        &mut self,
        future: &mut PathsAhead,
        next: Call,
        step: Step,
        beat: usize,
        visits: &mut Visits,
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
            } else if visits.exhausted(next.beat()) {
                // Round in circles: not a way to finish the call.
                std::rc::Rc::new(PathsAhead::empty())
            } else {
                let entered = next.beat();
                visits.enter(entered);
                // A path is as deep as the case is long: grow the stack on the heap rather
                // than overflow a worker thread's (check's explorers run on 2 MiB stacks).
                let child =
                    stacker::maybe_grow(STACK_RED_ZONE, STACK_GROWTH, || self.visit(next, visits));
                visits.leave(entered);
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
    pub(super) fn moves(&self, call: &Call) -> Vec<(How, Vec<usize>)> {
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

    pub(super) fn terminal(&mut self, call: &Call) -> PathsAhead {
        for rule in call.exercised_rules() {
            self.rules_exercised[rule] = true;
        }
        let Some(outcome) = call.outcome() else {
            return PathsAhead::empty();
        };
        let score = call.headline();
        let ending = &self.scenario.endings[outcome.ending];
        let result = PathResult {
            score: score.total,
            grade: score.grade,
            passed: score.passed,
            ending: ending.id.clone(),
            outcome: ending.kind,
            mistakes: call.mistakes(),
            steps: SharedSteps::default(),
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
            return PathsAhead {
                any_pass: result.passed,
                endings: 1u64 << outcome.ending.min(63),
                paths: 1,
                best_pass: result.passed.then(|| result.clone()),
                best: Some(result),
                ..PathsAhead::empty()
            };
        }
        PathsAhead {
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
