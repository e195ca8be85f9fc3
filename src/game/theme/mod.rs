//! The look of the game: palette, fonts, widget functions, interaction states, scrolling, the
//! trainee's text size and the right-to-left mirror.

pub mod fonts;
pub mod interaction;
pub mod mirror;
pub mod palette;
pub mod scroll;
pub mod text_size;
pub mod widgets;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        fonts::plugin,
        interaction::plugin,
        mirror::plugin,
        scroll::plugin,
        text_size::plugin,
    ));
}
