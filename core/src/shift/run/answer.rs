//! Putting a call on the line: the caller who waited longest or a promised call-back, and
//! where the customer's meters start.

use std::sync::Arc;

use super::{Answered, CallKind, InCall, ShiftRun};
use crate::scenario::Scenario;
use crate::vocab::{MeterDelta, Meters, Millis, Note};

impl ShiftRun {
    /// Answers the caller who waited longest. None when nobody waits.
    pub fn answer(&mut self) -> Option<Answered> {
        self.settle();
        let i = self
            .waiting
            .iter()
            .enumerate()
            .filter(|(_, w)| w.arrives <= self.now)
            .min_by_key(|(_, w)| w.arrives)?
            .0;
        let w = self.waiting.remove(i);
        let waited = self.now - w.arrives;
        let scenario = self.cases.get(&w.case)?.clone();
        let mut opening = Vec::new();
        let mut meters = scenario.customer.meters;
        if let Some((carried, delta, note)) = w.carried {
            // Said as a move from where their last call left them, which is what the
            // trainee saw last.
            let start = within_reach(add(carried, delta), &scenario);
            opening.push((diff(start, carried), note));
            meters = start;
        }
        let wait = self.policy.wait.delta((waited / 1000) as u32);
        if !wait.is_zero() {
            let after = within_reach(add(meters, wait), &scenario);
            opening.push((
                diff(after, meters),
                Note::Waited {
                    minutes: waited / 60_000,
                },
            ));
            meters = after;
        }
        Some(self.begin(scenario, meters, opening, w.kind, w.of, waited))
    }

    /// Makes a promised call-back. None when it cannot be made now.
    pub fn call_back(&mut self, promise: usize) -> Option<Answered> {
        if !self.promise_open(promise) {
            return None;
        }
        let p = &self.promises[promise];
        let of = p.call;
        let scenario = self.cases.get(p.case.as_deref()?)?.clone();
        self.promises[promise].kept = true;
        // They start where the last call left them, as relaxed as the case's own opening,
        // and the better for the promise kept.
        let last = self.calls[of].closing;
        let own = scenario.customer.meters;
        let rested = Meters {
            patience: own.patience.max(last.patience),
            ..last
        };
        let meters = within_reach(add(rested, self.policy.kept_promise), &scenario);
        let opening = vec![(diff(meters, last), Note::CalledBackAsPromised)];
        Some(self.begin(scenario, meters, opening, CallKind::FollowUp, Some(of), 0))
    }

    fn begin(
        &mut self,
        scenario: Arc<Scenario>,
        meters: Meters,
        opening: Vec<(MeterDelta, Note)>,
        kind: CallKind,
        of: Option<usize>,
        waited: Millis,
    ) -> Answered {
        let scenario = if meters == scenario.customer.meters {
            scenario
        } else {
            let mut met = (*scenario).clone();
            met.customer.meters = meters;
            Arc::new(met)
        };
        let opening = opening.into_iter().filter(|(d, _)| !d.is_zero()).collect();
        let answered = Answered {
            scenario,
            opening,
            kind,
            of,
            waited,
        };
        self.in_call = Some(InCall {
            answered: answered.clone(),
            at: self.now,
            strain_before: self.strain,
        });
        answered
    }
}

/// However angry they start, a customer starts short of their limit and with some
/// patience left: a call the trainee cannot open without the customer hanging up teaches
/// nothing.
fn within_reach(m: Meters, scenario: &Scenario) -> Meters {
    let own = scenario.customer.meters;
    let limit = scenario.customer.temperament.limit;
    Meters {
        anger: m.anger.min((limit - 10).max(own.anger)),
        trust: m.trust,
        patience: m.patience.max(10.min(own.patience)),
    }
}

fn add(m: Meters, d: MeterDelta) -> Meters {
    Meters {
        anger: (m.anger + d.anger).clamp(0, 100),
        trust: (m.trust + d.trust).clamp(0, 100),
        patience: (m.patience + d.patience).clamp(0, 100),
    }
}

fn diff(to: Meters, from: Meters) -> MeterDelta {
    MeterDelta {
        anger: to.anger - from.anger,
        trust: to.trust - from.trust,
        patience: to.patience - from.patience,
    }
}
