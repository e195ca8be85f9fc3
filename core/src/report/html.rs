//! The report as one self-contained HTML page: inline CSS (with a print layout), charts as
//! inline SVG, nothing fetched, so it opens offline in any browser and prints. Every word
//! comes from `assets/locales/*/report.ftl` in the report's language (right to left for
//! Arabic and Hebrew); every name and title from the data is escaped.

use std::fmt::Write;

use super::Report;
use super::model::{CaseInfo, CaseResult, Counts, TraineeReport};
use crate::guidance::Catalogue;
use crate::i18n::{Lang, Messages, Value, args, note_text};

use crate::markup::escape as esc;

/// The report's words, escaped for HTML. Placeables are isolated (U+2068 ... U+2069), so a
/// Latin name inside an Arabic sentence keeps its own direction.
struct Words<'a> {
    messages: &'static Messages,
    lang: Lang,
    catalogue: &'a Catalogue,
}

impl Words<'_> {
    fn get(&self, id: &str) -> String {
        esc(&self.messages.get(self.lang, id))
    }

    fn with(&self, id: &str, pairs: &[(&str, Value<'_>)]) -> String {
        esc(&self.raw(id, pairs))
    }

    fn raw(&self, id: &str, pairs: &[(&str, Value<'_>)]) -> String {
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

    fn case(&self, case: &CaseInfo) -> String {
        if case.tier.is_some() {
            case.title.clone()
        } else {
            self.raw("report-unknown-case", &[("id", case.id.clone().into())])
        }
    }
}

const CSS: &str = r#"
:root { --ink: #1d232b; --muted: #5b6570; --line: #d5dbe1; --pass: #cfeed6; --fail: #f7d4d4;
  --bar: #4a78a8; --good: #2e8b57; --bad: #c0392b; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", system-ui, sans-serif;
  color: var(--ink); background: #fff; margin: 0 auto; padding: 24px; max-width: 1200px;
  line-height: 1.45; }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.3em; border-bottom: 2px solid var(--line); padding-bottom: .2em; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p.explain, .meta { color: var(--muted); font-size: .92em; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4em 1.2em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid var(--line); padding: .25em .5em; text-align: start; vertical-align: top; }
th { background: #f2f4f6; font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
table.grid th.case { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 14em;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 500; }
[dir="rtl"] table.grid th.case { transform: none; }
td.pass { background: var(--pass); }
td.fail { background: var(--fail); }
td.cell { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.tempting td { font-weight: 600; }
.tag { display: inline-block; font-size: .8em; padding: 0 .4em; border-radius: 3px;
  background: var(--fail); margin-inline-start: .4em; }
.trainee { border-top: 1px solid var(--line); margin-top: 1.2em; }
.chart { direction: ltr; margin: .4em 0 1em; }
.chart svg text { font-size: 11px; fill: var(--muted); }
/* A case's map keeps its own sizes and colours, and scrolls sideways when wider than the
   page. */
figure.map { margin: .6em 0 1em; }
figure.map figcaption { color: var(--muted); font-size: .88em; }
.legend span { display: inline-block; width: .9em; height: .9em; margin-inline-end: .3em;
  vertical-align: middle; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  h2 { break-before: page; }
  h2.first { break-before: auto; }
  table, .chart, .choice, figure.map { break-inside: avoid; }
  figure.map svg { max-width: 100%; height: auto; }
  .scroll { overflow: visible; }
  td.pass, td.fail, .heat, .tag, .legend span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The whole page.
pub fn page(report: &Report, catalogue: &Catalogue) -> String {
    let w = Words {
        messages: Messages::for_screen(),
        lang: report.lang,
        catalogue,
    };
    let mut h = String::new();
    let dir = if report.lang.is_rtl() { "rtl" } else { "ltr" };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        report.lang.code(),
        w.get("report-title"),
    );
    header(&mut h, report, &w);
    if report.calls.is_empty() {
        let _ = writeln!(h, "<p class=\"empty\">{}</p>", w.get("report-no-calls"));
    } else {
        let sections = [
            ("grid", "report-section-grid"),
            ("rules", "report-section-rules"),
            ("cases", "report-section-cases"),
            ("time", "report-section-time"),
            ("trainees", "report-section-trainees"),
            ("shifts", "report-section-shifts"),
            ("skipped", "report-section-skipped"),
        ];
        h.push_str("<nav><ul>\n");
        for (id, title) in sections {
            let _ = writeln!(h, "<li><a href=\"#{id}\">{}</a></li>", w.get(title));
        }
        h.push_str("</ul></nav>\n");
        grid(&mut h, report, &w);
        rules(&mut h, report, &w);
        cases(&mut h, report, &w);
        time(&mut h, report, &w);
        trainees(&mut h, report, &w);
        shifts(&mut h, report, &w);
    }
    skipped(&mut h, report, &w);
    h.push_str("</body>\n</html>\n");
    h
}

fn header(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(h, "<header>\n<h1>{}</h1>", w.get("report-title"));
    if let (Some(first), Some(last)) = (report.calls.first(), report.calls.last()) {
        let _ = writeln!(
            h,
            "<p>{}</p>",
            w.with(
                "report-summary",
                &[
                    ("calls", report.calls.len().into()),
                    ("trainees", report.trainees.len().into()),
                    ("from", first.day().into()),
                    ("to", last.day().into()),
                ]
            )
        );
    }
    let mut meta = vec![match &report.lrs {
        Some(endpoint) => w.with(
            "report-lrs-source",
            &[("endpoint", endpoint.clone().into())],
        ),
        None => w.with(
            "report-data-folder",
            &[("dir", report.data_dir.display().to_string().into())],
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
    for line in meta {
        let _ = writeln!(h, "<p class=\"meta\">{line}</p>");
    }
    h.push_str("</header>\n");
}

fn percent(w: &Words, share: f64) -> String {
    w.with(
        "report-percent",
        &[("value", ((share * 100.0).round() as i64).into())],
    )
}

fn one_decimal(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"))
}

fn grid(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(
        h,
        "<section id=\"grid\">\n<h2 class=\"first\">{}</h2>\n<p class=\"explain\">{}</p>",
        w.get("report-section-grid"),
        w.get("report-grid-explain")
    );
    h.push_str("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr>");
    let _ = write!(
        h,
        "<th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>",
        w.get("report-col-trainee"),
        w.get("report-col-tier"),
        w.get("report-col-calls"),
        w.get("report-col-passes")
    );
    for case in &report.cases {
        let title = w.case(case);
        let _ = write!(
            h,
            "<th class=\"case\" title=\"{}\"><bdi>{}</bdi></th>",
            esc(&title),
            esc(&title)
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &report.grid {
        let _ = write!(
            h,
            "<tr><th><bdi>{}</bdi></th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            esc(&row.trainee),
            row.tier,
            row.calls,
            row.passes
        );
        for (case, cell) in report.cases.iter().zip(&row.cells) {
            match cell {
                None => h.push_str("<td class=\"cell\"></td>"),
                Some(r) => grid_cell(h, w, case, r),
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></div>\n</section>\n");
}

fn grid_cell(h: &mut String, w: &Words, case: &CaseInfo, r: &CaseResult) {
    let class = if r.passed() { "pass" } else { "fail" };
    let title = w.with(
        "report-cell-title",
        &[
            ("case", w.case(case).into()),
            ("best", r.best.into()),
            ("attempts", r.attempts.into()),
        ],
    );
    let _ = write!(
        h,
        "<td class=\"cell {class}\" title=\"{title}\"><bdi dir=\"ltr\">{} / {}</bdi></td>",
        r.best, r.attempts
    );
}

/// A heatmap colour from white (never broken) to red (always broken).
fn heat(share: f64) -> String {
    let s = share.clamp(0.0, 1.0);
    let mix = |from: f64, to: f64| (from + (to - from) * s).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(255.0, 214.0),
        mix(255.0, 69.0),
        mix(255.0, 65.0)
    )
}

fn rules(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(
        h,
        "<section id=\"rules\">\n<h2>{}</h2>\n<p class=\"explain\">{}</p>",
        w.get("report-section-rules"),
        w.get("report-rules-explain")
    );
    h.push_str("<div class=\"scroll\"><table class=\"heatmap\">\n<thead><tr>");
    let _ = write!(h, "<th>{}</th>", w.get("report-col-rule"));
    for tier in &report.heatmap.tiers {
        let label = match tier {
            Some(t) => w.with("report-tier", &[("tier", (*t).into())]),
            None => w.get("report-tier-unknown"),
        };
        let _ = write!(h, "<th class=\"num\">{label}</th>");
    }
    let _ = write!(
        h,
        "<th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.get("report-col-broken"),
        w.get("report-col-followed"),
        w.get("report-col-typical")
    );
    for row in &report.heatmap.rows {
        let _ = write!(h, "<tr><th>{}</th>", esc(&w.rule(&row.rule)));
        for c in &row.by_tier {
            heat_cell(h, w, *c);
        }
        let typical = row.typical.as_ref().map_or(String::new(), |t| {
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
        });
        let _ = writeln!(
            h,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{typical}</td></tr>",
            row.all.broken, row.all.followed
        );
    }
    h.push_str("</tbody></table></div>\n</section>\n");
}

fn heat_cell(h: &mut String, w: &Words, c: Counts) {
    if c.judged() == 0 {
        h.push_str("<td class=\"num heat\"></td>");
        return;
    }
    let _ = write!(
        h,
        "<td class=\"num heat\" style=\"background:{}\">{}</td>",
        heat(c.broken_share()),
        w.with(
            "report-heat-cell",
            &[("broken", c.broken.into()), ("judged", c.judged().into())]
        )
    );
}

/// A horizontal bar, `share` of `width` filled, as inline SVG.
fn bar(share: f64, width: u32, colour: &str) -> String {
    let filled = (share.clamp(0.0, 1.0) * f64::from(width)).round();
    format!(
        "<svg class=\"bar\" width=\"{width}\" height=\"10\" viewBox=\"0 0 {width} 10\" role=\"img\">\
         <rect x=\"0\" y=\"0\" width=\"{width}\" height=\"10\" fill=\"#eef1f4\"/>\
         <rect x=\"0\" y=\"0\" width=\"{filled}\" height=\"10\" fill=\"{colour}\"/></svg>"
    )
}

fn cases(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(
        h,
        "<section id=\"cases\">\n<h2>{}</h2>\n<p class=\"explain\">{}</p>",
        w.get("report-section-cases"),
        w.get("report-cases-explain")
    );
    h.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
    for (id, num) in [
        ("report-col-case", false),
        ("report-col-tier", true),
        ("report-col-trainees", true),
        ("report-col-calls", true),
        ("report-col-pass-rate", true),
        ("report-col-attempts-to-pass", true),
        ("report-col-first-score", true),
        ("report-col-best-score", true),
    ] {
        let class = if num { " class=\"num\"" } else { "" };
        let _ = write!(h, "<th{class}>{}</th>", w.get(id));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for s in &report.case_stats {
        let _ = writeln!(
            h,
            "<tr><td><a href=\"#case-{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{} {}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{:.0}</td><td class=\"num\">{:.0}</td></tr>",
            esc(&s.case.id),
            esc(&w.case(&s.case)),
            s.case.tier.map_or("-".into(), |t| t.to_string()),
            s.trainees,
            s.calls,
            bar(s.pass_rate(), 60, "var(--good)"),
            percent(w, s.pass_rate()),
            one_decimal(s.attempts_to_first_pass),
            s.mean_first,
            s.mean_best,
        );
    }
    h.push_str("</tbody></table></div>\n");
    for s in &report.case_stats {
        let _ = writeln!(
            h,
            "<h3 id=\"case-{}\">{}</h3>",
            esc(&s.case.id),
            esc(&w.case(&s.case))
        );
        if let Some(map) = report.maps.get(&s.case.id) {
            // Inside HTML the parser gives an `svg` element its namespace, so the page keeps
            // no address at all. The drawing scrolls sideways on its own.
            let map = map.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
            let _ = writeln!(
                h,
                "<figure class=\"map\"><div class=\"scroll\">{map}</div><figcaption>{}</figcaption></figure>",
                w.get("report-map-caption")
            );
        }
        for beat in &s.beats {
            let _ = writeln!(
                h,
                "<div class=\"choice\"><p>{}</p><table><thead><tr><th>{}</th><th class=\"num\">{}</th><th></th></tr></thead><tbody>",
                w.with(
                    "report-choice-point",
                    &[
                        ("beat", beat.beat.clone().into()),
                        ("count", beat.chosen.into())
                    ]
                ),
                w.get("report-col-reply"),
                w.get("report-col-chosen"),
            );
            for r in &beat.replies {
                let share = r.chosen as f64 / beat.chosen.max(1) as f64;
                let tempting = beat.tempting == Some(r.reply);
                let mut notes = String::new();
                if !r.breaks.is_empty() {
                    let names: Vec<String> = r.breaks.iter().map(|b| w.rule(b)).collect();
                    let _ = write!(
                        notes,
                        "<div class=\"meta\">{}</div>",
                        w.with("report-breaks", &[("rules", names.join(", ").into())])
                    );
                }
                if tempting {
                    let _ = write!(
                        notes,
                        "<span class=\"tag\">{}</span>",
                        w.get("report-tempting")
                    );
                }
                let colour = if r.breaks.is_empty() {
                    "var(--bar)"
                } else {
                    "var(--bad)"
                };
                let _ = writeln!(
                    h,
                    "<tr{}><td>{}. {}{notes}</td><td class=\"num\">{} ({})</td><td>{}</td></tr>",
                    if tempting { " class=\"tempting\"" } else { "" },
                    r.reply + 1,
                    esc(&r.text),
                    r.chosen,
                    percent(w, share),
                    bar(share, 120, colour),
                );
            }
            h.push_str("</tbody></table></div>\n");
        }
    }
    h.push_str("</section>\n");
}

fn time(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(
        h,
        "<section id=\"time\">\n<h2>{}</h2>",
        w.get("report-section-time")
    );
    let _ = writeln!(
        h,
        "<p class=\"legend\"><span style=\"background:#9db7d5\"></span>{} &#160; <span style=\"background:var(--good)\"></span>{}</p>",
        w.get("report-daily-calls"),
        w.get("report-daily-passes")
    );
    daily_chart(h, report);
    let _ = writeln!(
        h,
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        w.get("report-tier-steps"),
        w.get("report-col-tier"),
        w.get("report-col-opened"),
        w.get("report-col-median-calls"),
        w.get("report-col-median-days"),
    );
    for step in &report.tier_steps {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            w.with("report-tier", &[("tier", step.tier.into())]),
            step.trainees,
            one_decimal(step.median_calls),
            one_decimal(step.median_days),
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// Calls (light) and passes (green) per day as an SVG bar chart, time left to right.
fn daily_chart(h: &mut String, report: &Report) {
    let days = &report.daily;
    let max = days.iter().map(|d| d.calls).max().unwrap_or(0).max(1);
    let step: u32 = 18;
    let (left, top, plot_h) = (34u32, 10u32, 160u32);
    let width = left + step * days.len() as u32 + 10;
    let height = top + plot_h + 40;
    let _ = write!(
        h,
        "<div class=\"chart\"><svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">"
    );
    let y = |v: usize| top + plot_h - (v as f64 / max as f64 * f64::from(plot_h)).round() as u32;
    let _ = write!(
        h,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{max}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>",
        top + plot_h,
        width - 5,
        top + plot_h,
        left - 4,
        top + 8,
        left - 4,
        top + plot_h,
    );
    // A date under every bar when there is room, else every seventh.
    let label_every = if days.len() <= 20 { 1 } else { 7 };
    for (i, d) in days.iter().enumerate() {
        let x = left + step * i as u32 + 3;
        let _ = write!(
            h,
            "<rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#9db7d5\"><title>{} {}</title></rect>",
            y(d.calls),
            step - 6,
            top + plot_h - y(d.calls),
            esc(&d.day),
            d.calls
        );
        let _ = write!(
            h,
            "<rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2e8b57\"/>",
            y(d.passes),
            step - 6,
            top + plot_h - y(d.passes),
        );
        if i % label_every == 0 {
            let _ = write!(
                h,
                "<text x=\"{}\" y=\"{}\" transform=\"rotate(45 {} {})\">{}</text>",
                x,
                top + plot_h + 12,
                x,
                top + plot_h + 12,
                esc(d.day.get(5..).unwrap_or(&d.day))
            );
        }
    }
    h.push_str("</svg></div>\n");
}

/// One row per shift worked: the measures a supervisor reads at the end of a day.
fn shifts(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(
        h,
        "<section id=\"shifts\">\n<h2>{}</h2>\n<p class=\"explain\">{}</p>",
        w.get("report-section-shifts"),
        w.get("report-shifts-explain")
    );
    if report.shifts.is_empty() {
        let _ = writeln!(h, "<p>{}</p></section>", w.get("report-shifts-none"));
        return;
    }
    h.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
    for (id, num) in [
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
    ] {
        let class = if num { " class=\"num\"" } else { "" };
        let _ = write!(h, "<th{class}>{}</th>", w.get(id));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in &report.shifts {
        let s = &r.summary;
        let handle = s.average_handle_s.round() as u64;
        let result = if s.passed {
            w.get("report-shift-passed")
        } else {
            w.get("report-shift-not-passed")
        };
        let _ = writeln!(
            h,
            "<tr><td><bdi>{}</bdi></td><td><bdi>{}</bdi></td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{} / {}</td>\
             <td class=\"num\">{}:{:02}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&r.profile),
            esc(&r.title),
            esc(r.finished.get(..10).unwrap_or(&r.finished)),
            s.calls_handled,
            s.calls_passed,
            percent(w, s.first_contact_resolution),
            s.promises_kept,
            s.promises_made,
            handle / 60,
            handle % 60,
            percent(w, s.service_level),
            s.peak_strain,
            esc(&result),
        );
    }
    h.push_str("</tbody></table></div>\n</section>\n");
}

fn trainees(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(
        h,
        "<section id=\"trainees\">\n<h2>{}</h2>",
        w.get("report-section-trainees")
    );
    for (t, row) in report.trainee_reports.iter().zip(&report.grid) {
        trainee(h, t, row.tier, w);
    }
    h.push_str("</section>\n");
}

fn trainee(h: &mut String, t: &TraineeReport, tier: u8, w: &Words) {
    let _ = writeln!(
        h,
        "<div class=\"trainee\"><h3><bdi>{}</bdi></h3>\n<p>{}</p>",
        esc(&t.name),
        w.with(
            "report-trainee-summary",
            &[
                ("calls", t.calls.into()),
                ("passes", t.passes.into()),
                ("tier", tier.into()),
            ]
        )
    );
    let weakest = match &t.weakest {
        Some(rule) => w.with("report-weakest", &[("rule", w.rule(rule).into())]),
        None => w.get("report-weakest-none"),
    };
    let _ = writeln!(h, "<p><strong>{weakest}</strong></p>");
    if t.pauses > 0 {
        let minutes = format!("{:.1}", t.paused_ms as f64 / 60_000.0);
        let _ = writeln!(
            h,
            "<p class=\"meta\">{}</p>",
            w.with(
                "report-trainee-paused",
                &[("pauses", t.pauses.into()), ("minutes", minutes.into())]
            )
        );
    }
    if t.left > 0 {
        let _ = writeln!(
            h,
            "<p class=\"meta\">{}</p>",
            w.with("report-trainee-left", &[("left", t.left.into())])
        );
    }
    if !t.more_time.is_empty() {
        // An accommodation, shown where the trainer reads the trainee's scores.
        let factors: Vec<String> = t
            .more_time
            .iter()
            .map(|(a, n)| format!("×{} ({n})", a.factor_text()))
            .collect();
        let _ = writeln!(
            h,
            "<p class=\"meta\"><strong>{}</strong></p>",
            w.with(
                "report-trainee-more-time",
                &[
                    ("calls", t.more_time.values().sum::<usize>().into()),
                    ("factors", factors.join(", ").into())
                ]
            )
        );
    }
    for r in &t.journey.reached {
        let _ = writeln!(
            h,
            "<p class=\"meta\">{}</p>",
            w.with(
                "report-tier-reached",
                &[
                    ("tier", r.tier.into()),
                    ("calls", r.calls.into()),
                    ("days", r.days.into()),
                ]
            )
        );
    }
    if !t.scores.is_empty() {
        let _ = writeln!(h, "<p class=\"meta\">{}</p>", w.get("report-scores-chart"));
        score_chart(h, &t.scores);
    }
    if t.rules.is_empty() {
        h.push_str("</div>\n");
        return;
    }
    let _ = writeln!(
        h,
        "<table><thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th></th></tr></thead><tbody>",
        w.get("report-col-rule"),
        w.get("report-col-earlier"),
        w.get("report-col-recent"),
    );
    for r in &t.rules {
        let cell = |c: Counts| {
            if c.judged() == 0 {
                "-".to_string()
            } else {
                // Isolated left to right, so "2 / 5" does not read "5 / 2" in Arabic.
                format!("<bdi dir=\"ltr\">{} / {}</bdi>", c.broken, c.judged())
            }
        };
        let trend = if r.earlier.judged() == 0 || r.recent.judged() == 0 {
            String::new()
        } else {
            let (before, now) = (r.earlier.broken_share(), r.recent.broken_share());
            if now + 0.05 < before {
                w.get("report-trend-better")
            } else if now > before + 0.05 {
                w.get("report-trend-worse")
            } else {
                w.get("report-trend-same")
            }
        };
        let mark = if t.weakest.as_deref() == Some(r.rule.as_str()) {
            " class=\"tempting\""
        } else {
            ""
        };
        let _ = writeln!(
            h,
            "<tr{mark}><td>{}</td><td class=\"num heat\" style=\"background:{}\">{}</td><td class=\"num heat\" style=\"background:{}\">{}</td><td>{trend}</td></tr>",
            esc(&w.rule(&r.rule)),
            heat(r.earlier.broken_share()),
            cell(r.earlier),
            heat(r.recent.broken_share()),
            cell(r.recent),
        );
    }
    h.push_str("</tbody></table></div>\n");
}

/// Each call's score (0-100) in order, as an SVG line with a dot per call.
fn score_chart(h: &mut String, scores: &[u8]) {
    let step = 14u32;
    let (left, top, plot_h) = (26u32, 6u32, 60u32);
    let width = left + step * scores.len().max(1) as u32 + 6;
    let height = top + plot_h + 8;
    let y = |s: u8| top + plot_h - u32::from(s.min(100)) * plot_h / 100;
    let points: Vec<String> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{},{}", left + step * i as u32 + 4, y(*s)))
        .collect();
    let _ = write!(
        h,
        "<div class=\"chart\"><svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">\
         <line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ccc\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">100</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>\
         <polyline fill=\"none\" stroke=\"#4a78a8\" stroke-width=\"1.5\" points=\"{}\"/>",
        y(100),
        width - 2,
        y(100),
        left - 3,
        top + 8,
        left - 3,
        top + plot_h,
        points.join(" ")
    );
    for (p, s) in points.iter().zip(scores) {
        let (x, yy) = p.split_once(',').unwrap_or(("0", "0"));
        let _ = write!(
            h,
            "<circle cx=\"{x}\" cy=\"{yy}\" r=\"2.5\" fill=\"#4a78a8\"><title>{s}</title></circle>"
        );
    }
    h.push_str("</svg></div>\n");
}

fn skipped(h: &mut String, report: &Report, w: &Words) {
    let _ = writeln!(
        h,
        "<section id=\"skipped\">\n<h2>{}</h2>\n<p class=\"explain\">{}</p>",
        w.get("report-section-skipped"),
        w.get("report-skipped-explain")
    );
    if report.skipped.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", w.get("report-skipped-none"));
    } else {
        let _ = writeln!(
            h,
            "<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            w.get("report-col-file"),
            w.get("report-col-why")
        );
        for s in &report.skipped {
            let path = s
                .path
                .strip_prefix(&report.data_dir)
                .unwrap_or(&s.path)
                .display()
                .to_string();
            let _ = writeln!(
                h,
                "<tr><td dir=\"ltr\"><code>{}</code></td><td>{}</td></tr>",
                esc(&path),
                esc(&s.why(w.messages, w.lang))
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");
}
