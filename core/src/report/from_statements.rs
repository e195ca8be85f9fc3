//! The report from a learning record store (`hold-the-line report --lrs`): xAPI statements,
//! as `lrs::statements` makes them, turned back into the same [`CallFact`]s the data folder
//! gives, so every figure is the same for the same calls.
//!
//! The statements of one call share `context.registration` (the session's UUID): its
//! `answered` statements give the replies, its `passed` or `failed` statement the score,
//! the rule counts and when it finished. What cannot be used is listed as [`Skipped`] with
//! why, never counted: statements of other activities (one entry for all of them), a call
//! whose final statement or some answers have not reached the LRS, a statement with a part
//! missing or of the wrong kind.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::time::{Duration, SystemTime};

use serde_json::Value;
use uuid::Uuid;

use super::fact::{
    BrokenMoment, CallFact, DataFolder, Origin, ReplyFact, RuleFact, SkipReason, Skipped,
    TraineeFact, case_from_library, in_name_order, sort_calls,
};
use super::load::finished_at;
use crate::lrs::statements::{
    CASE_ACTIVITY_BASE, PLATFORM, VERB_ANSWERED, VERB_ATTEMPTED, VERB_FAILED, VERB_PASSED,
    case_id_of, ext,
};
use crate::profile::slug;
use crate::scenario::Scenario;
use crate::vocab::Voice;

/// Foreign statements named in the skipped entry's detail, at most.
const EXAMPLES: usize = 3;

/// Reads statements (in any order) into calls, trainees and what was skipped, as
/// [`super::read_data_folder`] does for a folder. `endpoint` names where they came from:
/// a call is `<endpoint>statements?registration=<uuid>`, its "file".
pub fn read_statements(statements: &[Value], endpoint: &str, scenarios: &[Scenario]) -> DataFolder {
    let mut out = DataFolder::default();
    let mut calls: BTreeMap<Uuid, Vec<&Value>> = BTreeMap::new();
    let mut ids: HashSet<&str> = HashSet::new();
    let mut foreign = 0usize;
    let mut examples: BTreeSet<String> = BTreeSet::new();
    for statement in statements {
        // The same statement listed twice (an LRS paging over new arrivals) counts once.
        if let Some(id) = statement.get("id").and_then(Value::as_str)
            && !ids.insert(id)
        {
            continue;
        }
        if !is_ours(statement) {
            foreign += 1;
            if examples.len() < EXAMPLES {
                examples.insert(describe_foreign(statement));
            }
            continue;
        }
        match registration(statement) {
            Some(registration) => calls.entry(registration).or_default().push(statement),
            None => {
                let id = statement.get("id").and_then(Value::as_str).unwrap_or("?");
                out.skipped.push(Skipped::new(
                    Origin::Lrs(format!("{endpoint}statements?statementId={id}")),
                    SkipReason::Call,
                    "a statement of the game without a registration (the call's id)",
                ));
            }
        }
    }
    if foreign > 0 {
        let mut detail = if foreign == 1 {
            "1 statement".to_string()
        } else {
            format!("{foreign} statements")
        };
        detail.push_str(&format!(
            ", e.g. {}",
            examples.into_iter().collect::<Vec<_>>().join("; ")
        ));
        out.skipped.push(Skipped::new(
            Origin::Lrs(format!("{endpoint}statements")),
            SkipReason::Statements,
            detail,
        ));
    }
    let mut trainees: BTreeMap<String, TraineeFact> = BTreeMap::new();
    for (registration, group) in calls {
        let origin = Origin::Lrs(format!("{endpoint}statements?registration={registration}"));
        match call_of(&group, scenarios, origin.clone()) {
            Ok(call) => {
                trainees
                    .entry(slug(&call.trainee))
                    .or_insert_with(|| TraineeFact {
                        name: call.trainee.clone(),
                        unlocked_tiers: None,
                        left: Vec::new(),
                    });
                out.calls.push(call);
            }
            Err(why) => out
                .skipped
                .push(Skipped::new(origin, SkipReason::Call, why)),
        }
    }
    sort_calls(&mut out.calls);
    out.trainees = in_name_order(trainees);
    out
}

fn text<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value.pointer(pointer).and_then(Value::as_str)
}

/// An extension's value: `extensions` is the object holding them.
fn extension<'a>(extensions: Option<&'a Value>, name: &str) -> Option<&'a Value> {
    extensions?.get(ext(name))
}

/// One of the game's statements: its platform, one of its verbs, a case (or a reply of
/// one) as the object.
fn is_ours(statement: &Value) -> bool {
    let verb = text(statement, "/verb/id").unwrap_or("");
    text(statement, "/context/platform") == Some(PLATFORM)
        && [VERB_ATTEMPTED, VERB_ANSWERED, VERB_PASSED, VERB_FAILED].contains(&verb)
        && text(statement, "/object/id").is_some_and(|id| id.starts_with(CASE_ACTIVITY_BASE))
}

/// A few words on a statement that is not the game's: its verb and object.
fn describe_foreign(statement: &Value) -> String {
    let verb = text(statement, "/verb/id").unwrap_or("no verb");
    let object = text(statement, "/object/id").unwrap_or("no object id");
    shorten(&format!("{verb} {object}"), 160)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}...")
    }
}

fn registration(statement: &Value) -> Option<Uuid> {
    text(statement, "/context/registration").and_then(|r| Uuid::parse_str(r).ok())
}

/// The trainee a statement is about: the actor's account name.
fn trainee_of(statement: &Value) -> Option<String> {
    text(statement, "/actor/account/name")
        .or_else(|| text(statement, "/actor/name"))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

/// One call from its statements, or why it cannot be counted.
fn call_of(group: &[&Value], scenarios: &[Scenario], origin: Origin) -> Result<CallFact, String> {
    let verb = |s: &Value| text(s, "/verb/id").unwrap_or("").to_string();
    let finals: Vec<&Value> = group
        .iter()
        .copied()
        .filter(|s| matches!(verb(s).as_str(), VERB_PASSED | VERB_FAILED))
        .collect();
    let last = match finals.as_slice() {
        [last] => *last,
        [] => {
            return Err(
                "its passed or failed statement is not in the LRS (not sent yet, or lost), so its score is unknown"
                    .into(),
            );
        }
        more => {
            return Err(format!(
                "it has {} passed or failed statements, not one",
                more.len()
            ));
        }
    };
    let trainee = trainee_of(last).ok_or("its final statement names no trainee")?;
    if let Some(other) = group
        .iter()
        .filter_map(|s| trainee_of(s))
        .find(|t| slug(t) != slug(&trainee))
    {
        return Err(format!(
            "its statements name two trainees (\"{trainee}\" and \"{other}\")"
        ));
    }
    let activity = text(last, "/object/id").unwrap_or("");
    let case = case_id_of(activity)
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| format!("its final statement's activity {activity} is not a case"))?;
    let file_title = last
        .pointer("/object/definition/name")
        .and_then(Value::as_object)
        .and_then(|names| names.values().find_map(Value::as_str))
        .unwrap_or("")
        .to_string();
    let result = last
        .get("result")
        .ok_or("its final statement has no result")?;
    let total = result
        .pointer("/score/raw")
        .and_then(Value::as_u64)
        .ok_or("its final statement has no whole raw score")?;
    if total > 100 {
        return Err(format!("its score {total} is over 100"));
    }
    let passed = result
        .get("success")
        .and_then(Value::as_bool)
        .ok_or("its final statement does not say whether the call passed")?;
    if passed != (verb(last) == VERB_PASSED) {
        return Err("its final statement's verb and success disagree".into());
    }
    let extensions = result.get("extensions");
    let grade = extension(extensions, "grade")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let finished = match extension(extensions, "finished") {
        Some(Value::String(at)) => at.clone(),
        Some(_) => return Err("its finishing time is not text".into()),
        None => text(last, "/timestamp")
            .ok_or("its final statement has no timestamp")?
            .to_string(),
    };
    let finished_at = finished_at(&finished).or_else(|e| parse_timestamp(&finished).ok_or(e))?;
    let seed = extension(last.pointer("/context/extensions"), "seed")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    // Absent: the case's own windows (and statements sent before the setting existed).
    let time_allowance = match extension(last.pointer("/context/extensions"), "time-allowance") {
        None => crate::vocab::TimeAllowance::Standard,
        Some(v) => v
            .as_f64()
            .and_then(crate::vocab::TimeAllowance::from_factor)
            .ok_or("its time allowance is not 1, 1.5 or 2")?,
    };
    let rules = rules_of(extension(extensions, "rules"))?;

    let mut answers: Vec<(u64, ReplyFact)> = Vec::new();
    for s in group.iter().filter(|s| verb(s) == VERB_ANSWERED) {
        answers.push(reply_of(s)?);
    }
    if let Some(expected) = extension(extensions, "replies") {
        let expected = expected
            .as_u64()
            .ok_or("its number of replies is not a number")?;
        if expected != answers.len() as u64 {
            return Err(format!(
                "{} of its {expected} answered statements are in the LRS, so its replies cannot be counted",
                answers.len()
            ));
        }
    }
    answers.sort_by_key(|(at, _)| *at);

    // Statements from before pauses were sent have none: no pauses.
    let pauses = extension(extensions, "pauses")
        .and_then(Value::as_u64)
        .unwrap_or(0) as u32;
    let paused_ms = extension(extensions, "paused-ms")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let (title, tier, language) = case_from_library(scenarios, &case, file_title);
    Ok(CallFact {
        trainee,
        title,
        tier,
        language,
        case,
        finished,
        finished_at,
        seed,
        total: total as u8,
        passed,
        grade,
        rules,
        replies: answers.into_iter().map(|(_, r)| r).collect(),
        pauses,
        paused_ms,
        time_allowance,
        origin,
    })
}

/// The rule counts of the final statement, with the moments each was broken.
fn rules_of(rules: Option<&Value>) -> Result<Vec<RuleFact>, String> {
    let rules = rules
        .and_then(Value::as_array)
        .ok_or("its final statement has no rule counts")?;
    let count = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64).map(|n| n as usize);
    rules
        .iter()
        .map(|r| {
            let (Some(rule), Some(followed), Some(broken)) = (
                r.get("rule").and_then(Value::as_str),
                count(r, "followed"),
                count(r, "broken"),
            ) else {
                return Err("a rule count in its final statement lacks a part".to_string());
            };
            let broken_at = r
                .get("broken_at")
                .and_then(Value::as_array)
                .map(|moments| {
                    moments
                        .iter()
                        .map(|m| BrokenMoment {
                            beat: m.get("beat").and_then(Value::as_str).unwrap_or("").into(),
                            exchange: count(m, "exchange").unwrap_or(0),
                            what: m
                                .get("what")
                                .and_then(|w| serde_json::from_value(w.clone()).ok()),
                            note: m.get("note").and_then(Value::as_str).unwrap_or("").into(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Ok(RuleFact {
                rule: rule.to_string(),
                followed,
                broken,
                broken_at,
            })
        })
        .collect()
}

/// A reply from its `answered` statement, with its time into the call (for the order).
fn reply_of(statement: &Value) -> Result<(u64, ReplyFact), String> {
    let extensions = statement.pointer("/result/extensions");
    let beat = extension(extensions, "beat")
        .and_then(Value::as_str)
        .ok_or("an answered statement does not say which beat it answered")?;
    let reply = extension(extensions, "reply-index")
        .and_then(Value::as_u64)
        .ok_or("an answered statement does not say which reply was chosen")?;
    let at = extension(extensions, "at-ms")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    Ok((
        at,
        ReplyFact {
            beat: beat.to_string(),
            reply: reply as usize,
            text: text(statement, "/result/response")
                .unwrap_or("")
                .to_string(),
            voice: extension(extensions, "voice")
                .and_then(Value::as_str)
                .and_then(Voice::parse),
            timing: extension(extensions, "timing")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        },
    ))
}

/// An xAPI timestamp with an offset (`2026-03-02T10:00:00.000+01:00`), as some LRSs
/// return them; `Z` ones are read by `finished_at`.
fn parse_timestamp(text: &str) -> Option<SystemTime> {
    let text = text.trim();
    let split = text.len().checked_sub(6)?;
    let (base, offset) = text.split_at(split);
    let sign = match offset.as_bytes().first()? {
        b'+' => 1i64,
        b'-' => -1,
        _ => return None,
    };
    let (hours, minutes) = offset[1..].split_once(':')?;
    let seconds = (hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?) * 60;
    let local = humantime::parse_rfc3339_weak(base).ok()?;
    let shift = Duration::from_secs(seconds.unsigned_abs());
    if sign * seconds >= 0 {
        local.checked_sub(shift)
    } else {
        local.checked_add(shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A statement of the game's, written out by hand.
    fn ours(registration: &str, verb: &str, object: &str, result: Value) -> Value {
        json!({
            "id": Uuid::new_v4().to_string(),
            "actor": { "objectType": "Agent", "name": "Noor",
                       "account": { "homePage": "https://hold-the-line.example/trainees", "name": "Noor" } },
            "verb": { "id": verb },
            "object": { "objectType": "Activity", "id": object,
                        "definition": { "name": { "en": "A case & more" } } },
            "result": result,
            "context": { "registration": registration, "platform": PLATFORM,
                         "extensions": { ext("seed"): 7 } },
            "timestamp": "2026-03-02T09:05:00.250Z",
        })
    }

    #[test]
    fn hand_made_statements_make_a_call_and_the_rest_is_skipped_with_why() {
        let case = format!("{CASE_ACTIVITY_BASE}a%20case");
        let reply = format!("{case}/beats/vent/replies/2");
        let done = "6f1c1d7e-0000-4000-8000-000000000001";
        let cut = "6f1c1d7e-0000-4000-8000-000000000002";
        let answer = |at: u64, beat: &str, index: u64| {
            json!({ "response": format!("reply {index}"), "extensions": {
                ext("beat"): beat, ext("reply-index"): index, ext("at-ms"): at,
                ext("voice"): "soft", ext("timing"): "in_the_pause",
            }})
        };
        let statements = vec![
            // Newest first, as an LRS lists them.
            ours(
                done,
                VERB_FAILED,
                &case,
                json!({
                    "score": { "scaled": 0.42, "raw": 42, "min": 0, "max": 100 },
                    "success": false, "completion": true, "duration": "PT1M",
                    "extensions": {
                        ext("grade"): "D", ext("finished"): "2026-03-02T09:05:00Z", ext("replies"): 2,
                        ext("rules"): [
                            { "rule": "let_them_vent", "followed": 1, "broken": 1, "broken_at": [
                                { "beat": "vent", "exchange": 2, "note": "you cut in while they were venting", "what": { "kind": "cut_in" } },
                            ]},
                        ],
                    },
                }),
            ),
            ours(done, VERB_ANSWERED, &reply, answer(9000, "vent", 1)),
            ours(done, VERB_ANSWERED, &reply, answer(1000, "pickup", 0)),
            ours(done, VERB_ATTEMPTED, &case, Value::Null),
            ours(cut, VERB_ANSWERED, &reply, answer(1000, "pickup", 0)),
            ours(cut, VERB_ATTEMPTED, &case, Value::Null),
            json!({
                "id": Uuid::new_v4().to_string(),
                "actor": { "mbox": "mailto:someone@example.com" },
                "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
                "object": { "id": "https://lms.example/courses/fire-safety" },
            }),
        ];
        let folder = read_statements(&statements, "http://lrs.example/xAPI/", &[]);
        assert_eq!(folder.calls.len(), 1, "{:?}", folder.skipped);
        let call = &folder.calls[0];
        assert_eq!(
            (call.trainee.as_str(), call.case.as_str()),
            ("Noor", "a case")
        );
        assert_eq!((call.title.as_str(), call.tier), ("A case & more", None));
        assert_eq!(
            (call.total, call.passed, call.grade.as_str()),
            (42, false, "D")
        );
        assert_eq!(
            (call.seed, call.finished.as_str()),
            (7, "2026-03-02T09:05:00Z")
        );
        let replies: Vec<(&str, usize)> = call
            .replies
            .iter()
            .map(|r| (r.beat.as_str(), r.reply))
            .collect();
        assert_eq!(replies, [("pickup", 0), ("vent", 1)], "in the order said");
        assert_eq!(call.replies[1].voice, Some(Voice::Soft));
        assert_eq!(call.rules[0].broken_at[0].exchange, 2);
        assert_eq!(
            call.rules[0].broken_at[0].what,
            Some(crate::vocab::Note::CutIn)
        );
        assert_eq!(folder.trainees.len(), 1);

        let why: Vec<(SkipReason, &str)> = folder
            .skipped
            .iter()
            .map(|s| (s.reason, s.detail.as_str()))
            .collect();
        assert_eq!(why.len(), 2, "{why:?}");
        assert_eq!(why[0].0, SkipReason::Statements);
        assert!(
            why[0]
                .1
                .starts_with("1 statement, e.g. http://adlnet.gov/expapi/verbs/completed")
        );
        assert_eq!(why[1].0, SkipReason::Call);
        assert!(
            why[1].1.contains("passed or failed statement"),
            "{}",
            why[1].1
        );
        assert!(folder.skipped[1].origin.to_string().ends_with(cut));
    }

    #[test]
    fn timestamps_with_offsets_are_read_as_utc() {
        let utc = humantime::parse_rfc3339("2026-03-02T09:00:00Z").unwrap();
        assert_eq!(parse_timestamp("2026-03-02T10:00:00+01:00"), Some(utc));
        assert_eq!(parse_timestamp("2026-03-02T09:00:00.000+00:00"), Some(utc));
        assert_eq!(parse_timestamp("2026-03-02T04:30:00-04:30"), Some(utc));
        assert_eq!(parse_timestamp("yesterday"), None);
    }
}
