//! How often the window redraws, decided in one place. Menus redraw on input only, so an
//! idle game costs next to nothing; a running call every frame; a paused call like a menu.
//! The first seconds after launch draw every frame too: the renderer compiles its shaders in
//! the background, and a window that drew its first frames before they were ready would
//! otherwise stay black until the mouse moved. A screen change draws at once and for a few
//! frames after: a change asked for in one frame happens in the next, which in a window that
//! waits for input would come only with the next key or the slow tick (seconds).

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

use super::{Screen, menu_redraw};

/// How long after launch the window draws every frame.
const WARM_UP: Duration = Duration::from_secs(3);
/// Frames drawn after a screen change, so the new screen is laid out and shown at once.
const SETTLE_FRAMES: u32 = 4;

/// A running call changes its text, meters, clock and cue bar a few times a second at
/// most: 30 frames a second show every change smoothly at half the cost of drawing as fast
/// as the machine can (`cargo bench --bench app` measures it beside a bare app).
pub const CALL_FRAME: Duration = Duration::from_millis(33);

/// How a running call redraws: every `CALL_FRAME`, and at once on input.
pub fn call_redraw() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(CALL_FRAME),
        unfocused_mode: UpdateMode::reactive_low_power(CALL_FRAME),
    }
}

/// Something on screen moves every frame (a running call): set by the screen that knows.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Animating(pub bool);

/// A scripted run (screenshots, demos) has no input to wake the window: it draws every frame.
#[derive(Resource, Debug, Default)]
pub struct Scripted;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Animating>()
        .insert_resource(menu_redraw())
        .add_systems(Last, choose_update_mode);
}

fn choose_update_mode(
    time: Res<Time<Real>>,
    screen: Res<State<Screen>>,
    next: Res<NextState<Screen>>,
    mut settling: Local<u32>,
    animating: Res<Animating>,
    scripted: Option<Res<Scripted>>,
    settings: Option<ResMut<WinitSettings>>,
) {
    let Some(mut settings) = settings else { return };
    let warming_up = *screen.get() == Screen::Title && time.elapsed() < WARM_UP;
    if screen.is_changed() || !matches!(*next, NextState::Unchanged) {
        *settling = SETTLE_FRAMES;
    } else {
        *settling = settling.saturating_sub(1);
    }
    let want = if warming_up || *settling > 0 || scripted.is_some() {
        WinitSettings::game()
    } else if animating.0 {
        call_redraw()
    } else {
        menu_redraw()
    };
    if settings.focused_mode != want.focused_mode || settings.unfocused_mode != want.unfocused_mode
    {
        *settings = want;
    }
}
