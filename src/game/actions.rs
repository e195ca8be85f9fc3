//! What buttons and keys ask for, typed per screen. Each screen has its own action enum
//! (`TitleAction`, `BriefAction`, ...): its buttons carry one as a component, and
//! activating a button (click, Enter or Space with focus) or pressing a shortcut sends a
//! `UiCommand<ThatAction>` that only that screen reads, matching every variant. Tests and
//! the screenshot script send the same commands.
//!
//! A new screen adds its enum below, `derive(Component, Clone, Debug, PartialEq, Eq)`, and
//! one line in [`plugin`].

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::ui_widgets::Activate;
use htl_core::engine::Voice;
use htl_core::i18n::Lang;
use htl_core::vocab::EndingKind;

/// What a screen's buttons carry and its handler reads.
pub trait ScreenAction:
    Component + Clone + std::fmt::Debug + PartialEq + Send + Sync + 'static
{
}

impl<A: Component + Clone + std::fmt::Debug + PartialEq + Send + Sync + 'static> ScreenAction
    for A
{
}

/// A request from a button or a key, for the screen whose actions are `A`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiCommand<A>(pub A);

impl<A: ScreenAction> Message for UiCommand<A> {}

/// The title screen: who plays, in which language.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum TitleAction {
    /// Sign in with the name typed.
    SignIn,
    /// Continue as a saved profile.
    ContinueAs(String),
    /// Start a fresh profile under a name whose saved files are both damaged (they are
    /// kept aside).
    StartAfresh(String),
    /// Play without a profile: nothing is saved.
    Practice,
    Quit,
    /// Speak this language (the language buttons).
    SetLanguage(Lang),
}

/// The case list.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum SelectAction {
    /// Open a case's brief.
    OpenCase(String),
    /// Show another tier.
    ShowTier(u8),
    SignOut,
    /// Show the trainee's own progress.
    ShowProgress,
    /// Start a shift.
    OpenShift(String),
}

/// A case's brief, with the trainee's settings.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum BriefAction {
    StartCall,
    /// Let the reply cards speak in the other gender's words (an Arabic or Hebrew case).
    SwitchSpeaker,
    /// Cycle the "more time to answer" accommodation: x1, x1.5, x2.
    SwitchTimeAllowance,
    /// Show the customer's lines whole instead of word by word, or back.
    SwitchLinesAtOnce,
    /// Cycle the text size: 100 % to 200 % in steps of 25.
    SwitchTextSize,
    BackToList,
}

/// The call.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum CallAction {
    /// Close the first call's guide and let the call begin.
    BeginCall,
    /// Say the reply with this index.
    Reply(usize),
    /// Say the next reply in this voice.
    Voice(Voice),
    TogglePause,
    /// Leave the call before it ends (from the pause overlay).
    LeaveCall,
}

/// The debrief after a call.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum DebriefAction {
    Retry,
    NextCase,
    BackToList,
}

/// The trainee's own progress.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum ProgressAction {
    /// Practise the case the trainee's progress points to next.
    OpenCase(String),
    BackToList,
}

/// A shift's desk: the queue, the promises, the clock.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum DeskAction {
    /// Answer the caller who waited longest.
    Answer,
    /// Make a promised call-back (its index in the run's promises).
    CallBack(usize),
    /// Take a break (the queue waits).
    Break,
    /// Nobody waits; let the clock run to the next caller.
    Wait,
    /// The shift is over; see how it went.
    Results,
    /// Leave the shift before it is over.
    Leave,
}

/// After-call work in a shift.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum AfterCallAction {
    /// How the call ended.
    NoteEnding(EndingKind),
    /// A call-back promised this many minutes from now, or none.
    PromiseIn(Option<u32>),
    Save,
    Skip,
}

/// A shift's results.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum ShiftResultsAction {
    BackToList,
}

/// Every screen's command writer at once, for what drives the game from outside its
/// screens (the screenshot script): `requests.send(CallAction::Reply(0))`. A writer, not
/// `Commands`: the command is read in the same frame, as a button's or a key's is.
#[derive(SystemParam)]
pub struct UiRequests<'w> {
    title: MessageWriter<'w, UiCommand<TitleAction>>,
    select: MessageWriter<'w, UiCommand<SelectAction>>,
    brief: MessageWriter<'w, UiCommand<BriefAction>>,
    call: MessageWriter<'w, UiCommand<CallAction>>,
    debrief: MessageWriter<'w, UiCommand<DebriefAction>>,
    progress: MessageWriter<'w, UiCommand<ProgressAction>>,
    desk: MessageWriter<'w, UiCommand<DeskAction>>,
    after_call: MessageWriter<'w, UiCommand<AfterCallAction>>,
    shift_results: MessageWriter<'w, UiCommand<ShiftResultsAction>>,
}

/// Sends an action of type `A` through [`UiRequests`].
pub trait SendRequest<A> {
    fn send(&mut self, action: A);
}

macro_rules! send_request {
    ($($action:ty => $writer:ident),* $(,)?) => {
        $(impl SendRequest<$action> for UiRequests<'_> {
            fn send(&mut self, action: $action) {
                self.$writer.write(UiCommand(action));
            }
        })*
    };
}

send_request! {
    TitleAction => title,
    SelectAction => select,
    BriefAction => brief,
    CallAction => call,
    DebriefAction => debrief,
    ProgressAction => progress,
    DeskAction => desk,
    AfterCallAction => after_call,
    ShiftResultsAction => shift_results,
}

pub(super) fn plugin(app: &mut App) {
    register::<TitleAction>(app);
    register::<SelectAction>(app);
    register::<BriefAction>(app);
    register::<CallAction>(app);
    register::<DebriefAction>(app);
    register::<ProgressAction>(app);
    register::<DeskAction>(app);
    register::<AfterCallAction>(app);
    register::<ShiftResultsAction>(app);
}

fn register<A: ScreenAction>(app: &mut App) {
    app.add_message::<UiCommand<A>>()
        .add_observer(on_activate::<A>);
}

/// An activated button sends the action it carries, whichever screen's it is.
fn on_activate<A: ScreenAction>(
    activate: On<Activate>,
    actions: Query<&A>,
    mut commands: MessageWriter<UiCommand<A>>,
) {
    if let Ok(action) = actions.get(activate.entity) {
        commands.write(UiCommand(action.clone()));
    }
}
