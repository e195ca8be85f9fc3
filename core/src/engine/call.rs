//! One call in progress: the state machine. The game drives it frame by frame with
//! `advance`; tests and the command-line tools drive it with exact times. What the customer
//! says is built in `speech`, rules judged from play live in `judge`, the meter arithmetic in
//! `temperament`, and the tally and score in `crate::scoring`.

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
use crate::scoring::{Chosen, Moment, MomentSource, Record, Score, Tally};
use crate::vocab::{
    EndedBy, Meter, MeterDelta, Meters, Millis, Note, TimeAllowance, Verdict, Voice,
};

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
    lines_begun: u8,
    followed_weight: u32,
    broken_weight: u32,
    mistakes: u16,
    /// Breaks of each core and timing rule, capped just past what a pass forgives: they
    /// decide pass or fail.
    pass_deciding_breaks: Vec<u16>,
    /// Whether a rule of the case's lesson has been broken: it fails the call.
    lesson_broken: bool,
    /// Still the opening (no reply yet): its windows are longer.
    opening: bool,
    ended: Option<EndingIx>,
}

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

    /// Every verdict so far, with when and why (empty for an unrecorded call).
    pub fn moments(&self) -> &[Moment] {
        self.tally.moments()
    }

    /// The verdicts counted so far.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// A meter's value over the call so far, starting where the customer started.
    pub fn meter_history(&self, meter: Meter) -> Vec<(Millis, i32)> {
        meter_history(&self.events, self.scenario.customer.meters, meter)
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
        self.tally.mistakes()
    }

    /// Which catalogue rules have been judged so far (followed or broken), by index.
    pub fn exercised_rules(&self) -> impl Iterator<Item = usize> + '_ {
        self.tally.exercised()
    }

    /// The replies the trainee can choose from now (empty once the call has ended).
    pub fn replies(&self) -> &[Reply] {
        if self.is_over() {
            &[]
        } else {
            &self.scenario.beats[self.beat].replies
        }
    }

    /// Whether reply `index` of this beat is on offer now: a reply that answers a later line
    /// of the beat (its `after`) waits until the customer has begun saying that line, so no
    /// card answers something not yet said.
    pub fn is_offered(&self, index: usize) -> bool {
        self.replies()
            .get(index)
            .is_some_and(|r| self.lines_begun >= r.after)
    }

    /// Whether any reply is on offer now (asked every frame: nothing is collected).
    fn any_offered(&self) -> bool {
        (0..self.replies().len()).any(|i| self.is_offered(i))
    }

    /// Whether a reply on offer now follows the guidance and breaks none of it.
    fn right_reply_offered(&self) -> bool {
        self.replies()
            .iter()
            .enumerate()
            .any(|(i, r)| self.is_offered(i) && r.breaks.is_empty() && !r.follows.is_empty())
    }

    /// How long until the call changes by itself (a line or pause ends, the reply being
    /// said ends, the cue's window closes, silence turns into dead air): the game redraws
    /// then, not at a fixed rate. None while paused or once over: nothing is due.
    pub fn due_in(&self) -> Option<Millis> {
        if self.paused || self.is_over() {
            return None;
        }
        if let Some((_, until, _)) = self.replying {
            return Some(until.saturating_sub(self.now));
        }
        if let Some((segment, started)) = &self.current {
            return Some((started + segment.duration()).saturating_sub(self.now));
        }
        let since = self.waiting_since?;
        let cue_closes = since + self.timing().pause + 1;
        let next = if self.now < cue_closes {
            cue_closes
        } else {
            self.next_strike_at(since)
        };
        Some(next.saturating_sub(self.now))
    }

    /// When the silence that began at `since` next turns into dead air.
    fn next_strike_at(&self, since: Millis) -> Millis {
        since + self.timing().dead_air * (self.silence_strikes + 1)
    }

    /// The replies on offer now, as indexes into `replies()`.
    pub fn offered(&self) -> Vec<usize> {
        (0..self.replies().len())
            .filter(|&i| self.is_offered(i))
            .collect()
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
                    ..
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
                    in_pause: silent_for <= self.timing().pause,
                }
            }
        }
    }

    /// The cue to speak while it runs: the customer has finished and a card is on offer,
    /// or they pause between waves and a right card (one that follows the guidance and
    /// breaks none) answers what they have said so far. A breath inside an outburst with
    /// only wrong cards on offer is not a cue: the screen never invites a reply the rules
    /// would not reward. None otherwise, and once the window has passed (a reply then is
    /// slow, or lands on their next line).
    pub fn cue(&self) -> Option<Cue> {
        if self.is_over() || self.replying.is_some() || !self.any_offered() {
            return None;
        }
        let limit = self.timing().pause;
        let (open_for, window) = match &self.current {
            Some((Segment::Pause(length), started)) => {
                if !self.right_reply_offered() {
                    return None;
                }
                (self.now.saturating_sub(*started), (*length).min(limit))
            }
            Some(_) => return None,
            None => (
                self.now
                    .saturating_sub(self.waiting_since.unwrap_or(self.now)),
                limit,
            ),
        };
        (open_for <= window).then_some(Cue { open_for, window })
    }

    /// Whether the moment to answer after the customer finished has passed unanswered.
    pub fn missed_the_pause(&self) -> bool {
        matches!(
            self.phase(),
            Phase::Waiting {
                in_pause: false,
                ..
            }
        )
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

    /// The windows in force now: the scenario's, stretched by `OPENING_ALLOWANCE` until the
    /// trainee's first reply. A real agent hears the phone ring, sees who is calling and
    /// picks up; a trainee meets the screen and its cards at the same moment, so the greeting
    /// (or the first answer to a caller who opens shouting) gets that time too.
    /// The trainee's "more time" accommodation widens both windows on top of that.
    pub fn timing(&self) -> Timing {
        let timing = self.scenario.timing;
        let opening = if self.opening { OPENING_ALLOWANCE } else { 1 };
        Timing {
            pause: self.allowance.widen(timing.pause * opening),
            dead_air: self.allowance.widen(timing.dead_air * opening),
        }
    }

    pub fn state_key(&self) -> StateKey {
        StateKey {
            beat: self.beat,
            meters: self.meters,
            calm_lines: self.calm_lines,
            heat_lines: self.heat_lines,
            queued_lines: self.queue.len() + usize::from(self.current.is_some()),
            lines_begun: self.lines_begun,
            followed_weight: self.tally.followed_weight(),
            broken_weight: self.tally.broken_weight(),
            mistakes: self.tally.mistakes(),
            pass_deciding_breaks: self
                .tally
                .pass_deciding_breaks(&self.catalogue, self.scenario.tier),
            lesson_broken: self.scenario.lesson.iter().any(|id| {
                self.catalogue
                    .rules
                    .iter()
                    .position(|r| &r.id == id)
                    .is_some_and(|i| self.tally.of_rule(i)[1] > 0)
            }),
            opening: self.opening,
            ended: self.outcome.map(|o| o.ending),
        }
    }

    /// The score so far (or final, once the call is over).
    pub fn score(&self) -> Score {
        let chosen: Vec<Chosen> = self.choices.iter().map(Choice::chosen).collect();
        Score::of(&Record {
            scenario: &self.scenario,
            catalogue: &self.catalogue,
            tally: &self.tally,
            end: self.outcome.map(|o| (o.ending, o.by)),
            meters: self.meters,
            chosen: &chosen,
        })
    }

    // ----- driving the call -----

    /// Stops the clock (the phone rings in real life). Time paused is not dead air.
    pub fn set_paused(&mut self, paused: bool) {
        if paused {
            self.pause();
        } else {
            self.resume_after(0);
        }
    }

    /// Stops the clock.
    pub fn pause(&mut self) {
        if self.paused || self.is_over() {
            return;
        }
        self.paused = true;
        let at = self.now;
        self.log(Event::Paused { at });
    }

    /// Starts the clock again after a pause that lasted `paused_for` ms of real time (the
    /// game measures it; the engine's clock did not run), kept in the transcript.
    pub fn resume_after(&mut self, paused_for: Millis) {
        if !self.paused || self.is_over() {
            return;
        }
        self.paused = false;
        let at = self.now;
        self.log(Event::Resumed { at, paused_for });
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
                let strike_at = self.next_strike_at(since);
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

    /// Advances line by line until reply `reply` (or, with None, any reply) is on offer: past
    /// a reaction to the last reply, up to the line a card answers. Does nothing once on offer.
    pub fn advance_until_offered(&mut self, reply: Option<usize>) {
        let offered = |call: &Call| match reply {
            Some(i) => call.is_offered(i),
            None => call.any_offered(),
        };
        while !self.is_over() && !self.paused && !offered(self) {
            let Some((segment, started)) = &self.current else {
                break;
            };
            let left = (started + segment.duration()).saturating_sub(self.now);
            self.advance(left.max(1));
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
        if !self.is_offered(index) {
            return Err(CallError::NotYetSaid {
                index,
                line: reply.after,
            });
        }
        let timing = self.reply_timing();
        self.opening = false;
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

        // How it was said: the rules judged from play, in their order.
        let said = Said {
            timing,
            voice,
            outburst: self.beat_had_outburst || self.is_mid_outburst(),
            vented: self.beat_vented,
            customer_loud: self.beat_had_outburst || self.customer_is_loud(),
            reply,
        };
        let judgements = judge::judge_reply(&said);
        for judgement in judgements.iter().filter(|j| j.judges()) {
            self.judge(judgement, Landing::Full);
        }
        for then in judgements.iter().map(|j| j.then) {
            match then {
                Aftermath::Calms => (self.calm_lines, self.heat_lines) = (voice::CALM_LINES, 0),
                Aftermath::Heats => (self.calm_lines, self.heat_lines) = (0, voice::HEAT_LINES),
                Aftermath::Retort | Aftermath::Nothing => {}
            }
        }

        // What it says, judged by the rules the scenario names; said over the customer, it
        // lands at half strength.
        let landing = if timing == ReplyTiming::Interrupting {
            Landing::Half
        } else {
            Landing::Full
        };
        for (rules, verdict, note) in [
            (&reply.follows, Verdict::Followed, Note::Followed),
            (&reply.breaks, Verdict::Broken, Note::Broke),
        ] {
            for rule in rules {
                self.verdict(rule, verdict, note, MomentSource::Words, landing);
            }
        }
        if !reply.effects.is_zero() {
            let reason = self.reason(None, None, Note::WhatYouSaid);
            self.apply(landing.apply(reply.effects), reason);
        }

        // What the customer says first in the next beat: after an interruption, their reply
        // to being cut off and the rest of what they were saying (interrupting does not save
        // time: they finish anyway); otherwise their reaction to this reply. A reply said
        // over them was not taken in, so it gets no reaction.
        if judgements.iter().any(|j| j.then == Aftermath::Retort) {
            self.retort = self.speaker.retort(&beat.when_interrupted);
        }
        if timing == ReplyTiming::Interrupting {
            let unsaid = speech::unsaid(self.queue.iter().cloned());
            if !self.retort.is_empty() && !unsaid.is_empty() {
                self.retort.push(Segment::Breath(BREATH_MS));
            }
            self.retort.extend(unsaid);
        } else {
            let reaction = self.speaker.segments(&reply.reaction);
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
        let duration = speech::reply_duration(&reply.text, voice, self.speaker.joined_words);
        self.replying = Some((self.now, self.now + duration, next));
        Ok(())
    }

    // ----- inside the engine -----

    fn reply_timing(&self) -> ReplyTiming {
        match &self.current {
            Some((Segment::Speech { .. } | Segment::Breath(_), _)) => ReplyTiming::Interrupting,
            // In the pause while within its window; a long written pause then turns slow.
            Some((Segment::Pause(_), started)) => {
                if self.now.saturating_sub(*started) <= self.timing().pause {
                    ReplyTiming::InThePause
                } else {
                    ReplyTiming::Slow
                }
            }
            None => {
                let silent = self
                    .now
                    .saturating_sub(self.waiting_since.unwrap_or(self.now));
                if self.silence_strikes > 0 {
                    ReplyTiming::Late
                } else if silent <= self.timing().pause {
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
        self.beat_vented = false;
        self.last_intensity = None;
        self.lines_begun = 0;
        self.silence_strikes = 0;
        self.waiting_since = None;
        let at = self.now;
        let id = self.scenario.beats[b].id.clone();
        self.log(Event::BeatStarted { at, beat: id });
        let mut segments = std::mem::take(&mut self.retort);
        // What is left of the last beat (said after a retort) is not this beat's lines.
        for segment in &mut segments {
            if let Segment::Speech { line, .. } = segment {
                *line = None;
            }
        }
        let scenario = Arc::clone(&self.scenario);
        let mut built = self.speaker.segments(&scenario.beats[b].lines);
        let mut number = 0u8;
        for segment in &mut built {
            if let Segment::Speech { line, .. } = segment {
                *line = Some(number);
                number = number.saturating_add(1);
            }
        }
        if !segments.is_empty() && !built.is_empty() {
            segments.push(Segment::Breath(BREATH_MS));
        }
        segments.extend(built);
        self.queue = segments.into();
        self.next_segment();
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
            line,
        } = &mut segment
        {
            if let Some(n) = line {
                self.lines_begun = self.lines_begun.max(*n + 1);
            }
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
                self.beat_vented |= *kind == LineKind::Said;
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
        let Some((anger, verdict, note)) = voice::drift(&mut self.calm_lines, &mut self.heat_lines)
        else {
            return;
        };
        let base = MeterDelta {
            anger,
            ..MeterDelta::default()
        };
        let delta = temperament::scaled(&self.scenario.customer.temperament, base, None);
        let reason = self.reason(Some(ids::LOWER_YOUR_VOICE), Some(verdict), note);
        self.apply(delta, reason);
    }

    /// The silence has gone on too long: dead air, and the customer says so.
    fn dead_air_strike(&mut self) {
        self.silence_strikes += 1;
        let judgement = dead_air::strike(self.timing().dead_air, self.silence_strikes);
        self.judge(&judgement, Landing::Full);
        // Drawn whether or not the call is recorded, so both replay the same wording.
        let scenario = Arc::clone(&self.scenario);
        let (text, intensity) = self
            .speaker
            .nudge(&scenario.beats[self.beat].when_silent, self.silence_strikes);
        let at = self.now;
        self.log(Event::CustomerLine {
            at,
            kind: LineKind::Nudge,
            intensity,
            text,
            duration: 0,
        });
        self.check_limits();
    }

    fn judge(&mut self, judgement: &Judgement, landing: Landing) {
        let (rule, verdict) = (judgement.rule, judgement.verdict);
        self.verdict(rule, verdict, judgement.note, judgement.source, landing);
    }

    /// Why a meter moved, with its English words for the transcript (worded only when the
    /// call is recorded: the explorer's thousands of calls need no words).
    fn reason(&self, rule: Option<&str>, verdict: Option<Verdict>, what: Note) -> Reason {
        let text = if self.record {
            let name = rule
                .and_then(|id| self.catalogue.get(id))
                .map_or("", |r| r.summary.as_str());
            let in_chat = self.scenario.channel == Channel::Chat;
            note_text(Messages::plain(), Lang::En, what, name, in_chat)
        } else {
            String::new()
        };
        Reason {
            rule: rule.map(str::to_string),
            verdict,
            text,
            what,
        }
    }

    /// Records a rule's verdict and moves the meters by the rule's rubric, scaled by the
    /// customer's temperament.
    fn verdict(
        &mut self,
        rule_id: &str,
        verdict: Verdict,
        note: Note,
        source: MomentSource,
        landing: Landing,
    ) {
        let catalogue = Arc::clone(&self.catalogue);
        let Some((index, rule)) = catalogue
            .rules
            .iter()
            .enumerate()
            .find(|(_, r)| r.id == rule_id)
        else {
            return;
        };
        self.tally.count(&catalogue, index, verdict);
        let at = self.now;
        let reason = self.reason(Some(rule_id), Some(verdict), note);
        if self.tally.records_moments() {
            let beat = &self.scenario.beats[self.beat];
            let reply = self
                .choices
                .last()
                .filter(|c| c.at == at)
                .map(|c| beat.replies[c.reply].text.clone());
            self.tally.keep(Moment {
                at,
                rule: rule.id.clone(),
                verdict,
                beat: beat.id.clone(),
                reply,
                note: reason.text.clone(),
                what: note,
                source,
            });
        }
        self.log(Event::Rule {
            at,
            rule: rule.id.clone(),
            verdict,
            note: reason.text.clone(),
            what: note,
        });
        let base = match verdict {
            Verdict::Followed => rule.followed,
            Verdict::Broken => rule.broken,
        };
        let temperament = &self.scenario.customer.temperament;
        let delta = landing.apply(temperament::scaled(
            temperament,
            base,
            Some((rule_id, verdict)),
        ));
        self.apply(delta, reason);
    }

    /// Records why the customer starts where they do, in a shift (a wait in the queue, a
    /// missed promise): the scenario this call was given already starts there (so the
    /// explorer and the call agree); this logs each move with its reason, at the start,
    /// for the meters to show like any other.
    pub fn note_opening(&mut self, moves: &[(MeterDelta, Note)]) {
        for &(delta, note) in moves {
            let reason = Reason {
                rule: None,
                verdict: None,
                text: note_text(Messages::plain(), Lang::En, note, "", false),
                what: note,
            };
            for meter in Meter::ALL {
                let change = delta.get(meter);
                if change != 0 {
                    let value = self.meters.get(meter);
                    self.log(Event::Meter {
                        at: self.now,
                        meter,
                        delta: change,
                        value,
                        reason: reason.clone(),
                    });
                }
            }
        }
    }

    /// Moves the meters (each kept within 0-100) and logs each change with its reason.
    fn apply(&mut self, delta: MeterDelta, reason: Reason) {
        for meter in Meter::ALL {
            let change = delta.get(meter);
            if change == 0 {
                continue;
            }
            let slot = self.meters.slot(meter);
            let before = *slot;
            *slot = (before + change).clamp(0, 100);
            let (actual, value) = (*slot - before, *slot);
            if actual != 0 {
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
                && !variants.is_empty()
            {
                let text = self.speaker.farewell(variants);
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
