//! The reply cards (one per reply on offer, in the call's shuffled order, dimmed while they
//! cannot be used) and the voice control beneath them.

use bevy::prelude::*;
use htl_core::engine::Voice;
use htl_core::scenario::{Channel, Scenario};

use super::CallView;
use crate::game::actions::CallAction;
use crate::game::locale::Locale;
use crate::game::session::LiveCall;
use crate::game::text::capital;
use crate::game::theme::interaction::Selected;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

#[derive(Component)]
pub(super) struct ReplyList;
#[derive(Component)]
pub struct ReplyCard(pub usize);
#[derive(Component)]
pub(super) struct ReplyText;
#[derive(Component)]
pub(super) struct VoiceButton(pub(super) Voice);

/// What the trainee's voice is called on this channel, in the locale's language: in a chat
/// it is the tone of the text.
pub(crate) fn voice_name(locale: &Locale, channel: Channel, voice: Voice) -> String {
    locale.t(match (channel, voice) {
        (Channel::Chat, Voice::Soft) => "tone-warm",
        (Channel::Chat, Voice::Even) => "tone-neutral",
        (Channel::Chat, Voice::Firm) => "tone-curt",
        (_, Voice::Soft) => "voice-soft",
        (_, Voice::Even) => "voice-even",
        (_, Voice::Firm) => "voice-firm",
    })
}

/// Where the reply cards go; `show_cards` fills it for each beat.
pub(super) fn reply_list() -> impl Bundle {
    (
        ReplyList,
        Name::new("Replies"),
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(6),
            ..default()
        },
    )
}

/// The voice (or, in a chat, tone) buttons and the hint on how to answer.
pub(super) fn voice_row(locale: &Locale, s: &Scenario) -> impl Bundle {
    let voice_word = locale.t(if s.channel == Channel::Chat {
        "tone-title"
    } else {
        "voice-title"
    });
    let buttons =
        [(Voice::Soft, "S"), (Voice::Even, "E"), (Voice::Firm, "F")].map(|(voice, key)| {
            let label = capital(&voice_name(locale, s.channel, voice));
            (
                widgets::button(
                    locale.tr(
                        "voice-button",
                        &[("voice", label.into()), ("key", key.into())],
                    ),
                    CallAction::Voice(voice),
                ),
                VoiceButton(voice),
                Selected(voice == Voice::Even),
            )
        });
    let [soft, even, firm] = buttons;
    // Onboarding tiers spell out the cue; later tiers leave it to the trainee.
    let hint = locale.t(match (s.tier, s.channel) {
        (1 | 2, Channel::Chat) => "hint-chat",
        (1 | 2, _) => "hint-phone",
        _ => "hint-short",
    });
    (
        Node {
            align_items: AlignItems::Center,
            column_gap: px(10),
            ..default()
        },
        children![
            widgets::bold(voice_word, size::BODY, palette::TEXT_DIM),
            soft,
            even,
            firm,
            // The hint takes the room the buttons leave and wraps in it: on a small screen
            // (800x600) the voice buttons keep their words on one line.
            (
                widgets::text(hint, size::SMALL, palette::TEXT_FAINT),
                Node {
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    min_width: px(0),
                    ..default()
                },
            ),
        ],
    )
}

/// The reply cards on offer in the current beat, dimmed while they cannot be used. A card
/// that answers a later line joins the list when the customer begins that line, after the
/// cards already there, so the keys of those do not change under the trainee's fingers.
#[allow(clippy::too_many_arguments)] // a Bevy system: each parameter is a query or resource
pub(super) fn show_cards(
    mut commands: Commands,
    locale: Res<Locale>,
    live: Res<LiveCall>,
    mut view: ResMut<CallView>,
    list: Query<Entity, With<ReplyList>>,
    mut cards: Query<(&ReplyCard, &mut BackgroundColor)>,
    mut texts: Query<&mut TextColor, With<ReplyText>>,
) {
    let Ok(list) = list.single() else { return };
    let beat = (!live.call.is_over()).then(|| live.call.beat());
    let offered = if beat.is_some() {
        live.call.offered()
    } else {
        Vec::new()
    };
    if view.cards_for_beat != beat || view.offered != offered {
        view.cards_for_beat = beat;
        let replies = live.call.replies();
        let shuffled = live.call.reply_order();
        let mut order = offered.clone();
        order.sort_by_key(|&i| {
            let place = shuffled.iter().position(|&s| s == i).unwrap_or(i);
            (replies[i].after, place)
        });
        view.offered = offered;
        view.card_order = order;
        let mut list = commands.entity(list);
        list.despawn_children();
        list.with_children(|list| {
            if view.card_order.is_empty() && beat.is_some() {
                // Between a reply and the next beat's first line: nothing to answer yet.
                list.spawn(widgets::text(
                    locale.t("cards-listen"),
                    size::BODY,
                    palette::TEXT_DIM,
                ));
            }
            for (slot, &i) in view.card_order.iter().enumerate() {
                list.spawn((
                    ReplyCard(i),
                    widgets::reply_card(
                        &format!("{}", slot + 1),
                        CallAction::Reply(i),
                        (
                            ReplyText,
                            widgets::paragraph(replies[i].text.clone(), size::BODY, palette::TEXT),
                        ),
                    ),
                ));
            }
        });
    }
    // While the trainee's reply is being said (or the call is paused) the cards rest.
    let usable = live.call.can_reply();
    for (_, mut bg) in &mut cards {
        let want = if usable {
            palette::BUTTON
        } else {
            palette::BUTTON_DISABLED
        };
        if bg.0 != want {
            bg.0 = want;
        }
    }
    for mut colour in &mut texts {
        let want = if usable {
            palette::TEXT
        } else {
            palette::TEXT_FAINT
        };
        if colour.0 != want {
            colour.0 = want;
        }
    }
}
