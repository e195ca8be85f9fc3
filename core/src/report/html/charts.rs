//! The page's small pictures as inline SVG: a share bar, the heatmap colour, calls per day and
//! a trainee's scores. SVG elements are written with both tags (`<rect></rect>`): inside HTML
//! an SVG start tag without `/>` would otherwise swallow the next element.

use maud::{Markup, html};

use crate::report::model::DayCount;

/// A horizontal bar, `share` of `width` filled.
pub(super) fn bar(share: f64, width: u32, colour: &str) -> Markup {
    let filled = (share.clamp(0.0, 1.0) * f64::from(width)).round();
    html! {
        svg.bar width=(width) height="10" viewBox={ "0 0 " (width) " 10" } role="img" {
            rect x="0" y="0" width=(width) height="10" fill="#eef1f4" {}
            rect x="0" y="0" width=(filled) height="10" fill=(colour) {}
        }
    }
}

/// A heatmap colour from white (never broken) to red (always broken).
pub(super) fn heat(share: f64) -> String {
    let s = share.clamp(0.0, 1.0);
    let mix = |from: f64, to: f64| (from + (to - from) * s).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(255.0, 214.0),
        mix(255.0, 69.0),
        mix(255.0, 65.0)
    )
}

/// Calls (light) and passes (green) per day as a bar chart, time left to right.
pub(super) fn daily(days: &[DayCount]) -> Markup {
    let max = days.iter().map(|d| d.calls).max().unwrap_or(0).max(1);
    let step: u32 = 18;
    let (left, top, plot_h) = (34u32, 10u32, 160u32);
    let base = top + plot_h;
    let width = left + step * days.len() as u32 + 10;
    let height = base + 40;
    let y = |v: usize| base - (v as f64 / max as f64 * f64::from(plot_h)).round() as u32;
    // A date under every bar when there is room, else every seventh.
    let label_every = if days.len() <= 20 { 1 } else { 7 };
    html! {
        div.chart { svg width=(width) height=(height) viewBox={ "0 0 " (width) " " (height) } role="img" {
            line x1=(left) y1=(base) x2=(width - 5) y2=(base) stroke="#999" {}
            text x=(left - 4) y=(top + 8) text-anchor="end" { (max) }
            text x=(left - 4) y=(base) text-anchor="end" { "0" }
            @for (i, d) in days.iter().enumerate() {
                @let x = left + step * i as u32 + 3;
                rect x=(x) y=(y(d.calls)) width=(step - 6) height=(base - y(d.calls)) fill="#9db7d5" {
                    title { (d.day) " " (d.calls) }
                }
                rect x=(x) y=(y(d.passes)) width=(step - 6) height=(base - y(d.passes)) fill="#2e8b57" {}
                @if i % label_every == 0 {
                    text x=(x) y=(base + 12) transform={ "rotate(45 " (x) " " (base + 12) ")" } {
                        (d.day.get(5..).unwrap_or(&d.day))
                    }
                }
            }
        } }
    }
}

/// Each call's score (0-100) in order, as a line with a dot per call.
pub(super) fn scores(scores: &[u8]) -> Markup {
    let step = 14u32;
    let (left, top, plot_h) = (26u32, 6u32, 60u32);
    let width = left + step * scores.len().max(1) as u32 + 6;
    let height = top + plot_h + 8;
    let y = |s: u8| top + plot_h - u32::from(s.min(100)) * plot_h / 100;
    let points: Vec<(u32, u32, u8)> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| (left + step * i as u32 + 4, y(*s), *s))
        .collect();
    let line = points
        .iter()
        .map(|(x, y, _)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        div.chart { svg width=(width) height=(height) viewBox={ "0 0 " (width) " " (height) } role="img" {
            line x1=(left) y1=(y(100)) x2=(width - 2) y2=(y(100)) stroke="#ccc" {}
            text x=(left - 3) y=(top + 8) text-anchor="end" { "100" }
            text x=(left - 3) y=(top + plot_h) text-anchor="end" { "0" }
            polyline fill="none" stroke="#4a78a8" stroke-width="1.5" points=(line) {}
            @for (x, y, score) in &points {
                circle cx=(x) cy=(y) r="2.5" fill="#4a78a8" { title { (score) } }
            }
        } }
    }
}
