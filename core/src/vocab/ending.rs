//! How a call can end: the kinds of ending a scenario writes, and what ended it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EndingKind {
    /// The problem is solved on this call.
    Resolved,
    /// Agreed to continue later at a set time: a good outcome when no agreement is possible now.
    CallBack,
    /// The customer is handed to a supervisor: a cold transfer or a long hold.
    Supervisor,
    /// A warm, prepared handover to a supervisor after the agent tried to help: the guidance
    /// says never refuse the request, so this can pass.
    Handover,
    /// The customer hung up (or walked away from the desk).
    HungUp,
    /// The call ended with nothing settled.
    Unresolved,
}

impl EndingKind {
    pub const ALL: [EndingKind; 6] = [
        EndingKind::Resolved,
        EndingKind::CallBack,
        EndingKind::Handover,
        EndingKind::Supervisor,
        EndingKind::HungUp,
        EndingKind::Unresolved,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            EndingKind::Resolved => "Resolved",
            EndingKind::CallBack => "CallBack",
            EndingKind::Supervisor => "Supervisor",
            EndingKind::Handover => "Handover",
            EndingKind::HungUp => "HungUp",
            EndingKind::Unresolved => "Unresolved",
        }
    }

    /// Resolved, call-back and prepared-handover endings settle the call: only they can
    /// pass, and a customer who gives up must never reach one.
    pub fn settles(self) -> bool {
        matches!(
            self,
            EndingKind::Resolved | EndingKind::CallBack | EndingKind::Handover
        )
    }
}

/// What ended the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndedBy {
    /// The conversation reached an ending.
    Reply,
    /// Anger reached the customer's limit.
    AngerLimit,
    /// Patience ran out.
    PatienceOut,
}
