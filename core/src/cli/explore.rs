//! `hold-the-line explore`: is each scenario fair, and how forgiving?

use std::io::Write;
use std::path::Path;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ExploreArgs, load_for_command};
use crate::explore::{PathResult, Report, explore};
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
    let reports: Vec<Report> = library
        .scenarios
        .iter()
        .map(|s| explore(s, catalogue, 1))
        .collect();
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        for report in &reports {
            write_report(out, report)?;
        }
    }
    let unwinnable = reports.iter().filter(|r| !r.winnable).count();
    if unwinnable > 0 {
        writeln!(err, "{unwinnable} scenario(s) cannot be passed")?;
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

pub fn write_report(out: &mut dyn Write, r: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "{} - {} (tier {}, pass mark {})",
        r.scenario, r.title, r.tier, r.pass_mark
    )?;
    writeln!(
        out,
        "  winnable: {}   {} states, {} paths, {:.1} ms{}",
        if r.winnable { "yes" } else { "NO" },
        r.states,
        r.paths,
        r.micros as f64 / 1000.0,
        if r.partial {
            "  (partial: state budget reached)"
        } else {
            ""
        }
    )?;
    if let Some(best) = &r.best {
        writeln!(out, "  best:     {}", path_line(best))?;
    }
    if let Some(worst) = &r.worst {
        writeln!(out, "  worst:    {}", path_line(worst))?;
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
            "  forgiveness: passes with up to {} broken rule(s), e.g. {}",
            p.mistakes,
            path_line(p)
        )?,
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
                if t.passable { "yes" } else { "no" }
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
            "    {}: {}, {}; core rules broken: {}",
            a.adversary.label(),
            if a.passed { "PASSES" } else { "fails" },
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
        .map(|e| format!("{}{}", e.id, if e.reachable { "" } else { " (never)" }))
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
