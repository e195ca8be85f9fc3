//! The brief's settings, each a line saying what is set and a switch: how the reply cards
//! speak (a man's or a woman's words), more time to answer, whole lines, and the text size.
//! All are kept in the trainee's profile.

use bevy::prelude::*;
use htl_core::profile::TextSize;
use htl_core::scenario::Gender;
use htl_core::vocab::TimeAllowance;

use crate::game::actions::{BriefAction, UiCommand};
use crate::game::locale::Locale;
use crate::game::session::Trainee;
use crate::game::theme::palette;
use crate::game::theme::text_size::{self, TextSizeNow};
use crate::game::theme::widgets::{self, size};

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

/// The line saying how large the text is (for tests).
#[derive(Component)]
pub struct TextSizeLine;

fn text_size_words(locale: &Locale, size: TextSize) -> String {
    locale.tr("brief-text-size", &[("percent", size.percent().into())])
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

/// The settings rows, under the brief's text. The speaker's row shows only where the case
/// words some reply differently for a woman.
pub(super) fn rows(
    locale: &Locale,
    trainee: Option<&Trainee>,
    choose_speaker: bool,
    text_size: TextSize,
) -> impl Bundle {
    let (speaker_line, speaker_switch) = speaker_words(locale, speaks_as(trainee));
    let more_time_line = more_time_words(locale, time_allowance(trainee));
    let (lines_line, lines_switch) =
        lines_words(locale, trainee.is_some_and(|t| t.profile.lines_at_once));
    let text_size_line = text_size_words(locale, text_size);
    (
        Node {
            flex_direction: FlexDirection::Column,
            ..default()
        },
        children![
            (
                setting_row(choose_speaker),
                children![
                    (
                        SpeakerChoice,
                        widgets::text(speaker_line, size::BODY, palette::TEXT_DIM)
                    ),
                    (
                        SpeakerSwitch,
                        widgets::button_sized(
                            speaker_switch,
                            BriefAction::SwitchSpeaker,
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
                        widgets::text(more_time_line, size::BODY, palette::TEXT_DIM)
                    ),
                    widgets::button_sized(
                        locale.t("brief-more-time-switch"),
                        BriefAction::SwitchTimeAllowance,
                        size::SMALL
                    ),
                ],
            ),
            (
                setting_row(true),
                children![
                    (
                        LinesLine,
                        widgets::text(lines_line, size::BODY, palette::TEXT_DIM)
                    ),
                    (
                        LinesSwitch,
                        widgets::button_sized(
                            lines_switch,
                            BriefAction::SwitchLinesAtOnce,
                            size::SMALL
                        )
                    ),
                ],
            ),
            (
                setting_row(true),
                children![
                    (
                        TextSizeLine,
                        widgets::text(text_size_line, size::BODY, palette::TEXT_DIM)
                    ),
                    widgets::button_sized(
                        locale.t("brief-text-size-switch"),
                        BriefAction::SwitchTextSize,
                        size::SMALL
                    ),
                ],
            ),
        ],
    )
}

pub(super) fn handle(
    mut requests: MessageReader<UiCommand<BriefAction>>,
    mut trainee: Option<ResMut<Trainee>>,
    locale: Res<Locale>,
    speaker_line: Query<Entity, With<SpeakerChoice>>,
    more_time_line: Query<Entity, With<MoreTimeLine>>,
    lines_line: Query<Entity, With<LinesLine>>,
    speaker_switch: Query<&Children, With<SpeakerSwitch>>,
    lines_switch: Query<&Children, With<LinesSwitch>>,
    mut texts: Query<&mut Text>,
    mut text_size_now: ResMut<TextSizeNow>,
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
            BriefAction::SwitchTimeAllowance => {
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
            BriefAction::SwitchLinesAtOnce => {
                let Some(trainee) = trainee.as_deref_mut() else {
                    continue;
                };
                trainee.profile.lines_at_once = !trainee.profile.lines_at_once;
                trainee.save();
                let (said, switch_to) = lines_words(&locale, trainee.profile.lines_at_once);
                say(lines_line.iter().collect(), said);
                say(lines_switch.iter().flatten().copied().collect(), switch_to);
            }
            BriefAction::SwitchTextSize => {
                let wanted = text_size_now.0.next();
                text_size::set(&mut text_size_now, trainee.as_deref_mut(), wanted);
            }
            BriefAction::SwitchSpeaker => {
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
            // Leaving the brief: its own handler (`brief::handle`).
            BriefAction::StartCall | BriefAction::BackToList => {}
        }
    }
}

/// The text size line follows every change, the switch's and Ctrl with + or -.
pub(super) fn show_text_size(
    now: Res<TextSizeNow>,
    locale: Res<Locale>,
    mut line: Query<&mut Text, With<TextSizeLine>>,
) {
    if !now.is_changed() {
        return;
    }
    for mut text in &mut line {
        text.0 = text_size_words(&locale, now.0);
    }
}
