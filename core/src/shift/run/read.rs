//! Reading the shift: the clock, the strain, the queue and the tasks, and what to do next.

use super::{Abandoned, BreakTaken, Next, Promise, ShiftCall, ShiftRun};
use crate::guidance::ShiftPolicy;
use crate::shift::file::Shift;
use crate::vocab::Millis;

impl ShiftRun {
    // ----- reading the shift -----

    pub fn shift(&self) -> &Shift {
        &self.shift
    }

    pub fn policy(&self) -> &ShiftPolicy {
        &self.policy
    }

    pub fn now(&self) -> Millis {
        self.now
    }

    pub fn strain(&self) -> u32 {
        self.strain
    }

    pub fn strain_over_time(&self) -> &[(Millis, u32)] {
        &self.strain_over_time
    }

    pub fn calls(&self) -> &[ShiftCall] {
        &self.calls
    }

    pub fn promises(&self) -> &[Promise] {
        &self.promises
    }

    pub fn abandoned(&self) -> &[Abandoned] {
        &self.abandoned
    }

    pub fn breaks(&self) -> &[BreakTaken] {
        &self.breaks
    }

    /// Callers in the queue now.
    pub fn queue_len(&self) -> usize {
        self.waiting
            .iter()
            .filter(|w| w.arrives <= self.now)
            .count()
    }

    /// How long the caller who has waited longest has waited.
    pub fn longest_wait(&self) -> Millis {
        self.waiting
            .iter()
            .filter(|w| w.arrives <= self.now)
            .map(|w| self.now - w.arrives)
            .max()
            .unwrap_or(0)
    }

    /// Promises written down and not yet settled, for the queue panel.
    pub fn open_tasks(&self) -> impl Iterator<Item = (usize, &Promise)> {
        self.promises
            .iter()
            .enumerate()
            .filter(|(_, p)| p.recorded && !p.kept && !p.missed && p.case.is_some())
    }

    /// Whether a promise's call-back can be made now (from its grace before the time given).
    pub fn promise_open(&self, i: usize) -> bool {
        self.promises.get(i).is_some_and(|p| {
            p.recorded
                && !p.kept
                && !p.missed
                && p.case.is_some()
                && self.now + self.grace() >= p.due
        })
    }

    /// The call waiting for its after-call work, if any.
    pub fn after_call_due(&self) -> Option<&ShiftCall> {
        self.after_call_due.and_then(|i| self.calls.get(i))
    }

    pub fn in_call(&self) -> bool {
        self.in_call.is_some()
    }

    pub(super) fn grace(&self) -> Millis {
        self.policy.promise_grace_s * 1000
    }

    /// What the agent should do now.
    pub fn next(&self) -> Next {
        if let Some((i, _)) = self
            .open_tasks()
            .filter(|(i, _)| self.promise_open(*i))
            .min_by_key(|(_, p)| p.due)
        {
            return Next::Promise(i);
        }
        // A scheduled break is taken once the queue is empty: the queue pays for it
        // only in the callers who arrive during it.
        if self.breaks_due.first().is_some_and(|&at| at <= self.now) && self.queue_len() == 0 {
            return Next::Break;
        }
        if self.queue_len() > 0 {
            return Next::Caller;
        }
        match self.next_event() {
            Some(at) => Next::Idle(at),
            None => Next::Over,
        }
    }

    /// When the next thing happens on its own: an arrival, a recorded promise opening, a
    /// promise missed, a break due.
    fn next_event(&self) -> Option<Millis> {
        let grace = self.grace();
        let arrivals = self.waiting.iter().map(|w| w.arrives);
        // A written-down promise opens its grace before the time given; any promise is
        // missed at the end of its grace after it.
        let promises = self
            .promises
            .iter()
            .filter(|p| !p.kept && !p.missed && p.case.is_some())
            .flat_map(|p| {
                let opens = p.recorded.then(|| p.due.saturating_sub(grace));
                opens.into_iter().chain([p.due + grace])
            });
        let pending = arrivals.chain(promises).filter(|&t| t > self.now).min()?;
        // A break is waited for only while the shift has more to come.
        let breaks = self
            .breaks_due
            .iter()
            .copied()
            .filter(|&t| t > self.now)
            .min();
        Some(breaks.map_or(pending, |b| b.min(pending)))
    }
}
