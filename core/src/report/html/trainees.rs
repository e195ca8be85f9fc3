//! One part per trainee: their calls and tier, weakest rule, pauses and accommodations, when
//! each tier opened, their scores in order and each rule earlier against lately.

use maud::{Markup, html};

use super::charts::{self, heat};
use super::{TRAINEES, Words, section_head};
use crate::report::Report;
use crate::report::model::{Counts, TraineeReport, Trend};

pub(super) fn section(report: &Report, w: &Words) -> Markup {
    html! {
        section id=(TRAINEES.id) {
            (section_head(&TRAINEES, w))
            @for (t, row) in report.trainee_reports.iter().zip(&report.grid) {
                (trainee(t, row.tier, w))
            }
        }
    }
}

fn trainee(t: &TraineeReport, tier: u8, w: &Words) -> Markup {
    let summary = w.with(
        "report-trainee-summary",
        &[
            ("calls", t.calls.into()),
            ("passes", t.passes.into()),
            ("tier", tier.into()),
        ],
    );
    let weakest = match &t.weakest {
        Some(rule) => w.with("report-weakest", &[("rule", w.rule(rule).into())]),
        None => w.get("report-weakest-none"),
    };
    let mut notes = Vec::new();
    if t.pauses > 0 {
        let minutes = format!("{:.1}", t.paused_ms as f64 / 60_000.0);
        notes.push(w.with(
            "report-trainee-paused",
            &[("pauses", t.pauses.into()), ("minutes", minutes.into())],
        ));
    }
    if t.left > 0 {
        notes.push(w.with("report-trainee-left", &[("left", t.left.into())]));
    }
    html! {
        div.trainee {
            h3 { bdi { (t.name) } }
            p { (summary) }
            p { strong { (weakest) } }
            @for note in &notes { p.meta { (note) } }
            @if let Some(more_time) = more_time(t, w) {
                // An accommodation, shown where the trainer reads the trainee's scores.
                p.meta { strong { (more_time) } }
            }
            @for r in &t.journey.reached {
                p.meta { (w.with("report-tier-reached", &[
                    ("tier", r.tier.into()),
                    ("calls", r.calls.into()),
                    ("days", r.days.into()),
                ])) }
            }
            @if !t.scores.is_empty() {
                p.meta { (w.get("report-scores-chart")) }
                (charts::scores(&t.scores))
            }
            @if !t.rules.is_empty() {
                table {
                    thead { tr {
                        th { (w.get("report-col-rule")) }
                        th.num { (w.get("report-col-earlier")) }
                        th.num { (w.get("report-col-recent")) }
                        th {}
                    } }
                    tbody {
                        @for r in &t.rules {
                            tr.tempting[t.weakest.as_deref() == Some(r.rule.as_str())] {
                                td { (w.rule(&r.rule)) }
                                (counts_cell(r.earlier))
                                (counts_cell(r.recent))
                                td { @match r.trend() {
                                    Some(Trend::Better) => { (w.get("report-trend-better")) }
                                    Some(Trend::Worse) => { (w.get("report-trend-worse")) }
                                    Some(Trend::Same) => { (w.get("report-trend-same")) }
                                    None => {}
                                } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "Calls with more time: 3 (×1.5 (2), ×2 (1))", or None when the trainee had none.
fn more_time(t: &TraineeReport, w: &Words) -> Option<String> {
    if t.more_time.is_empty() {
        return None;
    }
    let factors: Vec<String> = t
        .more_time
        .iter()
        .map(|(a, n)| format!("×{} ({n})", a.factor_text()))
        .collect();
    Some(w.with(
        "report-trainee-more-time",
        &[
            ("calls", t.more_time.values().sum::<usize>().into()),
            ("factors", factors.join(", ").into()),
        ],
    ))
}

/// A rule's broken count out of the times it was judged, on its heatmap colour.
fn counts_cell(c: Counts) -> Markup {
    html! {
        td.num.heat style={ "background:" (heat(c.broken_share())) } {
            @if c.judged() == 0 {
                "-"
            } @else {
                // Isolated left to right, so "2 / 5" does not read "5 / 2" in Arabic.
                bdi dir="ltr" { (c.broken) " / " (c.judged()) }
            }
        }
    }
}
