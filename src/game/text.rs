//! Small text helpers the screens share: a capital first letter and a clock without tenths.

use htl_core::engine::{Millis, clock};
use htl_core::scenario::Channel;

use super::locale::Locale;

/// A channel's name in the locale's language ("phone", "chat", "front desk").
pub fn channel_name(locale: &Locale, channel: Channel) -> String {
    locale.t(match channel {
        Channel::Phone => "channel-phone",
        Channel::Chat => "channel-chat",
        Channel::FrontDesk => "channel-front-desk",
    })
}

/// `s` with its first letter in capitals ("phone" → "Phone").
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// A moment of the call as minutes and seconds ("1:05"), without the engine's tenths.
pub fn short_clock(ms: Millis) -> String {
    let t = clock(ms);
    t.split('.').next().unwrap_or(&t).to_string()
}

#[cfg(test)]
mod tests {
    use super::capital;

    #[test]
    fn capital_raises_only_the_first_letter() {
        assert_eq!(capital("phone call"), "Phone call");
        assert_eq!(capital(""), "");
        assert_eq!(capital("élan"), "Élan");
    }
}
