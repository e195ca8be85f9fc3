//! When the call screen next changes by itself, so the window redraws then and not at a
//! fixed rate (or, worse, only on the next key press): the next word of the line being
//! said, the engine's next change (a line or pause ends, the cue closes, dead air), the
//! clock's next second, a meter still easing, a reason fading, the ending's hold running
//! out. A paused call and the first call's guide wait for the trainee: nothing is due.

use std::time::Duration;

use bevy::prelude::*;
use htl_core::engine::{Call, Phase};

use super::meters::{Flash, ShownMeters};
use super::{CallView, ENDING_HOLD_SECS};
use crate::game::redraw::{NextChange, SMOOTH_FRAME};
use crate::game::session::LiveCall;

/// A fading reason changes slowly: ten steps a second look smooth.
const FADE_FRAME: Duration = Duration::from_millis(100);

pub(super) fn schedule_redraw(
    live: Res<LiveCall>,
    view: Res<CallView>,
    shown: Res<ShownMeters>,
    flashes: Query<(), With<Flash>>,
    mut next: ResMut<NextChange>,
) {
    let due = next_change(
        &live.call,
        live.guide,
        view.ended_for,
        !shown.settled(&live.call),
        !flashes.is_empty(),
    );
    if next.0 != due {
        next.0 = due;
    }
}

/// The soonest of everything due on the call screen; None when nothing is.
pub(super) fn next_change(
    call: &Call,
    guide: bool,
    ended_for: f32,
    meters_moving: bool,
    fading: bool,
) -> Option<Duration> {
    if call.is_over() {
        // The ending stays up for a moment, then the debrief: that moment is due.
        let left = (ENDING_HOLD_SECS - ended_for).max(0.0);
        return Some(Duration::from_secs_f32(left));
    }
    if guide || call.is_paused() {
        return None;
    }
    let ms = |ms: u32| Duration::from_millis(u64::from(ms.max(1)));
    let mut soonest = Vec::with_capacity(6);
    if let Some(engine) = call.due_in() {
        soonest.push(ms(engine));
    }
    // The clock and the silence counter show whole seconds.
    soonest.push(ms(1000 - call.now() % 1000));
    if let Some(reveal) = next_reveal(call) {
        soonest.push(reveal);
    }
    if call.cue().is_some() || meters_moving {
        soonest.push(SMOOTH_FRAME);
    }
    if fading {
        soonest.push(FADE_FRAME);
    }
    soonest.into_iter().min()
}

/// When the next character of the line being said shows (lines are revealed evenly over
/// the time they take to say).
fn next_reveal(call: &Call) -> Option<Duration> {
    let Phase::Speaking { text, progress, .. } = call.phase() else {
        return None;
    };
    let chars = text.chars().count() as f32;
    let left = call.current_remaining() as f32;
    if chars == 0.0 || progress >= 1.0 {
        return None;
    }
    let duration = left / (1.0 - progress);
    let shown = (chars * progress).ceil();
    // The next character appears once the progress passes shown / chars.
    let at = if shown / chars > progress {
        shown / chars
    } else {
        (shown + 1.0) / chars
    };
    let ms = ((at - progress) * duration).ceil().max(1.0);
    Some(Duration::from_millis(ms as u64))
}
