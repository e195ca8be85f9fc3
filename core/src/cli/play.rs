//! `hold-the-line play`: a scripted call, printed as a transcript with every meter change
//! and its reason, then the score breakdown.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, PlayArgs};
use crate::engine::script::{self, Step};
use crate::engine::{Call, CallError, Event, Reason, RuleStatus, Score, Verdict, clock};
use crate::guidance::Catalogue;
use crate::scenario::{Library, Scenario, load_paths};

/// Finds a scenario by file path or by id in the scenarios folder, printing diagnostics if
/// it does not load. Err holds the exit code.
pub(super) fn find_scenario(
    name: &str,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    err: &mut dyn Write,
) -> std::io::Result<Result<(Library, String), u8>> {
    let as_path = PathBuf::from(name);
    let (paths, id) = if as_path.is_file() {
        (vec![as_path.clone()], None)
    } else if scenarios_dir.is_dir() {
        (vec![scenarios_dir.to_path_buf()], Some(name.to_string()))
    } else {
        writeln!(
            err,
            "error: `{name}` is not a scenario file, and there is no scenarios folder at {} to look it up in",
            scenarios_dir.display()
        )?;
        return Ok(Err(EXIT_USAGE));
    };
    let library = match load_paths(&paths, catalogue) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(Err(EXIT_USAGE));
        }
    };
    let id = match id {
        Some(id) => id,
        None => {
            let report = &library.reports[0];
            if report.has_errors() {
                write!(err, "{}", report.render(false))?;
                writeln!(
                    err,
                    "error: {} has errors; fix them first (hold-the-line check)",
                    as_path.display()
                )?;
                return Ok(Err(EXIT_PROBLEMS));
            }
            match library.scenarios.first() {
                Some(s) => s.id.clone(),
                None => return Ok(Err(EXIT_PROBLEMS)),
            }
        }
    };
    if library.get(&id).is_none() {
        let broken = library
            .reports
            .iter()
            .find(|r| r.has_errors() && r.source.contains(&format!("\"{id}\"")));
        match broken {
            Some(report) => {
                write!(err, "{}", report.render(false))?;
                writeln!(err, "error: scenario \"{id}\" has errors; fix them first")?;
                return Ok(Err(EXIT_PROBLEMS));
            }
            None => {
                let known: Vec<&str> = library.scenarios.iter().map(|s| s.id.as_str()).collect();
                writeln!(
                    err,
                    "error: no scenario \"{id}\" in {}",
                    scenarios_dir.display()
                )?;
                if let Some(near) = crate::guidance::suggest(&id, known.iter().copied()) {
                    writeln!(err, "help: did you mean \"{near}\"?")?;
                }
                return Ok(Err(EXIT_USAGE));
            }
        }
    }
    Ok(Ok((library, id)))
}

#[derive(Serialize)]
struct PlayJson<'a> {
    scenario: &'a str,
    seed: u64,
    steps: Vec<String>,
    finished: bool,
    stopped_at_step: Option<usize>,
    stop_reason: Option<String>,
    events: &'a [Event],
    score: &'a Score,
}

pub(super) fn run(
    args: &PlayArgs,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let steps = match script::parse(&args.choices) {
        Ok(steps) if steps.is_empty() => {
            writeln!(err, "error: --choices has no steps")?;
            writeln!(
                err,
                "help: give one step per reply, e.g. \"1:soft, 2@interrupt, 3@+4\""
            )?;
            return Ok(EXIT_USAGE);
        }
        Ok(steps) => steps,
        Err(e) => {
            writeln!(err, "error: --choices {e}")?;
            writeln!(
                err,
                "help: steps are REPLY[@WHEN][:VOICE], e.g. \"1:soft, 2@interrupt, 3@+4\""
            )?;
            return Ok(EXIT_USAGE);
        }
    };
    let (library, id) = match find_scenario(&args.scenario, scenarios_dir, catalogue, err)? {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let Some(scenario) = library.get(&id) else {
        return Ok(EXIT_PROBLEMS);
    };
    let (call, stopped) = script::run(scenario, catalogue, args.seed, &steps);
    let score = call.score();
    if args.json {
        let json = PlayJson {
            scenario: &scenario.id,
            seed: args.seed,
            steps: steps.iter().map(Step::to_string).collect(),
            finished: call.is_over(),
            stopped_at_step: stopped.as_ref().map(|s| s.step + 1),
            stop_reason: stopped.as_ref().map(|s| s.error.to_string()),
            events: call.events(),
            score: &score,
        };
        serde_json::to_writer_pretty(&mut *out, &json)?;
        writeln!(out)?;
    } else {
        write_transcript(out, &call)?;
        // A step that could not be played (a reply number the beat does not have) is a
        // typo in the script: the call so far is shown, but not scored as if it were real.
        let typo = stopped
            .as_ref()
            .is_some_and(|s| !matches!(s.error, CallError::Ended));
        if !typo {
            write_score(out, &call, &score)?;
        }
    }
    if let Some(stop) = &stopped {
        writeln!(err, "error: {stop}; the script stops there")?;
        return Ok(EXIT_PROBLEMS);
    }
    if !call.is_over() {
        let beat = &scenario.beats[call.beat()];
        writeln!(
            err,
            "note: the script ran out before the call ended (at beat \"{}\", which has {} replies)",
            beat.id,
            beat.replies.len()
        )?;
        return Ok(EXIT_PROBLEMS);
    }
    Ok(EXIT_OK)
}

fn header(out: &mut dyn Write, scenario: &Scenario, seed: u64) -> std::io::Result<()> {
    let c = &scenario.customer;
    writeln!(
        out,
        "{} (tier {}, {}, seed {seed})",
        scenario.title,
        scenario.tier,
        scenario.channel.label()
    )?;
    writeln!(
        out,
        "Customer: {} (anger {}, trust {}, patience {})",
        c.name, c.meters.anger, c.meters.trust, c.meters.patience
    )?;
    writeln!(out)
}

/// The transcript: every line, reply, verdict and meter change, with its time.
pub fn write_transcript(out: &mut dyn Write, call: &Call) -> std::io::Result<()> {
    let scenario = call.scenario();
    header(out, scenario, call.seed())?;
    let mut previous: Option<&Event> = None;
    for event in call.events() {
        let t = clock(event.at());
        match event {
            Event::BeatStarted { beat, .. } => writeln!(out, "{t}  -- {beat}")?,
            Event::CustomerLine {
                kind,
                intensity,
                text,
                ..
            } => {
                let who = scenario.customer.name.to_uppercase();
                let how = match kind {
                    crate::engine::LineKind::Said => intensity.label().to_string(),
                    other => format!("{}, {}", intensity.label(), serde_label(other)),
                };
                writeln!(out, "{t}  {who} ({how}): \"{text}\"")?;
            }
            Event::Reply {
                reply,
                text,
                voice,
                timing,
                ..
            } => writeln!(
                out,
                "{t}  YOU [{}] ({} voice, {}): \"{text}\"",
                reply + 1,
                voice.label(),
                timing.label()
            )?,
            Event::Rule {
                rule,
                verdict,
                note,
                ..
            } => {
                let mark = match verdict {
                    Verdict::Followed => "+",
                    Verdict::Broken => "x",
                };
                writeln!(out, "           {mark} {rule}: {note}")?;
            }
            Event::Meter {
                meter,
                delta,
                value,
                reason,
                ..
            } => {
                // Changes that come straight from a verdict sit under it; others say why.
                let under_its_rule = matches!(previous, Some(Event::Rule { note, .. } | Event::Meter { reason: Reason { text: note, .. }, .. }) if *note == reason.text);
                if under_its_rule {
                    writeln!(out, "               {} {delta:+} -> {value}", meter.label())?;
                } else {
                    writeln!(
                        out,
                        "{t}       {} {delta:+} -> {value}  ({})",
                        meter.label(),
                        reason.text
                    )?;
                }
            }
            Event::Paused { .. } => writeln!(out, "{t}  (paused)")?,
            Event::Resumed { paused_for, .. } => {
                writeln!(out, "{t}  (resumed after {} s paused)", paused_for / 1000)?
            }
            Event::Ended {
                ending,
                kind,
                text,
                by,
                ..
            } => {
                writeln!(
                    out,
                    "{t}  == {} ({ending}, {}): {text}",
                    kind.label(),
                    serde_label(by).replace('_', " ")
                )?;
            }
        }
        previous = Some(event);
    }
    writeln!(out)
}

fn serde_label<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The score and its breakdown: parts, every rule exercised with its moments, better replies.
pub fn write_score(out: &mut dyn Write, call: &Call, score: &Score) -> std::io::Result<()> {
    let catalogue = call.catalogue();
    let points = catalogue.scoring.points;
    let verdict = if score.passed { "PASSED" } else { "NOT PASSED" };
    writeln!(
        out,
        "Score {}/100  grade {}  {verdict} (pass mark {})",
        score.total,
        score.grade.letter(),
        score.pass_mark
    )?;
    writeln!(
        out,
        "  outcome {:.1}/{} ({})  conduct {:.1}/{}  mood {:.1}/{}",
        score.parts.outcome,
        points.outcome,
        score
            .outcome
            .map_or_else(|| "unfinished".to_string(), |k| k.label()),
        score.parts.conduct,
        points.conduct,
        score.parts.mood,
        points.mood
    )?;
    if let Some(why) = &score.not_passed {
        writeln!(out, "  {why}")?;
    }
    writeln!(out, "Rules:")?;
    for rule in score
        .rules
        .iter()
        .filter(|r| r.status != RuleStatus::NotExercised)
    {
        let mark = match rule.status {
            RuleStatus::Followed => "+",
            RuleStatus::Broken => "x",
            _ => "~",
        };
        writeln!(
            out,
            "  {mark} {:<22} followed {}, broken {}  ({})",
            rule.rule, rule.followed, rule.broken, rule.summary
        )?;
        for m in rule.moments.iter().filter(|m| m.verdict == Verdict::Broken) {
            writeln!(out, "      at {} in {}: {}", clock(m.at), m.beat, m.note)?;
        }
    }
    let unexercised: Vec<&str> = score
        .rules
        .iter()
        .filter(|r| r.status == RuleStatus::NotExercised)
        .map(|r| r.rule.as_str())
        .collect();
    if !unexercised.is_empty() {
        writeln!(out, "  not exercised: {}", unexercised.join(", "))?;
    }
    if !score.better_replies.is_empty() {
        writeln!(out, "Better replies:")?;
        for b in &score.better_replies {
            writeln!(
                out,
                "  at {} in {}: you said \"{}\"",
                clock(b.at),
                b.beat,
                b.chosen
            )?;
            writeln!(out, "      better: \"{}\" ({})", b.better, b.why)?;
        }
    }
    let _ = catalogue;
    Ok(())
}
