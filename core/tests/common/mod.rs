//! Paths shared by the engine crate's tests: the game's scenarios, assets and fixtures
//! live at the workspace root.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn scenarios_dir() -> PathBuf {
    root().join("scenarios")
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}
