//! How large a trainee's text is drawn: a display setting kept in their profile, so a
//! trainee who needs larger text sets it once on a shared PC. WCAG 1.4.4 asks that text can
//! grow to 200 % without losing content; the game's screens are laid out for that.

use serde::{Deserialize, Serialize};

/// Text size in per cent of the designed size: 100 to 200 in steps of 25.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "u16", into = "u16")]
pub struct TextSize(u16);

impl TextSize {
    pub const STANDARD: TextSize = TextSize(100);
    pub const LARGEST: TextSize = TextSize(200);
    const STEP: u16 = 25;

    /// The size nearest `percent` that the game offers. A hand-edited profile with 300 gets
    /// the largest, 90 the standard: a typo does not make the profile unreadable.
    pub fn new(percent: u16) -> TextSize {
        let clamped = percent.clamp(Self::STANDARD.0, Self::LARGEST.0);
        let steps = (clamped - Self::STANDARD.0 + Self::STEP / 2) / Self::STEP;
        TextSize(Self::STANDARD.0 + steps * Self::STEP)
    }

    pub fn percent(self) -> u16 {
        self.0
    }

    /// The factor text is drawn at (1.0 to 2.0).
    pub fn scale(self) -> f32 {
        f32::from(self.0) / 100.0
    }

    /// One step larger, up to the largest.
    pub fn larger(self) -> TextSize {
        TextSize::new(self.0.saturating_add(Self::STEP))
    }

    /// One step smaller, down to the standard.
    pub fn smaller(self) -> TextSize {
        TextSize::new(self.0.saturating_sub(Self::STEP))
    }

    /// The next size for a switch that cycles 100 → 125 → ... → 200 → 100.
    pub fn next(self) -> TextSize {
        if self == Self::LARGEST {
            Self::STANDARD
        } else {
            self.larger()
        }
    }

    pub fn is_standard(&self) -> bool {
        *self == Self::STANDARD
    }
}

impl Default for TextSize {
    fn default() -> Self {
        Self::STANDARD
    }
}

impl From<u16> for TextSize {
    fn from(percent: u16) -> Self {
        TextSize::new(percent)
    }
}

impl From<TextSize> for u16 {
    fn from(size: TextSize) -> u16 {
        size.0
    }
}

#[cfg(test)]
mod tests {
    use super::TextSize;

    #[test]
    fn steps_stay_between_the_standard_and_double() {
        let mut size = TextSize::STANDARD;
        let mut seen = vec![size.percent()];
        while size != TextSize::LARGEST {
            size = size.larger();
            seen.push(size.percent());
        }
        assert_eq!(seen, [100, 125, 150, 175, 200]);
        assert_eq!(TextSize::LARGEST.larger(), TextSize::LARGEST);
        assert_eq!(TextSize::STANDARD.smaller(), TextSize::STANDARD);
        assert_eq!(TextSize::LARGEST.next(), TextSize::STANDARD);
    }

    #[test]
    fn a_hand_edited_value_is_brought_into_range() {
        assert_eq!(TextSize::new(300), TextSize::LARGEST);
        assert_eq!(TextSize::new(0), TextSize::STANDARD);
        assert_eq!(TextSize::new(160).percent(), 150);
        assert_eq!(TextSize::new(163).percent(), 175);
    }
}
