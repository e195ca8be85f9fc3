//! The words every room of the engine shares: time, the customer's meters, the trainee's
//! voice, a rule's verdict and how a call can end. Below `scenario`, `guidance`, `scoring`
//! and `engine`, importing none of them, so none of those import each other for a word.

mod allowance;
mod ending;
mod meters;
mod note;
pub mod stamp;
mod time;
mod verdict;
mod voice;

pub use allowance::TimeAllowance;
pub use ending::{EndedBy, EndingKind};
pub use meters::{Meter, MeterDelta, Meters};
pub use note::Note;
pub use time::{Millis, clock, day_and_minute_in, local_day_and_minute};
pub use verdict::Verdict;
pub use voice::Voice;
