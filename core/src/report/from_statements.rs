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
//!
//! Statements are read into the same typed model (`lrs::xapi`) the game writes them from.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use super::fact::{
    BrokenMoment, CallFact, DataFolder, Origin, ReplyFact, RuleFact, SkipReason, Skipped,
    TraineeFact, case_from_library, in_name_order, sort_calls,
};
use super::load::finished_at;
use crate::lrs::statements::{
    CASE_ACTIVITY_BASE, PLATFORM, VERB_ANSWERED, VERB_ATTEMPTED, VERB_FAILED, VERB_PASSED,
    case_id_of,
};
use crate::lrs::xapi::{ResultExtensions, Statement};
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
    let mut calls: BTreeMap<Uuid, Vec<Statement>> = BTreeMap::new();
    let mut ids: HashSet<&str> = HashSet::new();
    let mut foreign = 0usize;
    let mut examples: BTreeSet<String> = BTreeSet::new();
    let by_id = |id: Option<&str>| {
        Origin::Lrs(format!(
            "{endpoint}statements?statementId={}",
            id.unwrap_or("?")
        ))
    };
    for value in statements {
        let id = value.get("id").and_then(Value::as_str);
        // The same statement listed twice (an LRS paging over new arrivals) counts once.
        if let Some(id) = id
            && !ids.insert(id)
        {
            continue;
        }
        let statement = match Statement::deserialize(value) {
            Ok(statement) if is_ours(&statement) => statement,
            Ok(_) => {
                foreign += 1;
                if examples.len() < EXAMPLES {
                    examples.insert(describe_foreign(value));
                }
                continue;
            }
            // A statement of the game's that is not in the form the game writes: named,
            // and its call will be short of it.
            Err(e) if platform_of(value) == Some(PLATFORM) => {
                out.skipped.push(Skipped::new(
                    by_id(id),
                    SkipReason::Call,
                    format!("a statement of the game that cannot be read: {e}"),
                ));
                continue;
            }
            Err(_) => {
                foreign += 1;
                if examples.len() < EXAMPLES {
                    examples.insert(describe_foreign(value));
                }
                continue;
            }
        };
        match registration(&statement) {
            Some(registration) => calls.entry(registration).or_default().push(statement),
            None => out.skipped.push(Skipped::new(
                by_id(id),
                SkipReason::Call,
                "a statement of the game without a registration (the call's id)",
            )),
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

/// The platform a statement names, read from the JSON: for one that does not read as a
/// statement at all, to tell the game's from another app's.
fn platform_of(value: &Value) -> Option<&str> {
    value.get("context")?.get("platform")?.as_str()
}

fn verb_of(statement: &Statement) -> &str {
    statement.verb.as_ref().map_or("", |v| v.id.as_str())
}

fn object_of(statement: &Statement) -> &str {
    statement.object.as_ref().map_or("", |o| o.id.as_str())
}

/// One of the game's statements: its platform, one of its verbs, a case (or a reply of
/// one) as the object.
fn is_ours(statement: &Statement) -> bool {
    let platform = statement
        .context
        .as_ref()
        .and_then(|c| c.platform.as_deref());
    platform == Some(PLATFORM)
        && [VERB_ATTEMPTED, VERB_ANSWERED, VERB_PASSED, VERB_FAILED].contains(&verb_of(statement))
        && object_of(statement).starts_with(CASE_ACTIVITY_BASE)
}

/// A few words on a statement that is not the game's: its verb and object. Read from the
/// JSON, as another app's statement may not be in the form the game's take.
fn describe_foreign(statement: &Value) -> String {
    let text = |pointer: &str| statement.pointer(pointer).and_then(Value::as_str);
    let verb = text("/verb/id").unwrap_or("no verb");
    let object = text("/object/id").unwrap_or("no object id");
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

fn registration(statement: &Statement) -> Option<Uuid> {
    let registration = statement.context.as_ref()?.registration.as_deref()?;
    Uuid::parse_str(registration).ok()
}

/// The trainee a statement is about: the actor's account name.
fn trainee_of(statement: &Statement) -> Option<String> {
    let actor = statement.actor.as_ref()?;
    actor
        .account
        .as_ref()
        .map(|a| a.name.as_str())
        .or(actor.name.as_deref())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

/// One call from its statements, or why it cannot be counted.
fn call_of(
    group: &[Statement],
    scenarios: &[Scenario],
    origin: Origin,
) -> Result<CallFact, String> {
    let finals: Vec<&Statement> = group
        .iter()
        .filter(|s| matches!(verb_of(s), VERB_PASSED | VERB_FAILED))
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
        .filter_map(trainee_of)
        .find(|t| slug(t) != slug(&trainee))
    {
        return Err(format!(
            "its statements name two trainees (\"{trainee}\" and \"{other}\")"
        ));
    }
    let activity = object_of(last);
    let case = case_id_of(activity)
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| format!("its final statement's activity {activity} is not a case"))?;
    let file_title = last
        .object
        .as_ref()
        .and_then(|o| o.definition.as_ref())
        .and_then(|d| d.name.as_ref())
        .and_then(|names| names.values().next())
        .cloned()
        .unwrap_or_default();
    let result = last
        .result
        .as_ref()
        .ok_or("its final statement has no result")?;
    let total = result
        .score
        .as_ref()
        .and_then(|s| s.raw.as_ref())
        .and_then(|raw| raw.as_u64())
        .ok_or("its final statement has no whole raw score")?;
    if total > 100 {
        return Err(format!("its score {total} is over 100"));
    }
    let passed = result
        .success
        .ok_or("its final statement does not say whether the call passed")?;
    if passed != (verb_of(last) == VERB_PASSED) {
        return Err("its final statement's verb and success disagree".into());
    }
    let none = ResultExtensions::default();
    let extensions = result.extensions.as_ref().unwrap_or(&none);
    let grade = extensions.grade.clone().unwrap_or_default();
    let finished = match (&extensions.finished, &last.timestamp) {
        (Some(at), _) | (None, Some(at)) => at.clone(),
        (None, None) => return Err("its final statement has no timestamp".into()),
    };
    let finished_at = finished_at(&finished)?;
    let context = last.context.as_ref().and_then(|c| c.extensions.as_ref());
    let seed = context.and_then(|c| c.seed).unwrap_or(0);
    // Absent: the case's own windows (and statements sent before the setting existed).
    let time_allowance = match context.and_then(|c| c.time_allowance) {
        None => crate::vocab::TimeAllowance::Standard,
        Some(factor) => crate::vocab::TimeAllowance::from_factor(factor)
            .ok_or("its time allowance is not 1, 1.5 or 2")?,
    };
    let rules = extensions
        .rules
        .as_ref()
        .ok_or("its final statement has no rule counts")?
        .iter()
        .map(|r| RuleFact {
            rule: r.rule.clone(),
            followed: r.followed,
            broken: r.broken,
            broken_at: r
                .broken_at
                .iter()
                .map(|m| BrokenMoment {
                    beat: m.beat.clone(),
                    exchange: m.exchange,
                    what: m.what,
                    note: m.note.clone(),
                })
                .collect(),
        })
        .collect();

    let mut answers: Vec<(u64, ReplyFact)> = Vec::new();
    for s in group.iter().filter(|s| verb_of(s) == VERB_ANSWERED) {
        answers.push(reply_of(s)?);
    }
    if let Some(expected) = extensions.replies
        && expected != answers.len()
    {
        return Err(format!(
            "{} of its {expected} answered statements are in the LRS, so its replies cannot be counted",
            answers.len()
        ));
    }
    answers.sort_by_key(|(at, _)| *at);

    // Statements from before pauses were sent have none: no pauses.
    let pauses = extensions.pauses.unwrap_or(0) as u32;
    let paused_ms = extensions.paused_ms.unwrap_or(0);
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

/// A reply from its `answered` statement, with its time into the call (for the order).
fn reply_of(statement: &Statement) -> Result<(u64, ReplyFact), String> {
    let result = statement.result.as_ref();
    let none = ResultExtensions::default();
    let extensions = result.and_then(|r| r.extensions.as_ref()).unwrap_or(&none);
    let beat = extensions
        .beat
        .clone()
        .ok_or("an answered statement does not say which beat it answered")?;
    let reply = extensions
        .reply_index
        .ok_or("an answered statement does not say which reply was chosen")?;
    Ok((
        extensions.at_ms.unwrap_or(0),
        ReplyFact {
            beat,
            reply,
            text: result.and_then(|r| r.response.clone()).unwrap_or_default(),
            voice: extensions.voice.as_deref().and_then(Voice::parse),
            timing: extensions.timing.clone().unwrap_or_default(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lrs::statements::ext;
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
    fn a_game_statement_that_does_not_read_is_named_and_its_call_is_not_counted() {
        let case = format!("{CASE_ACTIVITY_BASE}a_case");
        let reg = "6f1c1d7e-0000-4000-8000-000000000003";
        let mut bad = ours(
            reg,
            VERB_ANSWERED,
            &format!("{case}/beats/vent/replies/1"),
            json!({ "extensions": { ext("beat"): "vent", ext("reply-index"): "two" } }),
        );
        bad["id"] = json!("6f1c1d7e-0000-4000-8000-0000000000aa");
        let last = ours(
            reg,
            VERB_PASSED,
            &case,
            json!({
                "score": { "raw": 80 }, "success": true,
                "extensions": { ext("replies"): 1, ext("rules"): [] },
            }),
        );
        let folder = read_statements(&[bad, last], "http://lrs.example/xAPI/", &[]);
        assert!(folder.calls.is_empty());
        let why: Vec<(String, &str)> = folder
            .skipped
            .iter()
            .map(|s| (s.origin.to_string(), s.detail.as_str()))
            .collect();
        assert_eq!(why.len(), 2, "{why:?}");
        assert!(
            why[0]
                .0
                .ends_with("statementId=6f1c1d7e-0000-4000-8000-0000000000aa")
        );
        assert_eq!(
            why[0].1,
            format!(
                "a statement of the game that cannot be read: extension {}: invalid type: string \"two\", expected usize",
                ext("reply-index")
            )
        );
        assert!(
            why[1].1.contains("0 of its 1 answered statements"),
            "{}",
            why[1].1
        );
    }
}
