//! The group over time: calls and passes per day, and how long each tier took to open.

use maud::{Markup, html};

use super::charts;
use super::{TIME, Words, one_decimal, section_head};
use crate::report::Report;

pub(super) fn section(report: &Report, w: &Words) -> Markup {
    html! {
        section id=(TIME.id) {
            (section_head(&TIME, w))
            p.legend {
                span style="background:#9db7d5" {}
                (w.get("report-daily-calls")) " \u{a0} "
                span style="background:var(--good)" {}
                (w.get("report-daily-passes"))
            }
            (charts::daily(&report.daily))
            h3 { (w.get("report-tier-steps")) }
            table {
                thead { tr {
                    th { (w.get("report-col-tier")) }
                    th.num { (w.get("report-col-opened")) }
                    th.num { (w.get("report-col-median-calls")) }
                    th.num { (w.get("report-col-median-days")) }
                } }
                tbody {
                    @for step in &report.tier_steps {
                        tr {
                            td { (w.with("report-tier", &[("tier", step.tier.into())])) }
                            td.num { (step.trainees) }
                            td.num { (one_decimal(step.median_calls)) }
                            td.num { (one_decimal(step.median_days)) }
                        }
                    }
                }
            }
        }
    }
}
