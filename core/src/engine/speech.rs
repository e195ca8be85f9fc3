//! The customer's speech as timed segments: lines paced by their length and loudness, a
//! breath between lines of a wave, the scenario's pauses as written, a wording picked by the
//! seed, and the stock lines a customer says when cut off or left in silence.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::events::LineKind;
use crate::i18n::{Lang, Messages};
use crate::scenario::{Channel, Intensity, Line};
use crate::vocab::{Millis, Voice};

/// The short breath between lines of one wave: still mid-outburst.
pub(super) const BREATH_MS: Millis = 450;
const MIN_LINE_MS: Millis = 1_200;
const MIN_REPLY_MS: Millis = 1_200;
const MAX_REPLY_MS: Millis = 8_000;

/// How many stock lines of each kind the message files have (`stock-retort-1` ...): what a
/// customer says when cut off or left in silence and the scenario wrote nothing.
const STOCK_RETORTS: usize = 4;
const STOCK_NUDGES: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_hebrew_lines_are_timed_by_what_is_heard_not_by_spaces() {
        // "And I told him about it yesterday": four written Arabic words, about seven spoken.
        let arabic = "وقلتلكم عنها امبارح بالتفصيل";
        assert_eq!(heard_words(arabic, false), 4);
        assert!(
            heard_words(arabic, true) >= 6,
            "{}",
            heard_words(arabic, true)
        );
        let hebrew = "ושלחתי לכם את זה כבר בשבוע שעבר";
        assert!(heard_words(hebrew, true) >= heard_words(hebrew, false));
        // English is counted as before.
        assert_eq!(heard_words("Where is my parcel?", false), 4);
        assert!(joins_words("ar-EG") && joins_words("he") && !joins_words("en"));
    }
}

#[derive(Debug, Clone)]
pub(super) enum Segment {
    Speech {
        text: String,
        intensity: Intensity,
        kind: LineKind,
        duration: Millis,
        /// Which of the beat's own spoken lines this is (0 for the first); None for a
        /// reaction, a retort or a nudge. Reply cards that answer a later line wait for it.
        line: Option<u8>,
    },
    /// A breath inside a wave.
    Breath(Millis),
    /// A pause the scenario wrote between waves.
    Pause(Millis),
}

impl Segment {
    pub(super) fn duration(&self) -> Millis {
        match self {
            Segment::Speech { duration, .. } => *duration,
            Segment::Breath(d) | Segment::Pause(d) => *d,
        }
    }

    fn is_said(&self) -> bool {
        matches!(
            self,
            Segment::Speech {
                kind: LineKind::Said,
                ..
            }
        )
    }
}

/// The seeded voice of one customer: every random draw the speech makes goes through here,
/// in call order, so a seed replays the same wording and pace.
#[derive(Debug, Clone)]
pub(super) struct Speaker {
    pub rng: ChaCha8Rng,
    pub channel: Channel,
    /// Arabic or Hebrew: words are counted by what a listener hears, not by spaces.
    pub joined_words: bool,
    /// The scenario's language, for the stock lines (English when the game does not speak it).
    pub lang: Lang,
    /// The market of the scenario's dialect (`eg` for "ar-EG"): its stock lines, where the
    /// message files word them for it (an attribute `.eg` of the stock line).
    pub market: Option<String>,
}

/// The market of a dialect tag, lower case (`"ar-EG"` → `eg`), naming its stock lines.
pub(super) fn market(dialect: Option<&str>) -> Option<String> {
    dialect?
        .split(['-', '_'])
        .nth(1)
        .map(str::to_ascii_lowercase)
}

/// Whether a language writes small words joined to the next (Arabic و ال ب, Hebrew ו ה ל ש),
/// so counting spaces undercounts what is said.
pub(super) fn joins_words(language: &str) -> bool {
    matches!(
        crate::i18n::Lang::parse(language),
        Some(crate::i18n::Lang::Ar | crate::i18n::Lang::He)
    )
}

/// How many words a listener hears in `text`: the space-separated words, or for Arabic and
/// Hebrew one per four letters when that is more (a joined particle is a word to the ear).
pub(super) fn heard_words(text: &str, joined: bool) -> u32 {
    let spaced = text.split_whitespace().count() as u32;
    if !joined {
        return spaced;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count() as u32;
    spaced.max(letters.div_ceil(4))
}

impl Speaker {
    pub(super) fn line_duration(&mut self, text: &str, intensity: Intensity) -> Millis {
        let per_word: u32 = match intensity {
            Intensity::Shout => 300,
            Intensity::Raised => 330,
            Intensity::Even => 380,
            Intensity::Quiet => 420,
        };
        let words = heard_words(text, self.joined_words).max(1);
        let base = (words * per_word).max(MIN_LINE_MS);
        let jitter: f64 = self.rng.random_range(0.92..1.08);
        let typed = if self.channel == Channel::Chat {
            1.3
        } else {
            1.0
        };
        (f64::from(base) * jitter * typed).round() as Millis
    }

    fn pick(&mut self, variants: &[String]) -> String {
        if variants.len() > 1 {
            variants[self.rng.random_range(0..variants.len())].clone()
        } else {
            variants.first().cloned().unwrap_or_default()
        }
    }

    /// The scenario's lines as timed segments.
    pub(super) fn segments(&mut self, lines: &[Line]) -> Vec<Segment> {
        let mut out = Vec::new();
        for line in lines {
            match line {
                Line::Pause(ms) => out.push(Segment::Pause(*ms)),
                Line::Speech {
                    intensity,
                    variants,
                } => {
                    if matches!(out.last(), Some(Segment::Speech { .. })) {
                        out.push(Segment::Breath(BREATH_MS));
                    }
                    let text = self.pick(variants);
                    let duration = self.line_duration(&text, *intensity);
                    out.push(Segment::Speech {
                        text,
                        intensity: *intensity,
                        kind: LineKind::Said,
                        duration,
                        line: None,
                    });
                }
            }
        }
        out
    }

    /// What the customer says when cut off: the beat's own lines, or a stock shout.
    pub(super) fn retort(&mut self, written: &[Line]) -> Vec<Segment> {
        let mut segments = if written.is_empty() {
            let n = self.rng.random_range(0..STOCK_RETORTS) + 1;
            let text = self.stock(&format!("stock-retort-{n}"));
            let duration = self.line_duration(&text, Intensity::Shout);
            vec![Segment::Speech {
                text,
                intensity: Intensity::Shout,
                kind: LineKind::Retort,
                duration,
                line: None,
            }]
        } else {
            self.segments(written)
        };
        for segment in &mut segments {
            if let Segment::Speech { kind, .. } = segment {
                *kind = LineKind::Retort;
            }
        }
        segments
    }

    /// What the customer says into the `strike`-th dead air of a beat (1 for the first):
    /// the beat's own line, or a stock one that grows louder.
    pub(super) fn nudge(&mut self, written: &[Line], strike: u32) -> (String, Intensity) {
        let own = written.iter().find_map(|l| match l {
            Line::Speech {
                intensity,
                variants,
            } if !variants.is_empty() => Some((variants, *intensity)),
            _ => None,
        });
        if let Some((variants, intensity)) = own {
            return (
                variants[self.rng.random_range(0..variants.len())].clone(),
                intensity,
            );
        }
        let pool = match self.channel {
            Channel::Chat => "chat",
            // Face to face, nobody asks whether you are still on the line.
            Channel::FrontDesk => "desk",
            Channel::Phone => "phone",
        };
        let i = (strike as usize - 1).min(STOCK_NUDGES - 1);
        let intensity = if i == 0 {
            Intensity::Even
        } else {
            Intensity::Raised
        };
        (
            self.stock(&format!("stock-nudge-{pool}-{}", i + 1)),
            intensity,
        )
    }

    fn stock(&self, id: &str) -> String {
        let messages = Messages::plain();
        self.market
            .as_deref()
            .and_then(|market| messages.attribute(self.lang, id, market))
            .unwrap_or_else(|| messages.get(self.lang, id))
    }

    /// One of an ending's written wordings.
    pub(super) fn farewell(&mut self, variants: &[String]) -> String {
        variants[self.rng.random_range(0..variants.len())].clone()
    }
}

/// The lines of this beat the customer had not started when they were cut off, a breath
/// apart (a few at most: they make their point, not a speech).
pub(super) fn unsaid(queue: impl IntoIterator<Item = Segment>) -> Vec<Segment> {
    const MOST: usize = 3;
    let mut out = Vec::new();
    for segment in queue.into_iter().filter(Segment::is_said).take(MOST) {
        if !out.is_empty() {
            out.push(Segment::Breath(BREATH_MS));
        }
        out.push(segment);
    }
    out
}

/// How long the trainee takes to say a reply: a soft voice is a little slower.
pub(super) fn reply_duration(text: &str, voice: Voice, joined: bool) -> Millis {
    let per_word = match voice {
        Voice::Soft => 380,
        Voice::Even => 340,
        Voice::Firm => 310,
    };
    let words = heard_words(text, joined);
    (words * per_word).clamp(MIN_REPLY_MS, MAX_REPLY_MS)
}
