//! The tally: every verdict a call gave, counted per rule and weighed by the catalogue.

use serde::{Deserialize, Serialize};

use crate::guidance::Catalogue;
use crate::scenario::BeatIx;
use crate::vocab::{Millis, Note, Verdict};

/// Where a verdict came from: how the trainee played the moment, or what they said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MomentSource {
    /// When they answered: interrupting, in the pause, promptly, slowly.
    Timing,
    /// How loud they answered.
    Voice,
    /// A silence that became dead air.
    Silence,
    /// The words of the reply they chose, as the scenario tags them.
    Words,
}

impl MomentSource {
    /// Whether the verdict came from play (timing, voice, silence) rather than the words.
    pub fn is_play(self) -> bool {
        self != MomentSource::Words
    }
}

/// One time a rule was followed or broken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    pub at: Millis,
    pub rule: String,
    pub verdict: Verdict,
    /// The beat it happened in.
    pub beat: String,
    /// The reply said at that moment, when a reply was said.
    pub reply: Option<String>,
    /// What the trainee did, in English.
    pub note: String,
    /// The same, for the game to word in the trainee's language.
    pub what: Note,
    pub source: MomentSource,
}

/// A reply the trainee chose, as scoring needs it: when, in which beat, which reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen {
    pub at: Millis,
    pub beat: BeatIx,
    /// 0-based index into the beat's replies.
    pub reply: usize,
}

/// Per-rule counts, the weighted totals the conduct score is made of, and (when the call
/// is recorded) every moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    followed_weight: u32,
    broken_weight: u32,
    mistakes: u16,
    /// [followed, broken] per catalogue rule, by index.
    per_rule: Vec<[u16; 2]>,
    moments: Option<Vec<Moment>>,
}

impl Tally {
    /// An empty tally for a catalogue; `record` keeps every moment (the explorer does not).
    pub fn new(catalogue: &Catalogue, record: bool) -> Tally {
        Tally {
            followed_weight: 0,
            broken_weight: 0,
            mistakes: 0,
            per_rule: vec![[0, 0]; catalogue.rules.len()],
            moments: record.then(Vec::new),
        }
    }

    /// Rebuilds a tally from recorded moments (a saved session), to score it again.
    /// Moments naming a rule the catalogue no longer has are left out.
    pub fn from_moments(catalogue: &Catalogue, moments: &[Moment]) -> Tally {
        let mut tally = Tally::new(catalogue, true);
        for moment in moments {
            if let Some(index) = catalogue.rules.iter().position(|r| r.id == moment.rule) {
                tally.count(catalogue, index, moment.verdict);
                tally.keep(moment.clone());
            }
        }
        tally
    }

    /// Counts one verdict on the catalogue's rule `index`.
    pub fn count(&mut self, catalogue: &Catalogue, index: usize, verdict: Verdict) {
        let weight = catalogue.rules[index].weight;
        let counts = &mut self.per_rule[index];
        match verdict {
            Verdict::Followed => {
                counts[0] = counts[0].saturating_add(1);
                self.followed_weight += weight;
            }
            Verdict::Broken => {
                counts[1] = counts[1].saturating_add(1);
                self.broken_weight += weight;
                self.mistakes = self.mistakes.saturating_add(1);
            }
        }
    }

    /// Keeps a moment, when this tally records them.
    pub fn keep(&mut self, moment: Moment) {
        if let Some(moments) = &mut self.moments {
            moments.push(moment);
        }
    }

    pub fn records_moments(&self) -> bool {
        self.moments.is_some()
    }

    pub fn moments(&self) -> &[Moment] {
        self.moments.as_deref().unwrap_or(&[])
    }

    pub fn followed_weight(&self) -> u32 {
        self.followed_weight
    }

    pub fn broken_weight(&self) -> u32 {
        self.broken_weight
    }

    /// How many times any rule was broken.
    pub fn mistakes(&self) -> u16 {
        self.mistakes
    }

    /// [followed, broken] for the catalogue's rule `index`.
    pub fn of_rule(&self, index: usize) -> [u16; 2] {
        self.per_rule[index]
    }

    /// Which catalogue rules have been judged (followed or broken), by index.
    pub fn exercised(&self) -> impl Iterator<Item = usize> + '_ {
        self.per_rule
            .iter()
            .enumerate()
            .filter(|(_, c)| c[0] + c[1] > 0)
            .map(|(i, _)| i)
    }

    /// Breaks of each core rule and each timing rule, in catalogue order, capped one past
    /// what a pass at `tier` forgives: all that decides pass or fail (the explorer merges
    /// paths on it).
    pub fn pass_deciding_breaks(&self, catalogue: &Catalogue, tier: u8) -> Vec<u16> {
        let policy = &catalogue.scoring;
        let cap = policy.slips_forgiven(tier).saturating_add(1);
        catalogue
            .rules
            .iter()
            .zip(&self.per_rule)
            .filter(|(rule, _)| rule.core || policy.timing_rules.contains(&rule.id))
            .map(|(_, [_, broken])| (*broken).min(cap))
            .collect()
    }
}
