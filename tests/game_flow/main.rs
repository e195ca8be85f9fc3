//! The game without a window: title → case select → brief → call → debrief, driven through
//! the same commands buttons and keys send, with the real scenario files, checking what the
//! screens show and what is saved.
//!
//! One test binary (each links the whole game), in one file per part of the game.

#[path = "../common/mod.rs"]
mod common;

mod call;
mod case_list;
mod debrief;
mod journey;
mod languages;
mod shown;
mod trainee;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::ui_widgets::Activate;
use hold_the_line::game::Screen;
use hold_the_line::game::actions::*;
use hold_the_line::game::cases::Cases;
use hold_the_line::game::locale::Locale;
use hold_the_line::game::screens::brief::PastAttempts;
use hold_the_line::game::screens::call::{CueBar, CueFill, FirstCallGuide};
use hold_the_line::game::screens::debrief::{BetterReplyNote, ScoreText, TierAnnouncement};
use hold_the_line::game::screens::select::CaseCard;
use hold_the_line::game::screens::title::AfreshOffer;
use hold_the_line::game::session::{LiveCall, Trainee};
use htl_core::engine::{Phase, RuleStatus, Voice};
use htl_core::i18n::Lang;
use htl_core::profile::Store;

use common::*;
use shown::*;
