//! The report as one self-contained HTML page: inline CSS (with a print layout), charts as
//! inline SVG, nothing fetched, so it opens offline in any browser and prints. Every word
//! comes from `assets/locales/*/report.ftl` in the report's language (right to left for
//! Arabic and Hebrew). The page is written with `maud`, which escapes every value it is
//! given: only the stylesheet and the case maps (SVG this crate drew) go in as they are.

mod cases;
mod charts;
mod cohort;
mod shifts;
mod skipped;
mod time;
mod trainees;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::model::PlayedCase;
use super::{Origin, Report};
use crate::guidance::Catalogue;
use crate::i18n::{Lang, Messages, Value, args};

/// The page's stylesheet, kept as CSS so an editor highlights it.
const CSS: &str = include_str!("report.css");

/// The report's words in its language. Placeables are isolated (U+2068 ... U+2069), so a
/// Latin name inside an Arabic sentence keeps its own direction. Plain text: the page
/// escapes it where it goes in.
struct Words<'a> {
    messages: &'static Messages,
    lang: Lang,
    catalogue: &'a Catalogue,
}

impl Words<'_> {
    fn get(&self, id: &str) -> String {
        self.messages.get(self.lang, id)
    }

    fn with(&self, id: &str, pairs: &[(&str, Value<'_>)]) -> String {
        self.messages.text(self.lang, id, Some(&args(pairs)))
    }

    /// A rule's name in the report's language; its id when the catalogue does not have it.
    fn rule(&self, id: &str) -> String {
        if self.catalogue.contains(id) {
            self.catalogue.rule_name(self.lang, id)
        } else {
            id.to_string()
        }
    }

    fn case(&self, case: &PlayedCase) -> String {
        if case.tier.is_some() {
            case.title.clone()
        } else {
            self.with("report-unknown-case", &[("id", case.id.clone().into())])
        }
    }

    /// "42 %" in the report's language.
    fn percent(&self, share: f64) -> String {
        self.with(
            "report-percent",
            &[("value", ((share * 100.0).round() as i64).into())],
        )
    }
}

/// A figure with one decimal, or "-" when there is none.
fn one_decimal(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"))
}

/// A section of the page: its anchor, its title and the sentence under the title that says
/// how to read it, where it has one.
struct Section {
    id: &'static str,
    title: &'static str,
    explain: Option<&'static str>,
}

const GRID: Section = Section {
    id: "grid",
    title: "report-section-grid",
    explain: Some("report-grid-explain"),
};
const RULES: Section = Section {
    id: "rules",
    title: "report-section-rules",
    explain: Some("report-rules-explain"),
};
const CASES: Section = Section {
    id: "cases",
    title: "report-section-cases",
    explain: Some("report-cases-explain"),
};
const TIME: Section = Section {
    id: "time",
    title: "report-section-time",
    explain: None,
};
const TRAINEES: Section = Section {
    id: "trainees",
    title: "report-section-trainees",
    explain: None,
};
const SHIFTS: Section = Section {
    id: "shifts",
    title: "report-section-shifts",
    explain: Some("report-shifts-explain"),
};
const SKIPPED: Section = Section {
    id: "skipped",
    title: "report-section-skipped",
    explain: Some("report-skipped-explain"),
};

/// The sections in page order, as the page's contents list them.
const SECTIONS: [&Section; 7] = [&GRID, &RULES, &CASES, &TIME, &TRAINEES, &SHIFTS, &SKIPPED];

/// The whole page.
pub fn page(report: &Report, catalogue: &Catalogue) -> String {
    let w = Words {
        messages: Messages::for_screen(),
        lang: report.lang,
        catalogue,
    };
    let dir = if report.lang.is_rtl() { "rtl" } else { "ltr" };
    let page = html! {
        (DOCTYPE)
        html lang=(report.lang.code()) dir=(dir) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (w.get("report-title")) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (header(report, &w))
                @if report.calls.is_empty() {
                    p.empty { (w.get("report-no-calls")) }
                } @else {
                    nav { ul {
                        @for section in SECTIONS {
                            li { a href={ "#" (section.id) } { (w.get(section.title)) } }
                        }
                    } }
                    (cohort::grid(report, &w))
                    (cohort::rules(report, &w))
                    (cases::section(report, &w))
                    (time::section(report, &w))
                    (trainees::section(report, &w))
                    (shifts::section(report, &w))
                }
                (skipped::section(report, &w))
            }
        }
    };
    page.into_string()
}

/// The title, what the report covers, where it was read from and the filters applied.
fn header(report: &Report, w: &Words) -> Markup {
    let mut meta = vec![match &report.source {
        Origin::Lrs(endpoint) => w.with(
            "report-lrs-source",
            &[("endpoint", endpoint.clone().into())],
        ),
        Origin::File(dir) => w.with(
            "report-data-folder",
            &[("dir", dir.display().to_string().into())],
        ),
    }];
    if let Some(day) = &report.filter.since {
        meta.push(w.with("report-filter-since", &[("day", day.clone().into())]));
    }
    if let Some(t) = report
        .trainees
        .first()
        .filter(|_| report.filter.trainee.is_some())
    {
        meta.push(w.with("report-filter-trainee", &[("name", t.name.clone().into())]));
    }
    let files = [
        super::csv::CALLS,
        super::csv::TRAINEE_RULES,
        super::csv::TRAINEE_CASES,
        super::csv::CASES,
        super::csv::REPLIES,
    ]
    .join(", ");
    meta.push(w.with("report-csv-note", &[("files", files.into())]));
    html! {
        header {
            h1 { (w.get("report-title")) }
            @if let (Some(first), Some(last)) = (report.calls.first(), report.calls.last()) {
                p { (w.with("report-summary", &[
                    ("calls", report.calls.len().into()),
                    ("trainees", report.trainees.len().into()),
                    ("from", first.day().into()),
                    ("to", last.day().into()),
                ])) }
            }
            @for line in &meta {
                p.meta { (line) }
            }
        }
    }
}

/// A section's opening: its title (the first one's starts the printed page's flow) and the
/// sentence that says how to read it.
fn section_head(section: &Section, w: &Words) -> Markup {
    html! {
        h2.first[section.id == SECTIONS[0].id] { (w.get(section.title)) }
        @if let Some(explain) = section.explain {
            p.explain { (w.get(explain)) }
        }
    }
}
