//! Words in three languages: Project Fluent message files under `assets/locales/LANG/`,
//! compiled in, with CLDR plural rules. The engine returns typed values; the game, the
//! command-line tools and reports word them here.
//!
//! To add a language: a `Lang` variant, a folder of `.ftl` files with the same ids as
//! `assets/locales/en/`, and a line in `SOURCES`. The tests fail until every id is there.

mod lang;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::{FluentArgs as Args, FluentValue as Value};
pub use lang::Lang;

use crate::vocab::{EndingKind, Note};

/// A language's message files, compiled in: the guidance, what the engine says, the game's
/// own words, the trainer report's.
macro_rules! message_files {
    ($lang:literal) => {
        &[
            (
                "guidance.ftl",
                include_str!(concat!("../../../assets/locales/", $lang, "/guidance.ftl")),
            ),
            (
                "engine.ftl",
                include_str!(concat!("../../../assets/locales/", $lang, "/engine.ftl")),
            ),
            (
                "ui.ftl",
                include_str!(concat!("../../../assets/locales/", $lang, "/ui.ftl")),
            ),
            (
                "report.ftl",
                include_str!(concat!("../../../assets/locales/", $lang, "/report.ftl")),
            ),
        ]
    };
}

/// Every message file, by language, in load order.
const SOURCES: [(Lang, &[(&str, &str)]); 3] = [
    (Lang::En, message_files!("en")),
    (Lang::Ar, message_files!("ar")),
    (Lang::He, message_files!("he")),
];

/// The message files of every language, ready to format.
pub struct Messages {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
    /// Problems found while loading (syntax errors, duplicate ids), for the tests to show.
    problems: Vec<String>,
}

/// For screens: placeables are wrapped in direction isolates (U+2068 ... U+2069), so an
/// English name inside an Arabic sentence keeps its own direction.
static ISOLATED: LazyLock<Messages> = LazyLock::new(|| Messages::load(true));
/// For terminals, JSON and files: no invisible marks.
static PLAIN: LazyLock<Messages> = LazyLock::new(|| Messages::load(false));

impl Messages {
    /// The messages for drawing on screen.
    pub fn for_screen() -> &'static Messages {
        &ISOLATED
    }

    /// The messages for terminals and files.
    pub fn plain() -> &'static Messages {
        &PLAIN
    }

    fn load(isolating: bool) -> Messages {
        let mut problems = Vec::new();
        let bundles = SOURCES
            .iter()
            .map(|(lang, files)| {
                let id = lang.code().parse().expect("a valid language tag");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(isolating);
                for (name, source) in files.iter() {
                    let resource = match FluentResource::try_new(source.to_string()) {
                        Ok(r) => r,
                        Err((r, errors)) => {
                            problems.push(format!("{lang}/{name}: {errors:?}"));
                            r
                        }
                    };
                    if let Err(errors) = bundle.add_resource(resource) {
                        problems.push(format!("{lang}/{name}: {errors:?}"));
                    }
                }
                (*lang, bundle)
            })
            .collect();
        Messages { bundles, problems }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("every language is loaded")
            .1
    }

    /// Whether `lang` has message `id` itself (no fallback).
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// Message `id` in `lang` with `args`; English when `lang` lacks it; the id itself when
    /// no language has it (the tests make sure that never ships).
    pub fn text(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        for lang in [lang, Lang::En] {
            let bundle = self.bundle(lang);
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_string()
    }

    /// Attribute `attribute` of message `id` in `lang` (`.eg` of `stock-retort-1`), without
    /// arguments and without falling back: None when that language does not write it.
    pub fn attribute(&self, lang: Lang, id: &str, attribute: &str) -> Option<String> {
        let bundle = self.bundle(lang);
        let pattern = bundle.get_message(id)?.get_attribute(attribute)?.value();
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }

    /// Message `id` in `lang` without arguments.
    pub fn get(&self, lang: Lang, id: &str) -> String {
        self.text(lang, id, None)
    }

    /// Every message id of a language, from its sources.
    pub fn ids(lang: Lang) -> Vec<String> {
        let (_, files) = SOURCES.iter().find(|(l, _)| *l == lang).expect("loaded");
        files
            .iter()
            .filter_map(|(_, source)| FluentResource::try_new(source.to_string()).ok())
            .flat_map(|r| {
                r.entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// A verdict note or a meter's reason in `lang`; `rule` is the rule's name in that language
/// (the words of `Followed` and `Broke` are the rule's own). In a chat a voice is a tone
/// (warm, curt): a note with a `-chat` wording uses it there.
pub fn note_text(messages: &Messages, lang: Lang, note: Note, rule: &str, in_chat: bool) -> String {
    let a = match note {
        Note::Silence { seconds } => args(&[("seconds", seconds.into())]),
        Note::Waited { minutes } => args(&[("minutes", minutes.into())]),
        _ => args(&[("rule", rule.to_string().into())]),
    };
    let chat_id = format!("{}-chat", note.message_id());
    let id = if in_chat && messages.has(Lang::En, &chat_id) {
        chat_id.as_str()
    } else {
        note.message_id()
    };
    messages.text(lang, id, Some(&a))
}

/// How a call ended, in `lang` ("resolved", "customer hung up").
pub fn ending_kind_text(messages: &Messages, lang: Lang, kind: EndingKind) -> String {
    let id = match kind {
        EndingKind::Resolved => "ending-resolved",
        EndingKind::CallBack => "ending-call-back",
        EndingKind::Supervisor => "ending-supervisor",
        EndingKind::Handover => "ending-handover",
        EndingKind::HungUp => "ending-hung-up",
        EndingKind::Unresolved => "ending-unresolved",
    };
    messages.get(lang, id)
}

// Here, not in `vocab`, so the shared words import nothing above them.
impl EndingKind {
    /// In English, for transcripts and tools ([`ending_kind_text`] words it in others).
    pub fn label(self) -> String {
        ending_kind_text(Messages::plain(), Lang::En, self)
    }
}

/// Arguments for a message: `args(&[("seconds", 10.into())])`.
pub fn args<'a>(pairs: &[(&'a str, fluent_bundle::FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (k, v) in pairs {
        out.set(*k, v.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_file_parses_and_every_language_has_every_english_id() {
        let messages = Messages::plain();
        assert!(messages.problems().is_empty(), "{:?}", messages.problems());
        let english = Messages::ids(Lang::En);
        assert!(english.len() > 50);
        for lang in Lang::ALL {
            let ids = Messages::ids(lang);
            let missing: Vec<&String> = english.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<&String> = ids.iter().filter(|id| !english.contains(id)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        }
    }

    #[test]
    fn arabic_and_hebrew_plurals_choose_their_own_forms() {
        let m = Messages::plain();
        let silence =
            |lang, n: u32| m.text(lang, "note-silence", Some(&args(&[("seconds", n.into())])));
        // English: one and other.
        assert!(silence(Lang::En, 1).ends_with("1 second"));
        assert!(silence(Lang::En, 10).ends_with("10 seconds"));
        // Arabic words 1, 2, 3-10 and 11+ differently; Hebrew 1, 2 and the rest.
        let arabic: Vec<String> = [1, 2, 3, 11].map(|n| silence(Lang::Ar, n)).into();
        for (i, a) in arabic.iter().enumerate() {
            for b in &arabic[i + 1..] {
                assert_ne!(
                    a.replace(char::is_numeric, ""),
                    b.replace(char::is_numeric, "")
                );
            }
        }
        assert_ne!(
            silence(Lang::He, 1).replace(char::is_numeric, ""),
            silence(Lang::He, 10).replace(char::is_numeric, "")
        );
        assert_ne!(
            silence(Lang::He, 2).replace(char::is_numeric, ""),
            silence(Lang::He, 10).replace(char::is_numeric, "")
        );
    }

    #[test]
    fn arabic_counts_from_a_hundred_take_the_singular_not_the_accusative_of_eleven() {
        // 11-99 count in the accusative singular (١١ ملفًا), 100-102 in the genitive (١٠٠ ملفّ).
        let m = Messages::plain();
        for (id, arg) in [("title-more-profiles", "count"), ("broken-title", "errors")] {
            let say = |n: u32| {
                m.text(
                    Lang::Ar,
                    id,
                    Some(&args(&[(arg, n.into()), ("file", "x.ron".into())])),
                )
                .replace(char::is_numeric, "")
            };
            assert_ne!(say(11), say(100), "{id}");
            assert!(
                !say(100).contains("ًا") && !say(101).contains("أً"),
                "{id}: {}",
                say(100)
            );
        }
    }

    #[test]
    fn screen_text_isolates_placeables_and_plain_text_does_not() {
        let a = args(&[("rule", "Take ownership".into())]);
        let screen = Messages::for_screen().text(Lang::Ar, "note-broke", Some(&a));
        assert!(
            screen.contains('\u{2068}') && screen.contains('\u{2069}'),
            "{screen}"
        );
        let plain = Messages::plain().text(Lang::En, "note-broke", Some(&a));
        assert_eq!(plain, "broke \"Take ownership\"");
    }

    #[test]
    fn a_missing_id_falls_back_to_english_then_to_the_id() {
        let m = Messages::plain();
        assert_eq!(m.get(Lang::Ar, "no-such-message"), "no-such-message");
    }
}
