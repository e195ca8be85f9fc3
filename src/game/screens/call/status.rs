//! The call's top bar and its state: who is calling, the status line (whose turn, the cue),
//! the timer, and the pause control with its overlay.

use bevy::prelude::*;
use htl_core::engine::Phase;
use htl_core::scenario::{Channel, Gender, Scenario};

use crate::game::actions::CallAction;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, LiveCall};
use crate::game::text::{channel_name, short_clock};
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

#[derive(Component)]
pub struct StatusText;
#[derive(Component)]
pub(super) struct TimerText;
/// The cue to speak as a bar that empties while the moment lasts.
#[derive(Component)]
pub struct CueBar;
#[derive(Component)]
pub struct CueFill;
#[derive(Component)]
pub(super) struct PauseOverlay;
#[derive(Component)]
pub(super) struct ResumeButton;

/// Top bar: who, what, status, timer, pause.
pub(super) fn top_bar(locale: &Locale, s: &Scenario) -> impl Bundle {
    (
        Node {
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            column_gap: px(16),
            ..default()
        },
        children![
            widgets::header(
                s.customer.name.clone(),
                locale.tr(
                    "call-subtitle",
                    &[
                        ("title", s.title.clone().into()),
                        ("channel", channel_name(locale, s.channel).into()),
                    ],
                ),
            ),
            (
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    row_gap: px(4),
                    ..default()
                },
                children![
                    (StatusText, widgets::bold("", size::LARGE, palette::ACCENT),),
                    cue_bar(),
                ],
            ),
            (
                Node {
                    column_gap: px(16),
                    align_items: AlignItems::Center,
                    ..default()
                },
                children![
                    (TimerText, widgets::bold("0:00", size::TITLE, palette::TEXT),),
                    widgets::button(locale.t("call-pause"), CallAction::TogglePause),
                ],
            ),
        ],
    )
}

/// The cue's bar: full when the customer stops, empty when the moment has passed. Hidden
/// (its room kept, so nothing jumps) when there is no cue.
fn cue_bar() -> impl Bundle {
    (
        CueBar,
        Name::new("Cue bar"),
        Visibility::Hidden,
        Node {
            width: px(180),
            height: px(8),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BackgroundColor(palette::BUTTON_DISABLED),
        children![(
            CueFill,
            Node {
                width: percent(100),
                height: percent(100),
                border_radius: BorderRadius::all(px(4)),
                ..default()
            },
            BackgroundColor(palette::GOOD),
        )],
    )
}

/// The cue bar follows the engine's cue: how much of the moment to speak is left.
pub(super) fn show_cue(
    live: Res<LiveCall>,
    mut bar: Query<&mut Visibility, With<CueBar>>,
    mut fill: Query<&mut Node, With<CueFill>>,
) {
    let cue = (!live.call.is_paused()).then(|| live.call.cue()).flatten();
    let want = if cue.is_some() {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    for mut visibility in &mut bar {
        if *visibility != want {
            *visibility = want;
        }
    }
    if let Some(cue) = cue {
        let width = percent(100.0 * cue.left());
        for mut node in &mut fill {
            if node.width != width {
                node.width = width;
            }
        }
    }
}

/// The pause overlay, hidden until paused.
pub(super) fn pause_overlay(locale: &Locale) -> impl Bundle {
    (
        PauseOverlay,
        Node {
            position_type: PositionType::Absolute,
            left: px(0),
            right: px(0),
            top: px(0),
            bottom: px(0),
            flex_direction: FlexDirection::Column,
            row_gap: px(24),
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            display: Display::None,
            ..default()
        },
        // Opaque: the pause is for real-life interruptions, not for reading the cards with
        // the clock stopped.
        BackgroundColor(palette::BACKGROUND),
        children![
            widgets::bold(locale.t("call-paused"), size::TITLE, palette::TEXT),
            // The overlay covers the Pause button, so it brings its own way back, and the
            // way out of the call: pausing first makes leaving a deliberate second step.
            (
                Node {
                    column_gap: px(12),
                    ..default()
                },
                children![
                    (
                        widgets::button(locale.t("call-resume"), CallAction::TogglePause),
                        ResumeButton,
                    ),
                    widgets::button(locale.t("call-leave"), CallAction::LeaveCall),
                ],
            ),
            widgets::text(locale.t("call-leave-note"), size::SMALL, palette::TEXT_DIM),
        ],
    )
}

type StatusLine = (&'static mut Text, &'static mut TextColor);

pub(super) fn show_status(
    live: Res<LiveCall>,
    case: Res<CurrentCase>,
    locale: Res<Locale>,
    mut status: Query<StatusLine, (With<StatusText>, Without<TimerText>)>,
    mut timer: Query<&mut Text, (With<TimerText>, Without<StatusText>)>,
) {
    let name = case
        .0
        .customer
        .name
        .split_whitespace()
        .next()
        .map_or_else(|| locale.t("customer-fallback"), str::to_string);
    let gender = Gender::selector(case.0.customer.gender);
    let named = |id: &str| {
        locale.tr(
            id,
            &[("name", name.clone().into()), ("gender", gender.into())],
        )
    };
    // Onboarding tiers name the cue; later tiers only say what is happening.
    let venting = if case.0.tier <= 2 {
        named("status-venting-cue")
    } else {
        named("status-venting")
    };
    // A chat is typed, not spoken.
    let chat = case.0.channel == Channel::Chat;
    let talking = if chat {
        named("status-typing")
    } else {
        named("status-talking")
    };
    let (line, colour) = if live.call.is_paused() {
        (locale.t("status-paused"), palette::TEXT_DIM)
    } else {
        match live.call.phase() {
            Phase::Speaking { intensity, .. } if intensity.is_loud() => {
                (venting.clone(), palette::ANGER)
            }
            Phase::Speaking { .. } => (talking.clone(), palette::TEXT_DIM),
            Phase::Breath if live.call.is_mid_outburst() => (venting.clone(), palette::ANGER),
            Phase::Breath => (talking.clone(), palette::TEXT_DIM),
            // A pause with no card to say yet is a breath: they are not done.
            Phase::Pausing if live.call.cue().is_none() => {
                if live.call.is_mid_outburst() || live.call.customer_is_loud() {
                    (venting.clone(), palette::ANGER)
                } else {
                    (talking.clone(), palette::TEXT_DIM)
                }
            }
            Phase::Pausing if chat => (locale.t("status-cue-chat"), palette::GOOD),
            Phase::Pausing => (locale.t("status-cue"), palette::GOOD),
            Phase::Waiting { in_pause: true, .. } => (locale.t("status-your-turn"), palette::GOOD),
            // Past the cue: the pause was missed, and the silence is counting to dead air.
            Phase::Waiting { silent_for, .. } => (
                locale.tr("status-silence", &[("seconds", (silent_for / 1000).into())]),
                palette::WARN,
            ),
            Phase::Replying { .. } if chat => (locale.t("status-you-typing"), palette::ACCENT),
            Phase::Replying { .. } => (locale.t("status-you-speaking"), palette::ACCENT),
            Phase::Ended if chat => (locale.t("status-chat-over"), palette::TEXT_DIM),
            Phase::Ended => (locale.t("status-call-over"), palette::TEXT_DIM),
        }
    };
    for (mut text, mut color) in &mut status {
        if text.0 != line {
            text.0 = line.clone();
            color.0 = colour;
        }
    }
    let t = short_clock(live.call.now());
    for mut text in &mut timer {
        if text.0 != t {
            text.0 = t.clone();
        }
    }
}
