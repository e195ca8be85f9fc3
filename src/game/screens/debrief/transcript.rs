//! The debrief's transcript: the call line by line, the rules each reply touched, the
//! writer's notes, and "a better reply here" where the trainee had a better choice.

use bevy::prelude::*;
use htl_core::engine::{BetterReply, Call, Event, Verdict, cut_at};
use htl_core::guidance::Catalogue;
use htl_core::i18n::{Messages, ending_kind_text};
use htl_core::scenario::Channel;
use htl_core::scoring::Delivery;

use crate::game::locale::Locale;
use crate::game::screens::call::voice_name;
use crate::game::text::short_clock;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// A "better reply here" note in the transcript.
#[derive(Component, Debug, Clone)]
pub struct BetterReplyNote(pub String);

/// The transcript's panel.
pub(super) fn panel(locale: &Locale, call: &Call, better_replies: &[BetterReply]) -> impl Bundle {
    let locale = *locale;
    let call = call.clone();
    let better_replies = better_replies.to_vec();
    widgets::titled_panel(
        (Name::new("Transcript"), widgets::panel()),
        widgets::panel_heading(locale.t("transcript-title")),
        SpawnWith(move |panel: &mut ChildSpawner| {
            spawn_transcript(panel, &locale, &call, &better_replies);
        }),
    )
}

/// Why a better reply is better, in the locale's language: the rules it keeps from being
/// broken, then those it follows.
fn better_why(locale: &Locale, catalogue: &Catalogue, better: &BetterReply) -> String {
    let names = |ids: &[String]| -> String {
        ids.iter()
            .map(|id| catalogue.rule_name(locale.lang, id))
            .collect::<Vec<_>>()
            .join(&locale.t("list-separator"))
    };
    let mut why = Vec::new();
    if !better.avoids.is_empty() {
        why.push(locale.tr("better-avoids", &[("rules", names(&better.avoids).into())]));
    }
    if !better.follows.is_empty() {
        why.push(locale.tr(
            "better-follows",
            &[("rules", names(&better.follows).into())],
        ));
    }
    locale.tr(
        "better-why",
        &[("why", why.join(&locale.t("list-separator")).into())],
    )
}

/// How to say a reply, in the locale's language ("in the pause, softly"; warmly in a chat).
fn delivery_text(locale: &Locale, channel: Channel, delivery: Delivery) -> String {
    let chat = channel == Channel::Chat;
    locale.t(match (delivery.in_the_pause, delivery.softly, chat) {
        (true, true, false) => "how-pause-and-softly",
        (true, true, true) => "how-pause-and-warmly",
        (false, true, false) => "how-softly",
        (false, true, true) => "how-warmly",
        _ => "how-in-the-pause",
    })
}

fn spawn_transcript(
    panel: &mut ChildSpawner,
    locale: &Locale,
    call: &Call,
    better_replies: &[BetterReply],
) {
    let name = call.scenario().customer.name.clone();
    let catalogue = call.catalogue();
    let scenario = call.scenario();
    let mut verdicts: Vec<String> = Vec::new();
    let flush = |panel: &mut ChildSpawner, verdicts: &mut Vec<String>| {
        if !verdicts.is_empty() {
            panel.spawn(widgets::paragraph(
                verdicts.join(" · "),
                size::SMALL,
                palette::TEXT_FAINT,
            ));
            verdicts.clear();
        }
    };
    let events = call.events();
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::CustomerLine {
                at,
                text,
                intensity,
                ..
            } => {
                // A line said over is shown as far as it was heard, and what was lost.
                let text = match cut_at(events, i) {
                    Some(cut) => locale.tr(
                        "transcript-cut",
                        &[
                            ("heard", text[..cut].to_string().into()),
                            ("rest", text[cut..].to_string().into()),
                        ],
                    ),
                    None => text.clone(),
                };
                flush(panel, &mut verdicts);
                let colour = if intensity.is_loud() {
                    Color::srgb(1.0, 0.75, 0.72)
                } else {
                    palette::TEXT
                };
                panel.spawn(widgets::paragraph(
                    locale.tr(
                        "transcript-customer",
                        &[
                            ("time", short_clock(*at).into()),
                            ("name", name.clone().into()),
                            ("text", text.into()),
                        ],
                    ),
                    size::SMALL,
                    colour,
                ));
            }
            Event::Reply {
                at,
                beat,
                reply,
                text,
                voice,
                timing,
            } => {
                flush(panel, &mut verdicts);
                // The scenario writer's own note on this reply, when they wrote one.
                let writers_note = scenario
                    .beat_index(beat)
                    .and_then(|b| scenario.beats[b].replies.get(*reply))
                    .and_then(|r| r.why.clone());
                let how = timing.text(Messages::for_screen(), locale.lang);
                let channel = scenario.channel;
                let voice = locale.tr(
                    if channel == Channel::Chat {
                        "transcript-tone"
                    } else {
                        "transcript-voice"
                    },
                    &[("voice", voice_name(locale, channel, *voice).into())],
                );
                panel.spawn(widgets::paragraph(
                    locale.tr(
                        "transcript-you",
                        &[
                            ("time", short_clock(*at).into()),
                            ("voice", voice.into()),
                            ("timing", how.into()),
                            ("text", text.clone().into()),
                        ],
                    ),
                    size::SMALL,
                    palette::ACCENT,
                ));
                if let Some(note) = writers_note {
                    panel.spawn((
                        Node {
                            margin: UiRect::left(px(24)),
                            ..default()
                        },
                        children![widgets::paragraph(note, size::SMALL, palette::TEXT_DIM)],
                    ));
                }
                if let Some(better) = better_replies.iter().find(|b| b.at == *at) {
                    let how = delivery_text(locale, channel, better.delivery);
                    let (title, lines) = if better.same_words {
                        (
                            locale.t("better-title-same"),
                            vec![locale.tr("better-same", &[("how", how.into())])],
                        )
                    } else {
                        let mut lines = vec![
                            locale.tr("better-quote", &[("text", better.better.clone().into())]),
                            better_why(locale, catalogue, better),
                        ];
                        if !better.delivery.is_fine() {
                            lines.push(locale.tr("better-said-how", &[("how", how.into())]));
                        }
                        (locale.t("better-title"), lines)
                    };
                    let lines = lines
                        .into_iter()
                        .map(|line| widgets::paragraph(line, size::SMALL, palette::TEXT));
                    panel.spawn((
                        BetterReplyNote(better.better.clone()),
                        Node {
                            flex_direction: FlexDirection::Column,
                            padding: UiRect::all(px(8)),
                            margin: UiRect::left(px(24)),
                            border: UiRect::left(px(3)),
                            ..default()
                        },
                        BorderColor::all(palette::FOCUS),
                        Children::spawn((
                            Spawn(widgets::bold(title, size::SMALL, palette::FOCUS)),
                            SpawnIter(lines.collect::<Vec<_>>().into_iter()),
                        )),
                    ));
                }
            }
            Event::Rule { rule, verdict, .. } => {
                let mark = if *verdict == Verdict::Followed {
                    "+"
                } else {
                    "x"
                };
                verdicts.push(format!("{mark} {}", catalogue.rule_name(locale.lang, rule)));
            }
            Event::Ended { text, kind, .. } => {
                flush(panel, &mut verdicts);
                panel.spawn(widgets::paragraph(
                    locale.tr(
                        "transcript-ended",
                        &[
                            (
                                "kind",
                                ending_kind_text(Messages::for_screen(), locale.lang, *kind).into(),
                            ),
                            ("text", text.clone().into()),
                        ],
                    ),
                    size::SMALL,
                    palette::TEXT,
                ));
            }
            _ => {}
        }
    }
    flush(panel, &mut verdicts);
}
