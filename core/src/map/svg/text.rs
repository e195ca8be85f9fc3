//! What each box says: its lines (the customer's first words wrapped to the box), and its size.

use super::{BOX_MIN, Drawing, ID_SIZE, LINE, PAD, TEXT_SIZE, WRAP};
use crate::glyphs::text_width;
use crate::i18n::ending_kind_text;
use crate::map::first_words;

/// Words wrapped greedily to `width` px, at most `lines` lines (an ellipsis when cut).
fn wrap(text: &str, width: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, TEXT_SIZE, false) > width && !current.is_empty() {
            out.push(std::mem::replace(&mut current, word.to_string()));
            if out.len() == lines {
                current.clear();
                if let Some(last) = out.last_mut() {
                    last.push_str(" …");
                }
                break;
            }
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// What one box says, line by line: (text, bold, colour).
pub(super) struct BoxText {
    pub(super) lines: Vec<(String, bool, &'static str)>,
    pub(super) title: String,
}

impl BoxText {
    pub(super) fn size(&self) -> (f64, f64) {
        let widest = self
            .lines
            .iter()
            .map(|(t, bold, _)| text_width(t, if *bold { ID_SIZE } else { TEXT_SIZE }, *bold))
            .fold(0.0, f64::max);
        (
            (widest + 2.0 * PAD).max(BOX_MIN).ceil(),
            (self.lines.len() as f64 * LINE + 2.0 * PAD).ceil(),
        )
    }
}

/// What each box says: the beats' first, then the endings'.
pub(super) fn box_texts(drawing: &Drawing) -> Vec<BoxText> {
    let scenario = drawing.scenario;
    let words = &drawing.words;
    let lang = words.lang;
    let never = &drawing.never;
    let mut texts: Vec<BoxText> = Vec::new();
    for (b, beat) in scenario.beats.iter().enumerate() {
        let mut lines = Vec::new();
        let id_line = if b == scenario.start {
            format!("{} · {}", beat.id, words.get("map-start"))
        } else {
            beat.id.clone()
        };
        lines.push((id_line, true, "#263238"));
        let first = first_words(&beat.lines, 40);
        if first.is_empty() {
            lines.push((words.get("map-agent-first"), false, "#546e7a"));
        } else {
            for l in wrap(&first, WRAP, 2) {
                lines.push((l, false, "#37474f"));
            }
        }
        let unreached = never.contains(&beat.id.as_str());
        if unreached {
            lines.push((words.get("map-unreached"), false, "#b71c1c"));
        }
        texts.push(BoxText {
            lines,
            title: first,
        });
    }
    for ending in &scenario.endings {
        let kind = ending_kind_text(words.messages, lang, ending.kind);
        let verdict = words.get(if ending.kind.settles() {
            "map-ending-passes"
        } else {
            "map-ending-fails"
        });
        texts.push(BoxText {
            lines: vec![
                (ending.id.clone(), true, "#263238"),
                (kind.clone(), false, "#37474f"),
                (verdict, false, "#37474f"),
            ],
            title: kind,
        });
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_lines_inside_the_width_and_marks_a_cut() {
        let lines = wrap(
            "I have been waiting for my parcel for two weeks and nobody can tell me where it is",
            150.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(text_width(&lines[0], TEXT_SIZE, false) <= 150.0);
    }
}
