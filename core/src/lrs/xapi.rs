//! xAPI 1.0.3 statements as the game writes and reads them: one typed model for the writer
//! (`lrs::statements`) and the reader behind `report --lrs` (`report::from_statements`).
//!
//! Only the parts the game uses are typed, and every part is optional on reading: an LRS
//! holds other apps' statements too, and a statement of the game's with a part missing is
//! for the reader to name, not for the parser to refuse. What else a statement holds
//! (`authority`, `stored`, other apps' extensions) is ignored.
//!
//! The game's extensions are keyed by IRIs `EXTENSION_BASE + name` on the wire and are
//! fields here (`at_ms` is `…/extensions/at-ms`): see [`game_extensions`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Number;

use crate::vocab::{Note, Verdict};

/// The extensions' IRIs start with this.
pub const EXTENSION_BASE: &str = "https://hold-the-line.example/xapi/extensions/";

/// Words by language tag (`{"en-US": "answered"}`).
pub type LanguageMap = BTreeMap<String, String>;

/// One statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Agent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verb: Option<Verb>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<Activity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<StatementResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// The trainee: an account under the configured home page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    #[serde(default)]
    pub home_page: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Verb {
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<LanguageMap>,
}

/// A case, a reply of one, or a shift. Another app's object may be an agent or a
/// sub-statement: it reads with an empty id, which is no activity of the game's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_type: Option<String>,
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<ActivityDefinition>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityDefinition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<LanguageMap>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LanguageMap>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interaction_type: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "game_extensions"
    )]
    pub extensions: Option<CaseExtensions>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    /// ISO 8601 (`PT1M23.5S`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "game_extensions"
    )]
    pub extensions: Option<ResultExtensions>,
}

/// `raw`, `min` and `max` are JSON numbers as written: a whole score stays whole.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scaled: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Number>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Context {
    /// The call's id (the session's UUID), or the shift record's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_activities: Option<ContextActivities>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "game_extensions"
    )]
    pub extensions: Option<ContextExtensions>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContextActivities {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Vec<Activity>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grouping: Option<Vec<Activity>>,
}

/// A case's facts on its activity definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct CaseExtensions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario_hash: Option<String>,
}

/// On every statement: the call's seed and file version, an accommodation, where a call sat
/// in a shift; on a shift's statements, its record's version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct ContextExtensions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_schema: Option<u32>,
    /// 1.5 or 2 (absent: the case's own windows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_allowance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_run: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_position: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_call_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_callback_of: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_schema: Option<u32>,
}

/// The game's result extensions. An `answered` statement has the reply's; a call's
/// `passed` or `failed`, the call's; a shift's, the day's measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct ResultExtensions {
    // A reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdicts: Option<Vec<VerdictEntry>>,
    /// `in_the_pause`, ...: kept as text, so a timing a later version adds still reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<String>,
    /// `soft`, `even`, `firm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_index: Option<usize>,

    // A call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_passed: Option<String>,
    /// The session file's (or the shift record's) `finished`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<String>,
    /// How many `answered` statements the call has: a reader can tell one that is short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pauses: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<RuleEntry>>,

    // A shift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls_handled: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls_passed: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_contact_resolution: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_calls: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promises_made: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promises_kept: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_handle_s: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longest_wait_s: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_level: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abandoned: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak_strain: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_broken_rule: Option<String>,
}

/// One rule's verdict on a reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerdictEntry {
    pub rule: String,
    #[serde(with = "verdict_word")]
    pub verdict: Verdict,
}

/// One rule's count in a call, with the moments it was broken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleEntry {
    pub rule: String,
    pub followed: usize,
    pub broken: usize,
    #[serde(default)]
    pub broken_at: Vec<BrokenEntry>,
}

/// A moment a rule was broken: the beat, the exchange (1 for the first beat played), the
/// English note and, when known, the typed note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BrokenEntry {
    #[serde(default)]
    pub beat: String,
    #[serde(default)]
    pub exchange: usize,
    #[serde(default)]
    pub note: String,
    /// A note kind a later version adds reads as None; the English note stays.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "known_or_none"
    )]
    pub what: Option<Note>,
}

fn known_or_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Note>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}

/// `followed` / `broken` on the wire.
mod verdict_word {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::vocab::Verdict;

    pub fn serialize<S: Serializer>(verdict: &Verdict, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match verdict {
            Verdict::Followed => "followed",
            Verdict::Broken => "broken",
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Verdict, D::Error> {
        match String::deserialize(d)?.as_str() {
            "followed" => Ok(Verdict::Followed),
            "broken" => Ok(Verdict::Broken),
            other => Err(D::Error::custom(format!(
                "verdict `{other}` is neither followed nor broken"
            ))),
        }
    }
}

/// The game's extensions: a struct of fields on this side, an object keyed by full IRIs
/// (`EXTENSION_BASE` + the field's kebab-case name) on the wire. Extensions under other
/// IRIs (another app's) are left out on reading.
mod game_extensions {
    use serde::de::{DeserializeOwned, Error as _};
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::{Map, Value};

    use super::EXTENSION_BASE;

    pub fn serialize<T: Serialize, S: Serializer>(
        extensions: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let fields = match serde_json::to_value(extensions).map_err(S::Error::custom)? {
            Value::Object(fields) => fields,
            _ => Map::new(),
        };
        fields
            .into_iter()
            .map(|(name, value)| (format!("{EXTENSION_BASE}{name}"), value))
            .collect::<Map<String, Value>>()
            .serialize(s)
    }

    pub fn deserialize<'de, T: DeserializeOwned, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        let Some(all) = Option::<Map<String, Value>>::deserialize(d)? else {
            return Ok(None);
        };
        let ours: Map<String, Value> = all
            .into_iter()
            .filter_map(|(iri, value)| Some((iri.strip_prefix(EXTENSION_BASE)?.to_string(), value)))
            .collect();
        T::deserialize(Value::Object(ours.clone()))
            .map(Some)
            .map_err(|e| {
                // Every field is optional, so each extension reads on its own: the first that
                // does not is the one to name.
                let culprit = ours.iter().find(|(name, value)| {
                    let one = Map::from_iter([((*name).clone(), (*value).clone())]);
                    T::deserialize(Value::Object(one)).is_err()
                });
                match culprit {
                    Some((name, _)) => {
                        D::Error::custom(format!("extension {EXTENSION_BASE}{name}: {e}"))
                    }
                    None => D::Error::custom(format!("the game's extensions: {e}")),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn extensions_are_full_iris_on_the_wire_and_others_are_left_out() {
        let result = StatementResult {
            extensions: Some(ResultExtensions {
                at_ms: Some(9000),
                reply_index: Some(1),
                ..Default::default()
            }),
            ..Default::default()
        };
        let wire = serde_json::to_value(&result).unwrap();
        assert_eq!(
            wire,
            json!({ "extensions": {
                "https://hold-the-line.example/xapi/extensions/at-ms": 9000,
                "https://hold-the-line.example/xapi/extensions/reply-index": 1,
            }})
        );
        let mut with_other = wire.clone();
        with_other["extensions"]["https://lms.example/ext/mood"] = json!("sunny");
        let read: StatementResult = serde_json::from_value(with_other).unwrap();
        assert_eq!(read, result);
    }

    #[test]
    fn another_apps_statement_reads_and_a_whole_score_stays_whole() {
        let foreign: Statement = serde_json::from_value(json!({
            "actor": { "mbox": "mailto:someone@example.com" },
            "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
            "object": { "objectType": "Agent", "mbox": "mailto:other@example.com" },
            "result": { "score": { "raw": 42 } },
            "stored": "2026-03-02T09:00:00Z",
        }))
        .unwrap();
        assert_eq!(foreign.object.unwrap().id, "");
        let raw = foreign.result.unwrap().score.unwrap().raw.unwrap();
        assert_eq!(raw.as_u64(), Some(42));
        assert_eq!(serde_json::to_string(&raw).unwrap(), "42");
    }
}
