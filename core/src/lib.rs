//! Hold the Line without a window: the rule catalogue, the scenario format and its checks,
//! the call engine and its scoring, the explorer, saved progress and session files,
//! trainers' reports, and learning records sent to an LRS (xAPI).
//!
//! Nothing here knows about Bevy. The game (the `hold-the-line` crate) shows and drives
//! these types; the command-line tools and the tests use them directly.

pub mod cli;
pub mod end_of_call;
pub mod engine;
pub mod explore;
pub mod glyphs;
pub mod guidance;
pub mod i18n;
pub mod lrs;
pub mod map;
pub mod markup;
pub mod profile;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod shift;
pub mod tiers;
pub mod vocab;
