//! The look of the game: palette, fonts, widget functions, interaction states and scrolling.

pub mod fonts;
pub mod interaction;
pub mod palette;
pub mod scroll;
pub mod widgets;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((fonts::plugin, interaction::plugin, scroll::plugin));
}
