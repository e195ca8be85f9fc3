//! The xAPI statements the game sends, built from calls played through the real engine,
//! checked against an xAPI 1.0.3 statement schema (`tests/data/xapi-statement.schema.json`,
//! written from the spec) and the relations a schema cannot state. An LRS like ralph does
//! not check scores, so this is where a bad one is caught.

mod common;

use std::collections::HashSet;

use htl_core::lrs::statements::{
    self, VERB_ANSWERED, VERB_ATTEMPTED, VERB_FAILED, VERB_PASSED, session_id,
};
use htl_core::lrs::{DEFAULT_HOME_PAGE, Outbox, enqueue_with};
use htl_core::profile::SessionFile;
use serde_json::{Value, json};

fn validator() -> jsonschema::Validator {
    let path = common::root().join("core/tests/data/xapi-statement.schema.json");
    let schema: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

/// Every problem with a statement: the schema's, then the score's relations.
fn problems(validator: &jsonschema::Validator, statement: &Value) -> Vec<String> {
    let mut found: Vec<String> = validator
        .iter_errors(statement)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    if let Some(score) = statement.pointer("/result/score") {
        let n = |key: &str| score.get(key).and_then(Value::as_f64);
        if let (Some(min), Some(max)) = (n("min"), n("max"))
            && min >= max
        {
            found.push(format!("score min {min} is not below max {max}"));
        }
        if let Some(raw) = n("raw")
            && (n("min").is_some_and(|min| raw < min) || n("max").is_some_and(|max| raw > max))
        {
            found.push(format!("score raw {raw} is outside min..max"));
        }
    }
    found
}

/// Calls through the real engine, passed and failed, interrupted and shouted at, in the
/// three languages.
fn played_sessions(dir: &std::path::Path) -> Vec<SessionFile> {
    [
        ("Noor", "missing_parcel", "1, 1:soft, 1, 1, 1", 5),
        ("Noor", "missing_parcel", "2, 2@interrupt:firm", 7),
        ("Sam", "match_outage", "1@late, 2:firm, 1, 1, 1, 1", 2),
        ("نور", "ar_no_callback", "1, 1:soft, 1, 1, 1, 1", 3),
        ("נועה", "he_technician_no_show", "1:soft, 2, 1, 1, 1", 4),
        ("Ari", "abusive_caller", "3@interrupt, 1, 1, 1", 1),
    ]
    .iter()
    .map(|(name, case, steps, seed)| common::play_and_record(dir, name, case, steps, *seed))
    .collect()
}

#[test]
fn every_statement_from_real_calls_is_valid_xapi() {
    let dir = tempfile::tempdir().unwrap();
    let validator = validator();
    let mut sessions = played_sessions(dir.path());
    // A version 1 file, as older versions of the game saved it, makes valid statements too.
    sessions
        .push(SessionFile::read(&common::root().join("core/tests/data/session-v1.json")).unwrap());
    let mut ids = HashSet::new();
    for session in &sessions {
        let made = statements::statements(session, DEFAULT_HOME_PAGE);
        for statement in &made {
            let found = problems(&validator, statement);
            assert!(
                found.is_empty(),
                "{}: {found:#?}\n{statement:#}",
                session.scenario
            );
            assert!(
                ids.insert(statement["id"].as_str().unwrap().to_string()),
                "ids are unique"
            );
        }
    }
}

#[test]
fn statements_tell_the_call_attempted_answered_and_passed_or_failed() {
    let dir = tempfile::tempdir().unwrap();
    for session in played_sessions(dir.path()) {
        let made = statements::statements(&session, "https://lms.example.org");
        let verbs: Vec<&str> = made
            .iter()
            .map(|s| s["verb"]["id"].as_str().unwrap())
            .collect();
        assert_eq!(verbs[0], VERB_ATTEMPTED);
        assert_eq!(made.len(), session.choices.len() + 2);
        assert!(
            verbs[1..verbs.len() - 1]
                .iter()
                .all(|v| *v == VERB_ANSWERED)
        );
        let last = made.last().unwrap();
        let score = &session.score;
        assert_eq!(
            verbs.last().copied().unwrap(),
            if score.passed {
                VERB_PASSED
            } else {
                VERB_FAILED
            }
        );
        assert_eq!(
            last["result"]["score"]["scaled"].as_f64().unwrap(),
            f64::from(score.total) / 100.0
        );
        assert_eq!(last["result"]["score"]["raw"], json!(score.total));
        assert_eq!(last["result"]["success"], json!(score.passed));
        assert_eq!(last["result"]["completion"], json!(true));
        let case = session.case.as_ref().unwrap();
        let ext = |name: &str| format!("{}{name}", statements::EXTENSION_BASE);
        let definition = &last["object"]["definition"];
        assert_eq!(definition["extensions"][ext("tier")], json!(case.tier));
        assert_eq!(
            definition["extensions"][ext("language")],
            json!(case.language)
        );
        assert_eq!(
            definition["extensions"][ext("scenario-hash")],
            json!(case.hash.as_ref().unwrap())
        );
        assert_eq!(
            definition["name"][case.language.as_str()],
            json!(case.title)
        );
        for statement in &made {
            assert_eq!(
                statement["actor"]["account"]["name"],
                json!(session.profile)
            );
            assert_eq!(
                statement["actor"]["account"]["homePage"],
                "https://lms.example.org"
            );
            assert_eq!(
                statement["context"]["registration"],
                json!(session_id(&session).to_string())
            );
        }
        // Each answer carries its verdicts, timing and voice.
        for (statement, choice) in made[1..].iter().zip(&session.choices) {
            let extensions = &statement["result"]["extensions"];
            assert_eq!(
                extensions[ext("verdicts")].as_array().unwrap().len(),
                choice.verdicts.len()
            );
            assert_eq!(extensions[ext("voice")], json!(choice.voice.label()));
            assert_eq!(extensions[ext("timing")], json!(choice.timing));
            assert_eq!(statement["result"]["response"], json!(choice.text));
        }
        // The same session makes the same ids, every time: a resend is recognised.
        let again = statements::statements(&session, "https://lms.example.org");
        assert_eq!(
            made.iter().map(|s| &s["id"]).collect::<Vec<_>>(),
            again.iter().map(|s| &s["id"]).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_checks_catch_what_an_lrs_would_let_through() {
    let dir = tempfile::tempdir().unwrap();
    let validator = validator();
    let session = common::play_and_record(dir.path(), "Noor", "missing_parcel", "1, 1, 1", 1);
    let good = statements::statements(&session, DEFAULT_HOME_PAGE)
        .pop()
        .unwrap();
    assert!(problems(&validator, &good).is_empty());
    let broken = |pointer: &str, value: Value| {
        let mut statement = good.clone();
        *statement.pointer_mut(pointer).unwrap() = value;
        problems(&validator, &statement)
    };
    for (pointer, value) in [
        ("/result/score/scaled", json!(1.5)),
        ("/result/score/scaled", json!(-2)),
        ("/result/score/raw", json!(150)),
        ("/result/score/min", json!(100)),
        ("/result/duration", json!("83.5 seconds")),
        ("/result/duration", json!("PT")),
        ("/id", json!("not-a-uuid")),
        ("/context/registration", json!("1234")),
        ("/verb/id", json!("answered")),
        ("/timestamp", json!("yesterday")),
        ("/actor/account/homePage", json!("hold-the-line")),
        ("/object/definition/extensions", json!({ "tier": 1 })),
    ] {
        assert!(
            !broken(pointer, value.clone()).is_empty(),
            "{pointer} = {value} passed"
        );
    }
}

#[test]
fn enqueueing_a_session_twice_queues_its_statements_once() {
    let dir = tempfile::tempdir().unwrap();
    let config = htl_core::lrs::LrsConfig::new("http://127.0.0.1:9/xAPI/", "k", "s").unwrap();
    let session = common::play_and_record(dir.path(), "Noor", "missing_parcel", "1, 1, 1", 1);
    let count = statements::statements(&session, DEFAULT_HOME_PAGE).len();
    assert_eq!(enqueue_with(dir.path(), &session, &config).unwrap(), count);
    assert_eq!(enqueue_with(dir.path(), &session, &config).unwrap(), 0);
    assert_eq!(Outbox::new(dir.path()).entries().unwrap().len(), count);
}
