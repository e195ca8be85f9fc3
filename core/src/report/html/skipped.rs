//! The files the report could not read, and why: nothing is left out silently.

use maud::{Markup, html};

use super::{Words, section_head};
use crate::report::Report;

pub(super) fn section(report: &Report, w: &Words) -> Markup {
    html! {
        section id="skipped" {
            (section_head("skipped", w, false))
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
                            @let path = s.path.strip_prefix(&report.data_dir).unwrap_or(&s.path);
                            tr {
                                td dir="ltr" { code { (path.display().to_string()) } }
                                td { (s.why(w.messages, w.lang)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
