//! The game: screens and features as Bevy plugins over `htl_core`. Nothing here scores or
//! judges; the engine does, and the game shows it.

pub mod a11y;
pub mod actions;
pub mod cases;
pub mod keys;
pub mod locale;
pub mod redraw;
pub mod screens;
pub mod script;
pub mod session;
pub mod text;
pub mod theme;
pub mod window;

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use htl_core::guidance::Catalogue;
use htl_core::i18n::Lang;

/// The screens, in the order a trainee meets them.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Select,
    Brief,
    Call,
    Debrief,
    /// My progress, reached from the case list.
    Progress,
    /// A shift: the desk between calls (queue, call-backs, strain).
    Shift,
    /// A shift: after-call work, between a call and the desk.
    AfterCall,
    /// A shift: how it went.
    ShiftResults,
}

/// How the window redraws outside a call: only on input (and a slow tick), so an idle menu
/// costs next to nothing. Built with `dev`, it also wakes twice a second so an edited
/// scenario shows up without touching the window.
pub fn menu_redraw() -> bevy::winit::WinitSettings {
    #[allow(unused_mut)]
    let mut settings = bevy::winit::WinitSettings::desktop_app();
    #[cfg(feature = "dev")]
    {
        use bevy::winit::UpdateMode;
        settings.focused_mode = UpdateMode::reactive(std::time::Duration::from_millis(500));
        settings.unfocused_mode =
            UpdateMode::reactive_low_power(std::time::Duration::from_millis(500));
    }
    settings
}

/// Where the game finds its cases and keeps its saves.
#[derive(Resource, Debug, Clone)]
pub struct GameConfig {
    pub scenarios_dir: PathBuf,
    pub data_dir: PathBuf,
    /// Fixes the seed of every call (tests and screenshots); None draws a new one each time.
    pub fixed_seed: Option<u64>,
    /// The language forced by `--lang` or HOLD_THE_LINE_LANG; None follows the trainee's
    /// saved choice, else the system.
    pub lang: Option<Lang>,
}

/// Everything but Bevy's own plugins, so tests can run it under `MinimalPlugins` and the
/// binary under `DefaultPlugins`.
pub struct HoldTheLinePlugin {
    pub config: GameConfig,
}

impl Plugin for HoldTheLinePlugin {
    fn build(&self, app: &mut App) {
        let catalogue = Arc::new(Catalogue::builtin());
        app.insert_resource(self.config.clone())
            .insert_resource(cases::LibraryLoading::start(
                self.config.scenarios_dir.clone(),
                catalogue,
            ))
            .insert_resource(locale::Locale::starting(self.config.lang))
            .init_state::<Screen>()
            .add_plugins((
                theme::plugin,
                a11y::plugin,
                actions::plugin,
                keys::plugin,
                cases::plugin,
                locale::plugin,
                session::plugin,
                screens::plugin,
                redraw::plugin,
            ));
    }
}
