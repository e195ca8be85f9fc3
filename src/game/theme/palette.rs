//! The colours of the game, in one place. Dark, calm base; warm reds only where the
//! customer is heated, so colour carries meaning.

use bevy::prelude::*;

pub const BACKGROUND: Color = Color::srgb(0.075, 0.094, 0.118);
pub const PANEL: Color = Color::srgb(0.114, 0.137, 0.169);
pub const PANEL_RAISED: Color = Color::srgb(0.149, 0.176, 0.212);
pub const BORDER: Color = Color::srgb(0.239, 0.275, 0.322);

pub const TEXT: Color = Color::srgb(0.925, 0.937, 0.949);
pub const TEXT_DIM: Color = Color::srgb(0.639, 0.671, 0.710);
pub const TEXT_FAINT: Color = Color::srgb(0.447, 0.482, 0.525);

pub const ACCENT: Color = Color::srgb(0.302, 0.702, 0.659);
pub const ACCENT_DARK: Color = Color::srgb(0.145, 0.376, 0.353);
pub const FOCUS: Color = Color::srgb(0.992, 0.827, 0.373);

pub const BUTTON: Color = Color::srgb(0.173, 0.204, 0.243);
pub const BUTTON_HOVER: Color = Color::srgb(0.220, 0.259, 0.306);
pub const BUTTON_PRESSED: Color = Color::srgb(0.145, 0.376, 0.353);
pub const BUTTON_DISABLED: Color = Color::srgb(0.122, 0.141, 0.165);

pub const GOOD: Color = Color::srgb(0.392, 0.784, 0.471);
pub const BAD: Color = Color::srgb(0.925, 0.380, 0.353);
pub const WARN: Color = Color::srgb(0.957, 0.690, 0.278);

pub const ANGER: Color = Color::srgb(0.902, 0.32, 0.282);
pub const TRUST: Color = Color::srgb(0.365, 0.612, 0.925);
pub const PATIENCE: Color = Color::srgb(0.937, 0.745, 0.310);

pub const SHOUT_BUBBLE: Color = Color::srgb(0.361, 0.122, 0.122);
pub const RAISED_BUBBLE: Color = Color::srgb(0.290, 0.165, 0.133);
pub const CUSTOMER_BUBBLE: Color = Color::srgb(0.176, 0.204, 0.243);
pub const TRAINEE_BUBBLE: Color = Color::srgb(0.118, 0.263, 0.255);
