//! Scripted runs, for screenshots and demos: `hold-the-line --script FILE` plays the steps in
//! FILE (one per line, `#` starts a comment) through the same commands buttons send, each
//! once the game is ready for it, so a script does not depend on how many frames a line
//! takes. Time advances 50 ms per frame and the window redraws continuously, so a run is
//! the same on every machine.
//!
//! - `signin:NAME`, `open:CASE`, `start`: title, case list, brief;
//! - `speaker`: on a brief, switches how the reply cards speak for the trainee (a man's or a
//!   woman's words, in Arabic and Hebrew cases);
//! - `moretime`: on a brief, cycles the trainee's "more time to answer" (x1, x1.5, x2);
//! - `wholelines`: on a brief, switches the customer's lines between word by word and whole;
//! - `textsize:PERCENT`: sets the text size (100 to 200) as Ctrl with + or - would, on any
//!   screen (kept in the profile of a signed-in trainee);
//! - `begin`: starts a first call from behind its guide to the screen;
//! - `list`, `progress`: back to the case list; from it, My progress;
//! - `size:WxH`: resizes the window (a small laptop screen: `size:800x600`);
//! - `reply:N:VOICE`: waits until the customer has finished, then answers reply N (in the
//!   scenario's order, as `play` numbers them, wherever the shuffled card shows it);
//! - `interrupt:N:VOICE`: waits until the customer is mid-line, then answers;
//! - `wait:SECONDS`: lets game time pass;
//! - `pause`: presses the call's pause (P) control, to pause or resume;
//! - `until:debrief`: waits for the debrief;
//! - `await:PATH`: waits until the file PATH exists (an outside checker has read the screen);
//! - `shot:NAME`: saves `NAME.png` in `$HOLD_THE_LINE_SHOTS` (default: the working folder);
//! - `memory:LABEL`: prints the process's resident memory (Linux), for soak runs
//!   (`ci/soak.script` plays ten calls in one window);
//! - `exit`: quits once the screenshots are written.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::text::EditableText;
use bevy::time::TimeUpdateStrategy;
use htl_core::engine::{Phase, Voice};

use super::Screen;
use super::actions::{
    AfterCallAction, BriefAction, CallAction, DebriefAction, DeskAction, ProgressAction,
    SelectAction, SendRequest, ShiftResultsAction, TitleAction, UiRequests,
};
use super::screens::title::NameField;
use super::session::{LiveCall, Trainee};
use super::theme::text_size::{self, TextSizeNow};
use htl_core::profile::TextSize;

#[derive(Resource, Default)]
pub struct Script {
    steps: VecDeque<String>,
    waited: f32,
    /// Frames left before exiting, so the last screenshot is written.
    exit_in: Option<u32>,
}

impl Script {
    /// Reads a script file: one step per line, blank lines and `#` comments ignored.
    pub fn from_text(text: &str) -> Script {
        Script {
            steps: text
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            ..default()
        }
    }
}

/// Plays `script`: fixed 50 ms frames, redrawn every frame (there is no input to wait for).
pub fn plugin(script: Script) -> impl Fn(&mut App) {
    let steps = script.steps;
    move |app: &mut App| {
        app.insert_resource(Script {
            steps: steps.clone(),
            ..default()
        })
        .insert_resource(TimeUpdateStrategy::ManualDuration(
            std::time::Duration::from_millis(50),
        ))
        .insert_resource(super::redraw::Scripted)
        .add_systems(Update, run);
    }
}

fn shots_dir() -> PathBuf {
    std::env::var_os("HOLD_THE_LINE_SHOTS").map_or_else(|| PathBuf::from("."), PathBuf::from)
}

#[allow(clippy::too_many_arguments)]
fn run(
    mut commands: Commands,
    mut script: ResMut<Script>,
    time: Res<Time>,
    screen: Res<State<Screen>>,
    live: Option<Res<LiveCall>>,
    mut fields: Query<&mut EditableText, With<NameField>>,
    mut windows: Query<&mut Window>,
    desk_next: Query<&DeskAction, With<super::screens::shift::DeskNext>>,
    mut ui: UiRequests,
    mut exit: MessageWriter<AppExit>,
    mut text_size_now: ResMut<TextSizeNow>,
    mut trainee: Option<ResMut<Trainee>>,
) {
    if let Some(frames) = script.exit_in {
        if frames == 0 {
            exit.write(AppExit::Success);
        } else {
            script.exit_in = Some(frames - 1);
        }
        return;
    }
    let Some(step) = script.steps.front().cloned() else {
        return;
    };
    let parts: Vec<&str> = step.split(':').collect();
    let voice = |i: usize| {
        parts
            .get(i)
            .and_then(|v| Voice::parse(v))
            .unwrap_or(Voice::Even)
    };
    let reply = || {
        parts
            .get(1)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1)
            .saturating_sub(1)
    };
    let done = match parts[0] {
        "signin" => {
            for mut field in &mut fields {
                *field = EditableText::new(parts.get(1).copied().unwrap_or("Trainee"));
            }
            ui.send(TitleAction::SignIn);
            true
        }
        "open" => {
            ui.send(SelectAction::OpenCase(
                parts.get(1).copied().unwrap_or_default().to_string(),
            ));
            true
        }
        "start" => {
            *screen.get() == Screen::Brief && {
                ui.send(BriefAction::StartCall);
                true
            }
        }
        "speaker" => {
            *screen.get() == Screen::Brief && {
                ui.send(BriefAction::SwitchSpeaker);
                true
            }
        }
        "moretime" => {
            *screen.get() == Screen::Brief && {
                ui.send(BriefAction::SwitchTimeAllowance);
                true
            }
        }
        "wholelines" => {
            *screen.get() == Screen::Brief && {
                ui.send(BriefAction::SwitchLinesAtOnce);
                true
            }
        }
        "textsize" => {
            let percent = parts.get(1).and_then(|p| p.parse::<u16>().ok());
            let size = TextSize::new(percent.unwrap_or(100));
            text_size::set(&mut text_size_now, trainee.as_deref_mut(), size);
            true
        }
        "size" => {
            // `size:800x600`: the window as a small laptop screen would have it.
            let size = parts
                .get(1)
                .and_then(|s| s.split_once('x'))
                .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)));
            if let Some((w, h)) = size {
                for mut window in &mut windows {
                    window.resolution.set(w as f32, h as f32);
                }
            }
            true
        }
        // Back to the case list from whichever screen has a way back.
        "list" => {
            match screen.get() {
                Screen::Brief => ui.send(BriefAction::BackToList),
                Screen::Debrief => ui.send(DebriefAction::BackToList),
                Screen::Progress => ui.send(ProgressAction::BackToList),
                Screen::ShiftResults => ui.send(ShiftResultsAction::BackToList),
                _ => {}
            }
            true
        }
        "progress" => {
            *screen.get() == Screen::Select && {
                ui.send(SelectAction::ShowProgress);
                true
            }
        }
        "begin" => {
            live.as_ref().is_some_and(|l| l.guide) && {
                ui.send(CallAction::BeginCall);
                true
            }
        }
        "reply" | "interrupt" => {
            let ready = live.as_ref().is_some_and(|l| {
                l.call.can_reply()
                    && l.call.is_offered(reply())
                    && match parts[0] {
                        "reply" => matches!(l.call.phase(), Phase::Waiting { .. }),
                        _ => matches!(l.call.phase(), Phase::Speaking { progress, .. } if progress > 0.5),
                    }
            });
            if ready {
                ui.send(CallAction::Voice(voice(2)));
                ui.send(CallAction::Reply(reply()));
            }
            ready
        }
        "wait" => {
            script.waited += time.delta_secs();
            let target: f32 = parts.get(1).and_then(|s| s.parse().ok()).unwrap_or(1.0);
            if script.waited >= target {
                script.waited = 0.0;
                true
            } else {
                false
            }
        }
        "pause" => {
            ui.send(CallAction::TogglePause);
            true
        }
        // `await:PATH`: holds the game until the file PATH exists: an outside checker (the
        // screen-reader check) says it has read this screen. Real time, not game time: the
        // screen stays as it is until then.
        "await" => {
            let path = step.split_once(':').map_or("", |(_, p)| p);
            std::path::Path::new(path).exists()
        }
        "until" => {
            let target = match parts.get(1).copied() {
                Some("aftercall") => Screen::AfterCall,
                Some("desk") => Screen::Shift,
                Some("results") => Screen::ShiftResults,
                Some("brief") => Screen::Brief,
                _ => Screen::Debrief,
            };
            *screen.get() == target
        }
        // Shift mode: open a shift by id from the case list, press the desk's main button,
        // and do after-call work (`acw:KIND:MINUTES`, `acw:skip`).
        "shift" => {
            *screen.get() == Screen::Select && {
                ui.send(SelectAction::OpenShift(
                    parts.get(1).copied().unwrap_or_default().to_string(),
                ));
                true
            }
        }
        // `desk` presses the main button once; `desk:call` presses it (waiting, taking a
        // break) until a call is taken; `desk:results` until the shift's results show.
        "desk" => {
            let action = desk_next.iter().next().cloned();
            match action {
                Some(action) if *screen.get() == Screen::Shift => {
                    let call = matches!(action, DeskAction::Answer | DeskAction::CallBack(_));
                    let results = action == DeskAction::Results;
                    ui.send(action);
                    match parts.get(1).copied() {
                        Some("call") => call,
                        Some("results") => results,
                        _ => true,
                    }
                }
                _ => false,
            }
        }
        "leave" => {
            ui.send(CallAction::LeaveCall);
            true
        }
        "acw" => {
            *screen.get() == Screen::AfterCall && {
                if parts.get(1) == Some(&"skip") {
                    ui.send(AfterCallAction::Skip);
                } else {
                    let kind = htl_core::vocab::EndingKind::ALL
                        .into_iter()
                        .find(|k| Some(&k.keyword()) == parts.get(1));
                    if let Some(kind) = kind {
                        ui.send(AfterCallAction::NoteEnding(kind));
                    }
                    let minutes = parts.get(2).and_then(|m| m.parse::<u32>().ok());
                    ui.send(AfterCallAction::PromiseIn(minutes));
                    if parts.get(3) != Some(&"hold") {
                        ui.send(AfterCallAction::Save);
                    }
                }
                true
            }
        }
        "shot" => {
            let path = shots_dir().join(format!("{}.png", parts.get(1).copied().unwrap_or("shot")));
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
            true
        }
        "memory" => {
            // Resident memory as the kernel counts it: the renderer's textures and buffers
            // too, which a heap count does not see.
            let rss = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find(|l| l.starts_with("VmRSS:"))
                        .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
                })
                .unwrap_or_else(|| "unknown".into());
            println!("memory {}: {rss}", parts.get(1).copied().unwrap_or(""));
            true
        }
        "exit" => {
            script.exit_in = Some(30);
            true
        }
        other => {
            warn!("unknown CI step `{other}`");
            true
        }
    };
    if done {
        script.steps.pop_front();
    }
}
