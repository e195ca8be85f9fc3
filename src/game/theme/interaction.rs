//! How buttons look as they are hovered, pressed, disabled and focused. The focus ring
//! shows only when the keyboard is in use, as on the desktop.

use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::ui::{InteractionDisabled, Pressed};
use bevy::ui_widgets::Button;

use super::palette;

/// A button that stays highlighted as the current choice (the selected voice, a tab).
#[derive(Component, Default)]
pub struct Selected(pub bool);

/// The focus ring: drawn this far outside the focused button, so a list that clips its
/// children (a scrolling one) keeps `FOCUS_RING_REACH` of room around them.
pub const FOCUS_RING_WIDTH: f32 = 3.0;
pub const FOCUS_RING_OFFSET: f32 = 2.0;
pub const FOCUS_RING_REACH: f32 = FOCUS_RING_WIDTH + FOCUS_RING_OFFSET;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<InputFocus>()
        .init_resource::<InputFocusVisible>()
        .add_systems(Update, finish_orphaned_presses)
        .add_systems(
            PostUpdate,
            (button_colours, focus_ring, show_focus_on_keyboard_use),
        );
}

/// A click that arrives in the same frame as the pointer's move onto a button: the press
/// goes to the button under the pointer now, but the release goes to what was under it the
/// frame before, so the button is left pressed (highlighted) and never activated. A button
/// still pressed once no pointer button presses it was clicked: activate it if the pointer
/// is still over it, and let it go.
fn finish_orphaned_presses(
    mut commands: Commands,
    pointers: Option<Res<bevy::picking::events::PointerState>>,
    pressed: Query<(Entity, &Hovered, Has<InteractionDisabled>), (With<Button>, With<Pressed>)>,
) {
    let Some(pointers) = pointers else { return };
    for (button, hovered, disabled) in &pressed {
        let held = pointers
            .pointer_buttons
            .values()
            .any(|state| state.pressing.contains_key(&button));
        if held {
            continue;
        }
        commands.entity(button).remove::<Pressed>();
        if hovered.0 && !disabled {
            commands.trigger(bevy::ui_widgets::Activate { entity: button });
        }
    }
}

/// What `button_colours` reads and paints on each button.
type ButtonLook = (
    &'static Hovered,
    Has<Pressed>,
    Has<InteractionDisabled>,
    Option<&'static Selected>,
    &'static mut BackgroundColor,
    &'static mut BorderColor,
);

/// Paints every button for its state. Only colours that differ are written, so change
/// detection (and the reactive redraw) stays quiet when nothing changed.
fn button_colours(mut buttons: Query<ButtonLook, With<Button>>) {
    for (hovered, pressed, disabled, selected, mut bg, mut border) in &mut buttons {
        let is_selected = selected.is_some_and(|s| s.0);
        let fill = if disabled {
            palette::BUTTON_DISABLED
        } else if pressed || is_selected {
            palette::BUTTON_PRESSED
        } else if hovered.0 {
            palette::BUTTON_HOVER
        } else {
            palette::BUTTON
        };
        let edge = BorderColor::all(if is_selected {
            palette::ACCENT
        } else {
            palette::BORDER
        });
        if bg.0 != fill {
            bg.0 = fill;
        }
        if *border != edge {
            *border = edge;
        }
    }
}

fn focus_ring(
    focus: Res<InputFocus>,
    visible: Res<InputFocusVisible>,
    mut commands: Commands,
    focusable: Query<Entity, With<bevy::input_focus::tab_navigation::TabIndex>>,
) {
    if !focus.is_changed() && !visible.is_changed() {
        return;
    }
    for entity in &focusable {
        if visible.0 && focus.get() == Some(entity) {
            commands.entity(entity).insert(Outline {
                width: px(FOCUS_RING_WIDTH),
                offset: px(FOCUS_RING_OFFSET),
                color: palette::FOCUS,
            });
        } else {
            commands.entity(entity).remove::<Outline>();
        }
    }
}

/// Tab or arrow keys show the focus ring; the mouse hides it (bevy hides it on click).
fn show_focus_on_keyboard_use(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut visible: ResMut<InputFocusVisible>,
) {
    let Some(keys) = keys else { return };
    if keys.any_just_pressed([KeyCode::Tab, KeyCode::ArrowDown, KeyCode::ArrowUp]) && !visible.0 {
        visible.0 = true;
    }
}
