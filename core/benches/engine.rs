//! Engine figures: how long loading and checking the library takes, exploring it, and
//! playing calls headless. Prints numbers; asserts nothing (`cargo bench -p htl-core`).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use htl_core::engine::script::{Step, When, finish_reply, perform};
use htl_core::engine::{Call, Voice};
use htl_core::explore::explore;
use htl_core::guidance::Catalogue;
use htl_core::scenario::{load_bytes, load_paths};

#[path = "../tests/common/mod.rs"]
mod common;

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut last = None;
    let start = Instant::now();
    for _ in 0..runs {
        last = Some(std::hint::black_box(f()));
    }
    (start.elapsed() / runs, last.expect("at least one run"))
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let catalogue = Catalogue::builtin();

    let (per_load, library) = time(20, || {
        load_paths(std::slice::from_ref(&dir), &catalogue).expect("scenarios folder")
    });
    let files = library.reports.len();
    let bytes: usize = library.reports.iter().map(|r| r.source.len()).sum();
    println!(
        "load and check the library: {files} files, {} KiB: {:.2} ms",
        bytes / 1024,
        per_load.as_secs_f64() * 1e3
    );

    // One file checked on its own in a folder of 1,000: its siblings are scanned for their
    // ids only, not parsed.
    let big = tempfile::tempdir().expect("a temporary folder");
    let model = std::fs::read_to_string(dir.join("t1_missing_parcel.ron")).expect("a case");
    for i in 0..1000 {
        let text = model.replacen(
            "id: \"missing_parcel\"",
            &format!("id: \"generated_{i:04}\""),
            1,
        );
        std::fs::write(big.path().join(format!("case_{i:04}.ron")), text).expect("write");
    }
    let one = big.path().join("case_0500.ron");
    let (per_one, checked) = time(10, || {
        load_paths(std::slice::from_ref(&one), &catalogue).expect("the file")
    });
    assert_eq!(checked.errors(), 0);
    let (per_alone, _) = time(10, || htl_core::scenario::load_file(&one, &catalogue));
    println!(
        "check one file in a folder of 1,000: {:.2} ms (the file alone: {:.2} ms)",
        per_one.as_secs_f64() * 1e3,
        per_alone.as_secs_f64() * 1e3
    );

    let (per_explore, reports) = time(5, || {
        library
            .scenarios
            .iter()
            .map(|s| explore(s, &catalogue, 1))
            .collect::<Vec<_>>()
    });
    let states: usize = reports.iter().map(|r| r.states).sum();
    println!(
        "explore the whole library: {} scenarios, {states} states: {:.1} ms",
        reports.len(),
        per_explore.as_secs_f64() * 1e3
    );
    for r in &reports {
        println!(
            "  {:<22} {:>5} states {:>8.2} ms",
            r.scenario,
            r.states,
            r.micros as f64 / 1e3
        );
    }

    // `check` as a trainer runs it, output rendered: a folder of 1,000 files, and one
    // generated 2,000-beat file (the graph ink's compiler was timed on), clean and with a
    // warning on every wrong reply (4,000 rendered diagnostics in one file).
    let check = |path: &std::path::Path| {
        let mut out = Vec::new();
        let mut err = Vec::new();
        htl_core::cli::run_args(
            [
                "hold-the-line",
                "check",
                "--color",
                "never",
                path.to_str().unwrap(),
            ],
            &mut out,
            &mut err,
        );
        out.len()
    };
    let (per_folder, _) = time(3, || check(big.path()));
    println!(
        "check a folder of 1,000 files: {:.0} ms",
        per_folder.as_secs_f64() * 1e3
    );
    // Written compactly, one beat a line, to stay under the 1 MiB a scenario file may have.
    let text: String = common::long_scenario("graph_2000", 2000)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" \"b", "\n\"b")
        .replace(", and I am not happy about it.", ".")
        .replace("I understand, and I will sort point", "I will sort point")
        .replace("That is just how it is, point", "That is how it is, point")
        .replace("Let me skip ahead, point", "Skip ahead, point")
        .replace("Can we go back a step?", "Back a step?");
    // Without their whys: a warning on each of the 4,000 wrong replies.
    let unexplained = text
        .replace(", why: \"It passes the point on.\"", "")
        .replace(", why: \"It leaves the point unheard.\"", "");
    let checked = |text: &str| {
        let loaded = load_bytes(
            std::path::Path::new("graph_2000.ron"),
            text.as_bytes(),
            &catalogue,
        );
        (
            loaded.report.diagnostics.len(),
            loaded.report.render(false).len(),
        )
    };
    let (per_clean, (found, _)) = time(3, || checked(&text));
    let (per_noisy, (warned, rendered)) = time(3, || checked(&unexplained));
    println!(
        "check a generated 2,000-beat case ({} KiB): {:.0} ms, {found} diagnostics; with {warned} warnings rendered ({} KiB): {:.0} ms",
        text.len() / 1024,
        per_clean.as_secs_f64() * 1e3,
        rendered / 1024,
        per_noisy.as_secs_f64() * 1e3
    );

    // A generated 200-beat case: far past the budget, so a partial search, bounded.
    let text = common::long_scenario("long_call", 200);
    let long = load_bytes(
        std::path::Path::new("long_call.ron"),
        text.as_bytes(),
        &catalogue,
    )
    .scenario
    .expect("the generated case loads");
    let (per_long, r) = time(3, || explore(&long, &catalogue, 1));
    println!(
        "explore a generated 200-beat case: {} states of at least {} (partial: {}), table at most {:.1} MiB: {:.0} ms",
        r.states,
        r.states_at_least,
        r.partial,
        r.peak_bytes as f64 / (1024.0 * 1024.0),
        per_long.as_secs_f64() * 1e3
    );

    // Whole calls played by the book through the engine, transcript kept.
    let catalogue = Arc::new(catalogue);
    let scenarios: Vec<_> = library.scenarios.iter().cloned().map(Arc::new).collect();
    let mut calls = 0u32;
    let mut events = 0usize;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        for (i, s) in scenarios.iter().enumerate() {
            let mut call = Call::new(Arc::clone(s), Arc::clone(&catalogue), i as u64);
            while !call.is_over() {
                let step = Step {
                    reply: 0,
                    when: When::Pause,
                    voice: Voice::Soft,
                };
                if perform(&mut call, step).is_err() {
                    break;
                }
                finish_reply(&mut call);
            }
            events += call.events().len();
            calls += 1;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "headless calls: {calls} in {elapsed:.2} s = {:.0} calls/s ({:.1} µs each, {} events each on average)",
        f64::from(calls) / elapsed,
        elapsed * 1e6 / f64::from(calls),
        events / calls.max(1) as usize
    );
}
