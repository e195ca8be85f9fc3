//! Don't leave them waiting, on a reply: answering a calm customer promptly is followed.
//! (Silence that becomes dead air is `dead_air`; a reply whose own words put the customer on
//! hold names the rule itself, and its words decide.)

use super::{Judgement, OnReply, Said};
use crate::engine::events::ReplyTiming;
use crate::guidance::ids::NO_DEAD_AIR;
use crate::scoring::MomentSource::Timing;
use crate::vocab::{Note, Verdict};

pub(in crate::engine) const RULE: OnReply = OnReply {
    rule: NO_DEAD_AIR,
    judge,
};

fn judge(said: &Said<'_>) -> Vec<Judgement> {
    if said.outburst || said.names(NO_DEAD_AIR) {
        return Vec::new();
    }
    match said.timing {
        ReplyTiming::InThePause | ReplyTiming::Prompt => vec![Judgement::new(
            NO_DEAD_AIR,
            Verdict::Followed,
            Note::AnsweredPromptly,
            Timing,
        )],
        // Waiting until just before the silence counts as dead air is still leaving them
        // waiting: a slow answer is a broken moment, and a habit of them fails the call.
        ReplyTiming::Slow => vec![Judgement::new(
            NO_DEAD_AIR,
            Verdict::Broken,
            Note::SlowAnswer,
            Timing,
        )],
        ReplyTiming::Interrupting | ReplyTiming::Late => Vec::new(),
    }
}
