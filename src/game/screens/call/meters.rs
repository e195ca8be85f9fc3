//! The meters panel: anger, trust and patience easing towards the engine's values, and the
//! reasons each moved, which fade after a few seconds.

use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;
use bevy::ui::{ComputedNode, UiGlobalTransform};
use htl_core::engine::{Call, Event, Meter};
use htl_core::i18n::{Messages, note_text};
use htl_core::vocab::{Note, TimeAllowance};

use super::FreshEvents;
use crate::game::a11y;
use crate::game::locale::Locale;
use crate::game::session::{LiveCall, Trainee};
use crate::game::text::capital;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// How long a meter's reason stays up, and how many show at once.
const FLASH_SECS: f32 = 4.0;
/// Why a customer in a shift starts where they do (their wait, a missed promise) stays
/// longer: it explains the whole opening, not one reply.
const OPENING_FLASH_SECS: f32 = 15.0;
const MAX_FLASHES: usize = 6;

#[derive(Component)]
pub(super) struct MeterFill(Meter);
#[derive(Component)]
pub(super) struct MeterValue(Meter);
/// The meter as a screen reader has it: its value, and the reason it last moved.
#[derive(Component)]
pub(super) struct MeterRead(Meter);
/// The value each meter shows, easing towards the engine's.
#[derive(Resource, Default)]
pub(super) struct ShownMeters([f32; 3]);

impl ShownMeters {
    /// The meters where the customer starts the call.
    pub(super) fn starting(call: &Call) -> ShownMeters {
        ShownMeters(engine_values(call))
    }

    /// Whether every meter shows the engine's value (nothing left to ease).
    pub(super) fn settled(&self, call: &Call) -> bool {
        self.0 == engine_values(call)
    }
}

/// The engine's anger, trust and patience, in the order the meters are shown.
fn engine_values(call: &Call) -> [f32; 3] {
    let m = call.meters();
    [m.anger as f32, m.trust as f32, m.patience as f32]
}

#[derive(Component)]
pub(super) struct FlashList;
#[derive(Component)]
pub(super) struct Flash {
    age: f32,
    life: f32,
    /// Arrival order, newest highest: several changes arrive in the same frame.
    order: usize,
}

/// A meter's name in the locale's language.
fn meter_name(locale: &Locale, meter: Meter) -> String {
    locale.t(match meter {
        Meter::Anger => "meter-anger",
        Meter::Trust => "meter-trust",
        Meter::Patience => "meter-patience",
    })
}

fn meter_colour(meter: Meter) -> Color {
    match meter {
        Meter::Anger => palette::ANGER,
        Meter::Trust => palette::TRUST,
        Meter::Patience => palette::PATIENCE,
    }
}

/// The panel: each meter's name, value and bar, then the reasons they moved.
pub(super) fn panel(locale: &Locale) -> impl Bundle {
    let locale = *locale;
    (
        Name::new("Meters"),
        Node {
            width: px(300),
            flex_shrink: 0.0,
            ..widgets::panel()
        },
        BackgroundColor(palette::PANEL),
        Children::spawn(SpawnWith(move |panel: &mut ChildSpawner| {
            for meter in Meter::ALL {
                panel.spawn((
                    Node {
                        justify_content: JustifyContent::SpaceBetween,
                        margin: UiRect::top(px(4)),
                        flex_shrink: 0.0,
                        ..default()
                    },
                    children![
                        widgets::bold(
                            capital(&meter_name(&locale, meter)),
                            size::BODY,
                            meter_colour(meter)
                        ),
                        (
                            MeterValue(meter),
                            widgets::bold("", size::BODY, palette::TEXT),
                        ),
                    ],
                ));
                panel.spawn((
                    widgets::meter_track(),
                    MeterRead(meter),
                    a11y::meter_node(&capital(&meter_name(&locale, meter))),
                    children![(
                        MeterFill(meter),
                        Node {
                            width: percent(0),
                            height: percent(100),
                            border_radius: BorderRadius::all(px(7)),
                            ..default()
                        },
                        BackgroundColor(meter_colour(meter)),
                    )],
                ));
            }
            panel.spawn(widgets::bold(
                locale.t("meters-why"),
                size::SMALL,
                palette::TEXT_FAINT,
            ));
            panel.spawn((
                FlashList,
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(6),
                    flex_grow: 1.0,
                    min_height: px(0),
                    overflow: Overflow::clip(),
                    ..default()
                },
            ));
        })),
    )
}

pub(super) fn show_meters(
    live: Res<LiveCall>,
    time: Res<Time>,
    mut shown: ResMut<ShownMeters>,
    mut fills: Query<(&MeterFill, &mut Node)>,
    mut values: Query<(&MeterValue, &mut Text)>,
    mut read: Query<(&MeterRead, &mut AccessibilityNode)>,
) {
    let target = engine_values(&live.call);
    // Ease towards the engine's value so a change is seen, not just a jump: about a third of
    // a second, ending within half a point (a bar's width on screen), so a change costs a few
    // frames, not a second of them.
    let k = 1.0 - (-time.delta_secs() * 10.0).exp();
    for (shown, target) in shown.0.iter_mut().zip(target) {
        *shown += (target - *shown) * k;
        if (target - *shown).abs() < 0.5 {
            *shown = target;
        }
    }
    let index = |meter: Meter| match meter {
        Meter::Anger => 0,
        Meter::Trust => 1,
        Meter::Patience => 2,
    };
    for (fill, mut node) in &mut fills {
        node.width = percent(shown.0[index(fill.0)]);
    }
    for (value, mut text) in &mut values {
        let v = format!("{}", target[index(value.0)] as i32);
        if text.0 != v {
            text.0 = v;
        }
    }
    // The engine's value at once (not the easing one): a reader hears where it is.
    for (meter, mut node) in &mut read {
        let v = f64::from(target[index(meter.0)]);
        if node.numeric_value() != Some(v) {
            node.set_numeric_value(v);
        }
    }
}

/// Each reason the meters moved flashes at the top of the list, with every meter it moved
/// on one line ("-5 anger · +3 trust: Grant the right to be upset"): one line per reason
/// keeps the list short enough that no reason is pushed out of sight by its own echo.
pub(super) fn show_flashes(
    mut commands: Commands,
    fresh: Res<FreshEvents>,
    live: Res<LiveCall>,
    locale: Res<Locale>,
    flashes: Query<Entity, With<FlashList>>,
    mut read: Query<(&MeterRead, &mut AccessibilityNode)>,
) {
    let catalogue = live.call.catalogue();
    let in_chat = live.call.scenario().channel == htl_core::scenario::Channel::Chat;
    // Consecutive moves for the same reason, in arrival order: (first event, moves, reason).
    let mut groups: Vec<(usize, Vec<(Meter, i32)>, &htl_core::engine::Reason)> = Vec::new();
    for (offset, event) in fresh.events.iter().enumerate() {
        let Event::Meter {
            meter,
            delta,
            reason,
            ..
        } = event
        else {
            continue;
        };
        match groups.last_mut() {
            Some((_, moves, last))
                if last.what == reason.what
                    && last.rule == reason.rule
                    && !moves.iter().any(|(m, _)| m == meter) =>
            {
                moves.push((*meter, *delta));
            }
            _ => groups.push((offset, vec![(*meter, *delta)], reason)),
        }
    }
    let Ok(list) = flashes.single() else { return };
    for (offset, moves, reason) in groups {
        let rule = reason
            .rule
            .as_deref()
            .map(|id| catalogue.rule_name(locale.lang, id))
            .unwrap_or_default();
        let why = note_text(
            Messages::for_screen(),
            locale.lang,
            reason.what,
            &rule,
            in_chat,
        );
        // Good when the moves help the call on balance.
        let good = moves
            .iter()
            .map(|(meter, delta)| {
                if (*delta > 0) == meter.higher_is_better() {
                    1
                } else {
                    -1
                }
            })
            .sum::<i32>()
            >= 0;
        let changes: Vec<String> = moves
            .iter()
            .map(|(meter, delta)| {
                locale.tr(
                    "meter-change",
                    &[
                        ("delta", format!("{delta:+}").into()),
                        ("meter", meter_name(&locale, *meter).into()),
                    ],
                )
            })
            .collect();
        let said = locale.tr(
            "meter-moved",
            &[
                ("changes", changes.join(" · ").into()),
                ("reason", why.into()),
            ],
        );
        // A reader asks a meter why it moved last.
        for (meter, mut node) in &mut read {
            if moves.iter().any(|(m, _)| *m == meter.0) {
                node.set_description(said.clone());
            }
        }
        let id = commands
            .spawn((
                Flash {
                    age: 0.0,
                    // A trainee with more time to answer gets as much more time to read.
                    life: flash_life(
                        if matches!(
                            reason.what,
                            Note::Waited { .. }
                                | Note::PromiseMissed
                                | Note::CalledAgain
                                | Note::CalledBackAsPromised
                        ) {
                            OPENING_FLASH_SECS
                        } else {
                            FLASH_SECS
                        },
                        live.call.time_allowance(),
                    ),
                    order: fresh.first + offset,
                },
                widgets::paragraph(
                    said,
                    size::SMALL,
                    if good { palette::GOOD } else { palette::BAD },
                ),
            ))
            .id();
        // Newest first: the one place a child goes in at a given position.
        commands.entity(list).insert_children(0, &[id]);
    }
}

/// A reason the list has no room for is let go rather than shown cut in half (the oldest
/// goes first: the list is newest first).
pub(super) fn drop_clipped_flashes(
    mut commands: Commands,
    list: Query<(&ComputedNode, &UiGlobalTransform), With<FlashList>>,
    flashes: Query<(Entity, &ComputedNode, &UiGlobalTransform), With<Flash>>,
) {
    let Ok((list_node, list_at)) = list.single() else {
        return;
    };
    let bottom = list_at.translation.y + list_node.size().y / 2.0;
    for (entity, node, at) in &flashes {
        if node.size().y > 0.0 && at.translation.y + node.size().y / 2.0 > bottom + 0.5 {
            commands.entity(entity).despawn();
        }
    }
}

/// How long a reason stays: its own time, widened by the trainee's "more time".
fn flash_life(secs: f32, allowance: TimeAllowance) -> f32 {
    secs * allowance.factor() as f32
}

/// A reason's opacity at `age` of its `life`: it fades out towards the end, or stays solid
/// for a trainee who asked for still lines (fading text loses its contrast as it goes).
fn flash_alpha(age: f32, life: f32, still: bool) -> f32 {
    if still {
        1.0
    } else {
        1.0 - (age / life).clamp(0.0, 1.0).powi(3)
    }
}

/// Reasons fade out after a few seconds; only the newest few stay.
pub(super) fn age_flashes(
    mut commands: Commands,
    time: Res<Time>,
    trainee: Option<Res<Trainee>>,
    mut flashes: Query<(Entity, &mut Flash, &mut TextColor)>,
) {
    let still = trainee.is_some_and(|t| t.profile.lines_at_once);
    let mut newest_first: Vec<(usize, Entity)> = Vec::new();
    for (entity, mut flash, mut colour) in &mut flashes {
        flash.age += time.delta_secs();
        if flash.age > flash.life {
            commands.entity(entity).despawn();
        } else {
            colour
                .0
                .set_alpha(flash_alpha(flash.age, flash.life, still));
            newest_first.push((flash.order, entity));
        }
    }
    newest_first.sort_by_key(|&(order, _)| std::cmp::Reverse(order));
    for (_, entity) in newest_first.into_iter().skip(MAX_FLASHES) {
        commands.entity(entity).despawn();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_stay_longer_with_more_time_and_keep_still_when_asked() {
        assert_eq!(flash_life(6.0, TimeAllowance::Standard), 6.0);
        assert_eq!(flash_life(6.0, TimeAllowance::Double), 12.0);
        // Fading: solid at first, faint near the end.
        assert_eq!(flash_alpha(0.0, 6.0, false), 1.0);
        assert!(flash_alpha(5.5, 6.0, false) < 0.3);
        // Still: as readable at the end as at the start.
        assert_eq!(flash_alpha(5.5, 6.0, true), 1.0);
    }
}
