//! The brief before a call: who the customer is, what happened, and how to play.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::scenario::{Channel, Gender};
use htl_core::vocab::local_day_and_minute;

use crate::game::Screen;
use crate::game::actions::{BriefAction, UiCommand};
use crate::game::locale::Locale;
use crate::game::screens::shift::ShiftDesk;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::text::channel_name;
use crate::game::theme::palette;
use crate::game::theme::scroll::{self, Scrollable};
use crate::game::theme::text_size::TextSizeNow;
use crate::game::theme::widgets::{self, size};

mod settings;

pub use settings::{
    LinesLine, LinesSwitch, MoreTimeLine, SpeakerChoice, SpeakerSwitch, TextSizeLine, speaks_as,
    time_allowance,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Brief), spawn).add_systems(
        Update,
        (
            shortcuts,
            handle,
            settings::handle,
            settings::show_text_size,
        )
            .chain()
            .run_if(in_state(Screen::Brief)),
    );
}

/// The line listing the trainee's past attempts at this case (for tests).
#[derive(Component)]
pub struct PastAttempts;

/// The trainee's last few attempts at this case, newest first, as lines for the brief.
fn past_attempts(locale: &Locale, trainee: Option<&Trainee>, scenario_id: &str) -> Vec<String> {
    const SHOWN: usize = 3;
    let Some(trainee) = trainee.filter(|t| !t.guest) else {
        return Vec::new();
    };
    trainee
        .profile
        .sessions
        .iter()
        .rev()
        .filter(|s| s.scenario == scenario_id)
        .take(SHOWN)
        .map(|s| {
            // Stored in UTC (RFC 3339): shown as the day and minute on the trainee's clock.
            let when = match local_day_and_minute(&s.finished) {
                Some((day, time)) => locale.tr(
                    "brief-attempt-when",
                    &[("day", day.into()), ("time", time.into())],
                ),
                None => s.finished.clone(),
            };
            let id = if s.left {
                "brief-attempt-left"
            } else if s.passed {
                "brief-attempt-passed"
            } else {
                "brief-attempt-not-passed"
            };
            locale.tr(id, &[("when", when.into()), ("score", s.score.into())])
        })
        .collect()
}

fn spawn(
    mut commands: Commands,
    case: Res<CurrentCase>,
    trainee: Option<Res<Trainee>>,
    locale: Res<Locale>,
    in_shift: Option<Res<ShiftDesk>>,
    text_size_now: Res<TextSizeNow>,
) {
    // In a shift the caller is already on the line: there is no going back to the list.
    let back = in_shift
        .is_none()
        .then(|| widgets::button(locale.t("back-to-list"), BriefAction::BackToList));
    let s = &case.0;
    let c = &s.customer;
    let attempts = past_attempts(&locale, trainee.as_deref(), &s.id);
    let attempts_text = if attempts.is_empty() {
        String::new()
    } else {
        locale.tr(
            "brief-last-attempts",
            &[("attempts", attempts.join("   ·   ").into())],
        )
    };
    let (how_to_play, start) = match s.channel {
        Channel::Chat => ("brief-rules-chat", "brief-start-chat"),
        Channel::FrontDesk => ("brief-rules-phone", "brief-start-desk"),
        Channel::Phone => ("brief-rules-phone", "brief-start-phone"),
    };
    let (how_to_play, start) = (locale.t(how_to_play), locale.t(start));
    // Only where the case words some reply differently for a woman (Arabic, Hebrew).
    let choose_speaker = s.has_woman_wording();
    commands.spawn((
        Name::new("Brief screen"),
        DespawnOnExit(Screen::Brief),
        TabGroup::new(0),
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            padding: UiRect::all(px(24)),
            ..default()
        },
        BackgroundColor(palette::BACKGROUND),
        children![(
            // A long brief (Arabic runs longer, and larger text) scrolls instead of spilling
            // off a small screen.
            scroll::scroll_panel(
                Node {
                    width: px(860),
                    max_width: percent(100),
                    max_height: percent(100),
                    ..widgets::panel()
                },
                Scrollable { arrow_keys: true },
            ),
            BackgroundColor(palette::PANEL),
            children![
                widgets::text(
                    locale.tr(
                        "brief-heading",
                        &[
                            ("tier", s.tier.into()),
                            ("channel", channel_name(&locale, s.channel).into()),
                            ("mark", s.pass_mark.into()),
                        ],
                    ),
                    size::BODY,
                    palette::ACCENT
                ),
                widgets::bold(s.title.clone(), size::TITLE, palette::TEXT),
                widgets::paragraph(s.brief.clone(), size::LARGE, palette::TEXT),
                (
                    Node {
                        margin: UiRect::top(px(8)),
                        ..default()
                    },
                    children![widgets::bold(
                        locale.tr(
                            "brief-customer",
                            &[
                                ("name", c.name.clone().into()),
                                ("gender", Gender::selector(c.gender).into()),
                            ]
                        ),
                        size::BODY,
                        palette::TEXT_DIM
                    )],
                ),
                widgets::paragraph(c.situation.clone(), size::BODY, palette::TEXT_DIM),
                (
                    Node {
                        margin: UiRect::top(px(8)),
                        ..default()
                    },
                    children![widgets::bold(
                        locale.t("brief-how-to-play"),
                        size::BODY,
                        palette::TEXT_DIM
                    )],
                ),
                widgets::paragraph(how_to_play, size::BODY, palette::TEXT_DIM),
                settings::rows(&locale, trainee.as_deref(), choose_speaker, text_size_now.0),
                (
                    Node {
                        display: if attempts.is_empty() {
                            Display::None
                        } else {
                            Display::Flex
                        },
                        margin: UiRect::top(px(8)),
                        ..default()
                    },
                    children![(
                        PastAttempts,
                        widgets::paragraph(attempts_text, size::SMALL, palette::ACCENT)
                    )],
                ),
                (
                    Node {
                        column_gap: px(12),
                        margin: UiRect::top(px(8)),
                        ..default()
                    },
                    Children::spawn((
                        Spawn((widgets::button(start, BriefAction::StartCall), AutoFocus)),
                        SpawnIter(back.into_iter()),
                    )),
                ),
            ],
        )],
    ));
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut commands: MessageWriter<UiCommand<BriefAction>>,
) {
    let Some(keys) = keys else { return };
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(BriefAction::BackToList));
    }
    if keys.just_pressed(KeyCode::KeyT) {
        commands.write(UiCommand(BriefAction::SwitchTimeAllowance));
    }
    if keys.just_pressed(KeyCode::KeyW) {
        commands.write(UiCommand(BriefAction::SwitchLinesAtOnce));
    }
    if keys.just_pressed(KeyCode::KeyZ) {
        commands.write(UiCommand(BriefAction::SwitchTextSize));
    }
}

fn handle(
    mut requests: MessageReader<UiCommand<BriefAction>>,
    mut next: ResMut<NextState<Screen>>,
    in_shift: Option<Res<ShiftDesk>>,
) {
    for UiCommand(action) in requests.read() {
        match action {
            BriefAction::StartCall => next.set(Screen::Call),
            // In a shift the brief has no way back: the caller is on the line.
            BriefAction::BackToList if in_shift.is_none() => next.set(Screen::Select),
            BriefAction::BackToList => {}
            // The trainee's settings: `settings::handle`.
            BriefAction::SwitchSpeaker
            | BriefAction::SwitchTimeAllowance
            | BriefAction::SwitchLinesAtOnce
            | BriefAction::SwitchTextSize => {}
        }
    }
}
