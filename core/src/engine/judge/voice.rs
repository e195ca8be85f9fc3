//! Lower your voice (core): answer a loud customer softly and they come down with you over
//! their next lines; raise yours and they get louder.

use super::{Aftermath, Judgement, OnReply, Said};
use crate::guidance::ids::LOWER_YOUR_VOICE;
use crate::scoring::MomentSource::Voice as FromVoice;
use crate::vocab::{Note, Verdict, Voice};

/// A soft answer calms the customer over this many of their next lines.
pub(in crate::engine) const CALM_LINES: u8 = 3;
/// Shouting back makes this many of their next lines louder.
pub(in crate::engine) const HEAT_LINES: u8 = 2;
/// Anger lost on each line spoken while calmed by a soft voice.
const CALM_DRIFT: i32 = 1;
/// Anger gained on each line spoken while heated by a raised voice.
const HEAT_DRIFT: i32 = 2;

pub(in crate::engine) const RULE: OnReply = OnReply {
    rule: LOWER_YOUR_VOICE,
    judge,
};

fn judge(said: &Said<'_>) -> Vec<Judgement> {
    if !said.customer_loud {
        // A raised voice to a calm customer is not judged, but they rise to meet it.
        return if said.voice == Voice::Firm {
            vec![Judgement::unjudged(Aftermath::Heats)]
        } else {
            Vec::new()
        };
    }
    match said.voice {
        Voice::Soft => vec![
            Judgement::new(
                LOWER_YOUR_VOICE,
                Verdict::Followed,
                Note::AnsweredSoftly,
                FromVoice,
            )
            .then(Aftermath::Calms),
        ],
        Voice::Firm => vec![
            Judgement::new(
                LOWER_YOUR_VOICE,
                Verdict::Broken,
                Note::RaisedVoice,
                FromVoice,
            )
            .then(Aftermath::Heats),
        ],
        Voice::Even => Vec::new(),
    }
}

/// The lasting effect of the trainee's voice on one of the customer's next lines: the anger
/// it moves, with the verdict and words the meter shows. Spends one calm or heated line.
pub(in crate::engine) fn drift(
    calm_lines: &mut u8,
    heat_lines: &mut u8,
) -> Option<(i32, Verdict, Note)> {
    if *calm_lines > 0 {
        *calm_lines -= 1;
        Some((-CALM_DRIFT, Verdict::Followed, Note::SoftVoiceDrift))
    } else if *heat_lines > 0 {
        *heat_lines -= 1;
        Some((HEAT_DRIFT, Verdict::Broken, Note::RaisedVoiceDrift))
    } else {
        None
    }
}
