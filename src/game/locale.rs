//! The language the game speaks: a resource every screen words its text with, chosen by
//! `--lang` (or HOLD_THE_LINE_LANG), else the trainee's saved choice, else the system's.
//! Changing it redraws the screen that shows; the theme mirrors the layout for Arabic and
//! Hebrew.

use bevy::prelude::*;
use htl_core::i18n::{Args, Lang, Messages, Value, args};

use super::Screen;
use super::actions::{TitleAction, UiCommand};

/// U+200F RIGHT-TO-LEFT MARK.
pub const RLM: char = '\u{200F}';

/// The UI language now.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    /// Set by `--lang` or the environment: a profile's saved choice does not override it.
    pub forced: bool,
    /// Picked on the title screen this session: saved into the profile that signs in next.
    pub picked: bool,
}

impl Locale {
    /// Message `id` in this language (English where a translation is missing).
    pub fn t(&self, id: &str) -> String {
        self.directed(Messages::for_screen().get(self.lang, id))
    }

    /// Message `id` with arguments: `locale.tr("case-attempts", &[("n", 3.into())])`.
    pub fn tr(&self, id: &str, pairs: &[(&str, Value<'_>)]) -> String {
        let a: Args = args(pairs);
        self.directed(plain_numbers(
            Messages::for_screen().text(self.lang, id, Some(&a)),
            self.is_rtl(),
        ))
    }

    /// A paragraph takes its direction from its first strong letter, so a message that opens
    /// with a number or a Latin name would run left to right in Arabic: a right-to-left mark
    /// (drawn as nothing) makes it read right to left.
    fn directed(&self, text: String) -> String {
        if self.is_rtl() {
            format!("{RLM}{text}")
        } else {
            text
        }
    }

    /// Written right to left: the layout mirrors.
    pub fn is_rtl(&self) -> bool {
        self.lang.is_rtl()
    }
}

/// Numbers (and percentages: "60%") need no direction isolates (digits keep their order in
/// either direction, and a percent sign after digits goes with them), so the
/// marks Fluent puts around a number are dropped: "85 (passed)" reads and compares as typed.
/// A signed number in right-to-left text is the exception: its sign is a neutral that would
/// take the sentence's direction and land after the digits ("3-"), so it is kept left to
/// right in an isolate of its own ("-3").
fn plain_numbers(text: String, rtl: bool) -> String {
    const LEFT_TO_RIGHT_ISOLATE: char = '\u{2066}';
    const OPEN: char = '\u{2068}';
    const CLOSE: char = '\u{2069}';
    if !text.contains(OPEN) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len_utf8()..];
        match after.find([OPEN, CLOSE]) {
            Some(end)
                if after[end..].starts_with(CLOSE)
                    && end > 0
                    && after[..end].chars().all(|c| {
                        c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-' | '/' | '%')
                    }) =>
            {
                let number = &after[..end];
                if rtl && number.starts_with(['+', '-']) {
                    out.push(LEFT_TO_RIGHT_ISOLATE);
                    out.push_str(number);
                    out.push(CLOSE);
                } else {
                    out.push_str(number);
                }
                rest = &after[end + CLOSE.len_utf8()..];
            }
            _ => {
                out.push(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Locale {
    /// The language to start in: forced by the command line or the environment, else the
    /// system's (a trainee's saved choice applies when they sign in).
    pub fn starting(forced: Option<Lang>) -> Locale {
        Locale {
            lang: forced.unwrap_or_else(Lang::from_system),
            forced: forced.is_some(),
            picked: false,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    // Signing in adopts the trainee's language (`session.rs`) and orders the cases by it
    // (`cases.rs`), on leaving the title.
    app.add_systems(Update, pick_language.run_if(in_state(Screen::Title)));
}

/// A language button on the title screen: speak it now, redraw the title in it, and keep
/// it for the trainee who signs in next.
fn pick_language(
    mut requests: MessageReader<UiCommand<TitleAction>>,
    mut locale: ResMut<Locale>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        if let TitleAction::SetLanguage(lang) = action
            && locale.lang != *lang
        {
            *locale = Locale {
                lang: *lang,
                forced: false,
                picked: true,
            };
            // Enter the title again: it is rebuilt in the new language (and direction).
            next.set(Screen::Title);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::plain_numbers;

    #[test]
    fn numbers_lose_their_isolates_and_words_keep_them() {
        assert_eq!(
            plain_numbers(
                "\u{2068}85\u{2069} (passed) \u{2068}Noor\u{2069}".into(),
                false
            ),
            "85 (passed) \u{2068}Noor\u{2069}"
        );
        assert_eq!(plain_numbers("\u{2068}-3\u{2069}".into(), false), "-3");
        assert_eq!(
            plain_numbers("\u{2068}\u{2069}".into(), false),
            "\u{2068}\u{2069}"
        );
    }

    #[test]
    fn a_signed_number_in_right_to_left_text_keeps_its_sign_in_front() {
        // Unsigned numbers read the same either way; "-3" must not show as "3-".
        assert_eq!(plain_numbers("\u{2068}85\u{2069}".into(), true), "85");
        assert_eq!(
            plain_numbers("\u{2068}-3\u{2069} غضب".into(), true),
            "\u{2066}-3\u{2069} غضب"
        );
    }
}
