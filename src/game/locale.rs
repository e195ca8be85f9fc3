//! The language the game speaks: a resource every screen words its text with, chosen by
//! `--lang` (or HOLD_THE_LINE_LANG), else the trainee's saved choice, else the system's.
//! Changing it redraws the screen that shows; the theme mirrors the layout for Arabic and
//! Hebrew.

use bevy::prelude::*;

/// U+200F RIGHT-TO-LEFT MARK.
pub const RLM: char = '\u{200F}';
use htl_core::i18n::{Args, Lang, Messages, Value, args};

use super::Screen;
use super::actions::{UiAction, UiCommand};
use super::cases::Cases;
use super::session::Trainee;

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
        self.directed(Messages::for_screen().text(self.lang, id, Some(&a)))
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
    app.add_systems(Update, pick_language.run_if(in_state(Screen::Title)))
        // Between signing in and the case list, so the list is built in the trainee's
        // language with their language's cases first.
        .add_systems(
            OnExit(Screen::Title),
            (adopt_profile_language, order_cases).chain(),
        );
}

/// The trainee's language first within each tier (the list and "Next case" follow this
/// order); tiers count cases in every language alike.
fn order_cases(locale: Res<Locale>, mut cases: ResMut<Cases>) {
    // The case list is built after this, in the new order: flagging the library as changed
    // would only rebuild it a frame later and lose the keyboard focus.
    cases.bypass_change_detection().put_first(locale.lang);
}

/// A language button on the title screen: speak it now, redraw the title in it, and keep
/// it for the trainee who signs in next.
fn pick_language(
    mut requests: MessageReader<UiCommand>,
    mut locale: ResMut<Locale>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        if let UiAction::SetLanguage(lang) = action
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

/// When a trainee signs in: a language just picked is saved in their profile; otherwise the
/// language they saved before is spoken, unless the command line forced one.
fn adopt_profile_language(trainee: Option<ResMut<Trainee>>, mut locale: ResMut<Locale>) {
    let Some(mut trainee) = trainee else {
        return;
    };
    if locale.picked {
        if trainee.profile.language != Some(locale.lang) {
            trainee.profile.language = Some(locale.lang);
            if !trainee.guest
                && let Err(e) = trainee.store.save(&trainee.profile)
            {
                trainee.notice = Some(e.to_string());
            }
        }
    } else if !locale.forced
        && let Some(saved) = trainee.profile.language
    {
        locale.lang = saved;
    }
}
