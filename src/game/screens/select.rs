//! Case select: the cases of one tier at a time (tabs 1-4), each with its channel, brief and
//! best result; locked cases say what opens them; files that failed to load are listed
//! with their diagnostic instead of vanishing.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::input_focus::{AutoFocus, FocusCause, InputFocus};
use bevy::prelude::*;
use htl_core::profile::Profile;
use htl_core::progress::{self, Access};
use htl_core::scenario::Scenario;

use crate::game::Screen;
use crate::game::actions::{UiAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::interaction::Selected;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// The tier the list shows.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownTier(pub u8);

/// The part of the screen rebuilt when the tier or the library changes.
#[derive(Component)]
struct CaseList;

/// A case card, for tests and for focus.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct CaseCard {
    pub id: String,
    pub locked: bool,
}

/// A tier tab.
#[derive(Component)]
struct TierTab(u8);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ShownTier(1))
        .add_systems(OnEnter(Screen::Select), (choose_tier, spawn).chain())
        .add_systems(
            Update,
            (
                handle,
                shortcuts,
                arrows_move_focus,
                scroll,
                show_more_below,
                (refresh_tabs, rebuild_list).run_if(
                    resource_changed::<ShownTier>
                        .or_else(resource_changed::<Cases>)
                        .or_else(any_match_filter::<Added<CaseList>>),
                ),
            )
                .chain()
                .run_if(in_state(Screen::Select)),
        );
}

/// Opens on the highest tier the trainee can play, where their next case is.
fn choose_tier(
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    mut shown: ResMut<ShownTier>,
    current: Option<Res<CurrentCase>>,
) {
    if let Some(current) = current {
        shown.0 = current.0.tier;
        return;
    }
    let plain = cases.plain();
    shown.0 = (1..=4)
        .rev()
        .find(|&t| {
            progress::tier_open(&plain, &trainee.profile, t) && plain.iter().any(|s| s.tier == t)
        })
        .unwrap_or(1);
}

fn spawn(
    mut commands: Commands,
    fonts: Res<UiFonts>,
    mut trainee: ResMut<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
) {
    let who = if trainee.guest {
        "Practising as a guest: nothing is saved".to_string()
    } else {
        format!("Signed in as {}", trainee.profile.name)
    };
    let notice = trainee.notice.take();
    let plain = cases.plain();
    let tabs: Vec<_> = (1..=4u8)
        .map(|tier| {
            (
                widgets::button(
                    &fonts,
                    tab_label(tier, &plain, &trainee.profile),
                    UiAction::ShowTier(tier),
                ),
                TierTab(tier),
                Selected(tier == shown.0),
            )
        })
        .collect();
    let root = commands
        .spawn((
            widgets::screen_root("Case select screen"),
            DespawnOnExit(Screen::Select),
            TabGroup::new(0),
        ))
        .id();
    commands.entity(root).with_children(|root| {
        root.spawn(Node {
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|bar| {
            bar.spawn(Node {
                flex_direction: FlexDirection::Column,
                ..default()
            })
            .with_children(|c| {
                c.spawn(widgets::bold(
                    &fonts,
                    "Choose a case",
                    size::TITLE,
                    palette::TEXT,
                ));
                c.spawn(widgets::text(&fonts, who, size::BODY, palette::TEXT_DIM));
            });
            bar.spawn(widgets::button(
                &fonts,
                "Sign out  (Esc)",
                UiAction::SignOut,
            ));
        });
        if let Some(notice) = notice {
            root.spawn((
                Node {
                    padding: UiRect::all(px(12)),
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BackgroundColor(palette::RAISED_BUBBLE),
                children![widgets::paragraph(
                    &fonts,
                    notice,
                    size::BODY,
                    palette::WARN
                )],
            ));
        }
        root.spawn(Node {
            column_gap: px(10),
            ..default()
        })
        .with_children(|row| {
            for tab in tabs {
                row.spawn(tab);
            }
        });
        root.spawn(widgets::text(
            &fonts,
            format!(
                "{}  Keys: 1-4 switch tier, arrows or Tab move, Enter opens.",
                progress::rule_text()
            ),
            size::SMALL,
            palette::TEXT_FAINT,
        ));
        root.spawn((
            CaseList,
            Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(10),
                flex_grow: 1.0,
                // A trainer's folder may hold more cases than fit: the list scrolls.
                min_height: px(0),
                overflow: Overflow::scroll_y(),
                ..default()
            },
            ScrollPosition::default(),
        ));
        root.spawn((
            MoreBelow,
            widgets::text(
                &fonts,
                "More cases below: scroll, or Page Down",
                size::SMALL,
                palette::TEXT_FAINT,
            ),
            Visibility::Hidden,
        ));
    });
}

/// The hint under the list that shows while some of it is out of view below.
#[derive(Component)]
struct MoreBelow;

fn show_more_below(
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

/// A tier tab's label: how far the trainee is through it, or that it is locked.
fn tab_label(tier: u8, plain: &[Scenario], profile: &Profile) -> String {
    if !progress::tier_open(plain, profile, tier) {
        return format!("Tier {tier}  (locked)");
    }
    let in_tier = plain.iter().filter(|s| s.tier == tier);
    let count = in_tier.clone().count();
    let passed = in_tier.filter(|s| profile.passed(&s.id)).count();
    format!("Tier {tier}  ({passed}/{count} passed)")
}

/// Marks the shown tier's tab; the library may have been reloaded, so the counts are
/// refreshed too.
fn refresh_tabs(
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
    mut tabs: Query<(&TierTab, &mut Selected, &Children)>,
    mut labels: Query<&mut Text>,
) {
    let plain = cases.plain();
    for (tab, mut selected, children) in &mut tabs {
        selected.0 = tab.0 == shown.0;
        let label = tab_label(tab.0, &plain, &trainee.profile);
        for &child in children {
            if let Ok(mut text) = labels.get_mut(child)
                && text.0 != label
            {
                text.0 = label.clone();
            }
        }
    }
}

fn rebuild_list(
    mut commands: Commands,
    fonts: Res<UiFonts>,
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
    mut list: Query<(Entity, &mut ScrollPosition), With<CaseList>>,
) {
    let plain = cases.plain();
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
        // A trainer's broken file comes first, where they will see it.
        for broken in &cases.broken {
            let name = broken.path.file_name().map_or_else(
                || broken.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let kept = if broken.stale_version_kept {
                " The last good version is still playable."
            } else {
                ""
            };
            list.spawn((
                Name::new(format!("Broken file {name}")),
                Node {
                    flex_direction: FlexDirection::Column,
                    padding: UiRect::axes(px(16), px(10)),
                    border: UiRect::all(px(1)),
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BorderColor::all(palette::BAD),
                children![
                    widgets::bold(
                        &fonts,
                        format!(
                            "{name} could not be loaded ({} error{})",
                            broken.errors,
                            if broken.errors == 1 { "" } else { "s" }
                        ),
                        size::BODY,
                        palette::BAD
                    ),
                    widgets::paragraph(
                        &fonts,
                        format!(
                            "{}{kept} Run `hold-the-line check` for details.",
                            broken.summary
                        ),
                        size::SMALL,
                        palette::TEXT_DIM
                    ),
                ],
            ));
        }
        if in_tier.is_empty() {
            list.spawn(widgets::text(
                &fonts,
                "No cases in this tier yet.",
                size::BODY,
                palette::TEXT_DIM,
            ));
        }
        for scenario in in_tier {
            let access = progress::access(scenario, &plain, &trainee.profile);
            let record = trainee.profile.case(&scenario.id);
            let locked = access != Access::Open;
            let status = match (&access, record) {
                (Access::Locked(why), _) => why.clone(),
                (Access::Open, Some(r)) if r.passed() => format!(
                    "Passed. Best {} ({}), {} attempt{}",
                    r.best_score.unwrap_or(0),
                    r.best_grade.map_or("-", |g| g.letter()),
                    r.attempts,
                    if r.attempts == 1 { "" } else { "s" }
                ),
                (Access::Open, Some(r)) => format!(
                    "Not passed yet. Best {}, {} attempt{}",
                    r.best_score.unwrap_or(0),
                    r.attempts,
                    if r.attempts == 1 { "" } else { "s" }
                ),
                (Access::Open, None) => format!("New. Pass mark {}", scenario.pass_mark),
            };
            let status_colour = match (&access, record) {
                (Access::Locked(_), _) => palette::TEXT_FAINT,
                (_, Some(r)) if r.passed() => palette::GOOD,
                _ => palette::ACCENT,
            };
            let mut card = list.spawn((
                Name::new(format!("Case {}", scenario.id)),
                CaseCard {
                    id: scenario.id.clone(),
                    locked,
                },
                Node {
                    flex_direction: FlexDirection::Column,
                    padding: UiRect::axes(px(16), px(10)),
                    row_gap: px(4),
                    border: UiRect::all(px(1)),
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BackgroundColor(if locked {
                    palette::BUTTON_DISABLED
                } else {
                    palette::BUTTON
                }),
                BorderColor::all(palette::BORDER),
            ));
            if !locked {
                card.insert((
                    bevy::ui_widgets::Button,
                    bevy::picking::hover::Hovered::default(),
                    TabIndex(0),
                    UiAction::OpenCase(scenario.id.clone()),
                ));
                if first {
                    card.insert(AutoFocus);
                    first = false;
                }
            }
            let title_colour = if locked {
                palette::TEXT_FAINT
            } else {
                palette::TEXT
            };
            card.with_children(|card| {
                card.spawn((
                    Node {
                        justify_content: JustifyContent::SpaceBetween,
                        column_gap: px(16),
                        ..default()
                    },
                    Pickable::IGNORE,
                ))
                .with_children(|row| {
                    row.spawn((
                        widgets::bold(&fonts, scenario.title.clone(), size::LARGE, title_colour),
                        Pickable::IGNORE,
                    ));
                    row.spawn((
                        widgets::text(&fonts, status, size::BODY, status_colour),
                        Pickable::IGNORE,
                    ));
                });
                card.spawn((
                    widgets::paragraph(
                        &fonts,
                        format!(
                            "{} · {}",
                            capitalise(scenario.channel.label()),
                            card_summary(&scenario.brief)
                        ),
                        size::BODY,
                        if locked {
                            palette::TEXT_FAINT
                        } else {
                            palette::TEXT_DIM
                        },
                    ),
                    Pickable::IGNORE,
                ));
            });
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

/// The arrow keys move the focus from card to card, as in any list.
fn arrows_move_focus(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    focus: Option<ResMut<InputFocus>>,
    list: Query<&Children, With<CaseList>>,
    cards: Query<&CaseCard>,
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
    let next = match focus.get().and_then(|f| open.iter().position(|&e| e == f)) {
        Some(at) => at.saturating_add_signed(step).min(open.len() - 1),
        None => 0,
    };
    focus.set(open[next], FocusCause::Navigated);
}

/// The mouse wheel and Page Up/Down scroll the list; a card that takes the keyboard focus
/// is scrolled into view, so Tab never moves the focus off screen.
fn scroll(
    mut wheel: MessageReader<MouseWheel>,
    keys: Option<Res<ButtonInput<KeyCode>>>,
    focus: Option<Res<InputFocus>>,
    mut list: Query<(&mut ScrollPosition, &ComputedNode, &UiGlobalTransform), With<CaseList>>,
    cards: Query<(&ComputedNode, &UiGlobalTransform), With<CaseCard>>,
) {
    let Ok((mut position, list_node, list_at)) = list.single_mut() else {
        return;
    };
    let to_logical = list_node.inverse_scale_factor();
    let mut delta = 0.0;
    for w in wheel.read() {
        delta -= match w.unit {
            MouseScrollUnit::Line => w.y * 24.0,
            MouseScrollUnit::Pixel => w.y,
        };
    }
    if let Some(keys) = keys {
        let page = list_node.size().y * to_logical * 0.8;
        if keys.just_pressed(KeyCode::PageDown) {
            delta += page;
        }
        if keys.just_pressed(KeyCode::PageUp) {
            delta -= page;
        }
    }
    if let Some(focused) = focus
        .filter(|f| f.is_changed())
        .and_then(|f| f.get())
        .and_then(|e| cards.get(e).ok())
    {
        // Both transforms are node centres in physical pixels.
        let (card_node, card_at) = focused;
        let list_top = list_at.translation.y - list_node.size().y / 2.0;
        let list_bottom = list_at.translation.y + list_node.size().y / 2.0;
        let card_top = card_at.translation.y - card_node.size().y / 2.0;
        let card_bottom = card_at.translation.y + card_node.size().y / 2.0;
        if card_top < list_top {
            delta += (card_top - list_top) * to_logical;
        } else if card_bottom > list_bottom {
            delta += (card_bottom - list_bottom) * to_logical;
        }
    }
    if delta == 0.0 {
        return;
    }
    let max = ((list_node.content_size().y - list_node.size().y) * to_logical).max(0.0);
    position.y = (position.y + delta).clamp(0.0, max);
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn shortcuts(keys: Option<Res<ButtonInput<KeyCode>>>, mut commands: MessageWriter<UiCommand>) {
    let Some(keys) = keys else { return };
    for (key, tier) in [
        (KeyCode::Digit1, 1),
        (KeyCode::Digit2, 2),
        (KeyCode::Digit3, 3),
        (KeyCode::Digit4, 4),
    ] {
        if keys.just_pressed(key) {
            commands.write(UiCommand(UiAction::ShowTier(tier)));
        }
    }
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(UiAction::SignOut));
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    mut shown: ResMut<ShownTier>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        match action {
            // Only a real change is written, so the list is not rebuilt for nothing.
            UiAction::ShowTier(tier) if shown.0 != *tier => shown.0 = *tier,
            UiAction::OpenCase(id) => {
                let Some(scenario) = cases.get(id) else {
                    continue;
                };
                if progress::access(scenario, &cases.plain(), &trainee.profile) != Access::Open {
                    continue;
                }
                commands.insert_resource(CurrentCase(scenario.clone()));
                next.set(Screen::Brief);
            }
            UiAction::SignOut => {
                commands.remove_resource::<CurrentCase>();
                next.set(Screen::Title);
            }
            _ => {}
        }
    }
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
