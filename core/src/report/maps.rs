//! Each played case's map with the cohort on it: every reply arrow as wide as the share of
//! the case's calls that took it, and the wrong reply chosen most marked. Counted from the
//! same reply events as the choice tables, so the two agree.

use std::collections::BTreeMap;

use super::fact::CallFact;
use super::model::PlayedCase;
use crate::guidance::Catalogue;
use crate::i18n::Lang;
use crate::map::{Cohort, SvgOptions};
use crate::scenario::Scenario;

/// The cohort on one case: every (beat, reply) chosen in its calls.
pub fn cohort_of(case: &str, calls: &[CallFact], scenario: &Scenario) -> Cohort {
    let mine: Vec<&CallFact> = calls.iter().filter(|c| c.case == case).collect();
    let mut counts: BTreeMap<(String, usize), usize> = BTreeMap::new();
    for call in &mine {
        for r in &call.replies {
            *counts.entry((r.beat.clone(), r.reply)).or_insert(0) += 1;
        }
    }
    Cohort::new(
        mine.len(),
        counts.into_iter().map(|((beat, reply), n)| {
            let breaks = scenario
                .beat_index(&beat)
                .and_then(|b| scenario.beats[b].replies.get(reply))
                .is_some_and(|r| !r.breaks.is_empty());
            (beat, reply, n, breaks)
        }),
    )
}

/// The SVG map of every played case the library has, by case id, words in `lang`.
pub fn cohort_maps(
    cases: &[PlayedCase],
    calls: &[CallFact],
    scenarios: &[Scenario],
    catalogue: &Catalogue,
    lang: Lang,
) -> BTreeMap<String, String> {
    cases
        .iter()
        .filter_map(|case| {
            let scenario = scenarios.iter().find(|s| s.id == case.id)?;
            let cohort = cohort_of(&case.id, calls, scenario);
            let explored = crate::explore::explore(scenario, catalogue, 1);
            let prefix = format!("map-{}-", case.id);
            let svg = crate::map::svg(
                scenario,
                catalogue,
                &explored,
                SvgOptions {
                    lang,
                    cohort: Some(&cohort),
                    id_prefix: &prefix,
                },
            );
            Some((case.id.clone(), svg))
        })
        .collect()
}
