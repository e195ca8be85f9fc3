//! One row per shift worked: the measures a supervisor reads at the end of a day.

use maud::{Markup, html};

use super::{SHIFTS, Words, section_head};
use crate::report::Report;
use crate::shift::ShiftRecord;

/// The table's columns: message id and whether the column holds a number.
const COLUMNS: [(&str, bool); 11] = [
    ("report-col-trainee", false),
    ("report-col-shift", false),
    ("report-col-day", false),
    ("report-col-calls", true),
    ("report-col-passes", true),
    ("report-col-fcr", true),
    ("report-col-promises", true),
    ("report-col-handle-time", true),
    ("report-col-service-level", true),
    ("report-col-strain", true),
    ("report-col-shift-result", false),
];

pub(super) fn section(report: &Report, w: &Words) -> Markup {
    html! {
        section id=(SHIFTS.id) {
            (section_head(&SHIFTS, w))
            @if report.shifts.is_empty() {
                p { (w.get("report-shifts-none")) }
            } @else {
                div.scroll { table {
                    thead { tr {
                        @for (id, num) in COLUMNS { th.num[num] { (w.get(id)) } }
                    } }
                    tbody {
                        @for r in &report.shifts { (row(w, r)) }
                    }
                } }
            }
        }
    }
}

fn row(w: &Words, r: &ShiftRecord) -> Markup {
    let s = &r.summary;
    let handle = s.average_handle_s.round() as u64;
    let result = if s.passed {
        w.get("report-shift-passed")
    } else {
        w.get("report-shift-not-passed")
    };
    html! {
        tr {
            td { bdi { (r.profile) } }
            td { bdi { (r.title) } }
            td { (r.finished.get(..10).unwrap_or(&r.finished)) }
            td.num { (s.calls_handled) }
            td.num { (s.calls_passed) }
            td.num { (w.percent(s.first_contact_resolution)) }
            td.num { (s.promises_kept) " / " (s.promises_made) }
            td.num { (handle / 60) ":" (format!("{:02}", handle % 60)) }
            td.num { (w.percent(s.service_level)) }
            td.num { (s.peak_strain) }
            td { (result) }
        }
    }
}
