//! The rule catalogue: every rule the game teaches and scores, loaded from data.
//!
//! The catalogue ships as `assets/guidance.ron` and is compiled into the binary so the
//! command-line tools work from any directory; `Catalogue::from_ron` loads another copy
//! (a trainer's edited catalogue, or a test fixture).

mod policy;
mod shift_policy;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use policy::{GradeFloors, OutcomeShares, Points, Policy};
pub use shift_policy::{ShiftPass, ShiftPolicy, StrainRule, WaitRule};

use crate::i18n::{Lang, Messages};
use crate::vocab::MeterDelta;

/// The catalogue that ships with the game.
pub const BUILTIN_CATALOGUE: &str = include_str!("../../../assets/guidance.ron");

/// A rule's stable id, as scenarios and saves write it (`take_ownership`).
pub type RuleId = String;

/// How the engine judges a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measured {
    /// From the trainee's timing and voice during the call (interrupting, dead air, shouting back).
    Play,
    /// From the replies the trainee picks: scenarios name the rules each reply follows or breaks.
    Replies,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleGroup {
    pub id: String,
    /// In English, from `group-ID` in the message files.
    #[serde(skip)]
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: RuleId,
    pub group: String,
    /// One of the four rules the product is known for.
    #[serde(default)]
    pub core: bool,
    /// How much one moment of this rule counts in the conduct score.
    pub weight: u32,
    pub measured: Measured,
    /// The rule's name in English, as checklists show it (`rule-ID` in the message files;
    /// `Catalogue::rule_name` gives it in other languages).
    #[serde(skip)]
    pub summary: String,
    /// What the rule means in play, in English (`rule-ID-explanation`).
    #[serde(skip)]
    pub explanation: String,
    /// The article(s) the rule comes from.
    pub source: String,
    /// Meter change when a reply follows the rule (before temperament scaling).
    #[serde(default)]
    pub followed: MeterDelta,
    /// Meter change when a reply breaks the rule (before temperament scaling).
    #[serde(default)]
    pub broken: MeterDelta,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub groups: Vec<RuleGroup>,
    pub rules: Vec<Rule>,
    /// How calls are scored and tiers open: policy as data, beside the rules it weighs.
    pub scoring: Policy,
    #[serde(skip)]
    index: HashMap<RuleId, usize>,
}

/// The rules whose names the engine itself relies on when it judges timing and voice.
pub mod ids {
    pub const LET_THEM_VENT: &str = "let_them_vent";
    pub const ANSWER_IN_THE_PAUSE: &str = "answer_in_the_pause";
    pub const NO_DEAD_AIR: &str = "no_dead_air";
    pub const LOWER_YOUR_VOICE: &str = "lower_your_voice";
    /// Scored from reply tags, and also broken from play when the trainee talks over a
    /// customer who is explaining calmly (cutting into an outburst is `let_them_vent`).
    pub const MAKE_THEM_HEARD: &str = "make_them_heard";
    /// Every rule the engine measures from play; the catalogue must define each.
    pub const MEASURED_FROM_PLAY: [&str; 4] = [
        LET_THEM_VENT,
        ANSWER_IN_THE_PAUSE,
        NO_DEAD_AIR,
        LOWER_YOUR_VOICE,
    ];
}

impl Catalogue {
    /// The catalogue compiled into the game.
    pub fn builtin() -> Catalogue {
        // The builtin file is part of the source tree and checked by the test suite, so a
        // failure here is a build defect, not user input.
        Catalogue::from_ron(BUILTIN_CATALOGUE).expect("assets/guidance.ron is valid")
    }

    /// Parses and validates a catalogue.
    pub fn from_ron(source: &str) -> Result<Catalogue, String> {
        let mut catalogue: Catalogue = ron::Options::default()
            .from_str(source)
            .map_err(|e| format!("guidance catalogue, {}: {}", e.span, e.code))?;
        let english = Messages::plain();
        for rule in &mut catalogue.rules {
            rule.summary = english.get(Lang::En, &format!("rule-{}", rule.id));
            rule.explanation = english.get(Lang::En, &format!("rule-{}-explanation", rule.id));
        }
        for group in &mut catalogue.groups {
            group.title = english.get(Lang::En, &format!("group-{}", group.id));
        }
        catalogue.index = catalogue
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        if catalogue.index.len() != catalogue.rules.len() {
            return Err("guidance catalogue: two rules share an id".into());
        }
        for rule in &catalogue.rules {
            if !catalogue.groups.iter().any(|g| g.id == rule.group) {
                return Err(format!(
                    "guidance catalogue: rule `{}` names unknown group `{}`",
                    rule.id, rule.group
                ));
            }
        }
        for id in ids::MEASURED_FROM_PLAY {
            match catalogue.get(id) {
                Some(rule) if rule.measured == Measured::Play => {}
                _ => {
                    return Err(format!(
                        "guidance catalogue: the engine measures `{id}` from play, so the catalogue must define it with `measured: Play`"
                    ));
                }
            }
        }
        if let Some(rule) = catalogue
            .scoring
            .timing_rules
            .iter()
            .find(|h| !catalogue.index.contains_key(*h))
        {
            return Err(format!(
                "guidance catalogue, scoring: the timing rule `{rule}` is not a rule in the catalogue"
            ));
        }
        if let Some(problem) = catalogue.scoring.problems().first() {
            return Err(format!("guidance catalogue, scoring: {problem}"));
        }
        if catalogue.get(ids::MAKE_THEM_HEARD).is_none() {
            return Err(format!(
                "guidance catalogue: the engine breaks `{}` when the trainee talks over a calm customer, so the catalogue must define it",
                ids::MAKE_THEM_HEARD
            ));
        }
        Ok(catalogue)
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.index.get(id).map(|&i| &self.rules[i])
    }

    /// Where rule `id` stands in `rules` (the index a tally counts it under).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// A rule's name in `lang` (the id, for a rule no message file names).
    pub fn rule_name(&self, lang: Lang, id: &str) -> String {
        Messages::for_screen().get(lang, &format!("rule-{id}"))
    }

    /// What a rule means in play, in `lang`.
    pub fn rule_explanation(&self, lang: Lang, id: &str) -> String {
        Messages::for_screen().get(lang, &format!("rule-{id}-explanation"))
    }

    /// A rule group's title in `lang`.
    pub fn group_title(&self, lang: Lang, id: &str) -> String {
        Messages::for_screen().get(lang, &format!("group-{id}"))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The rule ids closest to a misspelt one, best first, for "did you mean" hints.
    pub fn suggest(&self, unknown: &str) -> Option<&str> {
        suggest(unknown, self.rules.iter().map(|r| r.id.as_str()))
    }

    /// The rule table in Markdown, grouped as in the catalogue: the authoring guide embeds it.
    pub fn markdown_table(&self) -> String {
        let mut out = String::new();
        for group in &self.groups {
            out.push_str(&format!("\n### {}\n\n", group.title));
            out.push_str("| id | rule | measured from | what it means in play | source |\n");
            out.push_str("|---|---|---|---|---|\n");
            for rule in self.rules.iter().filter(|r| r.group == group.id) {
                let id = if rule.core {
                    format!("**{}**", rule.id)
                } else {
                    format!("`{}`", rule.id)
                };
                let measured = match rule.measured {
                    Measured::Play => "timing and voice",
                    Measured::Replies => "reply tags",
                };
                out.push_str(&format!(
                    "| {id} | {} | {measured} | {} | {} |\n",
                    rule.summary,
                    rule.explanation.replace('|', "\\|"),
                    rule.source
                ));
            }
        }
        out
    }
}

/// The candidate closest to `unknown` by edit distance, if it is close enough to be a typo.
pub fn suggest<'a>(unknown: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let unknown = unknown.to_lowercase();
    candidates
        .map(|c| {
            (
                strsim::normalized_damerau_levenshtein(&unknown, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_loads_and_defines_the_four_core_rules() {
        let catalogue = Catalogue::builtin();
        let core: Vec<&str> = catalogue
            .rules
            .iter()
            .filter(|r| r.core)
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(
            core,
            [
                "let_them_vent",
                "lower_your_voice",
                "take_ownership",
                "no_excuses"
            ]
        );
        assert_eq!(catalogue.rules.len(), 24);
    }

    #[test]
    fn every_rule_and_group_has_its_words_in_every_language() {
        let catalogue = Catalogue::builtin();
        let messages = Messages::plain();
        for lang in Lang::ALL {
            for rule in &catalogue.rules {
                for id in [
                    format!("rule-{}", rule.id),
                    format!("rule-{}-explanation", rule.id),
                ] {
                    assert!(messages.has(lang, &id), "{lang} lacks {id}");
                    assert!(
                        !messages.get(lang, &id).trim().is_empty(),
                        "{lang}: {id} is empty"
                    );
                }
            }
            for group in &catalogue.groups {
                assert!(
                    messages.has(lang, &format!("group-{}", group.id)),
                    "{lang}: {}",
                    group.id
                );
            }
        }
        assert_eq!(
            catalogue.get("take_ownership").unwrap().summary,
            "Take ownership"
        );
    }

    #[test]
    fn suggests_the_nearest_rule_for_a_typo() {
        let catalogue = Catalogue::builtin();
        assert_eq!(catalogue.suggest("take_ownershp"), Some("take_ownership"));
        assert_eq!(catalogue.suggest("apologise"), Some("apologize"));
        assert_eq!(catalogue.suggest("zzzzzz"), None);
    }

    #[test]
    fn a_catalogue_missing_a_play_rule_is_refused() {
        let without_vent = BUILTIN_CATALOGUE.replace("\"let_them_vent\"", "\"let_them_rant\"");
        let err = Catalogue::from_ron(&without_vent).unwrap_err();
        assert!(err.contains("let_them_vent"), "{err}");
    }

    #[test]
    fn a_scoring_policy_whose_points_do_not_add_up_to_100_is_refused() {
        let off = BUILTIN_CATALOGUE.replace("mood: 20)", "mood: 25)");
        assert_ne!(off, BUILTIN_CATALOGUE);
        let err = Catalogue::from_ron(&off).unwrap_err();
        assert!(err.contains("105, not 100"), "{err}");
    }

    #[test]
    fn default_pass_marks_follow_the_tier_and_the_last_serves_higher_tiers() {
        let policy = Catalogue::builtin().scoring;
        let marks: Vec<u8> = (1..=6).map(|t| policy.default_pass_mark(t)).collect();
        assert_eq!(marks, [60, 70, 75, 80, 80, 80]);
    }
}
