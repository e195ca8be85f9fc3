//! The trainee's text size (100-200 %, kept in their profile). Every text is sized in rem
//! (`widgets::font_size`), so one resource, Bevy's `RemSize`, grows them all and Bevy lays
//! them out again. Ctrl and + / - / 0 change it on any screen, as in a browser; the brief
//! has a switch for it too.

use bevy::prelude::*;
use bevy::text::RemSize;
use htl_core::profile::TextSize;

use crate::game::session::Trainee;

/// What one rem is at 100 %: Bevy's own default, so a size in rem reads as px / 20.
pub const BASE_REM: f32 = 20.0;

/// The text size shown now: the signed-in trainee's, else the last one chosen (the title
/// screen, before anyone signs in).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TextSizeNow(pub TextSize);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TextSizeNow>()
        .init_resource::<RemSize>()
        .add_systems(Update, (keys, follow_trainee, apply).chain());
}

/// Ctrl + = (or +) larger, Ctrl + - smaller, Ctrl + 0 back to 100 %.
fn keys(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut now: ResMut<TextSizeNow>,
    mut trainee: Option<ResMut<Trainee>>,
) {
    let Some(keys) = keys else { return };
    if !keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]) {
        return;
    }
    let size = now.0;
    let wanted = if keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]) {
        size.larger()
    } else if keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]) {
        size.smaller()
    } else if keys.any_just_pressed([KeyCode::Digit0, KeyCode::Numpad0]) {
        TextSize::STANDARD
    } else {
        return;
    };
    set(&mut now, trainee.as_deref_mut(), wanted);
}

/// Sets the size shown now and keeps it in the trainee's profile.
pub fn set(now: &mut TextSizeNow, trainee: Option<&mut Trainee>, size: TextSize) {
    now.0 = size;
    if let Some(trainee) = trainee
        && trainee.profile.text_size != size
    {
        trainee.profile.text_size = size;
        trainee.save();
    }
}

/// On sign-in the trainee's own size shows. A trainee who has none yet and enlarged the
/// text on the title screen keeps what they chose there, saved.
fn follow_trainee(trainee: Option<ResMut<Trainee>>, mut now: ResMut<TextSizeNow>) {
    let Some(mut trainee) = trainee else {
        return;
    };
    let theirs = trainee.profile.text_size;
    if theirs == now.0 {
        return;
    }
    if trainee.is_added() && theirs.is_standard() {
        let chosen = now.0;
        set(&mut now, Some(&mut trainee), chosen);
    } else {
        now.0 = theirs;
    }
}

fn apply(now: Res<TextSizeNow>, mut rem: ResMut<RemSize>) {
    let wanted = BASE_REM * now.0.scale();
    if rem.0 != wanted {
        rem.0 = wanted;
    }
}
