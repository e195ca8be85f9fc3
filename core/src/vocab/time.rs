//! Engine time.

/// Milliseconds since the call started. Integers keep replays exact.
pub type Millis = u32;

/// Formats engine time as `m:ss.t`.
pub fn clock(ms: Millis) -> String {
    let tenths = ms / 100;
    format!("{}:{:02}.{}", tenths / 600, (tenths / 10) % 60, tenths % 10)
}

/// A saved time stamp (RFC 3339, UTC) as the day and the minute in `zone`:
/// ("2026-11-23", "11:28"). None when the stamp cannot be read.
pub fn day_and_minute_in(stamp: &str, zone: &jiff::tz::TimeZone) -> Option<(String, String)> {
    let at: jiff::Timestamp = stamp.parse().ok()?;
    let local = at.to_zoned(zone.clone());
    Some((
        local.strftime("%Y-%m-%d").to_string(),
        local.strftime("%H:%M").to_string(),
    ))
}

/// [`day_and_minute_in`] the computer's own time zone: what the trainee's clock says.
pub fn local_day_and_minute(stamp: &str) -> Option<(String, String)> {
    day_and_minute_in(stamp, &jiff::tz::TimeZone::system())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_time_is_shown_in_the_trainees_zone_not_in_utc() {
        let jerusalem_winter = jiff::tz::TimeZone::fixed(jiff::tz::offset(2));
        assert_eq!(
            day_and_minute_in("2026-11-23T09:28:38Z", &jerusalem_winter),
            Some(("2026-11-23".into(), "11:28".into()))
        );
        // Late at night in UTC is the next morning further east.
        let riyadh = jiff::tz::TimeZone::fixed(jiff::tz::offset(3));
        assert_eq!(
            day_and_minute_in("2026-11-23T22:10:00Z", &riyadh),
            Some(("2026-11-24".into(), "01:10".into()))
        );
        assert_eq!(day_and_minute_in("not a time", &riyadh), None);
    }
}
