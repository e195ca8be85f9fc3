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

/// A fading reason dims in steps: it stays readable for most of its four seconds, so two
/// steps a second are enough, and each frame costs a software renderer a tenth of a second.
const FADE_FRAME: Duration = Duration::from_millis(500);

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

/// When the next word of the line being said shows (lines are revealed a word at a time,
/// evenly over the time they take to say: as live captions do, and one frame per word
/// rather than per letter, which a software renderer pays for).
fn next_reveal(call: &Call) -> Option<Duration> {
    let Phase::Speaking { text, progress, .. } = call.phase() else {
        return None;
    };
    let left = call.current_remaining() as f32;
    if progress >= 1.0 {
        return None;
    }
    let at = revealed(text, progress).next_at?;
    let duration = left / (1.0 - progress);
    let ms = ((at - progress) * duration).ceil().max(1.0);
    Some(Duration::from_millis(ms as u64))
}

/// How much of a line shows at `progress` (0 to 1 of the time it takes to say).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Revealed {
    /// Characters shown: whole words, each from the moment the speaker begins it.
    pub chars: usize,
    /// Words shown.
    pub words: usize,
    /// The progress at which the next word shows; None when all are.
    pub next_at: Option<f32>,
}

/// The words of `text` shown at `progress`: a word shows once the speaker has begun it
/// (the progress has passed its first character's share of the line).
pub fn revealed(text: &str, progress: f32) -> Revealed {
    let chars: Vec<char> = text.chars().collect();
    let total = chars.len() as f32;
    let spoken = total * progress.clamp(0.0, 1.0);
    // Word starts (character index) and ends.
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, chars.len()));
    }
    let shown = words
        .iter()
        .take_while(|(s, _)| (*s as f32) < spoken || progress >= 1.0)
        .count();
    Revealed {
        chars: if shown == 0 { 0 } else { words[shown - 1].1 },
        words: shown,
        // Just past the next word's first character, so it shows on that frame.
        next_at: words
            .get(shown)
            .map(|(s, _)| ((*s as f32 + 0.01) / total).min(1.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::revealed;

    #[test]
    fn a_line_shows_a_whole_word_from_the_moment_it_is_begun() {
        let line = "Where is my parcel?";
        assert_eq!(revealed(line, 0.0).chars, 0);
        let first = revealed(line, 0.01);
        assert_eq!((first.chars, first.words), (5, 1));
        // The next word shows once its first letter's share of the line is spoken.
        let next = first.next_at.unwrap();
        assert!(revealed(line, next - 0.001).words == 1);
        assert_eq!(revealed(line, next).words, 2);
        assert_eq!(revealed(line, next).chars, "Where is".chars().count());
        let all = revealed(line, 1.0);
        assert_eq!((all.chars, all.words, all.next_at), (19, 4, None));
        // Right-to-left lines are words between spaces too.
        assert_eq!(revealed("وين الطلبية؟", 0.2).chars, 3);
    }
}
