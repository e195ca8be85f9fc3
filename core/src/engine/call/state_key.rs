//! The memo key: the parts of a call's state that decide its future score.

use super::*;

/// The parts of a call's state that decide its future score, for `explore` to merge paths
/// that reach the same point. Time, wording and the transcript are left out: they never
/// change a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StateKey {
    beat: BeatIx,
    meters: Meters,
    calm_lines: u8,
    heat_lines: u8,
    queued_lines: usize,
    lines_begun: u8,
    followed_weight: u32,
    broken_weight: u32,
    mistakes: u16,
    /// Breaks of each core and timing rule, capped just past what a pass forgives: they
    /// decide pass or fail.
    pass_deciding_breaks: Vec<u16>,
    /// Whether a rule of the case's lesson has been broken: it fails the call.
    lesson_broken: bool,
    /// Still the opening (no reply yet): its windows are longer.
    opening: bool,
    ended: Option<EndingIx>,
}

impl Call {
    pub fn state_key(&self) -> StateKey {
        StateKey {
            beat: self.beat,
            meters: self.meters,
            calm_lines: self.calm_lines,
            heat_lines: self.heat_lines,
            queued_lines: self.queue.len() + usize::from(self.current.is_some()),
            lines_begun: self.lines_begun,
            followed_weight: self.tally.followed_weight(),
            broken_weight: self.tally.broken_weight(),
            mistakes: self.tally.mistakes(),
            pass_deciding_breaks: self
                .tally
                .pass_deciding_breaks(&self.catalogue, self.scenario.tier),
            lesson_broken: self.scenario.lesson.iter().any(|id| {
                self.catalogue
                    .rules
                    .iter()
                    .position(|r| &r.id == id)
                    .is_some_and(|i| self.tally.of_rule(i)[1] > 0)
            }),
            opening: self.opening,
            ended: self.outcome.map(|o| o.ending),
        }
    }
}
