//! One plugin per screen. Each spawns its UI on enter, tagged `DespawnOnExit`, and handles
//! the `UiCommand`s of its own action type (`game::actions`). A screen with several
//! widgets is a folder: its `mod.rs` holds the plugin and the layout, one file per widget
//! beside it. Children are spawned as `theme::widgets` describes (bundles with
//! `children!` / `Children::spawn`).

pub mod brief;
pub mod call;
pub mod debrief;
pub mod my_progress;
pub mod select;
pub mod shift;
pub mod title;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        title::plugin,
        select::plugin,
        brief::plugin,
        call::plugin,
        debrief::plugin,
        my_progress::plugin,
        shift::plugin,
    ));
}
