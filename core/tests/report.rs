//! The trainer report on a generated cohort: 30 trainees play the real library through the
//! real engine in several manners over two weeks, their sessions are recorded as the game
//! records them, and the report's figures are checked against what the test itself counted
//! while playing. Damaged and foreign files are listed as skipped, never counted.
//!
//! `HTL_DEMO_COHORT=DIR cargo test -p htl-core --test report demo_cohort` writes the cohort
//! into DIR (`.ci/run` renders its report in a browser for the README's screenshot).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use common::cohort::{Expected, Manner, generate_cohort, play, record};
use htl_core::cli::run_args;
use htl_core::guidance::Catalogue;
use htl_core::i18n::Lang;
use htl_core::profile::{Profile, Store};
use htl_core::report::SkipReason;
use htl_core::report::{self, Filter, TraineeProgress};
use htl_core::scenario::{Library, Scenario, load_paths};
use htl_core::tiers::Progression;

fn setup() -> (Library, Catalogue) {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    (library, catalogue)
}

fn cli(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut all = vec!["hold-the-line"];
    all.extend_from_slice(args);
    let code = run_args(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// A CSV file as rows, after its byte-order mark.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{} has no BOM",
        path.display()
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The English report of everything read from a data folder.
fn unfiltered(
    folder: report::DataFolder,
    data: &Path,
    library: &Library,
    catalogue: &Catalogue,
) -> report::Report {
    report::build(
        folder,
        report::Origin::File(data.to_path_buf()),
        &library.scenarios,
        catalogue,
        Filter::default(),
        Lang::En,
    )
    .unwrap()
}

#[test]
fn the_report_counts_what_the_cohort_played() {
    let (library, catalogue) = setup();
    let data = tempfile::tempdir().unwrap();
    let expected = generate_cohort(data.path(), &library, &catalogue, 30, 12);
    assert!(expected.calls > 200, "{} calls", expected.calls);

    let folder = report::read_data_folder(data.path(), &library.scenarios);
    assert!(folder.skipped.is_empty(), "{:?}", folder.skipped);
    assert_eq!(folder.calls.len(), expected.calls);
    assert_eq!(folder.trainees.len(), 30);
    let built = unfiltered(folder, data.path(), &library, &catalogue);

    // Calls per trainee, in the grid.
    for row in &built.grid {
        assert_eq!(
            Some(&row.calls),
            expected.calls_per_trainee.get(&row.trainee),
            "{}",
            row.trainee
        );
    }
    // Pass rate per case.
    assert_eq!(built.case_stats.len(), expected.per_case.len());
    for s in &built.case_stats {
        let (calls, passes) = expected.per_case[&s.case.id];
        assert_eq!((s.calls, s.passes), (calls, passes), "{}", s.case.id);
    }
    assert!(
        built.case_stats.iter().any(|s| s.passes > 0)
            && built.case_stats.iter().any(|s| s.passes < s.calls),
        "the cohort both passes and fails"
    );
    // How often each reply was chosen at each choice point.
    let mut checked = 0;
    for s in &built.case_stats {
        for beat in &s.beats {
            for r in &beat.replies {
                let key = (s.case.id.clone(), beat.beat.clone(), r.reply);
                assert_eq!(
                    r.chosen,
                    expected.replies.get(&key).copied().unwrap_or(0),
                    "{key:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50);
    // The wrong reply chosen most at the first choice point of the most played case.
    let busiest = built.case_stats.iter().max_by_key(|s| s.calls).unwrap();
    let beat = busiest.beats.iter().find(|b| b.tempting.is_some()).unwrap();
    let tempting = beat.tempting.unwrap();
    let most_wrong = beat
        .replies
        .iter()
        .filter(|r| !r.breaks.is_empty())
        .map(|r| {
            expected
                .replies
                .get(&(busiest.case.id.clone(), beat.beat.clone(), r.reply))
                .copied()
                .unwrap_or(0)
        })
        .max()
        .unwrap();
    assert_eq!(beat.replies[tempting].chosen, most_wrong);
    // Each rule's broken count, and the most broken rule first.
    for row in &built.heatmap.rows {
        assert_eq!(row.all.broken, expected.broken[&row.rule], "{}", row.rule);
        assert_eq!(
            row.by_tier.iter().map(|c| c.broken).sum::<usize>(),
            row.all.broken
        );
    }
    let most = expected.broken.values().max().unwrap();
    assert_eq!(built.heatmap.rows[0].all.broken, *most);
    assert!(built.heatmap.rows[0].typical.is_some());
    // Calls per day add up, and tiers were opened along the way.
    assert_eq!(
        built.daily.iter().map(|d| d.calls).sum::<usize>(),
        expected.calls
    );
    assert!(built.tier_steps[0].trainees > 0, "{:?}", built.tier_steps);

    // The files: CSV with the right rows, a page whose charts are closed and names escaped.
    let out = data.path().join("out");
    report::write(&built, &catalogue, &out).unwrap();
    let calls = csv_rows(&out.join("calls.csv"));
    assert_eq!(calls.len(), expected.calls + 1);
    assert_eq!(calls[0][0], "trainee");
    assert!(calls.iter().any(|r| r[0] == "نورة"), "Arabic names survive");
    let cases = csv_rows(&out.join("cases.csv"));
    assert_eq!(cases.len(), expected.per_case.len() + 1);
    let pairs: std::collections::BTreeSet<(String, String)> = calls[1..]
        .iter()
        .map(|r| (r[0].clone(), r[3].clone()))
        .collect();
    assert_eq!(
        csv_rows(&out.join("trainee_cases.csv")).len(),
        pairs.len() + 1
    );
    let rules = csv_rows(&out.join("trainee_rules.csv"));
    assert!(rules.len() > 30 * 3);
    assert!(rules[1..].iter().all(|r| r.len() == 4));
    // The columns are a contract with trainers' sheets and scripts: fixed English ids, in
    // this order, and an empty table (no shifts were worked) still names its columns.
    let header = |file: &str| csv_rows(&out.join(file))[0].join(",");
    assert_eq!(
        header("calls.csv"),
        "trainee,finished,day,case,title,tier,language,known_case,score,grade,passed,\
         rules_broken,pauses,paused_s,time_allowance,seed,file"
    );
    assert_eq!(header("trainee_rules.csv"), "trainee,rule,followed,broken");
    assert_eq!(
        header("trainee_cases.csv"),
        "trainee,case,title,tier,attempts,passes,passed,first_score,best_score,\
         attempts_to_first_pass"
    );
    assert_eq!(
        header("cases.csv"),
        "case,title,tier,language,known_case,trainees,calls,passes,pass_rate,\
         trainees_passed,mean_attempts_to_first_pass,mean_first_score,mean_best_score"
    );
    assert_eq!(
        header("replies.csv"),
        "case,beat,reply,text,follows,breaks,chosen,chosen_share,most_chosen_wrong_reply"
    );
    assert!(built.shifts.is_empty());
    assert_eq!(
        csv_rows(&out.join("shifts.csv")),
        vec![
            "trainee,finished,shift,title,language,calls_handled,calls_passed,\
             first_contact_resolution,repeat_calls,promises_made,promises_kept,\
             average_handle_s,longest_wait_s,service_level,abandoned,after_call_skipped,\
             peak_strain,hard_calls,most_broken_rule,passed"
                .split(',')
                .map(String::from)
                .collect::<Vec<_>>()
        ]
    );
    // Shares keep their fixed decimals.
    let pass_rate = cases[0].iter().position(|c| c == "pass_rate").unwrap();
    assert!(
        cases[1..].iter().all(|r| r[pass_rate].len() == 5),
        "0.000 to 1.000"
    );
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(html.matches("<svg").count(), html.matches("</svg>").count());
    assert!(html.matches("<svg").count() > 30);
    assert!(!html.contains("<b>&amp;"), "a name is written unescaped");
    assert!(html.contains("Jo &lt;b&gt;&amp;amp; &quot;Co&quot;"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("@media print"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing fetched"
    );
    assert!(
        !html.contains("report-"),
        "a message id shows instead of its words"
    );
}

/// Each played case's map in the report carries the cohort: every reply arrow says how
/// often it was chosen (as counted while playing), is as wide as its share of the case's
/// calls, and the wrong reply chosen most in the case is the one marked.
#[test]
fn the_case_maps_draw_how_the_cohort_played() {
    let (library, catalogue) = setup();
    let data = tempfile::tempdir().unwrap();
    let expected = generate_cohort(data.path(), &library, &catalogue, 12, 8);
    let folder = report::read_data_folder(data.path(), &library.scenarios);
    let built = unfiltered(folder, data.path(), &library, &catalogue);
    assert_eq!(built.maps.len(), expected.per_case.len());
    let mut wide = 0;
    for (case, map) in &built.maps {
        let scenario = library.get(case).unwrap();
        let calls = expected.per_case[case].0;
        let doc = roxmltree::Document::parse(map).unwrap();
        let arrows: Vec<roxmltree::Node> = doc
            .descendants()
            .filter(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').next() == Some("arrow"))
            })
            .collect();
        let mut most_wrong: Option<usize> = None;
        for arrow in &arrows {
            let beat = arrow.attribute("data-beat").unwrap();
            let reply: usize = arrow.attribute("data-reply").unwrap().parse().unwrap();
            let chosen: usize = arrow.attribute("data-chosen").unwrap().parse().unwrap();
            let key = (case.clone(), beat.to_string(), reply - 1);
            assert_eq!(
                chosen,
                expected.replies.get(&key).copied().unwrap_or(0),
                "{key:?}"
            );
            let stroke: f64 = arrow
                .children()
                .filter(|c| c.has_tag_name("path"))
                .last()
                .unwrap()
                .attribute("stroke-width")
                .unwrap()
                .parse()
                .unwrap();
            let share = chosen as f64 / calls as f64;
            assert!(
                (stroke - (1.0 + 11.0 * share)).abs() < 0.06,
                "{key:?}: {stroke} for {share}"
            );
            if share > 0.5 {
                wide += 1;
            }
            let b = scenario.beat_index(beat).unwrap();
            if !scenario.beats[b].replies[reply - 1].breaks.is_empty() {
                most_wrong = most_wrong.max(Some(chosen));
            }
        }
        // The marked reply breaks a rule and no wrong reply was chosen more often.
        let marked: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("number"))
            .filter_map(|n| n.children().find(|c| c.has_tag_name("text")))
            .filter_map(|t| t.text())
            .filter(|t| t.starts_with("! "))
            .collect();
        match most_wrong {
            Some(n) if n > 0 => {
                assert!(!marked.is_empty(), "{case}: no wrong reply marked");
                let marked_arrow = arrows.iter().find(|a| {
                    let label = format!("! {}", a.attribute("data-reply").unwrap());
                    marked[0].starts_with(&label)
                        && a.attribute("data-kind") != Some("right")
                        && a.attribute("data-chosen")
                            .unwrap()
                            .parse::<usize>()
                            .unwrap()
                            == n
                });
                assert!(
                    marked_arrow.is_some(),
                    "{case}: marked {marked:?}, most chosen wrong {n}"
                );
            }
            _ => assert!(marked.is_empty(), "{case}: {marked:?}"),
        }
    }
    assert!(wide > 0, "some reply was taken by most calls");
    // The page shows them.
    let page = report::html::page(&built, &catalogue);
    assert_eq!(
        page.matches("<figure class=\"map\">").count(),
        built.maps.len()
    );
}

#[test]
fn since_and_trainee_narrow_the_report_and_arabic_runs_right_to_left() {
    let (library, catalogue) = setup();
    let data = tempfile::tempdir().unwrap();
    let expected = generate_cohort(data.path(), &library, &catalogue, 6, 8);
    let out = data.path().join("ar");
    let dir = data.path().to_str().unwrap();
    let scenarios = common::scenarios_dir();
    let (code, said, err) = cli(&[
        "--data-dir",
        dir,
        "--scenarios",
        scenarios.to_str().unwrap(),
        "report",
        "--lang",
        "ar",
        "--since",
        "2026-03-06",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let since: usize = expected
        .days
        .iter()
        .filter(|d| d.as_str() >= "2026-03-06")
        .count();
    assert!(since > 0 && since < expected.calls);
    assert!(said.contains(&format!("{since} calls")), "{said}");
    assert_eq!(csv_rows(&out.join("calls.csv")).len(), since + 1);
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("أين تتعثّر المجموعة"));

    let (code, said, err) = cli(&[
        "--data-dir",
        dir,
        "--scenarios",
        scenarios.to_str().unwrap(),
        "report",
        "--lang",
        "he",
        "--trainee",
        " noor ",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        said.contains(&format!(
            "{} calls, 1 trainees",
            expected.calls_per_trainee["Noor"]
        )),
        "{said}"
    );
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"he\""));

    let (code, _, err) = cli(&[
        "--data-dir",
        dir,
        "report",
        "--trainee",
        "Nobody",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no trainee named \"Nobody\"") && err.contains("Noor"),
        "{err}"
    );
    for bad in ["2026-13-01", "yesterday", "1/3/2026"] {
        let (code, _, err) = cli(&[
            "--data-dir",
            dir,
            "report",
            "--since",
            bad,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{bad}");
        assert!(
            err.contains("--since") && err.contains("YYYY-MM-DD"),
            "{err}"
        );
    }
}

#[test]
fn a_damaged_profile_is_read_from_its_backup_and_said() {
    let (library, catalogue) = setup();
    let data = tempfile::tempdir().unwrap();
    generate_cohort(data.path(), &library, &catalogue, 3, 8);
    let profiles = data.path().join("profiles");
    let before = report::read_data_folder(data.path(), &library.scenarios);
    let noor = before.trainees.iter().find(|t| t.name == "Noor").unwrap();
    let tiers = noor.unlocked_tiers.clone().expect("her profile reads");
    assert!(
        tiers.len() > 1,
        "she opened a tier: the backup must carry it"
    );

    // The game keeps the previous good copy beside a profile; then the profile is damaged.
    fs::copy(profiles.join("noor.ron"), profiles.join("noor.ron.bak")).unwrap();
    fs::write(
        profiles.join("noor.ron"),
        "(schema: 1, name: \"Noor\", unlocked_",
    )
    .unwrap();
    let folder = report::read_data_folder(data.path(), &library.scenarios);
    let skipped: Vec<_> = folder
        .skipped
        .iter()
        .filter(|s| s.origin.path().is_some_and(|p| p.ends_with("noor.ron")))
        .collect();
    assert_eq!(skipped.len(), 1, "{:?}", folder.skipped);
    assert_eq!(skipped[0].reason, SkipReason::ProfileFromBackup);
    let noor = folder.trainees.iter().find(|t| t.name == "Noor").unwrap();
    assert_eq!(
        noor.unlocked_tiers.as_ref(),
        Some(&tiers),
        "tiers from the backup"
    );
    assert_eq!(
        folder.calls.len(),
        before.calls.len(),
        "her calls still count"
    );

    // Both unreadable: said, her calls still count, her tier unknown.
    fs::write(profiles.join("noor.ron.bak"), "not a profile").unwrap();
    let folder = report::read_data_folder(data.path(), &library.scenarios);
    assert!(
        folder
            .skipped
            .iter()
            .any(|s| s.reason == SkipReason::Profile
                && s.origin.path().is_some_and(|p| p.ends_with("noor.ron")))
    );
    let noor = folder.trainees.iter().find(|t| t.name == "Noor").unwrap();
    assert_eq!(noor.unlocked_tiers, None);
    assert_eq!(folder.calls.len(), before.calls.len());
}

#[test]
fn damaged_and_foreign_files_are_listed_as_skipped_and_never_counted() {
    let (library, catalogue) = setup();
    let data = tempfile::tempdir().unwrap();
    let expected = generate_cohort(data.path(), &library, &catalogue, 3, 3);
    let profiles = data.path().join("profiles");
    let noor = profiles.join("noor");
    let a_session: PathBuf = fs::read_dir(&noor).unwrap().next().unwrap().unwrap().path();
    let text = fs::read_to_string(&a_session).unwrap();

    // A session cut in half by a crash, a JSON file from another program, a stray file.
    fs::write(noor.join("9998-half.json"), &text[..text.len() / 2]).unwrap();
    fs::write(noor.join("9999-other.json"), r#"{"hello": "world"}"#).unwrap();
    fs::write(noor.join("notes.txt"), "call Noor back").unwrap();
    fs::write(profiles.join("thumbs.db"), [0u8, 159, 146, 150]).unwrap();
    // A profile that cannot be read, with no backup.
    fs::write(profiles.join("ghost.ron"), "(schema: 1, name: ").unwrap();
    // A session with a score no call can have.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["score"]["total"] = 250.into();
    fs::write(noor.join("9997-overflow.json"), json.to_string()).unwrap();
    // A session of a case the library no longer has: counted, under its id.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["scenario"] = "retired_case".into();
    json["title"] = "<i>Retired</i>".into();
    fs::write(noor.join("9996-retired.json"), json.to_string()).unwrap();
    // A session from a newer version with fields and events this one does not know.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["xapi"] = serde_json::json!({"statement": {"verb": "completed"}});
    json["transcript"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"type": "hint_shown", "at": 5, "hint": "breathe"}));
    json["score"]["rules"][0]["weight_now"] = 3.into();
    fs::write(noor.join("9995-newer.json"), json.to_string()).unwrap();

    let folder = report::read_data_folder(data.path(), &library.scenarios);
    let why: BTreeMap<String, SkipReason> = folder
        .skipped
        .iter()
        .map(|s| {
            (
                s.origin
                    .path()
                    .unwrap()
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                s.reason,
            )
        })
        .collect();
    assert_eq!(why.len(), 6, "{:?}", folder.skipped);
    assert_eq!(why["9998-half.json"], SkipReason::Session);
    assert_eq!(why["9999-other.json"], SkipReason::Session);
    assert_eq!(why["9997-overflow.json"], SkipReason::Session);
    assert_eq!(why["notes.txt"], SkipReason::NotSession);
    assert_eq!(why["thumbs.db"], SkipReason::Foreign);
    assert_eq!(why["ghost.ron"], SkipReason::Profile);
    let half = folder
        .skipped
        .iter()
        .find(|s| s.origin.path().unwrap().ends_with("9998-half.json"))
        .unwrap();
    // Said as the game's own reader of the format says it.
    assert!(
        half.why_english().contains("cut short"),
        "{}",
        half.why_english()
    );
    // The retired case and the newer file count: two more calls than were played.
    assert_eq!(folder.calls.len(), expected.calls + 2);
    let built = unfiltered(folder, data.path(), &library, &catalogue);
    let retired = built
        .case_stats
        .iter()
        .find(|s| s.case.id == "retired_case")
        .unwrap();
    assert_eq!((retired.calls, retired.case.tier), (1, None));
    let out = data.path().join("out");
    report::write(&built, &catalogue, &out).unwrap();
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("retired_case\u{2069} (not in the scenario library)"));
    assert!(!html.contains("<i>Retired"));
    for name in ["9998-half.json", "notes.txt", "thumbs.db", "ghost.ron"] {
        assert!(html.contains(name), "{name} is not listed as skipped");
    }
    assert!(html.contains("Not a Hold the Line file."));
}

#[test]
fn an_empty_or_missing_data_folder_gives_a_page_saying_there_are_no_calls_yet() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("out");
    let missing = data.path().join("nothing-here");
    let (code, said, err) = cli(&[
        "--data-dir",
        missing.to_str().unwrap(),
        "report",
        "--lang",
        "en",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        said.contains("0 calls, 0 trainees, 0 skipped files"),
        "{said}"
    );
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("No calls yet"));
    assert_eq!(csv_rows(&out.join("calls.csv")).len(), 1);
}

#[test]
fn my_progress_names_the_weakest_rule_and_an_open_case_that_practises_it() {
    let (library, catalogue) = setup();
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    let mut profile = Profile::new("Hasty Hana");
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut expected = Expected::default();
    // Cuts in on every outburst, on the first two tier-1 cases, three calls each.
    let tier1: Vec<&Scenario> = library.scenarios.iter().filter(|s| s.tier == 1).collect();
    for (n, scenario) in tier1.iter().take(2).cycle().take(6).enumerate() {
        let call = play(scenario, &catalogue, n as u64, Manner::Hasty, &mut rng);
        record(&store, &mut profile, &call, n as u64, 0, n, &mut expected);
    }
    let (calls, skipped) =
        report::load::read_trainee_calls(store.dir(), &profile, &library.scenarios);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(calls.len(), 6);
    let progress = TraineeProgress::of(&profile, &calls, &library.scenarios, &catalogue);
    let vent = progress
        .rules
        .iter()
        .find(|r| r.rule == "let_them_vent")
        .unwrap();
    assert_eq!(vent.broken, expected.broken["let_them_vent"]);
    assert_eq!(progress.weakest.as_deref(), Some("let_them_vent"));
    let best: BTreeMap<&str, (Option<u8>, u32)> = progress
        .cases
        .iter()
        .map(|c| (c.case.as_str(), (c.best_score, c.attempts)))
        .collect();
    assert_eq!(best.len(), 2);
    assert_eq!(best[tier1[0].id.as_str()].1, 3);
    let next = progress.practise_next.expect("a case to practise");
    let next = library.get(&next).unwrap();
    let open = Progression::new(&library.scenarios, &profile, &catalogue.scoring);
    assert!(open.can_play(next));
    assert!(!profile.passed(&next.id));
    assert!(report::trainee::exercises(
        next,
        "let_them_vent",
        &catalogue
    ));
}

/// Not a check: writes a demo cohort for `.ci/run` to render, when HTL_DEMO_COHORT is set.
#[test]
fn demo_cohort() {
    let Some(dir) = std::env::var_os("HTL_DEMO_COHORT") else {
        return;
    };
    let (library, catalogue) = setup();
    let dir = PathBuf::from(dir);
    let _ = fs::remove_dir_all(&dir);
    let expected = generate_cohort(&dir, &library, &catalogue, 30, 12);
    // One damaged file, so the screenshot shows the skipped section at work.
    fs::write(
        dir.join("profiles/noor/0000-crashed.json"),
        "{\"profile\": \"Noor\", \"sce",
    )
    .unwrap();
    println!(
        "wrote {} calls by 30 trainees into {}",
        expected.calls,
        dir.display()
    );
}

/// A call paused for ten seconds and a call left before it ended: the trainer sees both,
/// in the trainee's section and in calls.csv, and the learning record store's statements
/// carry the pause too.
#[test]
fn pauses_and_left_calls_are_shown_to_the_trainer() {
    use htl_core::engine::{Call, Voice};
    let (library, catalogue) = setup();
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    let (mut profile, _) = store.open("Hana").unwrap();
    let scenario = library.get("missing_parcel").unwrap();
    let mut call = Call::new(
        std::sync::Arc::new(scenario.clone()),
        std::sync::Arc::new(catalogue.clone()),
        4,
    );
    call.advance(1_000);
    call.pause();
    call.resume_after(10_000);
    call.advance(1_000);
    call.respond(0, Voice::Even).unwrap();
    call.advance(600_000);
    assert!(call.is_over());
    store.record_session(&mut profile, &call).unwrap();
    profile.record_left("missing_parcel", 9);
    store.save(&profile).unwrap();

    let out = tempfile::tempdir().unwrap();
    let scenarios = common::scenarios_dir();
    let (code, _, err) = cli(&[
        "--data-dir",
        data.path().to_str().unwrap(),
        "--scenarios",
        scenarios.to_str().unwrap(),
        "report",
        "--lang",
        "en",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = csv_rows(&out.path().join("calls.csv"));
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(rows.len(), 2, "one finished call: {rows:?}");
    assert_eq!(rows[1][col("pauses")], "1");
    assert_eq!(rows[1][col("paused_s")], "10.0");
    let html = fs::read_to_string(out.path().join("report.html"))
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    let i = html.find("Paused").unwrap_or(0);
    assert!(
        html.contains("Paused once during these calls, 0.2 min in all"),
        "pauses: {}",
        &html[i..(i + 200).min(html.len())]
    );
    assert!(html.contains("Left one call before it ended"), "left calls");

    // The final xAPI statement says the same.
    let session =
        htl_core::profile::SessionFile::read(&store.dir().join(&profile.sessions[0].file)).unwrap();
    let statements = htl_core::lrs::statements(&session, htl_core::lrs::DEFAULT_HOME_PAGE);
    let from_lrs =
        report::read_statements(&statements, "http://lrs.example/xAPI/", &library.scenarios);
    assert_eq!(from_lrs.calls.len(), 1, "{:?}", from_lrs.skipped);
    assert_eq!(
        (from_lrs.calls[0].pauses, from_lrs.calls[0].paused_ms),
        (1, 10_000)
    );
}

/// My progress lists a case the trainee only ever left as left, with no score: not as
/// "best 0, 0 attempts".
#[test]
fn my_progress_lists_a_case_only_left_as_left_with_no_score() {
    let (library, catalogue) = setup();
    let mut profile = Profile::new("Omar");
    profile.record_left("missing_parcel", 3);
    profile.record_left("missing_parcel", 4);
    let progress = TraineeProgress::of(&profile, &[], &library.scenarios, &catalogue);
    let case = progress
        .cases
        .iter()
        .find(|c| c.case == "missing_parcel")
        .expect("the left case is listed");
    assert_eq!((case.attempts, case.left, case.best_score), (0, 2, None));
    assert!(!case.passed);
}
