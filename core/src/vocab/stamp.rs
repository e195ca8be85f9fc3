//! Wall-clock time stamps as the game saves and sends them: RFC 3339 in UTC, read and
//! written by jiff, so no date arithmetic, offset or duration format is done by hand.
//!
//! Profiles, session files' `finished` and shift records keep whole seconds
//! (`2026-03-02T09:05:00Z`); when a call started and xAPI timestamps keep milliseconds
//! (`2026-03-02T09:03:00.250Z`).

pub use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::{SignedDuration, tz::TimeZone};

/// Now, as a stamp with whole seconds.
pub fn now() -> String {
    to_seconds(Timestamp::now())
}

/// `2026-03-02T09:05:00Z`: whole seconds, the fraction dropped.
pub fn to_seconds(at: Timestamp) -> String {
    format!("{at:.0}")
}

/// `2026-03-02T09:05:00.250Z`: milliseconds, always three digits.
pub fn to_millis(at: Timestamp) -> String {
    format!("{at:.3}")
}

/// Reads a stamp: RFC 3339 with `Z` or an offset (`+01:00`, as some LRSs return them),
/// or a date and time with no zone at all, which is taken as UTC (the game has always
/// saved UTC).
pub fn read(text: &str) -> Result<Timestamp, String> {
    let text = text.trim();
    text.parse::<Timestamp>()
        .or_else(|with_zone| {
            text.parse::<DateTime>()
                .ok()
                .and_then(|local| local.to_zoned(TimeZone::UTC).ok())
                .map(|zoned| zoned.timestamp())
                .ok_or(with_zone)
        })
        .map_err(|e| e.to_string())
}

/// The UTC calendar day of a stamp.
pub fn utc_day(at: Timestamp) -> Date {
    at.to_zoned(TimeZone::UTC).date()
}

/// Days since 1970-01-01 (UTC): for counting days between calls.
pub fn day_number(at: Timestamp) -> i64 {
    at.as_second().div_euclid(86_400)
}

/// Reads `YYYY-MM-DD` as the start of that day (UTC).
pub fn read_day(text: &str) -> Result<Timestamp, String> {
    let text = text.trim();
    let well_formed = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!(
            "\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01"
        ));
    }
    text.parse::<Date>()
        .ok()
        .and_then(|day| day.to_zoned(TimeZone::UTC).ok())
        .map(|zoned| zoned.timestamp())
        .ok_or_else(|| format!("\"{text}\" is not a date in the calendar (YYYY-MM-DD)"))
}

/// A length of time as ISO 8601 (xAPI's `duration`): `PT1M23.5S`, `PT1H2M3S`, `PT0S`.
pub fn iso8601_duration(ms: u64) -> String {
    SignedDuration::from_millis(i64::try_from(ms).unwrap_or(i64::MAX)).to_string()
}

/// A stamp from the standard library's clock (a call's start, kept by the game).
pub fn from_system(at: std::time::SystemTime) -> Timestamp {
    Timestamp::try_from(at).unwrap_or(Timestamp::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_written_as_the_game_has_always_saved_them() {
        let at: Timestamp = "2026-03-02T09:05:00.25Z".parse().unwrap();
        assert_eq!(to_seconds(at), "2026-03-02T09:05:00Z");
        assert_eq!(to_millis(at), "2026-03-02T09:05:00.250Z");
        let whole: Timestamp = "2026-03-02T09:05:00Z".parse().unwrap();
        assert_eq!(to_millis(whole), "2026-03-02T09:05:00.000Z");
    }

    #[test]
    fn stamps_with_offsets_or_no_zone_are_read_as_utc() {
        let utc = read("2026-03-02T09:00:00Z").unwrap();
        assert_eq!(read("2026-03-02T10:00:00+01:00"), Ok(utc));
        assert_eq!(read("2026-03-02T09:00:00.000+00:00"), Ok(utc));
        assert_eq!(read("2026-03-02T04:30:00-04:30"), Ok(utc));
        assert_eq!(read("2026-03-02T09:00:00"), Ok(utc));
        assert_eq!(read(" 2026-03-02T09:00:00Z\n"), Ok(utc));
        assert!(read("yesterday").is_err());
    }

    #[test]
    fn days_are_utc_calendar_days() {
        let late = read("2026-03-02T23:59:59Z").unwrap();
        let next = read("2026-03-03T00:00:00Z").unwrap();
        assert_eq!(day_number(next) - day_number(late), 1);
        assert_eq!(utc_day(late).to_string(), "2026-03-02");
        assert_eq!(read_day("2026-03-03"), Ok(next));
        assert!(
            read_day("2026-02-30")
                .unwrap_err()
                .contains("not a date in the calendar")
        );
        assert!(read_day("3/3/2026").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso8601_duration(0), "PT0S");
        assert_eq!(iso8601_duration(83_500), "PT1M23.5S");
        assert_eq!(iso8601_duration(3_723_000), "PT1H2M3S");
        assert_eq!(iso8601_duration(60_000), "PT1M");
        assert_eq!(iso8601_duration(45), "PT0.045S");
    }
}
