//! The trainee's reply: when it came, what it said and how, and what follows.

use super::*;

impl Call {
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
        if self.record {
            self.log(Event::Reply {
                at,
                beat: beat.id.clone(),
                reply: index,
                text: reply.text.clone(),
                voice,
                timing,
            });
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

    pub(super) fn reply_timing(&self) -> ReplyTiming {
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
}
