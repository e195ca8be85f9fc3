//! `hold-the-line explore`: is each scenario fair, and how forgiving?

use std::io::Write;
use std::path::Path;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ExploreArgs, load_for_command};
use crate::explore::{Budget, Exploration, PATH_CAP, PathResult, explore_with};
use crate::guidance::Catalogue;

pub(super) fn run(
    args: &ExploreArgs,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(library) = load_for_command(&args.paths, scenarios_dir, catalogue, err)? else {
        return Ok(EXIT_USAGE);
    };
    for report in library.broken() {
        write!(err, "{}", report.render(false))?;
        writeln!(
            err,
            "note: {} is skipped: it has errors",
            report.path.display()
        )?;
    }
    if library.scenarios.is_empty() {
        writeln!(err, "error: no scenario to explore")?;
        return Ok(if library.reports.is_empty() {
            EXIT_USAGE
        } else {
            EXIT_PROBLEMS
        });
    }
    let mut reports: Vec<Exploration> = Vec::new();
    for s in &library.scenarios {
        // A long search says where it is, once a second, on stderr.
        let mut last = std::time::Duration::ZERO;
        let mut failed = None;
        let report = explore_with(s, catalogue, 1, Budget::DEFAULT, &mut |p| {
            if p.elapsed >= last + std::time::Duration::from_secs(1) && failed.is_none() {
                last = p.elapsed;
                failed = writeln!(
                    err,
                    "exploring {}: {} states ({}), {:.0} MiB, {:.0} s",
                    s.id,
                    p.states,
                    p.play,
                    p.bytes as f64 / (1024.0 * 1024.0),
                    p.elapsed.as_secs_f64()
                )
                .err();
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        reports.push(report);
    }
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        for report in &reports {
            write_report(out, report)?;
        }
    }
    let unwinnable = reports.iter().filter(|r| !r.winnable && !r.partial).count();
    let unknown = reports.iter().filter(|r| !r.winnable && r.partial).count();
    if unwinnable > 0 {
        writeln!(err, "{unwinnable} scenario(s) cannot be passed")?;
    }
    if unknown > 0 {
        writeln!(
            err,
            "{unknown} scenario(s) too large to explore fully, with no passing path among the paths explored"
        )?;
    }
    if unwinnable + unknown > 0 {
        return Ok(EXIT_PROBLEMS);
    }
    Ok(if library.errors() > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    })
}

fn path_line(p: &PathResult) -> String {
    format!(
        "{} ({}, {}, {} mistake{}) via {}",
        p.score,
        p.grade.letter(),
        p.ending,
        p.mistakes,
        if p.mistakes == 1 { "" } else { "s" },
        p.script()
    )
}

pub fn write_report(out: &mut dyn Write, r: &Exploration) -> std::io::Result<()> {
    writeln!(
        out,
        "{} - {} (tier {}, pass mark {})",
        r.scenario, r.title, r.tier, r.pass_mark
    )?;
    let paths = if r.paths >= PATH_CAP {
        "more than 10^15 paths".to_string()
    } else if r.paths_exact {
        format!("{} path{}", r.paths, if r.paths == 1 { "" } else { "s" })
    } else {
        format!("at least {} paths", r.paths)
    };
    writeln!(
        out,
        "  winnable: {}   {} states, {paths}, {:.1} ms",
        match (r.winnable, r.partial) {
            (true, _) => "yes",
            (false, false) => "NO",
            (false, true) => "not found (partial search)",
        },
        r.states,
        r.micros as f64 / 1000.0,
    )?;
    if r.partial {
        writeln!(
            out,
            "  partial: {}. These figures cover only the paths explored: best and worst are the best and worst found, and no beat, ending, reply or rule is claimed never to be reached",
            r.coverage(),
        )?;
    }
    // From a partial search, the best and worst are only the best and worst found.
    let found = if r.partial { " found" } else { "" };
    if let Some(best) = &r.best {
        writeln!(out, "  best{found}:     {}", path_line(best))?;
    }
    if let Some(worst) = &r.worst {
        writeln!(out, "  worst{found}:    {}", path_line(worst))?;
    }
    if let Some(short) = &r.shortest_resolving {
        writeln!(
            out,
            "  shortest: {} replies, {}",
            short.steps.len(),
            path_line(short)
        )?;
    }
    match &r.most_forgiving {
        Some(p) => writeln!(
            out,
            "  forgiveness: passes with {} {} broken rule(s), e.g. {}",
            if r.partial { "at least" } else { "up to" },
            p.mistakes,
            path_line(p)
        )?,
        None if r.partial => writeln!(out, "  forgiveness: no passing path found")?,
        None => writeln!(out, "  forgiveness: no passing path")?,
    }
    let tolerance: Vec<String> = r
        .tolerance
        .iter()
        .skip(1)
        .map(|t| {
            format!(
                "{} {}",
                t.manner.label(),
                match (t.passable, r.partial) {
                    (true, _) => "yes",
                    (false, false) => "no",
                    (false, true) => "not found",
                }
            )
        })
        .collect();
    writeln!(
        out,
        "  still passable when always: {}",
        tolerance.join(", ")
    )?;
    let l = &r.longest_card;
    writeln!(
        out,
        "  always the longest card: {}, {}; the longest reply is a right one at {} of {} choice points{}",
        l.score,
        if l.passed { "passes" } else { "fails" },
        l.longest_is_right,
        l.choice_points,
        if l.passed {
            "  <- the cards give the answers away: make a wrong reply as long"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "  adversaries (the best each reaches; replay a path with play --choices):"
    )?;
    for a in &r.adversaries {
        let Some(best) = &a.best else {
            writeln!(out, "    {}: never finishes the call", a.adversary.label())?;
            continue;
        };
        let core: Vec<String> = a
            .core_breaks
            .iter()
            .map(|(rule, n)| format!("{rule} x{n}"))
            .collect();
        writeln!(
            out,
            "    {}: {}, {}{}; core rules broken: {}",
            a.adversary.label(),
            match (a.passed, a.partial) {
                (true, _) => "PASSES",
                (false, false) => "fails",
                (false, true) => "no pass found (partial search)",
            },
            if a.partial { "best found " } else { "" },
            path_line(best),
            if core.is_empty() {
                "none".to_string()
            } else {
                core.join(", ")
            }
        )?;
        if let Some(pass) = &a.passing {
            writeln!(out, "      passes with {}", path_line(pass))?;
        }
    }
    let reach: Vec<String> = r
        .endings
        .iter()
        .map(|e| {
            let never = match (e.reachable, r.partial) {
                (true, _) => "",
                (false, false) => " (never)",
                (false, true) => " (not reached)",
            };
            format!("{}{never}", e.id)
        })
        .collect();
    writeln!(out, "  endings: {}", reach.join(", "))?;
    if !r.never_worth_choosing.is_empty() {
        writeln!(out, "  never worth choosing (on no passing path):")?;
        for reply in &r.never_worth_choosing {
            let flag = if reply.looks_good {
                "  <- follows guidance, check its wiring"
            } else {
                ""
            };
            writeln!(
                out,
                "    {} #{}: \"{}\"{flag}",
                reply.beat, reply.number, reply.text
            )?;
        }
    }
    if !r.beats_never_entered.is_empty() {
        writeln!(
            out,
            "  beats no path enters: {}  <- check the meters and conditions that lead there",
            r.beats_never_entered.join(", ")
        )?;
    }
    writeln!(out, "  rules exercised: {}", r.rules_exercised.join(", "))?;
    if !r.rules_not_exercised.is_empty() {
        writeln!(
            out,
            "  rules not exercised: {}",
            r.rules_not_exercised.join(", ")
        )?;
    }
    writeln!(out)
}
