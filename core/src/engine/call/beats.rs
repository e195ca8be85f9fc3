//! Moving through the case: entering a beat, its lines in turn, and the ending.

use super::*;

impl Call {
    pub(super) fn go_to(&mut self, target: Target) {
        match target {
            Target::Beat(b) => self.start_beat(b),
            Target::Ending(e) => self.end(e, EndedBy::Reply),
        }
    }

    pub(super) fn start_beat(&mut self, b: BeatIx) {
        self.beat = b;
        self.beat_had_outburst = false;
        self.beat_vented = false;
        self.last_intensity = None;
        self.lines_begun = 0;
        self.silence_strikes = 0;
        self.waiting_since = None;
        let at = self.now;
        // Only a recorded call copies the words into its transcript (the explorer's calls
        // are cloned thousands of times and need none).
        if self.record {
            let id = self.scenario.beats[b].id.clone();
            self.log(Event::BeatStarted { at, beat: id });
        }
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
    pub(super) fn next_segment(&mut self) {
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
            if self.record {
                let event = Event::CustomerLine {
                    at: self.now,
                    kind: *kind,
                    intensity: *intensity,
                    text: text.clone(),
                    duration: *duration,
                };
                self.log(event);
            }
            self.voice_drift();
            if self.check_limits() {
                return;
            }
        }
        self.current = Some((segment, self.now));
    }

    pub(super) fn end(&mut self, ending: EndingIx, by: EndedBy) {
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
}
