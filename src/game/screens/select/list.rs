//! The case list: a scrolling panel of case cards for the shown tier (broken files first,
//! with their hint), the arrow keys walking the open cases, and the "more below" cue.

use bevy::input_focus::{AutoFocus, FocusCause, InputFocus};
use bevy::prelude::*;
use htl_core::i18n::Messages;
use htl_core::tiers::Access;

use super::ShownTier;
use crate::game::actions::SelectAction;
use crate::game::cases::{BrokenFile, Cases};
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::text::{capital, channel_name};
use crate::game::theme::interaction::FOCUS_RING_REACH;
use crate::game::theme::palette;
use crate::game::theme::scroll::{Scrollable, scroll_panel};
use crate::game::theme::widgets::{self, size};

/// The part of the screen rebuilt when the tier or the library changes.
#[derive(Component)]
pub(super) struct CaseList;

/// A case card, for tests and for focus.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct CaseCard {
    pub id: String,
    pub locked: bool,
}

/// The hint under the list that shows while some of it is out of view below.
#[derive(Component)]
pub(super) struct MoreBelow;

/// The list panel, filled by `rebuild_list`. A trainer's folder may hold more cases than
/// fit: the list scrolls, and follows the keyboard focus (the arrows move the focus).
pub(super) fn case_list() -> impl Bundle {
    (
        CaseList,
        scroll_panel(
            Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(10),
                flex_grow: 1.0,
                // Room for the focus ring: the list clips what overflows it, and the first
                // card's ring would lose its top.
                padding: UiRect::all(px(FOCUS_RING_REACH + 1.0)),
                ..default()
            },
            Scrollable { arrow_keys: false },
        ),
    )
}

/// The "more below" cue, hidden while the whole list is in view.
pub(super) fn more_below(locale: &Locale) -> impl Bundle {
    (
        MoreBelow,
        widgets::text(
            locale.t("select-more-below"),
            size::SMALL,
            palette::TEXT_FAINT,
        ),
        Visibility::Hidden,
    )
}

pub(super) fn show_more_below(
    list: Query<(&ComputedNode, &ScrollPosition), With<CaseList>>,
    mut hint: Query<&mut Visibility, With<MoreBelow>>,
) {
    let Ok((node, scrolled)) = list.single() else {
        return;
    };
    let hidden_below =
        (node.content_size().y - node.size().y) * node.inverse_scale_factor() - scrolled.y;
    let wanted = if hidden_below > 4.0 {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    for mut visibility in &mut hint {
        visibility.set_if_neq(wanted);
    }
}

/// A trainer's file that failed to load, with its first diagnostic.
fn broken_card(locale: &Locale, broken: &BrokenFile) -> impl Bundle {
    let name = broken.path.file_name().map_or_else(
        || broken.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let detail = if broken.stale_version_kept {
        "broken-detail-kept"
    } else {
        "broken-detail"
    };
    (
        Name::new(format!("Broken file {name}")),
        widgets::card(),
        BorderColor::all(palette::BAD),
        children![
            widgets::bold(
                locale.tr(
                    "broken-title",
                    &[
                        ("file", name.clone().into()),
                        ("errors", broken.errors.into())
                    ],
                ),
                size::BODY,
                palette::BAD
            ),
            widgets::paragraph(
                locale.tr(detail, &[("summary", broken.summary(locale).into())]),
                size::SMALL,
                palette::TEXT_DIM
            ),
        ],
    )
}

#[allow(clippy::too_many_arguments)] // a Bevy system: each parameter is a query or resource
pub(super) fn rebuild_list(
    mut commands: Commands,
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
    locale: Res<Locale>,
    current: Option<Res<CurrentCase>>,
    mut list: Query<(Entity, &mut ScrollPosition), With<CaseList>>,
) {
    let progress = cases.progression(&trainee.profile);
    // Back from a brief or a debrief, the keyboard is where the trainee left it: on the card
    // of the case they opened (if it is on this tab and open), else on the first open card.
    let came_from = current.as_ref().map(|c| c.0.id.clone()).filter(|id| {
        cases
            .scenarios
            .iter()
            .any(|s| &s.id == id && s.tier == shown.0 && matches!(progress.access(s), Access::Open))
    });
    let Ok((list, mut scrolled)) = list.single_mut() else {
        return;
    };
    scrolled.y = 0.0;
    commands.entity(list).despawn_children();
    let mut first = true;
    commands.entity(list).with_children(|list| {
        let in_tier: Vec<_> = cases
            .scenarios
            .iter()
            .filter(|s| s.tier == shown.0)
            .collect();
        // A trainer's broken file comes first, once, on the tab of the tier it is for.
        let tiers = cases.catalogue.scoring.tiers;
        for broken in cases.broken.iter().filter(|b| b.shown_on(shown.0, tiers)) {
            list.spawn(broken_card(&locale, broken));
        }
        if in_tier.is_empty() {
            list.spawn(widgets::text(
                locale.t("select-no-cases"),
                size::BODY,
                palette::TEXT_DIM,
            ));
        }
        for scenario in in_tier {
            let access = progress.access(scenario);
            let record = trainee.profile.case(&scenario.id);
            let locked = access != Access::Open;
            let status = match (&access, record) {
                (Access::Locked(why), _) => why.text(Messages::for_screen(), locale.lang),
                (Access::Open, Some(r)) if r.passed() => locale.tr(
                    "case-passed",
                    &[
                        ("score", r.best_score.unwrap_or(0).into()),
                        ("grade", r.best_grade.map_or("-", |g| g.letter()).into()),
                        ("attempts", r.attempts.into()),
                    ],
                ),
                (Access::Open, Some(r)) => locale.tr(
                    "case-not-passed",
                    &[
                        ("score", r.best_score.unwrap_or(0).into()),
                        ("attempts", r.attempts.into()),
                    ],
                ),
                (Access::Open, None) => {
                    locale.tr("case-new", &[("mark", scenario.pass_mark.into())])
                }
            };
            let status_colour = match (&access, record) {
                (Access::Locked(_), _) => palette::TEXT_FAINT,
                (_, Some(r)) if r.passed() => palette::GOOD,
                _ => palette::ACCENT,
            };
            let title_colour = if locked {
                palette::TEXT_FAINT
            } else {
                palette::TEXT
            };
            let mut card = list.spawn((
                Name::new(format!("Case {}", scenario.id)),
                CaseCard {
                    id: scenario.id.clone(),
                    locked,
                },
                Node {
                    row_gap: px(4),
                    ..widgets::card()
                },
                BackgroundColor(if locked {
                    palette::BUTTON_DISABLED
                } else {
                    palette::BUTTON
                }),
                BorderColor::all(palette::BORDER),
                children![
                    (
                        Node {
                            justify_content: JustifyContent::SpaceBetween,
                            column_gap: px(16),
                            ..default()
                        },
                        Pickable::IGNORE,
                        children![
                            (
                                widgets::bold(scenario.title.clone(), size::LARGE, title_colour),
                                Pickable::IGNORE,
                            ),
                            (
                                widgets::text(status, size::BODY, status_colour),
                                Pickable::IGNORE,
                            ),
                        ],
                    ),
                    (
                        widgets::paragraph(
                            locale.tr(
                                "case-summary",
                                &[
                                    (
                                        "channel",
                                        capital(&channel_name(&locale, scenario.channel)).into()
                                    ),
                                    ("summary", card_summary(&scenario.brief).into()),
                                ],
                            ),
                            size::BODY,
                            if locked {
                                palette::TEXT_FAINT
                            } else {
                                palette::TEXT_DIM
                            },
                        ),
                        Pickable::IGNORE,
                    ),
                ],
            ));
            if !locked {
                card.insert(widgets::activatable(SelectAction::OpenCase(
                    scenario.id.clone(),
                )));
                let focus_here = match &came_from {
                    Some(id) => *id == scenario.id,
                    None => first,
                };
                if focus_here {
                    card.insert(AutoFocus);
                }
                first = false;
            }
        }
    });
}

/// The opening of a brief, short enough for a card: the full brief is on the next screen.
/// A leading setting label ("Live chat.", "Front desk, Halden Electronics.") is dropped,
/// since the card shows the channel already.
fn card_summary(brief: &str) -> String {
    const ROOM: usize = 170;
    let mut sentences = split_sentences(brief);
    if sentences.len() > 1 && sentences[0].split_whitespace().count() <= 4 {
        sentences.remove(0);
    }
    let mut summary = String::new();
    for sentence in sentences {
        if !summary.is_empty() && summary.chars().count() + 1 + sentence.chars().count() > ROOM {
            summary.push_str(" …");
            break;
        }
        if !summary.is_empty() {
            summary.push(' ');
        }
        summary.push_str(sentence);
    }
    summary
}

/// Sentences end at ". ", "! " or "? " before a capital letter, so "£14.99" and "8:40 pm"
/// stay whole.
fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for window in chars.windows(3) {
        let [(_, end), (_, space), (next_at, next)] = window else {
            continue;
        };
        if matches!(end, '.' | '!' | '?') && *space == ' ' && next.is_uppercase() {
            sentences.push(text[start..*next_at].trim());
            start = *next_at;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        sentences.push(rest);
    }
    sentences
}

/// The arrow keys move the focus from card to card, as in any list; the list scrolls the
/// focused card into view (`theme::scroll`).
pub(super) fn arrows_move_focus(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    focus: Option<ResMut<InputFocus>>,
    list: Query<&Children, With<CaseList>>,
    cards: Query<&CaseCard>,
    starting: Query<Entity, (With<CaseCard>, With<AutoFocus>)>,
) {
    let (Some(keys), Some(mut focus)) = (keys, focus) else {
        return;
    };
    let step: isize = if keys.just_pressed(KeyCode::ArrowDown) {
        1
    } else if keys.just_pressed(KeyCode::ArrowUp) {
        -1
    } else {
        return;
    };
    let Ok(children) = list.single() else { return };
    let open: Vec<Entity> = children
        .iter()
        .filter(|&e| cards.get(e).is_ok_and(|card| !card.locked))
        .collect();
    if open.is_empty() {
        return;
    }
    // From the focused card; with none (the focus was lost with the last screen's
    // buttons), from the card the list started on, so the first press moves.
    let from = focus
        .get()
        .and_then(|f| open.iter().position(|&e| e == f))
        .or_else(|| {
            starting
                .iter()
                .find_map(|s| open.iter().position(|&e| e == s))
        });
    let next = match from {
        Some(at) => at.saturating_add_signed(step).min(open.len() - 1),
        None => 0,
    };
    focus.set(open[next], FocusCause::Navigated);
}

#[cfg(test)]
mod tests {
    use super::card_summary;

    #[test]
    fn a_card_shows_the_opening_of_a_long_brief_without_the_setting_label() {
        let brief = "Live chat. A customer has been charged a £74.95 early cancellation fee. \
            Your notes: the Pixelry sign-up page shows '£14.99/month' in large type; that it is a \
            one-year plan paid monthly is only behind a link. Card refunds take 3 to 5 days.";
        let summary = card_summary(brief);
        assert!(
            summary.starts_with("A customer has been charged a £74.95"),
            "{summary}"
        );
        assert!(summary.chars().count() <= 172, "{summary}");
        assert!(summary.ends_with('…'), "{summary}");
    }

    #[test]
    fn a_short_brief_is_shown_whole() {
        let brief = "A customer's parcel shows as delivered, but nothing arrived. It is a birthday present.";
        assert_eq!(card_summary(brief), brief);
    }
}
