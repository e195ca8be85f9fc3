//! The call's conversation panel: the customer's lines as bubbles revealed as spoken (a
//! shouted line shakes), the trainee's replies, the ending; only the newest lines stay.

use bevy::prelude::*;
use htl_core::engine::{Event, LineKind, Phase, ReplyTiming};
use htl_core::i18n::{Messages, ending_kind_text};
use htl_core::scenario::{Channel, Gender, Intensity, Scenario};

use super::{CallView, FreshEvents, voice_name};
use crate::game::a11y;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, LiveCall, Trainee};
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, Side, size};

/// Lines kept on screen; the debrief has the whole transcript.
const VISIBLE_BUBBLES: usize = 6;

#[derive(Component)]
pub(super) struct Conversation;
/// A line in the conversation, in order of arrival.
#[derive(Component)]
pub struct Bubble {
    pub order: usize,
    pub text: String,
    pub from_customer: bool,
}
/// The label above a customer's line (who, and how they said it).
#[derive(Component)]
pub(super) struct LineLabel;

/// The line the customer is saying now, revealed as they speak (its `Text` is what shows).
#[derive(Component)]
pub struct Speaking {
    text: String,
    intensity: Intensity,
}
/// The note in the empty conversation before the first line.
#[derive(Component)]
pub(super) struct CallOpening;
#[derive(Component)]
struct EndingBanner;

/// The conversation panel; until the first line, it says what is happening.
pub(super) fn panel(locale: &Locale, s: &Scenario) -> impl Bundle {
    let name = [
        ("name", s.customer.name.clone().into()),
        ("gender", Gender::selector(s.customer.gender).into()),
    ];
    (
        Conversation,
        Name::new("Conversation"),
        a11y::conversation_node(),
        Node {
            flex_grow: 1.0,
            flex_direction: FlexDirection::Column,
            justify_content: JustifyContent::FlexEnd,
            row_gap: px(8),
            padding: UiRect::all(px(14)),
            border_radius: BorderRadius::all(px(10)),
            overflow: Overflow::clip(),
            ..default()
        },
        BackgroundColor(palette::PANEL),
        children![(
            CallOpening,
            Node {
                flex_grow: 1.0,
                align_self: AlignSelf::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            children![widgets::text(
                locale.tr(
                    match s.channel {
                        Channel::Phone => "call-incoming-phone",
                        Channel::Chat => "call-incoming-chat",
                        Channel::FrontDesk => "call-incoming-desk",
                    },
                    &name,
                ),
                size::LARGE,
                palette::TEXT_FAINT,
            )],
        )],
    )
}

fn bubble_style(
    intensity: Intensity,
    from_customer: bool,
    kind: Option<LineKind>,
) -> (Color, Color, f32, bool) {
    if !from_customer {
        return (palette::TRAINEE_BUBBLE, palette::TEXT, size::BODY, false);
    }
    match (intensity, kind) {
        // A parting line is calm unless the customer leaves shouting.
        (Intensity::Even | Intensity::Quiet, Some(LineKind::Farewell)) => {
            (palette::PANEL_RAISED, palette::TEXT, size::BODY, false)
        }
        (Intensity::Shout, _) => (
            palette::SHOUT_BUBBLE,
            Color::srgb(1.0, 0.86, 0.84),
            size::LARGE + 3.0,
            true,
        ),
        (Intensity::Raised, _) => (
            palette::RAISED_BUBBLE,
            Color::srgb(1.0, 0.92, 0.88),
            size::LARGE,
            true,
        ),
        (Intensity::Even, _) => (palette::CUSTOMER_BUBBLE, palette::TEXT, size::BODY, false),
        (Intensity::Quiet, _) => (
            palette::CUSTOMER_BUBBLE,
            palette::TEXT_DIM,
            size::BODY,
            false,
        ),
    }
}

/// A line's words in a bubble wrap at word boundaries.
fn wrapping() -> TextLayout {
    TextLayout::new(Justify::Start, LineBreak::WordBoundary)
}

/// Turns the engine's new lines into bubbles, and the ending into a banner.
#[allow(clippy::too_many_arguments)]
pub(super) fn show_lines(
    mut commands: Commands,
    fresh: Res<FreshEvents>,
    mut view: ResMut<CallView>,
    conversation: Query<Entity, With<Conversation>>,
    bubbles: Query<(Entity, &Bubble)>,
    speaking: Query<Entity, With<Speaking>>,
    opening: Query<Entity, With<CallOpening>>,
    case: Res<CurrentCase>,
    locale: Res<Locale>,
    parents: Query<&ChildOf>,
    kids: Query<&Children>,
    mut labels: Query<&mut Text, With<LineLabel>>,
) {
    let Ok(conversation) = conversation.single() else {
        return;
    };
    let speaks = fresh
        .events
        .iter()
        .any(|e| matches!(e, Event::CustomerLine { .. } | Event::Reply { .. }));
    if speaks {
        for opening in &opening {
            commands.entity(opening).despawn();
        }
    }
    let name = case.0.customer.name.clone();
    // Arabic and Hebrew word the customer's verbs by their gender.
    let gender = Gender::selector(case.0.customer.gender);
    let mut conversation = commands.entity(conversation);
    // Bubbles spawned this frame are not in the `bubbles` query until the commands apply.
    let mut spawned_now = 0;
    for event in fresh.events.iter().cloned() {
        match event {
            Event::CustomerLine {
                kind,
                intensity,
                text,
                duration,
                ..
            } => {
                // The line before is no longer being spoken.
                for e in &speaking {
                    conversation.commands().entity(e).remove::<Speaking>();
                }
                let (bg, fg, font_size, is_bold) = bubble_style(intensity, true, Some(kind));
                let chat = case.0.channel == Channel::Chat;
                let how = match kind {
                    LineKind::Retort => Some("line-cut-off"),
                    LineKind::Nudge if chat => Some("line-after-silence"),
                    LineKind::Nudge => Some("line-into-silence"),
                    _ if intensity == Intensity::Shout && chat => Some("line-shouting-in-chat"),
                    _ if intensity == Intensity::Shout => Some("line-shouting"),
                    _ if intensity == Intensity::Raised && chat => Some("line-heated"),
                    _ if intensity == Intensity::Raised => Some("line-voice-raised"),
                    _ => None,
                };
                let label = how.map_or_else(
                    || name.clone(),
                    |id| {
                        locale.tr(
                            id,
                            &[("name", name.clone().into()), ("gender", gender.into())],
                        )
                    },
                );
                let order = view.bubbles;
                view.bubbles += 1;
                spawned_now += 1;
                let line = Bubble {
                    order,
                    text: text.clone(),
                    from_customer: true,
                };
                let read = a11y::line_node(&label, &text, case.0.speech_language());
                let label = (
                    widgets::text(label, size::SMALL, palette::TEXT_DIM),
                    LineLabel,
                );
                if duration > 0 {
                    // Revealed word by word as it is spoken.
                    let body = widgets::styled_text("", font_size, fg, is_bold);
                    let speaking = Speaking {
                        text: text.clone(),
                        intensity,
                    };
                    conversation.with_child((
                        line,
                        read,
                        widgets::bubble(Side::Them, bg, label, (body, wrapping(), speaking)),
                    ));
                } else {
                    let body = widgets::styled_text(text, font_size, fg, is_bold);
                    conversation.with_child((
                        line,
                        read,
                        widgets::bubble(Side::Them, bg, label, (body, wrapping())),
                    ));
                }
            }
            Event::Reply {
                text,
                voice,
                timing,
                ..
            } => {
                for e in &speaking {
                    conversation.commands().entity(e).remove::<Speaking>();
                    // The line said over is the one labelled cut off (the customer's
                    // retort that follows says it was after being cut off).
                    if timing == ReplyTiming::Interrupting
                        && let Ok(bubble) = parents.get(e)
                        && let Ok(children) = kids.get(bubble.parent())
                    {
                        for child in children.iter() {
                            if let Ok(mut label) = labels.get_mut(child) {
                                label.0 = locale.tr(
                                    "line-was-cut",
                                    &[("name", name.clone().into()), ("gender", gender.into())],
                                );
                            }
                        }
                    }
                }
                let order = view.bubbles;
                view.bubbles += 1;
                spawned_now += 1;
                let channel = case.0.channel;
                let id = match (timing, channel) {
                    (ReplyTiming::Interrupting, Channel::Chat) => "you-typing-over",
                    (ReplyTiming::Interrupting, _) => "you-interrupting",
                    (_, Channel::Chat) => "you-tone",
                    _ => "you-voice",
                };
                let how = locale.tr(
                    id,
                    &[
                        ("voice", voice_name(&locale, channel, voice).into()),
                        ("gender", gender.into()),
                    ],
                );
                let how_colour = if timing == ReplyTiming::Interrupting {
                    palette::BAD
                } else {
                    palette::TEXT_DIM
                };
                conversation.with_child((
                    a11y::line_node(&how, &text, case.0.speech_language()),
                    Bubble {
                        order,
                        text: text.clone(),
                        from_customer: false,
                    },
                    widgets::bubble(
                        Side::You,
                        palette::TRAINEE_BUBBLE,
                        widgets::text(how, size::SMALL, how_colour),
                        (widgets::text(text, size::BODY, palette::TEXT), wrapping()),
                    ),
                ));
            }
            Event::Ended { text, kind, .. } => {
                let id = if case.0.channel == Channel::Chat {
                    "chat-ended"
                } else {
                    "call-ended"
                };
                let kind_text = ending_kind_text(Messages::for_screen(), locale.lang, kind);
                conversation.with_child((
                    EndingBanner,
                    widgets::banner(
                        Node {
                            align_self: AlignSelf::Center,
                            // A long ending wraps inside the conversation panel.
                            max_width: percent(100),
                            flex_shrink: 0.0,
                            border_radius: BorderRadius::all(px(10)),
                            ..widgets::banner_box(12.0)
                        },
                        if kind.settles() {
                            palette::ACCENT_DARK
                        } else {
                            palette::SHOUT_BUBBLE
                        },
                        widgets::bold(
                            locale.tr(id, &[("kind", kind_text.into()), ("text", text.into())]),
                            size::LARGE,
                            palette::TEXT,
                        ),
                    ),
                ));
            }
            _ => {}
        }
    }
    // Keep the newest bubbles; older ones scroll out of view.
    let mut all: Vec<(Entity, usize)> = bubbles.iter().map(|(e, b)| (e, b.order)).collect();
    all.sort_by_key(|(_, order)| *order);
    let keep = VISIBLE_BUBBLES.saturating_sub(spawned_now);
    if all.len() > keep {
        for (e, _) in &all[..all.len() - keep] {
            commands.entity(*e).despawn();
        }
    }
}

/// Reveals the line being spoken word by word; a shouted line shakes a little. A trainee
/// who chose whole lines sees each line at once, still.
pub(super) fn show_speaking(
    live: Res<LiveCall>,
    trainee: Option<Res<Trainee>>,
    mut speaking: Query<(&Speaking, &mut Text, &mut Node)>,
) {
    let at_once = trainee.is_some_and(|t| t.profile.lines_at_once);
    let progress = match live.call.phase() {
        Phase::Speaking { progress, .. } if !at_once => progress,
        _ => 1.0,
    };
    for (line, mut text, mut node) in &mut speaking {
        let shown = super::pace::revealed(&line.text, progress);
        let visible: String = line.text.chars().take(shown.chars).collect();
        if text.0 != visible {
            text.0 = visible;
        }
        // The shake steps with the words, so it asks for no frames of its own.
        let shake = if line.intensity == Intensity::Shout && progress < 1.0 {
            if shown.words % 2 == 0 { 2.0 } else { -2.0 }
        } else {
            0.0
        };
        if node.left != px(shake) {
            node.left = px(shake);
        }
    }
}
