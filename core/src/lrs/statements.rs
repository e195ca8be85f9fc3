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
//!
//! The statements are built as the typed model in `xapi.rs`, which `report --lrs` reads
//! them back into.

use jiff::SignedDuration;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::Value;
use uuid::Uuid;

use super::xapi::{
    Account, Activity, ActivityDefinition, Agent, BrokenEntry, CaseExtensions, Context,
    ContextActivities, ContextExtensions, LanguageMap, ResultExtensions, RuleEntry, Score,
    Statement, StatementResult, Verb, VerdictEntry,
};
use crate::profile::{
    RecordedChoice, RecordedRule, SessionFile, TranscriptEvent, beat_starts, exchange_at, pauses,
};
use crate::vocab::stamp::{self, Timestamp};
use crate::vocab::{Millis, Verdict};

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

pub use super::xapi::EXTENSION_BASE;
pub const CASE_ACTIVITY_TYPE: &str = "http://adlnet.gov/expapi/activities/simulation";
pub const REPLY_ACTIVITY_TYPE: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
pub const SHIFT_ACTIVITY_TYPE: &str = "http://adlnet.gov/expapi/activities/assessment";
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

/// Every statement for a session, ids set, in the order they happened, as sent.
pub fn statements(session: &SessionFile, home_page: &str) -> Vec<Value> {
    wire(call_statements(session, home_page))
}

/// The statements that close a shift, as sent: see [`shift_statements_typed`].
pub fn shift_statements(record: &crate::shift::ShiftRecord, home_page: &str) -> Vec<Value> {
    wire(shift_statements_typed(record, home_page))
}

fn wire(statements: Vec<Statement>) -> Vec<Value> {
    statements
        .iter()
        .map(|s| serde_json::to_value(s).expect("a statement is plain JSON"))
        .collect()
}

/// The trainee, as an account under the configured home page.
fn agent(name: &str, home_page: &str) -> Agent {
    Agent {
        object_type: Some("Agent".into()),
        name: Some(name.to_string()),
        account: Some(Account {
            home_page: home_page.to_string(),
            name: name.to_string(),
        }),
    }
}

fn verb(id: &str, word: &str) -> Verb {
    Verb {
        id: id.to_string(),
        display: Some(LanguageMap::from([("en-US".to_string(), word.to_string())])),
    }
}

/// An activity named by its id alone (a parent or a grouping).
fn activity(id: String) -> Activity {
    Activity {
        object_type: Some("Activity".into()),
        id,
        definition: None,
    }
}

fn words(language: &str, text: &str) -> Option<LanguageMap> {
    Some(LanguageMap::from([(
        language.to_string(),
        text.to_string(),
    )]))
}

/// Ids from the registration, by position: the same call always makes the same ids.
fn with_ids(mut statements: Vec<Statement>, registration: Uuid) -> Vec<Statement> {
    for (n, statement) in statements.iter_mut().enumerate() {
        statement.id = Some(statement_id(registration, n).to_string());
    }
    statements
}

/// A call's statements, typed: `attempted`, one `answered` per reply, `passed` or `failed`.
pub fn call_statements(session: &SessionFile, home_page: &str) -> Vec<Statement> {
    let registration = session_id(session);
    let finished = stamp::read(&session.finished).ok();
    let duration_ms = session.duration_ms.unwrap_or(0);
    let started = session
        .started
        .as_deref()
        .and_then(|s| stamp::read(s).ok())
        .or_else(|| finished.map(|f| later(f, -(duration_ms as i64))))
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let ended = finished.map_or(later(started, duration_ms as i64), |f| {
        f.max(later(started, duration_ms as i64))
    });

    let actor = agent(&session.profile, home_page);
    let case_id = session
        .case
        .as_ref()
        .map_or(session.scenario.as_str(), |c| c.id.as_str());
    let case_language = session.case.as_ref().map(|c| c.language.clone());
    let title_language = case_language.clone().unwrap_or_else(|| "und".to_string());
    let case = Activity {
        definition: Some(ActivityDefinition {
            name: words(&title_language, &session.title),
            kind: Some(CASE_ACTIVITY_TYPE.into()),
            extensions: session.case.as_ref().map(|case| CaseExtensions {
                tier: Some(case.tier),
                language: Some(case.language.clone()),
                channel: Some(case.channel.keyword().to_string()),
                scenario_hash: case.hash.clone(),
            }),
            ..Default::default()
        }),
        ..activity(case_activity_id(case_id))
    };
    let language = session
        .ui_language
        .map(|l| l.code().to_string())
        .or(case_language);
    // A call taken in a shift has the shift as its parent (the reply statements, whose
    // parent is the case, have it as their grouping), and says where it sat in it.
    let shift = session
        .shift
        .as_ref()
        .map(|place| (activity(shift_activity_id(&place.shift)), place));
    let context = |parent: bool| {
        let mut extensions = ContextExtensions {
            seed: Some(session.seed),
            session_schema: Some(session.schema),
            // An accommodation the trainer must see: on every statement of the call.
            time_allowance: (!session.time_allowance.is_standard())
                .then(|| session.time_allowance.factor()),
            ..Default::default()
        };
        if let Some((_, place)) = &shift {
            extensions.shift_run = Some(place.run.to_string());
            extensions.shift_position = Some(place.position);
            extensions.shift_call_kind = Some(place.kind.clone());
            extensions.shift_callback_of = place.callback_of;
        }
        let case = activity(case_activity_id(case_id));
        let context_activities = match (&shift, parent) {
            (Some((shift, _)), true) => Some(ContextActivities {
                parent: Some(vec![case]),
                grouping: Some(vec![shift.clone()]),
            }),
            (Some((shift, _)), false) => Some(ContextActivities {
                parent: Some(vec![shift.clone()]),
                grouping: None,
            }),
            (None, true) => Some(ContextActivities {
                parent: Some(vec![case]),
                grouping: None,
            }),
            (None, false) => None,
        };
        Some(Context {
            registration: Some(registration.to_string()),
            platform: Some(PLATFORM.into()),
            language: language.clone(),
            context_activities,
            extensions: Some(extensions),
        })
    };

    let mut out = Vec::with_capacity(session.choices.len() + 2);
    out.push(Statement {
        actor: Some(actor.clone()),
        verb: Some(verb(VERB_ATTEMPTED, "attempted")),
        object: Some(case.clone()),
        context: context(false),
        timestamp: Some(timestamp(started)),
        ..Default::default()
    });
    for (n, choice) in session.choices.iter().enumerate() {
        out.push(Statement {
            actor: Some(actor.clone()),
            verb: Some(verb(VERB_ANSWERED, "answered")),
            object: Some(reply_activity(case_id, &title_language, n, choice)),
            result: Some(StatementResult {
                response: Some(choice.text.clone()),
                extensions: Some(ResultExtensions {
                    verdicts: Some(
                        choice
                            .verdicts
                            .iter()
                            .map(|v| VerdictEntry {
                                rule: v.rule.clone(),
                                verdict: v.verdict,
                            })
                            .collect(),
                    ),
                    timing: Some(choice.timing.keyword().to_string()),
                    voice: Some(choice.voice.label().to_string()),
                    at_ms: Some(choice.at_ms),
                    beat: Some(choice.beat.clone()),
                    reply_index: Some(choice.reply),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            context: context(true),
            timestamp: Some(timestamp(later(started, choice.at_ms as i64))),
            ..Default::default()
        });
    }
    let score = &session.score;
    let (verb_id, word) = if score.passed {
        (VERB_PASSED, "passed")
    } else {
        (VERB_FAILED, "failed")
    };
    // The statements stand for what the game recorded: an event that does not read is
    // passed over, not the call.
    let events: Vec<TranscriptEvent> = session.events().filter_map(Result::ok).collect();
    // How often and how long the trainee paused the call (the phone rang in real life):
    // a trainer sees it beside the score.
    let (pauses, paused_ms) = pauses(&events);
    let beat_starts = beat_starts(&events);
    let total = score.total.min(100);
    out.push(Statement {
        actor: Some(actor),
        verb: Some(verb(verb_id, word)),
        object: Some(case),
        result: Some(StatementResult {
            score: Some(Score {
                scaled: Some(f64::from(total) / 100.0),
                raw: Some(total.into()),
                min: Some(0.into()),
                max: Some(100.into()),
            }),
            success: Some(score.passed),
            completion: Some(true),
            duration: Some(stamp::iso8601_duration(duration_ms)),
            extensions: Some(ResultExtensions {
                grade: Some(score.grade.letter().to_string()),
                pass_mark: score.pass_mark,
                ending: score.ending.clone(),
                not_passed: score.not_passed.clone(),
                // What a trainer report needs that the other statements do not say: when
                // the call was recorded (the session file's `finished`), how many replies
                // it had (so a report can tell a call whose answers did not all arrive),
                // and where each rule was broken.
                finished: Some(session.finished.clone()),
                replies: Some(session.choices.len()),
                pauses: Some(u64::from(pauses)),
                paused_ms: Some(paused_ms),
                rules: Some(
                    score
                        .rules
                        .iter()
                        .filter(|r| r.followed + r.broken > 0)
                        .map(|r| RuleEntry {
                            rule: r.rule.clone(),
                            followed: r.followed,
                            broken: r.broken,
                            broken_at: broken_moments(r, &beat_starts),
                        })
                        .collect(),
                ),
                ..Default::default()
            }),
            ..Default::default()
        }),
        context: context(false),
        timestamp: Some(timestamp(ended)),
        ..Default::default()
    });
    with_ids(out, registration)
}

/// The statements that close a shift: `completed`, then `passed` or `failed`, with the
/// day's measures in `result.extensions`. The registration is the shift record's id, which
/// its calls carry as `shift-run`; the ids derive from it, so sending twice stores once.
pub fn shift_statements_typed(
    record: &crate::shift::ShiftRecord,
    home_page: &str,
) -> Vec<Statement> {
    let actor = agent(&record.profile, home_page);
    let shift = Activity {
        definition: Some(ActivityDefinition {
            name: words(&record.language, &record.title),
            kind: Some(SHIFT_ACTIVITY_TYPE.into()),
            ..Default::default()
        }),
        ..activity(shift_activity_id(&record.shift))
    };
    let context = Context {
        registration: Some(record.id.to_string()),
        platform: Some(PLATFORM.into()),
        language: Some(record.language.clone()),
        context_activities: None,
        extensions: Some(ContextExtensions {
            shift_schema: Some(record.schema),
            ..Default::default()
        }),
    };
    let s = &record.summary;
    let finished = stamp::read(&record.finished).unwrap_or(Timestamp::UNIX_EPOCH);
    let duration = stamp::iso8601_duration((s.length_s * 1000.0).round() as u64);
    let measures = ResultExtensions {
        calls_handled: Some(s.calls_handled),
        calls_passed: Some(s.calls_passed),
        first_contact_resolution: Some(s.first_contact_resolution),
        repeat_calls: Some(s.repeat_calls),
        promises_made: Some(s.promises_made),
        promises_kept: Some(s.promises_kept),
        average_handle_s: Some(s.average_handle_s),
        longest_wait_s: Some(s.longest_wait_s),
        service_level: Some(s.service_level),
        abandoned: Some(s.abandoned),
        peak_strain: Some(s.peak_strain),
        most_broken_rule: s.most_broken.as_ref().map(|m| m.rule.clone()),
        finished: Some(record.finished.clone()),
        ..Default::default()
    };
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
    let out = vec![
        Statement {
            actor: Some(actor.clone()),
            verb: Some(verb(VERB_COMPLETED, "completed")),
            object: Some(shift.clone()),
            result: Some(StatementResult {
                completion: Some(true),
                duration: Some(duration.clone()),
                ..Default::default()
            }),
            context: Some(context.clone()),
            timestamp: Some(timestamp(finished)),
            ..Default::default()
        },
        Statement {
            actor: Some(actor),
            verb: Some(verb(verb_id, word)),
            object: Some(shift),
            result: Some(StatementResult {
                score: Some(Score {
                    scaled: Some(scaled),
                    ..Default::default()
                }),
                success: Some(s.passed),
                completion: Some(true),
                duration: Some(duration),
                extensions: Some(measures),
                ..Default::default()
            }),
            context: Some(context),
            timestamp: Some(timestamp(finished)),
            ..Default::default()
        },
    ];
    with_ids(out, record.id)
}

/// The moments a rule was broken, as the trainer report counts them: the beat, the
/// exchange (1 for the first beat played, counted from the transcript's beat starts), the
/// English note and, when the file has it, the typed note. A moment that does not read is
/// passed over.
fn broken_moments(rule: &RecordedRule, beat_starts: &[Millis]) -> Vec<BrokenEntry> {
    rule.read_moments()
        .filter_map(Result::ok)
        .filter(|m| m.verdict == Verdict::Broken)
        .map(|m| BrokenEntry {
            exchange: exchange_at(m.at, beat_starts),
            what: m.what(),
            beat: m.beat,
            note: m.note,
        })
        .collect()
}

/// One reply as an activity of its own, under the case.
fn reply_activity(case_id: &str, language: &str, n: usize, choice: &RecordedChoice) -> Activity {
    Activity {
        definition: Some(ActivityDefinition {
            name: words(language, &format!("Reply {} ({})", n + 1, choice.beat)),
            description: words(language, &choice.text),
            kind: Some(REPLY_ACTIVITY_TYPE.into()),
            interaction_type: Some("choice".into()),
            extensions: None,
        }),
        ..activity(format!(
            "{}/beats/{}/replies/{}",
            case_activity_id(case_id),
            iri_segment(&choice.beat),
            choice.reply + 1
        ))
    }
}

/// RFC 3339, UTC, milliseconds.
fn timestamp(at: Timestamp) -> String {
    stamp::to_millis(at)
}

/// `ms` milliseconds after `at` (before, when negative); `at` itself past the calendar's end.
fn later(at: Timestamp, ms: i64) -> Timestamp {
    at.checked_add(SignedDuration::from_millis(ms))
        .unwrap_or(at)
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
    fn a_reply_timing_is_written_as_the_session_file_writes_it() {
        use crate::engine::ReplyTiming;
        for timing in [
            ReplyTiming::Interrupting,
            ReplyTiming::InThePause,
            ReplyTiming::Prompt,
            ReplyTiming::Slow,
            ReplyTiming::Late,
        ] {
            assert_eq!(serde_json::to_value(timing).unwrap(), timing.keyword());
        }
    }

    #[test]
    fn statement_ids_are_stable_and_distinct() {
        let session = Uuid::new_v4();
        assert_eq!(statement_id(session, 3), statement_id(session, 3));
        assert_ne!(statement_id(session, 3), statement_id(session, 4));
        assert_eq!(statement_id(session, 0).get_version_num(), 5);
    }
}
