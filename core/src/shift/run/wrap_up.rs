//! The end of a call and its after-call work: talk time and strain, the call's record, a
//! promise set and a customer left unresolved calling again.

use super::{AfterCall, CallKind, InCall, Promise, ShiftCall, ShiftRun, Waiting};
use crate::engine::{Call, Event};
use crate::scenario::Intensity;
use crate::vocab::{EndingKind, Note};

impl ShiftRun {
    /// The call on the line has ended: its talk time runs the clock, its loud lines add
    /// to the agent's strain.
    pub fn end_call(&mut self, call: &Call) {
        let Some(InCall {
            answered,
            at,
            strain_before,
        }) = self.in_call.take()
        else {
            return;
        };
        let talk = call.now();
        let s = self.policy.strain;
        let added: u32 = call
            .events()
            .iter()
            .map(|e| match e {
                Event::CustomerLine {
                    intensity: Intensity::Raised,
                    ..
                } => s.per_raised_line,
                Event::CustomerLine {
                    intensity: Intensity::Shout,
                    ..
                } => s.per_shouted_line,
                _ => 0,
            })
            .sum();
        self.strain = (self.strain + added).min(100);
        self.now = at + talk;
        self.strain_over_time.push((self.now, self.strain));
        let score = call.score();
        let of = answered.of;
        let first_of_chain = of.map_or(self.calls.len(), |i| self.calls[i].first_of_chain);
        let broken = call
            .events()
            .iter()
            .filter_map(|e| match e {
                Event::Rule {
                    rule,
                    verdict: crate::vocab::Verdict::Broken,
                    ..
                } => Some(rule.clone()),
                _ => None,
            })
            .collect();
        self.calls.push(ShiftCall {
            case: answered.scenario.id.clone(),
            kind: answered.kind,
            callback_of: of,
            first_of_chain,
            arrived: at - answered.waited,
            answered: at,
            waited: answered.waited,
            talk,
            after_call: 0,
            after_call_skipped: true,
            score: score.total,
            passed: score.passed,
            ending: score.outcome,
            opening: answered.scenario.customer.meters,
            closing: call.meters(),
            strain_before,
            strain_after: self.strain,
            broken,
        });
        self.after_call_due = Some(self.calls.len() - 1);
    }

    /// After-call work for the call just ended: the clock runs on by its time; a promise
    /// made on the call is set (written down, it is a task in the queue; not written down,
    /// it is still owed), and a customer left unresolved will call again.
    pub fn after_call(&mut self, work: AfterCall) {
        let Some(i) = self.after_call_due.take() else {
            return;
        };
        let took = if work.skipped { 0 } else { work.took };
        self.now += took;
        self.recover(took / 60_000 * self.policy.strain.recovery_per_minute);
        let call = &mut self.calls[i];
        call.after_call = took;
        call.after_call_skipped = work.skipped;
        let case = call.case.clone();
        let ending = call.ending;
        let follow = self.shift.follow_up_of(&case).cloned();
        match ending {
            // A promise the shift has no follow-up case for (a call-back case's new
            // commitment) ends the customer's story within the shift.
            Some(EndingKind::CallBack)
                if follow.as_ref().is_some_and(|f| f.follow_up.is_some()) =>
            {
                let recorded = !work.skipped && work.promise_due.is_some();
                let due = work
                    .promise_due
                    .filter(|_| recorded)
                    .unwrap_or(self.now + follow.as_ref().map_or(20 * 60_000, |f| f.promise_in));
                self.promises.push(Promise {
                    call: i,
                    case: follow.as_ref().and_then(|f| f.follow_up.clone()),
                    due,
                    recorded,
                    kept: false,
                    missed: false,
                });
            }
            // A call left before its end is as unresolved as one that ended so: the
            // customer calls again.
            Some(EndingKind::Unresolved | EndingKind::HungUp) | None => {
                if let Some(again) = follow.and_then(|f| f.call_back) {
                    let closing = self.calls[i].closing;
                    self.waiting.push(Waiting {
                        case: again,
                        arrives: self.now + self.policy.call_again_after_s * 1000,
                        kind: CallKind::CallBack,
                        of: Some(i),
                        carried: Some((closing, self.policy.unresolved_again, Note::CalledAgain)),
                    });
                    self.waiting.sort_by_key(|w| w.arrives);
                }
            }
            _ => {}
        }
        self.settle();
    }
}
