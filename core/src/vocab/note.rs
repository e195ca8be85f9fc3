//! What the trainee did at a moment the rules judged, or why a meter moved, as a value the
//! screens word in the trainee's language (`i18n::note_text`); transcripts and session
//! files keep the English words beside it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// Cut into an outburst.
    CutIn,
    LetThemFinish,
    SpokeInPause,
    MissedPause,
    AnsweredPromptly,
    /// Answered a calm customer only after the pause, as the silence grew.
    SlowAnswer,
    /// Talked over a customer explaining calmly.
    TalkedOver,
    AnsweredSoftly,
    RaisedVoice,
    /// Left them in silence this long.
    Silence {
        seconds: u32,
    },
    /// A reply's words followed the rule (its name says what).
    Followed,
    /// A reply's words broke the rule.
    Broke,
    /// A soft voice keeps bringing them down, line by line.
    SoftVoiceDrift,
    /// They keep matching a raised voice, line by line.
    RaisedVoiceDrift,
    /// The reply's own effect on the meters.
    WhatYouSaid,
    /// In a shift: they waited this long in the queue before the call.
    Waited {
        minutes: u32,
    },
    /// In a shift: the call-back promised on their last call never came.
    PromiseMissed,
    /// In a shift: their problem was left unresolved on their last call.
    CalledAgain,
    /// In a shift: you called them back as promised; they start where the last call left them.
    CalledBackAsPromised,
}

impl Note {
    /// The message id in `assets/locales/*/engine.ftl`.
    pub fn message_id(self) -> &'static str {
        match self {
            Note::CutIn => "note-cut-in",
            Note::LetThemFinish => "note-let-them-finish",
            Note::SpokeInPause => "note-spoke-in-pause",
            Note::MissedPause => "note-missed-pause",
            Note::AnsweredPromptly => "note-answered-promptly",
            Note::SlowAnswer => "note-slow-answer",
            Note::TalkedOver => "note-talked-over",
            Note::AnsweredSoftly => "note-answered-softly",
            Note::RaisedVoice => "note-raised-voice",
            Note::Silence { .. } => "note-silence",
            Note::Followed => "note-followed",
            Note::Broke => "note-broke",
            Note::SoftVoiceDrift => "reason-soft-voice-drift",
            Note::RaisedVoiceDrift => "reason-raised-voice-drift",
            Note::WhatYouSaid => "reason-what-you-said",
            Note::Waited { .. } => "reason-waited",
            Note::PromiseMissed => "reason-promise-missed",
            Note::CalledAgain => "reason-called-again",
            Note::CalledBackAsPromised => "reason-called-back-as-promised",
        }
    }
}
