//! The debrief: outcome, score, grade and pass or fail; the rules followed and broken with
//! what each means; a timeline of anger and trust with the moments marked; the transcript
//! with "a better reply here" where the trainee had a better choice; retry, next case, or
//! back to the list. A tier the result opened is announced.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::input_focus::AutoFocus;
use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::engine::{Event, Meter, Millis, RuleStatus, Verdict, clock};

use crate::game::Screen;
use crate::game::actions::{UiAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::session::{CurrentCase, Finished, Trainee};
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// The scrolling body of the debrief.
#[derive(Component)]
pub struct DebriefBody;

/// One rule's line on the checklist, for tests.
#[derive(Component, Debug, Clone)]
pub struct RuleLine {
    pub rule: String,
    pub status: RuleStatus,
}

/// A "better reply here" note in the transcript.
#[derive(Component, Debug, Clone)]
pub struct BetterReplyNote(pub String);

/// The score figure, for tests.
#[derive(Component)]
pub struct ScoreText;

/// The new-tier announcement.
#[derive(Component)]
pub struct TierAnnouncement(pub Vec<u8>);

const CHART_HEIGHT: f32 = 130.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), spawn)
        .add_systems(
            Update,
            (shortcuts, scroll, handle)
                .chain()
                .run_if(in_state(Screen::Debrief)),
        );
}

fn spawn(mut commands: Commands, fonts: Res<UiFonts>, finished: Res<Finished>, cases: Res<Cases>) {
    let score = &finished.score;
    let call = &finished.call;
    let scenario = call.scenario();
    let catalogue = call.catalogue();
    let (verdict, verdict_colour) = if score.passed {
        ("PASSED", palette::GOOD)
    } else {
        ("NOT PASSED", palette::BAD)
    };
    let ending = call.outcome().map(|o| &scenario.endings[o.ending]);
    let outcome_line = ending.map_or("Unfinished".to_string(), |e| {
        format!("{}: {}", capital(e.kind.label()), e.text)
    });
    let why_not = score
        .not_passed
        .clone()
        .unwrap_or_else(|| format!("Pass mark {}.", score.pass_mark));
    let saved = match &finished.saved {
        Ok(Some(_)) => "Saved to your progress.".to_string(),
        Ok(None) => "Guest session: not saved.".to_string(),
        Err(e) => format!("Could not save this result: {e}"),
    };
    let next_exists = cases.after(&scenario.id).is_some();

    let root = commands
        .spawn((
            widgets::screen_root("Debrief screen"),
            DespawnOnExit(Screen::Debrief),
            TabGroup::new(0),
        ))
        .id();
    commands.entity(root).with_children(|root| {
        // Header: score, grade, pass or fail, outcome.
        root.spawn((
            Node {
                column_gap: px(24),
                align_items: AlignItems::Center,
                padding: UiRect::all(px(16)),
                border_radius: BorderRadius::all(px(10)),
                ..default()
            },
            BackgroundColor(palette::PANEL),
        ))
        .with_children(|h| {
            h.spawn(Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|c| {
                c.spawn((ScoreText, widgets::bold(&fonts, format!("{}", score.total), size::HERO, palette::TEXT)));
                c.spawn(widgets::bold(&fonts, format!("grade {}", score.grade.letter()), size::BODY, palette::TEXT_DIM));
            });
            h.spawn(Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(4),
                flex_grow: 1.0,
                flex_shrink: 1.0,
                ..default()
            })
            .with_children(|c| {
                c.spawn(widgets::bold(&fonts, format!("{verdict} · {}", scenario.title), size::TITLE, verdict_colour));
                c.spawn(widgets::paragraph(&fonts, outcome_line, size::BODY, palette::TEXT));
                c.spawn(widgets::paragraph(
                    &fonts,
                    format!(
                        "Outcome {:.0}/40 · Conduct {:.0}/40 · Customer's mood {:.0}/20. {why_not} {saved}",
                        score.parts.outcome, score.parts.conduct, score.parts.mood
                    ),
                    size::SMALL,
                    palette::TEXT_DIM,
                ));
            });
        });
        if !finished.opened_tiers.is_empty() {
            let tiers: Vec<String> = finished.opened_tiers.iter().map(|t| format!("tier {t}")).collect();
            root.spawn((
                TierAnnouncement(finished.opened_tiers.clone()),
                Node {
                    padding: UiRect::all(px(10)),
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BackgroundColor(palette::ACCENT_DARK),
                children![widgets::bold(
                    &fonts,
                    format!(
                        "New cases unlocked: {} {} open.",
                        tiers.join(" and "),
                        if tiers.len() == 1 { "is" } else { "are" }
                    ),
                    size::LARGE,
                    palette::TEXT
                )],
            ));
        }
        // Body: checklist | chart and transcript, scrolling together.
        root.spawn((
            DebriefBody,
            Name::new("Debrief body"),
            Node {
                flex_grow: 1.0,
                min_height: px(0),
                column_gap: px(16),
                overflow: Overflow::scroll_y(),
                align_items: AlignItems::FlexStart,
                ..default()
            },
            ScrollPosition::default(),
        ))
        .with_children(|body| {
            // The checklist.
            body.spawn((
                Name::new("Rule checklist"),
                Node {
                    width: percent(44),
                    flex_shrink: 0.0,
                    ..widgets::panel()
                },
                BackgroundColor(palette::PANEL),
            ))
            .with_children(|list| {
                list.spawn(widgets::bold(&fonts, "The guidance, call by call", size::LARGE, palette::TEXT));
                let mut rules: Vec<_> = score.rules.iter().filter(|r| r.status != RuleStatus::NotExercised).collect();
                // Mistakes first: they are what to do differently.
                rules.sort_by_key(|r| match r.status {
                    RuleStatus::Broken => 0,
                    RuleStatus::Mixed => 1,
                    _ => 2,
                });
                for rule in rules {
                    let (mark, colour) = match rule.status {
                        RuleStatus::Followed => ("FOLLOWED", palette::GOOD),
                        RuleStatus::Broken => ("BROKEN", palette::BAD),
                        _ => ("MIXED", palette::WARN),
                    };
                    let explanation = catalogue.get(&rule.rule).map(|r| r.explanation.clone()).unwrap_or_default();
                    list.spawn((
                        RuleLine {
                            rule: rule.rule.clone(),
                            status: rule.status,
                        },
                        Node {
                            flex_direction: FlexDirection::Column,
                            row_gap: px(2),
                            margin: UiRect::top(px(6)),
                            ..default()
                        },
                    ))
                    .with_children(|line| {
                        line.spawn(Node {
                            column_gap: px(8),
                            ..default()
                        })
                        .with_children(|row| {
                            row.spawn(widgets::bold(&fonts, mark, size::SMALL, colour));
                            row.spawn(widgets::bold(&fonts, rule.summary.clone(), size::BODY, palette::TEXT));
                        });
                        if rule.broken > 0 {
                            line.spawn(widgets::paragraph(&fonts, explanation, size::SMALL, palette::TEXT_DIM));
                            for m in rule.moments.iter().filter(|m| m.verdict == Verdict::Broken) {
                                // A reply that broke it is quoted; a timing or voice
                                // mistake is described.
                                let what = match &m.reply {
                                    Some(reply) if !m.note.starts_with("you ") => format!("you said \"{reply}\""),
                                    _ => m.note.clone(),
                                };
                                line.spawn(widgets::paragraph(
                                    &fonts,
                                    format!("at {}: {what}", short_clock(m.at)),
                                    size::SMALL,
                                    palette::BAD,
                                ));
                            }
                        } else if let Some(m) = rule.moments.first() {
                            // What earned it, once, so a good habit is named as well.
                            let what = match &m.reply {
                                Some(reply) if !m.note.starts_with("you ") => format!("you said \"{}\"", clipped(reply, 70)),
                                _ => m.note.clone(),
                            };
                            line.spawn(widgets::paragraph(
                                &fonts,
                                format!("at {}: {what}", short_clock(m.at)),
                                size::SMALL,
                                palette::TEXT_DIM,
                            ));
                        }
                    });
                }
            });
            // The chart and the transcript.
            body.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                row_gap: px(12),
                ..default()
            })
            .with_children(|right| {
                right
                    .spawn((Node { ..widgets::panel() }, BackgroundColor(palette::PANEL)))
                    .with_children(|panel| {
                        panel.spawn(widgets::bold(&fonts, "Anger and trust over the call", size::LARGE, palette::TEXT));
                        let limit = call.scenario().customer.temperament.limit;
                        spawn_chart(panel, &fonts, call.events(), call.now().max(1), limit);
                        panel.spawn(widgets::paragraph(
                            &fonts,
                            "Red: anger, with a faint line where they give up. Blue: trust. Marks along the bottom: a rule broken (red) or followed (green).",
                            size::SMALL,
                            palette::TEXT_DIM,
                        ));
                    });
                right
                    .spawn((Name::new("Transcript"), Node { ..widgets::panel() }, BackgroundColor(palette::PANEL)))
                    .with_children(|panel| {
                        panel.spawn(widgets::bold(&fonts, "The call, line by line", size::LARGE, palette::TEXT));
                        spawn_transcript(panel, &fonts, &finished);
                    });
            });
        });
        // Actions.
        root.spawn(Node {
            column_gap: px(12),
            ..default()
        })
        .with_children(|row| {
            row.spawn((widgets::button(&fonts, "Retry  (R)", UiAction::Retry), AutoFocus));
            if next_exists {
                row.spawn(widgets::button(&fonts, "Next case  (N)", UiAction::NextCase));
            }
            row.spawn(widgets::button(&fonts, "Back to the list  (Esc)", UiAction::BackToList));
            row.spawn(widgets::text(&fonts, "Scroll with the mouse wheel or the arrow keys.", size::SMALL, palette::TEXT_FAINT));
        });
    });
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn short_clock(ms: Millis) -> String {
    let t = clock(ms);
    t.split('.').next().unwrap_or(&t).to_string()
}

/// The value of a meter at each moment, from the engine's record of every change.
fn meter_series(events: &[Event], meter: Meter, start: i32) -> Vec<(Millis, i32)> {
    let mut series = vec![(0, start)];
    for e in events {
        if let Event::Meter {
            at,
            meter: m,
            value,
            ..
        } = e
            && *m == meter
        {
            series.push((*at, *value));
        }
    }
    series
}

/// Where a meter value sits on the chart, as a percentage from the bottom.
fn chart_y(value: i32) -> f32 {
    value.clamp(0, 100) as f32 * 0.9 + 4.0
}

/// A meter's value over time as steps: one value per moment (several changes at the same
/// moment collapse to the last).
fn steps(series: &[(Millis, i32)]) -> Vec<(Millis, i32)> {
    let mut out: Vec<(Millis, i32)> = Vec::new();
    for &(at, value) in series {
        match out.last_mut() {
            Some(last) if last.0 == at => last.1 = value,
            _ => out.push((at, value)),
        }
    }
    out
}

fn spawn_chart(
    panel: &mut ChildSpawnerCommands,
    fonts: &UiFonts,
    events: &[Event],
    end: Millis,
    anger_limit: i32,
) {
    let start = |meter| {
        // The first change's value minus its delta is where the meter began.
        events
            .iter()
            .find_map(|e| match e {
                Event::Meter {
                    meter: m,
                    delta,
                    value,
                    ..
                } if *m == meter => Some(value - delta),
                _ => None,
            })
            .unwrap_or(0)
    };
    let x_of = |t: Millis| (t as f32 * 100.0 / end as f32).min(100.0);
    let anger = steps(&meter_series(events, Meter::Anger, start(Meter::Anger)));
    let trust = steps(&meter_series(events, Meter::Trust, start(Meter::Trust)));
    panel
        .spawn((
            Name::new("Timeline chart"),
            Node {
                width: percent(100),
                height: px(CHART_HEIGHT),
                border: UiRect::all(px(1)),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            BorderColor::all(palette::BORDER),
            BackgroundColor(palette::BACKGROUND),
        ))
        .with_children(|chart| {
            // A faint grid at 0, 50 and 100, labelled, and the anger at which they give up.
            for (value, label) in [(0, "0"), (50, "50"), (100, "100")] {
                chart.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        left: px(0),
                        right: px(0),
                        bottom: percent(chart_y(value)),
                        height: px(1),
                        ..default()
                    },
                    BackgroundColor(palette::BORDER.with_alpha(0.5)),
                ));
                chart.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        left: px(4),
                        // Above its line, except the top one, which would leave the chart.
                        bottom: percent(if value == 100 {
                            chart_y(value) - 13.0
                        } else {
                            chart_y(value) + 1.0
                        }),
                        ..default()
                    },
                    children![widgets::text(
                        fonts,
                        label,
                        size::SMALL - 2.0,
                        palette::TEXT_FAINT
                    )],
                ));
            }
            chart.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: px(0),
                    right: px(0),
                    bottom: percent(chart_y(anger_limit)),
                    height: px(1),
                    ..default()
                },
                BackgroundColor(palette::ANGER.with_alpha(0.45)),
            ));
            // Each meter as a stepped line: flat between changes, a riser at each change.
            for (series, colour) in [(&trust, palette::TRUST), (&anger, palette::ANGER)] {
                for (i, &(at, value)) in series.iter().enumerate() {
                    let until = series.get(i + 1).map_or(end, |next| next.0);
                    chart.spawn((
                        Node {
                            position_type: PositionType::Absolute,
                            left: percent(x_of(at)),
                            width: percent((x_of(until) - x_of(at)).max(0.3)),
                            bottom: percent(chart_y(value)),
                            height: px(3),
                            ..default()
                        },
                        BackgroundColor(colour),
                    ));
                    if let Some(&(next_at, next_value)) = series.get(i + 1) {
                        let (low, high) = (value.min(next_value), value.max(next_value));
                        chart.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: percent(x_of(next_at)),
                                width: px(2),
                                bottom: percent(chart_y(low)),
                                height: percent(chart_y(high) - chart_y(low)),
                                ..default()
                            },
                            BackgroundColor(colour.with_alpha(0.7)),
                        ));
                    }
                }
            }
            for e in events {
                if let Event::Rule { at, verdict, .. } = e {
                    let (colour, height) = match verdict {
                        Verdict::Broken => (palette::BAD, 18.0),
                        Verdict::Followed => (palette::GOOD, 8.0),
                    };
                    chart.spawn((
                        Node {
                            position_type: PositionType::Absolute,
                            left: percent(x_of(*at).min(99.5)),
                            bottom: px(0),
                            width: px(2),
                            height: px(height),
                            ..default()
                        },
                        BackgroundColor(colour),
                    ));
                }
            }
            chart.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    right: px(6),
                    top: px(4),
                    ..default()
                },
                children![widgets::text(
                    fonts,
                    short_clock(end),
                    size::SMALL,
                    palette::TEXT_FAINT
                )],
            ));
        });
}

fn spawn_transcript(panel: &mut ChildSpawnerCommands, fonts: &UiFonts, finished: &Finished) {
    let call = &finished.call;
    let name = call.scenario().customer.name.clone();
    let catalogue = finished.call.catalogue();
    let scenario = finished.call.scenario();
    let mut verdicts: Vec<String> = Vec::new();
    let flush = |panel: &mut ChildSpawnerCommands, verdicts: &mut Vec<String>| {
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
                let voice = super::call::voice_name(channel, *voice);
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
                if let Some(better) = finished.score.better_replies.iter().find(|b| b.at == *at) {
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

fn shortcuts(keys: Option<Res<ButtonInput<KeyCode>>>, mut commands: MessageWriter<UiCommand>) {
    let Some(keys) = keys else { return };
    for (key, action) in [
        (KeyCode::KeyR, UiAction::Retry),
        (KeyCode::KeyN, UiAction::NextCase),
        (KeyCode::Escape, UiAction::BackToList),
    ] {
        if keys.just_pressed(key) {
            commands.write(UiCommand(action));
        }
    }
}

/// The body scrolls with the wheel and with the arrow and page keys (keyboard-only play).
fn scroll(
    mut wheel: MessageReader<MouseWheel>,
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut body: Query<(&mut ScrollPosition, &ComputedNode), With<DebriefBody>>,
) {
    let mut delta = 0.0;
    for w in wheel.read() {
        delta -= match w.unit {
            MouseScrollUnit::Line => w.y * 24.0,
            MouseScrollUnit::Pixel => w.y,
        };
    }
    if let Some(keys) = keys {
        if keys.pressed(KeyCode::ArrowDown) {
            delta += 12.0;
        }
        if keys.pressed(KeyCode::ArrowUp) {
            delta -= 12.0;
        }
        if keys.just_pressed(KeyCode::PageDown) {
            delta += 300.0;
        }
        if keys.just_pressed(KeyCode::PageUp) {
            delta -= 300.0;
        }
    }
    if delta == 0.0 {
        return;
    }
    for (mut position, computed) in &mut body {
        let max = ((computed.content_size().y - computed.size().y)
            * computed.inverse_scale_factor())
        .max(0.0);
        position.y = (position.y + delta).clamp(0.0, max);
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand>,
    finished: Res<Finished>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        let id = finished.call.scenario().id.clone();
        match action {
            UiAction::Retry => {
                // Retry the version in the library now (it may have been edited).
                if let Some(s) = cases.get(&id) {
                    commands.insert_resource(CurrentCase(s.clone()));
                }
                next.set(Screen::Brief);
            }
            UiAction::NextCase => {
                let plain = cases.plain();
                let mut following = cases.scenarios.iter().skip_while(|s| s.id != id).skip(1);
                match following.find(|s| {
                    htl_core::progress::access(s, &plain, &trainee.profile)
                        == htl_core::progress::Access::Open
                }) {
                    Some(s) => {
                        commands.insert_resource(CurrentCase(s.clone()));
                        next.set(Screen::Brief);
                    }
                    None => next.set(Screen::Select),
                }
            }
            UiAction::BackToList => next.set(Screen::Select),
            _ => {}
        }
    }
}

/// The start of a long text, cut at a word, with an ellipsis.
fn clipped(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', '.', ';', ':']))
}
