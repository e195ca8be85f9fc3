//! The kinds of problem a scenario file can have. Each has a stable kebab-case name
//! (`unknown-rule`), shown as `error[unknown-rule]` and written as `"code"` by
//! `check --json`; trainers and scripts search for it, so a name never changes.

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    // Reading the file.
    /// The file could not be opened or read (missing, no permission, a folder or pipe).
    Unreadable,
    /// The file is over the size limit for a scenario, so it is not read.
    TooLarge,
    /// The text is not UTF-8 (UTF-16, or a byte that is not UTF-8).
    NotUtf8,
    /// The file is binary, not text (a NUL byte or invalid bytes among NULs).
    NotText,
    /// The file holds only blank lines and comments.
    EmptyFile,
    /// The text is not valid RON for a scenario (a typo, a missing or unknown field).
    Syntax,

    // Values.
    /// Text that must say something (a title, a reply, a line, an id) is blank.
    EmptyText,
    /// A number outside what it may be (a meter, a pause, a threshold, a multiplier).
    OutOfRange,
    /// The scenario id has spaces or symbols.
    OddId,
    /// Text with a character the game's fonts cannot draw (an emoji, another script).
    Undrawable,
    /// A tier other than 1 to 4.
    UnknownTier,
    /// A channel that is not Phone, Chat or FrontDesk.
    UnknownChannel,
    /// The language is not a BCP 47 tag such as "en" or "ar-EG".
    OddLanguage,
    /// A dialect that is not the case's language with a region ("ar-EG" in an Arabic case).
    OddDialect,
    /// An ending kind that is not one of Resolved, CallBack, Supervisor, HungUp, Unresolved.
    UnknownEndingKind,
    /// A customer gender that is not Female or Male.
    UnknownGender,
    /// An Arabic or Hebrew case whose customer has no gender: the game words their verbs
    /// in the masculine.
    NoGender,

    // Guidance rules.
    /// A rule id that the guidance catalogue does not have.
    UnknownRule,
    /// A reply lists the same rule in both `follows` and `breaks`.
    FollowsAndBreaks,
    /// A reply tags a rule the engine judges from the trainee's timing and voice.
    MeasuredFromPlay,
    /// A rule listed twice in one list.
    RepeatedRule,
    /// A reply that breaks a rule and has no `why`: the debrief cannot say what was wrong.
    UnexplainedBreak,

    // Names and links.
    /// Two beats or endings (or two scenario files) share an id.
    DuplicateId,
    /// A `next`, `start` or give-up ending names no beat or ending in the file.
    UnknownTarget,
    /// The scenario has no beats.
    NoBeats,
    /// The scenario has no endings.
    NoEndings,
    /// A beat with no replies, or one from which no ending can be reached.
    NoWayOut,
    /// A give-up ending (`at_limit`, `out_of_patience`) that settles the call.
    SettledGiveUp,
    /// No ending for the customer running out of anger or patience.
    NoGiveUpEnding,
    /// A beat or ending that no path from the start reaches.
    Unreachable,
    /// No reply leads to any ending.
    NoEndingReachable,
    /// No reachable ending is Resolved or CallBack.
    NoResolution,
    /// A case about a request for a supervisor with no `Handover` ending: agreeing and
    /// preparing the handover, as the guidance teaches, cannot pass.
    NoHandover,

    // Lines.
    /// A pause at the start or end of a list of lines, where it does nothing.
    PauseAtEdge,

    /// A reply card mentions something the customer only says in a later line of its beat,
    /// and no `after` says when the card may appear.
    AnswersUnsaid,

    // Teaching.
    /// One of `explore`'s adversarial trainees (a bored trainee gaming the score) passes
    /// the case: it teaches the wrong lesson.
    Gameable,

    // Prerequisites.
    /// A scenario lists its own id in `requires`.
    RequiresItself,
    /// `requires` names an id no scenario has.
    UnknownScenario,
    /// Two scenarios require each other, directly or round a circle.
    RequiresCycle,

    // Shifts (`*.shift.ron`).
    /// A shift names a case in another language than its own.
    OtherLanguage,
    /// A pool of cases that matches no case.
    EmptyPool,
    /// A case's follow-ups lead back to it: the customer would call for ever.
    FollowUpLoop,
    /// A case in a shift can end with a promised call-back, and the shift names no
    /// follow-up for it: the promise could never come due.
    NoFollowUp,
    /// A time of day that is not `HH:MM`.
    OddTime,
}

impl Code {
    /// The stable name, as written in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "unreadable",
            Code::TooLarge => "too-large",
            Code::NotUtf8 => "not-utf8",
            Code::NotText => "not-text",
            Code::EmptyFile => "empty-file",
            Code::Syntax => "syntax",
            Code::EmptyText => "empty-text",
            Code::OutOfRange => "out-of-range",
            Code::OddId => "odd-id",
            Code::Undrawable => "undrawable",
            Code::UnknownTier => "unknown-tier",
            Code::UnknownChannel => "unknown-channel",
            Code::OddLanguage => "odd-language",
            Code::OddDialect => "odd-dialect",
            Code::UnknownEndingKind => "unknown-ending-kind",
            Code::UnknownGender => "unknown-gender",
            Code::NoGender => "no-gender",
            Code::UnknownRule => "unknown-rule",
            Code::FollowsAndBreaks => "follows-and-breaks",
            Code::MeasuredFromPlay => "measured-from-play",
            Code::RepeatedRule => "repeated-rule",
            Code::UnexplainedBreak => "unexplained-break",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownTarget => "unknown-target",
            Code::NoBeats => "no-beats",
            Code::NoEndings => "no-endings",
            Code::NoWayOut => "no-way-out",
            Code::SettledGiveUp => "settled-give-up",
            Code::NoGiveUpEnding => "no-give-up-ending",
            Code::Unreachable => "unreachable",
            Code::NoEndingReachable => "no-ending-reachable",
            Code::NoResolution => "no-resolution",
            Code::NoHandover => "no-handover",
            Code::PauseAtEdge => "pause-at-edge",
            Code::AnswersUnsaid => "answers-unsaid",
            Code::Gameable => "gameable",
            Code::RequiresItself => "requires-itself",
            Code::UnknownScenario => "unknown-scenario",
            Code::RequiresCycle => "requires-cycle",
            Code::OtherLanguage => "other-language",
            Code::EmptyPool => "empty-pool",
            Code::FollowUpLoop => "follow-up-loop",
            Code::NoFollowUp => "no-follow-up",
            Code::OddTime => "odd-time",
        }
    }

    /// Whether an error of this kind leaves the beats and endings unable to link up, so
    /// the reachability checks cannot run. An unknown ending kind counts: which endings
    /// resolve the call is then a guess, and "no path resolves the call" would be a
    /// knock-on of the typo. Other errors (a tier, a meter, a rule id) do
    /// not stop them, so a trainer sees every problem at once.
    pub fn breaks_links(self) -> bool {
        matches!(
            self,
            Code::UnknownTarget
                | Code::UnknownEndingKind
                | Code::DuplicateId
                | Code::NoBeats
                | Code::NoEndings
                | Code::NoWayOut
        )
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn serializes_as_its_name() {
        assert_eq!(
            serde_json::to_string(&Code::NoEndingReachable).unwrap(),
            "\"no-ending-reachable\""
        );
        assert_eq!(Code::NotUtf8.to_string(), "not-utf8");
    }
}
