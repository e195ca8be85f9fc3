//! Who plays the call: a manner for the whole call or an adversarial trainee, and how
//! each answers (when, in which voice) at a choice point.

#[allow(unused_imports)]
use super::*;

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

/// Who plays the call: a manner for the whole call, or an adversarial trainee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Play {
    Manner(Manner),
    Adversary(Adversary),
}

impl Play {
    pub(super) fn label(self) -> &'static str {
        match self {
            Play::Manner(manner) => manner.label(),
            Play::Adversary(adversary) => adversary.label(),
        }
    }
}

/// When a reply is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Timing {
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
pub(super) enum VoiceRule {
    /// Soft to a loud customer, else even.
    ByTheBook,
    Even,
    Firm,
    /// Firm to a loud customer; not a move when the customer is not loud.
    FirmIfLoud,
}

/// How one reply is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct How {
    pub(super) timing: Timing,
    pub(super) voice: VoiceRule,
}

pub(super) const BY_THE_BOOK: How = How {
    timing: Timing::Pause,
    voice: VoiceRule::ByTheBook,
};

impl Manner {
    pub(super) fn how(self) -> How {
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
pub(super) enum Acted {
    Played(Step),
    /// The call ended while waiting to reply.
    Ended,
    /// The move does not apply here (no outburst to cut into, no loud customer to shout at).
    NotAMove,
}

/// Plays one reply in a manner. Returns the step as `play` would write it, or None when the
/// call ended while waiting to reply.
pub(super) fn act(call: &mut Call, reply: usize, manner: Manner) -> Option<Step> {
    match act_how(call, reply, manner.how()) {
        Acted::Played(step) => Some(step),
        Acted::Ended | Acted::NotAMove => None,
    }
}

/// Plays one reply, waiting and speaking as `how` says.
pub(super) fn act_how(call: &mut Call, reply: usize, how: How) -> Acted {
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
pub(super) fn wait(call: &mut Call, how: How) -> Acted {
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
