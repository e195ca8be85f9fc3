//! How often the window redraws, decided in one place. Menus redraw on input only, so an
//! idle game costs next to nothing; a running call when something on it changes next (a
//! word revealed, the cue bar, the clock's second, a meter easing, the ending's hold), as
//! the screen reports in `NextChange`; a paused call like a menu. Nothing that is due may
//! wait for input: a screen with a timer says when it runs out.
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

/// The shortest wait between frames: a change due sooner is drawn with the next frame.
pub const MIN_FRAME: Duration = Duration::from_millis(16);

/// A smooth movement (a meter easing, the cue bar running out) draws this often: enough to
/// look continuous, far less than drawing every frame.
pub const SMOOTH_FRAME: Duration = Duration::from_millis(33);

/// When the screen next changes by itself, set every frame by the screen that knows (a
/// running call); None: nothing changes until input.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct NextChange(pub Option<Duration>);

/// How the window redraws when the next change is due in `due`: then, and at once on input.
pub fn redraw_in(due: Duration) -> WinitSettings {
    let wait = due.max(MIN_FRAME);
    WinitSettings {
        focused_mode: UpdateMode::reactive(wait),
        unfocused_mode: UpdateMode::reactive_low_power(wait),
    }
}

/// A scripted run (screenshots, demos) has no input to wake the window: it draws every frame.
#[derive(Resource, Debug, Default)]
pub struct Scripted;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<NextChange>()
        .insert_resource(menu_redraw())
        .add_systems(Last, choose_update_mode);
}

fn choose_update_mode(
    time: Res<Time<Real>>,
    screen: Res<State<Screen>>,
    next: Res<NextState<Screen>>,
    mut settling: Local<u32>,
    next_change: Res<NextChange>,
    waiting_keys: Res<super::keys::WaitingKeys>,
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
    // Key presses still waiting for their frame must not wait for more input.
    let want = if warming_up || *settling > 0 || scripted.is_some() || waiting_keys.any() {
        WinitSettings::game()
    } else if let Some(due) = next_change.0 {
        redraw_in(due)
    } else {
        menu_redraw()
    };
    if settings.focused_mode != want.focused_mode || settings.unfocused_mode != want.unfocused_mode
    {
        *settings = want;
    }
}
