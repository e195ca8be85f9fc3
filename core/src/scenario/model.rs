//! A checked scenario, as the engine plays it: ids resolved to indexes, defaults applied,
//! every value in range. Only `check::compile` builds one from a file.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::guidance::RuleId;
use crate::i18n::Lang;
pub use crate::vocab::EndingKind;
use crate::vocab::{MeterDelta, Meters, Millis};

#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub brief: String,
    /// 1 (onboarding) to 4.
    pub tier: u8,
    pub channel: Channel,
    pub language: String,
    /// The market whose speech the customer uses (`"ar-EG"`), for the stock lines.
    pub dialect: Option<String>,
    pub pass_mark: u8,
    /// Scenario ids that must be passed first.
    pub requires: Vec<String>,
    /// The rules this case teaches: breaking any of them fails the call.
    pub lesson: Vec<RuleId>,
    pub customer: Customer,
    pub start: BeatIx,
    pub beats: Vec<Beat>,
    pub endings: Vec<Ending>,
    pub timing: Timing,
    /// Where it was loaded from, for messages.
    pub path: Option<PathBuf>,
    /// `sha256:<hex>` of the file's bytes as loaded, so a session file can tell later
    /// whether the scenario it was played on has been edited since (None when not loaded
    /// from a file).
    pub source_hash: Option<String>,
}

impl Scenario {
    /// The language tag its lines are spoken in, for a screen reader's voice: the dialect
    /// where the case names one ("ar-EG" for a Cairo caller), else the language.
    pub fn speech_language(&self) -> &str {
        self.dialect.as_deref().unwrap_or(&self.language)
    }

    /// Whether some reply is worded differently when a woman says it.
    pub fn has_woman_wording(&self) -> bool {
        self.beats
            .iter()
            .any(|b| b.replies.iter().any(|r| r.as_woman.is_some()))
    }

    /// The scenario with its replies worded as a trainee of `gender` says them (Arabic and
    /// Hebrew first-person forms follow the speaker's gender).
    pub fn spoken_by(&self, gender: Gender) -> Scenario {
        let mut scenario = self.clone();
        if gender == Gender::Female {
            for reply in scenario.beats.iter_mut().flat_map(|b| b.replies.iter_mut()) {
                if let Some(words) = reply.as_woman.take() {
                    reply.text = words;
                }
            }
        }
        scenario
    }
}

pub type BeatIx = usize;
pub type EndingIx = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Chat,
    FrontDesk,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Phone, Channel::Chat, Channel::FrontDesk];

    pub fn keyword(self) -> &'static str {
        match self {
            Channel::Phone => "Phone",
            Channel::Chat => "Chat",
            Channel::FrontDesk => "FrontDesk",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::FrontDesk => "front desk",
        }
    }

    /// How long the pause after an outburst lasts and when silence becomes dead air.
    /// Chat replies take longer to type, so its windows are wider.
    pub fn default_timing(self) -> Timing {
        match self {
            Channel::Phone | Channel::FrontDesk => Timing {
                pause: 5_000,
                dead_air: 10_000,
            },
            Channel::Chat => Timing {
                pause: 15_000,
                dead_air: 30_000,
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Timing {
    /// After the customer stops, a reply within this many ms is "in the pause".
    pub pause: Millis,
    /// Silence longer than this is dead air.
    pub dead_air: Millis,
}

#[derive(Debug, Clone)]
pub struct Customer {
    pub name: String,
    /// Arabic and Hebrew word the customer's verbs by gender ("يتقدّم"/"تتقدّم"); None words
    /// them in the grammatical default (masculine), as for a customer not named.
    pub gender: Option<Gender>,
    pub situation: String,
    pub meters: Meters,
    pub temperament: Temperament,
}

/// A grammatical gender, for languages whose verbs agree with it: the customer's, and the
/// trainee's own in the replies they say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub const ALL: [Gender; 2] = [Gender::Female, Gender::Male];

    /// As written in a scenario file.
    pub fn keyword(self) -> &'static str {
        match self {
            Gender::Female => "Female",
            Gender::Male => "Male",
        }
    }

    /// As a message selector sees it (`{ $gender -> [female] ... *[other] ... }`).
    pub fn selector(gender: Option<Gender>) -> &'static str {
        match gender {
            Some(Gender::Female) => "female",
            Some(Gender::Male) => "male",
            None => "other",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Temperament {
    pub escalation: f64,
    pub calming: f64,
    pub limit: i32,
    pub at_limit: EndingIx,
    pub out_of_patience: EndingIx,
    pub triggers: Vec<RuleId>,
    pub soothers: Vec<RuleId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Intensity {
    Quiet,
    Even,
    Raised,
    Shout,
}

impl Intensity {
    /// Shouting and raised lines are venting: talking over them is an interruption.
    pub fn is_loud(self) -> bool {
        matches!(self, Intensity::Raised | Intensity::Shout)
    }

    pub fn louder(self) -> Intensity {
        match self {
            Intensity::Quiet => Intensity::Even,
            Intensity::Even => Intensity::Raised,
            Intensity::Raised | Intensity::Shout => Intensity::Shout,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Intensity::Quiet => "quiet",
            Intensity::Even => "even",
            Intensity::Raised => "raised",
            Intensity::Shout => "shouting",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Speech {
        intensity: Intensity,
        /// One or more wordings; the call picks one by its seed.
        variants: Vec<String>,
    },
    Pause(Millis),
}

#[derive(Debug, Clone)]
pub struct Beat {
    pub id: String,
    pub lines: Vec<Line>,
    pub replies: Vec<Reply>,
    pub when_interrupted: Vec<Line>,
    pub when_silent: Vec<Line>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Beat(BeatIx),
    Ending(EndingIx),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Condition {
    TrustAtLeast(i32),
    TrustBelow(i32),
    AngerAtLeast(i32),
    AngerBelow(i32),
    PatienceAtLeast(i32),
    PatienceBelow(i32),
}

impl Condition {
    pub fn holds(self, m: Meters) -> bool {
        match self {
            Condition::TrustAtLeast(n) => m.trust >= n,
            Condition::TrustBelow(n) => m.trust < n,
            Condition::AngerAtLeast(n) => m.anger >= n,
            Condition::AngerBelow(n) => m.anger < n,
            Condition::PatienceAtLeast(n) => m.patience >= n,
            Condition::PatienceBelow(n) => m.patience < n,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub text: String,
    /// The same reply as a woman says it, where the words differ.
    pub as_woman: Option<String>,
    /// How many of the beat's spoken lines the customer must have begun before this reply is
    /// offered (1: from the first line; 0 only in a beat with no spoken lines).
    pub after: u8,
    pub follows: Vec<RuleId>,
    pub breaks: Vec<RuleId>,
    pub next: Target,
    pub branches: Vec<(Condition, Target)>,
    pub effects: MeterDelta,
    pub why: Option<String>,
    /// The customer's reaction to this reply, said before the next beat's lines.
    pub reaction: Vec<Line>,
}

impl Reply {
    /// Where the conversation goes after this reply, given the meters at that moment.
    pub fn target(&self, meters: Meters) -> Target {
        self.branches
            .iter()
            .find(|(condition, _)| condition.holds(meters))
            .map_or(self.next, |&(_, target)| target)
    }

    /// Every place this reply can lead, whatever the meters.
    pub fn targets(&self) -> impl Iterator<Item = Target> + '_ {
        std::iter::once(self.next).chain(self.branches.iter().map(|&(_, t)| t))
    }
}

#[derive(Debug, Clone)]
pub struct Ending {
    pub id: String,
    pub kind: EndingKind,
    pub text: String,
    pub lines: Vec<Line>,
}

impl Scenario {
    pub fn beat_index(&self, id: &str) -> Option<BeatIx> {
        self.beats.iter().position(|b| b.id == id)
    }

    /// Where the case sits in a list of cases: by tier, the cases in `first` (the trainee's
    /// language) before the others, then by title. The library is in this order with no
    /// language; the game's case list and its "Next case" with the trainee's.
    pub fn list_key(&self, first: Option<Lang>) -> (u8, bool, String) {
        let other_language = first.is_some_and(|lang| Lang::parse(&self.language) != Some(lang));
        (self.tier, other_language, self.title.clone())
    }
}
