//! The report's figures: pure functions over [`CallFact`]s (and the library, for tiers and
//! the replies each choice point offers). No files, no wording: `html` and `csv` show these.

use std::collections::{BTreeMap, BTreeSet};

use super::load::{CallFact, TraineeFact, day_of};
use crate::guidance::Policy;
use crate::profile::Profile;
use crate::progress::open_earned_tiers;
use crate::scenario::Scenario;
use crate::vocab::Note;

/// A case some call played: known to the library (tier, language) or not.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseInfo {
    pub id: String,
    pub title: String,
    pub tier: Option<u8>,
    pub language: Option<String>,
}

/// Followed and broken counts of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub followed: usize,
    pub broken: usize,
}

impl Counts {
    pub fn judged(self) -> usize {
        self.followed + self.broken
    }

    /// Broken as a share of every time the rule was judged (0 when never judged).
    pub fn broken_share(self) -> f64 {
        if self.judged() == 0 {
            0.0
        } else {
            self.broken as f64 / self.judged() as f64
        }
    }

    fn add(&mut self, followed: usize, broken: usize) {
        self.followed += followed;
        self.broken += broken;
    }
}

/// The cases the calls played: the library's in its order (tier, then title), then the
/// unknown ones by id.
pub fn cases_played(calls: &[CallFact], scenarios: &[Scenario]) -> Vec<CaseInfo> {
    let played: BTreeSet<&str> = calls.iter().map(|c| c.case.as_str()).collect();
    let mut out: Vec<CaseInfo> = scenarios
        .iter()
        .filter(|s| played.contains(s.id.as_str()))
        .map(|s| CaseInfo {
            id: s.id.clone(),
            title: s.title.clone(),
            tier: Some(s.tier),
            language: Some(s.language.clone()),
        })
        .collect();
    for id in played {
        if !scenarios.iter().any(|s| s.id == id) {
            let title = calls
                .iter()
                .rev()
                .find(|c| c.case == id)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            out.push(CaseInfo {
                id: id.to_string(),
                title,
                tier: None,
                language: None,
            });
        }
    }
    out
}

/// The calls of one trainee (same name, ignoring case and surrounding spaces).
pub fn calls_of<'a>(calls: &'a [CallFact], trainee: &str) -> Vec<&'a CallFact> {
    let key = crate::profile::slug(trainee);
    calls
        .iter()
        .filter(|c| crate::profile::slug(&c.trainee) == key)
        .collect()
}

/// When a trainee opened a tier: after how many calls, and how many days after their first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierReached {
    pub tier: u8,
    pub calls: usize,
    pub days: i64,
}

/// A trainee's way through the tiers, replayed from their calls under the mastery rule.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    pub reached: Vec<TierReached>,
    /// The highest tier open to them: from the replay, or their profile's when higher.
    pub tier: u8,
}

/// Replays `calls` (one trainee's, in order) through the tier rule: when each tier opened.
/// `profile_tiers` (what their profile records) raises the current tier when it is higher,
/// e.g. when older session files are gone.
pub fn journey(
    calls: &[&CallFact],
    scenarios: &[Scenario],
    policy: &Policy,
    profile_tiers: Option<&BTreeSet<u8>>,
) -> Journey {
    let mut profile = Profile::new("replay");
    let mut reached = Vec::new();
    let first_day = calls.first().map(|c| c.day_number()).unwrap_or(0);
    for (i, call) in calls.iter().enumerate() {
        if call.passed {
            profile.cases.entry(call.case.clone()).or_default().passes += 1;
        }
        for tier in open_earned_tiers(scenarios, policy, &mut profile) {
            reached.push(TierReached {
                tier,
                calls: i + 1,
                days: call.day_number() - first_day,
            });
        }
    }
    let replayed = profile.unlocked_tiers.iter().max().copied().unwrap_or(1);
    let recorded = profile_tiers
        .and_then(|t| t.iter().max().copied())
        .unwrap_or(1);
    Journey {
        reached,
        tier: replayed.max(recorded),
    }
}

/// One trainee's results on one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseResult {
    pub attempts: usize,
    pub passes: usize,
    pub first: u8,
    pub best: u8,
    /// The attempt (1 for the first) that first passed.
    pub first_pass_at: Option<usize>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.passes > 0
    }
}

/// A trainee's results per case, from their calls in order.
pub fn case_results(calls: &[&CallFact]) -> BTreeMap<String, CaseResult> {
    let mut out: BTreeMap<String, CaseResult> = BTreeMap::new();
    for call in calls {
        let r = out.entry(call.case.clone()).or_insert(CaseResult {
            attempts: 0,
            passes: 0,
            first: call.total,
            best: call.total,
            first_pass_at: None,
        });
        r.attempts += 1;
        r.best = r.best.max(call.total);
        if call.passed {
            r.passes += 1;
            r.first_pass_at.get_or_insert(r.attempts);
        }
    }
    out
}

/// A row of the cohort grid: one trainee, their tier, and a cell per case.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub trainee: String,
    pub tier: u8,
    pub calls: usize,
    pub passes: usize,
    /// One per case of `cases_played`, None where they never played it.
    pub cells: Vec<Option<CaseResult>>,
}

/// Trainees x cases. `calls` is what the report covers; `all_calls` every call read (the
/// current tier counts every call, whatever the period shown).
pub fn cohort_grid(
    calls: &[CallFact],
    all_calls: &[CallFact],
    trainees: &[TraineeFact],
    cases: &[CaseInfo],
    scenarios: &[Scenario],
    policy: &Policy,
) -> Vec<GridRow> {
    trainees
        .iter()
        .map(|t| {
            let mine = calls_of(calls, &t.name);
            let results = case_results(&mine);
            let all = calls_of(all_calls, &t.name);
            GridRow {
                trainee: t.name.clone(),
                tier: journey(&all, scenarios, policy, t.unlocked_tiers.as_ref()).tier,
                calls: mine.len(),
                passes: mine.iter().filter(|c| c.passed).count(),
                cells: cases.iter().map(|c| results.get(&c.id).copied()).collect(),
            }
        })
        .collect()
}

/// The moment a rule is most often broken at: in which case, at which exchange, doing what.
#[derive(Debug, Clone, PartialEq)]
pub struct Typical {
    pub case_title: String,
    pub exchange: usize,
    pub what: Option<Note>,
    /// In English, as the session file has it.
    pub note: String,
    pub count: usize,
    /// Every time the rule was broken.
    pub of: usize,
}

/// One rule across the group: counts per tier column and in all.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleRow {
    pub rule: String,
    /// One per column of [`Heatmap::tiers`].
    pub by_tier: Vec<Counts>,
    pub all: Counts,
    pub typical: Option<Typical>,
}

/// Where the group struggles: each rule's counts per tier, the most broken rule first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heatmap {
    /// The tier columns: the tiers of the cases played, then None for unknown cases.
    pub tiers: Vec<Option<u8>>,
    pub rows: Vec<RuleRow>,
}

/// The rule heatmap. `rule_order` (the catalogue's) breaks ties; rules never judged in
/// these calls are left out.
pub fn rule_heatmap(calls: &[CallFact], rule_order: &[String]) -> Heatmap {
    let tiers: Vec<Option<u8>> = {
        let known: BTreeSet<u8> = calls.iter().filter_map(|c| c.tier).collect();
        let mut t: Vec<Option<u8>> = known.into_iter().map(Some).collect();
        if calls.iter().any(|c| c.tier.is_none()) {
            t.push(None);
        }
        t
    };
    let mut rows: BTreeMap<String, RuleRow> = BTreeMap::new();
    // (rule) -> (case title, exchange, note kind / English note) -> count
    type MomentKey = (String, usize, Option<Note>, String);
    let mut moments: BTreeMap<String, Vec<MomentKey>> = BTreeMap::new();
    for call in calls {
        let column = tiers.iter().position(|t| *t == call.tier).unwrap_or(0);
        for r in call.rules.iter().filter(|r| r.followed + r.broken > 0) {
            let row = rows.entry(r.rule.clone()).or_insert_with(|| RuleRow {
                rule: r.rule.clone(),
                by_tier: vec![Counts::default(); tiers.len()],
                all: Counts::default(),
                typical: None,
            });
            row.by_tier[column].add(r.followed, r.broken);
            row.all.add(r.followed, r.broken);
            let list = moments.entry(r.rule.clone()).or_default();
            for m in &r.broken_at {
                list.push((call.title.clone(), m.exchange, m.what, m.note.clone()));
            }
        }
    }
    for (rule, list) in moments {
        let mut counted: Vec<(MomentKey, usize)> = Vec::new();
        for key in list {
            // Same case, exchange and kind of note: the same moment (a Silence note's
            // seconds vary; its English note is compared without them).
            let same = |k: &MomentKey| {
                k.0 == key.0
                    && k.1 == key.1
                    && match (k.2, key.2) {
                        (Some(a), Some(b)) => {
                            std::mem::discriminant(&a) == std::mem::discriminant(&b)
                        }
                        _ => k.3 == key.3,
                    }
            };
            match counted.iter_mut().find(|(k, _)| same(k)) {
                Some((_, n)) => *n += 1,
                None => counted.push((key, 1)),
            }
        }
        let of = counted.iter().map(|(_, n)| n).sum();
        // The most frequent; the earliest exchange among equals (where a lesson starts).
        if let Some(((title, exchange, what, note), count)) = counted.into_iter().max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.1.cmp(&a.0.1))
                .then(b.0.0.cmp(&a.0.0))
        }) && let Some(row) = rows.get_mut(&rule)
        {
            row.typical = Some(Typical {
                case_title: title,
                exchange,
                what,
                note,
                count,
                of,
            });
        }
    }
    let position = |id: &str| {
        rule_order
            .iter()
            .position(|r| r == id)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<RuleRow> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.all
            .broken
            .cmp(&a.all.broken)
            .then(b.all.broken_share().total_cmp(&a.all.broken_share()))
            .then(position(&a.rule).cmp(&position(&b.rule)))
            .then(a.rule.cmp(&b.rule))
    });
    Heatmap { tiers, rows }
}

/// How often one reply was chosen at a choice point.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyCount {
    /// 0-based, as the scenario lists them (the game shows them shuffled).
    pub reply: usize,
    pub text: String,
    pub follows: Vec<String>,
    pub breaks: Vec<String>,
    pub chosen: usize,
}

/// A choice point of a case and what the group chose there.
#[derive(Debug, Clone, PartialEq)]
pub struct BeatChoices {
    pub beat: String,
    /// Replies chosen here in all.
    pub chosen: usize,
    pub replies: Vec<ReplyCount>,
    /// The reply that breaks a rule and was chosen most (at least once): what to teach.
    pub tempting: Option<usize>,
}

/// One case across the group.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStats {
    pub case: CaseInfo,
    pub trainees: usize,
    pub calls: usize,
    pub passes: usize,
    pub trainees_passed: usize,
    /// Mean attempts to the first pass, over the trainees who passed.
    pub attempts_to_first_pass: Option<f64>,
    /// Means over the trainees who played it.
    pub mean_first: f64,
    pub mean_best: f64,
    pub beats: Vec<BeatChoices>,
}

impl CaseStats {
    pub fn pass_rate(&self) -> f64 {
        if self.calls == 0 {
            0.0
        } else {
            self.passes as f64 / self.calls as f64
        }
    }
}

/// Per case: pass rate, attempts to first pass, first and best score, and the replies
/// chosen at each choice point (the library's beats in order, replies as it lists them).
pub fn case_stats(
    calls: &[CallFact],
    cases: &[CaseInfo],
    scenarios: &[Scenario],
) -> Vec<CaseStats> {
    cases
        .iter()
        .map(|case| {
            let mine: Vec<&CallFact> = calls.iter().filter(|c| c.case == case.id).collect();
            let mut by_trainee: BTreeMap<String, Vec<&CallFact>> = BTreeMap::new();
            for c in &mine {
                by_trainee
                    .entry(crate::profile::slug(&c.trainee))
                    .or_default()
                    .push(c);
            }
            let results: Vec<CaseResult> = by_trainee
                .values()
                .filter_map(|calls| case_results(calls).remove(&case.id))
                .collect();
            let firsts: Vec<f64> = results
                .iter()
                .filter_map(|r| r.first_pass_at.map(|n| n as f64))
                .collect();
            let mean = |values: &[f64]| {
                (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
            };
            let scenario = scenarios.iter().find(|s| s.id == case.id);
            CaseStats {
                case: case.clone(),
                trainees: results.len(),
                calls: mine.len(),
                passes: mine.iter().filter(|c| c.passed).count(),
                trainees_passed: firsts.len(),
                attempts_to_first_pass: mean(&firsts),
                mean_first: mean(
                    &results
                        .iter()
                        .map(|r| f64::from(r.first))
                        .collect::<Vec<_>>(),
                )
                .unwrap_or(0.0),
                mean_best: mean(
                    &results
                        .iter()
                        .map(|r| f64::from(r.best))
                        .collect::<Vec<_>>(),
                )
                .unwrap_or(0.0),
                beats: beat_choices(&mine, scenario),
            }
        })
        .collect()
}

fn beat_choices(calls: &[&CallFact], scenario: Option<&Scenario>) -> Vec<BeatChoices> {
    // Counted per (beat, reply) from every reply event.
    let mut counts: BTreeMap<(String, usize), (usize, String)> = BTreeMap::new();
    let mut seen_order: Vec<String> = Vec::new();
    for call in calls {
        for r in &call.replies {
            let entry = counts
                .entry((r.beat.clone(), r.reply))
                .or_insert((0, r.text.clone()));
            entry.0 += 1;
            if !seen_order.contains(&r.beat) {
                seen_order.push(r.beat.clone());
            }
        }
    }
    let mut beats: Vec<BeatChoices> = Vec::new();
    let mut add = |beat: String, mut replies: Vec<ReplyCount>| {
        for ((b, reply), (n, text)) in &counts {
            if *b == beat && !replies.iter().any(|r| r.reply == *reply) {
                // A reply the library's version of the case no longer has.
                replies.push(ReplyCount {
                    reply: *reply,
                    text: text.clone(),
                    follows: Vec::new(),
                    breaks: Vec::new(),
                    chosen: *n,
                });
            }
        }
        let chosen: usize = replies.iter().map(|r| r.chosen).sum();
        if chosen == 0 || replies.len() < 2 {
            return; // Not played, or not a choice.
        }
        let tempting = replies
            .iter()
            .filter(|r| !r.breaks.is_empty() && r.chosen > 0)
            .max_by(|a, b| a.chosen.cmp(&b.chosen).then(b.reply.cmp(&a.reply)))
            .map(|r| r.reply);
        beats.push(BeatChoices {
            beat,
            chosen,
            replies,
            tempting,
        });
    };
    match scenario {
        Some(s) => {
            for beat in &s.beats {
                let replies = beat
                    .replies
                    .iter()
                    .enumerate()
                    .map(|(i, r)| ReplyCount {
                        reply: i,
                        text: r.text.clone(),
                        follows: r.follows.clone(),
                        breaks: r.breaks.clone(),
                        chosen: counts.get(&(beat.id.clone(), i)).map_or(0, |c| c.0),
                    })
                    .collect();
                add(beat.id.clone(), replies);
            }
            // Beats the library's version no longer has.
            for beat in seen_order.iter().filter(|b| s.beat_index(b).is_none()) {
                add(beat.clone(), Vec::new());
            }
        }
        None => {
            for beat in seen_order {
                add(beat, Vec::new());
            }
        }
    }
    beats
}

/// Calls and passes on one day (UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    pub day: String,
    pub calls: usize,
    pub passes: usize,
}

/// Calls and passes per day, from the first day to the last; days with no calls are
/// included (as zeros) when the span is at most `MAX_FILLED_DAYS`.
pub fn daily(calls: &[CallFact]) -> Vec<DayCount> {
    const MAX_FILLED_DAYS: i64 = 120;
    let mut by_day: BTreeMap<i64, (usize, usize)> = BTreeMap::new();
    for c in calls {
        let e = by_day.entry(c.day_number()).or_default();
        e.0 += 1;
        e.1 += usize::from(c.passed);
    }
    let (Some(&first), Some(&last)) = (by_day.keys().next(), by_day.keys().next_back()) else {
        return Vec::new();
    };
    if last - first <= MAX_FILLED_DAYS {
        for d in first..=last {
            by_day.entry(d).or_default();
        }
    }
    by_day
        .into_iter()
        .map(|(d, (calls, passes))| DayCount {
            day: day_of(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(d.max(0) as u64 * 86_400),
            ),
            calls,
            passes,
        })
        .collect()
}

/// How long the group took to open one tier, over the trainees who did.
#[derive(Debug, Clone, PartialEq)]
pub struct TierStep {
    pub tier: u8,
    pub trainees: usize,
    pub median_calls: Option<f64>,
    pub median_days: Option<f64>,
}

/// From first call to each tier above the first: how many trainees opened it, and the
/// median calls and days it took them.
pub fn tier_steps(journeys: &[Journey], tiers: u8) -> Vec<TierStep> {
    (2..=tiers)
        .map(|tier| {
            let reached: Vec<&TierReached> = journeys
                .iter()
                .filter_map(|j| j.reached.iter().find(|r| r.tier == tier))
                .collect();
            TierStep {
                tier,
                trainees: reached.len(),
                median_calls: median(reached.iter().map(|r| r.calls as f64).collect()),
                median_days: median(reached.iter().map(|r| r.days as f64).collect()),
            }
        })
        .collect()
}

pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// Per rule, over some calls: followed and broken, in `rule_order`, only rules judged.
pub fn rule_counts(calls: &[&CallFact], rule_order: &[String]) -> Vec<(String, Counts)> {
    let mut map: BTreeMap<String, Counts> = BTreeMap::new();
    for c in calls {
        for r in &c.rules {
            if r.followed + r.broken > 0 {
                map.entry(r.rule.clone())
                    .or_default()
                    .add(r.followed, r.broken);
            }
        }
    }
    let position = |id: &str| {
        rule_order
            .iter()
            .position(|r| r == id)
            .unwrap_or(usize::MAX)
    };
    let mut out: Vec<(String, Counts)> = map.into_iter().collect();
    out.sort_by(|a, b| position(&a.0).cmp(&position(&b.0)).then(a.0.cmp(&b.0)));
    out
}

/// The rule broken most often; among equals the one broken in the larger share of the times
/// it was judged, then the catalogue's order. None when nothing was broken.
pub fn weakest(counts: &[(String, Counts)]) -> Option<String> {
    counts
        .iter()
        .filter(|(_, c)| c.broken > 0)
        .fold(None::<&(String, Counts)>, |best, item| match best {
            Some(b)
                if b.1.broken > item.1.broken
                    || (b.1.broken == item.1.broken
                        && b.1.broken_share() >= item.1.broken_share()) =>
            {
                Some(b)
            }
            _ => Some(item),
        })
        .map(|(rule, _)| rule.clone())
}

/// A rule in one trainee's calls: in the earlier half and in the more recent half.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleTrend {
    pub rule: String,
    pub earlier: Counts,
    pub recent: Counts,
}

/// One trainee's section.
#[derive(Debug, Clone, PartialEq)]
pub struct TraineeReport {
    pub name: String,
    pub calls: usize,
    pub passes: usize,
    /// Scores in the order played.
    pub scores: Vec<u8>,
    /// Breaks per call, in the order played.
    pub breaks: Vec<usize>,
    pub rules: Vec<RuleTrend>,
    pub weakest: Option<String>,
    pub journey: Journey,
    /// Pauses over these calls, and their length in all (wall-clock ms).
    pub pauses: u32,
    pub paused_ms: u64,
    /// Calls the trainee left before they ended, in the same period.
    pub left: usize,
    /// Calls played with more time to answer (an accommodation), by allowance.
    pub more_time: BTreeMap<crate::vocab::TimeAllowance, usize>,
}

/// A trainee's section: the rule trend (earlier half of their calls against the recent
/// half; with one call, all of it is recent) and their weakest rule over these calls.
pub fn trainee_report(
    name: &str,
    calls: &[&CallFact],
    journey: Journey,
    rule_order: &[String],
    left: usize,
) -> TraineeReport {
    let split = calls.len() / 2;
    let (earlier, recent) = calls.split_at(split);
    let all = rule_counts(calls, rule_order);
    let earlier_counts = rule_counts(earlier, rule_order);
    let recent_counts = rule_counts(recent, rule_order);
    let find = |list: &[(String, Counts)], id: &str| {
        list.iter()
            .find(|(r, _)| r == id)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    };
    TraineeReport {
        name: name.to_string(),
        calls: calls.len(),
        passes: calls.iter().filter(|c| c.passed).count(),
        scores: calls.iter().map(|c| c.total).collect(),
        breaks: calls.iter().map(|c| c.breaks()).collect(),
        rules: all
            .iter()
            .map(|(rule, _)| RuleTrend {
                rule: rule.clone(),
                earlier: find(&earlier_counts, rule),
                recent: find(&recent_counts, rule),
            })
            .collect(),
        weakest: weakest(&all),
        journey,
        pauses: calls.iter().map(|c| c.pauses).sum(),
        paused_ms: calls.iter().map(|c| c.paused_ms).sum(),
        left,
        more_time: calls
            .iter()
            .filter(|c| !c.time_allowance.is_standard())
            .fold(BTreeMap::new(), |mut m, c| {
                *m.entry(c.time_allowance).or_insert(0) += 1;
                m
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(followed: usize, broken: usize) -> Counts {
        Counts { followed, broken }
    }

    #[test]
    fn the_weakest_rule_is_the_most_broken_then_the_larger_share_then_the_first_listed() {
        let list = |items: &[(&str, usize, usize)]| -> Vec<(String, Counts)> {
            items
                .iter()
                .map(|(r, f, b)| (r.to_string(), counts(*f, *b)))
                .collect()
        };
        assert_eq!(weakest(&list(&[("a", 9, 0), ("b", 1, 0)])), None);
        assert_eq!(
            weakest(&list(&[("a", 0, 2), ("b", 5, 3)])).as_deref(),
            Some("b")
        );
        // Equal breaks: broken 2 of 2 is weaker than 2 of 10.
        assert_eq!(
            weakest(&list(&[("a", 8, 2), ("b", 0, 2)])).as_deref(),
            Some("b")
        );
        // Equal in both: the first in the catalogue's order.
        assert_eq!(
            weakest(&list(&[("a", 1, 2), ("b", 1, 2)])).as_deref(),
            Some("a")
        );
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
