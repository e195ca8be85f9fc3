//! The window itself: its icon, and text that scales up on larger windows (the layout is
//! designed at 1280x720).

use bevy::asset::RenderAssetUsages;
use bevy::image::{CompressedImageFormats, Image, ImageSampler, ImageType};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowResized};
use bevy::winit::WINIT_WINDOWS;

/// The size the layout is designed for.
const DESIGN: Vec2 = Vec2::new(1280.0, 720.0);
/// The smallest the UI shrinks to on a small screen: small text (hints, legends, notes)
/// stays about 13 px high at 800x600, readable, while the layout still fits.
pub const MIN_SCALE: f32 = 0.88;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, (set_icon, scale_ui));
}

/// Sets the window icon once the window exists. The icon is compiled in (assets/icon.png,
/// drawn from assets/icon.svg).
fn set_icon(mut done: Local<bool>, window: Query<Entity, With<PrimaryWindow>>) {
    if *done {
        return;
    }
    let Ok(entity) = window.single() else { return };
    let image = Image::from_buffer(
        include_bytes!("../../assets/icon.png"),
        ImageType::Extension("png"),
        CompressedImageFormats::NONE,
        true,
        ImageSampler::Default,
        RenderAssetUsages::default(),
    );
    let icon = image.ok().and_then(|image| {
        let (w, h) = (image.width(), image.height());
        image
            .data
            .and_then(|rgba| winit::window::Icon::from_rgba(rgba, w, h).ok())
    });
    WINIT_WINDOWS.with_borrow(|windows| {
        if let Some(window) = windows.get_window(entity) {
            window.set_window_icon(icon.clone());
            *done = true;
        }
    });
}

/// Grows the UI with the window, so text stays readable on large screens and still fits on
/// small laptop screens.
fn scale_ui(mut resized: MessageReader<WindowResized>, mut scale: ResMut<UiScale>) {
    if let Some(last) = resized.read().last() {
        let factor = (last.width / DESIGN.x)
            .min(last.height / DESIGN.y)
            .clamp(MIN_SCALE, 2.5);
        if (scale.0 - factor).abs() > 0.01 {
            scale.0 = factor;
        }
    }
}
