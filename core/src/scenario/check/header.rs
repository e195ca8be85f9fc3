//! The scenario's own fields: id, title and brief, tier, channel, language, pass mark,
//! prerequisites and timing.

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::ScenarioFile;
use super::super::model::{Channel, Timing};
use super::checker::{Checker, Step::*, seconds_to_ms};
use crate::guidance::suggest;
use crate::vocab::Millis;

/// The id is named, and plain; the title is written; a brief, if written, is not blank.
pub(super) fn identity(c: &mut Checker, file: &ScenarioFile) {
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
    if c.is_written(&[Field("brief")]) {
        c.check_text(&file.brief, "the brief", &[Field("brief")]);
    }
}

/// The tier, 1 to the policy's highest (1 when it is not).
pub(super) fn tier(c: &mut Checker, file: &ScenarioFile) -> u8 {
    let tiers = c.catalogue.scoring.tiers;
    if (1..=i64::from(tiers)).contains(&file.tier) {
        return file.tier as u8;
    }
    let span = c.at(&[Field("tier")]);
    c.push(
        Diagnostic::error(
            Code::UnknownTier,
            format!("there is no tier {}", file.tier),
            span,
        )
        .label(format!("tiers are 1 to {tiers}"))
        .help(format!("1 is onboarding, {tiers} the hardest calls")),
    );
    1
}

/// The channel (Phone when it is not one).
pub(super) fn channel(c: &mut Checker, file: &ScenarioFile) -> Channel {
    if let Some(&ch) = Channel::ALL
        .iter()
        .find(|ch| ch.keyword() == file.channel.0)
    {
        return ch;
    }
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

pub(super) fn language(c: &mut Checker, file: &ScenarioFile) {
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
}

/// The dialect: the case's language with a region (`"ar-EG"` in an Arabic case), so the
/// customer's stock lines are those of one market.
pub(super) fn dialect(c: &mut Checker, file: &ScenarioFile) {
    let Some(dialect) = &file.dialect else {
        return;
    };
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let region = dialect.split('-').nth(1).unwrap_or("");
    if is_language_tag(dialect)
        && primary(dialect) == primary(&file.language)
        && region.len() == 2
        && region.chars().all(|c| c.is_ascii_alphabetic())
    {
        return;
    }
    let span = c.at(&[Field("dialect")]);
    c.push(
        Diagnostic::warning(
            Code::OddDialect,
            format!(
                "\"{dialect}\" is not a dialect of the case's language \"{}\"",
                file.language
            ),
            span,
        )
        .label("expected the language with a country, such as \"ar-EG\"")
        .help("write the case's language and the two-letter country of its market: \"ar-EG\", \"ar-JO\", \"ar-SA\""),
    );
}

/// The pass mark, 1 to 100 (the tier's default when it is left out or is not).
pub(super) fn pass_mark(c: &mut Checker, file: &ScenarioFile, tier: u8) -> u8 {
    match file.pass_mark {
        None => c.catalogue.scoring.default_pass_mark(tier),
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
            c.catalogue.scoring.default_pass_mark(tier)
        }
    }
}

/// A scenario cannot require itself. (Ids no scenario has, and circles through other
/// files, are checked across the library by `load`.)
pub(super) fn requires(c: &mut Checker, file: &ScenarioFile) {
    for (i, req) in file.requires.iter().enumerate() {
        if *req == file.id {
            let span = c.at(&[Field("requires"), Item(i)]);
            c.push(
                Diagnostic::error(
                    Code::RequiresItself,
                    "a scenario cannot require itself",
                    span,
                )
                .label("this is the scenario's own id")
                .help("remove it from `requires`"),
            );
        }
    }
}

/// The channel's timing with the file's overrides, each 1 to 120 seconds, the pause
/// shorter than the dead-air limit.
pub(super) fn timing(c: &mut Checker, file: &ScenarioFile, channel: Channel) -> Timing {
    let mut timing = channel.default_timing();
    if let Some(ms) = timing_override(c, file.timing.pause, "pause") {
        timing.pause = ms;
    }
    if let Some(ms) = timing_override(c, file.timing.dead_air, "dead_air") {
        timing.dead_air = ms;
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
    timing
}

/// One of `timing`'s fields in ms, when it is written and allowed.
fn timing_override(c: &mut Checker, value: Option<f64>, name: &str) -> Option<Millis> {
    let seconds = value?;
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
        return None;
    }
    Some(seconds_to_ms(seconds))
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
