//! The report as CSV files a spreadsheet opens: one row per call, trainee x rule,
//! trainee x case, per case, per reply at each choice point, and per shift worked.
//!
//! UTF-8 with a byte-order mark: Excel reads a CSV file without one in the system's legacy
//! code page, which turns Arabic and Hebrew names and titles into mojibake; with the mark it
//! reads UTF-8 (LibreOffice and Google Sheets accept either). Each file is a row struct
//! serialised by the `csv` crate: its field names are the columns, fixed English ids, the
//! same in every report language, so sheets and scripts built on them keep working.

use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};

use super::Report;
use super::model::{calls_of, case_results, rule_counts};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub const CALLS: &str = "calls.csv";
pub const TRAINEE_RULES: &str = "trainee_rules.csv";
pub const TRAINEE_CASES: &str = "trainee_cases.csv";
pub const CASES: &str = "cases.csv";
pub const REPLIES: &str = "replies.csv";
pub const SHIFTS: &str = "shifts.csv";

/// Writes every CSV file into `dir`; returns their paths.
pub fn write_all(report: &Report, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let files: [(&str, Vec<u8>); 6] = [
        (CALLS, table(calls(report))?),
        (TRAINEE_RULES, table(trainee_rules(report))?),
        (TRAINEE_CASES, table(trainee_cases(report))?),
        (CASES, table(cases(report))?),
        (REPLIES, table(replies(report))?),
        (SHIFTS, table(shifts(report))?),
    ];
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Rows as CSV bytes with the byte-order mark, the header from the row type. A table with
/// no rows still names its columns (a default row is serialised to learn them).
fn table<R: Serialize + Default>(rows: Vec<R>) -> std::io::Result<Vec<u8>> {
    let mut out = BOM.to_vec();
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    if rows.is_empty() {
        writer
            .serialize(R::default())
            .map_err(std::io::Error::other)?;
        let both = writer.into_inner().map_err(|e| e.into_error())?;
        let header_end = both
            .iter()
            .position(|b| *b == b'\n')
            .map_or(both.len(), |n| n + 1);
        out.extend_from_slice(&both[..header_end]);
        return Ok(out);
    }
    for row in rows {
        writer.serialize(row).map_err(std::io::Error::other)?;
    }
    out.extend(writer.into_inner().map_err(|e| e.into_error())?);
    Ok(out)
}

/// A number with `N` decimals ("0.50"), as a sheet reads it in any locale.
#[derive(Default)]
struct Fixed<const N: usize>(f64);

impl<const N: usize> Serialize for Fixed<N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{:.*}", N, self.0))
    }
}

/// One row per shift worked.
#[derive(Serialize, Default)]
struct ShiftRow<'a> {
    trainee: &'a str,
    finished: &'a str,
    shift: &'a str,
    title: &'a str,
    language: &'a str,
    calls_handled: usize,
    calls_passed: usize,
    first_contact_resolution: Fixed<2>,
    repeat_calls: usize,
    promises_made: usize,
    promises_kept: usize,
    average_handle_s: Fixed<1>,
    longest_wait_s: Fixed<1>,
    service_level: Fixed<2>,
    abandoned: usize,
    after_call_skipped: usize,
    peak_strain: u32,
    hard_calls: usize,
    most_broken_rule: &'a str,
    passed: bool,
}

fn shifts(report: &Report) -> Vec<ShiftRow<'_>> {
    report
        .shifts
        .iter()
        .map(|r| {
            let s = &r.summary;
            ShiftRow {
                trainee: &r.profile,
                finished: &r.finished,
                shift: &r.shift,
                title: &r.title,
                language: &r.language,
                calls_handled: s.calls_handled,
                calls_passed: s.calls_passed,
                first_contact_resolution: Fixed(s.first_contact_resolution),
                repeat_calls: s.repeat_calls,
                promises_made: s.promises_made,
                promises_kept: s.promises_kept,
                average_handle_s: Fixed(s.average_handle_s),
                longest_wait_s: Fixed(s.longest_wait_s),
                service_level: Fixed(s.service_level),
                abandoned: s.abandoned,
                after_call_skipped: s.after_call_skipped,
                peak_strain: s.peak_strain,
                hard_calls: s.hard_calls,
                most_broken_rule: s.most_broken.as_ref().map_or("", |m| m.rule.as_str()),
                passed: s.passed,
            }
        })
        .collect()
}

/// One row per call.
#[derive(Serialize, Default)]
struct CallRow<'a> {
    trainee: &'a str,
    finished: &'a str,
    day: String,
    case: &'a str,
    title: &'a str,
    tier: Option<u8>,
    language: &'a str,
    known_case: bool,
    score: u8,
    grade: &'a str,
    passed: bool,
    rules_broken: usize,
    pauses: u32,
    paused_s: Fixed<1>,
    time_allowance: &'a str,
    seed: u64,
    file: String,
}

fn calls(report: &Report) -> Vec<CallRow<'_>> {
    report
        .calls
        .iter()
        .map(|c| CallRow {
            trainee: &c.trainee,
            finished: &c.finished,
            day: c.day(),
            case: &c.case,
            title: &c.title,
            tier: c.tier,
            language: c.language.as_deref().unwrap_or(""),
            known_case: c.known_case(),
            score: c.total,
            grade: &c.grade,
            passed: c.passed,
            rules_broken: c.breaks(),
            pauses: c.pauses,
            paused_s: Fixed(c.paused_ms as f64 / 1000.0),
            time_allowance: c.time_allowance.keyword(),
            seed: c.seed,
            file: c.origin.to_string(),
        })
        .collect()
}

/// Trainee x rule: followed and broken over the calls covered.
#[derive(Serialize, Default)]
struct TraineeRuleRow<'a> {
    trainee: &'a str,
    rule: String,
    followed: usize,
    broken: usize,
}

fn trainee_rules(report: &Report) -> Vec<TraineeRuleRow<'_>> {
    let mut rows = Vec::new();
    for t in &report.trainees {
        for (rule, c) in rule_counts(&calls_of(&report.calls, &t.name), &report.rule_order) {
            rows.push(TraineeRuleRow {
                trainee: &t.name,
                rule,
                followed: c.followed,
                broken: c.broken,
            });
        }
    }
    rows
}

/// Trainee x case: attempts, passes, first and best score.
#[derive(Serialize, Default)]
struct TraineeCaseRow<'a> {
    trainee: &'a str,
    case: &'a str,
    title: &'a str,
    tier: Option<u8>,
    attempts: usize,
    passes: usize,
    passed: bool,
    first_score: u8,
    best_score: u8,
    attempts_to_first_pass: Option<usize>,
}

fn trainee_cases(report: &Report) -> Vec<TraineeCaseRow<'_>> {
    let mut rows = Vec::new();
    for t in &report.trainees {
        let results = case_results(&calls_of(&report.calls, &t.name));
        for case in &report.cases {
            if let Some(r) = results.get(&case.id) {
                rows.push(TraineeCaseRow {
                    trainee: &t.name,
                    case: &case.id,
                    title: &case.title,
                    tier: case.tier,
                    attempts: r.attempts,
                    passes: r.passes,
                    passed: r.passed(),
                    first_score: r.first,
                    best_score: r.best,
                    attempts_to_first_pass: r.first_pass_at,
                });
            }
        }
    }
    rows
}

/// Per case.
#[derive(Serialize, Default)]
struct CaseRow<'a> {
    case: &'a str,
    title: &'a str,
    tier: Option<u8>,
    language: &'a str,
    known_case: bool,
    trainees: usize,
    calls: usize,
    passes: usize,
    pass_rate: Fixed<3>,
    trainees_passed: usize,
    mean_attempts_to_first_pass: Option<Fixed<2>>,
    mean_first_score: Fixed<2>,
    mean_best_score: Fixed<2>,
}

fn cases(report: &Report) -> Vec<CaseRow<'_>> {
    report
        .case_stats
        .iter()
        .map(|s| CaseRow {
            case: &s.case.id,
            title: &s.case.title,
            tier: s.case.tier,
            language: s.case.language.as_deref().unwrap_or(""),
            known_case: s.case.tier.is_some(),
            trainees: s.trainees,
            calls: s.calls,
            passes: s.passes,
            pass_rate: Fixed(s.pass_rate()),
            trainees_passed: s.trainees_passed,
            mean_attempts_to_first_pass: s.attempts_to_first_pass.map(Fixed),
            mean_first_score: Fixed(s.mean_first),
            mean_best_score: Fixed(s.mean_best),
        })
        .collect()
}

/// Per reply at each choice point: how often it was chosen.
#[derive(Serialize, Default)]
struct ReplyRow<'a> {
    case: &'a str,
    beat: &'a str,
    /// 1-based, as `play` numbers the cards.
    reply: usize,
    text: &'a str,
    follows: String,
    breaks: String,
    chosen: usize,
    chosen_share: Fixed<3>,
    most_chosen_wrong_reply: bool,
}

fn replies(report: &Report) -> Vec<ReplyRow<'_>> {
    let mut rows = Vec::new();
    for s in &report.case_stats {
        for beat in &s.beats {
            for r in &beat.replies {
                rows.push(ReplyRow {
                    case: &s.case.id,
                    beat: &beat.beat,
                    reply: r.reply + 1,
                    text: &r.text,
                    follows: r.follows.join(" "),
                    breaks: r.breaks.join(" "),
                    chosen: r.chosen,
                    chosen_share: Fixed(r.chosen as f64 / beat.chosen.max(1) as f64),
                    most_chosen_wrong_reply: beat.tempting == Some(r.reply),
                });
            }
        }
    }
    rows
}
