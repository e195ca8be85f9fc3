//! Replies: what the trainee says, the rules it follows and breaks, where it leads, and
//! what it does to the customer.

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::{BranchFile, ConditionFile, DeltaFile, ReplyFile};
use super::super::model::{Condition, Reply, Target};
use super::checker::{Checker, Step, Step::*, join};
use super::names::Names;
use crate::vocab::MeterDelta;

impl Checker<'_> {
    /// The reply at `path`.
    pub(super) fn reply(&mut self, names: &Names, reply: &ReplyFile, path: &[Step]) -> Reply {
        let with = |last: Step<'static>| join(path, &[last]);
        self.check_text(&reply.say, "the reply", &with(Field("say")));
        let follows = self.rule_list(&reply.follows, &with(Field("follows")), &[]);
        let breaks = self.rule_list(&reply.breaks, &with(Field("breaks")), &follows);
        let next = names.resolve(self, &reply.next, &with(Field("next")));
        let branches = (reply.branches.iter().enumerate())
            .filter_map(|(k, branch)| {
                self.branch(names, branch, &join(path, &[Field("branches"), Item(k)]))
            })
            .collect();
        let effects = self.check_delta(&reply.effects, &with(Field("effects")));
        let reaction = self.check_lines(&reply.reaction, &with(Field("reaction")), "the reaction");
        if let Some(why) = &reply.why {
            self.check_text(why, "the reply's `why`", &with(Field("why")));
        } else if !breaks.is_empty() {
            self.unexplained_break(&with(Field("breaks")));
        }
        if let Some(as_woman) = &reply.say_as_woman {
            self.check_text(
                as_woman,
                "the reply as a woman says it",
                &with(Field("say_as_woman")),
            );
        }
        Reply {
            text: reply.say.clone(),
            as_woman: reply.say_as_woman.clone(),
            // Checked against the beat's lines by the beat, which knows them.
            after: reply.after.unwrap_or(1).min(u64::from(u8::MAX)) as u8,
            follows,
            breaks,
            next: next.unwrap_or(Target::Ending(0)),
            branches,
            effects,
            why: reply.why.clone(),
            reaction,
        }
    }

    /// A reply that breaks a rule without a `why`: the debrief would show the mistake
    /// without saying what was wrong with it.
    fn unexplained_break(&mut self, path: &[Step]) {
        let span = self.at(path);
        self.push(
            Diagnostic::warning(
                Code::UnexplainedBreak,
                "this reply breaks a rule and has no `why`",
                span,
            )
            .label("the debrief will show the mistake without saying what was wrong")
            .help("add `why: \"...\"`: what the customer hears in it, in the case's language"),
        );
    }

    /// A branch at `path`: a condition on a meter, 0 to 100, and where it leads (None when
    /// that is not a beat or ending).
    fn branch(
        &mut self,
        names: &Names,
        branch: &BranchFile,
        path: &[Step],
    ) -> Option<(Condition, Target)> {
        let value = match branch.when {
            ConditionFile::TrustAtLeast(n)
            | ConditionFile::TrustBelow(n)
            | ConditionFile::AngerAtLeast(n)
            | ConditionFile::AngerBelow(n)
            | ConditionFile::PatienceAtLeast(n)
            | ConditionFile::PatienceBelow(n) => n,
        };
        if !(0..=100).contains(&value) {
            let span = self.payload_at(&join(path, &[Field("when")]));
            self.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("a condition on {value} can never be decided"),
                    span,
                )
                .label("meters run from 0 to 100")
                .help("use a threshold from 0 to 100"),
            );
        }
        let v = value.clamp(0, 100) as i32;
        let condition = match branch.when {
            ConditionFile::TrustAtLeast(_) => Condition::TrustAtLeast(v),
            ConditionFile::TrustBelow(_) => Condition::TrustBelow(v),
            ConditionFile::AngerAtLeast(_) => Condition::AngerAtLeast(v),
            ConditionFile::AngerBelow(_) => Condition::AngerBelow(v),
            ConditionFile::PatienceAtLeast(_) => Condition::PatienceAtLeast(v),
            ConditionFile::PatienceBelow(_) => Condition::PatienceBelow(v),
        };
        let target = names.resolve(self, &branch.next, &join(path, &[Field("next")]))?;
        Some((condition, target))
    }

    /// A reply's effects: changes of -100 to 100 on each meter.
    fn check_delta(&mut self, delta: &DeltaFile, path: &[Step]) -> MeterDelta {
        MeterDelta {
            anger: self.effect(delta.anger, "anger", path),
            trust: self.effect(delta.trust, "trust", path),
            patience: self.effect(delta.patience, "patience", path),
        }
    }

    fn effect(&mut self, value: i64, name: &'static str, path: &[Step]) -> i32 {
        if !(-100..=100).contains(&value) {
            let span = self.at(&join(path, &[Field(name)]));
            self.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("an effect of {value} on {name} is outside -100 to 100"),
                    span,
                )
                .label("meters run from 0 to 100")
                .help("effects are changes: -100 to 100"),
            );
        }
        value.clamp(-100, 100) as i32
    }
}
