//! One call in progress: the state machine. The game drives it frame by frame with
//! `advance`; tests and the command-line tools drive it with exact times. What the customer
//! says is built in `speech`, rules judged from play live in `judge`, the meter arithmetic in
//! `temperament`, and the tally and score in `crate::scoring`.

mod beats;
mod clock;
mod queries;
mod respond;
mod state_key;
mod verdicts;

use std::collections::VecDeque;
use std::sync::Arc;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::events::{
    CallError, Choice, Event, LineKind, Outcome, Phase, Reason, ReplyTiming, meter_history,
};
use super::judge::{self, Aftermath, Judgement, Said, dead_air, voice};
use super::speech::{self, BREATH_MS, Segment, Speaker};
use super::temperament::{self, Landing};
use crate::guidance::{Catalogue, ids};
use crate::i18n::{Lang, Messages, note_text};
use crate::scenario::{
    BeatIx, Channel, EndingIx, Intensity, Line, Reply, Scenario, Target, Timing,
};
use crate::scoring::{Chosen, Headline, Moment, MomentSource, Record, Score, Tally};
use crate::vocab::{
    EndedBy, Meter, MeterDelta, Meters, Millis, Note, TimeAllowance, Verdict, Voice,
};

pub use state_key::StateKey;

/// How much longer the opening's windows (the pause and the dead-air limit) are than the
/// scenario's, until the first reply.
pub const OPENING_ALLOWANCE: Millis = 2;

/// The cue to speak, as it runs out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// How long the moment has been open.
    pub open_for: Millis,
    /// How long it lasts: a reply within it is in the pause.
    pub window: Millis,
}

impl Cue {
    /// The share of the moment still left, 1 to 0.
    pub fn left(self) -> f32 {
        if self.window == 0 {
            0.0
        } else {
            1.0 - (self.open_for as f32 / self.window as f32).clamp(0.0, 1.0)
        }
    }
}

#[derive(Debug, Clone)]
pub struct Call {
    // Shared, so the game can keep a call in a resource and the explorer can clone calls
    // cheaply.
    scenario: Arc<Scenario>,
    catalogue: Arc<Catalogue>,
    seed: u64,
    speaker: Speaker,
    now: Millis,
    meters: Meters,
    beat: BeatIx,
    queue: VecDeque<Segment>,
    current: Option<(Segment, Millis)>,
    waiting_since: Option<Millis>,
    replying: Option<(Millis, Millis, Target)>,
    /// What the customer says first when the next beat starts (a retort, a reaction).
    retort: Vec<Segment>,
    silence_strikes: u32,
    beat_had_outburst: bool,
    /// The beat has had a loud line the scenario wrote (a retort does not count).
    beat_vented: bool,
    last_intensity: Option<Intensity>,
    /// How many of the beat's own spoken lines the customer has begun: a reply card that
    /// answers line N is offered only once they have started saying it.
    lines_begun: u8,
    calm_lines: u8,
    heat_lines: u8,
    paused: bool,
    /// No reply yet: the opening, which gets the pick-up allowance.
    opening: bool,
    /// The trainee's "more time" accommodation: widens the pause window and the dead-air limit.
    allowance: TimeAllowance,
    outcome: Option<Outcome>,
    tally: Tally,
    record: bool,
    events: Vec<Event>,
    choices: Vec<Choice>,
}

impl Call {
    /// Starts a call: the first beat begins at once.
    pub fn new(scenario: Arc<Scenario>, catalogue: Arc<Catalogue>, seed: u64) -> Call {
        Call::start(scenario, catalogue, seed, true)
    }

    /// The same call with the trainee's "more time" accommodation. Set it before the call
    /// runs: it widens the windows from the first moment.
    pub fn with_time_allowance(mut self, allowance: TimeAllowance) -> Call {
        self.allowance = allowance;
        self
    }

    /// The trainee's "more time" accommodation in force.
    pub fn time_allowance(&self) -> TimeAllowance {
        self.allowance
    }

    /// A call that keeps no transcript, for exploring thousands of paths.
    pub fn unrecorded(scenario: Arc<Scenario>, catalogue: Arc<Catalogue>, seed: u64) -> Call {
        Call::start(scenario, catalogue, seed, false)
    }

    fn start(scenario: Arc<Scenario>, catalogue: Arc<Catalogue>, seed: u64, record: bool) -> Call {
        let start = scenario.start;
        let meters = scenario.customer.meters;
        let speaker = Speaker {
            rng: ChaCha8Rng::seed_from_u64(seed),
            channel: scenario.channel,
            joined_words: speech::joins_words(&scenario.language),
            lang: Lang::parse(&scenario.language).unwrap_or(Lang::En),
            market: speech::market(scenario.dialect.as_deref()),
        };
        let tally = Tally::new(&catalogue, record);
        let mut call = Call {
            scenario,
            catalogue,
            seed,
            speaker,
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
            beat_vented: false,
            last_intensity: None,
            lines_begun: 0,
            calm_lines: 0,
            heat_lines: 0,
            paused: false,
            opening: true,
            allowance: TimeAllowance::Standard,
            outcome: None,
            tally,
            record,
            events: Vec::new(),
            choices: Vec::new(),
        };
        call.start_beat(start);
        call
    }
}

fn progress(now: Millis, start: Millis, end: Millis) -> f32 {
    if end <= start {
        1.0
    } else {
        ((now.saturating_sub(start)) as f32 / (end - start) as f32).clamp(0.0, 1.0)
    }
}
