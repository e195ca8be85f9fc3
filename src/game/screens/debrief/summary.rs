//! The debrief's summary at the top: score, grade, pass or fail, the outcome and how the
//! score was made; and the banner when the result opened a new tier.

use bevy::prelude::*;
use htl_core::i18n::{Messages, ending_kind_text};

use crate::game::locale::Locale;
use crate::game::session::Finished;
use crate::game::text::capital;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// The score figure, for tests.
#[derive(Component)]
pub struct ScoreText;

/// The new-tier announcement.
#[derive(Component)]
pub struct TierAnnouncement(pub Vec<u8>);

/// Header: score, grade, pass or fail, outcome.
pub(super) fn header(locale: &Locale, finished: &Finished) -> impl Bundle {
    let score = &finished.score;
    let call = &finished.call;
    let scenario = call.scenario();
    let (verdict, verdict_colour) = if score.passed {
        (locale.t("debrief-passed"), palette::GOOD)
    } else {
        (locale.t("debrief-not-passed"), palette::BAD)
    };
    let ending = call.outcome().map(|o| &scenario.endings[o.ending]);
    let outcome_line = ending.map_or_else(
        || locale.t("debrief-unfinished"),
        |e| {
            let kind = ending_kind_text(Messages::for_screen(), locale.lang, e.kind);
            locale.tr(
                "debrief-outcome",
                &[
                    ("kind", capital(&kind).into()),
                    ("text", e.text.clone().into()),
                ],
            )
        },
    );
    let why_not = match &score.failed {
        Some(failed) => failed.text(Messages::for_screen(), locale.lang, call.catalogue()),
        None => locale.tr("debrief-pass-mark", &[("mark", score.pass_mark.into())]),
    };
    let saved = match &finished.saved {
        Ok(Some(_)) => locale.t("debrief-saved"),
        Ok(None) => locale.t("debrief-guest"),
        Err(e) => locale.tr("debrief-save-failed", &[("error", e.clone().into())]),
    };
    // An accommodation is said where the score is, never hidden.
    let allowance = call.time_allowance();
    let more_time = if allowance.is_standard() {
        String::new()
    } else {
        locale.tr(
            "debrief-more-time",
            &[("factor", allowance.factor_text().into())],
        ) + " "
    };
    let points = call.catalogue().scoring.points;
    let parts = locale.tr(
        "debrief-parts",
        &[
            ("outcome", score.parts.outcome.round().into()),
            ("conduct", score.parts.conduct.round().into()),
            ("mood", score.parts.mood.round().into()),
            // Out of the policy's points, not a split written into the words.
            ("outcome-of", points.outcome.into()),
            ("conduct-of", points.conduct.into()),
            ("mood-of", points.mood.into()),
        ],
    );
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
                // The score and its grade keep their width: the outcome beside them wraps
                // instead, so "grade A" never breaks under a wide score on a small screen.
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    flex_shrink: 0.0,
                    ..default()
                },
                children![
                    (
                        ScoreText,
                        widgets::bold(format!("{}", score.total), size::HERO, palette::TEXT),
                    ),
                    (
                        widgets::bold(
                            locale.tr("debrief-grade", &[("grade", score.grade.letter().into())]),
                            size::BODY,
                            palette::TEXT_DIM
                        ),
                        TextLayout::default().with_no_wrap(),
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
                        locale.tr(
                            "debrief-verdict",
                            &[
                                ("verdict", verdict.into()),
                                ("title", scenario.title.clone().into())
                            ],
                        ),
                        size::TITLE,
                        verdict_colour
                    ),
                    widgets::paragraph(outcome_line, size::BODY, palette::TEXT),
                    widgets::paragraph(
                        // Three sentences, each worded whole.
                        format!("{parts} {why_not} {more_time}{saved}"),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ),
                ],
            ),
        ],
    )
}

/// The banner saying which tiers the result opened (`opened` is not empty).
pub(super) fn tier_announcement(locale: &Locale, opened: &[u8]) -> impl Bundle {
    // A sentence per tier opened (almost always one).
    let line = opened
        .iter()
        .map(|&tier| locale.tr("debrief-tier-open", &[("tier", tier.into())]))
        .collect::<Vec<_>>()
        .join(" ");
    (
        TierAnnouncement(opened.to_vec()),
        widgets::banner(
            widgets::banner_box(10.0),
            palette::ACCENT_DARK,
            widgets::bold(line, size::LARGE, palette::TEXT),
        ),
    )
}
