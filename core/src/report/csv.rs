//! The report as CSV files a spreadsheet opens: one row per call, trainee x rule,
//! trainee x case, per case, per reply at each choice point, and per shift worked.
//!
//! UTF-8 with a byte-order mark: Excel reads a CSV file without one in the system's legacy
//! code page, which turns Arabic and Hebrew names and titles into mojibake; with the mark it
//! reads UTF-8 (LibreOffice and Google Sheets accept either). Column names are fixed
//! English ids, the same in every report language, so sheets and scripts built on them
//! keep working.

use std::path::{Path, PathBuf};

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
    let files: [(&str, Vec<Vec<String>>); 6] = [
        (CALLS, calls(report)),
        (TRAINEE_RULES, trainee_rules(report)),
        (TRAINEE_CASES, trainee_cases(report)),
        (CASES, cases(report)),
        (REPLIES, replies(report)),
        (SHIFTS, shifts(report)),
    ];
    let mut written = Vec::new();
    for (name, rows) in files {
        let path = dir.join(name);
        std::fs::write(&path, to_bytes(&rows)?)?;
        written.push(path);
    }
    Ok(written)
}

/// Rows (the first is the header) as CSV bytes with the byte-order mark.
pub fn to_bytes(rows: &[Vec<String>]) -> std::io::Result<Vec<u8>> {
    let mut out = BOM.to_vec();
    {
        let mut writer = ::csv::Writer::from_writer(&mut out);
        for row in rows {
            writer.write_record(row).map_err(std::io::Error::other)?;
        }
        writer.flush()?;
    }
    Ok(out)
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn tier(t: Option<u8>) -> String {
    t.map_or(String::new(), |t| t.to_string())
}

fn decimal(v: Option<f64>) -> String {
    v.map_or(String::new(), |v| format!("{v:.2}"))
}

/// One row per shift worked.
pub fn shifts(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "trainee",
        "finished",
        "shift",
        "title",
        "language",
        "calls_handled",
        "calls_passed",
        "first_contact_resolution",
        "repeat_calls",
        "promises_made",
        "promises_kept",
        "average_handle_s",
        "longest_wait_s",
        "service_level",
        "abandoned",
        "after_call_skipped",
        "peak_strain",
        "hard_calls",
        "most_broken_rule",
        "passed",
    ])];
    for r in &report.shifts {
        let s = &r.summary;
        rows.push(vec![
            r.profile.clone(),
            r.finished.clone(),
            r.shift.clone(),
            r.title.clone(),
            r.language.clone(),
            s.calls_handled.to_string(),
            s.calls_passed.to_string(),
            format!("{:.2}", s.first_contact_resolution),
            s.repeat_calls.to_string(),
            s.promises_made.to_string(),
            s.promises_kept.to_string(),
            format!("{:.1}", s.average_handle_s),
            format!("{:.1}", s.longest_wait_s),
            format!("{:.2}", s.service_level),
            s.abandoned.to_string(),
            s.after_call_skipped.to_string(),
            s.peak_strain.to_string(),
            s.hard_calls.to_string(),
            s.most_broken
                .as_ref()
                .map_or(String::new(), |m| m.rule.clone()),
            s.passed.to_string(),
        ]);
    }
    rows
}

/// One row per call.
pub fn calls(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "trainee",
        "finished",
        "day",
        "case",
        "title",
        "tier",
        "language",
        "known_case",
        "score",
        "grade",
        "passed",
        "rules_broken",
        "pauses",
        "paused_s",
        "time_allowance",
        "seed",
        "file",
    ])];
    for c in &report.calls {
        rows.push(vec![
            c.trainee.clone(),
            c.finished.clone(),
            c.day(),
            c.case.clone(),
            c.title.clone(),
            tier(c.tier),
            c.language.clone().unwrap_or_default(),
            c.known_case().to_string(),
            c.total.to_string(),
            c.grade.clone(),
            c.passed.to_string(),
            c.breaks().to_string(),
            c.pauses.to_string(),
            format!("{:.1}", c.paused_ms as f64 / 1000.0),
            c.time_allowance.keyword().to_string(),
            c.seed.to_string(),
            c.origin.to_string(),
        ]);
    }
    rows
}

/// Trainee x rule: followed and broken over the calls covered.
pub fn trainee_rules(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![header(&["trainee", "rule", "followed", "broken"])];
    for t in &report.trainees {
        for (rule, c) in rule_counts(&calls_of(&report.calls, &t.name), &report.rule_order) {
            rows.push(vec![
                t.name.clone(),
                rule,
                c.followed.to_string(),
                c.broken.to_string(),
            ]);
        }
    }
    rows
}

/// Trainee x case: attempts, passes, first and best score.
pub fn trainee_cases(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "trainee",
        "case",
        "title",
        "tier",
        "attempts",
        "passes",
        "passed",
        "first_score",
        "best_score",
        "attempts_to_first_pass",
    ])];
    for t in &report.trainees {
        let results = case_results(&calls_of(&report.calls, &t.name));
        for case in &report.cases {
            if let Some(r) = results.get(&case.id) {
                rows.push(vec![
                    t.name.clone(),
                    case.id.clone(),
                    case.title.clone(),
                    tier(case.tier),
                    r.attempts.to_string(),
                    r.passes.to_string(),
                    r.passed().to_string(),
                    r.first.to_string(),
                    r.best.to_string(),
                    r.first_pass_at.map_or(String::new(), |n| n.to_string()),
                ]);
            }
        }
    }
    rows
}

/// Per case.
pub fn cases(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "case",
        "title",
        "tier",
        "language",
        "known_case",
        "trainees",
        "calls",
        "passes",
        "pass_rate",
        "trainees_passed",
        "mean_attempts_to_first_pass",
        "mean_first_score",
        "mean_best_score",
    ])];
    for s in &report.case_stats {
        rows.push(vec![
            s.case.id.clone(),
            s.case.title.clone(),
            tier(s.case.tier),
            s.case.language.clone().unwrap_or_default(),
            s.case.tier.is_some().to_string(),
            s.trainees.to_string(),
            s.calls.to_string(),
            s.passes.to_string(),
            format!("{:.3}", s.pass_rate()),
            s.trainees_passed.to_string(),
            decimal(s.attempts_to_first_pass),
            decimal(Some(s.mean_first)),
            decimal(Some(s.mean_best)),
        ]);
    }
    rows
}

/// Per reply at each choice point: how often it was chosen.
pub fn replies(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "case",
        "beat",
        "reply",
        "text",
        "follows",
        "breaks",
        "chosen",
        "chosen_share",
        "most_chosen_wrong_reply",
    ])];
    for s in &report.case_stats {
        for beat in &s.beats {
            for r in &beat.replies {
                rows.push(vec![
                    s.case.id.clone(),
                    beat.beat.clone(),
                    (r.reply + 1).to_string(),
                    r.text.clone(),
                    r.follows.join(" "),
                    r.breaks.join(" "),
                    r.chosen.to_string(),
                    format!("{:.3}", r.chosen as f64 / beat.chosen.max(1) as f64),
                    (beat.tempting == Some(r.reply)).to_string(),
                ]);
            }
        }
    }
    rows
}
