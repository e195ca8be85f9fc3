//! Widget functions: each returns a bundle, so screens read as a tree of what they show.

use bevy::input_focus::tab_navigation::TabIndex;
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::ui_widgets::Button;

use super::fonts::UiFonts;
use super::palette;
use crate::game::actions::UiAction;

/// Text sizes, in logical pixels at 1280x720 (UiScale grows them on larger windows).
pub mod size {
    pub const SMALL: f32 = 14.0;
    pub const BODY: f32 = 17.0;
    pub const LARGE: f32 = 21.0;
    pub const TITLE: f32 = 28.0;
    pub const HERO: f32 = 56.0;
}

pub fn text(fonts: &UiFonts, value: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    let value = value.into();
    (
        TextFont {
            font: fonts.for_text(&value, false).into(),
            font_size: FontSize::Px(size),
            ..default()
        },
        TextColor(color),
        Text::new(value),
    )
}

pub fn bold(fonts: &UiFonts, value: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    let value = value.into();
    (
        TextFont {
            font: fonts.for_text(&value, true).into(),
            font_size: FontSize::Px(size),
            ..default()
        },
        TextColor(color),
        Text::new(value),
    )
}

/// A block of text that wraps within its parent's width.
pub fn paragraph(
    fonts: &UiFonts,
    value: impl Into<String>,
    size: f32,
    color: Color,
) -> impl Bundle {
    (
        text(fonts, value, size, color),
        TextLayout::new(Justify::Start, LineBreak::WordBoundary),
        Node {
            max_width: percent(100),
            ..default()
        },
    )
}

/// A full-window screen root with the background colour.
pub fn screen_root(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(24)),
            row_gap: px(16),
            ..default()
        },
        BackgroundColor(palette::BACKGROUND),
    )
}

pub fn panel() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(px(16)),
        row_gap: px(8),
        border_radius: BorderRadius::all(px(10)),
        ..default()
    }
}

/// A keyboard- and mouse-activated button that sends `action` when activated.
pub fn button(fonts: &UiFonts, label: impl Into<String>, action: UiAction) -> impl Bundle {
    button_sized(fonts, label, action, size::BODY)
}

pub fn button_sized(
    fonts: &UiFonts,
    label: impl Into<String>,
    action: UiAction,
    font_size: f32,
) -> impl Bundle {
    let label = label.into();
    (
        Name::new(format!("Button {label}")),
        Button,
        Hovered::default(),
        TabIndex(0),
        action,
        Node {
            padding: UiRect::axes(px(18), px(10)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(8)),
            ..default()
        },
        BackgroundColor(palette::BUTTON),
        BorderColor::all(palette::BORDER),
        children![(
            bold(fonts, label, font_size, palette::TEXT),
            Pickable::IGNORE
        )],
    )
}

/// A small key hint such as `[1]` or `Esc`.
pub fn key_hint(fonts: &UiFonts, key: &str) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(6), px(1)),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BorderColor::all(palette::TEXT_FAINT),
        Pickable::IGNORE,
        children![(
            bold(fonts, key, size::SMALL, palette::TEXT_DIM),
            Pickable::IGNORE
        )],
    )
}

/// A horizontal meter: a track and a fill whose width is set by the caller.
pub fn meter_track() -> impl Bundle {
    (
        Node {
            width: percent(100),
            height: px(14),
            flex_shrink: 0.0,
            border_radius: BorderRadius::all(px(7)),
            ..default()
        },
        BackgroundColor(palette::PANEL_RAISED),
    )
}
