//! The debrief screen: the plugin, the layout (summary; checklist beside chart and
//! transcript, scrolling together; the actions), keys and commands (retry, next, back).

mod chart;
mod checklist;
mod summary;
mod transcript;

use bevy::input_focus::tab_navigation::TabGroup;
use bevy::input_focus::{AutoFocus, FocusCause, InputFocus};
use bevy::prelude::*;

use crate::game::Screen;
use crate::game::actions::{DebriefAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, Finished, Trainee};
use crate::game::theme::palette;
use crate::game::theme::scroll::ScrollHint;
use crate::game::theme::scroll::{Scrollable, scroll_panel};
use crate::game::theme::widgets::{self, size};

pub use checklist::RuleLine;
pub use summary::{ScoreText, TierAnnouncement};
pub use transcript::BetterReplyNote;

/// The scrolling body of the debrief.
#[derive(Component)]
pub struct DebriefBody;

/// The "Next case" button, where the keyboard starts after a pass.
#[derive(Component)]
pub struct NextCaseButton;

/// After a pass the next step is the next case, so Enter goes there; after a fail, Retry
/// (which has the focus on arrival) is.
fn focus_next_after_a_pass(
    finished: Res<Finished>,
    next: Query<Entity, With<NextCaseButton>>,
    focus: Option<ResMut<InputFocus>>,
) {
    if let (true, Ok(button), Some(mut focus)) = (finished.score.passed, next.single(), focus) {
        focus.set(button, FocusCause::Navigated);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Debrief),
        (spawn, focus_next_after_a_pass).chain(),
    )
    .add_systems(
        Update,
        (shortcuts, handle)
            .chain()
            .run_if(in_state(Screen::Debrief)),
    );
}

fn spawn(
    mut commands: Commands,
    finished: Res<Finished>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    locale: Res<Locale>,
) {
    let call = &finished.call;
    let scenario = call.scenario();
    let next_exists = cases
        .progression(&trainee.profile)
        .next_case(&scenario.id)
        .is_some();
    let announcement = (!finished.opened_tiers.is_empty())
        .then(|| summary::tier_announcement(&locale, &finished.opened_tiers));
    // Body: checklist | chart and transcript, scrolling together (wheel, arrows, pages).
    let body = (
        DebriefBody,
        Name::new("Debrief body"),
        scroll_panel(
            Node {
                flex_grow: 1.0,
                column_gap: px(16),
                align_items: AlignItems::FlexStart,
                ..default()
            },
            Scrollable { arrow_keys: true },
        ),
        children![
            checklist::panel(
                &locale,
                &finished.score,
                call.catalogue(),
                scenario.channel == htl_core::scenario::Channel::Chat,
            ),
            (
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    row_gap: px(12),
                    ..default()
                },
                children![
                    chart::panel(
                        &locale,
                        call.events(),
                        scenario.customer.meters,
                        call.now().max(1),
                        scenario.customer.temperament.limit,
                    ),
                    transcript::panel(&locale, call, &finished.score.better_replies),
                ],
            ),
        ],
    );
    let next = next_exists.then(|| {
        (
            widgets::button(locale.t("debrief-next"), DebriefAction::NextCase),
            NextCaseButton,
        )
    });
    let actions = (
        Node {
            column_gap: px(12),
            ..default()
        },
        Children::spawn((
            Spawn((
                widgets::button(locale.t("debrief-retry"), DebriefAction::Retry),
                AutoFocus,
            )),
            SpawnIter(next.into_iter()),
            Spawn(widgets::button(
                locale.t("back-to-list"),
                DebriefAction::BackToList,
            )),
            Spawn((
                ScrollHint,
                widgets::text(locale.t("scroll-hint"), size::SMALL, palette::TEXT_FAINT),
            )),
        )),
    );
    commands.spawn((
        widgets::screen_root("Debrief screen"),
        DespawnOnExit(Screen::Debrief),
        TabGroup::new(0),
        Children::spawn((
            Spawn(summary::header(&locale, &finished)),
            SpawnIter(announcement.into_iter()),
            Spawn(body),
            Spawn(actions),
        )),
    ));
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut commands: MessageWriter<UiCommand<DebriefAction>>,
) {
    let Some(keys) = keys else { return };
    for (key, action) in [
        (KeyCode::KeyR, DebriefAction::Retry),
        (KeyCode::KeyN, DebriefAction::NextCase),
        (KeyCode::Escape, DebriefAction::BackToList),
    ] {
        if keys.just_pressed(key) {
            commands.write(UiCommand(action));
        }
    }
}

fn handle(
    mut commands: Commands,
    mut requests: MessageReader<UiCommand<DebriefAction>>,
    finished: Res<Finished>,
    cases: Res<Cases>,
    trainee: Res<Trainee>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        let id = finished.call.scenario().id.clone();
        match action {
            DebriefAction::Retry => {
                // Retry the version in the library now (it may have been edited).
                if let Some(s) = cases.get(&id) {
                    commands.insert_resource(CurrentCase(s.clone()));
                }
                next.set(Screen::Brief);
            }
            DebriefAction::NextCase => {
                // The same rule that shows the button chooses where it goes.
                let next_case = cases.progression(&trainee.profile).next_case(&id);
                match next_case.and_then(|s| cases.get(&s.id)) {
                    Some(s) => {
                        commands.insert_resource(CurrentCase(s.clone()));
                        next.set(Screen::Brief);
                    }
                    None => next.set(Screen::Select),
                }
            }
            DebriefAction::BackToList => next.set(Screen::Select),
        }
    }
}
