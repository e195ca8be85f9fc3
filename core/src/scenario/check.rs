//! Semantic checks: everything `ron` cannot know. Each problem points at the item it is
//! about, and every problem in the file is reported at once.

use std::collections::{HashMap, HashSet, VecDeque};

use super::code::Code;
use super::diagnostic::Diagnostic;
use super::format::*;
use super::locate::{Node, Span};
use super::model::*;
use crate::engine::{MeterDelta, Meters, Millis};
use crate::guidance::{Catalogue, suggest};

/// One step of a path into the file: `[Field("beats"), Entry(3), Field("replies"), Item(0)]`.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    Field(&'a str),
    Item(usize),
    /// The value of the i-th map entry.
    Entry(usize),
    /// The key of the i-th map entry.
    Key(usize),
}

struct Checker<'a> {
    root: Option<&'a Node>,
    catalogue: &'a Catalogue,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    /// The span of the item at `path`, or of the deepest part of it that is written in the
    /// file (a defaulted field points at its parent).
    fn at(&self, path: &[Step]) -> Span {
        walk(self.root, path).map_or(0..0, |(node, _)| node.span.clone())
    }

    /// Like `at`, but inside a variant such as `Pause(0.0)` points at the value.
    fn payload_at(&self, path: &[Step]) -> Span {
        walk(self.root, path).map_or(0..0, |(node, _)| node.payload().span.clone())
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn check_text(&mut self, text: &str, what: &str, path: &[Step]) {
        if text.trim().is_empty() {
            let span = self.at(path);
            self.push(
                Diagnostic::error(Code::EmptyText, format!("{what} is empty"), span)
                    .label("nothing to show here")
                    .help(format!("write {what}, or remove the entry")),
            );
        }
    }

    fn check_percent(&mut self, value: i64, what: &str, path: &[Step]) -> i32 {
        if !(0..=100).contains(&value) {
            let span = self.at(path);
            self.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("{what} is {value}, outside 0 to 100"),
                    span,
                )
                .label("meters run from 0 to 100")
                .help("use a value from 0 (none) to 100 (full)"),
            );
        }
        value.clamp(0, 100) as i32
    }

    /// Rules the engine judges from play and a reply should not tag. `no_dead_air` may be
    /// tagged: a reply that puts the customer on hold breaks it however promptly it is said.
    fn judged_from_play(&self, id: &str) -> bool {
        id != crate::guidance::ids::NO_DEAD_AIR
            && self
                .catalogue
                .get(id)
                .is_some_and(|rule| rule.measured == crate::guidance::Measured::Play)
    }

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

    /// A reply's `follows` or `breaks`: known rule ids, each once, none also in `other`
    /// (the reply's `follows`, when checking its `breaks`).
    fn rule_list(&mut self, list: &[Keyword], path: &[Step], other: &[String]) -> Vec<String> {
        let mut rules: Vec<String> = Vec::new();
        for (i, keyword) in list.iter().enumerate() {
            let mut item = path.to_vec();
            item.push(Step::Item(i));
            if !self.check_rule(keyword, &item) {
                continue;
            }
            let span = self.at(&item);
            if other.contains(&keyword.0) {
                self.push(
                    Diagnostic::error(
                        Code::FollowsAndBreaks,
                        format!("the reply both follows and breaks `{}`", keyword.0),
                        span,
                    )
                    .label("also in `follows`")
                    .help("keep it in one list"),
                );
            } else if self.judged_from_play(&keyword.0) {
                self.push(
                    Diagnostic::warning(
                        Code::MeasuredFromPlay,
                        format!(
                            "`{}` is judged from the trainee's timing and voice, not from reply tags",
                            keyword.0
                        ),
                        span,
                    )
                    .label("the engine scores this itself")
                    .help("remove it: tagging it here would count the same moment twice"),
                );
            } else if rules.contains(&keyword.0) {
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

    fn check_lines(&mut self, lines: &[LineFile], path: &[Step], what: &str) -> Vec<Line> {
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let mut line_path = path.to_vec();
            line_path.push(Step::Item(i));
            let (intensity, text) = match line {
                LineFile::Shout(t) => (Intensity::Shout, t),
                LineFile::Raised(t) => (Intensity::Raised, t),
                LineFile::Even(t) => (Intensity::Even, t),
                LineFile::Quiet(t) => (Intensity::Quiet, t),
                LineFile::Pause(seconds) => {
                    if !(seconds.is_finite() && (0.5..=30.0).contains(seconds)) {
                        let span = self.payload_at(&line_path);
                        self.push(
                            Diagnostic::error(
                                Code::OutOfRange,
                                format!("a pause of {seconds} seconds is not allowed"),
                                span,
                            )
                            .label("seconds of silence")
                            .help("write a pause between 0.5 and 30 seconds, such as Pause(2.5)"),
                        );
                    } else if i == 0 || i + 1 == lines.len() {
                        let span = self.at(&line_path);
                        self.push(
                            Diagnostic::warning(
                                Code::PauseAtEdge,
                                format!("a pause at the {} of {what} does nothing", if i == 0 { "start" } else { "end" }),
                                span,
                            )
                            .label("pauses belong between lines")
                            .help("the pause after the last line is timed by the game; remove this one"),
                        );
                    }
                    out.push(Line::Pause(seconds_to_ms(*seconds)));
                    continue;
                }
            };
            if text.0.is_empty() {
                let span = self.payload_at(&line_path);
                self.push(
                    Diagnostic::error(Code::EmptyText, "a line with no variants", span)
                        .label("empty list")
                        .help("give at least one wording: Shout([\"first\", \"second\"])"),
                );
            }
            for (v, variant) in text.0.iter().enumerate() {
                if variant.trim().is_empty() {
                    // A list of variants points at the empty one, a single text at itself.
                    let span = locate_variant(self.root, &line_path, v)
                        .map(|n| n.span.clone())
                        .unwrap_or_else(|| self.payload_at(&line_path));
                    self.push(
                        Diagnostic::error(Code::EmptyText, format!("a line of {what} is empty"), span)
                            .label("no words")
                            .help("write what the customer says, or remove the line"),
                    );
                }
            }
            out.push(Line::Speech {
                intensity,
                variants: text.0.clone(),
            });
        }
        out
    }

    fn check_delta(&mut self, delta: &DeltaFile, path: &[Step]) -> MeterDelta {
        let mut field = |value: i64, name: &'static str| -> i32 {
            if !(-100..=100).contains(&value) {
                let mut p = path.to_vec();
                p.push(Step::Field(name));
                let span = self.at(&p);
                self.push(
                    Diagnostic::error(
                        Code::OutOfRange,
                        format!("an effect of {value} on {name} is outside -100 to 100"),
                        span,
                    )
                    .label("meters run from 0 to 100")
                    .help("effects are changes: -100 to 100"),
                );
            }
            value.clamp(-100, 100) as i32
        };
        MeterDelta {
            anger: field(delta.anger, "anger"),
            trust: field(delta.trust, "trust"),
            patience: field(delta.patience, "patience"),
        }
    }
}

/// Follows `path` from the root as far as the file goes: the deepest node found, and
/// whether the whole path was found.
pub(super) fn walk<'n>(root: Option<&'n Node>, path: &[Step]) -> Option<(&'n Node, bool)> {
    let mut node = root?;
    for step in path {
        let next = match *step {
            Step::Field(name) => node.field(name),
            Step::Item(i) => node.item(i),
            Step::Entry(i) => node.entry(i).map(|(_, v)| v),
            Step::Key(i) => node.entry(i).map(|(k, _)| k),
        };
        match next {
            Some(n) => node = n,
            None => return Some((node, false)),
        }
    }
    Some((node, true))
}

/// The node of the v-th variant inside a `Shout([..])` line (None for a single text).
fn locate_variant<'n>(root: Option<&'n Node>, path: &[Step], v: usize) -> Option<&'n Node> {
    match walk(root, path)? {
        (node, true) => node.payload().item(v),
        _ => None,
    }
}

fn seconds_to_ms(seconds: f64) -> Millis {
    (seconds.clamp(0.0, 3600.0) * 1000.0).round() as Millis
}

/// Checks a parsed scenario file. Returns the playable scenario when there are no errors,
/// and every diagnostic found either way.
pub fn compile<'f>(
    file: &'f ScenarioFile,
    root: Option<&Node>,
    catalogue: &Catalogue,
) -> (Option<Scenario>, Vec<Diagnostic>) {
    let mut c = Checker {
        root,
        catalogue,
        diagnostics: Vec::new(),
    };
    use Step::*;

    // Identity.
    if file.id.trim().is_empty() {
        let span = c.at(&[Field("id")]);
        c.push(
            Diagnostic::error(Code::EmptyText, "the scenario id is empty", span)
                .label("needs a name")
                .help("use a short name with letters, digits and underscores, such as \"missing_parcel\""),
        );
    } else if !is_plain_id(&file.id) {
        let span = c.at(&[Field("id")]);
        c.push(
            Diagnostic::warning(
                Code::OddId,
                format!("the id \"{}\" has spaces or symbols", file.id),
                span,
            )
            .label("ids are used in saves and prerequisites")
            .help("use lowercase letters, digits, `_` and `-` only"),
        );
    }
    c.check_text(&file.title, "the title", &[Field("title")]);
    // The brief is optional: only a brief that is written but blank is a mistake.
    if matches!(walk(c.root, &[Field("brief")]), Some((_, true))) {
        c.check_text(&file.brief, "the brief", &[Field("brief")]);
    }

    let tier = if (1..=4).contains(&file.tier) {
        file.tier as u8
    } else {
        let span = c.at(&[Field("tier")]);
        c.push(
            Diagnostic::error(
                Code::UnknownTier,
                format!("there is no tier {}", file.tier),
                span,
            )
            .label("tiers are 1 to 4")
            .help("1 is onboarding, 4 the hardest calls"),
        );
        1
    };

    let channel = match Channel::ALL
        .iter()
        .find(|ch| ch.keyword() == file.channel.0)
    {
        Some(&ch) => ch,
        None => {
            let span = c.at(&[Field("channel")]);
            let mut d = Diagnostic::error(
                Code::UnknownChannel,
                format!("there is no channel `{}`", file.channel.0),
                span,
            )
            .label("not a channel");
            if let Some(near) = suggest(&file.channel.0, Channel::ALL.iter().map(|c| c.keyword())) {
                d = d.help(format!("did you mean `{near}`?"));
            }
            c.push(d.help("channels are Phone, Chat and FrontDesk"));
            Channel::Phone
        }
    };

    if !is_language_tag(&file.language) {
        let span = c.at(&[Field("language")]);
        c.push(
            Diagnostic::warning(
                Code::OddLanguage,
                format!("\"{}\" is not a language tag", file.language),
                span,
            )
            .label("expected something like \"en\" or \"ar-EG\"")
            .help("use a BCP 47 tag: \"en\", \"he\", \"ar\", \"en-GB\""),
        );
    }

    let pass_mark = match file.pass_mark {
        None => default_pass_mark(tier),
        Some(p) if (1..=100).contains(&p) => p as u8,
        Some(p) => {
            let span = c.at(&[Field("pass_mark")]);
            c.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("a pass mark of {p} is impossible"),
                    span,
                )
                .label("scores run from 0 to 100")
                .help("use 1 to 100, or leave it out for the tier's default"),
            );
            default_pass_mark(tier)
        }
    };

    for (i, req) in file.requires.iter().enumerate() {
        if *req == file.id {
            let span = c.at(&[Field("requires"), Item(i)]);
            c.push(
                Diagnostic::error(Code::RequiresItself, "a scenario cannot require itself", span)
                    .label("this is the scenario's own id")
                    .help("remove it from `requires`"),
            );
        }
    }

    // Ids of beats and endings: one namespace, since `next` may name either.
    let mut names: HashMap<&str, Span> = HashMap::new();
    let mut check_names = |c: &mut Checker, field: &'static str, entries: Vec<&'f str>| {
        for (i, name) in entries.into_iter().enumerate() {
            let span = c.at(&[Field(field), Key(i)]);
            if name.trim().is_empty() {
                c.push(
                    Diagnostic::error(Code::EmptyText, "an empty id", span.clone())
                        .label("needs a name")
                        .help("name it, such as \"opening\""),
                );
            }
            if let Some(first) = names.get(name) {
                c.push(
                    Diagnostic::error(Code::DuplicateId, format!("\"{name}\" is defined twice"), span)
                        .label("second definition")
                        .related(first.clone(), "first defined here")
                        .help("beats and endings share one set of names: rename one of them"),
                );
            } else {
                names.insert(name, span);
            }
        }
    };
    check_names(
        &mut c,
        "beats",
        file.beats.0.iter().map(|(k, _)| k.as_str()).collect(),
    );
    check_names(
        &mut c,
        "endings",
        file.endings.0.iter().map(|(k, _)| k.as_str()).collect(),
    );

    if file.beats.0.is_empty() {
        let span = c.at(&[Field("beats")]);
        c.push(
            Diagnostic::error(Code::NoBeats, "the scenario has no beats", span)
                .label("empty")
                .help(
                    "add at least one beat: what the customer says and the replies to choose from",
                ),
        );
    }
    if file.endings.0.is_empty() {
        let span = c.at(&[Field("endings")]);
        c.push(
            Diagnostic::error(Code::NoEndings, "the scenario has no endings", span)
                .label("empty")
                .help("add endings, at least one with kind: Resolved or CallBack"),
        );
    }

    // First definition wins for lookups, matching the "defined twice" error.
    let beat_index: HashMap<&str, usize> = file
        .beats
        .0
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    let ending_index: HashMap<&str, usize> = file
        .endings
        .0
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    let all_names: Vec<&str> = file
        .beats
        .0
        .iter()
        .map(|(k, _)| k.as_str())
        .chain(file.endings.0.iter().map(|(k, _)| k.as_str()))
        .collect();

    let resolve = |c: &mut Checker, name: &str, path: &[Step]| -> Option<Target> {
        if let Some(&b) = beat_index.get(name) {
            return Some(Target::Beat(b));
        }
        if let Some(&e) = ending_index.get(name) {
            return Some(Target::Ending(e));
        }
        let span = c.at(path);
        let mut d = Diagnostic::error(
            Code::UnknownTarget,
            format!("no beat or ending is called \"{name}\""),
            span,
        )
        .label("not defined in this file");
        d = match suggest(name, all_names.iter().copied()) {
            Some(near) => d.help(format!("did you mean \"{near}\"?")),
            None => d.help(format!(
                "add a beat or an ending called \"{name}\", or fix the name"
            )),
        };
        c.push(d);
        None
    };

    // Endings.
    let mut endings = Vec::new();
    for (i, (id, ending)) in file.endings.0.iter().enumerate() {
        let kind = match EndingKind::ALL
            .iter()
            .find(|k| k.keyword() == ending.kind.0)
        {
            Some(&k) => k,
            None => {
                let span = c.at(&[Field("endings"), Entry(i), Field("kind")]);
                let mut d = Diagnostic::error(
                    Code::UnknownEndingKind,
                    format!("there is no ending kind `{}`", ending.kind.0),
                    span,
                )
                .label("not an ending kind");
                if let Some(near) =
                    suggest(&ending.kind.0, EndingKind::ALL.iter().map(|k| k.keyword()))
                {
                    d = d.help(format!("did you mean `{near}`?"));
                }
                c.push(d.help("kinds are Resolved, CallBack, Supervisor, HungUp and Unresolved"));
                EndingKind::Unresolved
            }
        };
        c.check_text(
            &ending.text,
            "the ending's text",
            &[Field("endings"), Entry(i), Field("text")],
        );
        let lines = c.check_lines(
            &ending.customer,
            &[Field("endings"), Entry(i), Field("customer")],
            "the ending",
        );
        endings.push(Ending {
            id: id.clone(),
            kind,
            text: ending.text.clone(),
            lines,
        });
    }

    // The customer.
    let customer_path = [Field("customer")];
    c.check_text(
        &file.customer.name,
        "the customer's name",
        &[Field("customer"), Field("name")],
    );
    let m = &file.customer.meters;
    let meters = Meters {
        anger: c.check_percent(
            m.anger,
            "starting anger",
            &[Field("customer"), Field("meters"), Field("anger")],
        ),
        trust: c.check_percent(
            m.trust,
            "starting trust",
            &[Field("customer"), Field("meters"), Field("trust")],
        ),
        patience: c.check_percent(
            m.patience,
            "starting patience",
            &[Field("customer"), Field("meters"), Field("patience")],
        ),
    };
    if m.patience == 0 {
        let span = c.at(&[Field("customer"), Field("meters"), Field("patience")]);
        c.push(
            Diagnostic::error(
                Code::OutOfRange,
                "a customer with no patience hangs up at once",
                span,
            )
            .label("starting patience 0")
            .help("start patience above 0"),
        );
    }
    let t = &file.customer.temperament;
    let temperament_path = [Field("customer"), Field("temperament")];
    for (value, name) in [(t.escalation, "escalation"), (t.calming, "calming")] {
        if !(value.is_finite() && value > 0.0 && value <= 5.0) {
            let span = c.at(&[Field("customer"), Field("temperament"), Field(name)]);
            c.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("{name} of {value} is not allowed"),
                    span,
                )
                .label("a multiplier")
                .help(
                    "use a number above 0 and at most 5; 1.0 is an ordinary customer".to_string(),
                ),
            );
        }
    }
    let limit = if (1..=100).contains(&t.limit) {
        t.limit as i32
    } else {
        let span = c.at(&[Field("customer"), Field("temperament"), Field("limit")]);
        c.push(
            Diagnostic::error(
                Code::OutOfRange,
                format!("an anger limit of {} is impossible", t.limit),
                span,
            )
            .label("anger runs from 0 to 100")
            .help("use 1 to 100: the anger at which the customer gives up"),
        );
        100
    };
    if (0..=100).contains(&m.anger) && i64::from(limit) <= m.anger {
        let span = c.at(&[Field("customer"), Field("meters"), Field("anger")]);
        let limit_span = c.at(&[Field("customer"), Field("temperament"), Field("limit")]);
        c.push(
            Diagnostic::error(
                Code::OutOfRange,
                format!("starting anger {} is already at the limit {limit}", m.anger),
                span,
            )
            .label("the call would end before it starts")
            .related(limit_span, "the limit")
            .help("start anger below the limit, or raise the limit"),
        );
    }
    let give_up_ending = |c: &mut Checker,
                          name: &Option<String>,
                          field: &'static str|
     -> Option<EndingIx> {
        match name {
            Some(name) => match ending_index.get(name.as_str()) {
                // A customer at the end of their tether does not leave satisfied.
                Some(&e) if endings[e].kind.settles() => {
                    let span = c.at(&[Field("customer"), Field("temperament"), Field(field)]);
                    c.push(
                            Diagnostic::error(
                                Code::SettledGiveUp,
                                format!(
                                    "\"{name}\" is a `{}` ending, but `{field}` is how the call ends when the customer gives up",
                                    endings[e].kind.keyword()
                                ),
                                span,
                            )
                            .label("the trainee would pass by making the customer furious")
                            .help("name an ending of kind HungUp, Supervisor or Unresolved"),
                        );
                    None
                }
                Some(&e) => Some(e),
                None => {
                    let span = c.at(&[Field("customer"), Field("temperament"), Field(field)]);
                    let mut d = Diagnostic::error(
                        Code::UnknownTarget,
                        format!("no ending is called \"{name}\""),
                        span,
                    )
                    .label("must name an ending");
                    if let Some(near) =
                        suggest(name, file.endings.0.iter().map(|(k, _)| k.as_str()))
                    {
                        d = d.help(format!("did you mean \"{near}\"?"));
                    }
                    c.push(d);
                    None
                }
            },
            None => endings
                .iter()
                .position(|e| e.kind == EndingKind::HungUp)
                .or_else(|| {
                    endings
                        .iter()
                        .position(|e| e.kind == EndingKind::Supervisor)
                }),
        }
    };
    let at_limit = give_up_ending(&mut c, &t.at_limit, "at_limit");
    let out_of_patience = match &t.out_of_patience {
        Some(_) => give_up_ending(&mut c, &t.out_of_patience, "out_of_patience"),
        None => at_limit,
    };
    if t.at_limit.is_none() && at_limit.is_none() && !file.endings.0.is_empty() {
        let span = c.at(&temperament_path);
        let span = if span.is_empty() {
            c.at(&customer_path)
        } else {
            span
        };
        c.push(
            Diagnostic::error(
                Code::NoGiveUpEnding,
                "nothing happens when the customer runs out of anger or patience",
                span,
            )
            .label("the customer needs a way to give up")
            .help("add an ending with kind: HungUp or kind: Supervisor, or name one in temperament: (at_limit: \"...\")"),
        );
    }
    let rules_list = |c: &mut Checker, list: &[Keyword], field: &'static str| -> Vec<String> {
        list.iter()
            .enumerate()
            .filter(|(i, k)| {
                c.check_rule(
                    k,
                    &[
                        Field("customer"),
                        Field("temperament"),
                        Field(field),
                        Item(*i),
                    ],
                )
            })
            .map(|(_, k)| k.0.clone())
            .collect()
    };
    let triggers = rules_list(&mut c, &t.triggers, "triggers");
    let soothers = rules_list(&mut c, &t.soothers, "soothers");

    // Timing overrides.
    let mut timing = channel.default_timing();
    for (value, name) in [
        (file.timing.pause, "pause"),
        (file.timing.dead_air, "dead_air"),
    ] {
        let Some(seconds) = value else { continue };
        if !(seconds.is_finite() && (1.0..=120.0).contains(&seconds)) {
            let span = c.at(&[Field("timing"), Field(name)]);
            c.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("a {name} of {seconds} seconds is not allowed"),
                    span,
                )
                .label("seconds")
                .help("use 1 to 120 seconds, or leave it out for the channel's default"),
            );
            continue;
        }
        match name {
            "pause" => timing.pause = seconds_to_ms(seconds),
            _ => timing.dead_air = seconds_to_ms(seconds),
        }
    }
    if timing.pause >= timing.dead_air {
        let span = c.at(&[Field("timing")]);
        c.push(
            Diagnostic::error(
                Code::OutOfRange,
                "the pause must be shorter than the dead-air limit",
                span,
            )
            .label("pause >= dead_air")
            .help("a reply in the pause comes before the silence becomes dead air"),
        );
    }

    // Beats and replies.
    let mut beats = Vec::new();
    for (b, (id, beat)) in file.beats.0.iter().enumerate() {
        let lines = c.check_lines(
            &beat.customer,
            &[Field("beats"), Entry(b), Field("customer")],
            "the beat",
        );
        let when_interrupted = c.check_lines(
            &beat.when_interrupted,
            &[Field("beats"), Entry(b), Field("when_interrupted")],
            "when_interrupted",
        );
        let when_silent = c.check_lines(
            &beat.when_silent,
            &[Field("beats"), Entry(b), Field("when_silent")],
            "when_silent",
        );
        if beat.replies.is_empty() {
            let span = c.at(&[Field("beats"), Key(b)]);
            c.push(
                Diagnostic::error(Code::NoWayOut, format!("beat \"{id}\" has no replies"), span)
                    .label("the trainee would be stuck here")
                    .help("add replies, each with a `next` beat or ending"),
            );
        }
        let mut replies = Vec::new();
        for (r, reply) in beat.replies.iter().enumerate() {
            let reply_path = [Field("beats"), Entry(b), Field("replies"), Item(r)];
            let with = |last: Step<'static>| {
                let mut p = reply_path.to_vec();
                p.push(last);
                p
            };
            c.check_text(&reply.say, "the reply", &with(Field("say")));
            let follows = c.rule_list(&reply.follows, &with(Field("follows")), &[]);
            let breaks = c.rule_list(&reply.breaks, &with(Field("breaks")), &follows);
            let next = resolve(&mut c, &reply.next, &with(Field("next")));
            let mut branches = Vec::new();
            for (k, branch) in reply.branches.iter().enumerate() {
                let mut p = with(Field("branches"));
                p.push(Item(k));
                let mut when_path = p.clone();
                when_path.push(Field("when"));
                let value = match branch.when {
                    ConditionFile::TrustAtLeast(n)
                    | ConditionFile::TrustBelow(n)
                    | ConditionFile::AngerAtLeast(n)
                    | ConditionFile::AngerBelow(n)
                    | ConditionFile::PatienceAtLeast(n)
                    | ConditionFile::PatienceBelow(n) => n,
                };
                let span = c.payload_at(&when_path);
                if !(0..=100).contains(&value) {
                    c.push(
                        Diagnostic::error(
                            Code::OutOfRange,
                            format!("a condition on {value} can never be decided"),
                            span,
                        )
                        .label("meters run from 0 to 100")
                        .help("use a threshold from 0 to 100"),
                    );
                }
                let v = value.clamp(0, 100) as i32;
                let condition = match branch.when {
                    ConditionFile::TrustAtLeast(_) => Condition::TrustAtLeast(v),
                    ConditionFile::TrustBelow(_) => Condition::TrustBelow(v),
                    ConditionFile::AngerAtLeast(_) => Condition::AngerAtLeast(v),
                    ConditionFile::AngerBelow(_) => Condition::AngerBelow(v),
                    ConditionFile::PatienceAtLeast(_) => Condition::PatienceAtLeast(v),
                    ConditionFile::PatienceBelow(_) => Condition::PatienceBelow(v),
                };
                let mut next_path = p.clone();
                next_path.push(Field("next"));
                if let Some(target) = resolve(&mut c, &branch.next, &next_path) {
                    branches.push((condition, target));
                }
            }
            let effects = c.check_delta(&reply.effects, &with(Field("effects")));
            let reaction = c.check_lines(&reply.reaction, &with(Field("reaction")), "the reaction");
            if let Some(why) = &reply.why {
                c.check_text(why, "the reply's `why`", &with(Field("why")));
            }
            replies.push(Reply {
                text: reply.say.clone(),
                follows,
                breaks,
                next: next.unwrap_or(Target::Ending(0)),
                branches,
                effects,
                why: reply.why.clone(),
                reaction,
            });
        }
        beats.push(Beat {
            id: id.clone(),
            lines,
            replies,
            when_interrupted,
            when_silent,
        });
    }

    let start = match &file.start {
        Some(name) => match beat_index.get(name.as_str()) {
            Some(&b) => Some(b),
            None => {
                let span = c.at(&[Field("start")]);
                let mut d = Diagnostic::error(
                    Code::UnknownTarget,
                    format!("no beat is called \"{name}\""),
                    span,
                )
                .label("the call starts here");
                if let Some(near) = suggest(name, file.beats.0.iter().map(|(k, _)| k.as_str())) {
                    d = d.help(format!("did you mean \"{near}\"?"));
                }
                c.push(d);
                None
            }
        },
        None => (!beats.is_empty()).then_some(0),
    };

    // The reachability checks need the beats and endings to link up; other errors (a tier,
    // a meter, a rule id) do not stop them, so a trainer sees every problem at once.
    let graph_broken = c.diagnostics.iter().any(|d| {
        d.severity == super::diagnostic::Severity::Error && d.code.breaks_links()
    });
    if graph_broken || start.is_none() || endings.is_empty() {
        return (None, c.diagnostics);
    }
    let scenario = Scenario {
        id: file.id.clone(),
        title: file.title.clone(),
        brief: file.brief.clone(),
        tier,
        channel,
        language: file.language.clone(),
        pass_mark,
        requires: file.requires.clone(),
        customer: Customer {
            name: file.customer.name.clone(),
            situation: file.customer.situation.clone(),
            meters,
            temperament: Temperament {
                escalation: t.escalation,
                calming: t.calming,
                limit,
                at_limit: at_limit.unwrap_or(0),
                out_of_patience: out_of_patience.unwrap_or(0),
                triggers,
                soothers,
            },
        },
        start: start.unwrap_or(0),
        beats,
        endings,
        timing,
        path: None,
    };
    check_graph(&scenario, &mut c);
    let has_errors = c
        .diagnostics
        .iter()
        .any(|d| d.severity == super::diagnostic::Severity::Error);
    (
        if has_errors { None } else { Some(scenario) },
        c.diagnostics,
    )
}

/// Reachability: unreachable beats and endings, beats that cannot reach any ending, and
/// whether any path settles the call. Conditions are ignored here (every branch counts as
/// possible); `explore` plays the meters out to see which paths really open.
fn check_graph(s: &Scenario, c: &mut Checker) {
    use Step::*;
    let n = s.beats.len();
    let mut seen = vec![false; n];
    let mut ending_seen = vec![false; s.endings.len()];
    let mut queue = VecDeque::from([s.start]);
    seen[s.start] = true;
    while let Some(b) = queue.pop_front() {
        for reply in &s.beats[b].replies {
            for target in reply.targets() {
                match target {
                    Target::Beat(next) if !seen[next] => {
                        seen[next] = true;
                        queue.push_back(next);
                    }
                    Target::Ending(e) => ending_seen[e] = true,
                    _ => {}
                }
            }
        }
    }
    // The engine can also end the call at the anger or patience limit.
    ending_seen[s.customer.temperament.at_limit] = true;
    ending_seen[s.customer.temperament.out_of_patience] = true;

    for (b, beat) in s.beats.iter().enumerate() {
        if !seen[b] {
            let span = c.at(&[Field("beats"), Key(b)]);
            c.push(
                Diagnostic::warning(
                    Code::Unreachable,
                    format!("beat \"{}\" can never be reached", beat.id),
                    span,
                )
                .label("no reply leads here")
                .help("point a reply's `next` at it, or remove it"),
            );
        }
    }
    for (e, ending) in s.endings.iter().enumerate() {
        if !ending_seen[e] {
            let span = c.at(&[Field("endings"), Key(e)]);
            c.push(
                Diagnostic::warning(
                    Code::Unreachable,
                    format!("ending \"{}\" can never be reached", ending.id),
                    span,
                )
                .label("no reply leads here")
                .help("point a reply's `next` at it, or remove it"),
            );
        }
    }

    // Beats from which no ending can be reached: the call would go round for ever.
    let mut can_end = vec![false; n];
    loop {
        let mut changed = false;
        for (b, beat) in s.beats.iter().enumerate() {
            if can_end[b] {
                continue;
            }
            let reaches = beat
                .replies
                .iter()
                .flat_map(|r| r.targets())
                .any(|t| match t {
                    Target::Ending(_) => true,
                    Target::Beat(next) => can_end[next],
                });
            if reaches {
                can_end[b] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (b, beat) in s.beats.iter().enumerate() {
        if seen[b] && !can_end[b] && !beat.replies.is_empty() {
            let span = c.at(&[Field("beats"), Key(b)]);
            c.push(
                Diagnostic::error(Code::NoWayOut, format!("from beat \"{}\" no ending can be reached", beat.id), span)
                    .label("every reply leads back into the conversation")
                    .help("give one of the replies here, or in the beats it leads to, an ending as `next`"),
            );
        }
    }

    let reply_endings: HashSet<usize> = s
        .beats
        .iter()
        .enumerate()
        .filter(|(b, _)| seen[*b])
        .flat_map(|(_, beat)| beat.replies.iter().flat_map(|r| r.targets()))
        .filter_map(|t| match t {
            Target::Ending(e) => Some(e),
            Target::Beat(_) => None,
        })
        .collect();
    if reply_endings.is_empty() && s.beats.iter().any(|b| !b.replies.is_empty()) {
        let span = c.at(&[Field("endings")]);
        c.push(
            Diagnostic::error(Code::NoEndingReachable, "no reply leads to any ending", span)
                .label("the call can only end by the customer giving up")
                .help("point some reply's `next` at an ending"),
        );
    } else if !reply_endings.iter().any(|&e| s.endings[e].kind.settles()) {
        let span = c.at(&[Field("endings")]);
        c.push(
            Diagnostic::error(Code::NoResolution, "no path resolves the call", span)
                .label("no reachable ending is Resolved or CallBack")
                .help("add an ending with kind: Resolved (or CallBack) and lead a reply to it"),
        );
    }
}

fn is_plain_id(id: &str) -> bool {
    id.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
