//! The session file format: version 2 written and read back whole, version 1 files (as
//! the game wrote them before) still read, a scenario edited after the call detected, and
//! newer, damaged or foreign files refused with the reason.

mod common;

use std::fs;
use std::path::Path;

use htl_core::engine::script::{self, parse};
use htl_core::guidance::Catalogue;
use htl_core::i18n::Lang;
use htl_core::profile::{
    SESSION_FORMAT, SESSION_SCHEMA, SessionContext, SessionFile, SessionFileError, Store,
};
use htl_core::scenario::{load_file, load_paths};
use htl_core::vocab::{Verdict, Voice};

fn v1_fixture() -> std::path::PathBuf {
    common::root().join("core/tests/data/session-v1.json")
}

#[test]
fn a_version_1_file_still_loads_with_choices_from_its_transcript() {
    let session = SessionFile::read(&v1_fixture()).unwrap();
    assert_eq!(session.schema, 1);
    assert_eq!(session.format, None);
    assert_eq!(session.id, None);
    assert_eq!(session.case, None);
    assert_eq!(session.started, None);
    assert_eq!(session.profile, "Noor");
    assert_eq!(session.scenario, "missing_parcel");
    assert_eq!(session.finished, "2026-11-22T15:30:00Z");
    assert_eq!(session.seed, 5);
    assert!(!session.score.passed);
    assert_eq!(session.score.ending.as_deref(), Some("hung_up"));
    let vent = session
        .score
        .rules
        .iter()
        .find(|r| r.rule == "let_them_vent")
        .unwrap();
    assert_eq!((vent.followed, vent.broken), (0, 1));
    // Derived from the transcript: the two replies, with their verdicts.
    assert_eq!(session.choices.len(), 2);
    let second = &session.choices[1];
    assert_eq!(second.beat, "vent");
    assert_eq!(second.voice, Voice::Firm);
    assert_eq!(second.at_ms, 11_603);
    assert!(
        second
            .verdicts
            .iter()
            .any(|v| v.rule == "let_them_vent" && v.verdict == Verdict::Broken)
    );
    assert_eq!(session.duration_ms, Some(11_603));
}

#[test]
fn version_2_is_written_and_read_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenario = library.get("missing_parcel").unwrap();
    let (call, _) = script::run(
        scenario,
        &catalogue,
        9,
        &parse("1, 1:soft, 1, 1, 1").unwrap(),
    );
    let (mut profile, _) = store.open("Ari").unwrap();
    let context = SessionContext {
        started: None,
        ui_language: Some(Lang::He),
        shift: None,
    };
    let (path, written) = store
        .record_session_with(&mut profile, &call, &context)
        .unwrap();
    let read = SessionFile::read(&path).unwrap();
    assert_eq!(read, written);
    // Read and written again, nothing changes.
    assert_eq!(
        SessionFile::from_json(&read.to_json(), &path).unwrap(),
        read
    );

    assert_eq!(read.format.as_deref(), Some(SESSION_FORMAT));
    assert_eq!(read.schema, SESSION_SCHEMA);
    assert!(read.id.is_some());
    assert!(read.started.is_some());
    assert_eq!(read.ui_language, Some(Lang::He));
    let case = read.case.as_ref().unwrap();
    assert_eq!(case.id, "missing_parcel");
    assert_eq!(case.tier, scenario.tier);
    assert_eq!(case.language, "en");
    assert!(case.hash.as_ref().unwrap().starts_with("sha256:"));
    assert_eq!(case.hash.as_ref().unwrap().len(), 7 + 64);
    assert_eq!(read.same_scenario_file(scenario), Some(true));
    // Every choice, with its timing and voice, as the engine saw it.
    assert_eq!(read.choices.len(), call.choices().len());
    for (saved, made) in read.choices.iter().zip(call.choices()) {
        assert_eq!(saved.at_ms, u64::from(made.at));
        assert_eq!(saved.reply, made.reply);
        assert_eq!(saved.voice, made.voice);
        assert_eq!(saved.timing, made.timing);
        assert_eq!(saved.beat, scenario.beats[made.beat].id);
    }
    assert!(
        read.choices[1]
            .verdicts
            .iter()
            .any(|v| v.rule == "lower_your_voice")
    );
    assert_eq!(read.score.total, call.score().total);
    assert!(read.duration_ms.unwrap() > 0);

    // Version 1's fields are where they were, in the same shape, for older readers.
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let v1: serde_json::Value = serde_json::from_slice(&fs::read(v1_fixture()).unwrap()).unwrap();
    for field in [
        "profile",
        "scenario",
        "title",
        "finished",
        "seed",
        "score",
        "transcript",
    ] {
        assert_eq!(
            kind(&json[field]),
            kind(&v1[field]),
            "{field} changed shape"
        );
    }
    for field in ["total", "passed", "grade", "rules", "pass_mark", "ending"] {
        assert_eq!(
            kind(&json["score"][field]),
            kind(&v1["score"][field]),
            "{field}"
        );
    }
    let rule = &json["score"]["rules"][0];
    for field in ["rule", "followed", "broken", "moments"] {
        assert_eq!(
            kind(&rule[field]),
            kind(&v1["score"]["rules"][0][field]),
            "{field}"
        );
    }
    assert_eq!(json["transcript"][0]["type"], "beat_started");
    assert_eq!(profile.sessions.last().unwrap().score, call.score().total);
}

/// A value's JSON kind, to compare shapes.
fn kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "bool",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

#[test]
fn a_scenario_edited_after_the_call_is_detected_and_the_session_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = Catalogue::builtin();
    let file = dir.path().join("missing_parcel.ron");
    fs::copy(common::scenarios_dir().join("t1_missing_parcel.ron"), &file).unwrap();
    let scenario = load_file(&file, &catalogue).scenario.unwrap();
    let (call, _) = script::run(&scenario, &catalogue, 3, &parse("1, 1:soft").unwrap());
    let store = Store::new(dir.path());
    let (mut profile, _) = store.open("Lea").unwrap();
    let path = store.record_session(&mut profile, &call).unwrap();

    // The trainer rewords the case afterwards.
    let edited =
        fs::read_to_string(&file)
            .unwrap()
            .replacen("title:", "// reworded\n    title:", 1);
    fs::write(&file, edited).unwrap();
    let reloaded = load_file(&file, &catalogue).scenario.unwrap();
    let session = SessionFile::read(&path).unwrap();
    assert_eq!(session.same_scenario_file(&scenario), Some(true));
    assert_eq!(session.same_scenario_file(&reloaded), Some(false));
    assert_ne!(
        session.case.as_ref().unwrap().hash,
        reloaded.source_hash,
        "the hash names the version played"
    );
    // What the report needs is in the file, not in the scenario.
    assert_eq!(session.title, scenario.title);
    assert_eq!(session.choices.len(), call.choices().len());
}

fn read_text(text: &str) -> Result<SessionFile, SessionFileError> {
    SessionFile::from_json(text.as_bytes(), Path::new("s.json"))
}

#[test]
fn newer_damaged_and_foreign_files_are_refused_with_the_reason() {
    let v2 = {
        let mut json: serde_json::Value =
            serde_json::from_slice(&fs::read(v1_fixture()).unwrap()).unwrap();
        json["format"] = SESSION_FORMAT.into();
        json["schema"] = 3.into();
        json.to_string()
    };
    let err = read_text(&v2).unwrap_err();
    assert!(matches!(err, SessionFileError::TooNew { schema: 3, .. }));
    assert!(err.to_string().contains("newer version"), "{err}");

    let whole = fs::read_to_string(v1_fixture()).unwrap();
    let err = read_text(&whole[..whole.len() / 2]).unwrap_err();
    assert!(matches!(err, SessionFileError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("ends too early"), "{err}");

    let err = read_text(&whole.replace("\"seed\": 5", "\"seed\": \"five\"")).unwrap_err();
    assert!(matches!(err, SessionFileError::Damaged { .. }), "{err}");
    assert!(
        err.to_string().contains("seed") || err.to_string().contains("u64"),
        "{err}"
    );

    for foreign in [
        r#"{"format": "something-else", "schema": 1}"#,
        r#"{"name": "Noor", "created": "2026-01-01"}"#,
        "[1, 2, 3]",
    ] {
        let err = read_text(foreign).unwrap_err();
        assert!(
            matches!(err, SessionFileError::Foreign { .. }),
            "{foreign}: {err}"
        );
        assert!(err.to_string().contains("not a Hold the Line session file"));
    }
    let err = SessionFile::read(Path::new("/nonexistent/s.json")).unwrap_err();
    assert!(matches!(err, SessionFileError::Io { .. }));
}
