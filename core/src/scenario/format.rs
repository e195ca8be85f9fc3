//! The scenario file as a trainer writes it: one RON file per case.
//!
//! These types mirror the file one to one and keep everything a trainer can get wrong in a
//! form that survives parsing (numbers as `i64`, keywords as free identifiers), so the checks
//! in `check` can report every problem at once with its position instead of stopping at
//! the first. `check::compile` turns a `ScenarioFile` into the engine's `Scenario`.
//!
//! Convention for trainers: words from a fixed list (channel, rule ids, ending kinds) are
//! written bare, `channel: Phone`; names you make up (ids of beats and endings) are quoted,
//! `next: "offer_refund"`.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct ScenarioFile {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub brief: String,
    pub tier: i64,
    pub channel: Keyword,
    #[serde(default = "default_language")]
    pub language: String,
    /// The market whose speech the customer uses, as a language tag with a region
    /// (`"ar-EG"`): the stock lines a customer says when cut off or left in silence follow it.
    #[serde(default)]
    pub dialect: Option<String>,
    /// Score needed to pass; defaults by tier (the catalogue policy's `default_pass_marks`).
    #[serde(default)]
    pub pass_mark: Option<i64>,
    /// Scenario ids that must be passed before this one unlocks.
    #[serde(default)]
    pub requires: Vec<String>,
    /// The rules this case teaches: breaking any of them fails the call, whatever the ending.
    #[serde(default)]
    pub lesson: Vec<Keyword>,
    pub customer: CustomerFile,
    /// The first beat; defaults to the first beat in the file.
    #[serde(default)]
    pub start: Option<String>,
    pub beats: Ordered<BeatFile>,
    pub endings: Ordered<EndingFile>,
    #[serde(default)]
    pub timing: TimingFile,
}

fn default_language() -> String {
    "en".to_string()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerFile {
    pub name: String,
    /// `Female` or `Male`: Arabic and Hebrew word the customer's verbs by it.
    #[serde(default)]
    pub gender: Option<Keyword>,
    /// What happened to them, shown before the call.
    #[serde(default)]
    pub situation: String,
    #[serde(default)]
    pub meters: MetersFile,
    #[serde(default)]
    pub temperament: TemperamentFile,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetersFile {
    pub anger: i64,
    pub trust: i64,
    pub patience: i64,
}

impl Default for MetersFile {
    fn default() -> Self {
        MetersFile {
            anger: 50,
            trust: 30,
            patience: 70,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TemperamentFile {
    /// Multiplies every rise in anger: 1.5 flares up fast, 0.7 is slow to anger.
    pub escalation: f64,
    /// Multiplies every drop in anger: 1.5 is quick to forgive, 0.5 holds a grudge.
    pub calming: f64,
    /// Anger at which the customer gives up on you.
    pub limit: i64,
    /// The ending reached when anger hits the limit (defaults to the first `HungUp` or
    /// `Supervisor` ending).
    pub at_limit: Option<String>,
    /// The ending reached when patience runs out (defaults to `at_limit`'s).
    pub out_of_patience: Option<String>,
    /// Rules whose breaking sets this customer off twice as hard.
    pub triggers: Vec<Keyword>,
    /// Rules whose following calms this customer twice as much.
    pub soothers: Vec<Keyword>,
}

impl Default for TemperamentFile {
    fn default() -> Self {
        TemperamentFile {
            escalation: 1.0,
            calming: 1.0,
            limit: 90,
            at_limit: None,
            out_of_patience: None,
            triggers: Vec::new(),
            soothers: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TimingFile {
    /// Seconds after the customer stops during which a reply is "in the pause".
    pub pause: Option<f64>,
    /// Seconds of silence after which the customer feels left waiting.
    pub dead_air: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeatFile {
    /// What the customer says, in order.
    #[serde(default)]
    pub customer: Vec<LineFile>,
    pub replies: Vec<ReplyFile>,
    /// What the customer says when cut off mid-sentence (a built-in line when empty).
    #[serde(default)]
    pub when_interrupted: Vec<LineFile>,
    /// What the customer says into a long silence (a built-in line when empty).
    #[serde(default)]
    pub when_silent: Vec<LineFile>,
}

/// One thing the customer says, with how loud they say it, or a pause between waves.
#[derive(Debug, Clone, Deserialize)]
pub enum LineFile {
    Shout(Text),
    Raised(Text),
    Even(Text),
    Quiet(Text),
    /// Seconds of silence: the customer draws breath between waves of venting.
    Pause(f64),
}

/// A line's words, or a list of variants the customer picks from at random so a retry is
/// not word for word: `"Where is it?"` or `["Where is it?", "So where is my parcel?"]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Text(pub Vec<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the words in quotes, or a list of variants [\"...\", \"...\"]")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(vec![v.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                let mut variants = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    variants.push(s);
                }
                Ok(Text(variants))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyFile {
    /// What the trainee says.
    pub say: String,
    /// The same reply as a woman says it, where the words differ (Arabic and Hebrew first-person
    /// forms follow the speaker's gender: מבין/מבינה, آسف/آسفة).
    #[serde(default)]
    pub say_as_woman: Option<String>,
    /// Rule ids this reply follows.
    #[serde(default)]
    pub follows: Vec<Keyword>,
    /// Rule ids this reply breaks.
    #[serde(default)]
    pub breaks: Vec<Keyword>,
    /// The beat's spoken line (1 for the first) this reply answers: the card appears once the
    /// customer has begun saying it. Without it the card is there from the first line.
    #[serde(default)]
    pub after: Option<u64>,
    /// Where the conversation goes: a beat or an ending id.
    pub next: String,
    /// Checked in order before `next`: the first whose condition holds decides.
    #[serde(default)]
    pub branches: Vec<BranchFile>,
    /// Extra meter changes for this reply, on top of the rules' own.
    #[serde(default)]
    pub effects: DeltaFile,
    /// Why this reply is good or bad, shown in the debrief.
    #[serde(default)]
    pub why: Option<String>,
    /// What the customer says straight after this reply, before the next beat's lines: a
    /// reaction that fits this reply only, when several replies lead to the same beat.
    #[serde(default)]
    pub reaction: Vec<LineFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchFile {
    pub when: ConditionFile,
    pub next: String,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub enum ConditionFile {
    TrustAtLeast(i64),
    TrustBelow(i64),
    AngerAtLeast(i64),
    AngerBelow(i64),
    PatienceAtLeast(i64),
    PatienceBelow(i64),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeltaFile {
    pub anger: i64,
    pub trust: i64,
    pub patience: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndingFile {
    /// Resolved, CallBack, Supervisor, HungUp or Unresolved.
    pub kind: Keyword,
    /// What happened, shown when the call ends.
    pub text: String,
    /// The customer's last words, if any.
    #[serde(default)]
    pub customer: Vec<LineFile>,
}

/// A bare word from a fixed list (`Phone`, `take_ownership`), checked after parsing so a
/// misspelling gets a "did you mean" alongside every other problem in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword(pub String);

impl<'de> Deserialize<'de> for Keyword {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeywordVisitor;
        impl<'de> Visitor<'de> for KeywordVisitor {
            type Value = Keyword;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a word without quotes, such as Phone or take_ownership")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Keyword, E> {
                Ok(Keyword(v.to_string()))
            }
        }
        deserializer.deserialize_identifier(KeywordVisitor)
    }
}

/// A RON map read in file order with duplicates kept, so the checks can report a beat or
/// ending id defined twice instead of silently keeping one.
#[derive(Debug, Clone)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for OrderedVisitor<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of named entries: { \"name\": (...), ... }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, T>()? {
                    entries.push((key, value));
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(std::marker::PhantomData))
    }
}
