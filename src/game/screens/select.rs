//! Case select: the cases of one tier at a time (tabs 1-4), each with its channel, brief and
//! best result; locked cases say what opens them; files that failed to load are listed
//! with their diagnostic instead of vanishing.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::prelude::*;
use htl_core::progress::{self, Access};

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
                rebuild_list.run_if(
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
            let open = progress::tier_open(&plain, &trainee.profile, tier);
            let count = plain.iter().filter(|s| s.tier == tier).count();
            let passed = plain
                .iter()
                .filter(|s| s.tier == tier && trainee.profile.passed(&s.id))
                .count();
            let label = if open {
                format!("Tier {tier}  ({passed}/{count} passed)")
            } else {
                format!("Tier {tier}  (locked)")
            };
            (
                widgets::button(&fonts, label, UiAction::ShowTier(tier)),
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
                "{}  Keys: 1-4 switch tier, Tab moves, Enter opens.",
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
                overflow: Overflow::clip_y(),
                ..default()
            },
        ));
    });
}

fn rebuild_list(
    mut commands: Commands,
    fonts: Res<UiFonts>,
    trainee: Res<Trainee>,
    cases: Res<Cases>,
    shown: Res<ShownTier>,
    list: Query<Entity, With<CaseList>>,
    mut tabs: Query<(&TierTab, &mut Selected)>,
) {
    for (tab, mut selected) in &mut tabs {
        selected.0 = tab.0 == shown.0;
    }
    let Ok(list) = list.single() else { return };
    commands.entity(list).despawn_children();
    let plain = cases.plain();
    let mut first = true;
    commands.entity(list).with_children(|list| {
        let in_tier: Vec<_> = cases
            .scenarios
            .iter()
            .filter(|s| s.tier == shown.0)
            .collect();
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
                            scenario.brief
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
    });
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
