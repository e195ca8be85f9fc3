//! `hold-the-line shift`: a whole shift played by a built-in trainee, for trainers trying
//! a shift file and for tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ShiftArgs};
use crate::guidance::Catalogue;
use crate::shift::{CallKind, ShiftSummary, load_shift, load_shifts, play_shift};

#[derive(Serialize)]
struct JsonCall<'a> {
    case: &'a str,
    kind: CallKind,
    score: u8,
    passed: bool,
    ending: Option<&'static str>,
    waited_s: f64,
    handle_s: f64,
    callback_of: Option<usize>,
    strain: u32,
}

#[derive(Serialize)]
struct JsonShift<'a> {
    shift: &'a str,
    trainee: &'static str,
    seed: u64,
    summary: &'a ShiftSummary,
    calls: Vec<JsonCall<'a>>,
}

pub(super) fn run(
    args: &ShiftArgs,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let library = match crate::scenario::load_paths(&[scenarios_dir.to_path_buf()], catalogue) {
        Ok(library) => library,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    // A file, or the id of a shift in the scenarios folder: each shift there is read once.
    let path = PathBuf::from(&args.shift);
    let loaded = if path.is_file() {
        load_shift(&path, &library, catalogue)
    } else {
        let found = load_shifts(&[scenarios_dir.to_path_buf()], &library, catalogue)
            .into_iter()
            .find(|l| l.shift.as_ref().is_some_and(|s| s.id == args.shift));
        match found {
            Some(loaded) => loaded,
            None => {
                writeln!(
                    err,
                    "error: \"{}\" is neither a shift file nor the id of a shift in {}",
                    args.shift,
                    scenarios_dir.display()
                )?;
                return Ok(EXIT_USAGE);
            }
        }
    };
    let Some(shift) = loaded.shift else {
        write!(err, "{}", loaded.report.render(false))?;
        writeln!(
            err,
            "error: the shift has errors; fix them and run it again"
        )?;
        return Ok(EXIT_PROBLEMS);
    };
    let trainee = args.trainee;
    let shift = Arc::new(shift);
    let played = play_shift(shift.clone(), &library, catalogue, trainee, args.seed);
    let s = &played.summary;
    let calls = played.run.calls();
    if args.json {
        let json = JsonShift {
            shift: &shift.id,
            trainee: trainee.label(),
            seed: args.seed,
            summary: s,
            calls: calls
                .iter()
                .map(|c| JsonCall {
                    case: &c.case,
                    kind: c.kind,
                    score: c.score,
                    passed: c.passed,
                    ending: c.ending.map(|k| k.keyword()),
                    waited_s: f64::from(c.waited) / 1000.0,
                    handle_s: f64::from(c.handle()) / 1000.0,
                    callback_of: c.callback_of,
                    strain: c.strain_after,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &json)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    writeln!(
        out,
        "{} ({}), played by the {} trainee, seed {}",
        shift.title,
        shift.id,
        trainee.label(),
        args.seed
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "  #  clock  case                              kind       waited  handle  score  strain"
    )?;
    for (i, c) in calls.iter().enumerate() {
        let kind = match (c.kind, c.callback_of) {
            (CallKind::First, _) => "first".to_string(),
            (CallKind::FollowUp, Some(of)) => format!("kept #{}", of + 1),
            (CallKind::CallBack, Some(of)) => format!("again #{}", of + 1),
            (_, None) => "?".into(),
        };
        writeln!(
            out,
            "{:>3}  {}  {:<32}  {:<9}  {:>5}  {:>6}  {:>3} {}  {:>5}",
            i + 1,
            shift.clock(c.answered),
            c.case,
            kind,
            minutes(c.waited),
            minutes(c.handle()),
            c.score,
            if c.passed { "pass" } else { "FAIL" },
            c.strain_after,
        )?;
    }
    for a in played.run.abandoned() {
        writeln!(
            out,
            "       {}  {:<32}  hung up in the queue after {}",
            shift.clock(a.gave_up),
            a.case,
            minutes(a.gave_up - a.arrived)
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "calls handled             {} ({} passed)",
        s.calls_handled, s.calls_passed
    )?;
    writeln!(
        out,
        "average handle time       {}",
        minutes((s.average_handle_s * 1000.0) as u32)
    )?;
    writeln!(
        out,
        "first-contact resolution  {:.0} % ({} repeat call{})",
        s.first_contact_resolution * 100.0,
        s.repeat_calls,
        if s.repeat_calls == 1 { "" } else { "s" }
    )?;
    writeln!(
        out,
        "promises kept             {} of {}",
        s.promises_kept, s.promises_made
    )?;
    writeln!(
        out,
        "service level             {:.0} % answered within {} s; longest wait {}",
        s.service_level * 100.0,
        catalogue.scoring.shift.answer_within_s,
        minutes((s.longest_wait_s * 1000.0) as u32)
    )?;
    writeln!(
        out,
        "strain                    peak {}, {} hard call{}, {} break{}",
        s.peak_strain,
        s.hard_calls,
        if s.hard_calls == 1 { "" } else { "s" },
        s.breaks,
        if s.breaks == 1 { "" } else { "s" }
    )?;
    if let Some(c) = s.composure {
        writeln!(
            out,
            "composure                 {:.0} after a hard call, {:.0} otherwise{}",
            c.after_hard_score,
            c.others_score,
            if c.dropped() {
                ": conduct dropped after hard calls"
            } else {
                ""
            }
        )?;
    }
    if let Some(rule) = &s.most_broken {
        writeln!(
            out,
            "rule broken most          {} ({} time{})",
            rule.rule,
            rule.times,
            if rule.times == 1 { "" } else { "s" }
        )?;
    }
    writeln!(out)?;
    if s.passed {
        writeln!(out, "shift passed")?;
    } else {
        let why: Vec<String> = s.shortfalls.iter().map(|f| f.text()).collect();
        writeln!(out, "shift not passed: {}", why.join("; "))?;
    }
    Ok(EXIT_OK)
}

/// `m:ss`.
fn minutes(ms: u32) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}
