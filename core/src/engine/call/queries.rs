//! What the call is now: read-only questions the game, the tools and the judges ask.

use super::*;

impl Call {
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
    pub(super) fn any_offered(&self) -> bool {
        (0..self.replies().len()).any(|i| self.is_offered(i))
    }

    /// Whether a reply on offer now follows the guidance and breaks none of it.
    pub(super) fn right_reply_offered(&self) -> bool {
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
    pub(super) fn next_strike_at(&self, since: Millis) -> Millis {
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

    /// The score so far (or final, once the call is over).
    pub fn score(&self) -> Score {
        let chosen: Vec<Chosen> = self.choices.iter().map(Choice::chosen).collect();
        Score::of(&self.record(&chosen))
    }

    /// The score's total, grade and pass, without its breakdown (cheap at every ending).
    pub fn headline(&self) -> Headline {
        Score::headline_of(&self.record(&[]))
    }

    fn record<'a>(&'a self, chosen: &'a [Chosen]) -> Record<'a> {
        Record {
            scenario: &self.scenario,
            catalogue: &self.catalogue,
            tally: &self.tally,
            end: self.outcome.map(|o| (o.ending, o.by)),
            meters: self.meters,
            chosen,
        }
    }
}
