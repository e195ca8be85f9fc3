//! Guidance rule ids: a reply's `follows` and `breaks`, a temperament's triggers and
//! soothers.

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::Keyword;
use super::checker::{Checker, Step, Step::*, join};

impl Checker<'_> {
    /// Rules the engine judges from play and a reply should not tag. `no_dead_air` may be
    /// tagged: a reply that puts the customer on hold breaks it however promptly it is said.
    fn judged_from_play(&self, id: &str) -> bool {
        id != crate::guidance::ids::NO_DEAD_AIR
            && self
                .catalogue
                .get(id)
                .is_some_and(|rule| rule.measured == crate::guidance::Measured::Play)
    }

    /// Whether the catalogue has the rule; an error at `path` when not.
    fn check_rule(&mut self, keyword: &Keyword, path: &[Step]) -> bool {
        if self.catalogue.contains(&keyword.0) {
            return true;
        }
        let span = self.at(path);
        let mut d = Diagnostic::error(
            Code::UnknownRule,
            format!("there is no guidance rule `{}`", keyword.0),
            span,
        )
        .label("not a rule id");
        d = match self.catalogue.suggest(&keyword.0) {
            Some(near) => d.help(format!("did you mean `{near}`?")),
            None => d.help("rule ids are listed in docs/authoring.md and by `hold-the-line rules`"),
        };
        self.push(d);
        false
    }

    /// A temperament's `triggers` or `soothers`: the known rule ids.
    pub(super) fn temperament_rules(
        &mut self,
        list: &[Keyword],
        field: &'static str,
    ) -> Vec<String> {
        let path = [Field("customer"), Field("temperament"), Field(field)];
        list.iter()
            .enumerate()
            .filter(|(i, k)| self.check_rule(k, &join(&path, &[Item(*i)])))
            .map(|(_, k)| k.0.clone())
            .collect()
    }

    /// A reply's `follows` or `breaks`: known rule ids, each once, none also in `other`
    /// (the reply's `follows`, when checking its `breaks`).
    /// The case's lesson: rule ids, each once. Rules judged from play are welcome here (a
    /// case can be about lowering your voice).
    pub(super) fn lesson(&mut self, list: &[Keyword], path: &[Step]) -> Vec<String> {
        let mut rules: Vec<String> = Vec::new();
        for (i, keyword) in list.iter().enumerate() {
            let item = join(path, &[Item(i)]);
            if !self.check_rule(keyword, &item) {
                continue;
            }
            if rules.contains(&keyword.0) {
                let span = self.at(&item);
                self.push(
                    Diagnostic::warning(
                        Code::RepeatedRule,
                        format!("`{}` is listed twice", keyword.0),
                        span,
                    )
                    .label("already listed"),
                );
            } else {
                rules.push(keyword.0.clone());
            }
        }
        rules
    }

    pub(super) fn rule_list(
        &mut self,
        list: &[Keyword],
        path: &[Step],
        other: &[String],
    ) -> Vec<String> {
        let mut rules: Vec<String> = Vec::new();
        for (i, keyword) in list.iter().enumerate() {
            let item = join(path, &[Item(i)]);
            if !self.check_rule(keyword, &item) {
                continue;
            }
            let span = self.at(&item);
            let id = &keyword.0;
            if other.contains(id) {
                self.push(
                    Diagnostic::error(
                        Code::FollowsAndBreaks,
                        format!("the reply both follows and breaks `{id}`"),
                        span,
                    )
                    .label("also in `follows`")
                    .help("keep it in one list"),
                );
            } else if self.judged_from_play(id) {
                self.push(
                    Diagnostic::warning(
                        Code::MeasuredFromPlay,
                        format!("`{id}` is judged from the trainee's timing and voice, not from reply tags"),
                        span,
                    )
                    .label("the engine scores this itself")
                    .help("remove it: tagging it here would count the same moment twice"),
                );
            } else if rules.contains(id) {
                self.push(
                    Diagnostic::warning(
                        Code::RepeatedRule,
                        format!("`{id}` is listed twice"),
                        span,
                    )
                    .label("already listed"),
                );
            } else {
                rules.push(id.clone());
            }
        }
        rules
    }
}
