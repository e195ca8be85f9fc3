//! After-call work: the trainee notes how the call ended and writes down any call-back they
//! promised, with its time on the shift's clock. The time spent here counts in the handle
//! time; skipping is allowed and counted, and a promise not written down never shows in the
//! queue (it is still owed).

use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::i18n::{Messages, ending_kind_text};
use htl_core::shift::AfterCall;
use htl_core::vocab::EndingKind;

use super::ShiftDesk;
use crate::game::Screen;
use crate::game::actions::{AfterCallAction, UiCommand};
use crate::game::cases::Cases;
use crate::game::locale::Locale;
use crate::game::theme::interaction::Selected;
use crate::game::theme::palette;
use crate::game::theme::widgets::{self, size};

/// The call-back times offered, in minutes from the end of the call.
pub const PROMISE_OFFSETS: [u32; 6] = [10, 20, 30, 60, 90, 120];

/// What the trainee has picked so far, and when the screen opened (real seconds).
#[derive(Resource, Debug, Clone, Default)]
pub struct AfterCallDraft {
    pub ending: Option<EndingKind>,
    /// Minutes from the end of the call.
    pub promise_in: Option<u32>,
    opened_at: f32,
}

#[derive(Component)]
struct DraftRoot;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::AfterCall), (open, spawn).chain())
        .add_systems(
            Update,
            (shortcuts, handle, respawn_on_change)
                .chain()
                .run_if(in_state(Screen::AfterCall)),
        );
}

fn open(mut commands: Commands, real: Res<Time<Real>>) {
    commands.insert_resource(AfterCallDraft {
        opened_at: real.elapsed_secs(),
        ..default()
    });
}

fn choice(label: String, action: AfterCallAction, selected: bool) -> impl Bundle {
    (widgets::button(label, action), Selected(selected))
}

fn spawn(
    mut commands: Commands,
    locale: Res<Locale>,
    cases: Res<Cases>,
    desk: Res<ShiftDesk>,
    draft: Option<Res<AfterCallDraft>>,
) {
    let draft = draft.map(|d| d.clone()).unwrap_or_default();
    let run = &desk.run;
    let Some(call) = run.after_call_due() else {
        return;
    };
    let title = cases.title_of(&call.case);
    let heading = locale.tr(
        "acw-heading",
        &[
            ("title", title.into()),
            ("clock", run.shift().clock(run.now()).into()),
        ],
    );
    let endings: Vec<(String, EndingKind)> = EndingKind::ALL
        .iter()
        .map(|&k| (ending_kind_text(Messages::for_screen(), locale.lang, k), k))
        .collect();
    let times: Vec<(String, u32)> = PROMISE_OFFSETS
        .iter()
        .map(|&m| {
            (
                locale.tr(
                    "acw-at",
                    &[("clock", run.shift().clock(run.now() + m * 60_000).into())],
                ),
                m,
            )
        })
        .collect();
    commands
        .spawn((
            widgets::screen_root("After-call work"),
            DespawnOnExit(Screen::AfterCall),
            DraftRoot,
            TabGroup::new(0),
        ))
        .with_children(|root| {
            root.spawn(widgets::header(locale.t("acw-title"), heading));
            root.spawn(widgets::bold(
                locale.t("acw-ending"),
                size::LARGE,
                palette::TEXT,
            ));
            root.spawn(Node {
                column_gap: px(10),
                row_gap: px(10),
                flex_wrap: FlexWrap::Wrap,
                ..default()
            })
            .with_children(|row| {
                for (label, kind) in endings {
                    row.spawn(choice(
                        label,
                        AfterCallAction::NoteEnding(kind),
                        draft.ending == Some(kind),
                    ));
                }
            });
            root.spawn(widgets::bold(
                locale.t("acw-promise"),
                size::LARGE,
                palette::TEXT,
            ));
            root.spawn(Node {
                column_gap: px(10),
                row_gap: px(10),
                flex_wrap: FlexWrap::Wrap,
                ..default()
            })
            .with_children(|row| {
                row.spawn(choice(
                    locale.t("acw-no-promise"),
                    AfterCallAction::PromiseIn(None),
                    draft.promise_in.is_none(),
                ));
                for (label, m) in times {
                    row.spawn(choice(
                        label,
                        AfterCallAction::PromiseIn(Some(m)),
                        draft.promise_in == Some(m),
                    ));
                }
            });
            root.spawn(widgets::paragraph(
                locale.t("acw-hint"),
                size::SMALL,
                palette::TEXT_FAINT,
            ));
            root.spawn(Node {
                column_gap: px(12),
                ..default()
            })
            .with_children(|row| {
                row.spawn(widgets::button(locale.t("acw-save"), AfterCallAction::Save));
                row.spawn(widgets::button(locale.t("acw-skip"), AfterCallAction::Skip));
            });
        });
}

fn respawn_on_change(
    mut commands: Commands,
    draft: Res<AfterCallDraft>,
    roots: Query<Entity, With<DraftRoot>>,
    locale: Res<Locale>,
    cases: Res<Cases>,
    desk: Res<ShiftDesk>,
) {
    if !draft.is_changed() || draft.is_added() {
        return;
    }
    for root in &roots {
        commands.entity(root).despawn();
    }
    spawn(commands, locale, cases, desk, Some(draft));
}

fn shortcuts(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut commands: MessageWriter<UiCommand<AfterCallAction>>,
) {
    let Some(keys) = keys else { return };
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        commands.write(UiCommand(AfterCallAction::Save));
    }
    if keys.just_pressed(KeyCode::Escape) {
        commands.write(UiCommand(AfterCallAction::Skip));
    }
}

fn handle(
    mut requests: MessageReader<UiCommand<AfterCallAction>>,
    mut draft: ResMut<AfterCallDraft>,
    mut desk: ResMut<ShiftDesk>,
    real: Res<Time<Real>>,
    mut next: ResMut<NextState<Screen>>,
) {
    for UiCommand(action) in requests.read() {
        match action {
            AfterCallAction::NoteEnding(kind) => draft.ending = Some(*kind),
            AfterCallAction::PromiseIn(m) => draft.promise_in = *m,
            AfterCallAction::Save | AfterCallAction::Skip => {
                let skipped = *action == AfterCallAction::Skip;
                let took = ((real.elapsed_secs() - draft.opened_at).max(0.0) * 1000.0) as u32;
                let now = desk.run.now();
                desk.run.after_call(AfterCall {
                    took,
                    skipped,
                    noted_ending: draft.ending,
                    promise_due: draft.promise_in.map(|m| now + m * 60_000),
                });
                next.set(Screen::Shift);
            }
        }
    }
}
