//! `hold-the-line map`: a case's map names every beat and ending, draws one arrow per reply
//! (and per branch), marks the best path explore found, lays 40 beats out with no box on
//! another, and runs right to left for Arabic and Hebrew cases.

mod common;

use htl_core::cli::{MapFormat, run_args};
use htl_core::engine::script;
use htl_core::explore::explore;
use htl_core::guidance::Catalogue;
use htl_core::i18n::Lang;
use htl_core::map::{SvgOptions, arrows, dot, svg};
use htl_core::scenario::{Scenario, load_paths};

/// A box of the map as drawn: (x, y, width, height) of its `rect`.
fn rect_of(node: roxmltree::Node) -> (f64, f64, f64, f64) {
    let r = node
        .children()
        .find(|c| c.has_tag_name("rect"))
        .expect("a box has a rect");
    let n = |a: &str| r.attribute(a).unwrap().parse::<f64>().unwrap();
    (n("x"), n("y"), n("width"), n("height"))
}

fn lang_of(scenario: &Scenario) -> Lang {
    Lang::parse(&scenario.language).unwrap_or(Lang::En)
}

#[test]
fn every_shipped_case_maps_every_beat_ending_and_reply_as_well_formed_svg() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    for scenario in &library.scenarios {
        let report = explore(scenario, &catalogue, 1);
        let text = svg(
            scenario,
            &catalogue,
            &report,
            SvgOptions::plain(lang_of(scenario)),
        );
        let doc = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{}: not well-formed XML: {e}", scenario.id));
        let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
        for beat in &scenario.beats {
            let g = by_id(&format!("beat-{}", beat.id))
                .unwrap_or_else(|| panic!("{}: no box for beat {}", scenario.id, beat.id));
            let words: String = g.descendants().filter_map(|n| n.text()).collect();
            assert!(words.contains(&beat.id), "{}: {}", scenario.id, beat.id);
        }
        for ending in &scenario.endings {
            assert!(
                by_id(&format!("ending-{}", ending.id)).is_some(),
                "{}: no box for ending {}",
                scenario.id,
                ending.id
            );
        }
        // One arrow per reply and per branch, from its beat to where it leads.
        let mut drawn: Vec<(String, String, String)> = doc
            .descendants()
            .filter(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').next() == Some("arrow"))
            })
            .map(|n| {
                (
                    n.attribute("data-beat").unwrap().to_string(),
                    n.attribute("data-reply").unwrap().to_string(),
                    n.attribute("data-to").unwrap().to_string(),
                )
            })
            .collect();
        let mut expected: Vec<(String, String, String)> = Vec::new();
        for beat in &scenario.beats {
            for (r, reply) in beat.replies.iter().enumerate() {
                for to in reply.branches.iter().map(|(_, t)| *t).chain([reply.next]) {
                    let to = match to {
                        htl_core::scenario::Target::Beat(b) => scenario.beats[b].id.clone(),
                        htl_core::scenario::Target::Ending(e) => scenario.endings[e].id.clone(),
                    };
                    expected.push((beat.id.clone(), (r + 1).to_string(), to));
                }
            }
        }
        drawn.sort();
        expected.sort();
        assert_eq!(drawn, expected, "{}", scenario.id);
        // The best path is highlighted: exactly the replies it chooses.
        let best = report
            .best
            .as_ref()
            .expect("every shipped case is winnable");
        let (call, _) = script::run(scenario, &catalogue, 1, &best.steps);
        let mut chosen: Vec<(String, String)> = call
            .choices()
            .iter()
            .map(|c| (scenario.beats[c.beat].id.clone(), (c.reply + 1).to_string()))
            .collect();
        chosen.sort();
        chosen.dedup();
        let mut bold: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|w| w == "best"))
            })
            .map(|n| {
                (
                    n.attribute("data-beat").unwrap().to_string(),
                    n.attribute("data-reply").unwrap().to_string(),
                )
            })
            .collect();
        bold.sort();
        bold.dedup();
        assert_eq!(bold, chosen, "{}", scenario.id);
        // Right to left: the opening beat sits right of the endings in Arabic and Hebrew.
        let start = rect_of(by_id(&format!("beat-{}", scenario.beats[scenario.start].id)).unwrap());
        let endings_x: f64 = scenario
            .endings
            .iter()
            .map(|e| rect_of(by_id(&format!("ending-{}", e.id)).unwrap()).0)
            .sum::<f64>()
            / scenario.endings.len() as f64;
        let rtl = lang_of(scenario).is_rtl();
        assert_eq!(
            start.0 > endings_x,
            rtl,
            "{}: start {start:?}, endings at {endings_x}",
            scenario.id
        );
        assert_eq!(
            text.contains("lang=\"ar\""),
            scenario.language.starts_with("ar")
        );
    }
}

/// At 40 beats, with arrows that skip beats and go back, no box lies on another, every box
/// is inside the picture, and the words in each box fit it.
#[test]
fn a_forty_beat_case_is_laid_out_with_no_box_on_another() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("long.ron"),
        common::long_scenario("long_40", 40),
    )
    .unwrap();
    let library = load_paths(&[dir.path().to_path_buf()], &catalogue).unwrap();
    let scenario = library.get("long_40").unwrap();
    let report = explore(scenario, &catalogue, 1);
    let text = svg(scenario, &catalogue, &report, SvgOptions::plain(Lang::En));
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    let (width, height) = (
        root.attribute("width").unwrap().parse::<f64>().unwrap(),
        root.attribute("height").unwrap().parse::<f64>().unwrap(),
    );
    let boxes: Vec<(f64, f64, f64, f64)> = doc
        .descendants()
        .filter(|n| matches!(n.attribute("class"), Some("beat" | "ending")))
        .map(rect_of)
        .collect();
    assert_eq!(boxes.len(), 42);
    for (i, a) in boxes.iter().enumerate() {
        assert!(
            a.0 >= 0.0 && a.1 >= 0.0 && a.0 + a.2 <= width && a.1 + a.3 <= height,
            "{a:?}"
        );
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3;
            assert!(!overlap, "{a:?} and {b:?} overlap");
        }
    }
    for g in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("beat"))
    {
        let (_, _, w, _) = rect_of(g);
        for t in g.children().filter(|c| c.has_tag_name("text")) {
            let words = t.text().unwrap();
            let size = if t.attribute("font-weight") == Some("bold") {
                13.0
            } else {
                12.0
            };
            let bold = t.attribute("font-weight") == Some("bold");
            assert!(
                htl_core::glyphs::text_width(words, size, bold) <= w,
                "{words:?} is wider than its box ({w})"
            );
        }
    }
}

#[test]
fn the_dot_format_still_draws_every_reply() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenario = library.get("missing_parcel").unwrap();
    let report = explore(scenario, &catalogue, 1);
    let text = dot(scenario, &catalogue, &report);
    assert!(text.starts_with("digraph ") && text.trim_end().ends_with('}'));
    let expected: usize = (scenario.beats.iter())
        .flat_map(|b| &b.replies)
        .map(|r| 1 + r.branches.len())
        .sum();
    assert_eq!(text.matches(" -> ").count(), expected);
    assert_eq!(arrows(scenario, &catalogue, &report).len(), expected);
}

#[test]
fn map_writes_the_case_id_svg_where_it_is_asked_and_refuses_an_unknown_case() {
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
    let (code, out, _) = run(&[
        "missing_parcel",
        "--format",
        "dot",
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(text.contains("digraph \"missing_parcel\""));
    assert!(out.contains("dot -Tsvg"), "{out}");
    // The default: CASE_ID.svg in the working folder; here asked for by path.
    let svg_path = dir.path().join("missing_parcel.svg");
    let (code, out, _) = run(&["missing_parcel", "--out", svg_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let text = std::fs::read_to_string(&svg_path).unwrap();
    assert!(roxmltree::Document::parse(&text).is_ok());
    assert!(text.contains("id=\"beat-"), "{text}");
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
    let files = htl_core::cli::map_files(&library, &catalogue, MapFormat::Svg);
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

/// The game's hot reload (`--features dev`) redraws the map of the case a trainer just
/// saved, and only that one, beside the scenarios folder.
#[test]
fn saving_a_case_rewrites_its_map_and_no_other() {
    use htl_core::map::on_disk::{folder_beside, rewrite_changed};
    let catalogue = Catalogue::builtin();
    let root = tempfile::tempdir().unwrap();
    let scenarios = root.path().join("scenarios");
    std::fs::create_dir_all(scenarios.join("tier2")).unwrap();
    let shipped = common::scenarios_dir();
    let parcel = std::fs::read_to_string(shipped.join("t1_missing_parcel.ron")).unwrap();
    std::fs::write(scenarios.join("missing_parcel.ron"), &parcel).unwrap();
    std::fs::write(
        scenarios.join("tier2/long.ron"),
        common::long_scenario("long_5", 5),
    )
    .unwrap();
    let maps = folder_beside(&scenarios);
    assert_eq!(maps, root.path().join("maps"));
    let before = std::time::SystemTime::now();
    std::thread::sleep(std::time::Duration::from_millis(30));
    // The trainer edits one case, in a sub-folder.
    std::fs::write(
        scenarios.join("tier2/long.ron"),
        common::long_scenario("long_5", 5).replace("A long call", "A longer call"),
    )
    .unwrap();
    let library = load_paths(std::slice::from_ref(&scenarios), &catalogue).unwrap();
    let written = rewrite_changed(&library.scenarios, &catalogue, &maps, before).unwrap();
    assert_eq!(written, vec![maps.join("long_5.svg")]);
    let text = std::fs::read_to_string(&written[0]).unwrap();
    assert!(
        text.contains("A longer call"),
        "the map shows the saved title"
    );
    assert!(!maps.join("missing_parcel.svg").exists());
}

/// Pointing at a beat highlights its arcs: the map carries one hover rule per beat that
/// dims every arrow neither leaving nor entering it.
#[test]
fn each_beat_has_a_hover_rule_that_keeps_its_own_arrows() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenario = library.get("missing_parcel").unwrap();
    let report = explore(scenario, &catalogue, 1);
    let text = svg(scenario, &catalogue, &report, SvgOptions::plain(Lang::En));
    let doc = roxmltree::Document::parse(&text).unwrap();
    let style: String = doc
        .descendants()
        .filter(|n| n.has_tag_name("style"))
        .filter_map(|n| n.text())
        .collect();
    for beat in &scenario.beats {
        let id = &beat.id;
        assert!(
            style.contains(&format!(
                "svg:has(#beat-{id}:hover) g.arrow:not([data-beat=\"{id}\"]):not([data-to=\"{id}\"])"
            )),
            "no hover rule for {id}"
        );
    }
}
