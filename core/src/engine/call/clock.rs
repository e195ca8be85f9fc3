//! Time passing: the clock, the pause, the customer's voice drifting, dead air.

use super::*;

impl Call {
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

    /// The lasting effect of the trainee's voice on each of the customer's next lines.
    pub(super) fn voice_drift(&mut self) {
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
    pub(super) fn dead_air_strike(&mut self) {
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
}
