//! Engine figures: how long loading and checking the library takes, exploring it, and
//! playing calls headless. Prints numbers; asserts nothing (`cargo bench -p htl-core`).
//! One section alone, to profile it: `cargo bench -p htl-core --bench engine -- check-2000`
//! (sections: library, check-one, explore, check-folder, check-2000, explore-long, calls;
//! read-2000, run only by name, reads and checks the 2,000-beat case twenty times).
//! With HTL_BENCH_INKJS naming inkjs's compiler, check-2000 also times ink's compiler on
//! the same graph, in the same run.

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
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    const SECTIONS: [&str; 8] = [
        "library",
        "check-one",
        "explore",
        "check-folder",
        "check-2000",
        "explore-long",
        "calls",
        "read-2000",
    ];
    if let Some(name) = only.as_deref().filter(|o| !SECTIONS.contains(o)) {
        eprintln!(
            "no section {name}: the sections are {}",
            SECTIONS.join(", ")
        );
        std::process::exit(2);
    }
    let wanted = |section: &str| only.as_deref().is_none_or(|o| o == section);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let catalogue = Catalogue::builtin();

    let (per_load, library) = time(if wanted("library") { 20 } else { 1 }, || {
        load_paths(std::slice::from_ref(&dir), &catalogue).expect("scenarios folder")
    });
    if wanted("library") {
        let files = library.reports.len();
        let bytes: usize = library.reports.iter().map(|r| r.source.len()).sum();
        println!(
            "load and check the library: {files} files, {} KiB: {:.2} ms",
            bytes / 1024,
            per_load.as_secs_f64() * 1e3
        );
    }
    if wanted("check-one") || wanted("check-folder") {
        let big = thousand_files(&dir);
        if wanted("check-one") {
            check_one_of_a_thousand(&big, &catalogue);
        }
        if wanted("check-folder") {
            let (per_folder, _) = time(3, || check_command(big.path()));
            println!(
                "check a folder of 1,000 files: {:.0} ms",
                per_folder.as_secs_f64() * 1e3
            );
        }
    }
    if wanted("explore") {
        explore_library(&library, &catalogue);
    }
    if wanted("check-2000") {
        check_2000_beats(&catalogue);
    }
    if only.as_deref() == Some("read-2000") {
        // Only reading and checking the 2,000-beat file, twenty times: to profile it.
        let text = common::long_scenario_compact("graph_2000", 2000);
        let path = std::path::Path::new("graph_2000.ron");
        let (per, _) = time(20, || load_bytes(path, text.as_bytes(), &catalogue));
        println!(
            "read and check the 2,000-beat case: {:.1} ms",
            per.as_secs_f64() * 1e3
        );
    }
    if wanted("explore-long") {
        explore_long(&catalogue);
    }
    if wanted("calls") {
        headless_calls(&library, catalogue);
    }
}

/// A folder of 1,000 copies of one case, each with its own id.
fn thousand_files(dir: &std::path::Path) -> tempfile::TempDir {
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
    big
}

/// One file checked on its own in a folder of 1,000: its siblings are scanned for their
/// ids only, not parsed.
fn check_one_of_a_thousand(big: &tempfile::TempDir, catalogue: &Catalogue) {
    let one = big.path().join("case_0500.ron");
    let (per_one, checked) = time(10, || {
        load_paths(std::slice::from_ref(&one), catalogue).expect("the file")
    });
    assert_eq!(checked.errors(), 0);
    let (per_alone, _) = time(10, || htl_core::scenario::load_file(&one, catalogue));
    println!(
        "check one file in a folder of 1,000: {:.2} ms (the file alone: {:.2} ms)",
        per_one.as_secs_f64() * 1e3,
        per_alone.as_secs_f64() * 1e3
    );
}

fn explore_library(library: &htl_core::scenario::Library, catalogue: &Catalogue) {
    let (per_explore, reports) = time(5, || {
        library
            .scenarios
            .iter()
            .map(|s| explore(s, catalogue, 1))
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
}

/// `check` as a trainer runs it, output rendered; returns how many bytes it printed.
fn check_command(path: &std::path::Path) -> usize {
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
}

/// One generated 2,000-beat file (the graph ink's compiler was timed on), clean and with a
/// warning on every wrong reply (4,000 rendered diagnostics in one file).
fn check_2000_beats(catalogue: &Catalogue) {
    let text = common::long_scenario_compact("graph_2000", 2000);
    // Without their whys: a warning on each of the 4,000 wrong replies.
    let unexplained = text
        .replace(", why: \"It passes the point on.\"", "")
        .replace(", why: \"It leaves the point unheard.\"", "");
    let checked = |text: &str| {
        let loaded = load_bytes(
            std::path::Path::new("graph_2000.ron"),
            text.as_bytes(),
            catalogue,
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
    // The whole `check` command on that file, as a trainer runs it (the file read, checked,
    // the adversarial trainees played, the report printed).
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("graph_2000.ron");
    std::fs::write(&file, &text).expect("write");
    let (per_command, _) = time(3, || check_command(&file));
    println!(
        "  `check graph_2000.ron`: {:.0} ms",
        per_command.as_secs_f64() * 1e3
    );
    // The peer, in the same run: ink's compiler (inkjs's port, on Node) on the same graph
    // written in ink, when HTL_BENCH_INKJS names its inkjs-compiler.js
    // (`npm install inkjs` puts it in node_modules/inkjs/bin/).
    if let Some(compiler) = std::env::var_os("HTL_BENCH_INKJS") {
        let ink = folder.path().join("graph_2000.ink");
        std::fs::write(&ink, ink_graph(2000)).expect("write");
        let out = folder.path().join("graph_2000.json");
        let (per_ink, ok) = time(3, || {
            std::process::Command::new("node")
                .arg(&compiler)
                .arg("-o")
                .arg(&out)
                .arg(&ink)
                .output()
                .is_ok_and(|o| o.status.success())
        });
        if ok {
            println!(
                "  inkjs's compiler on the same graph in ink: {:.0} ms ({:.0}x `check`, {:.0}x the check without the adversaries)",
                per_ink.as_secs_f64() * 1e3,
                per_ink.as_secs_f64() / per_command.as_secs_f64(),
                per_ink.as_secs_f64() / per_clean.as_secs_f64(),
            );
        } else {
            println!("  inkjs's compiler did not run (is node installed?)");
        }
    }
}

/// The generated case's graph written in ink: a knot a beat with the customer's lines,
/// the same three or four choices with their meter changes, and the two endings.
fn ink_graph(beats: usize) -> String {
    use std::fmt::Write as _;
    let rules = ["no_excuses", "respect", "take_ownership", "real_solution"];
    let next = |i: usize, k: usize| {
        if i + k >= beats {
            "resolved".to_string()
        } else {
            format!("b{}", i + k)
        }
    };
    let mut s = String::from("VAR anger = 50\nVAR trust = 40\n-> b0\n\n");
    for i in 0..beats {
        let rule = rules[i % rules.len()];
        let _ = write!(
            s,
            "=== b{i} ===\nPoint number {i}. #raised\nWell? #even\n\
             + [I will sort point {i} out now.] #follows:{rule}\n  ~ trust += 5\n  -> {}\n\
             + [That is how it is, point {i} is not on me.] #breaks:{rule} #why:It passes the point on.\n  ~ anger += 10\n  {{ anger >= 90: -> hung_up }}\n  -> {}\n\
             + [Skip ahead, point {i} can wait for now.] #breaks:{rule} #why:It leaves the point unheard.\n  ~ anger += 10\n  -> {}\n",
            next(i, 1),
            next(i, 1),
            next(i, 2),
        );
        if i > 0 {
            let _ = writeln!(s, "+ [Back a step?] -> b{}", i - 1);
        }
        s.push('\n');
    }
    s.push_str("=== resolved ===\nSorted.\n-> END\n\n=== hung_up ===\nThey hung up.\n-> END\n");
    s
}

fn explore_long(catalogue: &Catalogue) {
    // A generated 200-beat case: far past the budget, so a partial search, bounded.
    let text = common::long_scenario("long_call", 200);
    let long = load_bytes(
        std::path::Path::new("long_call.ron"),
        text.as_bytes(),
        catalogue,
    )
    .scenario
    .expect("the generated case loads");
    let (per_long, r) = time(3, || explore(&long, catalogue, 1));
    println!(
        "explore a generated 200-beat case: {} states of at least {} (partial: {}), table at most {:.1} MiB: {:.0} ms",
        r.states,
        r.states_at_least,
        r.partial,
        r.peak_bytes as f64 / (1024.0 * 1024.0),
        per_long.as_secs_f64() * 1e3
    );
}

fn headless_calls(library: &htl_core::scenario::Library, catalogue: Catalogue) {
    // Whole calls played by the book through the engine, transcript kept.
    let catalogue = Arc::new(catalogue);
    let scenarios: Vec<_> = library.scenarios.iter().cloned().map(Arc::new).collect();
    let mut calls = 0u32;
    let mut events = 0usize;
    let mut longest = (0usize, String::new());
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        for (i, s) in scenarios.iter().enumerate() {
            let mut call = Call::new(Arc::clone(s), Arc::clone(&catalogue), i as u64);
            while !call.is_over() {
                // The reply that breaks fewest rules and follows most.
                let by_the_book = (0..call.replies().len())
                    .min_by_key(|&i| {
                        let r = &call.replies()[i];
                        (r.breaks.len(), std::cmp::Reverse(r.follows.len()))
                    })
                    .unwrap_or(0);
                let step = Step {
                    reply: by_the_book,
                    when: When::Pause,
                    voice: Voice::Soft,
                };
                if perform(&mut call, step).is_err() {
                    break;
                }
                finish_reply(&mut call);
            }
            events += call.events().len();
            if call.events().len() > longest.0 {
                longest = (call.events().len(), s.id.clone());
            }
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
    println!("  the longest: {} ({} events)", longest.1, longest.0);
}
