//! Verdicts and meters: each judgement recorded with its reason, and the limits checked.

use super::*;

impl Call {
    pub(super) fn judge(&mut self, judgement: &Judgement, landing: Landing) {
        let (rule, verdict) = (judgement.rule, judgement.verdict);
        self.verdict(rule, verdict, judgement.note, judgement.source, landing);
    }

    /// Why a meter moved, with its English words for the transcript (worded only when the
    /// call is recorded: the explorer's thousands of calls need no words).
    pub(super) fn reason(
        &self,
        rule: Option<&str>,
        verdict: Option<Verdict>,
        what: Note,
    ) -> Reason {
        let text = if self.record {
            let name = rule
                .and_then(|id| self.catalogue.get(id))
                .map_or("", |r| r.summary.as_str());
            let in_chat = self.scenario.channel == Channel::Chat;
            note_text(Messages::plain(), Lang::En, what, name, in_chat)
        } else {
            String::new()
        };
        Reason {
            rule: rule.map(str::to_string),
            verdict,
            text,
            what,
        }
    }

    /// Records a rule's verdict and moves the meters by the rule's rubric, scaled by the
    /// customer's temperament.
    pub(super) fn verdict(
        &mut self,
        rule_id: &str,
        verdict: Verdict,
        note: Note,
        source: MomentSource,
        landing: Landing,
    ) {
        let catalogue = Arc::clone(&self.catalogue);
        let Some((index, rule)) = catalogue
            .rules
            .iter()
            .enumerate()
            .find(|(_, r)| r.id == rule_id)
        else {
            return;
        };
        self.tally.count(&catalogue, index, verdict);
        let at = self.now;
        let reason = self.reason(Some(rule_id), Some(verdict), note);
        if self.tally.records_moments() {
            let beat = &self.scenario.beats[self.beat];
            let reply = self
                .choices
                .last()
                .filter(|c| c.at == at)
                .map(|c| beat.replies[c.reply].text.clone());
            self.tally.keep(Moment {
                at,
                rule: rule.id.clone(),
                verdict,
                beat: beat.id.clone(),
                reply,
                note: reason.text.clone(),
                what: note,
                source,
            });
        }
        if self.record {
            self.log(Event::Rule {
                at,
                rule: rule.id.clone(),
                verdict,
                note: reason.text.clone(),
                what: note,
            });
        }
        let base = match verdict {
            Verdict::Followed => rule.followed,
            Verdict::Broken => rule.broken,
        };
        let temperament = &self.scenario.customer.temperament;
        let delta = landing.apply(temperament::scaled(
            temperament,
            base,
            Some((rule_id, verdict)),
        ));
        self.apply(delta, reason);
    }

    /// Records why the customer starts where they do, in a shift (a wait in the queue, a
    /// missed promise): the scenario this call was given already starts there (so the
    /// explorer and the call agree); this logs each move with its reason, at the start,
    /// for the meters to show like any other.
    pub fn note_opening(&mut self, moves: &[(MeterDelta, Note)]) {
        for &(delta, note) in moves {
            let reason = Reason {
                rule: None,
                verdict: None,
                text: note_text(Messages::plain(), Lang::En, note, "", false),
                what: note,
            };
            for meter in Meter::ALL {
                let change = delta.get(meter);
                if change != 0 {
                    let value = self.meters.get(meter);
                    self.log(Event::Meter {
                        at: self.now,
                        meter,
                        delta: change,
                        value,
                        reason: reason.clone(),
                    });
                }
            }
        }
    }

    /// Moves the meters (each kept within 0-100) and logs each change with its reason.
    pub(super) fn apply(&mut self, delta: MeterDelta, reason: Reason) {
        for meter in Meter::ALL {
            let change = delta.get(meter);
            if change == 0 {
                continue;
            }
            let slot = self.meters.slot(meter);
            let before = *slot;
            *slot = (before + change).clamp(0, 100);
            let (actual, value) = (*slot - before, *slot);
            if actual != 0 {
                let at = self.now;
                self.log(Event::Meter {
                    at,
                    meter,
                    delta: actual,
                    value,
                    reason: reason.clone(),
                });
            }
        }
    }

    /// Ends the call if anger reached the limit or patience ran out. Returns whether it ended.
    pub(super) fn check_limits(&mut self) -> bool {
        if self.is_over() {
            return true;
        }
        let t = &self.scenario.customer.temperament;
        if self.meters.anger >= t.limit {
            self.end(t.at_limit, EndedBy::AngerLimit);
        } else if self.meters.patience <= 0 {
            self.end(t.out_of_patience, EndedBy::PatienceOut);
        }
        self.is_over()
    }

    pub(super) fn log(&mut self, event: Event) {
        if self.record {
            self.events.push(event);
        }
    }
}
