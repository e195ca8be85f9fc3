//! A session file's transcript and rule moments as their readers take them, typed: the
//! format's own upgrade (a version 1 file's choices), the trainer report and the xAPI
//! statements read these, not the JSON.
//!
//! Only the parts a reader uses are typed; every other kind of event (lines, meters, pauses,
//! the ending, and kinds added later) reads as [`TranscriptEvent::Other`], so a newer file
//! still loads. A known kind with a part missing or of the wrong kind is an error for that
//! event: a reader decides whether that spoils the file (the report) or only the event
//! (the statements, the upgrade).

use serde::Deserialize;
use serde_json::Value;

use super::session_file::{RecordedRule, SessionFile};
use crate::vocab::{Millis, Verdict, Voice};

/// One transcript event, typed where a reader needs it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TranscriptEvent {
    BeatStarted {
        at: Millis,
    },
    Reply {
        /// Milliseconds into the call; a reader that needs it requires it.
        #[serde(default)]
        at: Option<u64>,
        beat: String,
        reply: usize,
        #[serde(default)]
        text: String,
        #[serde(default)]
        voice: Option<Voice>,
        /// Kept as text: a timing this version does not know still reads.
        #[serde(default)]
        timing: String,
    },
    /// A rule's verdict on the reply just before it (same `at`).
    Rule {
        at: u64,
        rule: String,
        verdict: Verdict,
    },
    Resumed {
        #[serde(default)]
        paused_for: u64,
    },
    #[serde(other)]
    Other,
}

/// A moment a rule was judged, from the saved score: the parts a reader needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RecordedMoment {
    #[serde(default)]
    pub at: Millis,
    pub verdict: Verdict,
    #[serde(default)]
    pub beat: String,
    /// The English note.
    #[serde(default)]
    pub note: String,
    /// The typed note, kept loose: a note kind this version does not know reads as None
    /// and still leaves the English note.
    #[serde(default)]
    what: Value,
}

impl RecordedMoment {
    /// The typed note, when this version knows its kind.
    pub fn what(&self) -> Option<crate::vocab::Note> {
        serde_json::from_value(self.what.clone()).ok()
    }
}

impl SessionFile {
    /// The transcript's events in order, each read on its own.
    pub fn events(&self) -> impl Iterator<Item = Result<TranscriptEvent, serde_json::Error>> + '_ {
        self.transcript.iter().map(TranscriptEvent::deserialize)
    }
}

impl RecordedRule {
    /// The moments this rule was judged, each read on its own.
    pub fn read_moments(
        &self,
    ) -> impl Iterator<Item = Result<RecordedMoment, serde_json::Error>> + '_ {
        self.moments.iter().map(RecordedMoment::deserialize)
    }
}

/// When each beat started (ms into the call).
pub fn beat_starts(events: &[TranscriptEvent]) -> Vec<Millis> {
    events
        .iter()
        .filter_map(|e| match e {
            TranscriptEvent::BeatStarted { at } => Some(*at),
            _ => None,
        })
        .collect()
}

/// The exchange a moment fell in, as a trainer counts them: 1 for the first beat played.
pub fn exchange_at(at: Millis, beat_starts: &[Millis]) -> usize {
    beat_starts.iter().filter(|t| **t <= at).count()
}

/// How often the call was paused and for how long in all (ms).
pub fn pauses(events: &[TranscriptEvent]) -> (u32, u64) {
    events
        .iter()
        .filter_map(|e| match e {
            TranscriptEvent::Resumed { paused_for } => Some(*paused_for),
            _ => None,
        })
        .fold((0, 0), |(n, ms), p| (n + 1, ms + p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_kinds_read_as_other_and_a_broken_known_kind_is_an_error() {
        let read = |v: Value| TranscriptEvent::deserialize(v);
        assert_eq!(
            read(json!({ "type": "meter_changed", "at": 5 })).unwrap(),
            TranscriptEvent::Other
        );
        assert_eq!(
            read(json!({ "type": "beat_started", "at": 1200 })).unwrap(),
            TranscriptEvent::BeatStarted { at: 1200 }
        );
        assert!(read(json!({ "type": "beat_started" })).is_err());
        assert!(read(json!({ "type": "reply", "beat": "b" })).is_err());
        let events = [
            TranscriptEvent::BeatStarted { at: 0 },
            TranscriptEvent::Resumed { paused_for: 400 },
            TranscriptEvent::BeatStarted { at: 9000 },
            TranscriptEvent::Resumed { paused_for: 100 },
        ];
        assert_eq!(pauses(&events), (2, 500));
        let starts = beat_starts(&events);
        assert_eq!(exchange_at(8999, &starts), 1);
        assert_eq!(exchange_at(9000, &starts), 2);
    }

    #[test]
    fn a_moment_with_a_note_kind_from_a_newer_version_keeps_its_words() {
        let moment: RecordedMoment = serde_json::from_value(json!({
            "at": 10, "verdict": "Broken", "beat": "vent", "note": "you cut in",
            "what": { "kind": "something_new" },
        }))
        .unwrap();
        assert_eq!(moment.what(), None);
        assert_eq!(moment.note, "you cut in");
    }
}
