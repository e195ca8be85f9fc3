//! The group at a glance: the trainees x cases grid and the rule heatmap by tier.

use maud::{Markup, html};

use super::charts::heat;
use super::{GRID, RULES, Words, section_head};
use crate::i18n::note_text;
use crate::report::Report;
use crate::report::model::{CaseResult, Counts, PlayedCase, RuleRow};

/// Trainees down, cases across: each cell a trainee's best score and attempts.
pub(super) fn grid(report: &Report, w: &Words) -> Markup {
    html! {
        section id=(GRID.id) {
            (section_head(&GRID, w))
            div.scroll { table.grid {
                thead { tr {
                    th { (w.get("report-col-trainee")) }
                    th.num { (w.get("report-col-tier")) }
                    th.num { (w.get("report-col-calls")) }
                    th.num { (w.get("report-col-passes")) }
                    @for case in &report.cases {
                        @let title = w.case(case);
                        th.case title=(title) { bdi { (title) } }
                    }
                } }
                tbody {
                    @for row in &report.grid {
                        tr {
                            th { bdi { (row.trainee) } }
                            td.num { (row.tier) }
                            td.num { (row.calls) }
                            td.num { (row.passes) }
                            @for (case, cell) in report.cases.iter().zip(&row.cells) {
                                @match cell {
                                    None => { td.cell {} }
                                    Some(r) => { (grid_cell(w, case, r)) }
                                }
                            }
                        }
                    }
                }
            } }
        }
    }
}

fn grid_cell(w: &Words, case: &PlayedCase, r: &CaseResult) -> Markup {
    let class = if r.passed() { "pass" } else { "fail" };
    let title = w.with(
        "report-cell-title",
        &[
            ("case", w.case(case).into()),
            ("best", r.best.into()),
            ("attempts", r.attempts.into()),
        ],
    );
    html! {
        td class={ "cell " (class) } title=(title) { bdi dir="ltr" { (r.best) " / " (r.attempts) } }
    }
}

/// Each rule's broken share per tier, the most broken first, with its typical moment.
pub(super) fn rules(report: &Report, w: &Words) -> Markup {
    html! {
        section id=(RULES.id) {
            (section_head(&RULES, w))
            div.scroll { table.heatmap {
                thead { tr {
                    th { (w.get("report-col-rule")) }
                    @for tier in &report.heatmap.tiers {
                        th.num { @match tier {
                            Some(t) => { (w.with("report-tier", &[("tier", (*t).into())])) }
                            None => { (w.get("report-tier-unknown")) }
                        } }
                    }
                    th.num { (w.get("report-col-broken")) }
                    th.num { (w.get("report-col-followed")) }
                    th { (w.get("report-col-typical")) }
                } }
                tbody {
                    @for row in &report.heatmap.rows {
                        tr {
                            th { (w.rule(&row.rule)) }
                            @for c in &row.by_tier { (heat_cell(w, *c)) }
                            td.num { (row.all.broken) }
                            td.num { (row.all.followed) }
                            td { (typical(w, row)) }
                        }
                    }
                }
            } }
        }
    }
}

/// "Broken most often at exchange 3 of ..., by ...": where the rule usually goes wrong.
fn typical(w: &Words, row: &RuleRow) -> String {
    row.typical.as_ref().map_or(String::new(), |t| {
        let rule = w.rule(&row.rule);
        let what = match t.what {
            Some(note) => note_text(w.messages, w.lang, note, &rule, false),
            None => t.note.clone(),
        };
        w.with(
            "report-typical",
            &[
                ("what", what.into()),
                ("exchange", t.exchange.into()),
                ("case", t.case_title.clone().into()),
                ("count", t.count.into()),
                ("total", t.of.into()),
            ],
        )
    })
}

fn heat_cell(w: &Words, c: Counts) -> Markup {
    if c.judged() == 0 {
        return html! { td.num.heat {} };
    }
    let counts = w.with(
        "report-heat-cell",
        &[("broken", c.broken.into()), ("judged", c.judged().into())],
    );
    html! {
        td.num.heat style={ "background:" (heat(c.broken_share())) } { (counts) }
    }
}
