//! The look of the game: palette, fonts, widget functions and interaction states.

pub mod fonts;
pub mod interaction;
pub mod palette;
pub mod widgets;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((fonts::plugin, interaction::plugin));
}
