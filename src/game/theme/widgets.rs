//! Widget functions: each returns a bundle, so screens read as a tree of what they show.
//!
//! Spawning children, one idiom across the game: what is spawned at once is one bundle.
//! Fixed children go in `children![..]` (widgets return `impl Bundle`, so they nest); where
//! the children depend on data, `Children::spawn(..)` keeps them in the same bundle:
//! `SpawnIter` for one child per item (an `Option` for a child that may be absent) and
//! `SpawnWith` where a loop builds unlike children (the chart, the transcript).
//! `with_children` / `with_child` are only for adding to an entity that already exists (a
//! list rebuilt, a line arriving in the conversation). Entities are not spawned loose and
//! attached afterwards, except where a child must go in at a given place (`insert_children`).

use bevy::ecs::spawn::SpawnableList;
use bevy::input_focus::tab_navigation::TabIndex;
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::ui_widgets::Button;

use super::palette;
use crate::game::actions::ScreenAction;

/// A size in logical pixels at 100 % text size, as Bevy takes it: in rem, so the trainee's
/// text size (`text_size`) grows every text at once.
pub fn font_size(px: f32) -> FontSize {
    FontSize::Rem(px / super::text_size::BASE_REM)
}

/// Text sizes, in logical pixels at 1280x720 and 100 % text size (UiScale grows them on
/// larger windows, the trainee's text size on top).
pub mod size {
    pub const SMALL: f32 = 15.0;
    pub const BODY: f32 = 17.0;
    pub const LARGE: f32 = 21.0;
    pub const TITLE: f32 = 28.0;
    pub const HERO: f32 = 56.0;
}

pub fn text(value: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    styled_text(value, size, color, false)
}

pub fn bold(value: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    styled_text(value, size, color, true)
}

/// Text in the regular or the bold face, chosen at run time.
pub fn styled_text(value: impl Into<String>, size: f32, color: Color, bold: bool) -> impl Bundle {
    let (font, weight) = super::fonts::face(bold);
    (
        TextFont {
            font,
            weight,
            font_size: font_size(size),
            ..default()
        },
        TextColor(color),
        Text::new(value.into()),
    )
}

/// A block of text that wraps within its parent's width.
pub fn paragraph(value: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    (
        text(value, size, color),
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

/// A panel with a heading over what it holds, on the panel colour: `frame` is its node
/// (start from [`panel`]) with anything else it is (a scroll panel), `heading` its first
/// child (usually [`panel_heading`]), `content` the rest: `Spawn`, `SpawnIter`,
/// `SpawnWith`, or a tuple of them.
pub fn titled_panel<L: SpawnableList<ChildOf> + Send + Sync + 'static>(
    frame: impl Bundle,
    heading: impl Bundle,
    content: L,
) -> impl Bundle {
    (
        frame,
        BackgroundColor(palette::PANEL),
        Children::spawn((Spawn(heading), content)),
    )
}

/// A panel's heading.
pub fn panel_heading(title: impl Into<String>) -> impl Bundle {
    bold(title, size::LARGE, palette::TEXT)
}

/// A keyboard- and mouse-activated button that sends `action` when activated.
pub fn button(label: impl Into<String>, action: impl ScreenAction) -> impl Bundle {
    button_sized(label, action, size::BODY)
}

pub fn button_sized(
    label: impl Into<String>,
    action: impl ScreenAction,
    font_size: f32,
) -> impl Bundle {
    let label = label.into();
    (
        Name::new(format!("Button {label}")),
        activatable(action),
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
        children![(bold(label, font_size, palette::TEXT), Pickable::IGNORE)],
    )
}

/// What makes a node a button: activated by click, or by Enter or Space with the keyboard
/// focus (Tab reaches it), it sends `action`. Its colours follow `theme::interaction`.
pub fn activatable(action: impl ScreenAction) -> impl Bundle {
    (Button, Hovered::default(), TabIndex(0), action)
}

/// A screen's title with a line under it (who is calling, who is signed in).
pub fn header(title: impl Into<String>, subtitle: impl Into<String>) -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Column,
            ..default()
        },
        children![
            bold(title, size::TITLE, palette::TEXT),
            text(subtitle, size::BODY, palette::TEXT_DIM),
        ],
    )
}

/// The usual box of a banner: `padding` all round, gently rounded.
pub fn banner_box(padding: f32) -> Node {
    Node {
        padding: UiRect::all(px(padding)),
        border_radius: BorderRadius::all(px(8)),
        ..default()
    }
}

/// A strip of colour carrying one message: a notice, a tier opened, a call's end. `node`
/// places and sizes it (`banner_box` for the usual one).
pub fn banner(node: Node, background: Color, message: impl Bundle) -> impl Bundle {
    (
        Name::new("Banner"),
        node,
        BackgroundColor(background),
        children![message],
    )
}

/// A warning notice across the screen (a profile that could not be read as it was).
pub fn notice(message: impl Into<String>) -> impl Bundle {
    banner(
        banner_box(12.0),
        palette::RAISED_BUBBLE,
        paragraph(message, size::BODY, palette::WARN),
    )
}

/// Which side of the conversation a bubble sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The customer, on the left.
    Them,
    /// The trainee, on the right.
    You,
}

/// A speech or chat bubble: a small `label` (who, how) over the `body` of the line.
pub fn bubble(side: Side, background: Color, label: impl Bundle, body: impl Bundle) -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::axes(px(12), px(8)),
            border_radius: BorderRadius::all(px(10)),
            max_width: percent(82),
            align_self: match side {
                Side::Them => AlignSelf::FlexStart,
                Side::You => AlignSelf::FlexEnd,
            },
            ..default()
        },
        BackgroundColor(background),
        children![label, body],
    )
}

/// The box of a card: a bordered, rounded column (a case on the list, a broken file).
pub fn card() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        padding: UiRect::axes(px(16), px(10)),
        border: UiRect::all(px(1)),
        border_radius: BorderRadius::all(px(8)),
        ..default()
    }
}

/// A reply card in a call: the key that says it, then the reply's words (`text`, so the
/// caller can mark and dim it). Activating it sends `action`.
pub fn reply_card(key: &str, action: impl ScreenAction, text: impl Bundle) -> impl Bundle {
    (
        Name::new(format!("Reply card {key}")),
        activatable(action),
        Node {
            align_items: AlignItems::Center,
            column_gap: px(12),
            padding: UiRect::axes(px(12), px(8)),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(8)),
            ..default()
        },
        BackgroundColor(palette::BUTTON),
        BorderColor::all(palette::BORDER),
        children![key_hint(key), (text, Pickable::IGNORE)],
    )
}

/// A small key hint such as `[1]` or `Esc`.
pub fn key_hint(key: &str) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(6), px(1)),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BorderColor::all(palette::TEXT_FAINT),
        Pickable::IGNORE,
        children![(bold(key, size::SMALL, palette::TEXT_DIM), Pickable::IGNORE)],
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
