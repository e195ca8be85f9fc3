//! No key press a person makes is lost. When frames are slow (software rendering, a heavy
//! screen) the window hands several key presses to one frame; a screen that changes in that
//! frame, or a resume followed by a reply, would see only the first. Here each frame gets
//! one new key press as "just pressed", and the others wait for the next frames, in the order
//! they were typed; the window keeps drawing until none wait (see `redraw`). Text fields read
//! the raw keyboard messages and are not affected.
//!
//! The input method is kept off: English, Arabic and Hebrew type through the keyboard
//! layout, and an input method server on X11 (ibus) filters keys asynchronously and has
//! been seen to drop a letter typed quickly after another.

use std::collections::VecDeque;

use bevy::input::keyboard::KeyboardInput;
use bevy::input::{ButtonState, InputSystems};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

/// Key presses not yet handed to a frame, oldest first.
#[derive(Resource, Debug, Default)]
pub struct WaitingKeys(VecDeque<KeyCode>);

impl WaitingKeys {
    /// Whether presses wait for the next frames (the window must not sleep).
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<WaitingKeys>().add_systems(
        PreUpdate,
        (
            one_key_per_frame.after(InputSystems),
            keep_input_method_off.after(bevy::ui_widgets::ImeSystems::ToggleWindowIMEInput),
        ),
    );
}

/// Modifiers are held, not typed: they stay as they are.
fn is_modifier(key: KeyCode) -> bool {
    matches!(
        key,
        KeyCode::ShiftLeft
            | KeyCode::ShiftRight
            | KeyCode::ControlLeft
            | KeyCode::ControlRight
            | KeyCode::AltLeft
            | KeyCode::AltRight
            | KeyCode::SuperLeft
            | KeyCode::SuperRight
    )
}

fn one_key_per_frame(
    mut typed: MessageReader<KeyboardInput>,
    keys: Option<ResMut<ButtonInput<KeyCode>>>,
    mut waiting: ResMut<WaitingKeys>,
) {
    let Some(mut keys) = keys else { return };
    for input in typed.read() {
        if input.state == ButtonState::Pressed && !input.repeat && !is_modifier(input.key_code) {
            waiting.0.push_back(input.key_code);
        }
    }
    if waiting.0.is_empty() {
        return;
    }
    for key in &waiting.0 {
        keys.clear_just_pressed(*key);
        keys.clear_just_released(*key);
    }
    let Some(key) = waiting.0.pop_front() else {
        return;
    };
    // This frame's key: just pressed again, and still held if the person holds it.
    if keys.pressed(key) {
        keys.release(key);
        keys.clear_just_released(key);
        keys.press(key);
    } else {
        keys.press(key);
        keys.release(key);
        keys.clear_just_released(key);
    }
}

fn keep_input_method_off(mut windows: Query<&mut Window, With<PrimaryWindow>>) {
    for mut window in &mut windows {
        if window.ime_enabled {
            window.ime_enabled = false;
        }
    }
}
