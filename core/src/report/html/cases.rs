//! Each case across the group: a table of pass rates and scores, then per case its map and
//! what the group chose at each choice point.

use maud::{Markup, PreEscaped, html};

use super::charts::bar;
use super::{CASES, Words, one_decimal, section_head};
use crate::report::Report;
use crate::report::model::{BeatChoices, CaseStats};

/// The table's columns: message id and whether the column holds a number.
const COLUMNS: [(&str, bool); 8] = [
    ("report-col-case", false),
    ("report-col-tier", true),
    ("report-col-trainees", true),
    ("report-col-calls", true),
    ("report-col-pass-rate", true),
    ("report-col-attempts-to-pass", true),
    ("report-col-first-score", true),
    ("report-col-best-score", true),
];

pub(super) fn section(report: &Report, w: &Words) -> Markup {
    html! {
        section id=(CASES.id) {
            (section_head(&CASES, w))
            div.scroll { table {
                thead { tr {
                    @for (id, num) in COLUMNS { th.num[num] { (w.get(id)) } }
                } }
                tbody {
                    @for s in &report.case_stats { (row(w, s)) }
                }
            } }
            @for s in &report.case_stats {
                h3 id={ "case-" (s.case.id) } { (w.case(&s.case)) }
                @if let Some(map) = report.maps.get(&s.case.id) {
                    figure.map {
                        // Inside HTML the parser gives an `svg` element its namespace, so
                        // the page keeps no address at all. The drawing scrolls sideways on
                        // its own. The map is SVG this crate drew, escaped as it was written.
                        div.scroll { (PreEscaped(map.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1))) }
                        figcaption { (w.get("report-map-caption")) }
                    }
                }
                @for beat in &s.beats { (choices(w, beat)) }
            }
        }
    }
}

fn row(w: &Words, s: &CaseStats) -> Markup {
    html! {
        tr {
            td { a href={ "#case-" (s.case.id) } { (w.case(&s.case)) } }
            td.num { (s.case.tier.map_or("-".into(), |t| t.to_string())) }
            td.num { (s.trainees) }
            td.num { (s.calls) }
            td.num { (bar(s.pass_rate(), 60, "var(--good)")) " " (w.percent(s.pass_rate())) }
            td.num { (one_decimal(s.attempts_to_first_pass)) }
            td.num { (format!("{:.0}", s.mean_first)) }
            td.num { (format!("{:.0}", s.mean_best)) }
        }
    }
}

/// One choice point: each reply with how often it was chosen, the rules it breaks and
/// whether it is the tempting one.
fn choices(w: &Words, beat: &BeatChoices) -> Markup {
    let heading = w.with(
        "report-choice-point",
        &[
            ("beat", beat.beat.clone().into()),
            ("count", beat.chosen.into()),
        ],
    );
    html! {
        div.choice {
            p { (heading) }
            table {
                thead { tr {
                    th { (w.get("report-col-reply")) }
                    th.num { (w.get("report-col-chosen")) }
                    th {}
                } }
                tbody {
                    @for r in &beat.replies {
                        @let share = r.chosen as f64 / beat.chosen.max(1) as f64;
                        @let tempting = beat.tempting == Some(r.reply);
                        @let colour = if r.breaks.is_empty() { "var(--bar)" } else { "var(--bad)" };
                        tr.tempting[tempting] {
                            td {
                                (r.reply + 1) ". " (r.text)
                                @if !r.breaks.is_empty() {
                                    @let names: Vec<String> = r.breaks.iter().map(|b| w.rule(b)).collect();
                                    div.meta { (w.with("report-breaks", &[("rules", names.join(", ").into())])) }
                                }
                                @if tempting {
                                    span.tag { (w.get("report-tempting")) }
                                }
                            }
                            td.num { (r.chosen) " (" (w.percent(share)) ")" }
                            td { (bar(share, 120, colour)) }
                        }
                    }
                }
            }
        }
    }
}
