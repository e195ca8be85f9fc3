//! The customer: name, starting meters, and temperament (how they flare, calm and give up).

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::{MetersFile, ScenarioFile, TemperamentFile};
use super::super::model::{Customer, Ending, EndingIx, EndingKind, Gender, Temperament};
use super::checker::{Checker, Step::*};
use super::names::Names;
use crate::guidance::suggest;
use crate::vocab::Meters;

pub(super) fn customer(
    c: &mut Checker,
    file: &ScenarioFile,
    names: &Names,
    endings: &[Ending],
) -> Customer {
    c.check_text(
        &file.customer.name,
        "the customer's name",
        &[Field("customer"), Field("name")],
    );
    let gender = gender(c, file);
    let meters = meters(c, &file.customer.meters);
    let temperament = temperament(c, file, names, endings);
    Customer {
        name: file.customer.name.clone(),
        gender,
        situation: file.customer.situation.clone(),
        meters,
        temperament,
    }
}

/// The customer's gender: `Female` or `Male`. Arabic and Hebrew word the customer's verbs
/// by it ("يتقدّم"/"تتقدّم" to the desk), so a case in either language should say it.
fn gender(c: &mut Checker, file: &ScenarioFile) -> Option<Gender> {
    let Some(keyword) = &file.customer.gender else {
        let primary = file.language.split(['-', '_']).next().unwrap_or("");
        if matches!(primary, "ar" | "he") {
            let span = c.at(&[Field("customer"), Field("name")]);
            c.push(
                Diagnostic::warning(
                    Code::NoGender,
                    "the customer has no `gender`: the game will word their verbs in the masculine",
                    span,
                )
                .label("whose verbs agree with their gender in Arabic and Hebrew")
                .help("add `gender: Female` or `gender: Male` to `customer`"),
            );
        }
        return None;
    };
    if let Some(&g) = Gender::ALL.iter().find(|g| g.keyword() == keyword.0) {
        return Some(g);
    }
    let span = c.at(&[Field("customer"), Field("gender")]);
    let mut d = Diagnostic::error(
        Code::UnknownGender,
        format!("there is no gender `{}`", keyword.0),
        span,
    )
    .label("not a gender");
    if let Some(near) = suggest(&keyword.0, Gender::ALL.iter().map(|g| g.keyword())) {
        d = d.help(format!("did you mean `{near}`?"));
    }
    c.push(d.help("write `gender: Female` or `gender: Male`"));
    None
}

/// Starting meters, each 0 to 100, and some patience to start with.
fn meters(c: &mut Checker, m: &MetersFile) -> Meters {
    let path = |name| [Field("customer"), Field("meters"), Field(name)];
    let meters = Meters {
        anger: c.check_percent(m.anger, "starting anger", &path("anger")),
        trust: c.check_percent(m.trust, "starting trust", &path("trust")),
        patience: c.check_percent(m.patience, "starting patience", &path("patience")),
    };
    if m.patience == 0 {
        let span = c.at(&path("patience"));
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
    meters
}

fn temperament(
    c: &mut Checker,
    file: &ScenarioFile,
    names: &Names,
    endings: &[Ending],
) -> Temperament {
    let t = &file.customer.temperament;
    multipliers(c, t);
    let limit = limit(c, t);
    anger_below_limit(c, file.customer.meters.anger, limit);
    let (at_limit, out_of_patience) = give_up_endings(c, file, names, endings);
    let triggers = c.temperament_rules(&t.triggers, "triggers");
    let soothers = c.temperament_rules(&t.soothers, "soothers");
    Temperament {
        escalation: t.escalation,
        calming: t.calming,
        limit,
        at_limit: at_limit.unwrap_or(0),
        out_of_patience: out_of_patience.unwrap_or(0),
        triggers,
        soothers,
    }
}

/// `escalation` and `calming`: above 0 and at most 5.
fn multipliers(c: &mut Checker, t: &TemperamentFile) {
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
}

/// The anger limit, 1 to 100 (100 when it is not).
fn limit(c: &mut Checker, t: &TemperamentFile) -> i32 {
    if (1..=100).contains(&t.limit) {
        return t.limit as i32;
    }
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
}

/// The call must not end before it starts.
fn anger_below_limit(c: &mut Checker, anger: i64, limit: i32) {
    if (0..=100).contains(&anger) && i64::from(limit) <= anger {
        let span = c.at(&[Field("customer"), Field("meters"), Field("anger")]);
        let limit_span = c.at(&[Field("customer"), Field("temperament"), Field("limit")]);
        c.push(
            Diagnostic::error(
                Code::OutOfRange,
                format!("starting anger {anger} is already at the limit {limit}"),
                span,
            )
            .label("the call would end before it starts")
            .related(limit_span, "the limit")
            .help("start anger below the limit, or raise the limit"),
        );
    }
}

/// The endings for running out of anger (`at_limit`) and of patience (`out_of_patience`,
/// the same unless named); there must be one when the file has endings at all.
fn give_up_endings(
    c: &mut Checker,
    file: &ScenarioFile,
    names: &Names,
    endings: &[Ending],
) -> (Option<EndingIx>, Option<EndingIx>) {
    let t = &file.customer.temperament;
    let at_limit = give_up_ending(c, names, endings, &t.at_limit, "at_limit");
    let out_of_patience = match &t.out_of_patience {
        Some(_) => give_up_ending(c, names, endings, &t.out_of_patience, "out_of_patience"),
        None => at_limit,
    };
    if t.at_limit.is_none() && at_limit.is_none() && !file.endings.0.is_empty() {
        let span = c.at(&[Field("customer"), Field("temperament")]);
        let span = if span.is_empty() {
            c.at(&[Field("customer")])
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
    (at_limit, out_of_patience)
}

/// The ending `field` names, which must not settle the call; unnamed, the first HungUp
/// ending, or else the first Supervisor one.
fn give_up_ending(
    c: &mut Checker,
    names: &Names,
    endings: &[Ending],
    name: &Option<String>,
    field: &'static str,
) -> Option<EndingIx> {
    let Some(name) = name else {
        let first = |kind| endings.iter().position(|e| e.kind == kind);
        return first(EndingKind::HungUp).or_else(|| first(EndingKind::Supervisor));
    };
    let span = c.at(&[Field("customer"), Field("temperament"), Field(field)]);
    match names.ending(name) {
        // A customer at the end of their tether does not leave satisfied.
        Some(e) if endings[e].kind.settles() => {
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
        Some(e) => Some(e),
        None => {
            let mut d = Diagnostic::error(
                Code::UnknownTarget,
                format!("no ending is called \"{name}\""),
                span,
            )
            .label("must name an ending");
            if let Some(near) = suggest(name, names.ending_names()) {
                d = d.help(format!("did you mean \"{near}\"?"));
            }
            c.push(d);
            None
        }
    }
}
