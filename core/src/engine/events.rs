//! What happens in a call, as the engine reports it: the event log (the transcript, the
//! game's flashes and the debrief's chart are read from it), what the customer is doing now,
//! and why a reply was refused.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Messages};
use crate::scenario::{BeatIx, EndingIx, Intensity};
use crate::scoring::Chosen;
use crate::vocab::{EndedBy, EndingKind, Meter, Meters, Millis, Note, Verdict, Voice};

/// Why a reply was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallError {
    Ended,
    Paused,
    /// The trainee's previous reply is still being said.
    StillReplying,
    NoSuchReply {
        index: usize,
        available: usize,
    },
    /// The reply answers a line of the beat the customer has not begun yet (1-based).
    NotYetSaid {
        index: usize,
        line: u8,
    },
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Ended => f.write_str("the call has ended"),
            CallError::Paused => f.write_str("the call is paused"),
            CallError::StillReplying => f.write_str("you are still saying your last reply"),
            CallError::NoSuchReply { index, available } => {
                write!(
                    f,
                    "there is no reply {} here (choose 1 to {available})",
                    index + 1
                )
            }
            CallError::NotYetSaid { index, line } => write!(
                f,
                "reply {} answers line {line} of what the customer says, which they have not said yet",
                index + 1
            ),
        }
    }
}

impl std::error::Error for CallError {}

/// What the customer's line is, in the flow of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A line the scenario wrote for this beat.
    Said,
    /// Their reaction to being cut off.
    Retort,
    /// Into a long silence.
    Nudge,
    /// Their last words at an ending.
    Farewell,
}

/// When a reply came, relative to what the customer was doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyTiming {
    /// While the customer was still talking.
    Interrupting,
    /// In the pause after an outburst.
    InThePause,
    /// Promptly, after a calm line.
    Prompt,
    /// After the pause, before the silence became dead air.
    Slow,
    /// After the silence had become dead air.
    Late,
}

impl ReplyTiming {
    /// As it is written in session files and statements (`in_the_pause`).
    pub fn keyword(self) -> &'static str {
        match self {
            ReplyTiming::Interrupting => "interrupting",
            ReplyTiming::InThePause => "in_the_pause",
            ReplyTiming::Prompt => "prompt",
            ReplyTiming::Slow => "slow",
            ReplyTiming::Late => "late",
        }
    }

    /// In `lang`.
    pub fn text(self, messages: &Messages, lang: Lang) -> String {
        let id = match self {
            ReplyTiming::Interrupting => "timing-interrupting",
            ReplyTiming::InThePause => "timing-in-the-pause",
            ReplyTiming::Prompt => "timing-prompt",
            ReplyTiming::Slow => "timing-slow",
            ReplyTiming::Late => "timing-late",
        };
        messages.get(lang, id)
    }

    /// In English, for transcripts.
    pub fn label(self) -> String {
        self.text(Messages::plain(), Lang::En)
    }
}

/// Why a meter moved: the rule (if any), its verdict, and words for the trainee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub rule: Option<String>,
    pub verdict: Option<Verdict>,
    /// In English.
    pub text: String,
    /// The same, for the game to word in the trainee's language.
    pub what: Note,
}

/// Everything that happens in a call, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    BeatStarted {
        at: Millis,
        beat: String,
    },
    CustomerLine {
        at: Millis,
        kind: LineKind,
        intensity: Intensity,
        text: String,
        duration: Millis,
    },
    Reply {
        at: Millis,
        beat: String,
        /// 0-based index into the beat's replies.
        reply: usize,
        text: String,
        voice: Voice,
        timing: ReplyTiming,
    },
    Rule {
        at: Millis,
        rule: String,
        verdict: Verdict,
        /// In English.
        note: String,
        what: Note,
    },
    Meter {
        at: Millis,
        meter: Meter,
        delta: i32,
        value: i32,
        reason: Reason,
    },
    Paused {
        at: Millis,
    },
    Resumed {
        at: Millis,
        /// How long the pause lasted in real time, as the game measured it (the call's own
        /// clock stops, so `at` is the same as the pause's): what a trainer reviews.
        paused_for: Millis,
    },
    Ended {
        at: Millis,
        ending: String,
        kind: EndingKind,
        text: String,
        by: EndedBy,
    },
}

impl Event {
    pub fn at(&self) -> Millis {
        match self {
            Event::BeatStarted { at, .. }
            | Event::CustomerLine { at, .. }
            | Event::Reply { at, .. }
            | Event::Rule { at, .. }
            | Event::Meter { at, .. }
            | Event::Paused { at }
            | Event::Resumed { at, .. }
            | Event::Ended { at, .. } => *at,
        }
    }
}

/// Where the customer's line at `events[line]` was cut off by a reply said over it: the
/// byte offset of the first word they did not get to (by how far into the line the reply
/// came), or None when they finished it.
pub fn cut_at(events: &[Event], line: usize) -> Option<usize> {
    let Event::CustomerLine {
        at, text, duration, ..
    } = events.get(line)?
    else {
        return None;
    };
    let end = at + duration;
    let cut = events[line + 1..]
        .iter()
        .take_while(|e| !matches!(e, Event::CustomerLine { .. }))
        .find_map(|e| match e {
            Event::Reply {
                at: said,
                timing: ReplyTiming::Interrupting,
                ..
            } if *said >= *at && *said < end => Some(*said),
            _ => None,
        })?;
    let share = f64::from(cut - at) / f64::from((*duration).max(1));
    let chars = text.chars().count();
    let heard = ((chars as f64) * share).round() as usize;
    // Back to the start of the word being said: that word was not finished either.
    let offset = text
        .char_indices()
        .nth(heard)
        .map_or(text.len(), |(i, _)| i);
    let word_start = text[..offset].rfind(char::is_whitespace).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    Some(word_start)
}

/// A meter's value over the call: where the customer started (at 0), then one point per
/// change, from the event log.
pub fn meter_history(events: &[Event], start: Meters, meter: Meter) -> Vec<(Millis, i32)> {
    std::iter::once((0, start.get(meter)))
        .chain(events.iter().filter_map(|e| match e {
            Event::Meter {
                at,
                meter: m,
                value,
                ..
            } if *m == meter => Some((*at, *value)),
            _ => None,
        }))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub ending: EndingIx,
    pub by: EndedBy,
    pub at: Millis,
}

/// A reply the trainee chose, with when and how it was said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub at: Millis,
    pub beat: BeatIx,
    pub reply: usize,
    pub voice: Voice,
    pub timing: ReplyTiming,
}

impl Choice {
    /// What scoring needs of it.
    pub fn chosen(&self) -> Chosen {
        Chosen {
            at: self.at,
            beat: self.beat,
            reply: self.reply,
        }
    }
}

/// What the customer (or the trainee) is doing right now, for the game to show.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase<'c> {
    /// The customer is saying a line; `progress` runs 0 to 1 over it.
    Speaking {
        text: &'c str,
        intensity: Intensity,
        kind: LineKind,
        progress: f32,
    },
    /// A breath between lines of an outburst: they are not done.
    Breath,
    /// A pause between waves: a moment to speak.
    Pausing,
    /// The customer has finished and waits for the trainee.
    Waiting {
        silent_for: Millis,
        /// Still within the pause window (a reply now is "in the pause").
        in_pause: bool,
    },
    /// The trainee's reply is being said.
    Replying {
        progress: f32,
    },
    Ended,
}
