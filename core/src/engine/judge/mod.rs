//! The rules judged from play: when the trainee answers, how loud, and how long they leave
//! the customer in silence. Each rule is one file with its verdicts and notes; `ON_REPLY`
//! lists them in the order a reply's verdicts are given (the order meters move in).
//!
//! To add a rule judged from play: write its file here, add it to `ON_REPLY` (or call it
//! from the call where its moment is not a reply, as `dead_air` is), add its id to
//! `guidance::ids::MEASURED_FROM_PLAY` and define it in `assets/guidance.ron` with
//! `measured: Play`.

pub(super) mod dead_air;
mod pause;
mod prompt;
mod vent;
pub(super) mod voice;

use crate::scenario::Reply;
use crate::scoring::MomentSource;
use crate::vocab::{Note, Verdict, Voice};

use super::events::ReplyTiming;

/// What a rule judged from play sees of a reply: when and how it was said.
pub(super) struct Said<'r> {
    pub timing: ReplyTiming,
    pub voice: Voice,
    /// The beat has had a loud line, or the customer is mid-outburst now.
    pub outburst: bool,
    /// The beat has had a loud line of the scenario's own (not the customer's answer to
    /// being cut off): letting them finish that earns credit, waiting out a retort does not.
    pub vented: bool,
    /// The customer has raised their voice in this exchange (any line of the beat so far).
    pub customer_loud: bool,
    /// The reply itself, for the rules it names.
    pub reply: &'r Reply,
}

impl Said<'_> {
    /// Whether the reply's own tags name `rule` (then its words decide it, not play).
    pub fn names(&self, rule: &str) -> bool {
        self.reply
            .follows
            .iter()
            .chain(&self.reply.breaks)
            .any(|r| r == rule)
    }
}

/// What the call does next because of a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Aftermath {
    Nothing,
    /// The customer was cut off: they answer that, then finish what they were saying.
    Retort,
    /// A soft answer: their next lines come down.
    Calms,
    /// Shouting back: their next lines get louder.
    Heats,
}

/// One verdict from play.
#[derive(Debug, Clone)]
pub(super) struct Judgement {
    pub rule: &'static str,
    pub verdict: Verdict,
    pub note: Note,
    pub source: MomentSource,
    pub then: Aftermath,
}

impl Judgement {
    fn new(rule: &'static str, verdict: Verdict, note: Note, source: MomentSource) -> Judgement {
        Judgement {
            rule,
            verdict,
            note,
            source,
            then: Aftermath::Nothing,
        }
    }

    /// No verdict, only a consequence (the customer rising to a raised voice).
    fn unjudged(then: Aftermath) -> Judgement {
        Judgement {
            rule: "",
            verdict: Verdict::Followed,
            note: Note::WhatYouSaid,
            source: MomentSource::Voice,
            then,
        }
    }

    /// Whether this is a verdict on a rule (not only a consequence).
    pub fn judges(&self) -> bool {
        !self.rule.is_empty()
    }

    fn then(self, then: Aftermath) -> Judgement {
        Judgement { then, ..self }
    }
}

/// A rule judged on every reply.
pub(super) struct OnReply {
    pub rule: &'static str,
    pub judge: fn(&Said<'_>) -> Vec<Judgement>,
}

/// In the order their verdicts are given.
pub(super) const ON_REPLY: [OnReply; 4] = [vent::RULE, pause::RULE, prompt::RULE, voice::RULE];

/// Every rule judged from play, by id.
pub fn rules() -> impl Iterator<Item = &'static str> {
    ON_REPLY
        .iter()
        .map(|r| r.rule)
        .chain(std::iter::once(dead_air::RULE))
}

/// Every verdict play gives on a reply, in order.
pub(super) fn judge_reply(said: &Said<'_>) -> Vec<Judgement> {
    ON_REPLY.iter().flat_map(|r| (r.judge)(said)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::{Catalogue, Measured, ids};

    /// The catalogue's play-measured rules and the judges here are the same set: a rule
    /// marked `measured: Play` with no judge would never be scored.
    #[test]
    fn every_play_measured_rule_has_a_judge_and_every_judge_a_rule() {
        let catalogue = Catalogue::builtin();
        let judged: Vec<&str> = rules().collect();
        for id in ids::MEASURED_FROM_PLAY {
            assert!(judged.contains(&id), "{id} has no judge");
        }
        for rule in catalogue
            .rules
            .iter()
            .filter(|r| r.measured == Measured::Play)
        {
            assert!(
                judged.contains(&rule.id.as_str()),
                "{} has no judge",
                rule.id
            );
        }
        for id in judged {
            assert!(
                catalogue.get(id).is_some(),
                "{id} is judged but not in the catalogue"
            );
        }
    }
}
