//! Title: sign in by name (one profile per name, so a shared onboarding PC works), continue
//! as a saved trainee, practise as a guest, or quit.

use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::input_focus::{AutoFocus, InputFocus};
use bevy::prelude::*;
use bevy::text::{EditableText, TextCursorStyle};
use htl_core::profile::{Store, data_dir};

use crate::game::actions::{UiAction, UiCommand};
use crate::game::session::Trainee;
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};
use crate::game::{GameConfig, Screen};

/// The name field.
#[derive(Component)]
pub struct NameField;

/// The line under the form that says what went wrong.
#[derive(Component)]
pub struct TitleMessage;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), spawn).add_systems(
        Update,
        (enter_submits, handle)
            .chain()
            .run_if(in_state(Screen::Title)),
    );
}

fn spawn(mut commands: Commands, fonts: Res<UiFonts>, config: Res<GameConfig>) {
    let store = Store::new(&data_dir(Some(&config.data_dir)));
    let names = store.names();
    // A shared onboarding PC may hold many profiles; the rest are reached by typing a name.
    const SHOWN_NAMES: usize = 6;
    let more = names.len().saturating_sub(SHOWN_NAMES);
    let more_hint = match more {
        0 => String::new(),
        1 => "One more saved profile: type the name above to continue it.".to_string(),
        n => format!("{n} more saved profiles: type the name above to continue one."),
    };
    commands.spawn((
        widgets::screen_root("Title screen"),
        DespawnOnExit(Screen::Title),
        TabGroup::new(0),
        children![
            (
                Node {
                    flex_grow: 1.0,
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    justify_content: JustifyContent::Center,
                    row_gap: px(14),
                    ..default()
                },
                children![
                    widgets::bold(&fonts, "Hold the Line", size::HERO, palette::TEXT),
                    widgets::text(&fonts, "Practise calls with angry customers. Listen, lower your voice, own the problem.", size::LARGE, palette::TEXT_DIM),
                    (
                        BackgroundColor(palette::PANEL),
                        Node {
                            width: px(520),
                            margin: UiRect::top(px(24)),
                            ..widgets::panel()
                        },
                        children![
                            widgets::bold(&fonts, "Your name", size::BODY, palette::TEXT_DIM),
                            (
                                Name::new("Name field"),
                                NameField,
                                Node {
                                    width: percent(100),
                                    padding: UiRect::axes(px(12), px(8)),
                                    border: UiRect::all(px(1)),
                                    border_radius: BorderRadius::all(px(6)),
                                    ..default()
                                },
                                EditableText {
                                    max_characters: Some(40),
                                    allow_newlines: false,
                                    ..default()
                                },
                                TextLayout::no_wrap(),
                                TextFont {
                                    font: fonts.regular(),
                                    font_size: FontSize::Px(size::LARGE),
                                    ..default()
                                },
                                TextColor(palette::TEXT),
                                TextCursorStyle::default(),
                                BackgroundColor(palette::BACKGROUND),
                                BorderColor::all(palette::BORDER),
                                TabIndex(0),
                                AutoFocus,
                            ),
                            widgets::button(&fonts, "Sign in  (Enter)", UiAction::SignIn),
                            (
                                TitleMessage,
                                widgets::text(&fonts, "One profile per name: your progress is kept under it.", size::SMALL, palette::TEXT_FAINT),
                            ),
                        ],
                    ),
                    (
                        Node {
                            flex_direction: FlexDirection::Row,
                            flex_wrap: FlexWrap::Wrap,
                            justify_content: JustifyContent::Center,
                            column_gap: px(10),
                            row_gap: px(10),
                            max_width: px(900),
                            margin: UiRect::top(px(8)),
                            ..default()
                        },
                        Children::spawn(SpawnIter(
                            names
                                .into_iter()
                                .take(SHOWN_NAMES)
                                .map(|name| widgets::button(&fonts, format!("Continue as {name}"), UiAction::ContinueAs(name)))
                                .collect::<Vec<_>>()
                                .into_iter()
                        )),
                    ),
                    (
                        widgets::text(&fonts, more_hint, size::SMALL, palette::TEXT_FAINT),
                        Node {
                            display: if more == 0 { Display::None } else { Display::Flex },
                            ..default()
                        },
                    ),
                    (
                        Node {
                            column_gap: px(10),
                            margin: UiRect::top(px(8)),
                            ..default()
                        },
                        children![
                            widgets::button(&fonts, "Practise as a guest", UiAction::Practice),
                            widgets::button(&fonts, "Quit", UiAction::Quit),
                        ],
                    ),
                ],
            ),
            widgets::text(
                &fonts,
                format!("Progress is saved in {}", store.dir().display()),
                size::SMALL,
                palette::TEXT_FAINT
            ),
        ],
    ));
}

/// Enter in the name field signs in.
fn enter_submits(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    focus: Res<InputFocus>,
    field: Query<Entity, With<NameField>>,
    mut commands: MessageWriter<UiCommand>,
) {
    let Some(keys) = keys else { return };
    if keys.just_pressed(KeyCode::Enter) && field.iter().any(|f| focus.get() == Some(f)) {
        commands.write(UiCommand(UiAction::SignIn));
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand>,
    config: Res<GameConfig>,
    field: Query<&EditableText, With<NameField>>,
    mut message: Query<&mut Text, With<TitleMessage>>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    for UiCommand(action) in requests.read() {
        let store = Store::new(&data_dir(Some(&config.data_dir)));
        let name = match action {
            UiAction::SignIn => field
                .iter()
                .next()
                .map(|f| f.value().to_string())
                .unwrap_or_default(),
            UiAction::ContinueAs(name) => name.clone(),
            UiAction::Practice => {
                commands.insert_resource(Trainee::guest(store));
                next.set(Screen::Select);
                continue;
            }
            UiAction::Quit => {
                exit.write(AppExit::Success);
                continue;
            }
            _ => continue,
        };
        let name = name.trim().to_string();
        if name.is_empty() {
            for mut text in &mut message {
                text.0 = "Type your name first, then press Enter.".into();
            }
            continue;
        }
        match Trainee::sign_in(store, &name) {
            Ok(trainee) => {
                commands.insert_resource(trainee);
                next.set(Screen::Select);
            }
            Err(e) => {
                for mut text in &mut message {
                    text.0 = format!("Could not open {name}'s progress: {e}");
                }
            }
        }
    }
}
