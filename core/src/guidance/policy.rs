//! Scoring and progression policy as data: how many points each part of the score is worth,
//! what a broken rule costs, what passes, the grades, the default pass marks and the rule
//! that opens tiers. Loaded from the `scoring` section of `assets/guidance.ron`, beside the
//! rules it weighs; `scoring` and `tiers` apply it, and the authoring guide's scoring
//! section is generated from it (`hold-the-line rules --scoring`).

use serde::{Deserialize, Serialize};

use super::shift_policy::ShiftPolicy;
use crate::vocab::EndingKind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// What the three parts of the score are worth; they add up to 100.
    pub points: Points,
    /// The share of the outcome points each kind of ending earns, 0 to 1.
    pub outcome_share: OutcomeShares,
    /// A broken moment counts this many times its weight against the followed ones.
    pub broken_factor: u32,
    /// And costs this many conduct points per unit of weight outright, so a mistake
    /// followed by a long recovery never outscores a clean call.
    pub broken_penalty: f64,
    /// Slips a passing call may have in each family of rules, by tier from tier 1 (higher
    /// tiers use the last): the four core rules count together, and so do the timing rules.
    /// Onboarding forgives one slip per family; the tiers that claim mastery forgive none.
    pub slips_forgiven: Vec<u16>,
    /// The timing family, counted together as the core rules are: answering late after an
    /// outburst, slowly after a calm line, and dead air are one habit, not three.
    pub timing_rules: Vec<String>,
    /// The lowest total for grades A, B, C and D; below D is F.
    pub grade_floors: GradeFloors,
    /// The pass mark of a case that sets none, by tier from tier 1; higher tiers use the last.
    pub default_pass_marks: Vec<u8>,
    /// Cases of a tier to pass before the next tier opens (or all of them, if it has fewer).
    pub passes_to_open_next_tier: usize,
    /// The highest tier a case may have.
    pub tiers: u8,
    /// How a shift weighs on its calls and what passes one.
    pub shift: ShiftPolicy,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Points {
    pub outcome: u32,
    pub conduct: u32,
    pub mood: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeShares {
    pub resolved: f64,
    pub call_back: f64,
    pub handover: f64,
    pub supervisor: f64,
    pub unresolved: f64,
    pub hung_up: f64,
}

impl OutcomeShares {
    pub fn of(&self, kind: EndingKind) -> f64 {
        match kind {
            EndingKind::Resolved => self.resolved,
            EndingKind::CallBack => self.call_back,
            EndingKind::Supervisor => self.supervisor,
            EndingKind::Handover => self.handover,
            EndingKind::Unresolved => self.unresolved,
            EndingKind::HungUp => self.hung_up,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeFloors {
    pub a: u8,
    pub b: u8,
    pub c: u8,
    pub d: u8,
}

impl Policy {
    /// The pass mark a tier gets when the case does not set one.
    pub fn default_pass_mark(&self, tier: u8) -> u8 {
        let i = usize::from(tier.max(1) - 1).min(self.default_pass_marks.len() - 1);
        self.default_pass_marks[i]
    }

    /// Slips forgiven per family (core, timing) in a call of `tier`.
    pub fn slips_forgiven(&self, tier: u8) -> u16 {
        let i = usize::from(tier.max(1) - 1).min(self.slips_forgiven.len().saturating_sub(1));
        self.slips_forgiven.get(i).copied().unwrap_or(0)
    }

    /// The outcome points an ending earns in a case that offers every kind of ending.
    pub fn outcome_points(&self, kind: EndingKind) -> f64 {
        f64::from(self.points.outcome) * self.outcome_share.of(kind)
    }

    /// The outcome points an ending earns in a case whose best ending is `best`: scored
    /// against what the case makes possible, so where nothing can be fixed today and a
    /// call-back is the best ending, the call-back earns them all.
    pub fn outcome_points_against(&self, kind: EndingKind, best: EndingKind) -> f64 {
        let best = self.outcome_share.of(best);
        if best <= 0.0 {
            return 0.0;
        }
        f64::from(self.points.outcome) * (self.outcome_share.of(kind) / best).min(1.0)
    }

    /// The ending among `kinds` that earns the most.
    pub fn best_of(&self, kinds: impl IntoIterator<Item = EndingKind>) -> Option<EndingKind> {
        kinds.into_iter().max_by(|a, b| {
            self.outcome_share
                .of(*a)
                .total_cmp(&self.outcome_share.of(*b))
        })
    }

    /// Problems that would make scores meaningless; the catalogue refuses to load with any.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let p = self.points;
        if p.outcome + p.conduct + p.mood != 100 {
            out.push(format!(
                "the points add up to {}, not 100",
                p.outcome + p.conduct + p.mood
            ));
        }
        for kind in EndingKind::ALL {
            let share = self.outcome_share.of(kind);
            if !(0.0..=1.0).contains(&share) {
                out.push(format!(
                    "the outcome share of {} is {share}, not 0 to 1",
                    kind.keyword()
                ));
            }
        }
        let g = self.grade_floors;
        if !(g.a > g.b && g.b > g.c && g.c > g.d && g.a <= 100) {
            out.push("grade floors must fall from A to D and stay within 100".into());
        }
        if self.default_pass_marks.is_empty()
            || self.default_pass_marks.iter().any(|&m| m == 0 || m > 100)
        {
            out.push("default pass marks must be 1 to 100, at least one".into());
        }
        if self.slips_forgiven.is_empty() {
            out.push("slips_forgiven needs at least one tier's figure".into());
        }
        if self.slips_forgiven.windows(2).any(|w| w[1] > w[0]) {
            out.push(
                "slips_forgiven must not grow with the tier: harder tiers forgive less".into(),
            );
        }
        if self.passes_to_open_next_tier == 0 || self.tiers == 0 {
            out.push("passes_to_open_next_tier and tiers must be at least 1".into());
        }
        if !(0.0..=100.0).contains(&self.broken_penalty) {
            out.push("broken_penalty must be 0 to 100".into());
        }
        out.extend(self.shift.problems());
        out
    }

    /// The authoring guide's "How a call is scored" section, from this policy.
    pub fn markdown(&self) -> String {
        let p = self.points;
        let outcome: Vec<String> = [
            EndingKind::Resolved,
            EndingKind::CallBack,
            EndingKind::Handover,
            EndingKind::Supervisor,
            EndingKind::Unresolved,
            EndingKind::HungUp,
        ]
        .iter()
        .map(|&k| format!("{} {}", short_label(k), self.outcome_points(k).round()))
        .collect();
        let g = self.grade_floors;
        let marks: Vec<String> = self
            .default_pass_marks
            .iter()
            .enumerate()
            .map(|(i, m)| format!("tier {} {m}", i + 1))
            .collect();
        let forgiven: Vec<String> = (1..=self.tiers)
            .map(|tier| match self.slips_forgiven(tier) {
                0 => format!("tier {tier} none"),
                1 => format!("tier {tier} one"),
                n => format!("tier {tier} {n}"),
            })
            .collect();
        let timing = self
            .timing_rules
            .iter()
            .map(|h| format!("`{h}`"))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "The score (0-100) has three parts, all shown in the debrief and by `play`:\n\
             \n\
             - **Outcome, {o} points**: {outcome}; scored against the best ending the case\n  \
             offers, so where no fix exists today and a call-back is the best there is, the\n  \
             call-back earns all {o}.\n\
             - **Conduct, {c} points**: {c} × followed ÷ (followed + {f} × broken), less {pen} points per unit of\n  \
             broken weight, each moment weighed by its rule (the four core rules weigh 2, the others 1).\n  \
             One interruption costs more than one good reply earns, and a mistake followed by a long\n  \
             recovery never outscores a clean call.\n\
             - **Mood, {m} points**: the customer's final anger and trust.\n\
             \n\
             A case is passed when the score reaches its pass mark, the call was resolved, a call-back\n\
             agreed or a prepared handover made (after trying to help, when the customer still asks for\n\
             a supervisor), **and** no family of rules was broken more often than the case's tier\n\
             forgives.\n\
             Two families count as one habit each, whichever of their rules was broken:\n\
             \n\
             - **the core rules**: the four the game is known for (don't interrupt, lower your voice,\n  \
             take ownership, no excuses);\n\
             - **timing slips** ({timing}): answering late after an outburst,\n  \
             slowly after a calm line, and dead air.\n\
             \n\
             Slips forgiven in each family, by tier: {forgiven}.\n\
             One slip is forgiven while learning, a second (of the same rule or another of its family)\n\
             is a habit; the tiers that claim mastery forgive none.\n\
             The debrief says which of these failed. Grades: A from {ga}, B from {gb}, C from {gc},\n\
             D from {gd}, F below.\n\
             \n\
             A case that sets no `pass_mark` gets its tier's: {marks}.\n\
             Pass {n} cases of a tier to open the next one (all of them, if the tier has fewer); a\n\
             tier once opened stays open.\n\
             \n\
             **In a shift** (a run of calls against a clock, see *Shifts*):\n\
             \n\
             {shift}",
            shift = self.shift.markdown(),
            o = p.outcome,
            outcome = outcome.join(", "),
            c = p.conduct,
            f = self.broken_factor,
            pen = self.broken_penalty,
            m = p.mood,
            ga = g.a,
            gb = g.b,
            gc = g.c,
            gd = g.d,
            marks = marks.join(", "),
            n = self.passes_to_open_next_tier,
            forgiven = forgiven.join(", "),
        )
    }
}

fn short_label(kind: EndingKind) -> &'static str {
    match kind {
        EndingKind::Resolved => "resolved",
        EndingKind::CallBack => "call-back",
        EndingKind::Supervisor => "supervisor",
        EndingKind::Handover => "prepared handover",
        EndingKind::Unresolved => "unresolved",
        EndingKind::HungUp => "hung up",
    }
}
