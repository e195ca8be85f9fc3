//! The debrief's chart: anger and trust over the call as stepped lines, the anger at which
//! the customer gives up, and marks where a rule was broken or followed.

use bevy::prelude::*;
use htl_core::engine::{Event, Meter, Meters, Millis, Verdict, meter_history};

use crate::game::locale::Locale;
use crate::game::text::short_clock;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

const CHART_HEIGHT: f32 = 130.0;
/// Room at the side for the 0 / 50 / 100 labels and at the top for the call's length, so
/// no line of the chart crosses a label.
const GUTTER: f32 = 30.0;
const TOP_BAND: f32 = 16.0;

/// The chart's panel: a title, the chart, and how to read it.
pub(super) fn panel(
    locale: &Locale,
    events: &[Event],
    start: Meters,
    end: Millis,
    anger_limit: i32,
) -> impl Bundle {
    widgets::titled_panel(
        widgets::panel(),
        widgets::panel_heading(locale.t("chart-title")),
        (
            Spawn(chart(events, start, end, anger_limit)),
            Spawn(widgets::paragraph(
                locale.t("chart-legend"),
                size::SMALL,
                palette::TEXT_DIM,
            )),
        ),
    )
}

/// Where a meter value sits on the chart, as a percentage from the bottom.
fn chart_y(value: i32) -> f32 {
    value.clamp(0, 100) as f32 * 0.9 + 4.0
}

/// A faint line across the chart at a meter value.
fn level_line(value: i32, colour: Color) -> impl Bundle {
    (
        Node {
            position_type: PositionType::Absolute,
            left: px(0),
            right: px(0),
            bottom: percent(chart_y(value)),
            height: px(1),
            ..default()
        },
        BackgroundColor(colour),
    )
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

fn chart(events: &[Event], start: Meters, end: Millis, anger_limit: i32) -> impl Bundle {
    let events = events.to_vec();
    (
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
        Children::spawn(SpawnWith(move |chart: &mut ChildSpawner| {
            spawn_chart(chart, &events, start, end, anger_limit);
        })),
    )
}

fn spawn_chart(
    chart: &mut ChildSpawner,
    events: &[Event],
    start: Meters,
    end: Millis,
    anger_limit: i32,
) {
    // The labels in a gutter of their own, level with the plot beside it.
    let band = |left: f32, right: Option<f32>| Node {
        position_type: PositionType::Absolute,
        left: px(left),
        right: right.map_or(Val::Auto, px),
        width: if right.is_some() {
            Val::Auto
        } else {
            px(GUTTER)
        },
        top: px(TOP_BAND),
        bottom: px(2),
        ..default()
    };
    chart.spawn((
        band(0.0, None),
        Children::spawn(SpawnWith(move |gutter: &mut ChildSpawner| {
            for (value, label) in [(0, "0"), (50, "50"), (100, "100")] {
                gutter.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        right: px(4),
                        // Centred on its line's height (the text is about 12 px tall).
                        bottom: percent(chart_y(value)),
                        margin: UiRect::bottom(px(-6)),
                        ..default()
                    },
                    children![widgets::text(label, size::SMALL - 2.0, palette::TEXT_FAINT)],
                ));
            }
        })),
    ));
    let events_for_plot = events.to_vec();
    chart.spawn((
        band(GUTTER, Some(6.0)),
        Children::spawn(SpawnWith(move |plot: &mut ChildSpawner| {
            spawn_plot(plot, &events_for_plot, start, end, anger_limit);
        })),
    ));
    chart.spawn((
        Node {
            position_type: PositionType::Absolute,
            right: px(6),
            top: px(1),
            ..default()
        },
        children![widgets::text(
            short_clock(end),
            size::SMALL - 2.0,
            palette::TEXT_FAINT
        )],
    ));
}

/// The lines and marks, in the plot area beside the labels.
fn spawn_plot(
    chart: &mut ChildSpawner,
    events: &[Event],
    start: Meters,
    end: Millis,
    anger_limit: i32,
) {
    let x_of = |t: Millis| (t as f32 * 100.0 / end as f32).min(100.0);
    // From where the customer started, so a meter that never moves is drawn where it is.
    let anger = steps(&meter_history(events, start, Meter::Anger));
    let trust = steps(&meter_history(events, start, Meter::Trust));
    // A faint grid at 0, 50 and 100 (labelled beside the plot), and the anger at which they
    // give up.
    for value in [0, 50, 100] {
        chart.spawn(level_line(value, palette::BORDER.with_alpha(0.5)));
    }
    chart.spawn(level_line(anger_limit, palette::ANGER.with_alpha(0.45)));
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
}
