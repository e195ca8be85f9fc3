//! Don't interrupt a venting customer (core): a reply while the beat's outburst goes on is
//! an interruption; one after it is letting them finish.

use super::{Aftermath, Judgement, OnReply, Said};
use crate::engine::events::ReplyTiming;
use crate::guidance::ids::LET_THEM_VENT;
use crate::scoring::MomentSource::Timing;
use crate::vocab::{Note, Verdict};

pub(in crate::engine) const RULE: OnReply = OnReply {
    rule: LET_THEM_VENT,
    judge,
};

fn judge(said: &Said<'_>) -> Vec<Judgement> {
    if !said.outburst {
        return Vec::new();
    }
    vec![if said.timing == ReplyTiming::Interrupting {
        Judgement::new(LET_THEM_VENT, Verdict::Broken, Note::CutIn, Timing).then(Aftermath::Retort)
    } else {
        Judgement::new(
            LET_THEM_VENT,
            Verdict::Followed,
            Note::LetThemFinish,
            Timing,
        )
    }]
}
