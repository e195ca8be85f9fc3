//! The live call: the customer's lines appear as they are spoken (a shouted line looks
//! shouted), the meters move smoothly and flash the reason for each change, reply cards
//! answer by number key or click, the voice control is always visible, and a pause
//! control stops the clock when real life interrupts.

use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;
use bevy::winit::WinitSettings;
use htl_core::engine::{Call, Event, LineKind, Meter, Phase, ReplyTiming, Voice, clock};
use htl_core::scenario::{Channel, Intensity};

use crate::game::actions::{UiAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::session::{CurrentCase, LiveCall, Trainee, finish, next_seed};
use crate::game::theme::fonts::UiFonts;
use crate::game::theme::interaction::Selected;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};
use crate::game::{GameConfig, Screen};

/// The voice the next reply is said in.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChosenVoice(pub Voice);

/// How long the ending stays on screen before the debrief.
const ENDING_HOLD_SECS: f32 = 2.5;
/// Lines kept on screen; the debrief has the whole transcript.
const VISIBLE_BUBBLES: usize = 6;
/// How long a meter's reason stays up, and how many show at once.
const FLASH_SECS: f32 = 4.0;
const MAX_FLASHES: usize = 6;

#[derive(Component)]
struct Conversation;
/// A line in the conversation, in order of arrival.
#[derive(Component)]
pub struct Bubble {
    pub order: usize,
    pub text: String,
    pub from_customer: bool,
}
/// The line the customer is saying now, revealed as they speak.
#[derive(Component)]
struct Speaking {
    text: String,
    intensity: Intensity,
}
#[derive(Component)]
struct MeterFill(Meter);
#[derive(Component)]
struct MeterValue(Meter);
/// The value each meter shows, easing towards the engine's.
#[derive(Resource, Default)]
struct ShownMeters([f32; 3]);
#[derive(Component)]
struct FlashList;
#[derive(Component)]
struct Flash {
    age: f32,
    /// Arrival order, newest highest: several changes arrive in the same frame.
    order: usize,
}
#[derive(Component)]
struct ReplyList;
#[derive(Component)]
pub struct ReplyCard(pub usize);
#[derive(Component)]
struct ReplyText;
#[derive(Component)]
struct VoiceButton(Voice);
#[derive(Component)]
pub struct StatusText;
#[derive(Component)]
struct TimerText;
#[derive(Component)]
struct PauseOverlay;
#[derive(Component)]
struct ResumeButton;
/// The note in the empty conversation before the first line.
#[derive(Component)]
struct CallOpening;
#[derive(Component)]
struct EndingBanner;

/// Which beat the reply cards show, and how long the ending has been on screen.
#[derive(Resource, Default)]
struct CallView {
    cards_for_beat: Option<usize>,
    /// Card slot (what key 1-4 presses) → the scenario's reply index.
    card_order: Vec<usize>,
    bubbles: usize,
    ended_for: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ChosenVoice(Voice::Even))
        .init_resource::<ShownMeters>()
        .init_resource::<CallView>()
        .add_systems(OnEnter(Screen::Call), (start_call, spawn).chain())
        .add_systems(OnExit(Screen::Call), leave_call)
        .add_systems(
            Update,
            (
                shortcuts,
                handle,
                drive,
                show_events,
                show_speaking,
                show_meters,
                show_cards,
                show_status,
                age_flashes,
                end_when_over,
            )
                .chain()
                .run_if(in_state(Screen::Call)),
        );
}

fn start_call(
    mut commands: Commands,
    case: Res<CurrentCase>,
    cases: Res<Cases>,
    config: Res<GameConfig>,
    winit: Option<ResMut<WinitSettings>>,
) {
    let call = Call::new(case.0.clone(), cases.catalogue.clone(), next_seed(&config));
    let m = call.meters();
    // Every call starts fresh: meters shown where the customer starts, an even voice.
    commands.insert_resource(ShownMeters([
        m.anger as f32,
        m.trust as f32,
        m.patience as f32,
    ]));
    commands.insert_resource(ChosenVoice(Voice::Even));
    commands.insert_resource(CallView::default());
    commands.insert_resource(LiveCall {
        call,
        shown: 0,
        carry: 0.0,
    });
    // The call animates every frame; menus only redraw on input.
    if let Some(mut winit) = winit {
        *winit = WinitSettings::game();
    }
}

fn leave_call(mut commands: Commands, winit: Option<ResMut<WinitSettings>>) {
    commands.remove_resource::<LiveCall>();
    if let Some(mut winit) = winit {
        *winit = crate::game::menu_redraw();
    }
}

fn meter_colour(meter: Meter) -> Color {
    match meter {
        Meter::Anger => palette::ANGER,
        Meter::Trust => palette::TRUST,
        Meter::Patience => palette::PATIENCE,
    }
}

fn spawn(mut commands: Commands, fonts: Res<UiFonts>, case: Res<CurrentCase>) {
    let s = &case.0;
    let voice_word = if s.channel == Channel::Chat {
        "Tone"
    } else {
        "Voice"
    };
    let root = commands
        .spawn((
            widgets::screen_root("Call screen"),
            DespawnOnExit(Screen::Call),
            TabGroup::new(0),
        ))
        .id();
    commands.entity(root).with_children(|root| {
        // Top bar: who, what, status, timer, pause.
        root.spawn(Node {
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            column_gap: px(16),
            ..default()
        })
        .with_children(|bar| {
            bar.spawn(Node {
                flex_direction: FlexDirection::Column,
                ..default()
            })
            .with_children(|c| {
                c.spawn(widgets::bold(
                    &fonts,
                    s.customer.name.clone(),
                    size::TITLE,
                    palette::TEXT,
                ));
                c.spawn(widgets::text(
                    &fonts,
                    format!("{} · {}", s.title, s.channel.label()),
                    size::BODY,
                    palette::TEXT_DIM,
                ));
            });
            bar.spawn((
                StatusText,
                widgets::bold(&fonts, "", size::LARGE, palette::ACCENT),
            ));
            bar.spawn(Node {
                column_gap: px(16),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|c| {
                c.spawn((
                    TimerText,
                    widgets::bold(&fonts, "0:00", size::TITLE, palette::TEXT),
                ));
                c.spawn(widgets::button(&fonts, "Pause  (P)", UiAction::TogglePause));
            });
        });
        // Middle: the conversation and the meters.
        root.spawn(Node {
            flex_grow: 1.0,
            column_gap: px(16),
            min_height: px(0),
            ..default()
        })
        .with_children(|middle| {
            middle.spawn((
                Conversation,
                Name::new("Conversation"),
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
                // Until the first line, the panel says what is happening.
                children![(
                    CallOpening,
                    Node {
                        flex_grow: 1.0,
                        align_self: AlignSelf::Center,
                        align_items: AlignItems::Center,
                        ..default()
                    },
                    children![widgets::text(
                        &fonts,
                        match s.channel {
                            Channel::Phone => format!("Incoming call: {}", s.customer.name),
                            Channel::Chat => format!("New chat from {}", s.customer.name),
                            Channel::FrontDesk => {
                                format!("{} comes up to the desk", s.customer.name)
                            }
                        },
                        size::LARGE,
                        palette::TEXT_FAINT,
                    )],
                )],
            ));
            middle
                .spawn((
                    Name::new("Meters"),
                    Node {
                        width: px(300),
                        flex_shrink: 0.0,
                        ..widgets::panel()
                    },
                    BackgroundColor(palette::PANEL),
                ))
                .with_children(|panel| {
                    for meter in Meter::ALL {
                        panel
                            .spawn(Node {
                                justify_content: JustifyContent::SpaceBetween,
                                margin: UiRect::top(px(4)),
                                flex_shrink: 0.0,
                                ..default()
                            })
                            .with_children(|row| {
                                row.spawn(widgets::bold(
                                    &fonts,
                                    capital(meter.label()),
                                    size::BODY,
                                    meter_colour(meter),
                                ));
                                row.spawn((
                                    MeterValue(meter),
                                    widgets::bold(&fonts, "", size::BODY, palette::TEXT),
                                ));
                            });
                        panel.spawn(widgets::meter_track()).with_children(|track| {
                            track.spawn((
                                MeterFill(meter),
                                Node {
                                    width: percent(0),
                                    height: percent(100),
                                    border_radius: BorderRadius::all(px(7)),
                                    ..default()
                                },
                                BackgroundColor(meter_colour(meter)),
                            ));
                        });
                    }
                    panel.spawn(widgets::bold(
                        &fonts,
                        "Why they moved",
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
                });
        });
        // Bottom: replies and the voice control.
        root.spawn((
            ReplyList,
            Name::new("Replies"),
            Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(6),
                ..default()
            },
        ));
        root.spawn(Node {
            align_items: AlignItems::Center,
            column_gap: px(10),
            ..default()
        })
        .with_children(|row| {
            row.spawn(widgets::bold(
                &fonts,
                format!("{voice_word}:"),
                size::BODY,
                palette::TEXT_DIM,
            ));
            for (voice, key) in [(Voice::Soft, "S"), (Voice::Even, "E"), (Voice::Firm, "F")] {
                let label = capital(voice_name(s.channel, voice));
                row.spawn((
                    widgets::button(&fonts, format!("{label}  ({key})"), UiAction::Voice(voice)),
                    VoiceButton(voice),
                    Selected(voice == Voice::Even),
                ));
            }
            // Onboarding tiers spell out the cue; later tiers leave it to the trainee.
            let hint = match (s.tier, s.channel) {
                (1 | 2, Channel::Chat) => {
                    "Answer with 1-4. Wait until they stop typing; answer capitals warmly."
                }
                (1 | 2, _) => {
                    "Answer with 1-4. Wait for the pause; answer a shouting customer softly."
                }
                _ => "Answer with 1-4.",
            };
            row.spawn(widgets::text(
                &fonts,
                hint,
                size::SMALL,
                palette::TEXT_FAINT,
            ));
        });
        // The pause overlay, hidden until paused.
        root.spawn((
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
            BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.75)),
            children![
                widgets::bold(
                    &fonts,
                    "Paused. The clock is stopped.",
                    size::TITLE,
                    palette::TEXT
                ),
                // The overlay covers the Pause button, so it brings its own way back.
                (
                    widgets::button(&fonts, "Resume  (P)", UiAction::TogglePause),
                    ResumeButton,
                ),
            ],
        ));
    });
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    voice: Res<ChosenVoice>,
    view: Res<CallView>,
    mut commands: MessageWriter<UiCommand>,
) {
    let Some(keys) = keys else { return };
    let replies = [
        (KeyCode::Digit1, KeyCode::Numpad1),
        (KeyCode::Digit2, KeyCode::Numpad2),
        (KeyCode::Digit3, KeyCode::Numpad3),
        (KeyCode::Digit4, KeyCode::Numpad4),
    ];
    for (slot, (a, b)) in replies.into_iter().enumerate() {
        if keys.any_just_pressed([a, b])
            && let Some(&reply) = view.card_order.get(slot)
        {
            commands.write(UiCommand(UiAction::Reply(reply)));
        }
    }
    for (key, v) in [
        (KeyCode::KeyS, Voice::Soft),
        (KeyCode::KeyE, Voice::Even),
        (KeyCode::KeyF, Voice::Firm),
    ] {
        if keys.just_pressed(key) {
            commands.write(UiCommand(UiAction::Voice(v)));
        }
    }
    let cycle = |step: i32| {
        let i = Voice::ALL.iter().position(|v| *v == voice.0).unwrap_or(1) as i32;
        Voice::ALL[(i + step).clamp(0, 2) as usize]
    };
    if keys.just_pressed(KeyCode::ArrowLeft) {
        commands.write(UiCommand(UiAction::Voice(cycle(-1))));
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        commands.write(UiCommand(UiAction::Voice(cycle(1))));
    }
    // Not Space: Space presses whichever button has keyboard focus.
    if keys.just_pressed(KeyCode::KeyP) {
        commands.write(UiCommand(UiAction::TogglePause));
    }
}

fn handle(
    mut requests: MessageReader<UiCommand>,
    mut live: ResMut<LiveCall>,
    mut voice: ResMut<ChosenVoice>,
    mut buttons: Query<(&VoiceButton, &mut Selected)>,
    mut overlay: Query<&mut Node, With<PauseOverlay>>,
    resume: Query<Entity, With<ResumeButton>>,
    focus: Option<ResMut<InputFocus>>,
) {
    let mut focus = focus;
    for UiCommand(action) in requests.read() {
        match action {
            UiAction::Reply(i) => {
                // A refused reply (paused, still talking, no such card) is simply ignored:
                // the cards show when a reply can be given.
                let _ = live.call.respond(*i, voice.0);
            }
            UiAction::Voice(v) => {
                voice.0 = *v;
                for (button, mut selected) in &mut buttons {
                    selected.0 = button.0 == *v;
                }
            }
            UiAction::TogglePause => {
                let paused = !live.call.is_paused();
                live.call.set_paused(paused);
                for mut node in &mut overlay {
                    node.display = if paused { Display::Flex } else { Display::None };
                }
                // Enter or Space resumes from the keyboard, as P does.
                if let Some(focus) = focus.as_mut() {
                    match resume.iter().next().filter(|_| paused) {
                        Some(button) => focus.set(button, FocusCause::Navigated),
                        None => focus.clear(),
                    }
                }
            }
            _ => {}
        }
    }
}

/// Gives the engine the frame's time. It counts whole milliseconds; the rest carries over.
fn drive(time: Res<Time>, mut live: ResMut<LiveCall>) {
    if live.call.is_paused() || live.call.is_over() {
        return;
    }
    let total = live.carry + time.delta_secs() * 1000.0;
    let whole = total.floor();
    live.carry = total - whole;
    live.call.advance(whole as u32);
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

/// What the trainee's voice is called on this channel: in a chat it is the tone of the text.
pub(super) fn voice_name(channel: Channel, voice: Voice) -> &'static str {
    match (channel, voice) {
        (Channel::Chat, Voice::Soft) => "warm",
        (Channel::Chat, Voice::Even) => "neutral",
        (Channel::Chat, Voice::Firm) => "curt",
        (_, voice) => voice.label(),
    }
}

/// Turns new engine events into bubbles and meter flashes.
#[allow(clippy::too_many_arguments)]
fn show_events(
    mut commands: Commands,
    fonts: Res<UiFonts>,
    mut live: ResMut<LiveCall>,
    mut view: ResMut<CallView>,
    conversation: Query<Entity, With<Conversation>>,
    flashes: Query<Entity, With<FlashList>>,
    bubbles: Query<(Entity, &Bubble)>,
    speaking: Query<Entity, With<Speaking>>,
    opening: Query<Entity, With<CallOpening>>,
    case: Res<CurrentCase>,
) {
    let Ok(conversation) = conversation.single() else {
        return;
    };
    let first = live.shown;
    let new: Vec<Event> = live.call.events()[first..].to_vec();
    let speaks = new
        .iter()
        .any(|e| matches!(e, Event::CustomerLine { .. } | Event::Reply { .. }));
    if speaks {
        for opening in &opening {
            commands.entity(opening).despawn();
        }
    }
    live.shown = live.call.events().len();
    let name = case.0.customer.name.clone();
    // Bubbles spawned this frame are not in the `bubbles` query until the commands apply.
    let mut spawned_now = 0;
    for (offset, event) in new.into_iter().enumerate() {
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
                    commands.entity(e).remove::<Speaking>();
                }
                let (bg, fg, font_size, is_bold) = bubble_style(intensity, true, Some(kind));
                let chat = case.0.channel == Channel::Chat;
                let label = match kind {
                    LineKind::Retort => format!("{name} (cut off)"),
                    LineKind::Nudge if chat => format!("{name} (after your silence)"),
                    LineKind::Nudge => format!("{name} (into the silence)"),
                    _ if intensity == Intensity::Shout && chat => format!("{name} (in capitals)"),
                    _ if intensity == Intensity::Shout => format!("{name} (shouting)"),
                    _ if intensity == Intensity::Raised && chat => format!("{name} (heated)"),
                    _ if intensity == Intensity::Raised => format!("{name} (voice raised)"),
                    _ => name.clone(),
                };
                let order = view.bubbles;
                view.bubbles += 1;
                spawned_now += 1;
                let shown_text = if duration > 0 {
                    String::new()
                } else {
                    text.clone()
                };
                let mut bubble = commands.spawn((
                    Bubble {
                        order,
                        text: text.clone(),
                        from_customer: true,
                    },
                    Node {
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::axes(px(12), px(8)),
                        border_radius: BorderRadius::all(px(10)),
                        max_width: percent(82),
                        align_self: AlignSelf::FlexStart,
                        ..default()
                    },
                    BackgroundColor(bg),
                ));
                bubble.with_children(|b| {
                    b.spawn(widgets::text(&fonts, label, size::SMALL, palette::TEXT_DIM));
                    let body = if is_bold {
                        b.spawn(widgets::bold(&fonts, shown_text, font_size, fg))
                            .id()
                    } else {
                        b.spawn(widgets::text(&fonts, shown_text, font_size, fg))
                            .id()
                    };
                    b.commands()
                        .entity(body)
                        .insert(TextLayout::new(Justify::Start, LineBreak::WordBoundary));
                    if duration > 0 {
                        b.commands().entity(body).insert(Speaking {
                            text: text.clone(),
                            intensity,
                        });
                    }
                });
                let id = bubble.id();
                commands.entity(conversation).add_child(id);
            }
            Event::Reply {
                text,
                voice,
                timing,
                ..
            } => {
                for e in &speaking {
                    commands.entity(e).remove::<Speaking>();
                }
                let order = view.bubbles;
                view.bubbles += 1;
                spawned_now += 1;
                let channel = case.0.channel;
                let how = match (timing, channel) {
                    (ReplyTiming::Interrupting, Channel::Chat) => {
                        format!(
                            "You, {}, while they were typing",
                            voice_name(channel, voice)
                        )
                    }
                    (ReplyTiming::Interrupting, _) => {
                        format!("You, {} voice, interrupting", voice_name(channel, voice))
                    }
                    (_, Channel::Chat) => format!("You, {}", voice_name(channel, voice)),
                    _ => format!("You, {} voice", voice_name(channel, voice)),
                };
                let id = commands
                    .spawn((
                        Bubble {
                            order,
                            text: text.clone(),
                            from_customer: false,
                        },
                        Node {
                            flex_direction: FlexDirection::Column,
                            padding: UiRect::axes(px(12), px(8)),
                            border_radius: BorderRadius::all(px(10)),
                            max_width: percent(82),
                            align_self: AlignSelf::FlexEnd,
                            ..default()
                        },
                        BackgroundColor(palette::TRAINEE_BUBBLE),
                        children![
                            widgets::text(
                                &fonts,
                                how,
                                size::SMALL,
                                if timing == ReplyTiming::Interrupting {
                                    palette::BAD
                                } else {
                                    palette::TEXT_DIM
                                }
                            ),
                            (
                                widgets::text(&fonts, text, size::BODY, palette::TEXT),
                                TextLayout::new(Justify::Start, LineBreak::WordBoundary)
                            ),
                        ],
                    ))
                    .id();
                commands.entity(conversation).add_child(id);
            }
            Event::Meter {
                meter,
                delta,
                reason,
                ..
            } => {
                let good = (delta > 0) == meter.higher_is_better();
                let Ok(list) = flashes.single() else { continue };
                let id = commands
                    .spawn((
                        Flash {
                            age: 0.0,
                            order: first + offset,
                        },
                        widgets::paragraph(
                            &fonts,
                            format!("{delta:+} {}: {}", meter.label(), reason.text),
                            size::SMALL,
                            if good { palette::GOOD } else { palette::BAD },
                        ),
                    ))
                    .id();
                commands.entity(list).insert_children(0, &[id]);
            }
            Event::Ended { text, kind, .. } => {
                let id = commands
                    .spawn((
                        EndingBanner,
                        Node {
                            padding: UiRect::all(px(12)),
                            border_radius: BorderRadius::all(px(10)),
                            align_self: AlignSelf::Center,
                            // A long ending wraps inside the conversation panel.
                            max_width: percent(100),
                            flex_shrink: 0.0,
                            ..default()
                        },
                        BackgroundColor(if kind.settles() {
                            palette::ACCENT_DARK
                        } else {
                            palette::SHOUT_BUBBLE
                        }),
                        children![widgets::bold(
                            &fonts,
                            format!(
                                "{} ended: {}. {text}",
                                if case.0.channel == Channel::Chat {
                                    "Chat"
                                } else {
                                    "Call"
                                },
                                kind.label()
                            ),
                            size::LARGE,
                            palette::TEXT
                        )],
                    ))
                    .id();
                commands.entity(conversation).add_child(id);
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

/// Reveals the line being spoken word by word; a shouted line shakes a little.
fn show_speaking(
    live: Res<LiveCall>,
    mut speaking: Query<(&Speaking, &mut Text, &mut Node)>,
    time: Res<Time>,
) {
    let progress = match live.call.phase() {
        Phase::Speaking { progress, .. } => progress,
        _ => 1.0,
    };
    for (line, mut text, mut node) in &mut speaking {
        let chars = line.text.chars().count();
        let shown = ((chars as f32) * progress).ceil() as usize;
        let visible: String = line.text.chars().take(shown.min(chars)).collect();
        if text.0 != visible {
            text.0 = visible;
        }
        let shake = if line.intensity == Intensity::Shout && progress < 1.0 {
            (time.elapsed_secs() * 40.0).sin() * 2.0
        } else {
            0.0
        };
        node.left = px(shake);
    }
}

fn show_meters(
    live: Res<LiveCall>,
    time: Res<Time>,
    mut shown: ResMut<ShownMeters>,
    mut fills: Query<(&MeterFill, &mut Node)>,
    mut values: Query<(&MeterValue, &mut Text)>,
) {
    let m = live.call.meters();
    let target = [m.anger as f32, m.trust as f32, m.patience as f32];
    // Ease towards the engine's value so a change is seen, not just a jump.
    let k = 1.0 - (-time.delta_secs() * 6.0).exp();
    for (shown, target) in shown.0.iter_mut().zip(target) {
        *shown += (target - *shown) * k;
        if (target - *shown).abs() < 0.05 {
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
}

/// The reply cards for the current beat, dimmed while they cannot be used.
fn show_cards(
    mut commands: Commands,
    fonts: Res<UiFonts>,
    live: Res<LiveCall>,
    mut view: ResMut<CallView>,
    list: Query<Entity, With<ReplyList>>,
    mut cards: Query<(&ReplyCard, &mut BackgroundColor)>,
    mut texts: Query<&mut TextColor, With<ReplyText>>,
) {
    let Ok(list) = list.single() else { return };
    let beat = (!live.call.is_over()).then(|| live.call.beat());
    if view.cards_for_beat != beat {
        view.cards_for_beat = beat;
        commands.entity(list).despawn_children();
        view.card_order = if beat.is_some() {
            live.call.reply_order()
        } else {
            Vec::new()
        };
        let replies = live.call.replies();
        for (slot, &i) in view.card_order.iter().enumerate() {
            let reply = &replies[i];
            let card = commands
                .spawn((
                    Name::new(format!("Reply card {}", slot + 1)),
                    ReplyCard(i),
                    bevy::ui_widgets::Button,
                    bevy::picking::hover::Hovered::default(),
                    TabIndex(0),
                    UiAction::Reply(i),
                    Node {
                        align_items: AlignItems::Center,
                        column_gap: px(12),
                        padding: UiRect::axes(px(12), px(8)),
                        border: UiRect::all(px(1)),
                        border_radius: BorderRadius::all(px(8)),
                        ..default()
                    },
                    BackgroundColor(palette::BUTTON),
                    BorderColor::all(palette::BORDER),
                ))
                .with_children(|c| {
                    c.spawn(widgets::key_hint(&fonts, &format!("{}", slot + 1)));
                    c.spawn((
                        ReplyText,
                        widgets::paragraph(&fonts, reply.text.clone(), size::BODY, palette::TEXT),
                        Pickable::IGNORE,
                    ));
                })
                .id();
            commands.entity(list).add_child(card);
        }
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

type StatusLine = (&'static mut Text, &'static mut TextColor);

fn show_status(
    live: Res<LiveCall>,
    case: Res<CurrentCase>,
    mut status: Query<StatusLine, (With<StatusText>, Without<TimerText>)>,
    mut timer: Query<&mut Text, (With<TimerText>, Without<StatusText>)>,
) {
    let name = case
        .0
        .customer
        .name
        .split_whitespace()
        .next()
        .unwrap_or("The customer")
        .to_string();
    // Onboarding tiers name the cue; later tiers only say what is happening.
    let venting = if case.0.tier <= 2 {
        format!("{name} is venting. Let them finish.")
    } else {
        format!("{name} is venting.")
    };
    // A chat is typed, not spoken.
    let chat = case.0.channel == Channel::Chat;
    let talking = if chat {
        format!("{name} is typing")
    } else {
        format!("{name} is talking")
    };
    let (line, colour) = if live.call.is_paused() {
        ("Paused".to_string(), palette::TEXT_DIM)
    } else {
        match live.call.phase() {
            Phase::Speaking { intensity, .. } if intensity.is_loud() => {
                (venting.clone(), palette::ANGER)
            }
            Phase::Speaking { .. } => (talking.clone(), palette::TEXT_DIM),
            Phase::Breath if live.call.is_mid_outburst() => (venting.clone(), palette::ANGER),
            Phase::Breath => (talking.clone(), palette::TEXT_DIM),
            Phase::Pausing if chat => ("They stopped typing: your cue".to_string(), palette::GOOD),
            Phase::Pausing => ("A pause: your cue to speak".to_string(), palette::GOOD),
            Phase::Waiting { in_pause: true, .. } => ("Your turn".to_string(), palette::GOOD),
            Phase::Waiting { silent_for, .. } => {
                (format!("Silence: {} s", silent_for / 1000), palette::WARN)
            }
            Phase::Replying { .. } if chat => ("You are typing".to_string(), palette::ACCENT),
            Phase::Replying { .. } => ("You are speaking".to_string(), palette::ACCENT),
            Phase::Ended if chat => ("The chat has ended".to_string(), palette::TEXT_DIM),
            Phase::Ended => ("The call has ended".to_string(), palette::TEXT_DIM),
        }
    };
    for (mut text, mut color) in &mut status {
        if text.0 != line {
            text.0 = line.clone();
            color.0 = colour;
        }
    }
    let t = clock(live.call.now());
    let t = t.split('.').next().unwrap_or(&t).to_string();
    for mut text in &mut timer {
        if text.0 != t {
            text.0 = t.clone();
        }
    }
}

/// Reasons fade out after a few seconds; only the newest few stay.
fn age_flashes(
    mut commands: Commands,
    time: Res<Time>,
    mut flashes: Query<(Entity, &mut Flash, &mut TextColor)>,
) {
    let mut newest_first: Vec<(usize, Entity)> = Vec::new();
    for (entity, mut flash, mut colour) in &mut flashes {
        flash.age += time.delta_secs();
        if flash.age > FLASH_SECS {
            commands.entity(entity).despawn();
        } else {
            colour.0.set_alpha(1.0 - (flash.age / FLASH_SECS).powi(3));
            newest_first.push((flash.order, entity));
        }
    }
    newest_first.sort_by_key(|&(order, _)| std::cmp::Reverse(order));
    for (_, entity) in newest_first.into_iter().skip(MAX_FLASHES) {
        commands.entity(entity).despawn();
    }
}

/// After the ending has been on screen a moment, save the result and show the debrief.
fn end_when_over(
    mut commands: Commands,
    time: Res<Time>,
    live: Res<LiveCall>,
    mut view: ResMut<CallView>,
    trainee: Option<ResMut<Trainee>>,
    cases: Res<Cases>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !live.call.is_over() {
        return;
    }
    view.ended_for += time.delta_secs();
    if view.ended_for < ENDING_HOLD_SECS {
        return;
    }
    let Some(mut trainee) = trainee else { return };
    let finished = finish(live.call.clone(), &mut trainee, &cases);
    commands.insert_resource(finished);
    next.set(Screen::Debrief);
}
