//! The first call's guide: before a new trainee's first call starts, what each part of the
//! screen is and what the cue to speak looks like, over the screen itself (dimmed), with
//! the clock waiting. Nothing is judged until they start the call.

use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;

use crate::game::actions::CallAction;
use crate::game::locale::Locale;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

#[derive(Component)]
pub struct FirstCallGuide;
#[derive(Component)]
pub(super) struct BeginButton;

/// The guide over the call screen, shown when `open`.
pub(super) fn overlay(locale: &Locale, open: bool) -> impl Bundle {
    let points = [
        "onboard-talk",
        "onboard-cards",
        "onboard-cue",
        "onboard-voice",
        "onboard-pause",
    ];
    let rows: Vec<_> = points
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                Node {
                    column_gap: px(10),
                    align_items: AlignItems::Start,
                    ..default()
                },
                Children::spawn((
                    Spawn(widgets::bold(
                        format!("{}", i + 1),
                        size::BODY,
                        palette::ACCENT,
                    )),
                    Spawn(widgets::paragraph(locale.t(id), size::BODY, palette::TEXT)),
                )),
            )
        })
        .collect();
    (
        FirstCallGuide,
        Name::new("First-call guide"),
        Node {
            position_type: PositionType::Absolute,
            left: px(0),
            right: px(0),
            top: px(0),
            bottom: px(0),
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            display: if open { Display::Flex } else { Display::None },
            ..default()
        },
        // Dimmed, not hidden: the guide talks about the screen behind it.
        BackgroundColor(palette::BACKGROUND.with_alpha(0.72)),
        GlobalZIndex(10),
        children![(
            Node {
                max_width: px(620),
                width: percent(90),
                border: UiRect::all(px(2)),
                ..widgets::panel()
            },
            BackgroundColor(palette::PANEL_RAISED),
            BorderColor::all(palette::ACCENT),
            Children::spawn((
                Spawn(widgets::bold(
                    locale.t("onboard-title"),
                    size::LARGE,
                    palette::TEXT
                )),
                SpawnIter(rows.into_iter()),
                Spawn((
                    Node {
                        margin: UiRect::top(px(8)),
                        justify_content: JustifyContent::Center,
                        ..default()
                    },
                    children![(
                        widgets::button(locale.t("onboard-start"), CallAction::BeginCall),
                        BeginButton,
                    )],
                )),
            )),
        )],
    )
}

/// The guide's button has the keyboard focus, so Enter (or Space) starts the call.
pub(super) fn focus_begin(
    button: Query<Entity, Added<BeginButton>>,
    guide: Query<&Node, With<FirstCallGuide>>,
    focus: Option<ResMut<InputFocus>>,
) {
    let (Some(mut focus), Ok(button)) = (focus, button.single()) else {
        return;
    };
    if guide.iter().any(|n| n.display != Display::None) {
        focus.set(button, FocusCause::Navigated);
    }
}
