//! Make them feel heard, from play: talking over a customer who is explaining calmly is a
//! smaller mistake than cutting into an outburst (that is `vent`), but they still answer it.

use super::{Aftermath, Judgement, OnReply, Said};
use crate::engine::events::ReplyTiming;
use crate::guidance::ids::MAKE_THEM_HEARD;
use crate::scoring::MomentSource::Timing;
use crate::vocab::{Note, Verdict};

pub(in crate::engine) const RULE: OnReply = OnReply {
    rule: MAKE_THEM_HEARD,
    judge,
};

fn judge(said: &Said<'_>) -> Vec<Judgement> {
    if said.outburst || said.timing != ReplyTiming::Interrupting {
        return Vec::new();
    }
    vec![
        Judgement::new(MAKE_THEM_HEARD, Verdict::Broken, Note::TalkedOver, Timing)
            .then(Aftermath::Retort),
    ]
}
