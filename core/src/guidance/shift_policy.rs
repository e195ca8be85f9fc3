//! How a shift weighs on the calls in it and what passes a shift, as data beside the call
//! scoring (the `shift` part of `scoring` in `assets/guidance.ron`). `crate::shift` applies
//! it; the authoring guide's section on shifts is printed from it.

use serde::{Deserialize, Serialize};

use crate::vocab::MeterDelta;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftPolicy {
    /// A caller who waited in the queue starts angrier: past the grace, each whole minute
    /// adds `per_minute`, up to `most`.
    pub wait: WaitRule,
    /// How a customer whose promised call-back never came starts their own call back,
    /// on top of how the first call left them.
    pub missed_promise: MeterDelta,
    /// How a customer called back as promised starts, on top of how the first call left
    /// them (their patience as rested as the follow-up case's own).
    pub kept_promise: MeterDelta,
    /// How a customer whose problem was left unresolved starts when they call again.
    pub unresolved_again: MeterDelta,
    /// A promised call-back made within this many seconds after the time given is on time.
    pub promise_grace_s: u32,
    /// Seconds after a missed promise (or an unresolved call) before the customer calls again.
    pub call_again_after_s: u32,
    /// A caller still waiting after this many seconds hangs up in the queue.
    pub abandon_after_s: u32,
    /// Service level: the share of callers answered within this many seconds.
    pub answer_within_s: u32,
    /// The agent's own strain, 0 to 100.
    pub strain: StrainRule,
    /// What passes a shift: all of these.
    pub pass: ShiftPass,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitRule {
    pub grace_s: u32,
    pub per_minute: MeterDelta,
    /// The most a wait can move each meter (in size).
    pub most: MeterDelta,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrainRule {
    /// Added for each raised line the customer says.
    pub per_raised_line: u32,
    /// Added for each shouted line.
    pub per_shouted_line: u32,
    /// Taken off for each minute between calls (after-call work, an empty queue).
    pub recovery_per_minute: u32,
    /// A short break's length and what it takes off.
    pub break_s: u32,
    pub break_relief: u32,
    /// A call that adds at least this much is a hard one: the debrief compares the calls
    /// after hard ones with the rest (composure, seed 003).
    pub hard_call: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftPass {
    /// The share of calls handled that pass, 0 to 1.
    pub calls_passed: f64,
    /// The share of promised call-backs made on time, 0 to 1.
    pub promises_kept: f64,
    /// The share of callers answered within `answer_within_s`, 0 to 1.
    pub service_level: f64,
    /// First-contact resolution: the share of first calls whose customer did not have to
    /// call again, 0 to 1.
    pub first_contact_resolution: f64,
}

impl WaitRule {
    /// How a wait of `waited_s` moves the opening meters.
    pub fn delta(&self, waited_s: u32) -> MeterDelta {
        let minutes = waited_s.saturating_sub(self.grace_s) / 60;
        let minutes = i32::try_from(minutes).unwrap_or(i32::MAX);
        let capped = |per: i32, most: i32| {
            let moved = per.saturating_mul(minutes);
            moved.clamp(-most.abs(), most.abs())
        };
        MeterDelta {
            anger: capped(self.per_minute.anger, self.most.anger),
            trust: capped(self.per_minute.trust, self.most.trust),
            patience: capped(self.per_minute.patience, self.most.patience),
        }
    }
}

impl ShiftPolicy {
    /// Problems that would make a shift meaningless; the catalogue refuses to load with any.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let p = self.pass;
        for (name, share) in [
            ("calls_passed", p.calls_passed),
            ("promises_kept", p.promises_kept),
            ("service_level", p.service_level),
            ("first_contact_resolution", p.first_contact_resolution),
        ] {
            if !(0.0..=1.0).contains(&share) {
                out.push(format!("shift pass {name} is {share}, not 0 to 1"));
            }
        }
        if self.answer_within_s == 0 || self.abandon_after_s <= self.answer_within_s {
            out.push(
                "shift abandon_after_s must be longer than answer_within_s, both above 0".into(),
            );
        }
        if self.strain.hard_call == 0 {
            out.push("shift strain hard_call must be at least 1".into());
        }
        out
    }

    /// The authoring guide's "How a shift is scored", from this policy.
    pub fn markdown(&self) -> String {
        let w = self.wait;
        let s = self.strain;
        let p = self.pass;
        let pct = |x: f64| format!("{:.0} %", x * 100.0);
        format!(
            "A caller who waited more than {grace} s starts angrier: each further minute adds {wa} anger\n\
             and {wp} patience (at most {ma} and {mp}). A customer whose promised call-back never came\n\
             calls again {again} s after the time given (plus {grace_p} s of grace), starting from how the\n\
             first call left them, {mpa} anger, {mpt} trust and {mpp} patience; one left unresolved calls\n\
             again {uaa} anger, {uat} trust, {uap} patience. One called back as promised starts from how the\n\
             first call left them, {kpa} anger and {kpt} trust. Every customer starts at least 10 short of\n\
             their anger limit. A caller who waits {abandon} s hangs up in the queue.\n\
             \n\
             The agent's strain grows {sr} for each raised line and {ss} for each shouted one, falls {rec}\n\
             a minute between calls and {relief} for a {brk} s break; a call that adds {hard} or more is a hard\n\
             one, and the shift debrief compares conduct on the calls after hard ones with the rest.\n\
             \n\
             A shift passes when at least {cp} of its calls pass, {pk} of promised call-backs are made\n\
             on time, {sl} of callers are answered within {within} s (service level) and {fcr} of first\n\
             calls need no call again (first-contact resolution).\n",
            grace = w.grace_s,
            wa = signed(w.per_minute.anger),
            wp = signed(w.per_minute.patience),
            ma = signed(w.most.anger),
            mp = signed(-w.most.patience.abs()),
            again = self.call_again_after_s,
            grace_p = self.promise_grace_s,
            mpa = signed(self.missed_promise.anger),
            mpt = signed(self.missed_promise.trust),
            mpp = signed(self.missed_promise.patience),
            kpa = signed(self.kept_promise.anger),
            kpt = signed(self.kept_promise.trust),
            uaa = signed(self.unresolved_again.anger),
            uat = signed(self.unresolved_again.trust),
            uap = signed(self.unresolved_again.patience),
            abandon = self.abandon_after_s,
            sr = s.per_raised_line,
            ss = s.per_shouted_line,
            rec = s.recovery_per_minute,
            relief = s.break_relief,
            brk = s.break_s,
            hard = s.hard_call,
            cp = pct(p.calls_passed),
            pk = pct(p.promises_kept),
            sl = pct(p.service_level),
            within = self.answer_within_s,
            fcr = pct(p.first_contact_resolution),
        )
    }
}

fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> WaitRule {
        WaitRule {
            grace_s: 60,
            per_minute: MeterDelta {
                anger: 3,
                trust: 0,
                patience: -4,
            },
            most: MeterDelta {
                anger: 20,
                trust: 0,
                patience: 25,
            },
        }
    }

    #[test]
    fn a_wait_within_the_grace_moves_nothing_and_a_long_one_stops_at_the_cap() {
        assert!(rule().delta(59).is_zero());
        assert_eq!(rule().delta(60 + 3 * 60 + 30).anger, 9);
        assert_eq!(rule().delta(60 + 3 * 60).patience, -12);
        let long = rule().delta(3 * 3600);
        assert_eq!((long.anger, long.patience), (20, -25));
    }
}
