//! How the trainee says a reply.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Voice {
    /// Lower and slower than the customer: calms a shouting customer over their next lines.
    Soft,
    /// An ordinary speaking voice.
    Even,
    /// Raised and firm: against a shouting customer it is shouting back.
    Firm,
}

impl Voice {
    pub const ALL: [Voice; 3] = [Voice::Soft, Voice::Even, Voice::Firm];

    pub fn label(self) -> &'static str {
        match self {
            Voice::Soft => "soft",
            Voice::Even => "even",
            Voice::Firm => "firm",
        }
    }

    pub fn parse(word: &str) -> Option<Voice> {
        match word.to_ascii_lowercase().as_str() {
            "soft" | "s" => Some(Voice::Soft),
            "even" | "e" => Some(Voice::Even),
            "firm" | "f" => Some(Voice::Firm),
            _ => None,
        }
    }
}
