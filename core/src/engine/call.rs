//! One call in progress. The game drives it frame by frame with `advance`; tests and the
//! command-line tools drive it with exact times.

use std::collections::VecDeque;
use std::sync::Arc;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::score::{CORE_BREAKS_ALLOWED, Moment, Score};
use super::{Meter, MeterDelta, Meters, Millis, Verdict, Voice};
use crate::guidance::{Catalogue, ids};
use crate::scenario::{BeatIx, Channel, EndingIx, EndingKind, Intensity, Line, Scenario, Target};

/// The short breath between lines of one wave: still mid-outburst.
const BREATH_MS: Millis = 450;
const MIN_LINE_MS: Millis = 1_200;
const MIN_REPLY_MS: Millis = 1_200;
const MAX_REPLY_MS: Millis = 8_000;
/// A soft answer calms the customer over this many of their next lines.
const CALM_LINES: u8 = 3;
/// Shouting back makes this many of their next lines louder.
const HEAT_LINES: u8 = 2;
/// Anger lost on each line spoken while calmed by a soft voice.
const CALM_DRIFT: i32 = 1;
/// Anger gained on each line spoken while heated by a raised voice.
const HEAT_DRIFT: i32 = 2;

const DEFAULT_RETORTS: [&str; 4] = [
    "Don't interrupt me! I'm not finished!",
    "Let me finish!",
    "Can you let me finish, please?!",
    "I'm still talking!",
];
const DEFAULT_NUDGES: [&str; 3] = [
    "Hello? Are you still there?",
    "Hello?! Is anyone there?",
    "Are you even listening?",
];
const DEFAULT_CHAT_NUDGES: [&str; 3] = [
    "Hello??",
    "Are you still there?",
    "Is anyone actually reading this?",
];

/// Why a reply was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallError {
    Ended,
    Paused,
    /// The trainee's previous reply is still being said.
    StillReplying,
    NoSuchReply {
        index: usize,
        available: usize,
    },
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Ended => f.write_str("the call has ended"),
            CallError::Paused => f.write_str("the call is paused"),
            CallError::StillReplying => f.write_str("you are still saying your last reply"),
            CallError::NoSuchReply { index, available } => {
                write!(
                    f,
                    "there is no reply {} here (choose 1 to {available})",
                    index + 1
                )
            }
        }
    }
}

impl std::error::Error for CallError {}

/// What the customer's line is, in the flow of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A line the scenario wrote for this beat.
    Said,
    /// Their reaction to being cut off.
    Retort,
    /// Into a long silence.
    Nudge,
    /// Their last words at an ending.
    Farewell,
}

/// When a reply came, relative to what the customer was doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyTiming {
    /// While the customer was still talking.
    Interrupting,
    /// In the pause after an outburst.
    InThePause,
    /// Promptly, after a calm line.
    Prompt,
    /// After the pause, before the silence became dead air.
    Slow,
    /// After the silence had become dead air.
    Late,
}

impl ReplyTiming {
    pub fn label(self) -> &'static str {
        match self {
            ReplyTiming::Interrupting => "interrupting",
            ReplyTiming::InThePause => "in the pause",
            ReplyTiming::Prompt => "prompt",
            ReplyTiming::Slow => "slow",
            ReplyTiming::Late => "late, after dead air",
        }
    }
}

/// Why a meter moved: the rule (if any), its verdict, and words for the trainee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub rule: Option<String>,
    pub verdict: Option<Verdict>,
    pub text: String,
}

/// Everything that happens in a call, in order. The transcript, the game's flashes and the
/// debrief's chart are all read from these.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    BeatStarted {
        at: Millis,
        beat: String,
    },
    CustomerLine {
        at: Millis,
        kind: LineKind,
        intensity: Intensity,
        text: String,
        duration: Millis,
    },
    Reply {
        at: Millis,
        beat: String,
        /// 0-based index into the beat's replies.
        reply: usize,
        text: String,
        voice: Voice,
        timing: ReplyTiming,
    },
    Rule {
        at: Millis,
        rule: String,
        verdict: Verdict,
        note: String,
    },
    Meter {
        at: Millis,
        meter: Meter,
        delta: i32,
        value: i32,
        reason: Reason,
    },
    Paused {
        at: Millis,
    },
    Resumed {
        at: Millis,
    },
    Ended {
        at: Millis,
        ending: String,
        kind: EndingKind,
        text: String,
        by: EndedBy,
    },
}

impl Event {
    pub fn at(&self) -> Millis {
        match self {
            Event::BeatStarted { at, .. }
            | Event::CustomerLine { at, .. }
            | Event::Reply { at, .. }
            | Event::Rule { at, .. }
            | Event::Meter { at, .. }
            | Event::Paused { at }
            | Event::Resumed { at }
            | Event::Ended { at, .. } => *at,
        }
    }
}

/// What ended the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndedBy {
    /// The conversation reached an ending.
    Reply,
    /// Anger reached the customer's limit.
    AngerLimit,
    /// Patience ran out.
    PatienceOut,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub ending: EndingIx,
    pub by: EndedBy,
    pub at: Millis,
}

/// A reply the trainee chose, for the debrief's "a better reply here".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub at: Millis,
    pub beat: BeatIx,
    pub reply: usize,
    pub voice: Voice,
    pub timing: ReplyTiming,
}

/// What the customer (or the trainee) is doing right now, for the game to show.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase<'c> {
    /// The customer is saying a line; `progress` runs 0 to 1 over it.
    Speaking {
        text: &'c str,
        intensity: Intensity,
        kind: LineKind,
        progress: f32,
    },
    /// A breath between lines of an outburst: they are not done.
    Breath,
    /// A pause between waves: a moment to speak.
    Pausing,
    /// The customer has finished and waits for the trainee.
    Waiting {
        silent_for: Millis,
        /// Still within the pause window (a reply now is "in the pause").
        in_pause: bool,
    },
    /// The trainee's reply is being said.
    Replying {
        progress: f32,
    },
    Ended,
}

#[derive(Debug, Clone)]
enum Segment {
    Speech {
        text: String,
        intensity: Intensity,
        kind: LineKind,
        duration: Millis,
    },
    /// A breath inside a wave.
    Breath(Millis),
    /// A pause the scenario wrote between waves.
    Pause(Millis),
}

impl Segment {
    fn duration(&self) -> Millis {
        match self {
            Segment::Speech { duration, .. } => *duration,
            Segment::Breath(d) | Segment::Pause(d) => *d,
        }
    }
}

/// Per-rule counts and the weighted totals the conduct score is made of.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Tally {
    pub followed_weight: u32,
    pub broken_weight: u32,
    /// How many times any rule was broken.
    pub mistakes: u16,
    /// [followed, broken] per catalogue rule, by index.
    pub per_rule: Vec<[u16; 2]>,
}

/// The parts of a call's state that decide its future score, for `explore` to merge paths
/// that reach the same point. Time, wording and the transcript are left out: they never
/// change a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StateKey {
    beat: BeatIx,
    meters: Meters,
    calm_lines: u8,
    heat_lines: u8,
    queued_lines: usize,
    followed_weight: u32,
    broken_weight: u32,
    mistakes: u16,
    /// Breaks of each core rule, capped just past what a pass allows: they decide pass/fail.
    core_breaks: Vec<u16>,
    ended: Option<EndingIx>,
}

#[derive(Debug, Clone)]
pub struct Call {
    // Shared, so the game can keep a call in a resource and the explorer can clone calls
    // cheaply.
    scenario: Arc<Scenario>,
    catalogue: Arc<Catalogue>,
    seed: u64,
    rng: ChaCha8Rng,
    now: Millis,
    meters: Meters,
    beat: BeatIx,
    queue: VecDeque<Segment>,
    current: Option<(Segment, Millis)>,
    waiting_since: Option<Millis>,
    replying: Option<(Millis, Millis, Target)>,
    retort: Vec<Segment>,
    silence_strikes: u32,
    beat_had_outburst: bool,
    last_intensity: Option<Intensity>,
    calm_lines: u8,
    heat_lines: u8,
    /// Multiplies a reply's good effects: an interrupted reply lands at half strength.
    landing: f64,
    paused: bool,
    outcome: Option<Outcome>,
    tally: Tally,
    record: bool,
    moments: Vec<Moment>,
    events: Vec<Event>,
    choices: Vec<Choice>,
}

impl Call {
    /// Starts a call: the first beat begins at once.
    pub fn new(scenario: Arc<Scenario>, catalogue: Arc<Catalogue>, seed: u64) -> Call {
        let start = scenario.start;
        let meters = scenario.customer.meters;
        let rules = catalogue.rules.len();
        let mut call = Call {
            scenario,
            catalogue,
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            now: 0,
            meters,
            beat: start,
            queue: VecDeque::new(),
            current: None,
            waiting_since: None,
            replying: None,
            retort: Vec::new(),
            silence_strikes: 0,
            beat_had_outburst: false,
            last_intensity: None,
            calm_lines: 0,
            heat_lines: 0,
            landing: 1.0,
            paused: false,
            outcome: None,
            tally: Tally {
                followed_weight: 0,
                broken_weight: 0,
                mistakes: 0,
                per_rule: vec![[0, 0]; rules],
            },
            record: true,
            moments: Vec::new(),
            events: Vec::new(),
            choices: Vec::new(),
        };
        call.start_beat(start);
        call
    }

    /// A call that keeps no transcript, for exploring thousands of paths.
    pub fn unrecorded(scenario: Arc<Scenario>, catalogue: Arc<Catalogue>, seed: u64) -> Call {
        let mut call = Call::new(scenario, catalogue, seed);
        call.record = false;
        call.events.clear();
        call
    }

    // ----- reading the call -----

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn now(&self) -> Millis {
        self.now
    }

    pub fn meters(&self) -> Meters {
        self.meters
    }

    pub fn beat(&self) -> BeatIx {
        self.beat
    }

    /// The order to show this beat's replies in: indexes into `replies()`, shuffled by the
    /// call's seed and the beat, so the right answer is not always the first card and a retry
    /// is not learnt by position. Scripts, transcripts and `explore` keep the scenario's own
    /// numbering; only the cards move.
    pub fn reply_order(&self) -> Vec<usize> {
        use rand::seq::SliceRandom;
        let mut order: Vec<usize> = (0..self.replies().len()).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(
            self.seed ^ (self.beat as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
        order.shuffle(&mut rng);
        order
    }

    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn moments(&self) -> &[Moment] {
        &self.moments
    }

    pub fn choices(&self) -> &[Choice] {
        &self.choices
    }

    /// Whether the customer's last line was loud (shouting or raised).
    pub fn customer_is_loud(&self) -> bool {
        self.last_intensity.is_some_and(Intensity::is_loud)
    }

    /// How many times a rule has been broken so far.
    pub fn mistakes(&self) -> u16 {
        self.tally.mistakes
    }

    /// Which catalogue rules have been judged so far (followed or broken), by index.
    pub fn exercised_rules(&self) -> impl Iterator<Item = usize> + '_ {
        self.tally
            .per_rule
            .iter()
            .enumerate()
            .filter(|(_, c)| c[0] + c[1] > 0)
            .map(|(i, _)| i)
    }

    pub(super) fn tally(&self) -> &Tally {
        &self.tally
    }

    /// The replies the trainee can choose from now (empty once the call has ended).
    pub fn replies(&self) -> &[crate::scenario::Reply] {
        if self.is_over() {
            &[]
        } else {
            &self.scenario.beats[self.beat].replies
        }
    }

    /// Whether a reply now would be accepted.
    pub fn can_reply(&self) -> bool {
        !self.is_over() && !self.paused && self.replying.is_none()
    }

    pub fn phase(&self) -> Phase<'_> {
        if self.is_over() {
            return Phase::Ended;
        }
        if let Some((start, until, _)) = self.replying {
            return Phase::Replying {
                progress: progress(self.now, start, until),
            };
        }
        match &self.current {
            Some((
                Segment::Speech {
                    text,
                    intensity,
                    kind,
                    duration,
                },
                started,
            )) => Phase::Speaking {
                text,
                intensity: *intensity,
                kind: *kind,
                progress: progress(self.now, *started, started + duration),
            },
            Some((Segment::Breath(_), _)) => Phase::Breath,
            Some((Segment::Pause(_), _)) => Phase::Pausing,
            None => {
                let since = self.waiting_since.unwrap_or(self.now);
                let silent_for = self.now.saturating_sub(since);
                Phase::Waiting {
                    silent_for,
                    in_pause: silent_for <= self.scenario.timing.pause,
                }
            }
        }
    }

    /// Whether the customer is mid-outburst: a reply now would interrupt their venting.
    pub fn is_mid_outburst(&self) -> bool {
        match &self.current {
            Some((Segment::Speech { intensity, .. }, _)) => intensity.is_loud(),
            Some((Segment::Breath(_), _)) => self.last_intensity.is_some_and(Intensity::is_loud),
            _ => false,
        }
    }

    /// Time until the customer finishes everything queued in this beat (0 when waiting).
    pub fn time_until_floor(&self) -> Millis {
        if self.is_over() {
            return 0;
        }
        let reply = self
            .replying
            .map_or(0, |(_, until, _)| until.saturating_sub(self.now));
        if reply > 0 {
            // The next beat is not built yet: its length is unknown until it starts.
            return reply;
        }
        self.current_remaining() + self.queue.iter().map(Segment::duration).sum::<Millis>()
    }

    /// Time left in what the customer is saying (or pausing) right now.
    pub fn current_remaining(&self) -> Millis {
        self.current.as_ref().map_or(0, |(seg, started)| {
            (started + seg.duration()).saturating_sub(self.now)
        })
    }

    pub fn state_key(&self) -> StateKey {
        StateKey {
            beat: self.beat,
            meters: self.meters,
            calm_lines: self.calm_lines,
            heat_lines: self.heat_lines,
            queued_lines: self.queue.len() + usize::from(self.current.is_some()),
            followed_weight: self.tally.followed_weight,
            broken_weight: self.tally.broken_weight,
            mistakes: self.tally.mistakes,
            core_breaks: self
                .catalogue
                .rules
                .iter()
                .zip(&self.tally.per_rule)
                .filter(|(rule, _)| rule.core)
                .map(|(_, [_, broken])| (*broken).min(CORE_BREAKS_ALLOWED as u16 + 1))
                .collect(),
            ended: self.outcome.map(|o| o.ending),
        }
    }

    /// The score so far (or final, once the call is over).
    pub fn score(&self) -> Score {
        Score::of(self)
    }

    // ----- driving the call -----

    /// Stops the clock (the phone rings in real life). Time paused is not dead air.
    pub fn set_paused(&mut self, paused: bool) {
        if self.paused == paused || self.is_over() {
            return;
        }
        self.paused = paused;
        let at = self.now;
        self.log(if paused {
            Event::Paused { at }
        } else {
            Event::Resumed { at }
        });
    }

    /// Lets `dt` milliseconds of the call pass: the customer speaks, pauses, waits; silence
    /// turns into dead air. Does nothing while paused or after the end.
    pub fn advance(&mut self, dt: Millis) {
        if self.paused || self.is_over() {
            return;
        }
        let target = self.now.saturating_add(dt);
        while !self.is_over() {
            if let Some((_, until, next)) = self.replying {
                if until > target {
                    break;
                }
                self.now = until;
                self.replying = None;
                self.go_to(next);
                continue;
            }
            if let Some((segment, started)) = &self.current {
                let end = started + segment.duration();
                if end > target {
                    break;
                }
                self.now = end;
                self.current = None;
                self.next_segment();
                continue;
            }
            if let Some(since) = self.waiting_since {
                let strike_at = since + self.scenario.timing.dead_air * (self.silence_strikes + 1);
                if strike_at > target {
                    break;
                }
                self.now = strike_at;
                self.dead_air_strike();
                continue;
            }
            break;
        }
        if !self.is_over() {
            self.now = target;
        }
    }

    /// Advances until the customer has finished the beat and waits (or the call ends).
    pub fn advance_to_floor(&mut self) {
        // The reply in progress first, then the new beat's lines.
        for _ in 0..2 {
            let wait = self.time_until_floor();
            if wait == 0 {
                break;
            }
            self.advance(wait);
        }
    }

    /// The trainee answers now with reply `index` (0-based) in `voice`.
    pub fn respond(&mut self, index: usize, voice: Voice) -> Result<(), CallError> {
        if self.is_over() {
            return Err(CallError::Ended);
        }
        if self.paused {
            return Err(CallError::Paused);
        }
        if self.replying.is_some() {
            return Err(CallError::StillReplying);
        }
        let scenario = Arc::clone(&self.scenario);
        let beat = &scenario.beats[self.beat];
        let Some(reply) = beat.replies.get(index) else {
            return Err(CallError::NoSuchReply {
                index,
                available: beat.replies.len(),
            });
        };
        let timing = self.reply_timing();
        let customer_loud = self.last_intensity.is_some_and(Intensity::is_loud);
        let at = self.now;
        self.log(Event::Reply {
            at,
            beat: beat.id.clone(),
            reply: index,
            text: reply.text.clone(),
            voice,
            timing,
        });
        if self.record {
            self.choices.push(Choice {
                at,
                beat: self.beat,
                reply: index,
                voice,
                timing,
            });
        }

        // Timing, judged from play, unless the reply itself names the rule (a reply that
        // puts the customer on hold breaks no_dead_air however promptly it is said).
        let tagged = |rule: &str| reply.follows.iter().chain(&reply.breaks).any(|r| r == rule);
        let outburst = self.beat_had_outburst || self.is_mid_outburst();
        match timing {
            // Cutting into an outburst is the core mistake; talking over a customer who is
            // explaining calmly is a smaller one: they don't feel heard.
            ReplyTiming::Interrupting if outburst => {
                self.verdict(
                    ids::LET_THEM_VENT,
                    Verdict::Broken,
                    "you cut in while they were venting",
                );
                self.retort = self.retort_lines();
            }
            ReplyTiming::Interrupting => {
                self.verdict(
                    ids::MAKE_THEM_HEARD,
                    Verdict::Broken,
                    "you talked over them before they finished",
                );
                self.retort = self.retort_lines();
            }
            ReplyTiming::InThePause if outburst => {
                self.verdict(ids::LET_THEM_VENT, Verdict::Followed, "you let them finish");
                self.verdict(
                    ids::ANSWER_IN_THE_PAUSE,
                    Verdict::Followed,
                    "you spoke in the pause",
                );
            }
            ReplyTiming::InThePause | ReplyTiming::Prompt if !tagged(ids::NO_DEAD_AIR) => {
                self.verdict(ids::NO_DEAD_AIR, Verdict::Followed, "you answered promptly");
            }
            ReplyTiming::InThePause | ReplyTiming::Prompt => {}
            ReplyTiming::Slow | ReplyTiming::Late if outburst => {
                self.verdict(ids::LET_THEM_VENT, Verdict::Followed, "you let them finish");
                self.verdict(
                    ids::ANSWER_IN_THE_PAUSE,
                    Verdict::Broken,
                    "you let the pause after their outburst go by",
                );
            }
            ReplyTiming::Slow | ReplyTiming::Late => {}
        }

        // Voice, judged from play.
        if customer_loud {
            match voice {
                Voice::Soft => {
                    self.verdict(
                        ids::LOWER_YOUR_VOICE,
                        Verdict::Followed,
                        "you answered the shouting softly",
                    );
                    self.calm_lines = CALM_LINES;
                    self.heat_lines = 0;
                }
                Voice::Firm => {
                    self.verdict(
                        ids::LOWER_YOUR_VOICE,
                        Verdict::Broken,
                        "you raised your voice back at them",
                    );
                    self.heat_lines = HEAT_LINES;
                    self.calm_lines = 0;
                }
                Voice::Even => {}
            }
        }

        // What the reply says, judged by the rules the scenario names.
        self.landing = if timing == ReplyTiming::Interrupting {
            0.5
        } else {
            1.0
        };
        for rule in &reply.follows {
            self.verdict(rule, Verdict::Followed, "");
        }
        for rule in &reply.breaks {
            self.verdict(rule, Verdict::Broken, "");
        }
        if !reply.effects.is_zero() {
            let delta = self.land(reply.effects);
            self.apply(
                delta,
                Reason {
                    rule: None,
                    verdict: None,
                    text: "what you said".into(),
                },
            );
        }
        self.landing = 1.0;

        // What the customer says first in the next beat: after an interruption, their reply
        // to being cut off and the rest of what they were saying (interrupting does not save
        // time: they finish anyway); otherwise their reaction to this reply.
        // A reply said over them was not taken in, so it gets no reaction.
        if timing == ReplyTiming::Interrupting {
            let unsaid = self.unsaid_lines();
            if !self.retort.is_empty() && !unsaid.is_empty() {
                self.retort.push(Segment::Breath(BREATH_MS));
            }
            self.retort.extend(unsaid);
        } else {
            let reaction = self.segments(&reply.reaction);
            self.retort.extend(reaction);
        }
        // The customer stops to listen.
        self.queue.clear();
        self.current = None;
        self.waiting_since = None;
        // A reply that leads to an ending ends the call there, as the scenario says; the
        // anger and patience limits decide only when the conversation would go on.
        let next = reply.target(self.meters);
        if matches!(next, Target::Beat(_)) && self.check_limits() {
            return Ok(());
        }
        let duration = reply_duration(&reply.text, voice);
        self.replying = Some((self.now, self.now + duration, next));
        Ok(())
    }

    // ----- inside the engine -----

    fn reply_timing(&self) -> ReplyTiming {
        match &self.current {
            Some((Segment::Speech { .. } | Segment::Breath(_), _)) => ReplyTiming::Interrupting,
            Some((Segment::Pause(_), _)) => ReplyTiming::InThePause,
            None => {
                let silent = self
                    .now
                    .saturating_sub(self.waiting_since.unwrap_or(self.now));
                if self.silence_strikes > 0 {
                    ReplyTiming::Late
                } else if silent <= self.scenario.timing.pause {
                    if self.beat_had_outburst {
                        ReplyTiming::InThePause
                    } else {
                        ReplyTiming::Prompt
                    }
                } else {
                    ReplyTiming::Slow
                }
            }
        }
    }

    fn go_to(&mut self, target: Target) {
        match target {
            Target::Beat(b) => self.start_beat(b),
            Target::Ending(e) => self.end(e, EndedBy::Reply),
        }
    }

    fn start_beat(&mut self, b: BeatIx) {
        self.beat = b;
        self.beat_had_outburst = false;
        self.last_intensity = None;
        self.silence_strikes = 0;
        self.waiting_since = None;
        let at = self.now;
        let id = self.scenario.beats[b].id.clone();
        self.log(Event::BeatStarted { at, beat: id });
        let mut segments = std::mem::take(&mut self.retort);
        let scenario = Arc::clone(&self.scenario);
        let built = self.segments(&scenario.beats[b].lines);
        if !segments.is_empty() && !built.is_empty() {
            segments.push(Segment::Breath(BREATH_MS));
        }
        segments.extend(built);
        self.queue = segments.into();
        self.next_segment();
    }

    /// The customer's lines as timed segments: a breath between lines, the scenario's pauses
    /// as written, a wording picked by the seed, a little jitter in pace.
    fn segments(&mut self, lines: &[Line]) -> Vec<Segment> {
        let mut out = Vec::new();
        for line in lines {
            match line {
                Line::Pause(ms) => out.push(Segment::Pause(*ms)),
                Line::Speech {
                    intensity,
                    variants,
                } => {
                    if matches!(out.last(), Some(Segment::Speech { .. })) {
                        out.push(Segment::Breath(BREATH_MS));
                    }
                    let text = if variants.len() > 1 {
                        variants[self.rng.random_range(0..variants.len())].clone()
                    } else {
                        variants.first().cloned().unwrap_or_default()
                    };
                    let duration = self.line_duration(&text, *intensity);
                    out.push(Segment::Speech {
                        text,
                        intensity: *intensity,
                        kind: LineKind::Said,
                        duration,
                    });
                }
            }
        }
        out
    }

    fn line_duration(&mut self, text: &str, intensity: Intensity) -> Millis {
        let per_word: u32 = match intensity {
            Intensity::Shout => 300,
            Intensity::Raised => 330,
            Intensity::Even => 380,
            Intensity::Quiet => 420,
        };
        let words = text.split_whitespace().count().max(1) as u32;
        let base = (words * per_word).max(MIN_LINE_MS);
        let jitter: f64 = self.rng.random_range(0.92..1.08);
        let typed = if self.scenario.channel == Channel::Chat {
            1.3
        } else {
            1.0
        };
        (f64::from(base) * jitter * typed).round() as Millis
    }

    /// The scenario's lines for this beat that the customer had not started when they were
    /// cut off, a breath apart (a few at most: they make their point, not a speech).
    fn unsaid_lines(&self) -> Vec<Segment> {
        const MOST: usize = 3;
        let mut out = Vec::new();
        for segment in self
            .queue
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Segment::Speech {
                        kind: LineKind::Said,
                        ..
                    }
                )
            })
            .take(MOST)
        {
            if !out.is_empty() {
                out.push(Segment::Breath(BREATH_MS));
            }
            out.push(segment.clone());
        }
        out
    }

    fn retort_lines(&mut self) -> Vec<Segment> {
        let scenario = Arc::clone(&self.scenario);
        let written = &scenario.beats[self.beat].when_interrupted;
        let mut segments = if written.is_empty() {
            let text = DEFAULT_RETORTS[self.rng.random_range(0..DEFAULT_RETORTS.len())].to_string();
            let duration = self.line_duration(&text, Intensity::Shout);
            vec![Segment::Speech {
                text,
                intensity: Intensity::Shout,
                kind: LineKind::Retort,
                duration,
            }]
        } else {
            self.segments(written)
        };
        for segment in &mut segments {
            if let Segment::Speech { kind, .. } = segment {
                *kind = LineKind::Retort;
            }
        }
        segments
    }

    /// Starts the next queued segment, or opens the floor when the customer is done.
    fn next_segment(&mut self) {
        let Some(mut segment) = self.queue.pop_front() else {
            self.waiting_since = Some(self.now);
            return;
        };
        if let Segment::Speech {
            text,
            intensity,
            kind,
            duration,
        } = &mut segment
        {
            // A soft answer brings a shout down to a raised voice (still venting: the
            // scenario's outbursts stay outbursts); shouting back brings them up a step.
            if self.calm_lines > 0 {
                if *intensity == Intensity::Shout {
                    *intensity = Intensity::Raised;
                }
            } else if self.heat_lines > 0 {
                *intensity = intensity.louder();
            }
            self.last_intensity = Some(*intensity);
            if intensity.is_loud() {
                self.beat_had_outburst = true;
            }
            let at = self.now;
            let event = Event::CustomerLine {
                at,
                kind: *kind,
                intensity: *intensity,
                text: text.clone(),
                duration: *duration,
            };
            self.log(event);
            self.voice_drift();
            if self.check_limits() {
                return;
            }
        }
        self.current = Some((segment, self.now));
    }

    /// The lasting effect of the trainee's voice on each of the customer's next lines.
    fn voice_drift(&mut self) {
        let (anger, verdict, text) = if self.calm_lines > 0 {
            self.calm_lines -= 1;
            (
                -CALM_DRIFT,
                Verdict::Followed,
                "your soft voice is bringing them down",
            )
        } else if self.heat_lines > 0 {
            self.heat_lines -= 1;
            (
                HEAT_DRIFT,
                Verdict::Broken,
                "they are matching your raised voice",
            )
        } else {
            return;
        };
        let delta = self.scaled(
            MeterDelta {
                anger,
                ..MeterDelta::default()
            },
            None,
        );
        let reason = Reason {
            rule: Some(ids::LOWER_YOUR_VOICE.into()),
            verdict: Some(verdict),
            text: text.into(),
        };
        self.apply(delta, reason);
    }

    /// The silence has gone on too long: dead air, and the customer says so.
    fn dead_air_strike(&mut self) {
        self.silence_strikes += 1;
        let seconds = self.scenario.timing.dead_air * self.silence_strikes / 1000;
        self.verdict(
            ids::NO_DEAD_AIR,
            Verdict::Broken,
            &format!("you left them in silence for {seconds} seconds"),
        );
        {
            // Drawn whether or not the call is recorded, so both replay the same wording.
            let written = &self.scenario.beats[self.beat].when_silent;
            let (text, intensity) = match written.iter().find_map(|l| match l {
                Line::Speech {
                    intensity,
                    variants,
                } if !variants.is_empty() => Some((variants, *intensity)),
                _ => None,
            }) {
                Some((variants, intensity)) => (
                    variants[self.rng.random_range(0..variants.len())].clone(),
                    intensity,
                ),
                None => {
                    let pool: &[&str] = if self.scenario.channel == Channel::Chat {
                        &DEFAULT_CHAT_NUDGES
                    } else {
                        &DEFAULT_NUDGES
                    };
                    let i = (self.silence_strikes as usize - 1).min(pool.len() - 1);
                    (
                        pool[i].to_string(),
                        if i == 0 {
                            Intensity::Even
                        } else {
                            Intensity::Raised
                        },
                    )
                }
            };
            let at = self.now;
            self.log(Event::CustomerLine {
                at,
                kind: LineKind::Nudge,
                intensity,
                text,
                duration: 0,
            });
        }
        self.check_limits();
    }

    /// Records a rule's verdict and moves the meters by the rule's rubric, scaled by the
    /// customer's temperament.
    fn verdict(&mut self, rule_id: &str, verdict: Verdict, note: &str) {
        let catalogue = Arc::clone(&self.catalogue);
        let Some((index, rule)) = catalogue
            .rules
            .iter()
            .enumerate()
            .find(|(_, r)| r.id == rule_id)
        else {
            return;
        };
        let counts = &mut self.tally.per_rule[index];
        match verdict {
            Verdict::Followed => {
                counts[0] = counts[0].saturating_add(1);
                self.tally.followed_weight += rule.weight;
            }
            Verdict::Broken => {
                counts[1] = counts[1].saturating_add(1);
                self.tally.broken_weight += rule.weight;
                self.tally.mistakes = self.tally.mistakes.saturating_add(1);
            }
        }
        let at = self.now;
        let note = if note.is_empty() {
            match verdict {
                Verdict::Followed => rule.summary.clone(),
                Verdict::Broken => format!("broke \"{}\"", rule.summary),
            }
        } else {
            note.to_string()
        };
        if self.record {
            let beat = &self.scenario.beats[self.beat];
            let reply = self
                .choices
                .last()
                .filter(|c| c.at == at)
                .map(|c| beat.replies[c.reply].text.clone());
            self.moments.push(Moment {
                at,
                rule: rule.id.clone(),
                verdict,
                beat: beat.id.clone(),
                reply,
                note: note.clone(),
            });
        }
        self.log(Event::Rule {
            at,
            rule: rule.id.clone(),
            verdict,
            note: note.clone(),
        });
        let base = match verdict {
            Verdict::Followed => rule.followed,
            Verdict::Broken => rule.broken,
        };
        let delta = self.land(self.scaled(base, Some((rule_id, verdict))));
        self.apply(
            delta,
            Reason {
                rule: Some(rule.id.clone()),
                verdict: Some(verdict),
                text: note,
            },
        );
    }

    /// Applies the temperament: anger rises × escalation, falls × calming; a trigger rule
    /// broken or a soother followed counts twice.
    fn scaled(&self, base: MeterDelta, rule: Option<(&str, Verdict)>) -> MeterDelta {
        let t = &self.scenario.customer.temperament;
        let (trigger, soother) = match rule {
            Some((id, Verdict::Broken)) => (t.triggers.iter().any(|r| r == id), false),
            Some((id, Verdict::Followed)) => (false, t.soothers.iter().any(|r| r == id)),
            None => (false, false),
        };
        let emphasis = if trigger || soother { 2.0 } else { 1.0 };
        let anger = if base.anger > 0 {
            f64::from(base.anger) * t.escalation * if trigger { emphasis } else { 1.0 }
        } else {
            f64::from(base.anger) * t.calming * if soother { emphasis } else { 1.0 }
        };
        let trust = f64::from(base.trust)
            * if (base.trust < 0 && trigger) || (base.trust > 0 && soother) {
                emphasis
            } else {
                1.0
            };
        let patience = f64::from(base.patience)
            * if (base.patience < 0 && trigger) || (base.patience > 0 && soother) {
                emphasis
            } else {
                1.0
            };
        MeterDelta {
            anger: anger.round() as i32,
            trust: trust.round() as i32,
            patience: patience.round() as i32,
        }
    }

    /// An interrupted reply lands at half strength: its good effects are halved.
    fn land(&self, delta: MeterDelta) -> MeterDelta {
        if self.landing >= 1.0 {
            return delta;
        }
        let half = |v: i32, good: bool| {
            if good {
                (f64::from(v) * self.landing).round() as i32
            } else {
                v
            }
        };
        MeterDelta {
            anger: half(delta.anger, delta.anger < 0),
            trust: half(delta.trust, delta.trust > 0),
            patience: half(delta.patience, delta.patience > 0),
        }
    }

    fn apply(&mut self, delta: MeterDelta, reason: Reason) {
        for meter in Meter::ALL {
            let change = meter.of_delta(delta);
            if change == 0 {
                continue;
            }
            let slot = match meter {
                Meter::Anger => &mut self.meters.anger,
                Meter::Trust => &mut self.meters.trust,
                Meter::Patience => &mut self.meters.patience,
            };
            let before = *slot;
            *slot = (before + change).clamp(0, 100);
            let actual = *slot - before;
            if actual != 0 {
                let value = *slot;
                let at = self.now;
                self.log(Event::Meter {
                    at,
                    meter,
                    delta: actual,
                    value,
                    reason: reason.clone(),
                });
            }
        }
    }

    /// Ends the call if anger reached the limit or patience ran out. Returns whether it ended.
    fn check_limits(&mut self) -> bool {
        if self.is_over() {
            return true;
        }
        let t = &self.scenario.customer.temperament;
        if self.meters.anger >= t.limit {
            self.end(t.at_limit, EndedBy::AngerLimit);
        } else if self.meters.patience <= 0 {
            self.end(t.out_of_patience, EndedBy::PatienceOut);
        }
        self.is_over()
    }

    fn end(&mut self, ending: EndingIx, by: EndedBy) {
        self.queue.clear();
        self.current = None;
        self.waiting_since = None;
        self.replying = None;
        let at = self.now;
        self.outcome = Some(Outcome { ending, by, at });
        if !self.record {
            return;
        }
        let scenario = Arc::clone(&self.scenario);
        let e = &scenario.endings[ending];
        for line in &e.lines {
            if let Line::Speech {
                intensity,
                variants,
            } = line
            {
                if variants.is_empty() {
                    continue;
                }
                let text = variants[self.rng.random_range(0..variants.len())].clone();
                self.log(Event::CustomerLine {
                    at,
                    kind: LineKind::Farewell,
                    intensity: *intensity,
                    text,
                    duration: 0,
                });
            }
        }
        self.log(Event::Ended {
            at,
            ending: e.id.clone(),
            kind: e.kind,
            text: e.text.clone(),
            by,
        });
    }

    fn log(&mut self, event: Event) {
        if self.record {
            self.events.push(event);
        }
    }
}

fn progress(now: Millis, start: Millis, end: Millis) -> f32 {
    if end <= start {
        1.0
    } else {
        ((now.saturating_sub(start)) as f32 / (end - start) as f32).clamp(0.0, 1.0)
    }
}

/// How long the trainee takes to say a reply: a soft voice is a little slower.
fn reply_duration(text: &str, voice: Voice) -> Millis {
    let per_word = match voice {
        Voice::Soft => 380,
        Voice::Even => 340,
        Voice::Firm => 310,
    };
    let words = text.split_whitespace().count() as u32;
    (words * per_word).clamp(MIN_REPLY_MS, MAX_REPLY_MS)
}
