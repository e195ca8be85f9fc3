//! `hold-the-line map`: a case's map names every beat and ending, draws one arrow per reply
//! (and per branch), marks the best path explore found, and runs right to left for Arabic
//! and Hebrew cases.

mod common;

use htl_core::cli::run_args;
use htl_core::engine::script;
use htl_core::explore::explore;
use htl_core::guidance::Catalogue;
use htl_core::map::{arrows, dot};
use htl_core::scenario::load_paths;

#[test]
fn every_shipped_case_maps_every_beat_ending_and_reply() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    for scenario in &library.scenarios {
        let report = explore(scenario, &catalogue, 1);
        let text = dot(scenario, &catalogue, &report);
        assert!(text.starts_with("digraph ") && text.trim_end().ends_with('}'));
        for beat in &scenario.beats {
            assert!(
                text.contains(&format!("label=\"{}\\n", beat.id)),
                "{}: {}",
                scenario.id,
                beat.id
            );
        }
        for ending in &scenario.endings {
            assert!(
                text.contains(&format!("label=\"{}\\n", ending.id)),
                "{}: {}",
                scenario.id,
                ending.id
            );
        }
        // One arrow per reply and per branch, each drawn once.
        let expected: usize = (scenario.beats.iter())
            .flat_map(|b| &b.replies)
            .map(|r| 1 + r.branches.len())
            .sum();
        assert_eq!(text.matches(" -> ").count(), expected, "{}", scenario.id);
        // The best path is bold: exactly the replies it chooses.
        let best = report
            .best
            .as_ref()
            .expect("every shipped case is winnable");
        let (call, _) = script::run(scenario, &catalogue, 1, &best.steps);
        let mut chosen: Vec<(usize, usize)> =
            call.choices().iter().map(|c| (c.beat, c.reply)).collect();
        chosen.sort();
        chosen.dedup();
        let mut bold: Vec<(usize, usize)> = arrows(scenario, &catalogue, &report)
            .iter()
            .filter(|a| a.best)
            .map(|a| (a.beat, a.reply))
            .collect();
        bold.sort();
        bold.dedup();
        assert_eq!(bold, chosen, "{}", scenario.id);
        let rtl = scenario.language.starts_with("ar") || scenario.language.starts_with("he");
        assert_eq!(text.contains("rankdir=RL"), rtl, "{}", scenario.id);
    }
}

#[test]
fn map_writes_the_case_id_dot_where_it_is_asked_and_refuses_an_unknown_case() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("parcel.dot");
    let scenarios = common::scenarios_dir();
    let run = |args: &[&str]| {
        let mut argv = vec![
            "hold-the-line",
            "--scenarios",
            scenarios.to_str().unwrap(),
            "map",
        ];
        argv.extend_from_slice(args);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_args(argv, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    };
    let (code, out, _) = run(&["missing_parcel", "--out", out_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(text.contains("digraph \"missing_parcel\""));
    assert!(out.contains("dot -Tsvg"), "{out}");
    let (code, _, err) = run(&["no_such_case"]);
    assert_ne!(code, 0);
    assert!(err.contains("no_such_case"), "{err}");
}

/// docs/maps/ holds every case's map and an index, generated and current, like
/// docs/scenarios.md.
#[test]
fn the_librarys_maps_in_docs_are_current() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let files = htl_core::cli::map_files(&library, &catalogue);
    assert_eq!(files.len(), library.scenarios.len() + 1);
    let dir = common::root().join("docs/maps");
    for (name, text) in &files {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            &on_disk == text,
            "docs/maps/{name} is out of date: run `cargo run -- map --all docs/maps`"
        );
    }
    let shipped = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        shipped,
        files.len(),
        "docs/maps holds a map of a case that is gone"
    );
}
