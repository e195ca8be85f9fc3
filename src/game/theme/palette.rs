//! The colours of the game, in one place. Dark, calm base; warm reds only where the
//! customer is heated, so colour carries meaning. Every text colour reads at WCAG AA
//! (4.5:1) on every surface text is drawn on, and the meters' fills at 3:1 (the tests below).

use bevy::prelude::*;

pub const BACKGROUND: Color = Color::srgb(0.075, 0.094, 0.118);
pub const PANEL: Color = Color::srgb(0.114, 0.137, 0.169);
pub const PANEL_RAISED: Color = Color::srgb(0.149, 0.176, 0.212);
pub const BORDER: Color = Color::srgb(0.239, 0.275, 0.322);

pub const TEXT: Color = Color::srgb(0.925, 0.937, 0.949);
pub const TEXT_DIM: Color = Color::srgb(0.639, 0.671, 0.710);
pub const TEXT_FAINT: Color = Color::srgb(0.645, 0.668, 0.695);

pub const ACCENT: Color = Color::srgb(0.356, 0.725, 0.685);
pub const ACCENT_DARK: Color = Color::srgb(0.145, 0.376, 0.353);
pub const FOCUS: Color = Color::srgb(0.992, 0.827, 0.373);

pub const BUTTON: Color = Color::srgb(0.173, 0.204, 0.243);
pub const BUTTON_HOVER: Color = Color::srgb(0.220, 0.259, 0.306);
pub const BUTTON_PRESSED: Color = Color::srgb(0.145, 0.376, 0.353);
pub const BUTTON_DISABLED: Color = Color::srgb(0.122, 0.141, 0.165);

pub const GOOD: Color = Color::srgb(0.392, 0.784, 0.471);
pub const BAD: Color = Color::srgb(0.947, 0.56, 0.541);
pub const WARN: Color = Color::srgb(0.957, 0.690, 0.278);

pub const ANGER: Color = Color::srgb(0.937, 0.564, 0.54);
pub const TRUST: Color = Color::srgb(0.471, 0.677, 0.937);
pub const PATIENCE: Color = Color::srgb(0.937, 0.745, 0.310);

pub const SHOUT_BUBBLE: Color = Color::srgb(0.361, 0.122, 0.122);
pub const RAISED_BUBBLE: Color = Color::srgb(0.290, 0.165, 0.133);
pub const CUSTOMER_BUBBLE: Color = Color::srgb(0.176, 0.204, 0.243);
pub const TRAINEE_BUBBLE: Color = Color::srgb(0.118, 0.263, 0.255);

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.2 relative luminance of an sRGB colour.
    fn luminance(c: Color) -> f32 {
        let c = c.to_srgba();
        let lin = |v: f32| {
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.red) + 0.7152 * lin(c.green) + 0.0722 * lin(c.blue)
    }

    fn contrast(a: Color, b: Color) -> f32 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    const TEXT_COLOURS: [(&str, Color); 11] = [
        ("TEXT", TEXT),
        ("TEXT_DIM", TEXT_DIM),
        ("TEXT_FAINT", TEXT_FAINT),
        ("ACCENT", ACCENT),
        ("FOCUS", FOCUS),
        ("GOOD", GOOD),
        ("BAD", BAD),
        ("WARN", WARN),
        ("ANGER", ANGER),
        ("TRUST", TRUST),
        ("PATIENCE", PATIENCE),
    ];

    /// Every surface a line of text can sit on.
    const SURFACES: [(&str, Color); 8] = [
        ("BACKGROUND", BACKGROUND),
        ("PANEL", PANEL),
        ("PANEL_RAISED", PANEL_RAISED),
        ("BUTTON", BUTTON),
        ("CUSTOMER_BUBBLE", CUSTOMER_BUBBLE),
        ("RAISED_BUBBLE", RAISED_BUBBLE),
        ("SHOUT_BUBBLE", SHOUT_BUBBLE),
        ("TRAINEE_BUBBLE", TRAINEE_BUBBLE),
    ];

    #[test]
    fn every_text_colour_reads_at_aa_on_every_surface() {
        let mut low = Vec::new();
        for (t, fg) in TEXT_COLOURS {
            for (s, bg) in SURFACES {
                let ratio = contrast(fg, bg);
                if ratio < 4.5 {
                    low.push(format!("{t} on {s}: {ratio:.2}"));
                }
            }
        }
        // A button's words keep AA while it is hovered or pressed.
        for (s, bg) in [
            ("BUTTON_HOVER", BUTTON_HOVER),
            ("BUTTON_PRESSED", BUTTON_PRESSED),
        ] {
            let ratio = contrast(TEXT, bg);
            if ratio < 4.5 {
                low.push(format!("TEXT on {s}: {ratio:.2}"));
            }
        }
        assert!(low.is_empty(), "below 4.5:1: {low:?}");
    }

    #[test]
    fn meters_and_focus_rings_stand_out_at_three_to_one() {
        // WCAG 1.4.11: parts of the interface a trainee must see, against the panels.
        for (name, colour) in [
            ("ANGER", ANGER),
            ("TRUST", TRUST),
            ("PATIENCE", PATIENCE),
            ("FOCUS", FOCUS),
        ] {
            for (s, bg) in [("PANEL", PANEL), ("PANEL_RAISED", PANEL_RAISED)] {
                let ratio = contrast(colour, bg);
                assert!(ratio >= 3.0, "{name} on {s}: {ratio:.2}");
            }
        }
    }
}
