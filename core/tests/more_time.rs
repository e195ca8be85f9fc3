//! More time to answer (WCAG 2.2.1): a trainee's accommodation widens the pause window and
//! the dead-air limit, and only those; every call played with it says so in its session
//! file, its xAPI statements and the trainer report (from a folder and from an LRS).

mod common;

use std::sync::Arc;

use htl_core::engine::script::{self, parse};
use htl_core::engine::{Call, OPENING_ALLOWANCE, TimeAllowance};
use htl_core::guidance::Catalogue;
use htl_core::i18n::Lang;
use htl_core::profile::{SessionContext, Store};
use htl_core::report::{self, Filter};
use htl_core::scenario::load_paths;

#[test]
fn more_time_widens_the_dead_air_limit_and_the_pause_window() {
    let catalogue = Arc::new(Catalogue::builtin());
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenario = Arc::new(library.get("missing_parcel").unwrap().clone());
    let dead_air = scenario.timing.dead_air * OPENING_ALLOWANCE;
    let broken = |call: &Call| call.score().rule("no_dead_air").unwrap().broken;

    // Silence just past the case's limit is dead air, but not with one and a half times.
    let mut standard = Call::new(scenario.clone(), catalogue.clone(), 1);
    standard.advance(dead_air + 1);
    assert_eq!(broken(&standard), 1);
    let mut more = Call::new(scenario.clone(), catalogue.clone(), 1)
        .with_time_allowance(TimeAllowance::OneAndAHalf);
    more.advance(dead_air + 1);
    assert_eq!(broken(&more), 0, "x1.5 gives the trainee more silence");
    more.advance(dead_air / 2);
    assert_eq!(broken(&more), 1, "and is still a limit");
    assert_eq!(
        more.timing().pause,
        scenario.timing.pause * OPENING_ALLOWANCE * 3 / 2
    );

    // Twice the time, and the same replies played in good time score the same: nothing
    // else about the call changes.
    let steps = parse("1, 1:soft, 1, 1, 1").unwrap();
    let (plain, _) = script::run(&scenario, &catalogue, 1, &steps);
    let mut doubled = Call::new(scenario.clone(), catalogue.clone(), 1)
        .with_time_allowance(TimeAllowance::Double);
    for step in &steps {
        script::perform(&mut doubled, *step).unwrap();
    }
    script::finish_reply(&mut doubled);
    assert_eq!(plain.score().total, doubled.score().total);
    assert_eq!(doubled.time_allowance(), TimeAllowance::Double);
}

#[test]
fn a_call_with_more_time_is_recorded_sent_and_reported() {
    let catalogue = Arc::new(Catalogue::builtin());
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenario = Arc::new(library.get("missing_parcel").unwrap().clone());
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    let (mut profile, _) = store.open("Rana").unwrap();
    let mut sent = Vec::new();
    for allowance in [TimeAllowance::Standard, TimeAllowance::OneAndAHalf] {
        let mut call =
            Call::new(scenario.clone(), catalogue.clone(), 3).with_time_allowance(allowance);
        for step in parse("1, 1:soft, 1, 1, 1").unwrap() {
            script::perform(&mut call, step).unwrap();
        }
        script::finish_reply(&mut call);
        let (path, session) = store
            .record_session_with(&mut profile, &call, &SessionContext::default())
            .unwrap();
        let json = std::fs::read_to_string(path).unwrap();
        // Written only when it was on, so older readers and files stay as they were.
        assert_eq!(
            json.contains("\"time_allowance\": \"x1.5\""),
            !allowance.is_standard()
        );
        assert_eq!(session.time_allowance, allowance);
        let statements = htl_core::lrs::statements::statements(&session, "https://example.org");
        for s in &statements {
            let sent = s
                .pointer("/context/extensions")
                .and_then(|e| e.get(&htl_core::lrs::statements::ext("time-allowance")));
            match allowance {
                TimeAllowance::Standard => assert!(sent.is_none()),
                _ => assert_eq!(sent.and_then(|v| v.as_f64()), Some(1.5)),
            }
        }
        sent.extend(statements);
    }
    // Read back from the statements, as `report --lrs` does.
    let from_lrs = report::read_statements(&sent, "http://127.0.0.1:8100/xAPI", &library.scenarios);
    let mut read_back: Vec<TimeAllowance> =
        from_lrs.calls.iter().map(|c| c.time_allowance).collect();
    read_back.sort();
    assert_eq!(
        read_back,
        vec![TimeAllowance::Standard, TimeAllowance::OneAndAHalf]
    );
    store.save(&profile).unwrap();

    let folder = report::read_data_folder(data.path(), &library.scenarios);
    let built = report::build(
        folder,
        report::Origin::File(data.path().to_path_buf()),
        &library.scenarios,
        &catalogue,
        Filter::default(),
        Lang::En,
    )
    .unwrap();
    // Both finished in the same second: their order is not the point.
    let mut allowances: Vec<TimeAllowance> = built.calls.iter().map(|c| c.time_allowance).collect();
    allowances.sort();
    assert_eq!(
        allowances,
        vec![TimeAllowance::Standard, TimeAllowance::OneAndAHalf]
    );
    let rana = &built.trainee_reports[0];
    assert_eq!(rana.more_time.get(&TimeAllowance::OneAndAHalf), Some(&1));
    let page = report::html::page(&built, &catalogue);
    // The page isolates each value's direction with U+2068/U+2069; read it without them.
    let words: String = page
        .chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect();
    assert!(
        words.contains("More time to answer (an accommodation) on one call: ×1.5 (1)"),
        "the trainer sees it"
    );
    let out = tempfile::tempdir().unwrap();
    report::write(&built, &catalogue, out.path()).unwrap();
    let calls_csv = std::fs::read_to_string(out.path().join("calls.csv")).unwrap();
    assert!(calls_csv.lines().next().unwrap().contains("time_allowance"));
    assert_eq!(calls_csv.matches(",x1.5,").count(), 1, "{calls_csv}");
}
