//! Don't interrupt (core): a reply while the customer is still talking is an interruption,
//! whether they are venting (cutting into an outburst) or explaining calmly (talking over
//! them); either way they answer it and finish what they were saying. A reply after an
//! outburst is letting them finish.

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
    let interrupting = said.timing == ReplyTiming::Interrupting;
    if interrupting {
        // A customer who is explaining is interrupted as surely as one who is shouting: the
        // trainee's words for the rule are "don't interrupt", not "don't interrupt a shout".
        let note = if said.outburst {
            Note::CutIn
        } else {
            Note::TalkedOver
        };
        return vec![
            Judgement::new(LET_THEM_VENT, Verdict::Broken, note, Timing).then(Aftermath::Retort),
        ];
    }
    if !said.vented {
        return Vec::new();
    }
    vec![Judgement::new(
        LET_THEM_VENT,
        Verdict::Followed,
        Note::LetThemFinish,
        Timing,
    )]
}
