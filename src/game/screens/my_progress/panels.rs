//! The progress screen's panels: the rules over the last calls (a bar each, followed then
//! broken), the cases played (best score, attempts, passed), and the last shifts in a line.

use bevy::prelude::*;
use htl_core::report::TraineeProgress;

use super::RuleRow;
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::session::Trainee;
use crate::game::theme::palette;
use crate::game::theme::scroll::{Scrollable, scroll_panel};
use crate::game::theme::widgets::{self, size};

/// The bar's width for the most calls a rule was judged in.
const BAR: f32 = 140.0;

/// The rules: a bar per rule, followed then broken, as long as the calls judged it, over
/// the last `shown_calls` calls; the one broken most is marked.
pub(super) fn rules_panel(
    locale: &Locale,
    cases: &Cases,
    progress: &TraineeProgress,
    shown_calls: usize,
) -> impl Bundle {
    let rule_name = |id: &str| cases.catalogue.rule_name(locale.lang, id);
    let most = progress
        .rules
        .iter()
        .map(|r| r.followed + r.broken)
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let rule_rows: Vec<_> = progress
        .rules
        .iter()
        .map(|r| {
            let weakest = progress.weakest.as_deref() == Some(r.rule.as_str());
            let name = if weakest {
                locale.tr("progress-weakest", &[("rule", rule_name(&r.rule).into())])
            } else {
                rule_name(&r.rule)
            };
            let colour = if weakest {
                palette::WARN
            } else {
                palette::TEXT
            };
            (
                RuleRow {
                    rule: r.rule.clone(),
                    followed: r.followed,
                    broken: r.broken,
                },
                Node {
                    align_items: AlignItems::Center,
                    column_gap: px(10),
                    ..default()
                },
                children![
                    // The name takes the room the bar and the counts leave (it wraps);
                    // the bar and the counts keep their size, so the bars line up and
                    // "followed 11 · broken 2" stays on one line on a small screen.
                    (
                        Node {
                            flex_grow: 1.0,
                            flex_basis: px(0),
                            min_width: px(0),
                            ..default()
                        },
                        children![widgets::paragraph(name, size::SMALL, colour)],
                    ),
                    (
                        Node {
                            align_items: AlignItems::Center,
                            column_gap: px(10),
                            flex_shrink: 0.0,
                            ..default()
                        },
                        children![
                            (
                                Node {
                                    width: px(BAR),
                                    height: px(10),
                                    ..default()
                                },
                                BackgroundColor(palette::BUTTON_DISABLED),
                                children![
                                    (
                                        Node {
                                            width: px(BAR * r.followed as f32 / most),
                                            height: percent(100),
                                            ..default()
                                        },
                                        BackgroundColor(palette::GOOD),
                                    ),
                                    (
                                        Node {
                                            width: px(BAR * r.broken as f32 / most),
                                            height: percent(100),
                                            ..default()
                                        },
                                        BackgroundColor(palette::BAD),
                                    ),
                                ],
                            ),
                            (
                                widgets::text(
                                    locale.tr(
                                        "progress-rule-counts",
                                        &[
                                            ("followed", r.followed.into()),
                                            ("broken", r.broken.into()),
                                        ],
                                    ),
                                    size::SMALL,
                                    palette::TEXT_DIM,
                                ),
                                TextLayout::default().with_no_wrap(),
                            ),
                        ],
                    ),
                ],
            )
        })
        .collect();
    let rules_empty = rule_rows
        .is_empty()
        .then(|| widgets::text(locale.t("progress-empty"), size::BODY, palette::TEXT_DIM));
    // Each panel scrolls on its own (the wheel scrolls the one under the pointer; the
    // arrow keys the rules, the longer of the two).
    widgets::titled_panel(
        half_panel(true),
        widgets::panel_heading(locale.tr("progress-rules", &[("count", shown_calls.into())])),
        (
            SpawnIter(rule_rows.into_iter()),
            SpawnIter(rules_empty.into_iter()),
        ),
    )
}

/// The cases played: best score, attempts, passed.
pub(super) fn cases_panel(
    locale: &Locale,
    cases: &Cases,
    progress: &TraineeProgress,
) -> impl Bundle {
    let title_of = |id: &str| cases.title_of(id);
    let case_rows: Vec<_> = progress
        .cases
        .iter()
        .map(|c| {
            let state = locale.t(if c.passed {
                "progress-passed"
            } else {
                "progress-not-passed"
            });
            // A case only ever left has no score to show: it says so instead of "best 0".
            let line = match c.best_score {
                Some(best) => locale.tr(
                    "progress-case-line",
                    &[
                        ("title", title_of(&c.case).into()),
                        ("score", best.into()),
                        ("attempts", c.attempts.into()),
                        ("state", state.into()),
                    ],
                ),
                None => locale.tr(
                    "progress-case-left",
                    &[("title", title_of(&c.case).into()), ("left", c.left.into())],
                ),
            };
            widgets::paragraph(
                line,
                size::SMALL,
                if c.passed {
                    palette::TEXT
                } else {
                    palette::TEXT_DIM
                },
            )
        })
        .collect();
    widgets::titled_panel(
        half_panel(false),
        widgets::panel_heading(locale.t("progress-cases")),
        SpawnIter(case_rows.into_iter()),
    )
}

/// The last shifts worked, newest first, in a line (none when no shift was worked).
pub(super) fn shifts_line(
    locale: &Locale,
    cases: &Cases,
    trainee: &Trainee,
) -> Option<impl Bundle> {
    let shifts: Vec<String> = trainee
        .profile
        .shifts
        .iter()
        .rev()
        .take(3)
        .map(|s| {
            let title = cases
                .shifts
                .iter()
                .find(|x| x.id == s.shift)
                .map_or_else(|| s.shift.clone(), |x| x.title.clone());
            let result = locale.t(if s.passed {
                "shift-passed"
            } else {
                "shift-not-passed"
            });
            locale.tr(
                "progress-shift",
                &[
                    ("title", title.into()),
                    (
                        "day",
                        s.finished
                            .get(..10)
                            .unwrap_or(&s.finished)
                            .to_string()
                            .into(),
                    ),
                    ("result", result.into()),
                    ("calls", s.calls.into()),
                ],
            )
        })
        .collect();
    (!shifts.is_empty()).then(|| {
        widgets::paragraph(
            locale.tr("progress-shifts", &[("shifts", shifts.join(" · ").into())]),
            size::BODY,
            palette::TEXT_DIM,
        )
    })
}

/// One of the two panels side by side: an equal half of the row, scrolling on its own
/// (`arrow_keys`: whether the arrow keys scroll it too).
fn half_panel(arrow_keys: bool) -> impl Bundle {
    scroll_panel(
        Node {
            flex_grow: 1.0,
            flex_basis: px(0),
            max_height: percent(100),
            ..widgets::panel()
        },
        Scrollable { arrow_keys },
    )
}
