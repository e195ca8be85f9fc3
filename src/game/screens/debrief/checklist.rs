//! The debrief's checklist: each guidance rule the call exercised, followed, broken or mixed,
//! mistakes first, with what each means and the moments that earned it.

use bevy::prelude::*;
use htl_core::engine::{RuleStatus, Score, Verdict};
use htl_core::guidance::Catalogue;
use htl_core::i18n::{Messages, note_text};

use crate::game::locale::Locale;
use crate::game::text::short_clock;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// One rule's line on the checklist, for tests.
#[derive(Component, Debug, Clone)]
pub struct RuleLine {
    pub rule: String,
    pub status: RuleStatus,
}

/// The checklist panel.
pub(super) fn panel(
    locale: &Locale,
    score: &Score,
    catalogue: &Catalogue,
    in_chat: bool,
) -> impl Bundle {
    let lang = locale.lang;
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
                RuleStatus::Followed => (locale.t("mark-followed"), palette::GOOD),
                RuleStatus::Broken => (locale.t("mark-broken"), palette::BAD),
                _ => (locale.t("mark-mixed"), palette::WARN),
            };
            let rule_name = catalogue.rule_name(lang, &rule.rule);
            let explanation = catalogue.rule_explanation(lang, &rule.rule);
            let said = |reply: &str| locale.tr("checklist-you-said", &[("reply", reply.into())]);
            let note = |m: &htl_core::scoring::Moment| {
                note_text(Messages::for_screen(), lang, m.what, &rule_name, in_chat)
            };
            let at = |m: &htl_core::scoring::Moment, what: String| {
                locale.tr(
                    "checklist-at",
                    &[("time", short_clock(m.at).into()), ("what", what.into())],
                )
            };
            // Under the rule: what it means and where it was broken, or what earned it.
            let mut notes: Vec<(String, Color)> = Vec::new();
            if rule.broken > 0 {
                notes.push((explanation, palette::TEXT_DIM));
                for m in rule.moments.iter().filter(|m| m.verdict == Verdict::Broken) {
                    // A reply that broke it is quoted; a timing or voice mistake is described.
                    let what = match &m.reply {
                        Some(reply) if !m.source.is_play() => said(reply),
                        _ => note(m),
                    };
                    notes.push((at(m, what), palette::BAD));
                }
            } else if let Some(m) = rule.moments.first() {
                // What earned it, once, so a good habit is named as well.
                let what = match &m.reply {
                    Some(reply) if !m.source.is_play() => said(&clipped(reply, 70)),
                    _ => note(m),
                };
                notes.push((at(m, what), palette::TEXT_DIM));
            }
            let notes: Vec<_> = notes
                .into_iter()
                .map(|(note, colour)| widgets::paragraph(note, size::SMALL, colour))
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
                            widgets::bold(mark, size::SMALL, colour),
                            widgets::bold(rule_name.clone(), size::BODY, palette::TEXT),
                        ],
                    )),
                    SpawnIter(notes.into_iter()),
                )),
            )
        })
        .collect();
    widgets::titled_panel(
        (
            Name::new("Rule checklist"),
            Node {
                width: percent(44),
                flex_shrink: 0.0,
                ..widgets::panel()
            },
        ),
        widgets::panel_heading(locale.t("checklist-title")),
        SpawnIter(lines.into_iter()),
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
