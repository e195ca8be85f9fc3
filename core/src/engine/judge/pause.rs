//! Speak in the pause: after an outburst, the pause is the cue; letting it go by is missed.

use super::{Judgement, OnReply, Said};
use crate::engine::events::ReplyTiming;
use crate::guidance::ids::ANSWER_IN_THE_PAUSE;
use crate::scoring::MomentSource::Timing;
use crate::vocab::{Note, Verdict};

pub(in crate::engine) const RULE: OnReply = OnReply {
    rule: ANSWER_IN_THE_PAUSE,
    judge,
};

fn judge(said: &Said<'_>) -> Vec<Judgement> {
    if !said.outburst {
        return Vec::new();
    }
    match said.timing {
        // Credit for the pause after their own venting, not after their answer to being cut
        // off (a trainee must not earn it by interrupting first).
        ReplyTiming::InThePause if said.vented => vec![Judgement::new(
            ANSWER_IN_THE_PAUSE,
            Verdict::Followed,
            Note::SpokeInPause,
            Timing,
        )],
        ReplyTiming::Slow | ReplyTiming::Late => vec![Judgement::new(
            ANSWER_IN_THE_PAUSE,
            Verdict::Broken,
            Note::MissedPause,
            Timing,
        )],
        ReplyTiming::InThePause | ReplyTiming::Interrupting | ReplyTiming::Prompt => Vec::new(),
    }
}
