//! Title: sign in by name (one profile per name, so a shared onboarding PC works), continue
//! as a saved trainee, practise as a guest, or quit.

use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::input_focus::{AutoFocus, InputFocus};
use bevy::prelude::*;
use bevy::text::{EditableText, TextCursorStyle};
use htl_core::profile::{ProfileError, Store, data_dir};

use htl_core::i18n::Lang;

use crate::game::a11y;
use crate::game::actions::{TitleAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::session::Trainee;
use crate::game::theme::interaction::Selected;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};
use crate::game::{GameConfig, Screen};

/// The name field.
#[derive(Component)]
pub struct NameField;

/// The folder where progress is saved, in the footer (for tests).
#[derive(Component)]
pub struct SavedFolder;

/// The line under the form that says what went wrong.
#[derive(Component)]
pub struct TitleMessage;

/// The way on when a trainee's saved files are both damaged: start afresh under the same
/// name (hidden until then).
#[derive(Component)]
pub struct AfreshOffer;

/// A button of the language picker: speaks `Lang` from now on.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageButton(pub Lang);

/// The language picker: one button per language, each named in its own language, the one
/// spoken now marked as chosen. Reached by Tab like the form's buttons.
fn language_picker(current: Lang) -> impl Bundle {
    let buttons: Vec<_> = Lang::ALL
        .into_iter()
        .map(|lang| {
            (
                widgets::button_sized(
                    lang.native_name(),
                    TitleAction::SetLanguage(lang),
                    size::SMALL,
                ),
                LanguageButton(lang),
                Selected(lang == current),
            )
        })
        .collect();
    (
        Name::new("Language picker"),
        Node {
            align_self: AlignSelf::FlexEnd,
            column_gap: px(8),
            ..default()
        },
        Children::spawn(SpawnIter(buttons.into_iter())),
    )
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), spawn).add_systems(
        Update,
        (enter_submits, handle)
            .chain()
            .run_if(in_state(Screen::Title)),
    );
}

fn spawn(mut commands: Commands, config: Res<GameConfig>, locale: Res<Locale>) {
    let store = Store::new(&data_dir(Some(&config.data_dir)));
    let names = store.names();
    // A shared onboarding PC may hold many profiles; the rest are reached by typing a name.
    const SHOWN_NAMES: usize = 6;
    let more = names.len().saturating_sub(SHOWN_NAMES);
    let more_hint = match more {
        0 => String::new(),
        n => locale.tr("title-more-profiles", &[("count", n.into())]),
    };
    commands.spawn((
        widgets::screen_root("Title screen"),
        DespawnOnExit(Screen::Title),
        TabGroup::new(0),
        children![
            // Seen before signing in: the top corner (the far corner when mirrored).
            language_picker(locale.lang),
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
                    widgets::bold(locale.t("app-title"), size::HERO, palette::TEXT),
                    widgets::text(locale.t("title-tagline"), size::LARGE, palette::TEXT_DIM),
                    (
                        BackgroundColor(palette::PANEL),
                        Node {
                            width: px(520),
                            margin: UiRect::top(px(24)),
                            ..widgets::panel()
                        },
                        children![
                            widgets::bold(
                                locale.t("title-name-label"),
                                size::BODY,
                                palette::TEXT_DIM
                            ),
                            (
                                Name::new("Name field"),
                                NameField,
                                a11y::text_field(&locale.t("title-name-label")),
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
                                // A right-to-left form starts its field, and its caret, on the right.
                                TextLayout::new(
                                    if locale.is_rtl() {
                                        Justify::Right
                                    } else {
                                        Justify::Left
                                    },
                                    LineBreak::NoWrap
                                ),
                                TextFont {
                                    font: crate::game::theme::fonts::regular(),
                                    font_size: widgets::font_size(size::LARGE),
                                    ..default()
                                },
                                TextColor(palette::TEXT),
                                TextCursorStyle::default(),
                                BackgroundColor(palette::BACKGROUND),
                                BorderColor::all(palette::BORDER),
                                TabIndex(0),
                                AutoFocus,
                            ),
                            widgets::button(locale.t("title-sign-in"), TitleAction::SignIn),
                            (
                                TitleMessage,
                                widgets::paragraph(
                                    locale.t("title-one-profile"),
                                    size::SMALL,
                                    palette::TEXT_FAINT
                                ),
                            ),
                            (
                                AfreshOffer,
                                Node {
                                    display: Display::None,
                                    ..default()
                                },
                                children![widgets::button(
                                    locale.t("title-start-afresh"),
                                    TitleAction::StartAfresh(String::new()),
                                )],
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
                                .map(|name| widgets::button(
                                    locale
                                        .tr("title-continue-as", &[("name", name.clone().into())]),
                                    TitleAction::ContinueAs(name)
                                ))
                                .collect::<Vec<_>>()
                                .into_iter()
                        )),
                    ),
                    (
                        widgets::text(more_hint, size::SMALL, palette::TEXT_FAINT),
                        Node {
                            display: if more == 0 {
                                Display::None
                            } else {
                                Display::Flex
                            },
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
                            widgets::button(locale.t("title-guest"), TitleAction::Practice),
                            widgets::button(locale.t("title-quit"), TitleAction::Quit),
                        ],
                    ),
                ],
            ),
            // The folder in a text of its own: a path runs left to right in every language,
            // and inside a right-to-left sentence its slashes would jump ends.
            (
                Node {
                    column_gap: px(6),
                    flex_wrap: FlexWrap::Wrap,
                    justify_content: JustifyContent::Center,
                    ..default()
                },
                children![
                    widgets::text(locale.t("title-saved-in"), size::SMALL, palette::TEXT_FAINT),
                    (
                        SavedFolder,
                        widgets::text(
                            store.dir().display().to_string(),
                            size::SMALL,
                            palette::TEXT_FAINT
                        )
                    ),
                ],
            ),
        ],
    ));
}

/// Enter in the name field signs in.
fn enter_submits(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    focus: Res<InputFocus>,
    field: Query<Entity, With<NameField>>,
    mut commands: MessageWriter<UiCommand<TitleAction>>,
) {
    let Some(keys) = keys else { return };
    if keys.just_pressed(KeyCode::Enter) && field.iter().any(|f| focus.get() == Some(f)) {
        commands.write(UiCommand(TitleAction::SignIn));
    }
}

#[allow(clippy::too_many_arguments)]
fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand<TitleAction>>,
    config: Res<GameConfig>,
    field: Query<&EditableText, With<NameField>>,
    mut message: Query<&mut Text, With<TitleMessage>>,
    mut offer: Query<(&mut Node, &Children), With<AfreshOffer>>,
    mut offer_actions: Query<&mut TitleAction>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    locale: Res<Locale>,
    // Read on its own thread while the title shows; in place before a command is handled
    // (`cases::finish_loading`).
    cases: Option<Res<Cases>>,
) {
    for UiCommand(action) in requests.read() {
        let store = Store::new(&data_dir(Some(&config.data_dir)));
        let name = match action {
            TitleAction::SignIn => field
                .iter()
                .next()
                .map(|f| f.value().to_string())
                .unwrap_or_default(),
            TitleAction::ContinueAs(name) => name.clone(),
            TitleAction::StartAfresh(name) => {
                let cases = cases
                    .as_deref()
                    .expect("the library is read before a title command is handled");
                match Trainee::start_afresh(store, name, cases) {
                    Ok(trainee) => {
                        commands.insert_resource(trainee);
                        next.set(Screen::Select);
                    }
                    Err(e) => {
                        for mut text in &mut message {
                            text.0 = locale.tr(
                                "title-open-failed",
                                &[
                                    ("name", name.clone().into()),
                                    ("error", e.to_string().into()),
                                ],
                            );
                        }
                    }
                }
                continue;
            }
            TitleAction::Practice => {
                commands.insert_resource(Trainee::guest(store));
                next.set(Screen::Select);
                continue;
            }
            TitleAction::Quit => {
                exit.write(AppExit::Success);
                continue;
            }
            _ => continue,
        };
        let name = name.trim().to_string();
        if name.is_empty() {
            for mut text in &mut message {
                text.0 = locale.t("title-name-first");
            }
            continue;
        }
        match Trainee::sign_in(store, &name) {
            Ok(trainee) => {
                commands.insert_resource(trainee);
                next.set(Screen::Select);
            }
            Err(ProfileError::Unreadable { .. }) => {
                // Say what happened in plain words, and offer the way on.
                for mut text in &mut message {
                    text.0 = locale.tr("title-damaged", &[("name", name.clone().into())]);
                }
                for (mut node, children) in &mut offer {
                    node.display = Display::Flex;
                    for child in children.iter() {
                        if let Ok(mut action) = offer_actions.get_mut(child) {
                            *action = TitleAction::StartAfresh(name.clone());
                        }
                    }
                }
            }
            Err(e) => {
                for mut text in &mut message {
                    text.0 = locale.tr(
                        "title-open-failed",
                        &[
                            ("name", name.clone().into()),
                            ("error", e.to_string().into()),
                        ],
                    );
                }
            }
        }
    }
}
