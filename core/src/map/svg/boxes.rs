//! The boxes: beats (outlined in red when no path enters them) and endings (green when
//! they can pass), each with its lines of text.

use std::fmt::Write as _;

use super::text::BoxText;
use super::{Drawing, ID_SIZE, LINE, PAD};
use crate::map::layout::Rect;
use crate::markup::escape;

/// Draws every box into `s`, in the order of `texts` and `boxes`: the beats, then the endings.
pub(super) fn draw_boxes(s: &mut String, drawing: &Drawing, texts: &[BoxText], boxes: &[Rect]) {
    let scenario = drawing.scenario;
    let p = drawing.p;
    let case_rtl = drawing.case_rtl;
    let never = &drawing.never;
    let beats = scenario.beats.len();
    for (n, (text, rect)) in texts.iter().zip(boxes).enumerate() {
        let (class, id, fill, stroke, dashed, stroke_width) = if n < beats {
            let beat = &scenario.beats[n];
            let unreached = never.contains(&beat.id.as_str());
            (
                "beat",
                format!("{p}beat-{}", beat.id),
                "#ffffff",
                if unreached { "#c62828" } else { "#455a64" },
                unreached,
                if n == scenario.start { 2.5 } else { 1.2 },
            )
        } else {
            let ending = &scenario.endings[n - beats];
            (
                "ending",
                format!("{p}ending-{}", ending.id),
                if ending.kind.settles() {
                    "#c8e6c9"
                } else {
                    "#eceff1"
                },
                "#607d8b",
                false,
                1.2,
            )
        };
        let _ = write!(
            s,
            "<g class=\"{class}\" id=\"{}\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"{}/>",
            escape(&id),
            escape(&text.title),
            rect.x,
            rect.y,
            rect.w,
            rect.h,
            if dashed {
                " stroke-dasharray=\"6 4\""
            } else {
                ""
            }
        );
        for (k, (line, bold, colour)) in text.lines.iter().enumerate() {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{colour}\"{}{}>{}</text>",
                rect.x + rect.w / 2.0,
                rect.y + PAD + LINE * (k as f64 + 0.75),
                if *bold {
                    format!(" font-weight=\"bold\" font-size=\"{ID_SIZE}\"")
                } else {
                    String::new()
                },
                // The page around an inline map may run the other way: say it.
                if case_rtl && !*bold {
                    " direction=\"rtl\""
                } else {
                    " direction=\"ltr\""
                },
                escape(line)
            );
        }
        s.push_str("</g>\n");
    }
}
