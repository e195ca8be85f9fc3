//! Time passing with nobody on the line: waiting, breaks, callers giving up, promises
//! missed and the agent's strain easing.

use super::{Abandoned, BreakTaken, CallKind, ShiftRun, Waiting};
use crate::vocab::{Millis, Note};

impl ShiftRun {
    // ----- driving the shift -----

    /// Lets the clock run to `at` with nobody on the line: callers arrive, give up, and
    /// promises pass.
    pub fn wait_until(&mut self, at: Millis) {
        if at > self.now {
            let minutes = (at - self.now) / 60_000;
            self.recover(minutes * self.policy.strain.recovery_per_minute);
            self.now = at;
        }
        self.settle();
    }

    /// Takes a break: the queue waits.
    pub fn take_break(&mut self) {
        let length = self.policy.strain.break_s * 1000;
        let scheduled = self.breaks_due.first().is_some_and(|&at| at <= self.now);
        if scheduled {
            self.breaks_due.remove(0);
        }
        self.breaks.push(BreakTaken {
            at: self.now,
            length,
            scheduled,
        });
        self.now += length;
        self.recover(self.policy.strain.break_relief);
        self.settle();
    }

    /// Skips a scheduled break that is due.
    pub fn skip_break(&mut self) {
        if self.breaks_due.first().is_some_and(|&at| at <= self.now) {
            self.breaks_due.remove(0);
        }
    }

    /// Callers who waited too long hang up; promises past their grace are missed, and
    /// their customers will call again.
    pub(super) fn settle(&mut self) {
        let abandon = self.policy.abandon_after_s * 1000;
        let now = self.now;
        let (gone, stay): (Vec<Waiting>, Vec<Waiting>) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|w| w.kind == CallKind::First && w.arrives + abandon <= now);
        self.waiting = stay;
        self.abandoned.extend(gone.into_iter().map(|w| Abandoned {
            case: w.case,
            arrived: w.arrives,
            gave_up: w.arrives + abandon,
        }));
        let grace = self.grace();
        let again = self.policy.call_again_after_s * 1000;
        for p in 0..self.promises.len() {
            let promise = &self.promises[p];
            if promise.kept || promise.missed || promise.case.is_none() || promise.due + grace > now
            {
                continue;
            }
            self.promises[p].missed = true;
            let call = self.promises[p].call;
            let missed_at = self.promises[p].due + grace;
            if let Some(case) = self
                .shift
                .follow_up_of(&self.calls[call].case)
                .and_then(|f| f.call_back.clone())
            {
                self.waiting.push(Waiting {
                    case,
                    arrives: missed_at + again,
                    kind: CallKind::CallBack,
                    of: Some(call),
                    carried: Some((
                        self.calls[call].closing,
                        self.policy.missed_promise,
                        Note::PromiseMissed,
                    )),
                });
            }
        }
        self.waiting.sort_by_key(|w| w.arrives);
    }

    pub(super) fn recover(&mut self, by: u32) {
        if by > 0 && self.strain > 0 {
            self.strain = self.strain.saturating_sub(by);
            self.strain_over_time.push((self.now, self.strain));
        }
    }
}
