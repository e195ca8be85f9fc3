//! The files the report could not read, and why: nothing is left out silently.

use maud::{Markup, html};

use super::{SKIPPED, Words, section_head};
use crate::report::{Origin, Report};

pub(super) fn section(report: &Report, w: &Words) -> Markup {
    let data_dir = match &report.source {
        Origin::File(dir) => Some(dir.as_path()),
        Origin::Lrs(_) => None,
    };
    html! {
        section id=(SKIPPED.id) {
            (section_head(&SKIPPED, w))
            @if report.skipped.is_empty() {
                p { (w.get("report-skipped-none")) }
            } @else {
                table {
                    thead { tr {
                        th { (w.get("report-col-file")) }
                        th { (w.get("report-col-why")) }
                    } }
                    tbody {
                        @for s in &report.skipped {
                            tr {
                                td dir="ltr" { code { (s.origin.shown(data_dir)) } }
                                td { (s.why(w.messages, w.lang)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
