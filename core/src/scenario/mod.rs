//! Scenarios: the file format trainers write, loading with diagnostics, and the checked
//! model the engine plays.

pub mod chars;
pub mod check;
pub mod code;
pub mod diagnostic;
pub mod format;
pub mod load;
pub mod locate;
pub mod model;

pub use code::Code;
pub use diagnostic::{Diagnostic, FileReport, LineCol, Severity};
pub use load::{
    Library, MAX_FILE_BYTES, PathError, content_hash, load_bytes, load_file, load_paths,
};
pub use model::*;
