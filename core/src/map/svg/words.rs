//! The map's words in the reader's language: the tooltips of reply arrows and branch conditions.

use crate::guidance::Catalogue;
use crate::i18n::{Lang, Messages, Value, args};
use crate::map::Arrow;
use crate::scenario::Condition;

pub(super) struct Words<'a> {
    pub(super) messages: &'a Messages,
    pub(super) lang: Lang,
}

impl Words<'_> {
    pub(super) fn get(&self, id: &str) -> String {
        self.messages.get(self.lang, id)
    }

    pub(super) fn with(&self, id: &str, pairs: &[(&str, Value)]) -> String {
        self.messages.text(self.lang, id, Some(&args(pairs)))
    }
}

/// A branch's condition in the reader's words: "trust < 35".
pub(super) fn condition_words(c: Condition, words: &Words) -> String {
    let (meter, sign, n) = match c {
        Condition::TrustAtLeast(n) => ("meter-trust", "≥", n),
        Condition::TrustBelow(n) => ("meter-trust", "<", n),
        Condition::AngerAtLeast(n) => ("meter-anger", "≥", n),
        Condition::AngerBelow(n) => ("meter-anger", "<", n),
        Condition::PatienceAtLeast(n) => ("meter-patience", "≥", n),
        Condition::PatienceBelow(n) => ("meter-patience", "<", n),
    };
    format!("{} {sign} {n}", words.get(meter))
}

/// A reply arrow's tooltip: its number and words, the rules it follows and breaks, and how
/// often the cohort chose it.
pub(super) fn reply_title(
    arrow: &Arrow,
    reply: &crate::scenario::Reply,
    catalogue: &Catalogue,
    words: &Words,
    times: Option<usize>,
) -> String {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| catalogue.rule_name(words.lang, id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut title = words.with(
        "map-reply-title",
        &[
            ("number", Value::from(arrow.reply + 1)),
            ("text", Value::from(reply.text.clone())),
        ],
    );
    if !reply.follows.is_empty() {
        title.push('\n');
        title.push_str(&words.with(
            "map-follows",
            &[("rules", Value::from(names(&reply.follows)))],
        ));
    }
    if !reply.breaks.is_empty() {
        title.push('\n');
        title.push_str(&words.with(
            "map-breaks",
            &[("rules", Value::from(names(&reply.breaks)))],
        ));
    }
    if let Some(n) = times {
        title.push('\n');
        title.push_str(&words.with("map-chosen", &[("times", Value::from(n))]));
    }
    title
}
