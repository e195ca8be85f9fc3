//! The debrief's transcript: the call line by line, the rules each reply touched, the
//! writer's notes, and "a better reply here" where the trainee had a better choice.

use bevy::prelude::*;
use htl_core::engine::{BetterReply, Call, Event, Verdict};

use crate::game::text::short_clock;
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// A "better reply here" note in the transcript.
#[derive(Component, Debug, Clone)]
pub struct BetterReplyNote(pub String);

/// The transcript's panel.
pub(super) fn panel(fonts: &UiFonts, call: &Call, better_replies: &[BetterReply]) -> impl Bundle {
    let fonts = fonts.clone();
    let call = call.clone();
    let better_replies = better_replies.to_vec();
    (
        Name::new("Transcript"),
        Node { ..widgets::panel() },
        BackgroundColor(palette::PANEL),
        Children::spawn(SpawnWith(move |panel: &mut ChildSpawner| {
            panel.spawn(widgets::bold(
                &fonts,
                "The call, line by line",
                size::LARGE,
                palette::TEXT,
            ));
            spawn_transcript(panel, &fonts, &call, &better_replies);
        })),
    )
}

fn spawn_transcript(
    panel: &mut ChildSpawner,
    fonts: &UiFonts,
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
                fonts,
                verdicts.join(" · "),
                size::SMALL,
                palette::TEXT_FAINT,
            ));
            verdicts.clear();
        }
    };
    for event in call.events() {
        match event {
            Event::CustomerLine {
                at,
                text,
                intensity,
                ..
            } => {
                flush(panel, &mut verdicts);
                let colour = if intensity.is_loud() {
                    Color::srgb(1.0, 0.75, 0.72)
                } else {
                    palette::TEXT
                };
                panel.spawn(widgets::paragraph(
                    fonts,
                    format!("{}  {name}: {text}", short_clock(*at),),
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
                let how = timing.label();
                let channel = scenario.channel;
                let voice = crate::game::screens::call::voice_name(channel, *voice);
                let voice = if channel == htl_core::scenario::Channel::Chat {
                    format!("{voice} tone")
                } else {
                    format!("{voice} voice")
                };
                panel.spawn(widgets::paragraph(
                    fonts,
                    format!("{}  You ({voice}, {how}): {text}", short_clock(*at)),
                    size::SMALL,
                    palette::ACCENT,
                ));
                if let Some(note) = writers_note {
                    panel.spawn((
                        Node {
                            margin: UiRect::left(px(24)),
                            ..default()
                        },
                        children![widgets::paragraph(
                            fonts,
                            note,
                            size::SMALL,
                            palette::TEXT_DIM
                        )],
                    ));
                }
                if let Some(better) = better_replies.iter().find(|b| b.at == *at) {
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
                        children![
                            widgets::bold(
                                fonts,
                                "A better reply here:",
                                size::SMALL,
                                palette::FOCUS
                            ),
                            widgets::paragraph(
                                fonts,
                                format!("\"{}\"", better.better),
                                size::SMALL,
                                palette::TEXT
                            ),
                            widgets::paragraph(
                                fonts,
                                format!("Why: {}.", better.why),
                                size::SMALL,
                                palette::TEXT_DIM
                            ),
                        ],
                    ));
                }
            }
            Event::Rule { rule, verdict, .. } => {
                let mark = if *verdict == Verdict::Followed {
                    "+"
                } else {
                    "x"
                };
                let summary = catalogue
                    .get(rule)
                    .map_or(rule.as_str(), |r| r.summary.as_str());
                verdicts.push(format!("{mark} {summary}"));
            }
            Event::Ended { text, kind, .. } => {
                flush(panel, &mut verdicts);
                panel.spawn(widgets::paragraph(
                    fonts,
                    format!("Ended: {}. {text}", kind.label()),
                    size::SMALL,
                    palette::TEXT,
                ));
            }
            _ => {}
        }
    }
    flush(panel, &mut verdicts);
}
