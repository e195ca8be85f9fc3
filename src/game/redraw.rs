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
//!
//! A running call keeps one update mode and is woken for each change by a timer thread
//! (`Waker`, through winit's event loop proxy): winit treats a changed update mode as a
//! reason to draw at once, so asking for a new wait every frame drew back to back, as fast
//! as a (software) renderer could (measured: 10-14 frames a second under llvmpipe).

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
/// look continuous, far less than drawing every frame (a frame costs a software renderer,
/// as on thin clients, about a tenth of a second of CPU).
pub const SMOOTH_FRAME: Duration = Duration::from_millis(50);

/// When the screen next changes by itself, set every frame by the screen that knows (a
/// running call); None: nothing changes until input.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct NextChange(pub Option<Duration>);

/// The longest a running call sleeps without a change due: the clock ticks each second.
const CALL_TICK: Duration = Duration::from_secs(1);

/// How the window redraws during a running call: on input, when the `Waker` says the next
/// change is due, and at least every second.
pub fn call_redraw() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(CALL_TICK),
        unfocused_mode: UpdateMode::reactive_low_power(CALL_TICK),
    }
}

/// When the game next wants a frame without input, from the end of this one: the next change
/// due on a running call, else None (the update mode's own wait and input decide).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct NextWake(pub Option<Duration>);

/// How long the window sleeps after this frame with nobody touching it: what a winit loop
/// does with the update mode and the `Waker` (for tests and the benchmark, which drive frames
/// themselves).
pub fn idle_wait(world: &World) -> Duration {
    let mode = world
        .get_resource::<WinitSettings>()
        .map_or(UpdateMode::Continuous, |s| s.focused_mode);
    let by_mode = match mode {
        // A window drawing continuously draws at the display's rate.
        UpdateMode::Continuous => MIN_FRAME,
        UpdateMode::Reactive { wait, .. } => wait,
    };
    match world.get_resource::<NextWake>().and_then(|w| w.0) {
        Some(due) => due.max(MIN_FRAME).min(by_mode),
        None => by_mode,
    }
}

/// Wakes winit's event loop at the next change's moment, from a thread of its own, so the
/// update mode can stay the same all call long. Only where there is an event loop.
#[derive(Resource)]
struct Waker {
    deadlines: std::sync::mpsc::Sender<std::time::Instant>,
    last: Option<std::time::Instant>,
}

fn start_waker(mut commands: Commands, proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>) {
    use std::sync::mpsc::RecvTimeoutError;
    use std::time::Instant;
    let Some(proxy) = proxy else { return };
    let proxy = (**proxy).clone();
    let (deadlines, wanted) = std::sync::mpsc::channel::<Instant>();
    std::thread::Builder::new()
        .name("redraw waker".into())
        .spawn(move || {
            let mut deadline: Option<Instant> = None;
            loop {
                let next = match deadline {
                    Some(at) => wanted.recv_timeout(at.saturating_duration_since(Instant::now())),
                    None => wanted.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                match next {
                    Ok(at) => deadline = Some(at),
                    Err(RecvTimeoutError::Timeout) => {
                        deadline = None;
                        if proxy
                            .send_event(bevy::winit::WinitUserEvent::WakeUp)
                            .is_err()
                        {
                            return;
                        }
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        })
        .expect("a thread for the redraw waker");
    commands.insert_resource(Waker {
        deadlines,
        last: None,
    });
}

/// Tells the waker when the next change is due (only when that moment moved: a deadline sent
/// every frame would be the same one, a few microseconds apart).
fn wake_when_due(wake: Res<NextWake>, waker: Option<ResMut<Waker>>) {
    let Some(mut waker) = waker else { return };
    let Some(due) = wake.0 else {
        waker.last = None;
        return;
    };
    let at = std::time::Instant::now() + due.max(MIN_FRAME);
    let moved = waker.last.is_none_or(|last| {
        let gap = if at > last { at - last } else { last - at };
        gap > Duration::from_millis(4)
    });
    if moved {
        waker.last = Some(at);
        let _ = waker.deadlines.send(at);
    }
}

/// A scripted run (screenshots, demos) has no input to wake the window: it draws every frame.
#[derive(Resource, Debug, Default)]
pub struct Scripted;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<NextChange>()
        .init_resource::<NextWake>()
        .insert_resource(menu_redraw())
        .add_systems(Startup, start_waker)
        .add_systems(Last, (choose_update_mode, wake_when_due).chain());
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
    mut wake_at: ResMut<NextWake>,
) {
    let Some(mut settings) = settings else { return };
    let warming_up = *screen.get() == Screen::Title && time.elapsed() < WARM_UP;
    if screen.is_changed() || !matches!(*next, NextState::Unchanged) {
        *settling = SETTLE_FRAMES;
    } else {
        *settling = settling.saturating_sub(1);
    }
    // Key presses still waiting for their frame must not wait for more input.
    let continuous = warming_up || *settling > 0 || scripted.is_some() || waiting_keys.any();
    let (want, wake) = if continuous {
        (WinitSettings::game(), None)
    } else if let Some(due) = next_change.0 {
        (call_redraw(), Some(due))
    } else {
        (menu_redraw(), None)
    };
    if wake_at.0 != wake {
        wake_at.0 = wake;
    }
    if settings.focused_mode != want.focused_mode || settings.unfocused_mode != want.unfocused_mode
    {
        *settings = want;
    }
}
