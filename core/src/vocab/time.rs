//! Engine time.

/// Milliseconds since the call started. Integers keep replays exact.
pub type Millis = u32;

/// Formats engine time as `m:ss.t`.
pub fn clock(ms: Millis) -> String {
    let tenths = ms / 100;
    format!("{}:{:02}.{}", tenths / 600, (tenths / 10) % 60, tenths % 10)
}
