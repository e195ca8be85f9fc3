//! The debrief's checklist: each guidance rule the call exercised, followed, broken or mixed,
//! mistakes first, with what each means and the moments that earned it.

use bevy::prelude::*;
use htl_core::engine::{RuleStatus, Score, Verdict};
use htl_core::guidance::Catalogue;

use crate::game::text::short_clock;
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// One rule's line on the checklist, for tests.
#[derive(Component, Debug, Clone)]
pub struct RuleLine {
    pub rule: String,
    pub status: RuleStatus,
}

/// The checklist panel.
pub(super) fn panel(fonts: &UiFonts, score: &Score, catalogue: &Catalogue) -> impl Bundle {
    let mut rules: Vec<_> = score
        .rules
        .iter()
        .filter(|r| r.status != RuleStatus::NotExercised)
        .collect();
    // Mistakes first: they are what to do differently.
    rules.sort_by_key(|r| match r.status {
        RuleStatus::Broken => 0,
        RuleStatus::Mixed => 1,
        _ => 2,
    });
    let lines: Vec<_> = rules
        .into_iter()
        .map(|rule| {
            let (mark, colour) = match rule.status {
                RuleStatus::Followed => ("FOLLOWED", palette::GOOD),
                RuleStatus::Broken => ("BROKEN", palette::BAD),
                _ => ("MIXED", palette::WARN),
            };
            let explanation = catalogue
                .get(&rule.rule)
                .map(|r| r.explanation.clone())
                .unwrap_or_default();
            // Under the rule: what it means and where it was broken, or what earned it.
            let mut notes: Vec<(String, Color)> = Vec::new();
            if rule.broken > 0 {
                notes.push((explanation, palette::TEXT_DIM));
                for m in rule.moments.iter().filter(|m| m.verdict == Verdict::Broken) {
                    // A reply that broke it is quoted; a timing or voice mistake is described.
                    let what = match &m.reply {
                        Some(reply) if !m.source.is_play() => format!("you said \"{reply}\""),
                        _ => m.note.clone(),
                    };
                    notes.push((format!("at {}: {what}", short_clock(m.at)), palette::BAD));
                }
            } else if let Some(m) = rule.moments.first() {
                // What earned it, once, so a good habit is named as well.
                let what = match &m.reply {
                    Some(reply) if !m.source.is_play() => {
                        format!("you said \"{}\"", clipped(reply, 70))
                    }
                    _ => m.note.clone(),
                };
                notes.push((
                    format!("at {}: {what}", short_clock(m.at)),
                    palette::TEXT_DIM,
                ));
            }
            let notes: Vec<_> = notes
                .into_iter()
                .map(|(note, colour)| widgets::paragraph(fonts, note, size::SMALL, colour))
                .collect();
            (
                RuleLine {
                    rule: rule.rule.clone(),
                    status: rule.status,
                },
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(2),
                    margin: UiRect::top(px(6)),
                    ..default()
                },
                Children::spawn((
                    Spawn((
                        Node {
                            column_gap: px(8),
                            ..default()
                        },
                        children![
                            widgets::bold(fonts, mark, size::SMALL, colour),
                            widgets::bold(fonts, rule.summary.clone(), size::BODY, palette::TEXT),
                        ],
                    )),
                    SpawnIter(notes.into_iter()),
                )),
            )
        })
        .collect();
    (
        Name::new("Rule checklist"),
        Node {
            width: percent(44),
            flex_shrink: 0.0,
            ..widgets::panel()
        },
        BackgroundColor(palette::PANEL),
        Children::spawn((
            Spawn(widgets::bold(
                fonts,
                "The guidance, call by call",
                size::LARGE,
                palette::TEXT,
            )),
            SpawnIter(lines.into_iter()),
        )),
    )
}

/// The start of a long text, cut at a word, with an ellipsis.
fn clipped(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', '.', ';', ':']))
}
