//! Paths shared by the engine crate's tests: the game's scenarios, assets and fixtures
//! live at the workspace root.
#![allow(dead_code)]

use std::path::PathBuf;

pub mod cohort;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn scenarios_dir() -> PathBuf {
    root().join("scenarios")
}

/// Every file of the library, cases and shifts (`shifts/`), sorted.
pub fn library_files() -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&scenarios_dir(), &mut out);
    out.sort();
    out
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A generated scenario of `beats` beats in a row, each with a right reply, two wrong ones
/// and a way back to the beat before: far more paths than any hand-written case, to test
/// that the explorer stays within its budget and says what it did not cover.
pub fn long_scenario(id: &str, beats: usize) -> String {
    let rules = [
        ("apologize", "no_excuses"),
        ("acknowledge_feelings", "respect"),
        ("take_ownership", "take_ownership"),
        ("real_solution", "real_solution"),
    ];
    let mut s = format!(
        "Scenario(\n    id: \"{id}\",\n    title: \"A long call ({beats} beats)\",\n    brief: \"Generated for tests.\",\n    tier: 2,\n    channel: Phone,\n    customer: (\n        name: \"Pat\",\n        meters: (anger: 50, trust: 40, patience: 90),\n    ),\n    beats: {{\n"
    );
    for i in 0..beats {
        let next = |k: usize| {
            if i + k >= beats {
                "resolved".to_string()
            } else {
                format!("b{}", i + k)
            }
        };
        let (good, bad) = rules[i % rules.len()];
        let back = if i == 0 {
            String::new()
        } else {
            format!(
                "                (say: \"Can we go back a step?\", next: \"b{}\"),\n",
                i - 1
            )
        };
        s.push_str(&format!(
            "        \"b{i}\": (\n            customer: [Raised(\"Point number {i}, and I am not happy about it.\"), Pause(1.5), Even(\"Well?\")],\n            replies: [\n                (say: \"I understand, and I will sort point {i} out now.\", follows: [{good}], next: \"{}\"),\n                (say: \"That is just how it is, point {i} is not on me.\", breaks: [{bad}], next: \"{}\", branches: [(when: AngerAtLeast(90), next: \"hung_up\")], why: \"It passes the point on.\"),\n                (say: \"Let me skip ahead, point {i} can wait for now.\", breaks: [{bad}], next: \"{}\", why: \"It leaves the point unheard.\"),\n{back}            ],\n        ),\n",
            next(1),
            next(1),
            next(2),
        ));
    }
    s.push_str("    },\n    endings: {\n        \"resolved\": (kind: Resolved, text: \"Sorted.\"),\n        \"hung_up\": (kind: HungUp, text: \"They hung up.\"),\n    },\n)\n");
    s
}

/// [`long_scenario`] written compactly, one beat a line and shorter lines, so a 2,000-beat
/// case (the graph ink's compiler was timed on) stays under the 1 MiB a scenario file may
/// have.
pub fn long_scenario_compact(id: &str, beats: usize) -> String {
    long_scenario(id, beats)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" \"b", "\n\"b")
        .replace(", and I am not happy about it.", ".")
        .replace("I understand, and I will sort point", "I will sort point")
        .replace("That is just how it is, point", "That is how it is, point")
        .replace("Let me skip ahead, point", "Skip ahead, point")
        .replace("Can we go back a step?", "Back a step?")
}

/// Plays a library case headless from a script and records it in `name`'s profile under
/// `data_dir` through the game's own end of a call; returns the session as written and
/// what the end of the call queued for the learning record store.
pub fn play_and_record_queued(
    data_dir: &std::path::Path,
    name: &str,
    case: &str,
    steps: &str,
    seed: u64,
) -> (
    htl_core::profile::SessionFile,
    Result<htl_core::lrs::Enqueued, htl_core::lrs::LrsError>,
) {
    use htl_core::engine::script::{self, parse};
    let catalogue = htl_core::guidance::Catalogue::builtin();
    let library = htl_core::scenario::load_paths(&[scenarios_dir()], &catalogue).unwrap();
    let scenario = library
        .get(case)
        .unwrap_or_else(|| panic!("no case {case}"));
    let (call, _) = script::run(scenario, &catalogue, seed, &parse(steps).unwrap());
    let store = htl_core::profile::Store::new(data_dir);
    let (mut profile, _) = store.open(name).unwrap();
    let ended = htl_core::end_of_call::record(
        &call,
        &mut profile,
        htl_core::end_of_call::Keeper::Trainee(&store),
        library.scenarios.iter(),
        &catalogue.scoring,
        &Default::default(),
        data_dir,
    );
    let path = ended
        .saved
        .unwrap()
        .expect("a trainee's call has a session file");
    (
        htl_core::profile::SessionFile::read(&path).unwrap(),
        ended.queued,
    )
}

/// [`play_and_record_queued`], for a test that needs only the session.
pub fn play_and_record(
    data_dir: &std::path::Path,
    name: &str,
    case: &str,
    steps: &str,
    seed: u64,
) -> htl_core::profile::SessionFile {
    play_and_record_queued(data_dir, name, case, steps, seed).0
}
