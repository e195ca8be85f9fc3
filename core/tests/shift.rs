//! Shift mode through the real engine: the shipped shifts played by every built-in trainee,
//! the queue's wait and a missed promise moving a customer's opening meters (with their
//! reasons in the call's log), and `check` pointing at a broken shift file's line and column.

mod common;

use std::path::Path;
use std::sync::Arc;

use htl_core::cli::{EXIT_OK, EXIT_PROBLEMS, run_args};
use htl_core::engine::{Call, Event};
use htl_core::guidance::Catalogue;
use htl_core::scenario::{Library, load_paths};
use htl_core::shift::{
    AfterCall, CallKind, Next, ShiftRun, ShiftTrainee, check_text, load_shifts, play_shift,
    shift_files,
};
use htl_core::vocab::{EndingKind, Note};

fn library(catalogue: &Catalogue) -> Library {
    load_paths(&[common::scenarios_dir()], catalogue).unwrap()
}

fn shipped(catalogue: &Catalogue, library: &Library) -> Vec<Arc<htl_core::shift::Shift>> {
    let loaded = load_shifts(&[common::scenarios_dir()], library, catalogue);
    for l in &loaded {
        assert!(
            l.report.diagnostics.is_empty(),
            "{}",
            l.report.render(false)
        );
    }
    loaded
        .into_iter()
        .map(|l| Arc::new(l.shift.unwrap()))
        .collect()
}

#[test]
fn a_shift_ships_in_each_language_with_a_follow_up_and_a_call_back() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    let shifts = shipped(&catalogue, &library);
    for lang in ["en", "ar", "he"] {
        let shift = shifts
            .iter()
            .find(|s| s.language == lang)
            .unwrap_or_else(|| panic!("no {lang} shift"));
        assert!(
            shift
                .follow_ups
                .iter()
                .any(|f| f.follow_up.is_some() && f.call_back.is_some()),
            "{}: a follow-up and a call-back path",
            shift.id
        );
    }
}

#[test]
fn the_guidance_trainee_passes_every_shipped_shift_with_no_repeat_call() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    for shift in shipped(&catalogue, &library) {
        for seed in [1, 2, 3] {
            let played = play_shift(
                shift.clone(),
                &library,
                &catalogue,
                ShiftTrainee::Guidance,
                seed,
            );
            let s = &played.summary;
            assert!(s.passed, "{} seed {seed}: {:?}", shift.id, s.shortfalls);
            assert_eq!(s.repeat_calls, 0, "{}", shift.id);
            assert_eq!(s.first_contact_resolution, 1.0);
            assert!(
                s.promises_made >= 1 && s.promises_kept == s.promises_made,
                "{}",
                shift.id
            );
            // The promise was kept by playing its follow-up case, calm.
            let kept = played
                .run
                .calls()
                .iter()
                .find(|c| c.kind == CallKind::FollowUp)
                .expect("a follow-up call");
            assert!(kept.passed);
            assert!(s.calls_handled >= 5);
        }
    }
}

#[test]
fn a_forgotten_promise_brings_the_customer_back_angrier_than_they_left() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    let policy = &catalogue.scoring.shift;
    for shift in shipped(&catalogue, &library) {
        let played = play_shift(
            shift.clone(),
            &library,
            &catalogue,
            ShiftTrainee::Forgetful,
            1,
        );
        let s = &played.summary;
        assert!(!s.passed, "{}", shift.id);
        assert!(s.repeat_calls >= 1, "{}", shift.id);
        assert_eq!(s.promises_kept, 0);
        assert!(s.first_contact_resolution < 1.0);
        let calls = played.run.calls();
        let again = calls
            .iter()
            .find(|c| c.kind == CallKind::CallBack)
            .expect("the customer called again");
        let first = &calls[again.callback_of.unwrap()];
        assert_eq!(first.ending, Some(EndingKind::CallBack));
        // State carries: they start from how the first call left them, plus the missed
        // promise (and any wait), not from the case's own opening.
        // (A customer starts short of their limit, however angry: see `within_reach`.)
        let limit = library.get(&again.case).unwrap().customer.temperament.limit;
        let floor = (first.closing.anger + policy.missed_promise.anger).min(limit - 10);
        assert!(
            again.opening.anger >= floor,
            "{}: {} < {floor}",
            shift.id,
            again.opening.anger
        );
        assert!(again.opening.trust <= (first.closing.trust + policy.missed_promise.trust).max(0));
    }
}

#[test]
fn no_trainee_gaming_a_shift_passes_it() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    for shift in shipped(&catalogue, &library) {
        for trainee in [
            ShiftTrainee::Rude,
            ShiftTrainee::Slow,
            ShiftTrainee::Firm,
            ShiftTrainee::Forgetful,
        ] {
            let played = play_shift(shift.clone(), &library, &catalogue, trainee, 1);
            assert!(
                !played.summary.passed,
                "{} passes {}",
                trainee.label(),
                shift.id
            );
            assert!(!played.summary.shortfalls.is_empty());
        }
        // The slow trainee makes callers wait: handle time up, service level down.
        let slow = play_shift(shift.clone(), &library, &catalogue, ShiftTrainee::Slow, 1);
        let guide = play_shift(
            shift.clone(),
            &library,
            &catalogue,
            ShiftTrainee::Guidance,
            1,
        );
        let waited = |p: &htl_core::shift::PlayedShift| -> u32 {
            p.run.calls().iter().map(|c| c.waited).sum()
        };
        assert!(slow.summary.average_handle_s > guide.summary.average_handle_s);
        assert!(waited(&slow) > waited(&guide), "{}", shift.id);
        assert!(
            slow.summary.service_level <= guide.summary.service_level,
            "{}",
            shift.id
        );
    }
}

#[test]
fn a_shift_replays_exactly_on_its_seed() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    let shift = shipped(&catalogue, &library).remove(0);
    let a = play_shift(
        shift.clone(),
        &library,
        &catalogue,
        ShiftTrainee::Guidance,
        7,
    )
    .summary;
    let b = play_shift(shift, &library, &catalogue, ShiftTrainee::Guidance, 7).summary;
    assert_eq!(a, b);
}

/// Drives a run by hand as the game does: a caller left waiting starts angrier, and the
/// call's log says why.
#[test]
fn a_caller_who_waited_starts_angrier_and_the_meters_say_why() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    let shift = shipped(&catalogue, &library)
        .into_iter()
        .find(|s| s.language == "en")
        .unwrap();
    let mut run = ShiftRun::new(
        shift.clone(),
        &library.scenarios,
        &catalogue.scoring.shift,
        1,
    );
    assert_eq!(run.next(), Next::Caller);
    // Nobody is answered for twelve minutes: callers queue up.
    let last = 12 * 60_000;
    run.wait_until(last);
    assert!(run.queue_len() >= 3);
    assert_eq!(run.longest_wait(), last);
    let answered = run.answer().unwrap();
    let own = library.get(&answered.scenario.id).unwrap().customer.meters;
    let moved = catalogue.scoring.shift.wait.most.anger;
    assert_eq!(
        answered.scenario.customer.meters.anger,
        (own.anger + moved).min(100)
    );
    assert!(matches!(answered.opening[..], [(_, Note::Waited { minutes })] if minutes == 12));
    let mut call = Call::new(answered.scenario.clone(), Arc::new(catalogue.clone()), 1);
    call.note_opening(&answered.opening);
    let reason = call.events().iter().find_map(|e| match e {
        Event::Meter {
            at: 0,
            reason,
            delta,
            ..
        } => Some((reason.text.clone(), *delta)),
        _ => None,
    });
    let (text, delta) = reason.expect("the wait is in the meters' reasons");
    assert!(
        text.contains("waited") && text.contains("minutes"),
        "{text}"
    );
    assert_eq!(delta, answered.scenario.customer.meters.anger - own.anger);
    // Callers past the abandon limit have hung up in the queue.
    run.wait_until(last + catalogue.scoring.shift.abandon_after_s * 1000);
    assert!(!run.abandoned().is_empty());
}

/// Skipping after-call work is allowed, but a promise not written down is not in the
/// queue: it is missed, and the customer calls again.
#[test]
fn a_promise_not_written_down_is_never_in_the_queue() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    let shift = shipped(&catalogue, &library)
        .into_iter()
        .find(|s| s.language == "he")
        .unwrap();
    let played = play_shift(
        shift.clone(),
        &library,
        &catalogue,
        ShiftTrainee::Guidance,
        1,
    );
    let promising = played
        .run
        .calls()
        .iter()
        .position(|c| c.ending == Some(EndingKind::CallBack))
        .unwrap();
    // Replay by hand up to that call, then skip its after-call work.
    let mut run = ShiftRun::new(shift, &library.scenarios, &catalogue.scoring.shift, 1);
    let shared = Arc::new(catalogue.clone());
    let mut handled = 0;
    loop {
        match run.next() {
            Next::Over => break,
            Next::Idle(at) => run.wait_until(at),
            Next::Break => run.take_break(),
            Next::Promise(_) => panic!("a promise not written down is not a task"),
            Next::Caller => {
                let answered = run.answer().unwrap();
                let path = htl_core::explore::explore(&answered.scenario, &catalogue, 1)
                    .best
                    .unwrap();
                let mut call = Call::new(answered.scenario.clone(), shared.clone(), 1);
                for step in &path.steps {
                    htl_core::engine::script::perform(&mut call, *step).unwrap();
                }
                htl_core::engine::script::finish_reply(&mut call);
                run.end_call(&call);
                let skip = handled == promising;
                run.after_call(AfterCall {
                    took: 30_000,
                    skipped: skip,
                    noted_ending: None,
                    promise_due: (!skip && call.score().outcome == Some(EndingKind::CallBack))
                        .then(|| run.now() + 600_000),
                });
                handled += 1;
                if skip {
                    assert_eq!(run.open_tasks().count(), 0);
                }
            }
        }
    }
    let calls = run.calls();
    assert!(calls[promising].after_call_skipped);
    assert!(
        calls
            .iter()
            .any(|c| c.kind == CallKind::CallBack && c.callback_of == Some(promising))
    );
    assert!(run.promises()[0].missed && !run.promises()[0].recorded);
}

fn check(text: &str, library: &Library, catalogue: &Catalogue) -> Vec<(String, usize, usize)> {
    let loaded = check_text(
        Path::new("t.shift.ron"),
        text.to_string(),
        library,
        catalogue,
    );
    loaded
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let at = loaded.report.line_col(d);
            (d.code.as_str().to_string(), at.line, at.column)
        })
        .collect()
}

const BASE: &str = r#"Shift(
    id: "t",
    title: "T",
    language: "en",
    tier: 2,
    starts_at: "09:00",
    minutes: 20,
    callers: [
        Case("long_hold"),
        CALLER
    ],
    follow_ups: [FOLLOW],
)"#;

#[test]
fn check_points_at_what_is_wrong_in_a_shift() {
    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    let shift =
        |caller: &str, follow: &str| BASE.replace("CALLER", caller).replace("FOLLOW", follow);
    assert_eq!(
        check(&shift("Case(\"double_charge\"),", ""), &library, &catalogue),
        []
    );
    // An unknown case, on its line and column.
    assert_eq!(
        check(&shift("Case(\"dubble_charge\"),", ""), &library, &catalogue),
        [("unknown-scenario".into(), 10, 9)]
    );
    // A case in another language.
    assert_eq!(
        check(
            &shift("Case(\"he_technician_no_show\"),", ""),
            &library,
            &catalogue
        )[0]
        .0,
        "other-language"
    );
    // A pool nothing matches.
    assert_eq!(
        check(
            &shift("Pool(tier: 1, lesson: \"supervisor_request\"),", ""),
            &library,
            &catalogue
        ),
        [("empty-pool".into(), 10, 9)]
    );
    // A case that can end in a promise, with no follow-up for it.
    assert_eq!(
        check(&shift("Case(\"match_outage\"),", ""), &library, &catalogue)[0].0,
        "no-follow-up"
    );
    // Follow-ups that lead back to the first case.
    let looping = "(case: \"match_outage\", follow_up: \"match_outage_follow_up\", call_back: \"match_outage_call_back\"), (case: \"match_outage_call_back\", call_back: \"match_outage\")";
    let found = check(
        &shift("Case(\"match_outage\"),", looping),
        &library,
        &catalogue,
    );
    assert!(
        found.iter().any(|(code, ..)| code == "follow-up-loop"),
        "{found:?}"
    );
    // A clock that is not HH:MM, and a syntax error, each at its place.
    let odd = shift("", "").replace("\"09:00\"", "\"9 am\"");
    assert_eq!(
        check(&odd, &library, &catalogue),
        [("odd-time".into(), 6, 16)]
    );
    let typo = shift("", "").replace("minutes: 20", "minuets: 20");
    assert_eq!(check(&typo, &library, &catalogue)[0].0, "syntax");
}

#[test]
fn check_and_shift_commands_read_the_shipped_shifts() {
    let dir = common::scenarios_dir();
    let files = shift_files(&[dir.clone()]);
    assert_eq!(files.len(), 3);
    let mut out = Vec::new();
    let code = run_args(
        ["hold-the-line", "check", dir.to_str().unwrap()],
        &mut out,
        &mut Vec::new(),
    );
    let text = String::from_utf8(out).unwrap();
    assert_eq!(code, EXIT_OK, "{text}");
    // The cases and the three shifts; none of the shifts is read as a case.
    let cases = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ron")
        })
        .count();
    assert!(
        text.contains(&format!("checked {} files", cases + 3)),
        "{text}"
    );

    let mut out = Vec::new();
    let code = run_args(
        [
            "hold-the-line",
            "--scenarios",
            dir.to_str().unwrap(),
            "shift",
            "he_tuesday_late_morning",
            "--trainee",
            "forgetful",
            "--json",
        ],
        &mut out,
        &mut Vec::new(),
    );
    assert_eq!(code, EXIT_OK);
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let summary = &json["summary"];
    for key in [
        "calls_handled",
        "first_contact_resolution",
        "repeat_calls",
        "promises_made",
        "promises_kept",
        "average_handle_s",
        "longest_wait_s",
        "passed",
    ] {
        assert!(!summary[key].is_null(), "summary.{key}");
    }
    assert_eq!(summary["passed"], false);
    let calls = json["calls"].as_array().unwrap();
    let again = calls
        .iter()
        .find(|c| !c["callback_of"].is_null())
        .expect("a call-back");
    let of = again["callback_of"].as_u64().unwrap() as usize;
    assert_eq!(calls[of]["case"], "he_call_you_back");
    for c in calls {
        for key in ["case", "score", "passed", "waited_s", "handle_s"] {
            assert!(!c[key].is_null(), "calls[].{key}");
        }
    }

    // A shift with an error is refused with its diagnostics.
    let broken = tempfile::tempdir().unwrap();
    let file = broken.path().join("bad.shift.ron");
    std::fs::write(
        &file,
        BASE.replace("CALLER", "Case(\"nope\"),")
            .replace("FOLLOW", ""),
    )
    .unwrap();
    let mut err = Vec::new();
    let code = run_args(
        [
            "hold-the-line",
            "--scenarios",
            dir.to_str().unwrap(),
            "shift",
            file.to_str().unwrap(),
        ],
        &mut Vec::new(),
        &mut err,
    );
    assert_eq!(code, EXIT_PROBLEMS);
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("bad.shift.ron:10:9") && err.contains("unknown-scenario"),
        "{err}"
    );
}

/// A shift saved as the game saves it: its record and a profile line; the trainer report
/// shows it in its Shifts section and `shifts.csv`, and the LRS gets statements that close
/// it, while each of its calls names the shift as its parent.
#[test]
fn a_saved_shift_reaches_the_report_and_the_learning_record_store() {
    use htl_core::profile::{SessionContext, SessionFile, Store};
    use htl_core::shift::{ShiftLog, ShiftRecord, save_shift};

    let catalogue = Catalogue::builtin();
    let library = library(&catalogue);
    let shift = shipped(&catalogue, &library)
        .into_iter()
        .find(|s| s.language == "en")
        .unwrap();
    let played = play_shift(shift, &library, &catalogue, ShiftTrainee::Guidance, 1);
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    let (mut profile, _) = store.open("Dana").unwrap();
    // One of its calls saved as the game saves it, with its place in the shift.
    let log = ShiftLog::start();
    let case = library.get("long_hold").unwrap();
    let path = htl_core::explore::explore(case, &catalogue, 1)
        .best
        .unwrap();
    let (call, _) = htl_core::engine::script::run(case, &catalogue, 1, &path.steps);
    let place = htl_core::profile::ShiftPlace {
        run: log.id,
        shift: "en_saturday_evening".into(),
        position: 0,
        kind: "first".into(),
        callback_of: None,
    };
    let context = SessionContext {
        shift: Some(place),
        ..SessionContext::default()
    };
    let (_, session) = store
        .record_session_with(&mut profile, &call, &context)
        .unwrap();
    let record = ShiftRecord::of(&played.run, &log, "Dana");
    let saved = save_shift(&store, &mut profile, &record).unwrap();
    assert_eq!(ShiftRecord::read(&saved).unwrap(), record);
    assert_eq!(store.open("Dana").unwrap().0.shifts.len(), 1);

    // A session whose name has "-shift-" in it (a case id may) is still read as a call.
    let session_path = store.dir().join(&profile.sessions[0].file);
    let renamed = session_path.with_file_name("20261207T000000-night-shift-cover.json");
    std::fs::copy(&session_path, &renamed).unwrap();

    // The report: a Shifts section and shifts.csv, and the record is not a "skipped file".
    let out = data.path().join("report");
    let mut err = Vec::new();
    let code = run_args(
        [
            "hold-the-line",
            "--data-dir",
            data.path().to_str().unwrap(),
            "--scenarios",
            common::scenarios_dir().to_str().unwrap(),
            "report",
            "--out",
            out.to_str().unwrap(),
        ],
        &mut Vec::new(),
        &mut err,
    );
    assert_eq!(code, EXIT_OK, "{}", String::from_utf8_lossy(&err));
    let csv = std::fs::read_to_string(out.join("shifts.csv")).unwrap();
    let row = csv.lines().nth(1).expect("a row for the shift");
    assert!(
        row.starts_with("Dana,") && row.contains("en_saturday_evening") && row.ends_with(",true"),
        "{row}"
    );
    let calls = std::fs::read_to_string(out.join("calls.csv")).unwrap();
    assert_eq!(
        calls.lines().count(),
        3,
        "both copies of the session are calls: {calls}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("<section id=\"shifts\">")
            && html.contains("Saturday evening on the helpline")
    );
    assert!(
        !html.contains("-shift-en_saturday_evening.json"),
        "the record is read, not skipped"
    );

    // xAPI: the call's statements have the shift as parent (its replies as grouping), and
    // the shift closes with completed and passed, with stable ids.
    let statements = htl_core::lrs::statements(
        &SessionFile::read(&store.dir().join(&profile.sessions[0].file)).unwrap(),
        "https://example.org",
    );
    let shift_iri = htl_core::lrs::statements::shift_activity_id("en_saturday_evening");
    assert_eq!(
        statements[0]["context"]["contextActivities"]["parent"][0]["id"],
        shift_iri.as_str()
    );
    assert_eq!(
        statements[1]["context"]["contextActivities"]["grouping"][0]["id"],
        shift_iri.as_str()
    );
    assert_eq!(session.shift.as_ref().unwrap().run, log.id);
    let closing = htl_core::lrs::shift_statements(&record, "https://example.org");
    assert_eq!(closing.len(), 2);
    assert!(
        closing[0]["verb"]["id"]
            .as_str()
            .unwrap()
            .ends_with("/completed")
    );
    assert!(
        closing[1]["verb"]["id"]
            .as_str()
            .unwrap()
            .ends_with("/passed")
    );
    assert_eq!(closing[1]["result"]["success"], true);
    assert_eq!(
        closing[1]["context"]["registration"],
        log.id.to_string().as_str()
    );
    assert_eq!(
        closing,
        htl_core::lrs::shift_statements(&record, "https://example.org")
    );
}
