//! The rules across calls: the group's heatmap, counts per rule, and the weakest rule.

use std::collections::{BTreeMap, BTreeSet};

use super::Counts;
use crate::report::fact::CallFact;
use crate::vocab::Note;

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
}
