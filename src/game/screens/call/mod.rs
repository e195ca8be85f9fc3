//! The live call screen: the plugin and its system order, the state its systems share, and
//! the layout. The keys and commands are in `keys.rs`, the call's life from the first frame
//! to the debrief in `life.rs`, each part of the screen in its own file.

mod cards;
mod conversation;
mod guide;
mod keys;
mod life;
mod meters;
mod pace;
mod status;

use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use htl_core::engine::{Event, Voice};

use crate::game::Screen;
use crate::game::locale::Locale;
use crate::game::session::{CurrentCase, Trainee};
use crate::game::theme::widgets;

pub use cards::ReplyCard;
pub(crate) use cards::voice_name;
pub use conversation::{Bubble, Speaking};
pub use guide::FirstCallGuide;
pub use status::{CueBar, CueFill, StatusText};

/// The voice the next reply is said in.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChosenVoice(pub Voice);

/// How long the ending stays on screen before the debrief (wall-clock seconds).
const ENDING_HOLD_SECS: f32 = 2.5;

/// Which beat the reply cards show, and how long the ending has been on screen.
#[derive(Resource, Default)]
struct CallView {
    cards_for_beat: Option<usize>,
    /// The replies on offer when the cards were last laid out.
    offered: Vec<usize>,
    /// Card slot (what key 1-4 presses) → the scenario's reply index.
    card_order: Vec<usize>,
    bubbles: usize,
    ended_for: f32,
    /// The ended call's result is saved (once, as soon as it ends).
    recorded: bool,
}

/// The engine's events not yet shown, taken once a frame for the conversation and the
/// meters; `first` is the index of the first of them in the call's record.
#[derive(Resource, Default)]
struct FreshEvents {
    first: usize,
    events: Vec<Event>,
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ChosenVoice(Voice::Even))
        .init_resource::<meters::ShownMeters>()
        .init_resource::<CallView>()
        .init_resource::<FreshEvents>()
        .add_systems(OnEnter(Screen::Call), (life::start_call, spawn).chain())
        .add_systems(OnExit(Screen::Call), life::leave_call)
        .add_systems(
            Update,
            (
                life::tick,
                keys::shortcuts,
                keys::handle,
                keys::leave_early,
                life::drive,
                life::take_fresh_events,
                conversation::show_lines,
                meters::show_flashes,
                conversation::show_speaking,
                meters::show_meters,
                cards::show_cards,
                status::show_status,
                status::show_cue,
                guide::focus_begin,
                meters::age_flashes,
                meters::drop_clipped_flashes,
                life::end_when_over,
                pace::schedule_redraw,
            )
                .chain()
                .run_if(in_state(Screen::Call)),
        );
}

/// A trainee's first call opens with the guide to the screen (a guest's too: nothing of
/// theirs is kept).
fn first_call(trainee: Option<&Trainee>) -> bool {
    trainee.is_some_and(|t| t.profile.sessions.is_empty())
}

/// The layout: who and how long on top, the conversation beside the meters, the replies and
/// the voice control below, and the pause overlay over it all.
fn spawn(
    mut commands: Commands,
    case: Res<CurrentCase>,
    locale: Res<Locale>,
    trainee: Option<Res<Trainee>>,
) {
    let s = &case.0;
    commands.spawn((
        widgets::screen_root("Call screen"),
        DespawnOnExit(Screen::Call),
        TabGroup::new(0),
        children![
            status::top_bar(&locale, s),
            (
                Node {
                    flex_grow: 1.0,
                    column_gap: px(16),
                    min_height: px(0),
                    ..default()
                },
                children![conversation::panel(&locale, s), meters::panel(&locale)],
            ),
            cards::reply_list(),
            cards::voice_row(&locale, s),
            status::pause_overlay(&locale),
            guide::overlay(&locale, first_call(trainee.as_deref())),
        ],
    ));
}
