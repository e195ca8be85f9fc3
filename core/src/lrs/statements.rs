//! xAPI 1.0.3 statements from a session file: `attempted` when the call started, one
//! `answered` per reply (with its rule verdicts, timing and voice in `result.extensions`),
//! and `passed` or `failed` at the end with the scaled score, success, completion and the
//! call's duration, and what a trainer report read back from the LRS needs
//! (`report::from_statements`): the session's `finished`, the number of replies and where
//! each rule was broken. The trainee is the actor (an account under the configured home page),
//! the case the activity; `context.registration` is the session's UUID.
//!
//! Statement ids are UUIDs derived from the session's own UUID (version 5, by position), so
//! the same session always makes the same ids: queued twice or sent twice, the LRS stores
//! each statement once.

use std::time::{Duration, SystemTime};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::profile::{RecordedChoice, SessionFile};
use crate::vocab::Verdict;

pub const VERB_ATTEMPTED: &str = "http://adlnet.gov/expapi/verbs/attempted";
pub const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
pub const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";

/// Shifts are activities `https://hold-the-line.example/shifts/<shift id>`.
pub const SHIFT_ACTIVITY_BASE: &str = "https://hold-the-line.example/shifts/";

/// Cases are activities `https://hold-the-line.example/cases/<case id>`.
pub const CASE_ACTIVITY_BASE: &str = "https://hold-the-line.example/cases/";
/// What stays as it is in a path segment of an IRI the game writes: RFC 3986's unreserved
/// characters; everything else is percent-encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The extensions' IRIs start with this.
pub const EXTENSION_BASE: &str = "https://hold-the-line.example/xapi/extensions/";
pub const CASE_ACTIVITY_TYPE: &str = "http://adlnet.gov/expapi/activities/simulation";
pub const REPLY_ACTIVITY_TYPE: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
/// `context.platform`.
pub const PLATFORM: &str = "Hold the Line";

/// The IRI of one of the game's extensions (`seed`, `beat`, `rules`, ...).
pub fn ext(name: &str) -> String {
    format!("{EXTENSION_BASE}{name}")
}

/// The session's UUID: its own (version 2), or one derived from what a version 1 file
/// holds, the same every time it is read.
pub fn session_id(session: &SessionFile) -> Uuid {
    session.id.unwrap_or_else(|| {
        let name = format!(
            "hold-the-line-session:{}:{}:{}:{}",
            session.profile, session.scenario, session.finished, session.seed
        );
        Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes())
    })
}

/// The id of the session's `n`th statement.
pub fn statement_id(session: Uuid, n: usize) -> Uuid {
    Uuid::new_v5(&session, format!("statement/{n}").as_bytes())
}

/// The shift as an xAPI activity IRI.
pub fn shift_activity_id(shift_id: &str) -> String {
    format!("{SHIFT_ACTIVITY_BASE}{}", iri_segment(shift_id))
}

/// The case as an xAPI activity IRI.
pub fn case_activity_id(case_id: &str) -> String {
    format!("{CASE_ACTIVITY_BASE}{}", iri_segment(case_id))
}

/// The case id an activity IRI names (the reverse of [`case_activity_id`]): None for an
/// IRI that is not one of the game's cases, or one with more after the case.
pub fn case_id_of(activity_id: &str) -> Option<String> {
    let segment = activity_id.strip_prefix(CASE_ACTIVITY_BASE)?;
    // A `%` must start an escape: the decoder would pass a broken one through as text,
    // and an IRI with one is not one the game wrote.
    let escapes_whole = segment.match_indices('%').all(|(i, _)| {
        segment
            .get(i + 1..i + 3)
            .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    if segment.is_empty() || segment.contains('/') || !escapes_whole {
        return None;
    }
    percent_decode_str(segment)
        .decode_utf8()
        .ok()
        .map(|id| id.into_owned())
}

/// Every statement for a session, ids set, in the order they happened.
pub fn statements(session: &SessionFile, home_page: &str) -> Vec<Value> {
    let registration = session_id(session);
    let finished = humantime::parse_rfc3339_weak(&session.finished).ok();
    let duration = Duration::from_millis(session.duration_ms.unwrap_or(0));
    let started = session
        .started
        .as_deref()
        .and_then(|s| humantime::parse_rfc3339_weak(s).ok())
        .or_else(|| finished.and_then(|f| f.checked_sub(duration)))
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let ended = finished.map_or(started + duration, |f| f.max(started + duration));

    let actor = json!({
        "objectType": "Agent",
        "name": session.profile,
        "account": { "homePage": home_page, "name": session.profile },
    });
    let case_id = session
        .case
        .as_ref()
        .map_or(session.scenario.as_str(), |c| c.id.as_str());
    let case_language = session.case.as_ref().map(|c| c.language.clone());
    let title_language = case_language.clone().unwrap_or_else(|| "und".to_string());
    let mut case_extensions = serde_json::Map::new();
    if let Some(case) = &session.case {
        case_extensions.insert(ext("tier"), json!(case.tier));
        case_extensions.insert(ext("language"), json!(case.language));
        case_extensions.insert(ext("channel"), json!(case.channel.keyword()));
        if let Some(hash) = &case.hash {
            case_extensions.insert(ext("scenario-hash"), json!(hash));
        }
    }
    let mut definition = json!({
        "name": { title_language.clone(): session.title },
        "type": CASE_ACTIVITY_TYPE,
    });
    if !case_extensions.is_empty() {
        definition["extensions"] = Value::Object(case_extensions);
    }
    let case = json!({
        "objectType": "Activity",
        "id": case_activity_id(case_id),
        "definition": definition,
    });
    let language = session
        .ui_language
        .map(|l| l.code().to_string())
        .or(case_language);
    // A call taken in a shift has the shift as its parent (the reply statements, whose
    // parent is the case, have it as their grouping), and says where it sat in it.
    let shift = session.shift.as_ref().map(|place| {
        (
            json!({ "objectType": "Activity", "id": shift_activity_id(&place.shift) }),
            place,
        )
    });
    let context = |parent: bool| {
        let mut context = json!({
            "registration": registration.to_string(),
            "platform": PLATFORM,
            "extensions": {
                ext("seed"): session.seed,
                ext("session-schema"): session.schema,
            },
        });
        if let Some(language) = &language {
            context["language"] = json!(language);
        }
        // An accommodation the trainer must see: on every statement of the call.
        if !session.time_allowance.is_standard() {
            context["extensions"][ext("time-allowance")] = json!(session.time_allowance.factor());
        }
        let case = json!({ "objectType": "Activity", "id": case_activity_id(case_id) });
        match (&shift, parent) {
            (Some((shift, _)), true) => {
                context["contextActivities"] = json!({ "parent": [case], "grouping": [shift] });
            }
            (Some((shift, _)), false) => {
                context["contextActivities"] = json!({ "parent": [shift] });
            }
            (None, true) => context["contextActivities"] = json!({ "parent": [case] }),
            (None, false) => {}
        }
        if let Some((_, place)) = &shift {
            let extensions = &mut context["extensions"];
            extensions[ext("shift-run")] = json!(place.run.to_string());
            extensions[ext("shift-position")] = json!(place.position);
            extensions[ext("shift-call-kind")] = json!(place.kind);
            if let Some(of) = place.callback_of {
                extensions[ext("shift-callback-of")] = json!(of);
            }
        }
        context
    };
    let verb = |id: &str, word: &str| json!({ "id": id, "display": { "en-US": word } });

    let mut out = Vec::with_capacity(session.choices.len() + 2);
    out.push(json!({
        "actor": actor,
        "verb": verb(VERB_ATTEMPTED, "attempted"),
        "object": case,
        "context": context(false),
        "timestamp": timestamp(started),
    }));
    for (n, choice) in session.choices.iter().enumerate() {
        out.push(json!({
            "actor": actor,
            "verb": verb(VERB_ANSWERED, "answered"),
            "object": reply_activity(case_id, &title_language, n, choice),
            "result": {
                "response": choice.text,
                "extensions": {
                    ext("verdicts"): choice.verdicts.iter().map(|v| json!({
                        "rule": v.rule,
                        "verdict": match v.verdict {
                            Verdict::Followed => "followed",
                            Verdict::Broken => "broken",
                        },
                    })).collect::<Vec<_>>(),
                    ext("timing"): choice.timing,
                    ext("voice"): choice.voice.label(),
                    ext("at-ms"): choice.at_ms,
                    ext("beat"): choice.beat,
                    ext("reply-index"): choice.reply,
                },
            },
            "context": context(true),
            "timestamp": timestamp(started + Duration::from_millis(choice.at_ms)),
        }));
    }
    let score = &session.score;
    let (verb_id, word) = if score.passed {
        (VERB_PASSED, "passed")
    } else {
        (VERB_FAILED, "failed")
    };
    let mut result_extensions = serde_json::Map::new();
    result_extensions.insert(ext("grade"), json!(score.grade.letter()));
    if let Some(mark) = score.pass_mark {
        result_extensions.insert(ext("pass-mark"), json!(mark));
    }
    if let Some(ending) = &score.ending {
        result_extensions.insert(ext("ending"), json!(ending));
    }
    if let Some(why) = &score.not_passed {
        result_extensions.insert(ext("not-passed"), json!(why));
    }
    // What a trainer report needs that the other statements do not say: when the call
    // was recorded (the session file's `finished`), how many replies it had (so a report
    // can tell a call whose answers did not all arrive), and where each rule was broken.
    result_extensions.insert(ext("finished"), json!(session.finished));
    result_extensions.insert(ext("replies"), json!(session.choices.len()));
    // How often and how long the trainee paused the call (the phone rang in real life):
    // a trainer sees it beside the score.
    let (pauses, paused_ms) = session
        .transcript
        .iter()
        .filter(|e| e.get("type").and_then(Value::as_str) == Some("resumed"))
        .map(|e| e.get("paused_for").and_then(Value::as_u64).unwrap_or(0))
        .fold((0u64, 0u64), |(n, ms), p| (n + 1, ms + p));
    result_extensions.insert(ext("pauses"), json!(pauses));
    result_extensions.insert(ext("paused-ms"), json!(paused_ms));
    let beat_starts = beat_starts(session);
    result_extensions.insert(
        ext("rules"),
        Value::Array(
            score
                .rules
                .iter()
                .filter(|r| r.followed + r.broken > 0)
                .map(|r| {
                    json!({
                        "rule": r.rule,
                        "followed": r.followed,
                        "broken": r.broken,
                        "broken_at": broken_moments(&r.moments, &beat_starts),
                    })
                })
                .collect(),
        ),
    );
    out.push(json!({
        "actor": actor,
        "verb": verb(verb_id, word),
        "object": case,
        "result": {
            "score": {
                "scaled": f64::from(score.total.min(100)) / 100.0,
                "raw": score.total.min(100),
                "min": 0,
                "max": 100,
            },
            "success": score.passed,
            "completion": true,
            "duration": iso8601_duration(session.duration_ms.unwrap_or(0)),
            "extensions": result_extensions,
        },
        "context": context(false),
        "timestamp": timestamp(ended),
    }));
    for (n, statement) in out.iter_mut().enumerate() {
        statement["id"] = json!(statement_id(registration, n).to_string());
    }
    out
}

/// The statements that close a shift: `completed`, then `passed` or `failed`, with the
/// day's measures in `result.extensions`. The registration is the shift record's id, which
/// its calls carry as `shift-run`; the ids derive from it, so sending twice stores once.
pub fn shift_statements(record: &crate::shift::ShiftRecord, home_page: &str) -> Vec<Value> {
    let actor = json!({
        "objectType": "Agent",
        "name": record.profile,
        "account": { "homePage": home_page, "name": record.profile },
    });
    let shift = json!({
        "objectType": "Activity",
        "id": shift_activity_id(&record.shift),
        "definition": {
            "name": { record.language.clone(): record.title },
            "type": "http://adlnet.gov/expapi/activities/assessment",
        },
    });
    let context = json!({
        "registration": record.id.to_string(),
        "platform": PLATFORM,
        "language": record.language,
        "extensions": { ext("shift-schema"): record.schema },
    });
    let s = &record.summary;
    let finished =
        humantime::parse_rfc3339_weak(&record.finished).unwrap_or(SystemTime::UNIX_EPOCH);
    let duration = iso8601_duration((s.length_s * 1000.0).round() as u64);
    let measures = json!({
        ext("calls-handled"): s.calls_handled,
        ext("calls-passed"): s.calls_passed,
        ext("first-contact-resolution"): s.first_contact_resolution,
        ext("repeat-calls"): s.repeat_calls,
        ext("promises-made"): s.promises_made,
        ext("promises-kept"): s.promises_kept,
        ext("average-handle-s"): s.average_handle_s,
        ext("longest-wait-s"): s.longest_wait_s,
        ext("service-level"): s.service_level,
        ext("abandoned"): s.abandoned,
        ext("peak-strain"): s.peak_strain,
        ext("most-broken-rule"): s.most_broken.as_ref().map(|m| m.rule.clone()),
        ext("finished"): record.finished,
    });
    let verb = |id: &str, word: &str| json!({ "id": id, "display": { "en-US": word } });
    let (verb_id, word) = if s.passed {
        (VERB_PASSED, "passed")
    } else {
        (VERB_FAILED, "failed")
    };
    let scaled = if s.calls_handled == 0 {
        0.0
    } else {
        s.calls_passed as f64 / s.calls_handled as f64
    };
    let mut out = vec![
        json!({
            "actor": actor,
            "verb": verb(VERB_COMPLETED, "completed"),
            "object": shift,
            "result": { "completion": true, "duration": duration },
            "context": context,
            "timestamp": timestamp(finished),
        }),
        json!({
            "actor": actor,
            "verb": verb(verb_id, word),
            "object": shift,
            "result": {
                "score": { "scaled": scaled },
                "success": s.passed,
                "completion": true,
                "duration": duration,
                "extensions": measures,
            },
            "context": context,
            "timestamp": timestamp(finished),
        }),
    ];
    for (n, statement) in out.iter_mut().enumerate() {
        statement["id"] = json!(statement_id(record.id, n).to_string());
    }
    out
}

/// When each beat started (ms into the call), from the transcript.
fn beat_starts(session: &SessionFile) -> Vec<u64> {
    session
        .transcript
        .iter()
        .filter(|e| e.get("type").and_then(Value::as_str) == Some("beat_started"))
        .filter_map(|e| e.get("at").and_then(Value::as_u64))
        .collect()
}

/// The moments a rule was broken, as the trainer report counts them: the beat, the
/// exchange (1 for the first beat played, counted from the transcript's beat starts), the
/// English note and, when the file has it, the typed note.
fn broken_moments(moments: &[Value], beat_starts: &[u64]) -> Vec<Value> {
    moments
        .iter()
        .filter(|m| m.get("verdict").and_then(Value::as_str) == Some("Broken"))
        .map(|m| {
            let at = m.get("at").and_then(Value::as_u64).unwrap_or(0);
            let text = |key: &str| m.get(key).and_then(Value::as_str).unwrap_or("");
            let mut moment = json!({
                "beat": text("beat"),
                "exchange": beat_starts.iter().filter(|t| **t <= at).count(),
                "note": text("note"),
            });
            if let Some(what) = m.get("what").filter(|w| !w.is_null()) {
                moment["what"] = what.clone();
            }
            moment
        })
        .collect()
}

/// One reply as an activity of its own, under the case.
fn reply_activity(case_id: &str, language: &str, n: usize, choice: &RecordedChoice) -> Value {
    json!({
        "objectType": "Activity",
        "id": format!(
            "{}/beats/{}/replies/{}",
            case_activity_id(case_id),
            iri_segment(&choice.beat),
            choice.reply + 1
        ),
        "definition": {
            "name": { language: format!("Reply {} ({})", n + 1, choice.beat) },
            "description": { language: choice.text },
            "type": REPLY_ACTIVITY_TYPE,
            "interactionType": "choice",
        },
    })
}

/// RFC 3339, UTC, milliseconds.
fn timestamp(at: SystemTime) -> String {
    humantime::format_rfc3339_millis(at).to_string()
}

/// ISO 8601 duration: `PT1M23.5S`, `PT1H2M3S`, `PT0S`.
pub fn iso8601_duration(ms: u64) -> String {
    let (hours, rest) = (ms / 3_600_000, ms % 3_600_000);
    let (minutes, rest) = (rest / 60_000, rest % 60_000);
    let (seconds, millis) = (rest / 1000, rest % 1000);
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if seconds > 0 || millis > 0 || out == "PT" {
        if millis > 0 {
            let fraction = format!("{millis:03}");
            out.push_str(&format!("{seconds}.{}S", fraction.trim_end_matches('0')));
        } else {
            out.push_str(&format!("{seconds}S"));
        }
    }
    out
}

/// An id made safe as one path segment of an IRI: unreserved ASCII kept, the rest
/// percent-encoded as UTF-8.
fn iri_segment(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso8601_duration(0), "PT0S");
        assert_eq!(iso8601_duration(83_500), "PT1M23.5S");
        assert_eq!(iso8601_duration(3_723_000), "PT1H2M3S");
        assert_eq!(iso8601_duration(60_000), "PT1M");
        assert_eq!(iso8601_duration(45), "PT0.045S");
    }

    #[test]
    fn ids_are_safe_path_segments() {
        assert_eq!(
            case_activity_id("missing_parcel"),
            "https://hold-the-line.example/cases/missing_parcel"
        );
        assert_eq!(iri_segment("a b/ü"), "a%20b%2F%C3%BC");
        for id in ["missing_parcel", "a b/ü", "x%y"] {
            assert_eq!(case_id_of(&case_activity_id(id)).as_deref(), Some(id));
        }
        assert_eq!(case_id_of("https://other.example/cases/x"), None);
        assert_eq!(
            case_id_of(&format!("{}/beats/b/replies/1", case_activity_id("x"))),
            None
        );
        assert_eq!(case_id_of(&format!("{CASE_ACTIVITY_BASE}bad%zz")), None);
    }

    #[test]
    fn statement_ids_are_stable_and_distinct() {
        let session = Uuid::new_v4();
        assert_eq!(statement_id(session, 3), statement_id(session, 3));
        assert_ne!(statement_id(session, 3), statement_id(session, 4));
        assert_eq!(statement_id(session, 0).get_version_num(), 5);
    }
}
