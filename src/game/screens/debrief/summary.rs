//! The debrief's summary at the top: score, grade, pass or fail, the outcome and how the
//! score was made; and the banner when the result opened a new tier.

use bevy::prelude::*;

use crate::game::session::Finished;
use crate::game::text::capital;
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// The score figure, for tests.
#[derive(Component)]
pub struct ScoreText;

/// The new-tier announcement.
#[derive(Component)]
pub struct TierAnnouncement(pub Vec<u8>);

/// Header: score, grade, pass or fail, outcome.
pub(super) fn header(fonts: &UiFonts, finished: &Finished) -> impl Bundle {
    let score = &finished.score;
    let call = &finished.call;
    let scenario = call.scenario();
    let (verdict, verdict_colour) = if score.passed {
        ("PASSED", palette::GOOD)
    } else {
        ("NOT PASSED", palette::BAD)
    };
    let ending = call.outcome().map(|o| &scenario.endings[o.ending]);
    let outcome_line = ending.map_or("Unfinished".to_string(), |e| {
        format!("{}: {}", capital(&e.kind.label()), e.text)
    });
    let why_not = score
        .not_passed
        .clone()
        .unwrap_or_else(|| format!("Pass mark {}.", score.pass_mark));
    let saved = match &finished.saved {
        Ok(Some(_)) => "Saved to your progress.".to_string(),
        Ok(None) => "Guest session: not saved.".to_string(),
        Err(e) => format!("Could not save this result: {e}"),
    };
    (
        Node {
            column_gap: px(24),
            align_items: AlignItems::Center,
            padding: UiRect::all(px(16)),
            border_radius: BorderRadius::all(px(10)),
            ..default()
        },
        BackgroundColor(palette::PANEL),
        children![
            (
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    ..default()
                },
                children![
                    (
                        ScoreText,
                        widgets::bold(fonts, format!("{}", score.total), size::HERO, palette::TEXT),
                    ),
                    widgets::bold(
                        fonts,
                        format!("grade {}", score.grade.letter()),
                        size::BODY,
                        palette::TEXT_DIM
                    ),
                ],
            ),
            (
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(4),
                    flex_grow: 1.0,
                    flex_shrink: 1.0,
                    ..default()
                },
                children![
                    widgets::bold(
                        fonts,
                        format!("{verdict} · {}", scenario.title),
                        size::TITLE,
                        verdict_colour
                    ),
                    widgets::paragraph(fonts, outcome_line, size::BODY, palette::TEXT),
                    widgets::paragraph(
                        fonts,
                        format!(
                            "Outcome {:.0}/40 · Conduct {:.0}/40 · Customer's mood {:.0}/20. {why_not} {saved}",
                            score.parts.outcome, score.parts.conduct, score.parts.mood
                        ),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ),
                ],
            ),
        ],
    )
}

/// The banner saying which tiers the result opened (`opened` is not empty).
pub(super) fn tier_announcement(fonts: &UiFonts, opened: &[u8]) -> impl Bundle {
    let tiers: Vec<String> = opened.iter().map(|t| format!("tier {t}")).collect();
    (
        TierAnnouncement(opened.to_vec()),
        widgets::banner(
            widgets::banner_box(10.0),
            palette::ACCENT_DARK,
            widgets::bold(
                fonts,
                format!(
                    "New cases unlocked: {} {} open.",
                    tiers.join(" and "),
                    if tiers.len() == 1 { "is" } else { "are" }
                ),
                size::LARGE,
                palette::TEXT,
            ),
        ),
    )
}
