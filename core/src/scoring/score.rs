//! The score: 0-100 from the outcome, the conduct (rules followed against rules broken,
//! each moment weighed by its rule) and the customer's mood at the end, with a breakdown a
//! trainee can read line by line. The numbers come from the catalogue's policy.

use serde::{Deserialize, Serialize};

use super::better::{BetterReply, better_replies};
use super::tally::{Chosen, Moment, Tally};
use crate::guidance::{Catalogue, GradeFloors, Policy};
use crate::i18n::{Lang, Messages, args};
use crate::scenario::{EndingIx, Scenario};
use crate::vocab::{EndedBy, EndingKind, Meters};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Followed,
    Broken,
    /// Followed at some moments, broken at others.
    Mixed,
    NotExercised,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleResult {
    pub rule: String,
    pub summary: String,
    pub status: RuleStatus,
    pub followed: usize,
    pub broken: usize,
    pub moments: Vec<Moment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
    F,
}

impl Grade {
    pub fn of(total: u8, floors: &GradeFloors) -> Grade {
        match total {
            t if t >= floors.a => Grade::A,
            t if t >= floors.b => Grade::B,
            t if t >= floors.c => Grade::C,
            t if t >= floors.d => Grade::D,
            _ => Grade::F,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::F => "F",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreParts {
    pub outcome: f64,
    pub conduct: f64,
    pub mood: f64,
}

/// Why a finished call did not pass: the first reason, in the order a trainee fixes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotPassed {
    /// A rule the case names as its lesson was broken (by id): whatever the ending.
    LessonBroken {
        rule: String,
    },
    /// Neither resolved nor a call-back agreed.
    NotSettled,
    /// One core rule (by id) was broken more often than the tier forgives.
    CoreRuleRepeated {
        rule: String,
        times: usize,
        tier: u8,
        forgiven: u16,
    },
    /// Different core rules were broken, more times between them than the tier forgives.
    CoreRulesBroken {
        rules: Vec<String>,
        tier: u8,
        forgiven: u16,
    },
    /// Timing slips (late after an outburst, slow after a calm line, dead air), counted
    /// together, more often than the tier forgives.
    TimingSlips {
        times: usize,
        tier: u8,
        forgiven: u16,
    },
    BelowPassMark {
        total: u8,
        pass_mark: u8,
    },
}

impl NotPassed {
    /// The reason in `lang`, as the debrief says it.
    pub fn text(&self, messages: &Messages, lang: Lang, catalogue: &Catalogue) -> String {
        match self {
            NotPassed::NotSettled => messages.get(lang, "not-passed-not-settled"),
            NotPassed::LessonBroken { rule } => {
                let a = args(&[("rule", catalogue.rule_name(lang, rule).into())]);
                messages.text(lang, "not-passed-lesson", Some(&a))
            }
            NotPassed::CoreRuleRepeated {
                rule,
                times,
                tier,
                forgiven,
            } => {
                let a = args(&[
                    ("rule", catalogue.rule_name(lang, rule).into()),
                    ("times", (*times).into()),
                    ("tier", (*tier).into()),
                    ("forgiven", (*forgiven).into()),
                ]);
                messages.text(lang, "not-passed-core-rule", Some(&a))
            }
            NotPassed::CoreRulesBroken {
                rules,
                tier,
                forgiven,
            } => {
                let names: Vec<String> =
                    rules.iter().map(|r| catalogue.rule_name(lang, r)).collect();
                let a = args(&[
                    ("rules", names.join(", ").into()),
                    ("tier", (*tier).into()),
                    ("forgiven", (*forgiven).into()),
                ]);
                messages.text(lang, "not-passed-core-rules", Some(&a))
            }
            NotPassed::TimingSlips {
                times,
                tier,
                forgiven,
            } => {
                let a = args(&[
                    ("times", (*times).into()),
                    ("tier", (*tier).into()),
                    ("forgiven", (*forgiven).into()),
                ]);
                messages.text(lang, "not-passed-timing", Some(&a))
            }
            NotPassed::BelowPassMark { total, pass_mark } => {
                let a = args(&[("total", (*total).into()), ("mark", (*pass_mark).into())]);
                messages.text(lang, "not-passed-below-mark", Some(&a))
            }
        }
    }

    /// The reason in English, as `play` and the session files keep it.
    pub fn english(&self, catalogue: &Catalogue) -> String {
        self.text(Messages::plain(), Lang::En, catalogue)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub total: u8,
    pub grade: Grade,
    pub passed: bool,
    /// Why the call did not pass, in English (None when it passed).
    pub not_passed: Option<String>,
    /// The same, typed, for the game to word.
    #[serde(skip)]
    pub failed: Option<NotPassed>,
    pub pass_mark: u8,
    /// The ending's id, or None while the call goes on.
    pub ending: Option<String>,
    pub outcome: Option<EndingKind>,
    pub ended_by: Option<EndedBy>,
    pub parts: ScoreParts,
    pub followed_weight: u32,
    pub broken_weight: u32,
    /// Every rule in the catalogue, in catalogue order.
    pub rules: Vec<RuleResult>,
    pub better_replies: Vec<BetterReply>,
}

/// Everything a score is computed from: a live call provides it, and so does a recorded one.
pub struct Record<'a> {
    pub scenario: &'a Scenario,
    pub catalogue: &'a Catalogue,
    pub tally: &'a Tally,
    /// The ending reached and what ended the call; None while it goes on.
    pub end: Option<(EndingIx, EndedBy)>,
    /// The customer's meters at the end (or now).
    pub meters: Meters,
    /// The replies the trainee chose, in order.
    pub chosen: &'a [Chosen],
}

impl Record<'_> {
    /// The kind of ending reached; None while the call goes on.
    fn outcome(&self) -> Option<EndingKind> {
        self.end.map(|(ending, _)| self.scenario.endings[ending].kind)
    }
}

/// The conduct share: 1 when nothing was broken, falling fast with each mistake.
fn conduct_share(policy: &Policy, followed: u32, broken: u32) -> f64 {
    let denominator = followed + policy.broken_factor * broken;
    if denominator == 0 {
        0.0
    } else {
        f64::from(followed) / f64::from(denominator)
    }
}

/// The three parts, and the total from them rounded and clamped to 0-100.
fn total_of(
    policy: &Policy,
    outcome: Option<EndingKind>,
    best: Option<EndingKind>,
    tally: &Tally,
    meters: Meters,
) -> (u8, ScoreParts) {
    let (followed, broken) = (tally.followed_weight(), tally.broken_weight());
    let conduct = f64::from(policy.points.conduct) * conduct_share(policy, followed, broken)
        - policy.broken_penalty * f64::from(broken);
    let parts = ScoreParts {
        outcome: match (outcome, best) {
            (Some(kind), Some(best)) => policy.outcome_points_against(kind, best),
            _ => 0.0,
        },
        conduct: conduct.max(0.0),
        mood: f64::from(policy.points.mood) * f64::from((100 - meters.anger) + meters.trust)
            / 200.0,
    };
    let total = (parts.outcome + parts.conduct + parts.mood)
        .round()
        .clamp(0.0, 100.0) as u8;
    (total, parts)
}

/// The one place the pass rule lives: the case's lesson kept, a settled ending, no family
/// of rules (core, timing) broken more often than the tier forgives, and the pass mark.
fn why_not_passed(
    policy: &Policy,
    tier: u8,
    total: u8,
    pass_mark: u8,
    outcome: Option<EndingKind>,
    rules: &[(&crate::guidance::Rule, usize)],
    lesson: &[String],
) -> Option<NotPassed> {
    // The case's lesson first: the ending a trainee reached by breaking it teaches nothing.
    if let Some((rule, _)) = rules
        .iter()
        .find(|(rule, broken)| *broken > 0 && lesson.contains(&rule.id))
    {
        return Some(NotPassed::LessonBroken {
            rule: rule.id.clone(),
        });
    }
    if !outcome.is_some_and(EndingKind::settles) {
        return Some(NotPassed::NotSettled);
    }
    let forgiven = policy.slips_forgiven(tier);
    let broken_in = |family: &dyn Fn(&crate::guidance::Rule) -> bool| {
        rules
            .iter()
            .filter(|(rule, broken)| family(rule) && *broken > 0)
            .map(|(rule, broken)| (rule.id.clone(), *broken))
            .collect::<Vec<_>>()
    };
    let core = broken_in(&|rule| rule.core);
    if core.iter().map(|(_, n)| n).sum::<usize>() > usize::from(forgiven) {
        return Some(match core.as_slice() {
            [(rule, times)] => NotPassed::CoreRuleRepeated {
                rule: rule.clone(),
                times: *times,
                tier,
                forgiven,
            },
            _ => NotPassed::CoreRulesBroken {
                rules: core.into_iter().map(|(rule, _)| rule).collect(),
                tier,
                forgiven,
            },
        });
    }
    let timing = broken_in(&|rule| policy.timing_rules.contains(&rule.id));
    let times: usize = timing.iter().map(|(_, n)| n).sum();
    if times > usize::from(forgiven) {
        return Some(NotPassed::TimingSlips {
            times,
            tier,
            forgiven,
        });
    }
    (total < pass_mark).then_some(NotPassed::BelowPassMark { total, pass_mark })
}

impl Score {
    pub fn of(record: &Record<'_>) -> Score {
        let Record {
            scenario,
            catalogue,
            tally,
            end,
            chosen,
            ..
        } = *record;
        let (total, parts) = total_and_parts(record);
        let rules = rule_results(catalogue, tally);
        let failed = not_passed(record, total);
        let Headline {
            total,
            grade,
            passed,
        } = Headline::of(record, total, &failed);
        Score {
            total,
            grade,
            passed,
            not_passed: failed.as_ref().map(|f| f.english(catalogue)),
            failed,
            pass_mark: scenario.pass_mark,
            ending: end.map(|(ending, _)| scenario.endings[ending].id.clone()),
            outcome: record.outcome(),
            ended_by: end.map(|(_, by)| by),
            parts,
            followed_weight: tally.followed_weight(),
            broken_weight: tally.broken_weight(),
            rules,
            better_replies: better_replies(scenario, catalogue, chosen, tally.moments()),
        }
    }

    /// The total, the grade and whether the call passed, as [`Score::of`] gives them,
    /// without the breakdown a debrief reads (each rule's moments, the better replies): the
    /// explorer asks this at every ending it reaches.
    pub fn headline_of(record: &Record<'_>) -> Headline {
        let (total, _) = total_and_parts(record);
        Headline::of(record, total, &not_passed(record, total))
    }

    pub fn rule(&self, id: &str) -> Option<&RuleResult> {
        self.rules.iter().find(|r| r.rule == id)
    }
}

/// A score's first line: what the explorer ranks paths by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headline {
    pub total: u8,
    pub grade: Grade,
    pub passed: bool,
}

impl Headline {
    /// The grade and pass for `total`, given why the call did not pass (`failed`), if it did not.
    fn of(record: &Record<'_>, total: u8, failed: &Option<NotPassed>) -> Headline {
        Headline {
            total,
            grade: Grade::of(total, &record.catalogue.scoring.grade_floors),
            passed: failed.is_none(),
        }
    }
}

fn total_and_parts(record: &Record<'_>) -> (u8, ScoreParts) {
    let policy = &record.catalogue.scoring;
    let best = policy.best_of(record.scenario.endings.iter().map(|e| e.kind));
    total_of(policy, record.outcome(), best, record.tally, record.meters)
}

/// Why the call did not pass, if it did not.
fn not_passed(record: &Record<'_>, total: u8) -> Option<NotPassed> {
    let scenario = record.scenario;
    let paired: Vec<_> = (record.catalogue.rules.iter().enumerate())
        .map(|(i, rule)| (rule, usize::from(record.tally.of_rule(i)[1])))
        .collect();
    why_not_passed(
        &record.catalogue.scoring,
        scenario.tier,
        total,
        scenario.pass_mark,
        record.outcome(),
        &paired,
        &scenario.lesson,
    )
}

/// Each catalogue rule's counts and moments (sorted out in one pass over the moments: a
/// long call has thousands).
fn rule_results(catalogue: &Catalogue, tally: &Tally) -> Vec<RuleResult> {
    let mut moments_of: Vec<Vec<Moment>> = vec![Vec::new(); catalogue.rules.len()];
    for m in tally.moments() {
        if let Some(i) = catalogue.position(&m.rule) {
            moments_of[i].push(m.clone());
        }
    }
    catalogue
        .rules
        .iter()
        .zip(moments_of)
        .enumerate()
        .map(|(i, (rule, moments))| {
            let [followed, broken] = tally.of_rule(i);
            RuleResult {
                rule: rule.id.clone(),
                summary: rule.summary.clone(),
                status: match (followed, broken) {
                    (0, 0) => RuleStatus::NotExercised,
                    (_, 0) => RuleStatus::Followed,
                    (0, _) => RuleStatus::Broken,
                    _ => RuleStatus::Mixed,
                },
                followed: usize::from(followed),
                broken: usize::from(broken),
                moments,
            }
        })
        .collect()
}
