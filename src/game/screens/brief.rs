//! The brief before a call: who the customer is, what happened, and how to play.

use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::scenario::{Channel, Gender};
use htl_core::vocab::TimeAllowance;
use htl_core::vocab::local_day_and_minute;

use crate::game::Screen;
use crate::game::actions::{UiAction, UiCommand};
use crate::game::locale::Locale;
use crate::game::screens::shift::ShiftDesk;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::text::channel_name;
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::scroll::{self, Scrollable};
use crate::game::theme::widgets::{self, size};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Brief), spawn).add_systems(
        Update,
        (shortcuts, handle).chain().run_if(in_state(Screen::Brief)),
    );
}

/// The line listing the trainee's past attempts at this case (for tests).
#[derive(Component)]
pub struct PastAttempts;

/// The line saying how the reply cards speak for the trainee (for tests).
#[derive(Component)]
pub struct SpeakerChoice;

/// The button that switches the cards to the other gender's words.
#[derive(Component)]
pub struct SpeakerSwitch;

/// The line saying how much time the trainee has to answer (for tests).
#[derive(Component)]
pub struct MoreTimeLine;

/// The line saying how the customer's lines appear (for tests).
#[derive(Component)]
pub struct LinesLine;

fn lines_words(locale: &Locale, at_once: bool) -> (String, String) {
    let a = [("at-once", if at_once { "yes" } else { "no" }.into())];
    (
        locale.tr("brief-lines", &a),
        locale.tr("brief-lines-switch", &a),
    )
}

/// The switch between whole lines and word by word.
#[derive(Component)]
pub struct LinesSwitch;

/// The trainee's "more time to answer" accommodation (the case's own windows for a guest).
pub fn time_allowance(trainee: Option<&Trainee>) -> TimeAllowance {
    trainee.map_or(TimeAllowance::Standard, |t| t.profile.time_allowance)
}

fn more_time_words(locale: &Locale, allowance: TimeAllowance) -> String {
    if allowance.is_standard() {
        locale.t("brief-more-time-off")
    } else {
        locale.tr(
            "brief-more-time-on",
            &[("factor", allowance.factor_text().into())],
        )
    }
}

/// A row of the brief's settings: what is set now, and the button that changes it.
fn setting_row(shown: bool) -> Node {
    Node {
        display: if shown { Display::Flex } else { Display::None },
        align_items: AlignItems::Center,
        flex_wrap: FlexWrap::Wrap,
        column_gap: px(12),
        row_gap: px(6),
        margin: UiRect::top(px(4)),
        ..default()
    }
}

/// How the cards speak for this trainee: a woman's words once she chose them, else a man's.
pub fn speaks_as(trainee: Option<&Trainee>) -> Gender {
    trainee
        .and_then(|t| t.profile.speaks_as)
        .unwrap_or(Gender::Male)
}

fn speaker_words(locale: &Locale, gender: Gender) -> (String, String) {
    let g = [("gender", Gender::selector(Some(gender)).into())];
    (
        locale.tr("brief-replies-as", &g),
        locale.tr("brief-switch-speaker", &g),
    )
}

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
    fonts: Res<UiFonts>,
    case: Res<CurrentCase>,
    trainee: Option<Res<Trainee>>,
    locale: Res<Locale>,
    in_shift: Option<Res<ShiftDesk>>,
) {
    // In a shift the caller is already on the line: there is no going back to the list.
    let back = in_shift
        .is_none()
        .then(|| widgets::button(&fonts, locale.t("back-to-list"), UiAction::BackToList));
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
    let (speaker_line, speaker_switch) = speaker_words(&locale, speaks_as(trainee.as_deref()));
    let more_time_line = more_time_words(&locale, time_allowance(trainee.as_deref()));
    let (lines_line, lines_switch) = lines_words(
        &locale,
        trainee.as_deref().is_some_and(|t| t.profile.lines_at_once),
    );
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
                    &fonts,
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
                widgets::bold(&fonts, s.title.clone(), size::TITLE, palette::TEXT),
                widgets::paragraph(&fonts, s.brief.clone(), size::LARGE, palette::TEXT),
                (
                    Node {
                        margin: UiRect::top(px(8)),
                        ..default()
                    },
                    children![widgets::bold(
                        &fonts,
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
                widgets::paragraph(&fonts, c.situation.clone(), size::BODY, palette::TEXT_DIM),
                (
                    Node {
                        margin: UiRect::top(px(8)),
                        ..default()
                    },
                    children![widgets::bold(
                        &fonts,
                        locale.t("brief-how-to-play"),
                        size::BODY,
                        palette::TEXT_DIM
                    )],
                ),
                widgets::paragraph(&fonts, how_to_play, size::BODY, palette::TEXT_DIM),
                (
                    setting_row(choose_speaker),
                    children![
                        (
                            SpeakerChoice,
                            widgets::text(&fonts, speaker_line, size::BODY, palette::TEXT_DIM)
                        ),
                        (
                            SpeakerSwitch,
                            widgets::button_sized(
                                &fonts,
                                speaker_switch,
                                UiAction::SwitchSpeaker,
                                size::SMALL
                            )
                        ),
                    ],
                ),
                (
                    setting_row(true),
                    children![
                        (
                            MoreTimeLine,
                            widgets::text(&fonts, more_time_line, size::BODY, palette::TEXT_DIM)
                        ),
                        widgets::button_sized(
                            &fonts,
                            locale.t("brief-more-time-switch"),
                            UiAction::SwitchTimeAllowance,
                            size::SMALL
                        ),
                    ],
                ),
                (
                    setting_row(true),
                    children![
                        (
                            LinesLine,
                            widgets::text(&fonts, lines_line, size::BODY, palette::TEXT_DIM)
                        ),
                        (
                            LinesSwitch,
                            widgets::button_sized(
                                &fonts,
                                lines_switch,
                                UiAction::SwitchLinesAtOnce,
                                size::SMALL
                            )
                        ),
                    ],
                ),
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
                        widgets::paragraph(&fonts, attempts_text, size::SMALL, palette::ACCENT)
                    )],
                ),
                (
                    Node {
                        column_gap: px(12),
                        margin: UiRect::top(px(8)),
                        ..default()
                    },
                    Children::spawn((
                        Spawn((
                            widgets::button(&fonts, start, UiAction::StartCall),
                            AutoFocus
                        )),
                        SpawnIter(back.into_iter()),
                    )),
                ),
            ],
        )],
    ));
}

fn shortcuts(keys: Option<Res<ButtonInput<KeyCode>>>, mut commands: MessageWriter<UiCommand>) {
    let Some(keys) = keys else { return };
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(UiAction::BackToList));
    }
    if keys.just_pressed(KeyCode::KeyT) {
        commands.write(UiCommand(UiAction::SwitchTimeAllowance));
    }
    if keys.just_pressed(KeyCode::KeyW) {
        commands.write(UiCommand(UiAction::SwitchLinesAtOnce));
    }
}

fn handle(
    mut requests: MessageReader<UiCommand>,
    mut next: ResMut<NextState<Screen>>,
    in_shift: Option<Res<ShiftDesk>>,
    mut trainee: Option<ResMut<Trainee>>,
    locale: Res<Locale>,
    speaker_line: Query<Entity, With<SpeakerChoice>>,
    more_time_line: Query<Entity, With<MoreTimeLine>>,
    lines_line: Query<Entity, With<LinesLine>>,
    speaker_switch: Query<&Children, With<SpeakerSwitch>>,
    lines_switch: Query<&Children, With<LinesSwitch>>,
    mut texts: Query<&mut Text>,
) {
    // A setting's line is its own text; a switch's words are its label, a child.
    let mut say = |entities: Vec<Entity>, words: String| {
        for entity in entities {
            if let Ok(mut text) = texts.get_mut(entity) {
                text.0 = words.clone();
            }
        }
    };
    for UiCommand(action) in requests.read() {
        match action {
            UiAction::StartCall => next.set(Screen::Call),
            UiAction::BackToList if in_shift.is_none() => next.set(Screen::Select),
            UiAction::SwitchTimeAllowance => {
                let Some(trainee) = trainee.as_deref_mut() else {
                    continue;
                };
                let now = trainee.profile.time_allowance.next();
                trainee.profile.time_allowance = now;
                trainee.save();
                say(
                    more_time_line.iter().collect(),
                    more_time_words(&locale, now),
                );
            }
            UiAction::SwitchLinesAtOnce => {
                let Some(trainee) = trainee.as_deref_mut() else {
                    continue;
                };
                trainee.profile.lines_at_once = !trainee.profile.lines_at_once;
                trainee.save();
                let (said, switch_to) = lines_words(&locale, trainee.profile.lines_at_once);
                say(lines_line.iter().collect(), said);
                say(lines_switch.iter().flatten().copied().collect(), switch_to);
            }
            UiAction::SwitchSpeaker => {
                let Some(trainee) = trainee.as_deref_mut() else {
                    continue;
                };
                let now = match speaks_as(Some(trainee)) {
                    Gender::Male => Gender::Female,
                    Gender::Female => Gender::Male,
                };
                trainee.profile.speaks_as = Some(now);
                trainee.save();
                let (said, switch_to) = speaker_words(&locale, now);
                say(speaker_line.iter().collect(), said);
                say(
                    speaker_switch.iter().flatten().copied().collect(),
                    switch_to,
                );
            }
            _ => {}
        }
    }
}
