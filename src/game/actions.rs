//! What buttons and keys ask for. Every button carries a `UiAction`; activating it (click,
//! Enter or Space with focus) or pressing its shortcut sends a `UiCommand` that the current
//! screen handles. Tests send the same commands.

use bevy::prelude::*;
use bevy::ui_widgets::Activate;
use htl_core::engine::Voice;
use htl_core::i18n::Lang;
use htl_core::vocab::EndingKind;

#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum UiAction {
    /// Sign in with the name typed on the title screen.
    SignIn,
    /// Continue as a saved profile.
    ContinueAs(String),
    /// Start a fresh profile under a name whose saved files are both damaged (they are
    /// kept aside).
    StartAfresh(String),
    /// Play without a profile: nothing is saved.
    Practice,
    Quit,
    /// Open a case's brief from the case list.
    OpenCase(String),
    /// Show another tier on the case list.
    ShowTier(u8),
    SignOut,
    /// Show the trainee's own progress (from the case list).
    ShowProgress,
    StartCall,
    /// Let the reply cards speak in the other gender's words (the brief of an Arabic or
    /// Hebrew case).
    SwitchSpeaker,
    /// Cycle the trainee's "more time to answer" accommodation: x1, x1.5, x2 (the brief).
    SwitchTimeAllowance,
    /// Show the customer's lines whole instead of word by word, or back (the brief).
    SwitchLinesAtOnce,
    /// Cycle the text size: 100 % to 200 % in steps of 25 (the brief).
    SwitchTextSize,
    /// Close the first call's guide and let the call begin.
    BeginCall,
    BackToList,
    Reply(usize),
    Voice(Voice),
    TogglePause,
    /// Leave the call before it ends (from the pause overlay).
    LeaveCall,
    Retry,
    NextCase,
    /// Speak this language (the title screen's language buttons).
    SetLanguage(Lang),
    /// Start a shift (from the case list).
    OpenShift(String),
    /// At the desk: answer the caller who waited longest.
    ShiftAnswer,
    /// At the desk: make a promised call-back (its index in the run's promises).
    ShiftCallBack(usize),
    /// At the desk: take a break (the queue waits).
    ShiftBreak,
    /// At the desk: nobody waits; let the clock run to the next caller.
    ShiftWait,
    /// At the desk: the shift is over; see how it went.
    ShiftResults,
    LeaveShift,
    /// After-call work: how the call ended.
    NoteEnding(EndingKind),
    /// After-call work: a call-back promised this many minutes from now, or none.
    PromiseIn(Option<u32>),
    SaveAfterCall,
    SkipAfterCall,
}

/// A request from a button or a key, handled by the screen that is showing.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct UiCommand(pub UiAction);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<UiCommand>().add_observer(on_activate);
}

fn on_activate(
    activate: On<Activate>,
    actions: Query<&UiAction>,
    mut commands: MessageWriter<UiCommand>,
) {
    if let Ok(action) = actions.get(activate.entity) {
        commands.write(UiCommand(action.clone()));
    }
}
